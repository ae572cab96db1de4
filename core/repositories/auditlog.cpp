#include "repositories/auditlog.h"

#include "database/database.h"
#include "database/sqltime.h"
#include "repositories/sqlvalue.h"

#include <QSqlQuery>

namespace aftercare {

AuditLog::AuditLog(Database& database)
    : m_database(database)
{}

Status AuditLog::record(TransactionGuard&, const Actor& actor, const QString& action,
                        const QString& entity, std::int64_t entityId, ClientId client,
                        const QString& detail)
{
    return toStatus(m_database.run(
        QStringLiteral("INSERT INTO audit_log (at, user_id, action, entity, entity_id, client_id, "
                       "workstation, "
                       "detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
        {SqlTime::toSql(QDateTime::currentDateTime()), actor.user.toVariant(), action, entity,
         entityId > 0 ? QVariant(qlonglong(entityId)) : QVariant(QMetaType::fromType<qlonglong>()),
         client.toVariant(), SqlValue::text(actor.workstation), SqlValue::text(detail)}));
}

Result<std::vector<AuditEntry>> AuditLog::forClient(ClientId client, int limit, int offset) const
{
    return m_database.collect(
        QStringLiteral(
            "SELECT a.id, a.at, a.user_id, u.display_name, a.action, a.entity, a.entity_id, "
            "a.client_id, a.workstation, a.detail FROM audit_log a "
            "LEFT JOIN users u ON u.id = a.user_id WHERE a.client_id = ? "
            "ORDER BY a.at DESC, a.id DESC LIMIT ? OFFSET ?"),
        {client.toVariant(), limit, offset}, [](const QSqlQuery& row) {
            AuditEntry e;
            e.id = AuditEntryId(row.value(0).toLongLong());
            e.at = SqlTime::toDateTime(row.value(1));
            e.user = UserId::fromVariant(row.value(2));
            e.userName = row.value(3).toString();
            e.action = row.value(4).toString();
            e.entity = row.value(5).toString();
            e.entityId = row.value(6).toLongLong();
            e.client = ClientId::fromVariant(row.value(7));
            e.workstation = row.value(8).toString();
            e.detail = row.value(9).toString();
            return e;
        });
}

Result<qint64> AuditLog::count(const QString& action, const QString& entity,
                               std::int64_t entityId) const
{
    auto n = m_database.scalar(
        QStringLiteral(
            "SELECT count(*) FROM audit_log WHERE action = ? AND entity = ? AND entity_id = ?"),
        {action, entity, qlonglong(entityId)});
    if (!n)
        return fail(n.error());
    return n->toLongLong();
}

} // namespace aftercare
