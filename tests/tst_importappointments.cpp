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

const QByteArray kHeader =
    "external_id,client,practitioner,service,start,end,duration_minutes,status,price,created_at,"
    "cancelled_at\n";

// A-3 overlaps A-2 (history may); A-3 takes its length from the service A-1 created; A-4
// starts at an offset two hours ahead of the practice's zone.
const QByteArray kAppointments =
    kHeader +
    "A-1,K-1,Dr. Weiss,Physio "
    "30,2025-01-10T09:00,2025-01-10T09:30,,completed,60.00,2024-12-20T11:00,\n"
    "A-2,K-1,Dr. Weiss,Physio 30,2025-02-10T09:00,,30,no_show,60,,\n"
    "A-3,K-2,dr.  weiss,physio 30,2025-02-10T09:15,,,completed,,,\n"
    "A-4,K-2,Nurse Kim,Blood test,2025-03-01T08:00:00+02:00,,15,cancelled,12.50,,2025-02-28T17:00\n"
    "A-5,K-1,Nurse Kim,Blood test,2030-06-01T10:00,2030-06-01T10:15,,booked,,2030-01-01T09:00,\n";

bool importClients(Database& db)
{
    auto summary = importCsv(db, ImportKind::Clients,
                             "external_id,first_name,last_name\nK-1,Anna,Berg\nK-2,Ben,Cole\n");
    return summary && summary->created == 2;
}

struct Stored
{
    QString client, practitioner, service, status;
    QDateTime start, end, createdAt, cancelledAt, completedAt;
    QVariant price;
};

Stored stored(Database& db, const QString& externalId)
{
    auto q = db.run(
        QStringLiteral(
            "SELECT c.external_id, p.name, s.name, a.status, a.starts_at, a.ends_at, a.created_at, "
            "a.cancelled_at, a.completed_at, a.price_cents FROM appointments a "
            "JOIN clients c ON c.id = a.client_id JOIN practitioners p ON p.id = a.practitioner_id "
            "JOIN service_types s ON s.id = a.service_type_id WHERE a.external_id = ?"),
        {externalId});
    Stored a;
    if (!q || !q->next())
        return a;
    a.client = q->value(0).toString();
    a.practitioner = q->value(1).toString();
    a.service = q->value(2).toString();
    a.status = q->value(3).toString();
    a.start = SqlTime::toDateTime(q->value(4));
    a.end = SqlTime::toDateTime(q->value(5));
    a.createdAt = SqlTime::toDateTime(q->value(6));
    a.cancelledAt = SqlTime::toDateTime(q->value(7));
    a.completedAt = SqlTime::toDateTime(q->value(8));
    a.price = q->value(9);
    return a;
}

QDateTime at(int y, int m, int d, int h, int min)
{
    return QDateTime(QDate(y, m, d), QTime(h, min));
}

} // namespace

class TestImportAppointments : public QObject
{
    Q_OBJECT

private slots:
    void appointmentsAreImported();
    void newPractitionersAndServicesAreReported();
    void reimportChangesNothing();
    void changedRowIsUpdated();
    void confirmedBookingStaysConfirmed();
    void rejections_data();
    void rejections();
    void overlapWithBookingMadeInTheApp();
    void movingABookingDoesNotCollideWithItself();
    void databaseFailureMidwayLeavesNothing();
};

