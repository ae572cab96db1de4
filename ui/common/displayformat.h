#pragma once

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
// Whole years between born and today.
int ageOn(const QDate& born, const QDate& today);

} // namespace aftercare::ui
