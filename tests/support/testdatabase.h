#pragma once

#include "database/database.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace aftercare::test {

// Which database a repository test runs on: ctest registers each such test twice, with
// AFTERCARE_TEST_BACKEND=sqlite and =postgresql. PostgreSQL comes from
// AFTERCARE_TEST_PG_URL (started by tests/run-all.sh); when it is missing the test fails.
enum class Backend
{
    Sqlite,
    PostgreSql
};

Backend backendUnderTest();
QString backendName(Backend backend);

// A throwaway database: a file in a temporary folder, or a database of its own on the test
// PostgreSQL server, dropped again when this object goes away.
class TestDatabase
{
public:
    // Empty database (no schema) or migrated to the latest version. On failure returns
    // nullptr and fills error.
    static std::unique_ptr<TestDatabase> create(Backend backend, bool migrate, QString* error);
    ~TestDatabase();

    Database& database() { return *m_database; }
    const DatabaseUrl& url() const { return m_url; }
    // Closes and reopens the connection (e.g. after another process wrote).
    bool reopen(QString* error);
    // Closes our connection without dropping the database (to hand it to another process).
    void close() { m_database.reset(); }

private:
    TestDatabase(DatabaseUrl url, std::unique_ptr<QTemporaryDir> dir, QString dropName);

    DatabaseUrl m_url;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_dropName; // PostgreSQL: the database to drop at the end
    std::unique_ptr<Database> m_database;
};

} // namespace aftercare::test

// For use inside a test function: a fresh, migrated database of the backend under test.
#define AFTERCARE_FRESH_DATABASE(name)                                                             \
    QString name##Error;                                                                           \
    auto name##Holder = ::aftercare::test::TestDatabase::create(                                   \
        ::aftercare::test::backendUnderTest(), true, &name##Error);                                \
    QVERIFY2(name##Holder, qPrintable(name##Error));                                               \
    ::aftercare::Database& name = name##Holder->database()
