// backends: sqlite postgresql
#include "auth/actor.h"
#include "database/database.h"
#include "database/sqltime.h"
#include "repositories/clientrepository.h"
#include "search/clientsearch.h"
#include "search/searchtext.h"
#include "testdatabase.h"

#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlField>
#include <QSqlQuery>
#include <QTest>

using namespace aftercare;
using namespace aftercare::test;

Q_DECLARE_METATYPE(SearchText::Kind)

namespace {

struct Person
{
    const char* externalId;
    const char* first;
    const char* last;
    const char* born;
    const char* phone;
    const char* email;
};

// A small practice whose names exercise the fold: umlauts, ß, Polish and Danish letters, a
// hyphen and an apostrophe, two people sharing a last name and a first name that is another
// one's prefix.
const Person kPeople[] = {
    {"K-100", "Anna", "Müller", "1985-03-12", "+49 171 2345678", "anna.mueller@example.org"},
    {"K-101", "Jürgen", "Groß", "1970-01-01", "030 1234567", "j.gross@example.de"},
    {"K-102", "Zoë", "O'Brien-Smith", "1992-11-30", nullptr, "zoe@Example.IE"},
    {"K-103", "Łukasz", "Żółć", "1988-07-04", "+48 601 234 567", nullptr},
    {"K-200", "Mark", "Müllerson", "1979-05-05", "0171 9876543", nullptr},
    {"K-201", "Annabel", "Meyer", "1985-03-12", nullptr, "annabel@example.org"},
    {"4711", "Ærø", "Ødegård", nullptr, "+45 33 12 34 56", nullptr},
};

Status addPerson(Database& db, const Person& p)
{
    Client c;
    c.externalId = QString::fromUtf8(p.externalId);
    c.firstName = QString::fromUtf8(p.first);
    c.lastName = QString::fromUtf8(p.last);
    if (p.born)
        c.dateOfBirth = QDate::fromString(QString::fromLatin1(p.born), Qt::ISODate);
    if (p.phone)
        c.phone = PhoneNumber::parse(QString::fromUtf8(p.phone));
    if (p.email)
        c.email = Email::parse(QString::fromUtf8(p.email));
    c.preferredChannel = c.email ? ContactChannel::Email : ContactChannel::Phone;
    return toStatus(ClientRepository(db).create(c, Actor::system()));
}

QStringList idsOf(const std::vector<ClientMatch>& matches)
{
    QStringList ids;
    for (const ClientMatch& m : matches)
        ids << m.externalId;
    return ids;
}

qint64 insertReturningId(Database& db, const QString& sql, const QVariantList& values)
{
    auto q = db.run(sql + QStringLiteral(" RETURNING id"), values);
    if (!q || !q->next())
        return 0;
    return q->value(0).toLongLong();
}

} // namespace

class TestClientSearch : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void interpret_data();
    void interpret();
    void foldAgreesWithDatabase_data();
    void foldAgreesWithDatabase();
    void phoneKeysAgreeWithDatabase_data();
    void phoneKeysAgreeWithDatabase();
    void find_data();
    void find();
    void keysFollowUpdatesAndPlainSql();
    void limit();
    void nextAppointment();
    void usesIndexes_data();
    void usesIndexes();

private:
    // Created once: a fresh database per data row would spend the run creating databases.
    std::unique_ptr<test::TestDatabase> m_practice; // kPeople, read only
    std::unique_ptr<test::TestDatabase> m_scratch;  // rows added by the key checks
    int m_scratchRows = 0;
};

void TestClientSearch::initTestCase()
{
    QString error;
    m_practice = TestDatabase::create(backendUnderTest(), true, &error);
    QVERIFY2(m_practice, qPrintable(error));
    for (const Person& p : kPeople)
        QVERIFY(addPerson(m_practice->database(), p));
    m_scratch = TestDatabase::create(backendUnderTest(), true, &error);
    QVERIFY2(m_scratch, qPrintable(error));
}

