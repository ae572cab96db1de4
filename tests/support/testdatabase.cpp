#include "testdatabase.h"

#include "database/migrator.h"

#include <QCoreApplication>
#include <QUuid>

namespace aftercare::test {

Backend backendUnderTest()
{
    return qEnvironmentVariable("AFTERCARE_TEST_BACKEND") == QLatin1String("postgresql")
               ? Backend::PostgreSql
               : Backend::Sqlite;
}

QString backendName(Backend backend)
{
    return backend == Backend::PostgreSql ? QStringLiteral("postgresql") : QStringLiteral("sqlite");
}

TestDatabase::TestDatabase(DatabaseUrl url, std::unique_ptr<QTemporaryDir> dir, QString dropName)
    : m_url(std::move(url))
    , m_dir(std::move(dir))
    , m_dropName(std::move(dropName))
{}

std::unique_ptr<TestDatabase> TestDatabase::create(Backend backend, bool migrate, QString* error)
{
    std::unique_ptr<TestDatabase> result;
    if (backend == Backend::Sqlite) {
        auto dir = std::make_unique<QTemporaryDir>();
        if (!dir->isValid()) {
            *error = QStringLiteral("cannot create a temporary folder");
            return nullptr;
        }
        const DatabaseUrl url = DatabaseUrl::sqliteFile(dir->filePath(QStringLiteral("test.db")));
        result.reset(new TestDatabase(url, std::move(dir), {}));
    } else {
        const QString admin = qEnvironmentVariable("AFTERCARE_TEST_PG_URL");
        if (admin.isEmpty()) {
            *error = QStringLiteral(
                "AFTERCARE_TEST_PG_URL is not set: run the tests through tests/run-all.sh, "
                "which starts a throwaway PostgreSQL server");
            return nullptr;
        }
        auto adminUrl = DatabaseUrl::parse(admin);
        if (!adminUrl) {
            *error = adminUrl.error().describe();
            return nullptr;
        }
        auto adminDb = Database::open(*adminUrl);
        if (!adminDb) {
            *error = adminDb.error().describe();
            return nullptr;
        }
        const QString name = QStringLiteral("aftercare_t_%1")
                                 .arg(QUuid::createUuid().toString(QUuid::Id128).left(16));
        // Identifiers cannot be bound; the name is made here from hex digits only.
        if (auto created =
                (*adminDb)->executeScript(QStringLiteral("CREATE DATABASE %1").arg(name));
            !created) {
            *error = created.error().describe();
            return nullptr;
        }
        result.reset(new TestDatabase(adminUrl->withDatabaseName(name), nullptr, name));
    }
    if (!result->reopen(error))
        return nullptr;
    if (migrate) {
        Migrator migrator(*result->m_database);
        if (auto done = migrator.migrate(); !done) {
            *error = done.error().describe();
            return nullptr;
        }
    }
    return result;
}

bool TestDatabase::reopen(QString* error)
{
    m_database.reset();
    // A test makes its practice on purpose: the first open creates the file.
    auto opened = Database::open(m_url, Database::IfMissing::Create);
    if (!opened) {
        *error = opened.error().describe();
        return false;
    }
    m_database = std::move(*opened);
    return true;
}

TestDatabase::~TestDatabase()
{
    m_database.reset();
    if (m_dropName.isEmpty())
        return;
    auto adminUrl = DatabaseUrl::parse(qEnvironmentVariable("AFTERCARE_TEST_PG_URL"));
    if (!adminUrl)
        return;
    if (auto adminDb = Database::open(*adminUrl))
        (void)(*adminDb)->executeScript(
            QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_dropName));
}

} // namespace aftercare::test
