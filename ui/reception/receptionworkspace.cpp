#include "reception/receptionworkspace.h"

#include "reception/bookingdialog.h"
#include "reception/clientfinder.h"
#include "reception/clientpanel.h"
#include "reception/clientprofile.h"
#include "reception/invoicepage.h"
#include "reception/notrebookedpage.h"
#include "reception/onboardingdialog.h"
#include "reception/reminderspage.h"
#include "reception/schedulepage.h"
#include "reception/welcomepackdialog.h"

#include <QShortcut>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

namespace aftercare::ui {

ReceptionWorkspace::ReceptionWorkspace(Database& database, const Actor& actor, QWidget* parent)
    : Workspace(parent)
    , m_database(database)
    , m_actor(actor)
    , m_pages(new QTabWidget(this))
    , m_findPage(new QWidget(m_pages))
    , m_splitter(new QSplitter(Qt::Horizontal, m_findPage))
    , m_finder(new ClientFinder(database, m_splitter))
    , m_panel(new ClientPanel(database, m_splitter))
    , m_schedule(new SchedulePage(database, actor, m_pages))
    , m_profile(new ClientProfile(database, actor, m_pages))
{
    m_pages->setObjectName(QStringLiteral("receptionPages"));
    m_pages->setTabBarAutoHide(true);
    m_pages->setDocumentMode(true);
    m_findPage->setObjectName(QStringLiteral("findClientPage"));

    m_splitter->addWidget(m_finder);
    m_splitter->addWidget(m_panel);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);
    m_panel->setVisible(false);

    auto* findLayout = new QVBoxLayout(m_findPage);
    findLayout->setContentsMargins(24, 20, 24, 20);
    findLayout->addWidget(m_splitter);
    m_pages->addTab(m_findPage, tr("Find client"));
    m_pages->addTab(m_schedule, tr("Schedule"));
    m_pages->addTab(new InvoicePage(database, actor, m_pages), tr("Invoices"));
    m_pages->addTab(new RemindersPage(database, actor, m_pages), tr("Reminders due"));
    m_pages->addTab(new NotRebookedPage(database, actor, m_pages), tr("Not rebooked"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);

    connect(m_finder, &ClientFinder::clientActivated, this, &ReceptionWorkspace::openClient);
    connect(m_panel, &ClientPanel::closeRequested, this, &ReceptionWorkspace::closeClient);
    // A new search is about someone else: the last client's details give way to the list.
    connect(m_finder, &ClientFinder::searchEdited, this, &ReceptionWorkspace::hidePanel);
    auto* escape = new QShortcut(QKeySequence(Qt::Key_Escape), m_panel);
    escape->setContext(Qt::WidgetWithChildrenShortcut);
    connect(escape, &QShortcut::activated, this, &ReceptionWorkspace::closeClient);
    setFocusProxy(m_finder);

    // The profile is a page of its own while a client's profile is open.
    m_profile->setVisible(false);
    connect(m_panel, &ClientPanel::profileRequested, this, &ReceptionWorkspace::openProfile);
    connect(m_profile, &ClientProfile::closeRequested, this, [this] {
        m_pages->removeTab(m_pages->indexOf(m_profile));
        focusClientSearch();
    });
    // Booking from the client's details or profile; "Show in diary" opens the diary on it.
    connect(
        m_panel, &ClientPanel::bookRequested, this, [this](ClientId client, const QString& name) {
            auto* dialog = BookingDialog::forClient(m_database, m_actor, client, name, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            connect(dialog, &BookingDialog::saved, m_schedule, [this] { m_schedule->reload(); });
            dialog->open();
        });
    connect(m_profile, &ClientProfile::appointmentOpenRequested, this,
            [this](const Appointment& appointment) {
                m_pages->setCurrentWidget(m_schedule);
                m_schedule->showAppointment(appointment);
            });
    connect(m_profile, &ClientProfile::diaryChanged, m_schedule, &SchedulePage::reload);
    connect(m_finder, &ClientFinder::newClientRequested, this,
            &ReceptionWorkspace::startOnboarding);
    auto* onboard = new QShortcut(QKeySequence::New, this);
    onboard->setContext(Qt::WidgetWithChildrenShortcut);
    connect(onboard, &QShortcut::activated, this, [this] { startOnboarding(); });
}

void ReceptionWorkspace::startOnboarding(const QString& text)
{
    auto* dialog = new OnboardingDialog(m_database, m_actor, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!text.isEmpty())
        dialog->prefill(text);
    connect(dialog, &OnboardingDialog::onboarded, this,
            [this](ClientId client, AppointmentId firstBooking) {
                openProfile(client);
                if (!firstBooking.isValid())
                    return;
                auto* pack = new WelcomePackDialog(m_database, m_actor, firstBooking, this);
                pack->setAttribute(Qt::WA_DeleteOnClose);
                connect(pack, &WelcomePackDialog::handedOver, this, [this](ClientId handed) {
                    if (m_profile->client() == handed)
                        m_profile->showClient(handed);
                });
                pack->open();
            });
    dialog->open();
}

void ReceptionWorkspace::openProfile(ClientId client)
{
    if (m_pages->indexOf(m_profile) < 0)
        m_pages->addTab(m_profile, tr("Client profile"));
    m_profile->showClient(client);
    m_pages->setCurrentWidget(m_profile);
    m_profile->setFocus(Qt::OtherFocusReason);
}

int ReceptionWorkspace::addPage(QWidget* page, const QString& title)
{
    return m_pages->addTab(page, title);
}

void ReceptionWorkspace::showPage(QWidget* page)
{
    m_pages->setCurrentWidget(page);
}

void ReceptionWorkspace::focusClientSearch()
{
    m_pages->setCurrentWidget(m_findPage);
    m_finder->focusSearch();
}

void ReceptionWorkspace::openClient(ClientId client)
{
    m_pages->setCurrentWidget(m_findPage);
    m_finder->setCompact(true);
    m_panel->setVisible(true);
    m_panel->showClient(client);
    // Focus moves to the panel (its Close button), so Esc or Enter return to the search and
    // Ctrl+K starts the next one.
    m_panel->setFocus(Qt::OtherFocusReason);
    emit clientOpened(client);
}

void ReceptionWorkspace::closeClient()
{
    hidePanel();
    m_finder->focusSearch();
}

void ReceptionWorkspace::hidePanel()
{
    m_panel->setVisible(false);
    m_finder->setCompact(false);
}

} // namespace aftercare::ui
