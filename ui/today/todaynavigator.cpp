#include "today/todaynavigator.h"

#include "followup/followupworkspace.h"
#include "mainwindow.h"
#include "reception/receptionworkspace.h"
#include "reception/schedulepage.h"
#include "reception/scheduleview.h"
#include "today/todayoverview.h"
#include "today/todaypage.h"

namespace aftercare::ui {

namespace {

const QString kReception = QStringLiteral("reception");
const QString kFollowUp = QStringLiteral("followup");

} // namespace

TodayNavigator::TodayNavigator(MainWindow& window, TodayPage& page)
    : QObject(&page)
    , m_window(window)
    , m_page(page)
{
    const QStringList keys = window.workspaceKeys();
    page.setLinks(keys.contains(kReception), keys.contains(kFollowUp));

    connect(&page, &TodayPage::scheduleRequested, this, &TodayNavigator::showSchedule);
    connect(&page, &TodayPage::visitRequested, this,
            [this](AppointmentId, ClientId client, PractitionerId practitioner,
                   const QDateTime& startsAt) { showVisit(client, practitioner, startsAt); });
    connect(&page, &TodayPage::followUpsRequested, this, [this](TodayPage::FollowUps which) {
        auto* worklist = qobject_cast<FollowUpWorkspace*>(m_window.workspace(kFollowUp));
        if (!worklist)
            return;
        m_window.showWorkspace(kFollowUp);
        worklist->showTasks(m_page.followUpQuery(which, QDateTime::currentDateTime()));
    });
    connect(&page, &TodayPage::taskRequested, this, [this](FollowUpTaskId task) {
        auto* worklist = qobject_cast<FollowUpWorkspace*>(m_window.workspace(kFollowUp));
        if (!worklist)
            return;
        m_window.showWorkspace(kFollowUp);
        worklist->openTaskById(task);
    });
}

void TodayNavigator::attach(MainWindow& window, Workspace* workspace)
{
    if (auto* page = qobject_cast<TodayPage*>(workspace))
        new TodayNavigator(window, *page);
}

void TodayNavigator::showSchedule(const QDate& day)
{
    auto* reception = qobject_cast<ReceptionWorkspace*>(m_window.workspace(kReception));
    if (!reception)
        return;
    m_window.showWorkspace(kReception);
    SchedulePage* schedule = reception->schedulePage();
    reception->showPage(schedule); // shown first: its first showing selects the morning
    if (schedule->isWeek())
        schedule->setWeek(false);
    schedule->showDay(day);
    schedule->view()->setFocus(Qt::OtherFocusReason);
}

void TodayNavigator::showVisit(ClientId client, PractitionerId practitioner,
                               const QDateTime& startsAt)
{
    if (m_window.workspaceKeys().contains(kReception)) {
        showSchedule(startsAt.date());
        auto* reception = qobject_cast<ReceptionWorkspace*>(m_window.workspace(kReception));
        reception->schedulePage()->view()->selectSlot(practitioner, startsAt.time());
        return;
    }
    // Without the diary (a clinician): what is open for this client, while they are here.
    auto* worklist = qobject_cast<FollowUpWorkspace*>(m_window.workspace(kFollowUp));
    if (!worklist)
        return;
    m_window.showWorkspace(kFollowUp);
    WorklistQuery query = TodayOverview::dueTasks(QDateTime::currentDateTime());
    query.client = client;
    worklist->showTasks(query);
}

} // namespace aftercare::ui
