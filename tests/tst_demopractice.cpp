// backends: sqlite postgresql
#include "auth/passwordhasher.h"
#include "database/database.h"
#include "database/sqltime.h"
#include "demo/demopractice.h"
#include "repositories/clientrepository.h"
#include "testdatabase.h"

#include <QCryptographicHash>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

using namespace aftercare;
using namespace aftercare::test;

namespace {

// A small practice, so that each backend runs in seconds; a fixed day, so that the history is
// the same on every run.
DemoOptions smallPractice(std::uint64_t seed = 7)
{
    DemoOptions options;
    options.clients = 300;
    options.years = 2;
    options.seed = seed;
    options.today = QDate(2026, 3, 2); // a Monday
    return options;
}

const QStringList kTables{
    QStringLiteral("users"),
    QStringLiteral("practitioners"),
    QStringLiteral("service_types"),
    QStringLiteral("clients"),
    QStringLiteral("consents"),
    QStringLiteral("appointments"),
    QStringLiteral("touchpoints"),
    QStringLiteral("test_results"),
    QStringLiteral("result_values"),
    QStringLiteral("feedback"),
    QStringLiteral("followup_tasks"),
    QStringLiteral("call_attempts"),
    QStringLiteral("invoices"),
    QStringLiteral("invoice_lines"),
    QStringLiteral("payments"),
    QStringLiteral("post_service_steps"),
    QStringLiteral("practice_settings"),
};

// How each checksummed column is read, so that both databases' representations come out alike.
enum class Kind
{
    Text,
    Number,
    Flag,
    Time,
    Date
};

struct Column
{
    const char* name;
    Kind kind;
};

struct Checked
{
    const char* table;
    std::vector<Column> columns;
};

const std::vector<Checked> kChecksummed{
    {"clients",
     {{"id", Kind::Number},
      {"external_id", Kind::Text},
      {"first_name", Kind::Text},
      {"last_name", Kind::Text},
      {"date_of_birth", Kind::Date},
      {"sex", Kind::Text},
      {"email", Kind::Text},
      {"phone", Kind::Text},
      {"address", Kind::Text},
      {"preferred_channel", Kind::Text},
      {"referral_source", Kind::Text},
      {"referred_by", Kind::Number},
      {"expectations", Kind::Text},
      {"journey_stage", Kind::Text},
      {"registered_at", Kind::Time},
      {"archived", Kind::Flag},
      {"created_at", Kind::Time}}},
    {"appointments",
     {{"id", Kind::Number},
      {"client_id", Kind::Number},
      {"practitioner_id", Kind::Number},
      {"service_type_id", Kind::Number},
      {"starts_at", Kind::Time},
      {"ends_at", Kind::Time},
      {"status", Kind::Text},
      {"price_cents", Kind::Number},
      {"cancellation_reason", Kind::Text},
      {"cancelled_at", Kind::Time},
      {"reminder_sent_at", Kind::Time},
      {"checked_in_at", Kind::Time},
      {"completed_at", Kind::Time},
      {"created_at", Kind::Time},
      {"created_by", Kind::Number}}},
    {"feedback",
     {{"id", Kind::Number},
      {"client_id", Kind::Number},
      {"appointment_id", Kind::Number},
      {"kind", Kind::Text},
      {"score", Kind::Number},
      {"comment", Kind::Text},
      {"responded_at", Kind::Time},
      {"source", Kind::Text},
      {"recorded_by", Kind::Number},
      {"created_at", Kind::Time}}},
    {"invoices",
     {{"id", Kind::Number},
      {"external_id", Kind::Text},
      {"client_id", Kind::Number},
      {"appointment_id", Kind::Number},
      {"status", Kind::Text},
      {"total_cents", Kind::Number},
      {"issued_at", Kind::Time},
      {"due_at", Kind::Time},
      {"paid_at", Kind::Time},
      {"created_at", Kind::Time}}},
    // FollowUpPlanner numbers the tasks in the order its database returns the reasons, which
    // differs between the backends: the tasks are compared by their source keys.
    {"followup_tasks",
     {{"source_key", Kind::Text},
      {"client_id", Kind::Number},
      {"kind", Kind::Text},
      {"due_at", Kind::Time},
      {"deadline_at", Kind::Time},
      {"status", Kind::Text},
      {"done_at", Kind::Time}}},
    {"touchpoints",
     {{"id", Kind::Number},
      {"client_id", Kind::Number},
      {"occurred_at", Kind::Time},
      {"stage", Kind::Text},
      {"channel", Kind::Text},
      {"kind", Kind::Text},
      {"outcome", Kind::Text},
      {"appointment_id", Kind::Number}}},
};

QByteArray normalised(const QVariant& value, Kind kind)
{
    if (value.isNull())
        return QByteArrayLiteral("<null>");
    switch (kind) {
    case Kind::Number:
        return QByteArray::number(value.toLongLong());
    case Kind::Flag:
        return value.toBool() ? QByteArrayLiteral("true") : QByteArrayLiteral("false");
    case Kind::Time:
        return SqlTime::toDateTime(value).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")).toUtf8();
    case Kind::Date:
        return SqlTime::toDate(value).toString(Qt::ISODate).toUtf8();
    case Kind::Text:
        break;
    }
    return value.toString().toUtf8();
}

qint64 count(Database& db, const QString& sql)
{
    auto n = db.scalar(sql);
    if (!n) {
        qWarning("%s: %s", qPrintable(sql), qPrintable(n.error().describe()));
        return -1;
    }
    return n->toLongLong();
}

QMap<QString, qint64> rowCounts(Database& db)
{
    QMap<QString, qint64> counts;
    for (const QString& table : kTables)
        counts.insert(table, count(db, QStringLiteral("SELECT count(*) FROM %1").arg(table)));
    return counts;
}

QByteArray checksum(Database& db)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const Checked& checked : kChecksummed) {
        QStringList names;
        for (const Column& column : checked.columns)
            names << QLatin1String(column.name);
        auto query = db.run(QStringLiteral("SELECT %1 FROM %2 ORDER BY %3") // by the first column
                                .arg(names.join(QStringLiteral(", ")), QLatin1String(checked.table),
                                     names.first()));
        if (!query) {
            qWarning("%s", qPrintable(query.error().describe()));
            return {};
        }
        hash.addData(QByteArray(checked.table));
        while (query->next()) {
            for (std::size_t i = 0; i < checked.columns.size(); ++i) {
                hash.addData(normalised(query->value(int(i)), checked.columns[i].kind));
                hash.addData(QByteArrayView("\x1f", 1));
            }
            hash.addData(QByteArrayView("\x1e", 1));
        }
    }
    return hash.result().toHex();
}

