// backends: sqlite postgresql
#include "auth/actor.h"
#include "database/database.h"
#include "database/sqltime.h"
#include "importing/csvimporter.h"
#include "importtesting.h"
#include "testdatabase.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QFile>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace aftercare;
using namespace aftercare::test;

namespace {

const QByteArray kClientHeader =
    "external_id,first_name,last_name,date_of_birth,sex,email,phone,preferred_channel,"
    "referral_source,referred_by,registered_at,consent_reminders,consent_surveys,"
    "consent_marketing,consent_birthday\n";

// Line 2 refers to the client of line 5 (further down the file); line 3 has a quoted name with
// a comma and a line break in its referral source, so line 4 starts on physical line 5.
const QByteArray kClients =
    kClientHeader + "K-1,Anna,Berg,1980-02-29,F,Anna.Berg@Example.ORG,+49 30 "
                    "1234-567,email,,K-4,2019-03-01T10:00,yes,yes,no,\n"
                    "K-2,\"Zoë\",\"O'Brien, Jr.\",1975-12-01,male,,0301234567,phone,\"Flyer\nat "
                    "the bakery\",,2019-03-02,no,,,yes\n"
                    "K-3,Carl,Diaz,,x,carl@example.org,,,,K-1,2019-03-03T09:15:30,,,,\n"
                    "K-4,Dora,Engel,2001-07-15,unknown,dora@example.org,,letter,client "
                    "referral,,2019-03-04T08:00+02:00,yes,no,yes,no\n";

// Through a real file, as the command line imports.
Result<ImportSummary> importFromFile(Database& db, ImportKind kind, const QByteArray& csv,
                                     const ImportOptions& o = importOptions())
{
    QTemporaryDir dir;
    const QString path = dir.filePath(importKindName(kind) + QStringLiteral(".csv"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(csv) != csv.size())
        return fail(Error::io(QStringLiteral("cannot write %1").arg(path)));
    file.close();
    return CsvImporter(db, Actor::system()).importFile(kind, path, o);
}

} // namespace

class TestImport : public QObject
{
    Q_OBJECT

private slots:
    void clientsAreImported();
    void consentsCarryEvidence();
    void reimportChangesNothing();
    void changedRowsAreUpdated();
    void emptyCellKeepsStoredValue();
    void clientRejections_data();
    void clientRejections();
    void rejectedReferrerStrandsItsReferrals();
    void repeatedIdenticalRowIsUnchanged();
    void refusedFiles_data();
    void refusedFiles();
    void byteOrderMarkCrlfAndFreeColumnOrder();
    void offsetsConvertToThePracticeZone();
    void dryRunWritesNothing();
    void databaseFailureRollsBackEverything();
    void progressIsReported();
    void onlyAdministratorsImport();
    void importIsAudited();
    void documentedExamplesImportCleanly();
};

void TestImport::clientsAreImported()
{
    AFTERCARE_FRESH_DATABASE(db);
    auto summary = importFromFile(db, ImportKind::Clients, kClients);
    QVERIFY2(summary && !summary->hasRejections(), qPrintable(describe(summary)));
    QCOMPARE(summary->rows, 4);
    QCOMPARE(summary->created, 4);
    QCOMPARE(summary->updated, 0);
    QCOMPARE(summary->unchanged, 0);
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM clients")), 4);

    auto k1 = db.run(QStringLiteral(
        "SELECT first_name, last_name, date_of_birth, sex, email, phone, preferred_channel, "
        "referral_source, registered_at, journey_stage FROM clients WHERE external_id = 'K-1'"));
    QVERIFY(k1 && k1->next());
    QCOMPARE(k1->value(0).toString(), QStringLiteral("Anna"));
    QCOMPARE(k1->value(1).toString(), QStringLiteral("Berg"));
    QCOMPARE(SqlTime::toDate(k1->value(2)), QDate(1980, 2, 29));
    QCOMPARE(k1->value(3).toString(), QStringLiteral("female"));
    QCOMPARE(k1->value(4).toString(),
             QStringLiteral("Anna.Berg@example.org")); // domain lower-cased
    QCOMPARE(k1->value(5).toString(), QStringLiteral("+49301234567"));
    QCOMPARE(k1->value(6).toString(), QStringLiteral("email"));
    QVERIFY(k1->value(7).isNull());
    QCOMPARE(SqlTime::toDateTime(k1->value(8)), QDateTime(QDate(2019, 3, 1), QTime(10, 0)));

    QCOMPARE(text(db, QStringLiteral("SELECT last_name FROM clients WHERE external_id = 'K-2'")),
             QStringLiteral("O'Brien, Jr."));
    QCOMPARE(text(db, QStringLiteral("SELECT first_name FROM clients WHERE external_id = 'K-2'")),
             QStringLiteral("Zoë"));
    QCOMPARE(
        text(db, QStringLiteral("SELECT referral_source FROM clients WHERE external_id = 'K-2'")),
        QStringLiteral("Flyer\nat the bakery"));
    QCOMPARE(text(db, QStringLiteral("SELECT sex FROM clients WHERE external_id = 'K-3'")),
             QStringLiteral("other"));
    // No preferred channel given: e-mail when there is an address, phone when only a number.
    QCOMPARE(
        text(db, QStringLiteral("SELECT preferred_channel FROM clients WHERE external_id = 'K-3'")),
        QStringLiteral("email"));
    QCOMPARE(
        SqlTime::toDateTime(
            db.scalar(QStringLiteral("SELECT registered_at FROM clients WHERE external_id = 'K-3'"))
                .value()),
        QDateTime(QDate(2019, 3, 3), QTime(9, 15, 30)));
    // A bare date is midnight; an offset is converted to the practice's zone (UTC+01:00 here).
    QCOMPARE(
        SqlTime::toDateTime(
            db.scalar(QStringLiteral("SELECT registered_at FROM clients WHERE external_id = 'K-2'"))
                .value()),
        QDateTime(QDate(2019, 3, 2), QTime(0, 0)));
    QCOMPARE(
        SqlTime::toDateTime(
            db.scalar(QStringLiteral("SELECT registered_at FROM clients WHERE external_id = 'K-4'"))
                .value()),
        QDateTime(QDate(2019, 3, 4), QTime(7, 0)));

    // Referrals: K-1 names K-4 further down the file, K-3 names K-1 above it.
    QCOMPARE(
        text(db, QStringLiteral(
                     "SELECT r.external_id FROM clients c JOIN clients r ON r.id = c.referred_by "
                     "WHERE c.external_id = 'K-1'")),
        QStringLiteral("K-4"));
    QCOMPARE(
        text(db, QStringLiteral(
                     "SELECT r.external_id FROM clients c JOIN clients r ON r.id = c.referred_by "
                     "WHERE c.external_id = 'K-3'")),
        QStringLiteral("K-1"));
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM clients WHERE referred_by IS NULL")),
             2);
}

