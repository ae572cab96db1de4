#include "auth/passwordstrength.h"

#include <cstring>
#include <libintl.h>
#include <memory>
#include <pwquality.h>

namespace aftercare {

namespace {

// Settings of our own, not the computer's /etc/security/pwquality.conf (that is the login
// policy of the operating system's accounts): the same judgement on every workstation.
struct Settings
{
    std::unique_ptr<pwquality_settings_t, decltype(&pwquality_free_settings)> pwq{
        pwquality_default_settings(), &pwquality_free_settings};

    Settings()
    {
        if (!pwq)
            return;
        pwquality_set_int_value(pwq.get(), PWQ_SETTING_MIN_LENGTH,
                                PasswordStrength::kMinimumLength);
        pwquality_set_int_value(pwq.get(), PWQ_SETTING_DICT_CHECK, 1);
        pwquality_set_int_value(pwq.get(), PWQ_SETTING_USER_CHECK, 1);
        pwquality_set_int_value(pwq.get(), PWQ_SETTING_MAX_REPEAT, 3);
        pwquality_set_int_value(pwq.get(), PWQ_SETTING_MAX_SEQUENCE, 4);
    }
};

// cracklib's verdicts come as its own (possibly translated) sentences; they are told apart
// by comparing with the same sentence looked up in cracklib's catalogue.
bool isCracklib(const char* verdict, const char* english)
{
    return verdict && (std::strcmp(verdict, english) == 0 ||
                       std::strcmp(verdict, dgettext("cracklib", english)) == 0);
}

PasswordWeakness fromCracklib(const char* verdict)
{
    if (isCracklib(verdict, "error loading dictionary"))
        return PasswordWeakness::CheckUnavailable;
    if (isCracklib(verdict, "it is WAY too short") || isCracklib(verdict, "it is too short"))
        return PasswordWeakness::TooShort;
    if (isCracklib(verdict, "it is all whitespace") ||
        isCracklib(verdict, "it does not contain enough DIFFERENT characters"))
        return PasswordWeakness::TooFewDifferent;
    if (isCracklib(verdict, "it is based on a dictionary word") ||
        isCracklib(verdict, "it is based on a (reversed) dictionary word"))
        return PasswordWeakness::DictionaryWord;
    if (isCracklib(verdict, "it is based on your username"))
        return PasswordWeakness::ContainsUserName;
    return PasswordWeakness::TooSimple;
}

PasswordWeakness fromLibrary(int code, void* auxiliary)
{
    switch (code) {
    case PWQ_ERROR_EMPTY_PASSWORD:
        return PasswordWeakness::Empty;
    case PWQ_ERROR_MIN_LENGTH:
        return PasswordWeakness::TooShort;
    case PWQ_ERROR_CRACKLIB_CHECK:
        return fromCracklib(static_cast<const char*>(auxiliary));
    case PWQ_ERROR_BAD_WORDS:
        return PasswordWeakness::DictionaryWord;
    case PWQ_ERROR_PALINDROME:
        return PasswordWeakness::Palindrome;
    case PWQ_ERROR_MAX_CONSECUTIVE:
    case PWQ_ERROR_MAX_CLASS_REPEAT:
        return PasswordWeakness::RepeatedCharacters;
    case PWQ_ERROR_MAX_SEQUENCE:
        return PasswordWeakness::Sequence;
    case PWQ_ERROR_USER_CHECK:
    case PWQ_ERROR_GECOS_CHECK:
        return PasswordWeakness::ContainsUserName;
    case PWQ_ERROR_MEM_ALLOC:
    case PWQ_ERROR_FATAL_FAILURE:
        return PasswordWeakness::CheckUnavailable;
    default:
        // Rules about an old password or kinds of characters, which are not asked for here.
        return PasswordWeakness::TooSimple;
    }
}

} // namespace

PasswordVerdict PasswordStrength::check(const QString& password, const QString& userName)
{
    if (password.isEmpty())
        return {PasswordWeakness::Empty, 0};
    // The library counts bytes; "äöüßäöü" is seven characters however many bytes it takes.
    if (password.size() < kMinimumLength)
        return {PasswordWeakness::TooShort, 0};
    const Settings settings;
    if (!settings.pwq)
        return {PasswordWeakness::CheckUnavailable, 0};
    const QByteArray utf8 = password.toUtf8();
    const QByteArray user = userName.trimmed().toLower().toUtf8();
    void* auxiliary = nullptr;
    const int score = pwquality_check(settings.pwq.get(), utf8.constData(), nullptr,
                                      user.isEmpty() ? nullptr : user.constData(), &auxiliary);
    if (score >= 0)
        return {PasswordWeakness::None, score};
    const PasswordWeakness weakness = fromLibrary(score, auxiliary);
    // Frees what the library allocated for its auxiliary information.
    char buffer[PWQ_MAX_ERROR_MESSAGE_LEN];
    pwquality_strerror(buffer, sizeof buffer, score, auxiliary);
    return {weakness, 0};
}

QString PasswordStrength::describe(PasswordWeakness weakness)
{
    switch (weakness) {
    case PasswordWeakness::None:
        return tr("Strong enough.");
    case PasswordWeakness::Empty:
        return tr("Type a password.");
    case PasswordWeakness::TooShort:
        return tr("Too short: a password needs at least %n characters.", nullptr, kMinimumLength);
    case PasswordWeakness::DictionaryWord:
        return tr("Too easy to guess: it is based on a dictionary word. Add unrelated words, "
                  "digits or signs.");
    case PasswordWeakness::TooSimple:
        return tr("Too easy to guess: it follows a simple pattern (like abcd1234).");
    case PasswordWeakness::TooFewDifferent:
        return tr("Too easy to guess: it has too few different characters.");
    case PasswordWeakness::RepeatedCharacters:
        return tr("Too easy to guess: the same character comes more than three times in a row.");
    case PasswordWeakness::Sequence:
        return tr("Too easy to guess: it contains a run like abcde or 12345.");
    case PasswordWeakness::Palindrome:
        return tr("Too easy to guess: it reads the same backwards.");
    case PasswordWeakness::ContainsUserName:
        return tr("Too easy to guess: it contains the user name.");
    case PasswordWeakness::CheckUnavailable:
        return tr("The password cannot be checked: the password dictionary is missing (Debian "
                  "packages libpwquality1 and cracklib-runtime).");
    }
    return {};
}

Status PasswordStrength::require(const QString& password, const QString& userName)
{
    const PasswordVerdict verdict = check(password, userName);
    if (verdict.isStrongEnough())
        return {};
    return fail(Error::validation(describe(verdict.weakness)));
}

} // namespace aftercare
