#pragma once

#include "auth/actor.h"
#include "desk/invoicedesk.h"
#include "domain/invoice.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QDateEdit;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QTableView;
class QTableWidget;

namespace aftercare {
class Database;
}

namespace aftercare::ui {

class MessageLabel;
template <typename Row> class PagedRowsModel;

// The desk's invoices: drafts to review (lines editable, checked as they are typed; the
// total always follows the lines), issuing with the practice's payment term, payments in
// parts, and the overdue list with the numbers to call. Every change names the invoice as
// it was read: when another desk changed it meanwhile, nothing is overwritten.
class InvoicePage : public QWidget
{
    Q_OBJECT

public:
    InvoicePage(Database& database, const Actor& actor, QWidget* parent = nullptr);
    ~InvoicePage() override;

    void showView(InvoiceDesk::View view);
    void reload();
    QTableView* list() const { return m_list; }
    // The invoice shown below the list, as last read.
    const std::optional<Invoice>& invoice() const { return m_invoice; }
    QString message() const;

    void issueShown();
    void recordPayment();
    void addLine();
    void removeLine();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void showInvoice(InvoiceId id);
    void fillDetail();
    void lineEdited(int row, int column);
    void finish(const Status& status, const QString& done);

    Database& m_database;
    Actor m_actor;
    bool m_loaded = false;
    bool m_filling = false;
    QComboBox* m_view;
    QTableView* m_list;
    PagedRowsModel<InvoiceRow>* m_model;
    QLabel* m_title;
    QTableWidget* m_lines;
    QPushButton* m_addLine;
    QPushButton* m_removeLine;
    QPushButton* m_issue;
    QLabel* m_totals;
    QDoubleSpinBox* m_amount;
    QComboBox* m_method;
    QDateEdit* m_paidOn;
    QPushButton* m_pay;
    MessageLabel* m_message;
    std::optional<Invoice> m_invoice;
};

} // namespace aftercare::ui