void TestImportAppointments::appointmentsAreImported()
{
    AFTERCARE_FRESH_DATABASE(db);
    QVERIFY(importClients(db));
    auto summary = importCsv(db, ImportKind::Appointments, kAppointments);
    QVERIFY2(summary && !summary->hasRejections(), qPrintable(describe(summary)));
    QCOMPARE(summary->rows, 5);
    QCOMPARE(summary->created, 5);
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM appointments")), 5);

    const Stored a1 = stored(db, QStringLiteral("A-1"));
    QCOMPARE(a1.client, QStringLiteral("K-1"));
    QCOMPARE(a1.practitioner, QStringLiteral("Dr. Weiss"));
    QCOMPARE(a1.service, QStringLiteral("Physio 30"));
    QCOMPARE(a1.status, QStringLiteral("completed"));
    QCOMPARE(a1.start, at(2025, 1, 10, 9, 0));
    QCOMPARE(a1.end, at(2025, 1, 10, 9, 30));
    QCOMPARE(a1.price.toLongLong(), 6000);
    QCOMPARE(a1.createdAt, at(2024, 12, 20, 11, 0));
    QCOMPARE(a1.completedAt, a1.end); // a completed visit ended when it was over

    const Stored a2 = stored(db, QStringLiteral("A-2"));
    QCOMPARE(a2.status, QStringLiteral("no_show"));
    QCOMPARE(a2.end, at(2025, 2, 10, 9, 30));
    QCOMPARE(a2.createdAt, a2.start); // no created_at: booked by the time it began
    QVERIFY(!a2.completedAt.isValid());

    // Same practitioner and service whatever the case and spacing; length from the service.
    const Stored a3 = stored(db, QStringLiteral("A-3"));
    QCOMPARE(a3.practitioner, QStringLiteral("Dr. Weiss"));
    QCOMPARE(a3.service, QStringLiteral("Physio 30"));
    QCOMPARE(a3.end, at(2025, 2, 10, 9, 45));
    QVERIFY(a3.price.isNull());

    const Stored a4 = stored(db, QStringLiteral("A-4"));
    QCOMPARE(a4.start, at(2025, 3, 1, 7, 0)); // 08:00 at +02:00 is 07:00 at +01:00
    QCOMPARE(a4.end, at(2025, 3, 1, 7, 15));
    QCOMPARE(a4.status, QStringLiteral("cancelled"));
    QCOMPARE(a4.cancelledAt, at(2025, 2, 28, 17, 0));
    QCOMPARE(a4.price.toLongLong(), 1250);

    const Stored a5 = stored(db, QStringLiteral("A-5"));
    QCOMPARE(a5.status, QStringLiteral("booked"));
    QCOMPARE(a5.createdAt, at(2030, 1, 1, 9, 0));
}

void TestImportAppointments::newPractitionersAndServicesAreReported()
{
    AFTERCARE_FRESH_DATABASE(db);
    QVERIFY(importClients(db));
    QVERIFY(db.run(QStringLiteral("INSERT INTO practitioners (name) VALUES ('Nurse Kim')")));
    auto summary = importCsv(db, ImportKind::Appointments, kAppointments);
    QVERIFY2(summary && !summary->hasRejections(), qPrintable(describe(summary)));
    QCOMPARE(summary->createdPractitioners, QStringList{QStringLiteral("Dr. Weiss")});
    QCOMPARE(summary->createdServices,
             (QStringList{QStringLiteral("Physio 30"), QStringLiteral("Blood test")}));
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM practitioners")), 2);
    // A new service takes the length and price of the appointment that named it first.
    auto physio = db.run(QStringLiteral(
        "SELECT duration_minutes, price_cents FROM service_types WHERE name = 'Physio 30'"));
    QVERIFY(physio && physio->next());
    QCOMPARE(physio->value(0).toInt(), 30);
    QCOMPARE(physio->value(1).toLongLong(), 6000);
    auto blood = db.run(QStringLiteral(
        "SELECT duration_minutes, price_cents FROM service_types WHERE name = 'Blood test'"));
    QVERIFY(blood && blood->next());
    QCOMPARE(blood->value(0).toInt(), 15);
    QCOMPARE(blood->value(1).toLongLong(), 1250);

    auto again = importCsv(db, ImportKind::Appointments, kAppointments);
    QVERIFY2(again && !again->hasRejections(), qPrintable(describe(again)));
    QVERIFY(again->createdPractitioners.isEmpty());
    QVERIFY(again->createdServices.isEmpty());
}

void TestImportAppointments::reimportChangesNothing()
{
    AFTERCARE_FRESH_DATABASE(db);
    QVERIFY(importClients(db));
    QVERIFY(importCsv(db, ImportKind::Appointments, kAppointments));
    const QStringList tables{QStringLiteral("appointments"), QStringLiteral("practitioners"),
                             QStringLiteral("service_types"), QStringLiteral("clients")};
    const QByteArray before = checksum(db, tables);
    auto again = importCsv(db, ImportKind::Appointments, kAppointments);
    QVERIFY2(again && !again->hasRejections(), qPrintable(describe(again)));
    QCOMPARE(again->created, 0);
    QCOMPARE(again->updated, 0);
    QCOMPARE(again->unchanged, 5);
    QCOMPARE(checksum(db, tables), before);
}