std::unique_ptr<TestDatabase> freshDatabase(Backend backend)
{
    QString error;
    auto db = TestDatabase::create(backend, true, &error);
    if (!db)
        qWarning("%s", qPrintable(error));
    return db;
}

} // namespace

class TestDemoPractice : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void sameSeedGivesSameData();
    void otherSeedGivesOtherData();
    void sameDataOnSqliteAndPostgreSql();
    void summaryMatchesTheDatabase();
    void visitsAreBelievable();
    void noOverlapsAndNothingBookedAfterItStarts();
    void calendarsAheadAreFull();
    void journeyStagesFitTheData();
    void resultsPassThroughEveryState();
    void feedbackMixIsBelievable();
    void followUpWorkIsMostlyOnTime();
    void everyVisitIsInvoiced();
    void afterCareIsMostlyContinued();
    void referralsNameEarlierClients();
    void demoAccountsSignInWithDocumentedPasswords();
    void applicationInsertsContinueAfterTheDemo();
    void nonEmptyDatabaseIsRefused();
    void invalidOptionsAreRefused_data();
    void invalidOptionsAreRefused();

private:
    std::unique_ptr<TestDatabase> m_holder;
    DemoSummary m_summary;
    QList<int> m_percents;
    QStringList m_stages;
    Database& db() { return m_holder->database(); }
};

void TestDemoPractice::initTestCase()
{
    m_holder = freshDatabase(backendUnderTest());
    QVERIFY(m_holder);
    auto summary =
        DemoPractice::generate(db(), smallPractice(), [this](int percent, const QString& stage) {
            m_percents << percent;
            m_stages << stage;
        });
    QVERIFY2(summary, qPrintable(summary ? QString() : summary.error().describe()));
    m_summary = *summary;
}

void TestDemoPractice::sameSeedGivesSameData()
{
    auto other = freshDatabase(backendUnderTest());
    QVERIFY(other);
    auto summary = DemoPractice::generate(other->database(), smallPractice());
    QVERIFY2(summary, qPrintable(summary ? QString() : summary.error().describe()));
    QCOMPARE(rowCounts(other->database()), rowCounts(db()));
    const QByteArray expected = checksum(db());
    QVERIFY(!expected.isEmpty());
    QCOMPARE(checksum(other->database()), expected);
}

void TestDemoPractice::otherSeedGivesOtherData()
{
    auto other = freshDatabase(backendUnderTest());
    QVERIFY(other);
    auto summary = DemoPractice::generate(other->database(), smallPractice(8));
    QVERIFY2(summary, qPrintable(summary ? QString() : summary.error().describe()));
    QCOMPARE(summary->clients, m_summary.clients);
    QVERIFY(checksum(other->database()) != checksum(db()));
}

