#include "exporting/clientrecordexport.h"

#include "auth/permissions.h"
#include "database/database.h"
#include "domain/vocabulary.h"
#include "repositories/appointmentrepository.h"
#include "repositories/auditlog.h"
#include "repositories/clientrepository.h"
#include "repositories/feedbackrepository.h"
#include "repositories/invoicerepository.h"
#include "repositories/resultrepository.h"
#include "repositories/touchpointrepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

namespace aftercare {

namespace {

QJsonValue time(const QDateTime& at)
{
    return at.isValid() ? QJsonValue(at.toString(Qt::ISODate)) : QJsonValue();
}

QJsonValue date(const QDate& day)
{
    return day.isValid() ? QJsonValue(day.toString(Qt::ISODate)) : QJsonValue();
}

template <typename Tag> QJsonValue id(const Id<Tag>& value)
{
    return value.isValid() ? QJsonValue(qint64(value.value())) : QJsonValue();
}

QJsonValue text(const QString& value)
{
    return value.isEmpty() ? QJsonValue() : QJsonValue(value);
}

QJsonValue number(const std::optional<double>& value)
{
    return value ? QJsonValue(*value) : QJsonValue();
}

QJsonValue flag(const std::optional<bool>& value)
{
    return value ? QJsonValue(*value) : QJsonValue();
}

QJsonObject clientObject(const Client& client)
{
    return {
        {QStringLiteral("id"), id(client.id)},
        {QStringLiteral("external_id"), client.externalId},
        {QStringLiteral("first_name"), client.firstName},
        {QStringLiteral("last_name"), client.lastName},
        {QStringLiteral("date_of_birth"), date(client.dateOfBirth)},
        {QStringLiteral("sex"), sqlName(client.sex)},
        {QStringLiteral("email"), client.email ? QJsonValue(client.email->value()) : QJsonValue()},
        {QStringLiteral("phone"), client.phone ? QJsonValue(client.phone->value()) : QJsonValue()},
        {QStringLiteral("address"), text(client.address)},
        {QStringLiteral("preferred_channel"), sqlName(client.preferredChannel)},
        {QStringLiteral("referral_source"), text(client.referralSource)},
        {QStringLiteral("referred_by"), id(client.referredBy)},
        {QStringLiteral("expectations"), text(client.expectations)},
        {QStringLiteral("journey_stage"), sqlName(client.stage)},
        {QStringLiteral("registered_at"), time(client.registeredAt)},
        {QStringLiteral("archived"), client.archived}};
}

QJsonObject consentObject(const Consent& consent)
{
    return {{QStringLiteral("id"), id(consent.id)},
            {QStringLiteral("purpose"), sqlName(consent.purpose)},
            {QStringLiteral("channel"), sqlName(consent.channel)},
            {QStringLiteral("granted"), consent.granted},
            {QStringLiteral("evidence"), text(consent.evidence)},
            {QStringLiteral("recorded_at"), time(consent.recordedAt)},
            {QStringLiteral("withdrawn_at"), time(consent.withdrawnAt)}};
}

QJsonObject appointmentObject(const Appointment& appointment)
{
    return {{QStringLiteral("id"), id(appointment.id)},
            {QStringLiteral("external_id"), text(appointment.externalId)},
            {QStringLiteral("starts_at"), time(appointment.startsAt)},
            {QStringLiteral("ends_at"), time(appointment.endsAt)},
            {QStringLiteral("status"), sqlName(appointment.status)},
            {QStringLiteral("practitioner"), appointment.practitionerName},
            {QStringLiteral("service"), appointment.serviceName},
            {QStringLiteral("price_cents"),
             appointment.priceCents ? QJsonValue(qint64(*appointment.priceCents)) : QJsonValue()},
            {QStringLiteral("cancellation_reason"), text(appointment.cancellationReason)},
            {QStringLiteral("cancelled_at"), time(appointment.cancelledAt)},
            {QStringLiteral("reminder_sent_at"), time(appointment.reminderSentAt)},
            {QStringLiteral("checked_in_at"), time(appointment.checkedInAt)},
            {QStringLiteral("completed_at"), time(appointment.completedAt)},
            {QStringLiteral("notes"), text(appointment.notes)}};
}

QJsonObject touchpointObject(const Touchpoint& touchpoint)
{
    return {{QStringLiteral("id"), id(touchpoint.id)},
            {QStringLiteral("occurred_at"), time(touchpoint.occurredAt)},
            {QStringLiteral("stage"), sqlName(touchpoint.stage)},
            {QStringLiteral("channel"), sqlName(touchpoint.channel)},
            {QStringLiteral("kind"), touchpoint.kind},
            {QStringLiteral("outcome"), text(touchpoint.outcome)},
            {QStringLiteral("appointment"), id(touchpoint.appointment)},
            {QStringLiteral("notes"), text(touchpoint.notes)}};
}

QJsonObject feedbackObject(const Feedback& feedback)
{
    return {{QStringLiteral("id"), id(feedback.id)},
            {QStringLiteral("kind"), sqlName(feedback.kind())},
            {QStringLiteral("score"), feedback.score.value()},
            {QStringLiteral("comment"), text(feedback.comment)},
            {QStringLiteral("responded_at"), time(feedback.respondedAt)},
            {QStringLiteral("source"), sqlName(feedback.source)},
            {QStringLiteral("appointment"), id(feedback.appointment)}};
}

QJsonObject invoiceObject(const Invoice& invoice)
{
    QJsonArray lines;
    for (const InvoiceLine& line : invoice.lines)
        lines.append(QJsonObject{{QStringLiteral("description"), line.description},
                                 {QStringLiteral("quantity"), line.quantity},
                                 {QStringLiteral("unit_price_cents"), qint64(line.unitPriceCents)},
                                 {QStringLiteral("amount_cents"), qint64(line.amountCents())}});
    QJsonArray payments;
    for (const Payment& payment : invoice.payments)
        payments.append(QJsonObject{{QStringLiteral("amount_cents"), qint64(payment.amountCents)},
                                    {QStringLiteral("paid_at"), time(payment.paidAt)},
                                    {QStringLiteral("method"), sqlName(payment.method)}});
    return {{QStringLiteral("id"), id(invoice.id)},
            {QStringLiteral("external_id"), text(invoice.externalId)},
            {QStringLiteral("appointment"), id(invoice.appointment)},
            {QStringLiteral("status"), sqlName(invoice.status)},
            {QStringLiteral("total_cents"), qint64(invoice.totalCents)},
            {QStringLiteral("paid_cents"), qint64(invoice.paidCents)},
            {QStringLiteral("issued_at"), time(invoice.issuedAt)},
            {QStringLiteral("due_at"), time(invoice.dueAt)},
            {QStringLiteral("paid_at"), time(invoice.paidAt)},
            {QStringLiteral("lines"), lines},
            {QStringLiteral("payments"), payments}};
}

QJsonObject resultObject(const TestResult& result)
{
    QJsonArray values;
    for (const ResultValue& value : result.values)
        values.append(QJsonObject{{QStringLiteral("analyte"), value.analyte},
                                  {QStringLiteral("value"), number(value.numeric)},
                                  {QStringLiteral("text"), text(value.text)},
                                  {QStringLiteral("unit"), text(value.unit)},
                                  {QStringLiteral("reference_low"), number(value.referenceLow)},
                                  {QStringLiteral("reference_high"), number(value.referenceHigh)},
                                  {QStringLiteral("abnormal"), flag(value.abnormal)}});
    return {{QStringLiteral("id"), id(result.id)},
            {QStringLiteral("test"), result.testName},
            {QStringLiteral("received_at"), time(result.receivedAt)},
            {QStringLiteral("appointment"), id(result.appointment)},
            {QStringLiteral("status"), sqlName(result.status)},
            {QStringLiteral("abnormal"), flag(result.abnormal)},
            {QStringLiteral("values"), values},
            {QStringLiteral("formal_report"), text(result.formalReport)},
            {QStringLiteral("summary"), text(result.summary)},
            {QStringLiteral("summary_signed_at"), time(result.summarySignedAt)},
            {QStringLiteral("reviewed_at"), time(result.reviewedAt)},
            {QStringLiteral("communicated_at"), time(result.communicatedAt)},
            {QStringLiteral("communicated_channel"),
             result.communicatedChannel ? QJsonValue(sqlName(*result.communicatedChannel))
                                        : QJsonValue()}};
}

} // namespace

ClientRecordExport::ClientRecordExport(Database& database)
    : m_database(database)
{}

Result<QByteArray> ClientRecordExport::toJson(const QString& externalId, const Actor& actor,
                                              const QDateTime& now)
{
    if (auto allowed = Permissions::require(actor, Permission::ReadClinicalContent); !allowed)
        return fail(allowed.error());
    auto client = ClientRepository(m_database).findByExternalId(externalId.trimmed());
    if (!client) {
        Error error = client.error();
        if (error.kind == ErrorKind::NotFound)
            error.message = tr("There is no client with the number %1.").arg(externalId);
        return fail(error);
    }
    const ClientId clientId = client->id;

    // The export is recorded before anything is read, so an export that was not logged did
    // not happen.
    AuditLog audit(m_database);
    if (auto logged = m_database.write([&](TransactionGuard& transaction) -> Status {
            return audit.record(transaction, actor, QLatin1String(kExportAction),
                                QStringLiteral("clients"), clientId.value(), clientId);
        });
        !logged)
        return fail(logged.error());

    auto consents = ClientRepository(m_database).consents(clientId);
    if (!consents)
        return fail(consents.error());
    QJsonArray consentList;
    for (const Consent& consent : *consents)
        consentList.append(consentObject(consent));

    AppointmentRepository appointments(m_database);
    auto past = appointments.past(clientId, now);
    if (!past)
        return fail(past.error());
    auto upcoming = appointments.upcoming(clientId, now);
    if (!upcoming)
        return fail(upcoming.error());
    QJsonArray appointmentList;
    // Oldest first, as a record reads.
    for (auto it = past->rbegin(); it != past->rend(); ++it)
        appointmentList.append(appointmentObject(*it));
    for (const Appointment& appointment : *upcoming)
        appointmentList.append(appointmentObject(appointment));

    TouchpointRepository touchpoints(m_database);
    QJsonArray touchpointList;
    constexpr int kPage = 500;
    for (int offset = 0;; offset += kPage) {
        auto page = touchpoints.timeline(clientId, kPage, offset);
        if (!page)
            return fail(page.error());
        for (const Touchpoint& touchpoint : *page)
            touchpointList.append(touchpointObject(touchpoint));
        if (int(page->size()) < kPage)
            break;
    }

    auto feedback = FeedbackRepository(m_database).forClient(clientId);
    if (!feedback)
        return fail(feedback.error());
    QJsonArray feedbackList;
    for (const Feedback& answer : *feedback)
        feedbackList.append(feedbackObject(answer));

    InvoiceRepository invoices(m_database);
    auto invoiceHeads = invoices.forClient(clientId);
    if (!invoiceHeads)
        return fail(invoiceHeads.error());
    QJsonArray invoiceList;
    for (const Invoice& head : *invoiceHeads) {
        auto invoice = invoices.get(head.id); // with its lines and payments
        if (!invoice)
            return fail(invoice.error());
        invoiceList.append(invoiceObject(*invoice));
    }

    ResultRepository results(m_database);
    auto statuses = results.statusesForClient(clientId);
    if (!statuses)
        return fail(statuses.error());
    QJsonArray resultList;
    for (const ResultStatusView& status : *statuses) {
        auto content = results.content(status.id, actor);
        if (!content)
            return fail(content.error());
        resultList.append(resultObject(*content));
    }

    const QJsonObject document{
        {QStringLiteral("format"), QStringLiteral("aftercare-client-record")},
        {QStringLiteral("format_version"), kFormatVersion},
        {QStringLiteral("exported_at"), time(now)},
        {QStringLiteral("client"), clientObject(*client)},
        {QStringLiteral("consents"), consentList},
        {QStringLiteral("appointments"), appointmentList},
        {QStringLiteral("touchpoints"), touchpointList},
        {QStringLiteral("feedback"), feedbackList},
        {QStringLiteral("invoices"), invoiceList},
        {QStringLiteral("results"), resultList}};
    return QJsonDocument(document).toJson(QJsonDocument::Indented);
}

} // namespace aftercare
