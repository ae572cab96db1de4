#include "reception/clientprofile.h"

#include "common/displayformat.h"
#include "common/messagelabel.h"
#include "common/vocabularytext.h"
#include "desk/bookingdesk.h"
#include "domain/invoicenumber.h"
#include "reception/bookingdialog.h"
#include "reception/cancelappointmentdialog.h"
#include "reception/profileconsents.h"
#include "reception/profiledetails.h"
#include "reception/timelinemodel.h"
#include "repositories/appointmentrepository.h"
#include "repositories/clientrepository.h"
#include "repositories/invoicerepository.h"
#include "repositories/resultrepository.h"
#include "repositories/touchpointrepository.h"
#include "repositories/userrepository.h"

#include <QElapsedTimer>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QShortcut>
#include <QTabWidget>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace aftercare::ui {

namespace {

QTreeWidget* makeList(const QString& name, const QStringList& headers, QWidget* parent)
{
    auto* list = new QTreeWidget(parent);
    list->setObjectName(name);
    list->setRootIsDecorated(false);
    list->setHeaderLabels(headers);
    list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    list->header()->setStretchLastSection(true);
    return list;
}

// "Thu 3 Dec 2026 08:00": the weekday helps on the phone, seconds never do.
QString whenText(const QDateTime& time)
{
    return QLocale().toString(time.date(), QStringLiteral("ddd ")) + dateText(time.date()) +
           QLatin1Char(' ') + timeText(time.time());
}

QString money(qint64 cents)
{
    return QLocale().toCurrencyString(double(cents) / 100.0);
}

// The status as the diary words it, with the reason of a cancellation.
QString appointmentStatusText(const Appointment& a)
{
    if (a.status == AppointmentStatus::Cancelled && !a.cancellationReason.isEmpty())
        return ClientProfile::tr("%1: %2").arg(appointmentStatusName(a.status),
                                               a.cancellationReason);
    return appointmentStatusName(a.status);
}

} // namespace

