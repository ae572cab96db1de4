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

// Tomorrow's appointments whose client was not reminded yet: why each client is on the list
// (the appointment, when and with whom), the preferred channel, where they stand on reminder
// consent, and the phone number for those to call. "Mark done" records the reminder
// (touchpoint and the appointment's stamp), so the row leaves the list; for a client who has
// not agreed to reminders it asks first.
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

    // "no – declined 12.03.2026" and the like, as the list shows it.
    static QString consentText(const ReminderDue& due);
    // "Appointment tomorrow at 09:30 with Dr. Weber, Check-up".
    static QString reasonText(const ReminderDue& due, const QDate& today);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void markDone(const ReminderDue& due, RemindersDue::WithoutConsent withoutConsent);

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
