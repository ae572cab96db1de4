#pragma once

#include "error.h"

#include <QString>

namespace aftercare {

// Where the practice's data lives: a local SQLite file or a PostgreSQL server (README.md, "Command
// line"). Made only by parse(), so a DatabaseUrl in hand is always usable.
class DatabaseUrl
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseUrl)

public:
    enum class Kind
    {
        Sqlite,
        PostgreSql
    };

    // Accepts a file path, "sqlite:PATH", or "postgresql://user:password@host:port/dbname".
    static Result<DatabaseUrl> parse(const QString& text);
    static DatabaseUrl sqliteFile(const QString& path);
    // AFTERCARE_DATABASE when set, else aftercare.db in the application-data folder.
    static Result<DatabaseUrl> fromEnvironmentOrDefault();
    static QString defaultSqlitePath();

    Kind kind() const { return m_kind; }
    QString path() const { return m_path; } // SQLite only
    QString host() const { return m_host; }
    int port() const { return m_port; }
    QString user() const { return m_user; }
    QString password() const { return m_password; }
    QString databaseName() const { return m_databaseName; }

    // Same server and credentials, another database (used to create and drop test databases).
    DatabaseUrl withDatabaseName(const QString& name) const;
    // For messages and logs: never shows the password.
    QString displayString() const;

private:
    DatabaseUrl() = default;

    Kind m_kind = Kind::Sqlite;
    QString m_path;
    QString m_host;
    int m_port = 5432;
    QString m_user;
    QString m_password;
    QString m_databaseName;
};

} // namespace aftercare
