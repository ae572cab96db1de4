#include "domain/birthdate.h"
#include "domain/client.h"
#include "domain/feedbackscore.h"
#include "domain/vocabulary.h"
#include "metrics/metricformulas.h"

#include <QLocale>
#include <QTest>

using namespace aftercare;

// The rules that used to be written in several places, each now read from one definition.
class TestRules : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void birthDate_data();
    void birthDate();
    void activeStatusList();
    void keptOrComingList();
    void expectedList();
    void feedbackBands_data();
    void feedbackBands();
    void preferredChannel_data();
    void preferredChannel();
};

void TestRules::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
}

void TestRules::birthDate_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDate>("date");
    QTest::addColumn<int>("problem"); // -1 none, else BirthDate::Problem

    const int none = -1;
    const int notADate = int(BirthDate::Problem::NotADate);
    const int future = int(BirthDate::Problem::InTheFuture);
    QTest::newRow("empty: unknown") << QString("  ") << QDate() << none;
    QTest::newRow("locale short") << QString("17.05.90") << QDate(1990, 5, 17) << none;
    QTest::newRow("d.M.yyyy") << QString("7.5.1990") << QDate(1990, 5, 7) << none;
    QTest::newRow("iso") << QString("1990-05-17") << QDate(1990, 5, 17) << none;
    QTest::newRow("slashes") << QString("17/5/1990") << QDate(1990, 5, 17) << none;
    QTest::newRow("digits only (ddMMyyyy)") << QString("17051990") << QDate(1990, 5, 17) << none;
    QTest::newRow("surrounding spaces") << QString(" 17051990 ") << QDate(1990, 5, 17) << none;
    QTest::newRow("31 February") << QString("31.02.1990") << QDate() << notADate;
    QTest::newRow("before 1900") << QString("1899-12-31") << QDate() << notADate;
    QTest::newRow("words") << QString("last spring") << QDate() << notADate;
    QTest::newRow("tomorrow") << QString("2026-12-08") << QDate() << future;
    QTest::newRow("today") << QString("2026-12-07") << QDate(2026, 12, 7) << none;
}

void TestRules::birthDate()
{
    QFETCH(QString, text);
    QFETCH(QDate, date);
    QFETCH(int, problem);
    const BirthDate::Parsed parsed = BirthDate::parse(text, QDate(2026, 12, 7));
    QCOMPARE(parsed.date, date);
    QCOMPARE(parsed.problem ? int(*parsed.problem) : -1, problem);
}

void TestRules::activeStatusList()
{
    QCOMPARE(activeBookingStatusesSql(), QStringLiteral("('booked', 'confirmed', 'checked_in')"));
    for (AppointmentStatus status : allOf<AppointmentStatus>()) {
        QCOMPARE(activeBookingStatusesSql().contains(QLatin1Char('\'') + sqlName(status) +
                                                     QLatin1Char('\'')),
                 isActiveBooking(status));
    }
}

void TestRules::keptOrComingList()
{
    QCOMPARE(keptOrComingStatusesSql(),
             QStringLiteral("('booked', 'confirmed', 'checked_in', 'completed')"));
    QVERIFY(!isKeptOrComing(AppointmentStatus::Cancelled));
    QVERIFY(!isKeptOrComing(AppointmentStatus::NoShow));
}

void TestRules::expectedList()
{
    QCOMPARE(expectedBookingStatusesSql(), QStringLiteral("('booked', 'confirmed')"));
    QVERIFY(!isExpectedBooking(AppointmentStatus::CheckedIn));
}

void TestRules::feedbackBands_data()
{
    QTest::addColumn<int>("score");
    QTest::addColumn<bool>("csatSatisfied");
    QTest::addColumn<bool>("csatDetractor");
    QTest::addColumn<bool>("npsPromoter");
    QTest::addColumn<bool>("npsDetractor");
    // docs/metrics.md: CSAT satisfied 4–5, a CSAT detractor 1–2; NPS promoters 9–10,
    // detractors 0–6.
    QTest::newRow("0") << 0 << false << false << false << true;
    QTest::newRow("1") << 1 << false << true << false << true;
    QTest::newRow("2") << 2 << false << true << false << true;
    QTest::newRow("3") << 3 << false << false << false << true;
    QTest::newRow("4") << 4 << true << false << false << true;
    QTest::newRow("5") << 5 << true << false << false << true;
    QTest::newRow("6") << 6 << true << false << false << true;
    QTest::newRow("7") << 7 << true << false << false << false;
    QTest::newRow("8") << 8 << true << false << false << false;
    QTest::newRow("9") << 9 << true << false << true << false;
    QTest::newRow("10") << 10 << true << false << true << false;
}

void TestRules::feedbackBands()
{
    QFETCH(int, score);
    QFETCH(bool, csatSatisfied);
    QFETCH(bool, csatDetractor);
    QFETCH(bool, npsPromoter);
    QFETCH(bool, npsDetractor);
    QCOMPARE(MetricFormulas::isCsatSatisfied(score), csatSatisfied);
    QCOMPARE(MetricFormulas::isNpsPromoter(score), npsPromoter);
    QCOMPARE(MetricFormulas::isNpsDetractor(score), npsDetractor);
    if (const auto csat = FeedbackScore::parse(FeedbackKind::Csat, score))
        QCOMPARE(csat->isDetractor(), csatDetractor);
    if (const auto nps = FeedbackScore::parse(FeedbackKind::Nps, score))
        QCOMPARE(nps->isDetractor(), npsDetractor);
}

void TestRules::preferredChannel_data()
{
    QTest::addColumn<int>("channel");
    QTest::addColumn<bool>("email");
    QTest::addColumn<bool>("phone");
    QTest::addColumn<bool>("refused");

    const int byEmail = int(ContactChannel::Email);
    QTest::newRow("no contact at all") << byEmail << false << false << false;
    QTest::newRow("e-mail with an address") << byEmail << true << false << false;
    QTest::newRow("e-mail, only a phone") << byEmail << false << true << true;
    QTest::newRow("sms, only an e-mail") << int(ContactChannel::Sms) << true << false << false;
    QTest::newRow("phone, only a phone") << int(ContactChannel::Phone) << false << true << false;
    QTest::newRow("letter, only a phone") << int(ContactChannel::Letter) << false << true << false;
}

void TestRules::preferredChannel()
{
    QFETCH(int, channel);
    QFETCH(bool, email);
    QFETCH(bool, phone);
    QFETCH(bool, refused);
    QCOMPARE(prefersMissingEmail(ContactChannel(channel), email, phone), refused);
}

QTEST_GUILESS_MAIN(TestRules)
#include "tst_rules.moc"
