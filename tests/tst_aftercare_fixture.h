#pragma once

// Helpers for the after-care tests: the small practice of tst_repo_fixture.h in the
// Europe/Berlin zone, with results, answers and visits written through the repositories.

#include "database/database.h"
#include "repositories/appointmentrepository.h"
#include "repositories/feedbackrepository.h"
#include "repositories/practicesettingsrepository.h"
#include "repositories/practitionerrepository.h"
#include "repositories/resultrepository.h"
#include "tst_repo_fixture.h"

#include <QDateTime>

#include <optional>

namespace aftercare::test {

inline QDateTime at(int y, int m, int d, int h, int min, int s = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min, s));
}

inline bool useBerlin(Database& db, const Practice& p)
{
    return PracticeSettingsRepository(db)
        .setSetting(PracticeSetting::kTimezone, QStringLiteral("Europe/Berlin"), p.admin)
        .has_value();
}

// A result of one value; abnormal when the value lies outside 4.0–6.0.
inline std::optional<ResultId> addResult(Database& db, const Practice& p, ClientId client,
                                         const QDateTime& receivedAt, double value,
                                         AppointmentId visit = {},
                                         const QString& test = QStringLiteral("HbA1c"))
{
    TestResult r;
    r.client = client;
    r.appointment = visit;
    r.testName = test;
    r.receivedAt = receivedAt;
    ResultValue v;
    v.analyte = test;
    v.numeric = value;
    v.unit = QStringLiteral("%");
    v.referenceLow = 4.0;
    v.referenceHigh = 6.0;
    r.values.push_back(v);
    r.formalReport = QStringLiteral("%1: %2 %").arg(test).arg(value);
    r.summary = QStringLiteral("Your %1 is %2.").arg(test).arg(value);
    auto id = ResultRepository(db).create(r, p.clinician);
    return id ? std::optional<ResultId>(*id) : std::nullopt;
}

inline std::optional<FeedbackId> addFeedback(Database& db, const Practice& p, ClientId client,
                                             FeedbackKind kind, int score,
                                             const QDateTime& respondedAt, AppointmentId visit = {},
                                             const QString& comment = {})
{
    const auto parsed = FeedbackScore::parse(kind, score);
    if (!parsed)
        return std::nullopt;
    Feedback f(*parsed);
    f.client = client;
    f.appointment = visit;
    f.respondedAt = respondedAt;
    f.comment = comment;
    auto id = FeedbackRepository(db).record(f, p.reception);
    return id ? std::optional<FeedbackId>(*id) : std::nullopt;
}

// A visit of 30 minutes from `start`, recorded with the given status (completed by default).
inline std::optional<AppointmentId>
addVisit(Database& db, const Practice& p, ClientId client, ServiceTypeId service,
         const QDateTime& start, AppointmentStatus status = AppointmentStatus::Completed,
         PractitionerId practitioner = {})
{
    Appointment a;
    a.client = client;
    a.practitioner = practitioner.isValid() ? practitioner : p.weber;
    a.serviceType = service;
    a.startsAt = start;
    a.endsAt = start.addSecs(30 * 60);
    a.status = status;
    a.createdAt = start.addDays(-7);
    if (status == AppointmentStatus::Completed)
        a.completedAt = a.endsAt;
    auto id = AppointmentRepository(db).book(a, p.reception);
    return id ? std::optional<AppointmentId>(*id) : std::nullopt;
}

// Dr Weber signs in as the practice's clinician.
inline bool linkWeberToClinician(Database& db, const Practice& p)
{
    PractitionerRepository practice(db);
    auto weber = practice.practitioner(p.weber);
    if (!weber)
        return false;
    weber->user = p.clinician.user;
    return practice.updatePractitioner(*weber, p.admin).has_value();
}

// The client can be called: a phone number on file.
inline bool givePhone(Database& db, const Practice& p, ClientId id,
                      const QString& number = QStringLiteral("+49 171 2345678"))
{
    ClientRepository clients(db);
    auto client = clients.get(id);
    if (!client)
        return false;
    client->phone = PhoneNumber::parse(number);
    return client->phone && clients.update(*client, p.reception).has_value();
}

inline qint64 count(Database& db, const QString& sql, const QVariantList& values = {})
{
    auto n = db.scalar(sql, values);
    return n ? n->toLongLong() : -1;
}

} // namespace aftercare::test
