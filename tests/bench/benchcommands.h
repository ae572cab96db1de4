#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

#include <memory>

class QApplication;
class QJsonObject;

namespace aftercare {
class Database;
}

namespace aftercare::bench {

// The sub-command's options: "--name value" pairs and bare "--flag"s.
struct BenchOptions
{
    QHash<QString, QString> values;

    QString value(const QString& name, const QString& fallback = {}) const
    {
        return values.value(name, fallback);
    }
    int number(const QString& name, int fallback) const
    {
        bool ok = false;
        const int parsed = values.value(name).toInt(&ok);
        return ok ? parsed : fallback;
    }
    bool flag(const QString& name) const { return values.contains(name); }
};

// Opens (and migrates, like the desktop does) the database named by --database; prints why
// not and returns null when that fails.
std::unique_ptr<Database> openDatabase(const BenchOptions& options);

// Writes one JSON object to stdout.
void printJson(const QJsonObject& object);

// Each returns the process exit code and prints its figures as one JSON object.
int runFirstPaint(QApplication& application, const BenchOptions& options);
int runOpenAll(QApplication& application, const BenchOptions& options);
int runSearch(const BenchOptions& options);
int runSchedule(const BenchOptions& options);
int runWorklist(const BenchOptions& options);
int runReport(const BenchOptions& options);
int runBooking(const BenchOptions& options);

} // namespace aftercare::bench
