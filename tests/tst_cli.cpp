// backends: sqlite postgresql
#include "database/database.h"
#include "testdatabase.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace aftercare;
using namespace aftercare::test;

// Runs the real aftercare binary the way cron or an administrator would.
class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void usageErrors_data();
    void usageErrors();
    void unreachableDatabaseFailsWithOneLine();
    void demoBackupRestoreRoundTrip();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    static Run run(const QStringList& arguments)
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("DISPLAY"));
        environment.remove(QStringLiteral("QT_QPA_PLATFORM")); // headless commands need no platform
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(AFTERCARE_BINARY), arguments);
        if (!process.waitForFinished(300000))
            return {};
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }
    static QString urlWithPassword(const DatabaseUrl& url)
    {
        if (url.kind() == DatabaseUrl::Kind::Sqlite)
            return url.path();
        return QStringLiteral("postgresql://%1:%2@%3:%4/%5")
            .arg(url.user(), url.password(), url.host())
            .arg(url.port())
            .arg(url.databaseName());
    }
    static int lineCount(const QString& text)
    {
        return int(text.trimmed().split(QLatin1Char('\n')).size());
    }
};

void TestCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("unknown command")
        << QStringList{QStringLiteral("--database"), QStringLiteral("/tmp/x.db"),
                       QStringLiteral("frobnicate")}
        << 2;
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--frob")} << 2;
    QTest::newRow("demo without sizes")
        << QStringList{QStringLiteral("--database"), QStringLiteral("/tmp/x.db"),
                       QStringLiteral("demo")}
        << 2;
    QTest::newRow("demo bad number")
        << QStringList{QStringLiteral("--database"), QStringLiteral("/tmp/x.db"),
                       QStringLiteral("demo"),       QStringLiteral("--clients"),
                       QStringLiteral("many"),       QStringLiteral("--years"),
                       QStringLiteral("2")}
        << 2;
    QTest::newRow("bad url") << QStringList{QStringLiteral("--database"),
                                            QStringLiteral("postgresql://host-only"),
                                            QStringLiteral("backup"), QStringLiteral("/tmp/b")}
                             << 2;
    QTest::newRow("backup without file")
        << QStringList{QStringLiteral("--database"), QStringLiteral("/tmp/x.db"),
                       QStringLiteral("backup")}
        << 2;
}

void TestCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    const Run result = run(arguments);
    QCOMPARE(result.exitCode, exitCode);
    QVERIFY(!result.err.trimmed().isEmpty());
    QCOMPARE(lineCount(result.err), 1);
    QVERIFY(!result.err.contains(QLatin1String("terminate called")));
}

void TestCli::unreachableDatabaseFailsWithOneLine()
{
    // Port 9 (discard) on loopback: nothing listens there.
    const Run result = run({QStringLiteral("--database"),
                            QStringLiteral("postgresql://nobody:secret@127.0.0.1:9/none"),
                            QStringLiteral("backup"), QStringLiteral("/tmp/never-written.backup")});
    QCOMPARE(result.exitCode, 1);
    QCOMPARE(lineCount(result.err), 1);
    QVERIFY(!result.err.contains(QLatin1String("secret"))); // the password is never printed
}

void TestCli::demoBackupRestoreRoundTrip()
{
    QString error;
    auto holder = TestDatabase::create(backendUnderTest(), false, &error);
    QVERIFY2(holder, qPrintable(error));
    const QString url = urlWithPassword(holder->url());
    holder->close();

    Run demo = run({QStringLiteral("--database"), url, QStringLiteral("demo"),
                    QStringLiteral("--clients"), QStringLiteral("60"), QStringLiteral("--years"),
                    QStringLiteral("1"), QStringLiteral("--seed"), QStringLiteral("7"),
                    QStringLiteral("--today"), QStringLiteral("2026-06-30")});
    QVERIFY2(demo.exitCode == 0, qPrintable(demo.err));
    QVERIFY(demo.out.contains(QLatin1String("60 clients")));
    QVERIFY(demo.err.contains(QLatin1String("100%"))); // progress was shown

    // A second demo into the same practice is refused: it would mix two practices.
    Run again =
        run({QStringLiteral("--database"), url, QStringLiteral("demo"), QStringLiteral("--clients"),
             QStringLiteral("60"), QStringLiteral("--years"), QStringLiteral("1")});
    QCOMPARE(again.exitCode, 1);

    QTemporaryDir dir;
    const QString backupFile = dir.filePath(QStringLiteral("practice.backup"));
    Run backup = run({QStringLiteral("--database"), url, QStringLiteral("backup"), backupFile});
    QVERIFY2(backup.exitCode == 0, qPrintable(backup.err));

    QVERIFY(holder->reopen(&error));
    QVERIFY(holder->database().run(QStringLiteral("UPDATE clients SET last_name = 'Overwritten'")));
    holder->close();

    Run restore = run({QStringLiteral("--database"), url, QStringLiteral("restore"), backupFile});
    QVERIFY2(restore.exitCode == 0, qPrintable(restore.err));
    QVERIFY(holder->reopen(&error));
    QCOMPARE(
        holder->database()
            .scalar(QStringLiteral("SELECT count(*) FROM clients WHERE last_name = 'Overwritten'"))
            .value()
            .toLongLong(),
        0);
    QCOMPARE(holder->database()
                 .scalar(QStringLiteral("SELECT count(*) FROM clients"))
                 .value()
                 .toLongLong(),
             60);
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
