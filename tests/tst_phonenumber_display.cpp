#include "domain/phonenumber.h"

#include <QTest>

using namespace aftercare;

// How a stored number is written on screen and paper: grouped by libphonenumber, by the
// numbering plan of the number's country, not by a guess at the length of the area code.
class TestPhoneNumberDisplay : public QObject
{
    Q_OBJECT

private slots:
    void grouping_data();
    void grouping();
    void regions_data();
    void regions();
};

void TestPhoneNumberDisplay::grouping_data()
{
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("shown");

    // German area codes are two to five digits long; the split follows each one.
    QTest::newRow("Berlin, 2 digits") << "DE"
                                      << "030 1234567"
                                      << "030 1234567";
    QTest::newRow("Freiburg, 3 digits") << "DE"
                                        << "0761/4567890"
                                        << "0761 4567890";
    QTest::newRow("Staufen, 4 digits") << "DE"
                                       << "0763312345"
                                       << "07633 12345";
    QTest::newRow("Kleinmachnow, 5 digits") << "DE"
                                            << "033203 12345"
                                            << "033203 12345";
    QTest::newRow("mobile") << "DE"
                            << "01712345678"
                            << "0171 2345678";
    QTest::newRow("Berlin from abroad") << "DE"
                                        << "+49 30 1234567"
                                        << "+49 30 1234567";
    QTest::newRow("Freiburg from abroad") << "DE"
                                          << "+497614567890"
                                          << "+49 761 4567890";
    QTest::newRow("Staufen from abroad") << "DE"
                                         << "+49 7633 12345"
                                         << "+49 7633 12345";
    QTest::newRow("Kleinmachnow from abroad") << "DE"
                                              << "0049 33203 12345"
                                              << "+49 33203 12345";
    QTest::newRow("mobile from abroad") << "DE"
                                        << "+491712345678"
                                        << "+49 171 2345678";

    // International numbers are grouped by their own country, whatever the practice's.
    QTest::newRow("Vienna") << "DE"
                            << "+43 1 5125555"
                            << "+43 1 5125555";
    QTest::newRow("Salzburg") << "DE"
                              << "0043 662 8042"
                              << "+43 662 8042";
    QTest::newRow("Zurich") << "DE"
                            << "+41446681800"
                            << "+41 44 668 18 00";
    QTest::newRow("London") << "DE"
                            << "+44 20 7946 0000"
                            << "+44 20 7946 0000";
    QTest::newRow("Washington") << "DE"
                                << "+1 202 555 0123"
                                << "+1 202-555-0123";
    QTest::newRow("abroad, no region known") << ""
                                             << "+43 1 5125555"
                                             << "+43 1 5125555";

    // National numbers are the practice's country's.
    QTest::newRow("Vienna, practice in Austria") << "AT"
                                                 << "01 5125555"
                                                 << "01 5125555";
    QTest::newRow("Zurich, practice in Switzerland") << "CH"
                                                     << "0446681800"
                                                     << "044 668 18 00";
    QTest::newRow("London, practice in the UK") << "GB"
                                                << "02079460000"
                                                << "020 7946 0000";
    QTest::newRow("national, no region known") << ""
                                               << "0763312345"
                                               << "0763312345";

    // A local number without area code, and numbers the plan does not know, as stored.
    QTest::newRow("local") << "DE"
                           << "4567890"
                           << "4567890";
    QTest::newRow("no such country") << "DE"
                                     << "+999 12345"
                                     << "+99912345";
    QTest::newRow("no such country, double zero") << "DE"
                                                  << "00999 12345"
                                                  << "+99912345";
}

void TestPhoneNumberDisplay::grouping()
{
    QFETCH(QString, region);
    QFETCH(QString, typed);
    QFETCH(QString, shown);
    const auto number = PhoneNumber::parse(typed);
    QVERIFY(number);
    QCOMPARE(number->displayText(PhoneRegion::fromCode(region)), shown);
    // What is shown reads back as the same digits (search and matching compare those).
    const auto digits = [](QString value) {
        if (value.startsWith(QLatin1String("00")))
            value = value.mid(2);
        return value.remove(u'+');
    };
    QCOMPARE(digits(PhoneNumber::parse(shown).value().value()), digits(number->value()));
}

void TestPhoneNumberDisplay::regions_data()
{
    QTest::addColumn<PhoneRegion>("region");
    QTest::addColumn<QString>("code");
    QTest::newRow("code") << PhoneRegion::fromCode(QStringLiteral("DE")) << "DE";
    QTest::newRow("lower case") << PhoneRegion::fromCode(QStringLiteral(" at ")) << "AT";
    QTest::newRow("no such code") << PhoneRegion::fromCode(QStringLiteral("XY")) << "";
    QTest::newRow("not a code") << PhoneRegion::fromCode(QStringLiteral("Germany")) << "";
    QTest::newRow("empty") << PhoneRegion::fromCode(QString()) << "";
    QTest::newRow("territory") << PhoneRegion::fromTerritory(QLocale::Switzerland) << "CH";
    QTest::newRow("UK") << PhoneRegion::fromTerritory(QLocale::UnitedKingdom) << "GB";
    QTest::newRow("any territory") << PhoneRegion::fromTerritory(QLocale::AnyTerritory) << "";
    QTest::newRow("nothing") << PhoneRegion() << "";
}

void TestPhoneNumberDisplay::regions()
{
    QFETCH(PhoneRegion, region);
    QFETCH(QString, code);
    QCOMPARE(region.code(), code);
    QCOMPARE(region.isKnown(), !code.isEmpty());
}

QTEST_APPLESS_MAIN(TestPhoneNumberDisplay)
#include "tst_phonenumber_display.moc"
