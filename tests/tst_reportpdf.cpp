// gui
#include "report/report.h"
#include "report/reportpdfrenderer.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace aftercare;
using namespace aftercare::ui;

namespace {

PeriodMetrics monthOf(QDate first, int index)
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
Report sampleReport()
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

QString runTool(const QString& tool, const QStringList& arguments)
{
    QProcess process;
    process.start(tool, arguments);
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        return {};
    return QString::fromUtf8(process.readAllStandardOutput());
}

} // namespace

class TestReportPdf : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void isA4WithSectionsFlowing();
    void carriesTitlesPeriodAndFormulas_data();
    void carriesTitlesPeriodAndFormulas();
    void unwritablePathIsAnError();

private:
    QTemporaryDir m_directory;
    QString m_path;
    QString m_text;
};

void TestReportPdf::initTestCase()
{
    QVERIFY(m_directory.isValid());
    m_path = m_directory.filePath(QStringLiteral("report.pdf"));
    const auto written =
        ReportPdfRenderer(sampleReport(), QStringLiteral("Lindenhof Practice")).writePdf(m_path);
    if (!written)
        QFAIL(qPrintable(written.error().describe()));
    QFile file(m_path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.read(5), QByteArray("%PDF-"));
    // pdftotext breaks lines where the page does and keeps ligatures such as "fi": compare
    // compatibility-normalised text with single spaces.
    m_text = runTool(QStringLiteral("pdftotext"), {m_path, QStringLiteral("-")})
                 .normalized(QString::NormalizationForm_KC)
                 .simplified();
    QVERIFY(!m_text.isEmpty());
}

void TestReportPdf::isA4WithSectionsFlowing()
{
    const QString info = runTool(QStringLiteral("pdfinfo"), {m_path});
    QVERIFY2(info.contains(QRegularExpression(
                 QStringLiteral("Page size:\\s+595(\\.\\d+)? x 84[12](\\.\\d+)? pts \\(A4\\)"))),
             qPrintable(info));
    const auto pages = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(info);
    QVERIFY(pages.hasMatch());
    // The summary and the nine sections flow over five pages (one page per group of sections
    // took six, several of them half empty).
    QCOMPARE(pages.captured(1).toInt(), 5);
}

void TestReportPdf::carriesTitlesPeriodAndFormulas_data()
{
    QTest::addColumn<QString>("expected");
    const QStringList lines{
        QStringLiteral("Lindenhof Practice"),
        QStringLiteral("Period: 2026-10-01 to 2026-10-31"),
        QStringLiteral("whole practice, no filter"),
        QStringLiteral("Client satisfaction (CSAT)"),
        QStringLiteral("Net Promoter Score (NPS)"),
        QStringLiteral("Retention and churn"),
        QStringLiteral("Referral rate"),
        QStringLiteral("Cohort retention"),
        QStringLiteral("No-show and rebooking rates"),
        QStringLiteral("Client lifetime value (CLV)"),
        QStringLiteral("SLA adherence (follow-up on time)"),
        QStringLiteral("Post-service delta"),
        QStringLiteral("CSAT = 100 × (answers scoring 4 or 5) / (all CSAT answers)"),
        QStringLiteral("NPS = 100 × (promoters − detractors) / answers"),
        QStringLiteral("NPS ± 1.96 × 100 × √((p + d − (p − d)²) / n)"),
        QStringLiteral("Retention = 100 × |S and E| / |S|; churn = 100 − retention"),
        QStringLiteral("Referral rate = 100 × (new clients referred by a client) / (new clients)"),
        QStringLiteral("No-show rate = 100 × no-shows / (visits + no-shows)"),
        QStringLiteral(
            "Rebooking rate = 100 × (visits followed by a rebooking) / (visits in the period)"),
        QStringLiteral(
            "SLA adherence = 100 × (tasks done on or before their deadline) / (tasks due)"),
        QStringLiteral("Low confidence: only 24 answer"),
        QStringLiteral("fewer than 30"),
        QStringLiteral("2026-10"),
        QStringLiteral("820.50"),
    };
    for (const QString& line : lines)
        QTest::newRow(qPrintable(line.left(40))) << line;
}

void TestReportPdf::carriesTitlesPeriodAndFormulas()
{
    QFETCH(QString, expected);
    QVERIFY2(m_text.contains(expected.normalized(QString::NormalizationForm_KC)),
             qPrintable(expected));
}

void TestReportPdf::unwritablePathIsAnError()
{
    const auto written = ReportPdfRenderer(sampleReport(), QString())
                             .writePdf(m_directory.filePath(QStringLiteral("missing/report.pdf")));
    QVERIFY(!written.has_value());
    QCOMPARE(written.error().kind, ErrorKind::Io);
}

QTEST_MAIN(TestReportPdf)
#include "tst_reportpdf.moc"
