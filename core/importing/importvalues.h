#pragma once

#include "domain/vocabulary.h"

#include <QDate>
#include <QDateTime>
#include <QStringView>
#include <QTimeZone>
#include <QVariant>

#include <optional>

namespace aftercare {

// The value formats of the CSV files (docs/import.md), parsed exactly: nothing is guessed, and a
// value that does not fit its format gives nothing.
namespace ImportValues {

// YYYY-MM-DD.
std::optional<QDate> parseDate(QStringView text);

// YYYY-MM-DD (midnight), YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS, read as the practice's
// local time; with a trailing Z, +HH:MM, -HH:MM, +HHMM or +HH it is converted from that
// offset to the practice's zone. The result is a wall-clock reading: a QDateTime in Qt::UTC
// used as "no zone", so daylight-saving rules of the computer never shift it.
std::optional<QDateTime> parseTime(QStringView text, const QTimeZone& practiceZone);

// The same wall-clock form for a time read back from the database (text on SQLite, a
// QDateTime from PostgreSQL); invalid for NULL.
QDateTime storedTime(const QVariant& stored);

// "YYYY-MM-DD HH:MM:SS", the stored form of a wall-clock time (SqlTime's format, written
// without QDateTime::toString, which costs more than the rest of an imported row).
QString sqlText(const QDateTime& wallClock);

// yes / no, in any case.
std::optional<bool> parseYesNo(QStringView text);

// female|male|other|unknown or F|M|X|U, in any case.
std::optional<Sex> parseSex(QStringView text);

// A word of the vocabulary, in any case (e.g. "NPS" -> FeedbackKind::Nps).
template <typename E> std::optional<E> parseWord(QStringView text)
{
    return parseSqlName<E>(text.toString().toLower());
}

// An amount with a dot, at most two decimals, no sign, no thousands separators: "12",
// "12.5", "12.50" -> cents, computed from the digits (never through floating point).
std::optional<qint64> parseCents(QStringView text);

// A whole number, optionally signed.
std::optional<int> parseInteger(QStringView text);

// A finite decimal number with a dot ("-1.5", "4", "1e3"); no thousands separators.
std::optional<double> parseNumber(QStringView text);

} // namespace ImportValues

} // namespace aftercare
