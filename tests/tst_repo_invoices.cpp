// backends: sqlite postgresql
#include "database/database.h"
#include "database/sqltime.h"
#include "repositories/appointmentrepository.h"
#include "repositories/auditlog.h"
#include "repositories/invoicerepository.h"
#include "testdatabase.h"
#include "tst_repo_fixture.h"

#include <QTest>

using namespace aftercare;
using namespace aftercare::test;

namespace {

const QDateTime kVisit(QDate(2031, 3, 10), QTime(9, 0));

// A completed consultation (80.00) of the client.
std::optional<AppointmentId> completedVisit(Database& db, const Practice& p, ClientId client,
                                            const QDateTime& start = kVisit)
{
    AppointmentRepository appointments(db);
    Appointment draft;
    draft.client = client;
    draft.practitioner = p.weber;
    draft.serviceType = p.consultation;
    draft.startsAt = start;
    auto id = appointments.book(draft, p.reception);
    if (!id)
        return std::nullopt;
    Appointment a = appointments.get(*id).value();
    if (!appointments.complete(a, p.clinician))
        return std::nullopt;
    return *id;
}

InvoiceLine line(const QString& description, int quantity, qint64 unitPrice)
{
    InvoiceLine l;
    l.description = description;
    l.quantity = quantity;
    l.unitPriceCents = unitPrice;
    return l;
}

// What the database says the lines add up to, independent of the triggers.
qlonglong sumOfLines(Database& db, InvoiceId id)
{
    return db
        .scalar(
            QStringLiteral(
                "SELECT coalesce(sum(amount_cents), 0) FROM invoice_lines WHERE invoice_id = ?"),
            {id.toVariant()})
        .value()
        .toLongLong();
}

qlonglong storedTotal(Database& db, InvoiceId id)
{
    return db
        .scalar(QStringLiteral("SELECT total_cents FROM invoices WHERE id = ?"), {id.toVariant()})
        .value()
        .toLongLong();
}

Payment payment(qint64 cents, const QDateTime& at, PaymentMethod method = PaymentMethod::Card)
{
    Payment pay;
    pay.amountCents = cents;
    pay.paidAt = at;
    pay.method = method;
    return pay;
}

} // namespace

class TestRepoInvoices : public QObject
{
    Q_OBJECT

private slots:
    void draftFromCompletedAppointment();
    void totalsAlwaysEqualLines();
    void databaseKeepsTotalsOnItsOwn();
    void issuing();
    void payments();
    void overdueList();
    void balanceAndClientList();
    void voiding();
    void staleInvoiceIsRefused();
};

void TestRepoInvoices::draftFromCompletedAppointment()
{
    AFTERCARE_PRACTICE(db, p);
    InvoiceRepository repo(db);
    AppointmentRepository appointments(db);
    Appointment booked;
    booked.client = p.anna;
    booked.practitioner = p.weber;
    booked.serviceType = p.consultation;
    booked.startsAt = kVisit.addDays(1);
    auto bookedId = appointments.book(booked, p.reception);
    QVERIFY(bookedId);
    QCOMPARE(errorKind(repo.draftForAppointment(*bookedId, p.reception)),
             std::optional(ErrorKind::Validation));

    auto visit = completedVisit(db, p, p.anna);
    QVERIFY(visit);
    auto id = repo.draftForAppointment(*visit, p.reception);
    QVERIFY2(id, why(id));
    auto invoice = repo.get(*id).value();
    QCOMPARE(invoice.status, InvoiceStatus::Draft);
    QCOMPARE(invoice.client, p.anna);
    QCOMPARE(invoice.appointment, *visit);
    QCOMPARE(invoice.lines.size(), std::size_t(1));
    QCOMPARE(invoice.lines.front().unitPriceCents, 8000);
    QVERIFY(invoice.lines.front().description.contains(QStringLiteral("Consultation")));
    QCOMPARE(invoice.totalCents, 8000);
    QCOMPARE(invoice.createdBy, p.reception.user);

    // One live invoice per appointment.
    QCOMPARE(errorKind(repo.draftForAppointment(*visit, p.reception)),
             std::optional(ErrorKind::Conflict));

    // An appointment's own price wins over the service's.
    Appointment discounted;
    discounted.client = p.ben;
    discounted.practitioner = p.silva;
    discounted.serviceType = p.consultation;
    discounted.startsAt = kVisit;
    discounted.priceCents = 6000;
    auto dId = appointments.book(discounted, p.reception);
    QVERIFY(dId);
    Appointment d = appointments.get(*dId).value();
    QVERIFY(appointments.complete(d, p.clinician));
    QCOMPARE(repo.get(repo.draftForAppointment(*dId, p.reception).value())->totalCents, 6000);
}

