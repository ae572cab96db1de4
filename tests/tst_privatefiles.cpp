#include "database/database.h"
#include "database/databasebackup.h"
#include "database/migrator.h"
#include "database/privatefiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace aftercare;

// A practice's files hold health data: whatever the login's umask, they are made for their
// owner only, and files that others can read are found and closed.
class TestPrivateFiles : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void missingPracticeIsNotCreated();
    void newPracticeAndItsLogAreForTheOwnerOnly();
    void backupIsForTheOwnerOnly();
    void upgradeCopyIsForTheOwnerOnly();
    void readableFilesAreFoundAndMadePrivate();

private:
    static int mode(const QString& path)
    {
        struct stat status = {};
        if (::stat(QFile::encodeName(path).constData(), &status) != 0)
            return -1;
        return int(status.st_mode & 07777);
    }
    mode_t m_umask = 0;
};

void TestPrivateFiles::initTestCase()
{
    // The umask most logins have: what SQLite and Qt would follow by themselves.
    m_umask = ::umask(022);
}

void TestPrivateFiles::cleanupTestCase()
{
    ::umask(m_umask);
}

void TestPrivateFiles::missingPracticeIsNotCreated()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("practise"));
    const QString path = folder + QStringLiteral("/aftercare.db");
    auto opened = Database::open(DatabaseUrl::sqliteFile(path));
    QVERIFY(!opened);
    QCOMPARE(opened.error().kind, ErrorKind::NotFound);
    QVERIFY2(opened.error().message.contains(path), qPrintable(opened.error().message));
    QVERIFY(!QFileInfo::exists(path));
    QVERIFY(!QFileInfo::exists(folder));
}

void TestPrivateFiles::newPracticeAndItsLogAreForTheOwnerOnly()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("Aftercare/Aftercare"));
    const QString path = folder + QStringLiteral("/aftercare.db");
    auto opened = Database::open(DatabaseUrl::sqliteFile(path), Database::IfMissing::Create);
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().describe()));
    Database& db = **opened;
    // A write goes through the write-ahead log, which with its index must be as private.
    QVERIFY(Migrator(db).migrate());
    QVERIFY(db.run(QStringLiteral("INSERT INTO clients (external_id, first_name, last_name, "
                                  "registered_at, created_at) VALUES ('P-1', 'Pia', 'Private', "
                                  "'2026-01-05 09:00:00', '2026-01-05 09:00:00')")));
    QCOMPARE(mode(path), 0600);
    QCOMPARE(mode(path + QStringLiteral("-wal")), 0600);
    QCOMPARE(mode(path + QStringLiteral("-shm")), 0600);
    QCOMPARE(mode(folder), 0700);
    QCOMPARE(mode(dir.filePath(QStringLiteral("Aftercare"))), 0700);
    QVERIFY(PrivateFiles::exposed(PrivateFiles::practiceFiles(path)).isEmpty());
}

void TestPrivateFiles::backupIsForTheOwnerOnly()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("practice.db"));
    auto opened = Database::open(DatabaseUrl::sqliteFile(path), Database::IfMissing::Create);
    QVERIFY(opened);
    QVERIFY(Migrator(**opened).migrate());
    const QString folder = dir.filePath(QStringLiteral("backups"));
    const QString backup = folder + QStringLiteral("/monday.backup");
    auto done = DatabaseBackup::backup(**opened, backup);
    QVERIFY2(done, qPrintable(done ? QString() : done.error().describe()));
    QCOMPARE(mode(backup), 0600);
    QCOMPARE(mode(folder), 0700);
    // Again over the first one, which someone made readable meanwhile.
    QVERIFY(QFile::setPermissions(backup, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                              QFileDevice::ReadOther));
    QVERIFY(DatabaseBackup::backup(**opened, backup));
    QCOMPARE(mode(backup), 0600);
}

void TestPrivateFiles::upgradeCopyIsForTheOwnerOnly()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("practice.db"));
    auto opened = Database::open(DatabaseUrl::sqliteFile(path), Database::IfMissing::Create);
    QVERIFY(opened);
    Migrator migrator(**opened);
    QVERIFY(migrator.migrate(1));
    auto upgraded = migrator.migrate();
    QVERIFY2(upgraded, qPrintable(upgraded ? QString() : upgraded.error().describe()));
    QVERIFY(!upgraded->backupPath.isEmpty());
    QCOMPARE(mode(upgraded->backupPath), 0600);
}

void TestPrivateFiles::readableFilesAreFoundAndMadePrivate()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("practice.db"));
    auto opened = Database::open(DatabaseUrl::sqliteFile(path), Database::IfMissing::Create);
    QVERIFY(opened);
    QVERIFY(Migrator(**opened).migrate());
    // As an older Aftercare left it: -rw-r--r--.
    QVERIFY(::chmod(QFile::encodeName(path).constData(), 0644) == 0);
    QVERIFY(::chmod(QFile::encodeName(path + QStringLiteral("-wal")).constData(), 0644) == 0);
    const QStringList files = PrivateFiles::practiceFiles(path);
    QVERIFY(files.contains(path + QStringLiteral("-shm")));
    QCOMPARE(PrivateFiles::exposed(files), (QStringList{path, path + QStringLiteral("-wal")}));
    QVERIFY(PrivateFiles::makePrivate(PrivateFiles::exposed(files)));
    QCOMPARE(mode(path), 0600);
    QCOMPARE(mode(path + QStringLiteral("-wal")), 0600);
    QVERIFY(PrivateFiles::exposed(files).isEmpty());
}

QTEST_GUILESS_MAIN(TestPrivateFiles)
#include "tst_privatefiles.moc"
