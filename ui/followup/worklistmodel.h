#pragma once

#include "aftercare/worklist.h"
#include "error.h"

#include <QAbstractTableModel>

#include <vector>

namespace aftercare {
class Database;
}

namespace aftercare::ui {

// The clinician's worklist, lazily: the first page of open tasks for a query, the next page
// only when the view scrolls to the end. Order and filters are the Worklist's SQL; the model
// only formats.
class WorklistModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        ClientColumn,
        WhyColumn,
        DueColumn,
        DeadlineColumn,
        OverdueColumn,
        AttemptsColumn,
        AssigneeColumn,
        ColumnCount
    };
    enum Role
    {
        TaskIdRole = Qt::UserRole + 1,
        OverdueRole,
    };
    static constexpr int kPageSize = 50;

    explicit WorklistModel(Database& database, QObject* parent = nullptr);

    // Replaces the rows with the first page of the query (its limit and offset are ignored).
    Status load(const WorklistQuery& query);
    Status reload() { return load(m_query); }
    const WorklistRow* rowAt(int row) const;
    const WorklistCounts& counts() const { return m_counts; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

signals:
    void loadFailed(const QString& message);

private:
    Worklist m_worklist;
    WorklistQuery m_query;
    WorklistCounts m_counts;
    std::vector<WorklistRow> m_rows;
    bool m_exhausted = true;
};

} // namespace aftercare::ui
