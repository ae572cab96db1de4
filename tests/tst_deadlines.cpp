#include "aftercare/deadlines.h"

#include <QTest>
#include <QTimeZone>

#include <optional>

using namespace aftercare;

namespace {

QDateTime at(int y, int m, int d, int h, int min, int s = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min, s));
}

const QByteArray kBerlin("Europe/Berlin");

} // namespace

Q_DECLARE_METATYPE(TaskKind)
Q_DECLARE_METATYPE(TaskStatus)
Q_DECLARE_METATYPE(SlaOutcome)

class TestDeadlines : public QObject
{
    Q_OBJECT

private slots:
    void windows_data();
    void windows();
    void buildingBlocks_data();
    void buildingBlocks();
    void noPolicyNoWindow();
    void sla_data();
    void sla();
};

// One row per task kind and situation: the reason's time (wall clock in the zone), the
// policy value, and the expected due time and deadline.
void TestDeadlines::windows_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<TaskKind>("kind");
    QTest::addColumn<QDateTime>("reason");
    QTest::addColumn<int>("policy");
    QTest::addColumn<QDateTime>("due");
    QTest::addColumn<QDateTime>("deadline");

    const auto discuss = TaskKind::DiscussResult;
    QTest::newRow("discuss: over midnight") << kBerlin << discuss << at(2026, 1, 15, 22, 30) << 0
                                            << at(2026, 1, 15, 22, 30) << at(2026, 1, 18, 22, 30);
    QTest::newRow("discuss: month end") << kBerlin << discuss << at(2026, 1, 30, 14, 0) << 0
                                        << at(2026, 1, 30, 14, 0) << at(2026, 2, 2, 14, 0);
    QTest::newRow("discuss: year end") << kBerlin << discuss << at(2026, 12, 30, 9, 15) << 0
                                       << at(2026, 12, 30, 9, 15) << at(2027, 1, 2, 9, 15);
    QTest::newRow("discuss: over a leap day") << kBerlin << discuss << at(2028, 2, 27, 10, 0) << 0
                                              << at(2028, 2, 27, 10, 0) << at(2028, 3, 1, 10, 0);
    QTest::newRow("discuss: no leap day") << kBerlin << discuss << at(2027, 2, 27, 10, 0) << 0
                                          << at(2027, 2, 27, 10, 0) << at(2027, 3, 2, 10, 0);
    // 72 real hours: the clock lost an hour on 29 March, so the deadline reads an hour later.
    QTest::newRow("discuss: over the spring change")
        << kBerlin << discuss << at(2026, 3, 28, 10, 0) << 0 << at(2026, 3, 28, 10, 0)
        << at(2026, 3, 31, 11, 0);
    QTest::newRow("discuss: over the autumn change")
        << kBerlin << discuss << at(2026, 10, 24, 10, 0) << 0 << at(2026, 10, 24, 10, 0)
        << at(2026, 10, 27, 9, 0);
    QTest::newRow("discuss: same dates in UTC")
        << QByteArray("UTC") << discuss << at(2026, 3, 28, 10, 0) << 0 << at(2026, 3, 28, 10, 0)
        << at(2026, 3, 31, 10, 0);
    QTest::newRow("discuss: a second before the spring change")
        << kBerlin << discuss << at(2026, 3, 29, 1, 59, 59) << 0 << at(2026, 3, 29, 1, 59, 59)
        << at(2026, 4, 1, 2, 59, 59);
    // 02:30 did not exist that night: read as the clock had it not been put forward.
    QTest::newRow("discuss: received in the spring gap")
        << kBerlin << discuss << at(2026, 3, 29, 2, 30) << 0 << at(2026, 3, 29, 3, 30)
        << at(2026, 4, 1, 3, 30);
    // 02:30 happened twice: the earlier (summer time) one counts.
    QTest::newRow("discuss: received in the autumn fold")
        << kBerlin << discuss << at(2026, 10, 25, 2, 30) << 0 << at(2026, 10, 25, 2, 30)
        << at(2026, 10, 28, 1, 30);

    const auto detractor = TaskKind::DetractorCallback;
    QTest::newRow("detractor: over the spring change")
        << kBerlin << detractor << at(2026, 3, 28, 12, 0) << 0 << at(2026, 3, 28, 12, 0)
        << at(2026, 3, 30, 13, 0);
    QTest::newRow("detractor: over the autumn change")
        << kBerlin << detractor << at(2026, 10, 24, 12, 0) << 0 << at(2026, 10, 24, 12, 0)
        << at(2026, 10, 26, 11, 0);
    QTest::newRow("detractor: year end") << kBerlin << detractor << at(2026, 12, 31, 23, 30) << 0
                                         << at(2026, 12, 31, 23, 30) << at(2027, 1, 2, 23, 30);
    QTest::newRow("detractor: over a leap day")
        << kBerlin << detractor << at(2028, 2, 28, 8, 0) << 0 << at(2028, 2, 28, 8, 0)
        << at(2028, 3, 1, 8, 0);
    QTest::newRow("detractor: end of February, no leap day")
        << kBerlin << detractor << at(2027, 2, 28, 8, 0) << 0 << at(2027, 2, 28, 8, 0)
        << at(2027, 3, 2, 8, 0);

    // Seven calendar days: the same wall-clock time, whatever the clock did in between.
    const auto communicate = TaskKind::CommunicateResult;
    QTest::newRow("communicate: over the spring change")
        << kBerlin << communicate << at(2026, 3, 25, 10, 0) << 0 << at(2026, 3, 25, 10, 0)
        << at(2026, 4, 1, 10, 0);
    QTest::newRow("communicate: over the autumn change")
        << kBerlin << communicate << at(2026, 10, 20, 10, 0) << 0 << at(2026, 10, 20, 10, 0)
        << at(2026, 10, 27, 10, 0);
    QTest::newRow("communicate: month end") << kBerlin << communicate << at(2026, 1, 28, 16, 0) << 0
                                            << at(2026, 1, 28, 16, 0) << at(2026, 2, 4, 16, 0);
    QTest::newRow("communicate: year end")
        << kBerlin << communicate << at(2026, 12, 28, 23, 59, 59) << 0
        << at(2026, 12, 28, 23, 59, 59) << at(2027, 1, 4, 23, 59, 59);
    QTest::newRow("communicate: over a leap day")
        << kBerlin << communicate << at(2028, 2, 25, 9, 0) << 0 << at(2028, 2, 25, 9, 0)
        << at(2028, 3, 3, 9, 0);
    QTest::newRow("communicate: no leap day") << kBerlin << communicate << at(2027, 2, 25, 9, 0)
                                              << 0 << at(2027, 2, 25, 9, 0) << at(2027, 3, 4, 9, 0);
    QTest::newRow("communicate: lands in the spring gap")
        << kBerlin << communicate << at(2026, 3, 22, 2, 30) << 0 << at(2026, 3, 22, 2, 30)
        << at(2026, 3, 29, 3, 30);

    // The check-in day: from its start to its last second.
    const auto checkin = TaskKind::CheckinCall;
    QTest::newRow("checkin: month end") << kBerlin << checkin << at(2026, 1, 30, 17, 0) << 3
                                        << at(2026, 2, 2, 0, 0) << at(2026, 2, 2, 23, 59, 59);
    QTest::newRow("checkin: year end") << kBerlin << checkin << at(2026, 12, 30, 23, 30) << 2
                                       << at(2027, 1, 1, 0, 0) << at(2027, 1, 1, 23, 59, 59);
    QTest::newRow("checkin: onto a leap day")
        << kBerlin << checkin << at(2028, 2, 27, 10, 0) << 2 << at(2028, 2, 29, 0, 0)
        << at(2028, 2, 29, 23, 59, 59);
    QTest::newRow("checkin: no leap day") << kBerlin << checkin << at(2027, 2, 27, 10, 0) << 2
                                          << at(2027, 3, 1, 0, 0) << at(2027, 3, 1, 23, 59, 59);
    QTest::newRow("checkin: same day") << kBerlin << checkin << at(2026, 6, 3, 9, 0) << 0
                                       << at(2026, 6, 3, 0, 0) << at(2026, 6, 3, 23, 59, 59);
    QTest::newRow("checkin: visit ends just before midnight")
        << kBerlin << checkin << at(2026, 5, 10, 23, 59) << 1 << at(2026, 5, 11, 0, 0)
        << at(2026, 5, 11, 23, 59, 59);
    QTest::newRow("checkin: visit ends at midnight")
        << kBerlin << checkin << at(2026, 5, 11, 0, 0) << 1 << at(2026, 5, 12, 0, 0)
        << at(2026, 5, 12, 23, 59, 59);
    QTest::newRow("checkin: on the spring change day")
        << kBerlin << checkin << at(2026, 3, 27, 11, 0) << 2 << at(2026, 3, 29, 0, 0)
        << at(2026, 3, 29, 23, 59, 59);
    QTest::newRow("checkin: on the autumn change day")
        << kBerlin << checkin << at(2026, 10, 24, 11, 0) << 1 << at(2026, 10, 25, 0, 0)
        << at(2026, 10, 25, 23, 59, 59);
    // Chile moves its clocks at midnight: that day starts at 01:00.
    QTest::newRow("checkin: a day that starts in a gap")
        << QByteArray("America/Santiago") << checkin << at(2026, 9, 5, 15, 0) << 1
        << at(2026, 9, 6, 1, 0) << at(2026, 9, 6, 23, 59, 59);

    const auto rebook = TaskKind::RebookReminder;
    QTest::newRow("rebook: six weeks") << kBerlin << rebook << at(2026, 1, 1, 10, 0) << 6
                                       << at(2026, 2, 12, 0, 0) << at(2026, 2, 19, 23, 59, 59);
    QTest::newRow("rebook: over the year end")
        << kBerlin << rebook << at(2026, 12, 1, 16, 0) << 4 << at(2026, 12, 29, 0, 0)
        << at(2027, 1, 5, 23, 59, 59);
    QTest::newRow("rebook: onto a leap day") << kBerlin << rebook << at(2028, 1, 4, 8, 0) << 8
                                             << at(2028, 2, 29, 0, 0) << at(2028, 3, 7, 23, 59, 59);
    QTest::newRow("rebook: onto the spring change day")
        << kBerlin << rebook << at(2026, 3, 1, 8, 0) << 4 << at(2026, 3, 29, 0, 0)
        << at(2026, 4, 5, 23, 59, 59);

    const auto review = TaskKind::AnnualReview;
    QTest::newRow("review: a year on") << kBerlin << review << at(2025, 5, 20, 11, 0) << 0
                                       << at(2026, 5, 20, 0, 0) << at(2026, 6, 19, 23, 59, 59);
    QTest::newRow("review: from a leap day")
        << kBerlin << review << at(2028, 2, 29, 11, 0) << 0 << at(2029, 2, 28, 0, 0)
        << at(2029, 3, 30, 23, 59, 59);
    QTest::newRow("review: onto a leap year's March")
        << kBerlin << review << at(2027, 3, 1, 11, 0) << 0 << at(2028, 3, 1, 0, 0)
        << at(2028, 3, 31, 23, 59, 59);

    QTest::newRow("letter: a week") << kBerlin << TaskKind::Letter << at(2026, 12, 28, 15, 0) << 0
                                    << at(2026, 12, 28, 15, 0) << at(2027, 1, 4, 23, 59, 59);
}

