// backends: sqlite postgresql
// A client's history (the profile's timeline) shows every answer they gave, however it was
// recorded, and to a clinician the notes of the calls made to them.
#include "aftercare/followupplanner.h"
#include "desk/callservice.h"
#include "domain/touchpoint.h"
#include "repositories/followuptaskrepository.h"
#include "repositories/touchpointrepository.h"
#include "testdatabase.h"
#include "tst_aftercare_fixture.h"

#include <QTest>

using namespace aftercare;
using namespace aftercare::test;

namespace {

// An hour ago, in whole seconds (as the database keeps times).
const QDateTime kNow = [] {
    const QDateTime now = QDateTime::currentDateTime().addSecs(-3600);
    return QDateTime(now.date(),
                     QTime(now.time().hour(), now.time().minute(), now.time().second()));
}();

const Touchpoint* find(const std::vector<Touchpoint>& timeline, const QString& kind,
                       const QString& outcome)
{
    for (const Touchpoint& t : timeline)
        if (t.kind == kind && t.outcome == outcome)
            return &t;
    return nullptr;
}

int countKind(const std::vector<Touchpoint>& timeline, const QString& kind)
{
    return int(std::count_if(timeline.begin(), timeline.end(),
                             [&](const Touchpoint& t) { return t.kind == kind; }));
}

} // namespace

class TestHistory : public QObject
{
    Q_OBJECT

private slots:
    void everyAnswerIsInTheHistory();
    void callsShowTheirNotes();
    void pagesCoverTheWholeHistory();
};

void TestHistory::everyAnswerIsInTheHistory()
{
    AFTERCARE_PRACTICE(db, p);
    const auto visit = addVisit(db, p, p.anna, p.consultation, kNow.addDays(-2));
    QVERIFY(visit);
    // One survey after the visit, two questions: CSAT 2 and a minute later NPS 3. The survey
    // tool noted the CSAT answer as a touchpoint too (as the demo practice does); the NPS
    // answer came without one, as answers from a call, the desk or an import all do.
    const QDateTime answered = kNow.addDays(-1);
    QVERIFY(addFeedback(db, p, p.anna, FeedbackKind::Csat, 2, answered, *visit,
                        QStringLiteral("Waited an hour")));
    QVERIFY(addFeedback(db, p, p.anna, FeedbackKind::Nps, 3, answered.addSecs(60), *visit));
    Touchpoint noted;
    noted.client = p.anna;
    noted.occurredAt = answered;
    noted.stage = JourneyStage::After;
    noted.channel = Channel::Sms;
    noted.kind = TouchpointKind::kFeedback;
    noted.outcome = QStringLiteral("Answered, score 2");
    QVERIFY(TouchpointRepository(db).record(noted, Actor::system()));
    // Ben's answer is his, not Anna's.
    QVERIFY(addFeedback(db, p, p.ben, FeedbackKind::Nps, 10, answered));

    TouchpointRepository touchpoints(db);
    auto timeline = touchpoints.timeline(p.anna);
    QVERIFY2(timeline, why(timeline));
    // Each answer once: the touchpoint that noted the CSAT answer gives way to the answer.
    QCOMPARE(countKind(*timeline, TouchpointKind::kFeedback), 2);
    const Touchpoint* nps =
        find(*timeline, TouchpointKind::kFeedback, QStringLiteral("NPS 3 of 10"));
    const Touchpoint* csat =
        find(*timeline, TouchpointKind::kFeedback, QStringLiteral("CSAT 2 of 5"));
    QVERIFY(nps && csat);
    QCOMPARE(nps->occurredAt, answered.addSecs(60));
    QCOMPARE(nps->appointment, *visit);
    QCOMPARE(nps->stage, JourneyStage::After);
    QVERIFY(!nps->id.isValid()); // an answer, not a touchpoint
    QCOMPARE(csat->notes, QStringLiteral("Waited an hour"));
    QCOMPARE(csat->channel, Channel::Sms); // as the survey reached her
    QCOMPARE(csat->by, p.reception.user);
    // Newest first: the NPS answer came a minute after the CSAT answer.
    QVERIFY(nps < csat);
    QCOMPARE(*touchpoints.count(p.anna), qint64(timeline->size()));
}

