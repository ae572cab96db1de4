#pragma once

#include <QDate>
#include <QString>

namespace aftercare {

// What a receptionist typed into the client finder, and how it is to be matched.
struct SearchText
{
    enum class Kind
    {
        Empty,       // nothing to look for yet
        Name,        // a name in either order, an e-mail or a client id as it is typed
        DateOfBirth, // a whole date: dd.mm.yyyy, yyyy-mm-dd or dd/mm/yyyy
        PartialDate, // the beginning of such a date: wait for the rest
        InvalidDate, // shaped like a date, but there is no such day
        Phone,       // digits with phone separators (also tried as a client id)
        Email,       // contains '@'
        TooShort,    // digits, but too few to be worth matching yet
    };

    static constexpr int kMinimumDigits = 3;

    Kind kind = Kind::Empty;
    QString nameKey;  // folded, commas as spaces, one space between words (a trailing one kept)
    QString lowerKey; // ASCII lower case, trimmed: compared with e-mail addresses and client ids
    QString digits;   // the digits only (Phone)
    QString nationalDigits; // digits without country code or trunk '0' (Phone)
    QDate date;             // DateOfBirth

    // Reads typed text the way the finder matches it.
    static SearchText interpret(const QString& text);

    // The fold the database applies to names (resources/sql/*/0003_client_search.sql): ASCII
    // letters lower-cased, common Latin letters with diacritics replaced by their base letters,
    // hyphens as spaces, apostrophes dropped. Everything else is kept as it is.
    static QString fold(const QString& text);
    // The national number as migration 3 stores it: an international number ('+' or '00')
    // without its country code, a national one without its trunk '0'.
    static QString nationalNumber(const QString& phone);
    // ASCII letters lower-cased, nothing else changed (what SQLite's lower() does).
    static QString asciiLower(const QString& text);
    // The smallest string greater than every string that starts with prefix, for
    // "key >= prefix AND key < upperBound(prefix)" range predicates.
    static QString upperBound(const QString& prefix);
};

} // namespace aftercare
