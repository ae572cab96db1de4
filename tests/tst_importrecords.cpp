// backends: sqlite postgresql
#include "auth/actor.h"
#include "database/database.h"
#include "database/sqltime.h"
#include "importing/csvimporter.h"
#include "importtesting.h"
#include "testdatabase.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

using namespace aftercare;
using namespace aftercare::test;

namespace {

const QByteArray kFeedbackHeader = "client,appointment,kind,score,responded_at,comment\n";
const QByteArray kFeedback = kFeedbackHeader +
                             "K-1,A-1,csat,5,2025-01-11T10:00,\"Great, thanks\"\n"
                             "K-1,,nps,9,2025-01-11T10:00,\n"
                             "K-2,A-2,NPS,6,2025-02-11,\"Waited \"\"forever\"\"\"\n";

const QByteArray kResultHeader =
    "client,test,received_at,value,unit,reference_low,reference_high,abnormal,summary\n";
// Two values of one lipid panel (the first above its range), a normal HbA1c, a text value,
// and a result without values flagged abnormal.
const QByteArray kResults = kResultHeader +
                            "K-1,Lipid panel,2025-01-12T08:00,3.1,mmol/L,0,3.0,,Slightly raised\n"
                            "K-2,HbA1c,2025-02-12,5.2,%,4,5.6,,All fine\n"
                            "K-1,Lipid panel,2025-01-12T08:00,1.4,mmol/L,1.0,,,\n"
                            "K-2,Pregnancy test,2025-02-13T09:30,negative,,,,no,\n"
                            "K-1,X-ray,2025-03-01,,,,,yes,See the report\n";

const QByteArray kInvoiceHeader =
    "external_id,client,appointment,amount,issued_at,due_at,paid_at\n";
const QByteArray kInvoices = kInvoiceHeader +
                             "I-1,K-1,A-1,60.00,2025-01-10T10:00,2025-01-24,2025-01-15T12:00\n"
                             "I-2,K-2,A-2,60,2025-02-10,2025-02-24,\n"
                             "I-3,K-1,,0.29,2025-03-01,,\n";

// K-1 with the completed visit A-1, K-2 with A-2.
bool preparePractice(Database& db)
{
    auto clients = importCsv(db, ImportKind::Clients,
                             "external_id,first_name,last_name\nK-1,Anna,Berg\nK-2,Ben,Cole\n");
    auto appointments =
        importCsv(db, ImportKind::Appointments,
                  "external_id,client,practitioner,service,start,duration_minutes,status\n"
                  "A-1,K-1,Dr. Weiss,Physio 30,2025-01-10T09:00,30,completed\n"
                  "A-2,K-2,Dr. Weiss,Physio 30,2025-02-10T09:00,30,completed\n");
    return clients && clients->created == 2 && appointments && appointments->created == 2;
}

// Imports header + good row (line 2) + bad row (line 3) + good row (line 4) and checks that
// only line 3 is rejected, for the reason given.
void checkOneRejection(Database& db, ImportKind kind, const QByteArray& csv,
                       const QString& mentions, qint64 expectedRejectedLine = 3)
{
    auto summary = importCsv(db, kind, csv);
    QVERIFY2(summary, qPrintable(describe(summary)));
    QCOMPARE(summary->rejected.size(), std::size_t(1));
    QCOMPARE(summary->rejected.front().line, expectedRejectedLine);
    QVERIFY2(summary->rejected.front().reason.contains(mentions),
             qPrintable(summary->rejected.front().reason));
}

} // namespace

class TestImportRecords : public QObject
{
    Q_OBJECT

private slots:
    void feedbackIsImported();
    void feedbackReimportAndChange();
    void feedbackRejections_data();
    void feedbackRejections();

    void resultsAreImportedWithTheirValues();
    void resultsReimportAndChange();
    void reviewedResultIsNeverChanged();
    void resultRejections_data();
    void resultRejections();
    void oneBadRowRejectsTheWholeResult();

    void invoicesAreImported();
    void invoicesReimportAndChange();
    void invoiceRejections_data();
    void invoiceRejections();
};

