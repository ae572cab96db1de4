#pragma once

// A small practice for the repository tests: one user per role, two practitioners, two
// services and two clients, written straight into a fresh database.

#include "auth/actor.h"
#include "database/database.h"
#include "database/sqltime.h"
#include "repositories/clientrepository.h"
#include "repositories/practitionerrepository.h"
#include "repositories/servicetyperepository.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace aftercare::test {

struct Practice
{
    Actor admin;
    Actor manager;
    Actor clinician;
    Actor reception;
    PractitionerId weber;
    PractitionerId silva;
    ServiceTypeId consultation; // 30 minutes, 80.00
    ServiceTypeId physio;       // 45 minutes, 55.50
    ClientId anna;
    ClientId ben;
};

// Users are inserted directly: hashing passwords would only slow the tests down.
inline std::optional<UserId> insertUser(Database& db, const QString& username,
                                        const QString& displayName, Role role, QString* error)
{
    auto query = db.run(
        QStringLiteral("INSERT INTO users (username, display_name, password_hash, role, active, "
                       "created_at) VALUES (?, ?, 'not-a-hash', ?, ?, ?) RETURNING id"),
        {username, displayName, sqlName(role), true, SqlTime::toSql(QDateTime::currentDateTime())});
    if (!query || !query->next()) {
        *error =
            query ? QStringLiteral("no id for user %1").arg(username) : query.error().describe();
        return std::nullopt;
    }
    return UserId(query->value(0).toLongLong());
}

inline std::optional<Practice> makePractice(Database& db, QString* error)
{
    Practice p;
    const struct
    {
        Actor* actor;
        const char* username;
        const char* name;
        Role role;
        const char* workstation;
    } users[] = {{&p.admin, "admin", "Ada Admin", Role::Admin, "server-room"},
                 {&p.manager, "mia", "Mia Manager", Role::Manager, "office"},
                 {&p.clinician, "clara", "Dr Clara Klinik", Role::Clinician, "room-2"},
                 {&p.reception, "rita", "Rita Rezeption", Role::Reception, "desk-1"}};
    for (const auto& u : users) {
        auto id =
            insertUser(db, QLatin1String(u.username), QString::fromUtf8(u.name), u.role, error);
        if (!id)
            return std::nullopt;
        *u.actor = Actor{*id, u.role, QLatin1String(u.workstation)};
    }

    PractitionerRepository practitioners(db);
    ServiceTypeRepository services(db);
    auto weber = practitioners.createPractitioner(
        Practitioner{{}, QStringLiteral("Dr Weber"), {}, true, 0}, p.admin);
    auto silva = practitioners.createPractitioner(
        Practitioner{{}, QStringLiteral("Dr Silva"), {}, true, 0}, p.admin);
    if (!weber || !silva) {
        *error = (!weber ? weber.error() : silva.error()).describe();
        return std::nullopt;
    }
    p.weber = *weber;
    p.silva = *silva;

    ServiceType consultation;
    consultation.name = QStringLiteral("Consultation");
    consultation.durationMinutes = 30;
    consultation.priceCents = 8000;
    consultation.checkinAfterDays = 3;
    consultation.surveyAfterDays = 1;
    consultation.rebookAfterWeeks = 52;
    ServiceType physio;
    physio.name = QStringLiteral("Physiotherapy");
    physio.durationMinutes = 45;
    physio.priceCents = 5550;
    auto c = services.createServiceType(consultation, p.admin);
    auto ph = services.createServiceType(physio, p.admin);
    if (!c || !ph) {
        *error = (!c ? c.error() : ph.error()).describe();
        return std::nullopt;
    }
    p.consultation = *c;
    p.physio = *ph;

    ClientRepository clients(db);
    Client anna;
    anna.firstName = QStringLiteral("Anna");
    anna.lastName = QStringLiteral("Müller");
    anna.email = Email::parse(QStringLiteral("anna@example.org"));
    Client ben;
    ben.firstName = QStringLiteral("Ben");
    ben.lastName = QStringLiteral("Okafor");
    ben.email = Email::parse(QStringLiteral("ben@example.org"));
    auto a = clients.create(anna, p.reception);
    auto b = clients.create(ben, p.reception);
    if (!a || !b) {
        *error = (!a ? a.error() : b.error()).describe();
        return std::nullopt;
    }
    p.anna = *a;
    p.ben = *b;
    return p;
}

// "What went wrong" for a QVERIFY2 on a Result or Status.
template <typename R> QByteArray why(const R& result)
{
    return result ? QByteArray() : result.error().describe().toUtf8();
}

// The kind of error, or nothing on success: safe to compare whichever way it went.
template <typename R> std::optional<ErrorKind> errorKind(const R& result)
{
    return result ? std::nullopt : std::optional<ErrorKind>(result.error().kind);
}

} // namespace aftercare::test

// A fresh database with the practice above: declares `db` and `p`.
#define AFTERCARE_PRACTICE(db, p)                                                                  \
    AFTERCARE_FRESH_DATABASE(db);                                                                  \
    QString p##Error;                                                                              \
    const auto p##Made = ::aftercare::test::makePractice(db, &p##Error);                           \
    QVERIFY2(p##Made, qPrintable(p##Error));                                                       \
    const ::aftercare::test::Practice& p = *p##Made
