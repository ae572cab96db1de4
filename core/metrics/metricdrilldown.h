#pragma once

#include "auth/actor.h"
#include "domain/ids.h"
#include "domain/vocabulary.h"
#include "error.h"
#include "metrics/metricfilter.h"
#include "metrics/period.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include <optional>
#include <vector>

namespace aftercare {

class Database;
class SqlBuilder;

// Which figure's rows a drill-down lists.
enum class DrilldownSubject
{
    CsatResponses,  // CSAT answers of the period
    NpsResponses,   // NPS answers of the period (optionally one band)
    Visits,         // completed appointments starting in the period
    RebookedVisits, // of those, the ones rebooked within 7 × 24 h
    NoShows,        // no-show appointments starting in the period
    NewClients,     // first-ever visits in the period (optionally one referral source)
    LapsedClients,  // active the day before the period, no longer on its last day
    SlaTasks,       // follow-up tasks with their deadline in the period that count for the SLA
};

enum class NpsBand
{
    Promoter,  // 9–10
    Passive,   // 7–8
    Detractor, // 0–6
};

// What a drill-down's rows are sorted by; ties go by date, then by the row's own id, so
// that paging never skips or repeats a row.
enum class DrilldownOrder
{
    When,         // answer, appointment start, last visit or task deadline
    Client,       // last name, then first name, without regard to case
    Score,        // answers only
    Practitioner, // without regard to case
    Service,      // without regard to case
    Detail,       // NPS band, task kind and whether it was met, or referral source
};

struct DrilldownQuery
{
    DrilldownSubject subject = DrilldownSubject::Visits;
    Period period;
    MetricFilter filter;
    std::optional<NpsBand> npsBand;   // NpsResponses only
    std::optional<TaskKind> taskKind; // SlaTasks only
    // NewClients only: a source as ReferralResult::bySource names it (trimmed, lower case,
    // kClientReferralSource, kUnknownReferralSource); empty for all.
    QString referralSource;
    QDateTime now; // SlaTasks: open tasks count once their deadline has passed
    DrilldownOrder order = DrilldownOrder::When;
    bool descending = false;

    static DrilldownQuery of(DrilldownSubject subject, const Period& period)
    {
        DrilldownQuery query;
        query.subject = subject;
        query.period = period;
        return query;
    }
};

// One client or appointment behind a figure. What a manager may see: who, when, the score,
// practitioner and service; never result values, summaries or call notes.
struct DrilldownRow
{
    qint64 id = 0; // of the feedback, appointment or task the row stands for
    ClientId client;
    QString clientName; // "Last, First"
    QDateTime when;     // answer, appointment start, last visit or task deadline
    std::optional<int> score;
    QString practitioner;
    QString service;
    // NPS band, task kind or referral source (their SQL names), else empty.
    QString category;
    std::optional<bool> met; // SlaTasks: done by the deadline
};

// The rows behind a metric, counted and paged in SQL with the same rules and filters as the
// MetricsEngine, so a list holds exactly the n its figure was computed from. Only managers
// and administrators may list them (Permission::ViewReports), checked here.
class MetricDrilldown
{
    Q_DECLARE_TR_FUNCTIONS(MetricDrilldown)

public:
    MetricDrilldown(const Database& database, const Actor& actor);

    Result<qint64> count(const DrilldownQuery& query) const;
    // Rows in the query's order (by default their date, then id), from offset, at most limit
    // of them.
    Result<std::vector<DrilldownRow>> rows(const DrilldownQuery& query, qint64 offset,
                                           int limit) const;

private:
    Result<SqlBuilder> select(const DrilldownQuery& query) const;

    const Database& m_database;
    Actor m_actor;
};

} // namespace aftercare
