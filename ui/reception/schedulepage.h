#pragma once

#include "auth/actor.h"
#include "domain/appointment.h"
#include "error.h"

#include <QWidget>

#include <optional>

class QCheckBox;
class QDateEdit;
class QDialog;
class QLabel;
class QPushButton;
class QScrollArea;

namespace aftercare {
class Database;
}

namespace aftercare::ui {

class ScheduleView;

// The reception's diary page: one day of every active practitioner, today by default, with
// booking, moving, cancelling, no-show, check-in and completion of the selected appointment.
// Every change is refused rather than overwriting when another workstation changed the
// appointment meanwhile; the page then says who and when, and reloads.
class SchedulePage : public QWidget
{
    Q_OBJECT

public:
    SchedulePage(Database& database, const Actor& actor, QWidget* parent = nullptr);

    void showDay(const QDate& date);
    void reload();
    QDate day() const;
    ScheduleView* view() const { return m_view; }
    QString message() const;

    void bookAtSelection();
    void moveSelected();
    void cancelSelected();
    void markSelectedNoShow();
    void checkInSelected();
    void completeSelected();

signals:
    // A booking dialog opened (tests and the workspace reach it through this).
    void dialogOpened(QDialog* dialog);

protected:
    void showEvent(QShowEvent* event) override;

private:
    std::optional<Appointment> selected();
    // Shows the outcome of a change; on a refusal that says the diary moved on, reloads.
    void finish(const Status& status, const QString& done);
    void showMessage(const QString& text, bool error);
    void updateActions();

    Database& m_database;
    Actor m_actor;
    bool m_loaded = false;
    QDateEdit* m_date;
    QCheckBox* m_showCancelled;
    QPushButton* m_book;
    QPushButton* m_move;
    QPushButton* m_checkIn;
    QPushButton* m_complete;
    QPushButton* m_noShow;
    QPushButton* m_cancel;
    QLabel* m_message;
    QScrollArea* m_scroll;
    ScheduleView* m_view;
};

} // namespace aftercare::ui
