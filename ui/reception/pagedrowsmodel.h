#pragma once

#include "error.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <algorithm>
#include <functional>
#include <vector>

namespace aftercare::ui {

// A desk list read a page at a time: the first page when it is (re)loaded, the next one only
// when the view scrolls to the end. Which rows and in what order is the query's business (in
// core, in SQL); the owner says how a row looks in each column.
template <typename Row> class PagedRowsModel : public QAbstractTableModel
{
public:
    static constexpr int kPageSize = 50;
    using Fetch = std::function<Result<std::vector<Row>>(int limit, int offset)>;
    using Cell = std::function<QVariant(const Row& row, int column, int role)>;

    PagedRowsModel(QStringList headers, Cell cell, QObject* parent = nullptr)
        : QAbstractTableModel(parent)
        , m_headers(std::move(headers))
        , m_cell(std::move(cell))
    {}

    // Replaces the rows with the first page of fetch, or with as many pages as hold the
    // first atLeast rows (to keep a row further down in view).
    Status reload(Fetch fetch, int atLeast = 0)
    {
        m_fetch = std::move(fetch);
        const int pages = std::max(1, (atLeast + kPageSize - 1) / kPageSize);
        auto first = m_fetch(pages * kPageSize, 0);
        m_changing = true;
        beginResetModel();
        m_rows.clear();
        m_exhausted = true;
        if (first) {
            m_rows = std::move(*first);
            m_exhausted = int(m_rows.size()) < pages * kPageSize;
        }
        endResetModel();
        m_changing = false;
        return first ? Status{} : fail(first.error());
    }

    const Row* rowAt(int row) const
    {
        return row >= 0 && row < int(m_rows.size()) ? &m_rows[size_t(row)] : nullptr;
    }

    int rowCount(const QModelIndex& parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_rows.size());
    }
    int columnCount(const QModelIndex& parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_headers.size());
    }
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override
    {
        const Row* row =
            index.isValid() && index.column() < columnCount() ? rowAt(index.row()) : nullptr;
        return row ? m_cell(*row, index.column(), role) : QVariant();
    }
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override
    {
        if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section >= 0 &&
            section < int(m_headers.size()))
            return m_headers.at(section);
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    bool canFetchMore(const QModelIndex& parent) const override
    {
        return !parent.isValid() && !m_changing && !m_exhausted && m_fetch;
    }
    void fetchMore(const QModelIndex& parent) override
    {
        if (!canFetchMore(parent))
            return;
        auto next = m_fetch(kPageSize, int(m_rows.size()));
        if (!next || next->empty()) {
            m_exhausted = true;
            return;
        }
        m_exhausted = int(next->size()) < kPageSize;
        m_changing = true;
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + next->size()) - 1);
        m_rows.insert(m_rows.end(), std::make_move_iterator(next->begin()),
                      std::make_move_iterator(next->end()));
        endInsertRows();
        m_changing = false;
    }

private:
    QStringList m_headers;
    Cell m_cell;
    Fetch m_fetch;
    std::vector<Row> m_rows;
    bool m_exhausted = true;
    // Views (and QAbstractItemModelTester) may ask for more while a change is announced.
    bool m_changing = false;
};

} // namespace aftercare::ui