void TestDemoPractice::sameDataOnSqliteAndPostgreSql()
{
    // The same seed writes the same rows on the other kind of database too.
    const Backend other =
        backendUnderTest() == Backend::Sqlite ? Backend::PostgreSql : Backend::Sqlite;
    auto holder = freshDatabase(other);
    QVERIFY2(holder, "the other backend is needed for this comparison (AFTERCARE_TEST_PG_URL)");
    auto summary = DemoPractice::generate(holder->database(), smallPractice());
    QVERIFY2(summary, qPrintable(summary ? QString() : summary.error().describe()));
    QCOMPARE(rowCounts(holder->database()), rowCounts(db()));
    QCOMPARE(checksum(holder->database()), checksum(db()));
}

void TestDemoPractice::summaryMatchesTheDatabase()
{
    QCOMPARE(m_summary.clients, 300);
    QCOMPARE(count(db(), QStringLiteral("SELECT count(*) FROM clients")), m_summary.clients);
    QCOMPARE(count(db(), QStringLiteral("SELECT count(*) FROM appointments")),
             m_summary.appointments);
    QCOMPARE(
        count(db(), QStringLiteral("SELECT count(*) FROM appointments WHERE status = 'completed'")),
        m_summary.completed);
    QCOMPARE(
        count(db(), QStringLiteral("SELECT count(*) FROM appointments WHERE status = 'no_show'")),
        m_summary.noShows);
    QCOMPARE(count(db(), QStringLiteral("SELECT count(*) FROM test_results")), m_summary.results);
    QCOMPARE(count(db(), QStringLiteral("SELECT count(*) FROM test_results WHERE abnormal")),
             m_summary.abnormalResults);
    QCOMPARE(count(db(), QStringLiteral("SELECT count(*) FROM followup_tasks")), m_summary.tasks);
    QCOMPARE(count(db(), QStringLiteral("SELECT count(*) FROM feedback")), m_summary.feedback);
    QCOMPARE(count(db(), QStringLiteral("SELECT count(*) FROM invoices")), m_summary.invoices);
    QCOMPARE(count(db(), QStringLiteral("SELECT count(*) FROM touchpoints")),
             m_summary.touchpoints);
    QCOMPARE(m_summary.users, 4);
    QCOMPARE(count(db(), QStringLiteral("SELECT count(*) FROM practitioners")), 3);
    const qint64 services = count(db(), QStringLiteral("SELECT count(*) FROM service_types"));
    QVERIFY2(services >= 6 && services <= 10, qPrintable(QString::number(services)));
    QCOMPARE(count(db(), QStringLiteral("SELECT count(*) FROM consents")), 6 * m_summary.clients);
    QCOMPARE(
        count(db(),
              QStringLiteral(
                  "SELECT value FROM practice_settings WHERE key = 'practice.lapse_window_days'")),
        365);

    // Progress went forward from 0 to 100 and said what it was doing.
    QVERIFY(m_percents.size() > 5);
    QCOMPARE(m_percents.front(), 0);
    QCOMPARE(m_percents.back(), 100);
    QVERIFY(std::is_sorted(m_percents.begin(), m_percents.end()));
    QVERIFY(!m_stages.contains(QString()));
}

void TestDemoPractice::visitsAreBelievable()
{
    const qint64 completed =
        count(db(), QStringLiteral("SELECT count(*) FROM appointments WHERE status = 'completed'"));
    const qint64 noShows =
        count(db(), QStringLiteral("SELECT count(*) FROM appointments WHERE status = 'no_show'"));
    const double noShowShare = 100.0 * double(noShows) / double(completed + noShows);
    QVERIFY2(noShowShare >= 5 && noShowShare <= 20, qPrintable(QString::number(noShowShare)));

    const qint64 cancelled =
        count(db(), QStringLiteral("SELECT count(*) FROM appointments WHERE status = 'cancelled'"));
    QVERIFY(cancelled > 0);
    QCOMPARE(count(db(), QStringLiteral(
                             "SELECT count(*) FROM appointments WHERE status = 'cancelled' AND "
                             "cancellation_reason IS NOT NULL AND cancelled_at IS NOT NULL")),
             cancelled);
    QVERIFY(cancelled < completed / 5);

    // Returning clients: many have several visits; some came back more than a year later.
    QVERIFY(
        count(db(), QStringLiteral(
                        "SELECT count(*) FROM (SELECT client_id FROM appointments WHERE status = "
                        "'completed' GROUP BY client_id HAVING count(*) >= 3) regulars")) > 50);
    QVERIFY(count(db(), QStringLiteral(
                            "SELECT count(*) FROM clients WHERE journey_stage = 'after'")) > 30);

    // Visits on weekdays only, within opening hours.
    const QString weekday = db().isSqlite()
                                ? QStringLiteral("CAST(strftime('%w', starts_at) AS INTEGER)")
                                : QStringLiteral("CAST(extract(dow FROM starts_at) AS INTEGER)");
    QCOMPARE(
        count(db(),
              QStringLiteral("SELECT count(*) FROM appointments WHERE %1 IN (0, 6)").arg(weekday)),
        0);
    const QString hourOf = db().isSqlite()
                               ? QStringLiteral("CAST(strftime('%H', %1) AS INTEGER)")
                               : QStringLiteral("CAST(extract(hour FROM %1) AS INTEGER)");
    QCOMPARE(
        count(db(), QStringLiteral("SELECT count(*) FROM appointments WHERE %1 < 8 OR %2 >= 18")
                        .arg(hourOf.arg(QStringLiteral("starts_at")),
                             hourOf.arg(QStringLiteral("starts_at")))),
        0);
}

