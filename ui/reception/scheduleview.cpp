#include "reception/scheduleview.h"

#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>

#include <algorithm>

namespace aftercare::ui {

namespace {

constexpr int kHeaderHeight = 28;
constexpr int kTimeWidth = 56;
constexpr int kRowHeight = 20;
constexpr int kMinColumnWidth = 170;

QColor statusColour(AppointmentStatus status)
{
    switch (status) {
    case AppointmentStatus::Booked:
        return QColor(0x9e, 0xc5, 0xfe);
    case AppointmentStatus::Confirmed:
        return QColor(0x6e, 0xa8, 0xfe);
    case AppointmentStatus::CheckedIn:
        return QColor(0xff, 0xda, 0x6a);
    case AppointmentStatus::Completed:
        return QColor(0xa3, 0xcf, 0xbb);
    case AppointmentStatus::Cancelled:
        return QColor(0xe9, 0xec, 0xef);
    case AppointmentStatus::NoShow:
        return QColor(0xf1, 0xae, 0xb5);
    }
    return Qt::lightGray;
}

} // namespace

ScheduleView::ScheduleView(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("scheduleView"));
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Day schedule"));
}

void ScheduleView::setDay(const QDate& date, std::vector<Practitioner> practitioners,
                          std::vector<Appointment> appointments)
{
    const PractitionerId keep = selectedPractitioner();
    m_date = date;
    m_practitioners = std::move(practitioners);
    m_appointments = std::move(appointments);
    m_column = 0;
    for (int i = 0; i < int(m_practitioners.size()); ++i)
        if (m_practitioners[size_t(i)].id == keep)
            m_column = i;
    layoutBlocks();
    updateGeometry();
    update();
    emit selectionChanged(slotRect(m_column, m_row));
}

PractitionerId ScheduleView::selectedPractitioner() const
{
    if (m_column < 0 || m_column >= int(m_practitioners.size()))
        return {};
    return m_practitioners[size_t(m_column)].id;
}

QDateTime ScheduleView::selectedTime() const
{
    return QDateTime(m_date, QTime(kFirstHour, 0).addSecs(m_row * kSlotMinutes * 60));
}

void ScheduleView::selectSlot(PractitionerId practitioner, const QTime& time)
{
    for (int i = 0; i < int(m_practitioners.size()); ++i)
        if (m_practitioners[size_t(i)].id == practitioner)
            m_column = i;
    m_row = std::clamp(rowOf(time), 0, rowCount() - 1);
    update();
    emit selectionChanged(slotRect(m_column, m_row));
}

std::optional<Appointment> ScheduleView::selectedAppointment() const
{
    if (const Appointment* appointment = appointmentAt(m_column, m_row))
        return *appointment;
    return std::nullopt;
}

int ScheduleView::rowCount() const
{
    return (kLastHour - kFirstHour) * 60 / kSlotMinutes;
}

int ScheduleView::columnWidth() const
{
    const int columns = std::max<int>(1, int(m_practitioners.size()));
    return std::max(kMinColumnWidth, (width() - kTimeWidth) / columns);
}

QSize ScheduleView::sizeHint() const
{
    return {kTimeWidth + std::max<int>(1, int(m_practitioners.size())) * kMinColumnWidth,
            kHeaderHeight + rowCount() * kRowHeight + 1};
}

QSize ScheduleView::minimumSizeHint() const
{
    return sizeHint();
}

QRect ScheduleView::slotRect(int column, int row) const
{
    return {kTimeWidth + column * columnWidth(), kHeaderHeight + row * kRowHeight, columnWidth(),
            kRowHeight};
}

int ScheduleView::rowOf(const QTime& time) const
{
    return (time.msecsSinceStartOfDay() / 60000 - kFirstHour * 60) / kSlotMinutes;
}

QRect ScheduleView::blockRect(const Block& block) const
{
    const Appointment& appointment = m_appointments[size_t(block.appointment)];
    const int dayStart = kFirstHour * 60;
    const auto minuteOf = [&](const QDateTime& at) {
        if (at.date() < m_date)
            return dayStart;
        if (at.date() > m_date)
            return kLastHour * 60;
        return std::clamp(at.time().msecsSinceStartOfDay() / 60000, dayStart, kLastHour * 60);
    };
    const int top =
        kHeaderHeight + (minuteOf(appointment.startsAt) - dayStart) * kRowHeight / kSlotMinutes;
    const int bottom =
        kHeaderHeight + (minuteOf(appointment.endsAt) - dayStart) * kRowHeight / kSlotMinutes;
    const int laneWidth = (columnWidth() - 6) / block.lanes;
    return {kTimeWidth + block.column * columnWidth() + 3 + block.lane * laneWidth, top + 1,
            laneWidth - 2, std::max(bottom - top - 2, kRowHeight - 2)};
}

