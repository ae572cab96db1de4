// backends: sqlite postgresql
#include "database/database.h"
#include "database/sqltime.h"
#include "report/periodparser.h"
#include "report/reportbuilder.h"
#include "report/reportcsvwriter.h"
#include "report/reportjsonwriter.h"
#include "testdatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTest>

#include <map>

using namespace aftercare;
using namespace aftercare::test;

namespace {

const Period kOctober{QDate(2026, 10, 1), QDate(2026, 10, 31)};
const QDateTime kNow(QDate(2026, 11, 2), QTime(8, 0));

// The value at a dotted path ("nps.ci95"), or undefined.
QJsonValue valueAt(const QJsonObject& root, const QString& path)
{
    QJsonValue value = root;
    for (const QString& part : path.split(QLatin1Char('.'))) {
        if (!value.isObject())
            return QJsonValue(QJsonValue::Undefined);
        value = value.toObject().value(part);
    }
    return value;
}

// Every key of BRIEF §7 and the JSON type it must have: "number", "string", "object",
// "array", "interval" (two numbers); "?" after it: or null.
const QList<std::pair<QString, QString>> kBriefKeys{
    {"period.from", "string"},
    {"period.to", "string"},
    {"csat.score", "number?"},
    {"csat.mean", "number?"},
    {"csat.responses", "number"},
    {"nps.score", "number?"},
    {"nps.promoters", "number"},
    {"nps.passives", "number"},
    {"nps.detractors", "number"},
    {"nps.responses", "number"},
    {"nps.ci95", "interval?"},
    {"retention.rate", "number?"},
    {"retention.churn", "number?"},
    {"retention.active_start", "number"},
    {"retention.active_end", "number"},
    {"retention.retained", "number"},
    {"retention.new_clients", "number"},
    {"no_show_rate.rate", "number?"},
    {"no_show_rate.no_shows", "number"},
    {"no_show_rate.completed", "number"},
    {"rebooking_rate.rate", "number?"},
    {"rebooking_rate.rebooked", "number"},
    {"rebooking_rate.visits", "number"},
    {"referral_rate.rate", "number?"},
    {"referral_rate.referred", "number"},
    {"referral_rate.new_clients", "number"},
    {"clv.historical", "number?"},
    {"clv.predicted", "number?"},
    {"sla.rate", "number?"},
    {"sla.met", "number"},
    {"sla.due", "number"},
    {"sla.by_kind", "object"},
    {"post_service_delta.mean", "number?"},
    {"post_service_delta.visits", "number"},
    {"post_service_delta.steps", "object"},
    {"cohorts", "array"},
};

QString typeProblem(const QJsonValue& value, QString type)
{
    const bool nullable = type.endsWith(QLatin1Char('?'));
    if (nullable)
        type.chop(1);
    if (value.isUndefined())
        return QStringLiteral("missing");
    if (value.isNull())
        return nullable ? QString() : QStringLiteral("null");
    if (type == QLatin1String("number"))
        return value.isDouble() ? QString() : QStringLiteral("not a number");
    if (type == QLatin1String("string"))
        return value.isString() ? QString() : QStringLiteral("not a string");
    if (type == QLatin1String("object"))
        return value.isObject() ? QString() : QStringLiteral("not an object");
    if (type == QLatin1String("array"))
        return value.isArray() ? QString() : QStringLiteral("not an array");
    const QJsonArray pair = value.toArray();
    return pair.size() == 2 && pair[0].isDouble() && pair[1].isDouble() &&
                   pair[0].toDouble() <= pair[1].toDouble()
               ? QString()
               : QStringLiteral("not an interval");
}

// RFC 4180 reader for the round trip: fields, quotes, doubled quotes, CRLF.
QList<QStringList> parseCsv(const QString& text, QString* problem)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                    field += c;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"') && field.isEmpty()) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row.append(field);
            field.clear();
        } else if (c == QLatin1Char('\r')) {
            if (i + 1 >= text.size() || text[i + 1] != QLatin1Char('\n')) {
                *problem = QStringLiteral("lone CR at %1").arg(i);
                return {};
            }
            row.append(field);
            rows.append(row);
            row.clear();
            field.clear();
            ++i;
        } else if (c == QLatin1Char('\n')) {
            *problem = QStringLiteral("bare LF at %1").arg(i);
            return {};
        } else {
            field += c;
        }
    }
    if (quoted || !row.isEmpty() || !field.isEmpty())
        *problem = QStringLiteral("the file does not end with a complete line");
    return rows;
}

