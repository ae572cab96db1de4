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
// only formats. Most urgent first (priority, then deadline) until a header is clicked.
class WorklistModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        PriorityColumn,
        ClientColumn,
        WhyColumn, // as wide as its text: what the line is about
        DeadlineColumn,
        OverdueColumn,
        AttemptsColumn,
        AssigneeColumn,
        DueColumn,
        ColumnCount
    };
    enum Role
    {
        TaskIdRole = Qt::UserRole + 1,
        OverdueRole,
        PriorityRole, // 1 most urgent ... 4
    };
    static constexpr int kPageSize = 50;

    explicit WorklistModel(Database& database, QObject* parent = nullptr);

    // Replaces the rows with the first page of the query (its limit and offset are ignored,
    // and its order is the model's own: see sort()).
    Status load(const WorklistQuery& query);
    Status reload() { return load(m_query); }
    const WorklistRow* rowAt(int row) const;
    const WorklistCounts& counts() const { return m_counts; }
    const WorklistQuery& query() const { return m_query; }
    // The order a column's header sorts by.
    static WorklistSort sortOf(int column);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    // Orders the whole list in SQL (not only the rows loaded so far) and reloads.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

signals:
    void loadFailed(const QString& message);

private:
    Worklist m_worklist;
    WorklistQuery m_query;
    WorklistSort m_sort = WorklistSort::Priority;
    bool m_descending = false;
    bool m_loaded = false;
    WorklistCounts m_counts;
    std::vector<WorklistRow> m_rows;
    bool m_exhausted = true;
};

} // namespace aftercare::ui