void TestImportAppointments::changedRowIsUpdated()
{
    AFTERCARE_FRESH_DATABASE(db);
    QVERIFY(importClients(db));
    QVERIFY(importCsv(db, ImportKind::Appointments, kAppointments));
    QByteArray changed = kAppointments;
    changed.replace("2030-06-01T10:15,,booked,,", "2030-06-01T10:15,,completed,45.00,");
    auto summary = importCsv(db, ImportKind::Appointments, changed);
    QVERIFY2(summary && !summary->hasRejections(), qPrintable(describe(summary)));
    QCOMPARE(summary->updated, 1);
    QCOMPARE(summary->unchanged, 4);
    const Stored a5 = stored(db, QStringLiteral("A-5"));
    QCOMPARE(a5.status, QStringLiteral("completed"));
    QCOMPARE(a5.price.toLongLong(), 4500);
    QCOMPARE(a5.completedAt, at(2030, 6, 1, 10, 15));
    QCOMPARE(a5.createdAt, at(2030, 1, 1, 9, 0));
    QCOMPARE(
        count(db, QStringLiteral("SELECT row_version FROM appointments WHERE external_id = 'A-5'")),
        2);
    QCOMPARE(
        count(db, QStringLiteral("SELECT row_version FROM appointments WHERE external_id = 'A-4'")),
        1);
}

void TestImportAppointments::confirmedBookingStaysConfirmed()
{
    AFTERCARE_FRESH_DATABASE(db);
    QVERIFY(importClients(db));
    QVERIFY(importCsv(db, ImportKind::Appointments, kAppointments));
    QVERIFY(db.run(
        QStringLiteral("UPDATE appointments SET status = 'confirmed' WHERE external_id = 'A-5'")));
    auto again = importCsv(db, ImportKind::Appointments, kAppointments);
    QVERIFY2(again && !again->hasRejections(), qPrintable(describe(again)));
    QCOMPARE(again->unchanged, 5);
    QCOMPARE(stored(db, QStringLiteral("A-5")).status, QStringLiteral("confirmed"));

    QByteArray visited = kAppointments;
    visited.replace("2030-06-01T10:15,,booked,", "2030-06-01T10:15,,completed,");
    auto completed = importCsv(db, ImportKind::Appointments, visited);
    QVERIFY2(completed && !completed->hasRejections(), qPrintable(describe(completed)));
    QCOMPARE(completed->updated, 1);
    QCOMPARE(stored(db, QStringLiteral("A-5")).status, QStringLiteral("completed"));
}

void TestImportAppointments::rejections_data()
{
    QTest::addColumn<QByteArray>("row"); // placed on line 3, after the booking A-1 on line 2
    QTest::addColumn<QString>("mentions");
    QTest::newRow("missing start") << QByteArray("A-8,K-1,Dr. Weiss,Physio 30,,,30,completed,,,")
                                   << QStringLiteral("The required field start is empty");
    QTest::newRow("missing practitioner")
        << QByteArray("A-8,K-1,,Physio 30,2024-01-10T09:00,,30,completed,,,")
        << QStringLiteral("practitioner");
    QTest::newRow("bad start")
        << QByteArray("A-8,K-1,Dr. Weiss,Physio 30,10.01.2024 09:00,,30,completed,,,")
        << QStringLiteral("start: \"10.01.2024 09:00\"");
    QTest::newRow("bad status")
        << QByteArray("A-8,K-1,Dr. Weiss,Physio 30,2024-01-10T09:00,,30,confirmed,,,")
        << QStringLiteral("status: \"confirmed\" is not one of booked|completed|cancelled|no_show");
    QTest::newRow("unknown client")
        << QByteArray("A-8,K-77,Dr. Weiss,Physio 30,2024-01-10T09:00,,30,completed,,,")
        << QStringLiteral("\"K-77\"");
    QTest::newRow("end before start")
        << QByteArray("A-8,K-1,Dr. Weiss,Physio 30,2024-01-10T09:00,2024-01-10T08:30,,completed,,,")
        << QStringLiteral("not after the start");
    QTest::newRow("end and duration disagree")
        << QByteArray(
               "A-8,K-1,Dr. Weiss,Physio 30,2024-01-10T09:00,2024-01-10T09:30,45,completed,,,")
        << QStringLiteral("disagree");
    QTest::newRow("zero duration")
        << QByteArray("A-8,K-1,Dr. Weiss,Physio 30,2024-01-10T09:00,,0,completed,,,")
        << QStringLiteral("duration_minutes");
    QTest::newRow("new service without length")
        << QByteArray("A-8,K-1,Dr. Weiss,Massage,2024-01-10T09:00,,,completed,,,")
        << QStringLiteral("\"Massage\" is new");
    QTest::newRow("cancelled_at on a visit")
        << QByteArray(
               "A-8,K-1,Dr. Weiss,Physio 30,2024-01-10T09:00,,30,completed,,,2024-01-09T10:00")
        << QStringLiteral("cancelled_at");
    QTest::newRow("decimal comma")
        << QByteArray("A-8,K-1,Dr. Weiss,Physio 30,2024-01-10T09:00,,30,completed,60,50,,")
        << QStringLiteral("has 12 fields");
    QTest::newRow("three decimals")
        << QByteArray("A-8,K-1,Dr. Weiss,Physio 30,2024-01-10T09:00,,30,completed,60.505,,")
        << QStringLiteral("price: \"60.505\"");
    QTest::newRow("overlapping booking")
        << QByteArray("A-8,K-2,Dr. Weiss,Physio 30,2030-01-10T09:15,,30,booked,,,")
        << QStringLiteral(
               "overlaps the active appointment A-1 (2030-01-10 09:00 to 2030-01-10 09:30)");
    QTest::newRow("same id, other values")
        << QByteArray(
               "A-1,K-2,Dr. Weiss,Physio 30,2030-01-10T09:00,2030-01-10T09:30,,booked,60.00,,")
        << QStringLiteral("appears already on line 2");
}

