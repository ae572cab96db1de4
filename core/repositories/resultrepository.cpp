#include "repositories/resultrepository.h"

#include "aftercare/followupplanner.h"
#include "auth/permissions.h"
#include "database/database.h"
#include "database/sqltime.h"
#include "repositories/sqlvalue.h"
#include "repositories/staleedit.h"

#include <QSqlQuery>

#include <algorithm>

namespace aftercare {

namespace {

const QString kTable = QStringLiteral("test_results");

const QString kStatusColumns =
    QStringLiteral("id, client_id, appointment_id, test_name, received_at, status, "
                   "CASE WHEN summary_signed_at IS NULL THEN 0 ELSE 1 END, reviewed_at, "
                   "communicated_at, communicated_channel, "
                   "row_version");

ResultId resultIdFromRow(const QSqlQuery& q)
{
    return ResultId(q.value(0).toLongLong());
}

ResultStatusView statusFromRow(const QSqlQuery& q)
{
    ResultStatusView v;
    v.id = ResultId(q.value(0).toLongLong());
    v.client = ClientId(q.value(1).toLongLong());
    v.appointment = AppointmentId::fromVariant(q.value(2));
    v.testName = q.value(3).toString();
    v.receivedAt = SqlTime::toDateTime(q.value(4));
    v.status = parseSqlName<ResultStatus>(q.value(5).toString()).value_or(ResultStatus::Received);
    v.summarySigned = q.value(6).toInt() == 1;
    v.reviewedAt = SqlTime::toDateTime(q.value(7));
    v.communicatedAt = SqlTime::toDateTime(q.value(8));
    v.communicatedChannel = parseSqlName<Channel>(q.value(9).toString());
    v.rowVersion = q.value(10).toInt();
    return v;
}

std::optional<double> optionalDouble(const QVariant& value)
{
    return value.isNull() ? std::nullopt : std::optional<double>(value.toDouble());
}

QVariant doubleOrNull(std::optional<double> value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<double>());
}

} // namespace

ResultRepository::ResultRepository(Database& database)
    : m_database(database)
    , m_audit(database)
{}

QString ResultRepository::statusText(ResultStatus status) const
{
    switch (status) {
    case ResultStatus::Received:
        return tr("received, not yet reviewed");
    case ResultStatus::Reviewed:
        return tr("reviewed, not yet communicated");
    case ResultStatus::Communicated:
        return tr("communicated");
    }
    return {};
}

Status ResultRepository::validate(const TestResult& draft) const
{
    if (!draft.client.isValid())
        return fail(Error::validation(tr("A result must belong to a client.")));
    if (draft.testName.trimmed().isEmpty())
        return fail(Error::validation(tr("A result needs the name of the test.")));
    if (!draft.receivedAt.isValid())
        return fail(Error::validation(tr("A result needs the time it was received.")));
    for (const ResultValue& value : draft.values) {
        if (!value.numeric && value.text.trimmed().isEmpty())
            return fail(Error::validation(tr("Each value of a result needs a number or a text.")));
        if (value.referenceLow && value.referenceHigh && *value.referenceLow > *value.referenceHigh)
            return fail(Error::validation(
                tr("The lower end of a reference range lies above its upper end.")));
    }
    return {};
}

Result<ResultId> ResultRepository::create(const TestResult& draft, const Actor& actor)
{
    return m_database.write([&](TransactionGuard& tx) { return create(tx, draft, actor); });
}

