#pragma once

#include "domain/ids.h"

#include <QDateTime>
#include <QString>

namespace aftercare {

// One line of the audit log: who looked at or changed what, when and where.
struct AuditEntry
{
    AuditEntryId id;
    QDateTime at;
    UserId user;
    QString userName; // filled when read
    QString action;   // e.g. "result.view"
    QString entity;   // a table name, e.g. "test_results"
    qint64 entityId = 0;
    ClientId client;
    QString workstation;
    QString detail;
};

} // namespace aftercare
