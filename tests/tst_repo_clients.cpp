// backends: sqlite postgresql
#include "database/database.h"
#include "database/sqltime.h"
#include "repositories/clientrepository.h"
#include "testdatabase.h"
#include "tst_repo_fixture.h"

#include <QSqlQuery>
#include <QTest>

using namespace aftercare;
using namespace aftercare::test;

class TestRepoClients : public QObject
{
    Q_OBJECT

private slots:
    void createGetUpdate();
    void externalIdsAreUnique();
    void invalidClientsAreRefused_data();
    void invalidClientsAreRefused();
    void staleEditFromAnotherWorkstation();
    void consentsAreAppendOnly();
    void textRoundTripsByteForByte_data();
    void textRoundTripsByteForByte();
};

void TestRepoClients::createGetUpdate()
{
    AFTERCARE_PRACTICE(db, p);
    ClientRepository repo(db);
    Client draft;
    draft.externalId = QStringLiteral("K-100");
    draft.firstName = QStringLiteral("  Zoë ");
    draft.lastName = QStringLiteral("Nakamura");
    draft.dateOfBirth = QDate(1984, 2, 29);
    draft.sex = Sex::Female;
    draft.email = Email::parse(QStringLiteral("zoe@example.org"));
    draft.phone = PhoneNumber::parse(QStringLiteral("+49 30 1234567"));
    draft.address = QStringLiteral("Hauptstraße 1\n10115 Berlin");
    draft.preferredChannel = ContactChannel::Sms;
    draft.referralSource = QStringLiteral("client referral");
    draft.referredBy = p.anna;
    draft.expectations = QStringLiteral("Less back pain");
    draft.registeredAt = QDateTime(QDate(2030, 1, 2), QTime(9, 30));
    auto id = repo.create(draft, p.reception);
    QVERIFY2(id, why(id));

    auto c = repo.get(*id);
    QVERIFY2(c, why(c));
    QCOMPARE(c->externalId, QStringLiteral("K-100"));
    QCOMPARE(c->firstName, QStringLiteral("Zoë")); // trimmed
    QCOMPARE(c->lastName, QStringLiteral("Nakamura"));
    QCOMPARE(c->dateOfBirth, QDate(1984, 2, 29));
    QCOMPARE(c->sex, Sex::Female);
    QCOMPARE(c->email->value(), QStringLiteral("zoe@example.org"));
    QCOMPARE(c->phone->value(), QStringLiteral("+49301234567"));
    QCOMPARE(c->address, QStringLiteral("Hauptstraße 1\n10115 Berlin"));
    QCOMPARE(c->preferredChannel, ContactChannel::Sms);
    QCOMPARE(c->referralSource, QStringLiteral("client referral"));
    QCOMPARE(c->referredBy, p.anna);
    QCOMPARE(c->registeredAt, QDateTime(QDate(2030, 1, 2), QTime(9, 30)));
    QCOMPARE(c->rowVersion, 1);
    QCOMPARE(repo.findByExternalId(QStringLiteral("K-100"))->id, *id);

    Client edited = *c;
    edited.lastName = QStringLiteral("Nakamura-Weiß");
    edited.phone.reset();
    edited.archived = true;
    QVERIFY2(repo.update(edited, p.reception), "update");
    QCOMPARE(edited.rowVersion, 2);
    auto again = repo.get(*id);
    QCOMPARE(again->lastName, QStringLiteral("Nakamura-Weiß"));
    QVERIFY(!again->phone);
    QCOMPARE(again->archived, true);
    QCOMPARE(again->rowVersion, 2);

    // Without an external id one is made up.
    Client plain;
    plain.firstName = QStringLiteral("Ida");
    plain.lastName = QStringLiteral("Berg");
    auto generated = repo.create(plain, p.reception);
    QVERIFY2(generated, why(generated));
    QVERIFY(!repo.get(*generated)->externalId.isEmpty());
}

void TestRepoClients::externalIdsAreUnique()
{
    AFTERCARE_PRACTICE(db, p);
    ClientRepository repo(db);
    Client c;
    c.externalId = QStringLiteral("K-7");
    c.firstName = QStringLiteral("Ada");
    c.lastName = QStringLiteral("One");
    QVERIFY(repo.create(c, p.reception));
    c.lastName = QStringLiteral("Two");
    auto twice = repo.create(c, p.reception);
    QVERIFY(!twice);
    QCOMPARE(twice.error().kind, ErrorKind::Conflict);
    QVERIFY2(twice.error().message.contains(QStringLiteral("K-7")),
             qPrintable(twice.error().message));
}

void TestRepoClients::invalidClientsAreRefused_data()
{
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("last");
    QTest::addColumn<QDate>("born");
    QTest::newRow("no first name") << ""
                                   << "Berg" << QDate();
    QTest::newRow("blank last name") << "Ida"
                                     << " \t" << QDate();
    QTest::newRow("born tomorrow") << "Ida"
                                   << "Berg" << QDate::currentDate().addDays(1);
}

