// backends: sqlite postgresql
#include "database/database.h"
#include "database/sqltime.h"
#include "desk/bookingdesk.h"
#include "desk/invoicedesk.h"
#include "desk/notrebooked.h"
#include "desk/remindersdue.h"
#include "repositories/appointmentrepository.h"
#include "repositories/invoicerepository.h"
#include "repositories/practicesettingsrepository.h"
#include "testdatabase.h"
#include "tst_repo_fixture.h"

#include <QTest>

#include <algorithm>

using namespace aftercare;
using namespace aftercare::test;

namespace {

// The day whose reminders are due (the desk's "tomorrow").
const QDate kDay(2031, 3, 11);

std::optional<AppointmentId> book(Database& db, const Practice& p, ClientId client,
                                  PractitionerId practitioner, ServiceTypeId service,
                                  const QDateTime& start,
                                  AppointmentStatus status = AppointmentStatus::Booked)
{
    Appointment a;
    a.client = client;
    a.practitioner = practitioner;
    a.serviceType = service;
    a.startsAt = start;
    a.status = status;
    auto id = AppointmentRepository(db).book(a, p.reception);
    if (!id)
        qWarning("booking failed: %s", qPrintable(id.error().describe()));
    return id ? std::optional(*id) : std::nullopt;
}

Status setContact(Database& db, const Practice& p, ClientId id, const QString& phone,
                  ContactChannel channel)
{
    ClientRepository clients(db);
    auto client = clients.get(id);
    if (!client)
        return fail(client.error());
    client->phone = PhoneNumber::parse(phone);
    client->preferredChannel = channel;
    return clients.update(*client, p.reception);
}

Status consent(Database& db, const Practice& p, ClientId client, ConsentChannel channel,
               bool granted)
{
    Consent c;
    c.client = client;
    c.purpose = ConsentPurpose::Reminders;
    c.channel = channel;
    c.granted = granted;
    c.evidence = QStringLiteral("asked at the desk");
    return toStatus(ClientRepository(db).recordConsent(c, p.reception));
}

} // namespace

class TestDeskLists : public QObject
{
    Q_OBJECT

private slots:
    void remindersListTheDaysUnremindedBookings();
    void markingAReminderDoneTakesItOffTheList();
    void staleReminderIsRefused();
    void notRebookedAtTheIntervalBoundary_data();
    void notRebookedAtTheIntervalBoundary();
    void futureBookingOrArchiveTakesClientOff();
    void recallCallIsATouchpoint();
    void editedLinesKeepTheTotal();
    void issueUsesThePaymentTerm_data();
    void issueUsesThePaymentTerm();
    void partialPaymentsAndOverdue();
};

void TestDeskLists::remindersListTheDaysUnremindedBookings()
{
    AFTERCARE_PRACTICE(db, p);
    QVERIFY(setContact(db, p, p.anna, QStringLiteral("+49 30 1234567"), ContactChannel::Phone));
    QVERIFY(consent(db, p, p.anna, ConsentChannel::Phone, true));
    // Ben said yes by e-mail, then no: the latest decision counts.
    QVERIFY(consent(db, p, p.ben, ConsentChannel::Any, true));
    QTest::qWait(1100); // recorded_at has whole seconds
    QVERIFY(consent(db, p, p.ben, ConsentChannel::Email, false));

    QVERIFY(book(db, p, p.anna, p.weber, p.consultation, QDateTime(kDay, QTime(9, 0))));
    QVERIFY(book(db, p, p.ben, p.silva, p.physio, QDateTime(kDay, QTime(8, 0))));
    auto cancelled = book(db, p, p.ben, p.weber, p.physio, QDateTime(kDay, QTime(15, 0)));
    QVERIFY(cancelled);
    auto held = AppointmentRepository(db).get(*cancelled);
    QVERIFY(AppointmentRepository(db).cancel(*held, QStringLiteral("ill"), p.reception));
    QVERIFY(book(db, p, p.ben, p.weber, p.physio, QDateTime(kDay.addDays(1), QTime(9, 0))));
    QVERIFY(book(db, p, p.anna, p.weber, p.physio, QDateTime(kDay, QTime(7, 0)),
                 AppointmentStatus::Completed));

    auto due = RemindersDue(db).list(kDay);
    QVERIFY2(due, why(due));
    QCOMPARE(int(due->size()), 2);
    const ReminderDue& ben = due->at(0); // 08:00 comes first
    const ReminderDue& anna = due->at(1);
    QCOMPARE(ben.clientName, QStringLiteral("Ben Okafor"));
    QCOMPARE(ben.preferredChannel, ContactChannel::Email);
    QCOMPARE(ben.consented, false);
    QCOMPARE(ben.toCall(), false);
    QCOMPARE(anna.clientName, QStringLiteral("Anna Müller"));
    QCOMPARE(anna.preferredChannel, ContactChannel::Phone);
    QCOMPARE(anna.consented, true);
    QCOMPARE(anna.toCall(), true);
    QVERIFY(!anna.phone.isEmpty());
    QCOMPARE(anna.startsAt, QDateTime(kDay, QTime(9, 0)));
    QCOMPARE(anna.serviceName, QStringLiteral("Consultation"));
}