void TestImport::consentsCarryEvidence()
{
    AFTERCARE_FRESH_DATABASE(db);
    auto summary = importFromFile(db, ImportKind::Clients, kClients);
    QVERIFY2(summary && !summary->hasRejections(), qPrintable(describe(summary)));
    // K-1: 3 decisions, K-2: 2, K-3: none, K-4: 4.
    QCOMPARE(summary->consentsRecorded, 9);
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM consents")), 9);
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM consents WHERE channel <> 'any'")), 0);
    auto rows = db.run(
        QStringLiteral("SELECT c.external_id, s.purpose, s.granted, s.evidence FROM consents s "
                       "JOIN clients c ON c.id = s.client_id ORDER BY c.external_id, s.purpose"));
    QVERIFY(rows);
    QStringList seen;
    while (rows->next())
        seen.append(QStringLiteral("%1 %2 %3 %4")
                        .arg(rows->value(0).toString(), rows->value(1).toString(),
                             rows->value(2).toBool() ? QStringLiteral("yes") : QStringLiteral("no"),
                             rows->value(3).toString()));
    QCOMPARE(seen, (QStringList{
                       "K-1 marketing no imported from clients.csv line 2",
                       "K-1 reminders yes imported from clients.csv line 2",
                       "K-1 surveys yes imported from clients.csv line 2",
                       "K-2 birthday yes imported from clients.csv line 3",
                       "K-2 reminders no imported from clients.csv line 3",
                       "K-4 birthday no imported from clients.csv line 6",
                       "K-4 marketing yes imported from clients.csv line 6",
                       "K-4 reminders yes imported from clients.csv line 6",
                       "K-4 surveys no imported from clients.csv line 6",
                   }));
}