void TestRepoClients::invalidClientsAreRefused()
{
    QFETCH(QString, first);
    QFETCH(QString, last);
    QFETCH(QDate, born);
    AFTERCARE_PRACTICE(db, p);
    ClientRepository repo(db);
    Client c;
    c.firstName = first;
    c.lastName = last;
    c.dateOfBirth = born;
    auto id = repo.create(c, p.reception);
    QVERIFY(!id);
    QCOMPARE(id.error().kind, ErrorKind::Validation);
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM clients")).value().toLongLong(), 2);
}

void TestRepoClients::staleEditFromAnotherWorkstation()
{
    AFTERCARE_PRACTICE(db, p);
    auto other = Database::open(dbHolder->url());
    QVERIFY2(other, why(other));
    ClientRepository desk(db);
    ClientRepository room(**other);

    Client atDesk = desk.get(p.anna).value();
    Client inRoom = room.get(p.anna).value();
    inRoom.phone = PhoneNumber::parse(QStringLiteral("0301111111"));
    QVERIFY2(room.update(inRoom, p.clinician), "the room saves first");

    atDesk.address = QStringLiteral("Neue Straße 5");
    auto stale = desk.update(atDesk, p.reception);
    QVERIFY(!stale);
    QCOMPARE(stale.error().kind, ErrorKind::Conflict);
    QVERIFY2(stale.error().message.contains(QStringLiteral("Dr Clara Klinik")),
             qPrintable(stale.error().message));
    QCOMPARE(atDesk.rowVersion, 1);

    // The room's change stands and the desk's did not sneak in.
    auto stored = desk.get(p.anna).value();
    QCOMPARE(stored.phone->value(), QStringLiteral("0301111111"));
    QVERIFY(stored.address.isEmpty());
    QCOMPARE(stored.rowVersion, 2);

    // A deleted row is reported as gone, not as someone else's edit.
    Client ghost = atDesk;
    ghost.id = ClientId(999999);
    auto gone = desk.update(ghost, p.reception);
    QVERIFY(!gone);
    QCOMPARE(gone.error().kind, ErrorKind::NotFound);
}

void TestRepoClients::consentsAreAppendOnly()
{
    AFTERCARE_PRACTICE(db, p);
    ClientRepository repo(db);
    Consent consent;
    consent.client = p.anna;
    consent.purpose = ConsentPurpose::Marketing;
    consent.channel = ConsentChannel::Email;
    consent.granted = true;
    consent.evidence = QStringLiteral("signed form 2024-03-01");
    consent.recordedAt = QDateTime(QDate(2024, 3, 1), QTime(10, 0));
    auto id = repo.recordConsent(consent, p.reception);
    QVERIFY2(id, why(id));
    QCOMPARE(repo.hasConsent(p.anna, ConsentPurpose::Marketing, ConsentChannel::Email).value(),
             true);
    QCOMPARE(repo.hasConsent(p.anna, ConsentPurpose::Marketing, ConsentChannel::Sms).value(),
             false);

    // The database itself refuses rewriting history, whoever asks.
    const QVariant row = id->toVariant();
    auto flip =
        db.run(QStringLiteral("UPDATE consents SET granted = ? WHERE id = ?"), {false, row});
    QVERIFY(!flip);
    QCOMPARE(flip.error().kind, ErrorKind::Validation);
    auto evidence =
        db.run(QStringLiteral("UPDATE consents SET evidence = 'forged' WHERE id = ?"), {row});
    QVERIFY(!evidence);
    auto purpose =
        db.run(QStringLiteral("UPDATE consents SET purpose = 'surveys' WHERE id = ?"), {row});
    QVERIFY(!purpose);
    auto removed = db.run(QStringLiteral("DELETE FROM consents WHERE id = ?"), {row});
    QVERIFY(!removed);
    QCOMPARE(removed.error().kind, ErrorKind::Validation);
    QCOMPARE(db.scalar(QStringLiteral("SELECT evidence FROM consents WHERE id = ?"), {row})
                 .value()
                 .toString(),
             QStringLiteral("signed form 2024-03-01"));

    // Withdrawal is the one change allowed, once.
    QVERIFY2(repo.withdrawConsent(*id, p.reception), "withdraw");
    QCOMPARE(repo.hasConsent(p.anna, ConsentPurpose::Marketing, ConsentChannel::Email).value(),
             false);
    auto again = repo.withdrawConsent(*id, p.reception);
    QVERIFY(!again);
    QCOMPARE(again.error().kind, ErrorKind::Conflict);
    auto undo =
        db.run(QStringLiteral("UPDATE consents SET withdrawn_at = NULL WHERE id = ?"), {row});
    QVERIFY(!undo);

    auto history = repo.consents(p.anna);
    QVERIFY(history);
    QCOMPARE(history->size(), std::size_t(1));
    QVERIFY(!history->front().isActive());
    QCOMPARE(history->front().withdrawnBy, p.reception.user);
    QCOMPARE(history->front().recordedBy, p.reception.user);

    // A change of mind is a new row.
    consent.recordedAt = QDateTime(QDate(2024, 3, 5), QTime(10, 0));
    QVERIFY(repo.recordConsent(consent, p.reception));
    QCOMPARE(repo.consents(p.anna)->size(), std::size_t(2));
    QCOMPARE(repo.hasConsent(p.anna, ConsentPurpose::Marketing, ConsentChannel::Email).value(),
             true);
}