void TestClientSearch::interpret_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<SearchText::Kind>("kind");
    QTest::addColumn<QString>("key");
    using K = SearchText::Kind;
    QTest::newRow("blank") << "   " << K::Empty << "";
    QTest::newRow("name") << "Müller" << K::Name << "muller";
    QTest::newRow("last, first") << " Müller,  Anna " << K::Name << "muller anna ";
    QTest::newRow("comma ends the word") << "müller," << K::Name << "muller ";
    QTest::newRow("hyphen") << "Meier-Lüdenscheidt" << K::Name << "meier ludenscheidt";
    QTest::newRow("dotted date") << "12.03.1985" << K::DateOfBirth << "1985-03-12";
    QTest::newRow("short dotted date") << "1.3.1985" << K::DateOfBirth << "1985-03-01";
    QTest::newRow("iso date") << "1985-03-12" << K::DateOfBirth << "1985-03-12";
    QTest::newRow("slashed date") << "12/03/1985" << K::DateOfBirth << "1985-03-12";
    QTest::newRow("no such day") << "31.02.1985" << K::InvalidDate << "";
    QTest::newRow("date being typed") << "12.03.19" << K::PartialDate << "";
    QTest::newRow("iso being typed") << "1985-03-" << K::PartialDate << "";
    QTest::newRow("phone") << "0171 234-56" << K::Phone << "017123456";
    QTest::newRow("international phone") << "+49 (171) 23" << K::Phone << "4917123";
    QTest::newRow("two digits") << "01" << K::TooShort << "";
    QTest::newRow("email") << "Anna.M@" << K::Email << "anna.m@";
}

void TestClientSearch::interpret()
{
    QFETCH(QString, text);
    QFETCH(SearchText::Kind, kind);
    QFETCH(QString, key);
    const SearchText s = SearchText::interpret(text);
    QCOMPARE(s.kind, kind);
    switch (kind) {
    case SearchText::Kind::Name:
        QCOMPARE(s.nameKey, key);
        break;
    case SearchText::Kind::DateOfBirth:
        QCOMPARE(s.date.toString(Qt::ISODate), key);
        break;
    case SearchText::Kind::Phone:
        QCOMPARE(s.digits, key);
        break;
    case SearchText::Kind::Email:
        QCOMPARE(s.lowerKey, key);
        break;
    default:
        break;
    }
}

void TestClientSearch::foldAgreesWithDatabase_data()
{
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("last");
    QTest::newRow("plain") << "Anna"
                           << "SMITH";
    QTest::newRow("german") << "Jürgen Ähnlich"
                            << "Groß-Öztürk";
    QTest::newRow("all folded capitals")
        << QStringLiteral("ÀÁÂÃÄÅĀĂĄÇĆČĎĐÈÉÊËĒĖĘĚĞÌÍÎÏĪĮİŁĽĹÑŃŇÒÓÔÕÖØŌŐŘŔŚŠŞȘŤŢȚÙÚÛÜŪŮŰŲÝŸŹŻŽÆŒẞ")
        << "X";
    QTest::newRow("all folded small")
        << QStringLiteral("àáâãäåāăąçćčďđèéêëēėęěğìíîïīįıłľĺñńňòóôõöøōőřŕśšşșťţțùúûüūůűųýÿźżžæœß")
        << "x";
    QTest::newRow("apostrophes") << QStringLiteral("D’Arcy") << "O'Neill";
    QTest::newRow("left alone") << QStringLiteral("Дмитрий 李 😀") << QStringLiteral("ÞórΣ");
}

