#include "reception/reminderspage.h"

#include "common/displayformat.h"
#include "common/messagelabel.h"
#include "common/vocabularytext.h"
#include "reception/pagedrowsmodel.h"

#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QVBoxLayout>

namespace aftercare::ui {

namespace {

enum Column
{
    TimeColumn,
    ClientColumn,
    ChannelColumn,
    ConsentColumn,
    PhoneColumn,
    WithColumn
};

} // namespace

RemindersPage::RemindersPage(Database& database, const Actor& actor, QWidget* parent)
    : QWidget(parent)
    , m_database(database)
    , m_actor(actor)
    , m_day(new QDateEdit(QDate::currentDate().addDays(1), this))
    , m_list(new QTableView(this))
    , m_done(new QPushButton(tr("&Mark done"), this))
    , m_message(new MessageLabel(this))
{
    setObjectName(QStringLiteral("remindersPage"));
    m_day->setObjectName(QStringLiteral("remindersDay"));
    m_day->setCalendarPopup(true);
    m_day->setDisplayFormat(QLocale().dateFormat(QLocale::LongFormat));
    auto* dayLabel = new QLabel(tr("Appointments &on:"), this);
    dayLabel->setBuddy(m_day);
    m_done->setObjectName(QStringLiteral("remindersMarkDone"));
    m_done->setAutoDefault(false);
    m_done->setToolTip(tr("Record the reminder as given (Ctrl+D)"));
    m_message->setObjectName(QStringLiteral("remindersMessage"));

    m_model = new PagedRowsModel<ReminderDue>(
        {tr("Time"), tr("Client"), tr("Preferred channel"), tr("Reminder consent"), tr("Phone"),
         tr("With")},
        [](const ReminderDue& row, int column, int role) -> QVariant {
            if (role == Qt::FontRole && column == PhoneColumn && row.toCall()) {
                QFont bold;
                bold.setBold(true);
                return bold;
            }
            if (role == Qt::ToolTipRole && column == PhoneColumn && row.toCall())
                return tr("Prefers a call");
            if (role != Qt::DisplayRole)
                return {};
            switch (column) {
            case TimeColumn:
                return timeText(row.startsAt.time());
            case ClientColumn:
                return row.clientName;
            case ChannelColumn:
                return contactChannelName(row.preferredChannel);
            case ConsentColumn:
                return row.consented ? tr("yes") : tr("no – do not remind");
            case PhoneColumn:
                return phoneText(row.phone);
            case WithColumn:
                return tr("%1, %2").arg(row.practitionerName, row.serviceName);
            }
            return {};
        },
        this);
    m_list->setObjectName(QStringLiteral("remindersList"));
    m_list->setModel(m_model);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->verticalHeader()->hide();
    m_list->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->horizontalHeader()->setSectionResizeMode(WithColumn, QHeaderView::Stretch);

    auto* bar = new QHBoxLayout;
    bar->addWidget(dayLabel);
    bar->addWidget(m_day);
    bar->addStretch();
    bar->addWidget(m_done);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->addLayout(bar);
    layout->addWidget(m_message);
    layout->addWidget(m_list, 1);
    setFocusProxy(m_list);

    auto* shortcut = new QShortcut(QKeySequence(tr("Ctrl+D")), this);
    shortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(shortcut, &QShortcut::activated, this, &RemindersPage::markSelectedDone);
    connect(m_day, &QDateEdit::dateChanged, this, [this] { reload(); });
    connect(m_done, &QPushButton::clicked, this, &RemindersPage::markSelectedDone);
}

RemindersPage::~RemindersPage() = default;

QString RemindersPage::message() const
{
    return m_message->text();
}

void RemindersPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!m_loaded)
        reload();
}

void RemindersPage::showDay(const QDate& day)
{
    if (day == m_day->date())
        reload();
    else
        m_day->setDate(day);
}

void RemindersPage::reload()
{
    m_loaded = true;
    m_message->clearMessage();
    const QDate day = m_day->date();
    // A day's reminders are few: read them at once, so the list is the whole day.
    auto loaded = m_model->reload([this, day](int, int offset) -> Result<std::vector<ReminderDue>> {
        if (offset > 0)
            return std::vector<ReminderDue>{};
        return RemindersDue(m_database).list(day);
    });
    if (!loaded)
        m_message->showError(loaded.error().message);
    else if (m_model->rowCount() == 0 && !m_message->isVisible())
        m_message->showInfo(tr("Every appointment on %1 has had its reminder.")
                                .arg(QLocale().toString(day, QLocale::LongFormat)));
    if (m_model->rowCount() > 0)
        m_list->setCurrentIndex(m_model->index(0, 0));
    m_done->setEnabled(m_model->rowCount() > 0);
}

void RemindersPage::markSelectedDone()
{
    const ReminderDue* due = m_model->rowAt(m_list->currentIndex().row());
    if (!due)
        return;
    const ReminderDue chosen = *due;
    auto done =
        RemindersDue(m_database).markDone(chosen, channelOf(chosen.preferredChannel), m_actor);
    reload();
    if (done)
        m_message->showSuccess(tr("%1 reminded.").arg(chosen.clientName));
    else
        m_message->showError(done.error().message);
}

} // namespace aftercare::ui
