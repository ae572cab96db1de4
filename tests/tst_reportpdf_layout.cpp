// gui
#include "common/displayformat.h"
#include "metrics/headlinefigure.h"
#include "report/report.h"
#include "report/reportpdfrenderer.h"
#include "tst_reportpdf_fixture.h"

#include <QFile>
#include <QLocale>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace aftercare;
using namespace aftercare::ui;
using namespace aftercare::test;

namespace {

// The same figures as tst_reportpdf's sample, with September's as the month before.
Report reportWithPrevious()
{
    Report report = sampleReport();
    report.previous = report.monthly[report.monthly.size() - 2];
    report.previous->postServiceDelta.mean = 0.9; // the delta rose: bad news
    report.previousLifetimeValue.historicalCents = 80000;
    report.previousLifetimeValue.predictedCents = 150000;
    return report;
}

QString normalised(const QString& text)
{
    return text.normalized(QString::NormalizationForm_KC).simplified();
}

int pageCount(const QString& path)
{
    const auto pages = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)"))
                           .match(runTool(QStringLiteral("pdfinfo"), {path}));
    return pages.hasMatch() ? pages.captured(1).toInt() : 0;
}

QString pageText(const QString& path, int page)
{
    return normalised(
        runTool(QStringLiteral("pdftotext"),
                {QStringLiteral("-layout"), QStringLiteral("-f"), QString::number(page),
                 QStringLiteral("-l"), QString::number(page), path, QStringLiteral("-")}));
}

// How far down the page its lowest word above the footer reaches, as a share of the page.
double filledShare(const QString& path, int page)
{
    const QString html =
        runTool(QStringLiteral("pdftotext"),
                {QStringLiteral("-bbox"), QStringLiteral("-f"), QString::number(page),
                 QStringLiteral("-l"), QString::number(page), path, QStringLiteral("-")});
    const auto height = QRegularExpression(QStringLiteral("<page width=\"[\\d.]+\" "
                                                          "height=\"([\\d.]+)\""))
                            .match(html);
    if (!height.hasMatch())
        return 0;
    const double pageHeight = height.captured(1).toDouble();
    // The footer's rule sits 8 mm above the bottom margin of 15 mm.
    const double footerTop = pageHeight - (15.0 + 8.0) * 72.0 / 25.4;
    double lowest = 0;
    auto words = QRegularExpression(QStringLiteral("yMax=\"([\\d.]+)\"")).globalMatch(html);
    while (words.hasNext()) {
        const double y = words.next().captured(1).toDouble();
        if (y < footerTop)
            lowest = std::max(lowest, y);
    }
    return lowest / pageHeight;
}

} // namespace

class TestReportPdfLayout : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyPageSaysItsNumber();
    void firstPageSummarisesAgainstTheMonthBefore_data();
    void firstPageSummarisesAgainstTheMonthBefore();
    void changesSayWhetherTheyAreGood();
    void moneyCarriesTheCurrency();
    void noPageIsHalfEmpty();

private:
    QTemporaryDir m_directory;
    QString m_path;
    int m_pages = 0;
};

void TestReportPdfLayout::initTestCase()
{
    // A practice in euros, in English: the money on the page must carry its currency sign.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::Ireland));
    QVERIFY(m_directory.isValid());
    m_path = m_directory.filePath(QStringLiteral("report.pdf"));
    const auto written =
        ReportPdfRenderer(reportWithPrevious(), QStringLiteral("Lindenhof Practice"))
            .writePdf(m_path);
    if (!written)
        QFAIL(qPrintable(written.error().describe()));
    m_pages = pageCount(m_path);
    QVERIFY(m_pages > 1);
}

void TestReportPdfLayout::everyPageSaysItsNumber()
{
    for (int page = 1; page <= m_pages; ++page) {
        const QString text = pageText(m_path, page);
        const QString expected = ReportPdfRenderer::tr("Page %1 of %2").arg(page).arg(m_pages);
        QVERIFY2(text.contains(expected),
                 qPrintable(QStringLiteral("page %1: %2").arg(page).arg(text.right(80))));
        QVERIFY2(text.contains(QStringLiteral("Lindenhof Practice")), qPrintable(text.right(80)));
    }
}

void TestReportPdfLayout::firstPageSummarisesAgainstTheMonthBefore_data()
{
    QTest::addColumn<QString>("expected");
    QTest::newRow("heading") << QStringLiteral("Summary");
    QTest::newRow("compared with") << ReportPdfRenderer::tr("%1 compared with %2.")
                                          .arg(periodText(QDate(2026, 10, 1), QDate(2026, 10, 31)),
                                               periodText(QDate(2026, 9, 1), QDate(2026, 9, 30)));
    for (HeadlineFigure figure : HeadlineFigures::all())
        QTest::newRow(qPrintable(ReportPdfRenderer::figureName(figure)))
            << ReportPdfRenderer::figureName(figure);
    // CSAT 91.0 % in October against 90.0 % in September.
    QTest::newRow("CSAT now and before") << QStringLiteral("91.0 % 90.0 % ▲ 1.0 points better");
    QTest::newRow("delta rose") << QStringLiteral("1.20 0.90 ▲ 0.30 worse");
}

void TestReportPdfLayout::firstPageSummarisesAgainstTheMonthBefore()
{
    QFETCH(QString, expected);
    const QString first = pageText(m_path, 1);
    QVERIFY2(first.contains(normalised(expected)), qPrintable(first.left(600)));
}

void TestReportPdfLayout::changesSayWhetherTheyAreGood()
{
    // A rising no-show rate is bad news, a rising CSAT good news, in words as well as colour.
    const QString first = pageText(m_path, 1);
    const QString noShow = QLocale().toString(10.5, 'f', 1) + QStringLiteral(" % ") +
                           QLocale().toString(10.0, 'f', 1) + QStringLiteral(" % ▲ ") +
                           ReportPdfRenderer::tr("%1 points").arg(QLocale().toString(0.5, 'f', 1)) +
                           QLatin1Char(' ') + ReportPdfRenderer::tr("worse");
    QVERIFY2(first.contains(normalised(noShow)), qPrintable(first.left(800)));
}

void TestReportPdfLayout::moneyCarriesTheCurrency()
{
    const QString first = pageText(m_path, 1);
    QVERIFY2(first.contains(QStringLiteral("€820.50")), qPrintable(first));
    QVERIFY(first.contains(QStringLiteral("€800.00")));
    QVERIFY(first.contains(QStringLiteral("▲ €20.50")));
}

void TestReportPdfLayout::noPageIsHalfEmpty()
{
    // Sections follow one another; only the last page may end early.
    for (int page = 1; page < m_pages; ++page) {
        const double share = filledShare(m_path, page);
        QVERIFY2(
            share > 0.6,
            qPrintable(
                QStringLiteral("page %1 is filled to %2 %").arg(page).arg(qRound(share * 100))));
    }
}

QTEST_MAIN(TestReportPdfLayout)
#include "tst_reportpdf_layout.moc"
