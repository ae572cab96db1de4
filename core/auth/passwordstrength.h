#pragma once

#include "error.h"

#include <QString>

namespace aftercare {

// Why a new password is too easy to guess; None when it is good enough.
enum class PasswordWeakness
{
    None,
    Empty,
    TooShort,
    DictionaryWord,     // a word of the dictionary, or one with a few letters changed
    TooSimple,          // a pattern such as abcd1234
    TooFewDifferent,    // too few different characters
    RepeatedCharacters, // the same character many times in a row
    Sequence,           // a run such as abcd or 1234 inside it
    Palindrome,
    ContainsUserName,
    CheckUnavailable, // the library or its dictionary is missing: nothing is accepted
};

// The judgement of a new password by libpwquality with cracklib's dictionary, a kept library
// rather than rules of our own: whether it is strong enough, why not, and its score (0-100).
struct PasswordVerdict
{
    PasswordWeakness weakness = PasswordWeakness::None;
    int score = 0;

    bool isStrongEnough() const { return weakness == PasswordWeakness::None; }
};

class PasswordStrength
{
    Q_DECLARE_TR_FUNCTIONS(PasswordStrength)

public:
    // Fewer characters than this are never enough (counted as characters, not bytes).
    static constexpr int kMinimumLength = 8;

    // userName, when given, must not be part of the password.
    static PasswordVerdict check(const QString& password, const QString& userName = {});
    // Why, in a sentence for the person typing it.
    static QString describe(PasswordWeakness weakness);
    // A Validation error with describe()'s text when the password is not strong enough.
    static Status require(const QString& password, const QString& userName = {});
};

} // namespace aftercare