void TestImport::reimportChangesNothing()
{
    AFTERCARE_FRESH_DATABASE(db);
    QVERIFY(importFromFile(db, ImportKind::Clients, kClients));
    const QByteArray before = checksum(db, {QStringLiteral("clients"), QStringLiteral("consents")});
    auto again = importFromFile(db, ImportKind::Clients, kClients);
    QVERIFY2(again && !again->hasRejections(), qPrintable(describe(again)));
    QCOMPARE(again->created, 0);
    QCOMPARE(again->updated, 0);
    QCOMPARE(again->unchanged, 4);
    QCOMPARE(again->consentsRecorded, 0);
    QCOMPARE(checksum(db, {QStringLiteral("clients"), QStringLiteral("consents")}), before);
}

void TestImport::changedRowsAreUpdated()
{
    AFTERCARE_FRESH_DATABASE(db);
    QVERIFY(importFromFile(db, ImportKind::Clients, kClients));
    // K-2 changes its name; K-4 withdraws marketing consent; K-3 is now referred by K-2.
    const QByteArray changed = kClientHeader +
                               "K-1,Anna,Berg,1980-02-29,F,Anna.Berg@Example.ORG,+49 30 "
                               "1234-567,email,,K-4,2019-03-01T10:00,yes,yes,no,\n"
                               "K-2,Zoë,Byrne,1975-12-01,male,,0301234567,phone,\"Flyer\nat the "
                               "bakery\",,2019-03-02,no,,,yes\n"
                               "K-3,Carl,Diaz,,x,carl@example.org,,,,K-2,2019-03-03T09:15:30,,,,\n"
                               "K-4,Dora,Engel,2001-07-15,unknown,dora@example.org,,letter,client "
                               "referral,,2019-03-04T08:00+02:00,yes,no,no,no\n";
    auto summary = importFromFile(db, ImportKind::Clients, changed);
    QVERIFY2(summary && !summary->hasRejections(), qPrintable(describe(summary)));
    QCOMPARE(summary->created, 0);
    QCOMPARE(summary->updated, 3);
    QCOMPARE(summary->unchanged, 1);
    QCOMPARE(summary->consentsRecorded, 1);
    QCOMPARE(text(db, QStringLiteral("SELECT last_name FROM clients WHERE external_id = 'K-2'")),
             QStringLiteral("Byrne"));
    QCOMPARE(count(db, QStringLiteral("SELECT row_version FROM clients WHERE external_id = 'K-2'")),
             2);
    QCOMPARE(count(db, QStringLiteral("SELECT row_version FROM clients WHERE external_id = 'K-1'")),
             1);
    QCOMPARE(
        text(db, QStringLiteral(
                     "SELECT r.external_id FROM clients c JOIN clients r ON r.id = c.referred_by "
                     "WHERE c.external_id = 'K-3'")),
        QStringLiteral("K-2"));
    // Consents are append-only: the change of mind is a new row, the old one stays.
    QCOMPARE(count(db, QStringLiteral(
                           "SELECT count(*) FROM consents s JOIN clients c ON c.id = s.client_id "
                           "WHERE c.external_id = 'K-4' AND s.purpose = 'marketing'")),
             2);
    QCOMPARE(
        text(db, QStringLiteral(
                     "SELECT s.evidence FROM consents s JOIN clients c ON c.id = s.client_id "
                     "WHERE c.external_id = 'K-4' AND s.purpose = 'marketing' AND NOT s.granted")),
        QStringLiteral("imported from clients.csv line 6"));
}

void TestImport::emptyCellKeepsStoredValue()
{
    AFTERCARE_FRESH_DATABASE(db);
    QVERIFY(importFromFile(db, ImportKind::Clients, kClients));
    // Only the required columns, and an empty e-mail column: nothing stored is erased.
    auto summary = importFromFile(db, ImportKind::Clients,
                                  "external_id,first_name,last_name,email\nK-1,Anna,Berg,\n");
    QVERIFY2(summary && !summary->hasRejections(), qPrintable(describe(summary)));
    QCOMPARE(summary->unchanged, 1);
    QCOMPARE(text(db, QStringLiteral("SELECT email FROM clients WHERE external_id = 'K-1'")),
             QStringLiteral("Anna.Berg@example.org"));
    QCOMPARE(text(db, QStringLiteral("SELECT sex FROM clients WHERE external_id = 'K-1'")),
             QStringLiteral("female"));
}

