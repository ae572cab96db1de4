#include "repositories/feedbackrepository.h"

#include "database/database.h"
#include "database/sqltime.h"
#include "repositories/sqlvalue.h"

#include <QSqlQuery>

namespace aftercare {

namespace {

const QString kSelect = QStringLiteral("SELECT id, client_id, appointment_id, kind, score, "
                                       "comment, responded_at, source, recorded_by, created_at "
                                       "FROM feedback ");

} // namespace

FeedbackRepository::FeedbackRepository(Database& database)
    : m_database(database)
{}

Result<FeedbackId> FeedbackRepository::record(const Feedback& feedback, const Actor& actor)
{
    return m_database.write([&](TransactionGuard& tx) { return record(tx, feedback, actor); });
}

Result<FeedbackId> FeedbackRepository::record(TransactionGuard&, const Feedback& feedback,
                                              const Actor& actor)
{
    if (!feedback.client.isValid())
        return fail(Error::validation(tr("Feedback must come from a client.")));
    if (!feedback.respondedAt.isValid())
        return fail(Error::validation(tr("Feedback needs the time of the answer.")));
    auto query = m_database.run(
        QStringLiteral("INSERT INTO feedback (client_id, appointment_id, kind, score, comment, "
                       "responded_at, source, "
                       "recorded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        {feedback.client.toVariant(), feedback.appointment.toVariant(), sqlName(feedback.kind()),
         feedback.score.value(), SqlValue::text(feedback.comment),
         SqlTime::toSql(feedback.respondedAt), sqlName(feedback.source), actor.user.toVariant(),
         SqlTime::toSql(QDateTime::currentDateTime())});
    if (!query) {
        Error error = query.error();
        if (error.kind == ErrorKind::Conflict)
            error.message = tr("This client's answer of %1 is recorded already.")
                                .arg(SqlTime::toSql(feedback.respondedAt).toString());
        return fail(error);
    }
    if (!query->next())
        return fail(
            Error{ErrorKind::Database, tr("The database did not return the new answer's id.")});
    return FeedbackId(query->value(0).toLongLong());
}

Result<std::vector<Feedback>> FeedbackRepository::list(const QString& where, const QString& order,
                                                       const QVariantList& values) const
{
    auto query = m_database.run(
        kSelect + QStringLiteral("WHERE ") + where + QStringLiteral(" ORDER BY ") + order, values);
    if (!query)
        return fail(query.error());
    std::vector<Feedback> result;
    while (query->next()) {
        const auto kind = parseSqlName<FeedbackKind>(query->value(3).toString());
        const auto score =
            kind ? FeedbackScore::parse(*kind, query->value(4).toInt()) : std::nullopt;
        if (!score) // the CHECK constraint makes this unreachable unless the schema was tampered
                    // with
            return fail(Error{ErrorKind::Database,
                              tr("The database holds a score off its scale (answer %1).")
                                  .arg(query->value(0).toLongLong())});
        Feedback f(*score);
        f.id = FeedbackId(query->value(0).toLongLong());
        f.client = ClientId(query->value(1).toLongLong());
        f.appointment = AppointmentId::fromVariant(query->value(2));
        f.comment = query->value(5).toString();
        f.respondedAt = SqlTime::toDateTime(query->value(6));
        f.source = parseSqlName<FeedbackSource>(query->value(7).toString())
                       .value_or(FeedbackSource::Survey);
        f.recordedBy = UserId::fromVariant(query->value(8));
        f.createdAt = SqlTime::toDateTime(query->value(9));
        result.push_back(std::move(f));
    }
    return result;
}

Result<Feedback> FeedbackRepository::get(FeedbackId id) const
{
    auto found = list(QStringLiteral("id = ?"), QStringLiteral("id"), {id.toVariant()});
    if (!found)
        return fail(found.error());
    if (found->empty())
        return fail(Error::notFound(tr("There is no answer with the number %1.").arg(id.value())));
    return found->front();
}

Result<std::vector<Feedback>> FeedbackRepository::forClient(ClientId client) const
{
    return list(QStringLiteral("client_id = ?"), QStringLiteral("responded_at DESC, id DESC"),
                {client.toVariant()});
}

Result<std::vector<Feedback>> FeedbackRepository::inPeriod(const QDate& from, const QDate& to,
                                                           std::optional<FeedbackKind> kind) const
{
    if (!from.isValid() || !to.isValid() || to < from)
        return fail(
            Error::validation(tr("The period's first day must not lie after its last day.")));
    QString where = QStringLiteral("responded_at >= ? AND responded_at < ?");
    QVariantList values{SqlTime::toSql(from.startOfDay()),
                        SqlTime::toSql(to.addDays(1).startOfDay())};
    if (kind) {
        where += QStringLiteral(" AND kind = ?");
        values << sqlName(*kind);
    }
    return list(where, QStringLiteral("responded_at, id"), values);
}

} // namespace aftercare
