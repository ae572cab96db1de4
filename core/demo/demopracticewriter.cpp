#include "demo/demopracticewriter.h"

#include "aftercare/sourcekey.h"
#include "demo/demobatchinsert.h"
#include "demo/democatalog.h"
#include "demo/demorandom.h"
#include "demo/demotext.h"
#include "domain/invoicenumber.h"

#include <QDate>

namespace aftercare {

namespace {

using namespace DemoClock;
namespace Catalog = DemoCatalog;

// Rows per INSERT statement: large enough to save round trips and statement runs, small
// enough for SQLite's limit of 32 766 bound values with the widest table.
constexpr int kRowsPerStatement = 100;

// An empty text that is not NULL (these columns are NOT NULL).
constexpr const char* kEmpty = "";

QString utf8(const char* text)
{
    return QString::fromUtf8(text);
}

QString tenths(int value)
{
    return QString::number(value / 10) + QLatin1Char('.') + QString::number(value % 10);
}

} // namespace

DemoPracticeWriter::DemoPracticeWriter(const DemoModel& model, std::uint64_t seed,
                                       std::array<qint64, 4> userIds, DemoBatchInsert::Sink sink)
    : m_model(model)
    , m_seed(seed)
    , m_userIds(userIds)
    , m_sink(std::move(sink))
    , m_text(model.firstDay, model.today + 400)
{}

qint64 DemoPracticeWriter::rowCount(const DemoModel& model)
{
    qint64 paid = 0;
    qint64 values = 0;
    for (const auto& invoice : model.invoices)
        paid += invoice.status == InvoiceStatus::Paid;
    for (const auto& result : model.results) {
        const auto& test =
            Catalog::tests()[std::size_t(model.appointments[std::size_t(result.appointment)].test)];
        values += std::max<qint64>(1, qint64(test.analytes.size()));
    }
    return qint64(model.clients.size()) * 7 + qint64(model.appointments.size()) +
           qint64(model.results.size()) + values + qint64(model.feedback.size()) +
           2 * qint64(model.invoices.size()) + paid + qint64(model.touchpoints.size()) +
           qint64(model.steps.size());
}

Status DemoPracticeWriter::write()
{
    for (auto part : {&DemoPracticeWriter::clients, &DemoPracticeWriter::consents,
                      &DemoPracticeWriter::appointments, &DemoPracticeWriter::results,
                      &DemoPracticeWriter::feedback, &DemoPracticeWriter::invoices,
                      &DemoPracticeWriter::touchpoints, &DemoPracticeWriter::steps}) {
        if (auto done = (this->*part)(); !done)
            return done;
    }
    return {};
}

DemoValue DemoPracticeWriter::user(DemoUser who) const
{
    return who == DemoUser::Nobody ? DemoValue() : DemoValue::integer(m_userIds[std::size_t(who)]);
}

qint64 DemoPracticeWriter::appointmentId(int index) const
{
    return m_model.appointments[std::size_t(index)].id;
}

Status DemoPracticeWriter::clients()
{
    DemoBatchInsert insert(
        m_sink, QStringLiteral("clients"),
        {QStringLiteral("id"), QStringLiteral("external_id"), QStringLiteral("first_name"),
         QStringLiteral("last_name"), QStringLiteral("date_of_birth"), QStringLiteral("sex"),
         QStringLiteral("email"), QStringLiteral("phone"), QStringLiteral("address"),
         QStringLiteral("preferred_channel"), QStringLiteral("referral_source"),
         QStringLiteral("referred_by"), QStringLiteral("expectations"),
         QStringLiteral("journey_stage"), QStringLiteral("registered_at"),
         QStringLiteral("archived"), QStringLiteral("created_at"), QStringLiteral("updated_at"),
         QStringLiteral("updated_by")},
        kRowsPerStatement);
    for (std::size_t i = 0; i < m_model.clients.size(); ++i) {
        const DemoClientRecord& c = m_model.clients[i];
        const qint64 id = qint64(i) + 1;
        const DemoUser by = c.registeredOnline ? DemoUser::Nobody : DemoUser::Reception;
        insert << id << QStringLiteral("C%1").arg(id, 6, 10, QLatin1Char('0'))
               << DemoText::firstName(c.firstName) << m_wording.lastName(c)
               << DemoValue::date(c.birthDay) << sqlWord(c.sex)
               << (c.hasEmail ? DemoValue::string(m_wording.email(c)) : DemoValue())
               << (c.hasPhone
                       ? DemoValue::string(
                             QStringLiteral("+49 %1 %2").arg(c.phonePrefix).arg(c.phoneNumber))
                       : DemoValue())
               << QStringLiteral("%1 %2, %3")
                      .arg(utf8(DemoText::streets()[std::size_t(c.street)]))
                      .arg(c.houseNumber)
                      .arg(utf8(DemoText::towns()[std::size_t(c.town)]))
               << sqlWord(c.preferredChannel)
               << (c.referralSource >= 0
                       ? DemoValue::utf8(
                             DemoText::referralSources()[std::size_t(c.referralSource)].text)
                       : DemoValue())
               << DemoValue::id(qint64(c.referredBy) + 1)
               << DemoText::expectations()[std::size_t(c.expectation)] << sqlWord(c.stage)
               << DemoValue::time(c.registeredAt) << c.archived << DemoValue::time(c.registeredAt)
               << DemoValue::time(c.registeredAt) << user(by);
        if (auto done = insert.endRow(); !done)
            return done;
    }
    return insert.finish();
}

Status DemoPracticeWriter::consents()
{
    DemoBatchInsert insert(m_sink, QStringLiteral("consents"),
                           {QStringLiteral("id"), QStringLiteral("client_id"),
                            QStringLiteral("purpose"), QStringLiteral("channel"),
                            QStringLiteral("granted"), QStringLiteral("evidence"),
                            QStringLiteral("recorded_by"), QStringLiteral("recorded_at"),
                            QStringLiteral("withdrawn_at"), QStringLiteral("withdrawn_by")},
                           kRowsPerStatement);
    qint64 id = 0;
    for (std::size_t i = 0; i < m_model.clients.size(); ++i) {
        const DemoClientRecord& c = m_model.clients[i];
        const QString day = m_text.date(dayOf(c.registeredAt));
        const QString evidence =
            c.registeredOnline
                ? QStringLiteral("Online registration form of %1: box ticked by the client")
                      .arg(day)
                : QStringLiteral("Signed intake form of %1, filed in the client record").arg(day);
        const DemoUser by = c.registeredOnline ? DemoUser::Nobody : DemoUser::Reception;
        for (ConsentPurpose purpose : allOf<ConsentPurpose>()) {
            const char* channel = "any";
            if (purpose == ConsentPurpose::Reminders && c.preferredChannel == ContactChannel::Sms)
                channel = "sms";
            else if (purpose == ConsentPurpose::Reminders &&
                     c.preferredChannel == ContactChannel::Email)
                channel = "email";
            const bool withdrawn = purpose == ConsentPurpose::Marketing && c.marketingWithdrawnAt;
            insert << ++id << qint64(i) + 1 << sqlWord(purpose) << channel << c.consented(purpose)
                   << evidence << user(by) << DemoValue::time(c.registeredAt + 60)
                   << (withdrawn ? DemoValue::time(c.marketingWithdrawnAt) : DemoValue())
                   << (withdrawn ? user(DemoUser::Reception) : DemoValue());
            if (auto done = insert.endRow(); !done)
                return done;
        }
    }
    return insert.finish();
}

Status DemoPracticeWriter::appointments()
{
    DemoBatchInsert insert(
        m_sink, QStringLiteral("appointments"),
        {QStringLiteral("id"), QStringLiteral("client_id"), QStringLiteral("practitioner_id"),
         QStringLiteral("service_type_id"), QStringLiteral("starts_at"), QStringLiteral("ends_at"),
         QStringLiteral("status"), QStringLiteral("price_cents"),
         QStringLiteral("cancellation_reason"), QStringLiteral("cancelled_at"),
         QStringLiteral("reminder_sent_at"), QStringLiteral("checked_in_at"),
         QStringLiteral("completed_at"), QStringLiteral("created_at"), QStringLiteral("created_by"),
         QStringLiteral("updated_at"), QStringLiteral("updated_by")},
        kRowsPerStatement);
    for (qint32 index : m_model.appointmentOrder) {
        const DemoAppointmentRecord& a = m_model.appointments[std::size_t(index)];
        const DemoTime updated = a.status == AppointmentStatus::Completed   ? a.completedAt
                                 : a.status == AppointmentStatus::Cancelled ? a.cancelledAt
                                 : a.status == AppointmentStatus::NoShow    ? a.end
                                                                            : 0;
        insert << a.id << qint64(a.client) + 1 << qint64(a.practitioner) + 1
               << qint64(a.service) + 1 << DemoValue::time(a.start) << DemoValue::time(a.end)
               << sqlWord(a.status) << qint64(a.priceCents)
               << (a.cancellationReason >= 0
                       ? DemoValue::utf8(
                             DemoText::cancellationReasons()[std::size_t(a.cancellationReason)])
                       : DemoValue())
               << DemoValue::time(a.cancelledAt) << DemoValue::time(a.reminderSentAt)
               << DemoValue::time(a.checkedInAt) << DemoValue::time(a.completedAt)
               << DemoValue::time(a.createdAt) << user(a.createdBy) << DemoValue::time(updated)
               << (updated ? user(DemoUser::Reception) : DemoValue());
        if (auto done = insert.endRow(); !done)
            return done;
    }
    return insert.finish();
}

std::vector<DemoPracticeWriter::Value>
DemoPracticeWriter::valuesOf(const DemoResultRecord& result) const
{
    // Values come from a stream of their own per result, so writing the report text and the
    // value rows draws the same numbers.
    const DemoAppointmentRecord& a = m_model.appointments[std::size_t(result.appointment)];
    const auto& test = Catalog::tests()[std::size_t(a.test)];
    DemoRandom rnd = DemoRandom::stream(m_seed, 0x7e57000000ULL + std::uint64_t(a.id));
    std::vector<Value> values;
    if (test.analytes.empty()) {
        const auto findings = Catalog::ultrasoundFindings();
        Value v;
        v.analyte = QStringLiteral("Finding");
        v.unit = kEmpty;
        v.text = utf8(a.abnormal ? findings[1 + rnd.index(findings.size() - 1)] : findings[0]);
        v.number = DemoValue();
        v.low = DemoValue();
        v.high = DemoValue();
        v.abnormal = a.abnormal;
        values.push_back(v);
        return values;
    }
    const std::size_t count = test.analytes.size();
    std::size_t off1 = count, off2 = count;
    if (a.abnormal) {
        off1 = rnd.index(count);
        if (count > 1 && rnd.chance(300))
            off2 = (off1 + 1 + rnd.index(count - 1)) % count;
    }
    for (std::size_t i = 0; i < count; ++i) {
        const auto& analyte = test.analytes[i];
        const bool off = i == off1 || i == off2;
        const int value = off ? rnd.between(analyte.abnormalLow, analyte.abnormalHigh)
                              : rnd.between(analyte.normalLow, analyte.normalHigh);
        Value v;
        v.analyte = utf8(analyte.name);
        v.unit = analyte.unit;
        v.number = DemoValue::real(value / 10.0);
        v.text = tenths(value);
        v.low =
            analyte.referenceLow >= 0 ? DemoValue::real(analyte.referenceLow / 10.0) : DemoValue();
        v.high = analyte.referenceHigh >= 0 ? DemoValue::real(analyte.referenceHigh / 10.0)
                                            : DemoValue();
        v.abnormal = off;
        values.push_back(v);
    }
    return values;
}

Status DemoPracticeWriter::results()
{
    DemoBatchInsert insert(
        m_sink, QStringLiteral("test_results"),
        {QStringLiteral("id"), QStringLiteral("client_id"), QStringLiteral("appointment_id"),
         QStringLiteral("test_name"), QStringLiteral("received_at"), QStringLiteral("abnormal"),
         QStringLiteral("abnormal_confirmed_by"), QStringLiteral("formal_report"),
         QStringLiteral("summary"), QStringLiteral("summary_signed_by"),
         QStringLiteral("summary_signed_at"), QStringLiteral("status"),
         QStringLiteral("reviewed_by"), QStringLiteral("reviewed_at"),
         QStringLiteral("communicated_by"), QStringLiteral("communicated_at"),
         QStringLiteral("communicated_channel"), QStringLiteral("created_at")},
        kRowsPerStatement);
    for (const DemoResultRecord& r : m_model.results) {
        const DemoAppointmentRecord& a = m_model.appointments[std::size_t(r.appointment)];
        const auto& test = Catalog::tests()[std::size_t(a.test)];
        const bool reviewed = r.status != ResultStatus::Received;
        const bool communicated = r.status == ResultStatus::Communicated;
        QString report = QStringLiteral("%1\nOrder for appointment %2, received %3\n")
                             .arg(utf8(test.name))
                             .arg(a.id)
                             .arg(m_text.dateTime(r.receivedAt));
        for (const Value& v : valuesOf(r)) {
            report += v.analyte + QStringLiteral(": ") + v.text;
            if (*v.unit)
                report += QLatin1Char(' ') + QString::fromUtf8(v.unit);
            const bool low = v.low.kind != DemoValue::Kind::Null;
            const bool high = v.high.kind != DemoValue::Kind::Null;
            if (low || high) {
                report += QStringLiteral(" (reference ") +
                          (low ? QString::number(v.low.floating) : QString()) +
                          QStringLiteral("–") +
                          (high ? QString::number(v.high.floating) : QString()) + QLatin1Char(')');
            }
            if (v.abnormal)
                report += QStringLiteral(" *");
            report += QLatin1Char('\n');
        }
        const DemoUser clinician = DemoUser::Clinician;
        insert << r.id << qint64(a.client) + 1 << a.id << test.name << DemoValue::time(r.receivedAt)
               << a.abnormal << (a.abnormal && reviewed ? user(clinician) : DemoValue()) << report
               << (reviewed ? (a.abnormal ? test.abnormalSummary : test.normalSummary) : kEmpty)
               << (reviewed ? user(clinician) : DemoValue())
               << (reviewed ? DemoValue::time(r.reviewedAt) : DemoValue()) << sqlWord(r.status)
               << (reviewed ? user(clinician) : DemoValue())
               << (reviewed ? DemoValue::time(r.reviewedAt) : DemoValue())
               << (communicated ? user(clinician) : DemoValue())
               << (communicated ? DemoValue::time(r.communicatedAt) : DemoValue())
               << (communicated ? DemoValue::utf8(sqlWord(r.communicatedChannel)) : DemoValue())
               << DemoValue::time(r.receivedAt);
        if (auto done = insert.endRow(); !done)
            return done;
    }
    if (auto done = insert.finish(); !done)
        return done;

    DemoBatchInsert values(m_sink, QStringLiteral("result_values"),
                           {QStringLiteral("id"), QStringLiteral("result_id"),
                            QStringLiteral("position"), QStringLiteral("analyte"),
                            QStringLiteral("value_numeric"), QStringLiteral("value_text"),
                            QStringLiteral("unit"), QStringLiteral("reference_low"),
                            QStringLiteral("reference_high"), QStringLiteral("abnormal")},
                           kRowsPerStatement);
    qint64 id = 0;
    for (const DemoResultRecord& r : m_model.results) {
        int position = 0;
        for (const Value& v : valuesOf(r)) {
            values << ++id << r.id << position++ << v.analyte << v.number
                   << (v.number.kind == DemoValue::Kind::Null ? DemoValue::string(v.text)
                                                              : DemoValue())
                   << v.unit << v.low << v.high << v.abnormal;
            if (auto done = values.endRow(); !done)
                return done;
        }
    }
    return values.finish();
}

Status DemoPracticeWriter::feedback()
{
    DemoBatchInsert insert(m_sink, QStringLiteral("feedback"),
                           {QStringLiteral("id"), QStringLiteral("client_id"),
                            QStringLiteral("appointment_id"), QStringLiteral("kind"),
                            QStringLiteral("score"), QStringLiteral("comment"),
                            QStringLiteral("responded_at"), QStringLiteral("source"),
                            QStringLiteral("recorded_by"), QStringLiteral("created_at")},
                           kRowsPerStatement);
    for (const DemoFeedbackRecord& f : m_model.feedback) {
        const char* comment = kEmpty;
        if (f.comment >= 0) {
            const bool nps = f.kind == FeedbackKind::Nps;
            const int band = nps ? (f.score >= 9 ? 0 : (f.score >= 7 ? 1 : 2))
                                 : (f.score >= 4 ? 0 : (f.score == 3 ? 1 : 2));
            const auto list = band == 0 ? DemoText::praise()
                                        : (band == 1 ? DemoText::mixed() : DemoText::complaints());
            comment = list[std::size_t(f.comment) % list.size()];
        }
        insert << f.id << qint64(f.client) + 1 << appointmentId(f.appointment) << sqlWord(f.kind)
               << int(f.score) << comment << DemoValue::time(f.respondedAt) << sqlWord(f.source)
               << user(f.recordedBy) << DemoValue::time(f.createdAt);
        if (auto done = insert.endRow(); !done)
            return done;
    }
    return insert.finish();
}

Status DemoPracticeWriter::writeOutcomes()
{
    // The task is named by the key FollowUpPlanner gives it (SourceKey), so the outcome finds
    // the planner's task through its unique index.
    const auto keyOf = [&](const DemoTaskRecord& t) {
        const AppointmentId visit(appointmentId(t.appointment));
        switch (t.kind) {
        case TaskKind::DiscussResult:
            return SourceKey::discussResult(ResultId(m_model.results[std::size_t(t.result)].id));
        case TaskKind::CommunicateResult:
            return SourceKey::communicateResult(
                ResultId(m_model.results[std::size_t(t.result)].id));
        case TaskKind::DetractorCallback:
            return SourceKey::detractorCallback(
                FeedbackId(m_model.feedback[std::size_t(t.feedback)].id));
        case TaskKind::RebookReminder:
            return SourceKey::rebookReminder(ClientId(qint64(t.client) + 1), visit);
        default:
            return SourceKey::checkinCall(visit);
        }
    };
    DemoBatchInsert insert(m_sink, kOutcomeTable,
                           {QStringLiteral("source_key"), QStringLiteral("status"),
                            QStringLiteral("done_at"), QStringLiteral("done_by"),
                            QStringLiteral("resolution_note"), QStringLiteral("created_at")},
                           kRowsPerStatement);
    DemoBatchInsert calls(m_sink, kCallTable,
                          {QStringLiteral("source_key"), QStringLiteral("attempted_at"),
                           QStringLiteral("outcome"), QStringLiteral("notes"),
                           QStringLiteral("next_step"), QStringLiteral("call_again_at"),
                           QStringLiteral("by_user")},
                          kRowsPerStatement);
    for (const DemoTaskRecord& t : m_model.tasks) {
        const QString key = keyOf(t);
        const bool closed = t.status != TaskStatus::Open;
        insert << key << sqlWord(t.status) << (closed ? DemoValue::time(t.doneAt) : DemoValue())
               << (closed ? user(t.worker) : DemoValue()) << m_wording.taskNote(t)
               << DemoValue::time(t.createdAt);
        if (auto done = insert.endRow(); !done)
            return done;
        for (qint32 k = 0; k < t.callCount; ++k) {
            const DemoCallRecord& call = m_model.calls[std::size_t(t.firstCall + k)];
            calls << key << DemoValue::time(call.at) << sqlWord(call.outcome)
                  << m_wording.callNote(t, call) << sqlWord(call.next)
                  << DemoValue::time(call.callAgainAt) << user(t.worker);
            if (auto done = calls.endRow(); !done)
                return done;
        }
    }
    if (auto done = insert.finish(); !done)
        return done;
    return calls.finish();
}

Status DemoPracticeWriter::invoices()
{
    DemoBatchInsert insert(m_sink, QStringLiteral("invoices"),
                           {QStringLiteral("id"), QStringLiteral("external_id"),
                            QStringLiteral("client_id"), QStringLiteral("appointment_id"),
                            QStringLiteral("status"), QStringLiteral("issued_at"),
                            QStringLiteral("due_at"), QStringLiteral("paid_at"),
                            QStringLiteral("created_at"), QStringLiteral("created_by")},
                           kRowsPerStatement);
    for (const DemoInvoiceRecord& inv : m_model.invoices) {
        const DemoAppointmentRecord& a = m_model.appointments[std::size_t(inv.appointment)];
        insert << inv.id << invoiceNumber(InvoiceId(inv.id)) << qint64(a.client) + 1 << a.id
               << sqlWord(inv.status) << DemoValue::time(inv.issuedAt) << DemoValue::time(inv.dueAt)
               << DemoValue::time(inv.paidAt) << DemoValue::time(inv.createdAt)
               << user(DemoUser::Reception);
        if (auto done = insert.endRow(); !done)
            return done;
    }
    if (auto done = insert.finish(); !done)
        return done;

    // One line per visit; the database's trigger keeps each invoice's total equal to its lines.
    DemoBatchInsert lines(m_sink, QStringLiteral("invoice_lines"),
                          {QStringLiteral("id"), QStringLiteral("invoice_id"),
                           QStringLiteral("description"), QStringLiteral("quantity"),
                           QStringLiteral("unit_price_cents"), QStringLiteral("amount_cents")},
                          kRowsPerStatement);
    for (const DemoInvoiceRecord& inv : m_model.invoices) {
        const DemoAppointmentRecord& a = m_model.appointments[std::size_t(inv.appointment)];
        lines << inv.id << inv.id
              << QStringLiteral("%1, %2").arg(
                     utf8(Catalog::services()[std::size_t(a.service)].name),
                     m_text.date(dayOf(a.start)))
              << 1 << qint64(a.priceCents) << qint64(a.priceCents);
        if (auto done = lines.endRow(); !done)
            return done;
    }
    if (auto done = lines.finish(); !done)
        return done;

    DemoBatchInsert payments(m_sink, QStringLiteral("payments"),
                             {QStringLiteral("id"), QStringLiteral("invoice_id"),
                              QStringLiteral("amount_cents"), QStringLiteral("paid_at"),
                              QStringLiteral("method"), QStringLiteral("recorded_by"),
                              QStringLiteral("recorded_at")},
                             kRowsPerStatement);
    qint64 id = 0;
    for (const DemoInvoiceRecord& inv : m_model.invoices) {
        if (inv.status != InvoiceStatus::Paid)
            continue;
        const DemoAppointmentRecord& a = m_model.appointments[std::size_t(inv.appointment)];
        // Transfers are booked from the bank statement the next morning.
        const DemoTime recorded =
            inv.method == PaymentMethod::Transfer
                ? std::min(at(dayOf(inv.paidAt) + 1, 9, 15), std::max(inv.paidAt, m_model.now))
                : inv.paidAt;
        payments << ++id << inv.id << qint64(a.priceCents) << DemoValue::time(inv.paidAt)
                 << sqlWord(inv.method) << user(DemoUser::Reception) << DemoValue::time(recorded);
        if (auto done = payments.endRow(); !done)
            return done;
    }
    return payments.finish();
}

Status DemoPracticeWriter::touchpoints()
{
    DemoBatchInsert insert(
        m_sink, QStringLiteral("touchpoints"),
        {QStringLiteral("id"), QStringLiteral("client_id"), QStringLiteral("occurred_at"),
         QStringLiteral("stage"), QStringLiteral("channel"), QStringLiteral("kind"),
         QStringLiteral("outcome"), QStringLiteral("appointment_id"), QStringLiteral("by_user")},
        kRowsPerStatement);
    qint64 id = 0;
    for (const DemoTouchpointRecord& t : m_model.touchpoints) {
        insert << ++id << qint64(t.client) + 1 << DemoValue::time(t.at) << sqlWord(t.stage)
               << sqlWord(t.channel) << DemoWording::touchpointKind(t.kind)
               << m_wording.touchpointOutcome(t)
               << (t.appointment >= 0 ? DemoValue::id(appointmentId(t.appointment)) : DemoValue())
               << user(t.by);
        if (auto done = insert.endRow(); !done)
            return done;
    }
    return insert.finish();
}

Status DemoPracticeWriter::steps()
{
    DemoBatchInsert insert(m_sink, QStringLiteral("post_service_steps"),
                           {QStringLiteral("id"), QStringLiteral("appointment_id"),
                            QStringLiteral("step"), QStringLiteral("done_at"),
                            QStringLiteral("done_by")},
                           kRowsPerStatement);
    qint64 id = 0;
    for (const DemoStepRecord& s : m_model.steps) {
        insert << ++id << appointmentId(s.appointment) << sqlWord(s.step)
               << DemoValue::time(s.doneAt) << user(s.by);
        if (auto done = insert.endRow(); !done)
            return done;
    }
    return insert.finish();
}

} // namespace aftercare
