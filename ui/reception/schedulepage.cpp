#include "reception/schedulepage.h"

#include "common/displayformat.h"
#include "common/vocabularytext.h"
#include "desk/bookingdesk.h"
#include "reception/bookingdialog.h"
#include "reception/cancelappointmentdialog.h"
#include "reception/daylistdocument.h"
#include "reception/scheduleview.h"
#include "repositories/appointmentrepository.h"
#include "repositories/practitionerrepository.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QShortcut>
#include <QSignalBlocker>
#include <QTimer>
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

// How long Undo is offered after a no-show, a completion or a move (unless another change comes
// first).
constexpr int kUndoSeconds = 30;

// A swatch and the status's name for each colour of the diary.
QWidget* statusLegend(QWidget* parent)
{
    auto* legend = new QWidget(parent);
    legend->setObjectName(QStringLiteral("scheduleLegend"));
    auto* layout = new QHBoxLayout(legend);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    for (AppointmentStatus status : allOf<AppointmentStatus>()) {
        auto* swatch = new QLabel(legend);
        swatch->setFixedSize(14, 14);
        const QColor fill = ScheduleView::statusColour(status);
        swatch->setStyleSheet(QStringLiteral("background: %1; border: 1px solid %2;")
                                  .arg(fill.name(), fill.darker(150).name()));
        auto* name = new QLabel(appointmentStatusName(status), legend);
        name->setObjectName(QStringLiteral("scheduleLegend_") + sqlName(status));
        layout->addWidget(swatch);
        layout->addWidget(name);
        layout->addSpacing(8);
    }
    layout->addStretch();
    return legend;
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
    , m_print(actionButton(tr("P&rint day…"), QStringLiteral("schedulePrint"), this))
    , m_undo(actionButton(tr("&Undo"), QStringLiteral("scheduleUndo"), this))
    , m_undoTimer(new QTimer(this))
    , m_legend(statusLegend(this))
    , m_outsideHours(new QLabel(this))
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
    m_print->setToolTip(tr("The day's appointments per practitioner, to print or save as PDF "
                           "(Ctrl+P)"));
    m_undo->setToolTip(tr("Take back the last no-show, completion or move (Ctrl+Z)"));
    m_undo->setVisible(false);
    QSizePolicy keepPlace = m_undo->sizePolicy();
    keepPlace.setRetainSizeWhenHidden(true); // the diary does not jump when Undo comes and goes
    m_undo->setSizePolicy(keepPlace);
    m_undoTimer->setObjectName(QStringLiteral("scheduleUndoTimer"));
    m_undoTimer->setSingleShot(true);
    m_undoTimer->setInterval(kUndoSeconds * 1000);
    m_outsideHours->setObjectName(QStringLiteral("scheduleOutsideHours"));
    m_outsideHours->setWordWrap(true);
    m_outsideHours->setVisible(false);
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
    actionBar->addWidget(m_print);
    auto* messageBar = new QHBoxLayout;
    messageBar->addWidget(m_message, 1);
    messageBar->addWidget(m_undo);

    m_scroll->setWidget(m_view);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFocusProxy(m_view);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->addLayout(dayBar);
    layout->addLayout(actionBar);
    layout->addWidget(m_legend);
    layout->addLayout(messageBar);
    layout->addWidget(m_outsideHours);
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
    connect(m_print, &QPushButton::clicked, this, qOverload<>(&SchedulePage::printDayList));
    auto* printKey = new QShortcut(QKeySequence::Print, this);
    printKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(printKey, &QShortcut::activated, this, qOverload<>(&SchedulePage::printDayList));
    connect(m_undo, &QPushButton::clicked, this, &SchedulePage::undoLast);
    auto* undoKey = new QShortcut(QKeySequence::Undo, this);
    undoKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(undoKey, &QShortcut::activated, this, &SchedulePage::undoLast);
    connect(m_undoTimer, &QTimer::timeout, this, &SchedulePage::dropUndo);
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
    auto practitioners = PractitionerRepository(m_database).practitioners();
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
    showOutsideHours();
    updateActions();
}

