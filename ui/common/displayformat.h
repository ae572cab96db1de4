#pragma once

#include "domain/phonenumber.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QtGlobal>

namespace aftercare::ui {

// Dates as the desk reads them: the locale's short form, but always with a four-digit year
// (a date of birth with "85" is a question, not an answer).
QString dateText(const QDate& date);
// "Tue 12.05.2026 09:30": a weekday helps when a client asks "which day was that?".
QString appointmentTimeText(const QDateTime& time);
// Money in cents as the desk reads it: "1.234,50 €" with the language's currency sign
// (totals, balances, the invoice PDF).
QString moneyText(qint64 cents);
// The same amount without the currency sign, e.g. in a table column headed by it or in a
// cell that is typed into ("1.234,50").
QString amountText(qint64 cents);
// A clock time as the desk reads it: the locale's short form, never with seconds ("09:30",
// "9:30 AM"). Every time on screen goes through this.
QString timeText(const QTime& time);
// The same as a format for QDateTimeEdit and QLocale::toString.
QString timeFormat();
// "12.05.2026 09:30": a date and a time, no weekday.
QString dateTimeText(const QDateTime& time);
// The format of a date-and-time field: "ddd 12.05.2026 09:30" as QDateTimeEdit reads it.
QString dateTimeEditFormat();
// A phone number written one way wherever it is shown (see PhoneNumber::displayText), with
// national numbers ("0761 …") read as numbers of phoneRegion(); text that is not a phone
// number is shown as it is.
QString phoneText(const QString& stored);
QString phoneText(const PhoneNumber& number);
// The country whose national numbers phoneText shows: set by the desktop from the practice
// (practicePhoneRegion) when a session opens; until then, or while it is not known, the
// default locale's country.
PhoneRegion phoneRegion();
void setPhoneRegion(const PhoneRegion& region);
// A span of days as a heading reads it: "1–7 Nov 2026", "28 Nov – 4 Dec 2026",
// "1 Jan 2026 – 7 Dec 2026" (in the locale's month names), or one day alone.
QString periodText(const QDate& from, const QDate& to);
// Whole years between born and today.
int ageOn(const QDate& born, const QDate& today);

} // namespace aftercare::ui
