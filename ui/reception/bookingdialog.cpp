#include "reception/bookingdialog.h"

#include "common/displayformat.h"
#include "desk/bookingdesk.h"
#include "repositories/appointmentrepository.h"
#include "repositories/practitionerrepository.h"
#include "repositories/servicetyperepository.h"
#include "search/clientsearch.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace aftercare::ui {

namespace {
constexpr int kClientMatches = 8;
}

BookingDialog::BookingDialog(Database& database, const Actor& actor, QWidget* parent)
    : FormDialog(parent)
    , m_database(database)
    , m_actor(actor)
    , m_clientSearch(new QLineEdit(this))
    , m_clientList(new QListWidget(this))
    , m_clientChosen(new QLabel(this))
    , m_practitioner(new QComboBox(this))
    , m_service(new QComboBox(this))
    , m_start(new QDateTimeEdit(this))
    , m_serviceInfo(new QLabel(this))
    , m_notes(new QPlainTextEdit(this))
    , m_doubleBook(new QCheckBox(tr("&Double-book anyway"), this))
    , m_doubleBookReason(new QLineEdit(this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    if (auto practitioners = PractitionerRepository(database).practitioners())
        m_practitioners = std::move(*practitioners);
    if (auto services = ServiceTypeRepository(database).serviceTypes())
        m_services = std::move(*services);
    build();
}

BookingDialog::BookingDialog(Database& database, const Actor& actor, PractitionerId practitioner,
                             const QDateTime& startsAt, QWidget* parent)
    : BookingDialog(database, actor, parent)
{
    setWindowTitle(tr("Book appointment"));
    m_practitioner->setCurrentIndex(
        std::max(0, m_practitioner->findData(qlonglong(practitioner.value()))));
    m_start->setDateTime(startsAt);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Book"));
    m_clientSearch->setFocus();
}

BookingDialog::BookingDialog(Database& database, const Actor& actor, const Appointment& appointment,
                             QWidget* parent)
    : BookingDialog(database, actor, parent)
{
    m_moving = appointment;
    setWindowTitle(tr("Move appointment"));
    setClient(appointment.client, appointment.clientName);
    hideClientSearch();
    m_practitioner->setCurrentIndex(
        std::max(0, m_practitioner->findData(qlonglong(appointment.practitioner.value()))));
    m_service->setCurrentIndex(
        std::max(0, m_service->findData(qlonglong(appointment.serviceType.value()))));
    m_service->setEnabled(false);
    m_notes->setPlainText(appointment.notes);
    m_notes->setReadOnly(true);
    m_start->setDateTime(appointment.startsAt);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Move"));
    m_start->setFocus();
}

BookingDialog* BookingDialog::forChoosing(Database& database, const Actor& actor,
                                          const Appointment& proposal, const QString& clientName,
                                          QWidget* parent)
{
    auto* dialog = new BookingDialog(database, actor, parent);
    dialog->m_chooseOnly = true;
    dialog->setWindowTitle(tr("Book an appointment for %1").arg(clientName));
    dialog->setClient(proposal.client, clientName);
    dialog->hideClientSearch();
    if (const int p = dialog->m_practitioner->findData(qlonglong(proposal.practitioner.value()));
        p >= 0)
        dialog->m_practitioner->setCurrentIndex(p);
    if (const int s = dialog->m_service->findData(qlonglong(proposal.serviceType.value())); s >= 0)
        dialog->m_service->setCurrentIndex(s);
    dialog->m_start->setDateTime(proposal.startsAt);
    dialog->m_notes->setPlainText(proposal.notes);
    dialog->m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Choose"));
    dialog->m_start->setFocus();
    return dialog;
}

BookingDialog* BookingDialog::forClient(Database& database, const Actor& actor, ClientId client,
                                        const QString& clientName, QWidget* parent)
{
    auto* dialog = new BookingDialog(database, actor, parent);
    dialog->setWindowTitle(tr("Book an appointment for %1").arg(clientName));
    dialog->setClient(client, clientName);
    dialog->hideClientSearch();
    dialog->m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Book"));
    AppointmentRepository diary(database);
    const QDateTime now = QDateTime::currentDateTime();
    // The same practitioner and service as last time: what a returning client usually books.
    if (auto past = diary.past(client, now); past && !past->empty()) {
        const Appointment& last = past->front();
        if (const int p = dialog->m_practitioner->findData(qlonglong(last.practitioner.value()));
            p >= 0)
            dialog->m_practitioner->setCurrentIndex(p);
        if (const int s = dialog->m_service->findData(qlonglong(last.serviceType.value())); s >= 0)
            dialog->m_service->setCurrentIndex(s);
    }
    // The first free quarter hour from an hour on, on a weekday between 08:00 and 17:00: a
    // proposal that does not open with an overlap. A bounded search (a working week).
    QDateTime start = now.addSecs(3600);
    start.setTime(QTime(start.time().hour(), start.time().minute() / 15 * 15));
    const QDateTime first = start;
    const int service = dialog->m_service->currentIndex();
    const qint64 length = service >= 0 && service < int(dialog->m_services.size())
                              ? qint64(dialog->m_services[size_t(service)].durationMinutes) * 60
                              : 30 * 60;
    const PractitionerId practitioner{dialog->m_practitioner->currentData().toLongLong()};
    QDateTime proposal;
    for (int step = 0; step < 4 * 24 * 7 && !proposal.isValid(); ++step) {
        const bool open = start.date().dayOfWeek() <= 5 && start.time() >= QTime(8, 0) &&
                          start.addSecs(length).time() <= QTime(17, 0) &&
                          start.addSecs(length).date() == start.date();
        if (open) {
            auto conflict = diary.conflictFor(practitioner, start, start.addSecs(length));
            if (conflict && !*conflict)
                proposal = start;
        }
        start = start.addSecs(15 * 60);
    }
    dialog->m_start->setDateTime(proposal.isValid() ? proposal : first);
    dialog->m_start->setFocus();
    return dialog;
}

void BookingDialog::hideClientSearch()
{
    // The client is known: no search, and no empty "Client:" row above the name.
    if (auto* form = findChild<QFormLayout*>()) {
        form->setRowVisible(m_clientSearch, false);
        form->setRowVisible(m_clientList, false);
    }
}

void BookingDialog::build()
{
    setObjectName(QStringLiteral("bookingDialog"));
    m_clientSearch->setObjectName(QStringLiteral("bookingClientSearch"));
    m_clientSearch->setPlaceholderText(tr("Name, date of birth, phone, email or number"));
    m_clientSearch->setClearButtonEnabled(true);
    m_clientList->setObjectName(QStringLiteral("bookingClientList"));
    m_clientList->setMaximumHeight(m_clientList->fontMetrics().height() * 7);
    m_clientChosen->setObjectName(QStringLiteral("bookingClient"));
    m_clientChosen->setText(tr("No client chosen"));
    m_practitioner->setObjectName(QStringLiteral("bookingPractitioner"));
    for (const Practitioner& practitioner : m_practitioners)
        m_practitioner->addItem(practitioner.name, qlonglong(practitioner.id.value()));
    m_service->setObjectName(QStringLiteral("bookingService"));
    for (const ServiceType& service : m_services)
        m_service->addItem(service.name, qlonglong(service.id.value()));
    m_start->setObjectName(QStringLiteral("bookingStart"));
    m_start->setCalendarPopup(true);
    m_start->setDisplayFormat(dateTimeEditFormat());
    m_serviceInfo->setObjectName(QStringLiteral("bookingServiceInfo"));
    m_notes->setObjectName(QStringLiteral("bookingNotes"));
    m_notes->setTabChangesFocus(true);
    m_notes->setMaximumHeight(m_notes->fontMetrics().height() * 4);
    m_doubleBook->setObjectName(QStringLiteral("bookingDoubleBook"));
    m_doubleBook->setEnabled(false);
    m_doubleBookReason->setObjectName(QStringLiteral("bookingDoubleBookReason"));
    m_doubleBookReason->setPlaceholderText(tr("Why both clients are booked at this time"));
    m_doubleBookReason->setEnabled(false);
    m_error->setObjectName(QStringLiteral("bookingError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b02a37;"));
    m_error->setVisible(false);
    m_buttons->setObjectName(QStringLiteral("bookingButtons"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("bookingSave"));

    auto* form = new QFormLayout;
    form->addRow(tr("&Client:"), m_clientSearch);
    form->addRow(QString(), m_clientList);
    form->addRow(QString(), m_clientChosen);
    form->addRow(tr("&Practitioner:"), m_practitioner);
    form->addRow(tr("&Service:"), m_service);
    form->addRow(QString(), m_serviceInfo);
    form->addRow(tr("S&tarts at:"), m_start);
    form->addRow(tr("&Notes:"), m_notes);
    form->addRow(QString(), m_doubleBook);
    form->addRow(tr("&Reason:"), m_doubleBookReason);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    setMinimumWidth(480);

    connect(m_clientSearch, &QLineEdit::textEdited, this, &BookingDialog::searchClients);
    connect(m_clientList, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
        if (item)
            setClient(ClientId{item->data(Qt::UserRole).toLongLong()},
                      item->data(Qt::UserRole + 1).toString());
    });
    connect(m_service, &QComboBox::currentIndexChanged, this, &BookingDialog::showServiceInfo);
    connect(m_doubleBook, &QCheckBox::toggled, this, &BookingDialog::updateOverride);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &BookingDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &BookingDialog::reject);
    showServiceInfo();
}

