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
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace aftercare::ui {

namespace {

enum Column
{
    TimeColumn,
    ClientColumn,
    ChannelColumn,
    ConsentColumn,
    PhoneColumn,
    WhyColumn
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
         tr("Why on this list")},
        [](const ReminderDue& row, int column, int role) -> QVariant {
            if (role == Qt::FontRole && column == ConsentColumn && !row.consented) {
                QFont bold;
                bold.setBold(true);
                return bold;
            }
            if (role == Qt::ToolTipRole && column == ConsentColumn && !row.consented)
                return tr("Marking this reminder done asks first: only when the client asked "
                          "for it themselves.");
            if (role == Qt::FontRole && column == PhoneColumn && row.toCall()) {
                QFont bold;
                bold.setBold(true);
                return bold;
            }
            if (role == Qt::ToolTipRole && column == WhyColumn)
                return reasonText(row, QDate::currentDate());
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
                return consentText(row);
            case PhoneColumn:
                return phoneText(row.phone);
            case WhyColumn:
                return reasonText(row, QDate::currentDate());
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
    m_list->horizontalHeader()->setSectionResizeMode(WhyColumn, QHeaderView::Stretch);

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
    connect(m_day, &QDateEdit::dateChanged, this, [this] {
        m_list->setCurrentIndex({}); // another day's list starts at its top
        reload();
    });
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
    // Afterwards the row that took the place of the one just done: the desk works down the
    // list, not back from its top.
    const int previous = std::max(0, m_list->currentIndex().row());
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
        m_list->setCurrentIndex(m_model->index(std::min(previous, m_model->rowCount() - 1), 0));
    m_done->setEnabled(m_model->rowCount() > 0);
}

QString RemindersPage::consentText(const ReminderDue& due)
{
    switch (due.consent) {
    case ReminderConsent::Granted:
        return tr("yes");
    case ReminderConsent::Declined:
        return tr("no – declined %1").arg(dateText(due.consentChangedAt.date()));
    case ReminderConsent::Withdrawn:
        return tr("no – withdrawn %1").arg(dateText(due.consentChangedAt.date()));
    case ReminderConsent::NeverAsked:
        return tr("no – never asked");
    }
    return {};
}

QString RemindersPage::reasonText(const ReminderDue& due, const QDate& today)
{
    const QString time = timeText(due.startsAt.time());
    const QDate day = due.startsAt.date();
    if (day == today.addDays(1))
        return tr("Appointment tomorrow at %1 with %2, %3")
            .arg(time, due.practitionerName, due.serviceName);
    if (day == today)
        return tr("Appointment today at %1 with %2, %3")
            .arg(time, due.practitionerName, due.serviceName);
    return tr("Appointment on %1 with %2, %3")
        .arg(appointmentTimeText(due.startsAt), due.practitionerName, due.serviceName);
}

void RemindersPage::markSelectedDone()
{
    const ReminderDue* due = m_model->rowAt(m_list->currentIndex().row());
    if (!due)
        return;
    const ReminderDue chosen = *due;
    if (chosen.consented) {
        markDone(chosen, RemindersDue::WithoutConsent::Refuse);
        return;
    }
    // They said no (or were never asked): only a reminder they asked for themselves is given.
    auto* box = new QMessageBox(QMessageBox::Warning, tr("No consent to reminders"),
                                tr("%1 has not agreed to appointment reminders (%2).")
                                    .arg(chosen.clientName, consentText(chosen)),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("remindersConsentQuestion"));
    box->setInformativeText(tr("Record a reminder only if the client asked for it themselves. "
                               "Record it as given anyway?"));
    QPushButton* anyway = box->addButton(tr("&Record anyway"), QMessageBox::AcceptRole);
    anyway->setObjectName(QStringLiteral("remindersConsentRemindAnyway"));
    QPushButton* cancel = box->addButton(QMessageBox::Cancel);
    cancel->setObjectName(QStringLiteral("remindersConsentCancel"));
    box->setDefaultButton(cancel);
    box->setEscapeButton(cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, chosen, anyway](QAbstractButton* b) {
        if (b == anyway)
            markDone(chosen, RemindersDue::WithoutConsent::RemindAnyway);
        else
            m_message->showInfo(tr("No reminder recorded for %1.").arg(chosen.clientName));
    });
    box->open();
}

void RemindersPage::markDone(const ReminderDue& chosen, RemindersDue::WithoutConsent withoutConsent)
{
    auto done =
        RemindersDue(m_database)
            .markDone(chosen, channelOf(chosen.preferredChannel), m_actor, {}, withoutConsent);
    reload();
    if (done)
        m_message->showSuccess(tr("%1 reminded.").arg(chosen.clientName));
    else
        m_message->showError(done.error().message);
}

} // namespace aftercare::ui
