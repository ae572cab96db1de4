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
// A span of days as a heading reads it: "1–7 Nov 2026", "28 Nov – 4 Dec 2026",
// "1 Jan 2026 – 7 Dec 2026" (in the locale's month names), or one day alone.
QString periodText(const QDate& from, const QDate& to);
// Whole years between born and today.
int ageOn(const QDate& born, const QDate& today);

} // namespace aftercare::ui
