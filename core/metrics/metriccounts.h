#pragma once

#include "domain/vocabulary.h"

#include <QString>

#include <array>
#include <map>
#include <vector>

namespace aftercare {

// Raw counts read from the database, one set per calendar month. They add up: the counts of
// a period are the sum of its months' counts, and the formulas turn them into results. That
// keeps a period's figure and its monthly series the same numbers by construction.

struct FeedbackCounts
{
    qint64 csatResponses = 0;
    qint64 csatSatisfied = 0; // score ≥ 4
    qint64 csatScoreSum = 0;
    qint64 npsPromoters = 0;  // 9–10
    qint64 npsPassives = 0;   // 7–8
    qint64 npsDetractors = 0; // 0–6

    FeedbackCounts& operator+=(const FeedbackCounts& other);
    friend bool operator==(const FeedbackCounts&, const FeedbackCounts&) = default;
};

struct AppointmentCounts
{
    qint64 completed = 0; // visits by start date
    qint64 noShows = 0;
    qint64 rebooked = 0; // visits followed by a booking made within 7 × 24 h of their end

    AppointmentCounts& operator+=(const AppointmentCounts& other);
    friend bool operator==(const AppointmentCounts&, const AppointmentCounts&) = default;
};

struct NewClientCounts
{
    qint64 newClients = 0;
    qint64 referred = 0;
    std::map<QString, qint64> bySource; // see ReferralResult::bySource

    NewClientCounts& operator+=(const NewClientCounts& other);
    friend bool operator==(const NewClientCounts&, const NewClientCounts&) = default;
};

// The historical lifetime value's sums up to a day (LifetimeValueMetrics::finishHistorical).
struct HistoryTotals
{
    qint64 clientsWithVisit = 0; // clients with a visit up to the day
    qint64 paidCents = 0;        // what they paid up to the day
    friend bool operator==(const HistoryTotals&, const HistoryTotals&) = default;
};

struct SlaCounts
{
    struct Figures
    {
        qint64 met = 0;
        qint64 due = 0;
        friend bool operator==(const Figures&, const Figures&) = default;
    };
    std::map<TaskKind, Figures> byKind;

    SlaCounts& operator+=(const SlaCounts& other);
    friend bool operator==(const SlaCounts&, const SlaCounts&) = default;
};

inline constexpr std::size_t kPostServiceStepCount = allOf<PostServiceStep>().size();

struct PostServiceCounts
{
    qint64 visits = 0;
    std::array<qint64, kPostServiceStepCount> applicable{}; // indexed like allOf<PostServiceStep>()
    std::array<qint64, kPostServiceStepCount> done{};       // applicable and done

    PostServiceCounts& operator+=(const PostServiceCounts& other);
    friend bool operator==(const PostServiceCounts&, const PostServiceCounts&) = default;
};

// Clients active on each of a list of days, and on both days of chosen pairs of them.
struct ActiveClients
{
    std::vector<qint64> active; // per day
    std::vector<qint64> both;   // per pair of days
    friend bool operator==(const ActiveClients&, const ActiveClients&) = default;
};

} // namespace aftercare