void TestDemoPractice::noOverlapsAndNothingBookedAfterItStarts()
{
    QCOMPARE(
        count(db(),
              QStringLiteral(
                  "SELECT count(*) FROM appointments a JOIN appointments b ON a.practitioner_id = "
                  "b.practitioner_id AND a.id < b.id AND a.starts_at < b.ends_at AND b.starts_at < "
                  "a.ends_at "
                  "WHERE a.status IN ('booked', 'confirmed', 'checked_in') "
                  "AND b.status IN ('booked', 'confirmed', 'checked_in')")),
        0);
    // The history does not overlap either (cancelled slots may be given to someone else).
    QCOMPARE(
        count(db(),
              QStringLiteral(
                  "SELECT count(*) FROM appointments a JOIN appointments b ON a.practitioner_id = "
                  "b.practitioner_id AND a.id < b.id AND a.starts_at < b.ends_at AND b.starts_at < "
                  "a.ends_at "
                  "WHERE a.status <> 'cancelled' AND b.status <> 'cancelled'")),
        0);
    QCOMPARE(count(db(), QStringLiteral(
                             "SELECT count(*) FROM appointments WHERE created_at > starts_at")),
             0);
    QCOMPARE(
        count(db(), QStringLiteral(
                        "SELECT count(*) FROM appointments a JOIN clients c ON c.id = a.client_id "
                        "WHERE a.created_at < c.registered_at")),
        0);
    QCOMPARE(
        count(db(), QStringLiteral(
                        "SELECT count(*) FROM appointments WHERE status = 'cancelled' AND "
                        "(cancelled_at < created_at OR cancelled_at > '2026-03-02 07:30:00')")),
        0);
    // Nothing of the history lies after the generated day began.
    for (const char* sql :
         {"SELECT count(*) FROM appointments WHERE status IN ('completed', 'no_show') AND "
          "starts_at >= '2026-03-02 00:00:00'",
          "SELECT count(*) FROM appointments WHERE created_at > '2026-03-02 07:30:00'",
          "SELECT count(*) FROM feedback WHERE responded_at > '2026-03-02 07:30:00'",
          "SELECT count(*) FROM touchpoints WHERE occurred_at > '2026-03-02 07:30:00'",
          "SELECT count(*) FROM followup_tasks WHERE done_at > '2026-03-02 07:30:00'"})
        QCOMPARE(count(db(), QLatin1String(sql)), 0);
}

void TestDemoPractice::calendarsAheadAreFull()
{
    // Bookings for the coming weeks, and today's and tomorrow's calendars nearly full:
    // 3 practitioners, 9 bookable hours each (8-18 without lunch).
    QVERIFY(
        count(db(), QStringLiteral(
                        "SELECT count(*) FROM appointments WHERE status IN ('booked', 'confirmed') "
                        "AND starts_at >= '2026-03-16 00:00:00'")) > 0);
    for (const char* day : {"2026-03-02", "2026-03-03"}) {
        auto query =
            db().run(QStringLiteral("SELECT starts_at, ends_at FROM appointments WHERE status IN "
                                    "('booked', 'confirmed') AND starts_at >= ? AND starts_at < ?"),
                     {QStringLiteral("%1 00:00:00").arg(QLatin1String(day)),
                      QStringLiteral("%1 23:59:59").arg(QLatin1String(day))});
        QVERIFY(query);
        qint64 minutes = 0;
        while (query->next())
            minutes +=
                SqlTime::toDateTime(query->value(0)).secsTo(SqlTime::toDateTime(query->value(1))) /
                60;
        QVERIFY2(minutes >= qint64(0.8 * 3 * 540),
                 qPrintable(QStringLiteral("%1: %2 minutes").arg(QLatin1String(day)).arg(minutes)));
    }
    QVERIFY(count(db(), QStringLiteral(
                            "SELECT count(*) FROM appointments WHERE status = 'confirmed'")) > 0);
}