void TestRepoInvoices::totalsAlwaysEqualLines()
{
    AFTERCARE_PRACTICE(db, p);
    InvoiceRepository repo(db);
    auto visit = completedVisit(db, p, p.anna);
    QVERIFY(visit);
    Invoice invoice = repo.get(repo.draftForAppointment(*visit, p.reception).value()).value();

    auto check = [&](qint64 expected) {
        QCOMPARE(invoice.totalCents, expected);
        QCOMPARE(storedTotal(db, invoice.id), qlonglong(expected));
        QCOMPARE(sumOfLines(db, invoice.id), qlonglong(expected));
        qint64 fromLines = 0;
        for (const InvoiceLine& l : invoice.lines)
            fromLines += l.amountCents();
        QCOMPARE(fromLines, expected);
    };
    check(8000);

    auto tape = repo.addLine(invoice, line(QStringLiteral("Kinesio tape"), 3, 250), p.reception);
    QVERIFY2(tape, why(tape));
    check(8750);
    QCOMPARE(invoice.rowVersion, 2);
    auto report =
        repo.addLine(invoice, line(QStringLiteral("Written report"), 1, 1999), p.reception);
    QVERIFY(report);
    check(10749);

    QVERIFY(repo.removeLine(invoice, *tape, p.reception));
    check(9999);
    QCOMPARE(errorKind(repo.removeLine(invoice, *tape, p.reception)),
             std::optional(ErrorKind::NotFound));
    QVERIFY(repo.removeLine(invoice, invoice.lines.front().id, p.reception));
    QVERIFY(repo.removeLine(invoice, *report, p.reception));
    check(0);
    QVERIFY(invoice.lines.empty());

    QCOMPARE(errorKind(repo.addLine(invoice, line(QStringLiteral(" "), 1, 100), p.reception)),
             std::optional(ErrorKind::Validation));
    QCOMPARE(errorKind(repo.addLine(invoice, line(QStringLiteral("x"), 0, 100), p.reception)),
             std::optional(ErrorKind::Validation));
    QCOMPARE(errorKind(repo.addLine(invoice, line(QStringLiteral("x"), 1, -1), p.reception)),
             std::optional(ErrorKind::Validation));
    check(0);
}

void TestRepoInvoices::databaseKeepsTotalsOnItsOwn()
{
    AFTERCARE_PRACTICE(db, p);
    InvoiceRepository repo(db);
    Invoice draft;
    draft.client = p.ben;
    draft.lines = {line(QStringLiteral("A"), 2, 1000), line(QStringLiteral("B"), 1, 555)};
    auto id = repo.createDraft(draft, p.reception);
    QVERIFY2(id, why(id));
    QCOMPARE(storedTotal(db, *id), 2555);

    // Whatever writes the lines, the total follows (the triggers, not the repository).
    QVERIFY(db.run(
        QStringLiteral(
            "INSERT INTO invoice_lines (invoice_id, description, quantity, unit_price_cents, "
            "amount_cents) VALUES (?, 'C', 4, 100, 400)"),
        {id->toVariant()}));
    QCOMPARE(storedTotal(db, *id), 2955);
    QVERIFY(db.run(QStringLiteral(
        "UPDATE invoice_lines SET quantity = 3, amount_cents = 300 WHERE description = 'C'")));
    QCOMPARE(storedTotal(db, *id), 2855);
    QVERIFY(db.run(QStringLiteral("DELETE FROM invoice_lines WHERE description = 'A'")));
    QCOMPARE(storedTotal(db, *id), 855);
    QCOMPARE(sumOfLines(db, *id), 855);
    // A line whose amount is not quantity × price cannot exist.
    auto wrong = db.run(
        QStringLiteral(
            "INSERT INTO invoice_lines (invoice_id, description, quantity, unit_price_cents, "
            "amount_cents) VALUES (?, 'D', 2, 100, 150)"),
        {id->toVariant()});
    QCOMPARE(errorKind(wrong), std::optional(ErrorKind::Validation));
    QCOMPARE(storedTotal(db, *id), 855);
}

