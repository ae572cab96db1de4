#pragma once

#include "auth/actor.h"
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

// The clinician's first screen: the calls and tasks due now, most urgent first, with filters
// (mine or all, kind, overdue only) and a "Plan follow-ups" button that runs the planner
// (idempotent) and reloads. Opening a task opens its call dialog.
class FollowUpWorkspace : public Workspace
{
    Q_OBJECT

public:
    FollowUpWorkspace(Database& database, const Actor& actor, QWidget* parent = nullptr);

    WorklistModel* model() const { return m_model; }
    void reload();
    // Opens the call dialog for the worklist's row.
    void openTask(int row);
    // Ctrl+K: find any client and open their clinical profile.
    bool offersClientSearch() const override { return true; }
    void focusClientSearch() override;

signals:
    // A call dialog was opened (tests and the idle lock reach it through this).
    void callDialogOpened(QWidget* dialog);
    // The client finder was opened (Ctrl+K or its button).
    void clientFinderOpened(QWidget* dialog);

private:
    void planFollowUps();
    void showCounts();

    Database& m_database;
    Actor m_actor;
    WorklistModel* m_model;
    QComboBox* m_scope;
    QComboBox* m_kind;
    QCheckBox* m_overdueOnly;
    QPushButton* m_plan;
    QLabel* m_counts;
    MessageLabel* m_message;
    QTableView* m_view;
};

} // namespace aftercare::ui
