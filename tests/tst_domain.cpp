#include "domain/email.h"
#include "domain/feedbackscore.h"
#include "domain/phonenumber.h"
#include "domain/resultvalue.h"
#include "domain/servicetype.h"
#include "domain/vocabulary.h"

#include <QSet>
#include <QTest>

using namespace aftercare;

class TestDomain : public QObject
{
    Q_OBJECT

private slots:
    void email_data();
    void email();
    void phoneNumber_data();
    void phoneNumber();
    void feedbackScore_data();
    void feedbackScore();
    void detractor_data();
    void detractor();
    void vocabularyRoundTrips();
    void vocabularyRefusesUnknownWords_data();
    void vocabularyRefusesUnknownWords();
    void referenceRange_data();
    void referenceRange();
    void serviceTypeSteps();

private:
    template <typename E> void roundTrip(const char* name);
};

void TestDomain::email_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("stored");

    QTest::newRow("plain") << "anna@example.org" << true << "anna@example.org";
    QTest::newRow("surrounding spaces") << "  anna@example.org \t" << true << "anna@example.org";
    QTest::newRow("domain lower-cased, local part kept")
        << "Anna.Muster@Example.ORG" << true << "Anna.Muster@example.org";
    QTest::newRow("plus and subdomain")
        << "a+b@mail.example.co.uk" << true << "a+b@mail.example.co.uk";
    QTest::newRow("apostrophe in local part")
        << "o'brien@example.ie" << true << "o'brien@example.ie";
    QTest::newRow("umlaut domain") << "jörg@müller.de" << true << "jörg@müller.de";
    QTest::newRow("empty") << "" << false << "";
    QTest::newRow("blank") << "   " << false << "";
    QTest::newRow("no at") << "anna.example.org" << false << "";
    QTest::newRow("two ats") << "anna@b@example.org" << false << "";
    QTest::newRow("no domain dot") << "anna@localhost" << false << "";
    QTest::newRow("empty local") << "@example.org" << false << "";
    QTest::newRow("empty label") << "anna@example..org" << false << "";
    QTest::newRow("one-letter tld") << "anna@example.o" << false << "";
    QTest::newRow("space inside") << "an na@example.org" << false << "";
    QTest::newRow("trailing dot") << "anna@example.org." << false << "";
    QTest::newRow("local part too long")
        << QString(65, QLatin1Char('a')) + "@example.org" << false << "";
}

void TestDomain::email()
{
    QFETCH(QString, input);
    QFETCH(bool, valid);
    QFETCH(QString, stored);
    const auto email = Email::parse(input);
    QCOMPARE(email.has_value(), valid);
    if (valid) {
        QCOMPARE(email->value(), stored);
        // What was stored parses to the same address again.
        QCOMPARE(Email::parse(email->value()), email);
    }
}

void TestDomain::phoneNumber_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("stored");

    QTest::newRow("international") << "+49 30 1234567" << true << "+49301234567";
    QTest::newRow("national with punctuation") << "(030) 123-45.67" << true << "0301234567";
    QTest::newRow("slash") << "0171/2345678" << true << "01712345678";
    QTest::newRow("shortest") << "12345" << true << "12345";
    QTest::newRow("longest E.164") << "+123456789012345" << true << "+123456789012345";
    QTest::newRow("too short") << "1234" << false << "";
    QTest::newRow("too long") << "+1234567890123456" << false << "";
    QTest::newRow("letters") << "030 CALL ME" << false << "";
    QTest::newRow("plus inside") << "030+1234567" << false << "";
    QTest::newRow("two pluses") << "++49301234567" << false << "";
    QTest::newRow("arabic-indic digits")
        << QStringLiteral("\u0661\u0662\u0663\u0664\u0665\u0666") << false << "";
    QTest::newRow("empty") << "" << false << "";
    QTest::newRow("only punctuation") << "--- ---" << false << "";
}

void TestDomain::phoneNumber()
{
    QFETCH(QString, input);
    QFETCH(bool, valid);
    QFETCH(QString, stored);
    const auto phone = PhoneNumber::parse(input);
    QCOMPARE(phone.has_value(), valid);
    if (valid) {
        QCOMPARE(phone->value(), stored);
        QCOMPARE(PhoneNumber::parse(phone->value()), phone);
    }
}

