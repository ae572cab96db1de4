#include "reception/schedulepage.h"

#include "common/displayformat.h"
#include "desk/bookingdesk.h"
#include "reception/bookingdialog.h"
#include "reception/scheduleview.h"
#include "repositories/appointmentrepository.h"
#include "repositories/practicerepository.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QShortcut>
#include <QSignalBlocker>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace aftercare::ui {

namespace {

QPushButton* actionButton(const QString& text, const QString& name, QWidget* parent)
{
    auto* button = new QPushButton(text, parent);
    button->setObjectName(name);
    button->setAutoDefault(false);
    return button;
}

} // namespace

SchedulePage::SchedulePage(Database& database, const Actor& actor, QWidget* parent)
    : QWidget(parent)
    , m_database(database)
    , m_actor(actor)
    , m_date(new QDateEdit(QDate::currentDate(), this))
    , m_showCancelled(new QCheckBox(tr("Show &cancelled"), this))
    , m_weekToggle(new QPushButton(tr("&Week"), this))
    , m_practitioner(new QComboBox(this))
    , m_book(actionButton(tr("&Book…"), QStringLiteral("scheduleBook"), this))
    , m_move(actionButton(tr("&Move…"), QStringLiteral("scheduleMove"), this))
    , m_checkIn(actionButton(tr("Check &in"), QStringLiteral("scheduleCheckIn"), this))
    , m_complete(actionButton(tr("Com&plete"), QStringLiteral("scheduleComplete"), this))
    , m_noShow(actionButton(tr("&No-show"), QStringLiteral("scheduleNoShow"), this))
    , m_cancel(actionButton(tr("Cancel &appointment…"), QStringLiteral("scheduleCancel"), this))
    , m_message(new QLabel(this))
    , m_scroll(new QScrollArea(this))
    , m_view(new ScheduleView(m_scroll))
{
    setObjectName(QStringLiteral("schedulePage"));
    m_date->setObjectName(QStringLiteral("scheduleDate"));
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QLocale().dateFormat(QLocale::LongFormat));
    m_showCancelled->setObjectName(QStringLiteral("scheduleShowCancelled"));
    m_showCancelled->setChecked(true);
    m_weekToggle->setObjectName(QStringLiteral("scheduleWeekToggle"));
    m_weekToggle->setCheckable(true);
    m_weekToggle->setAutoDefault(false);
    m_weekToggle->setToolTip(tr("Day or week (Ctrl+Shift+W, Alt+W)"));
    m_practitioner->setObjectName(QStringLiteral("schedulePractitioner"));
    m_practitioner->setToolTip(tr("Whose diary to show"));
    m_practitioner->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_message->setObjectName(QStringLiteral("scheduleMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* previous = new QToolButton(this);
    previous->setObjectName(QStringLiteral("schedulePreviousDay"));
    previous->setArrowType(Qt::LeftArrow);
    previous->setToolTip(tr("Previous day or week (PgUp, Alt+Left)"));
    auto* next = new QToolButton(this);
    next->setObjectName(QStringLiteral("scheduleNextDay"));
    next->setArrowType(Qt::RightArrow);
    next->setToolTip(tr("Next day or week (PgDown, Alt+Right)"));
    auto* today = actionButton(tr("Today"), QStringLiteral("scheduleToday"), this);
    today->setToolTip(tr("Today (Home, T)"));

    auto* dayBar = new QHBoxLayout;
    dayBar->addWidget(previous);
    dayBar->addWidget(m_date);
    dayBar->addWidget(next);
    dayBar->addWidget(today);
    dayBar->addWidget(m_weekToggle);
    dayBar->addSpacing(12);
    dayBar->addWidget(m_practitioner);
    dayBar->addSpacing(12);
    dayBar->addWidget(m_showCancelled);
    dayBar->addStretch();
    auto* actionBar = new QHBoxLayout;
    for (QPushButton* button : {m_book, m_move, m_checkIn, m_complete, m_noShow, m_cancel})
        actionBar->addWidget(button);
    actionBar->addStretch();

    m_scroll->setWidget(m_view);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFocusProxy(m_view);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->addLayout(dayBar);
    layout->addLayout(actionBar);
    layout->addWidget(m_message);
    layout->addWidget(m_scroll, 1);
    setFocusProxy(m_view);

    connect(m_date, &QDateEdit::dateChanged, this, [this] { reload(); });
    connect(previous, &QToolButton::clicked, this,
            [this] { showDay(day().addDays(isWeek() ? -7 : -1)); });
    connect(next, &QToolButton::clicked, this,
            [this] { showDay(day().addDays(isWeek() ? 7 : 1)); });
    connect(m_weekToggle, &QPushButton::toggled, this, [this] { reload(); });
    auto* weekKey = new QShortcut(QKeySequence(tr("Ctrl+Shift+W")), this);
    weekKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(weekKey, &QShortcut::activated, m_weekToggle, &QPushButton::toggle);
    connect(m_practitioner, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_fillingPractitioners)
            reload();
    });
    connect(m_view, &ScheduleView::moveRequested, this, &SchedulePage::moveByDrag);
    connect(today, &QPushButton::clicked, this, [this] { showDay(QDate::currentDate()); });
    connect(m_showCancelled, &QCheckBox::toggled, this, [this] { reload(); });
    connect(m_view, &ScheduleView::dayStepRequested, this,
            [this](int days) { showDay(day().addDays(days)); });
    connect(m_view, &ScheduleView::todayRequested, this, [this] { showDay(QDate::currentDate()); });
    connect(m_view, &ScheduleView::selectionChanged, this, [this](const QRect& slot) {
        m_scroll->ensureVisible(slot.center().x(), slot.center().y(), slot.width() / 2,
                                slot.height() * 2);
        // In the week the chosen day follows the selection, so paging keeps the weekday.
        if (isWeek() && !m_reloading && m_view->date() != day()) {
            const QSignalBlocker quiet(m_date);
            m_date->setDate(m_view->date());
        }
        updateActions();
    });
    connect(m_view, &ScheduleView::slotActivated, this, [this] { bookAtSelection(); });
    connect(m_view, &ScheduleView::appointmentActivated, this, [this] { moveSelected(); });
    connect(m_book, &QPushButton::clicked, this, &SchedulePage::bookAtSelection);
    connect(m_move, &QPushButton::clicked, this, &SchedulePage::moveSelected);
    connect(m_checkIn, &QPushButton::clicked, this, &SchedulePage::checkInSelected);
    connect(m_complete, &QPushButton::clicked, this, &SchedulePage::completeSelected);
    connect(m_noShow, &QPushButton::clicked, this, &SchedulePage::markSelectedNoShow);
    connect(m_cancel, &QPushButton::clicked, this, &SchedulePage::cancelSelected);
}