void TestImportAppointments::rejections()
{
    QFETCH(QByteArray, row);
    QFETCH(QString, mentions);
    AFTERCARE_FRESH_DATABASE(db);
    QVERIFY(importClients(db));
    const QByteArray csv =
        kHeader +
        "A-1,K-1,Dr. Weiss,Physio 30,2030-01-10T09:00,2030-01-10T09:30,,booked,60.00,,\n" + row +
        "\n"
        // Back to back with A-1 and overlapping nothing active: accepted.
        + "A-9,K-2,Dr. Weiss,Physio 30,2030-01-10T09:30,,30,booked,,,\n";
    auto summary = importCsv(db, ImportKind::Appointments, csv);
    QVERIFY2(summary, qPrintable(describe(summary)));
    QCOMPARE(summary->rejected.size(), std::size_t(1));
    QCOMPARE(summary->rejected.front().line, 3);
    QVERIFY2(summary->rejected.front().reason.contains(mentions),
             qPrintable(summary->rejected.front().reason));
    QCOMPARE(summary->created, 2);
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM appointments")), 2);
    QCOMPARE(
        count(db, QStringLiteral("SELECT count(*) FROM appointments WHERE external_id = 'A-8'")),
        0);
}

void TestImportAppointments::overlapWithBookingMadeInTheApp()
{
    AFTERCARE_FRESH_DATABASE(db);
    QVERIFY(importClients(db));
    QVERIFY(importCsv(db, ImportKind::Appointments,
                      kHeader + "A-1,K-1,Dr. Weiss,Physio 30,2024-01-10T09:00,,30,completed,,,\n"));
    auto booked = db.run(QStringLiteral(
        "INSERT INTO appointments (client_id, practitioner_id, service_type_id, starts_at, "
        "ends_at, "
        "status, created_at) SELECT c.id, p.id, s.id, '2030-05-05 14:00:00', '2030-05-05 "
        "15:00:00', "
        "'booked', '2030-01-01 00:00:00' FROM clients c, practitioners p, service_types s "
        "WHERE c.external_id = 'K-2' RETURNING id"));
    QVERIFY(booked && booked->next());
    const qint64 id = booked->value(0).toLongLong();
    booked->finish(); // SQLite cannot commit while a statement is still open
    const QByteArray csv = kHeader +
                           "A-2,K-1,Dr. Weiss,Physio 30,2030-05-05T14:30,,30,booked,,,\n"
                           "A-3,K-1,Dr. Weiss,Physio 30,2030-05-05T14:30,,30,completed,,,\n"
                           "A-4,K-1,Other Person,Physio 30,2030-05-05T14:30,,30,booked,,,\n";
    auto summary = importCsv(db, ImportKind::Appointments, csv);
    QVERIFY2(summary, qPrintable(describe(summary)));
    QCOMPARE(summary->rejected.size(), std::size_t(1));
    QCOMPARE(summary->rejected.front().line, 2);
    QVERIFY2(summary->rejected.front().reason.contains(QStringLiteral("#%1").arg(id)),
             qPrintable(summary->rejected.front().reason));
    QCOMPARE(summary->created, 2); // history may overlap; another practitioner is free
    QCOMPARE(summary->createdPractitioners, QStringList{QStringLiteral("Other Person")});
}

