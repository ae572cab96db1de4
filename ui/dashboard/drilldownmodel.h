#pragma once

#include "metrics/metricdrilldown.h"

#include <QAbstractTableModel>

#include <vector>

namespace aftercare::ui {

// The rows behind a figure, read a page at a time as the view scrolls (fetchMore): the count
// and the order come from SQL, so a list of thousands opens at once.
class DrilldownModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        ClientColumn,
        WhenColumn,
        ScoreColumn,
        PractitionerColumn,
        ServiceColumn,
        DetailColumn,
        ColumnCount
    };
    static constexpr int kPageSize = 200;
    static constexpr int kExportPageSize = 1000; // the most MetricDrilldown::rows() gives

    DrilldownModel(const Database& database, const Actor& actor, QObject* parent = nullptr);

    // Lists the rows of query from the start; an error (e.g. the role may not see them) is
    // kept in error() and leaves the list empty.
    void setQuery(const DrilldownQuery& query);
    qint64 totalRows() const { return m_total; }
    const Error* error() const { return m_error ? &*m_error : nullptr; }
    const DrilldownRow& rowAt(int row) const { return m_rows[std::size_t(row)]; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    // Sorted in SQL (DrilldownOrder), the list read again from its first page.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // Every row of the list in its current order (not only those read so far), columns as
    // the view shows them, dates in ISO form: the CSV a spreadsheet opens.
    Result<QByteArray> csv(const QList<int>& columns) const;

private:
    QString detailText(const DrilldownRow& row) const;
    QString cellText(const DrilldownRow& row, int column) const;

    MetricDrilldown m_drilldown;
    DrilldownQuery m_query;
    std::vector<DrilldownRow> m_rows;
    qint64 m_total = 0;
    std::optional<Error> m_error;
    // While rows are reset or inserted, views reacting to the signal must not fetch (the
    // change would nest in the one being announced).
    bool m_changing = false;
};

} // namespace aftercare::ui