void TestRepoInvoices::issuing()
{
    AFTERCARE_PRACTICE(db, p);
    InvoiceRepository repo(db);
    Invoice empty;
    empty.client = p.ben;
    Invoice e = repo.get(repo.createDraft(empty, p.reception).value()).value();
    QCOMPARE(errorKind(repo.issue(e, p.reception)), std::optional(ErrorKind::Validation));
    QCOMPARE(repo.get(e.id)->status, InvoiceStatus::Draft);

    auto visit = completedVisit(db, p, p.anna);
    Invoice invoice = repo.get(repo.draftForAppointment(*visit, p.reception).value()).value();
    const QDateTime issued(QDate(2031, 3, 10), QTime(17, 0));
    QVERIFY2(repo.issue(invoice, p.reception, issued), "issue");
    QCOMPARE(invoice.status, InvoiceStatus::Issued);
    QCOMPARE(invoice.issuedAt, issued);
    QCOMPARE(invoice.dueAt, issued.addDays(14));

    // Issued means fixed: no more line changes, no second issue.
    QCOMPARE(
        errorKind(repo.addLine(invoice, line(QStringLiteral("late extra"), 1, 100), p.reception)),
        std::optional(ErrorKind::Validation));
    QCOMPARE(errorKind(repo.removeLine(invoice, invoice.lines.front().id, p.reception)),
             std::optional(ErrorKind::Validation));
    QCOMPARE(errorKind(repo.issue(invoice, p.reception)), std::optional(ErrorKind::Validation));
    QCOMPARE(repo.get(invoice.id)->totalCents, 8000);

    Invoice other;
    other.client = p.ben;
    other.lines = {line(QStringLiteral("Report"), 1, 500)};
    Invoice o = repo.get(repo.createDraft(other, p.reception).value()).value();
    QVERIFY(repo.issue(o, p.reception, issued, issued.addDays(30)));
    QCOMPARE(o.dueAt, issued.addDays(30));
    Invoice backwards = repo.get(repo.createDraft(other, p.reception).value()).value();
    QCOMPARE(errorKind(repo.issue(backwards, p.reception, issued, issued.addDays(-1))),
             std::optional(ErrorKind::Validation));
}