void TestImportAppointments::movingABookingDoesNotCollideWithItself()
{
    AFTERCARE_FRESH_DATABASE(db);
    QVERIFY(importClients(db));
    QVERIFY(importCsv(db, ImportKind::Appointments,
                      kHeader + "A-1,K-1,Dr. Weiss,Physio 30,2030-01-10T09:00,,60,booked,,,\n"));
    auto moved =
        importCsv(db, ImportKind::Appointments,
                  kHeader + "A-1,K-1,Dr. Weiss,Physio 30,2030-01-10T09:30,,60,booked,,,\n");
    QVERIFY2(moved && !moved->hasRejections(), qPrintable(describe(moved)));
    QCOMPARE(moved->updated, 1);
    QCOMPARE(stored(db, QStringLiteral("A-1")).start, at(2030, 1, 10, 9, 30));
    // The old slot is free now, the new one is taken.
    auto next = importCsv(db, ImportKind::Appointments,
                          kHeader + "A-2,K-2,Dr. Weiss,Physio 30,2030-01-10T09:00,,30,booked,,,\n"
                                    "A-3,K-2,Dr. Weiss,Physio 30,2030-01-10T10:15,,30,booked,,,\n");
    QVERIFY2(next, qPrintable(describe(next)));
    QCOMPARE(next->created, 1);
    QCOMPARE(next->rejected.size(), std::size_t(1));
    QCOMPARE(next->rejected.front().line, 3);
}

void TestImportAppointments::databaseFailureMidwayLeavesNothing()
{
    AFTERCARE_FRESH_DATABASE(db);
    QVERIFY(importClients(db));
    if (db.isSqlite()) {
        QVERIFY(
            db.executeScript(QStringLiteral("CREATE TRIGGER refuse_price BEFORE INSERT ON "
                                            "appointments WHEN NEW.price_cents = 99999 "
                                            "BEGIN SELECT RAISE(ABORT, 'refused by test'); END;")));
    } else {
        QVERIFY(db.executeScript(QStringLiteral(
            "CREATE FUNCTION refuse_price() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            "IF NEW.price_cents = 99999 THEN RAISE EXCEPTION 'refused by test' USING ERRCODE = "
            "'23514'; END IF; "
            "RETURN NEW; END; $$; "
            "CREATE TRIGGER refuse_price BEFORE INSERT ON appointments FOR EACH ROW EXECUTE "
            "FUNCTION refuse_price();")));
    }
    QByteArray csv = kHeader;
    for (int i = 1; i <= 1500; ++i)
        csv += QStringLiteral("A-%1,K-%2,Dr. Weiss,Physio 30,%3T09:00,,30,completed,%4,,\n")
                   .arg(i)
                   .arg(1 + i % 2)
                   .arg(QDate(2020, 1, 1).addDays(i).toString(Qt::ISODate))
                   .arg(i == 1200 ? QStringLiteral("999.99") : QStringLiteral("60.00"))
                   .toUtf8();
    qint64 progressed = 0;
    ImportOptions o = importOptions();
    o.progress = [&](const ImportProgress& p) {
        progressed = p.rowsDone;
    };
    auto summary = importCsv(db, ImportKind::Appointments, csv, o);
    QVERIFY(!summary);
    QVERIFY2(summary.error().detail.contains(QStringLiteral("refused by test")),
             qPrintable(summary.error().describe()));
    QCOMPARE(progressed, 1000); // it got that far before the failure
    for (const char* table : {"appointments", "practitioners", "service_types"})
        QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))), 0);
    QCOMPARE(
        count(db, QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'appointments'")),
        0);
}

QTEST_GUILESS_MAIN(TestImportAppointments)
#include "tst_importappointments.moc"