void TestImport::clientRejections_data()
{
    QTest::addColumn<QByteArray>("row");   // the bad row, placed on line 3 between two good ones
    QTest::addColumn<QString>("mentions"); // what its reason must say
    QTest::newRow("missing first name")
        << QByteArray("K-9,,Wolf,,,,,,,,,,,,") << QStringLiteral("first_name");
    QTest::newRow("bad date of birth") << QByteArray("K-9,Ida,Wolf,12.03.1990,,,,,,,,,,,")
                                       << QStringLiteral("date_of_birth: \"12.03.1990\"");
    QTest::newRow("impossible date")
        << QByteArray("K-9,Ida,Wolf,1990-02-30,,,,,,,,,,,") << QStringLiteral("date_of_birth");
    QTest::newRow("birth in the future")
        << QByteArray("K-9,Ida,Wolf,2999-01-01,,,,,,,,,,,") << QStringLiteral("future");
    QTest::newRow("bad sex") << QByteArray("K-9,Ida,Wolf,,W,,,,,,,,,,")
                             << QStringLiteral("sex: \"W\"");
    QTest::newRow("bad channel") << QByteArray("K-9,Ida,Wolf,,,,,fax,,,,,,,")
                                 << QStringLiteral("preferred_channel: \"fax\"");
    QTest::newRow("bad email") << QByteArray("K-9,Ida,Wolf,,,ida(at)example.org,,,,,,,,,")
                               << QStringLiteral("email");
    QTest::newRow("bad phone") << QByteArray("K-9,Ida,Wolf,,,,call me,,,,,,,,")
                               << QStringLiteral("phone");
    QTest::newRow("bad consent") << QByteArray("K-9,Ida,Wolf,,,,,,,,,maybe,,,")
                                 << QStringLiteral("consent_reminders: \"maybe\"");
    QTest::newRow("bad time") << QByteArray("K-9,Ida,Wolf,,,,,,,,2019-03-01 10:00,,,,")
                              << QStringLiteral("registered_at");
    QTest::newRow("unknown referrer")
        << QByteArray("K-9,Ida,Wolf,,,,,,,K-77,,,,,")
        << QStringLiteral("referred_by: there is no client with the external_id \"K-77\"");
    QTest::newRow("self referral")
        << QByteArray("K-9,Ida,Wolf,,,,,,,K-9,,,,,") << QStringLiteral("themselves");
    QTest::newRow("same id, other values")
        << QByteArray("K-1,Anna,Wolf,,,,,,,,,,,,") << QStringLiteral("appears already on line 2");
    QTest::newRow("e-mail preferred without address")
        << QByteArray("K-9,Ida,Wolf,,,,030 123,email,,,,,,,")
        << QStringLiteral("preferred_channel");
    QTest::newRow("too few fields") << QByteArray("K-9,Ida,Wolf") << QStringLiteral("has 3 fields");
    QTest::newRow("unquoted comma")
        << QByteArray("K-9,Ida,Wolf, Jr.,,,,,,,,,,,,") << QStringLiteral("has 16 fields");
    QTest::newRow("stray quote") << QByteArray("K-9,Ida \"the\" Wolf,,,,,,,,,,,,,")
                                 << QStringLiteral("quote");
}

void TestImport::clientRejections()
{
    QFETCH(QByteArray, row);
    QFETCH(QString, mentions);
    AFTERCARE_FRESH_DATABASE(db);
    const QByteArray csv =
        kClientHeader + "K-1,Anna,Berg,,,,,,,,,,,,\n" + row + "\n" + "K-2,Ben,Cole,,,,,,,,,,,,\n";
    auto summary = importFromFile(db, ImportKind::Clients, csv);
    QVERIFY2(summary, qPrintable(describe(summary)));
    QCOMPARE(summary->rejected.size(), std::size_t(1));
    QCOMPARE(summary->rejected.front().line, 3);
    QVERIFY2(summary->rejected.front().reason.contains(mentions),
             qPrintable(summary->rejected.front().reason));
    // The rejected row stops nothing else.
    QCOMPARE(summary->created, 2);
    QCOMPARE(summary->rows, 3);
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM clients")), 2);
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM clients WHERE external_id = 'K-9'")),
             0);
    QCOMPARE(text(db, QStringLiteral("SELECT last_name FROM clients WHERE external_id = 'K-1'")),
             QStringLiteral("Berg"));
}

