#include "repositories/touchpointrepository.h"

#include "auth/permissions.h"
#include "database/database.h"
#include "database/sqltime.h"
#include "domain/feedbackscore.h"
#include "repositories/sqlvalue.h"

#include <QSqlQuery>

namespace aftercare {

TouchpointRepository::TouchpointRepository(Database& database)
    : m_database(database)
{}

Result<TouchpointId> TouchpointRepository::record(const Touchpoint& touchpoint, const Actor& actor)
{
    return m_database.write([&](TransactionGuard& tx) { return record(tx, touchpoint, actor); });
}

Result<TouchpointId> TouchpointRepository::record(TransactionGuard&, const Touchpoint& t,
                                                  const Actor& actor)
{
    if (!t.client.isValid())
        return fail(Error::validation(tr("A touchpoint must concern a client.")));
    if (t.kind.trimmed().isEmpty())
        return fail(Error::validation(tr("A touchpoint needs a kind.")));
    auto query = m_database.run(
        QStringLiteral(
            "INSERT INTO touchpoints (client_id, occurred_at, stage, channel, kind, outcome, "
            "appointment_id, by_user, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        {t.client.toVariant(),
         SqlTime::toSql(t.occurredAt.isValid() ? t.occurredAt : QDateTime::currentDateTime()),
         sqlName(t.stage), sqlName(t.channel), t.kind.trimmed(), SqlValue::text(t.outcome),
         t.appointment.toVariant(), (t.by.isValid() ? t.by : actor.user).toVariant(),
         SqlValue::text(t.notes)});
    if (!query)
        return fail(query.error());
    if (!query->next())
        return fail(
            Error{ErrorKind::Database, tr("The database did not return the new touchpoint's id.")});
    return TouchpointId(query->value(0).toLongLong());
}

namespace {

// A touchpoint of kind 'feedback' that only says an answer came in, where the answer itself
// is in feedback (the demo practice writes both): the answer is shown instead.
const QString kAnswerNoted = QStringLiteral(
    "tp.kind = 'feedback' AND EXISTS (SELECT 1 FROM feedback f WHERE f.client_id = tp.client_id "
    "AND f.responded_at = tp.occurred_at)");

} // namespace

Result<std::vector<Touchpoint>> TouchpointRepository::timeline(ClientId client, int limit,
                                                               int offset) const
{
    return history(client, limit, offset, false);
}

Result<std::vector<Touchpoint>> TouchpointRepository::timeline(const Actor& reader, ClientId client,
                                                               int limit, int offset) const
{
    return history(client, limit, offset, allows(reader.role, Permission::ReadClinicalContent));
}

Result<std::vector<Touchpoint>> TouchpointRepository::history(ClientId client, int limit,
                                                              int offset, bool callNotes) const
{
    // The history is the touchpoints and every answer the client gave: answers are recorded
    // in feedback (by a survey, a call, at the desk or by an import), which need not write a
    // touchpoint, so they are read from there. A call's notes are its attempt's, found by
    // its task and time; they say how a patient is, so only a clinician reads them here.
    const QString notes =
        callNotes ? QStringLiteral(
                        "CASE WHEN tp.notes <> '' THEN tp.notes ELSE coalesce((SELECT ca.notes "
                        "FROM call_attempts ca JOIN followup_tasks ft ON ft.id = ca.task_id "
                        "WHERE ft.client_id = tp.client_id AND ft.kind = tp.kind "
                        "AND ca.attempted_at = tp.occurred_at ORDER BY ca.id LIMIT 1), '') END")
                  : QStringLiteral("tp.notes");
    auto query = m_database.run(
        QStringLiteral(
            "SELECT id, occurred_at, stage, channel, kind, outcome, appointment_id, by_user, "
            "notes, answer_kind, answer_score FROM ("
            "SELECT tp.id, tp.occurred_at, tp.stage, tp.channel, tp.kind, tp.outcome, "
            "tp.appointment_id, tp.by_user, %2 AS notes, NULL AS answer_kind, NULL AS "
            "answer_score, 0 AS source "
            "FROM touchpoints tp WHERE tp.client_id = ? AND NOT (%1) "
            "UNION ALL "
            "SELECT f.id, f.responded_at, 'after', CASE f.source WHEN 'call' THEN 'phone' "
            "WHEN 'paper' THEN 'in_person' ELSE coalesce((SELECT tp.channel FROM touchpoints tp "
            "WHERE tp.client_id = f.client_id AND tp.kind = 'feedback' AND tp.occurred_at = "
            "f.responded_at ORDER BY tp.id LIMIT 1), c.preferred_channel) END, 'feedback', '', "
            "f.appointment_id, f.recorded_by, f.comment, f.kind, f.score, 1 "
            "FROM feedback f JOIN clients c ON c.id = f.client_id WHERE f.client_id = ?"
            ") history ORDER BY occurred_at DESC, source DESC, id DESC LIMIT ? OFFSET ?")
            .arg(kAnswerNoted, notes),
        {client.toVariant(), client.toVariant(), limit, offset});
    if (!query)
        return fail(query.error());
    std::vector<Touchpoint> result;
    while (query->next()) {
        Touchpoint t;
        const auto answerKind = parseSqlName<FeedbackKind>(query->value(9).toString());
        if (!answerKind) // an answer is not a touchpoint and has no touchpoint id
            t.id = TouchpointId(query->value(0).toLongLong());
        t.client = client;
        t.occurredAt = SqlTime::toDateTime(query->value(1));
        t.stage =
            parseSqlName<JourneyStage>(query->value(2).toString()).value_or(JourneyStage::During);
        t.channel = parseSqlName<Channel>(query->value(3).toString()).value_or(Channel::Email);
        t.kind = query->value(4).toString();
        t.outcome = query->value(5).toString();
        if (answerKind)
            t.outcome = tr("%1 %2 of %3")
                            .arg(*answerKind == FeedbackKind::Nps ? tr("NPS") : tr("CSAT"))
                            .arg(query->value(10).toInt())
                            .arg(FeedbackScore::maximum(*answerKind));
        t.appointment = AppointmentId::fromVariant(query->value(6));
        t.by = UserId::fromVariant(query->value(7));
        t.notes = query->value(8).toString();
        result.push_back(std::move(t));
    }
    return result;
}

Result<qint64> TouchpointRepository::count(ClientId client) const
{
    auto n = m_database.scalar(
        QStringLiteral("SELECT (SELECT count(*) FROM touchpoints tp WHERE tp.client_id = ? AND "
                       "NOT (%1)) + (SELECT count(*) FROM feedback WHERE client_id = ?)")
            .arg(kAnswerNoted),
        {client.toVariant(), client.toVariant()});
    if (!n)
        return fail(n.error());
    return n->toLongLong();
}

} // namespace aftercare