void TestDeadlines::windows()
{
    QFETCH(QByteArray, zone);
    QFETCH(TaskKind, kind);
    QFETCH(QDateTime, reason);
    QFETCH(int, policy);
    QFETCH(QDateTime, due);
    QFETCH(QDateTime, deadline);
    const QTimeZone timeZone(zone);
    QVERIFY(timeZone.isValid());
    const Deadlines deadlines(timeZone);
    const auto window = deadlines.forKind(kind, reason, policy);
    QVERIFY(window.has_value());
    QCOMPARE(window->dueAt, due);
    QCOMPARE(window->deadlineAt, deadline);
    QVERIFY(window->dueAt <= window->deadlineAt);
    // The results are plain wall-clock readings, as stored.
    QCOMPARE(window->deadlineAt.timeSpec(), Qt::LocalTime);
}

void TestDeadlines::buildingBlocks_data()
{
    QTest::addColumn<QDate>("day");
    QTest::addColumn<qint64>("hoursLong");
    QTest::newRow("an ordinary day") << QDate(2026, 6, 1) << qint64(24);
    QTest::newRow("spring change day") << QDate(2026, 3, 29) << qint64(23);
    QTest::newRow("autumn change day") << QDate(2026, 10, 25) << qint64(25);
    QTest::newRow("leap day") << QDate(2028, 2, 29) << qint64(24);
}

