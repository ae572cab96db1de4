#include "repositories/staleedit.h"

#include "database/database.h"
#include "database/sqltime.h"
#include "domain/clocktime.h"

#include <QLocale>

namespace aftercare {

Error StaleEdit::explain(const Database& database, const QString& table, std::int64_t id,
                         const QString& what)
{
    const bool tracksEditor = table == QLatin1String("appointments") ||
                              table == QLatin1String("clients") ||
                              table == QLatin1String("summary_templates");
    const QString sql =
        tracksEditor
            ? QStringLiteral("SELECT t.row_version, t.updated_at, u.display_name FROM %1 t "
                             "LEFT JOIN users u ON u.id = t.updated_by WHERE t.id = ?")
                  .arg(table)
            : QStringLiteral("SELECT row_version FROM %1 WHERE id = ?").arg(table);
    auto query = database.run(sql, {qlonglong(id)});
    if (!query)
        return query.error();
    if (!query->next())
        return Error::notFound(
            tr("The %1 no longer exists; someone may have removed it.").arg(what));
    if (tracksEditor && !query->value(1).isNull()) {
        const QString who = query->value(2).toString().isEmpty() ? tr("another workstation")
                                                                 : query->value(2).toString();
        const QString when = clockDateTimeText(SqlTime::toDateTime(query->value(1)));
        return Error::conflict(
            tr("%1 changed this %2 at %3 while you were editing it. Nothing was "
               "overwritten: reload to see their change, then apply yours again.")
                .arg(who, what, when));
    }
    return Error::conflict(tr("Someone else changed this %1 while you were editing it. Nothing was "
                              "overwritten: reload to see their change, then apply yours again.")
                               .arg(what));
}

} // namespace aftercare
