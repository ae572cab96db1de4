#include "importing/csvreader.h"

#include <QTest>

using namespace aftercare;

namespace {

struct Read
{
    QList<QStringList> records;
    QList<qint64> lines;
    QList<int> errors; // indexes of records that came back with an error
    QStringList errorTexts;
};

Read readAll(const QByteArray& input)
{
    CsvReader reader(input);
    CsvRecord record;
    Read read;
    while (reader.next(record)) {
        if (!record.error.isEmpty()) {
            read.errors.append(int(read.records.size()));
            read.errorTexts.append(record.error);
        }
        read.records.append(record.fields);
        read.lines.append(record.line);
    }
    return read;
}

} // namespace

class TestCsvReader : public QObject
{
    Q_OBJECT

private slots:
    void wellFormed_data();
    void wellFormed();
    void malformed_data();
    void malformed();
    void byteOrderMarkIsStripped();
    void positionReachesTheEnd();
    void invalidUtf8Line_data();
    void invalidUtf8Line();
};

void TestCsvReader::wellFormed_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QList<QStringList>>("records");
    QTest::addColumn<QList<qint64>>("lines");

    using L = QList<QStringList>;
    using N = QList<qint64>;
    QTest::newRow("LF") << QByteArray("a,b\n1,2\n") << L{{"a", "b"}, {"1", "2"}} << N{1, 2};
    QTest::newRow("CRLF") << QByteArray("a,b\r\n1,2\r\n") << L{{"a", "b"}, {"1", "2"}} << N{1, 2};
    QTest::newRow("lone CR") << QByteArray("a,b\r1,2\r") << L{{"a", "b"}, {"1", "2"}} << N{1, 2};
    QTest::newRow("no final line break")
        << QByteArray("a,b\n1,2") << L{{"a", "b"}, {"1", "2"}} << N{1, 2};
    QTest::newRow("empty input") << QByteArray() << L{} << N{};
    QTest::newRow("comma in quotes")
        << QByteArray("\"Smith, Jr.\",x\n") << L{{"Smith, Jr.", "x"}} << N{1};
    QTest::newRow("doubled quotes")
        << QByteArray("\"say \"\"hi\"\"\",\"\"\"\"\n") << L{{"say \"hi\"", "\""}} << N{1};
    QTest::newRow("line break in quotes")
        << QByteArray("\"line one\nline two\",x\nnext,y\n")
        << L{{"line one\nline two", "x"}, {"next", "y"}} << N{1, 3};
    QTest::newRow("CRLF in quotes becomes LF") << QByteArray("\"a\r\nb\r\n\r\nc\",d\r\ne,f\r\n")
                                               << L{{"a\nb\n\nc", "d"}, {"e", "f"}} << N{1, 5};
    QTest::newRow("empty fields") << QByteArray(",,\na,,b\n\"\",x\n")
                                  << L{{"", "", ""}, {"a", "", "b"}, {"", "x"}} << N{1, 2, 3};
    QTest::newRow("empty line is a record of one empty field")
        << QByteArray("a\n\nb\n") << L{{"a"}, {""}, {"b"}} << N{1, 2, 3};
    QTest::newRow("comma at the very end") << QByteArray("a,") << L{{"a", ""}} << N{1};
    QTest::newRow("quoted last field without line break")
        << QByteArray("a,\"b\"") << L{{"a", "b"}} << N{1};
    QTest::newRow("spaces are kept") << QByteArray(" a , b \n") << L{{" a ", " b "}} << N{1};
    QTest::newRow("UTF-8") << QByteArray("Zoë,Ünal,日本\n") << L{{"Zoë", "Ünal", "日本"}} << N{1};
    QTest::newRow("quotes around an empty line break")
        << QByteArray("\"\n\",x\r\n\"\",\"\"\r\n") << L{{"\n", "x"}, {"", ""}} << N{1, 3};
}

void TestCsvReader::wellFormed()
{
    QFETCH(QByteArray, input);
    QFETCH(QList<QStringList>, records);
    QFETCH(QList<qint64>, lines);
    const Read read = readAll(input);
    QCOMPARE(read.errorTexts, QStringList());
    QCOMPARE(read.records, records);
    QCOMPARE(read.lines, lines);
}

