// backends: sqlite postgresql
#include "database/database.h"
#include "database/sqltime.h"
#include "desk/bookingdesk.h"
#include "repositories/appointmentrepository.h"
#include "repositories/invoicerepository.h"
#include "testdatabase.h"
#include "tst_repo_fixture.h"

#include <QTest>

using namespace aftercare;
using namespace aftercare::test;

namespace {

const QDate kDay(2031, 3, 10);

enum class Change
{
    Move,
    Cancel,
    NoShow,
    CheckIn,
    Complete
};

qlonglong count(Database& db, const QString& sql, const QVariantList& values = {})
{
    return db.scalar(sql, values).value().toLongLong();
}

// Makes every later touchpoint insert fail, as a broken follow-up step would.
Status refuseTouchpoints(Database& db)
{
    if (db.isSqlite())
        return db.executeScript(
            QStringLiteral("CREATE TRIGGER touchpoints_refused BEFORE INSERT ON touchpoints "
                           "BEGIN SELECT RAISE(ABORT, 'touchpoints refused'); END;"));
    return db.executeScript(QStringLiteral(
        "CREATE FUNCTION refuse_touchpoints() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN RAISE EXCEPTION 'touchpoints refused'; END $$; "
        "CREATE TRIGGER touchpoints_refused BEFORE INSERT ON touchpoints FOR EACH ROW "
        "EXECUTE FUNCTION refuse_touchpoints();"));
}

Status apply(BookingDesk& desk, Change change, Appointment& appointment, PractitionerId other)
{
    switch (change) {
    case Change::Move:
        return desk.move(appointment, QDateTime(kDay, QTime(14, 0)), other);
    case Change::Cancel:
        return desk.cancel(appointment, QStringLiteral("Client is ill"));
    case Change::NoShow:
        return desk.markNoShow(appointment);
    case Change::CheckIn:
        return desk.checkIn(appointment);
    case Change::Complete:
        return desk.complete(appointment);
    }
    return {};
}

} // namespace

class TestBookingDesk : public QObject
{
    Q_OBJECT

private slots:
    void changeRecordsItsTouchpoint_data();
    void changeRecordsItsTouchpoint();
    void failedFollowUpLeavesAppointmentUnchanged_data();
    void failedFollowUpLeavesAppointmentUnchanged();
    void completionDraftsTheInvoiceInTheSameTransaction();
    void failedInvoiceDraftLeavesVisitOpen();
    void bookingOverlapNamesTheAppointment();
};

void TestBookingDesk::changeRecordsItsTouchpoint_data()
{
    QTest::addColumn<Change>("change");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("status");
    QTest::newRow("move") << Change::Move << QStringLiteral("booking") << QStringLiteral("booked");
    QTest::newRow("cancel") << Change::Cancel << QStringLiteral("cancellation")
                            << QStringLiteral("cancelled");
    QTest::newRow("no-show") << Change::NoShow << QStringLiteral("no_show")
                             << QStringLiteral("no_show");
    QTest::newRow("check-in") << Change::CheckIn << QStringLiteral("check_in")
                              << QStringLiteral("checked_in");
    QTest::newRow("complete") << Change::Complete << QStringLiteral("visit")
                              << QStringLiteral("completed");
}

void TestBookingDesk::changeRecordsItsTouchpoint()
{
    QFETCH(Change, change);
    QFETCH(QString, kind);
    QFETCH(QString, status);
    AFTERCARE_PRACTICE(db, p);
    BookingDesk desk(db, p.reception);
    Appointment draft;
    draft.client = p.anna;
    draft.practitioner = p.weber;
    draft.serviceType = p.consultation;
    draft.startsAt = QDateTime(kDay, QTime(9, 0));
    auto id = desk.book(draft);
    QVERIFY2(id, why(id));
    auto appointment = AppointmentRepository(db).get(*id);
    QVERIFY2(appointment, why(appointment));
    const int before = appointment->rowVersion;

    auto done = apply(desk, change, *appointment, p.silva);
    QVERIFY2(done, why(done));
    QCOMPARE(appointment->rowVersion, before + 1);
    QCOMPARE(sqlName(appointment->status), status);
    QCOMPARE(count(db,
                   QStringLiteral("SELECT count(*) FROM touchpoints WHERE appointment_id = ? AND "
                                  "kind = ?"),
                   {id->toVariant(), kind}),
             qlonglong(change == Change::Move ? 2 : 1)); // a move adds to the booking's own
}

void TestBookingDesk::failedFollowUpLeavesAppointmentUnchanged_data()
{
    changeRecordsItsTouchpoint_data();
}