Result<ResultId> ResultRepository::create(TransactionGuard& tx, const TestResult& draft,
                                          const Actor& actor)
{
    if (auto valid = validate(draft); !valid)
        return fail(valid.error());
    std::vector<ResultValue> values = draft.values;
    bool anyAbnormal = false;
    for (ResultValue& value : values) {
        if (!value.abnormal)
            value.abnormal = value.outsideReferenceRange();
        anyAbnormal = anyAbnormal || value.abnormal.value_or(false);
    }
    const bool abnormal = draft.abnormal.value_or(anyAbnormal);

    auto query = m_database.run(
        QStringLiteral(
            "INSERT INTO test_results (client_id, appointment_id, test_name, received_at, "
            "abnormal, "
            "formal_report, summary, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        {draft.client.toVariant(), draft.appointment.toVariant(), draft.testName.trimmed(),
         SqlTime::toSql(draft.receivedAt), abnormal, SqlValue::text(draft.formalReport),
         SqlValue::text(draft.summary), SqlTime::toSql(QDateTime::currentDateTime())});
    if (!query) {
        Error error = query.error();
        if (error.kind == ErrorKind::Conflict)
            error.message =
                tr("This client's %1 received at %2 is recorded already.")
                    .arg(draft.testName.trimmed(), SqlTime::toSql(draft.receivedAt).toString());
        return fail(error);
    }
    if (!query->next())
        return fail(
            Error{ErrorKind::Database, tr("The database did not return the new result's id.")});
    const ResultId id(query->value(0).toLongLong());

    auto insert = m_database.prepare(
        QStringLiteral("INSERT INTO result_values (result_id, position, analyte, value_numeric, "
                       "value_text, unit, reference_low, "
                       "reference_high, abnormal) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    if (!insert)
        return fail(insert.error());
    for (std::size_t i = 0; i < values.size(); ++i) {
        const ResultValue& v = values[i];
        const QVariant flag =
            v.abnormal ? QVariant(*v.abnormal) : QVariant(QMetaType::fromType<bool>());
        if (auto done = m_database.execute(
                *insert,
                {id.toVariant(), int(i),
                 v.analyte.trimmed().isEmpty() ? draft.testName.trimmed() : v.analyte.trimmed(),
                 doubleOrNull(v.numeric),
                 v.text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(v.text),
                 SqlValue::text(v.unit), doubleOrNull(v.referenceLow),
                 doubleOrNull(v.referenceHigh), flag});
            !done)
            return fail(done.error());
    }
    if (auto logged = m_audit.record(tx, actor, QStringLiteral("result.create"), kTable, id.value(),
                                     draft.client);
        !logged)
        return fail(logged.error());
    return id;
}

Result<std::vector<ResultStatusView>> ResultRepository::statusList(const QString& where,
                                                                   const QString& order,
                                                                   const QVariantList& values) const
{
    return m_database.collect(QStringLiteral("SELECT %1 FROM test_results WHERE %2 ORDER BY %3")
                                  .arg(kStatusColumns, where, order),
                              values, statusFromRow);
}

Result<ResultStatusView> ResultRepository::status(ResultId id) const
{
    auto found = statusList(QStringLiteral("id = ?"), QStringLiteral("id"), {id.toVariant()});
    if (!found)
        return fail(found.error());
    if (found->empty())
        return fail(Error::notFound(tr("There is no result with the number %1.").arg(id.value())));
    return found->front();
}

Result<std::vector<ResultStatusView>> ResultRepository::statusesForClient(ClientId client) const
{
    return statusList(QStringLiteral("client_id = ?"), QStringLiteral("received_at DESC, id DESC"),
                      {client.toVariant()});
}

Result<std::vector<ResultStatusView>> ResultRepository::withStatus(ResultStatus status, int limit,
                                                                   int offset) const
{
    return statusList(QStringLiteral("status = ?"),
                      QStringLiteral("received_at, id LIMIT ? OFFSET ?"),
                      {sqlName(status), limit, offset});
}

Result<TestResult> ResultRepository::load(ResultId id) const
{
    auto query = m_database.run(
        QStringLiteral(
            "SELECT id, client_id, appointment_id, test_name, received_at, abnormal, "
            "abnormal_confirmed_by, "
            "formal_report, summary, summary_signed_by, summary_signed_at, status, reviewed_by, "
            "reviewed_at, communicated_by, communicated_at, communicated_channel, created_at, "
            "row_version "
            "FROM test_results WHERE id = ?"),
        {id.toVariant()});
    if (!query)
        return fail(query.error());
    if (!query->next())
        return fail(Error::notFound(tr("There is no result with the number %1.").arg(id.value())));
    TestResult r;
    r.id = ResultId(query->value(0).toLongLong());
    r.client = ClientId(query->value(1).toLongLong());
    r.appointment = AppointmentId::fromVariant(query->value(2));
    r.testName = query->value(3).toString();
    r.receivedAt = SqlTime::toDateTime(query->value(4));
    r.abnormal = query->value(5).toBool();
    r.abnormalConfirmedBy = UserId::fromVariant(query->value(6));
    r.formalReport = query->value(7).toString();
    r.summary = query->value(8).toString();
    r.summarySignedBy = UserId::fromVariant(query->value(9));
    r.summarySignedAt = SqlTime::toDateTime(query->value(10));
    r.status =
        parseSqlName<ResultStatus>(query->value(11).toString()).value_or(ResultStatus::Received);
    r.reviewedBy = UserId::fromVariant(query->value(12));
    r.reviewedAt = SqlTime::toDateTime(query->value(13));
    r.communicatedBy = UserId::fromVariant(query->value(14));
    r.communicatedAt = SqlTime::toDateTime(query->value(15));
    r.communicatedChannel = parseSqlName<Channel>(query->value(16).toString());
    r.createdAt = SqlTime::toDateTime(query->value(17));
    r.rowVersion = query->value(18).toInt();

    auto values = m_database.collect(
        QStringLiteral("SELECT analyte, value_numeric, value_text, unit, reference_low, "
                       "reference_high, abnormal FROM result_values WHERE result_id = ? "
                       "ORDER BY position"),
        {id.toVariant()}, [](const QSqlQuery& row) {
            ResultValue v;
            v.analyte = row.value(0).toString();
            v.numeric = optionalDouble(row.value(1));
            v.text = row.value(2).toString();
            v.unit = row.value(3).toString();
            v.referenceLow = optionalDouble(row.value(4));
            v.referenceHigh = optionalDouble(row.value(5));
            if (!row.value(6).isNull())
                v.abnormal = row.value(6).toBool();
            return v;
        });
    if (!values)
        return fail(values.error());
    r.values = std::move(*values);
    return r;
}

Result<TestResult> ResultRepository::content(ResultId id, const Actor& actor)
{
    if (auto allowed = Permissions::require(actor, Permission::ReadClinicalContent); !allowed)
        return fail(allowed.error());
    return m_database.write([&](TransactionGuard& tx) -> Result<TestResult> {
        auto result = load(id);
        if (!result)
            return result;
        if (auto logged = m_audit.record(tx, actor, QLatin1String(kViewAction), kTable, id.value(),
                                         result->client);
            !logged)
            return fail(logged.error());
        return result;
    });
}

Result<QDateTime> ResultRepository::discussedAt(ResultId id) const
{
    auto at = m_database.scalar(
        QStringLiteral("SELECT max(a.attempted_at) FROM call_attempts a JOIN followup_tasks t "
                       "ON t.id = a.task_id WHERE t.result_id = ? AND a.outcome = ?"),
        {id.toVariant(), sqlName(CallOutcome::Reached)});
    if (!at)
        return fail(at.error());
    return SqlTime::toDateTime(*at);
}

Result<std::vector<DiscussedResult>> ResultRepository::loadViewed(TransactionGuard& tx,
                                                                  const std::vector<ResultId>& ids,
                                                                  const Actor& actor,
                                                                  const QString& detail)
{
    std::vector<DiscussedResult> loaded;
    loaded.reserve(ids.size());
    for (const ResultId id : ids) {
        auto result = load(id);
        if (!result)
            return fail(result.error());
        auto discussed = discussedAt(id);
        if (!discussed)
            return fail(discussed.error());
        if (auto logged = m_audit.record(tx, actor, QLatin1String(kViewAction), kTable, id.value(),
                                         result->client, detail);
            !logged)
            return fail(logged.error());
        loaded.push_back({std::move(*result), *discussed});
    }
    return loaded;
}

Result<std::vector<DiscussedResult>> ResultRepository::earlierResults(const TestResult& result,
                                                                      const Actor& actor, int limit)
{
    if (auto allowed = Permissions::require(actor, Permission::ReadClinicalContent); !allowed)
        return fail(allowed.error());
    return m_database.write([&](TransactionGuard& tx) -> Result<std::vector<DiscussedResult>> {
        auto ids = m_database.collect(
            QStringLiteral("SELECT id FROM test_results WHERE client_id = ? AND test_name = ? "
                           "AND received_at < ? AND id <> ? ORDER BY received_at DESC, id DESC "
                           "LIMIT ?"),
            {result.client.toVariant(), result.testName, SqlTime::toSql(result.receivedAt),
             result.id.toVariant(), limit},
            resultIdFromRow);
        if (!ids)
            return fail(ids.error());
        return loadViewed(tx, *ids, actor,
                          QStringLiteral("earlier result beside %1").arg(result.id.value()));
    });
}

Result<std::vector<DiscussedResult>> ResultRepository::contentForClient(ClientId client,
                                                                        const Actor& actor)
{
    if (auto allowed = Permissions::require(actor, Permission::ReadClinicalContent); !allowed)
        return fail(allowed.error());
    return m_database.write([&](TransactionGuard& tx) -> Result<std::vector<DiscussedResult>> {
        auto ids =
            m_database.collect(QStringLiteral("SELECT id FROM test_results WHERE client_id = "
                                              "? ORDER BY received_at DESC, id DESC"),
                               {client.toVariant()}, resultIdFromRow);
        if (!ids)
            return fail(ids.error());
        return loadViewed(tx, *ids, actor, QStringLiteral("clinical profile"));
    });
}

Status ResultRepository::change(TestResult& result, std::initializer_list<ResultStatus> allowedFrom,
                                const QString& refusal, const QString& assignments,
                                const QVariantList& values, const Actor& actor,
                                const QString& auditAction,
                                const std::function<Status()>& alongside)
{
    if (auto allowed = Permissions::require(actor, Permission::WriteClinicalContent); !allowed)
        return allowed;
    TestResult saved; // handed to the caller only once the transaction committed
    auto done = m_database.write([&](TransactionGuard& tx) -> Status {
        auto current = m_database.run(
            QStringLiteral("SELECT status, row_version, client_id FROM test_results WHERE id = ?"),
            {result.id.toVariant()});
        if (!current)
            return fail(current.error());
        if (!current->next())
            return fail(Error::notFound(
                tr("There is no result with the number %1.").arg(result.id.value())));
        if (current->value(1).toInt() != result.rowVersion)
            return fail(StaleEdit::explain(m_database, kTable, result.id.value(), tr("result")));
        const ResultStatus status = parseSqlName<ResultStatus>(current->value(0).toString())
                                        .value_or(ResultStatus::Received);
        if (std::find(allowedFrom.begin(), allowedFrom.end(), status) == allowedFrom.end())
            return fail(Error::validation(refusal.arg(statusText(status))));
        const ClientId client(current->value(2).toLongLong());
        if (alongside) {
            if (auto done = alongside(); !done)
                return done;
        }

        QVariantList all = values;
        all << result.id.toVariant() << result.rowVersion;
        auto query = m_database.run(
            QStringLiteral("UPDATE test_results SET %1, row_version = row_version + 1 "
                           "WHERE id = ? AND row_version = ?")
                .arg(assignments),
            all);
        if (!query)
            return fail(query.error());
        if (query->numRowsAffected() != 1)
            return fail(StaleEdit::explain(m_database, kTable, result.id.value(), tr("result")));
        if (auto logged = m_audit.record(tx, actor, auditAction, kTable, result.id.value(), client);
            !logged)
            return logged;
        // The after-care work follows the result's lifecycle at once: a result confirmed
        // abnormal is to be discussed, one communicated closes its tasks.
        if (auto planned = FollowUpPlanner(m_database).onResultRecorded(tx, result.id, actor);
            !planned)
            return fail(planned.error());
        // The caller holds the content already; refresh it without logging another view.
        auto fresh = load(result.id);
        if (!fresh)
            return fail(fresh.error());
        saved = std::move(*fresh);
        return {};
    });
    if (done)
        result = std::move(saved);
    return done;
}

Status ResultRepository::signOffSummary(TestResult& result, const QString& summary,
                                        const Actor& actor)
{
    if (summary.trimmed().isEmpty())
        return fail(Error::validation(tr("A summary to sign off must not be empty.")));
    const QVariant now = SqlTime::toSql(QDateTime::currentDateTime());
    return change(
        result, {ResultStatus::Received, ResultStatus::Reviewed},
        tr("This result was %1; its summary changes only as a new version, with the reason."),
        QStringLiteral("summary = ?, summary_signed_by = ?, summary_signed_at = ?"),
        {summary, actor.user.toVariant(), now}, actor, QStringLiteral("result.sign_off"),
        [&] { return addSummaryVersion(result.id, summary, actor, now, QString()); });
}

Status ResultRepository::reviseSummary(TestResult& result, const QString& summary,
                                       const QString& reason, const Actor& actor)
{
    if (summary.trimmed().isEmpty())
        return fail(Error::validation(tr("A summary to sign off must not be empty.")));
    if (reason.trimmed().isEmpty())
        return fail(
            Error::validation(tr("The client was told this summary already: say why it changes.")));
    if (summary.trimmed() == result.summary.trimmed())
        return fail(Error::validation(tr("The summary is unchanged; there is no new version "
                                         "to keep.")));
    const QVariant now = SqlTime::toSql(QDateTime::currentDateTime());
    return change(
        result, {ResultStatus::Communicated},
        tr("This result is %1; sign off its summary instead."),
        QStringLiteral("summary = ?, summary_signed_by = ?, summary_signed_at = ?"),
        {summary, actor.user.toVariant(), now}, actor, QStringLiteral("result.revise_summary"),
        [&] { return addSummaryVersion(result.id, summary, actor, now, reason.trimmed()); });
}

Status ResultRepository::addSummaryVersion(ResultId id, const QString& summary, const Actor& actor,
                                           const QVariant& signedAt, const QString& reason)
{
    auto current = m_database.run(
        QStringLiteral("SELECT summary, summary_signed_at FROM test_results WHERE id = ?"),
        {id.toVariant()});
    if (!current)
        return fail(current.error());
    if (!current->next())
        return fail(Error::notFound(tr("There is no result with the number %1.").arg(id.value())));
    // Signing off the text that is signed off already adds nothing to keep.
    if (!current->value(1).isNull() && current->value(0).toString() == summary)
        return {};
    // A summary signed off before versions were kept (or written by an import or the demo)
    // becomes version 1 before anything replaces it.
    if (auto kept = m_database.run(
            QStringLiteral("INSERT INTO result_summary_versions (result_id, version, summary, "
                           "signed_by, signed_at) SELECT id, 1, summary, summary_signed_by, "
                           "summary_signed_at FROM test_results WHERE id = ? AND "
                           "summary_signed_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "
                           "result_summary_versions WHERE result_id = ?)"),
            {id.toVariant(), id.toVariant()});
        !kept)
        return fail(kept.error());
    auto next = m_database.scalar(QStringLiteral("SELECT coalesce(max(version), 0) + 1 FROM "
                                                 "result_summary_versions WHERE result_id = ?"),
                                  {id.toVariant()});
    if (!next)
        return fail(next.error());
    return toStatus(m_database.run(
        QStringLiteral("INSERT INTO result_summary_versions (result_id, version, summary, "
                       "signed_by, signed_at, reason) VALUES (?, ?, ?, ?, ?, ?)"),
        {id.toVariant(), next->toInt(), summary, actor.user.toVariant(), signedAt,
         SqlValue::text(reason)}));
}

Result<std::vector<SummaryVersion>> ResultRepository::summaryVersions(const TestResult& result,
                                                                      const Actor& actor)
{
    if (auto allowed = Permissions::require(actor, Permission::ReadClinicalContent); !allowed)
        return fail(allowed.error());
    return m_database.write([&](TransactionGuard& tx) -> Result<std::vector<SummaryVersion>> {
        auto stored = m_database.collect(
            QStringLiteral("SELECT v.version, v.summary, v.signed_by, u.display_name, "
                           "v.signed_at, v.reason FROM result_summary_versions v "
                           "LEFT JOIN users u ON u.id = v.signed_by WHERE v.result_id = ? "
                           "ORDER BY v.version"),
            {result.id.toVariant()}, [](const QSqlQuery& row) {
                SummaryVersion v;
                v.version = row.value(0).toInt();
                v.summary = row.value(1).toString();
                v.signedBy = UserId::fromVariant(row.value(2));
                v.signedByName = row.value(3).toString();
                v.signedAt = SqlTime::toDateTime(row.value(4));
                v.reason = row.value(5).toString();
                return v;
            });
        if (!stored)
            return fail(stored.error());
        std::vector<SummaryVersion> versions = std::move(*stored);
        if (versions.empty()) {
            // Signed off before versions were kept: the result's own summary is version 1.
            auto signedOff = m_database.run(
                QStringLiteral("SELECT r.summary, r.summary_signed_by, u.display_name, "
                               "r.summary_signed_at FROM test_results r LEFT JOIN users u ON "
                               "u.id = r.summary_signed_by WHERE r.id = ? AND "
                               "r.summary_signed_at IS NOT NULL"),
                {result.id.toVariant()});
            if (!signedOff)
                return fail(signedOff.error());
            if (signedOff->next()) {
                SummaryVersion v;
                v.version = 1;
                v.summary = signedOff->value(0).toString();
                v.signedBy = UserId::fromVariant(signedOff->value(1));
                v.signedByName = signedOff->value(2).toString();
                v.signedAt = SqlTime::toDateTime(signedOff->value(3));
                versions.push_back(std::move(v));
            }
        }
        if (auto logged =
                m_audit.record(tx, actor, QLatin1String(kViewAction), kTable, result.id.value(),
                               result.client, QStringLiteral("summary versions"));
            !logged)
            return fail(logged.error());
        return versions;
    });
}

Status ResultRepository::confirmAbnormal(TestResult& result, bool abnormal, const Actor& actor)
{
    return change(result, {ResultStatus::Received, ResultStatus::Reviewed},
                  tr("This result was %1; its abnormal flag can no longer be changed."),
                  QStringLiteral("abnormal = ?, abnormal_confirmed_by = ?"),
                  {abnormal, actor.user.toVariant()}, actor,
                  QStringLiteral("result.confirm_abnormal"));
}

Status ResultRepository::markReviewed(TestResult& result, const Actor& actor, const QDateTime& at)
{
    return change(
        result, {ResultStatus::Received},
        tr("This result is %1; only a received result can be reviewed."),
        QStringLiteral("status = 'reviewed', reviewed_by = ?, reviewed_at = ?"),
        {actor.user.toVariant(), SqlTime::toSql(at.isValid() ? at : QDateTime::currentDateTime())},
        actor, QStringLiteral("result.review"));
}

Status ResultRepository::markCommunicated(TestResult& result, Channel channel, const Actor& actor,
                                          const QDateTime& at)
{
    return change(
        result, {ResultStatus::Reviewed},
        tr("This result is %1; a result is communicated after it was reviewed."),
        QStringLiteral("status = 'communicated', communicated_by = ?, communicated_at = ?, "
                       "communicated_channel = ?"),
        {actor.user.toVariant(), SqlTime::toSql(at.isValid() ? at : QDateTime::currentDateTime()),
         sqlName(channel)},
        actor, QStringLiteral("result.communicate"));
}

} // namespace aftercare