void TestDemoPractice::journeyStagesFitTheData()
{
    const QString active =
        QStringLiteral("EXISTS (SELECT 1 FROM appointments a WHERE a.client_id = c.id AND "
                       "a.status IN ('booked', 'confirmed', 'checked_in'))");
    const QString visited = QStringLiteral("EXISTS (SELECT 1 FROM appointments a WHERE a.client_id "
                                           "= c.id AND a.status = 'completed')");
    QCOMPARE(
        count(
            db(),
            QStringLiteral(
                "SELECT count(*) FROM clients c WHERE journey_stage = 'during' AND NOT (%1 AND %2)")
                .arg(active, visited)),
        0);
    QCOMPARE(
        count(db(),
              QStringLiteral(
                  "SELECT count(*) FROM clients c WHERE journey_stage = 'decision' AND NOT (%1 "
                  "AND NOT %2)")
                  .arg(active, visited)),
        0);
    QCOMPARE(
        count(db(),
              QStringLiteral(
                  "SELECT count(*) FROM clients c WHERE journey_stage = 'after' AND NOT (%2 AND "
                  "NOT %1)")
                  .arg(active, visited)),
        0);
    QCOMPARE(count(db(), QStringLiteral(
                             "SELECT count(*) FROM clients c WHERE journey_stage IN ('awareness', "
                             "'consideration') AND (%1 OR %2)")
                             .arg(active, visited)),
             0);
    for (const char* stage : {"during", "after"})
        QVERIFY2(
            count(db(), QStringLiteral("SELECT count(*) FROM clients WHERE journey_stage = '%1'")
                            .arg(QLatin1String(stage))) > 0,
            stage);
}

void TestDemoPractice::resultsPassThroughEveryState()
{
    const qint64 results = count(db(), QStringLiteral("SELECT count(*) FROM test_results"));
    const qint64 abnormal =
        count(db(), QStringLiteral("SELECT count(*) FROM test_results WHERE abnormal"));
    QVERIFY(results > 50);
    const double share = 100.0 * double(abnormal) / double(results);
    QVERIFY2(share >= 5 && share <= 25, qPrintable(QString::number(share)));
    for (const char* status : {"received", "reviewed", "communicated"})
        QVERIFY2(count(db(), QStringLiteral("SELECT count(*) FROM test_results WHERE status = '%1'")
                                 .arg(QLatin1String(status))) > 0,
                 status);
    // Values with units and reference ranges; an abnormal result has an abnormal value.
    QCOMPARE(count(db(), QStringLiteral(
                             "SELECT count(*) FROM test_results r WHERE NOT EXISTS (SELECT 1 FROM "
                             "result_values v WHERE v.result_id = r.id)")),
             0);
    QCOMPARE(
        count(db(),
              QStringLiteral(
                  "SELECT count(*) FROM test_results r WHERE abnormal AND NOT EXISTS (SELECT 1 "
                  "FROM result_values v WHERE v.result_id = r.id AND v.abnormal)")),
        0);
    QVERIFY(
        count(db(),
              QStringLiteral(
                  "SELECT count(*) FROM result_values WHERE unit <> '' AND reference_high IS NOT "
                  "NULL AND value_numeric IS NOT NULL")) > 0);
    // As FollowUpPlanner plans them: every result is to be communicated, an abnormal one
    // discussed as well.
    QCOMPARE(count(db(), QStringLiteral(
                             "SELECT count(*) FROM followup_tasks WHERE kind = 'discuss_result'")),
             abnormal);
    QCOMPARE(count(db(), QStringLiteral(
                             "SELECT count(*) FROM followup_tasks WHERE result_id IS NOT NULL")),
             results + abnormal);
}

