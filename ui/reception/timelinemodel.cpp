#include "reception/timelinemodel.h"

#include "common/displayformat.h"
#include "common/vocabularytext.h"
#include "repositories/touchpointrepository.h"

#include <QLocale>

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
    static const QHash<QString, const char*> kTexts{
        {TouchpointKind::kOnboarding, QT_TR_NOOP("Registered")},
        {TouchpointKind::kWelcomePack, QT_TR_NOOP("Welcome pack")},
        {TouchpointKind::kBooking, QT_TR_NOOP("Booking")},
        {TouchpointKind::kReminder, QT_TR_NOOP("Reminder")},
        {TouchpointKind::kCheckIn, QT_TR_NOOP("Check-in")},
        {TouchpointKind::kVisit, QT_TR_NOOP("Visit")},
        {TouchpointKind::kNoShow, QT_TR_NOOP("No-show")},
        {TouchpointKind::kCancellation, QT_TR_NOOP("Cancellation")},
        {TouchpointKind::kCheckinCall, QT_TR_NOOP("Check-in call")},
        {TouchpointKind::kThankYou, QT_TR_NOOP("Thank-you")},
        {TouchpointKind::kSurveyRequest, QT_TR_NOOP("Survey request")},
        {TouchpointKind::kFeedback, QT_TR_NOOP("Feedback")},
        {TouchpointKind::kResultExplained, QT_TR_NOOP("Result explained")},
        {TouchpointKind::kInvoice, QT_TR_NOOP("Invoice")},
        {TouchpointKind::kPayment, QT_TR_NOOP("Payment")},
        {TouchpointKind::kNewsletterInvite, QT_TR_NOOP("Newsletter invitation")},
        {TouchpointKind::kCommunityInvite, QT_TR_NOOP("Community invitation")},
        {TouchpointKind::kBirthday, QT_TR_NOOP("Birthday greeting")},
        {TouchpointKind::kLoyaltyPerk, QT_TR_NOOP("Loyalty perk")},
        // Kinds the follow-up work lists record.
        {QStringLiteral("rebook_reminder"), QT_TR_NOOP("Rebook reminder")},
        {QStringLiteral("detractor_callback"), QT_TR_NOOP("Call back after low rating")},
    };
    const auto found = kTexts.constFind(kind);
    // A practice's own kind is shown as it was written.
    return found == kTexts.constEnd() ? kind : tr(*found);
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
        if (auto page = TouchpointRepository(m_database).timeline(m_client, kPageSize, 0))
            m_rows = std::move(*page);
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
        return t.notes.isEmpty() ? t.outcome : t.outcome + QLatin1Char('\n') + t.notes;
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
        return t.notes.isEmpty() ? t.outcome : t.outcome + QStringLiteral(" — ") + t.notes;
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
    auto page = TouchpointRepository(m_database).timeline(m_client, kPageSize, int(m_rows.size()));
    if (!page || page->empty()) {
        // Stop asking; the profile shows the count it expected.
        m_failed = true;
        return;
    }
    const int first = int(m_rows.size());
    m_fetching = true;
    beginInsertRows({}, first, first + int(page->size()) - 1);
    for (Touchpoint& touchpoint : *page)
        m_rows.push_back(std::move(touchpoint));
    m_fetching = false;
    endInsertRows();
}

} // namespace aftercare::ui
