#include "importing/csvimporter.h"

#include "aftercare/followupplanner.h"
#include "auth/permissions.h"
#include "database/database.h"
#include "importing/appointmentimport.h"
#include "importing/clientimport.h"
#include "importing/csvreader.h"
#include "importing/csvtable.h"
#include "importing/feedbackimport.h"
#include "importing/importcontext.h"
#include "importing/invoiceimport.h"
#include "importing/resultimport.h"
#include "repositories/practicesettingsrepository.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <utility>
#include <vector>

namespace aftercare {

namespace {

bool isBlank(const CsvRecord& record)
{
    return std::all_of(record.fields.cbegin(), record.fields.cend(),
                       [](const QString& field) { return field.trimmed().isEmpty(); });
}

bool causesFollowUps(ImportKind kind)
{
    return kind == ImportKind::Appointments || kind == ImportKind::Results ||
           kind == ImportKind::Feedback;
}

} // namespace

CsvImporter::CsvImporter(Database& database, Actor actor)
    : m_database(database)
    , m_actor(std::move(actor))
{}

QStringList CsvImporter::requiredColumns(ImportKind kind)
{
    switch (kind) {
    case ImportKind::Clients:
        return {QStringLiteral("external_id"), QStringLiteral("first_name"),
                QStringLiteral("last_name")};
    case ImportKind::Appointments:
        return {QStringLiteral("external_id"),  QStringLiteral("client"),
                QStringLiteral("practitioner"), QStringLiteral("service"),
                QStringLiteral("start"),        QStringLiteral("status")};
    case ImportKind::Feedback:
        return {QStringLiteral("client"), QStringLiteral("kind"), QStringLiteral("score"),
                QStringLiteral("responded_at")};
    case ImportKind::Results:
        return {QStringLiteral("client"), QStringLiteral("test"), QStringLiteral("received_at")};
    case ImportKind::Invoices:
        return {QStringLiteral("external_id"), QStringLiteral("client"), QStringLiteral("amount"),
                QStringLiteral("issued_at")};
    }
    return {};
}

std::unique_ptr<RowImport> CsvImporter::rowImport(ImportKind kind, ImportContext& context)
{
    switch (kind) {
    case ImportKind::Clients:
        return std::make_unique<ClientImport>(context);
    case ImportKind::Appointments:
        return std::make_unique<AppointmentImport>(context);
    case ImportKind::Feedback:
        return std::make_unique<FeedbackImport>(context);
    case ImportKind::Results:
        return std::make_unique<ResultImport>(context);
    case ImportKind::Invoices:
        return std::make_unique<InvoiceImport>(context);
    }
    return {};
}

Result<ImportSummary> CsvImporter::importFile(ImportKind kind, const QString& path,
                                              const ImportOptions& options)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(Error::io(tr("Cannot open %1: %2").arg(path, file.errorString())));
    return import(kind, file, options);
}

Result<ImportSummary> CsvImporter::import(ImportKind kind, QIODevice& input,
                                          const ImportOptions& options)
{
    if (auto allowed = Permissions::require(m_actor, Permission::ManagePractice); !allowed)
        return fail(allowed.error());
    if (!input.isOpen() && !input.open(QIODevice::ReadOnly))
        return fail(Error::io(tr("Cannot open the file to import: %1").arg(input.errorString())));
    // The whole file is held in memory: the transaction may have to be run again after a
    // busy database, and a file of 100 000 rows is a few megabytes.
    const QByteArray data = input.readAll();
    if (const qint64 line = CsvReader::firstInvalidUtf8Line(data); line > 0)
        return fail(
            Error::validation(tr("Line %1 is not UTF-8 text; nothing was imported. Save the "
                                 "file as \"CSV UTF-8\" and import it again.")
                                  .arg(line)));

    QString sourceName = options.sourceName;
    if (sourceName.isEmpty())
        if (auto* file = qobject_cast<QFile*>(&input))
            sourceName = QFileInfo(file->fileName()).fileName();
    if (sourceName.isEmpty())
        sourceName = importKindName(kind) + QStringLiteral(".csv");
    const QTimeZone zone = practiceZone(options);

    // SQLite settings of this connection for the long transaction, put back afterwards:
    // statement journals in memory (one per row written; in a temporary file that costs a
    // dozen writes per row, in memory next to nothing), and a big page cache, because every
    // row lands at its own place in each index of a large table and the default 2 MB cache
    // spills and re-reads pages all the time (a third of the rows per second on the
    // reference practice; docs/benchmarks-notes.md).
    std::vector<std::pair<QString, QVariant>> restore;
    if (m_database.isSqlite()) {
        for (const auto& [pragma, value] :
             {std::pair{QStringLiteral("temp_store"), QStringLiteral("MEMORY")},
              std::pair{QStringLiteral("cache_size"), QStringLiteral("-262144")}}) {
            auto current = m_database.scalar(QStringLiteral("PRAGMA ") + pragma);
            if (current && current->isValid() &&
                m_database.executeScript(QStringLiteral("PRAGMA %1 = %2").arg(pragma, value)))
                restore.emplace_back(pragma, *current);
        }
    }
    auto summary = transact(kind, data, options, zone, sourceName);
    for (const auto& [pragma, value] : restore)
        (void)m_database.executeScript(
            QStringLiteral("PRAGMA %1 = %2").arg(pragma).arg(value.toLongLong()));
    return summary;
}

