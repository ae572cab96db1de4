#include "worklistmodel.h"

#include "common/displayformat.h"
#include "common/vocabularytext.h"
#include "domain/followuptask.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace aftercare::ui {

WorklistModel::WorklistModel(Database& database, QObject* parent)
    : QAbstractTableModel(parent)
    , m_worklist(database)
{}

Status WorklistModel::load(const WorklistQuery& query)
{
    m_query = query;
    m_query.sort = m_sort;
    m_query.descending = m_descending;
    m_loaded = true;
    m_query.offset = 0;
    m_query.limit = kPageSize;
    // One "now" for every page, so that paging does not shift rows between pages.
    if (!m_query.now.isValid())
        m_query.now = QDateTime::currentDateTime();
    auto counts = m_worklist.counts(m_query);
    auto rows = counts ? m_worklist.rows(m_query) : Result<std::vector<WorklistRow>>();
    beginResetModel();
    m_rows.clear();
    m_counts = {};
    m_exhausted = true;
    if (counts && rows) {
        m_counts = *counts;
        m_rows = std::move(*rows);
        m_exhausted = static_cast<qint64>(m_rows.size()) >= m_counts.total;
    }
    endResetModel();
    if (!counts) {
        emit loadFailed(counts.error().message);
        return std::unexpected(counts.error());
    }
    if (!rows) {
        emit loadFailed(rows.error().message);
        return std::unexpected(rows.error());
    }
    return {};
}

const WorklistRow* WorklistModel::rowAt(int row) const
{
    if (row < 0 || row >= static_cast<int>(m_rows.size()))
        return nullptr;
    return &m_rows[static_cast<size_t>(row)];
}

int WorklistModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int WorklistModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant WorklistModel::data(const QModelIndex& index, int role) const
{
    const WorklistRow* row = index.isValid() ? rowAt(index.row()) : nullptr;
    if (!row || index.column() >= ColumnCount)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (static_cast<Column>(index.column())) {
        case PriorityColumn:
            return taskPriorityName(row->priority);
        case ClientColumn:
            return row->clientName;
        case WhyColumn:
            return tr("%1 — %2").arg(row->kindText, row->reason);
        case DueColumn:
            return appointmentTimeText(row->dueAt);
        case DeadlineColumn:
            return appointmentTimeText(row->deadlineAt);
        case OverdueColumn:
            return row->overdue ? tr("overdue") : QString();
        case AttemptsColumn:
            return row->attempts;
        case AssigneeColumn:
            return row->assigneeName.isEmpty() ? tr("nobody yet") : row->assigneeName;
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == WhyColumn)
            return tr("%1 — %2").arg(row->kindText, row->reason);
        if (index.column() == ClientColumn)
            return phoneText(row->phone);
        return {};
    case Qt::FontRole:
        if (row->overdue ||
            (index.column() == PriorityColumn && row->priority == FollowUpTask::kHighestPriority)) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::ForegroundRole:
        if (row->overdue && index.column() == OverdueColumn)
            return QBrush(Qt::white);
        if (row->overdue && index.column() == DeadlineColumn)
            return QBrush(QColor(0xb0, 0x1c, 0x1c));
        return {};
    case Qt::BackgroundRole:
        if (row->overdue && index.column() == OverdueColumn)
            return QBrush(QColor(0xc6, 0x28, 0x28));
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == AttemptsColumn || index.column() == OverdueColumn)
            return int(Qt::AlignCenter);
        return {};
    case TaskIdRole:
        return qlonglong(row->task.value());
    case OverdueRole:
        return row->overdue;
    case PriorityRole:
        return row->priority;
    default:
        return {};
    }
}

QVariant WorklistModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case PriorityColumn:
        return tr("Priority");
    case ClientColumn:
        return tr("Client");
    case WhyColumn:
        return tr("Why");
    case DueColumn:
        return tr("Due");
    case DeadlineColumn:
        return tr("Deadline");
    case OverdueColumn:
        return tr("Overdue");
    case AttemptsColumn:
        return tr("Attempts");
    case AssigneeColumn:
        return tr("Assignee");
    default:
        return {};
    }
}

bool WorklistModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_exhausted;
}

void WorklistModel::fetchMore(const QModelIndex& parent)
{
    if (parent.isValid() || m_exhausted)
        return;
    WorklistQuery next = m_query;
    next.offset = static_cast<int>(m_rows.size());
    auto rows = m_worklist.rows(next);
    if (!rows) {
        m_exhausted = true;
        emit loadFailed(rows.error().message);
        return;
    }
    if (rows->empty()) {
        m_exhausted = true;
        return;
    }
    const int first = static_cast<int>(m_rows.size());
    beginInsertRows({}, first, first + static_cast<int>(rows->size()) - 1);
    for (auto& row : *rows)
        m_rows.push_back(std::move(row));
    endInsertRows();
    m_exhausted = static_cast<qint64>(m_rows.size()) >= m_counts.total;
}

WorklistSort WorklistModel::sortOf(int column)
{
    switch (static_cast<Column>(column)) {
    case PriorityColumn:
        return WorklistSort::Priority;
    case ClientColumn:
        return WorklistSort::Client;
    case WhyColumn:
        return WorklistSort::Kind;
    case DueColumn:
        return WorklistSort::Due;
    case DeadlineColumn:
    case OverdueColumn:
        return WorklistSort::Deadline;
    case AttemptsColumn:
        return WorklistSort::Attempts;
    case AssigneeColumn:
        return WorklistSort::Assignee;
    case ColumnCount:
        break;
    }
    return WorklistSort::Priority;
}

void WorklistModel::sort(int column, Qt::SortOrder order)
{
    const WorklistSort sort = sortOf(column);
    const bool descending = order == Qt::DescendingOrder;
    if (sort == m_sort && descending == m_descending)
        return;
    m_sort = sort;
    m_descending = descending;
    if (m_loaded) // before the first load, the order waits for it
        reload();
}

} // namespace aftercare::ui