// A small October with something in every metric.
bool fillOctober(Database& db, QString* error)
{
    const auto run = [&](const QString& sql, const QVariantList& values) -> qint64 {
        auto query = db.run(sql, values);
        if (!query || !query->next()) {
            if (error->isEmpty())
                *error = query ? QStringLiteral("no id") : query.error().describe();
            return 0;
        }
        return query->value(0).toLongLong();
    };
    const qint64 practitioner =
        run(QStringLiteral("INSERT INTO practitioners (name) VALUES ('Dr Ada') RETURNING id"), {});
    const qint64 service =
        run(QStringLiteral("INSERT INTO service_types (name, duration_minutes) VALUES "
                           "('Check-up', 30) RETURNING id"),
            {});
    const QStringList sources{QStringLiteral("client referral"),
                              QStringLiteral("Friends, \"family\""), QStringLiteral("web")};
    // Six clients seen in June 2025, January and October 2026; a seventh new in October.
    const QList<QDate> months{QDate(2025, 6, 1), QDate(2026, 1, 1), QDate(2026, 10, 1)};
    for (int i = 0; i < 7; ++i) {
        const qint64 client =
            run(QStringLiteral("INSERT INTO clients (external_id, first_name, last_name, "
                               "referral_source, registered_at, created_at) VALUES (?, 'A', 'B', "
                               "?, '2025-01-01 00:00:00', '2025-01-01 00:00:00') RETURNING id"),
                {QStringLiteral("R%1").arg(i), sources[i % 3]});
        for (int visit = i < 6 ? 0 : 2; visit < 3; ++visit) {
            const QDateTime start(months[visit].addDays(2 + i), QTime(10, 0));
            const qint64 appointment =
                run(QStringLiteral(
                        "INSERT INTO appointments (client_id, practitioner_id, service_type_id, "
                        "starts_at, "
                        "ends_at, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id"),
                    {client, practitioner, service, SqlTime::toSql(start),
                     SqlTime::toSql(start.addSecs(1800)),
                     i == 5 && visit == 2 ? QStringLiteral("no_show") : QStringLiteral("completed"),
                     SqlTime::toSql(start.addDays(-5))});
            run(QStringLiteral(
                    "INSERT INTO invoices (client_id, appointment_id, status, total_cents, "
                    "issued_at, "
                    "paid_at, created_at) VALUES (?, ?, 'paid', 8050, ?, ?, ?) RETURNING id"),
                {client, appointment, SqlTime::toSql(start), SqlTime::toSql(start.addDays(1)),
                 SqlTime::toSql(start)});
            run(QStringLiteral(
                    "INSERT INTO feedback (client_id, appointment_id, kind, score, responded_at, "
                    "created_at) VALUES (?, ?, 'nps', ?, ?, ?) RETURNING id"),
                {client, appointment, 4 + i, SqlTime::toSql(start.addDays(1)),
                 SqlTime::toSql(start)});
            run(QStringLiteral(
                    "INSERT INTO feedback (client_id, appointment_id, kind, score, responded_at, "
                    "created_at) VALUES (?, ?, 'csat', ?, ?, ?) RETURNING id"),
                {client, appointment, 1 + (i + visit) % 5, SqlTime::toSql(start.addDays(1)),
                 SqlTime::toSql(start)});
            run(QStringLiteral("INSERT INTO followup_tasks (client_id, kind, source_key, "
                               "appointment_id, due_at, "
                               "deadline_at, status, done_at, created_at) VALUES (?, "
                               "'checkin_call', ?, ?, ?, ?, "
                               "'done', ?, ?) RETURNING id"),
                {client, QStringLiteral("t%1-%2").arg(i).arg(visit), appointment,
                 SqlTime::toSql(start.addDays(2)), SqlTime::toSql(start.addDays(2)),
                 SqlTime::toSql(start.addDays(i % 2 ? 1 : 3)), SqlTime::toSql(start)});
            run(QStringLiteral(
                    "INSERT INTO post_service_steps (appointment_id, step, done_at) VALUES (?, "
                    "'thank_you', ?) RETURNING id"),
                {appointment, SqlTime::toSql(start)});
        }
    }
    return error->isEmpty();
}

} // namespace

