#pragma once

#include <QCoreApplication>
#include <QString>

#include <expected>

namespace aftercare {

// What went wrong, as a value: core never throws at its callers and never shows a dialog.
enum class ErrorKind
{
    Validation,   // the input is not acceptable (bad email, score out of range, ...)
    NotFound,     // the row asked for does not exist
    Conflict,     // someone else changed the row meanwhile (stale row_version) or a key exists
    Overlap,      // an active booking of the same practitioner overlaps
    Permission,   // the signed-in user's role does not allow this
    SchemaTooNew, // the database was written by a newer Aftercare
    Database,     // the database refused or failed
    Io,           // a file could not be read or written
};

struct Error
{
    ErrorKind kind = ErrorKind::Database;
    QString message;        // human readable, translated where it reaches a person
    QString detail = {};    // technical detail for logs (driver text, SQL state)
    bool retryable = false; // a serialization failure or deadlock that a new attempt may clear

    static Error validation(QString message) { return {ErrorKind::Validation, std::move(message)}; }
    static Error notFound(QString message) { return {ErrorKind::NotFound, std::move(message)}; }
    static Error conflict(QString message) { return {ErrorKind::Conflict, std::move(message)}; }
    static Error permission(QString message) { return {ErrorKind::Permission, std::move(message)}; }
    static Error io(QString message) { return {ErrorKind::Io, std::move(message)}; }

    // "message (detail)" for logs and the command line, on one line.
    // One line, whatever the driver's text looked like.
    QString describe() const
    {
        const QString text =
            detail.isEmpty() ? message : message + QStringLiteral(" (") + detail + QLatin1Char(')');
        return text.simplified();
    }
};

template <typename T> using Result = std::expected<T, Error>;
using Status = std::expected<void, Error>;

inline std::unexpected<Error> fail(Error error)
{
    return std::unexpected<Error>(std::move(error));
}

// Drops a successful value, keeping only success or the error (GCC 12's std::expected has
// no transform()).
template <typename T> Status toStatus(const Result<T>& result)
{
    if (!result)
        return fail(result.error());
    return {};
}

} // namespace aftercare
