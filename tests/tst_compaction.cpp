// backends: sqlite postgresql
#include "database/database.h"
#include "maintenance/databasecompaction.h"
#include "testdatabase.h"

#include <QTest>

using namespace aftercare;
using namespace aftercare::test;

namespace {

const QDateTime kNow(QDate(2026, 11, 30), QTime(18, 5));

// Clients with names in no particular order, each followed by a consent, in one transaction:
// the pages of the clients, their name index and the consents come out interleaved, as in a
// file that grows a little every day.
void writeInterleaved(Database& database, int clients)
{
    auto written = database.write([&](TransactionGuard&) -> Status {
        for (int i = 0; i < clients; ++i) {
            auto client = database.run(
                QStringLiteral("INSERT INTO clients (external_id, first_name, last_name, "
                               "registered_at, created_at) VALUES (?, 'Test', ?, "
                               "'2026-01-05 09:00:00', '2026-01-05 09:00:00') RETURNING id"),
                {QStringLiteral("C-%1").arg(i),
                 QStringLiteral("Name %1").arg((i * 7919) % clients, 6, 10, QLatin1Char('0'))});
            if (!client)
                return fail(client.error());
            if (!client->next())
                return fail(Error{ErrorKind::Database, QStringLiteral("no id returned")});
            auto consent = database.run(
                QStringLiteral("INSERT INTO consents (client_id, purpose, channel, granted, "
                               "evidence, recorded_at) VALUES (?, 'surveys', 'any', ?, "
                               "'a long enough piece of evidence to fill pages', "
                               "'2026-01-05 09:00:00')"),
                {client->value(0), true});
            if (!consent)
                return fail(consent.error());
        }
        return {};
    });
    QVERIFY2(written, qPrintable(written ? QString() : written.error().describe()));
}

// The share of an index's leaf pages (in key order) that do not follow the one before in the
// file: 0 when the index lies in one piece.
double scattered(Database& database, const QString& index)
{
    auto share = database.scalar(
        QStringLiteral("SELECT CAST(sum(pageno <> previous + 1) AS REAL) / count(*) FROM "
                       "(SELECT pageno, lag(pageno) OVER (ORDER BY path) AS previous "
                       "FROM dbstat WHERE name = ? AND pagetype = 'leaf') WHERE previous IS "
                       "NOT NULL"),
        {index});
    return share && !share->isNull() ? share->toDouble() : -1.0;
}

qint64 count(Database& database, const QString& table)
{
    return database.scalar(QStringLiteral("SELECT count(*) FROM %1").arg(table))
        .value()
        .toLongLong();
}

} // namespace

class TestCompaction : public QObject
{
    Q_OBJECT

private slots:
    void dueOnceAMonthForALargeEnoughFile();
    void compactingKeepsEverythingAndRecordsWhen();
    void compactingLaysOutEachIndexInOnePiece();
    void anAttemptThatFailsWaitsADay();
};

void TestCompaction::dueOnceAMonthForALargeEnoughFile()
{
    AFTERCARE_FRESH_DATABASE(db);
    if (db.isPostgreSql()) {
        // PostgreSQL vacuums itself: the desktop never compacts it.
        QCOMPARE(DatabaseCompaction::fileBytes(db), -1);
        QCOMPARE(DatabaseCompaction::isDue(db, kNow, 0).value(), false);
        return;
    }
    const qint64 bytes = DatabaseCompaction::fileBytes(db);
    QVERIFY2(bytes > 0, qPrintable(QString::number(bytes)));
    QCOMPARE(DatabaseCompaction::isDue(db, kNow, bytes + 1).value(), false); // too small
    QCOMPARE(DatabaseCompaction::isDue(db, kNow, bytes).value(), true);      // never compacted
    QVERIFY(!DatabaseCompaction::lastCompacted(db).value().isValid());

    QVERIFY(DatabaseCompaction::compact(db, kNow));
    QCOMPARE(DatabaseCompaction::lastCompacted(db).value(), kNow);
    QCOMPARE(DatabaseCompaction::isDue(db, kNow, 0).value(), false);
    QCOMPARE(DatabaseCompaction::isDue(db, kNow.addDays(29), 0).value(), false);
    QCOMPARE(
        DatabaseCompaction::isDue(db, kNow.addDays(DatabaseCompaction::kIntervalDays), 0).value(),
        true);
    // The usual threshold: an empty practice is far too small to bother.
    QCOMPARE(DatabaseCompaction::isDue(db, kNow.addDays(365)).value(), false);
}

