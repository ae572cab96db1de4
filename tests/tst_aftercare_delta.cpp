// backends: sqlite postgresql
#include "aftercare/postservicedelta.h"
#include "metrics/metricsengine.h"
#include "repositories/clientrepository.h"
#include "repositories/touchpointrepository.h"
#include "testdatabase.h"
#include "tst_aftercare_fixture.h"

#include <QTest>

using namespace aftercare;
using namespace aftercare::test;

namespace {

// After today, so that a withdrawal recorded now lies before it.
const QDateTime kVisit = at(2031, 6, 10, 9, 0);

bool consent(Database& db, const Practice& p, ClientId client, ConsentPurpose purpose, bool granted,
             const QDateTime& recordedAt, ConsentChannel channel = ConsentChannel::Any)
{
    Consent c;
    c.client = client;
    c.purpose = purpose;
    c.channel = channel;
    c.granted = granted;
    c.evidence = QStringLiteral("form");
    c.recordedAt = recordedAt;
    return ClientRepository(db).recordConsent(c, p.reception).has_value();
}

// A service with all five steps in its policy.
std::optional<ServiceTypeId> everyStep(Database& db, const Practice& p)
{
    ServiceType s;
    s.name = QStringLiteral("Wellness");
    s.stepCommunityInvite = true;
    s.stepNewsletterInvite = true;
    auto id = ServiceTypeRepository(db).createServiceType(s, p.admin);
    return id ? std::optional<ServiceTypeId>(*id) : std::nullopt;
}

} // namespace

class TestAftercareDelta : public QObject
{
    Q_OBJECT

private slots:
    void stateOfAStep_data();
    void stateOfAStep();
    void deltaDropsAsStepsAreTicked();
    void notApplicableByPolicyOrConsent_data();
    void notApplicableByPolicyOrConsent();
    void perClientMean();
    void agreesWithTheMonthlyReport();
};

void TestAftercareDelta::stateOfAStep_data()
{
    QTest::addColumn<PostServiceStep>("step");
    QTest::addColumn<bool>("inPolicy");
    QTest::addColumn<bool>("consent");
    QTest::addColumn<bool>("done");
    QTest::addColumn<StepState>("state");
    QTest::newRow("thank-you needs no consent")
        << PostServiceStep::ThankYou << true << false << false << StepState::Due;
    QTest::newRow("quality follow-up needs no consent")
        << PostServiceStep::QualityFollowUp << true << false << true << StepState::Done;
    QTest::newRow("feedback request without consent")
        << PostServiceStep::FeedbackRequest << true << false << false
        << StepState::NotApplicableByConsent;
    QTest::newRow("newsletter without consent, done anyway")
        << PostServiceStep::NewsletterInvite << true << false << true
        << StepState::NotApplicableByConsent;
    QTest::newRow("community with consent")
        << PostServiceStep::CommunityInvite << true << true << false << StepState::Due;
    QTest::newRow("not in the policy") << PostServiceStep::CommunityInvite << false << true << true
                                       << StepState::NotApplicableByPolicy;
}

void TestAftercareDelta::stateOfAStep()
{
    QFETCH(PostServiceStep, step);
    QFETCH(bool, inPolicy);
    QFETCH(bool, consent);
    QFETCH(bool, done);
    QFETCH(StepState, state);
    QCOMPARE(PostServiceDelta::stateOf(step, inPolicy, consent, done), state);
}