class TestReport : public QObject
{
    Q_OBJECT

private slots:
    void parsePeriod_data();
    void parsePeriod();
    void jsonShape_data();
    void jsonShape();
    void jsonMatchesTheReport();
    void csvCarriesTheSameFigures();
    void csvQuoting_data();
    void csvQuoting();
    void filterNamesAndUnknownFilter();
};

void TestReport::parsePeriod_data()
{
    QTest::addColumn<QString>("month");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QDate>("first"); // invalid: an error is expected
    QTest::addColumn<QDate>("last");

    QTest::newRow("month") << "2026-10"
                           << ""
                           << "" << QDate(2026, 10, 1) << QDate(2026, 10, 31);
    QTest::newRow("February, leap year") << "2024-02"
                                         << ""
                                         << "" << QDate(2024, 2, 1) << QDate(2024, 2, 29);
    QTest::newRow("February") << "2026-02"
                              << ""
                              << "" << QDate(2026, 2, 1) << QDate(2026, 2, 28);
    QTest::newRow("range") << ""
                           << "2026-01-15"
                           << "2026-03-14" << QDate(2026, 1, 15) << QDate(2026, 3, 14);
    QTest::newRow("one day") << ""
                             << "2026-01-15"
                             << "2026-01-15" << QDate(2026, 1, 15) << QDate(2026, 1, 15);
    QTest::newRow("from after to") << ""
                                   << "2026-01-16"
                                   << "2026-01-15" << QDate() << QDate();
    QTest::newRow("month 13") << "2026-13"
                              << ""
                              << "" << QDate() << QDate();
    QTest::newRow("month 0") << "2026-00"
                             << ""
                             << "" << QDate() << QDate();
    QTest::newRow("short month") << "2026-1"
                                 << ""
                                 << "" << QDate() << QDate();
    QTest::newRow("a day as month") << "2026-10-01"
                                    << ""
                                    << "" << QDate() << QDate();
    QTest::newRow("31 April") << ""
                              << "2026-04-31"
                              << "2026-05-01" << QDate() << QDate();
    QTest::newRow("29 February 2026") << ""
                                      << "2026-02-29"
                                      << "2026-03-01" << QDate() << QDate();
    QTest::newRow("other format") << ""
                                  << "01.10.2026"
                                  << "2026-10-31" << QDate() << QDate();
    QTest::newRow("only from") << ""
                               << "2026-10-01"
                               << "" << QDate() << QDate();
    QTest::newRow("only to") << ""
                             << ""
                             << "2026-10-01" << QDate() << QDate();
    QTest::newRow("month and range") << "2026-10"
                                     << "2026-10-01"
                                     << "2026-10-31" << QDate() << QDate();
    QTest::newRow("nothing") << ""
                             << ""
                             << "" << QDate() << QDate();
}

void TestReport::parsePeriod()
{
    QFETCH(QString, month);
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QDate, first);
    QFETCH(QDate, last);
    const auto period = PeriodParser::parse(month, from, to);
    QCOMPARE(period.has_value(), first.isValid());
    if (period) {
        QCOMPARE(period->from, first);
        QCOMPARE(period->to, last);
    } else {
        QCOMPARE(period.error().kind, ErrorKind::Validation);
        QVERIFY(!period.error().message.isEmpty());
    }
}

void TestReport::jsonShape_data()
{
    QTest::addColumn<bool>("withData");
    QTest::newRow("empty practice") << false;
    QTest::newRow("a small October") << true;
}

