#pragma once

#include "auth/actor.h"
#include "desk/notrebooked.h"

#include <QWidget>

class QDialog;
class QLabel;
class QPushButton;
class QTableView;

namespace aftercare {
class Database;
}

namespace aftercare::ui {

class MessageLabel;
template <typename Row> class PagedRowsModel;

// Clients to call back: their last visit is older than its service's rebook interval and
// nothing is booked. Recording a recall call (with how it went) adds a phone touchpoint.
class NotRebookedPage : public QWidget
{
    Q_OBJECT

public:
    NotRebookedPage(Database& database, const Actor& actor, QWidget* parent = nullptr);
    ~NotRebookedPage() override;

    void reload();
    // Asks how the call with the selected client went, then records it.
    void recordCallForSelected();
    // Opens the booking dialog for the selected client; once booked they leave the list.
    void bookForSelected();
    QTableView* list() const { return m_list; }
    QString message() const;

signals:
    void dialogOpened(QDialog* dialog);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void record(const RecallDue& due, const QString& outcome);

    Database& m_database;
    Actor m_actor;
    bool m_loaded = false;
    QLabel* m_count;
    QTableView* m_list;
    PagedRowsModel<RecallDue>* m_model;
    QPushButton* m_call;
    QPushButton* m_book;
    MessageLabel* m_message;
};

} // namespace aftercare::ui
