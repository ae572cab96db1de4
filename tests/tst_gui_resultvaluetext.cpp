// gui
#include "followup/resultvaluetext.h"

#include <QTest>

using namespace aftercare;
using namespace aftercare::ui;

// What a value says about itself on the clinician's screen and in the client's letter.
class TestGuiResultValueText : public QObject
{
    Q_OBJECT

private slots:
    void outside_data();
    void outside();
};

void TestGuiResultValueText::outside_data()
{
    QTest::addColumn<double>("number");
    QTest::addColumn<int>("flag"); // -1 none given, 0 normal, 1 abnormal
    QTest::addColumn<bool>("outside");
    // Range 4–6.
    QTest::newRow("inside, no flag") << 5.0 << -1 << false;
    QTest::newRow("above, no flag") << 7.0 << -1 << true;
    QTest::newRow("above, the laboratory says normal") << 7.0 << 0 << false;
    QTest::newRow("inside, the laboratory says abnormal") << 5.0 << 1 << true;
}

void TestGuiResultValueText::outside()
{
    QFETCH(double, number);
    QFETCH(int, flag);
    QFETCH(bool, outside);
    ResultValue v;
    v.analyte = QStringLiteral("Potassium");
    v.numeric = number;
    v.referenceLow = 4.0;
    v.referenceHigh = 6.0;
    if (flag >= 0)
        v.abnormal = flag == 1;
    QCOMPARE(ResultValueText::isOutside(v), outside);
}

QTEST_MAIN(TestGuiResultValueText)
#include "tst_gui_resultvaluetext.moc"