ClientProfile::ClientProfile(Database& database, const Actor& actor, QWidget* parent)
    : QWidget(parent)
    , m_database(database)
    , m_actor(actor)
    , m_name(new QLabel(this))
    , m_subtitle(new QLabel(this))
    , m_close(new QPushButton(tr("Close"), this))
    , m_error(new MessageLabel(this))
    , m_details(new ProfileDetails(database, actor, this))
    , m_consents(new ProfileConsents(database, actor, this))
    , m_tabs(new QTabWidget(this))
    , m_timelineModel(new TimelineModel(database, this))
    , m_timeline(new QTableView(this))
    , m_appointments(makeList(QStringLiteral("profileAppointments"),
                              {tr("When"), tr("Service"), tr("With"), tr("Status")}, this))
    , m_book(new QPushButton(tr("Boo&k appointment…"), this))
    , m_showInDiary(new QPushButton(tr("Show in &diary"), this))
    , m_moveAppointment(new QPushButton(tr("Mo&ve…"), this))
    , m_cancelAppointment(new QPushButton(tr("Cancel appoint&ment…"), this))
    , m_invoices(makeList(QStringLiteral("profileInvoices"),
                          {tr("Invoice"), tr("Issued"), tr("Total"), tr("Paid"), tr("Status")},
                          this))
    , m_balance(new QLabel(this))
    , m_results(makeList(QStringLiteral("profileResults"),
                         {tr("Test"), tr("Received"), tr("Status")}, this))
{
    setObjectName(QStringLiteral("clientProfile"));
    m_name->setObjectName(QStringLiteral("profileName"));
    QFont big = m_name->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    m_name->setFont(big);
    m_subtitle->setObjectName(QStringLiteral("profileSubtitle"));
    m_close->setObjectName(QStringLiteral("profileClose"));
    m_close->setToolTip(tr("Esc"));
    m_error->setObjectName(QStringLiteral("profileError"));
    m_tabs->setObjectName(QStringLiteral("profileTabs"));
    m_timeline->setObjectName(QStringLiteral("profileTimeline"));
    m_timelineModel->setReader(actor);
    m_timeline->setModel(m_timelineModel);
    m_timeline->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_timeline->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_timeline->verticalHeader()->setVisible(false);
    m_timeline->setWordWrap(false);
    m_timeline->horizontalHeader()->setStretchLastSection(false);
    m_timeline->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_timeline->horizontalHeader()->setSectionResizeMode(TimelineModel::OutcomeColumn,
                                                         QHeaderView::Stretch);
    m_timeline->setAlternatingRowColors(true);
    m_timeline->setShowGrid(false);
    m_balance->setObjectName(QStringLiteral("profileBalance"));

    m_book->setObjectName(QStringLiteral("profileBook"));
    m_book->setToolTip(tr("A new appointment for this client"));
    m_showInDiary->setObjectName(QStringLiteral("profileShowInDiary"));
    m_moveAppointment->setObjectName(QStringLiteral("profileMoveAppointment"));
    m_cancelAppointment->setObjectName(QStringLiteral("profileCancelAppointment"));
    for (QPushButton* button : {m_book, m_showInDiary, m_moveAppointment, m_cancelAppointment})
        button->setAutoDefault(false);

    auto* header = new QHBoxLayout;
    auto* titles = new QVBoxLayout;
    titles->addWidget(m_name);
    titles->addWidget(m_subtitle);
    header->addLayout(titles, 1);
    header->addWidget(m_book, 0, Qt::AlignTop);
    header->addWidget(m_close, 0, Qt::AlignTop);

    auto* contact = new QGroupBox(tr("Contact"), this);
    (new QVBoxLayout(contact))->addWidget(m_details);
    auto* consent = new QGroupBox(tr("Consent history"), this);
    (new QVBoxLayout(consent))->addWidget(m_consents);
    auto* left = new QVBoxLayout;
    left->addWidget(contact);
    left->addWidget(consent, 1);

    auto* invoicesPage = new QWidget(this);
    auto* invoicesLayout = new QVBoxLayout(invoicesPage);
    invoicesLayout->addWidget(m_balance);
    invoicesLayout->addWidget(m_invoices, 1);
    m_tabs->addTab(m_timeline, tr("&Timeline"));
    auto* appointmentsPage = new QWidget(this);
    auto* appointmentsLayout = new QVBoxLayout(appointmentsPage);
    auto* appointmentActions = new QHBoxLayout;
    appointmentActions->addWidget(m_showInDiary);
    appointmentActions->addWidget(m_moveAppointment);
    appointmentActions->addWidget(m_cancelAppointment);
    appointmentActions->addStretch();
    appointmentsLayout->addLayout(appointmentActions);
    appointmentsLayout->addWidget(m_appointments, 1);
    m_tabs->addTab(appointmentsPage, tr("&Appointments"));
    m_tabs->addTab(invoicesPage, tr("&Invoices"));
    m_tabs->addTab(m_results, tr("Res&ults"));

    auto* body = new QHBoxLayout;
    body->addLayout(left, 4);
    body->addWidget(m_tabs, 8);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->addLayout(header);
    layout->addWidget(m_error);
    layout->addLayout(body, 1);

    connect(m_close, &QPushButton::clicked, this, &ClientProfile::closeRequested);
    connect(m_book, &QPushButton::clicked, this, &ClientProfile::bookForClient);
    connect(m_moveAppointment, &QPushButton::clicked, this, &ClientProfile::moveSelected);
    connect(m_cancelAppointment, &QPushButton::clicked, this, &ClientProfile::cancelSelected);
    connect(m_showInDiary, &QPushButton::clicked, this, [this] {
        if (auto appointment = selectedAppointment())
            emit appointmentOpenRequested(*appointment);
    });
    connect(m_appointments, &QTreeWidget::currentItemChanged, this,
            &ClientProfile::updateAppointmentActions);
    connect(m_appointments, &QTreeWidget::itemActivated, this, [this] {
        if (auto appointment = selectedAppointment())
            emit appointmentOpenRequested(*appointment);
    });
    auto* escape = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    escape->setContext(Qt::WidgetWithChildrenShortcut);
    connect(escape, &QShortcut::activated, this, &ClientProfile::closeRequested);
    connect(m_details, &ProfileDetails::saved, this, [this] { refreshHeader(); });
    connect(m_details, &ProfileDetails::reloadRequested, this, [this] { showClient(m_client); });
    // Only the history is read again: details being edited beside it stay as typed.
    connect(m_consents, &ProfileConsents::recorded, this, &ClientProfile::showConsents);
    setFocusProxy(m_details);
}

bool ClientProfile::showClient(ClientId client)
{
    QElapsedTimer timer;
    timer.start();
    m_client = client;
    m_error->clearMessage();
    auto loaded = ClientRepository(m_database).get(client);
    if (!loaded) {
        m_error->showError(loaded.error().message);
        return false;
    }
    m_userNames.clear();
    if (auto users = UserRepository(m_database).all())
        for (const User& user : *users)
            m_userNames.insert(user.id.value(), user.displayName);
    m_details->showClient(*loaded);
    showConsents();
    refreshHeader();
    showAppointments();
    showInvoices();
    showResults();
    auto total = TouchpointRepository(m_database).count(client);
    m_timelineModel->showClient(client, total.value_or(0), m_userNames);
    m_tabs->setTabText(0, tr("&Timeline (%1)").arg(total.value_or(0)));
    m_lastLoadMs = timer.elapsed();
    return true;
}