void SchedulePage::showOutsideHours()
{
    // Says so when the grid grew beyond the usual hours, so an evening booking is noticed.
    int outside = 0;
    QTime earliest;
    for (const Appointment& appointment : m_view->appointments()) {
        const QTime start = appointment.startsAt.time();
        const QTime end = appointment.endsAt.time();
        const bool early = start < QTime(ScheduleView::kUsualFirstHour, 0);
        const bool late = appointment.endsAt.date() > appointment.startsAt.date() ||
                          end > QTime(ScheduleView::kUsualLastHour, 0) ||
                          start >= QTime(ScheduleView::kUsualLastHour, 0);
        if (!early && !late)
            continue;
        ++outside;
        if (!earliest.isValid() || start < earliest)
            earliest = start;
    }
    m_outsideHours->setVisible(outside > 0);
    if (outside > 0)
        m_outsideHours->setText(
            tr("%n appointments outside the usual hours (%1–%2); the diary shows %3–%4.", nullptr,
               outside)
                .arg(timeText(QTime(ScheduleView::kUsualFirstHour, 0)),
                     timeText(QTime(ScheduleView::kUsualLastHour, 0)),
                     timeText(QTime(m_view->firstHour(), 0)),
                     m_view->lastHour() == 24 ? QStringLiteral("24:00")
                                              : timeText(QTime(m_view->lastHour(), 0))));
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
    m_view->setFocus(Qt::OtherFocusReason); // the keyboard stays in the diary
}

void SchedulePage::offerUndo(UndoKind kind, const Appointment& before, const Appointment& after)
{
    m_undoable = Undoable{kind, before, after};
    m_undo->setVisible(true);
    m_undoTimer->start();
}

void SchedulePage::dropUndo()
{
    m_undoable.reset();
    m_undo->setVisible(false);
    m_undoTimer->stop();
}

bool SchedulePage::canUndo() const
{
    return m_undoable.has_value();
}

void SchedulePage::undoLast()
{
    if (!m_undoable)
        return;
    const Undoable undoable = *m_undoable;
    dropUndo();
    Appointment appointment = undoable.after; // as the change left it: row_version included
    BookingDesk desk(m_database, m_actor);
    if (undoable.kind == UndoKind::NoShow) {
        finish(desk.undoNoShow(appointment, undoable.before.status),
               tr("%1 is no longer marked as a no-show.").arg(appointment.clientName));
        return;
    }
    if (undoable.kind == UndoKind::Complete) {
        finish(desk.undoComplete(appointment, undoable.before.status),
               tr("%1's visit is open again; its draft invoice is voided.")
                   .arg(appointment.clientName));
        return;
    }
    finish(desk.move(appointment, undoable.before.startsAt, undoable.before.practitioner,
                     undoable.before.doubleBookingReason),
           tr("%1 is back at %2 with %3.")
               .arg(appointment.clientName, appointmentTimeText(undoable.before.startsAt),
                    undoable.before.practitionerName));
    if (m_view->selectAppointment(appointment.id))
        updateActions();
}

void SchedulePage::showAppointment(const Appointment& appointment)
{
    if (const int only = m_practitioner->currentIndex();
        only > 0 &&
        PractitionerId::fromVariant(m_practitioner->currentData()) != appointment.practitioner)
        m_practitioner->setCurrentIndex(0); // all practitioners: the appointment is among them
    if (appointment.status == AppointmentStatus::Cancelled)
        m_showCancelled->setChecked(true);
    showMessage({}, false); // what was said about another day no longer applies
    showDay(appointment.startsAt.date());
    m_view->selectAppointment(appointment.id);
    updateActions();
    m_view->setFocus(Qt::OtherFocusReason);
}

