#pragma once

#include "importing/activebookings.h"
#include "importing/rowimport.h"

#include <QHash>
#include <QSqlQuery>

#include <utility>

namespace aftercare {

class ImportContext;

// appointments.csv, written row by row with statements prepared once. History (completed,
// cancelled, no_show) is imported as it was; an active booking that overlaps another one of
// the same practitioner is rejected, naming that booking. A practitioner or service named for
// the first time is created (a service takes this appointment's length and price).
class AppointmentImport : public RowImport
{
    Q_DECLARE_TR_FUNCTIONS(AppointmentImport)

public:
    explicit AppointmentImport(ImportContext& context);

    QString entity() const override { return QStringLiteral("appointments"); }
    Status begin(const CsvTable& table) override;
    Status row(const CsvRecord& record, qint64 bytePosition) override;

private:
    ImportContext& m_context;
    CsvColumn m_externalId, m_client, m_practitioner, m_service, m_start, m_end, m_duration,
        m_status, m_price, m_createdAt, m_cancelledAt;
    ActiveBookings m_bookings;
    QHash<QString, std::pair<qint64, QString>> m_seen; // external_id -> line, fingerprint
    QSqlQuery m_insert, m_update;
};

} // namespace aftercare
