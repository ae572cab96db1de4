#include "reception/clientmatchmodel.h"

#include "common/displayformat.h"

#include <QFont>

#include <algorithm>

namespace aftercare::ui {

namespace {

QString matchedOnText(ClientMatch::Field field)
{
    switch (field) {
    case ClientMatch::Field::ExternalId:
        return ClientMatchModel::tr("Found by client number");
    case ClientMatch::Field::Name:
        return ClientMatchModel::tr("Found by name");
    case ClientMatch::Field::DateOfBirth:
        return ClientMatchModel::tr("Found by date of birth");
    case ClientMatch::Field::Phone:
        return ClientMatchModel::tr("Found by phone number");
    case ClientMatch::Field::Email:
        return ClientMatchModel::tr("Found by e-mail address");
    }
    return {};
}

} // namespace

ClientMatchModel::ClientMatchModel(Database& database, QObject* parent)
    : QAbstractTableModel(parent)
    , m_search(database)
{}

Status ClientMatchModel::search(const QString& text)
{
    m_changing = true;
    beginResetModel();
    m_text = SearchText::interpret(text);
    m_rows.clear();
    m_exhausted = true;
    auto found = m_search.find(m_text, kPageSize);
    if (found) {
        m_rows = std::move(*found);
        m_exhausted = int(m_rows.size()) < kPageSize;
    }
    endResetModel();
    m_changing = false;
    if (!found) {
        emit searchFailed(found.error().message);
        return fail(found.error());
    }
    return {};
}

ClientId ClientMatchModel::clientAt(int row) const
{
    const ClientMatch* match = matchAt(row);
    return match ? match->id : ClientId();
}

const ClientMatch* ClientMatchModel::matchAt(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? &m_rows[std::size_t(row)] : nullptr;
}

int ClientMatchModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ClientMatchModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ClientMatchModel::data(const QModelIndex& index, int role) const
{
    const ClientMatch* match = index.isValid() ? matchAt(index.row()) : nullptr;
    if (!match)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn: {
            const QString name = tr("%1, %2").arg(match->lastName, match->firstName);
            return match->archived ? tr("%1 (archived)").arg(name) : name;
        }
        case DateOfBirthColumn:
            return dateText(match->dateOfBirth);
        case PhoneColumn:
            return phoneText(match->phone);
        case ExternalIdColumn:
            return match->externalId;
        case NextAppointmentColumn:
            return match->next ? appointmentTimeText(match->next->startsAt) : QString();
        case PractitionerColumn:
            return match->next ? match->next->practitioner : QString();
        }
        break;
    case Qt::ToolTipRole: {
        QStringList lines{matchedOnText(match->matchedOn)};
        if (!match->email.isEmpty())
            lines << match->email;
        if (match->next && !match->next->serviceType.isEmpty())
            lines
                << tr("Next: %1 with %2").arg(match->next->serviceType, match->next->practitioner);
        return lines.join(QLatin1Char('\n'));
    }
    case Qt::FontRole:
        if (match->archived) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        break;
    case ClientIdRole:
        return qlonglong(match->id.value());
    default:
        break;
    }
    return {};
}

QVariant ClientMatchModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case DateOfBirthColumn:
        return tr("Born");
    case PhoneColumn:
        return tr("Phone");
    case ExternalIdColumn:
        return tr("Client no.");
    case NextAppointmentColumn:
        return tr("Next appointment");
    case PractitionerColumn:
        return tr("With");
    }
    return {};
}

bool ClientMatchModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_changing && !m_exhausted && int(m_rows.size()) < kMaximumRows;
}

void ClientMatchModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    const int wanted = std::min(int(m_rows.size()) + kPageSize, kMaximumRows);
    auto found = m_search.find(m_text, wanted);
    if (!found) {
        m_exhausted = true;
        emit searchFailed(found.error().message);
        return;
    }
    const bool samePrefix =
        found->size() >= m_rows.size() &&
        std::equal(m_rows.begin(), m_rows.end(), found->begin(),
                   [](const ClientMatch& a, const ClientMatch& b) { return a.id == b.id; });
    if (!samePrefix) {
        // Someone added or renamed a client meanwhile: start the list again rather than
        // splice two different orders together.
        m_changing = true;
        beginResetModel();
        m_rows = std::move(*found);
        m_exhausted = int(m_rows.size()) < wanted;
        endResetModel();
        m_changing = false;
        return;
    }
    m_exhausted = int(found->size()) < wanted;
    if (found->size() == m_rows.size())
        return;
    m_changing = true;
    beginInsertRows({}, int(m_rows.size()), int(found->size()) - 1);
    m_rows.insert(m_rows.end(), std::make_move_iterator(found->begin() + qsizetype(m_rows.size())),
                  std::make_move_iterator(found->end()));
    endInsertRows();
    m_changing = false;
}

} // namespace aftercare::ui