void TestDemoPractice::feedbackMixIsBelievable()
{
    const qint64 csat =
        count(db(), QStringLiteral("SELECT count(*) FROM feedback WHERE kind = 'csat'"));
    const qint64 satisfied = count(
        db(), QStringLiteral("SELECT count(*) FROM feedback WHERE kind = 'csat' AND score >= 4"));
    QVERIFY(csat >= 50);
    const double csatScore = 100.0 * double(satisfied) / double(csat);
    QVERIFY2(csatScore >= 70 && csatScore <= 95, qPrintable(QString::number(csatScore)));

    const qint64 nps =
        count(db(), QStringLiteral("SELECT count(*) FROM feedback WHERE kind = 'nps'"));
    const qint64 promoters = count(
        db(), QStringLiteral("SELECT count(*) FROM feedback WHERE kind = 'nps' AND score >= 9"));
    const qint64 detractors = count(
        db(), QStringLiteral("SELECT count(*) FROM feedback WHERE kind = 'nps' AND score <= 6"));
    QVERIFY(nps >= 30);
    QVERIFY(detractors > 0);
    const double npsScore = 100.0 * double(promoters - detractors) / double(nps);
    QVERIFY2(npsScore >= 15 && npsScore <= 65, qPrintable(QString::number(npsScore)));
    QVERIFY(count(db(), QStringLiteral("SELECT count(*) FROM feedback WHERE comment <> ''")) > 0);

    // Every detractor answer gets a callback (FollowUpPlanner: one per answer).
    QCOMPARE(
        count(db(), QStringLiteral(
                        "SELECT count(*) FROM followup_tasks WHERE kind = 'detractor_callback'")),
        count(db(),
              QStringLiteral("SELECT count(*) FROM feedback f WHERE (f.kind = "
                             "'nps' AND f.score <= 6) OR (f.kind = 'csat' AND f.score <= 2)")));
}

void TestDemoPractice::followUpWorkIsMostlyOnTime()
{
    const qint64 onTime =
        count(db(), QStringLiteral("SELECT count(*) FROM followup_tasks WHERE status = 'done' AND "
                                   "done_at <= deadline_at"));
    const qint64 late =
        count(db(), QStringLiteral("SELECT count(*) FROM followup_tasks WHERE status = 'done' AND "
                                   "done_at > deadline_at"));
    const qint64 overdue =
        count(db(), QStringLiteral("SELECT count(*) FROM followup_tasks WHERE status = 'open' AND "
                                   "deadline_at < '2026-03-02 07:30:00'"));
    QVERIFY(late > 0);
    QVERIFY(overdue > 0);
    QVERIFY2(onTime > 4 * late,
             qPrintable(QStringLiteral("%1 on time, %2 late").arg(onTime).arg(late)));
    for (const char* kind : {"checkin_call", "communicate_result", "discuss_result",
                             "detractor_callback", "rebook_reminder"})
        QVERIFY2(count(db(), QStringLiteral("SELECT count(*) FROM followup_tasks WHERE kind = '%1'")
                                 .arg(QLatin1String(kind))) > 0,
                 kind);
    QCOMPARE(count(db(), QStringLiteral("SELECT count(DISTINCT source_key) FROM followup_tasks")),
             count(db(), QStringLiteral("SELECT count(*) FROM followup_tasks")));
    // Calls: unanswered ones first, the last one of a done check-in reached the client.
    QVERIFY(
        count(
            db(),
            QStringLiteral(
                "SELECT count(*) FROM call_attempts WHERE outcome IN ('no_answer', 'voicemail')")) >
        0);
    QCOMPARE(
        count(db(),
              QStringLiteral(
                  "SELECT count(*) FROM followup_tasks t WHERE t.kind = 'checkin_call' AND "
                  "t.status = 'done' AND NOT EXISTS (SELECT 1 FROM call_attempts c WHERE "
                  "c.task_id = t.id AND c.outcome = 'reached' AND c.attempted_at = t.done_at)")),
        0);
}

void TestDemoPractice::everyVisitIsInvoiced()
{
    QCOMPARE(
        count(db(),
              QStringLiteral(
                  "SELECT count(*) FROM appointments a WHERE a.status = 'completed' AND NOT EXISTS "
                  "(SELECT 1 "
                  "FROM invoices i WHERE i.appointment_id = a.id AND i.total_cents > 0 AND "
                  "i.total_cents = "
                  "(SELECT sum(l.amount_cents) FROM invoice_lines l WHERE l.invoice_id = i.id))")),
        0);
    QCOMPARE(count(db(), QStringLiteral("SELECT count(*) FROM invoices")),
             count(db(),
                   QStringLiteral("SELECT count(*) FROM appointments WHERE status = 'completed'")));
    const qint64 invoices = count(db(), QStringLiteral("SELECT count(*) FROM invoices"));
    const qint64 paid =
        count(db(), QStringLiteral("SELECT count(*) FROM invoices WHERE status = 'paid'"));
    QVERIFY(paid > invoices * 8 / 10);
    QVERIFY(count(db(), QStringLiteral(
                            "SELECT count(*) FROM invoices WHERE status = 'issued' AND due_at < "
                            "'2026-03-02 00:00:00'")) > 0);
    QVERIFY(count(db(), QStringLiteral("SELECT count(*) FROM invoices WHERE status = 'draft'")) >
            0);
    QCOMPARE(count(db(), QStringLiteral("SELECT count(*) FROM payments")), paid);
    QCOMPARE(
        count(db(),
              QStringLiteral(
                  "SELECT count(*) FROM payments p JOIN invoices i ON i.id = p.invoice_id WHERE "
                  "p.amount_cents <> i.total_cents OR p.recorded_at < p.paid_at")),
        0);
}