void TestAftercareDelta::deltaDropsAsStepsAreTicked()
{
    AFTERCARE_PRACTICE(db, p);
    // Consultation: quality follow-up, feedback request and thank-you.
    QVERIFY(consent(db, p, p.anna, ConsentPurpose::Surveys, true, kVisit.addDays(-30)));
    const auto visit = addVisit(db, p, p.anna, p.consultation, kVisit);
    QVERIFY(visit);
    PostServiceDelta delta(db);
    auto before = delta.forVisit(*visit);
    QVERIFY2(before, why(before));
    QCOMPARE(before->applicable, 3);
    QCOMPARE(before->done, 0);
    QCOMPARE(before->delta(), 3);
    QCOMPARE(before->serviceName, QStringLiteral("Consultation"));
    QCOMPARE(before->step(PostServiceStep::CommunityInvite).state,
             StepState::NotApplicableByPolicy);
    QCOMPARE(before->step(PostServiceStep::FeedbackRequest).state, StepState::Due);

    const qint64 touches = TouchpointRepository(db).count(p.anna).value();
    const PostServiceStep steps[] = {PostServiceStep::ThankYou, PostServiceStep::QualityFollowUp,
                                     PostServiceStep::FeedbackRequest};
    int expected = 3;
    for (PostServiceStep step : steps) {
        auto after = delta.tick(*visit, step, p.clinician, std::nullopt, kVisit.addDays(1));
        QVERIFY2(after, why(after));
        QCOMPARE(after->delta(), --expected);
        QCOMPARE(after->step(step).state, StepState::Done);
        QCOMPARE(after->step(step).doneBy, p.clinician.user);
        QCOMPARE(after->step(step).doneAt, kVisit.addDays(1));
    }
    QCOMPARE(TouchpointRepository(db).count(p.anna).value(), touches + 3);
    auto timeline = TouchpointRepository(db).timeline(p.anna, 3).value();
    QStringList kinds;
    for (const Touchpoint& t : timeline) {
        kinds << t.kind;
        QCOMPARE(t.stage, JourneyStage::After);
        QCOMPARE(t.channel, Channel::Email); // Anna's preferred channel
        QCOMPARE(t.appointment, *visit);
    }
    kinds.sort();
    QCOMPARE(kinds, QStringList({QStringLiteral("quality_followup"),
                                 QStringLiteral("survey_request"), QStringLiteral("thank_you")}));

    // Ticking again changes nothing; a tick taken back counts again.
    auto again = delta.tick(*visit, PostServiceStep::ThankYou, p.clinician, Channel::Letter);
    QVERIFY2(again, why(again));
    QCOMPARE(again->delta(), 0);
    QCOMPARE(TouchpointRepository(db).count(p.anna).value(), touches + 3);
    auto undone = delta.untick(*visit, PostServiceStep::ThankYou, p.clinician);
    QVERIFY2(undone, why(undone));
    QCOMPARE(undone->delta(), 1);
    QCOMPARE(undone->step(PostServiceStep::ThankYou).state, StepState::Due);

    // Steps follow completed visits only.
    const auto booked =
        addVisit(db, p, p.anna, p.consultation, kVisit.addDays(20), AppointmentStatus::Booked);
    QVERIFY(booked);
    QCOMPARE(errorKind(delta.forVisit(*booked)), std::optional(ErrorKind::NotFound));
    QCOMPARE(errorKind(delta.tick(*booked, PostServiceStep::ThankYou, p.clinician)),
             std::optional(ErrorKind::NotFound));
}

void TestAftercareDelta::notApplicableByPolicyOrConsent_data()
{
    QTest::addColumn<QString>("consents");
    QTest::addColumn<StepState>("feedback");
    QTest::addColumn<StepState>("community");
    QTest::addColumn<StepState>("newsletter");
    QTest::addColumn<int>("applicable");
    const auto na = StepState::NotApplicableByConsent;
    const auto due = StepState::Due;
    QTest::newRow("no consent at all") << "" << na << na << na << 2;
    QTest::newRow("surveys") << "surveys" << due << na << na << 3;
    QTest::newRow("all three") << "surveys community marketing" << due << due << due << 5;
    QTest::newRow("community on e-mail only") << "community@email" << na << due << na << 3;
    QTest::newRow("marketing given after the visit") << "marketing+after" << na << na << na << 2;
    QTest::newRow("marketing withdrawn before the visit")
        << "marketing-withdrawn" << na << na << na << 2;
    QTest::newRow("marketing refused later on")
        << "marketing marketing-refused" << na << na << na << 2;
}

void TestAftercareDelta::notApplicableByPolicyOrConsent()
{
    QFETCH(QString, consents);
    QFETCH(StepState, feedback);
    QFETCH(StepState, community);
    QFETCH(StepState, newsletter);
    QFETCH(int, applicable);
    AFTERCARE_PRACTICE(db, p);
    const auto wellness = everyStep(db, p);
    QVERIFY(wellness);
    const QDateTime before = kVisit.addDays(-10);
    for (const QString& word : consents.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (word == QLatin1String("surveys"))
            QVERIFY(consent(db, p, p.anna, ConsentPurpose::Surveys, true, before));
        else if (word == QLatin1String("community"))
            QVERIFY(consent(db, p, p.anna, ConsentPurpose::Community, true, before));
        else if (word == QLatin1String("community@email"))
            QVERIFY(consent(db, p, p.anna, ConsentPurpose::Community, true, before,
                            ConsentChannel::Email));
        else if (word == QLatin1String("marketing"))
            QVERIFY(consent(db, p, p.anna, ConsentPurpose::Marketing, true, before));
        else if (word == QLatin1String("marketing+after"))
            QVERIFY(consent(db, p, p.anna, ConsentPurpose::Marketing, true, kVisit.addDays(1)));
        else if (word == QLatin1String("marketing-refused"))
            QVERIFY(consent(db, p, p.anna, ConsentPurpose::Marketing, false, before.addDays(1)));
        else if (word == QLatin1String("marketing-withdrawn")) {
            // Given in the past and withdrawn today (the repository stamps the withdrawal).
            QVERIFY(consent(db, p, p.anna, ConsentPurpose::Marketing, true,
                            QDateTime::currentDateTime().addDays(-30)));
            ClientRepository clients(db);
            const ConsentId id = clients.consents(p.anna)->front().id;
            QVERIFY(clients.withdrawConsent(id, p.reception));
        }
    }
    const auto visit = addVisit(db, p, p.anna, *wellness, kVisit);
    const auto physio = addVisit(db, p, p.anna, p.physio, kVisit.addDays(1));
    QVERIFY(visit && physio);
    PostServiceDelta delta(db);
    auto v = delta.forVisit(*visit);
    QVERIFY2(v, why(v));
    QCOMPARE(v->step(PostServiceStep::QualityFollowUp).state, StepState::Due);
    QCOMPARE(v->step(PostServiceStep::ThankYou).state, StepState::Due);
    QCOMPARE(v->step(PostServiceStep::FeedbackRequest).state, feedback);
    QCOMPARE(v->step(PostServiceStep::CommunityInvite).state, community);
    QCOMPARE(v->step(PostServiceStep::NewsletterInvite).state, newsletter);
    QCOMPARE(v->applicable, applicable);
    QCOMPARE(v->delta(), applicable);
    QCOMPARE(v->step(PostServiceStep::NewsletterInvite).consentNeeded,
             std::optional(ConsentPurpose::Marketing));

    // A step without consent cannot be ticked; it stays out of the delta.
    if (newsletter != StepState::Due) {
        QCOMPARE(errorKind(delta.tick(*visit, PostServiceStep::NewsletterInvite, p.clinician)),
                 std::optional(ErrorKind::Validation));
    }
    // Physiotherapy leaves out community and newsletter whatever the consents.
    auto ph = delta.forVisit(*physio);
    QVERIFY2(ph, why(ph));
    QCOMPARE(ph->step(PostServiceStep::NewsletterInvite).state, StepState::NotApplicableByPolicy);
    QCOMPARE(ph->step(PostServiceStep::CommunityInvite).state, StepState::NotApplicableByPolicy);
    QCOMPARE(errorKind(delta.tick(*physio, PostServiceStep::CommunityInvite, p.clinician)),
             std::optional(ErrorKind::Validation));
}

