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
// parts, the overdue list with days overdue, the numbers to call and what is owed in all,
// and the invoice or receipt to print or send. Every change names the invoice as it was
// read: when another desk changed it meanwhile, nothing is overwritten. After a change the
// page stays on the invoice just handled, wherever the list now has it: the next payment
// goes to the invoice (and client) the payment form names, never to the top of a list.
class InvoicePage : public QWidget
{
    Q_OBJECT

public:
    InvoicePage(Database& database, const Actor& actor, QWidget* parent = nullptr);
    ~InvoicePage() override;

    void showView(InvoiceDesk::View view);
    // Reads the list again; the invoice shown stays when it is in the list, else the first.
    void reload();
    QTableView* list() const { return m_list; }
    // The invoice shown below the list, as last read.
    const std::optional<Invoice>& invoice() const { return m_invoice; }
    QString message() const;

    void issueShown();
    void recordPayment();
    void addLine();
    void removeLine();
    void openDocument();

protected:
    void showEvent(QShowEvent* event) override;

private:
    InvoiceDesk::View currentView() const;
    // Reads the list and selects keep when it is in it; when it is not, stay keeps it shown
    // below the list anyway (after a change) instead of showing the first row.
    void load(InvoiceId keep, bool stay);
    void showSummary(InvoiceDesk::View view, const QDate& today);
    void showInvoice(InvoiceId id);
    void fillDetail();
    void lineEdited(int row, int column);
    // Shows the outcome and reads the list again, staying on the invoice handled.
    void finish(const Status& status, const QString& done);

    Database& m_database;
    Actor m_actor;
    bool m_loaded = false;
    bool m_filling = false;
    bool m_selecting = false;
    QComboBox* m_view;
    QLabel* m_summary;
    QTableView* m_list;
    PagedRowsModel<InvoiceRow>* m_model;
    QLabel* m_title;
    QTableWidget* m_lines;
    QPushButton* m_addLine;
    QPushButton* m_removeLine;
    QPushButton* m_issue;
    QPushButton* m_document;
    QLabel* m_totals;
    QLabel* m_paymentFor;
    QDoubleSpinBox* m_amount;
    QComboBox* m_method;
    QDateEdit* m_paidOn;
    QPushButton* m_pay;
    MessageLabel* m_message;
    std::optional<Invoice> m_invoice;
    std::optional<InvoiceRow> m_row; // the shown invoice's number and client
};

} // namespace aftercare::ui