void ClientProfile::showConsents()
{
    if (auto consents = ClientRepository(m_database).consents(m_client))
        m_consents->showConsents(m_client, *consents, m_userNames);
    else
        m_error->showError(consents.error().message);
}

void ClientProfile::refreshHeader()
{
    const Client& c = m_details->client();
    m_name->setText(c.displayName());
    QStringList parts{c.externalId};
    if (c.dateOfBirth.isValid())
        parts << tr("born %1 (%2)")
                     .arg(dateText(c.dateOfBirth))
                     .arg(ageOn(c.dateOfBirth, QDate::currentDate()));
    parts << tr("stage: %1").arg(journeyStageName(c.stage));
    parts << tr("client since %1").arg(dateText(c.registeredAt.date()));
    m_subtitle->setText(parts.join(QStringLiteral(" · ")));
}

void ClientProfile::showAppointments()
{
    m_appointments->clear();
    m_listed.clear();
    AppointmentRepository repo(m_database);
    const QDateTime now = QDateTime::currentDateTime();
    auto upcoming = repo.upcoming(m_client, now);
    auto past = repo.past(m_client, now);
    if (!upcoming || !past) {
        m_error->showError((!upcoming ? upcoming.error() : past.error()).message);
        updateAppointmentActions();
        return;
    }
    m_listed = *upcoming;
    m_listed.insert(m_listed.end(), past->begin(), past->end());
    size_t index = 0;
    auto add = [&](const QString& section, const std::vector<Appointment>& list) {
        auto* title = new QTreeWidgetItem(m_appointments, {section});
        QFont bold = title->font(0);
        bold.setBold(true);
        title->setFont(0, bold);
        title->setFirstColumnSpanned(true);
        title->setFlags(Qt::ItemIsEnabled);
        for (const Appointment& a : list) {
            auto* item =
                new QTreeWidgetItem(m_appointments, {whenText(a.startsAt), a.serviceName,
                                                     a.practitionerName, appointmentStatusText(a)});
            item->setData(0, Qt::UserRole, qulonglong(index++));
            if (!a.notes.isEmpty())
                for (int column = 0; column < 3; ++column)
                    item->setToolTip(column, a.notes);
            item->setToolTip(3, appointmentStatusText(a)); // a long reason in full
        }
    };
    add(tr("Upcoming (%1)").arg(upcoming->size()), *upcoming);
    add(tr("Past (%1)").arg(past->size()), *past);
    m_tabs->setTabText(1, tr("&Appointments (%1 ahead)").arg(upcoming->size()));
    updateAppointmentActions();
}

std::optional<Appointment> ClientProfile::selectedAppointment() const
{
    const QTreeWidgetItem* item = m_appointments->currentItem();
    if (!item || !item->data(0, Qt::UserRole).isValid())
        return std::nullopt;
    const size_t index = item->data(0, Qt::UserRole).toULongLong();
    return index < m_listed.size() ? std::optional(m_listed[index]) : std::nullopt;
}

void ClientProfile::selectAppointment(AppointmentId appointment)
{
    for (int i = 0; i < m_appointments->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = m_appointments->topLevelItem(i);
        const QVariant index = item->data(0, Qt::UserRole);
        if (index.isValid() && index.toULongLong() < m_listed.size() &&
            m_listed[index.toULongLong()].id == appointment) {
            m_appointments->setCurrentItem(item);
            return;
        }
    }
}

void ClientProfile::updateAppointmentActions()
{
    const std::optional<Appointment> appointment = selectedAppointment();
    const bool active = appointment && appointment->isActive();
    m_showInDiary->setEnabled(appointment.has_value());
    m_moveAppointment->setEnabled(active);
    m_cancelAppointment->setEnabled(active);
    m_book->setEnabled(m_client.isValid());
}

void ClientProfile::afterDiaryChange(AppointmentId keep)
{
    showAppointments();
    selectAppointment(keep);
    auto total = TouchpointRepository(m_database).count(m_client);
    m_timelineModel->showClient(m_client, total.value_or(0), m_userNames);
    m_tabs->setTabText(0, tr("&Timeline (%1)").arg(total.value_or(0)));
    emit diaryChanged();
}