void TestImport::rejectedReferrerStrandsItsReferrals()
{
    AFTERCARE_FRESH_DATABASE(db);
    // K-3 names K-2, which names a client nobody knows: both are rejected, K-1 is imported.
    const QByteArray csv = "external_id,first_name,last_name,referred_by\n"
                           "K-3,Carl,Diaz,K-2\n"
                           "K-1,Anna,Berg,\n"
                           "K-2,Ben,Cole,K-99\n";
    auto summary = importFromFile(db, ImportKind::Clients, csv);
    QVERIFY2(summary, qPrintable(describe(summary)));
    QCOMPARE(summary->rejected.size(), std::size_t(2));
    QCOMPARE(summary->rejected[0].line, 2);
    QVERIFY2(
        summary->rejected[0].reason.contains(QStringLiteral("\"K-2\" on line 4 was not imported")),
        qPrintable(summary->rejected[0].reason));
    QCOMPARE(summary->rejected[1].line, 4);
    QVERIFY(summary->rejected[1].reason.contains(QStringLiteral("K-99")));
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM clients")), 1);
}

void TestImport::repeatedIdenticalRowIsUnchanged()
{
    AFTERCARE_FRESH_DATABASE(db);
    const QByteArray csv =
        "external_id,first_name,last_name,sex\nK-1,Anna,Berg,F\nK-1,Anna,Berg,female\n";
    auto summary = importFromFile(db, ImportKind::Clients, csv);
    QVERIFY2(summary && !summary->hasRejections(), qPrintable(describe(summary)));
    QCOMPARE(summary->created, 1);
    QCOMPARE(summary->unchanged, 1);
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM clients")), 1);
}

void TestImport::refusedFiles_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("missing last_name")
        << QByteArray("external_id,first_name,email\nK-1,Anna,a@example.org\n")
        << QStringLiteral("\"last_name\" is missing");
    QTest::newRow("two missing") << QByteArray("external_id,email\nK-1,a@example.org\n")
                                 << QStringLiteral("\"first_name\", \"last_name\" are missing");
    QTest::newRow("column twice") << QByteArray(
                                         "external_id,first_name,last_name,First_Name\nK-1,A,B,C\n")
                                  << QStringLiteral("\"first_name\" appears twice");
    QTest::newRow("empty file") << QByteArray() << QStringLiteral("empty");
    QTest::newRow("only blank lines") << QByteArray("\n\r\n , \n") << QStringLiteral("empty");
    QTest::newRow("Latin-1") << QByteArray(
                                    "external_id,first_name,last_name\nK-1,J\xfcrgen,M\xfcller\n")
                             << QStringLiteral("Line 2 is not UTF-8");
}

void TestImport::refusedFiles()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, mentions);
    AFTERCARE_FRESH_DATABASE(db);
    auto summary = importFromFile(db, ImportKind::Clients, csv);
    QVERIFY(!summary);
    QCOMPARE(summary.error().kind, ErrorKind::Validation);
    QVERIFY2(summary.error().message.contains(mentions), qPrintable(summary.error().message));
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM clients")), 0);
}

void TestImport::byteOrderMarkCrlfAndFreeColumnOrder()
{
    AFTERCARE_FRESH_DATABASE(db);
    const QByteArray csv = "\xEF\xBB\xBF"
                           "Last_Name , shoe_size,EXTERNAL_ID,first_name\r\n"
                           "\"Berg\",42,K-1,Anna\r\n"
                           "\r\n"
                           "Cole,44,K-2,\"Ben\r\nBenjamin\"\r\n";
    auto summary = importFromFile(db, ImportKind::Clients, csv);
    QVERIFY2(summary && !summary->hasRejections(), qPrintable(describe(summary)));
    QCOMPARE(summary->created, 2);
    QCOMPARE(summary->rows, 2); // the blank line is no row
    QCOMPARE(text(db, QStringLiteral("SELECT last_name FROM clients WHERE external_id = 'K-1'")),
             QStringLiteral("Berg"));
    QCOMPARE(text(db, QStringLiteral("SELECT first_name FROM clients WHERE external_id = 'K-2'")),
             QStringLiteral("Ben\nBenjamin"));
}

