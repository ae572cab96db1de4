// backends: sqlite postgresql
#include "database/database.h"
#include "testdatabase.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace aftercare;
using namespace aftercare::test;

namespace {

// A practice of seven clients whose March 2026 figures are worked out by hand (see each file's
// comment). Lapse window: the default 365 days.
//  c1 web; visits 2025-06-10, 2026-03-05 (next booking made 10 days later: not a rebooking)
//  c2 web; visit 2025-09-01; no-show 2026-03-15
//  c3 web; visit 2025-03-15 only: active the day before March, lapsed by 31 March
//  c4 "Client Referral "; first visit 2026-03-10, next booked two days later
//  c5 web, referred by c1; first visit 2026-03-20, no-show 2026-03-25 booked beforehand
//  c6 newspaper; first visit 2026-03-28, next booking cancelled
//  c7 web; visits 2025-01-10, 2025-05-10
const char* const kClients =
    "external_id,first_name,last_name,referral_source,referred_by,registered_at\n"
    "c1,Anna,Adler,web,,2025-06-01\n"
    "c2,Bernd,Berger,web,,2025-08-01\n"
    "c3,Clara,Claus,web,,2025-03-01\n"
    "c4,Dora,Dietz,\"Client Referral \",,2026-03-01\n"
    "c5,Emil,Engel,web,c1,2026-03-01\n"
    "c6,Frida,Fink,newspaper,,2026-03-01\n"
    "c7,Gustav,Graf,web,,2025-01-01\n";

const char* const kAppointments =
    "external_id,client,practitioner,service,start,duration_minutes,status,price,created_at,"
    "cancelled_at\n"
    "a01,c1,Dr Weiss,Check-up,2025-06-10T10:00,30,completed,100.00,2025-06-01T09:00,\n"
    "a02,c1,Dr Weiss,Check-up,2026-03-05T10:00,30,completed,80.00,2026-02-20T09:00,\n"
    "a03,c1,Dr Weiss,Check-up,2026-04-02T10:00,30,booked,80.00,2026-03-15T09:00,\n"
    "a04,c2,Dr Weiss,Check-up,2025-09-01T11:00,30,completed,70.00,2025-08-20T09:00,\n"
    "a05,c2,Dr Weiss,Check-up,2026-03-15T11:00,30,no_show,70.00,2026-03-01T09:00,\n"
    "a06,c3,Dr Weiss,Check-up,2025-03-15T12:00,30,completed,90.00,2025-03-01T09:00,\n"
    "a07,c4,Dr Weiss,Check-up,2026-03-10T10:00,30,completed,120.00,2026-03-01T09:00,\n"
    "a08,c4,Dr Weiss,Check-up,2026-04-10T10:00,30,booked,120.00,2026-03-12T09:00,\n"
    "a09,c5,Dr Weiss,Check-up,2026-03-20T10:00,30,completed,60.00,2026-03-02T09:00,\n"
    "a10,c5,Dr Weiss,Check-up,2026-03-25T10:00,30,no_show,60.00,2026-03-02T09:05,\n"
    "a11,c6,Dr Weiss,Check-up,2026-03-28T10:00,30,completed,50.00,2026-03-20T09:00,\n"
    "a12,c6,Dr Weiss,Check-up,2026-04-15T10:00,30,cancelled,50.00,2026-03-28T11:00,"
    "2026-03-29T09:00\n"
    "a13,c7,Dr Weiss,Check-up,2025-01-10T10:00,30,completed,30.00,2025-01-02T09:00,\n"
    "a14,c7,Dr Weiss,Check-up,2025-05-10T10:00,30,completed,40.00,2025-05-02T09:00,\n";

// CSAT in March: 5, 4, 3, 2 (the 5 of February is outside). NPS in March: 9, 10, 7, 8, 6, 0.
const char* const kFeedback = "client,appointment,kind,score,responded_at\n"
                              "c2,a04,csat,5,2026-02-27T10:00\n"
                              "c1,a02,csat,5,2026-03-06T10:00\n"
                              "c4,a07,csat,4,2026-03-11T10:00\n"
                              "c5,a09,csat,3,2026-03-21T10:00\n"
                              "c6,a11,csat,2,2026-03-29T10:00\n"
                              "c1,a02,nps,9,2026-03-06T10:05\n"
                              "c4,a07,nps,10,2026-03-11T10:05\n"
                              "c5,a09,nps,7,2026-03-21T10:05\n"
                              "c2,a04,nps,8,2026-03-01T10:05\n"
                              "c6,a11,nps,6,2026-03-29T10:05\n"
                              "c3,a06,nps,0,2026-03-02T10:05\n";

// Paid up to 31 March: 100 + 80 + 120 + 70 + 90 + 30 + 40 = 530.00 (i5 unpaid, i6 paid in April).
const char* const kInvoices = "external_id,client,appointment,amount,issued_at,due_at,paid_at\n"
                              "i1,c1,a01,100.00,2025-06-10,2025-06-24,2025-06-10\n"
                              "i2,c1,a02,80.00,2026-03-05,2026-03-19,2026-03-06\n"
                              "i3,c4,a07,120.00,2026-03-10,2026-03-24,2026-03-10\n"
                              "i4,c2,a04,70.00,2025-09-01,2025-09-15,2025-09-01\n"
                              "i5,c5,a09,60.00,2026-03-20,2026-04-03,\n"
                              "i6,c6,a11,50.00,2026-03-28,2026-04-11,2026-04-02\n"
                              "i7,c3,a06,90.00,2025-03-15,2025-03-29,2025-03-15\n"
                              "i8,c7,a14,40.00,2025-05-10,2025-05-24,2025-05-10\n"
                              "i9,c7,a13,30.00,2025-01-10,2025-01-24,2025-01-10\n";

struct Run
{
    int exitCode = -1;
    QString err;
};

Run runBinary(const QStringList& arguments)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // As from cron: no display and no platform chosen.
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(AFTERCARE_BINARY), arguments);
    if (!process.waitForFinished(120000))
        return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardError())};
}

