#pragma once

#include "domain/vocabulary.h"

#include <optional>

namespace aftercare {

// The score bands of docs/metrics.md, the one place they are written: a satisfied CSAT answer
// is 4–5; NPS promoters answer 9–10, passives 7–8, detractors 0–6; an unhappy client to call
// back gave NPS ≤ 6 or CSAT ≤ 2. SQL that needs a band builds it from these numbers.
namespace FeedbackBands {
inline constexpr int kCsatSatisfiedFrom = 4;
inline constexpr int kCsatDetractorUpTo = 2;
inline constexpr int kNpsPromoterFrom = 9;
inline constexpr int kNpsDetractorUpTo = 6;

constexpr bool isCsatSatisfied(int score)
{
    return score >= kCsatSatisfiedFrom;
}
constexpr bool isNpsPromoter(int score)
{
    return score >= kNpsPromoterFrom;
}
constexpr bool isNpsDetractor(int score)
{
    return score <= kNpsDetractorUpTo;
}
// The highest score of `kind` that makes a client to call back.
constexpr int detractorUpTo(FeedbackKind kind)
{
    return kind == FeedbackKind::Nps ? kNpsDetractorUpTo : kCsatDetractorUpTo;
}
} // namespace FeedbackBands

// A survey answer on its own scale: CSAT 1–5, NPS 0–10. Only parse() makes one.
class FeedbackScore
{
public:
    static std::optional<FeedbackScore> parse(FeedbackKind kind, int score);
    static int minimum(FeedbackKind kind) { return kind == FeedbackKind::Csat ? 1 : 0; }
    static int maximum(FeedbackKind kind) { return kind == FeedbackKind::Csat ? 5 : 10; }

    FeedbackKind kind() const { return m_kind; }
    int value() const { return m_value; }
    // An unhappy client to call back (FeedbackBands).
    bool isDetractor() const { return m_value <= FeedbackBands::detractorUpTo(m_kind); }

private:
    FeedbackScore(FeedbackKind kind, int value)
        : m_kind(kind)
        , m_value(value)
    {}
    FeedbackKind m_kind;
    int m_value;
};

inline std::optional<FeedbackScore> FeedbackScore::parse(FeedbackKind kind, int score)
{
    if (score < minimum(kind) || score > maximum(kind))
        return std::nullopt;
    return FeedbackScore(kind, score);
}

} // namespace aftercare