void TestRepoClients::textRoundTripsByteForByte_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("quotes") << QStringLiteral("O'Brien \"Bobby\" `tick` ''");
    QTest::newRow("sql fragment") << QStringLiteral("Robert'); DROP TABLE clients;--");
    QTest::newRow("more sql") << QStringLiteral("x' OR '1'='1'; DELETE FROM users; /* */ --");
    QTest::newRow("backslashes") << QStringLiteral("C:\\temp\\new \\' \\\\ \\n");
    QTest::newRow("percent and underscore") << QStringLiteral("100% _wild_ [a-z]* ?");
    QTest::newRow("emoji") << QStringLiteral(
        "👩🏽‍⚕️ Dr. Emoji 🎉 family 👨‍👩‍👧‍👦");
    QTest::newRow("right-to-left mark") << QStringLiteral("\u200FMarker\u200F rtl \u200E ltr");
    QTest::newRow("hebrew") << QStringLiteral("שלום כהן 123");
    QTest::newRow("arabic") << QStringLiteral("مرحبا فاطمة الزهراء 456");
    QTest::newRow("mixed direction")
        << QStringLiteral("Dr \u202Bعلي\u202C (Ali) \u2067مريم\u2069 Miriam");
    QTest::newRow("tabs and newlines")
        << QStringLiteral("A\tB\nC\r\nD\u000BE\u000CF\u0001G\u001FH");
    QTest::newRow("combining accent kept unnormalised")
        << QStringLiteral("Rene\u0301 vs Ren\u00E9");
    QTest::newRow("astral and cjk") << QStringLiteral("𝔘𝔫𝔦𝔠𝔬𝔡𝔢 漢字 かな 한글");
    QTest::newRow("long") << QString(3000, QChar(0x00E9)) + QStringLiteral("end");
}

void TestRepoClients::textRoundTripsByteForByte()
{
    QFETCH(QString, text);
    AFTERCARE_PRACTICE(db, p);
    ClientRepository repo(db);
    Client c;
    c.firstName = text;
    c.lastName = text;
    c.address = text;
    c.expectations = text;
    c.referralSource = text;
    auto id = repo.create(c, p.reception);
    QVERIFY2(id, why(id));

    // Read back through a second connection, so nothing can come from a cache.
    auto other = Database::open(dbHolder->url());
    QVERIFY2(other, why(other));
    auto stored = ClientRepository(**other).get(*id);
    QVERIFY2(stored, why(stored));
    for (const QString& field : {stored->firstName, stored->lastName, stored->address,
                                 stored->expectations, stored->referralSource}) {
        QCOMPARE(field, text);
        QCOMPARE(field.toUtf8(), text.toUtf8());
    }
    // The database holds exactly the UTF-8 bytes, not an escaped or normalised form.
    const QString octets =
        db.isSqlite()
            ? QStringLiteral("SELECT length(CAST(address AS BLOB)) FROM clients WHERE id = ?")
            : QStringLiteral("SELECT octet_length(address) FROM clients WHERE id = ?");
    QCOMPARE(db.scalar(octets, {id->toVariant()}).value().toLongLong(),
             qlonglong(text.toUtf8().size()));
    auto found =
        db.scalar(QStringLiteral("SELECT count(*) FROM clients WHERE last_name = ?"), {text});
    QCOMPARE(found.value().toLongLong(), 1);

    // Nothing was executed: all tables are still there with their rows.
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM clients")).value().toLongLong(), 3);
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM users")).value().toLongLong(), 4);

    // And an update round-trips as well.
    Client edited = *stored;
    edited.lastName = QStringLiteral("Prefix ") + text;
    QVERIFY2(repo.update(edited, p.reception), "update");
    QCOMPARE(ClientRepository(**other).get(*id)->lastName.toUtf8(),
             (QStringLiteral("Prefix ") + text).toUtf8());
}

QTEST_GUILESS_MAIN(TestRepoClients)
#include "tst_repo_clients.moc"