void TestClientSearch::foldAgreesWithDatabase()
{
    QFETCH(QString, first);
    QFETCH(QString, last);
    Database& db = m_scratch->database();
    const QString id = QStringLiteral("F-%1").arg(++m_scratchRows);
    // Plain SQL, as an import would write it: the keys are the database's doing.
    QVERIFY(
        db.run(QStringLiteral(
                   "INSERT INTO clients (external_id, first_name, last_name, registered_at, "
                   "created_at) VALUES (?, ?, ?, '2024-01-01 00:00:00', '2024-01-01 00:00:00')"),
               {id, first, last}));
    auto q = db.run(
        QStringLiteral("SELECT s.search_last_first, s.search_first_last FROM client_search s "
                       "JOIN clients c ON c.id = s.client_id WHERE c.external_id = ?"),
        {id});
    QVERIFY(q && q->next());
    QCOMPARE(q->value(0).toString(), SearchText::fold(last + QLatin1Char(' ') + first));
    QCOMPARE(q->value(1).toString(), SearchText::fold(first + QLatin1Char(' ') + last));
}

void TestClientSearch::phoneKeysAgreeWithDatabase_data()
{
    QTest::addColumn<QString>("phone");
    QTest::addColumn<QString>("national");
    QTest::newRow("german mobile") << "+491712345678"
                                   << "1712345678";
    QTest::newRow("national") << "0171 2345678"
                              << "1712345678";
    QTest::newRow("double zero") << "0044 20 7946 0000"
                                 << "2079460000";
    QTest::newRow("one-digit code") << "+1 555 0100"
                                    << "5550100";
    QTest::newRow("three-digit code") << "+352 123456"
                                      << "123456";
    QTest::newRow("no prefix") << "1712345678"
                               << "1712345678";
}

void TestClientSearch::phoneKeysAgreeWithDatabase()
{
    QFETCH(QString, phone);
    QFETCH(QString, national);
    QCOMPARE(SearchText::nationalNumber(phone), national);
    Database& db = m_scratch->database();
    const QString id = QStringLiteral("Ab-%1").arg(++m_scratchRows);
    QVERIFY(
        db.run(QStringLiteral(
                   "INSERT INTO clients (external_id, first_name, last_name, phone, email, "
                   "registered_at, created_at) VALUES (?, 'A', 'B', ?, 'Mixed.Case@Example.ORG', "
                   "'2024-01-01 00:00:00', '2024-01-01 00:00:00')"),
               {id, phone}));
    auto q = db.run(QStringLiteral("SELECT s.search_phone_national, s.search_email, "
                                   "s.search_external FROM client_search s "
                                   "JOIN clients c ON c.id = s.client_id "
                                   "WHERE c.external_id = ?"),
                    {id});
    QVERIFY(q && q->next());
    QCOMPARE(q->value(0).toString(), national);
    QCOMPARE(q->value(1).toString(), QStringLiteral("mixed.case@example.org"));
    QCOMPARE(q->value(2).toString(), id.toLower());
}

