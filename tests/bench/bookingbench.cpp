// One booking workstation of the concurrency benchmark: --count attempts at random quarter
// hours of the --days days from --first-day, through AppointmentRepository::book as the
// booking dialog does; prints every attempt's latency and the outcomes.
#include "auth/actor.h"
#include "benchcommands.h"
#include "database/database.h"
#include "repositories/appointmentrepository.h"
#include "repositories/practitionerrepository.h"
#include "repositories/servicetyperepository.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSqlQuery>

#include <cstdio>

namespace aftercare::bench {

int runBooking(const BenchOptions& options)
{
    auto database = openDatabase(options);
    if (!database)
        return 1;
    Database& db = *database;
    const auto practitioners = PractitionerRepository(db).practitioners();
    const auto services = ServiceTypeRepository(db).serviceTypes();
    auto clients = db.run(QStringLiteral("SELECT id FROM clients ORDER BY id"));
    const QDate firstDay =
        QDate::fromString(options.value(QStringLiteral("first-day")), Qt::ISODate);
    if (!practitioners || practitioners->empty() || !services || services->empty() || !clients ||
        !firstDay.isValid()) {
        std::fprintf(stderr, "cannot read the practice or no --first-day\n");
        return 1;
    }
    std::vector<ClientId> clientIds;
    while (clients->next())
        clientIds.emplace_back(clients->value(0).toLongLong());
    QRandomGenerator random(quint32(options.number(QStringLiteral("seed"), 1)));
    AppointmentRepository diary(db);
    const Actor actor = Actor::system();
    const int days = options.number(QStringLiteral("days"), 5);
    int booked = 0;
    int refused = 0;
    int other = 0;
    QJsonArray latencies;
    QElapsedTimer total;
    total.start();
    for (int i = 0; i < options.number(QStringLiteral("count"), 200); ++i) {
        Appointment draft;
        draft.client = clientIds[random.bounded(quint32(clientIds.size()))];
        draft.practitioner = (*practitioners)[random.bounded(quint32(practitioners->size()))].id;
        draft.serviceType = services->front().id;
        draft.startsAt = QDateTime(firstDay.addDays(random.bounded(days)),
                                   QTime(8, 0).addSecs(60 * 15 * random.bounded(40)));
        QElapsedTimer timer;
        timer.start();
        const auto result = diary.book(draft, actor);
        latencies.append(double(timer.nsecsElapsed()) / 1e6);
        if (result)
            ++booked;
        else if (result.error().kind == ErrorKind::Overlap ||
                 result.error().kind == ErrorKind::Conflict)
            ++refused;
        else {
            ++other;
            std::fprintf(stderr, "unexpected: %s\n", qPrintable(result.error().describe()));
        }
    }
    printJson(QJsonObject{{QStringLiteral("booked"), booked},
                          {QStringLiteral("refused"), refused},
                          {QStringLiteral("other"), other},
                          {QStringLiteral("elapsed_ms"), double(total.nsecsElapsed()) / 1e6},
                          {QStringLiteral("samples"), latencies}});
    return other == 0 ? 0 : 1;
}

} // namespace aftercare::bench
