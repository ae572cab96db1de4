#include "today/todaypage.h"

#include "common/displayformat.h"
#include "common/messagelabel.h"
#include "common/vocabularytext.h"
#include "today/figuretile.h"
#include "today/todayoverview.h"

#include <QDate>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace aftercare::ui {

namespace {

// What a line of the lists carries to its screen.
enum ItemRole
{
    AppointmentRole = Qt::UserRole + 1,
    ClientRole,
    PractitionerRole,
    StartRole,
    TaskRole,
};

// Hours and minutes, as the diary and the history show them.
QString clock(const QDateTime& time)
{
    return timeText(time.time());
}

// A heading that is a link when it leads somewhere.
void setHeading(QLabel* label, const QString& text, bool link)
{
    label->setText(link ? QStringLiteral("<a href=\"open\">%1</a>").arg(text.toHtmlEscaped())
                        : text.toHtmlEscaped());
}

} // namespace

TodayPage::TodayPage(Database& database, const Actor& actor, QWidget* parent)
    : Workspace(parent)
    , m_database(database)
    , m_actor(actor)
    , m_practice(new QLabel(this))
    , m_date(new QLabel(this))
    , m_appointments(new FigureTile(tr("Appointments today"), this))
    , m_arrived(new FigureTile(tr("Clients arrived"), this))
    , m_dueTasks(new FigureTile(tr("Follow-up tasks due"), this))
    , m_overdue(new FigureTile(tr("Follow-up tasks overdue"), this))
    , m_error(new MessageLabel(this))
    , m_arrivalsHeading(new QLabel(this))
    , m_arrivals(new QTreeWidget(this))
    , m_arrivalsEmpty(new QLabel(tr("Nobody else is expected today."), this))
    , m_waitingHeading(new QLabel(this))
    , m_waiting(new QTreeWidget(this))
    , m_waitingEmpty(new QLabel(tr("Nobody is waiting."), this))
    , m_tasksHeading(new QLabel(this))
    , m_tasks(new QTreeWidget(this))
    , m_tasksEmpty(new QLabel(tr("Nothing is due for you."), this))
    , m_refresh(new QTimer(this))
{
    m_practice->setObjectName(QStringLiteral("todayPractice"));
    m_date->setObjectName(QStringLiteral("todayDate"));
    m_appointments->setObjectName(QStringLiteral("appointmentsTile"));
    m_arrived->setObjectName(QStringLiteral("checkedInTile"));
    m_dueTasks->setObjectName(QStringLiteral("tasksDueTile"));
    m_overdue->setObjectName(QStringLiteral("tasksOverdueTile"));
    m_error->setObjectName(QStringLiteral("todayErrorLabel"));

    // One row, read left to right like the day: who comes, who is here, what is due, what
    // is late.
    auto* tiles = new QHBoxLayout;
    tiles->setSpacing(16);
    for (FigureTile* tile : {m_appointments, m_arrived, m_dueTasks, m_overdue})
        tiles->addWidget(tile, 1);

    // And under them the same day as names: who comes next and who waits, one above the
    // other, and beside them what is mine to do (with room for why).
    auto* visits = new QVBoxLayout;
    visits->setSpacing(16);
    visits->addWidget(buildList(QStringLiteral("todayArrivals"), m_arrivalsHeading, m_arrivals,
                                m_arrivalsEmpty, {tr("Time"), tr("Client"), tr("With")}),
                      3);
    visits->addWidget(buildList(QStringLiteral("todayWaiting"), m_waitingHeading, m_waiting,
                                m_waitingEmpty, {tr("Since"), tr("Client"), tr("With")}),
                      2);
    m_tasksPane = buildList(QStringLiteral("todayTasks"), m_tasksHeading, m_tasks, m_tasksEmpty,
                            {tr("Priority"), tr("Client"), tr("Why")});
    auto* lists = new QHBoxLayout;
    lists->setSpacing(16);
    lists->addLayout(visits, 1);
    lists->addWidget(m_tasksPane, 1);
    m_tasksPane->setVisible(false); // until setLinks() says this person has a worklist

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 28, 32, 28);
    layout->addWidget(m_practice);
    layout->addWidget(m_date);
    layout->addSpacing(20);
    layout->addLayout(tiles);
    layout->addWidget(m_error);
    layout->addSpacing(16);
    layout->addLayout(lists, 1);

    connect(m_appointments, &FigureTile::activated, this,
            [this] { emit scheduleRequested(QDate::currentDate()); });
    connect(m_arrived, &FigureTile::activated, this,
            [this] { emit scheduleRequested(QDate::currentDate()); });
    connect(m_dueTasks, &FigureTile::activated, this,
            [this] { emit followUpsRequested(FollowUps::Due); });
    connect(m_overdue, &FigureTile::activated, this,
            [this] { emit followUpsRequested(FollowUps::Overdue); });
    for (QLabel* heading : {m_arrivalsHeading, m_waitingHeading})
        connect(heading, &QLabel::linkActivated, this,
                [this] { emit scheduleRequested(QDate::currentDate()); });
    connect(m_tasksHeading, &QLabel::linkActivated, this,
            [this] { emit followUpsRequested(FollowUps::Mine); });
    for (QTreeWidget* list : {m_arrivals, m_waiting})
        connect(list, &QTreeWidget::itemActivated, this,
                [this](QTreeWidgetItem* item) { activateVisit(item); });
    connect(m_tasks, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem* item) { activateTask(item); });

    // The figures move while the page is open (arrivals, tasks done at other desks).
    m_refresh->setInterval(60'000);
    connect(m_refresh, &QTimer::timeout, this, [this] { refresh(); });
    setFocusPolicy(Qt::StrongFocus);
}

