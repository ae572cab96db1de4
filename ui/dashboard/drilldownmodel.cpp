#include "drilldownmodel.h"

#include "common/displayformat.h"
#include "metrics/metricresults.h"
#include "report/csvtablewriter.h"
#include "report/reportpdfrenderer.h"

namespace aftercare::ui {

DrilldownModel::DrilldownModel(const Database& database, const Actor& actor, QObject* parent)
    : QAbstractTableModel(parent)
    , m_drilldown(database, actor)
{}

void DrilldownModel::setQuery(const DrilldownQuery& query)
{
    m_changing = true;
    beginResetModel();
    m_query = query;
    m_rows.clear();
    m_total = 0;
    m_error.reset();
    auto total = m_drilldown.count(query);
    if (total)
        m_total = *total;
    else
        m_error = total.error();
    endResetModel();
    m_changing = false;
}

int DrilldownModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DrilldownModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool DrilldownModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_changing && !m_error && qint64(m_rows.size()) < m_total;
}

void DrilldownModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    auto page = m_drilldown.rows(m_query, qint64(m_rows.size()), kPageSize);
    if (!page) {
        // Rows already shown stay; the list stops growing and says why.
        m_error = page.error();
        return;
    }
    if (page->empty()) {
        m_total = qint64(m_rows.size()); // rows went away since the count
        return;
    }
    const int first = int(m_rows.size());
    m_changing = true;
    beginInsertRows({}, first, first + int(page->size()) - 1);
    for (DrilldownRow& row : *page)
        m_rows.push_back(std::move(row));
    endInsertRows();
    m_changing = false;
}

QString DrilldownModel::detailText(const DrilldownRow& row) const
{
    if (row.met)
        return *row.met ? tr("done on time") : tr("late or not done");
    if (row.category == QLatin1String("promoter"))
        return tr("promoter");
    if (row.category == QLatin1String("passive"))
        return tr("passive");
    if (row.category == QLatin1String("detractor"))
        return tr("detractor");
    if (row.category == kUnknownReferralSource && m_query.subject == DrilldownSubject::NewClients)
        return tr("referral source not recorded");
    return row.category;
}

QString DrilldownModel::cellText(const DrilldownRow& row, int column) const
{
    switch (column) {
    case ClientColumn:
        return row.clientName;
    case WhenColumn:
        return row.when.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    case ScoreColumn:
        return row.score ? QString::number(*row.score) : QString();
    case PractitionerColumn:
        return row.practitioner;
    case ServiceColumn:
        return row.service;
    case DetailColumn:
        if (m_query.subject == DrilldownSubject::SlaTasks) {
            const auto kind = parseSqlName<TaskKind>(row.category);
            const QString kindText = kind ? ReportPdfRenderer::taskKindText(*kind) : row.category;
            return tr("%1: %2").arg(kindText, detailText(row));
        }
        return detailText(row);
    }
    return {};
}

void DrilldownModel::sort(int column, Qt::SortOrder order)
{
    DrilldownQuery query = m_query;
    switch (column) {
    case ClientColumn:
        query.order = DrilldownOrder::Client;
        break;
    case WhenColumn:
        query.order = DrilldownOrder::When;
        break;
    case ScoreColumn:
        query.order = DrilldownOrder::Score;
        break;
    case PractitionerColumn:
        query.order = DrilldownOrder::Practitioner;
        break;
    case ServiceColumn:
        query.order = DrilldownOrder::Service;
        break;
    case DetailColumn:
        query.order = DrilldownOrder::Detail;
        break;
    default:
        return;
    }
    query.descending = order == Qt::DescendingOrder;
    if (query.order == m_query.order && query.descending == m_query.descending)
        return;
    setQuery(query);
    if (canFetchMore({}))
        fetchMore({});
}

Result<QByteArray> DrilldownModel::csv(const QList<int>& columns) const
{
    QStringList headers;
    for (int column : columns)
        headers << headerData(column, Qt::Horizontal).toString();
    std::vector<QStringList> lines;
    for (qint64 offset = 0;;) {
        auto page = m_drilldown.rows(m_query, offset, kExportPageSize);
        if (!page)
            return fail(page.error());
        for (const DrilldownRow& row : *page) {
            QStringList cells;
            for (int column : columns)
                cells << cellText(row, column);
            lines.push_back(std::move(cells));
        }
        if (int(page->size()) < kExportPageSize)
            break;
        offset += qint64(page->size());
    }
    return CsvTableWriter::toCsv(headers, lines);
}

QVariant DrilldownModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const DrilldownRow& row = m_rows[std::size_t(index.row())];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case ClientColumn:
            return row.clientName;
        case WhenColumn:
            return appointmentTimeText(row.when);
        case ScoreColumn:
            return row.score ? QVariant(*row.score) : QVariant();
        case PractitionerColumn:
            return row.practitioner;
        case ServiceColumn:
            return row.service;
        case DetailColumn:
            return cellText(row, index.column());
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() == ScoreColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant DrilldownModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ClientColumn:
        return tr("Client");
    case WhenColumn:
        switch (m_query.subject) {
        case DrilldownSubject::CsatResponses:
        case DrilldownSubject::NpsResponses:
            return tr("Answered");
        case DrilldownSubject::LapsedClients:
            return tr("Last visit");
        case DrilldownSubject::SlaTasks:
            return tr("Deadline");
        default:
            return tr("Appointment");
        }
    case ScoreColumn:
        return tr("Score");
    case PractitionerColumn:
        return tr("Practitioner");
    case ServiceColumn:
        return tr("Service");
    case DetailColumn:
        return tr("Detail");
    }
    return {};
}

} // namespace aftercare::ui
