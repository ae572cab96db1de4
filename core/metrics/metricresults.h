#pragma once

#include "domain/vocabulary.h"
#include "metrics/period.h"

#include <QDate>
#include <QString>

#include <map>
#include <optional>

namespace aftercare {

// The results of the metrics of docs/metrics.md as plain data: computed in core, formatted by the
// dashboard, the PDF and the JSON/CSV writers. A rate is a percentage 0–100, unrounded; a
// figure whose denominator is 0 is empty (std::nullopt), never 0.

struct CsatResult
{
    std::optional<double> score; // 100 × satisfied / responses
    std::optional<double> mean;  // mean score on the 1–5 scale
    qint64 responses = 0;
    qint64 satisfied = 0; // score ≥ 4
    friend bool operator==(const CsatResult&, const CsatResult&) = default;
};

struct NpsInterval
{
    double low = 0;
    double high = 0;
    friend bool operator==(const NpsInterval&, const NpsInterval&) = default;
};

struct NpsResult
{
    std::optional<double> score; // 100 × (P − D) / n, between −100 and 100
    qint64 promoters = 0;        // 9–10
    qint64 passives = 0;         // 7–8
    qint64 detractors = 0;       // 0–6
    qint64 responses = 0;
    std::optional<NpsInterval> ci95; // clipped to [−100, 100]
    bool lowConfidence = true;       // fewer than kNpsConfidentResponses responses
    friend bool operator==(const NpsResult&, const NpsResult&) = default;
};
inline constexpr qint64 kNpsConfidentResponses = 30;

struct RetentionResult
{
    std::optional<double> rate;  // 100 × retained / activeStart
    std::optional<double> churn; // 100 − rate
    qint64 activeStart = 0;      // |S|: active on the day before the period
    qint64 activeEnd = 0;        // |E|: active on the period's last day
    qint64 retained = 0;         // |S ∩ E|
    qint64 newClients = 0;       // first-ever visit in the period
    friend bool operator==(const RetentionResult&, const RetentionResult&) = default;
};

struct NoShowResult
{
    std::optional<double> rate;
    qint64 noShows = 0;
    qint64 completed = 0;
    friend bool operator==(const NoShowResult&, const NoShowResult&) = default;
};

struct RebookingResult
{
    std::optional<double> rate;
    qint64 rebooked = 0;
    qint64 visits = 0;
    friend bool operator==(const RebookingResult&, const RebookingResult&) = default;
};

struct ReferralResult
{
    std::optional<double> rate;
    qint64 referred = 0;
    qint64 newClients = 0;
    // New clients per referral source, the source trimmed and in lower case; client
    // referrals (a referring client or the source "client referral") under
    // kClientReferralSource, no source under kUnknownReferralSource.
    std::map<QString, qint64> bySource;
    friend bool operator==(const ReferralResult&, const ReferralResult&) = default;
};
inline const QString kClientReferralSource = QStringLiteral("client referral");
inline const QString kUnknownReferralSource = QStringLiteral("unknown");

// Lifetime value in cents of the practice's currency.
struct LifetimeValueResult
{
    std::optional<double> historicalCents;
    std::optional<double> predictedCents;
    qint64 clients = 0;   // clients with a visit up to the period's end
    qint64 paidCents = 0; // their paid invoices up to the period's end
    // The predicted value's window Y = [to − 364, to].
    Period window;
    qint64 windowPaidCents = 0;
    qint64 windowVisits = 0;
    qint64 windowClients = 0;
    std::optional<double> windowChurn; // fraction 0–1
    std::optional<double> lifetimeYears;
    friend bool operator==(const LifetimeValueResult&, const LifetimeValueResult&) = default;
};

struct SlaFigures
{
    std::optional<double> rate;
    qint64 met = 0;
    qint64 due = 0;
    friend bool operator==(const SlaFigures&, const SlaFigures&) = default;
};

struct SlaResult
{
    SlaFigures total;
    std::map<TaskKind, SlaFigures> byKind; // every task kind, also those with nothing due
    friend bool operator==(const SlaResult&, const SlaResult&) = default;
};

struct StepCompletion
{
    qint64 applicable = 0;
    qint64 done = 0;
    std::optional<double> share; // 100 × done / applicable
    friend bool operator==(const StepCompletion&, const StepCompletion&) = default;
};

struct PostServiceDeltaResult
{
    std::optional<double> mean; // mean number of applicable steps not done, per visit
    qint64 visits = 0;
    std::map<PostServiceStep, StepCompletion> steps; // all five steps
    friend bool operator==(const PostServiceDeltaResult&, const PostServiceDeltaResult&) = default;
};

struct CohortRow
{
    QDate month; // first day of the month of the clients' first visit
    qint64 clients = 0;
    // Clients with another visit within 3, 6, 12 months of their first.
    qint64 returned3 = 0;
    qint64 returned6 = 0;
    qint64 returned12 = 0;
    // 100 × returned / clients; empty without clients or while the window of the cohort's
    // last day has not fully passed by the report's end.
    std::optional<double> k3;
    std::optional<double> k6;
    std::optional<double> k12;
    friend bool operator==(const CohortRow&, const CohortRow&) = default;
};

// Everything that is computed for one period (and for each month of a series).
struct PeriodMetrics
{
    Period period;
    CsatResult csat;
    NpsResult nps;
    RetentionResult retention;
    NoShowResult noShow;
    RebookingResult rebooking;
    ReferralResult referral;
    SlaResult sla;
    PostServiceDeltaResult postServiceDelta;
    friend bool operator==(const PeriodMetrics&, const PeriodMetrics&) = default;
};

} // namespace aftercare