QWidget* TodayPage::buildList(const QString& objectName, QLabel* heading, QTreeWidget* list,
                              QLabel* empty, const QStringList& columns)
{
    auto* pane = new QWidget(this);
    pane->setObjectName(objectName + QStringLiteral("Pane"));
    heading->setObjectName(objectName + QStringLiteral("Heading"));
    list->setObjectName(objectName);
    empty->setObjectName(objectName + QStringLiteral("Empty"));
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);
    heading->setTextFormat(Qt::RichText);
    heading->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    list->setHeaderLabels(columns);
    list->setRootIsDecorated(false);
    list->setUniformRowHeights(true);
    list->setAllColumnsShowFocus(true);
    list->setSelectionMode(QAbstractItemView::SingleSelection);
    list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    list->header()->setStretchLastSection(true);
    list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    list->setAccessibleName(heading->text());
    empty->setWordWrap(true);
    auto* layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(heading);
    layout->addWidget(list, 1);
    layout->addWidget(empty);
    layout->addStretch(0);
    return pane;
}

void TodayPage::setLinks(bool schedule, bool worklist)
{
    m_scheduleLink = schedule;
    m_worklistLink = worklist;
    const QString diary = schedule ? tr("Open today's schedule") : QString();
    m_appointments->setLink(diary);
    m_arrived->setLink(diary);
    m_dueTasks->setLink(worklist ? tr("Open the worklist of these tasks") : QString());
    m_overdue->setLink(worklist ? tr("Open the worklist of the overdue tasks") : QString());
    m_tasksPane->setVisible(worklist);
    // A line of a visit leads to the diary; without it, to the client's follow-up work.
    const QString visitTip = schedule   ? tr("Double-click or Enter: show in the schedule")
                             : worklist ? tr("Double-click or Enter: this client's follow-ups")
                                        : QString();
    for (QTreeWidget* list : {m_arrivals, m_waiting})
        list->setToolTip(visitTip);
    m_tasks->setToolTip(tr("Double-click or Enter: open the call"));
}

void TodayPage::refresh(const QDateTime& at)
{
    const QDateTime now = at.isValid() ? at : QDateTime::currentDateTime();
    TodayOverview overview(m_database);
    const QString practiceName = overview.practiceName().value_or(QString());
    m_practice->setText(practiceName.isEmpty() ? tr("Today") : practiceName);
    m_date->setText(QLocale().toString(now.date(), QLocale::LongFormat));

    auto figures = overview.figures(now);
    if (!figures) {
        for (FigureTile* tile : {m_appointments, m_arrived, m_dueTasks, m_overdue})
            tile->setUnavailable();
        m_error->showError(
            tr("Today's figures could not be read: %1").arg(figures.error().message));
    } else {
        m_error->clearMessage();
        m_appointments->setValue(figures->appointments);
        m_arrived->setValue(figures->arrived);
        m_dueTasks->setValue(figures->tasksDue);
        m_overdue->setValue(figures->tasksOverdue);
        m_overdue->setAttention(figures->tasksOverdue > 0);
    }
    showVisits(now);
    if (m_worklistLink)
        showTasks(now);
}