QString urlWithPassword(const DatabaseUrl& url)
{
    if (url.kind() == DatabaseUrl::Kind::Sqlite)
        return url.path();
    return QStringLiteral("postgresql://%1:%2@%3:%4/%5")
        .arg(url.user(), url.password(), url.host())
        .arg(url.port())
        .arg(url.databaseName());
}

} // namespace

// Known answers written as CSV, imported and reported by the real binary.
class TestReportRoundTrip : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void figure_data();
    void figure();
    void pdfWithoutDisplay();

private:
    std::unique_ptr<TestDatabase> m_holder;
    QString m_url;
    QJsonObject m_report;
};

void TestReportRoundTrip::initTestCase()
{
    QString error;
    m_holder = TestDatabase::create(backendUnderTest(), true, &error);
    QVERIFY2(m_holder, qPrintable(error));
    const QString url = urlWithPassword(m_holder->url());
    m_url = url;
    m_holder->close();

    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const std::pair<const char*, const char*> files[] = {{"clients", kClients},
                                                         {"appointments", kAppointments},
                                                         {"feedback", kFeedback},
                                                         {"invoices", kInvoices}};
    for (const auto& [kind, text] : files) {
        const QString path = directory.filePath(QLatin1String(kind) + QStringLiteral(".csv"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text);
        file.close();
        const Run imported = runBinary({QStringLiteral("--database"), url, QStringLiteral("import"),
                                        QLatin1String(kind), path});
        QVERIFY2(imported.exitCode == 0, qPrintable(kind + QStringLiteral(": ") + imported.err));
    }

    const QString out = directory.filePath(QStringLiteral("report.json"));
    const Run reported =
        runBinary({QStringLiteral("--database"), url, QStringLiteral("report"),
                   QStringLiteral("--month"), QStringLiteral("2026-03"), QStringLiteral("--format"),
                   QStringLiteral("json"), QStringLiteral("--out"), out});
    QVERIFY2(reported.exitCode == 0, qPrintable(reported.err));
    QFile json(out);
    QVERIFY(json.open(QIODevice::ReadOnly));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json.readAll(), &parseError);
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    m_report = document.object();
}

