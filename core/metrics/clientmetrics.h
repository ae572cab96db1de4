#pragma once

#include "error.h"
#include "metrics/metriccounts.h"
#include "metrics/metricresults.h"
#include "metrics/period.h"

#include <QDate>
#include <QList>

#include <map>
#include <utility>
#include <vector>

namespace aftercare {

class MetricQuery;
class SqlBuilder;

// The client base: who is new, who is active on a day, and how cohorts come back.
class ClientMetrics
{
public:
    ClientMetrics(const MetricQuery& query, int lapseWindowDays);

    // New clients (first-ever visit) per month of that first visit, with their referral sources.
    Result<std::map<QDate, NewClientCounts>> newClientsByMonth(const Period& range) const;

    // The clients active on each of the days, and on both days of each pair (indexes into
    // days). One statement: a range read of the visits per span between the edges of the
    // days' activity windows, each client's spans counted as a set.
    Result<ActiveClients> activeOn(const QList<QDate>& days,
                                   const QList<std::pair<int, int>>& pairs) const;

    // One row per calendar month from firstMonth to lastMonth: clients whose first visit is in
    // that month, and how many had another visit within 3, 6 and 12 months. Only visits up
    // to asOf count; a share stays empty until its window has passed for the whole cohort.
    // With newClients: also the new clients of each of those months with their referral
    // sources, as newClientsByMonth() counts them (the same first visits), from the same pass.
    // With totals: also the historical lifetime value's sums up to asOf (the clients with a
    // visit and what they paid, as LifetimeValueMetrics::computeHistorical counts them), from
    // the same pass over every client's first visit; lastMonth must not end before asOf.
    Result<std::vector<CohortRow>> cohorts(QDate firstMonth, QDate lastMonth, QDate asOf,
                                           std::map<QDate, NewClientCounts>* newClients = nullptr,
                                           HistoryTotals* totals = nullptr) const;

    // " AND NOT EXISTS (an earlier visit of a's client)": a is the client's first visit (the
    // lower id breaks a tie of two visits starting at the same moment).
    void requireFirstVisit(SqlBuilder& sql) const;
    // SQL naming the referral source of client c as ReferralResult::bySource does.
    static QString referralSourceOf();

private:
    static void addNewClients(NewClientCounts& counts, const QString& source, qint64 clients);
    // A sub-select of (client_id, first_at): each client whose first visit starts in
    // [from, endExclusive), with its start. One pass grouping the visits by client, where a
    // look-up of an earlier visit for every visit in range costs several times more.
    void firstVisitsBetween(SqlBuilder& sql, QDate from, QDate endExclusive) const;
    // The same for every client with a visit before endExclusive.
    void firstVisitsBefore(SqlBuilder& sql, QDate endExclusive) const;
    // Three columns from a CTE f of firstVisitsBefore(endExclusive): its clients, the amounts
    // paid before endExclusive, and the part of those paid by clients not in f.
    void historyTotalsOf(SqlBuilder& sql, QDate endExclusive) const;
    // SQL for the last day of the k-month window starting on `column`'s date, clamped to the
    // end of a shorter month like QDate::addMonths.
    QString windowEnd(QStringView column, int months) const;
    QString dateOf(QStringView column) const;

    const MetricQuery& m_query;
    int m_lapseWindowDays;
};

} // namespace aftercare
