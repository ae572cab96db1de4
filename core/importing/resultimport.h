#pragma once

#include "domain/ids.h"
#include "importing/rowimport.h"

#include <QDateTime>
#include <QHash>
#include <QSqlQuery>

#include <optional>
#include <vector>

namespace aftercare {

class ImportContext;

// results.csv: one value per row; the rows sharing client, test and received_at are one
// result with several values, in file order. A result is imported whole or not at all: when
// one of its rows is rejected, so are the others. A stored result that differs from the file
// is replaced only while it is still unreviewed; a reviewed one is never changed.
// Summary counts (created, updated, unchanged) count results, not rows.
class ResultImport : public RowImport
{
    Q_DECLARE_TR_FUNCTIONS(ResultImport)

public:
    explicit ResultImport(ImportContext& context);
    ~ResultImport() override;

    QString entity() const override { return QStringLiteral("test_results"); }
    Status begin(const CsvTable& table) override;
    Status row(const CsvRecord& record, qint64 bytePosition) override;
    Status finish() override;

private:
    struct Value
    {
        std::optional<double> numeric;
        QString text; // when the value is not a number ("negative", "<0.5")
        QString unit;
        std::optional<double> low;
        std::optional<double> high;
        std::optional<bool> abnormal;
        friend bool operator==(const Value&, const Value&) = default;
    };
    struct Line
    {
        qint64 line = 0;
        qint64 bytePosition = 0;
        bool rejected = false;
    };
    struct Group
    {
        ClientId client;
        QString clientKey;
        QString test;
        QDateTime receivedAt;
        QString summary;
        qint64 summaryLine = 0;
        bool flaggedAbnormal = false; // a row without a value saying abnormal = yes
        std::vector<Value> values;
        std::vector<Line> lines;
        qint64 brokenLine = 0; // a row of this result that was rejected
    };
    struct Stored
    {
        ResultId id;
        bool abnormal = false;
        QString summary;
        bool reviewed = false;
        std::vector<Value> values;
    };

    Status loadStored();
    Status prepareStatements();
    void rejectGroup(Group& group, const QString& reason);
    Status writeValues(ResultId id, const Group& group);

    ImportContext& m_context;
    CsvColumn m_client, m_test, m_receivedAt, m_value, m_unit, m_low, m_high, m_abnormal, m_summary;
    std::vector<Group> m_groups;
    QHash<QString, std::size_t> m_groupByKey;
    QHash<QString, Stored> m_stored;
    QSqlQuery m_insertResult, m_insertValue, m_updateResult, m_deleteValues;
};

} // namespace aftercare