void TestDeskLists::markingAReminderDoneTakesItOffTheList()
{
    AFTERCARE_PRACTICE(db, p);
    auto id = book(db, p, p.anna, p.weber, p.consultation, QDateTime(kDay, QTime(9, 0)));
    QVERIFY(id);
    QVERIFY(book(db, p, p.ben, p.silva, p.physio, QDateTime(kDay, QTime(8, 0))));
    RemindersDue reminders(db);
    auto due = reminders.list(kDay);
    QVERIFY2(due, why(due));
    QCOMPARE(int(due->size()), 2);
    // Anna gave no consent to reminders: she asked for this one herself.
    auto done = reminders.markDone(due->at(1), Channel::Phone, p.reception, {},
                                   RemindersDue::WithoutConsent::RemindAnyway);
    QVERIFY2(done, why(done));
    auto after = reminders.list(kDay);
    QVERIFY2(after, why(after));
    QCOMPARE(int(after->size()), 1);
    QCOMPARE(after->front().clientName, QStringLiteral("Ben Okafor"));
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM touchpoints WHERE kind = 'reminder' "
                                      "AND appointment_id = ? AND channel = 'phone'"),
                       {id->toVariant()})
                 ->toLongLong(),
             1);
    auto stored = AppointmentRepository(db).get(*id);
    QVERIFY(stored->reminderSentAt.isValid());
}

void TestDeskLists::staleReminderIsRefused()
{
    AFTERCARE_PRACTICE(db, p);
    auto id = book(db, p, p.anna, p.weber, p.consultation, QDateTime(kDay, QTime(9, 0)));
    QVERIFY(id);
    auto due = RemindersDue(db).list(kDay);
    QVERIFY2(due && due->size() == 1, why(due));
    // Another workstation moves the appointment after the list was read.
    auto appointment = AppointmentRepository(db).get(*id);
    QVERIFY(BookingDesk(db, p.admin).move(*appointment, QDateTime(kDay, QTime(11, 0)), p.weber));
    auto refused = RemindersDue(db).markDone(due->front(), Channel::Phone, p.reception);
    QCOMPARE(errorKind(refused), std::optional(ErrorKind::Conflict));
    QVERIFY2(refused.error().message.contains(QStringLiteral("Ada Admin")),
             qPrintable(refused.error().message));
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM touchpoints WHERE kind = 'reminder'"))
                 ->toLongLong(),
             0);
}

void TestDeskLists::notRebookedAtTheIntervalBoundary_data()
{
    QTest::addColumn<int>("daysAgo");
    QTest::addColumn<bool>("listed");
    // Consultation: rebook after 52 weeks = 364 days.
    QTest::newRow("yesterday") << 1 << false;
    QTest::newRow("N - 1 days") << 363 << false;
    QTest::newRow("exactly N days") << 364 << false;
    QTest::newRow("N + 1 days") << 365 << true;
    QTest::newRow("two years") << 730 << true;
}

