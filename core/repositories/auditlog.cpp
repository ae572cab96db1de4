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
    auto query = m_database.run(
        QStringLiteral(
            "SELECT a.id, a.at, a.user_id, u.display_name, a.action, a.entity, a.entity_id, "
            "a.client_id, a.workstation, a.detail FROM audit_log a "
            "LEFT JOIN users u ON u.id = a.user_id WHERE a.client_id = ? "
            "ORDER BY a.at DESC, a.id DESC LIMIT ? OFFSET ?"),
        {client.toVariant(), limit, offset});
    if (!query)
        return fail(query.error());
    std::vector<AuditEntry> entries;
    while (query->next()) {
        AuditEntry e;
        e.id = AuditEntryId(query->value(0).toLongLong());
        e.at = SqlTime::toDateTime(query->value(1));
        e.user = UserId::fromVariant(query->value(2));
        e.userName = query->value(3).toString();
        e.action = query->value(4).toString();
        e.entity = query->value(5).toString();
        e.entityId = query->value(6).toLongLong();
        e.client = ClientId::fromVariant(query->value(7));
        e.workstation = query->value(8).toString();
        e.detail = query->value(9).toString();
        entries.push_back(std::move(e));
    }
    return entries;
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