void TodayPage::showVisits(const QDateTime& now)
{
    TodayOverview overview(m_database);
    const auto fill = [&](QTreeWidget* list, QLabel* heading, QLabel* empty,
                          const Result<std::vector<TodayVisit>>& visits, bool arrived) {
        list->clear();
        if (!visits) {
            m_error->showError(
                tr("Today's lists could not be read: %1").arg(visits.error().message));
            empty->setVisible(false);
            return;
        }
        const int shown = std::min(int(visits->size()), kListLength);
        for (int i = 0; i < shown; ++i) {
            const TodayVisit& v = (*visits)[std::size_t(i)];
            const QDateTime when = arrived && v.checkedInAt.isValid() ? v.checkedInAt : v.startsAt;
            auto* item = new QTreeWidgetItem(list, {clock(when), v.clientName, v.practitionerName});
            item->setToolTip(1, arrived
                                    ? tr("%1, booked for %2").arg(v.serviceName, clock(v.startsAt))
                                    : v.serviceName);
            item->setData(0, AppointmentRole, qlonglong(v.appointment.value()));
            item->setData(0, ClientRole, qlonglong(v.client.value()));
            item->setData(0, PractitionerRole, qlonglong(v.practitioner.value()));
            item->setData(0, StartRole, v.startsAt);
            // Late: the booking has begun and they are not here yet.
            if (!arrived && v.startsAt < now)
                item->setToolTip(0, tr("Late: the appointment began at %1").arg(clock(v.startsAt)));
        }
        const bool more = int(visits->size()) > kListLength;
        const QString title = arrived ? tr("Checked in, waiting") : tr("Next arrivals");
        setHeading(heading, more ? tr("%1 (the first %2)").arg(title).arg(kListLength) : title,
                   m_scheduleLink);
        list->setVisible(shown > 0);
        empty->setVisible(shown == 0);
    };
    fill(m_arrivals, m_arrivalsHeading, m_arrivalsEmpty, overview.arrivals(now, kListLength + 1),
         false);
    fill(m_waiting, m_waitingHeading, m_waitingEmpty, overview.waiting(now, kListLength + 1), true);
}

WorklistQuery TodayPage::followUpQuery(FollowUps which, const QDateTime& now) const
{
    switch (which) {
    case FollowUps::Due:
        return TodayOverview::dueTasks(now);
    case FollowUps::Overdue:
        return TodayOverview::overdueTasks(now);
    case FollowUps::Mine:
        break;
    }
    return TodayOverview::tasksOf(m_actor.user, now);
}

void TodayPage::showTasks(const QDateTime& now)
{
    m_tasks->clear();
    WorklistQuery query = followUpQuery(FollowUps::Mine, now);
    query.limit = kListLength;
    Worklist worklist(m_database);
    auto rows = worklist.rows(query);
    auto counts = rows ? worklist.counts(query) : Result<WorklistCounts>();
    if (!rows || !counts) {
        m_error->showError(tr("Your follow-ups could not be read: %1")
                               .arg((!rows ? rows.error() : counts.error()).message));
        m_tasksEmpty->setVisible(false);
        return;
    }
    for (const WorklistRow& row : *rows) {
        // The kind says why in a few words; the reason (which test, which visit) is its tip.
        auto* item = new QTreeWidgetItem(
            m_tasks, {taskPriorityName(row.priority), row.clientName, row.kindText});
        item->setToolTip(2, tr("%1 — %2").arg(row.kindText, row.reason));
        item->setData(0, TaskRole, qlonglong(row.task.value()));
        if (row.overdue) {
            QFont bold = item->font(0);
            bold.setBold(true);
            for (int column = 0; column < m_tasks->columnCount(); ++column)
                item->setFont(column, bold);
            item->setToolTip(0, tr("Overdue since %1").arg(appointmentTimeText(row.deadlineAt)));
        }
    }
    // The heading counts what the worklist shows first for this person.
    setHeading(m_tasksHeading, tr("Your follow-ups due: %n", nullptr, int(counts->total)),
               m_worklistLink);
    m_tasks->setVisible(!rows->empty());
    m_tasksEmpty->setVisible(rows->empty());
}

void TodayPage::activateVisit(QTreeWidgetItem* item)
{
    if (!item || (!m_scheduleLink && !m_worklistLink))
        return;
    emit visitRequested(AppointmentId(item->data(0, AppointmentRole).toLongLong()),
                        ClientId(item->data(0, ClientRole).toLongLong()),
                        PractitionerId(item->data(0, PractitionerRole).toLongLong()),
                        item->data(0, StartRole).toDateTime());
}

void TodayPage::activateTask(QTreeWidgetItem* item)
{
    if (item && m_worklistLink)
        emit taskRequested(FollowUpTaskId(item->data(0, TaskRole).toLongLong()));
}

void TodayPage::showEvent(QShowEvent* event)
{
    Workspace::showEvent(event);
    refresh();
    m_refresh->start();
}

void TodayPage::hideEvent(QHideEvent* event)
{
    Workspace::hideEvent(event);
    m_refresh->stop();
}

} // namespace aftercare::ui