void TestDeskLists::notRebookedAtTheIntervalBoundary()
{
    QFETCH(int, daysAgo);
    QFETCH(bool, listed);
    AFTERCARE_PRACTICE(db, p);
    const QDateTime now(QDate(2031, 6, 2), QTime(10, 30));
    // Late in the day: the date counts, not the hour.
    QVERIFY(book(db, p, p.anna, p.weber, p.consultation,
                 QDateTime(now.date().addDays(-daysAgo), QTime(18, 0)),
                 AppointmentStatus::Completed));
    // Ben's physiotherapy has no rebook interval: never listed.
    QVERIFY(book(db, p, p.ben, p.weber, p.physio, QDateTime(now.date().addDays(-800), QTime(9, 0)),
                 AppointmentStatus::Completed));
    NotRebooked recall(db);
    auto due = recall.list(now, 50);
    QVERIFY2(due, why(due));
    QCOMPARE(int(due->size()), listed ? 1 : 0);
    auto counted = recall.count(now);
    QVERIFY2(counted, why(counted));
    QCOMPARE(*counted, qint64(listed ? 1 : 0));
    if (listed) {
        QCOMPARE(due->front().client, p.anna);
        QCOMPARE(due->front().serviceName, QStringLiteral("Consultation"));
        QCOMPARE(due->front().rebookAfterDays, 364);
        QCOMPARE(due->front().lastVisitAt.date(), now.date().addDays(-daysAgo));
    }
}

void TestDeskLists::futureBookingOrArchiveTakesClientOff()
{
    AFTERCARE_PRACTICE(db, p);
    const QDateTime now = QDateTime::currentDateTime();
    QVERIFY(book(db, p, p.anna, p.weber, p.consultation,
                 QDateTime(now.date().addDays(-400), QTime(9, 0)), AppointmentStatus::Completed));
    QVERIFY(book(db, p, p.ben, p.weber, p.consultation,
                 QDateTime(now.date().addDays(-500), QTime(9, 0)), AppointmentStatus::Completed));
    // Anna's older physiotherapy (no interval) does not matter: only the last visit counts.
    QVERIFY(book(db, p, p.anna, p.silva, p.physio, QDateTime(now.date().addDays(-900), QTime(9, 0)),
                 AppointmentStatus::Completed));
    NotRebooked recall(db);
    auto due = recall.list(now, 50);
    QVERIFY2(due, why(due));
    QCOMPARE(int(due->size()), 2);
    QCOMPARE(due->at(0).client, p.anna); // the more recent visit first
    QCOMPARE(due->at(0).serviceName, QStringLiteral("Consultation"));

    // A booking from now on takes Ben off; a cancelled one does not.
    auto next = book(db, p, p.ben, p.weber, p.consultation, now.addDays(3));
    QVERIFY(next);
    auto paging = recall.list(now, 1, 0);
    QVERIFY2(paging, why(paging));
    QCOMPARE(int(paging->size()), 1);
    QCOMPARE(paging->front().client, p.anna);
    auto appointment = AppointmentRepository(db).get(*next);
    QVERIFY(AppointmentRepository(db).cancel(*appointment, QStringLiteral("busy"), p.reception));
    QCOMPARE(*recall.count(now), qint64(2));
    QCOMPARE(int(recall.list(now, 50, 1)->size()), 1); // the second page

    QVERIFY(db.run(QStringLiteral("UPDATE clients SET archived = ? WHERE id = ?"),
                   {true, p.anna.toVariant()}));
    QCOMPARE(*recall.count(now), qint64(1));
}

void TestDeskLists::recallCallIsATouchpoint()
{
    AFTERCARE_PRACTICE(db, p);
    const QDateTime now = QDateTime::currentDateTime();
    QVERIFY(book(db, p, p.anna, p.weber, p.consultation,
                 QDateTime(now.date().addDays(-400), QTime(9, 0)), AppointmentStatus::Completed));
    NotRebooked recall(db);
    auto due = recall.list(now, 50);
    QVERIFY2(due && due->size() == 1, why(due));
    QVERIFY(!due->front().lastRecallAt.isValid());
    QCOMPARE(errorKind(recall.recordCall(due->front(), QStringLiteral("  "), p.reception)),
             std::optional(ErrorKind::Validation));
    auto call = recall.recordCall(due->front(), QStringLiteral("No answer"), p.reception);
    QVERIFY2(call, why(call));
    auto again = recall.list(now.addSecs(1), 50);
    QVERIFY2(again && again->size() == 1, why(again));
    QVERIFY(again->front().lastRecallAt.isValid());
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM touchpoints WHERE kind = "
                                      "'recall_call' AND channel = 'phone' AND client_id = ?"),
                       {p.anna.toVariant()})
                 ->toLongLong(),
             1);
}