void TestDemoPractice::afterCareIsMostlyContinued()
{
    // Most visits have post-service steps done (the delta is believable, not zero and not all).
    const qint64 visits =
        count(db(), QStringLiteral("SELECT count(*) FROM appointments WHERE status = 'completed'"));
    const qint64 withSteps = count(
        db(), QStringLiteral("SELECT count(DISTINCT appointment_id) FROM post_service_steps"));
    QVERIFY2(withSteps * 10 >= visits * 6,
             qPrintable(QStringLiteral("%1 of %2").arg(withSteps).arg(visits)));
    for (const char* step : {"quality_followup", "feedback_request", "thank_you",
                             "community_invite", "newsletter_invite"})
        QVERIFY2(
            count(db(), QStringLiteral("SELECT count(*) FROM post_service_steps WHERE step = '%1'")
                            .arg(QLatin1String(step))) > 0,
            step);
    // A step is only done for visits whose service includes it.
    QCOMPARE(
        count(db(), QStringLiteral(
                        "SELECT count(*) FROM post_service_steps p JOIN appointments a ON a.id = "
                        "p.appointment_id JOIN service_types s ON s.id = a.service_type_id WHERE "
                        "(p.step = 'community_invite' AND NOT s.step_community_invite) OR "
                        "(p.step = 'newsletter_invite' AND NOT s.step_newsletter_invite) OR "
                        "(p.step = 'quality_followup' AND NOT s.step_quality_followup)")),
        0);
    // Newsletter invitations only with marketing consent, birthday greetings only with consent.
    QCOMPARE(
        count(db(),
              QStringLiteral(
                  "SELECT count(*) FROM touchpoints t WHERE t.kind = 'newsletter_invite' AND NOT "
                  "EXISTS (SELECT 1 FROM consents c WHERE c.client_id = t.client_id AND c.purpose "
                  "= 'marketing' AND c.granted)")),
        0);
    QCOMPARE(
        count(db(),
              QStringLiteral(
                  "SELECT count(*) FROM touchpoints t WHERE t.kind = 'birthday' AND NOT EXISTS "
                  "(SELECT 1 FROM consents c WHERE c.client_id = t.client_id AND c.purpose = "
                  "'birthday' AND c.granted)")),
        0);
    QVERIFY(count(db(), QStringLiteral("SELECT count(DISTINCT kind) FROM touchpoints")) >= 14);
    QVERIFY(count(db(), QStringLiteral(
                            "SELECT count(*) FROM consents WHERE withdrawn_at IS NOT NULL")) > 0);
}

void TestDemoPractice::referralsNameEarlierClients()
{
    const qint64 referred =
        count(db(), QStringLiteral("SELECT count(*) FROM clients WHERE referred_by IS NOT NULL"));
    QVERIFY(referred > 10);
    QCOMPARE(
        count(db(),
              QStringLiteral(
                  "SELECT count(*) FROM clients c JOIN clients r ON r.id = c.referred_by WHERE "
                  "r.registered_at < c.registered_at AND c.referral_source = 'Client referral'")),
        referred);
    QVERIFY(count(db(), QStringLiteral("SELECT count(DISTINCT referral_source) FROM clients")) >=
            6);
    // Names with apostrophes and letters beyond ASCII.
    QVERIFY(count(db(),
                  QStringLiteral("SELECT count(*) FROM clients WHERE last_name LIKE '%''%'")) > 0);
    auto query = db().run(QStringLiteral("SELECT first_name || last_name FROM clients"));
    QVERIFY(query);
    int accented = 0;
    while (query->next()) {
        const QString name = query->value(0).toString();
        accented +=
            std::any_of(name.begin(), name.end(), [](QChar c) { return c.unicode() > 127; });
    }
    QVERIFY(accented > 20);
}

