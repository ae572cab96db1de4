#include "demo/demopractice.h"

#include "auth/passwordhasher.h"
#include "database/database.h"
#include "database/sqltime.h"
#include "demo/demoaftercare.h"
#include "demo/demobatchexecutor.h"
#include "demo/demobatchqueue.h"
#include "demo/democalendar.h"
#include "demo/democatalog.h"
#include "demo/demohistory.h"
#include "demo/demoplanning.h"
#include "demo/demopracticewriter.h"
#include "demo/demowording.h"
#include "maintenance/databasecompaction.h"

#include <QSqlQuery>

#include <array>
#include <thread>
#include <vector>

namespace aftercare {

namespace {

namespace Catalog = DemoCatalog;

struct DemoAccount
{
    const char* username;
    const char* displayName;
    Role role;
    const char* password;
};

// The demo's sign-ins, documented in docs/demo-practice.md.
constexpr std::array<DemoAccount, 4> kAccounts{{
    {"admin", "Jonas Weber (IT)", Role::Admin, "admin-demo"},
    {"manager", "Sabine Hoffmann", Role::Manager, "manager-demo"},
    {"clinician", "Dr. Miriam Albers", Role::Clinician, "clinician-demo"},
    {"reception", "Lena Schulz", Role::Reception, "reception-demo"},
}};

// Tables whose ids the generator sets itself; PostgreSQL's identity sequences are moved past
// them afterwards so that the application's own inserts continue from there.
constexpr std::array<const char*, 15> kTablesWithIds{
    "practitioners", "service_types", "clients",  "consents",       "appointments",
    "test_results",  "result_values", "feedback", "followup_tasks", "call_attempts",
    "invoices",      "invoice_lines", "payments", "touchpoints",    "post_service_steps",
};

QString utf8(const char* text)
{
    return QString::fromUtf8(text);
}

// Progress: checks and passwords take the first 5 %, the simulation up to 25 %, writing up to
// 90 %, planning the follow-up work the rest.
class ProgressReport
{
public:
    explicit ProgressReport(const DemoPractice::Progress& progress)
        : m_progress(progress)
    {}
    void operator()(int percent, const QString& stage)
    {
        if (!m_progress || (percent == m_percent && stage == m_stage))
            return;
        m_percent = percent;
        m_stage = stage;
        m_progress(percent, stage);
    }

private:
    const DemoPractice::Progress& m_progress;
    int m_percent = -1;
    QString m_stage;
};

Result<qint64> countRows(Database& database, const QString& sql)
{
    auto n = database.scalar(sql);
    if (!n)
        return fail(n.error());
    return n->toLongLong();
}

// What is being written, in words.
QString writingStage(const QString& table)
{
    static const std::array<std::pair<const char*, const char*>, 11> kStages{{
        {"clients", QT_TRANSLATE_NOOP("DemoPractice", "Writing the clients")},
        {"consents", QT_TRANSLATE_NOOP("DemoPractice", "Writing the consents")},
        {"appointments", QT_TRANSLATE_NOOP("DemoPractice", "Writing the appointments")},
        {"test_results", QT_TRANSLATE_NOOP("DemoPractice", "Writing the test results")},
        {"result_values", QT_TRANSLATE_NOOP("DemoPractice", "Writing the test results")},
        {"feedback", QT_TRANSLATE_NOOP("DemoPractice", "Writing the feedback")},
        {"invoices", QT_TRANSLATE_NOOP("DemoPractice", "Writing the invoices")},
        {"invoice_lines", QT_TRANSLATE_NOOP("DemoPractice", "Writing the invoices")},
        {"payments", QT_TRANSLATE_NOOP("DemoPractice", "Writing the invoices")},
        {"touchpoints", QT_TRANSLATE_NOOP("DemoPractice", "Writing the touchpoints")},
        {"post_service_steps", QT_TRANSLATE_NOOP("DemoPractice", "Writing the post-service steps")},
    }};
    for (const auto& [name, stage] : kStages)
        if (table == QLatin1String(name))
            return DemoPractice::tr(stage);
    return DemoPractice::tr("Writing the demo practice");
}

} // namespace

Result<DemoSummary> DemoPractice::generate(Database& database, const DemoOptions& options,
                                           const Progress& progress)
{
    ProgressReport report(progress);
    if (options.clients < 1 || options.clients > 1'000'000)
        return fail(
            Error::validation(tr("The number of demo clients must be between 1 and 1 000 000.")));
    if (options.years < 1 || options.years > 30)
        return fail(Error::validation(tr("The demo history must span between 1 and 30 years.")));
    if (!options.today.isValid() || options.today.year() < 1990 || options.today.year() > 2200)
        return fail(
            Error::validation(tr("The demo practice needs a valid date to end its history on.")));

    report(0, tr("Checking the database"));
    auto clients = countRows(database, QStringLiteral("SELECT count(*) FROM clients"));
    if (!clients)
        return fail(clients.error());
    if (*clients > 0)
        return fail(Error::validation(tr("The database already holds clients. The demo practice is "
                                         "only written into an empty database.")));
    auto staff = countRows(database, QStringLiteral("SELECT (SELECT count(*) FROM practitioners) + "
                                                    "(SELECT count(*) FROM service_types) + "
                                                    "(SELECT count(*) FROM appointments)"));
    if (!staff)
        return fail(staff.error());
    if (*staff > 0)
        return fail(Error::validation(
            tr("The database already holds practitioners, service types or appointments. "
               "The demo practice is only written into an empty database.")));

    // Accounts that exist already (the first administrator, say) are kept as they are.
    std::array<QString, 4> hashes;
    for (std::size_t i = 0; i < kAccounts.size(); ++i) {
        auto exists =
            database.scalar(QStringLiteral("SELECT count(*) FROM users WHERE username = ?"),
                            {QLatin1String(kAccounts[i].username)});
        if (!exists)
            return fail(exists.error());
        if (exists->toLongLong() > 0)
            continue;
        report(1 + int(i), tr("Setting up the demo accounts"));
        auto hash = PasswordHasher::hash(QLatin1String(kAccounts[i].password));
        if (!hash)
            return fail(hash.error());
        hashes[i] = *hash;
    }

    DemoModel model;
    model.today = options.today.toJulianDay();
    model.firstDay = options.today.addYears(-options.years).toJulianDay();
    model.now = DemoClock::at(model.today, 7, 30);
    const DemoCalendar calendar(model.firstDay - 1, model.today + DemoHistory::kHorizonDays + 120);

    const QString simulating = tr("Simulating the visits");
    DemoHistory history(model, calendar, options.seed, options.clients);
    history.run(
        [&](int done, int total) { report(5 + 15 * done / std::max(total, 1), simulating); });
    const QString following = tr("Following up visits");
    DemoAftercare aftercare(model, calendar, options.seed);
    aftercare.run(
        [&](int done, int total) { report(20 + 5 * done / std::max(total, 1), following); });

    // SQLite settings of this connection while writing, put back afterwards: a big page cache,
    // because the indexes of the large tables fill in an order of their own and a small cache
    // spills and re-reads pages all the time; and statement journals in memory, because every
    // multi-row INSERT keeps one, in a temporary file by default.
    std::vector<std::pair<QString, QVariant>> restore;
    if (database.isSqlite()) {
        for (const auto& [pragma, value] :
             {std::pair{QStringLiteral("cache_size"), QStringLiteral("-262144")},
              std::pair{QStringLiteral("temp_store"), QStringLiteral("MEMORY")}}) {
            auto current = database.scalar(QStringLiteral("PRAGMA ") + pragma);
            if (current &&
                database.executeScript(QStringLiteral("PRAGMA %1 = %2").arg(pragma, value)))
                restore.emplace_back(pragma, *current);
        }
    }
    DemoSummary summary;
    std::array<qint64, 4> userIds{};
    auto written = database.write([&](TransactionGuard&) -> Result<DemoSummary> {
        for (std::size_t i = 0; i < kAccounts.size(); ++i) {
            const DemoAccount& account = kAccounts[i];
            auto existing =
                database.scalar(QStringLiteral("SELECT id FROM users WHERE username = ?"),
                                {QLatin1String(account.username)});
            if (!existing)
                return fail(existing.error());
            if (!existing->isNull()) {
                userIds[i] = existing->toLongLong();
                continue;
            }
            auto inserted = database.run(
                QStringLiteral("INSERT INTO users (username, display_name, password_hash, role, "
                               "active, created_at) "
                               "VALUES (?, ?, ?, ?, ?, ?) RETURNING id"),
                {QLatin1String(account.username), utf8(account.displayName), hashes[i],
                 sqlName(account.role), true,
                 SqlTime::toSql(
                     QDateTime(QDate::fromJulianDay(model.firstDay).addDays(-14), QTime(9, 0)))});
            if (!inserted)
                return fail(inserted.error());
            if (!inserted->next())
                return fail(Error{ErrorKind::Database,
                                  tr("The database did not return the new user's id.")});
            userIds[i] = inserted->value(0).toLongLong();
        }
        for (const QString& hash : hashes)
            summary.users += hash.isEmpty() ? 0 : 1;

        const std::array<std::pair<const char*, QString>, 8> settings{{
            {"practice.name", QStringLiteral("Praxis am Stadtpark")},
            {"practice.address", utf8("Am Stadtpark 12, 79098 Freiburg im Breisgau")},
            {"practice.phone", QStringLiteral("+49 761 4567890")},
            {"practice.email", QStringLiteral("praxis@stadtpark.example")},
            {"practice.opening_hours",
             utf8("Mon–Thu 08:00–18:00, Fri 08:00–15:00, lunch break 12:30–13:30")},
            {"practice.cancellation_policy",
             utf8("Please call us or write to us at least 24 hours beforehand if you cannot "
                  "come or would like another time. Appointments cancelled later, or missed, "
                  "may be charged.")},
            {"practice.timezone", QStringLiteral("Europe/Berlin")},
            {"practice.lapse_window_days", QStringLiteral("365")},
        }};
        for (const auto& [key, value] : settings) {
            auto done = database.run(
                QStringLiteral("INSERT INTO practice_settings (key, value) VALUES (?, ?) "
                               "ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
                               "row_version = practice_settings.row_version + 1"),
                {QLatin1String(key), value});
            if (!done)
                return fail(done.error());
        }

        const std::vector<QString> names = DemoWording::practitionerNames(model.practitionerCount);
        for (int p = 0; p < model.practitionerCount; ++p) {
            const QString& name = names[std::size_t(p)];
            const bool linked = p == 0; // Dr. Albers signs in as the clinician account
            auto done = database.run(
                QStringLiteral(
                    "INSERT INTO practitioners (id, name, user_id, active) VALUES (?, ?, ?, ?)"),
                {p + 1, name,
                 linked ? QVariant(userIds[std::size_t(DemoUser::Clinician)])
                        : QVariant(QMetaType::fromType<qlonglong>()),
                 true});
            if (!done)
                return fail(done.error());
        }

        const auto services = Catalog::services();
        for (std::size_t s = 0; s < services.size(); ++s) {
            const auto& service = services[s];
            auto optional = [](int value) {
                return value >= 0 ? QVariant(value) : QVariant(QMetaType::fromType<int>());
            };
            auto done =
                database.run(QStringLiteral("INSERT INTO service_types (id, name, "
                                            "duration_minutes, price_cents, checkin_after_days, "
                                            "survey_after_days, rebook_after_weeks, "
                                            "step_quality_followup, step_feedback_request, "
                                            "step_thank_you, step_community_invite, "
                                            "step_newsletter_invite, preparation, active) "
                                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                             {qint64(s) + 1, utf8(service.name), service.minutes,
                              qint64(service.priceCents), optional(service.checkinAfterDays),
                              optional(service.surveyAfterDays), optional(service.rebookAfterWeeks),
                              service.steps[0], service.steps[1], service.steps[2],
                              service.steps[3], service.steps[4], utf8(service.preparation), true});
            if (!done)
                return fail(done.error());
        }

        for (const auto& test : Catalog::tests()) {
            for (const auto& [variant, body] :
                 {std::pair{"normal", test.normalSummary}, {"abnormal", test.abnormalSummary}}) {
                // The template a clinician starts from: greeting, the catalogue's wording,
                // the values (for laboratory tests), and how to reach the practice.
                const QString values = test.analytes.empty()
                                           ? QString()
                                           : QStringLiteral("\n\nYour values:\n{values}");
                const QString templateBody =
                    QStringLiteral("Dear {first_name},\n\n") + utf8(body) + values +
                    QStringLiteral("\n\nIf you have any questions, call us on "
                                   "{practice_phone}.\n\n{clinician}\n{practice}");
                auto done = database.run(
                    QStringLiteral("INSERT INTO summary_templates (test_name, variant, body) "
                                   "VALUES (?, ?, ?) ON CONFLICT DO NOTHING"),
                    {utf8(test.name), QLatin1String(variant), templateBody});
                if (!done)
                    return fail(done.error());
            }
        }

        // Two stages on two threads: one turns the model into batches of rows, this one (which
        // owns the connection) executes them. Building and inserting cost about the same, so
        // the generator takes little more than the time of the inserts alone.
        const qint64 total = std::max<qint64>(1, DemoPracticeWriter::rowCount(model));
        qint64 rows = 0;
        DemoBatchQueue queue(16);
        Status built;
        std::thread builder([&] {
            DemoPracticeWriter writer(
                model, options.seed, userIds, [&](DemoBatch&& batch) -> Status {
                    if (!queue.push(std::move(batch)))
                        return fail(Error{ErrorKind::Database,
                                          tr("Writing the demo practice was stopped.")});
                    return {};
                });
            built = writer.write();
            if (built)
                queue.close();
            else
                queue.abort();
        });
        DemoBatchExecutor executor(database, model.firstDay - 36600, model.today + 400);
        Status executed;
        while (auto batch = queue.pop()) {
            executed = executor.execute(*batch);
            if (!executed) {
                queue.abort();
                break;
            }
            rows += batch->rows;
            report(25 + int(65 * rows / total), writingStage(batch->table));
        }
        builder.join();
        if (!executed)
            return fail(executed.error());
        if (!built)
            return fail(built.error());

        if (database.isPostgreSql()) {
            for (const char* table : kTablesWithIds) {
                // Fixed table names of this file, not outside text.
                auto done =
                    database.run(QStringLiteral("SELECT setval(pg_get_serial_sequence('%1', 'id'), "
                                                "coalesce((SELECT max(id) FROM %1), 0) + 1, false)")
                                     .arg(QLatin1String(table)));
                if (!done)
                    return fail(done.error());
            }
        }
        return summary;
    });
    Status planned;
    if (written) {
        report(90, tr("Planning the follow-up work"));
        planned = DemoPlanning(database, model, options.seed, userIds)
                      .run(QDateTime(options.today, QTime(7, 30)));
    }
    for (const auto& [pragma, value] : restore)
        (void)database.executeScript(
            QStringLiteral("PRAGMA %1 = %2").arg(pragma).arg(value.toLongLong()));
    if (!written)
        return fail(written.error());
    if (!planned)
        return fail(planned.error());

    summary = *written;
    summary.practitioners = model.practitionerCount;
    summary.serviceTypes = qint64(Catalog::services().size());
    summary.clients = qint64(model.clients.size());
    summary.appointments = qint64(model.appointments.size());
    for (const auto& a : model.appointments) {
        summary.completed += a.status == AppointmentStatus::Completed;
        summary.noShows += a.status == AppointmentStatus::NoShow;
        summary.cancelled += a.status == AppointmentStatus::Cancelled;
        summary.booked += isActiveBooking(a.status);
    }
    summary.results = qint64(model.results.size());
    for (const auto& r : model.results)
        summary.abnormalResults += model.appointments[std::size_t(r.appointment)].abnormal;
    for (const auto& [count, table] :
         {std::pair{&summary.tasks, QStringLiteral("followup_tasks")},
          std::pair{&summary.callAttempts, QStringLiteral("call_attempts")}}) {
        // Fixed table names of this file.
        auto rows = countRows(database, QStringLiteral("SELECT count(*) FROM %1").arg(table));
        if (!rows)
            return fail(rows.error());
        *count = *rows;
    }
    summary.feedback = qint64(model.feedback.size());
    summary.invoices = qint64(model.invoices.size());
    summary.touchpoints = qint64(model.touchpoints.size());
    summary.postServiceSteps = qint64(model.steps.size());
    for (const auto& invoice : model.invoices)
        summary.payments += invoice.status == InvoiceStatus::Paid;
    // Written in one go, like a history restored or imported: then each table and index is
    // laid out in one piece (DatabaseCompaction), as a practice's file is after compacting.
    report(99, tr("Compacting the database file"));
    if (auto compacted = DatabaseCompaction::compact(database, QDateTime::currentDateTime());
        !compacted)
        summary.compactionFailed = compacted.error();
    report(100, tr("The demo practice is ready"));
    return summary;
}

} // namespace aftercare
