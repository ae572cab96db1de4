#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

namespace aftercare::ui {

// Dates as the desk reads them: the locale's short form, but always with a four-digit year
// (a date of birth with "85" is a question, not an answer).
QString dateText(const QDate& date);
// "Tue 12.05.2026 09:30": a weekday helps when a client asks "which day was that?".
QString appointmentTimeText(const QDateTime& time);
// The display format of a date-and-time field: the date as dateText(), the time without
// seconds.
QString dateTimeFieldFormat();
// Whole years between born and today.
int ageOn(const QDate& born, const QDate& today);

} // namespace aftercare::ui