void TestDemoPractice::demoAccountsSignInWithDocumentedPasswords()
{
    for (const auto& [user, role] : {std::pair{"admin", "admin"},
                                     {"manager", "manager"},
                                     {"clinician", "clinician"},
                                     {"reception", "reception"}}) {
        auto query =
            db().run(QStringLiteral("SELECT password_hash, role FROM users WHERE username = ?"),
                     {QLatin1String(user)});
        QVERIFY(query);
        QVERIFY2(query->next(), user);
        QCOMPARE(query->value(1).toString(), QLatin1String(role));
        QVERIFY2(query->value(0).toString().startsWith(QLatin1String("$argon2id$")), user);
        QVERIFY2(PasswordHasher::verify(query->value(0).toString(),
                                        QLatin1String(user) + QLatin1String("-demo")),
                 user);
    }
    // The clinician account is one of the practitioners.
    QCOMPARE(
        count(db(),
              QStringLiteral(
                  "SELECT count(*) FROM practitioners p JOIN users u ON u.id = p.user_id WHERE "
                  "u.username = 'clinician'")),
        1);
}

void TestDemoPractice::applicationInsertsContinueAfterTheDemo()
{
    // Ids were given explicitly; the database's own numbering must carry on after them.
    Client client;
    client.firstName = QStringLiteral("Zoë");
    client.lastName = QStringLiteral("N'Diaye");
    client.registeredAt = QDateTime(QDate(2026, 3, 2), QTime(9, 0));
    ClientRepository clients(db());
    auto id = clients.create(client, Actor::system());
    QVERIFY2(id, qPrintable(id ? QString() : id.error().describe()));
    QCOMPARE(id->value(), m_summary.clients + 1);
    for (const char* sql : {"INSERT INTO touchpoints (client_id, occurred_at, stage, channel, "
                            "kind) VALUES (1, '2026-03-02 09:00:00', "
                            "'after', 'phone', 'note') RETURNING id",
                            "INSERT INTO followup_tasks (client_id, kind, source_key, due_at, "
                            "deadline_at, created_at) VALUES (1, 'letter', "
                            "'test:1', '2026-03-02 09:00:00', '2026-03-03 09:00:00', '2026-03-02 "
                            "08:00:00') RETURNING id",
                            "INSERT INTO consents (client_id, purpose, channel, granted, "
                            "recorded_at) VALUES (1, 'surveys', 'any', "
                            "true, '2026-03-02 09:00:00') RETURNING id"}) {
        auto inserted = db().run(QLatin1String(sql));
        QVERIFY2(inserted, qPrintable(inserted ? QString() : inserted.error().describe()));
        QVERIFY(inserted->next());
        QVERIFY(inserted->value(0).toLongLong() > 1);
    }
}

void TestDemoPractice::nonEmptyDatabaseIsRefused()
{
    const auto before = rowCounts(db());
    auto again = DemoPractice::generate(db(), smallPractice(99));
    QVERIFY(!again);
    QCOMPARE(again.error().kind, ErrorKind::Validation);
    QVERIFY(again.error().message.contains(QLatin1String("empty")));
    QCOMPARE(rowCounts(db()), before);

    // One client is enough to refuse.
    auto holder = freshDatabase(backendUnderTest());
    QVERIFY(holder);
    Client client;
    client.firstName = QStringLiteral("Anna");
    client.lastName = QStringLiteral("Müller");
    QVERIFY(ClientRepository(holder->database()).create(client, Actor::system()));
    auto refused = DemoPractice::generate(holder->database(), smallPractice());
    QVERIFY(!refused);
    QCOMPARE(refused.error().kind, ErrorKind::Validation);
    QCOMPARE(count(holder->database(), QStringLiteral("SELECT count(*) FROM appointments")), 0);
    QCOMPARE(count(holder->database(), QStringLiteral("SELECT count(*) FROM users")), 0);
}

void TestDemoPractice::invalidOptionsAreRefused_data()
{
    QTest::addColumn<int>("clients");
    QTest::addColumn<int>("years");
    QTest::addColumn<QDate>("today");
    QTest::newRow("no clients") << 0 << 2 << QDate(2026, 3, 2);
    QTest::newRow("no years") << 10 << 0 << QDate(2026, 3, 2);
    QTest::newRow("too many years") << 10 << 31 << QDate(2026, 3, 2);
    QTest::newRow("no day") << 10 << 2 << QDate();
}

void TestDemoPractice::invalidOptionsAreRefused()
{
    QFETCH(int, clients);
    QFETCH(int, years);
    QFETCH(QDate, today);
    auto holder = freshDatabase(backendUnderTest());
    QVERIFY(holder);
    DemoOptions options = smallPractice();
    options.clients = clients;
    options.years = years;
    options.today = today;
    auto refused = DemoPractice::generate(holder->database(), options);
    QVERIFY(!refused);
    QCOMPARE(refused.error().kind, ErrorKind::Validation);
    QCOMPARE(count(holder->database(), QStringLiteral("SELECT count(*) FROM users")), 0);
}

QTEST_GUILESS_MAIN(TestDemoPractice)
#include "tst_demopractice.moc"
