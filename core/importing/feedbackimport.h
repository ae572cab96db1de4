#pragma once

#include "domain/ids.h"
#include "importing/rowimport.h"

#include <QHash>
#include <QSqlQuery>

#include <utility>

namespace aftercare {

class ImportContext;

// feedback.csv: survey answers, keyed by (client, kind, responded_at); an answer already
// stored under that key is updated when its score, comment or appointment differ.
class FeedbackImport : public RowImport
{
    Q_DECLARE_TR_FUNCTIONS(FeedbackImport)

public:
    explicit FeedbackImport(ImportContext& context);

    QString entity() const override { return QStringLiteral("feedback"); }
    Status begin(const CsvTable& table) override;
    Status row(const CsvRecord& record, qint64 bytePosition) override;

private:
    Status loadExisting();

    ImportContext& m_context;
    CsvColumn m_client, m_appointment, m_kind, m_score, m_respondedAt, m_comment;
    QHash<QString, FeedbackId> m_existing;             // key -> stored answer
    QHash<QString, std::pair<qint64, QString>> m_seen; // key -> line, fingerprint
    QSqlQuery m_insert, m_update;
};

} // namespace aftercare
