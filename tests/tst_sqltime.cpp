#include "database/sqltime.h"

#include <QTest>

using namespace aftercare;

// Reading stored times back: the hand-written reader of 'YYYY-MM-DD HH:MM:SS' and the
// general fall-backs must agree on every shape a database hands back.
class TestSqlTime : public QObject
{
    Q_OBJECT

private slots:
    void toDateTime_data();
    void toDateTime();
    void roundTrip();
};

void TestSqlTime::toDateTime_data()
{
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QDateTime>("expected");
    const QDateTime tenPast(QDate(2026, 11, 28), QTime(10, 10, 5));
    QTest::newRow("stored text") << QVariant(QStringLiteral("2026-11-28 10:10:05")) << tenPast;
    QTest::newRow("ISO with T") << QVariant(QStringLiteral("2026-11-28T10:10:05")) << tenPast;
    QTest::newRow("fraction ignored")
        << QVariant(QStringLiteral("2026-11-28 10:10:05.250")) << tenPast;
    QTest::newRow("surrounding blanks")
        << QVariant(QStringLiteral(" 2026-11-28 10:10:05 ")) << tenPast;
    QTest::newRow("bare date is midnight")
        << QVariant(QStringLiteral("2026-11-28")) << QDateTime(QDate(2026, 11, 28), QTime(0, 0));
    QTest::newRow("leap day") << QVariant(QStringLiteral("2028-02-29 23:59:59"))
                              << QDateTime(QDate(2028, 2, 29), QTime(23, 59, 59));
    QTest::newRow("no such day") << QVariant(QStringLiteral("2026-02-30 10:00:00")) << QDateTime();
    // ISO 8601's end of the day, as Qt reads it: the next midnight.
    QTest::newRow("end of day") << QVariant(QStringLiteral("2026-11-28T24:00:00"))
                                << QDateTime(QDate(2026, 11, 29), QTime(0, 0));
    QTest::newRow("letters") << QVariant(QStringLiteral("2026-1x-28 10:00:00")) << QDateTime();
    QTest::newRow("null") << QVariant(QMetaType::fromType<QString>()) << QDateTime();
    QTest::newRow("driver QDateTime") << QVariant(tenPast) << tenPast;
}

void TestSqlTime::toDateTime()
{
    QFETCH(QVariant, value);
    QFETCH(QDateTime, expected);
    QCOMPARE(SqlTime::toDateTime(value), expected);
}

void TestSqlTime::roundTrip()
{
    for (const QDateTime& time :
         {QDateTime(QDate(2026, 3, 29), QTime(3, 30)), QDateTime(QDate(2026, 10, 25), QTime(2, 30)),
          QDateTime(QDate(1999, 12, 31), QTime(23, 59, 59))})
        QCOMPARE(SqlTime::toDateTime(SqlTime::toSql(time)), time);
}

QTEST_GUILESS_MAIN(TestSqlTime)
#include "tst_sqltime.moc"