void TestImportRecords::feedbackIsImported()
{
    AFTERCARE_FRESH_DATABASE(db);
    QVERIFY(preparePractice(db));
    auto summary = importCsv(db, ImportKind::Feedback, kFeedback);
    QVERIFY2(summary && !summary->hasRejections(), qPrintable(describe(summary)));
    QCOMPARE(summary->created, 3);
    const QStringList stored =
        rows(db, QStringLiteral("SELECT c.external_id, a.external_id, f.kind, f.score, f.comment, "
                                "f.source FROM feedback f "
                                "JOIN clients c ON c.id = f.client_id LEFT JOIN appointments a ON "
                                "a.id = f.appointment_id ORDER BY f.id"));
    QCOMPARE(stored, (QStringList{"K-1|A-1|csat|5|Great, thanks|import", "K-1|NULL|nps|9||import",
                                  "K-2|A-2|nps|6|Waited \"forever\"|import"}));
    QCOMPARE(
        SqlTime::toDateTime(
            db.scalar(QStringLiteral("SELECT responded_at FROM feedback WHERE score = 6")).value()),
        QDateTime(QDate(2025, 2, 11), QTime(0, 0)));
}

void TestImportRecords::feedbackReimportAndChange()
{
    AFTERCARE_FRESH_DATABASE(db);
    QVERIFY(preparePractice(db));
    QVERIFY(importCsv(db, ImportKind::Feedback, kFeedback));
    const QByteArray before = checksum(db, {QStringLiteral("feedback")});
    auto again = importCsv(db, ImportKind::Feedback, kFeedback);
    QVERIFY2(again && !again->hasRejections(), qPrintable(describe(again)));
    QCOMPARE(again->created, 0);
    QCOMPARE(again->updated, 0);
    QCOMPARE(again->unchanged, 3);
    QCOMPARE(checksum(db, {QStringLiteral("feedback")}), before);

    QByteArray changed = kFeedback;
    changed.replace("K-1,,nps,9,", "K-1,,nps,10,");
    auto summary = importCsv(db, ImportKind::Feedback, changed);
    QVERIFY2(summary && !summary->hasRejections(), qPrintable(describe(summary)));
    QCOMPARE(summary->updated, 1);
    QCOMPARE(summary->unchanged, 2);
    QCOMPARE(
        count(db, QStringLiteral("SELECT score FROM feedback WHERE kind = 'nps' AND comment = ''")),
        10);
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM feedback")), 3);
}

void TestImportRecords::feedbackRejections_data()
{
    QTest::addColumn<QByteArray>("row");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("CSAT above 5") << QByteArray("K-2,,csat,6,2025-03-01T10:00,")
                                  << QStringLiteral("score: 6 is outside the csat scale 1 to 5");
    QTest::newRow("CSAT 0") << QByteArray("K-2,,csat,0,2025-03-01T10:00,")
                            << QStringLiteral("outside the csat scale");
    QTest::newRow("NPS 11") << QByteArray("K-2,,nps,11,2025-03-01T10:00,")
                            << QStringLiteral("score: 11 is outside the nps scale 0 to 10");
    QTest::newRow("NPS negative") << QByteArray("K-2,,nps,-1,2025-03-01T10:00,")
                                  << QStringLiteral("outside the nps");
    QTest::newRow("score not a number")
        << QByteArray("K-2,,nps,high,2025-03-01T10:00,") << QStringLiteral("score: \"high\"");
    QTest::newRow("score with decimals")
        << QByteArray("K-2,,csat,4.5,2025-03-01T10:00,") << QStringLiteral("score: \"4.5\"");
    QTest::newRow("unknown kind") << QByteArray("K-2,,ces,3,2025-03-01T10:00,")
                                  << QStringLiteral("kind: \"ces\" is not one of csat|nps");
    QTest::newRow("missing score")
        << QByteArray("K-2,,csat,,2025-03-01T10:00,") << QStringLiteral("score is empty");
    QTest::newRow("bad time") << QByteArray("K-2,,csat,4,01/03/2025,")
                              << QStringLiteral("responded_at");
    QTest::newRow("unknown client")
        << QByteArray("K-7,,csat,4,2025-03-01T10:00,") << QStringLiteral("\"K-7\"");
    QTest::newRow("unknown appointment")
        << QByteArray("K-2,A-9,csat,4,2025-03-01T10:00,")
        << QStringLiteral("no appointment with the external_id \"A-9\"");
    QTest::newRow("someone else's appointment") << QByteArray("K-2,A-1,csat,4,2025-03-01T10:00,")
                                                << QStringLiteral("belongs to another client");
    QTest::newRow("same answer, other score") << QByteArray("K-1,A-1,csat,2,2025-01-11T10:00,")
                                              << QStringLiteral("appears already on line 2");
}

