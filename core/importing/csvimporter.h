#pragma once

#include "auth/actor.h"
#include "error.h"
#include "importing/importkind.h"
#include "importing/importoptions.h"
#include "importing/importsummary.h"

#include <QTimeZone>

#include <memory>

class QIODevice;

namespace aftercare {

class Database;
class ImportContext;
class RowImport;

// Imports one of the five CSV files of docs/import.md into the practice's database. All valid rows
// are written in one transaction; each rejected row is listed in the summary with its line
// and reason and does not stop the others. A file the importer cannot read at all (no
// header, a required column missing, not UTF-8) or a database failure returns an error and
// leaves the database unchanged. Importing the same file again changes nothing.
class CsvImporter
{
    Q_DECLARE_TR_FUNCTIONS(CsvImporter)

public:
    CsvImporter(Database& database, Actor actor);

    // Reads the whole of input (opened for reading here when it is not open yet).
    Result<ImportSummary> import(ImportKind kind, QIODevice& input,
                                 const ImportOptions& options = {});
    Result<ImportSummary> importFile(ImportKind kind, const QString& path,
                                     const ImportOptions& options = {});

    // The columns a file of that kind must have in its header.
    static QStringList requiredColumns(ImportKind kind);

private:
    // The dry run or the write transaction around run().
    Result<ImportSummary> transact(ImportKind kind, const QByteArray& data,
                                   const ImportOptions& options, const QTimeZone& zone,
                                   const QString& sourceName);
    // The statements of a run are released only after its transaction ended (PostgreSQL
    // cannot release them inside a failed one), so the caller owns what run() builds.
    struct Run
    {
        ImportSummary summary;
        std::unique_ptr<ImportContext> context;
        std::unique_ptr<RowImport> rows;
        ~Run();
    };
    Result<ImportSummary> run(Run& current, ImportKind kind, const QByteArray& data,
                              const ImportOptions& options, const QTimeZone& zone,
                              const QString& sourceName);
    QTimeZone practiceZone(const ImportOptions& options) const;
    static std::unique_ptr<RowImport> rowImport(ImportKind kind, ImportContext& context);

    Database& m_database;
    Actor m_actor;
};

} // namespace aftercare