void TestBookingDesk::failedFollowUpLeavesAppointmentUnchanged()
{
    QFETCH(Change, change);
    AFTERCARE_PRACTICE(db, p);
    BookingDesk desk(db, p.reception);
    Appointment draft;
    draft.client = p.anna;
    draft.practitioner = p.weber;
    draft.serviceType = p.consultation;
    draft.startsAt = QDateTime(kDay, QTime(9, 0));
    auto id = desk.book(draft);
    QVERIFY2(id, why(id));
    auto appointment = AppointmentRepository(db).get(*id);
    QVERIFY2(appointment, why(appointment));
    const Appointment held = *appointment;
    const qlonglong touchpoints = count(db, QStringLiteral("SELECT count(*) FROM touchpoints"));
    const qlonglong tasks = count(db, QStringLiteral("SELECT count(*) FROM followup_tasks"));
    auto refused = refuseTouchpoints(db);
    QVERIFY2(refused, why(refused));

    auto done = apply(desk, change, *appointment, p.silva);
    QVERIFY(!done);
    // The caller's copy is what it was, and so is the row.
    QCOMPARE(appointment->rowVersion, held.rowVersion);
    QCOMPARE(appointment->status, held.status);
    auto stored = AppointmentRepository(db).get(*id);
    QVERIFY2(stored, why(stored));
    QCOMPARE(stored->rowVersion, held.rowVersion);
    QCOMPARE(stored->status, AppointmentStatus::Booked);
    QCOMPARE(stored->startsAt, held.startsAt);
    QCOMPARE(stored->practitioner, p.weber);
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM touchpoints")), touchpoints);
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM followup_tasks")), tasks);
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM invoices")), 0);
}

void TestBookingDesk::completionDraftsTheInvoiceInTheSameTransaction()
{
    AFTERCARE_PRACTICE(db, p);
    BookingDesk desk(db, p.reception);
    Appointment draft;
    draft.client = p.ben;
    draft.practitioner = p.silva;
    draft.serviceType = p.physio;
    draft.startsAt = QDateTime(kDay, QTime(11, 0));
    auto id = desk.book(draft);
    QVERIFY2(id, why(id));
    auto appointment = AppointmentRepository(db).get(*id);
    QVERIFY2(appointment, why(appointment));
    auto done = desk.complete(*appointment);
    QVERIFY2(done, why(done));
    auto invoiceId = db.scalar(QStringLiteral("SELECT id FROM invoices WHERE appointment_id = ?"),
                               {id->toVariant()});
    QVERIFY2(invoiceId && !invoiceId->isNull(), "no invoice drafted");
    auto invoice = InvoiceRepository(db).get(InvoiceId(invoiceId->toLongLong()));
    QVERIFY2(invoice, why(invoice));
    QCOMPARE(invoice->status, InvoiceStatus::Draft);
    QCOMPARE(invoice->totalCents, qint64(5550));
    QCOMPARE(int(invoice->lines.size()), 1);
}

void TestBookingDesk::failedInvoiceDraftLeavesVisitOpen()
{
    AFTERCARE_PRACTICE(db, p);
    BookingDesk desk(db, p.reception);
    Appointment draft;
    draft.client = p.ben;
    draft.practitioner = p.silva;
    draft.serviceType = p.physio;
    draft.startsAt = QDateTime(kDay, QTime(11, 0));
    auto id = desk.book(draft);
    QVERIFY2(id, why(id));
    // An invoice of this appointment exists already (made by hand): drafting another is
    // refused, and so the completion must not stay either.
    Invoice manual;
    manual.client = p.ben;
    manual.appointment = *id;
    InvoiceLine line;
    line.description = QStringLiteral("Physiotherapy");
    line.quantity = 1;
    line.unitPriceCents = 5550;
    manual.lines.push_back(line);
    auto made = InvoiceRepository(db).createDraft(manual, p.reception);
    QVERIFY2(made, why(made));
    auto appointment = AppointmentRepository(db).get(*id);
    QVERIFY2(appointment, why(appointment));
    const int version = appointment->rowVersion;
    QVERIFY(!desk.complete(*appointment));
    auto stored = AppointmentRepository(db).get(*id);
    QVERIFY2(stored, why(stored));
    QCOMPARE(stored->status, AppointmentStatus::Booked);
    QCOMPARE(stored->rowVersion, version);
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM touchpoints WHERE kind = 'visit'")), 0);
}

void TestBookingDesk::bookingOverlapNamesTheAppointment()
{
    AFTERCARE_PRACTICE(db, p);
    BookingDesk desk(db, p.reception);
    Appointment first;
    first.client = p.anna;
    first.practitioner = p.weber;
    first.serviceType = p.consultation;
    first.startsAt = QDateTime(kDay, QTime(9, 0));
    QVERIFY(desk.book(first));
    Appointment second = first;
    second.client = p.ben;
    second.startsAt = QDateTime(kDay, QTime(9, 15));
    auto refused = desk.book(second);
    QCOMPARE(errorKind(refused), std::optional(ErrorKind::Overlap));
    QVERIFY2(refused.error().message.contains(QStringLiteral("Anna Müller")),
             qPrintable(refused.error().message));
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM appointments")), 1);
}

QTEST_GUILESS_MAIN(TestBookingDesk)
#include "tst_bookingdesk.moc"