void TestDomain::feedbackScore_data()
{
    QTest::addColumn<FeedbackKind>("kind");
    QTest::addColumn<int>("score");
    QTest::addColumn<bool>("valid");

    QTest::newRow("csat 0") << FeedbackKind::Csat << 0 << false;
    QTest::newRow("csat 1") << FeedbackKind::Csat << 1 << true;
    QTest::newRow("csat 3") << FeedbackKind::Csat << 3 << true;
    QTest::newRow("csat 5") << FeedbackKind::Csat << 5 << true;
    QTest::newRow("csat 6") << FeedbackKind::Csat << 6 << false;
    QTest::newRow("csat -1") << FeedbackKind::Csat << -1 << false;
    QTest::newRow("nps -1") << FeedbackKind::Nps << -1 << false;
    QTest::newRow("nps 0") << FeedbackKind::Nps << 0 << true;
    QTest::newRow("nps 6") << FeedbackKind::Nps << 6 << true;
    QTest::newRow("nps 10") << FeedbackKind::Nps << 10 << true;
    QTest::newRow("nps 11") << FeedbackKind::Nps << 11 << false;
    QTest::newRow("nps huge") << FeedbackKind::Nps << 1000000 << false;
}

void TestDomain::feedbackScore()
{
    QFETCH(FeedbackKind, kind);
    QFETCH(int, score);
    QFETCH(bool, valid);
    const auto parsed = FeedbackScore::parse(kind, score);
    QCOMPARE(parsed.has_value(), valid);
    if (valid) {
        QCOMPARE(parsed->value(), score);
        QCOMPARE(parsed->kind(), kind);
    }
}

void TestDomain::detractor_data()
{
    QTest::addColumn<FeedbackKind>("kind");
    QTest::addColumn<int>("score");
    QTest::addColumn<bool>("detractor");

    QTest::newRow("nps 0") << FeedbackKind::Nps << 0 << true;
    QTest::newRow("nps 6") << FeedbackKind::Nps << 6 << true;
    QTest::newRow("nps 7") << FeedbackKind::Nps << 7 << false;
    QTest::newRow("nps 10") << FeedbackKind::Nps << 10 << false;
    QTest::newRow("csat 1") << FeedbackKind::Csat << 1 << true;
    QTest::newRow("csat 2") << FeedbackKind::Csat << 2 << true;
    QTest::newRow("csat 3") << FeedbackKind::Csat << 3 << false;
}

void TestDomain::detractor()
{
    QFETCH(FeedbackKind, kind);
    QFETCH(int, score);
    QFETCH(bool, detractor);
    QCOMPARE(FeedbackScore::parse(kind, score)->isDetractor(), detractor);
}

template <typename E> void TestDomain::roundTrip(const char* name)
{
    QSet<QString> words;
    for (E value : allOf<E>()) {
        const QString word = sqlName(value);
        QVERIFY2(!word.isEmpty(), name);
        QVERIFY2(!words.contains(word),
                 qPrintable(QStringLiteral("%1: %2 twice").arg(QLatin1String(name), word)));
        words.insert(word);
        QCOMPARE(parseSqlName<E>(word), std::optional<E>(value));
        // Stored words are lower case with underscores, as the schema's CHECKs spell them.
        QCOMPARE(word, word.toLower());
        QVERIFY2(!word.contains(QLatin1Char(' ')), qPrintable(word));
    }
    QCOMPARE(qsizetype(words.size()), qsizetype(allOf<E>().size()));
}

