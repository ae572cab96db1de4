// backends: sqlite postgresql
#include "database/database.h"
#include "testdatabase.h"
#include "tst_metrics_fixture.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

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
    void missingPracticeIsNeverCreated_data();
    void missingPracticeIsNeverCreated();
    void restoreMakesTheMissingPracticeFromABackup();
    void practiceFilesAreForTheOwnerOnly();
    void readablePracticeIsReported();
    void exportClientRecord();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    static Run run(const QStringList& arguments, const QString& databaseVariable = {})
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("AFTERCARE_DATABASE"));
        if (!databaseVariable.isEmpty())
            environment.insert(QStringLiteral("AFTERCARE_DATABASE"), databaseVariable);
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
    static int mode(const QString& path)
    {
        struct stat status = {};
        if (::stat(QFile::encodeName(path).constData(), &status) != 0)
            return -1;
        return int(status.st_mode & 07777);
    }
    // A small practice in a file of its own (the SQLite side of the command line's files).
    static bool makeDemo(const QString& path, QString* error)
    {
        const Run demo =
            run({QStringLiteral("--database"), path, QStringLiteral("demo"),
                 QStringLiteral("--clients"), QStringLiteral("30"), QStringLiteral("--years"),
                 QStringLiteral("1"), QStringLiteral("--today"), QStringLiteral("2026-06-30")});
        *error = demo.err;
        return demo.exitCode == 0;
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
    QTest::newRow("export without a client")
        << QStringList{QStringLiteral("--database"), QStringLiteral("/tmp/x.db"),
                       QStringLiteral("export"), QStringLiteral("--out"),
                       QStringLiteral("/tmp/x.json")}
        << 2;
    QTest::newRow("export without a file")
        << QStringList{QStringLiteral("--database"), QStringLiteral("/tmp/x.db"),
                       QStringLiteral("export"), QStringLiteral("client"), QStringLiteral("C-1")}
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

void TestCli::missingPracticeIsNeverCreated_data()
{
    QTest::addColumn<QString>("how"); // --database PATH, sqlite:PATH, or AFTERCARE_DATABASE
    QTest::addColumn<QStringList>("command");
    const QStringList commands[] = {
        {"report", "--month", "2026-03", "--format", "json", "--out", "OUT"},
        {"report", "--month", "2026-03", "--format", "csv", "--out", "OUT"},
        {"import", "clients", "CSV"},
        {"backup", "OUT"},
        {"restore", "BACKUP"},
        {"compact"},
        {"export", "client", "C-1", "--out", "OUT"},
    };
    for (const QString how : {"path", "url", "environment"})
        for (const QStringList& command : commands)
            QTest::addRow("%s%s by %s", qPrintable(command.at(0)),
                          command.contains(QLatin1String("csv")) ? " csv" : "", qPrintable(how))
                << how << command;
}

void TestCli::missingPracticeIsNeverCreated()
{
    QFETCH(QString, how);
    QFETCH(QStringList, command);
    QTemporaryDir dir;
    // A typing error in the folder's name: neither it nor the file may appear.
    const QString folder = dir.filePath(QStringLiteral("Aftercaer"));
    const QString path = folder + QStringLiteral("/aftercare.db");
    const QString out = dir.filePath(QStringLiteral("out.file"));
    const QString csv = dir.filePath(QStringLiteral("clients.csv"));
    QFile csvFile(csv);
    QVERIFY(csvFile.open(QIODevice::WriteOnly));
    csvFile.write("external_id,first_name,last_name\nC-1,Ann,Adams\n");
    csvFile.close();
    // restore makes a missing practice from a backup (restoreMakesTheMissingPractice...), but
    // never when the backup itself is not there.
    QStringList arguments;
    for (QString word : command) {
        word.replace(QLatin1String("OUT"), out);
        word.replace(QLatin1String("CSV"), csv);
        word.replace(QLatin1String("BACKUP"), dir.filePath(QStringLiteral("missing.backup")));
        arguments.append(word);
    }
    QString variable;
    if (how == QLatin1String("environment"))
        variable = path;
    else
        arguments =
            QStringList{QStringLiteral("--database"),
                        how == QLatin1String("url") ? QStringLiteral("sqlite:") + path : path} +
            arguments;
    const Run result = run(arguments, variable);
    QVERIFY2(result.exitCode != 0, qPrintable(result.out));
    QCOMPARE(lineCount(result.err), 1);
    QVERIFY2(result.err.contains(command.first() == QLatin1String("restore")
                                     ? dir.filePath(QStringLiteral("missing.backup"))
                                     : path),
             qPrintable(result.err));
    QVERIFY(!QFileInfo::exists(path));
    QVERIFY(!QFileInfo::exists(folder));
    QVERIFY(!QFileInfo::exists(out));
}

void TestCli::restoreMakesTheMissingPracticeFromABackup()
{
    // What a backup is for: the computer is new, the practice file is not there yet.
    QTemporaryDir dir;
    QString error;
    const QString original = dir.filePath(QStringLiteral("original.db"));
    QVERIFY2(makeDemo(original, &error), qPrintable(error));
    const QString backup = dir.filePath(QStringLiteral("practice.backup"));
    QCOMPARE(
        run({QStringLiteral("--database"), original, QStringLiteral("backup"), backup}).exitCode,
        0);
    const QString target = dir.filePath(QStringLiteral("new-computer/Aftercare/aftercare.db"));
    const Run restore =
        run({QStringLiteral("--database"), target, QStringLiteral("restore"), backup});
    QVERIFY2(restore.exitCode == 0, qPrintable(restore.err));
    QVERIFY2(restore.out.contains(QLatin1String("new practice file")), qPrintable(restore.out));
    QCOMPARE(mode(target), 0600);
    QCOMPARE(mode(QFileInfo(target).path()), 0700);
    const Run report = run({QStringLiteral("--database"), target, QStringLiteral("compact")});
    QVERIFY2(report.exitCode == 0, qPrintable(report.err));

    // A file that is no backup leaves nothing behind either.
    const QString other = dir.filePath(QStringLiteral("other.db"));
    const Run refused = run({QStringLiteral("--database"), other, QStringLiteral("restore"),
                             QStringLiteral(AFTERCARE_BINARY)});
    QCOMPARE(refused.exitCode, 1);
    QCOMPARE(lineCount(refused.err), 1);
    QVERIFY(!QFileInfo::exists(other));
}

void TestCli::practiceFilesAreForTheOwnerOnly()
{
    // The umask of most logins; the program must not follow it for health data.
    const mode_t previous = ::umask(022);
    QTemporaryDir dir;
    QString error;
    const QString folder = dir.filePath(QStringLiteral("Aftercare"));
    const QString practice = folder + QStringLiteral("/demo-practice.db");
    const bool made = makeDemo(practice, &error);
    const QString backup = dir.filePath(QStringLiteral("backups/monday.backup"));
    const Run backedUp =
        run({QStringLiteral("--database"), practice, QStringLiteral("backup"), backup});
    const QString json = dir.filePath(QStringLiteral("march.json"));
    const Run report =
        run({QStringLiteral("--database"), practice, QStringLiteral("report"),
             QStringLiteral("--month"), QStringLiteral("2026-03"), QStringLiteral("--format"),
             QStringLiteral("json"), QStringLiteral("--out"), json});
    ::umask(previous);
    QVERIFY2(made, qPrintable(error));
    QVERIFY2(backedUp.exitCode == 0, qPrintable(backedUp.err));
    QVERIFY2(report.exitCode == 0, qPrintable(report.err));
    QCOMPARE(mode(practice), 0600);
    QCOMPARE(mode(folder), 0700);
    QCOMPARE(mode(backup), 0600);
    QCOMPARE(mode(QFileInfo(backup).path()), 0700);
    QCOMPARE(mode(json), 0600);
    QVERIFY(!backedUp.err.contains(QLatin1String("Warning")));
}

void TestCli::readablePracticeIsReported()
{
    QTemporaryDir dir;
    QString error;
    const QString practice = dir.filePath(QStringLiteral("practice.db"));
    QVERIFY2(makeDemo(practice, &error), qPrintable(error));
    QVERIFY(::chmod(QFile::encodeName(practice).constData(), 0644) == 0);
    const Run compact = run({QStringLiteral("--database"), practice, QStringLiteral("compact")});
    QCOMPARE(compact.exitCode, 0); // reported, not refused
    QCOMPARE(lineCount(compact.err), 1);
    QVERIFY2(compact.err.contains(QLatin1String("Warning")) && compact.err.contains(practice) &&
                 compact.err.contains(QLatin1String("chmod 600")),
             qPrintable(compact.err));
    QCOMPARE(mode(practice), 0644); // the user decides
}

void TestCli::exportClientRecord()
{
    QString error;
    auto holder = TestDatabase::create(backendUnderTest(), false, &error);
    QVERIFY2(holder, qPrintable(error));
    const QString url = urlWithPassword(holder->url());
    holder->close();
    QVERIFY2(makeDemo(url, &error), qPrintable(error));
    QVERIFY(holder->reopen(&error));
    Database& db = holder->database();
    // A client with a result, an invoice and feedback: the whole record has something in
    // every part.
    auto found = db.run(QStringLiteral(
        "SELECT c.external_id, c.id FROM clients c WHERE EXISTS (SELECT 1 FROM test_results r "
        "WHERE r.client_id = c.id) AND EXISTS (SELECT 1 FROM invoices i WHERE i.client_id = "
        "c.id) AND EXISTS (SELECT 1 FROM feedback f WHERE f.client_id = c.id) ORDER BY c.id"));
    QVERIFY(found && found->next());
    const QString externalId = found->value(0).toString();
    const qlonglong clientId = found->value(1).toLongLong();
    const qlonglong results =
        db.scalar(QStringLiteral("SELECT count(*) FROM test_results WHERE client_id = ?"),
                  {clientId})
            .value()
            .toLongLong();
    holder->close();

    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("record.json"));
    const Run exported = run({QStringLiteral("--database"), url, QStringLiteral("export"),
                              QStringLiteral("client"), externalId, QStringLiteral("--out"), out});
    QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject record = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(record.value(QStringLiteral("format")).toString(),
             QStringLiteral("aftercare-client-record"));
    QCOMPARE(record.value(QStringLiteral("client"))
                 .toObject()
                 .value(QStringLiteral("external_id"))
                 .toString(),
             externalId);
    for (const char* part : {"consents", "appointments", "touchpoints", "feedback", "invoices"})
        QVERIFY2(!record.value(QLatin1String(part)).toArray().isEmpty(), part);
    const QJsonArray resultList = record.value(QStringLiteral("results")).toArray();
    QCOMPARE(qlonglong(resultList.size()), results);
    const QJsonObject first = resultList.first().toObject();
    QVERIFY(!first.value(QStringLiteral("values")).toArray().isEmpty());
    QVERIFY(first.contains(QStringLiteral("summary")));
    QVERIFY(!record.value(QStringLiteral("invoices"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QStringLiteral("lines"))
                 .toArray()
                 .isEmpty());
    QCOMPARE(mode(out), 0600);

    // Audited as a view of clinical content: the export, and each result read.
    QVERIFY(holder->reopen(&error));
    QCOMPARE(holder->database()
                 .scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = "
                                        "'client.export' AND client_id = ?"),
                         {clientId})
                 .value()
                 .toLongLong(),
             1);
    QCOMPARE(holder->database()
                 .scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = "
                                        "'result.view' AND client_id = ?"),
                         {clientId})
                 .value()
                 .toLongLong(),
             results);
    holder->close();

    const QString nobody = dir.filePath(QStringLiteral("nobody.json"));
    const Run unknown =
        run({QStringLiteral("--database"), url, QStringLiteral("export"), QStringLiteral("client"),
             QStringLiteral("NO-SUCH-ONE"), QStringLiteral("--out"), nobody});
    QCOMPARE(unknown.exitCode, 1);
    QCOMPARE(lineCount(unknown.err), 1);
    QVERIFY(unknown.err.contains(QLatin1String("NO-SUCH-ONE")));
    QVERIFY(!QFileInfo::exists(nobody));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
