// backends: sqlite postgresql
#include "database/database.h"
#include "database/migrator.h"
#include "testdatabase.h"

#include <QFileInfo>
#include <QSqlQuery>
#include <QTest>

using namespace aftercare;
using namespace aftercare::test;

class TestMigrations : public QObject
{
    Q_OBJECT

private slots:
    void fromEmpty();
    void fromEachEarlierVersion_data();
    void fromEachEarlierVersion();
    void newerDatabaseIsRefused();
    void failedMigrationKeepsPreviousVersion();
    void migratingTwiceChangesNothing();

private:
    std::unique_ptr<TestDatabase> emptyDatabase()
    {
        QString error;
        auto db = TestDatabase::create(backendUnderTest(), false, &error);
        if (!db)
            qWarning("%s", qPrintable(error));
        return db;
    }
};

void TestMigrations::fromEmpty()
{
    auto holder = emptyDatabase();
    QVERIFY(holder);
    Migrator migrator(holder->database());
    QCOMPARE(migrator.currentVersion().value(), 0);
    QVERIFY(migrator.latestVersion() >= 2);
    auto outcome = migrator.migrate();
    QVERIFY2(outcome, qPrintable(outcome ? QString() : outcome.error().describe()));
    QCOMPARE(outcome->fromVersion, 0);
    QCOMPARE(outcome->toVersion, migrator.latestVersion());
    QVERIFY(outcome->backupPath.isEmpty()); // nothing to protect in an empty database
    QCOMPARE(migrator.currentVersion().value(), migrator.latestVersion());

    const QStringList tables = holder->database().connection().tables();
    for (const char* table :
         {"clients", "consents", "appointments", "test_results", "result_values", "followup_tasks",
          "call_attempts", "feedback", "touchpoints", "messages", "invoices", "invoice_lines",
          "payments", "audit_log", "users", "practitioners", "service_types", "practice_settings",
          "post_service_steps"})
        QVERIFY2(tables.contains(QLatin1String(table)), table);
}

void TestMigrations::fromEachEarlierVersion_data()
{
    QTest::addColumn<int>("startVersion");
    // Every revision there is (their numbers may leave gaps) but the last.
    const auto migrations = Migrator::builtin(backendUnderTest() == Backend::Sqlite);
    for (std::size_t i = 0; i + 1 < migrations.size(); ++i)
        QTest::addRow("from v%d", migrations[i].version) << migrations[i].version;
}

void TestMigrations::fromEachEarlierVersion()
{
    QFETCH(int, startVersion);
    auto holder = emptyDatabase();
    QVERIFY(holder);
    Database& db = holder->database();
    Migrator migrator(db);
    QVERIFY(migrator.migrate(startVersion));
    QCOMPARE(migrator.currentVersion().value(), startVersion);

    // Data that every revision since 1 has room for.
    QVERIFY(db.run(QStringLiteral(
        "INSERT INTO practice_settings (key, value) VALUES ('practice.name', 'Praxis Süd')")));
    QVERIFY(db.run(QStringLiteral(
        "INSERT INTO clients (external_id, first_name, last_name, registered_at, created_at) "
        "VALUES ('K-1', 'Zoë', 'O''Brien', '2024-02-29 09:00:00', '2024-02-29 09:00:00')")));

    auto outcome = migrator.migrate();
    QVERIFY2(outcome, qPrintable(outcome ? QString() : outcome.error().describe()));
    QCOMPARE(outcome->fromVersion, startVersion);
    QCOMPARE(outcome->toVersion, migrator.latestVersion());
    if (db.isSqlite()) {
        QVERIFY(!outcome->backupPath.isEmpty());
        QVERIFY(QFileInfo::exists(outcome->backupPath));
    }
    auto name =
        db.scalar(QStringLiteral("SELECT last_name FROM clients WHERE external_id = 'K-1'"));
    QCOMPARE(name.value().toString(), QStringLiteral("O'Brien"));
    auto setting = db.scalar(
        QStringLiteral("SELECT value FROM practice_settings WHERE key = 'practice.name'"));
    QCOMPARE(setting.value().toString(), QStringLiteral("Praxis Süd"));
}

void TestMigrations::newerDatabaseIsRefused()
{
    AFTERCARE_FRESH_DATABASE(db);
    QVERIFY(db.run(QStringLiteral("INSERT INTO schema_version (version, name, applied_at) VALUES "
                                  "(999, 'future', '2030-01-01')")));
    Migrator migrator(db);
    auto outcome = migrator.migrate();
    QVERIFY(!outcome);
    QCOMPARE(outcome.error().kind, ErrorKind::SchemaTooNew);
    QVERIFY(outcome.error().message.contains(QLatin1String("999")));
    QCOMPARE(migrator.currentVersion().value(), 999);
}

void TestMigrations::failedMigrationKeepsPreviousVersion()
{
    AFTERCARE_FRESH_DATABASE(db);
    std::vector<Migration> migrations = Migrator::builtin(db.isSqlite());
    const int latest = migrations.back().version;
    // The first statement would succeed; the second is broken. Nothing of it may remain.
    migrations.push_back(
        {latest + 1, QStringLiteral("broken"),
         QStringLiteral("CREATE TABLE half_done (x INTEGER);\n"
                        "ALTER TABLE clients ADD COLUMN nickname TEXT;\n"
                        "CREATE TABLE broken (x INTEGER REFERENCES no_such_table (id), ;\n")});
    QVERIFY(db.run(QStringLiteral(
        "INSERT INTO clients (external_id, first_name, last_name, registered_at, created_at) "
        "VALUES ('K-2', 'Ana', 'Lima', '2024-03-01 10:00:00', '2024-03-01 10:00:00')")));
    Migrator migrator(db, migrations);
    auto outcome = migrator.migrate();
    QVERIFY(!outcome);
    QVERIFY(outcome.error().message.contains(QString::number(latest)));
    QCOMPARE(migrator.currentVersion().value(), latest);
    QVERIFY(!db.connection().tables().contains(QStringLiteral("half_done")));
    QVERIFY(!db.run(QStringLiteral("SELECT nickname FROM clients")));
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM clients")).value().toLongLong(), 1);
}

void TestMigrations::migratingTwiceChangesNothing()
{
    AFTERCARE_FRESH_DATABASE(db);
    Migrator migrator(db);
    auto again = migrator.migrate();
    QVERIFY(again);
    QCOMPARE(again->fromVersion, again->toVersion);
    // One row per revision there is (their numbers may leave gaps).
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM schema_version")).value().toLongLong(),
             qlonglong(Migrator::builtin(db.isSqlite()).size()));
}

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
