#include "aftercare/followupplanner.h"

#include "aftercare/deadlines.h"
#include "aftercare/practicezone.h"
#include "aftercare/sourcekey.h"
#include "database/database.h"
#include "database/sqltime.h"
#include "domain/feedbackscore.h"
#include "repositories/followuptaskrepository.h"
#include "repositories/practicesettingsrepository.h"
#include "repositories/servicetyperepository.h"

#include <QSqlQuery>

#include <algorithm>

namespace aftercare {

namespace {

// The practitioner's own account, when active, for tasks about a visit `a`.
const QString kAssigneeJoin =
    QStringLiteral(" LEFT JOIN practitioners p ON p.id = a.practitioner_id "
                   "LEFT JOIN users u ON u.id = p.user_id AND u.active ");

const QString kActiveStatuses = activeBookingStatusesSql();

// True when a task of `kind` exists for the row named by `link` (e.g. r.id) in `column`.
QString covered(TaskKind kind, const QString& column, const QString& link)
{
    return QStringLiteral("EXISTS (SELECT 1 FROM followup_tasks t WHERE t.%1 = %2 AND t.kind = "
                          "'%3')")
        .arg(column, link, sqlName(kind));
}

// True when the unhappy answer f is already in a recovery case: one call-back per complaint,
// whatever became of it (open, done, or handed over to a letter). A case covers
// - its own answer (whatever the task's source key, e.g. an imported one);
// - the client's other answers about the same visit: the CSAT and NPS questions of one survey,
//   or the score taken in the call-back itself, are one complaint;
// - without a visit, the client's answers given at the same moment (one survey), and those
//   given while the case was open or in the call that closed it.
QString recoveryCovered()
{
    return QStringLiteral("EXISTS (SELECT 1 FROM followup_tasks t WHERE t.kind = '%1' "
                          "AND (t.feedback_id = f.id "
                          "OR (t.client_id = f.client_id AND f.appointment_id IS NOT NULL "
                          "AND t.appointment_id = f.appointment_id) "
                          "OR (t.client_id = f.client_id AND f.appointment_id IS NULL "
                          "AND (EXISTS (SELECT 1 FROM feedback g WHERE g.id = t.feedback_id "
                          "AND g.responded_at = f.responded_at) "
                          "OR (t.created_at <= f.responded_at "
                          "AND (t.status = 'open' OR f.responded_at <= t.done_at))))))")
        .arg(sqlName(TaskKind::DetractorCallback));
}

// The highest score of `kind` that makes a detractor (FeedbackScore::isDetractor).
int highestDetractorScore(FeedbackKind kind)
{
    return FeedbackBands::detractorUpTo(kind);
}

QDateTime later(const QDateTime& a, const QDateTime& b)
{
    if (!a.isValid())
        return b;
    if (!b.isValid())
        return a;
    return std::max(a, b);
}

// The earliest reason time whose task can still be news: after `from` (incremental) and
// with a deadline not before staleBefore, `windowDays` being the longest reason-to-deadline.
QDateTime lowerBound(const QDateTime& from, const QDateTime& staleBefore, int windowDays)
{
    return later(from, staleBefore.isValid() ? staleBefore.addDays(-windowDays - 1) : QDateTime());
}

std::size_t kindIndex(TaskKind kind)
{
    const auto kinds = allOf<TaskKind>();
    return std::size_t(std::find(kinds.begin(), kinds.end(), kind) - kinds.begin());
}

} // namespace

struct FollowUpPlanner::Candidate
{
    FollowUpTask draft;
    QDateTime reasonTime;      // receipt, answer, or the visit's end
    std::optional<int> policy; // check-in days or rebook weeks
};

FollowUpPlanner::Scope FollowUpPlanner::since(const QString& column, const QDateTime& bound)
{
    if (!bound.isValid())
        return {};
    return {QStringLiteral(" AND %1 >= ?").arg(column), {SqlTime::toSql(bound)}};
}

FollowUpPlanner::Scope FollowUpPlanner::only(const QString& column, qint64 id)
{
    return {QStringLiteral(" AND %1 = ?").arg(column), {qlonglong(id)}};
}

int FollowUpPlanner::Report::createdOf(TaskKind kind) const
{
    const std::size_t i = kindIndex(kind);
    return i < createdByKind.size() ? createdByKind[i] : 0;
}

FollowUpPlanner::FollowUpPlanner(Database& database)
    : m_database(database)
{}

Result<Deadlines> FollowUpPlanner::deadlines() const
{
    auto zone = practiceTimeZone(PracticeSettingsRepository(m_database));
    if (!zone)
        return fail(zone.error());
    return Deadlines(*zone);
}

Result<QDateTime> FollowUpPlanner::plannedUntil() const
{
    auto value = PracticeSettingsRepository(m_database).setting(kWatermarkKey);
    if (!value)
        return fail(value.error());
    return SqlTime::toDateTime(*value);
}

Result<std::vector<FollowUpPlanner::Candidate>>
FollowUpPlanner::resultCandidates(const Scope& scope) const
{
    // Discussed means communicated by phone or in person; a letter is not a conversation.
    const QString discuss =
        QStringLiteral("r.abnormal AND NOT (r.status = 'communicated' AND "
                       "r.communicated_channel IN ('phone', 'in_person')) AND NOT %1")
            .arg(covered(TaskKind::DiscussResult, QStringLiteral("result_id"),
                         QStringLiteral("r.id")));
    const QString communicate =
        QStringLiteral("r.status <> 'communicated' AND NOT %1")
            .arg(covered(TaskKind::CommunicateResult, QStringLiteral("result_id"),
                         QStringLiteral("r.id")));
    auto query = m_database.run(
        QStringLiteral("SELECT r.id, r.client_id, r.received_at, r.appointment_id, u.id, "
                       "CASE WHEN %1 THEN 1 ELSE 0 END, CASE WHEN %2 THEN 1 ELSE 0 END "
                       "FROM test_results r LEFT JOIN appointments a ON a.id = r.appointment_id"
                       "%3 WHERE ((%1) OR (%2))%4")
            .arg(discuss, communicate, kAssigneeJoin, scope.sql),
        scope.values);
    if (!query)
        return fail(query.error());
    std::vector<Candidate> candidates;
    while (query->next()) {
        const ResultId result(query->value(0).toLongLong());
        Candidate c;
        c.draft.client = ClientId(query->value(1).toLongLong());
        c.draft.result = result;
        c.draft.appointment = AppointmentId::fromVariant(query->value(3));
        c.draft.assignee = UserId::fromVariant(query->value(4));
        c.reasonTime = SqlTime::toDateTime(query->value(2));
        if (query->value(5).toInt() == 1) {
            c.draft.kind = TaskKind::DiscussResult;
            c.draft.sourceKey = SourceKey::discussResult(result);
            c.draft.priority = kDiscussPriority;
            candidates.push_back(c);
        }
        if (query->value(6).toInt() == 1) {
            c.draft.kind = TaskKind::CommunicateResult;
            c.draft.sourceKey = SourceKey::communicateResult(result);
            c.draft.priority = kCommunicatePriority;
            candidates.push_back(c);
        }
    }
    return candidates;
}

Result<std::vector<FollowUpPlanner::Candidate>>
FollowUpPlanner::feedbackCandidates(const Scope& scope) const
{
    QStringList detractor;
    QVariantList values;
    for (FeedbackKind kind : allOf<FeedbackKind>()) {
        detractor << QStringLiteral("(f.kind = ? AND f.score <= ?)");
        values << sqlName(kind) << highestDetractorScore(kind);
    }
    values << scope.values;
    auto query = m_database.run(
        QStringLiteral("SELECT f.id, f.client_id, f.responded_at, f.appointment_id, u.id "
                       "FROM feedback f LEFT JOIN appointments a ON a.id = f.appointment_id%1 "
                       "WHERE (%2) AND NOT %3%4")
            .arg(kAssigneeJoin, detractor.join(QStringLiteral(" OR ")), recoveryCovered(),
                 scope.sql),
        values);
    if (!query)
        return fail(query.error());
    std::vector<Candidate> candidates;
    while (query->next()) {
        const FeedbackId feedback(query->value(0).toLongLong());
        Candidate c;
        c.draft.kind = TaskKind::DetractorCallback;
        c.draft.sourceKey = SourceKey::detractorCallback(feedback);
        c.draft.priority = kDetractorPriority;
        c.draft.client = ClientId(query->value(1).toLongLong());
        c.draft.feedback = feedback;
        c.draft.appointment = AppointmentId::fromVariant(query->value(3));
        c.draft.assignee = UserId::fromVariant(query->value(4));
        c.reasonTime = SqlTime::toDateTime(query->value(2));
        candidates.push_back(std::move(c));
    }
    return candidates;
}

Result<std::vector<FollowUpPlanner::Candidate>>
FollowUpPlanner::checkinCandidates(const Scope& scope) const
{
    auto query = m_database.run(
        QStringLiteral("SELECT a.id, a.client_id, a.ends_at, st.checkin_after_days, u.id "
                       "FROM appointments a JOIN service_types st ON st.id = a.service_type_id "
                       "JOIN clients c ON c.id = a.client_id%1 "
                       "WHERE a.status = 'completed' AND st.checkin_after_days IS NOT NULL "
                       "AND NOT c.archived AND NOT %2%3")
            .arg(kAssigneeJoin,
                 covered(TaskKind::CheckinCall, QStringLiteral("appointment_id"),
                         QStringLiteral("a.id")),
                 scope.sql),
        scope.values);
    if (!query)
        return fail(query.error());
    std::vector<Candidate> candidates;
    while (query->next()) {
        const AppointmentId visit(query->value(0).toLongLong());
        Candidate c;
        c.draft.kind = TaskKind::CheckinCall;
        c.draft.sourceKey = SourceKey::checkinCall(visit);
        c.draft.priority = kCheckinPriority;
        c.draft.client = ClientId(query->value(1).toLongLong());
        c.draft.appointment = visit;
        c.draft.assignee = UserId::fromVariant(query->value(4));
        c.reasonTime = SqlTime::toDateTime(query->value(2));
        c.policy = query->value(3).toInt();
        candidates.push_back(std::move(c));
    }
    return candidates;
}

Result<std::vector<FollowUpPlanner::Candidate>>
FollowUpPlanner::lastVisitCandidates(const std::vector<VisitWindow>& windows) const
{
    if (windows.empty())
        return std::vector<Candidate>();
    // Bounded windows (the usual case) as one range of appointments_start_idx each; without
    // a lower bound, one pass over all visits serves every service at once.
    const bool bounded = std::all_of(windows.begin(), windows.end(),
                                     [](const VisitWindow& w) { return w.earliest.isValid(); });
    QString bounds;
    QVariantList values;
    if (bounded) {
        QStringList terms;
        for (const VisitWindow& w : windows) {
            terms << QStringLiteral("(a.starts_at >= ? AND a.starts_at < ? AND "
                                    "a.service_type_id = ?)");
            values << SqlTime::toSql(w.earliest) << SqlTime::toSql(w.latest) << w.serviceType;
        }
        bounds = QStringLiteral(" AND (%1)").arg(terms.join(QStringLiteral(" OR ")));
    } else {
        QDateTime latest;
        for (const VisitWindow& w : windows)
            latest = later(latest, w.latest);
        bounds = QStringLiteral(" AND a.starts_at < ?");
        values << SqlTime::toSql(latest);
    }
    // The client's last completed visit, with nothing booked or visited since: no later
    // appointment that is kept or still to come (appointments_client_start_idx finds them).
    auto query = m_database.run(
        QStringLiteral(
            "SELECT a.id, a.client_id, a.ends_at, st.rebook_after_weeks, u.id "
            "FROM appointments a JOIN service_types st ON st.id = a.service_type_id "
            "JOIN clients c ON c.id = a.client_id%1 "
            "WHERE a.status = 'completed' AND NOT c.archived%2 "
            "AND NOT EXISTS (SELECT 1 FROM appointments b WHERE b.client_id = a.client_id "
            "AND b.starts_at >= a.starts_at AND (b.starts_at > a.starts_at OR b.id > a.id) "
            "AND b.status IN %5) "
            "AND NOT EXISTS (SELECT 1 FROM followup_tasks t WHERE t.appointment_id = a.id "
            "AND t.kind = CASE WHEN st.rebook_after_weeks IS NULL THEN '%3' ELSE '%4' END)")
            .arg(kAssigneeJoin, bounds, sqlName(TaskKind::AnnualReview),
                 sqlName(TaskKind::RebookReminder), keptOrComingStatusesSql()),
        values);
    if (!query)
        return fail(query.error());
    std::vector<Candidate> candidates;
    while (query->next()) {
        const AppointmentId visit(query->value(0).toLongLong());
        const std::optional<int> weeks =
            query->value(3).isNull() ? std::nullopt : std::optional<int>(query->value(3).toInt());
        Candidate c;
        c.draft.kind = weeks ? TaskKind::RebookReminder : TaskKind::AnnualReview;
        c.draft.client = ClientId(query->value(1).toLongLong());
        c.draft.appointment = visit;
        c.draft.assignee = UserId::fromVariant(query->value(4));
        c.draft.priority = weeks ? kRebookPriority : kReviewPriority;
        // The review's key names the year it falls due in; set once the window is known.
        c.draft.sourceKey = weeks ? SourceKey::rebookReminder(c.draft.client, visit) : QString();
        c.reasonTime = SqlTime::toDateTime(query->value(2));
        c.policy = weeks;
        candidates.push_back(std::move(c));
    }
    return candidates;
}

Status FollowUpPlanner::create(TransactionGuard& transaction,
                               const std::vector<Candidate>& candidates, const Deadlines& deadlines,
                               const QDateTime& now, const QDateTime& dueBy,
                               const QDateTime& staleBefore, const Actor& actor, Report& report)
{
    FollowUpTaskRepository tasks(m_database);
    for (const Candidate& candidate : candidates) {
        const auto window =
            deadlines.forKind(candidate.draft.kind, candidate.reasonTime, candidate.policy);
        if (!window)
            continue;
        if (dueBy.isValid() && window->dueAt > dueBy)
            continue;
        if (staleBefore.isValid() && window->deadlineAt < staleBefore)
            continue;
        FollowUpTask draft = candidate.draft;
        draft.dueAt = window->dueAt;
        draft.deadlineAt = window->deadlineAt;
        draft.createdAt = now;
        if (draft.kind == TaskKind::AnnualReview)
            draft.sourceKey = SourceKey::annualReview(draft.client, window->dueAt.date().year());
        auto upserted = tasks.upsert(transaction, draft, actor);
        if (!upserted)
            return fail(upserted.error());
        if (upserted->created) {
            report.created.push_back(upserted->id);
            ++report.createdByKind[kindIndex(draft.kind)];
        } else {
            ++report.alreadyPlanned;
        }
    }
    return {};
}

Result<int> FollowUpPlanner::closeCommunicated(const Scope& scope)
{
    QVariantList values{tr("Closed: the result was recorded as communicated.")};
    values << scope.values;
    auto query = m_database.run(
        QStringLiteral(
            "UPDATE followup_tasks SET status = 'done', "
            "done_at = (SELECT r.communicated_at FROM test_results r "
            "WHERE r.id = followup_tasks.result_id), "
            "done_by = (SELECT r.communicated_by FROM test_results r "
            "WHERE r.id = followup_tasks.result_id), "
            "resolution_note = ?, row_version = row_version + 1 "
            "WHERE status = 'open' AND kind IN ('communicate_result', 'discuss_result') "
            "AND EXISTS (SELECT 1 FROM test_results r WHERE r.id = followup_tasks.result_id "
            "AND r.status = 'communicated' AND (followup_tasks.kind = 'communicate_result' "
            "OR r.communicated_channel IN ('phone', 'in_person')))%1")
            .arg(scope.sql),
        values);
    if (!query)
        return fail(query.error());
    return query->numRowsAffected();
}

Result<int> FollowUpPlanner::closeRebooked(const Scope& scope)
{
    // Booked again: an appointment, kept or still to come, after the visit the task is about.
    const QString rebooked =
        QStringLiteral(
            "FROM appointments b JOIN appointments v ON v.id = followup_tasks.appointment_id "
            "WHERE b.client_id = followup_tasks.client_id AND b.starts_at > v.starts_at "
            "AND b.status IN %1")
            .arg(keptOrComingStatusesSql());
    QVariantList values{tr("Closed: the client booked again.")};
    values << scope.values;
    auto query = m_database.run(
        QStringLiteral("UPDATE followup_tasks SET status = 'done', "
                       "done_at = (SELECT min(b.created_at) %1), resolution_note = ?, "
                       "row_version = row_version + 1 WHERE status = 'open' "
                       "AND kind IN ('rebook_reminder', 'annual_review') "
                       "AND EXISTS (SELECT 1 %1)%2")
            .arg(rebooked, scope.sql),
        values);
    if (!query)
        return fail(query.error());
    return query->numRowsAffected();
}

Status FollowUpPlanner::planAll(TransactionGuard& transaction, const Options& options,
                                const QDateTime& now, const Actor& actor, Report& report)
{
    auto calendar = deadlines();
    if (!calendar)
        return fail(calendar.error());
    auto services = ServiceTypeRepository(m_database).serviceTypes(true);
    if (!services)
        return fail(services.error());

    QDateTime from; // reasons from here on; invalid: all of them
    if (options.mode == Mode::Incremental) {
        auto watermark = plannedUntil();
        if (!watermark)
            return fail(watermark.error());
        if (watermark->isValid())
            from = watermark->addDays(-kReplayDays);
    }
    const QDateTime staleBefore =
        options.staleAfterDays > 0 ? now.addDays(-options.staleAfterDays) : QDateTime();

    int longestCheckin = 0;
    for (const ServiceType& service : *services)
        longestCheckin = std::max(longestCheckin, service.checkinAfterDays.value_or(0));

    const auto add = [&](const Result<std::vector<Candidate>>& candidates,
                         const QDateTime& dueBy) -> Status {
        if (!candidates)
            return fail(candidates.error());
        return create(transaction, *candidates, *calendar, now, dueBy, staleBefore, actor, report);
    };
    if (auto done = add(resultCandidates(since(
                            QStringLiteral("r.received_at"),
                            lowerBound(from, staleBefore, Deadlines::kCommunicateResultDays))),
                        {});
        !done)
        return done;
    if (auto done = add(feedbackCandidates(since(QStringLiteral("f.responded_at"),
                                                 lowerBound(from, staleBefore, 2))),
                        {});
        !done)
        return done;
    if (auto done = add(checkinCandidates(since(QStringLiteral("a.starts_at"),
                                                lowerBound(from, staleBefore, longestCheckin + 1))),
                        {});
        !done)
        return done;
    // Reminders and reviews fall due as time passes: those due since `from` and not stale by
    // now. The visits they follow started in each service's window (a two-day margin for
    // visits over midnight and leap days); create() decides on each exactly.
    std::vector<VisitWindow> windows;
    for (const ServiceType& service : *services) {
        const bool rebook = service.rebookAfterWeeks && *service.rebookAfterWeeks > 0;
        const auto visitDayFor = [&](const QDate& due) {
            return rebook ? due.addDays(-7LL * *service.rebookAfterWeeks) : due.addYears(-1);
        };
        const QDateTime dueFrom =
            lowerBound(from, staleBefore,
                       rebook ? Deadlines::kRebookReminderDays : Deadlines::kAnnualReviewDays);
        VisitWindow window;
        window.serviceType = service.id.value();
        window.latest = visitDayFor(now.date()).addDays(2).startOfDay();
        if (dueFrom.isValid())
            window.earliest = visitDayFor(dueFrom.date()).addDays(-2).startOfDay();
        windows.push_back(window);
    }
    if (auto done = add(lastVisitCandidates(windows), now); !done)
        return done;

    auto communicated = closeCommunicated({});
    if (!communicated)
        return fail(communicated.error());
    auto rebooked = closeRebooked({});
    if (!rebooked)
        return fail(rebooked.error());
    report.closed += *communicated + *rebooked;

    report.plannedUntil = now;
    return PracticeSettingsRepository(m_database)
        .setInternalSetting(transaction, kWatermarkKey, SqlTime::toSql(now).toString());
}

Result<FollowUpPlanner::Report> FollowUpPlanner::plan(const Options& options, const Actor& actor)
{
    const QDateTime now = options.now.isValid() ? options.now : QDateTime::currentDateTime();
    Report report;
    auto done = m_database.write([&](TransactionGuard& tx) -> Status {
        report = Report{};
        return planAll(tx, options, now, actor, report);
    });
    if (!done)
        return fail(done.error());
    return report;
}

Result<FollowUpPlanner::Report>
FollowUpPlanner::onImported(TransactionGuard& transaction, const Actor& actor, const QDateTime& now)
{
    Options options;
    options.mode = Mode::Full;
    options.now = now.isValid() ? now : QDateTime::currentDateTime();
    Report report;
    if (auto done = planAll(transaction, options, options.now, actor, report); !done)
        return fail(done.error());
    return report;
}

Result<FollowUpPlanner::Report> FollowUpPlanner::onResultRecorded(TransactionGuard& transaction,
                                                                  ResultId result,
                                                                  const Actor& actor,
                                                                  const QDateTime& now)
{
    auto calendar = deadlines();
    if (!calendar)
        return fail(calendar.error());
    Report report;
    auto candidates = resultCandidates(only(QStringLiteral("r.id"), result.value()));
    if (!candidates)
        return fail(candidates.error());
    const QDateTime at = now.isValid() ? now : QDateTime::currentDateTime();
    if (auto done = create(transaction, *candidates, *calendar, at, {}, {}, actor, report); !done)
        return fail(done.error());
    auto closed = closeCommunicated(only(QStringLiteral("result_id"), result.value()));
    if (!closed)
        return fail(closed.error());
    report.closed = *closed;
    return report;
}

Result<FollowUpPlanner::Report> FollowUpPlanner::onFeedbackRecorded(TransactionGuard& transaction,
                                                                    FeedbackId feedback,
                                                                    const Actor& actor,
                                                                    const QDateTime& now)
{
    auto calendar = deadlines();
    if (!calendar)
        return fail(calendar.error());
    Report report;
    auto candidates = feedbackCandidates(only(QStringLiteral("f.id"), feedback.value()));
    if (!candidates)
        return fail(candidates.error());
    const QDateTime at = now.isValid() ? now : QDateTime::currentDateTime();
    if (auto done = create(transaction, *candidates, *calendar, at, {}, {}, actor, report); !done)
        return fail(done.error());
    return report;
}

Result<FollowUpPlanner::Report> FollowUpPlanner::onVisitCompleted(TransactionGuard& transaction,
                                                                  AppointmentId visit,
                                                                  const Actor& actor,
                                                                  const QDateTime& now)
{
    auto calendar = deadlines();
    if (!calendar)
        return fail(calendar.error());
    Report report;
    auto candidates = checkinCandidates(only(QStringLiteral("a.id"), visit.value()));
    if (!candidates)
        return fail(candidates.error());
    const QDateTime at = now.isValid() ? now : QDateTime::currentDateTime();
    if (auto done = create(transaction, *candidates, *calendar, at, {}, {}, actor, report); !done)
        return fail(done.error());
    auto closed = onAppointmentBooked(transaction, visit, actor);
    if (!closed)
        return fail(closed.error());
    report.closed = closed->closed;
    return report;
}

Result<FollowUpPlanner::Report>
FollowUpPlanner::onAppointmentBooked(TransactionGuard&, AppointmentId appointment, const Actor&)
{
    auto client =
        m_database.scalar(QStringLiteral("SELECT client_id FROM appointments WHERE id = ?"),
                          {appointment.toVariant()});
    if (!client)
        return fail(client.error());
    if (client->isNull())
        return fail(Error::notFound(
            tr("There is no appointment with the number %1.").arg(appointment.value())));
    auto closed = closeRebooked(only(QStringLiteral("client_id"), client->toLongLong()));
    if (!closed)
        return fail(closed.error());
    Report report;
    report.closed = *closed;
    return report;
}

} // namespace aftercare
