#pragma once

// The small front desk the schedule and desk GUI tests work on: two receptionists (two
// workstations), two practitioners, one 30-minute service and two clients; and the few
// helpers those tests share (find a widget, book a check-up, drag in the diary).

#include "auth/actor.h"
#include "database/database.h"
#include "desk/bookingdesk.h"
#include "domain/appointment.h"
#include "domain/client.h"
#include "domain/practitioner.h"
#include "domain/servicetype.h"
#include "reception/scheduleview.h"
#include "repositories/clientrepository.h"
#include "repositories/practitionerrepository.h"
#include "repositories/servicetyperepository.h"
#include "repositories/userrepository.h"

#include <QDate>
#include <QDateTime>
#include <QRect>
#include <QString>
#include <QTest>
#include <QWidget>

#include <optional>

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

// The widget of that objectName under parent, or nullptr.
template <typename T> T* child(QWidget* parent, const char* name)
{
    return parent->findChild<T*>(QLatin1String(name));
}

// A check-up booked at the desk.
inline std::optional<AppointmentId> book(Database& db, const Practice& p, ClientId client,
                                         PractitionerId practitioner, const QDateTime& start)
{
    Appointment draft;
    draft.client = client;
    draft.practitioner = practitioner;
    draft.serviceType = p.checkUp;
    draft.startsAt = start;
    auto id = BookingDesk(db, p.desk).book(draft);
    return id ? std::optional(*id) : std::nullopt;
}

// Drags with the mouse from one slot of the diary to another, as the desk does.
inline void drag(ui::ScheduleView* view, const QRect& from, const QRect& to)
{
    QTest::mousePress(view, Qt::LeftButton, {}, from.center());
    QTest::mouseMove(view, from.center() + QPoint(0, 4));
    QTest::mouseMove(view, to.center());
    QTest::mouseRelease(view, Qt::LeftButton, {}, to.center());
}

} // namespace aftercare::test
