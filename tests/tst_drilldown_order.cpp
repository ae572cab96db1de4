// backends: sqlite postgresql
#include "database/database.h"
#include "metrics/metricdrilldown.h"
#include "testdatabase.h"
#include "tst_metrics_fixture.h"

#include <QTest>

using namespace aftercare;
using namespace aftercare::test;

namespace {

const Period kMarch{QDate(2026, 3, 1), QDate(2026, 3, 31)};

Actor manager()
{
    Actor actor;
    actor.role = Role::Manager;
    return actor;
}

// "client@MM-dd" of each row, a page of one row at a time so that paging keeps the order.
QStringList listed(const MetricDrilldown& drilldown, const DrilldownQuery& query)
{
    QStringList rows;
    for (qint64 offset = 0;; ++offset) {
        auto page = drilldown.rows(query, offset, 1);
        if (!page)
            return {page.error().describe()};
        if (page->empty())
            return rows;
        for (const DrilldownRow& row : *page)
            rows << QStringLiteral("%1@%2").arg(row.clientName,
                                                row.when.toString(QStringLiteral("MM-dd")));
    }
}

} // namespace

Q_DECLARE_METATYPE(aftercare::DrilldownSubject)
Q_DECLARE_METATYPE(aftercare::DrilldownOrder)

class TestDrilldownOrder : public QObject
{
    Q_OBJECT

private slots:
    void sortsInSql_data();
    void sortsInSql();
};

void TestDrilldownOrder::sortsInSql_data()
{
    QTest::addColumn<DrilldownSubject>("subject");
    QTest::addColumn<DrilldownOrder>("order");
    QTest::addColumn<bool>("descending");
    QTest::addColumn<QStringList>("expected");
    // Visits: Ann (K1) 3 March with Dr Adams, Ben (K2) 5 March with Dr Adams, Ann 20 March
    // with Dr Brown.
    QTest::newRow("by date") << DrilldownSubject::Visits << DrilldownOrder::When << false
                             << QStringList{"K1, Test@03-03", "K2, Test@03-05", "K1, Test@03-20"};
    QTest::newRow("latest first") << DrilldownSubject::Visits << DrilldownOrder::When << true
                                  << QStringList{"K1, Test@03-20", "K2, Test@03-05",
                                                 "K1, Test@03-03"};
    QTest::newRow("by client") << DrilldownSubject::Visits << DrilldownOrder::Client << false
                               << QStringList{"K1, Test@03-03", "K1, Test@03-20", "K2, Test@03-05"};
    QTest::newRow("by client, descending")
        << DrilldownSubject::Visits << DrilldownOrder::Client << true
        << QStringList{"K2, Test@03-05", "K1, Test@03-20", "K1, Test@03-03"};
    QTest::newRow("by practitioner, descending")
        << DrilldownSubject::Visits << DrilldownOrder::Practitioner << true
        << QStringList{"K1, Test@03-20", "K2, Test@03-05", "K1, Test@03-03"};
    // CSAT answers: Ann 5 on 4 March, Ben 2 on 6 March.
    QTest::newRow("by score") << DrilldownSubject::CsatResponses << DrilldownOrder::Score << false
                              << QStringList{"K2, Test@03-06", "K1, Test@03-04"};
    QTest::newRow("by score, descending")
        << DrilldownSubject::CsatResponses << DrilldownOrder::Score << true
        << QStringList{"K1, Test@03-04", "K2, Test@03-06"};
    // NPS answers: Ann 10 (promoter) on 21 March, Ben 3 (detractor) on 7 March.
    QTest::newRow("by band") << DrilldownSubject::NpsResponses << DrilldownOrder::Detail << true
                             << QStringList{"K1, Test@03-21", "K2, Test@03-07"};
}

void TestDrilldownOrder::sortsInSql()
{
    QFETCH(DrilldownSubject, subject);
    QFETCH(DrilldownOrder, order);
    QFETCH(bool, descending);
    QFETCH(QStringList, expected);
    AFTERCARE_FRESH_DATABASE(db);
    Practice practice(db);
    MarchPractice march;
    QVERIFY2(march.fill(practice), qPrintable(practice.error()));
    auto query = DrilldownQuery::of(subject, kMarch);
    query.order = order;
    query.descending = descending;
    QCOMPARE(listed(MetricDrilldown(db, manager()), query), expected);
}

QTEST_GUILESS_MAIN(TestDrilldownOrder)
#include "tst_drilldown_order.moc"