void TestImportRecords::feedbackRejections()
{
    QFETCH(QByteArray, row);
    QFETCH(QString, mentions);
    AFTERCARE_FRESH_DATABASE(db);
    QVERIFY(preparePractice(db));
    checkOneRejection(db, ImportKind::Feedback,
                      kFeedbackHeader + "K-1,A-1,csat,5,2025-01-11T10:00,\n" + row +
                          "\nK-2,,nps,0,2025-03-02,\n",
                      mentions);
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM feedback")), 2);
}

void TestImportRecords::resultsAreImportedWithTheirValues()
{
    AFTERCARE_FRESH_DATABASE(db);
    QVERIFY(preparePractice(db));
    auto summary = importCsv(db, ImportKind::Results, kResults);
    QVERIFY2(summary && !summary->hasRejections(), qPrintable(describe(summary)));
    QCOMPARE(summary->rows, 5);
    QCOMPARE(summary->created, 4); // results, not rows
    QCOMPARE(summary->valuesWritten, 4);
    const QStringList results = rows(
        db, QStringLiteral(
                "SELECT c.external_id, r.test_name, CASE WHEN r.abnormal THEN 'abnormal' ELSE "
                "'normal' END, r.summary, "
                "r.status FROM test_results r JOIN clients c ON c.id = r.client_id ORDER BY r.id"));
    QCOMPARE(results, (QStringList{"K-1|Lipid panel|abnormal|Slightly raised|received",
                                   "K-2|HbA1c|normal|All fine|received",
                                   "K-2|Pregnancy test|normal||received",
                                   "K-1|X-ray|abnormal|See the report|received"}));
    const QStringList values =
        rows(db, QStringLiteral("SELECT r.test_name, v.position, v.analyte, v.value_numeric, "
                                "v.value_text, v.unit, v.reference_low, "
                                "v.reference_high, CASE WHEN v.abnormal IS NULL THEN 'unknown' "
                                "WHEN v.abnormal THEN 'yes' ELSE 'no' END "
                                "FROM result_values v JOIN test_results r ON r.id = v.result_id "
                                "ORDER BY r.id, v.position"));
    QCOMPARE(values, (QStringList{"Lipid panel|0|Lipid panel|3.1|NULL|mmol/L|0|3|yes",
                                  "Lipid panel|1|Lipid panel|1.4|NULL|mmol/L|1|NULL|no",
                                  "HbA1c|0|HbA1c|5.2|NULL|%|4|5.6|no",
                                  "Pregnancy test|0|Pregnancy test|NULL|negative||NULL|NULL|no"}));
    QCOMPARE(SqlTime::toDateTime(
                 db.scalar(QStringLiteral(
                               "SELECT received_at FROM test_results WHERE test_name = 'HbA1c'"))
                     .value()),
             QDateTime(QDate(2025, 2, 12), QTime(0, 0)));
}

void TestImportRecords::resultsReimportAndChange()
{
    AFTERCARE_FRESH_DATABASE(db);
    QVERIFY(preparePractice(db));
    QVERIFY(importCsv(db, ImportKind::Results, kResults));
    const QStringList tables{QStringLiteral("test_results"), QStringLiteral("result_values")};
    const QByteArray before = checksum(db, tables);
    auto again = importCsv(db, ImportKind::Results, kResults);
    QVERIFY2(again && !again->hasRejections(), qPrintable(describe(again)));
    QCOMPARE(again->created, 0);
    QCOMPARE(again->updated, 0);
    QCOMPARE(again->unchanged, 4);
    QCOMPARE(again->valuesWritten, 0);
    QCOMPARE(checksum(db, tables), before);

    // The corrected lipid value brings the panel back into range; the stored values are replaced.
    QByteArray changed = kResults;
    changed.replace("2025-01-12T08:00,3.1,", "2025-01-12T08:00,2.9,");
    auto summary = importCsv(db, ImportKind::Results, changed);
    QVERIFY2(summary && !summary->hasRejections(), qPrintable(describe(summary)));
    QCOMPARE(summary->updated, 1);
    QCOMPARE(summary->unchanged, 3);
    QCOMPARE(summary->valuesWritten, 2);
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM result_values")), 4);
    QCOMPARE(
        text(db,
             QStringLiteral(
                 "SELECT CASE WHEN abnormal THEN 'abnormal' ELSE 'normal' END FROM test_results "
                 "WHERE test_name = 'Lipid panel'")),
        QStringLiteral("normal"));
    QCOMPARE(text(db, QStringLiteral(
                          "SELECT summary FROM test_results WHERE test_name = 'Lipid panel'")),
             QStringLiteral("Slightly raised"));
}

