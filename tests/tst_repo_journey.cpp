// backends: sqlite postgresql
#include "database/database.h"
#include "repositories/appointmentrepository.h"
#include "repositories/postservicesteprepository.h"
#include "repositories/touchpointrepository.h"
#include "testdatabase.h"
#include "tst_repo_fixture.h"

#include <QTest>

using namespace aftercare;
using namespace aftercare::test;

namespace {

const QDateTime kStart(QDate(2031, 3, 10), QTime(9, 0));

std::optional<AppointmentId> visit(Database& db, const Practice& p, bool complete)
{
    AppointmentRepository repo(db);
    Appointment a;
    a.client = p.anna;
    a.practitioner = p.weber;
    a.serviceType = p.consultation;
    a.startsAt = kStart;
    auto id = repo.book(a, p.reception);
    if (!id)
        return std::nullopt;
    if (complete) {
        Appointment stored = repo.get(*id).value();
        if (!repo.complete(stored, p.clinician))
            return std::nullopt;
    }
    return *id;
}

} // namespace

class TestRepoJourney : public QObject
{
    Q_OBJECT

private slots:
    void timelineNewestFirstInPages();
    void touchpointNeedsClientAndKind();
    void postServiceStepsFollowACompletedVisit();
};

void TestRepoJourney::timelineNewestFirstInPages()
{
    AFTERCARE_PRACTICE(db, p);
    TouchpointRepository repo(db);
    auto appointment = visit(db, p, false);
    QVERIFY(appointment);
    // Recorded out of order; two at the same minute keep the order they were written in.
    const int offsets[] = {3, 0, 7, 5, 5, 1};
    for (int day : offsets) {
        Touchpoint t;
        t.client = p.anna;
        t.occurredAt = kStart.addDays(day);
        t.stage = JourneyStage::After;
        t.channel = Channel::Phone;
        t.kind = QString(TouchpointKind::kCheckinCall);
        t.outcome = QStringLiteral("day %1").arg(day);
        t.appointment = *appointment;
        QVERIFY(repo.record(t, p.reception));
    }
    Touchpoint other;
    other.client = p.ben;
    other.kind = QString(TouchpointKind::kWelcomePack);
    QVERIFY(repo.record(other, p.reception));

    QCOMPARE(repo.count(p.anna).value(), 6);
    auto all = repo.timeline(p.anna);
    QVERIFY2(all, why(all));
    QCOMPARE(all->size(), std::size_t(6));
    for (std::size_t i = 1; i < all->size(); ++i)
        QVERIFY(all->at(i - 1).occurredAt >= all->at(i).occurredAt);
    QCOMPARE(all->front().outcome, QStringLiteral("day 7"));
    QCOMPARE(all->back().outcome, QStringLiteral("day 0"));
    QVERIFY(all->at(1).id > all->at(2).id); // the later of the two "day 5" rows first
    QCOMPARE(all->front().by, p.reception.user);
    QCOMPARE(all->front().appointment, *appointment);
    QCOMPARE(all->front().channel, Channel::Phone);
    QCOMPARE(all->front().stage, JourneyStage::After);

    auto page1 = repo.timeline(p.anna, 4, 0).value();
    auto page2 = repo.timeline(p.anna, 4, 4).value();
    QCOMPARE(page1.size(), std::size_t(4));
    QCOMPARE(page2.size(), std::size_t(2));
    QCOMPARE(page1.back().id, all->at(3).id);
    QCOMPARE(page2.front().id, all->at(4).id);
    QCOMPARE(repo.timeline(p.anna, 4, 8)->size(), std::size_t(0));

    auto ben = repo.timeline(p.ben).value();
    QCOMPARE(ben.size(), std::size_t(1));
    QVERIFY(ben.front().occurredAt.isValid()); // defaults to now
}

void TestRepoJourney::touchpointNeedsClientAndKind()
{
    AFTERCARE_PRACTICE(db, p);
    TouchpointRepository repo(db);
    Touchpoint t;
    t.kind = QString(TouchpointKind::kReminder);
    QCOMPARE(errorKind(repo.record(t, p.reception)), std::optional(ErrorKind::Validation));
    t.client = p.anna;
    t.kind = QStringLiteral("  ");
    QCOMPARE(errorKind(repo.record(t, p.reception)), std::optional(ErrorKind::Validation));
    QCOMPARE(repo.count(p.anna).value(), 0);
}

void TestRepoJourney::postServiceStepsFollowACompletedVisit()
{
    AFTERCARE_PRACTICE(db, p);
    PostServiceStepRepository repo(db);
    auto booked = visit(db, p, false);
    QVERIFY(booked);
    QCOMPARE(errorKind(repo.markDone(*booked, PostServiceStep::ThankYou, p.reception)),
             std::optional(ErrorKind::Validation));
    QCOMPARE(
        errorKind(repo.markDone(AppointmentId(987654), PostServiceStep::ThankYou, p.reception)),
        std::optional(ErrorKind::NotFound));
    AppointmentRepository appointments(db);
    Appointment a = appointments.get(*booked).value();
    QVERIFY(appointments.complete(a, p.clinician));

    const QDateTime thanked = kStart.addDays(1);
    QVERIFY(repo.markDone(*booked, PostServiceStep::NewsletterInvite, p.reception));
    QVERIFY(repo.markDone(*booked, PostServiceStep::ThankYou, p.reception, thanked));
    // Ticking twice keeps the first record.
    QVERIFY(repo.markDone(*booked, PostServiceStep::ThankYou, p.clinician, thanked.addDays(3)));

    auto done = repo.doneSteps(*booked);
    QVERIFY2(done, why(done));
    QCOMPARE(done->size(), std::size_t(2));
    QCOMPARE(done->at(0).step, PostServiceStep::ThankYou); // in the order of the five steps
    QCOMPARE(done->at(0).doneAt, thanked);
    QCOMPARE(done->at(0).doneBy, p.reception.user);
    QCOMPARE(done->at(1).step, PostServiceStep::NewsletterInvite);

    QVERIFY(repo.undo(*booked, PostServiceStep::ThankYou, p.reception));
    QCOMPARE(repo.doneSteps(*booked)->size(), std::size_t(1));
    QCOMPARE(errorKind(repo.undo(*booked, PostServiceStep::ThankYou, p.reception)),
             std::optional(ErrorKind::NotFound));
    QCOMPARE(repo.doneSteps(*booked)->front().step, PostServiceStep::NewsletterInvite);
}

QTEST_GUILESS_MAIN(TestRepoJourney)
#include "tst_repo_journey.moc"
