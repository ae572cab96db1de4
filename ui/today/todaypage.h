#pragma once

#include "aftercare/worklist.h"
#include "auth/actor.h"
#include "domain/ids.h"
#include "workspace.h"

#include <QDate>
#include <QDateTime>

class QLabel;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace aftercare {
class Database;
}

namespace aftercare::ui {

class FigureTile;
class MessageLabel;

// The page every role sees first: the practice, today's date, today's figures (appointments,
// arrivals, follow-up work due and overdue) and under them the day's short lists: who comes
// next, who is checked in and waiting, and the follow-ups due for the person signed in. A
// figure opens what it counts and a line (double-click or Enter) opens its screen, where the
// signed-in person has that screen (setLinks); MainWindow's TodayNavigator takes them there.
class TodayPage : public Workspace
{
    Q_OBJECT

public:
    // What a follow-up figure or heading counts (TodayOverview's queries).
    enum class FollowUps
    {
        Due,     // the practice's work due now
        Overdue, // of it, past its deadline
        Mine,    // the signed-in person's, and what nobody has taken yet
    };
    Q_ENUM(FollowUps)

    static constexpr int kListLength = 8;

    TodayPage(Database& database, const Actor& actor, QWidget* parent = nullptr);

    // Which screens this person may be taken to: the diary and the follow-up worklist. Lines
    // and figures lead only where they can; the follow-up list is shown with the worklist.
    void setLinks(bool schedule, bool worklist);
    // The page as of `now` (invalid: the current time; tests pass their own).
    void refresh(const QDateTime& now = {});
    // The worklist query a follow-up figure or heading counts, for the worklist to show.
    WorklistQuery followUpQuery(FollowUps which, const QDateTime& now) const;

signals:
    void scheduleRequested(const QDate& day);
    void visitRequested(aftercare::AppointmentId appointment, aftercare::ClientId client,
                        aftercare::PractitionerId practitioner, const QDateTime& startsAt);
    void followUpsRequested(aftercare::ui::TodayPage::FollowUps which);
    void taskRequested(aftercare::FollowUpTaskId task);

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    QWidget* buildList(const QString& objectName, QLabel* heading, QTreeWidget* list, QLabel* empty,
                       const QStringList& columns);
    void showVisits(const QDateTime& now);
    void showTasks(const QDateTime& now);
    void activateVisit(QTreeWidgetItem* item);
    void activateTask(QTreeWidgetItem* item);

    Database& m_database;
    Actor m_actor;
    bool m_scheduleLink = false;
    bool m_worklistLink = false;
    QLabel* m_practice;
    QLabel* m_date;
    FigureTile* m_appointments;
    FigureTile* m_arrived;
    FigureTile* m_dueTasks;
    FigureTile* m_overdue;
    MessageLabel* m_error;
    QLabel* m_arrivalsHeading;
    QTreeWidget* m_arrivals;
    QLabel* m_arrivalsEmpty;
    QLabel* m_waitingHeading;
    QTreeWidget* m_waiting;
    QLabel* m_waitingEmpty;
    QWidget* m_tasksPane = nullptr;
    QLabel* m_tasksHeading;
    QTreeWidget* m_tasks;
    QLabel* m_tasksEmpty;
    QTimer* m_refresh;
};

} // namespace aftercare::ui