void TestReportRoundTrip::figure_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<double>("expected");
    const auto row = [](const char* path, double expected) {
        QTest::newRow(path) << QString::fromLatin1(path) << expected;
    };
    row("csat/score", 50.0); // 2 of 4 scored 4 or 5
    row("csat/mean", 3.5);
    row("csat/responses", 4);
    row("nps/score", 0.0); // (2 − 2) / 6
    row("nps/promoters", 2);
    row("nps/passives", 2);
    row("nps/detractors", 2);
    row("nps/responses", 6);
    // p = d = 1/3: 1.96 × 100 × √((2/3 − 0) / 6) = 65.33…
    row("nps/ci95/0", -196.0 / 3.0);
    row("nps/ci95/1", 196.0 / 3.0);
    // S = {c1, c2, c3, c7}, E = {c1, c2, c4, c5, c6, c7}
    row("retention/rate", 75.0);
    row("retention/churn", 25.0);
    row("retention/active_start", 4);
    row("retention/active_end", 6);
    row("retention/retained", 3);
    row("retention/new_clients", 3);
    row("no_show_rate/rate", 100.0 * 2 / 6);
    row("no_show_rate/no_shows", 2);
    row("no_show_rate/completed", 4);
    row("rebooking_rate/rate", 50.0); // c4 and c5 of c1, c4, c5, c6
    row("rebooking_rate/rebooked", 2);
    row("rebooking_rate/visits", 4);
    row("referral_rate/rate", 200.0 / 3.0); // c4 by source, c5 by referring client
    row("referral_rate/referred", 2);
    row("referral_rate/new_clients", 3);
    row("clv/historical", 530.0 / 7.0);
    // Y = 2025-04-01 … 2026-03-31: paid 410.00, 7 visits, 6 clients; churn of Y:
    // S = {c3, c7}, only c7 still active → c = 0.5, 2 years. 410 / 7 × 7 / 6 × 2.
    row("clv/predicted", 410.0 / 6.0 * 2.0);
}

void TestReportRoundTrip::figure()
{
    QFETCH(QString, path);
    QFETCH(double, expected);
    QJsonValue value = m_report;
    for (const QString& key : path.split(QLatin1Char('/'))) {
        bool isIndex = false;
        const int index = key.toInt(&isIndex);
        value = isIndex ? value.toArray().at(index) : value.toObject().value(key);
    }
    QVERIFY2(value.isDouble(), qPrintable(path));
    QVERIFY2(qAbs(value.toDouble() - expected) < 1e-9,
             qPrintable(QStringLiteral("%1: %2, expected %3")
                            .arg(path)
                            .arg(value.toDouble(), 0, 'g', 12)
                            .arg(expected, 0, 'g', 12)));
}

void TestReportRoundTrip::pdfWithoutDisplay()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString out = directory.filePath(QStringLiteral("report.pdf"));
    const Run reported =
        runBinary({QStringLiteral("--database"), m_url, QStringLiteral("report"),
                   QStringLiteral("--month"), QStringLiteral("2026-03"), QStringLiteral("--format"),
                   QStringLiteral("pdf"), QStringLiteral("--out"), out});
    QVERIFY2(reported.exitCode == 0, qPrintable(reported.err));
    QFile pdf(out);
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QCOMPARE(pdf.read(5), QByteArray("%PDF-"));
    QVERIFY(pdf.size() > 10000);
}

QTEST_GUILESS_MAIN(TestReportRoundTrip)
#include "tst_report_roundtrip.moc"
