// backends: sqlite postgresql
#include "database/database.h"
#include "database/databasebackup.h"
#include "database/migrator.h"
#include "testdatabase.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace aftercare;
using namespace aftercare::test;

class TestBackup : public QObject
{
    Q_OBJECT

private slots:
    void backupThenRestoreBringsBackTheContent();
    void restoreRefusesWhatIsNotABackup();
    void restoreRefusesABackupFromANewerProgram();
    void backupIsForItsOwnerOnly();

private:
    static qlonglong clientCount(Database& db)
    {
        return db.scalar(QStringLiteral("SELECT count(*) FROM clients")).value().toLongLong();
    }
    static void addClient(Database& db, const QString& externalId, const QString& lastName)
    {
        QVERIFY(db.run(
            QStringLiteral(
                "INSERT INTO clients (external_id, first_name, last_name, registered_at, "
                "created_at) VALUES (?, 'Test', ?, '2026-01-05 09:00:00', '2026-01-05 09:00:00')"),
            {externalId, lastName}));
    }
};

void TestBackup::backupThenRestoreBringsBackTheContent()
{
    AFTERCARE_FRESH_DATABASE(db);
    addClient(db, QStringLiteral("B-1"), QStringLiteral("Nguyễn"));
    addClient(db, QStringLiteral("B-2"), QStringLiteral("O'Neill"));
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("practice.backup"));
    auto backedUp = DatabaseBackup::backup(db, file);
    QVERIFY2(backedUp, qPrintable(backedUp ? QString() : backedUp.error().describe()));
    QVERIFY(QFile::exists(file));
    QVERIFY(!QFile::exists(file + QStringLiteral(".partial")));

    // Work goes on after the backup, then the backup is restored.
    addClient(db, QStringLiteral("B-3"), QStringLiteral("Later"));
    QVERIFY(db.run(
        QStringLiteral("UPDATE clients SET last_name = 'Changed' WHERE external_id = 'B-1'")));
    QCOMPARE(clientCount(db), 3);

    auto restored = DatabaseBackup::restore(db, file);
    QVERIFY2(restored, qPrintable(restored ? QString() : restored.error().describe()));
    QCOMPARE(clientCount(db), 2);
    QCOMPARE(db.scalar(QStringLiteral("SELECT last_name FROM clients WHERE external_id = 'B-1'"))
                 .value()
                 .toString(),
             QStringLiteral("Nguyễn"));
    QCOMPARE(Migrator(db).currentVersion().value(), Migrator(db).latestVersion());
    addClient(db, QStringLiteral("B-4"), QStringLiteral("After restore"));
    QCOMPARE(clientCount(db), 3);
}

void TestBackup::restoreRefusesWhatIsNotABackup()
{
    AFTERCARE_FRESH_DATABASE(db);
    addClient(db, QStringLiteral("K-1"), QStringLiteral("Kept"));
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("notes.txt"));
    QFile text(file);
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.write("this is not a database\n");
    text.close();
    auto restored = DatabaseBackup::restore(db, file);
    QVERIFY(!restored);
    QVERIFY(!restored.error().message.isEmpty());
    QCOMPARE(clientCount(db), 1);
    QVERIFY(!DatabaseBackup::restore(db, dir.filePath(QStringLiteral("missing.backup"))));
    QCOMPARE(clientCount(db), 1);
}

void TestBackup::restoreRefusesABackupFromANewerProgram()
{
    AFTERCARE_FRESH_DATABASE(db);
    addClient(db, QStringLiteral("K-1"), QStringLiteral("Kept"));
    QString error;
    auto newer = TestDatabase::create(backendUnderTest(), true, &error);
    QVERIFY2(newer, qPrintable(error));
    QVERIFY(newer->database().run(
        QStringLiteral("INSERT INTO schema_version (version, name, applied_at) "
                       "VALUES (999, 'future', '2030-01-01')")));
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("newer.backup"));
    QVERIFY(DatabaseBackup::backup(newer->database(), file));
    auto restored = DatabaseBackup::restore(db, file);
    if (db.isSqlite()) {
        // The file is checked before anything is overwritten.
        QVERIFY(!restored);
        QCOMPARE(restored.error().kind, ErrorKind::SchemaTooNew);
        QCOMPARE(clientCount(db), 1);
    } else {
        // pg_restore replays the dump as it is; the program then refuses to work on it.
        QVERIFY2(restored, qPrintable(restored ? QString() : restored.error().describe()));
        auto migrated = Migrator(db).migrate();
        QVERIFY(!migrated);
        QCOMPARE(migrated.error().kind, ErrorKind::SchemaTooNew);
    }
}

void TestBackup::backupIsForItsOwnerOnly()
{
    AFTERCARE_FRESH_DATABASE(db);
    addClient(db, QStringLiteral("P-1"), QStringLiteral("Private"));
    QTemporaryDir dir;
    // A folder of its own, as a backup script would name it, under the umask most logins have.
    const QString folder = dir.filePath(QStringLiteral("backups/2026"));
    const QString file = folder + QStringLiteral("/practice.backup");
    const mode_t previous = ::umask(022);
    auto backedUp = DatabaseBackup::backup(db, file);
    ::umask(previous);
    QVERIFY2(backedUp, qPrintable(backedUp ? QString() : backedUp.error().describe()));
    struct stat status = {};
    QVERIFY(::stat(QFile::encodeName(file).constData(), &status) == 0);
    QCOMPARE(int(status.st_mode & 07777), 0600);
    QVERIFY(::stat(QFile::encodeName(folder).constData(), &status) == 0);
    QCOMPARE(int(status.st_mode & 07777), 0700);
}

QTEST_GUILESS_MAIN(TestBackup)
#include "tst_backup.moc"
