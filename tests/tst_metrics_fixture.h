#pragma once

#include "database/database.h"
#include "database/sqltime.h"

#include <QDateTime>
#include <QList>
#include <QTest>
#include <QVariant>

// A tiny practice written with plain SQL for the metric tests: the figures are checked against
// the schema and nothing else.
namespace aftercare::test {

inline QDateTime at(const char* text)
{
    return QDateTime::fromString(QString::fromLatin1(text), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

struct Booking
{
    qint64 client = 0;
    QDateTime start{};
    QString status = QStringLiteral("completed");
    int minutes = 30;
    QDateTime createdAt{};   // default: a week before the start
    qint64 practitioner = 0; // default: the practice's first practitioner
    qint64 service = 0;      // default: the practice's first service type
};

// A tiny practice written with plain SQL, so the metrics are checked against the schema and
// nothing else. Every insert that fails marks the fixture as failed.
class Practice
{
public:
    explicit Practice(Database& db)
        : m_db(db)
    {}

    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }

    qint64 practitioner(const QString& name)
    {
        return insert(u"INSERT INTO practitioners (name) VALUES (?) RETURNING id", {name});
    }

    qint64 serviceType(const QString& name, QList<bool> steps = {true, true, true, false, false})
    {
        return insert(u"INSERT INTO service_types (name, duration_minutes, step_quality_followup, "
                      u"step_feedback_request, step_thank_you, step_community_invite, "
                      u"step_newsletter_invite) "
                      u"VALUES (?, 30, ?, ?, ?, ?, ?) RETURNING id",
                      {name, steps[0], steps[1], steps[2], steps[3], steps[4]});
    }

    qint64 client(const QVariant& referralSource = {}, qint64 referredBy = 0)
    {
        const QString externalId = QStringLiteral("K%1").arg(++m_clients);
        return insert(
            u"INSERT INTO clients (external_id, first_name, last_name, referral_source, "
            u"referred_by, "
            u"registered_at, created_at) VALUES (?, 'Test', ?, ?, ?, '2020-01-01 00:00:00', "
            u"'2020-01-01 00:00:00') RETURNING id",
            {externalId, externalId,
             referralSource.isNull() ? QVariant(QMetaType::fromType<QString>()) : referralSource,
             referredBy ? QVariant(referredBy) : QVariant(QMetaType::fromType<qlonglong>())});
    }

    qint64 appointment(Booking b)
    {
        if (!b.practitioner)
            b.practitioner = defaultPractitioner();
        if (!b.service)
            b.service = defaultService();
        const QDateTime created = b.createdAt.isValid() ? b.createdAt : b.start.addDays(-7);
        return insert(u"INSERT INTO appointments (client_id, practitioner_id, service_type_id, "
                      u"starts_at, ends_at, "
                      u"status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                      {b.client, b.practitioner, b.service, SqlTime::toSql(b.start),
                       SqlTime::toSql(b.start.addSecs(60 * b.minutes)), b.status,
                       SqlTime::toSql(created)});
    }

    qint64 visit(qint64 client, const QDateTime& start)
    {
        return appointment({.client = client, .start = start});
    }

    qint64 feedback(qint64 client, const QString& kind, int score, const QDateTime& respondedAt,
                    qint64 appointment = 0)
    {
        return insert(u"INSERT INTO feedback (client_id, appointment_id, kind, score, "
                      u"responded_at, created_at) "
                      u"VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                      {client, idOrNull(appointment), kind, score, SqlTime::toSql(respondedAt),
                       SqlTime::toSql(respondedAt)});
    }