void TestDeadlines::buildingBlocks()
{
    QFETCH(QDate, day);
    QFETCH(qint64, hoursLong);
    const Deadlines berlin{QTimeZone(kBerlin)};
    const QDateTime start = berlin.startOfDay(day);
    const QDateTime next = berlin.startOfDay(day.addDays(1));
    QCOMPARE(start, QDateTime(day, QTime(0, 0)));
    QCOMPARE(berlin.elapsedSeconds(start, next), hoursLong * 3600);
    QCOMPARE(berlin.endOfDay(day), QDateTime(day, QTime(23, 59, 59)));
    QCOMPARE(berlin.elapsedSeconds(berlin.endOfDay(day), next), qint64(1));
    // A day on by the calendar is a day on the clock, however long the day was.
    QCOMPARE(berlin.addCalendarDays(start, 1), next);
    QCOMPARE(berlin.addElapsedHours(start, hoursLong), next);
}

void TestDeadlines::noPolicyNoWindow()
{
    const Deadlines deadlines{QTimeZone(kBerlin)};
    const QDateTime visit = at(2026, 4, 1, 10, 0);
    QVERIFY(!deadlines.checkinCall(visit, std::nullopt));
    QVERIFY(!deadlines.checkinCall(visit, -1));
    QVERIFY(!deadlines.surveyRequest(visit, std::nullopt));
    QVERIFY(!deadlines.rebookReminder(visit, std::nullopt));
    QVERIFY(!deadlines.rebookReminder(visit, 0));
    QVERIFY(!deadlines.forKind(TaskKind::DiscussResult, QDateTime()));
    const auto survey = deadlines.surveyRequest(visit, 1);
    QVERIFY(survey.has_value());
    QCOMPARE(survey->dueAt, at(2026, 4, 2, 0, 0));
    QCOMPARE(survey->deadlineAt, at(2026, 4, 2, 23, 59, 59));
}

