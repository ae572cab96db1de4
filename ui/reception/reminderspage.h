#pragma once

#include "auth/actor.h"
#include "desk/remindersdue.h"

#include <QWidget>

class QDateEdit;
class QPushButton;
class QTableView;

namespace aftercare {
class Database;
}

namespace aftercare::ui {

class MessageLabel;
template <typename Row> class PagedRowsModel;

// Tomorrow's appointments whose client was not reminded yet, with the client's preferred
// channel, whether they consented to reminders on it, and the phone number for those to
// call. "Mark done" records the reminder (touchpoint and the appointment's stamp), so the
// row leaves the list.
class RemindersPage : public QWidget
{
    Q_OBJECT

public:
    RemindersPage(Database& database, const Actor& actor, QWidget* parent = nullptr);
    ~RemindersPage() override;

    void showDay(const QDate& day);
    void reload();
    void markSelectedDone();
    QTableView* list() const { return m_list; }
    QString message() const;

protected:
    void showEvent(QShowEvent* event) override;

private:
    Database& m_database;
    Actor m_actor;
    bool m_loaded = false;
    QDateEdit* m_day;
    QTableView* m_list;
    PagedRowsModel<ReminderDue>* m_model;
    QPushButton* m_done;
    MessageLabel* m_message;
};

} // namespace aftercare::ui