void TestAftercareDelta::perClientMean()
{
    AFTERCARE_PRACTICE(db, p);
    const auto first = addVisit(db, p, p.anna, p.consultation, kVisit.addDays(-40));
    const auto second = addVisit(db, p, p.anna, p.physio, kVisit);
    QVERIFY(first && second);
    QVERIFY(addVisit(db, p, p.anna, p.physio, kVisit.addDays(5), AppointmentStatus::NoShow));
    QVERIFY(addVisit(db, p, p.ben, p.physio, kVisit));
    PostServiceDelta delta(db);
    QVERIFY(delta.tick(*second, PostServiceStep::ThankYou, p.reception));
    auto client = delta.forClient(p.anna);
    QVERIFY2(client, why(client));
    QCOMPARE(int(client->visits.size()), 2);
    QCOMPARE(client->visits[0].visit, *second); // newest first
    QCOMPARE(client->visits[0].delta(), 1);     // quality follow-up left (no survey consent)
    QCOMPARE(client->visits[1].delta(), 2);
    QCOMPARE(client->mean, std::optional(1.5));
    auto nobody = delta.forClient(ClientId(999999));
    QVERIFY2(nobody, why(nobody));
    QVERIFY(!nobody->mean);
}

void TestAftercareDelta::agreesWithTheMonthlyReport()
{
    AFTERCARE_PRACTICE(db, p);
    const auto wellness = everyStep(db, p);
    QVERIFY(wellness);
    QVERIFY(consent(db, p, p.anna, ConsentPurpose::Marketing, true, kVisit.addDays(-60)));
    QVERIFY(consent(db, p, p.ben, ConsentPurpose::Surveys, true, kVisit.addDays(-60)));
    QVERIFY(consent(db, p, p.ben, ConsentPurpose::Community, true, kVisit.addDays(3)));
    std::vector<AppointmentId> visits;
    const struct
    {
        ClientId client;
        ServiceTypeId service;
        int day;
    } plan[] = {{p.anna, *wellness, 0},
                {p.anna, p.consultation, 2},
                {p.ben, *wellness, 1},
                {p.ben, *wellness, 8},
                {p.ben, p.physio, 9}};
    for (const auto& v : plan) {
        const auto id = addVisit(db, p, v.client, v.service, kVisit.addDays(v.day));
        QVERIFY(id);
        visits.push_back(*id);
    }
    PostServiceDelta delta(db);
    QVERIFY(delta.tick(visits[0], PostServiceStep::NewsletterInvite, p.clinician));
    QVERIFY(delta.tick(visits[2], PostServiceStep::FeedbackRequest, p.clinician));
    QVERIFY(delta.tick(visits[3], PostServiceStep::CommunityInvite, p.clinician));
    QVERIFY(delta.tick(visits[4], PostServiceStep::ThankYou, p.clinician));

    double sum = 0;
    for (ClientId client : {p.anna, p.ben}) {
        auto d = delta.forClient(client);
        QVERIFY2(d, why(d));
        for (const VisitDelta& v : d->visits)
            sum += v.delta();
    }
    auto metrics = MetricsEngine(db).compute(Period::monthOf(kVisit.date()), MetricFilter{},
                                             kVisit.addDays(40));
    QVERIFY2(metrics, why(metrics));
    QCOMPARE(metrics->postServiceDelta.visits, qint64(5));
    QVERIFY(metrics->postServiceDelta.mean.has_value());
    QCOMPARE(*metrics->postServiceDelta.mean, sum / 5.0);
}

QTEST_GUILESS_MAIN(TestAftercareDelta)
#include "tst_aftercare_delta.moc"