// Overlapping blocks in one column (a double-booking, a cancelled slot booked again) share
// the column side by side, so none hides another.
void ScheduleView::layoutBlocks()
{
    m_blocks.clear();
    for (int column = 0; column < int(m_practitioners.size()); ++column) {
        std::vector<Block> blocks;
        std::vector<QDateTime> laneEnds;
        size_t groupStart = 0;
        QDateTime groupEnd;
        const auto closeGroup = [&] {
            for (size_t i = groupStart; i < blocks.size(); ++i)
                blocks[i].lanes = int(laneEnds.size());
            laneEnds.clear();
            groupStart = blocks.size();
        };
        for (int i = 0; i < int(m_appointments.size()); ++i) {
            const Appointment& appointment = m_appointments[size_t(i)];
            if (appointment.practitioner != m_practitioners[size_t(column)].id)
                continue;
            if (groupEnd.isValid() && appointment.startsAt >= groupEnd)
                closeGroup();
            int lane = 0;
            while (lane < int(laneEnds.size()) && laneEnds[size_t(lane)] > appointment.startsAt)
                ++lane;
            if (lane == int(laneEnds.size()))
                laneEnds.push_back(appointment.endsAt);
            else
                laneEnds[size_t(lane)] = appointment.endsAt;
            groupEnd =
                groupEnd.isValid() ? std::max(groupEnd, appointment.endsAt) : appointment.endsAt;
            blocks.push_back({i, column, lane, 1});
        }
        closeGroup();
        m_blocks.insert(m_blocks.end(), blocks.begin(), blocks.end());
    }
}

const Appointment* ScheduleView::appointmentAt(int column, int row) const
{
    if (column < 0 || column >= int(m_practitioners.size()))
        return nullptr;
    const QDateTime start =
        QDateTime(m_date, QTime(kFirstHour, 0).addSecs(row * kSlotMinutes * 60));
    const QDateTime end = start.addSecs(kSlotMinutes * 60);
    const Appointment* found = nullptr;
    for (const Appointment& appointment : m_appointments) {
        if (appointment.practitioner != m_practitioners[size_t(column)].id ||
            appointment.startsAt >= end || appointment.endsAt <= start)
            continue;
        if (!found || (appointment.isActive() && !found->isActive()))
            found = &appointment;
    }
    return found;
}