void TestClientSearch::find_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    const QStringList mueller{"K-100", "K-200"};
    QTest::newRow("last name prefix") << "Mül" << mueller;
    QTest::newRow("without umlaut") << "muller" << mueller;
    QTest::newRow("capitals") << "MÜLLER" << mueller;
    QTest::newRow("whole last name") << "müller " << QStringList{"K-100"};
    QTest::newRow("last, first") << "Müller, Anna" << QStringList{"K-100"};
    QTest::newRow("last, first prefix") << "muller,a" << QStringList{"K-100"};
    QTest::newRow("first last") << "anna mü" << QStringList{"K-100"};
    QTest::newRow("first name prefix") << "Ann" << QStringList{"K-100", "K-201"};
    QTest::newRow("eszett as ss") << "gross" << QStringList{"K-101"};
    QTest::newRow("eszett typed") << "Groß" << QStringList{"K-101"};
    QTest::newRow("polish") << "zolc" << QStringList{"K-103"};
    QTest::newRow("polish typed") << "Żółć Ł" << QStringList{"K-103"};
    QTest::newRow("danish") << "odegard" << QStringList{"4711"};
    QTest::newRow("apostrophe and hyphen") << "obrien smith" << QStringList{"K-102"};
    QTest::newRow("hyphen typed") << "O'Brien-Sm" << QStringList{"K-102"};
    // Same birthday, in name order: Meyer before Müller.
    QTest::newRow("date dotted") << "12.03.1985" << QStringList{"K-201", "K-100"};
    QTest::newRow("date iso") << "1985-03-12" << QStringList{"K-201", "K-100"};
    QTest::newRow("date slashed") << "12/03/1985" << QStringList{"K-201", "K-100"};
    QTest::newRow("date being typed") << "12.03.19" << QStringList{};
    QTest::newRow("phone national as stored") << "0171 98765" << QStringList{"K-200"};
    QTest::newRow("phone national for international") << "0171-234 56" << QStringList{"K-100"};
    QTest::newRow("phone international for national") << "+49 171 987" << QStringList{"K-200"};
    QTest::newRow("phone both") << "0171" << QStringList{"K-100", "K-200"};
    QTest::newRow("phone berlin") << "030/123" << QStringList{"K-101"};
    QTest::newRow("phone abroad") << "0045 33 12" << QStringList{"4711"};
    QTest::newRow("email") << "ANNA.MU" << QStringList{"K-100"};
    QTest::newRow("email domain") << "zoe@example.ie" << QStringList{"K-102"};
    QTest::newRow("external id") << "k-10" << QStringList{"K-100", "K-101", "K-102", "K-103"};
    QTest::newRow("external id exact") << "K-201" << QStringList{"K-201"};
    QTest::newRow("numeric external id") << "4711" << QStringList{"4711"};
    QTest::newRow("nobody") << "Xavier" << QStringList{};
    QTest::newRow("quote is data") << "x' OR 1=1 --" << QStringList{};
}

void TestClientSearch::find()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    Database& db = m_practice->database();
    auto matches = ClientSearch(db).find(text, 20);
    QVERIFY2(matches, qPrintable(matches ? QString() : matches.error().describe()));
    QCOMPARE(idsOf(*matches), expected);
}

void TestClientSearch::keysFollowUpdatesAndPlainSql()
{
    AFTERCARE_FRESH_DATABASE(db);
    QVERIFY(addPerson(db, kPeople[0]));
    ClientRepository clients(db);
    auto anna = clients.findByExternalId(QStringLiteral("K-100"));
    QVERIFY(anna);
    anna->lastName = QStringLiteral("Schäfer");
    anna->phone = PhoneNumber::parse(QStringLiteral("0221 555"));
    QVERIFY(clients.update(*anna, Actor::system()));
    ClientSearch search(db);
    QCOMPARE(idsOf(search.find(QStringLiteral("schafer"), 20).value()), QStringList{"K-100"});
    QCOMPARE(idsOf(search.find(QStringLiteral("müller"), 20).value()), QStringList{});
    QCOMPARE(idsOf(search.find(QStringLiteral("0221 5"), 20).value()), QStringList{"K-100"});
    QVERIFY(db.run(
        QStringLiteral("UPDATE clients SET first_name = 'Änne' WHERE external_id = 'K-100'")));
    QCOMPARE(idsOf(search.find(QStringLiteral("anne sch"), 20).value()), QStringList{"K-100"});
}