void TestHistory::callsShowTheirNotes()
{
    AFTERCARE_PRACTICE(db, p);
    const auto visit = addVisit(db, p, p.anna, p.consultation, kNow.addDays(-4));
    QVERIFY(visit);
    QVERIFY(addResult(db, p, p.anna, kNow.addDays(-1), 9.7, {}, QStringLiteral("Ferritin")));
    FollowUpPlanner::Options options;
    options.mode = FollowUpPlanner::Mode::Full;
    options.now = kNow;
    QVERIFY(FollowUpPlanner(db).plan(options, p.clinician));
    FollowUpTaskRepository tasks(db);
    auto open = tasks.forClient(p.anna);
    QVERIFY2(open, why(open));
    FollowUpTask checkin;
    FollowUpTask discuss;
    for (const FollowUpTask& t : *open) {
        if (t.kind == TaskKind::CheckinCall)
            checkin = t;
        if (t.kind == TaskKind::DiscussResult)
            discuss = t;
    }
    QVERIFY(checkin.id.isValid() && discuss.id.isValid());

    CallService calls(db);
    CallLog log;
    log.outcome = CallOutcome::NoAnswer;
    log.notes = QStringLiteral("Will try again after lunch.");
    log.nextStep = CallNextStep::CallAgain;
    log.at = kNow.addSecs(-1800);
    log.callAgainAt = kNow.addSecs(3600);
    QVERIFY(calls.logCall(checkin, log, p.clinician));
    log.notes = QStringLiteral("Ferritin 9.7 high; mention iron tablets.");
    log.at = kNow.addSecs(-900);
    QVERIFY(calls.logCall(discuss, log, p.clinician));

    // A clinician reads each call with its notes.
    TouchpointRepository touchpoints(db);
    auto timeline = touchpoints.timeline(p.clinician, p.anna);
    QVERIFY2(timeline, why(timeline));
    const Touchpoint* checkinCall =
        find(*timeline, sqlName(TaskKind::CheckinCall), sqlName(CallOutcome::NoAnswer));
    QVERIFY(checkinCall);
    QCOMPARE(checkinCall->notes, QStringLiteral("Will try again after lunch."));
    QCOMPARE(checkinCall->channel, Channel::Phone);
    const Touchpoint* resultCall =
        find(*timeline, sqlName(TaskKind::DiscussResult), sqlName(CallOutcome::NoAnswer));
    QVERIFY(resultCall);
    QCOMPARE(resultCall->notes, QStringLiteral("Ferritin 9.7 high; mention iron tablets."));

    // The desk reads that the calls were made and what came of them; how the patient is,
    // is not for the desk.
    for (const auto& desk :
         {touchpoints.timeline(p.reception, p.anna), touchpoints.timeline(p.anna)}) {
        QVERIFY2(desk, why(desk));
        QCOMPARE(desk->size(), timeline->size());
        for (const Touchpoint& t : *desk)
            if (t.channel == Channel::Phone)
                QVERIFY2(t.notes.isEmpty(), qPrintable(t.notes));
        QVERIFY(find(*desk, sqlName(TaskKind::CheckinCall), sqlName(CallOutcome::NoAnswer)));
    }
}

void TestHistory::pagesCoverTheWholeHistory()
{
    AFTERCARE_PRACTICE(db, p);
    // Answers and touchpoints interleaved in time, paged three at a time.
    for (int i = 0; i < 5; ++i) {
        QVERIFY(addFeedback(db, p, p.ben, i % 2 ? FeedbackKind::Nps : FeedbackKind::Csat,
                            i % 2 ? 8 : 4, kNow.addDays(-10 + 2 * i)));
        Touchpoint t;
        t.client = p.ben;
        t.occurredAt = kNow.addDays(-9 + 2 * i);
        t.kind = TouchpointKind::kReminder;
        t.channel = Channel::Email;
        t.outcome = QStringLiteral("Sent");
        QVERIFY(TouchpointRepository(db).record(t, p.reception));
    }
    TouchpointRepository touchpoints(db);
    QCOMPARE(*touchpoints.count(p.ben), qint64(10));
    std::vector<QDateTime> times;
    for (int offset = 0; offset < 12; offset += 3) {
        auto page = touchpoints.timeline(p.ben, 3, offset);
        QVERIFY2(page, why(page));
        for (const Touchpoint& t : *page)
            times.push_back(t.occurredAt);
    }
    QCOMPARE(int(times.size()), 10);
    for (std::size_t i = 1; i < times.size(); ++i)
        QVERIFY(times[i - 1] > times[i]);
}

QTEST_GUILESS_MAIN(TestHistory)
#include "tst_history.moc"
