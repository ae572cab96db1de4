#pragma once

#include <QDate>
#include <QString>

#include <optional>

namespace aftercare {

// A date of birth as the desk types it: the locale's short date, d.M.yyyy, yyyy-MM-dd, d/M/yyyy
// or ddMMyyyy; a real date after 1899 and not after `today`. Onboarding and the profile both
// read it through parse(), so a date one accepts the other accepts too.
class BirthDate
{
public:
    enum class Problem
    {
        NotADate,
        InTheFuture
    };

    // Empty text is an unknown date (a null QDate); otherwise the date, or why it is none.
    struct Parsed
    {
        QDate date;
        std::optional<Problem> problem;
    };

    static Parsed parse(const QString& text, const QDate& today);
};

} // namespace aftercare
