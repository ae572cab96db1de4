#include "today/todaypage.h"

#include "common/messagelabel.h"
#include "today/figuretile.h"
#include "today/todayoverview.h"

#include <QDate>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QTimer>
#include <QVBoxLayout>

namespace aftercare::ui {

TodayPage::TodayPage(Database& database, QWidget* parent)
    : Workspace(parent)
    , m_database(database)
    , m_practice(new QLabel(this))
    , m_date(new QLabel(this))
    , m_appointments(new FigureTile(tr("Appointments today"), this))
    , m_checkedIn(new FigureTile(tr("Clients checked in"), this))
    , m_dueToday(new FigureTile(tr("Follow-up tasks due today"), this))
    , m_overdue(new FigureTile(tr("Follow-up tasks overdue"), this))
    , m_error(new MessageLabel(this))
    , m_refresh(new QTimer(this))
{
    m_practice->setObjectName(QStringLiteral("todayPractice"));
    m_date->setObjectName(QStringLiteral("todayDate"));
    m_appointments->setObjectName(QStringLiteral("appointmentsTile"));
    m_checkedIn->setObjectName(QStringLiteral("checkedInTile"));
    m_dueToday->setObjectName(QStringLiteral("tasksDueTile"));
    m_overdue->setObjectName(QStringLiteral("tasksOverdueTile"));
    m_error->setObjectName(QStringLiteral("todayErrorLabel"));

    // One row, read left to right like the day: who comes, who is here, what is due, what
    // is late.
    auto* tiles = new QHBoxLayout;
    tiles->setSpacing(16);
    for (FigureTile* tile : {m_appointments, m_checkedIn, m_dueToday, m_overdue})
        tiles->addWidget(tile, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 28, 32, 28);
    layout->addWidget(m_practice);
    layout->addWidget(m_date);
    layout->addSpacing(20);
    layout->addLayout(tiles);
    layout->addWidget(m_error);
    layout->addStretch();

    // The figures move while the page is open (arrivals, tasks done at other desks).
    m_refresh->setInterval(60'000);
    connect(m_refresh, &QTimer::timeout, this, &TodayPage::refresh);
    setFocusPolicy(Qt::StrongFocus);
}

void TodayPage::refresh()
{
    TodayOverview overview(m_database);
    const QString practiceName = overview.practiceName().value_or(QString());
    m_practice->setText(practiceName.isEmpty() ? tr("Today") : practiceName);
    const QDate today = QDate::currentDate();
    m_date->setText(QLocale().toString(today, QLocale::LongFormat));

    auto figures = overview.figures(today);
    if (!figures) {
        for (FigureTile* tile : {m_appointments, m_checkedIn, m_dueToday, m_overdue})
            tile->setUnavailable();
        m_error->showError(
            tr("Today's figures could not be read: %1").arg(figures.error().message));
        return;
    }
    m_error->clearMessage();
    m_appointments->setValue(figures->appointments);
    m_checkedIn->setValue(figures->checkedIn);
    m_dueToday->setValue(figures->tasksDueToday);
    m_overdue->setValue(figures->tasksOverdue);
    m_overdue->setAttention(figures->tasksOverdue > 0);
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
