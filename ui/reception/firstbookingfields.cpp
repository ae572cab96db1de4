#include "reception/firstbookingfields.h"

#include "common/displayformat.h"
#include "repositories/appointmentrepository.h"
#include "repositories/practitionerrepository.h"
#include "repositories/servicetyperepository.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>

namespace aftercare::ui {

namespace {

// The next quarter hour at least an hour from now, within opening hours: a sensible first
// proposal that the receptionist then changes.
QDateTime firstProposal()
{
    QDateTime start = QDateTime::currentDateTime().addSecs(3600);
    start.setTime(QTime(start.time().hour(), start.time().minute() / 15 * 15));
    if (start.time().hour() >= 17 || start.time().hour() < 8)
        start = QDateTime(start.date().addDays(start.time().hour() >= 17 ? 1 : 0), QTime(9, 0));
    while (start.date().dayOfWeek() > 5) // a practice is closed at the weekend as a rule
        start = QDateTime(start.date().addDays(1), QTime(9, 0));
    return start;
}

} // namespace

FirstBookingFields::FirstBookingFields(Database& database, QWidget* parent)
    : QWidget(parent)
    , m_database(database)
    , m_wanted(new QCheckBox(tr("&Book the first appointment now"), this))
    , m_practitioner(new QComboBox(this))
    , m_service(new QComboBox(this))
    , m_start(new QDateTimeEdit(this))
    , m_serviceInfo(new QLabel(this))
    , m_conflict(new QLabel(this))
    , m_doubleBook(new QCheckBox(tr("Double-boo&k anyway"), this))
    , m_doubleBookReason(new QLineEdit(this))
{
    if (auto practitioners = PractitionerRepository(database).practitioners())
        m_practitioners = std::move(*practitioners);
    if (auto services = ServiceTypeRepository(database).serviceTypes())
        m_services = std::move(*services);

    m_wanted->setObjectName(QStringLiteral("onboardingBook"));
    m_wanted->setChecked(true);
    m_practitioner->setObjectName(QStringLiteral("onboardingPractitioner"));
    for (const Practitioner& practitioner : m_practitioners)
        m_practitioner->addItem(practitioner.name, qlonglong(practitioner.id.value()));
    m_service->setObjectName(QStringLiteral("onboardingService"));
    for (const ServiceType& service : m_services)
        m_service->addItem(service.name, qlonglong(service.id.value()));
    m_start->setObjectName(QStringLiteral("onboardingStart"));
    m_start->setCalendarPopup(true);
    m_start->setDisplayFormat(dateTimeEditFormat());
    m_start->setDateTime(firstFreeSlot(firstProposal()));
    m_serviceInfo->setObjectName(QStringLiteral("onboardingServiceInfo"));
    m_serviceInfo->setWordWrap(true);
    m_conflict->setObjectName(QStringLiteral("onboardingConflict"));
    m_conflict->setWordWrap(true);
    m_conflict->setProperty("messageKind", QStringLiteral("error"));
    m_conflict->setVisible(false);
    m_doubleBook->setObjectName(QStringLiteral("onboardingDoubleBook"));
    m_doubleBook->setVisible(false);
    m_doubleBookReason->setObjectName(QStringLiteral("onboardingDoubleBookReason"));
    m_doubleBookReason->setPlaceholderText(tr("Why both clients are booked at this time"));
    m_doubleBookReason->setVisible(false);

    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(m_wanted);
    form->addRow(tr("Practi&tioner:"), m_practitioner);
    form->addRow(tr("Ser&vice:"), m_service);
    form->addRow(QString(), m_serviceInfo);
    form->addRow(tr("Starts &at:"), m_start);
    form->addRow(QString(), m_conflict);
    form->addRow(QString(), m_doubleBook);
    form->addRow(QString(), m_doubleBookReason);

    for (QComboBox* box : {m_practitioner, m_service})
        connect(box, &QComboBox::currentIndexChanged, this, &FirstBookingFields::refresh);
    connect(m_start, &QDateTimeEdit::dateTimeChanged, this, &FirstBookingFields::refresh);
    connect(m_wanted, &QCheckBox::toggled, this, &FirstBookingFields::refresh);
    connect(m_doubleBook, &QCheckBox::toggled, this, &FirstBookingFields::refresh);
    connect(m_doubleBookReason, &QLineEdit::textChanged, this, &FirstBookingFields::refresh);
    refresh();
}

QDateTime FirstBookingFields::firstFreeSlot(const QDateTime& from) const
{
    // The first quarter hour from `from` (weekdays, 08:00 to 17:00) where the first
    // practitioner is free for the first service: a proposal that does not open with an
    // overlap. A bounded search; when the days ahead are full, `from` is proposed as it is.
    constexpr int kSteps = 4 * 9 * 5;
    const int service = m_service->currentIndex();
    if (m_practitioners.empty() || service < 0 || service >= int(m_services.size()))
        return from;
    const qint64 length = qint64(m_services[size_t(service)].durationMinutes) * 60;
    const PractitionerId practitioner{m_practitioner->currentData().toLongLong()};
    AppointmentRepository diary(m_database);
    QDateTime start = from;
    for (int step = 0; step < kSteps; ++step) {
        if (start.time().hour() >= 17 || start.date().dayOfWeek() > 5) {
            start = QDateTime(start.date().addDays(1), QTime(8, 0));
            continue;
        }
        auto conflict = diary.conflictFor(practitioner, start, start.addSecs(length));
        if (conflict && !*conflict)
            return start;
        start = start.addSecs(15 * 60);
    }
    return from;
}

bool FirstBookingFields::wanted() const
{
    return m_wanted->isChecked();
}

std::optional<Appointment> FirstBookingFields::booking() const
{
    const int service = m_service->currentIndex();
    if (!wanted() || service < 0 || service >= int(m_services.size()))
        return std::nullopt;
    Appointment draft;
    draft.practitioner = PractitionerId{m_practitioner->currentData().toLongLong()};
    draft.serviceType = m_services[size_t(service)].id;
    draft.startsAt = m_start->dateTime();
    draft.endsAt = draft.startsAt.addSecs(qint64(m_services[size_t(service)].durationMinutes) * 60);
    if (m_doubleBook->isVisible() && m_doubleBook->isChecked())
        draft.doubleBookingReason = m_doubleBookReason->text().trimmed();
    return draft;
}

QString FirstBookingFields::problem() const
{
    return m_problem;
}

void FirstBookingFields::setStart(const QDateTime& start)
{
    m_start->setDateTime(start);
}

void FirstBookingFields::showOverlap(const QString& message)
{
    // Checks the diary again: the booking that got in the way is visible now, and Save stays
    // off until another time or a double-booking with a reason is chosen.
    refresh();
    if (!m_conflict->isVisible()) {
        m_conflict->setText(message);
        m_conflict->setVisible(true);
    }
}

void FirstBookingFields::refresh()
{
    const bool on = wanted();
    for (QWidget* field : std::initializer_list<QWidget*>{m_practitioner, m_service, m_start})
        field->setEnabled(on);
    m_problem.clear();
    const int index = m_service->currentIndex();
    if (index >= 0 && index < int(m_services.size())) {
        const ServiceType& service = m_services[size_t(index)];
        m_serviceInfo->setText(
            tr("%1 min, %2")
                .arg(service.durationMinutes)
                .arg(QLocale().toCurrencyString(double(service.priceCents) / 100.0)));
    }
    auto draft = booking();
    bool overlap = false;
    if (on && !draft) {
        m_problem = tr("Choose a practitioner and a service for the first booking.");
    } else if (draft) {
        if (draft->startsAt < QDateTime::currentDateTime())
            m_problem = tr("The first appointment lies in the past.");
        const AppointmentRepository diary(m_database);
        auto conflict = diary.conflictFor(draft->practitioner, draft->startsAt, draft->endsAt);
        if (conflict && *conflict) {
            overlap = true;
            // Worded as every other refused booking names the appointment in the way.
            m_conflict->setText(diary.overlapError(**conflict).message);
            if (!m_doubleBook->isChecked())
                m_problem = tr("Choose another time, or double-book with a reason.");
            else if (m_doubleBookReason->text().trimmed().isEmpty())
                m_problem = tr("A double-booking needs a reason.");
        }
    }
    m_conflict->setVisible(on && overlap);
    m_doubleBook->setVisible(on && overlap);
    m_doubleBookReason->setVisible(on && overlap && m_doubleBook->isChecked());
    emit changed();
}

} // namespace aftercare::ui