QDate SchedulePage::day() const
{
    return m_date->date();
}

QString SchedulePage::message() const
{
    return m_message->text();
}

void SchedulePage::showDay(const QDate& date)
{
    if (date == m_date->date())
        reload();
    else
        m_date->setDate(date); // reloads
}

void SchedulePage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!m_loaded) {
        reload();
        // The working day starts in view, not at the top of the grid.
        m_view->selectSlot(m_view->selectedPractitioner(), QTime(8, 0));
        m_scroll->verticalScrollBar()->setValue(0);
    }
}

bool SchedulePage::isWeek() const
{
    return m_weekToggle->isChecked();
}

void SchedulePage::setWeek(bool week)
{
    m_weekToggle->setChecked(week); // reloads when it changes
}

void SchedulePage::fillPractitioners(const std::vector<Practitioner>& practitioners)
{
    const QVariant chosen = m_practitioner->currentData();
    m_fillingPractitioners = true;
    m_practitioner->clear();
    m_practitioner->addItem(tr("All practitioners"));
    for (const Practitioner& practitioner : practitioners)
        m_practitioner->addItem(practitioner.name, practitioner.id.toVariant());
    const int index = chosen.isValid() ? m_practitioner->findData(chosen) : 0;
    m_practitioner->setCurrentIndex(std::max(0, index));
    m_fillingPractitioners = false;
}

void SchedulePage::reload()
{
    m_loaded = true;
    auto practitioners = PracticeRepository(m_database).practitioners();
    if (!practitioners) {
        showMessage(practitioners.error().message, true);
        return;
    }
    fillPractitioners(*practitioners);
    const PractitionerId only = PractitionerId::fromVariant(m_practitioner->currentData());
    if (only.isValid())
        std::erase_if(*practitioners,
                      [only](const Practitioner& practitioner) { return practitioner.id != only; });
    const QDate monday = day().addDays(1 - day().dayOfWeek());
    // One indexed range query for the whole week.
    auto appointments =
        isWeek() ? AppointmentRepository(m_database).range(monday, monday.addDays(6), only)
                 : AppointmentRepository(m_database).day(day(), only);
    if (!appointments) {
        showMessage(appointments.error().message, true);
        return;
    }
    if (!m_showCancelled->isChecked())
        std::erase_if(*appointments, [](const Appointment& appointment) {
            return appointment.status == AppointmentStatus::Cancelled;
        });
    if (isWeek()) {
        m_reloading = true; // the chosen day decides which day of the week is selected
        m_view->setWeek(monday, std::move(*practitioners), std::move(*appointments));
        m_reloading = false;
        m_view->selectSlot(day(), m_view->selectedPractitioner(), m_view->selectedTime().time());
    } else
        m_view->setDay(day(), std::move(*practitioners), std::move(*appointments));
    updateActions();
}