namespace {

// A completed visit of client with its drafted invoice.
std::optional<Invoice> visitInvoice(Database& db, const Practice& p, ClientId client,
                                    const QDateTime& start)
{
    auto id = book(db, p, client, p.weber, p.consultation, start);
    if (!id)
        return std::nullopt;
    auto appointment = AppointmentRepository(db).get(*id);
    if (!appointment || !BookingDesk(db, p.reception).complete(*appointment))
        return std::nullopt;
    auto invoiceId = db.scalar(QStringLiteral("SELECT id FROM invoices WHERE appointment_id = ?"),
                               {id->toVariant()});
    if (!invoiceId || invoiceId->isNull())
        return std::nullopt;
    auto invoice = InvoiceRepository(db).get(InvoiceId(invoiceId->toLongLong()));
    return invoice ? std::optional(*invoice) : std::nullopt;
}

qint64 sumOfLines(const Invoice& invoice)
{
    qint64 sum = 0;
    for (const InvoiceLine& line : invoice.lines)
        sum += line.amountCents();
    return sum;
}

} // namespace

void TestDeskLists::editedLinesKeepTheTotal()
{
    AFTERCARE_PRACTICE(db, p);
    auto invoice = visitInvoice(db, p, p.anna, QDateTime(kDay, QTime(9, 0)));
    QVERIFY(invoice);
    QCOMPARE(invoice->totalCents, qint64(8000));
    InvoiceRepository invoices(db);
    const Invoice read = *invoice;
    InvoiceLine line = invoice->lines.front();
    line.quantity = 2;
    line.unitPriceCents = 7550;
    auto updated = invoices.updateLine(*invoice, line, p.reception);
    QVERIFY2(updated, why(updated));
    QCOMPARE(invoice->totalCents, qint64(15100));
    QCOMPARE(invoice->totalCents, sumOfLines(*invoice));
    QCOMPARE(invoice->rowVersion, read.rowVersion + 1);
    InvoiceLine extra;
    extra.description = QStringLiteral("Material");
    extra.unitPriceCents = 450;
    QVERIFY(invoices.addLine(*invoice, extra, p.reception));
    QCOMPARE(invoice->totalCents, qint64(15550));
    QCOMPARE(invoice->totalCents, sumOfLines(*invoice));
    // Invalid lines are refused and change nothing.
    line = invoice->lines.front();
    line.quantity = 0;
    QCOMPARE(errorKind(invoices.updateLine(*invoice, line, p.reception)),
             std::optional(ErrorKind::Validation));
    line.quantity = 1;
    line.description = QStringLiteral("  ");
    QCOMPARE(errorKind(invoices.updateLine(*invoice, line, p.reception)),
             std::optional(ErrorKind::Validation));
    // A copy read before the last change is stale.
    Invoice stale = read;
    line = stale.lines.front();
    line.quantity = 3;
    QCOMPARE(errorKind(invoices.updateLine(stale, line, p.reception)),
             std::optional(ErrorKind::Conflict));
    auto stored = invoices.get(invoice->id);
    QCOMPARE(stored->totalCents, qint64(15550));
    QCOMPARE(stored->totalCents, sumOfLines(*stored));
}

void TestDeskLists::issueUsesThePaymentTerm_data()
{
    QTest::addColumn<QString>("setting");
    QTest::addColumn<int>("days");
    QTest::newRow("unset") << QString() << 14;
    QTest::newRow("30 days") << QStringLiteral("30") << 30;
    QTest::newRow("on receipt") << QStringLiteral("0") << 0;
}