void TestReport::jsonShape()
{
    QFETCH(bool, withData);
    AFTERCARE_FRESH_DATABASE(db);
    if (withData) {
        QString error;
        QVERIFY2(fillOctober(db, &error), qPrintable(error));
    }
    auto report = ReportBuilder(db).build(kOctober, {}, kNow);
    QVERIFY2(report, report ? "" : qPrintable(report.error().describe()));
    QJsonParseError parseError;
    const QJsonDocument document =
        QJsonDocument::fromJson(ReportJsonWriter::toJson(*report), &parseError);
    QVERIFY2(document.isObject(), qPrintable(parseError.errorString()));
    const QJsonObject json = document.object();

    for (const auto& [path, type] : kBriefKeys) {
        const QJsonValue value = valueAt(json, path);
        const QString problem = typeProblem(value, type);
        QVERIFY2(problem.isEmpty(), qPrintable(path + QStringLiteral(": ") + problem));
        // Nothing to divide by in an empty practice: every rate is null.
        if (!withData && type.endsWith(QLatin1Char('?')))
            QVERIFY2(value.isNull(), qPrintable(path + QStringLiteral(" is not null")));
        if (withData && type.endsWith(QLatin1Char('?')))
            QVERIFY2(!value.isNull(), qPrintable(path + QStringLiteral(" is null")));
    }
    QCOMPARE(valueAt(json, QStringLiteral("period.from")).toString(), QStringLiteral("2026-10-01"));
    QCOMPARE(valueAt(json, QStringLiteral("period.to")).toString(), QStringLiteral("2026-10-31"));

    const QJsonObject byKind = valueAt(json, QStringLiteral("sla.by_kind")).toObject();
    QCOMPARE(byKind.size(), qsizetype(allOf<TaskKind>().size()));
    for (TaskKind kind : allOf<TaskKind>()) {
        const QJsonObject figures = byKind.value(sqlName(kind)).toObject();
        QVERIFY2(figures.value(QStringLiteral("rate")).isDouble() ||
                     figures.value(QStringLiteral("rate")).isNull(),
                 qPrintable(sqlName(kind)));
        QVERIFY(figures.value(QStringLiteral("met")).isDouble());
        QVERIFY(figures.value(QStringLiteral("due")).isDouble());
    }
    const QJsonObject steps = valueAt(json, QStringLiteral("post_service_delta.steps")).toObject();
    QCOMPARE(steps.size(), qsizetype(5));
    for (PostServiceStep step : allOf<PostServiceStep>()) {
        const QJsonValue share = steps.value(sqlName(step));
        QVERIFY2(share.isDouble() || share.isNull(), qPrintable(sqlName(step)));
        if (!withData)
            QVERIFY(share.isNull());
    }

    const QJsonArray cohorts = json.value(QStringLiteral("cohorts")).toArray();
    QCOMPARE(cohorts.size(), qsizetype(24));
    QCOMPARE(cohorts.first().toObject().value(QStringLiteral("month")).toString(),
             QStringLiteral("2024-11"));
    QCOMPARE(cohorts.last().toObject().value(QStringLiteral("month")).toString(),
             QStringLiteral("2026-10"));
    for (const QJsonValue& row : cohorts) {
        const QJsonObject cohort = row.toObject();
        QVERIFY(cohort.value(QStringLiteral("month")).isString());
        QVERIFY(cohort.value(QStringLiteral("clients")).isDouble());
        for (const char* k : {"k3", "k6", "k12"}) {
            const QJsonValue share = cohort.value(QLatin1String(k));
            QVERIFY2(share.isDouble() || share.isNull(), k);
            if (!withData)
                QVERIFY(share.isNull());
        }
    }
    const QJsonArray monthly = json.value(QStringLiteral("monthly")).toArray();
    QCOMPARE(monthly.size(), qsizetype(12));
    QCOMPARE(monthly.last().toObject().value(QStringLiteral("month")).toString(),
             QStringLiteral("2026-10"));
}