void TestRepoInvoices::payments()
{
    AFTERCARE_PRACTICE(db, p);
    InvoiceRepository repo(db);
    auto visit = completedVisit(db, p, p.anna);
    Invoice invoice = repo.get(repo.draftForAppointment(*visit, p.reception).value()).value();
    QCOMPARE(errorKind(repo.recordPayment(invoice, payment(1000, kVisit), p.reception)),
             std::optional(ErrorKind::Validation)); // not issued yet
    QVERIFY(repo.issue(invoice, p.reception, kVisit.addSecs(3600)));

    const QDateTime first = kVisit.addDays(2);
    const QDateTime second = kVisit.addDays(9);
    auto part = repo.recordPayment(invoice, payment(3000, first, PaymentMethod::Cash), p.reception);
    QVERIFY2(part, why(part));
    QCOMPARE(invoice.status, InvoiceStatus::Issued);
    QCOMPARE(invoice.paidCents, 3000);
    QCOMPARE(invoice.balanceCents(), 5000);
    QVERIFY(!invoice.paidAt.isValid());

    QCOMPARE(errorKind(repo.recordPayment(invoice, payment(5001, second), p.reception)),
             std::optional(ErrorKind::Validation)); // more than is open
    QCOMPARE(errorKind(repo.recordPayment(invoice, payment(0, second), p.reception)),
             std::optional(ErrorKind::Validation));
    QCOMPARE(repo.get(invoice.id)->paidCents, 3000);

    auto rest =
        repo.recordPayment(invoice, payment(5000, second, PaymentMethod::Transfer), p.reception);
    QVERIFY2(rest, why(rest));
    QCOMPARE(invoice.status, InvoiceStatus::Paid);
    QCOMPARE(invoice.paidCents, 8000);
    QCOMPARE(invoice.balanceCents(), 0);
    QCOMPARE(invoice.paidAt, second);
    QCOMPARE(invoice.payments.size(), std::size_t(2));
    QCOMPARE(invoice.payments[0].method, PaymentMethod::Cash);
    QCOMPARE(invoice.payments[1].method, PaymentMethod::Transfer);
    QCOMPARE(invoice.payments[1].recordedBy, p.reception.user);

    QCOMPARE(errorKind(repo.recordPayment(invoice, payment(1, second), p.reception)),
             std::optional(ErrorKind::Validation)); // paid in full
}

void TestRepoInvoices::overdueList()
{
    AFTERCARE_PRACTICE(db, p);
    InvoiceRepository repo(db);
    const QDate today(2031, 6, 1);
    auto make = [&](ClientId client, const QDateTime& due, bool issue, qint64 pay) -> InvoiceId {
        Invoice draft;
        draft.client = client;
        draft.lines = {line(QStringLiteral("Session"), 1, 4000)};
        Invoice i = repo.get(repo.createDraft(draft, p.reception).value()).value();
        if (issue) {
            if (!repo.issue(i, p.reception, due.addDays(-14), due))
                return {};
            if (pay > 0 && !repo.recordPayment(i, payment(pay, due.addDays(-1)), p.reception))
                return {};
        }
        return i.id;
    };
    const InvoiceId old = make(p.anna, QDateTime(today.addDays(-30), QTime(0, 0)), true, 0);
    const InvoiceId partly =
        make(p.ben, QDateTime(today.addDays(-1), QTime(23, 59, 59)), true, 1000);
    const InvoiceId paid = make(p.ben, QDateTime(today.addDays(-10), QTime(0, 0)), true, 4000);
    const InvoiceId dueToday = make(p.anna, QDateTime(today, QTime(0, 0)), true, 0);
    const InvoiceId future = make(p.anna, QDateTime(today.addDays(5), QTime(0, 0)), true, 0);
    const InvoiceId draft = make(p.anna, {}, false, 0);
    for (InvoiceId id : {old, partly, paid, dueToday, future, draft})
        QVERIFY(id.isValid());

    auto overdue = repo.overdue(today);
    QVERIFY2(overdue, why(overdue));
    QCOMPARE(overdue->size(), std::size_t(2));
    QCOMPARE(overdue->at(0).id, old);
    QCOMPARE(overdue->at(1).id, partly);
    QCOMPARE(overdue->at(1).paidCents, 1000);
    QCOMPARE(overdue->at(1).balanceCents(), 3000);
    QCOMPARE(repo.overdue(today.addDays(1))->size(),
             std::size_t(3)); // the one due today joins tomorrow
}