void TestDeskLists::issueUsesThePaymentTerm()
{
    QFETCH(QString, setting);
    QFETCH(int, days);
    AFTERCARE_PRACTICE(db, p);
    if (!setting.isEmpty())
        QVERIFY(PracticeSettingsRepository(db).setSetting(PracticeSetting::kPaymentDays, setting,
                                                          p.admin));
    auto invoice = visitInvoice(db, p, p.anna, QDateTime(kDay, QTime(9, 0)));
    QVERIFY(invoice);
    const QDateTime issuedAt(QDate(2031, 3, 12), QTime(10, 0));
    auto issued = InvoiceDesk(db).issue(*invoice, p.reception, issuedAt);
    QVERIFY2(issued, why(issued));
    QCOMPARE(invoice->status, InvoiceStatus::Issued);
    QCOMPARE(invoice->issuedAt, issuedAt);
    QCOMPARE(invoice->dueAt.date(), issuedAt.date().addDays(days));
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM touchpoints WHERE kind = 'invoice'"))
                 ->toLongLong(),
             1);
}

void TestDeskLists::partialPaymentsAndOverdue()
{
    AFTERCARE_PRACTICE(db, p);
    QVERIFY(setContact(db, p, p.ben, QStringLiteral("+49 30 7654321"), ContactChannel::Phone));
    auto anna = visitInvoice(db, p, p.anna, QDateTime(kDay, QTime(9, 0)));
    auto ben = visitInvoice(db, p, p.ben, QDateTime(kDay, QTime(10, 0)));
    QVERIFY(anna && ben);
    InvoiceDesk desk(db);
    const QDate today(2031, 4, 20);
    QCOMPARE(*desk.count(InvoiceDesk::View::Drafts, today), qint64(2));
    const QDateTime issuedAt(QDate(2031, 3, 12), QTime(10, 0)); // due 26 March
    QVERIFY(desk.issue(*anna, p.reception, issuedAt));
    QVERIFY(desk.issue(*ben, p.reception, issuedAt));
    QCOMPARE(*desk.count(InvoiceDesk::View::Drafts, today), qint64(0));
    QCOMPARE(*desk.count(InvoiceDesk::View::Open, today), qint64(2));

    Payment part;
    part.amountCents = 3000;
    part.method = PaymentMethod::Card;
    part.paidAt = QDateTime(QDate(2031, 3, 20), QTime(12, 0));
    QVERIFY(desk.recordPayment(*anna, part, p.reception));
    QCOMPARE(anna->balanceCents(), qint64(5000));
    QCOMPARE(anna->status, InvoiceStatus::Issued);
    part.amountCents = 6000; // more than is open
    QCOMPARE(errorKind(desk.recordPayment(*anna, part, p.reception)),
             std::optional(ErrorKind::Validation));
    part.amountCents = 5000;
    part.method = PaymentMethod::Cash;
    QVERIFY(desk.recordPayment(*anna, part, p.reception));
    QCOMPARE(anna->balanceCents(), qint64(0));
    QCOMPARE(anna->status, InvoiceStatus::Paid);

    // Due on 26 March: not overdue that day, overdue the day after.
    QCOMPARE(*desk.count(InvoiceDesk::View::Overdue, QDate(2031, 3, 26)), qint64(0));
    QCOMPARE(*desk.count(InvoiceDesk::View::Overdue, QDate(2031, 3, 27)), qint64(1));
    auto overdue = desk.list(InvoiceDesk::View::Overdue, today, 50);
    QVERIFY2(overdue, why(overdue));
    QCOMPARE(int(overdue->size()), 1);
    QCOMPARE(overdue->front().client, p.ben);
    QVERIFY(!overdue->front().phone.isEmpty());
    QCOMPARE(overdue->front().balanceCents(), qint64(8000));
    auto paid = desk.list(InvoiceDesk::View::Paid, today, 50);
    QCOMPARE(int(paid->size()), 1);
    QCOMPARE(paid->front().paidCents, qint64(8000));
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM touchpoints WHERE kind = 'payment'"))
                 ->toLongLong(),
             2);
}

QTEST_GUILESS_MAIN(TestDeskLists)
#include "tst_desklists.moc"
