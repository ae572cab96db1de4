// The receptionist's and the clinician's interactive paths: search as you type through the
// finder's model, the schedule's day and week loads, the worklist's first screen through its
// model. Each prints every sample in milliseconds; the driver takes medians and percentiles.
#include "aftercare/worklist.h"
#include "benchcommands.h"
#include "database/database.h"
#include "database/sqltime.h"
#include "followup/worklistmodel.h"
#include "reception/clientmatchmodel.h"
#include "scheduleload.h"
#include "search/searchtext.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlQuery>

#include <algorithm>
#include <cstdio>

namespace aftercare::bench {

namespace {

double elapsedMs(const QElapsedTimer& timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

// Asks for every cell a view shows of the first screen, as the table view does when painting.
int touchFirstScreen(const QAbstractItemModel& model, int rows)
{
    int cells = 0;
    for (int row = 0; row < std::min(rows, model.rowCount()); ++row)
        for (int column = 0; column < model.columnCount(); ++column)
            cells += model.data(model.index(row, column)).isValid() ? 1 : 0;
    return cells;
}

// What a receptionist types, keystroke by keystroke, for `people` clients spread over the
// whole practice: the last name, "last, first", the date of birth, the phone number's digits
// and the e-mail address, each growing one character at a time.
QStringList keystrokes(Database& database, int people)
{
    QStringList typed;
    auto count = database.scalar(QStringLiteral("SELECT count(*) FROM clients"));
    if (!count || count->toLongLong() == 0)
        return typed;
    const qint64 step = std::max<qint64>(1, count->toLongLong() / people);
    for (int person = 0; person < people; ++person) {
        auto row = database.run(
            QStringLiteral("SELECT first_name, last_name, date_of_birth, phone, email FROM "
                           "clients ORDER BY id LIMIT 1 OFFSET ?"),
            {qint64(person) * step});
        if (!row || !row->next())
            break;
        const QString first = row->value(0).toString();
        const QString last = row->value(1).toString();
        const QDate born = SqlTime::toDate(row->value(2));
        // Dialled as at the desk: the national number with its trunk '0'.
        const QString digits =
            QLatin1Char('0') + SearchText::nationalNumber(row->value(3).toString())
                                   .remove(QRegularExpression(QStringLiteral("[^0-9]")));
        const QString email = row->value(4).toString();
        for (int n = 1; n <= std::min<qsizetype>(7, last.size()); ++n)
            typed << last.left(n);
        const QString both = last + QStringLiteral(", ") + first;
        for (qsizetype n = last.size() + 2; n <= std::min<qsizetype>(last.size() + 4, both.size());
             ++n)
            typed << both.left(n);
        if (born.isValid())
            typed << born.toString(QStringLiteral("dd.MM.yyyy"));
        for (qsizetype n = 3; n <= std::min<qsizetype>(8, digits.size()); ++n)
            typed << digits.left(n);
        for (qsizetype n = 3; n <= std::min<qsizetype>(8, email.size()); ++n)
            typed << email.left(n);
    }
    return typed;
}

QJsonObject samplesObject(const QString& name, const QJsonArray& samples)
{
    return QJsonObject{{QStringLiteral("name"), name},
                       {QStringLiteral("unit"), QStringLiteral("ms")},
                       {QStringLiteral("samples"), samples}};
}

} // namespace

int runSearch(const BenchOptions& options)
{
    auto database = openDatabase(options);
    if (!database)
        return 1;
    const QStringList typed = keystrokes(*database, options.number(QStringLiteral("people"), 25));
    if (typed.isEmpty()) {
        std::fprintf(stderr, "no clients to search for\n");
        return 1;
    }
    ui::ClientMatchModel model(*database);
    QJsonArray samples;
    qint64 matches = 0;
    for (int round = 0; round < options.number(QStringLiteral("repeat"), 3); ++round) {
        for (const QString& text : typed) {
            QElapsedTimer timer;
            timer.start();
            if (!model.search(text)) {
                std::fprintf(stderr, "search failed for %s\n", qPrintable(text));
                return 1;
            }
            touchFirstScreen(model, ui::ClientMatchModel::kPageSize);
            samples.append(elapsedMs(timer));
            matches += model.rowCount();
        }
    }
    QJsonObject result = samplesObject(QStringLiteral("search"), samples);
    result.insert(QStringLiteral("keystrokes"), typed.size());
    result.insert(QStringLiteral("rows_shown"), matches);
    printJson(result);
    return 0;
}

// --date D: the last of --days consecutive working days (day view) or of the weeks whose
// Mondays lie in them (week view), each loaded --repeat times.
int runSchedule(const BenchOptions& options)
{
    auto database = openDatabase(options);
    if (!database)
        return 1;
    const bool week = options.value(QStringLiteral("view")) == QLatin1String("week");
    const QDate last = QDate::fromString(options.value(QStringLiteral("date")), Qt::ISODate);
    if (!last.isValid()) {
        std::fprintf(stderr, "--date YYYY-MM-DD is required\n");
        return 1;
    }
    QList<QDate> days;
    for (QDate day = last; days.size() < options.number(QStringLiteral("days"), 10);
         day = day.addDays(week ? -7 : -1)) {
        if (week)
            days.prepend(day.addDays(1 - day.dayOfWeek()));
        else if (day.dayOfWeek() <= 5)
            days.prepend(day);
    }
    QJsonArray samples;
    qint64 appointments = 0;
    for (int round = 0; round < options.number(QStringLiteral("repeat"), 3); ++round) {
        for (const QDate& day : days) {
            QElapsedTimer timer;
            timer.start();
            auto loaded = week ? loadWeek(*database, day) : loadDay(*database, day);
            if (!loaded) {
                std::fprintf(stderr, "load failed: %s\n", qPrintable(loaded.error().describe()));
                return 1;
            }
            samples.append(elapsedMs(timer));
            appointments += qint64(loaded->appointments.size());
        }
    }
    QJsonObject result =
        samplesObject(week ? QStringLiteral("week") : QStringLiteral("day"), samples);
    result.insert(QStringLiteral("appointments_per_load"),
                  double(appointments) / std::max<qsizetype>(1, samples.size()));
    printJson(result);
    return 0;
}

// The clinician's first screen as FollowUpWorkspace opens it: mine and unassigned, all kinds.
int runWorklist(const BenchOptions& options)
{
    auto database = openDatabase(options);
    if (!database)
        return 1;
    auto me =
        database->scalar(QStringLiteral("SELECT id FROM users WHERE username = ?"),
                         {options.value(QStringLiteral("user"), QStringLiteral("clinician"))});
    if (!me || !me->isValid()) {
        std::fprintf(stderr, "no such user\n");
        return 1;
    }
    WorklistQuery query;
    query.scope = WorklistScope::MineAndUnassigned;
    query.me = UserId(me->toLongLong());
    QJsonArray samples;
    int rows = 0;
    for (int round = 0; round < options.number(QStringLiteral("repeat"), 10); ++round) {
        ui::WorklistModel model(*database);
        QElapsedTimer timer;
        timer.start();
        if (!model.load(query)) {
            std::fprintf(stderr, "worklist failed\n");
            return 1;
        }
        touchFirstScreen(model, ui::WorklistModel::kPageSize);
        samples.append(elapsedMs(timer));
        rows = model.rowCount();
    }
    QJsonObject result = samplesObject(QStringLiteral("worklist"), samples);
    result.insert(QStringLiteral("rows"), rows);
    printJson(result);
    return 0;
}

} // namespace aftercare::bench