void TestDomain::vocabularyRoundTrips()
{
    roundTrip<Role>("Role");
    roundTrip<Sex>("Sex");
    roundTrip<Channel>("Channel");
    roundTrip<ContactChannel>("ContactChannel");
    roundTrip<JourneyStage>("JourneyStage");
    roundTrip<ConsentPurpose>("ConsentPurpose");
    roundTrip<ConsentChannel>("ConsentChannel");
    roundTrip<AppointmentStatus>("AppointmentStatus");
    roundTrip<ResultStatus>("ResultStatus");
    roundTrip<FeedbackKind>("FeedbackKind");
    roundTrip<FeedbackSource>("FeedbackSource");
    roundTrip<TaskKind>("TaskKind");
    roundTrip<TaskStatus>("TaskStatus");
    roundTrip<CallOutcome>("CallOutcome");
    roundTrip<CallNextStep>("CallNextStep");
    roundTrip<InvoiceStatus>("InvoiceStatus");
    roundTrip<PaymentMethod>("PaymentMethod");
    roundTrip<PostServiceStep>("PostServiceStep");
    QCOMPARE(allOf<PostServiceStep>().size(), std::size_t(5));
    QCOMPARE(sqlName(AppointmentStatus::NoShow), QStringLiteral("no_show"));
    QCOMPARE(sqlName(AppointmentStatus::CheckedIn), QStringLiteral("checked_in"));
}

void TestDomain::vocabularyRefusesUnknownWords_data()
{
    QTest::addColumn<QString>("word");
    QTest::newRow("empty") << "";
    QTest::newRow("other case") << "Booked";
    QTest::newRow("padded") << " booked";
    QTest::newRow("spelled with a space") << "no show";
    QTest::newRow("unknown") << "postponed";
}

void TestDomain::vocabularyRefusesUnknownWords()
{
    QFETCH(QString, word);
    QCOMPARE(parseSqlName<AppointmentStatus>(word), std::nullopt);
}

void TestDomain::referenceRange_data()
{
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QVariant>("low");
    QTest::addColumn<QVariant>("high");
    QTest::addColumn<int>("expected"); // -1 unknown, 0 within, 1 outside

    QTest::newRow("within") << QVariant(5.0) << QVariant(4.0) << QVariant(6.0) << 0;
    QTest::newRow("at low edge") << QVariant(4.0) << QVariant(4.0) << QVariant(6.0) << 0;
    QTest::newRow("at high edge") << QVariant(6.0) << QVariant(4.0) << QVariant(6.0) << 0;
    QTest::newRow("below") << QVariant(3.99) << QVariant(4.0) << QVariant(6.0) << 1;
    QTest::newRow("above") << QVariant(6.01) << QVariant(4.0) << QVariant(6.0) << 1;
    QTest::newRow("only upper, above") << QVariant(201.0) << QVariant() << QVariant(200.0) << 1;
    QTest::newRow("only lower, within") << QVariant(61.0) << QVariant(60.0) << QVariant() << 0;
    QTest::newRow("no range") << QVariant(5.0) << QVariant() << QVariant() << -1;
    QTest::newRow("no number") << QVariant() << QVariant(4.0) << QVariant(6.0) << -1;
}

void TestDomain::referenceRange()
{
    QFETCH(QVariant, value);
    QFETCH(QVariant, low);
    QFETCH(QVariant, high);
    QFETCH(int, expected);
    ResultValue v;
    if (value.isValid())
        v.numeric = value.toDouble();
    if (low.isValid())
        v.referenceLow = low.toDouble();
    if (high.isValid())
        v.referenceHigh = high.toDouble();
    const auto outside = v.outsideReferenceRange();
    QCOMPARE(outside.has_value(), expected >= 0);
    if (outside)
        QCOMPARE(*outside, expected == 1);
}

void TestDomain::serviceTypeSteps()
{
    ServiceType s;
    s.stepQualityFollowUp = false;
    s.stepFeedbackRequest = true;
    s.stepThankYou = false;
    s.stepCommunityInvite = true;
    s.stepNewsletterInvite = false;
    QCOMPARE(s.includesStep(PostServiceStep::QualityFollowUp), false);
    QCOMPARE(s.includesStep(PostServiceStep::FeedbackRequest), true);
    QCOMPARE(s.includesStep(PostServiceStep::ThankYou), false);
    QCOMPARE(s.includesStep(PostServiceStep::CommunityInvite), true);
    QCOMPARE(s.includesStep(PostServiceStep::NewsletterInvite), false);
}

QTEST_GUILESS_MAIN(TestDomain)
#include "tst_domain.moc"