void TestClientSearch::limit()
{
    AFTERCARE_FRESH_DATABASE(db);
    for (int i = 0; i < 30; ++i) {
        const QString id = QStringLiteral("S-%1").arg(i, 2, 10, QLatin1Char('0'));
        const QByteArray idUtf8 = id.toUtf8();
        const QByteArray first =
            QStringLiteral("Client%1").arg(29 - i, 2, 10, QLatin1Char('0')).toUtf8();
        // Half of them stored with the country code, half without: both phone keys are used.
        const QByteArray phone =
            (i % 2 ? QStringLiteral("+49 170 5550%1") : QStringLiteral("0170 5550%1"))
                .arg(i, 2, 10, QLatin1Char('0'))
                .toUtf8();
        QVERIFY(addPerson(db, {idUtf8.constData(), first.constData(), "Schmidt", nullptr,
                               phone.constData(), nullptr}));
    }
    ClientSearch search(db);
    auto twenty = search.find(QStringLiteral("schmidt"), 20);
    QVERIFY(twenty);
    QCOMPARE(twenty->size(), std::size_t(20));
    // In name order: Client00 (S-29) first.
    QCOMPARE(twenty->front().externalId, QStringLiteral("S-29"));
    QCOMPARE(twenty->back().externalId, QStringLiteral("S-10"));
    QCOMPARE(search.find(QStringLiteral("schmidt"), 5)->size(), std::size_t(5));
    QCOMPARE(search.find(QStringLiteral("schmidt"), 0)->size(), std::size_t(1));
    QCOMPARE(search.find(QStringLiteral("schmidt"), 100)->size(), std::size_t(30));

    // Asking for more only appends: the finder's model pages on this.
    for (const QString& text : {QStringLiteral("schmidt"), QStringLiteral("0170 555"),
                                QStringLiteral("+49 170 555"), QStringLiteral("s-")}) {
        QStringList previous;
        for (int limit = 1; limit <= 32; ++limit) {
            const QStringList ids = idsOf(search.find(text, limit).value());
            QCOMPARE(ids.size(), std::min(limit, 30));
            QCOMPARE(ids.mid(0, previous.size()), previous);
            previous = ids;
        }
    }
}

void TestClientSearch::nextAppointment()
{
    AFTERCARE_FRESH_DATABASE(db);
    for (const Person& p : kPeople)
        QVERIFY(addPerson(db, p));
    const qint64 weber = insertReturningId(
        db, QStringLiteral("INSERT INTO practitioners (name) VALUES ('Dr. Weber')"), {});
    const qint64 roth = insertReturningId(
        db, QStringLiteral("INSERT INTO practitioners (name) VALUES ('Eva Roth')"), {});
    const qint64 service = insertReturningId(
        db,
        QStringLiteral(
            "INSERT INTO service_types (name, duration_minutes) VALUES ('Check-up', 30)"),
        {});
    QVERIFY(weber && roth && service);
    const qint64 anna =
        db.scalar(QStringLiteral("SELECT id FROM clients WHERE external_id = 'K-100'"))
            ->toLongLong();
    const qint64 mark =
        db.scalar(QStringLiteral("SELECT id FROM clients WHERE external_id = 'K-200'"))
            ->toLongLong();

    const QDateTime now(QDate(2026, 5, 11), QTime(14, 0));
    auto book = [&](qint64 client, qint64 practitioner, const QDateTime& start,
                    const char* status) {
        return insertReturningId(
            db,
            QStringLiteral("INSERT INTO appointments (client_id, practitioner_id, service_type_id, "
                           "starts_at, ends_at, "
                           "status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
            {client, practitioner, service, SqlTime::toSql(start),
             SqlTime::toSql(start.addSecs(1800)), QString::fromLatin1(status),
             SqlTime::toSql(now.addDays(-30))});
    };
    QVERIFY(book(anna, weber, now.addDays(-10), "completed"));
    QVERIFY(book(anna, weber, now.addDays(2), "cancelled"));
    const qint64 annasNext = book(anna, roth, now.addDays(5), "booked");
    QVERIFY(annasNext);
    QVERIFY(book(anna, weber, now.addDays(40), "booked"));
    // Earlier today still counts as "next": the client may be standing at the desk.
    const qint64 marksToday = book(mark, weber, QDateTime(now.date(), QTime(9, 0)), "checked_in");
    QVERIFY(marksToday);
    QVERIFY(book(mark, roth, now.addDays(-1), "booked")); // yesterday's, never closed

    ClientSearch search(db);
    search.setNow(now);
    auto matches = search.find(QStringLiteral("müller"), 20);
    QVERIFY(matches);
    QCOMPARE(idsOf(*matches), (QStringList{"K-100", "K-200"}));
    const ClientMatch& a = matches->at(0);
    QVERIFY(a.next.has_value());
    QCOMPARE(a.next->id, AppointmentId(annasNext));
    QCOMPARE(a.next->startsAt, now.addDays(5));
    QCOMPARE(a.next->practitioner, QStringLiteral("Eva Roth"));
    QCOMPARE(a.next->serviceType, QStringLiteral("Check-up"));
    QCOMPARE(a.dateOfBirth, QDate(1985, 3, 12));
    QCOMPARE(a.phone, QStringLiteral("+491712345678"));
    const ClientMatch& m = matches->at(1);
    QVERIFY(m.next.has_value());
    QCOMPARE(m.next->id, AppointmentId(marksToday));
    QCOMPARE(m.next->practitioner, QStringLiteral("Dr. Weber"));

    auto nobodyBooked = search.find(QStringLiteral("groß"), 20);
    QVERIFY(nobodyBooked);
    QCOMPARE(nobodyBooked->size(), std::size_t(1));
    QVERIFY(!nobodyBooked->front().next.has_value());
}

void TestClientSearch::usesIndexes_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("name") << "müller, a";
    QTest::newRow("phone") << "0171 23";
    QTest::newRow("email") << "anna@ex";
    QTest::newRow("date of birth") << "12.03.1985";
}

