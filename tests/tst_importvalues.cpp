#include "importing/importkind.h"
#include "importing/importvalues.h"

#include <QTest>

using namespace aftercare;

class TestImportValues : public QObject
{
    Q_OBJECT

private slots:
    void cents_data();
    void cents();
    void dates_data();
    void dates();
    void times_data();
    void times();
    void daylightSavingIsTheZonesBusiness();
    void words();
    void numbers_data();
    void numbers();
    void integers();
    void importKinds();
};

void TestImportValues::cents_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("cents"); // -1: refused
    QTest::newRow("whole") << "12" << qint64(1200);
    QTest::newRow("one decimal") << "12.5" << qint64(1250);
    QTest::newRow("two decimals") << "12.50" << qint64(1250);
    QTest::newRow("zero") << "0" << qint64(0);
    QTest::newRow("five cents") << "0.05" << qint64(5);
    // Values that binary floating point gets wrong (0.29 * 100 = 28.999...).
    QTest::newRow("0.29") << "0.29" << qint64(29);
    QTest::newRow("1.15") << "1.15" << qint64(115);
    QTest::newRow("4.35") << "4.35" << qint64(435);
    QTest::newRow("19.99") << "19.99" << qint64(1999);
    QTest::newRow("large") << "999999999999999.99" << qint64(99999999999999999LL);
    QTest::newRow("leading zeros") << "007.10" << qint64(710);
    QTest::newRow("three decimals") << "12.505" << qint64(-1);
    QTest::newRow("decimal comma") << "12,50" << qint64(-1);
    QTest::newRow("thousands separator") << "1,000.00" << qint64(-1);
    QTest::newRow("negative") << "-5" << qint64(-1);
    QTest::newRow("plus sign") << "+5" << qint64(-1);
    QTest::newRow("no whole part") << ".5" << qint64(-1);
    QTest::newRow("nothing after the dot") << "12." << qint64(-1);
    QTest::newRow("exponent") << "1e3" << qint64(-1);
    QTest::newRow("space") << "12 50" << qint64(-1);
    QTest::newRow("currency") << "€12" << qint64(-1);
    QTest::newRow("too long") << "1234567890123456" << qint64(-1);
    QTest::newRow("empty") << "" << qint64(-1);
}

void TestImportValues::cents()
{
    QFETCH(QString, text);
    QFETCH(qint64, cents);
    QCOMPARE(ImportValues::parseCents(text).value_or(-1), cents);
}

void TestImportValues::dates_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDate>("date");
    QTest::newRow("plain") << "1980-02-29" << QDate(1980, 2, 29);
    QTest::newRow("not a leap year") << "1981-02-29" << QDate();
    QTest::newRow("month 13") << "1980-13-01" << QDate();
    QTest::newRow("day first") << "29.02.1980" << QDate();
    QTest::newRow("short") << "1980-2-29" << QDate();
    QTest::newRow("with time") << "1980-02-29T10:00" << QDate();
    QTest::newRow("slashes") << "1980/02/29" << QDate();
}

void TestImportValues::dates()
{
    QFETCH(QString, text);
    QFETCH(QDate, date);
    QCOMPARE(ImportValues::parseDate(text).value_or(QDate()), date);
}

void TestImportValues::times_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>(
        "local"); // the wall-clock reading in a zone of UTC+01:00; empty: refused
    QTest::newRow("minutes") << "2026-10-05T09:30"
                             << "2026-10-05 09:30:00";
    QTest::newRow("seconds") << "2026-10-05T09:30:15"
                             << "2026-10-05 09:30:15";
    QTest::newRow("bare date is midnight") << "2026-10-05"
                                           << "2026-10-05 00:00:00";
    QTest::newRow("Z") << "2026-10-05T08:30Z"
                       << "2026-10-05 09:30:00";
    QTest::newRow("offset +02:00") << "2026-10-05T10:30:00+02:00"
                                   << "2026-10-05 09:30:00";
    QTest::newRow("offset -0500") << "2026-10-05T03:30-0500"
                                  << "2026-10-05 09:30:00";
    QTest::newRow("offset +05") << "2026-10-05T13:30+05"
                                << "2026-10-05 09:30:00";
    QTest::newRow("offset crossing midnight") << "2026-10-05T23:30:00-03:00"
                                              << "2026-10-06 03:30:00";
    QTest::newRow("space instead of T") << "2026-10-05 09:30"
                                        << "";
    QTest::newRow("hour 24") << "2026-10-05T24:00"
                             << "";
    QTest::newRow("minute 60") << "2026-10-05T09:60"
                               << "";
    QTest::newRow("one-digit hour") << "2026-10-05T9:30"
                                    << "";
    QTest::newRow("fraction of a second") << "2026-10-05T09:30:00.5"
                                          << "";
    QTest::newRow("bad offset") << "2026-10-05T09:30+1"
                                << "";
    QTest::newRow("offset out of range") << "2026-10-05T09:30+15:00"
                                         << "";
    QTest::newRow("bad date") << "2026-02-30T09:30"
                              << "";
    QTest::newRow("trailing text") << "2026-10-05T09:30 local"
                                   << "";
}

void TestImportValues::times()
{
    QFETCH(QString, text);
    QFETCH(QString, local);
    const auto parsed = ImportValues::parseTime(text, QTimeZone(3600));
    QCOMPARE(parsed ? parsed->toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : QString(), local);
}

