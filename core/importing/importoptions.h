#pragma once

#include <QString>
#include <QTimeZone>

#include <functional>

namespace aftercare {

// How far an import has got: rows handled so far and the bytes of the file they took.
struct ImportProgress
{
    qint64 rowsDone = 0;
    qint64 bytesDone = 0;
    qint64 bytesTotal = 0;
};

struct ImportOptions
{
    // Validate and write everything inside the transaction, then roll it back: the summary
    // tells what would happen and the database is left as it was.
    bool dryRun = false;
    // Named in the evidence of imported consents ("imported from NAME line N"); defaults to
    // the file name of a QFile input.
    QString sourceName;
    // The practice's time zone, to which times with an offset are converted. Invalid: the
    // practice setting practice.timezone, or else the computer's zone.
    QTimeZone practiceZone;
    // Called every progressInterval rows and once at the end.
    std::function<void(const ImportProgress&)> progress;
    qint64 progressInterval = 1000;
};

} // namespace aftercare