void TestRepoInvoices::balanceAndClientList()
{
    AFTERCARE_PRACTICE(db, p);
    InvoiceRepository repo(db);
    QCOMPARE(repo.balance(p.anna).value(), 0);
    auto first = completedVisit(db, p, p.anna, kVisit);
    auto second = completedVisit(db, p, p.anna, kVisit.addDays(7));
    Invoice a = repo.get(repo.draftForAppointment(*first, p.reception).value()).value();
    Invoice b = repo.get(repo.draftForAppointment(*second, p.reception).value()).value();
    QCOMPARE(repo.balance(p.anna).value(), 0); // drafts are not owed yet
    QVERIFY(repo.issue(a, p.reception, kVisit));
    QVERIFY(repo.issue(b, p.reception, kVisit.addDays(7)));
    QCOMPARE(repo.balance(p.anna).value(), 16000);
    QVERIFY(repo.recordPayment(a, payment(8000, kVisit.addDays(1)), p.reception));
    QVERIFY(repo.recordPayment(b, payment(2500, kVisit.addDays(8)), p.reception));
    QCOMPARE(repo.balance(p.anna).value(), 5500);
    QCOMPARE(repo.balance(p.ben).value(), 0);

    auto list = repo.forClient(p.anna);
    QVERIFY(list);
    QCOMPARE(list->size(), std::size_t(2));
    QCOMPARE(list->at(0).id, b.id); // newest first
    QCOMPARE(list->at(0).paidCents, 2500);
    QCOMPARE(list->at(1).status, InvoiceStatus::Paid);
}

void TestRepoInvoices::voiding()
{
    AFTERCARE_PRACTICE(db, p);
    InvoiceRepository repo(db);
    auto visit = completedVisit(db, p, p.anna);
    Invoice invoice = repo.get(repo.draftForAppointment(*visit, p.reception).value()).value();
    QCOMPARE(errorKind(repo.voidInvoice(invoice, QStringLiteral(" "), p.reception)),
             std::optional(ErrorKind::Validation));
    QVERIFY(repo.voidInvoice(invoice, QStringLiteral("wrong client"), p.reception));
    QCOMPARE(invoice.status, InvoiceStatus::Void);
    QCOMPARE(
        AuditLog(db)
            .count(QStringLiteral("invoice.void"), QStringLiteral("invoices"), invoice.id.value())
            .value(),
        1);
    QCOMPARE(AuditLog(db).forClient(p.anna)->front().detail, QStringLiteral("wrong client"));
    // A voided invoice frees the appointment for a new one.
    auto replacement = repo.draftForAppointment(*visit, p.reception);
    QVERIFY2(replacement, why(replacement));

    Invoice issued = repo.get(*replacement).value();
    QVERIFY(repo.issue(issued, p.reception, kVisit));
    QVERIFY(repo.recordPayment(issued, payment(100, kVisit), p.reception));
    QCOMPARE(errorKind(repo.voidInvoice(issued, QStringLiteral("oops"), p.reception)),
             std::optional(ErrorKind::Validation)); // money was taken
    QCOMPARE(repo.get(issued.id)->status, InvoiceStatus::Issued);
}

void TestRepoInvoices::staleInvoiceIsRefused()
{
    AFTERCARE_PRACTICE(db, p);
    InvoiceRepository repo(db);
    auto visit = completedVisit(db, p, p.anna);
    const InvoiceId id = repo.draftForAppointment(*visit, p.reception).value();
    Invoice deskOne = repo.get(id).value();
    Invoice deskTwo = deskOne;
    QVERIFY(repo.addLine(deskTwo, line(QStringLiteral("Extra"), 1, 1000), p.reception));

    QCOMPARE(errorKind(repo.issue(deskOne, p.reception)), std::optional(ErrorKind::Conflict));
    QCOMPARE(errorKind(repo.addLine(deskOne, line(QStringLiteral("Mine"), 1, 1), p.reception)),
             std::optional(ErrorKind::Conflict));
    QCOMPARE(deskOne.rowVersion, 1);
    QCOMPARE(repo.get(id)->status, InvoiceStatus::Draft);
    QCOMPARE(repo.get(id)->totalCents, 9000);

    QVERIFY(repo.issue(deskTwo, p.reception, kVisit));
    Invoice stalePayer = deskTwo;
    QVERIFY(repo.recordPayment(deskTwo, payment(1000, kVisit), p.reception));
    QCOMPARE(errorKind(repo.recordPayment(stalePayer, payment(8000, kVisit), p.reception)),
             std::optional(ErrorKind::Conflict));
    QCOMPARE(repo.get(id)->paidCents, 1000);
}

QTEST_GUILESS_MAIN(TestRepoInvoices)
#include "tst_repo_invoices.moc"