void TestReport::jsonMatchesTheReport()
{
    AFTERCARE_FRESH_DATABASE(db);
    QString error;
    QVERIFY2(fillOctober(db, &error), qPrintable(error));
    auto report = ReportBuilder(db).build(kOctober, {}, kNow);
    QVERIFY2(report, report ? "" : qPrintable(report.error().describe()));
    const QJsonObject json = QJsonDocument::fromJson(ReportJsonWriter::toJson(*report)).object();
    const auto number = [&](const char* path) {
        return valueAt(json, QString::fromLatin1(path)).toDouble();
    };

    // Hand-computed for fillOctober(): see the comments there.
    // NPS 4..10: D = 3, passives 2, P = 2 → 100 × (2 − 3) / 7.
    QCOMPARE(number("nps.responses"), 7.0);
    QCOMPARE(number("nps.detractors"), 3.0);
    QVERIFY(qFuzzyCompare(number("nps.score"), -100.0 / 7.0));
    QCOMPARE(valueAt(json, QStringLiteral("nps.low_confidence")).toBool(), true);
    const QJsonArray interval = valueAt(json, QStringLiteral("nps.ci95")).toArray();
    QCOMPARE(interval.at(0).toDouble(), report->metrics.nps.ci95->low);
    QCOMPARE(interval.at(1).toDouble(), report->metrics.nps.ci95->high);
    // CSAT 3 4 5 1 2 3 4: three of seven satisfied, mean 22 / 7.
    QVERIFY(qFuzzyCompare(number("csat.score"), 300.0 / 7.0));
    QVERIFY(qFuzzyCompare(number("csat.mean"), 22.0 / 7.0));
    QVERIFY(qFuzzyCompare(number("no_show_rate.rate"), 100.0 / 7.0));
    QCOMPARE(number("retention.active_start"), 6.0);
    QCOMPARE(number("retention.active_end"), 7.0);
    QCOMPARE(number("retention.rate"), 100.0);
    QCOMPARE(number("retention.new_clients"), 1.0);
    QCOMPARE(number("referral_rate.rate"), 100.0);
    QCOMPARE(number("rebooking_rate.rate"), 0.0);
    QVERIFY(qFuzzyCompare(number("sla.rate"), 300.0 / 7.0));
    QCOMPARE(number("post_service_delta.mean"), 1.0);
    QCOMPARE(number("post_service_delta.steps.thank_you"), 100.0);
    QCOMPARE(number("post_service_delta.steps.quality_followup"), 0.0);
    QVERIFY(valueAt(json, QStringLiteral("post_service_delta.steps.feedback_request")).isNull());
    // 19 paid invoices of 80.50 over 7 clients; Y: 13 invoices, 12 visits, 7 clients, no churn.
    QCOMPARE(number("clv.historical"), 218.5);
    QCOMPARE(number("clv.predicted"), 2990.0);
    QCOMPARE(number("clv.window.churn"), 0.0);
    QCOMPARE(number("clv.window.lifetime_years"), 20.0);

    // The series' last month is the period itself.
    const QJsonObject october = json.value(QStringLiteral("monthly")).toArray().last().toObject();
    for (const char* key : {"csat", "nps", "retention", "no_show_rate", "rebooking_rate",
                            "referral_rate", "sla", "post_service_delta"})
        QCOMPARE(october.value(QLatin1String(key)), json.value(QLatin1String(key)));
}

void TestReport::csvCarriesTheSameFigures()
{
    AFTERCARE_FRESH_DATABASE(db);
    QString error;
    QVERIFY2(fillOctober(db, &error), qPrintable(error));
    MetricFilter filter;
    filter.referralSource = QStringLiteral("Friends, \"family\"");
    for (const MetricFilter& f : {MetricFilter{}, filter}) {
        auto report = ReportBuilder(db).build(kOctober, f, kNow);
        QVERIFY2(report, report ? "" : qPrintable(report.error().describe()));
        const QJsonObject json = ReportJsonWriter::toObject(*report);
        const QByteArray csv = ReportCsvWriter::toCsv(*report);
        QString problem;
        const QList<QStringList> rows = parseCsv(QString::fromUtf8(csv), &problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(rows.first(), (QStringList{"metric", "key", "value"}));
        std::map<std::pair<QString, QString>, QString> cells;
        for (const QStringList& row : rows.mid(1)) {
            QCOMPARE(row.size(), 3);
            const bool fresh = cells.emplace(std::pair(row[0], row[1]), row[2]).second;
            QVERIFY2(fresh, qPrintable(row.join(QLatin1Char('|')) + QStringLiteral(" twice")));
        }
        const auto cell = [&](const QString& metric, const QString& key) -> std::optional<QString> {
            const auto found = cells.find({metric, key});
            return found == cells.end() ? std::nullopt : std::optional(found->second);
        };

        // Every scalar of BRIEF §7 is a row with the same value.
        for (const auto& [path, type] : kBriefKeys) {
            if (type.startsWith(QLatin1String("object")) || type.startsWith(QLatin1String("array")))
                continue;
            const qsizetype dot = path.lastIndexOf(QLatin1Char('.'));
            const QString metric = path.left(dot);
            const QString key = path.mid(dot + 1);
            const QJsonValue value = valueAt(json, path);
            if (type.startsWith(QLatin1String("interval"))) {
                const auto low = cell(metric, key + QStringLiteral("_low"));
                const auto high = cell(metric, key + QStringLiteral("_high"));
                QVERIFY2(low && high, qPrintable(path));
                QCOMPARE(low->isEmpty(), value.isNull());
                if (!value.isNull()) {
                    QCOMPARE(low->toDouble(), value.toArray().at(0).toDouble());
                    QCOMPARE(high->toDouble(), value.toArray().at(1).toDouble());
                }
                continue;
            }
            const auto text = cell(metric, key);
            QVERIFY2(text, qPrintable(path + QStringLiteral(" has no row")));
            if (value.isNull())
                QVERIFY2(text->isEmpty(), qPrintable(path));
            else if (value.isString())
                QCOMPARE(*text, value.toString());
            else
                QVERIFY2(*text == QString::number(value.toDouble(), 'g', 17) ||
                             text->toDouble() == value.toDouble(),
                         qPrintable(path + QStringLiteral(": ") + *text));
        }
        for (TaskKind kind : allOf<TaskKind>())
            QVERIFY(cell(QStringLiteral("sla.by_kind.") + sqlName(kind), QStringLiteral("due")));
        for (PostServiceStep step : allOf<PostServiceStep>())
            QVERIFY(cell(QStringLiteral("post_service_delta.steps"), sqlName(step)));
        QCOMPARE(cell(QStringLiteral("cohorts.2026-10"), QStringLiteral("clients"))
                     .value_or(QStringLiteral("-")),
                 QString::number(json.value(QStringLiteral("cohorts"))
                                     .toArray()
                                     .last()[QStringLiteral("clients")]
                                     .toInt()));
        QCOMPARE(cell(QStringLiteral("monthly.2026-10.csat"), QStringLiteral("score")),
                 cell(QStringLiteral("csat"), QStringLiteral("score")));
        QCOMPARE(cell(QStringLiteral("report"), QStringLiteral("lapse_window_days")),
                 std::optional(QStringLiteral("365")));
        QCOMPARE(cell(QStringLiteral("filters"), QStringLiteral("referral_source"))
                     .value_or(QStringLiteral("-")),
                 f.referralSource);
    }
}

void TestReport::csvQuoting_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("field");
    QTest::newRow("plain") << "nps"
                           << "nps";
    QTest::newRow("empty") << ""
                           << "";
    QTest::newRow("comma") << "a,b"
                           << "\"a,b\"";
    QTest::newRow("quote") << "say \"hi\""
                           << "\"say \"\"hi\"\"\"";
    QTest::newRow("line break") << "two\r\nlines"
                                << "\"two\r\nlines\"";
    QTest::newRow("surrounding space") << " web"
                                       << "\" web\"";
}

