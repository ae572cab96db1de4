#pragma once

#include "error.h"

#include <QCoreApplication>
#include <QDate>
#include <QString>

namespace aftercare {

class Database;

// The counts on the home page every role sees first. Counts only: nothing clinical, no names.
struct TodayFigures
{
    qint64 appointments = 0; // today, not cancelled
    qint64 checkedIn = 0;    // of these, the clients who have arrived (checked in or completed)
    qint64 tasksDueToday = 0;
    qint64 tasksOverdue = 0; // open follow-up tasks due before today
};

// The practice at a glance: its name and today's figures.
class TodayOverview
{
    Q_DECLARE_TR_FUNCTIONS(TodayOverview)

public:
    explicit TodayOverview(Database& database);

    // practice_settings 'practice.name'; empty when not set.
    Result<QString> practiceName() const;
    Result<TodayFigures> figures(const QDate& day) const;

private:
    Database& m_database;
};

} // namespace aftercare
