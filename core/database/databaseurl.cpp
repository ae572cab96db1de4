#include "database/databaseurl.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUrl>

namespace aftercare {

Result<DatabaseUrl> DatabaseUrl::parse(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return fail(Error::validation(tr("The database location is empty.")));

    if (trimmed.startsWith(QLatin1String("postgresql://")) ||
        trimmed.startsWith(QLatin1String("postgres://"))) {
        const QUrl url(trimmed, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty())
            return fail(Error::validation(tr("\"%1\" is not a PostgreSQL address of the form "
                                             "postgresql://user:password@host:port/dbname.")
                                              .arg(url.toDisplayString(QUrl::RemovePassword))));
        DatabaseUrl result;
        result.m_kind = Kind::PostgreSql;
        result.m_host = url.host();
        result.m_port = url.port(5432);
        result.m_user = url.userName(QUrl::FullyDecoded);
        result.m_password = url.password(QUrl::FullyDecoded);
        result.m_databaseName = url.path(QUrl::FullyDecoded).mid(1);
        if (result.m_databaseName.isEmpty() || result.m_databaseName.contains(QLatin1Char('/')))
            return fail(Error::validation(
                tr("The PostgreSQL address names no database: add /dbname after the host.")));
        return result;
    }

    QString path = trimmed;
    if (path.startsWith(QLatin1String("sqlite:")))
        path = path.mid(7);
    if (path.startsWith(QLatin1String("//")))
        path = path.mid(2); // sqlite:///abs/path
    if (path.isEmpty())
        return fail(Error::validation(tr("The SQLite address names no file.")));
    if (path.contains(QLatin1String("://")))
        return fail(Error::validation(
            tr("\"%1\" is neither a file path nor a postgresql:// address.").arg(trimmed)));
    return sqliteFile(path);
}

DatabaseUrl DatabaseUrl::sqliteFile(const QString& path)
{
    DatabaseUrl result;
    result.m_kind = Kind::Sqlite;
    result.m_path = path == QLatin1String(":memory:") ? path : QFileInfo(path).absoluteFilePath();
    return result;
}

QString DatabaseUrl::defaultSqlitePath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(dir).filePath(QStringLiteral("aftercare.db"));
}

Result<DatabaseUrl> DatabaseUrl::fromEnvironmentOrDefault()
{
    const QString fromEnv = qEnvironmentVariable("AFTERCARE_DATABASE");
    if (!fromEnv.trimmed().isEmpty())
        return parse(fromEnv);
    return sqliteFile(defaultSqlitePath());
}

DatabaseUrl DatabaseUrl::withDatabaseName(const QString& name) const
{
    DatabaseUrl copy = *this;
    copy.m_databaseName = name;
    return copy;
}

QString DatabaseUrl::displayString() const
{
    if (m_kind == Kind::Sqlite)
        return QStringLiteral("sqlite:") + m_path;
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setHost(m_host);
    url.setPort(m_port);
    url.setUserName(m_user);
    url.setPath(QLatin1Char('/') + m_databaseName);
    return url.toString();
}

} // namespace aftercare