void TestImportRecords::reviewedResultIsNeverChanged()
{
    AFTERCARE_FRESH_DATABASE(db);
    QVERIFY(preparePractice(db));
    QVERIFY(importCsv(db, ImportKind::Results, kResults));
    QVERIFY(db.run(QStringLiteral(
        "UPDATE test_results SET status = 'reviewed', reviewed_at = '2025-01-13 09:00:00' "
        "WHERE test_name = 'Lipid panel'")));
    const QByteArray before =
        checksum(db, {QStringLiteral("test_results"), QStringLiteral("result_values")});
    QByteArray changed = kResults;
    changed.replace("2025-01-12T08:00,1.4,", "2025-01-12T08:00,0.9,");
    auto summary = importCsv(db, ImportKind::Results, changed);
    QVERIFY2(summary, qPrintable(describe(summary)));
    QCOMPARE(summary->rejected.size(), std::size_t(2)); // both rows of the panel
    QCOMPARE(summary->rejected[0].line, 2);
    QCOMPARE(summary->rejected[1].line, 4);
    QVERIFY2(summary->rejected[0].reason.contains(QStringLiteral("reviewed already")),
             qPrintable(summary->rejected[0].reason));
    QCOMPARE(summary->unchanged, 3);
    QCOMPARE(checksum(db, {QStringLiteral("test_results"), QStringLiteral("result_values")}),
             before);
}

void TestImportRecords::resultRejections_data()
{
    QTest::addColumn<QByteArray>("row");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("range upside down")
        << QByteArray("K-2,Ferritin,2025-04-01,30,ng/mL,400,30,,")
        << QStringLiteral("reference_low 400 is above reference_high 30");
    QTest::newRow("bad reference") << QByteArray("K-2,Ferritin,2025-04-01,30,ng/mL,low,,,")
                                   << QStringLiteral("reference_low: \"low\"");
    QTest::newRow("unit without value")
        << QByteArray("K-2,Ferritin,2025-04-01,,ng/mL,,,,") << QStringLiteral("value: empty");
    QTest::newRow("bad abnormal") << QByteArray("K-2,Ferritin,2025-04-01,30,ng/mL,,,high,")
                                  << QStringLiteral("abnormal: \"high\" is not yes or no");
    QTest::newRow("bad received_at")
        << QByteArray("K-2,Ferritin,April 1st,30,ng/mL,,,,") << QStringLiteral("received_at");
    QTest::newRow("missing test") << QByteArray("K-2,,2025-04-01,30,ng/mL,,,,")
                                  << QStringLiteral("test is empty");
    QTest::newRow("unknown client")
        << QByteArray("K-5,Ferritin,2025-04-01,30,ng/mL,,,,") << QStringLiteral("\"K-5\"");
}

void TestImportRecords::resultRejections()
{
    QFETCH(QByteArray, row);
    QFETCH(QString, mentions);
    AFTERCARE_FRESH_DATABASE(db);
    QVERIFY(preparePractice(db));
    checkOneRejection(db, ImportKind::Results,
                      kResultHeader + "K-1,HbA1c,2025-02-12,5.2,%,4,5.6,,\n" + row +
                          "\nK-2,HbA1c,2025-02-12,5.0,%,4,5.6,,\n",
                      mentions);
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM test_results")), 2);
}