// Every kind of match must be an index search on clients, never a scan of the whole table:
// that is what keeps a keystroke instant with 50 000 clients.
void TestClientSearch::usesIndexes()
{
    QFETCH(QString, text);
    Database& db = m_practice->database();
    const auto [sql, values] = ClientSearch(db).statement(SearchText::interpret(text), 20);
    QVERIFY(!sql.isEmpty());
    if (db.isPostgreSql()) // a tiny table is cheaper to scan; ask whether an index *can* serve
        QVERIFY(db.executeScript(QStringLiteral("SET enable_seqscan = off")));
    Result<QSqlQuery> plan;
    if (db.isSqlite()) {
        plan = db.run(QStringLiteral("EXPLAIN QUERY PLAN ") + sql, values);
    } else {
        // PostgreSQL cannot PREPARE an EXPLAIN; spell this test's own values out with the
        // driver's quoting instead.
        QString literal = sql;
        for (const QVariant& value : values) {
            QSqlField field(QString(), value.metaType());
            field.setValue(value);
            literal.replace(literal.indexOf(QLatin1Char('?')), 1,
                            db.connection().driver()->formatValue(field));
        }
        QSqlQuery query(db.connection());
        QVERIFY2(query.exec(QStringLiteral("EXPLAIN ") + literal),
                 qPrintable(query.lastError().text()));
        plan = std::move(query);
    }
    QVERIFY2(plan, qPrintable(plan ? QString() : plan.error().describe()));
    if (db.isPostgreSql())
        QVERIFY(db.executeScript(QStringLiteral("RESET enable_seqscan")));
    QStringList lines;
    while (plan->next())
        lines << plan->value(db.isSqlite() ? 3 : 0).toString();
    const QString text2 = lines.join(QLatin1Char('\n'));
    if (db.isSqlite()) {
        // A full scan reads "SCAN <table or alias>" without "USING"; "SCAN m" / "SCAN branchN"
        // walk the few rows a branch already picked.
        static const QRegularExpression fullScan(
            QStringLiteral("SCAN (clients|client_search|c|d|s)( |$)(?!.*USING)"),
            QRegularExpression::MultilineOption);
        QVERIFY2(!fullScan.match(text2).hasMatch(), qPrintable(text2));
        QVERIFY2(text2.contains(QLatin1String("INDEX client_search_")) ||
                     text2.contains(QLatin1String("INDEX clients_birth_idx")),
                 qPrintable(text2));
    } else {
        QVERIFY2(!text2.contains(QLatin1String("Seq Scan on clients")), qPrintable(text2));
        QVERIFY2(text2.contains(QLatin1String("clients_search_")) ||
                     text2.contains(QLatin1String("clients_birth_idx")),
                 qPrintable(text2));
    }
}

QTEST_GUILESS_MAIN(TestClientSearch)
#include "tst_clientsearch.moc"
