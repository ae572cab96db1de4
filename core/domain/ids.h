#pragma once

#include <QHashFunctions>
#include <QMetaType>
#include <QVariant>

#include <compare>
#include <cstdint>

namespace aftercare {

// A row id that knows which table it belongs to, so a ClientId is never passed as an
// AppointmentId. Zero is never a valid id.
template <typename Tag> class Id
{
public:
    constexpr Id() = default;
    constexpr explicit Id(std::int64_t value)
        : m_value(value)
    {}

    constexpr std::int64_t value() const { return m_value; }
    constexpr bool isValid() const { return m_value > 0; }
    QVariant toVariant() const { return isValid() ? QVariant(qlonglong(m_value)) : QVariant(); }
    static Id fromVariant(const QVariant& v) { return v.isNull() ? Id() : Id(v.toLongLong()); }

    friend constexpr auto operator<=>(Id, Id) = default;
    friend size_t qHash(Id id, size_t seed = 0) { return ::qHash(qint64(id.m_value), seed); }

private:
    std::int64_t m_value = 0;
};

using UserId = Id<struct UserTag>;
using ClientId = Id<struct ClientTag>;
using PractitionerId = Id<struct PractitionerTag>;
using ServiceTypeId = Id<struct ServiceTypeTag>;
using AppointmentId = Id<struct AppointmentTag>;
using ResultId = Id<struct ResultTag>;
using FollowUpTaskId = Id<struct FollowUpTaskTag>;
using CallAttemptId = Id<struct CallAttemptTag>;
using FeedbackId = Id<struct FeedbackTag>;
using InvoiceId = Id<struct InvoiceTag>;
using ConsentId = Id<struct ConsentTag>;
using TouchpointId = Id<struct TouchpointTag>;
using InvoiceLineId = Id<struct InvoiceLineTag>;
using PaymentId = Id<struct PaymentTag>;
using AuditEntryId = Id<struct AuditEntryTag>;
using SummaryTemplateId = Id<struct SummaryTemplateTag>;

} // namespace aftercare
