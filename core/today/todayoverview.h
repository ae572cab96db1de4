#pragma once

#include "aftercare/worklist.h"
#include "domain/ids.h"
#include "domain/vocabulary.h"
#include "error.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QString>

#include <vector>

namespace aftercare {

class Database;

// The figures on the page every role sees first. Counts only: nothing clinical, no names.
struct TodayFigures
{
    qint64 appointments = 0; // today, not cancelled
    qint64 arrived = 0;      // of these, the clients who have arrived (checked in or seen)
    qint64 tasksDue = 0;     // follow-up work due now, overdue included (Worklist::counts)
    qint64 tasksOverdue = 0; // of it, the work whose deadline has passed
};

// One of today's visits on the Today page: who, when, with whom. No notes, nothing clinical.
struct TodayVisit
{
    AppointmentId appointment;
    ClientId client;
    QString clientName;
    PractitionerId practitioner;
    QString practitionerName;
    QString serviceName;
    QDateTime startsAt;
    QDateTime endsAt;
    QDateTime checkedInAt; // arrived clients only
    AppointmentStatus status = AppointmentStatus::Booked;
};

// The practice at a glance: its name, today's figures and the short lists under them. The
// follow-up figures are the worklist's own counts of the queries below, so the Today page
// and the worklist it opens always agree.
class TodayOverview
{
    Q_DECLARE_TR_FUNCTIONS(TodayOverview)

public:
    explicit TodayOverview(Database& database);

    // practice_settings 'practice.name'; empty when not set.
    Result<QString> practiceName() const;
    // The figures of now's day, as of now.
    Result<TodayFigures> figures(const QDateTime& now) const;

    // Today's bookings still to arrive (booked or confirmed, not over yet), earliest first.
    Result<std::vector<TodayVisit>> arrivals(const QDateTime& now, int limit) const;
    // Today's clients who checked in and have not been seen yet, longest waiting first.
    Result<std::vector<TodayVisit>> waiting(const QDateTime& now, int limit) const;

    // What the follow-up figures count, as worklist queries (the page opens the worklist with
    // them): the practice's work due, the part of it overdue, and the work of one person
    // (their own and what nobody has taken yet, as their worklist shows first).
    static WorklistQuery dueTasks(const QDateTime& now);
    static WorklistQuery overdueTasks(const QDateTime& now);
    static WorklistQuery tasksOf(UserId user, const QDateTime& now);

private:
    Result<std::vector<TodayVisit>> visits(const QString& where, const QString& order,
                                           const QVariantList& values, int limit) const;

    Database& m_database;
};

} // namespace aftercare