void ClientProfile::bookForClient()
{
    if (!m_client.isValid())
        return;
    auto* dialog = BookingDialog::forClient(m_database, m_actor, m_client,
                                            m_details->client().displayName(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &BookingDialog::saved, this, [this](AppointmentId id) {
        m_tabs->setCurrentIndex(1);
        afterDiaryChange(id);
        if (auto booked = AppointmentRepository(m_database).get(id))
            m_error->showSuccess(tr("Booked: %1 with %2.")
                                     .arg(whenText(booked->startsAt), booked->practitionerName));
    });
    dialog->open();
    emit dialogOpened(dialog);
}

void ClientProfile::moveSelected()
{
    const std::optional<Appointment> appointment = selectedAppointment();
    if (!appointment || !appointment->isActive())
        return;
    auto* dialog = new BookingDialog(m_database, m_actor, *appointment, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &BookingDialog::saved, this, [this](AppointmentId id) {
        afterDiaryChange(id);
        if (auto moved = AppointmentRepository(m_database).get(id))
            m_error->showSuccess(
                tr("Moved to %1 with %2.").arg(whenText(moved->startsAt), moved->practitionerName));
    });
    connect(dialog, &BookingDialog::conflicted, this,
            [this, id = appointment->id](const QString& message) {
                afterDiaryChange(id);
                m_error->showError(message);
            });
    dialog->open();
    emit dialogOpened(dialog);
}

void ClientProfile::cancelSelected()
{
    const std::optional<Appointment> appointment = selectedAppointment();
    if (!appointment || !appointment->isActive())
        return;
    auto* dialog = new CancelAppointmentDialog(*appointment, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CancelAppointmentDialog::accepted, this, [this, dialog] {
        Appointment cancelled = dialog->appointment();
        const Status done = BookingDesk(m_database, m_actor).cancel(cancelled, dialog->reason());
        afterDiaryChange(cancelled.id);
        if (done)
            m_error->showSuccess(tr("Cancelled: %1.").arg(dialog->reason()));
        else
            m_error->showError(done.error().message);
    });
    dialog->open();
    emit dialogOpened(dialog);
}

void ClientProfile::showInvoices()
{
    m_invoices->clear();
    InvoiceRepository repo(m_database);
    auto invoices = repo.forClient(m_client);
    auto balance = repo.balance(m_client);
    if (!invoices || !balance) {
        m_error->showError((!invoices ? invoices.error() : balance.error()).message);
        return;
    }
    for (const Invoice& invoice : *invoices) {
        QString status;
        switch (invoice.status) {
        case InvoiceStatus::Draft:
            status = tr("draft");
            break;
        case InvoiceStatus::Issued:
            status = invoice.dueAt.isValid() && invoice.dueAt < QDateTime::currentDateTime()
                         ? tr("overdue since %1").arg(dateText(invoice.dueAt.date()))
                         : tr("issued, due %1").arg(dateText(invoice.dueAt.date()));
            break;
        case InvoiceStatus::Paid:
            status = tr("paid %1").arg(dateText(invoice.paidAt.date()));
            break;
        case InvoiceStatus::Void:
            status = tr("void");
            break;
        }
        new QTreeWidgetItem(
            m_invoices, {invoiceNumber(invoice),
                         invoice.issuedAt.isValid() ? dateText(invoice.issuedAt.date()) : QString(),
                         money(invoice.totalCents), money(invoice.paidCents), status});
    }
    m_balance->setText(*balance > 0 ? tr("Open balance: <b>%1</b>").arg(money(*balance))
                                    : tr("Nothing owed."));
}

void ClientProfile::showResults()
{
    m_results->clear();
    // Status only: the desk may tell a client that a result is in and whether it was
    // discussed, never what it says (core gives reception no way to read the values).
    auto results = ResultRepository(m_database).statusesForClient(m_client);
    if (!results) {
        m_error->showError(results.error().message);
        return;
    }
    for (const ResultStatusView& result : *results) {
        QString status;
        switch (result.status) {
        case ResultStatus::Received:
            status = tr("received, not yet reviewed");
            break;
        case ResultStatus::Reviewed:
            status = tr("reviewed, not yet discussed with the client");
            break;
        case ResultStatus::Communicated:
            status = tr("discussed %1").arg(dateText(result.communicatedAt.date()));
            break;
        }
        new QTreeWidgetItem(m_results,
                            {result.testName, dateText(result.receivedAt.date()), status});
    }
    m_tabs->setTabText(3, tr("Res&ults (%1)").arg(results->size()));
}

} // namespace aftercare::ui
