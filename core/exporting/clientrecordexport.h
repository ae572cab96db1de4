#pragma once

#include "auth/actor.h"
#include "error.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace aftercare {

class Database;

// A client's whole record as one JSON document: details, consents, appointments, touchpoints,
// feedback, invoices with their lines and payments, and results with their values and
// summaries — what a client may ask to be given, or another practice to be sent. It holds
// clinical content, so only a clinician may make it, and it is audited like a view: one
// "client.export" row for the record, and one "result.view" row per result read
// (ResultRepository::content).
class ClientRecordExport
{
    Q_DECLARE_TR_FUNCTIONS(ClientRecordExport)

public:
    explicit ClientRecordExport(Database& database);

    // The record of the client with this external id, as indented UTF-8 JSON. now stamps the
    // document and divides appointments into past and upcoming.
    Result<QByteArray> toJson(const QString& externalId, const Actor& actor, const QDateTime& now);

    static constexpr const char* kExportAction = "client.export";
    static constexpr int kFormatVersion = 1;

private:
    Database& m_database;
};

} // namespace aftercare
