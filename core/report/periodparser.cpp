#include "report/periodparser.h"

#include <QRegularExpression>

namespace aftercare {

Result<QDate> PeriodParser::parseDate(QStringView text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})$"));
    const QString trimmed = text.trimmed().toString();
    const QRegularExpressionMatch match = pattern.match(trimmed);
    const QDate date =
        match.hasMatch()
            ? QDate(match.captured(1).toInt(), match.captured(2).toInt(), match.captured(3).toInt())
            : QDate();
    if (!date.isValid())
        return fail(
            Error::validation(tr("\"%1\" is not a date of the form YYYY-MM-DD.").arg(trimmed)));
    return date;
}

Result<Period> PeriodParser::parseMonth(QStringView text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})-(\\d{2})$"));
    const QString trimmed = text.trimmed().toString();
    const QRegularExpressionMatch match = pattern.match(trimmed);
    const QDate first =
        match.hasMatch() ? QDate(match.captured(1).toInt(), match.captured(2).toInt(), 1) : QDate();
    if (!first.isValid())
        return fail(
            Error::validation(tr("\"%1\" is not a month of the form YYYY-MM.").arg(trimmed)));
    return Period::monthOf(first);
}

Result<Period> PeriodParser::parseRange(QStringView from, QStringView to)
{
    auto first = parseDate(from);
    if (!first)
        return fail(first.error());
    auto last = parseDate(to);
    if (!last)
        return fail(last.error());
    if (*first > *last)
        return fail(
            Error::validation(tr("The period starts on %1, after its last day %2.")
                                  .arg(first->toString(Qt::ISODate), last->toString(Qt::ISODate))));
    return Period{*first, *last};
}

Result<Period> PeriodParser::parse(const QString& month, const QString& from, const QString& to)
{
    const bool hasMonth = !month.trimmed().isEmpty();
    const bool hasFrom = !from.trimmed().isEmpty();
    const bool hasTo = !to.trimmed().isEmpty();
    if (hasMonth && (hasFrom || hasTo))
        return fail(Error::validation(tr("Give either --month or --from and --to, not both.")));
    if (hasMonth)
        return parseMonth(month);
    if (!hasFrom && !hasTo)
        return fail(
            Error::validation(tr("Give the report period: --month YYYY-MM, or --from and --to.")));
    if (!hasFrom || !hasTo)
        return fail(Error::validation(tr("--from and --to go together: give both days.")));
    return parseRange(from, to);
}

} // namespace aftercare
