#pragma once

#include "importing/importkind.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace aftercare {

// A record of the file that was not imported, and why.
struct RejectedRow
{
    qint64 line = 0; // the physical line of the file on which the record starts
    QString reason;  // translated, for the person who fixes the file
};

// What an import did (or, in a dry run, would have done).
struct ImportSummary
{
    ImportKind kind = ImportKind::Clients;
    bool dryRun = false;
    qint64 rows = 0;             // data records read: created + updated + unchanged + rejected
    qint64 created = 0;          // new clients, appointments, feedback answers, results, invoices
    qint64 updated = 0;          // existing ones whose stored values changed
    qint64 unchanged = 0;        // existing ones already holding these values (or a repeated row)
    qint64 consentsRecorded = 0; // clients.csv: new consent decisions
    qint64 valuesWritten = 0;    // results.csv: result values inserted
    qint64 paymentsRecorded = 0; // invoices.csv: payments added for paid_at
    qint64 tasksPlanned = 0;     // follow-up tasks the imported visits, results, answers opened
    QStringList createdPractitioners; // appointments.csv: named for the first time
    QStringList createdServices;
    std::vector<RejectedRow> rejected; // in file order

    bool hasRejections() const { return !rejected.empty(); }
};

} // namespace aftercare
