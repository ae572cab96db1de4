#pragma once

#include "aftercare/worklist.h"
#include "auth/actor.h"
#include "domain/ids.h"
#include "workspace.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace aftercare {
class Database;
}

namespace aftercare::ui {

class MessageLabel;
class WorklistModel;

// The clinician's first screen: the calls and tasks due now, most urgent first (priority,
// then deadline; a click on a header sorts by that column), with filters (mine or all, kind,
// overdue only, one client) and a "Plan follow-ups" button that runs the planner (idempotent;
// tasks are planned when their cause happens, the button catches up on what time brought,
// such as rebook reminders falling due) and reloads. Opening a task opens its call dialog.
class FollowUpWorkspace : public Workspace
{
    Q_OBJECT

public:
    FollowUpWorkspace(Database& database, const Actor& actor, QWidget* parent = nullptr);

    WorklistModel* model() const { return m_model; }
    void reload();
    // Shows what a query lists: its scope, kind, overdue filter and client (e.g. a figure of
    // the Today page, so that the list shows exactly what the figure counted).
    void showTasks(const WorklistQuery& query);
    // Opens the call dialog for the worklist's row.
    void openTask(int row);
    // Ctrl+K: find any client and open their clinical profile.
    bool offersClientSearch() const override { return true; }
    void focusClientSearch() override;
    // Opens a task's call dialog, whether or not it is among the rows shown; false when it
    // cannot be opened (the reason is shown).
    bool openTaskById(FollowUpTaskId task);

signals:
    // A call dialog was opened (tests and the idle lock reach it through this).
    void callDialogOpened(QWidget* dialog);
    // The client finder was opened (Ctrl+K or its button).
    void clientFinderOpened(QWidget* dialog);

private:
    void planFollowUps();
    void showCounts();
    void showClientFilter();

    Database& m_database;
    Actor m_actor;
    WorklistModel* m_model;
    QComboBox* m_scope;
    QComboBox* m_kind;
    QCheckBox* m_overdueOnly;
    QPushButton* m_plan;
    QLabel* m_counts;
    QLabel* m_clientFilter;
    QPushButton* m_clearClient;
    ClientId m_client; // valid: only this client's tasks
    MessageLabel* m_message;
    QTableView* m_view;
};

} // namespace aftercare::ui
