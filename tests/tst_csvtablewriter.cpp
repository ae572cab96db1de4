#include "report/csvtablewriter.h"

#include <QTest>

using namespace aftercare;

// The CSV a drill-down exports: RFC 4180 fields, and nothing a spreadsheet runs as a formula.
class TestCsvTableWriter : public QObject
{
    Q_OBJECT

private slots:
    void cells_data();
    void cells();
};

void TestCsvTableWriter::cells_data()
{
    QTest::addColumn<QString>("cell");
    QTest::addColumn<QString>("written");
    QTest::newRow("plain") << QStringLiteral("Anna Schmidt") << QStringLiteral("Anna Schmidt");
    QTest::newRow("comma") << QStringLiteral("Schmidt, Anna")
                           << QStringLiteral("\"Schmidt, Anna\"");
    QTest::newRow("formula") << QStringLiteral("=HYPERLINK(\"x\")")
                             << QStringLiteral("\"'=HYPERLINK(\"\"x\"\")\"");
    QTest::newRow("plus") << QStringLiteral("+49 171") << QStringLiteral("'+49 171");
    QTest::newRow("minus text") << QStringLiteral("-bad") << QStringLiteral("'-bad");
    QTest::newRow("at") << QStringLiteral("@SUM(A1)") << QStringLiteral("'@SUM(A1)");
    QTest::newRow("negative number") << QStringLiteral("-3.5") << QStringLiteral("-3.5");
    QTest::newRow("empty") << QString() << QString();
}

void TestCsvTableWriter::cells()
{
    QFETCH(QString, cell);
    QFETCH(QString, written);
    const QByteArray csv = CsvTableWriter::toCsv({QStringLiteral("h")}, {{cell}});
    QCOMPARE(QString::fromUtf8(csv), QStringLiteral("h\r\n") + written + QStringLiteral("\r\n"));
}

QTEST_GUILESS_MAIN(TestCsvTableWriter)
#include "tst_csvtablewriter.moc"
