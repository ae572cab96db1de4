#include "aftercare/taskreason.h"

#include <QLocale>
#include <QTest>

using namespace aftercare;

class TestAftercareReason : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void text_data();
    void text();
    void everyKindHasAName();
};

void TestAftercareReason::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
}

void TestAftercareReason::text_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("test");
    QTest::addColumn<QString>("service");
    QTest::addColumn<int>("feedbackKind"); // -1: none
    QTest::addColumn<int>("score");
    QTest::addColumn<QString>("expected");
    const QString none;
    QTest::newRow("discuss") << int(TaskKind::DiscussResult) << "HbA1c" << none << -1 << 0
                             << "Discuss the HbA1c result received on 12/03/2031";
    QTest::newRow("communicate") << int(TaskKind::CommunicateResult) << "Ferritin" << none << -1
                                 << 0 << "Pass on the Ferritin result received on 12/03/2031";
    QTest::newRow("check-in") << int(TaskKind::CheckinCall) << none << "Physiotherapy" << -1 << 0
                              << "Ask how things are after Physiotherapy on 02/03/2031";
    QTest::newRow("NPS detractor")
        << int(TaskKind::DetractorCallback) << none << none << int(FeedbackKind::Nps) << 3
        << "Answered NPS 3 of 10 on 14/03/2031";
    QTest::newRow("CSAT detractor")
        << int(TaskKind::DetractorCallback) << none << none << int(FeedbackKind::Csat) << 2
        << "Answered CSAT 2 of 5 on 14/03/2031";
    QTest::newRow("rebook") << int(TaskKind::RebookReminder) << none << "Check-up" << -1 << 0
                            << "Nothing booked since Check-up on 02/03/2031";
    QTest::newRow("review") << int(TaskKind::AnnualReview) << none << "Check-up" << -1 << 0
                            << "A year since the last visit, Check-up on 02/03/2031";
    QTest::newRow("letter about a result") << int(TaskKind::Letter) << "HbA1c" << none << -1 << 0
                                           << "Not reached by phone about the HbA1c result";
    QTest::newRow("letter after a visit") << int(TaskKind::Letter) << none << "Check-up" << -1 << 0
                                          << "Not reached by phone after Check-up on 02/03/2031";
    QTest::newRow("discuss, facts missing")
        << int(TaskKind::DiscussResult) << none << none << -1 << 0 << "Discuss a result";
    QTest::newRow("check-in, facts missing")
        << int(TaskKind::CheckinCall) << none << none << -1 << 0 << "Check-in call";
}

void TestAftercareReason::text()
{
    QFETCH(int, kind);
    QFETCH(QString, test);
    QFETCH(QString, service);
    QFETCH(int, feedbackKind);
    QFETCH(int, score);
    QFETCH(QString, expected);
    TaskReason::Facts facts;
    facts.kind = TaskKind(kind);
    facts.testName = test;
    facts.receivedOn = test.isEmpty() ? QDate() : QDate(2031, 3, 12);
    facts.serviceName = service;
    facts.visitOn = service.isEmpty() ? QDate() : QDate(2031, 3, 2);
    if (feedbackKind >= 0) {
        facts.feedbackKind = FeedbackKind(feedbackKind);
        facts.feedbackScore = score;
        facts.respondedOn = QDate(2031, 3, 14);
    }
    QCOMPARE(TaskReason::text(facts), expected);
}

void TestAftercareReason::everyKindHasAName()
{
    QStringList names;
    for (TaskKind kind : allOf<TaskKind>()) {
        const QString name = TaskReason::kindText(kind);
        QVERIFY(!name.isEmpty());
        QVERIFY(!names.contains(name));
        names << name;
    }
}

QTEST_GUILESS_MAIN(TestAftercareReason)
#include "tst_aftercare_reason.moc"