void TestImportValues::daylightSavingIsTheZonesBusiness()
{
    const QTimeZone berlin("Europe/Berlin");
    QVERIFY2(berlin.isValid(), "the time zone database (tzdata) is missing");
    auto summer = ImportValues::parseTime(u"2026-07-01T10:00:00Z", berlin);
    auto winter = ImportValues::parseTime(u"2026-01-15T10:00:00Z", berlin);
    QCOMPARE(summer->toString(QStringLiteral("yyyy-MM-dd HH:mm")),
             QStringLiteral("2026-07-01 12:00"));
    QCOMPARE(winter->toString(QStringLiteral("yyyy-MM-dd HH:mm")),
             QStringLiteral("2026-01-15 11:00"));
    // A local time inside the spring-forward gap is kept as written: it is a reading, not an
    // instant.
    auto gap = ImportValues::parseTime(u"2026-03-29T02:30", berlin);
    QCOMPARE(gap->toString(QStringLiteral("yyyy-MM-dd HH:mm")), QStringLiteral("2026-03-29 02:30"));
}

void TestImportValues::words()
{
    QCOMPARE(ImportValues::parseYesNo(u"yes"), std::optional<bool>(true));
    QCOMPARE(ImportValues::parseYesNo(u"No"), std::optional<bool>(false));
    QCOMPARE(ImportValues::parseYesNo(u"y"), std::nullopt);
    QCOMPARE(ImportValues::parseYesNo(u"1"), std::nullopt);
    QCOMPARE(ImportValues::parseYesNo(u"true"), std::nullopt);

    QCOMPARE(ImportValues::parseSex(u"female"), std::optional<Sex>(Sex::Female));
    QCOMPARE(ImportValues::parseSex(u"F"), std::optional<Sex>(Sex::Female));
    QCOMPARE(ImportValues::parseSex(u"m"), std::optional<Sex>(Sex::Male));
    QCOMPARE(ImportValues::parseSex(u"X"), std::optional<Sex>(Sex::Other));
    QCOMPARE(ImportValues::parseSex(u"other"), std::optional<Sex>(Sex::Other));
    QCOMPARE(ImportValues::parseSex(u"U"), std::optional<Sex>(Sex::Unknown));
    QCOMPARE(ImportValues::parseSex(u"Unknown"), std::optional<Sex>(Sex::Unknown));
    QCOMPARE(ImportValues::parseSex(u"O"), std::nullopt);
    QCOMPARE(ImportValues::parseSex(u"w"), std::nullopt);
    QCOMPARE(ImportValues::parseSex(u"fem"), std::nullopt);

    QCOMPARE(ImportValues::parseWord<FeedbackKind>(u"NPS"),
             std::optional<FeedbackKind>(FeedbackKind::Nps));
    QCOMPARE(ImportValues::parseWord<AppointmentStatus>(u"no_show"),
             std::optional<AppointmentStatus>(AppointmentStatus::NoShow));
    QCOMPARE(ImportValues::parseWord<AppointmentStatus>(u"no-show"), std::nullopt);
}

void TestImportValues::numbers_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<double>("value");
    QTest::newRow("integer") << "4" << true << 4.0;
    QTest::newRow("decimal") << "4.7" << true << 4.7;
    QTest::newRow("negative") << "-0.25" << true << -0.25;
    QTest::newRow("exponent") << "1e3" << true << 1000.0;
    QTest::newRow("decimal comma") << "4,7" << false << 0.0;
    QTest::newRow("thousands") << "1,000" << false << 0.0;
    QTest::newRow("inf") << "inf" << false << 0.0;
    QTest::newRow("nan") << "nan" << false << 0.0;
    QTest::newRow("text") << "negative" << false << 0.0;
    QTest::newRow("comparison") << "<0.5" << false << 0.0;
}

void TestImportValues::numbers()
{
    QFETCH(QString, text);
    QFETCH(bool, accepted);
    QFETCH(double, value);
    const auto parsed = ImportValues::parseNumber(text);
    QCOMPARE(parsed.has_value(), accepted);
    if (accepted)
        QCOMPARE(*parsed, value);
}

void TestImportValues::integers()
{
    QCOMPARE(ImportValues::parseInteger(u"10"), std::optional<int>(10));
    QCOMPARE(ImportValues::parseInteger(u"-1"), std::optional<int>(-1));
    QCOMPARE(ImportValues::parseInteger(u"0"), std::optional<int>(0));
    QCOMPARE(ImportValues::parseInteger(u"4.0"), std::nullopt);
    QCOMPARE(ImportValues::parseInteger(u"ten"), std::nullopt);
    QCOMPARE(ImportValues::parseInteger(u"-"), std::nullopt);
    QCOMPARE(ImportValues::parseInteger(u"12345678901"), std::nullopt);
}

void TestImportValues::importKinds()
{
    for (ImportKind kind : kImportKinds)
        QCOMPARE(parseImportKind(importKindName(kind)), std::optional<ImportKind>(kind));
    QCOMPARE(parseImportKind(u"Appointments"), std::optional<ImportKind>(ImportKind::Appointments));
    QCOMPARE(parseImportKind(u"client"), std::nullopt);
    QCOMPARE(parseImportKind(u"payments"), std::nullopt);
}

QTEST_GUILESS_MAIN(TestImportValues)
#include "tst_importvalues.moc"