void TestCsvReader::malformed_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QList<QStringList>>("goodRecords"); // the records read without error
    QTest::addColumn<QList<qint64>>("lines");            // the line of every record, bad ones too
    QTest::addColumn<QList<int>>("errors");
    QTest::addColumn<QString>("mentions"); // text the first error must contain

    using L = QList<QStringList>;
    using N = QList<qint64>;
    using E = QList<int>;
    QTest::newRow("quote inside an unquoted field")
        << QByteArray("a,b\"c,d\nx,y\n") << L{{"x", "y"}} << N{1, 2} << E{0}
        << QStringLiteral("Line 1, field 2");
    QTest::newRow("text after the closing quote")
        << QByteArray("h1,h2\n\"ab\"c,d\nx,y\n") << L{{"h1", "h2"}, {"x", "y"}} << N{1, 2, 3}
        << E{1} << QStringLiteral("Line 2, field 1");
    QTest::newRow("quoted field never closed")
        << QByteArray("h\n1,\"bc\nd,e\n") << L{{"h"}} << N{1, 2} << E{1}
        << QStringLiteral("Line 2, field 2");
    QTest::newRow("stray quote after a multi-line field")
        << QByteArray("\"a\nb\" c,d\nx\n") << L{{"x"}} << N{1, 3} << E{0}
        << QStringLiteral("Line 2, field 1");
    QTest::newRow("CRLF file, stray quote, reading resumes")
        << QByteArray("a,b\r\n1,2\"\r\n3,4\r\n") << L{{"a", "b"}, {"3", "4"}} << N{1, 2, 3} << E{1}
        << QStringLiteral("Line 2, field 2");
}

void TestCsvReader::malformed()
{
    QFETCH(QByteArray, input);
    QFETCH(QList<QStringList>, goodRecords);
    QFETCH(QList<qint64>, lines);
    QFETCH(QList<int>, errors);
    QFETCH(QString, mentions);
    const Read read = readAll(input);
    QCOMPARE(read.errors, errors);
    QCOMPARE(read.lines, lines);
    QList<QStringList> good;
    for (int i = 0; i < read.records.size(); ++i)
        if (!read.errors.contains(i))
            good.append(read.records.at(i));
    QCOMPARE(good, goodRecords);
    QVERIFY2(read.errorTexts.first().contains(mentions), qPrintable(read.errorTexts.first()));
}

void TestCsvReader::byteOrderMarkIsStripped()
{
    const Read read = readAll(QByteArray("\xEF\xBB\xBF"
                                         "external_id,name\r\nK1,x\r\n"));
    QCOMPARE(read.records, (QList<QStringList>{{"external_id", "name"}, {"K1", "x"}}));
    QCOMPARE(read.lines, (QList<qint64>{1, 2}));
    // A mark before a quoted first field must not turn its quote into a stray one.
    const Read quoted = readAll(QByteArray("\xEF\xBB\xBF"
                                           "\"external_id\",name\n"));
    QCOMPARE(quoted.errorTexts, QStringList());
    QCOMPARE(quoted.records, (QList<QStringList>{{"external_id", "name"}}));
}

void TestCsvReader::positionReachesTheEnd()
{
    const QByteArray input("a,b\n\"x\ny\",2\n3,4");
    CsvReader reader(input);
    CsvRecord record;
    QCOMPARE(reader.size(), qint64(input.size()));
    QVERIFY(reader.next(record));
    QCOMPARE(reader.position(), qint64(4));
    QVERIFY(reader.next(record));
    QCOMPARE(reader.position(), qint64(12));
    QVERIFY(reader.next(record));
    QCOMPARE(reader.position(), qint64(input.size()));
    QVERIFY(!reader.next(record));
    QVERIFY(!reader.next(record)); // stays at the end
}

void TestCsvReader::invalidUtf8Line_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<qint64>("line");
    QTest::newRow("valid") << QByteArray("a,ö\nb,c\n") << qint64(0);
    QTest::newRow("Latin-1 on line 3") << QByteArray("a,b\nc,d\nM\xfc"
                                                     "ller,e\n")
                                       << qint64(3);
    QTest::newRow("first line") << QByteArray("\xff\n") << qint64(1);
    QTest::newRow("truncated sequence at the end") << QByteArray("a\nb\xc3") << qint64(2);
}

void TestCsvReader::invalidUtf8Line()
{
    QFETCH(QByteArray, input);
    QFETCH(qint64, line);
    QCOMPARE(CsvReader::firstInvalidUtf8Line(input), line);
}

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
