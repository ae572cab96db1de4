#pragma once

#include "domain/vocabulary.h"
#include "importing/csvreader.h"
#include "importing/csvtable.h"
#include "importing/importvalues.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QTimeZone>

#include <optional>

namespace aftercare {

// The typed cells of one CSV record. Each accessor returns nothing for an empty or absent
// cell; a cell that is present but does not fit its format (or a required one that is empty)
// rejects the row, and the first such problem becomes the reason reported for its line.
class ImportRow
{
    Q_DECLARE_TR_FUNCTIONS(ImportRow)

public:
    ImportRow(const CsvRecord& record, const QTimeZone& practiceZone);

    qint64 line() const { return m_line; }
    bool ok() const { return m_reason.isEmpty(); }
    const QString& reason() const { return m_reason; }
    // Rejects the row for reason, unless an earlier problem was found already.
    void reject(const QString& reason);

    // Trimmed text; empty when the cell is empty or the column absent.
    QString text(const CsvColumn& column) const;
    // Trimmed text that must not be empty.
    QString required(const CsvColumn& column);

    std::optional<QDate> date(const CsvColumn& column);
    std::optional<QDateTime> time(const CsvColumn& column, bool required = false);
    std::optional<bool> yesNo(const CsvColumn& column);
    std::optional<Sex> sex(const CsvColumn& column);
    std::optional<qint64> cents(const CsvColumn& column, bool required = false);
    std::optional<int> integer(const CsvColumn& column, bool required = false);
    std::optional<double> number(const CsvColumn& column);

    // A word of the vocabulary E (any case); allowed lists the words this file accepts.
    template <typename E>
    std::optional<E> word(const CsvColumn& column, const QStringList& allowed,
                          bool required = false)
    {
        const QString value = required ? this->required(column) : text(column);
        if (value.isEmpty())
            return std::nullopt;
        const auto parsed = ImportValues::parseWord<E>(value);
        if (!parsed || !allowed.contains(sqlName(*parsed))) {
            rejectWord(column, value, allowed);
            return std::nullopt;
        }
        return parsed;
    }

private:
    void rejectValue(const CsvColumn& column, const QString& value, const QString& expected);
    void rejectWord(const CsvColumn& column, const QString& value, const QStringList& allowed);

    const CsvRecord& m_record;
    QTimeZone m_zone;
    qint64 m_line;
    QString m_reason;
};

} // namespace aftercare