void ScheduleView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().base());
    const int columns = int(m_practitioners.size());
    const int gridRight = kTimeWidth + columns * columnWidth();
    const QColor line = palette().mid().color();
    const QColor faint = palette().midlight().color();

    for (int row = 0; row <= rowCount(); ++row) {
        const int y = kHeaderHeight + row * kRowHeight;
        const bool hour = row % (60 / kSlotMinutes) == 0;
        painter.setPen(hour ? line : faint);
        painter.drawLine(kTimeWidth, y, gridRight, y);
        if (hour && row < rowCount()) {
            painter.setPen(palette().text().color());
            painter.drawText(
                QRect(0, y, kTimeWidth - 6, kRowHeight), Qt::AlignRight | Qt::AlignVCenter,
                QLocale().toString(QTime(kFirstHour + row / 4, 0), QStringLiteral("HH:mm")));
        }
    }
    QFont bold = font();
    bold.setBold(true);
    for (int column = 0; column <= columns; ++column) {
        const int x = kTimeWidth + column * columnWidth();
        painter.setPen(line);
        painter.drawLine(x, 0, x, kHeaderHeight + rowCount() * kRowHeight);
        if (column < columns) {
            painter.setFont(bold);
            painter.setPen(palette().text().color());
            const QRect header(x + 4, 0, columnWidth() - 8, kHeaderHeight);
            painter.drawText(header, Qt::AlignCenter,
                             painter.fontMetrics().elidedText(m_practitioners[size_t(column)].name,
                                                              Qt::ElideRight, header.width()));
            painter.setFont(font());
        }
    }

    if (columns > 0) {
        painter.fillRect(slotRect(m_column, m_row).adjusted(1, 1, 0, 0),
                         palette().highlight().color().lighter(170));
    }

    const std::optional<Appointment> selected = selectedAppointment();
    for (const Block& block : m_blocks) {
        const Appointment& appointment = m_appointments[size_t(block.appointment)];
        const QRect box = blockRect(block);
        const bool faded = appointment.status == AppointmentStatus::Cancelled;
        QColor fill = statusColour(appointment.status);
        painter.setPen(faded ? faint : fill.darker(150));
        painter.setBrush(fill);
        painter.drawRoundedRect(box, 3, 3);
        if (selected && selected->id == appointment.id) {
            painter.setPen(QPen(palette().highlight().color(), 2));
            painter.setBrush(Qt::NoBrush);
            painter.drawRoundedRect(box.adjusted(1, 1, -1, -1), 3, 3);
        }
        painter.setPen(faded ? palette().placeholderText().color() : QColor(Qt::black));
        const QRect text = box.adjusted(4, 1, -3, -1);
        const QFontMetrics metrics = painter.fontMetrics();
        QString first = QLocale().toString(appointment.startsAt.time(), QStringLiteral("HH:mm")) +
                        QLatin1Char(' ') + appointment.clientName;
        if (faded)
            first += QLatin1Char(' ') + tr("(cancelled)");
        else if (appointment.status == AppointmentStatus::NoShow)
            first += QLatin1Char(' ') + tr("(no-show)");
        if (!appointment.doubleBookingReason.isEmpty())
            first.prepend(QStringLiteral("⚠ "));
        QStringList lines{metrics.elidedText(first, Qt::ElideRight, text.width())};
        if (text.height() >= 2 * metrics.height())
            lines << metrics.elidedText(appointment.serviceName, Qt::ElideRight, text.width());
        else
            lines[0] = metrics.elidedText(first + QStringLiteral(" · ") + appointment.serviceName,
                                          Qt::ElideRight, text.width());
        painter.drawText(text, Qt::AlignLeft | Qt::AlignTop, lines.join(QLatin1Char('\n')));
    }
    if (hasFocus() && columns > 0) {
        painter.setPen(QPen(palette().highlight().color(), 1, Qt::DashLine));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(slotRect(m_column, m_row).adjusted(1, 1, -1, -1));
    }
}

void ScheduleView::moveSelection(int columnStep, int rowStep)
{
    if (m_practitioners.empty())
        return;
    m_column = std::clamp(m_column + columnStep, 0, int(m_practitioners.size()) - 1);
    m_row = std::clamp(m_row + rowStep, 0, rowCount() - 1);
    update();
    emit selectionChanged(slotRect(m_column, m_row));
}

void ScheduleView::activate()
{
    if (m_practitioners.empty())
        return;
    if (const Appointment* appointment = appointmentAt(m_column, m_row))
        emit appointmentActivated(appointment->id);
    else
        emit slotActivated(selectedPractitioner(), selectedTime());
}

void ScheduleView::keyPressEvent(QKeyEvent* event)
{
    const bool alt = event->modifiers() & Qt::AltModifier;
    switch (event->key()) {
    case Qt::Key_Up:
        moveSelection(0, -1);
        return;
    case Qt::Key_Down:
        moveSelection(0, 1);
        return;
    case Qt::Key_Left:
        if (alt)
            emit dayStepRequested(-1);
        else
            moveSelection(-1, 0);
        return;
    case Qt::Key_Right:
        if (alt)
            emit dayStepRequested(1);
        else
            moveSelection(1, 0);
        return;
    case Qt::Key_PageUp:
        emit dayStepRequested(-1);
        return;
    case Qt::Key_PageDown:
        emit dayStepRequested(1);
        return;
    case Qt::Key_T:
        if (event->modifiers() == Qt::NoModifier) {
            emit todayRequested();
            return;
        }
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        activate();
        return;
    default:
        break;
    }
    QWidget::keyPressEvent(event);
}

void ScheduleView::mousePressEvent(QMouseEvent* event)
{
    const QPoint at = event->position().toPoint();
    if (at.x() < kTimeWidth || at.y() < kHeaderHeight || m_practitioners.empty())
        return;
    m_column =
        std::clamp((at.x() - kTimeWidth) / columnWidth(), 0, int(m_practitioners.size()) - 1);
    m_row = std::clamp((at.y() - kHeaderHeight) / kRowHeight, 0, rowCount() - 1);
    setFocus(Qt::MouseFocusReason);
    update();
    emit selectionChanged(slotRect(m_column, m_row));
}

void ScheduleView::mouseDoubleClickEvent(QMouseEvent* event)
{
    mousePressEvent(event);
    activate();
}

} // namespace aftercare::ui