void TestDeadlines::sla_data()
{
    QTest::addColumn<TaskStatus>("status");
    QTest::addColumn<QDateTime>("doneAt");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<SlaOutcome>("outcome");

    // The discuss task of a result received 2026-03-28 10:00 in Berlin: deadline 31 March
    // 11:00 on the clock (72 real hours across the spring change).
    const QDateTime deadline = at(2026, 3, 31, 11, 0);
    const QDateTime later = at(2026, 6, 1, 0, 0);
    QTest::newRow("done at the deadline")
        << TaskStatus::Done << deadline << later << SlaOutcome::Met;
    QTest::newRow("done a second early")
        << TaskStatus::Done << deadline.addSecs(-1) << later << SlaOutcome::Met;
    QTest::newRow("done a second late")
        << TaskStatus::Done << deadline.addSecs(1) << later << SlaOutcome::Missed;
    QTest::newRow("done at 10:30, which '3 days on the clock' would call late")
        << TaskStatus::Done << at(2026, 3, 31, 10, 30) << later << SlaOutcome::Met;
    QTest::newRow("open, deadline passed a second ago")
        << TaskStatus::Open << QDateTime() << deadline.addSecs(1) << SlaOutcome::Missed;
    QTest::newRow("open, at the deadline")
        << TaskStatus::Open << QDateTime() << deadline << SlaOutcome::NotCounted;
    QTest::newRow("open, not yet due")
        << TaskStatus::Open << QDateTime() << at(2026, 3, 27, 9, 0) << SlaOutcome::NotCounted;
    QTest::newRow("cancelled after its deadline")
        << TaskStatus::Cancelled << deadline.addDays(2) << later << SlaOutcome::NotCounted;
}

void TestDeadlines::sla()
{
    QFETCH(TaskStatus, status);
    QFETCH(QDateTime, doneAt);
    QFETCH(QDateTime, now);
    QFETCH(SlaOutcome, outcome);
    const Deadlines berlin{QTimeZone(kBerlin)};
    const TaskWindow window = berlin.discussResult(at(2026, 3, 28, 10, 0));
    QCOMPARE(Deadlines::slaOutcome(status, doneAt, window.deadlineAt, now), outcome);
}

// The wall-clock readings above must not fall into a gap of the machine's own zone, where
// Qt cannot hold them as local times: the test runs in UTC whatever the machine says.
int main(int argc, char** argv)
{
    qputenv("TZ", "UTC");
    QCoreApplication app(argc, argv);
    TestDeadlines test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_deadlines.moc"