void TestImport::offsetsConvertToThePracticeZone()
{
    AFTERCARE_FRESH_DATABASE(db);
    QVERIFY(db.run(QStringLiteral(
        "INSERT INTO practice_settings (key, value) VALUES ('practice.timezone', 'Asia/Tokyo')")));
    ImportOptions fromSettings = importOptions();
    fromSettings.practiceZone = QTimeZone(); // the practice's setting decides
    auto summary = importFromFile(db, ImportKind::Clients,
                                  "external_id,first_name,last_name,registered_at\n"
                                  "K-1,Anna,Berg,2019-03-01T00:30Z\n"
                                  "K-2,Ben,Cole,2019-03-01T00:30\n",
                                  fromSettings);
    QVERIFY2(summary && !summary->hasRejections(), qPrintable(describe(summary)));
    QCOMPARE(
        SqlTime::toDateTime(
            db.scalar(QStringLiteral("SELECT registered_at FROM clients WHERE external_id = 'K-1'"))
                .value()),
        QDateTime(QDate(2019, 3, 1), QTime(9, 30))); // Tokyo is 9 hours ahead of UTC
    QCOMPARE(
        SqlTime::toDateTime(
            db.scalar(QStringLiteral("SELECT registered_at FROM clients WHERE external_id = 'K-2'"))
                .value()),
        QDateTime(QDate(2019, 3, 1), QTime(0, 30))); // local time stays as written
}

void TestImport::dryRunWritesNothing()
{
    AFTERCARE_FRESH_DATABASE(db);
    const QByteArray csv = kClients + "K-5,,Fox,,,,,,,,,,,,\n";
    auto dry = importFromFile(db, ImportKind::Clients, csv, importOptions(true));
    QVERIFY2(dry, qPrintable(describe(dry)));
    QVERIFY(dry->dryRun);
    QCOMPARE(dry->created, 4);
    QCOMPARE(dry->consentsRecorded, 9);
    QCOMPARE(dry->rejected.size(), std::size_t(1));
    QCOMPARE(dry->rejected.front().line, 7);
    for (const char* table : {"clients", "consents", "audit_log"})
        QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))), 0);
    // The real run then does what the dry run said.
    auto real = importFromFile(db, ImportKind::Clients, csv);
    QVERIFY2(real, qPrintable(describe(real)));
    QCOMPARE(real->created, dry->created);
    QCOMPARE(real->consentsRecorded, dry->consentsRecorded);
    QCOMPARE(real->rejected.size(), dry->rejected.size());
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM clients")), 4);
}

void TestImport::databaseFailureRollsBackEverything()
{
    AFTERCARE_FRESH_DATABASE(db);
    // A rule the importer does not know about refuses the last row inside the transaction.
    if (db.isSqlite()) {
        QVERIFY(db.executeScript(QStringLiteral(
            "CREATE TRIGGER refuse_engel BEFORE INSERT ON clients WHEN NEW.last_name = 'Engel' "
            "BEGIN SELECT RAISE(ABORT, 'refused by test'); END;")));
    } else {
        QVERIFY(db.executeScript(QStringLiteral(
            "CREATE FUNCTION refuse_engel() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            "IF NEW.last_name = 'Engel' THEN RAISE EXCEPTION 'refused by test' USING ERRCODE = "
            "'23514'; END IF; "
            "RETURN NEW; END; $$; "
            "CREATE TRIGGER refuse_engel BEFORE INSERT ON clients FOR EACH ROW EXECUTE FUNCTION "
            "refuse_engel();")));
    }
    auto summary = importFromFile(db, ImportKind::Clients, kClients);
    QVERIFY(!summary);
    QVERIFY2(summary.error().detail.contains(QStringLiteral("refused by test")),
             qPrintable(summary.error().describe()));
    for (const char* table : {"clients", "consents", "audit_log"})
        QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))), 0);
}

