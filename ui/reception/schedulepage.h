#pragma once

#include "auth/actor.h"
#include "domain/appointment.h"
#include "domain/practitioner.h"
#include "error.h"

#include <QWidget>

#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDialog;
class QLabel;
class QPrinter;
class QPushButton;
class QScrollArea;
class QTimer;

namespace aftercare {
class Database;
}

namespace aftercare::ui {

class ScheduleView;

// The reception's diary page: one day of every active practitioner, today by default, with
// booking, moving, cancelling, no-show, check-in and completion of the selected appointment.
// Every change is refused rather than overwriting when another workstation changed the
// appointment meanwhile; the page then says who and when, and reloads.
//
// A no-show, a completion or a move (dragged or through the dialog) can be taken back with
// Undo (Ctrl+Z)
// until the next change or for half a minute: a mis-click or a mis-drag is never final. The
// day's list prints (Ctrl+P) per practitioner.
class SchedulePage : public QWidget
{
    Q_OBJECT

public:
    SchedulePage(Database& database, const Actor& actor, QWidget* parent = nullptr);

    void showDay(const QDate& date);
    // The week (Monday to Sunday) of the chosen day instead of the day.
    void setWeek(bool week);
    bool isWeek() const;
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
    // Takes back the last no-show, completion or move, while it is still offered.
    void undoLast();
    bool canUndo() const;
    // Shows the appointment's day with it selected (from a client's profile).
    void showAppointment(const Appointment& appointment);
    // Asks for the printer, then prints the selected day's list.
    void printDayList();
    // Prints the day's list of the selected day onto printer (a PDF in the tests).
    Status printDayList(QPrinter& printer);
    // Moves an appointment dragged in the view, through the same desk change as the dialog.
    void moveByDrag(aftercare::AppointmentId appointment, aftercare::PractitionerId practitioner,
                    const QDateTime& startsAt);

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
    void fillPractitioners(const std::vector<Practitioner>& practitioners);
    // What Undo would take back: the appointment as the change left it, and as it was.
    enum class UndoKind
    {
        NoShow,
        Complete,
        Move,
    };
    struct Undoable
    {
        UndoKind kind;
        Appointment before;
        Appointment after;
    };
    void offerUndo(UndoKind kind, const Appointment& before, const Appointment& after);
    void dropUndo();
    void showOutsideHours();

    Database& m_database;
    Actor m_actor;
    bool m_loaded = false;
    bool m_fillingPractitioners = false;
    bool m_reloading = false;
    QDateEdit* m_date;
    QCheckBox* m_showCancelled;
    QPushButton* m_weekToggle;
    QComboBox* m_practitioner;
    QPushButton* m_book;
    QPushButton* m_move;
    QPushButton* m_checkIn;
    QPushButton* m_complete;
    QPushButton* m_noShow;
    QPushButton* m_cancel;
    QPushButton* m_print;
    QPushButton* m_undo;
    QTimer* m_undoTimer;
    std::optional<Undoable> m_undoable;
    QWidget* m_legend;
    QLabel* m_outsideHours;
    QLabel* m_message;
    QScrollArea* m_scroll;
    ScheduleView* m_view;
};

} // namespace aftercare::ui