    qint64 task(qint64 client, const QString& kind, const QDateTime& deadline,
                const QString& status, const QDateTime& doneAt = {}, qint64 appointment = 0)
    {
        return insert(
            u"INSERT INTO followup_tasks (client_id, kind, source_key, appointment_id, due_at, "
            u"deadline_at, "
            u"status, done_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            {client, kind, QStringLiteral("test:%1").arg(++m_tasks), idOrNull(appointment),
             SqlTime::toSql(deadline), SqlTime::toSql(deadline), status, SqlTime::toSql(doneAt),
             SqlTime::toSql(deadline.addDays(-3))});
    }

    // A paid invoice (paidAt set) or an issued, unpaid one.
    qint64 invoice(qint64 client, qint64 cents, const QDateTime& paidAt, qint64 appointment = 0,
                   const QDateTime& issuedAt = at("2020-01-01 00:00:00"))
    {
        return insert(u"INSERT INTO invoices (client_id, appointment_id, status, total_cents, "
                      u"issued_at, paid_at, "
                      u"created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                      {client, idOrNull(appointment),
                       paidAt.isValid() ? QStringLiteral("paid") : QStringLiteral("issued"), cents,
                       SqlTime::toSql(issuedAt), SqlTime::toSql(paidAt), SqlTime::toSql(issuedAt)});
    }

    qint64 consent(qint64 client, const QString& purpose, bool granted, const QDateTime& recordedAt,
                   const QDateTime& withdrawnAt = {},
                   const QString& channel = QStringLiteral("any"))
    {
        return insert(u"INSERT INTO consents (client_id, purpose, channel, granted, recorded_at, "
                      u"withdrawn_at) "
                      u"VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                      {client, purpose, channel, granted, SqlTime::toSql(recordedAt),
                       SqlTime::toSql(withdrawnAt)});
    }

    qint64 step(qint64 appointment, const QString& step)
    {
        return insert(
            u"INSERT INTO post_service_steps (appointment_id, step, done_at) VALUES (?, ?, "
            u"'2026-01-01 00:00:00') RETURNING id",
            {appointment, step});
    }

    void setting(const QString& key, const QString& value)
    {
        if (auto done =
                m_db.run(QStringLiteral("INSERT INTO practice_settings (key, value) VALUES (?, ?)"),
                         {key, value});
            !done)
            m_error = done.error().describe();
    }

    qint64 defaultPractitioner()
    {
        if (!m_practitioner)
            m_practitioner = practitioner(QStringLiteral("Dr Default"));
        return m_practitioner;
    }

    qint64 defaultService()
    {
        if (!m_service)
            m_service = serviceType(QStringLiteral("Consultation"));
        return m_service;
    }

private:
    static QVariant idOrNull(qint64 id)
    {
        return id ? QVariant(id) : QVariant(QMetaType::fromType<qlonglong>());
    }

    qint64 insert(QStringView sql, const QVariantList& values)
    {
        auto query = m_db.run(sql.toString(), values);
        if (!query || !query->next()) {
            if (m_error.isEmpty())
                m_error = query ? QStringLiteral("no id returned") : query.error().describe();
            return 0;
        }
        return query->value(0).toLongLong();
    }

    Database& m_db;
    QString m_error;
    qint64 m_practitioner = 0;
    qint64 m_service = 0;
    int m_clients = 0;
    int m_tasks = 0;
};

// March 2026 of a small practice, the figures worked out by hand in the comments.
struct MarchPractice
{
    qint64 adams = 0;
    qint64 brown = 0;
    qint64 ann = 0;   // new in March: visits 3 March (Adams) and 20 March (Brown)
    qint64 ben = 0;   // new in March: visit 5 March (Adams)
    qint64 carla = 0; // visit 10 February, no-show 6 March (Adams)
    qint64 dora = 0;  // last visit 15 March 2025: active on 28 February, lapsed by 31 March

    bool fill(Practice& p)
    {
        adams = p.practitioner(QStringLiteral("Dr Adams"));
        brown = p.practitioner(QStringLiteral("Dr Brown"));
        ann = p.client(QStringLiteral("Google"));
        ben = p.client(QStringLiteral("google "));
        carla = p.client(QStringLiteral("Friend"), ann);
        dora = p.client();
        const qint64 annFirst = p.appointment(
            {.client = ann, .start = at("2026-03-03 09:00:00"), .practitioner = adams});
        // Booked the day after the first visit: that visit counts as rebooked.
        p.appointment({.client = ann,
                       .start = at("2026-03-20 09:00:00"),
                       .createdAt = at("2026-03-04 12:00:00"),
                       .practitioner = brown});
        const qint64 benVisit = p.appointment(
            {.client = ben, .start = at("2026-03-05 10:00:00"), .practitioner = adams});
        p.appointment({.client = carla, .start = at("2026-02-10 10:00:00"), .practitioner = adams});
        p.appointment({.client = carla,
                       .start = at("2026-03-06 10:00:00"),
                       .status = QStringLiteral("no_show"),
                       .practitioner = adams});
        p.appointment({.client = dora, .start = at("2025-03-15 10:00:00"), .practitioner = brown});
        p.feedback(ann, QStringLiteral("csat"), 5, at("2026-03-04 08:00:00"), annFirst);
        p.feedback(ben, QStringLiteral("csat"), 2, at("2026-03-06 08:00:00"), benVisit);
        p.feedback(ann, QStringLiteral("nps"), 10, at("2026-03-21 08:00:00"));
        p.feedback(ben, QStringLiteral("nps"), 3, at("2026-03-07 08:00:00"), benVisit);
        // Met (done before its deadline) and missed (open, deadline passed before now).
        p.task(ben, QStringLiteral("detractor_callback"), at("2026-03-09 08:00:00"),
               QStringLiteral("done"), at("2026-03-08 12:00:00"), benVisit);
        p.task(ann, QStringLiteral("checkin_call"), at("2026-03-10 23:59:59"),
               QStringLiteral("open"), {}, annFirst);
        return p.ok();
    }
};

} // namespace aftercare::test

#define PRACTICE_OK(practice) QVERIFY2((practice).ok(), qPrintable((practice).error()))
