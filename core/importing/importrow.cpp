#include "importing/importrow.h"

namespace aftercare {

ImportRow::ImportRow(const CsvRecord& record, const QTimeZone& practiceZone)
    : m_record(record)
    , m_zone(practiceZone)
    , m_line(record.line)
{}

void ImportRow::reject(const QString& reason)
{
    if (m_reason.isEmpty())
        m_reason = reason;
}

QString ImportRow::text(const CsvColumn& column) const
{
    if (column.index < 0 || column.index >= m_record.fields.size())
        return {};
    return m_record.fields.at(column.index).trimmed();
}

QString ImportRow::required(const CsvColumn& column)
{
    QString value = text(column);
    if (value.isEmpty())
        reject(tr("The required field %1 is empty.").arg(column.name));
    return value;
}

void ImportRow::rejectValue(const CsvColumn& column, const QString& value, const QString& expected)
{
    reject(tr("%1: \"%2\" is not %3.").arg(column.name, value, expected));
}

void ImportRow::rejectWord(const CsvColumn& column, const QString& value,
                           const QStringList& allowed)
{
    reject(
        tr("%1: \"%2\" is not one of %3.").arg(column.name, value, allowed.join(QLatin1Char('|'))));
}

std::optional<QDate> ImportRow::date(const CsvColumn& column)
{
    const QString value = text(column);
    if (value.isEmpty())
        return std::nullopt;
    auto parsed = ImportValues::parseDate(value);
    if (!parsed)
        rejectValue(column, value, tr("a date written YYYY-MM-DD"));
    return parsed;
}

std::optional<QDateTime> ImportRow::time(const CsvColumn& column, bool isRequired)
{
    const QString value = isRequired ? required(column) : text(column);
    if (value.isEmpty())
        return std::nullopt;
    auto parsed = ImportValues::parseTime(value, m_zone);
    if (!parsed)
        rejectValue(column, value,
                    tr("a time written YYYY-MM-DDTHH:MM[:SS] (optionally with an offset such as "
                       "+01:00 or Z) or a date YYYY-MM-DD"));
    return parsed;
}

std::optional<bool> ImportRow::yesNo(const CsvColumn& column)
{
    const QString value = text(column);
    if (value.isEmpty())
        return std::nullopt;
    auto parsed = ImportValues::parseYesNo(value);
    if (!parsed)
        rejectValue(column, value, tr("yes or no"));
    return parsed;
}

std::optional<Sex> ImportRow::sex(const CsvColumn& column)
{
    const QString value = text(column);
    if (value.isEmpty())
        return std::nullopt;
    auto parsed = ImportValues::parseSex(value);
    if (!parsed)
        rejectValue(column, value, tr("one of female|male|other|unknown or F|M|X|U"));
    return parsed;
}

std::optional<qint64> ImportRow::cents(const CsvColumn& column, bool isRequired)
{
    const QString value = isRequired ? required(column) : text(column);
    if (value.isEmpty())
        return std::nullopt;
    auto parsed = ImportValues::parseCents(value);
    if (!parsed)
        rejectValue(column, value,
                    tr("an amount written with a dot and at most two decimals, such as 85.50"));
    return parsed;
}

std::optional<int> ImportRow::integer(const CsvColumn& column, bool isRequired)
{
    const QString value = isRequired ? required(column) : text(column);
    if (value.isEmpty())
        return std::nullopt;
    auto parsed = ImportValues::parseInteger(value);
    if (!parsed)
        rejectValue(column, value, tr("a whole number"));
    return parsed;
}

std::optional<double> ImportRow::number(const CsvColumn& column)
{
    const QString value = text(column);
    if (value.isEmpty())
        return std::nullopt;
    auto parsed = ImportValues::parseNumber(value);
    if (!parsed)
        rejectValue(column, value, tr("a number written with a dot, such as 4.7"));
    return parsed;
}

} // namespace aftercare
