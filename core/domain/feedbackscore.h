#pragma once

#include "domain/vocabulary.h"

#include <optional>

namespace aftercare {

// A survey answer on its own scale: CSAT 1–5, NPS 0–10. Only parse() makes one.
class FeedbackScore
{
public:
    static std::optional<FeedbackScore> parse(FeedbackKind kind, int score);
    static int minimum(FeedbackKind kind) { return kind == FeedbackKind::Csat ? 1 : 0; }
    static int maximum(FeedbackKind kind) { return kind == FeedbackKind::Csat ? 5 : 10; }

    FeedbackKind kind() const { return m_kind; }
    int value() const { return m_value; }
    // An unhappy client to call back (BRIEF §4): NPS ≤ 6 or CSAT ≤ 2.
    bool isDetractor() const { return m_kind == FeedbackKind::Nps ? m_value <= 6 : m_value <= 2; }

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