void BookingDialog::setClient(ClientId client, const QString& name)
{
    m_client = client;
    m_clientChosen->setText(tr("Client: %1").arg(name));
}

void BookingDialog::searchClients(const QString& text)
{
    m_clientList->clear();
    if (text.trimmed().isEmpty())
        return;
    auto matches = ClientSearch(m_database).find(text, kClientMatches);
    if (!matches) {
        showError(matches.error().message);
        return;
    }
    for (const ClientMatch& match : *matches) {
        const QString name = match.firstName + QLatin1Char(' ') + match.lastName;
        QString line = name;
        if (match.dateOfBirth.isValid())
            line += QStringLiteral(" · ") + dateText(match.dateOfBirth);
        if (!match.phone.isEmpty())
            line += QStringLiteral(" · ") + phoneText(match.phone);
        auto* item = new QListWidgetItem(line, m_clientList);
        item->setData(Qt::UserRole, qlonglong(match.id.value()));
        item->setData(Qt::UserRole + 1, name);
    }
    if (m_clientList->count() == 1)
        m_clientList->setCurrentRow(0);
}

void BookingDialog::showServiceInfo()
{
    const int index = m_service->currentIndex();
    if (index < 0 || index >= int(m_services.size())) {
        m_serviceInfo->clear();
        return;
    }
    const ServiceType& service = m_services[size_t(index)];
    m_serviceInfo->setText(
        tr("%n minutes, %1", nullptr, service.durationMinutes)
            .arg(QLocale().toCurrencyString(double(service.priceCents) / 100.0)));
}