void TestCompaction::compactingKeepsEverythingAndRecordsWhen()
{
    AFTERCARE_FRESH_DATABASE(db);
    writeInterleaved(db, 400);
    auto done = DatabaseCompaction::compact(db, kNow);
    QVERIFY2(done, qPrintable(done ? QString() : done.error().describe()));
    QCOMPARE(count(db, QStringLiteral("clients")), 400);
    QCOMPARE(count(db, QStringLiteral("consents")), 400);
    QCOMPARE(DatabaseCompaction::lastCompacted(db).value(), kNow);
    if (db.isSqlite()) {
        QCOMPARE(db.scalar(QStringLiteral("PRAGMA integrity_check")).value().toString(),
                 QStringLiteral("ok"));
        // The write-ahead log was emptied into the file.
        auto log = db.run(QStringLiteral("PRAGMA wal_checkpoint"));
        QVERIFY(log && log->next());
        QCOMPARE(log->value(1).toLongLong(), 0); // pages in the log
    } else {
        // VACUUM (ANALYZE) counted the rows for the planner, and marked the pages of rows
        // just written as visible to all, so that index-only scans stay in the index (the
        // test server commits asynchronously, where that needs the flush compact() forces).
        QCOMPARE(db.scalar(QStringLiteral("SELECT CAST(reltuples AS BIGINT) FROM pg_class "
                                          "WHERE relname = 'consents'"))
                     .value()
                     .toLongLong(),
                 400);
        for (const QString& table : {QStringLiteral("clients"), QStringLiteral("consents")}) {
            auto pages = db.run(QStringLiteral("SELECT relpages, relallvisible FROM pg_class "
                                               "WHERE relname = ?"),
                                {table});
            QVERIFY(pages && pages->next());
            QVERIFY2(pages->value(0).toLongLong() > 0 &&
                         pages->value(1).toLongLong() == pages->value(0).toLongLong(),
                     qPrintable(
                         QStringLiteral("%1: %2 of %3 pages all-visible")
                             .arg(table, pages->value(1).toString(), pages->value(0).toString())));
        }
    }
    // Compacting again only moves the date.
    QVERIFY(DatabaseCompaction::compact(db, kNow.addDays(31)));
    QCOMPARE(DatabaseCompaction::lastCompacted(db).value(), kNow.addDays(31));
}

void TestCompaction::compactingLaysOutEachIndexInOnePiece()
{
    AFTERCARE_FRESH_DATABASE(db);
    if (!db.isSqlite())
        return; // PostgreSQL keeps every index in a file of its own
    writeInterleaved(db, 4000);
    const QString index = QStringLiteral("clients_last_name_idx");
    const double before = scattered(db, index);
    QVERIFY(DatabaseCompaction::compact(db, kNow));
    const double after = scattered(db, index);
    qInfo("%s: %.2f of its leaf pages out of place before compacting, %.2f after",
          qPrintable(index), before, after);
    QVERIFY2(before > 0.5, qPrintable(QString::number(before)));
    QVERIFY2(after >= 0.0 && after < 0.05, qPrintable(QString::number(after)));
    QCOMPARE(count(db, QStringLiteral("clients")), 4000);
}

void TestCompaction::anAttemptThatFailsWaitsADay()
{
    AFTERCARE_FRESH_DATABASE(db);
    if (!db.isSqlite())
        return; // never due on PostgreSQL
    writeInterleaved(db, 50);
    {
        // A statement still reading on the same connection: VACUUM refuses to start.
        auto reading = db.run(QStringLiteral("SELECT id FROM clients ORDER BY id"));
        QVERIFY(reading && reading->next());
        auto done = DatabaseCompaction::compact(db, kNow);
        QVERIFY(!done);
        QVERIFY2(done.error().message.contains(QLatin1String("could not be compacted")),
                 qPrintable(done.error().describe()));
    }
    QVERIFY(!DatabaseCompaction::lastCompacted(db).value().isValid());
    QCOMPARE(DatabaseCompaction::isDue(db, kNow.addSecs(3600), 0).value(), false);
    QCOMPARE(DatabaseCompaction::isDue(db, kNow.addDays(1), 0).value(), true);
    // Nothing was lost on the way.
    QCOMPARE(count(db, QStringLiteral("clients")), 50);
    QVERIFY(DatabaseCompaction::compact(db, kNow.addDays(1)));
    QCOMPARE(DatabaseCompaction::lastCompacted(db).value(), kNow.addDays(1));
}

QTEST_GUILESS_MAIN(TestCompaction)

#include "tst_compaction.moc"
