#pragma once

// The small front desk the schedule and desk GUI tests work on: two receptionists (two
// workstations), two practitioners, one 30-minute service and two clients.

#include "auth/actor.h"
#include "database/database.h"
#include "domain/client.h"
#include "domain/practitioner.h"
#include "domain/servicetype.h"
#include "repositories/clientrepository.h"
#include "repositories/practitionerrepository.h"
#include "repositories/servicetyperepository.h"
#include "repositories/userrepository.h"

#include <QDate>
#include <QString>

namespace aftercare::test {

struct Practice
{
    Actor desk;
    Actor colleague; // another workstation
    PractitionerId weber;
    PractitionerId braun;
    ServiceTypeId checkUp;
    ClientId anna;
    ClientId ben;
};

inline ClientId addClient(Database& db, const QString& first, const QString& last)
{
    Client c;
    c.firstName = first;
    c.lastName = last;
    c.dateOfBirth = QDate(1980, 6, 1);
    auto id = ClientRepository(db).create(c, Actor::system());
    return id ? *id : ClientId();
}

inline Practice seed(Database& db)
{
    Practice p;
    UserRepository users(db);
    const auto admin = users.createFirstAdmin(QStringLiteral("admin"), QStringLiteral("Admin"),
                                              QStringLiteral("practice head 1"));
    const Actor adminActor{admin ? *admin : UserId(), Role::Admin, QStringLiteral("server")};
    const auto desk = users.create(adminActor, QStringLiteral("desk"), QStringLiteral("Dana Desk"),
                                   Role::Reception, QStringLiteral("morning shift 1"));
    const auto other =
        users.create(adminActor, QStringLiteral("olga"), QStringLiteral("Olga Other"),
                     Role::Reception, QStringLiteral("late shift 22"));
    p.desk = Actor{desk ? *desk : UserId(), Role::Reception, QStringLiteral("desk-1")};
    p.colleague = Actor{other ? *other : UserId(), Role::Reception, QStringLiteral("desk-2")};
    PractitionerRepository practitioners(db);
    ServiceTypeRepository services(db);
    Practitioner weber;
    weber.name = QStringLiteral("Dr. Weber");
    Practitioner braun;
    braun.name = QStringLiteral("Dr. Braun");
    p.weber = practitioners.createPractitioner(weber, adminActor).value_or(PractitionerId());
    p.braun = practitioners.createPractitioner(braun, adminActor).value_or(PractitionerId());
    ServiceType checkUp;
    checkUp.name = QStringLiteral("Check-up");
    checkUp.durationMinutes = 30;
    checkUp.priceCents = 6000;
    p.checkUp = services.createServiceType(checkUp, adminActor).value_or(ServiceTypeId());
    p.anna = addClient(db, QStringLiteral("Anna"), QStringLiteral("Adler"));
    p.ben = addClient(db, QStringLiteral("Ben"), QStringLiteral("Berg"));
    return p;
}

} // namespace aftercare::test
