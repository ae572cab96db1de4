#include "metrics/metricformulas.h"

#include "domain/feedbackscore.h"

#include <algorithm>
#include <cmath>

namespace aftercare::MetricFormulas {

std::optional<double> percentage(qint64 part, qint64 whole)
{
    if (whole == 0)
        return std::nullopt;
    return 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

CsatResult csatFromCounts(qint64 responses, qint64 satisfied, qint64 scoreSum)
{
    CsatResult result;
    result.responses = responses;
    result.satisfied = satisfied;
    result.score = percentage(satisfied, responses);
    if (responses > 0)
        result.mean = static_cast<double>(scoreSum) / static_cast<double>(responses);
    return result;
}

bool isCsatSatisfied(int score)
{
    return FeedbackBands::isCsatSatisfied(score);
}

bool isNpsPromoter(int score)
{
    return FeedbackBands::isNpsPromoter(score);
}

bool isNpsDetractor(int score)
{
    return FeedbackBands::isNpsDetractor(score);
}

NpsResult npsFromCounts(qint64 promoters, qint64 passives, qint64 detractors)
{
    NpsResult result;
    result.promoters = promoters;
    result.passives = passives;
    result.detractors = detractors;
    result.responses = promoters + passives + detractors;
    result.score = percentage(promoters - detractors, result.responses);
    result.ci95 = npsInterval95(promoters, detractors, result.responses);
    result.lowConfidence = result.responses < kNpsConfidentResponses;
    return result;
}

std::optional<NpsInterval> npsInterval95(qint64 promoters, qint64 detractors, qint64 responses)
{
    if (responses <= 0)
        return std::nullopt;
    const double n = static_cast<double>(responses);
    const double p = static_cast<double>(promoters) / n;
    const double d = static_cast<double>(detractors) / n;
    const double nps = 100.0 * (p - d);
    // The variance of a single answer scored +1 / 0 / −1, divided by n. Rounding can push
    // it a hair below zero when everyone answered the same.
    const double variance = std::max(0.0, p + d - (p - d) * (p - d));
    const double margin = 1.96 * 100.0 * std::sqrt(variance / n);
    return NpsInterval{std::clamp(nps - margin, -100.0, 100.0),
                       std::clamp(nps + margin, -100.0, 100.0)};
}

QDate activeWindowStart(QDate day, int lapseWindowDays)
{
    return day.addDays(1 - lapseWindowDays);
}

bool isActiveOn(QDate day, const QList<QDate>& visitDays, int lapseWindowDays)
{
    const QDate first = activeWindowStart(day, lapseWindowDays);
    return std::any_of(visitDays.cbegin(), visitDays.cend(),
                       [&](QDate visit) { return visit >= first && visit <= day; });
}

RetentionResult retentionFromCounts(qint64 activeStart, qint64 activeEnd, qint64 retained,
                                    qint64 newClients)
{
    RetentionResult result;
    result.activeStart = activeStart;
    result.activeEnd = activeEnd;
    result.retained = retained;
    result.newClients = newClients;
    result.rate = percentage(retained, activeStart);
    if (result.rate)
        result.churn = 100.0 - *result.rate;
    return result;
}

RetentionResult retentionFromSets(const QSet<qint64>& activeStart, const QSet<qint64>& activeEnd,
                                  qint64 newClients)
{
    qint64 retained = 0;
    for (qint64 client : activeStart)
        retained += activeEnd.contains(client) ? 1 : 0;
    return retentionFromCounts(activeStart.size(), activeEnd.size(), retained, newClients);
}

NoShowResult noShowFromCounts(qint64 noShows, qint64 completed)
{
    return {percentage(noShows, completed + noShows), noShows, completed};
}

RebookingResult rebookingFromCounts(qint64 rebooked, qint64 visits)
{
    return {percentage(rebooked, visits), rebooked, visits};
}

ReferralResult referralFromCounts(const NewClientCounts& counts)
{
    ReferralResult result;
    result.referred = counts.referred;
    result.newClients = counts.newClients;
    result.rate = percentage(counts.referred, counts.newClients);
    result.bySource = counts.bySource;
    return result;
}

bool isClientReferral(const QString& referralSource, bool hasReferringClient)
{
    // Only spaces are trimmed, as SQL's trim() does, so the database and this agree.
    QStringView source(referralSource);
    while (source.startsWith(QLatin1Char(' ')))
        source = source.mid(1);
    while (source.endsWith(QLatin1Char(' ')))
        source.chop(1);
    return hasReferringClient || source.compare(kClientReferralSource, Qt::CaseInsensitive) == 0;
}

QString referralSourceKey(const QString& referralSource, bool hasReferringClient)
{
    if (isClientReferral(referralSource, hasReferringClient))
        return kClientReferralSource;
    QStringView source(referralSource);
    while (source.startsWith(QLatin1Char(' ')))
        source = source.mid(1);
    while (source.endsWith(QLatin1Char(' ')))
        source.chop(1);
    return source.isEmpty() ? kUnknownReferralSource : source.toString().toLower();
}

std::optional<double> historicalClvCents(qint64 paidCents, qint64 clients)
{
    if (clients == 0)
        return std::nullopt;
    return static_cast<double>(paidCents) / static_cast<double>(clients);
}

std::optional<double> expectedLifetimeYears(std::optional<double> churnFraction)
{
    if (!churnFraction || *churnFraction < 0)
        return std::nullopt;
    if (*churnFraction == 0)
        return kMaxLifetimeYears;
    return std::min(1.0 / *churnFraction, kMaxLifetimeYears);
}

std::optional<double> predictedClvCents(qint64 paidCentsInWindow, qint64 visitsInWindow,
                                        qint64 clientsInWindow, std::optional<double> churnFraction)
{
    const std::optional<double> years = expectedLifetimeYears(churnFraction);
    if (visitsInWindow == 0 || clientsInWindow == 0 || !years)
        return std::nullopt;
    const double perVisit =
        static_cast<double>(paidCentsInWindow) / static_cast<double>(visitsInWindow);
    const double visitsPerClient =
        static_cast<double>(visitsInWindow) / static_cast<double>(clientsInWindow);
    return perVisit * visitsPerClient * *years;
}

Period predictionWindow(QDate to)
{
    return {to.addDays(-364), to};
}

bool taskIsDue(TaskStatus status, const QDateTime& deadline, const QDateTime& now)
{
    if (status == TaskStatus::Done)
        return true;
    // An open task can still be done in time until its deadline has passed.
    return status == TaskStatus::Open && deadline < now;
}

bool taskIsMet(TaskStatus status, const QDateTime& doneAt, const QDateTime& deadline)
{
    return status == TaskStatus::Done && doneAt.isValid() && doneAt <= deadline;
}

SlaResult slaFromCounts(const SlaCounts& counts)
{
    SlaResult result;
    for (TaskKind kind : allOf<TaskKind>()) {
        const auto found = counts.byKind.find(kind);
        const SlaCounts::Figures figures =
            found == counts.byKind.end() ? SlaCounts::Figures{} : found->second;
        result.byKind[kind] = {percentage(figures.met, figures.due), figures.met, figures.due};
        result.total.met += figures.met;
        result.total.due += figures.due;
    }
    result.total.rate = percentage(result.total.met, result.total.due);
    return result;
}

QString consentHeldSql(ConsentPurpose purpose)
{
    return QStringLiteral("(SELECT c.granted FROM consents c WHERE c.client_id = a.client_id "
                          "AND c.purpose = '%1' AND c.recorded_at <= a.ends_at "
                          "AND (c.withdrawn_at IS NULL OR c.withdrawn_at > a.ends_at) "
                          "ORDER BY c.recorded_at DESC, c.id DESC LIMIT 1)")
        .arg(sqlName(purpose));
}

std::optional<ConsentPurpose> consentNeededFor(PostServiceStep step)
{
    switch (step) {
    case PostServiceStep::FeedbackRequest:
        return ConsentPurpose::Surveys;
    case PostServiceStep::CommunityInvite:
        return ConsentPurpose::Community;
    case PostServiceStep::NewsletterInvite:
        return ConsentPurpose::Marketing;
    case PostServiceStep::QualityFollowUp:
    case PostServiceStep::ThankYou:
        // Part of the service itself, not marketing: no consent beyond the visit.
        return std::nullopt;
    }
    return std::nullopt;
}

bool stepApplies(PostServiceStep step, bool inPolicy, bool hasNeededConsent)
{
    return inPolicy && (!consentNeededFor(step) || hasNeededConsent);
}

PostServiceDeltaResult postServiceDeltaFromCounts(const PostServiceCounts& counts)
{
    PostServiceDeltaResult result;
    result.visits = counts.visits;
    qint64 missing = 0;
    const auto steps = allOf<PostServiceStep>();
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const qint64 applicable = counts.applicable[i];
        const qint64 done = counts.done[i];
        result.steps[steps[i]] = {applicable, done, percentage(done, applicable)};
        missing += applicable - done;
    }
    if (counts.visits > 0)
        result.mean = static_cast<double>(missing) / static_cast<double>(counts.visits);
    return result;
}

QDate cohortWindowEnd(QDate firstVisit, int months)
{
    // QDate::addMonths keeps the day and clamps it to the end of a shorter month, as
    // PostgreSQL's date + interval does; the SQLite query clamps the same way.
    return firstVisit.addMonths(months);
}

bool cohortWindowElapsed(QDate cohortMonth, int months, QDate asOf)
{
    const QDate lastDayOfMonth = Period::monthOf(cohortMonth).to;
    return cohortWindowEnd(lastDayOfMonth, months) <= asOf;
}

CohortRow cohortFromCounts(QDate cohortMonth, qint64 clients, qint64 returned3, qint64 returned6,
                           qint64 returned12, QDate asOf)
{
    CohortRow row;
    row.month = QDate(cohortMonth.year(), cohortMonth.month(), 1);
    row.clients = clients;
    row.returned3 = returned3;
    row.returned6 = returned6;
    row.returned12 = returned12;
    const auto share = [&](qint64 returned, int months) -> std::optional<double> {
        if (!cohortWindowElapsed(row.month, months, asOf))
            return std::nullopt;
        return percentage(returned, clients);
    };
    row.k3 = share(returned3, 3);
    row.k6 = share(returned6, 6);
    row.k12 = share(returned12, 12);
    return row;
}

} // namespace aftercare::MetricFormulas