void BookingDialog::updateOverride()
{
    m_doubleBookReason->setEnabled(m_doubleBook->isChecked());
    if (m_doubleBook->isChecked())
        m_doubleBookReason->setFocus();
}

void BookingDialog::showError(const QString& message)
{
    m_error->setText(message);
    m_error->setVisible(true);
}

void BookingDialog::accept()
{
    const QString reason =
        m_doubleBook->isChecked() ? m_doubleBookReason->text().trimmed() : QString();
    if (m_doubleBook->isChecked() && reason.isEmpty()) {
        showError(tr("A double-booking needs a reason."));
        m_doubleBookReason->setFocus();
        return;
    }
    const PractitionerId practitioner{m_practitioner->currentData().toLongLong()};
    if (!practitioner.isValid()) {
        showError(tr("Please choose a practitioner."));
        return;
    }
    if (m_chooseOnly) {
        auto draft = draftFromForm();
        if (!draft)
            return;
        draft->doubleBookingReason = reason;
        if (reason.isEmpty()) {
            AppointmentRepository diary(m_database);
            auto conflict = diary.conflictFor(draft->practitioner, draft->startsAt, draft->endsAt);
            if (!conflict) {
                showError(conflict.error().message);
                return;
            }
            if (*conflict) {
                showError(diary.overlapError(**conflict).message + QLatin1Char('\n') +
                          tr("Choose another time, or tick \"Double-book anyway\" and give a "
                             "reason."));
                m_doubleBook->setEnabled(true);
                return;
            }
        }
        emit chosen(*draft);
        QDialog::accept();
        return;
    }
    BookingDesk desk(m_database, m_actor);
    Status result;
    AppointmentId id;
    if (m_moving) {
        result = desk.move(*m_moving, m_start->dateTime(), practitioner, reason);
        id = m_moving->id;
    } else {
        auto draft = draftFromForm();
        if (!draft)
            return;
        auto booked = desk.book(*draft, reason);
        result = toStatus(booked);
        if (booked)
            id = *booked;
    }
    if (result) {
        emit saved(id);
        QDialog::accept();
        return;
    }
    const Error& error = result.error();
    if (error.kind == ErrorKind::Overlap) {
        showError(error.message + QLatin1Char('\n') +
                  tr("Choose another time, or tick \"Double-book anyway\" and give a reason."));
        m_doubleBook->setEnabled(true);
        return;
    }
    if (error.kind == ErrorKind::Conflict && m_moving) {
        emit conflicted(error.message);
        QDialog::reject();
        return;
    }
    showError(error.message);
}

std::optional<Appointment> BookingDialog::draftFromForm()
{
    if (!m_client.isValid()) {
        showError(tr("Please choose a client."));
        m_clientSearch->setFocus();
        return std::nullopt;
    }
    const int service = m_service->currentIndex();
    if (service < 0 || service >= int(m_services.size())) {
        showError(tr("Please choose a service."));
        return std::nullopt;
    }
    Appointment draft;
    draft.client = m_client;
    draft.practitioner = PractitionerId{m_practitioner->currentData().toLongLong()};
    draft.serviceType = m_services[size_t(service)].id;
    draft.startsAt = m_start->dateTime();
    draft.endsAt = draft.startsAt.addSecs(qint64(m_services[size_t(service)].durationMinutes) * 60);
    draft.notes = m_notes->toPlainText().trimmed();
    return draft;
}

} // namespace aftercare::ui
