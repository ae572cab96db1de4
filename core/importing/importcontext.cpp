#include "importing/importcontext.h"

#include "database/database.h"
#include "database/sqltime.h"
#include "importing/importvalues.h"

#include <algorithm>

namespace aftercare {

ImportContext::ImportContext(Database& database, const Actor& actor, const ImportOptions& options,
                             const QTimeZone& zone, const QString& sourceName,
                             ImportSummary& summary)
    : m_database(database)
    , m_actor(actor)
    , m_options(options)
    , m_zone(zone)
    , m_sourceName(sourceName)
    , m_summary(summary)
{
    const QDateTime now = QDateTime::currentDateTime().toTimeZone(m_zone);
    m_now = QDateTime(now.date(),
                      QTime(now.time().hour(), now.time().minute(), now.time().second()), Qt::UTC);
}

void ImportContext::reject(qint64 line, const QString& reason)
{
    m_summary.rejected.push_back(RejectedRow{line, reason});
}

void ImportContext::rowDone(qint64 bytePosition)
{
    ++m_rowsDone;
    m_bytesDone = std::max(m_bytesDone, bytePosition);
    if (m_options.progress && m_options.progressInterval > 0 &&
        m_rowsDone % m_options.progressInterval == 0)
        m_options.progress(ImportProgress{m_rowsDone, m_bytesDone, m_bytesTotal});
}

void ImportContext::finishProgress()
{
    if (m_options.progress)
        m_options.progress(ImportProgress{m_rowsDone, m_bytesTotal, m_bytesTotal});
}

Result<QSqlQuery> ImportContext::prepare(const QString& sql) const
{
    return m_database.prepare(sql);
}

Result<QSqlQuery> ImportContext::prepareInsert(const QString& sql) const
{
    return m_database.prepare(m_database.isSqlite() ? sql : sql + QStringLiteral(" RETURNING id"));
}

Result<qint64> ImportContext::insertReturningId(QSqlQuery& query, const QVariantList& values) const
{
    if (auto done = m_database.execute(query, values); !done)
        return fail(done.error());
    if (m_database.isSqlite())
        return query.lastInsertId().toLongLong();
    if (!query.next())
        return fail(
            Error{ErrorKind::Database, tr("The database did not return the id of a new row.")});
    const qint64 id = query.value(0).toLongLong();
    query.finish();
    return id;
}

Result<int> ImportContext::change(QSqlQuery& query, const QVariantList& values) const
{
    if (auto done = m_database.execute(query, values); !done)
        return fail(done.error());
    return query.numRowsAffected();
}

QString ImportContext::distinctFrom() const
{
    return m_database.isSqlite() ? QStringLiteral("IS NOT") : QStringLiteral("IS DISTINCT FROM");
}

Status ImportContext::loadClients()
{
    auto query = m_database.run(QStringLiteral("SELECT external_id, id FROM clients"));
    if (!query)
        return fail(query.error());
    while (query->next())
        m_clients.insert(query->value(0).toString(), ClientId(query->value(1).toLongLong()));
    return {};
}

QString ImportContext::unknownClient(const QString& externalId) const
{
    return tr("client: there is no client with the external_id \"%1\" (import clients.csv first).")
        .arg(externalId);
}

Status ImportContext::loadAppointments()
{
    auto query = m_database.run(QStringLiteral("SELECT external_id, id, client_id, service_type_id "
                                               "FROM appointments WHERE external_id IS NOT NULL"));
    if (!query)
        return fail(query.error());
    while (query->next())
        m_appointments.insert(query->value(0).toString(),
                              ImportedAppointment{AppointmentId(query->value(1).toLongLong()),
                                                  ClientId(query->value(2).toLongLong()),
                                                  ServiceTypeId(query->value(3).toLongLong())});
    return {};
}

std::optional<ImportedAppointment> ImportContext::appointment(const QString& externalId) const
{
    const auto found = m_appointments.constFind(externalId);
    if (found == m_appointments.constEnd())
        return std::nullopt;
    return *found;
}

void ImportContext::addAppointment(const QString& externalId,
                                   const ImportedAppointment& appointment)
{
    m_appointments.insert(externalId, appointment);
}

Status ImportContext::loadPractice()
{
    // Ordered by id so that of two names differing only in case the older one is used.
    auto practitioners =
        m_database.run(QStringLiteral("SELECT id, name FROM practitioners ORDER BY id DESC"));
    if (!practitioners)
        return fail(practitioners.error());
    while (practitioners->next())
        m_practitioners.insert(nameKey(practitioners->value(1).toString()),
                               PractitionerId(practitioners->value(0).toLongLong()));
    auto services = m_database.run(
        QStringLiteral("SELECT id, name, duration_minutes FROM service_types ORDER BY id DESC"));
    if (!services)
        return fail(services.error());
    while (services->next()) {
        const ImportedService service{ServiceTypeId(services->value(0).toLongLong()),
                                      services->value(1).toString(), services->value(2).toInt()};
        m_services.insert(nameKey(service.name), service);
        m_serviceNames.insert(service.id, service.name);
    }
    return {};
}

std::optional<PractitionerId> ImportContext::findPractitioner(const QString& name) const
{
    const auto found = m_practitioners.constFind(nameKey(name));
    if (found == m_practitioners.constEnd())
        return std::nullopt;
    return *found;
}

std::optional<ImportedService> ImportContext::findService(const QString& name) const
{
    const auto found = m_services.constFind(nameKey(name));
    if (found == m_services.constEnd())
        return std::nullopt;
    return *found;
}

Result<PractitionerId> ImportContext::createPractitioner(const QString& name)
{
    const QString clean = name.simplified();
    auto query = m_database.run(
        QStringLiteral("INSERT INTO practitioners (name) VALUES (?) RETURNING id"), {clean});
    if (!query)
        return fail(query.error());
    if (!query->next())
        return fail(
            Error{ErrorKind::Database, tr("The database did not return the id of a new row.")});
    const PractitionerId id(query->value(0).toLongLong());
    m_practitioners.insert(nameKey(clean), id);
    m_summary.createdPractitioners.append(clean);
    return id;
}

Result<ImportedService> ImportContext::createService(const QString& name, int durationMinutes,
                                                     qint64 priceCents)
{
    // The schema bounds a service's default length; an odd first appointment must not
    // make the new service invalid.
    const ImportedService draft{ServiceTypeId(), name.simplified(),
                                std::clamp(durationMinutes, 5, 720)};
    auto query = m_database.run(QStringLiteral("INSERT INTO service_types (name, duration_minutes, "
                                               "price_cents) VALUES (?, ?, ?) RETURNING id"),
                                {draft.name, draft.durationMinutes, qlonglong(priceCents)});
    if (!query)
        return fail(query.error());
    if (!query->next())
        return fail(
            Error{ErrorKind::Database, tr("The database did not return the id of a new row.")});
    ImportedService service = draft;
    service.id = ServiceTypeId(query->value(0).toLongLong());
    m_services.insert(nameKey(service.name), service);
    m_serviceNames.insert(service.id, service.name);
    m_summary.createdServices.append(service.name);
    return service;
}

Status ImportContext::recordAudit(const QString& entity)
{
    const QString detail =
        QStringLiteral("%1: %2 rows, %3 created, %4 updated, %5 unchanged, %6 rejected")
            .arg(m_sourceName)
            .arg(m_summary.rows)
            .arg(m_summary.created)
            .arg(m_summary.updated)
            .arg(m_summary.unchanged)
            .arg(m_summary.rejected.size());
    return toStatus(m_database.run(
        QStringLiteral("INSERT INTO audit_log (at, user_id, action, entity, workstation, detail) "
                       "VALUES (?, ?, 'import', ?, ?, ?)"),
        {SqlTime::toSql(QDateTime::currentDateTime()), actorId(), entity, m_actor.workstation,
         detail}));
}

} // namespace aftercare
