#pragma once

#include "auth/actor.h"
#include "domain/ids.h"
#include "error.h"
#include "importing/importoptions.h"
#include "importing/importsummary.h"

#include <QDateTime>
#include <QHash>
#include <QSqlQuery>
#include <QString>
#include <QTimeZone>

#include <optional>

namespace aftercare {

class Database;

// An appointment as the other files refer to it.
struct ImportedAppointment
{
    AppointmentId id;
    ClientId client;
    ServiceTypeId service;
};

struct ImportedService
{
    ServiceTypeId id;
    QString name;
    int durationMinutes = 0;
};

// What one import run shares between its rows: the open transaction's database, the
// summary being filled, and the lookups external_id -> id, each loaded once with one query so
// that no row costs a SELECT.
class ImportContext
{
    Q_DECLARE_TR_FUNCTIONS(ImportContext)

public:
    ImportContext(Database& database, const Actor& actor, const ImportOptions& options,
                  const QTimeZone& zone, const QString& sourceName, ImportSummary& summary);

    Database& database() const { return m_database; }
    const Actor& actor() const { return m_actor; }
    const QTimeZone& zone() const { return m_zone; }
    const QString& sourceName() const { return m_sourceName; }
    ImportSummary& summary() const { return m_summary; }
    // The moment of the import as the practice's wall-clock time (see ImportValues::parseTime).
    const QDateTime& now() const { return m_now; }
    QVariant actorId() const { return m_actor.user.toVariant(); }

    void reject(qint64 line, const QString& reason);
    void setBytesTotal(qint64 bytes) { m_bytesTotal = bytes; }
    // A row is handled (written, found unchanged or rejected); reports progress now and then.
    void rowDone(qint64 bytePosition);
    void finishProgress();

    Status loadClients();
    ClientId client(const QString& externalId) const { return m_clients.value(externalId); }
    void addClient(const QString& externalId, ClientId id) { m_clients.insert(externalId, id); }
    QString unknownClient(const QString& externalId) const;

    Status loadAppointments();
    std::optional<ImportedAppointment> appointment(const QString& externalId) const;
    void addAppointment(const QString& externalId, const ImportedAppointment& appointment);

    // Practitioners and services by name, matched without regard to case or extra spaces.
    Status loadPractice();
    std::optional<PractitionerId> findPractitioner(const QString& name) const;
    std::optional<ImportedService> findService(const QString& name) const;
    QString serviceName(ServiceTypeId id) const { return m_serviceNames.value(id); }
    // Creates a practitioner or service named for the first time and lists it in the summary.
    Result<PractitionerId> createPractitioner(const QString& name);
    Result<ImportedService> createService(const QString& name, int durationMinutes,
                                          qint64 priceCents);

    // One audit row for the whole import.
    Status recordAudit(const QString& entity);

    // Prepares a statement for the whole run.
    Result<QSqlQuery> prepare(const QString& sql) const;
    // Prepares an INSERT of one row whose new id insertReturningId() returns (RETURNING id on
    // PostgreSQL; SQLite's last insert rowid, which spares a step per row).
    Result<QSqlQuery> prepareInsert(const QString& sql) const;
    // Executes a statement from prepareInsert() and returns the new row's id.
    Result<qint64> insertReturningId(QSqlQuery& query, const QVariantList& values) const;
    // Executes a prepared statement and returns the number of rows it changed.
    Result<int> change(QSqlQuery& query, const QVariantList& values) const;
    // "IS NOT" on SQLite, "IS DISTINCT FROM" on PostgreSQL: a comparison where NULL is a value.
    QString distinctFrom() const;

private:
    static QString nameKey(const QString& name) { return name.simplified().toCaseFolded(); }

    Database& m_database;
    const Actor& m_actor;
    const ImportOptions& m_options;
    QTimeZone m_zone;
    QString m_sourceName;
    ImportSummary& m_summary;
    QDateTime m_now;
    qint64 m_rowsDone = 0;
    qint64 m_bytesDone = 0;
    qint64 m_bytesTotal = 0;

    QHash<QString, ClientId> m_clients;
    QHash<QString, ImportedAppointment> m_appointments;
    QHash<QString, PractitionerId> m_practitioners;
    QHash<QString, ImportedService> m_services;
    QHash<ServiceTypeId, QString> m_serviceNames;
};

} // namespace aftercare