void SchedulePage::printDayList()
{
    auto* printer = new QPrinter(QPrinter::HighResolution);
    auto* dialog = new QPrintDialog(printer, this);
    dialog->setObjectName(QStringLiteral("schedulePrintDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Print the day list"));
    connect(dialog, &QObject::destroyed, this, [printer] { delete printer; });
    connect(dialog, &QDialog::accepted, this, [this, printer] {
        if (auto printed = printDayList(*printer); !printed)
            showMessage(printed.error().message, true);
        else
            showMessage(tr("The day list of %1 is printed.").arg(dateText(m_view->date())), false);
    });
    dialog->open();
}

Status SchedulePage::printDayList(QPrinter& printer)
{
    const QDate date = m_view->date();
    // Read afresh: the list on paper is what the diary holds now, every practitioner shown.
    auto appointments = AppointmentRepository(m_database).day(date);
    if (!appointments)
        return fail(appointments.error());
    printer.setDocName(tr("Day list %1").arg(dateText(date)));
    DayListDocument::print(printer, date, m_view->practitioners(), *appointments);
    return {};
}

void SchedulePage::bookAtSelection()
{
    if (m_view->practitioners().empty())
        return;
    auto* dialog = new BookingDialog(m_database, m_actor, m_view->selectedPractitioner(),
                                     m_view->selectedTime(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &BookingDialog::saved, this, [this](AppointmentId id) {
        dropUndo();
        // The new appointment in view, also when it lies on another day or outside the hours.
        if (auto booked = AppointmentRepository(m_database).get(id))
            showAppointment(*booked);
        finish({}, tr("Booked."));
    });
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
    const Appointment before = *appointment;
    connect(dialog, &BookingDialog::saved, this, [this, before](AppointmentId id) {
        auto after = AppointmentRepository(m_database).get(id);
        finish({}, tr("Moved."));
        if (after) {
            showAppointment(*after);
            offerUndo(UndoKind::Move, before, *after);
            showMessage(
                tr("Moved %1 to %2.").arg(after->clientName, appointmentTimeText(after->startsAt)),
                false);
        }
    });
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
    const Appointment before = appointment;
    const Status moved = BookingDesk(m_database, m_actor).move(appointment, startsAt, practitioner);
    if (moved)
        offerUndo(UndoKind::Move, before, appointment);
    finish(moved, tr("Moved %1 to %2.").arg(appointment.clientName, appointmentTimeText(startsAt)));
}

void SchedulePage::cancelSelected()
{
    std::optional<Appointment> appointment = selected();
    if (!appointment || !appointment->isActive())
        return;
    auto* dialog = new CancelAppointmentDialog(*appointment, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CancelAppointmentDialog::accepted, this, [this, dialog] {
        Appointment cancelled = dialog->appointment();
        dropUndo();
        finish(BookingDesk(m_database, m_actor).cancel(cancelled, dialog->reason()),
               tr("Cancelled %1's appointment: %2.").arg(cancelled.clientName, dialog->reason()));
    });
    dialog->open();
    emit dialogOpened(dialog);
}

void SchedulePage::markSelectedNoShow()
{
    std::optional<Appointment> appointment = selected();
    if (!appointment)
        return;
    const Appointment before = *appointment;
    const Status marked = BookingDesk(m_database, m_actor).markNoShow(*appointment);
    if (marked)
        offerUndo(UndoKind::NoShow, before, *appointment);
    else
        dropUndo();
    finish(marked, tr("%1 marked as a no-show.").arg(before.clientName));
}

void SchedulePage::checkInSelected()
{
    std::optional<Appointment> appointment = selected();
    if (!appointment)
        return;
    dropUndo();
    finish(BookingDesk(m_database, m_actor).checkIn(*appointment), tr("Checked in."));
}

void SchedulePage::completeSelected()
{
    std::optional<Appointment> appointment = selected();
    if (!appointment)
        return;
    const Appointment before = *appointment;
    const Status completed = BookingDesk(m_database, m_actor).complete(*appointment);
    if (completed)
        offerUndo(UndoKind::Complete, before, *appointment);
    else
        dropUndo();
    finish(completed, tr("Completed; the invoice is drafted."));
}

} // namespace aftercare::ui
