// backends: sqlite postgresql
#include "database/database.h"
#include "testdatabase.h"

#include <QSqlQuery>
#include <QTest>

using namespace aftercare;

// Database::collect(), the one loop behind the repositories' lists: every row, in the order the
// query gives, each through the mapping; a failing query is an error, never an empty list.
class TestDatabaseCollect : public QObject
{
    Q_OBJECT

private slots:
    void mapsEveryRowInOrder();
    void noRowsIsAnEmptyList();
    void aFailingQueryIsAnError();
};

void TestDatabaseCollect::mapsEveryRowInOrder()
{
    AFTERCARE_FRESH_DATABASE(db);
    for (const auto& [key, value] :
         {std::pair{"b.key", "two"}, {"a.key", "one"}, {"c.key", "three"}})
        QVERIFY(db.run(QStringLiteral("INSERT INTO practice_settings (key, value) VALUES (?, ?)"),
                       {QString::fromLatin1(key), QString::fromLatin1(value)}));
    auto rows = db.collect(
        QStringLiteral("SELECT key, value FROM practice_settings WHERE key <> ? ORDER BY key"),
        {QStringLiteral("c.key")}, [](const QSqlQuery& row) {
            return row.value(0).toString() + QLatin1Char('=') + row.value(1).toString();
        });
    QVERIFY2(rows, rows ? "" : qPrintable(rows.error().describe()));
    QCOMPARE(*rows,
             (std::vector<QString>{QStringLiteral("a.key=one"), QStringLiteral("b.key=two")}));
}

void TestDatabaseCollect::noRowsIsAnEmptyList()
{
    AFTERCARE_FRESH_DATABASE(db);
    auto rows = db.collect(QStringLiteral("SELECT key FROM practice_settings"), {},
                           [](const QSqlQuery& row) { return row.value(0).toString(); });
    QVERIFY(rows);
    QVERIFY(rows->empty());
}

void TestDatabaseCollect::aFailingQueryIsAnError()
{
    AFTERCARE_FRESH_DATABASE(db);
    int mapped = 0;
    auto rows = db.collect(QStringLiteral("SELECT no_such_column FROM practice_settings"), {},
                           [&](const QSqlQuery&) { return ++mapped; });
    QVERIFY(!rows);
    QCOMPARE(rows.error().kind, ErrorKind::Database);
    QCOMPARE(mapped, 0);
}

QTEST_GUILESS_MAIN(TestDatabaseCollect)
#include "tst_database_collect.moc"