void TestImportRecords::oneBadRowRejectsTheWholeResult()
{
    AFTERCARE_FRESH_DATABASE(db);
    QVERIFY(preparePractice(db));
    // Line 3 breaks the lipid panel (lines 2, 3 and 5); line 6 contradicts the summary of the
    // blood count on line 4. Only the HbA1c on line 7 is imported.
    const QByteArray csv = kResultHeader +
                           "K-1,Lipid panel,2025-01-12T08:00,3.1,mmol/L,0,3.0,,\n"
                           "K-1,Lipid panel,2025-01-12T08:00,1.4,mmol/L,one,,,\n"
                           "K-1,Blood count,2025-01-12T08:00,140,g/L,120,160,,All normal\n"
                           "K-1,Lipid panel,2025-01-12T08:00,2.0,mmol/L,,,,\n"
                           "K-1,Blood count,2025-01-12T08:00,7.1,G/L,4,10,,Please call us\n"
                           "K-2,HbA1c,2025-02-12,5.2,%,4,5.6,,\n";
    auto summary = importCsv(db, ImportKind::Results, csv);
    QVERIFY2(summary, qPrintable(describe(summary)));
    QCOMPARE(summary->rejected.size(), std::size_t(5));
    QList<qint64> lines;
    for (const RejectedRow& row : summary->rejected)
        lines.append(row.line);
    QCOMPARE(lines, (QList<qint64>{2, 3, 4, 5, 6}));
    QVERIFY(summary->rejected[0].reason.contains(QStringLiteral("line 3")));
    QVERIFY(summary->rejected[1].reason.contains(QStringLiteral("reference_low")));
    QVERIFY(summary->rejected[2].reason.contains(QStringLiteral("line 6")));
    QVERIFY(summary->rejected[4].reason.contains(QStringLiteral("summary: differs")));
    QCOMPARE(summary->created, 1);
    QCOMPARE(rows(db, QStringLiteral("SELECT test_name FROM test_results")),
             QStringList{QStringLiteral("HbA1c")});
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM result_values")), 1);
}

void TestImportRecords::invoicesAreImported()
{
    AFTERCARE_FRESH_DATABASE(db);
    QVERIFY(preparePractice(db));
    auto summary = importCsv(db, ImportKind::Invoices, kInvoices);
    QVERIFY2(summary && !summary->hasRejections(), qPrintable(describe(summary)));
    QCOMPARE(summary->created, 3);
    QCOMPARE(summary->paymentsRecorded, 1);
    QCOMPARE(
        rows(db, QStringLiteral(
                     "SELECT i.external_id, c.external_id, a.external_id, i.status, i.total_cents "
                     "FROM invoices i JOIN clients c ON c.id = i.client_id "
                     "LEFT JOIN appointments a ON a.id = i.appointment_id ORDER BY i.id")),
        (QStringList{"I-1|K-1|A-1|paid|6000", "I-2|K-2|A-2|issued|6000",
                     "I-3|K-1|NULL|issued|29"}));
    QCOMPARE(
        rows(db, QStringLiteral(
                     "SELECT i.external_id, l.description, l.quantity, l.unit_price_cents, "
                     "l.amount_cents "
                     "FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id ORDER BY i.id")),
        (QStringList{"I-1|Physio 30|1|6000|6000", "I-2|Physio 30|1|6000|6000",
                     "I-3|Services|1|29|29"}));
    QCOMPARE(rows(db, QStringLiteral("SELECT i.external_id, p.amount_cents FROM payments p JOIN "
                                     "invoices i ON i.id = p.invoice_id")),
             QStringList{QStringLiteral("I-1|6000")});
    QCOMPARE(SqlTime::toDateTime(db.scalar(QStringLiteral("SELECT paid_at FROM payments")).value()),
             QDateTime(QDate(2025, 1, 15), QTime(12, 0)));
    auto i1 = db.run(QStringLiteral(
        "SELECT issued_at, due_at, paid_at FROM invoices WHERE external_id = 'I-1'"));
    QVERIFY(i1 && i1->next());
    QCOMPARE(SqlTime::toDateTime(i1->value(0)), QDateTime(QDate(2025, 1, 10), QTime(10, 0)));
    QCOMPARE(SqlTime::toDateTime(i1->value(1)), QDateTime(QDate(2025, 1, 24), QTime(0, 0)));
    QCOMPARE(SqlTime::toDateTime(i1->value(2)), QDateTime(QDate(2025, 1, 15), QTime(12, 0)));
}

