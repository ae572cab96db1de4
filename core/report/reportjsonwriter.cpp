#include "report/reportjsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

namespace aftercare {

namespace {

QJsonValue number(const std::optional<double>& value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QJsonValue money(const std::optional<double>& cents)
{
    return cents ? QJsonValue(*cents / 100.0) : QJsonValue(QJsonValue::Null);
}

QJsonValue money(qint64 cents)
{
    return QJsonValue(static_cast<double>(cents) / 100.0);
}

QString day(QDate date)
{
    return date.toString(Qt::ISODate);
}

QString month(QDate date)
{
    return date.toString(QStringLiteral("yyyy-MM"));
}

QJsonObject periodObject(const Period& period)
{
    return {{QStringLiteral("from"), day(period.from)}, {QStringLiteral("to"), day(period.to)}};
}

QJsonObject csatObject(const CsatResult& csat)
{
    return {{QStringLiteral("score"), number(csat.score)},
            {QStringLiteral("mean"), number(csat.mean)},
            {QStringLiteral("responses"), csat.responses},
            {QStringLiteral("satisfied"), csat.satisfied}};
}

QJsonObject npsObject(const NpsResult& nps)
{
    QJsonValue interval(QJsonValue::Null);
    if (nps.ci95)
        interval = QJsonArray{nps.ci95->low, nps.ci95->high};
    return {{QStringLiteral("score"), number(nps.score)},
            {QStringLiteral("promoters"), nps.promoters},
            {QStringLiteral("passives"), nps.passives},
            {QStringLiteral("detractors"), nps.detractors},
            {QStringLiteral("responses"), nps.responses},
            {QStringLiteral("ci95"), interval},
            {QStringLiteral("low_confidence"), nps.lowConfidence}};
}

QJsonObject retentionObject(const RetentionResult& retention)
{
    return {{QStringLiteral("rate"), number(retention.rate)},
            {QStringLiteral("churn"), number(retention.churn)},
            {QStringLiteral("active_start"), retention.activeStart},
            {QStringLiteral("active_end"), retention.activeEnd},
            {QStringLiteral("retained"), retention.retained},
            {QStringLiteral("new_clients"), retention.newClients}};
}

QJsonObject noShowObject(const NoShowResult& noShow)
{
    return {{QStringLiteral("rate"), number(noShow.rate)},
            {QStringLiteral("no_shows"), noShow.noShows},
            {QStringLiteral("completed"), noShow.completed}};
}

QJsonObject rebookingObject(const RebookingResult& rebooking)
{
    return {{QStringLiteral("rate"), number(rebooking.rate)},
            {QStringLiteral("rebooked"), rebooking.rebooked},
            {QStringLiteral("visits"), rebooking.visits}};
}

QJsonObject referralObject(const ReferralResult& referral)
{
    QJsonObject sources;
    for (const auto& [source, clients] : referral.bySource)
        sources.insert(source, clients);
    return {{QStringLiteral("rate"), number(referral.rate)},
            {QStringLiteral("referred"), referral.referred},
            {QStringLiteral("new_clients"), referral.newClients},
            {QStringLiteral("by_source"), sources}};
}

QJsonObject slaFiguresObject(const SlaFigures& figures)
{
    return {{QStringLiteral("rate"), number(figures.rate)},
            {QStringLiteral("met"), figures.met},
            {QStringLiteral("due"), figures.due}};
}

QJsonObject slaObject(const SlaResult& sla)
{
    QJsonObject object = slaFiguresObject(sla.total);
    QJsonObject byKind;
    for (const auto& [kind, figures] : sla.byKind)
        byKind.insert(sqlName(kind), slaFiguresObject(figures));
    object.insert(QStringLiteral("by_kind"), byKind);
    return object;
}

QJsonObject postServiceObject(const PostServiceDeltaResult& delta)
{
    QJsonObject shares;
    QJsonObject counts;
    for (const auto& [step, completion] : delta.steps) {
        shares.insert(sqlName(step), number(completion.share));
        counts.insert(sqlName(step),
                      QJsonObject{{QStringLiteral("applicable"), completion.applicable},
                                  {QStringLiteral("done"), completion.done}});
    }
    return {{QStringLiteral("mean"), number(delta.mean)},
            {QStringLiteral("visits"), delta.visits},
            {QStringLiteral("steps"), shares},
            {QStringLiteral("step_counts"), counts}};
}

QJsonObject lifetimeValueObject(const LifetimeValueResult& value)
{
    const QJsonObject window{{QStringLiteral("from"), day(value.window.from)},
                             {QStringLiteral("to"), day(value.window.to)},
                             {QStringLiteral("paid"), money(value.windowPaidCents)},
                             {QStringLiteral("visits"), value.windowVisits},
                             {QStringLiteral("clients"), value.windowClients},
                             {QStringLiteral("churn"), number(value.windowChurn)},
                             {QStringLiteral("lifetime_years"), number(value.lifetimeYears)}};
    return {{QStringLiteral("historical"), money(value.historicalCents)},
            {QStringLiteral("predicted"), money(value.predictedCents)},
            {QStringLiteral("clients"), value.clients},
            {QStringLiteral("paid"), money(value.paidCents)},
            {QStringLiteral("window"), window}};
}

QJsonObject cohortObject(const CohortRow& row)
{
    return {{QStringLiteral("month"), month(row.month)},
            {QStringLiteral("clients"), row.clients},
            {QStringLiteral("k3"), number(row.k3)},
            {QStringLiteral("k6"), number(row.k6)},
            {QStringLiteral("k12"), number(row.k12)},
            {QStringLiteral("returned3"), row.returned3},
            {QStringLiteral("returned6"), row.returned6},
            {QStringLiteral("returned12"), row.returned12}};
}

// The figures every period has; the report's top level and each month of the series.
void insertPeriodMetrics(QJsonObject& object, const PeriodMetrics& metrics)
{
    object.insert(QStringLiteral("csat"), csatObject(metrics.csat));
    object.insert(QStringLiteral("nps"), npsObject(metrics.nps));
    object.insert(QStringLiteral("retention"), retentionObject(metrics.retention));
    object.insert(QStringLiteral("no_show_rate"), noShowObject(metrics.noShow));
    object.insert(QStringLiteral("rebooking_rate"), rebookingObject(metrics.rebooking));
    object.insert(QStringLiteral("referral_rate"), referralObject(metrics.referral));
    object.insert(QStringLiteral("sla"), slaObject(metrics.sla));
    object.insert(QStringLiteral("post_service_delta"),
                  postServiceObject(metrics.postServiceDelta));
}

QJsonValue textOrNull(const QString& text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonObject filtersObject(const Report& report)
{
    QJsonValue practitioner(QJsonValue::Null);
    if (report.filter.practitioner.isValid())
        practitioner =
            QJsonObject{{QStringLiteral("id"), qint64(report.filter.practitioner.value())},
                        {QStringLiteral("name"), report.practitionerName}};
    QJsonValue serviceType(QJsonValue::Null);
    if (report.filter.serviceType.isValid())
        serviceType = QJsonObject{{QStringLiteral("id"), qint64(report.filter.serviceType.value())},
                                  {QStringLiteral("name"), report.serviceTypeName}};
    return {
        {QStringLiteral("practitioner"), practitioner},
        {QStringLiteral("service_type"), serviceType},
        {QStringLiteral("referral_source"), textOrNull(report.filter.referralSource.trimmed())}};
}

} // namespace

QJsonObject ReportJsonWriter::toObject(const Report& report)
{
    QJsonObject object;
    object.insert(QStringLiteral("period"), periodObject(report.period));
    object.insert(QStringLiteral("filters"), filtersObject(report));
    object.insert(QStringLiteral("lapse_window_days"), report.lapseWindowDays);
    insertPeriodMetrics(object, report.metrics);
    object.insert(QStringLiteral("clv"), lifetimeValueObject(report.lifetimeValue));

    QJsonArray cohorts;
    for (const CohortRow& row : report.cohorts)
        cohorts.append(cohortObject(row));
    object.insert(QStringLiteral("cohorts"), cohorts);

    QJsonArray monthly;
    for (const PeriodMetrics& metrics : report.monthly) {
        QJsonObject entry{{QStringLiteral("month"), month(metrics.period.from)},
                          {QStringLiteral("period"), periodObject(metrics.period)}};
        insertPeriodMetrics(entry, metrics);
        monthly.append(entry);
    }
    object.insert(QStringLiteral("monthly"), monthly);
    return object;
}

QByteArray ReportJsonWriter::toJson(const Report& report)
{
    return QJsonDocument(toObject(report)).toJson(QJsonDocument::Indented);
}

} // namespace aftercare
