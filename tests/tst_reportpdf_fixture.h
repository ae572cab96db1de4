#pragma once

#include "report/report.h"

#include <QDate>
#include <QProcess>
#include <QString>
#include <QStringList>

// The sample report the PDF tests render: twelve months of figures ending in October, and a
// helper that runs a poppler tool (pdfinfo, pdftotext) on what they wrote.
namespace aftercare::test {

inline PeriodMetrics monthOf(QDate first, int index)
{
    PeriodMetrics month;
    month.period = Period::monthOf(first);
    month.csat = {80.0 + index, 4.1, 50, 40 + index};
    month.nps.promoters = 12 + index;
    month.nps.passives = 6;
    month.nps.detractors = 4;
    month.nps.responses = month.nps.promoters + 10;
    month.nps.score = 100.0 * double(month.nps.promoters - 4) / double(month.nps.responses);
    month.nps.ci95 = NpsInterval{*month.nps.score - 25, *month.nps.score + 25};
    month.nps.lowConfidence = month.nps.responses < kNpsConfidentResponses;
    month.retention = {90.0, 10.0, 400, 410, 360, 20 + index};
    month.noShow = {5.0 + index / 2.0, 5, 95};
    month.rebooking = {60.0, 57, 95};
    return month;
}

// A year of figures as the ReportBuilder would hand them over, with a low-confidence NPS.
inline Report sampleReport()
{
    Report report;
    report.period = Period{QDate(2026, 10, 1), QDate(2026, 10, 31)};
    report.lapseWindowDays = 365;
    report.asOf = QDateTime(QDate(2026, 11, 2), QTime(8, 0));
    for (int i = 0; i < 12; ++i)
        report.monthly.push_back(monthOf(QDate(2025, 11, 1).addMonths(i), i));
    report.metrics = report.monthly.back();
    report.metrics.period = report.period;
    report.metrics.nps = {40.0, 14, 6, 4, 24, NpsInterval{12.5, 67.5}, true};
    report.metrics.referral = {
        25.0, 8, 32, {{kClientReferralSource, 8}, {QStringLiteral("web"), 24}}};
    report.metrics.sla.total = {94.0, 47, 50};
    for (TaskKind kind : allOf<TaskKind>())
        report.metrics.sla.byKind[kind] = SlaFigures{};
    report.metrics.sla.byKind[TaskKind::CheckinCall] = {90.0, 27, 30};
    report.metrics.sla.byKind[TaskKind::DiscussResult] = {100.0, 20, 20};
    report.metrics.postServiceDelta.mean = 1.2;
    report.metrics.postServiceDelta.visits = 95;
    for (PostServiceStep step : allOf<PostServiceStep>())
        report.metrics.postServiceDelta.steps[step] = {95, 60, 100.0 * 60 / 95};
    report.lifetimeValue.historicalCents = 82050;
    report.lifetimeValue.predictedCents = 143000;
    report.lifetimeValue.lifetimeYears = 6.5;
    for (int i = 0; i < 24; ++i) {
        CohortRow row;
        row.month = QDate(2024, 11, 1).addMonths(i);
        row.clients = 30 + i;
        row.returned3 = 15;
        if (i < 21)
            row.k3 = 100.0 * 15 / double(row.clients);
        if (i < 12)
            row.k12 = 60.0;
        report.cohorts.push_back(row);
    }
    return report;
}

inline QString runTool(const QString& tool, const QStringList& arguments)
{
    QProcess process;
    process.start(tool, arguments);
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        return {};
    return QString::fromUtf8(process.readAllStandardOutput());
}

} // namespace aftercare::test
