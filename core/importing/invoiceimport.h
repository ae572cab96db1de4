#pragma once

#include "domain/ids.h"
#include "importing/rowimport.h"

#include <QDateTime>
#include <QHash>
#include <QSqlQuery>

#include <utility>

namespace aftercare {

class ImportContext;

// invoices.csv: each row is an invoice with one line for its amount, issued (or paid, with a
// payment of the whole amount, when paid_at is given). An unpaid stored invoice that differs
// from the file is updated; a paid or void one is never changed by an import.
class InvoiceImport : public RowImport
{
    Q_DECLARE_TR_FUNCTIONS(InvoiceImport)

public:
    explicit InvoiceImport(ImportContext& context);

    QString entity() const override { return QStringLiteral("invoices"); }
    Status begin(const CsvTable& table) override;
    Status row(const CsvRecord& record, qint64 bytePosition) override;

private:
    struct Stored
    {
        InvoiceId id;
        ClientId client;
        AppointmentId appointment;
        qint64 totalCents = 0;
        QDateTime issuedAt;
        QDateTime dueAt;
        QDateTime paidAt;
        bool settled = false; // paid, void or with payments: never changed by an import
    };

    Status loadStored();
    Status prepareStatements();

    ImportContext& m_context;
    CsvColumn m_externalId, m_client, m_appointment, m_amount, m_issuedAt, m_dueAt, m_paidAt;
    QHash<QString, Stored> m_stored;
    QHash<QString, std::pair<qint64, QString>> m_seen; // external_id -> line, fingerprint
    QSqlQuery m_insertInvoice, m_insertLine, m_insertPayment, m_updateInvoice, m_deleteLines;
};

} // namespace aftercare
