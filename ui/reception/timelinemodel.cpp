#include "reception/timelinemodel.h"

#include "common/displayformat.h"
#include "common/vocabularytext.h"
#include "repositories/touchpointrepository.h"

namespace aftercare::ui {

namespace {

QString channelText(Channel channel)
{
    switch (channel) {
    case Channel::InPerson:
        return TimelineModel::tr("In person");
    case Channel::Phone:
        return TimelineModel::tr("Phone");
    case Channel::Email:
        return TimelineModel::tr("E-mail");
    case Channel::Sms:
        return TimelineModel::tr("SMS");
    case Channel::Letter:
        return TimelineModel::tr("Letter");
    }
    return {};
}

} // namespace

TimelineModel::TimelineModel(Database& database, QObject* parent)
    : QAbstractTableModel(parent)
    , m_database(database)
{}

QString TimelineModel::kindText(const QString& kind)
{
    return touchpointKindName(kind);
}

QString TimelineModel::outcomeText(const Touchpoint& t)
{
    const QString outcome = touchpointOutcomeText(t.kind, t.outcome);
    // A note already written as the outcome (as imported histories do) is said once.
    if (t.notes.isEmpty() || t.notes == t.outcome)
        return outcome;
    return outcome.isEmpty() ? t.notes : tr("%1 — %2").arg(outcome, t.notes);
}

Result<std::vector<Touchpoint>> TimelineModel::page(int offset) const
{
    TouchpointRepository touchpoints(m_database);
    return m_reader ? touchpoints.timeline(*m_reader, m_client, kPageSize, offset)
                    : touchpoints.timeline(m_client, kPageSize, offset);
}

void TimelineModel::showClient(ClientId client, qint64 total, QHash<qint64, QString> userNames)
{
    beginResetModel();
    m_client = client;
    m_total = total;
    m_failed = false;
    m_userNames = std::move(userNames);
    m_rows.clear();
    // The first page comes with the reset: one signal for the view instead of two.
    if (m_client.isValid() && m_total > 0) {
        if (auto first = page(0))
            m_rows = std::move(*first);
        else
            m_failed = true;
    }
    endResetModel();
}

int TimelineModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TimelineModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TimelineModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Touchpoint& t = m_rows[size_t(index.row())];
    if (role == Qt::ToolTipRole && index.column() == OutcomeColumn)
        return outcomeText(t);
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case WhenColumn:
        // Compact, so the outcome keeps its room; seconds say nothing here.
        return dateText(t.occurredAt.date()) + QLatin1Char(' ') + timeText(t.occurredAt.time());
    case KindColumn:
        return kindText(t.kind);
    case StageColumn:
        return journeyStageName(t.stage);
    case ChannelColumn:
        return channelText(t.channel);
    case OutcomeColumn:
        return outcomeText(t);
    case ByColumn:
        return t.by.isValid() ? m_userNames.value(t.by.value()) : QString();
    case ColumnCount:
        break;
    }
    return {};
}

QVariant TimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case WhenColumn:
        return tr("When");
    case KindColumn:
        return tr("What");
    case StageColumn:
        return tr("Stage");
    case ChannelColumn:
        return tr("How");
    case OutcomeColumn:
        return tr("Outcome");
    case ByColumn:
        return tr("By");
    case ColumnCount:
        break;
    }
    return {};
}

bool TimelineModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && m_client.isValid() && !m_failed && !m_fetching &&
           qint64(m_rows.size()) < m_total;
}

void TimelineModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    auto more = page(int(m_rows.size()));
    if (!more || more->empty()) {
        // Stop asking; the profile shows the count it expected.
        m_failed = true;
        return;
    }
    const int first = int(m_rows.size());
    m_fetching = true;
    beginInsertRows({}, first, first + int(more->size()) - 1);
    for (Touchpoint& touchpoint : *more)
        m_rows.push_back(std::move(touchpoint));
    m_fetching = false;
    endInsertRows();
}

} // namespace aftercare::ui