Result<ImportSummary> CsvImporter::transact(ImportKind kind, const QByteArray& data,
                                            const ImportOptions& options, const QTimeZone& zone,
                                            const QString& sourceName)
{
    std::unique_ptr<Run> current;
    if (options.dryRun) {
        auto transaction = m_database.begin();
        if (!transaction)
            return fail(transaction.error());
        current = std::make_unique<Run>();
        auto summary = run(*current, kind, data, options, zone, sourceName);
        transaction->rollback();
        return summary;
    }
    return m_database.write([&](TransactionGuard& tx) -> Result<ImportSummary> {
        current = std::make_unique<Run>(); // a retry starts afresh
        auto summary = run(*current, kind, data, options, zone, sourceName);
        if (!summary || !causesFollowUps(kind))
            return summary;
        // Completed visits, results and answers are reasons for after-care work: planned with
        // the rows, in their transaction, as the desk's own entries are.
        auto planned = FollowUpPlanner(m_database).onImported(tx, m_actor, current->context->now());
        if (!planned)
            return fail(planned.error());
        summary->tasksPlanned = qint64(planned->created.size());
        return summary;
    });
}

CsvImporter::Run::~Run()
{
    rows.reset(); // it refers to the context
}

QTimeZone CsvImporter::practiceZone(const ImportOptions& options) const
{
    if (options.practiceZone.isValid())
        return options.practiceZone;
    auto setting = PracticeSettingsRepository(m_database).setting(PracticeSetting::kTimezone);
    if (setting && !setting->trimmed().isEmpty()) {
        const QTimeZone zone(setting->trimmed().toUtf8());
        if (zone.isValid())
            return zone;
    }
    return QTimeZone::systemTimeZone();
}

Result<ImportSummary> CsvImporter::run(Run& current, ImportKind kind, const QByteArray& data,
                                       const ImportOptions& options, const QTimeZone& zone,
                                       const QString& sourceName)
{
    ImportSummary& summary = current.summary;
    summary.kind = kind;
    summary.dryRun = options.dryRun;
    current.context =
        std::make_unique<ImportContext>(m_database, m_actor, options, zone, sourceName, summary);
    ImportContext& context = *current.context;
    CsvReader reader(data);
    context.setBytesTotal(reader.size());

    CsvRecord record;
    bool haveHeader = false;
    while (!haveHeader && reader.next(record))
        haveHeader = !record.error.isEmpty() || !isBlank(record);
    if (!haveHeader)
        return fail(Error::validation(
            tr("The file is empty: it has no header row; nothing was imported.")));
    auto table = CsvTable::fromHeader(record, requiredColumns(kind));
    if (!table)
        return fail(table.error());

    current.rows = rowImport(kind, context);
    RowImport* rows = current.rows.get();
    if (auto ready = rows->begin(*table); !ready)
        return fail(ready.error());
    while (reader.next(record)) {
        if (record.error.isEmpty() && isBlank(record))
            continue; // blank lines and rows of empty cells, as spreadsheets leave them
        ++summary.rows;
        if (!record.error.isEmpty()) {
            context.reject(record.line, record.error);
            context.rowDone(reader.position());
        } else if (record.fields.size() != table->columnCount()) {
            context.reject(record.line, tr("The row has %1 fields, but the header row has %2 (is a "
                                           "comma inside a value not enclosed in quotes?).")
                                            .arg(record.fields.size())
                                            .arg(table->columnCount()));
            context.rowDone(reader.position());
        } else if (auto handled = rows->row(record, reader.position()); !handled) {
            return fail(handled.error());
        }
    }
    if (auto finished = rows->finish(); !finished)
        return fail(finished.error());

    std::stable_sort(summary.rejected.begin(), summary.rejected.end(),
                     [](const RejectedRow& a, const RejectedRow& b) { return a.line < b.line; });
    if (!options.dryRun)
        if (auto audited = context.recordAudit(rows->entity()); !audited)
            return fail(audited.error());
    context.finishProgress();
    return summary;
}

} // namespace aftercare
