#pragma once

#include "domain/appointment.h"
#include "domain/practitioner.h"

#include <QCoreApplication>
#include <QDate>
#include <QString>

#include <vector>

class QPrinter;

namespace aftercare::ui {

// The printed day list of the diary: for each practitioner, the day's appointments in order
// of time with client, service, status and notes. Cancelled appointments are left out (the
// list is for the day as it will happen); an appointment outside the usual hours is listed
// like any other.
class DayListDocument
{
    Q_DECLARE_TR_FUNCTIONS(DayListDocument)

public:
    static QString html(const QDate& date, const std::vector<Practitioner>& practitioners,
                        const std::vector<Appointment>& appointments);
    // Lays the list out on printer's pages, numbered.
    static void print(QPrinter& printer, const QDate& date,
                      const std::vector<Practitioner>& practitioners,
                      const std::vector<Appointment>& appointments);
};

} // namespace aftercare::ui