void TestImport::progressIsReported()
{
    AFTERCARE_FRESH_DATABASE(db);
    QByteArray csv = "external_id,first_name,last_name\n";
    for (int i = 1; i <= 2500; ++i)
        csv += "K-" + QByteArray::number(i) + ",First,Last\n";
    QList<ImportProgress> reports;
    ImportOptions o = importOptions();
    o.progress = [&](const ImportProgress& p) {
        reports.append(p);
    };
    auto summary = importFromFile(db, ImportKind::Clients, csv, o);
    QVERIFY2(summary && !summary->hasRejections(), qPrintable(describe(summary)));
    QCOMPARE(reports.size(), 3);
    QCOMPARE(reports[0].rowsDone, 1000);
    QCOMPARE(reports[1].rowsDone, 2000);
    QVERIFY(reports[0].bytesDone > 0 && reports[0].bytesDone < reports[1].bytesDone);
    QCOMPARE(reports[2].rowsDone, 2500);
    QCOMPARE(reports[2].bytesDone, qint64(csv.size()));
    QCOMPARE(reports[2].bytesTotal, qint64(csv.size()));
}

void TestImport::onlyAdministratorsImport()
{
    AFTERCARE_FRESH_DATABASE(db);
    QBuffer buffer;
    buffer.setData(kClients);
    const Actor receptionist{UserId(), Role::Reception, QStringLiteral("desk")};
    auto summary =
        CsvImporter(db, receptionist).import(ImportKind::Clients, buffer, importOptions());
    QVERIFY(!summary);
    QCOMPARE(summary.error().kind, ErrorKind::Permission);
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM clients")), 0);
}

void TestImport::importIsAudited()
{
    AFTERCARE_FRESH_DATABASE(db);
    QBuffer buffer;
    buffer.setData(kClients);
    ImportOptions o = importOptions();
    o.sourceName = QStringLiteral("practice-export.csv");
    auto summary = CsvImporter(db, Actor::system()).import(ImportKind::Clients, buffer, o);
    QVERIFY2(summary, qPrintable(describe(summary)));
    QCOMPARE(
        count(db,
              QStringLiteral(
                  "SELECT count(*) FROM audit_log WHERE action = 'import' AND entity = 'clients'")),
        1);
    QCOMPARE(text(db, QStringLiteral("SELECT detail FROM audit_log")),
             QStringLiteral(
                 "practice-export.csv: 4 rows, 4 created, 0 updated, 0 unchanged, 0 rejected"));
    QCOMPARE(text(db, QStringLiteral("SELECT evidence FROM consents ORDER BY id LIMIT 1")),
             QStringLiteral("imported from practice-export.csv line 2"));
}

// The example files of docs/import.md, in the order a practice imports them, load without a
// single rejection: the documentation shows files that work.
void TestImport::documentedExamplesImportCleanly()
{
    QFile doc(QStringLiteral(QT_TESTCASE_SOURCEDIR "/../docs/import.md"));
    QVERIFY2(doc.open(QIODevice::ReadOnly), qPrintable(doc.fileName()));
    const QByteArray text = doc.readAll();
    QList<QByteArray> examples;
    for (qsizetype at = text.indexOf("```csv\n"); at >= 0; at = text.indexOf("```csv\n", at)) {
        at += 7;
        const qsizetype end = text.indexOf("```", at);
        QVERIFY(end > at);
        examples.append(text.mid(at, end - at));
        at = end + 3;
    }
    QCOMPARE(examples.size(), qsizetype(5));
    AFTERCARE_FRESH_DATABASE(db);
    const ImportKind order[] = {ImportKind::Clients, ImportKind::Appointments, ImportKind::Feedback,
                                ImportKind::Results, ImportKind::Invoices};
    for (int i = 0; i < 5; ++i) {
        auto summary = importFromFile(db, order[i], examples[i]);
        QVERIFY2(summary && !summary->hasRejections(),
                 qPrintable(importKindName(order[i]) + QLatin1Char(' ') + describe(summary)));
        QVERIFY(summary->created > 0);
    }
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM clients")), 3);
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM appointments")), 4);
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM feedback")), 3);
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM test_results")), 4);
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM invoices")), 3);
}

QTEST_GUILESS_MAIN(TestImport)
#include "tst_import.moc"
