#pragma once

#include "workspace.h"

class QLabel;
class QTimer;

namespace aftercare {
class Database;
}

namespace aftercare::ui {

class FigureTile;
class MessageLabel;

// The page every role sees first: the practice, today's date and today's figures
// (appointments, arrivals, follow-up work due and overdue). Counts only, nothing clinical.
class TodayPage : public Workspace
{
    Q_OBJECT

public:
    explicit TodayPage(Database& database, QWidget* parent = nullptr);

    void refresh();

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    Database& m_database;
    QLabel* m_practice;
    QLabel* m_date;
    FigureTile* m_appointments;
    FigureTile* m_checkedIn;
    FigureTile* m_dueToday;
    FigureTile* m_overdue;
    MessageLabel* m_error;
    QTimer* m_refresh;
};

} // namespace aftercare::ui