void TestReport::csvQuoting()
{
    QFETCH(QString, text);
    QFETCH(QString, field);
    QCOMPARE(ReportCsvWriter::field(text), field);
    QString problem;
    const QList<QStringList> rows = parseCsv(field + QStringLiteral(",x\r\n"), &problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(rows, (QList<QStringList>{{text, QStringLiteral("x")}}));
}

void TestReport::filterNamesAndUnknownFilter()
{
    AFTERCARE_FRESH_DATABASE(db);
    QString error;
    QVERIFY2(fillOctober(db, &error), qPrintable(error));
    auto practitioner =
        db.scalar(QStringLiteral("SELECT id FROM practitioners WHERE name = 'Dr Ada'"));
    QVERIFY(practitioner && !practitioner->isNull());
    MetricFilter filter;
    filter.practitioner = PractitionerId(practitioner->toLongLong());
    auto report = ReportBuilder(db).build(kOctober, filter, kNow);
    QVERIFY2(report, report ? "" : qPrintable(report.error().describe()));
    const QJsonObject json = ReportJsonWriter::toObject(*report);
    QCOMPARE(valueAt(json, QStringLiteral("filters.practitioner.name")).toString(),
             QStringLiteral("Dr Ada"));
    QVERIFY(valueAt(json, QStringLiteral("filters.service_type")).isNull());
    QVERIFY(valueAt(json, QStringLiteral("filters.referral_source")).isNull());
    // The only practitioner: the same figures as without the filter.
    auto unfiltered = ReportBuilder(db).build(kOctober, {}, kNow);
    QVERIFY(unfiltered);
    QCOMPARE(report->metrics.rebooking, unfiltered->metrics.rebooking);
    QCOMPARE(report->metrics.retention, unfiltered->metrics.retention);

    filter.practitioner = PractitionerId(practitioner->toLongLong() + 1000);
    auto unknown = ReportBuilder(db).build(kOctober, filter, kNow);
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().kind, ErrorKind::NotFound);
}

QTEST_GUILESS_MAIN(TestReport)
#include "tst_report.moc"
