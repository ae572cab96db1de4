// gui
#include "common/displayformat.h"
#include "domain/clocktime.h"
#include "domain/phonenumber.h"

#include <QLocale>
#include <QTest>

using namespace aftercare;
using namespace aftercare::ui;

class TestGuiDisplayFormat : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { QLocale::setDefault(QLocale::c()); }
    void timesHaveNoSeconds_data();
    void timesHaveNoSeconds();
    void phoneNumbersOneWay_data();
    void phoneNumbersOneWay();
};

void TestGuiDisplayFormat::timesHaveNoSeconds_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("time");
    // C is what a bare account (and the test run) has: its short form has seconds.
    QTest::newRow("C") << QStringLiteral("C") << QStringLiteral("09:30");
    QTest::newRow("de") << QStringLiteral("de_DE") << QStringLiteral("09:30");
    QTest::newRow("en_US") << QStringLiteral("en_US") << QStringLiteral("9:30 AM");
    QTest::newRow("en_GB") << QStringLiteral("en_GB") << QStringLiteral("09:30");
}

void TestGuiDisplayFormat::timesHaveNoSeconds()
{
    QFETCH(QString, locale);
    QFETCH(QString, time);
    QLocale::setDefault(QLocale(locale));
    const QDateTime at(QDate(2026, 5, 12), QTime(9, 30, 15));
    QCOMPARE(timeText(at.time()), time);
    QVERIFY(!timeFormat().contains(u's'));
    QVERIFY(!dateTimeEditFormat().contains(u's'));
    QVERIFY2(dateTimeText(at).endsWith(time), qPrintable(dateTimeText(at)));
    QVERIFY2(appointmentTimeText(at).endsWith(time), qPrintable(appointmentTimeText(at)));
    QVERIFY2(clockDateTimeText(at).endsWith(time), qPrintable(clockDateTimeText(at)));
    QVERIFY(!clockDateTimeText(at).contains(QLatin1String(":15")));
}

void TestGuiDisplayFormat::phoneNumbersOneWay_data()
{
    QTest::addColumn<QString>("stored");
    QTest::addColumn<QString>("shown");
    QTest::newRow("typed at the desk")
        << QStringLiteral("+491712345678") << QStringLiteral("+49 171 2345678");
    QTest::newRow("from the demo")
        << QStringLiteral("+49 761 4567890") << QStringLiteral("+49 761 4567890");
    QTest::newRow("with dashes") << QStringLiteral("+49-761-45 67 890")
                                 << QStringLiteral("+49 761 4567890");
    QTest::newRow("national mobile")
        << QStringLiteral("01712345678") << QStringLiteral("0171 2345678");
    QTest::newRow("Berlin") << QStringLiteral("030/1234567") << QStringLiteral("030 1234567");
    QTest::newRow("Berlin from abroad")
        << QStringLiteral("0049 30 1234567") << QStringLiteral("+49 30 1234567");
    QTest::newRow("North America")
        << QStringLiteral("+1 202 555 0123") << QStringLiteral("+1 202-555-0123");
    QTest::newRow("local") << QStringLiteral("4567890") << QStringLiteral("4567890");
    QTest::newRow("not a number") << QStringLiteral("ask at the desk")
                                  << QStringLiteral("ask at the desk");
}

void TestGuiDisplayFormat::phoneNumbersOneWay()
{
    QFETCH(QString, stored);
    QFETCH(QString, shown);
    setPhoneRegion(PhoneRegion::fromCode(QStringLiteral("DE")));
    QCOMPARE(phoneText(stored), shown);
    // The same number however it was typed is shown the same.
    if (const auto number = PhoneNumber::parse(stored)) {
        QCOMPARE(phoneText(*number), shown);
        QCOMPARE(number->displayText(phoneRegion()), shown);
    }
}

QTEST_MAIN(TestGuiDisplayFormat)
#include "tst_gui_displayformat.moc"