void TestImportRecords::invoicesReimportAndChange()
{
    AFTERCARE_FRESH_DATABASE(db);
    QVERIFY(preparePractice(db));
    QVERIFY(importCsv(db, ImportKind::Invoices, kInvoices));
    const QStringList tables{QStringLiteral("invoices"), QStringLiteral("invoice_lines"),
                             QStringLiteral("payments")};
    const QByteArray before = checksum(db, tables);
    auto again = importCsv(db, ImportKind::Invoices, kInvoices);
    QVERIFY2(again && !again->hasRejections(), qPrintable(describe(again)));
    QCOMPARE(again->unchanged, 3);
    QCOMPARE(again->paymentsRecorded, 0);
    QCOMPARE(checksum(db, tables), before);

    // I-2 is now paid at a corrected amount; I-1, paid already, may not change.
    QByteArray changed = kInvoices;
    changed.replace("I-2,K-2,A-2,60,2025-02-10,2025-02-24,",
                    "I-2,K-2,A-2,55.50,2025-02-10,2025-02-24,2025-02-20T09:00");
    changed.replace("I-1,K-1,A-1,60.00,", "I-1,K-1,A-1,65.00,");
    auto summary = importCsv(db, ImportKind::Invoices, changed);
    QVERIFY2(summary, qPrintable(describe(summary)));
    QCOMPARE(summary->rejected.size(), std::size_t(1));
    QCOMPARE(summary->rejected.front().line, 2);
    QVERIFY2(summary->rejected.front().reason.contains(QStringLiteral("paid or void already")),
             qPrintable(summary->rejected.front().reason));
    QCOMPARE(summary->updated, 1);
    QCOMPARE(summary->unchanged, 1);
    QCOMPARE(summary->paymentsRecorded, 1);
    QCOMPARE(rows(db, QStringLiteral(
                          "SELECT external_id, status, total_cents FROM invoices ORDER BY id")),
             (QStringList{"I-1|paid|6000", "I-2|paid|5550", "I-3|issued|29"}));
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM invoice_lines")), 3);
    QCOMPARE(count(db, QStringLiteral("SELECT sum(amount_cents) FROM payments")), 6000 + 5550);
}

void TestImportRecords::invoiceRejections_data()
{
    QTest::addColumn<QByteArray>("row");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("unknown client")
        << QByteArray("I-9,K-8,,10,2025-03-01,,") << QStringLiteral("\"K-8\"");
    QTest::newRow("someone else's appointment")
        << QByteArray("I-9,K-2,A-1,10,2025-03-01,,") << QStringLiteral("belongs to another client");
    QTest::newRow("unknown appointment")
        << QByteArray("I-9,K-2,A-7,10,2025-03-01,,") << QStringLiteral("\"A-7\"");
    QTest::newRow("due before issue")
        << QByteArray("I-9,K-2,,10,2025-03-01,2025-02-01,")
        << QStringLiteral("due_at: 2025-02-01 00:00 lies before issued_at");
    QTest::newRow("three decimals")
        << QByteArray("I-9,K-2,,10.005,2025-03-01,,") << QStringLiteral("amount: \"10.005\"");
    QTest::newRow("negative") << QByteArray("I-9,K-2,,-10,2025-03-01,,")
                              << QStringLiteral("amount: \"-10\"");
    QTest::newRow("missing amount")
        << QByteArray("I-9,K-2,,,2025-03-01,,") << QStringLiteral("amount is empty");
    QTest::newRow("missing issue date")
        << QByteArray("I-9,K-2,,10,,,") << QStringLiteral("issued_at is empty");
    QTest::newRow("bad payment date")
        << QByteArray("I-9,K-2,,10,2025-03-01,,paid") << QStringLiteral("paid_at: \"paid\"");
    QTest::newRow("same id, other amount")
        << QByteArray("I-1,K-1,,11,2025-03-01,,") << QStringLiteral("appears already on line 2");
}

void TestImportRecords::invoiceRejections()
{
    QFETCH(QByteArray, row);
    QFETCH(QString, mentions);
    AFTERCARE_FRESH_DATABASE(db);
    QVERIFY(preparePractice(db));
    checkOneRejection(db, ImportKind::Invoices,
                      kInvoiceHeader + "I-1,K-1,,10,2025-03-01,,\n" + row +
                          "\nI-2,K-2,A-2,20,2025-03-01,,2025-03-02\n",
                      mentions);
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM invoices")), 2);
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM payments")), 1);
}

QTEST_GUILESS_MAIN(TestImportRecords)
#include "tst_importrecords.moc"
