// backends: sqlite postgresql
#include "auth/actor.h"
#include "database/database.h"
#include "database/databaseurl.h"
#include "database/sqltime.h"
#include "domain/client.h"
#include "domain/practitioner.h"
#include "domain/servicetype.h"
#include "repositories/appointmentrepository.h"
#include "repositories/clientrepository.h"
#include "repositories/practitionerrepository.h"
#include "repositories/servicetyperepository.h"
#include "testdatabase.h"

#include <QCoreApplication>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTest>
#include <QUrl>

#include <cstdio>

using namespace aftercare;

namespace {

constexpr int kProcesses = 8;
constexpr int kAttemptsEach = 400;
constexpr int kDays = 4;
constexpr int kSlotsPerDay = 40; // 08:00 to 18:00 in quarter hours
const QDate kFirstDay(2031, 3, 3);

QString urlText(const DatabaseUrl& url)
{
    if (url.kind() == DatabaseUrl::Kind::Sqlite)
        return QStringLiteral("sqlite:") + url.path();
    QUrl text;
    text.setScheme(QStringLiteral("postgresql"));
    text.setUserName(url.user());
    text.setPassword(url.password());
    text.setHost(url.host());
    text.setPort(url.port());
    text.setPath(QLatin1Char('/') + url.databaseName());
    return text.toString();
}

// One booking workstation: `count` attempts at random slots, counted by outcome. Prints
// "booked B refused R other O"; exits non-zero when anything failed other than a refusal.
int runChild(const QString& url, quint32 seed, int count)
{
    auto parsed = DatabaseUrl::parse(url);
    if (!parsed) {
        std::fprintf(stderr, "bad url: %s\n", qPrintable(parsed.error().message));
        return 2;
    }
    auto database = Database::open(*parsed);
    if (!database) {
        std::fprintf(stderr, "cannot open: %s\n", qPrintable(database.error().describe()));
        return 2;
    }
    Database& db = **database;
    const auto practitioners = PractitionerRepository(db).practitioners();
    const auto services = ServiceTypeRepository(db).serviceTypes();
    auto clients = db.run(QStringLiteral("SELECT id FROM clients ORDER BY id"));
    if (!practitioners || !services || services->empty() || !clients) {
        std::fprintf(stderr, "cannot read the practice\n");
        return 2;
    }
    std::vector<ClientId> clientIds;
    while (clients->next())
        clientIds.emplace_back(clients->value(0).toLongLong());
    QRandomGenerator random(seed);
    AppointmentRepository diary(db);
    const Actor actor = Actor::system();
    int booked = 0;
    int refused = 0;
    int other = 0;
    for (int i = 0; i < count; ++i) {
        Appointment draft;
        draft.client = clientIds[random.bounded(quint32(clientIds.size()))];
        draft.practitioner = (*practitioners)[random.bounded(quint32(practitioners->size()))].id;
        draft.serviceType = services->front().id;
        draft.startsAt = QDateTime(kFirstDay.addDays(random.bounded(kDays)),
                                   QTime(8, 0).addSecs(60 * 15 * random.bounded(kSlotsPerDay)));
        const auto result = diary.book(draft, actor);
        if (result) {
            ++booked;
        } else if (result.error().kind == ErrorKind::Overlap ||
                   result.error().kind == ErrorKind::Conflict) {
            ++refused;
        } else {
            ++other;
            std::fprintf(stderr, "unexpected: %s\n", qPrintable(result.error().describe()));
        }
    }
    std::printf("booked %d refused %d other %d\n", booked, refused, other);
    std::fflush(stdout);
    return other == 0 ? 0 : 1;
}

} // namespace

class TestBookingConcurrency : public QObject
{
    Q_OBJECT

private slots:
    void racingWorkstationsNeverOverlap();
};

void TestBookingConcurrency::racingWorkstationsNeverOverlap()
{
    AFTERCARE_FRESH_DATABASE(db);
    PractitionerRepository practitioners(db);
    ServiceTypeRepository services(db);
    for (const char* name : {"Dr. Weber", "Dr. Braun", "Dr. Kaya"}) {
        Practitioner practitioner;
        practitioner.name = QLatin1String(name);
        QVERIFY(practitioners.createPractitioner(practitioner, Actor::system()));
    }
    ServiceType service;
    service.name = QStringLiteral("Check-up");
    service.durationMinutes = 30;
    service.priceCents = 6000;
    QVERIFY(services.createServiceType(service, Actor::system()));
    for (int i = 0; i < 20; ++i) {
        Client client;
        client.firstName = QStringLiteral("Client");
        client.lastName = QStringLiteral("Number %1").arg(i);
        QVERIFY(ClientRepository(db).create(client, Actor::system()));
    }

    const QString url = urlText(dbHolder->url());
    std::vector<std::unique_ptr<QProcess>> children;
    for (int i = 0; i < kProcesses; ++i) {
        auto child = std::make_unique<QProcess>();
        child->setProgram(QCoreApplication::applicationFilePath());
        child->setArguments({QStringLiteral("--child"), url, QString::number(1000 + i),
                             QString::number(kAttemptsEach)});
        children.push_back(std::move(child));
    }
    for (auto& child : children)
        child->start();
    int booked = 0;
    int refused = 0;
    for (auto& child : children) {
        QVERIFY2(child->waitForFinished(15 * 60 * 1000), "a booking process did not finish");
        const QString out = QString::fromUtf8(child->readAllStandardOutput()).trimmed();
        const QString err = QString::fromUtf8(child->readAllStandardError()).trimmed();
        QCOMPARE(child->exitStatus(), QProcess::NormalExit);
        QVERIFY2(child->exitCode() == 0, qPrintable(out + QLatin1Char('\n') + err));
        const QStringList words = out.split(QLatin1Char(' '));
        QCOMPARE(words.size(), 6);
        QCOMPARE(words[0], QStringLiteral("booked"));
        QCOMPARE(words[5], QStringLiteral("0"));
        QCOMPARE(words[1].toInt() + words[3].toInt(), kAttemptsEach);
        qInfo("child: %s", qPrintable(out));
        booked += words[1].toInt();
        refused += words[3].toInt();
    }
    qInfo("%s: %d processes, %d attempts: %d booked, %d refused with Overlap/Conflict",
          qPrintable(test::backendName(test::backendUnderTest())), kProcesses,
          kProcesses * kAttemptsEach, booked, refused);
    QCOMPARE(booked + refused, kProcesses * kAttemptsEach);
    QVERIFY(booked > 0);
    QVERIFY(refused > 0);

    const QString active = QStringLiteral("('booked', 'confirmed', 'checked_in')");
    auto stored = db.scalar(
        QStringLiteral("SELECT COUNT(*) FROM appointments WHERE status IN %1").arg(active));
    QVERIFY(stored);
    QCOMPARE(stored->toLongLong(), qint64(booked));
    auto overlaps =
        db.scalar(QStringLiteral("SELECT COUNT(*) FROM appointments a JOIN appointments b "
                                 "ON a.id < b.id AND a.practitioner_id = b.practitioner_id "
                                 "AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at "
                                 "WHERE a.status IN %1 AND b.status IN %1")
                      .arg(active));
    QVERIFY(overlaps);
    QCOMPARE(overlaps->toLongLong(), qint64(0));
}

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    if (argc == 5 && qstrcmp(argv[1], "--child") == 0)
        return runChild(QString::fromLocal8Bit(argv[2]), QString::fromLatin1(argv[3]).toUInt(),
                        QString::fromLatin1(argv[4]).toInt());
    TestBookingConcurrency test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_booking_concurrency.moc"
