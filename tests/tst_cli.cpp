// backends: sqlite postgresql
#include "database/database.h"
#include "testdatabase.h"
#include "tst_metrics_fixture.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
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
    void reportFilters_data();
    void reportFilters();

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
    QTest::newRow("compact with an argument")
        << QStringList{QStringLiteral("--database"), QStringLiteral("/tmp/x.db"),
                       QStringLiteral("compact"), QStringLiteral("now")}
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
    QVERIFY(demo.err.contains(QLatin1String("Compacting the database file")));

    Run compact = run({QStringLiteral("--database"), url, QStringLiteral("compact")});
    QVERIFY2(compact.exitCode == 0, qPrintable(compact.err));
    QVERIFY2(compact.out.contains(backendUnderTest() == Backend::Sqlite
                                      ? QLatin1String("MiB after")
                                      : QLatin1String("Vacuumed and analysed")),
             qPrintable(compact.out));

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

void TestCli::reportFilters_data()
{
    QTest::addColumn<QStringList>("filter");
    QTest::addColumn<QString>("format");
    QTest::addColumn<int>("exitCode");
    // "key=value" figures the written report must hold (JSON: object.key; CSV: a line).
    QTest::addColumn<QStringList>("expected");
    const QString json = QStringLiteral("json");
    const QString csv = QStringLiteral("csv");
    const QString pdf = QStringLiteral("pdf");
    // MarchPractice: 3 visits (Adams 2, Brown 1), 1 no-show (Adams), CSAT answers of Ann and
    // Ben (both "Google" clients, linked to Adams visits).
    QTest::newRow("none") << QStringList{} << json << 0
                          << QStringList{"no_show_rate.no_shows=1", "rebooking_rate.visits=3",
                                         "csat.responses=2"};
    QTest::newRow("practitioner by name")
        << QStringList{"--practitioner", " dr brown"} << json << 0
        << QStringList{"no_show_rate.no_shows=0", "rebooking_rate.visits=1", "csat.responses=0",
                       "filters.practitioner.name=Dr Brown"};
    QTest::newRow("practitioner by id")
        << QStringList{"--practitioner", "1"} << json << 0
        << QStringList{"no_show_rate.no_shows=1", "rebooking_rate.visits=2",
                       "filters.practitioner.name=Dr Adams"};
    QTest::newRow("service type") << QStringList{"--service-type", "CONSULTATION"} << json << 0
                                  << QStringList{"rebooking_rate.visits=3",
                                                 "filters.service_type.name=Consultation"};
    QTest::newRow("referral source")
        << QStringList{"--referral-source", "google"} << json << 0
        << QStringList{"csat.responses=2", "no_show_rate.no_shows=0", "rebooking_rate.visits=3"};
    QTest::newRow("csv") << QStringList{"--practitioner", "Dr Brown"} << csv << 0
                         << QStringList{"no_show_rate,no_shows,0", "rebooking_rate,visits,1"};
    QTest::newRow("pdf") << QStringList{"--practitioner", "Dr Brown"} << pdf << 0 << QStringList{};
    QTest::newRow("unknown practitioner")
        << QStringList{"--practitioner", "Dr Nobody"} << json << 1 << QStringList{"Dr Nobody"};
    QTest::newRow("unknown practitioner id")
        << QStringList{"--practitioner", "999"} << json << 1 << QStringList{"999"};
    QTest::newRow("unknown service type")
        << QStringList{"--service-type", "Massage"} << csv << 1 << QStringList{"Massage"};
    QTest::newRow("unknown referral source")
        << QStringList{"--referral-source", "Radio"} << json << 1 << QStringList{"Radio"};
}

void TestCli::reportFilters()
{
    QFETCH(QStringList, filter);
    QFETCH(QString, format);
    QFETCH(int, exitCode);
    QFETCH(QStringList, expected);
    QString error;
    auto holder = TestDatabase::create(backendUnderTest(), true, &error);
    QVERIFY2(holder, qPrintable(error));
    {
        Practice practice(holder->database());
        MarchPractice march;
        QVERIFY2(march.fill(practice), qPrintable(practice.error()));
        QCOMPARE(march.adams, qint64(1)); // the "by id" row names Dr Adams by 1
    }
    const QString url = urlWithPassword(holder->url());
    holder->close();

    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("report.") + format);
    const Run report =
        run(QStringList{QStringLiteral("--database"), url, QStringLiteral("report"),
                        QStringLiteral("--month"), QStringLiteral("2026-03"),
                        QStringLiteral("--format"), format, QStringLiteral("--out"), out} +
            filter);
    QVERIFY2(report.exitCode == exitCode, qPrintable(report.err));
    if (exitCode != 0) {
        QCOMPARE(lineCount(report.err), 1);
        for (const QString& word : expected)
            QVERIFY2(report.err.contains(word), qPrintable(report.err));
        QVERIFY(!QFile::exists(out));
        return;
    }
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    if (format == QLatin1String("pdf")) {
        QVERIFY(bytes.startsWith("%PDF"));
        return;
    }
    if (format == QLatin1String("csv")) {
        for (const QString& line : expected)
            QVERIFY2(bytes.contains(line.toUtf8()), qPrintable(line));
        return;
    }
    const QJsonObject root = QJsonDocument::fromJson(bytes).object();
    for (const QString& item : expected) {
        const QString path = item.section(QLatin1Char('='), 0, 0);
        const QString value = item.section(QLatin1Char('='), 1);
        QJsonValue node = root;
        for (const QString& key : path.split(QLatin1Char('.')))
            node = node.toObject().value(key);
        const QString actual = node.isDouble() ? QString::number(node.toDouble()) : node.toString();
        QCOMPARE(actual, value);
    }
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
