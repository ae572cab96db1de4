// gui
#include "report/report.h"
#include "report/reportpdfrenderer.h"
#include "tst_reportpdf_fixture.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace aftercare;
using namespace aftercare::ui;
using namespace aftercare::test;

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