std::optional<Appointment> SchedulePage::selected()
{
    return m_view->selectedAppointment();
}

void SchedulePage::updateActions()
{
    const std::optional<Appointment> appointment = selected();
    const bool active = appointment && appointment->isActive();
    m_move->setEnabled(active);
    m_cancel->setEnabled(active);
    m_noShow->setEnabled(active && appointment->status != AppointmentStatus::CheckedIn);
    m_checkIn->setEnabled(active && appointment->status != AppointmentStatus::CheckedIn);
    m_complete->setEnabled(active);
    m_book->setEnabled(!m_view->practitioners().empty());
}

void SchedulePage::showMessage(const QString& text, bool error)
{
    m_message->setStyleSheet(error ? QStringLiteral("color: #b02a37;") : QString());
    m_message->setText(text);
}

void SchedulePage::finish(const Status& status, const QString& done)
{
    if (status) {
        showMessage(done, false);
    } else {
        showMessage(status.error().message, true);
    }
    // Success shows the new state; a refusal (someone else changed it) shows theirs.
    reload();
}

void SchedulePage::bookAtSelection()
{
    if (m_view->practitioners().empty())
        return;
    auto* dialog = new BookingDialog(m_database, m_actor, m_view->selectedPractitioner(),
                                     m_view->selectedTime(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &BookingDialog::saved, this,
            [this](AppointmentId) { finish({}, tr("Booked.")); });
    dialog->open();
    emit dialogOpened(dialog);
}

void SchedulePage::moveSelected()
{
    const std::optional<Appointment> appointment = selected();
    if (!appointment || !appointment->isActive())
        return;
    auto* dialog = new BookingDialog(m_database, m_actor, *appointment, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &BookingDialog::saved, this,
            [this](AppointmentId) { finish({}, tr("Moved.")); });
    connect(dialog, &BookingDialog::conflicted, this,
            [this](const QString& message) { finish(fail(Error::conflict(message)), {}); });
    dialog->open();
    emit dialogOpened(dialog);
}

void SchedulePage::moveByDrag(AppointmentId id, PractitionerId practitioner,
                              const QDateTime& startsAt)
{
    const auto& shown = m_view->appointments();
    const auto found =
        std::find_if(shown.begin(), shown.end(),
                     [id](const Appointment& appointment) { return appointment.id == id; });
    if (found == shown.end())
        return;
    Appointment appointment = *found; // as this workstation read it: row_version included
    finish(BookingDesk(m_database, m_actor).move(appointment, startsAt, practitioner),
           tr("Moved %1 to %2.").arg(appointment.clientName, dateTimeText(startsAt)));
}

void SchedulePage::cancelSelected()
{
    std::optional<Appointment> appointment = selected();
    if (!appointment || !appointment->isActive())
        return;
    auto* dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("cancelReasonDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Cancel appointment"));
    dialog->setLabelText(tr("Why is %1's appointment at %2 cancelled?")
                             .arg(appointment->clientName, dateTimeText(appointment->startsAt)));
    dialog->setOkButtonText(tr("Cancel appointment"));
    dialog->setCancelButtonText(tr("Keep it"));
    connect(dialog, &QInputDialog::textValueSelected, this,
            [this, appointment](const QString& reason) mutable {
                finish(BookingDesk(m_database, m_actor).cancel(*appointment, reason),
                       tr("Cancelled."));
            });
    dialog->open();
    emit dialogOpened(dialog);
}

void SchedulePage::markSelectedNoShow()
{
    std::optional<Appointment> appointment = selected();
    if (appointment)
        finish(BookingDesk(m_database, m_actor).markNoShow(*appointment), tr("Marked as no-show."));
}

void SchedulePage::checkInSelected()
{
    std::optional<Appointment> appointment = selected();
    if (appointment)
        finish(BookingDesk(m_database, m_actor).checkIn(*appointment), tr("Checked in."));
}

void SchedulePage::completeSelected()
{
    std::optional<Appointment> appointment = selected();
    if (appointment)
        finish(BookingDesk(m_database, m_actor).complete(*appointment),
               tr("Completed; the invoice is drafted."));
}

} // namespace aftercare::ui
