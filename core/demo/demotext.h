#pragma once

#include <span>

namespace aftercare {

// The words the demo practice is made of: names of people and places, what clients say
// and what staff note down. UTF-8 literals, mixed German, English and international, with
// apostrophes, umlauts and accents on purpose so that every screen meets them.
namespace DemoText {

struct Weighted
{
    const char* text;
    int weight;
};

std::span<const char* const> femaleFirstNames();
std::span<const char* const> maleFirstNames();
std::span<const char* const> neutralFirstNames();
std::span<const char* const> lastNames();
// First names are stored as one code: 1000 * list (0 female, 1 male, 2 neutral) + index.
const char* firstName(int code);
std::span<const char* const> streets();
std::span<const char* const> towns(); // "PLZ Town"

// referral_source values; "Client referral" is the one that names a referring client.
std::span<const Weighted> referralSources();
inline constexpr const char* kClientReferral = "Client referral";

std::span<const char* const> expectations();
std::span<const char* const> cancellationReasons();
std::span<const char* const> praise();     // comments with high scores
std::span<const char* const> mixed();      // comments with middling scores
std::span<const char* const> complaints(); // comments with low scores
std::span<const char* const> checkinNotes();
std::span<const char* const> noAnswerNotes();
std::span<const char* const> detractorNotes();
std::span<const char* const> rebookDeclinedNotes();

} // namespace DemoText

} // namespace aftercare
