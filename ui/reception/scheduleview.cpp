#include "reception/scheduleview.h"

#include "common/displayformat.h"

#include <QApplication>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace aftercare::ui {

namespace {

constexpr int kHeaderHeight = 28;
constexpr int kTimeWidth = 56;
constexpr int kRowHeight = 20;
constexpr int kMinColumnWidth = 170;
constexpr int kMinWeekDayWidth = 160;
constexpr int kMinWeekColumnWidth = 22;

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
    setMouseTracking(true); // a drag follows the pointer whatever reports the button
    setAccessibleName(tr("Schedule"));
}

void ScheduleView::setDay(const QDate& date, std::vector<Practitioner> practitioners,
                          std::vector<Appointment> appointments)
{
    m_week = false;
    m_first = date;
    setAccessibleName(tr("Day schedule"));
    setColumns(std::move(practitioners), std::move(appointments));
}

void ScheduleView::setWeek(const QDate& monday, std::vector<Practitioner> practitioners,
                           std::vector<Appointment> appointments)
{
    m_week = true;
    m_first = monday;
    setAccessibleName(tr("Week schedule"));
    setColumns(std::move(practitioners), std::move(appointments));
}

void ScheduleView::setColumns(std::vector<Practitioner> practitioners,
                              std::vector<Appointment> appointments)
{
    const PractitionerId keep = selectedPractitioner();
    const QDate keepDate =
        m_column < int(m_columns.size()) ? m_columns[size_t(m_column)].date : QDate();
    m_practitioners = std::move(practitioners);
    m_appointments = std::move(appointments);
    m_columns.clear();
    const int days = m_week ? 7 : 1;
    for (int day = 0; day < days; ++day)
        for (int i = 0; i < int(m_practitioners.size()); ++i)
            m_columns.push_back({m_first.addDays(day), i});
    m_column = 0;
    // Keep the practitioner, and in the week the weekday, that were selected.
    for (int i = 0; i < int(m_columns.size()); ++i) {
        const Column& column = m_columns[size_t(i)];
        if (m_practitioners[size_t(column.practitioner)].id != keep)
            continue;
        if (!m_week || column.date.dayOfWeek() == (keepDate.isValid() ? keepDate.dayOfWeek() : 1)) {
            m_column = i;
            break;
        }
    }
    m_dragged.reset();
    m_dragging = false;
    layoutBlocks();
    updateGeometry();
    update();
    emit selectionChanged(slotRect(m_column, m_row));
}

QDate ScheduleView::date() const
{
    if (m_column >= 0 && m_column < int(m_columns.size()))
        return m_columns[size_t(m_column)].date;
    return m_first;
}

PractitionerId ScheduleView::selectedPractitioner() const
{
    if (m_column < 0 || m_column >= int(m_columns.size()))
        return {};
    return m_practitioners[size_t(m_columns[size_t(m_column)].practitioner)].id;
}

QDateTime ScheduleView::timeOf(int column, int row) const
{
    const QDate day =
        column >= 0 && column < int(m_columns.size()) ? m_columns[size_t(column)].date : m_first;
    return QDateTime(day, QTime(kFirstHour, 0).addSecs(row * kSlotMinutes * 60));
}

QDateTime ScheduleView::selectedTime() const
{
    return timeOf(m_column, m_row);
}

void ScheduleView::selectSlot(PractitionerId practitioner, const QTime& time)
{
    selectSlot(date(), practitioner, time);
}

void ScheduleView::selectSlot(const QDate& day, PractitionerId practitioner, const QTime& time)
{
    for (int i = 0; i < int(m_columns.size()); ++i)
        if (m_columns[size_t(i)].date == day &&
            m_practitioners[size_t(m_columns[size_t(i)].practitioner)].id == practitioner)
            m_column = i;
    m_row = std::clamp(rowOf(time), 0, rowCount() - 1);
    update();
    emit selectionChanged(slotRect(m_column, m_row));
}

QRect ScheduleView::slotRectFor(const QDateTime& time, PractitionerId practitioner) const
{
    for (int i = 0; i < int(m_columns.size()); ++i)
        if (m_columns[size_t(i)].date == time.date() &&
            m_practitioners[size_t(m_columns[size_t(i)].practitioner)].id == practitioner)
            return slotRect(i, rowOf(time.time()));
    return {};
}

std::optional<Appointment> ScheduleView::selectedAppointment() const
{
    if (const Appointment* appointment = appointmentAt(m_column, m_row))
        return *appointment;
    return std::nullopt;
}

int ScheduleView::headerHeight() const
{
    // The week names the day above its practitioners.
    return m_week && m_practitioners.size() > 1 ? 2 * kHeaderHeight : kHeaderHeight;
}

int ScheduleView::rowCount() const
{
    return (kLastHour - kFirstHour) * 60 / kSlotMinutes;
}

int ScheduleView::minColumnWidth() const
{
    if (!m_week)
        return kMinColumnWidth;
    // A week fits 1280 pixels: the seven days share the width, a day's practitioners share
    // the day.
    return std::max(kMinWeekColumnWidth,
                    kMinWeekDayWidth / std::max<int>(1, int(m_practitioners.size())));
}

int ScheduleView::columnWidth() const
{
    const int columns = std::max<int>(1, int(m_columns.size()));
    return std::max(minColumnWidth(), (width() - kTimeWidth) / columns);
}

QSize ScheduleView::sizeHint() const
{
    return {kTimeWidth + std::max<int>(1, int(m_columns.size())) * minColumnWidth(),
            headerHeight() + rowCount() * kRowHeight + 1};
}

QSize ScheduleView::minimumSizeHint() const
{
    return sizeHint();
}

QRect ScheduleView::slotRect(int column, int row) const
{
    return {kTimeWidth + column * columnWidth(), headerHeight() + row * kRowHeight, columnWidth(),
            kRowHeight};
}

int ScheduleView::rowOf(const QTime& time) const
{
    return (time.msecsSinceStartOfDay() / 60000 - kFirstHour * 60) / kSlotMinutes;
}

bool ScheduleView::inColumn(const Appointment& appointment, int column) const
{
    const Column& c = m_columns[size_t(column)];
    return appointment.practitioner == m_practitioners[size_t(c.practitioner)].id &&
           appointment.startsAt.date() <= c.date && appointment.endsAt > c.date.startOfDay();
}

QRect ScheduleView::blockRect(const Block& block) const
{
    const Appointment& appointment = m_appointments[size_t(block.appointment)];
    const QDate day = m_columns[size_t(block.column)].date;
    const int dayStart = kFirstHour * 60;
    const auto minuteOf = [&](const QDateTime& at) {
        if (at.date() < day)
            return dayStart;
        if (at.date() > day)
            return kLastHour * 60;
        return std::clamp(at.time().msecsSinceStartOfDay() / 60000, dayStart, kLastHour * 60);
    };
    const int top =
        headerHeight() + (minuteOf(appointment.startsAt) - dayStart) * kRowHeight / kSlotMinutes;
    const int bottom =
        headerHeight() + (minuteOf(appointment.endsAt) - dayStart) * kRowHeight / kSlotMinutes;
    const int inset = columnWidth() > 40 ? 3 : 1;
    const int laneWidth = std::max(1, (columnWidth() - 2 * inset) / block.lanes);
    return {kTimeWidth + block.column * columnWidth() + inset + block.lane * laneWidth, top + 1,
            std::max(1, laneWidth - 1), std::max(bottom - top - 2, kRowHeight - 2)};
}

// Overlapping blocks in one column (a double-booking, a cancelled slot booked again) share
// the column side by side, so none hides another.
void ScheduleView::layoutBlocks()
{
    m_blocks.clear();
    for (int column = 0; column < int(m_columns.size()); ++column) {
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
            if (!inColumn(appointment, column))
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
    if (column < 0 || column >= int(m_columns.size()))
        return nullptr;
    const QDateTime start = timeOf(column, row);
    const QDateTime end = start.addSecs(kSlotMinutes * 60);
    const PractitionerId practitioner =
        m_practitioners[size_t(m_columns[size_t(column)].practitioner)].id;
    const Appointment* found = nullptr;
    for (const Appointment& appointment : m_appointments) {
        if (appointment.practitioner != practitioner || appointment.startsAt >= end ||
            appointment.endsAt <= start)
            continue;
        if (!found || (appointment.isActive() && !found->isActive()))
            found = &appointment;
    }
    return found;
}

bool ScheduleView::slotAt(const QPoint& at, int* column, int* row) const
{
    if (at.x() < kTimeWidth || at.y() < headerHeight() || m_columns.empty())
        return false;
    *column = std::clamp((at.x() - kTimeWidth) / columnWidth(), 0, int(m_columns.size()) - 1);
    *row = std::clamp((at.y() - headerHeight()) / kRowHeight, 0, rowCount() - 1);
    return true;
}

void ScheduleView::paintHeader(QPainter& painter)
{
    QFont bold = font();
    bold.setBold(true);
    const QColor line = palette().mid().color();
    const int columns = int(m_columns.size());
    const int perDay = std::max<int>(1, int(m_practitioners.size()));
    const QDate today = QDate::currentDate();
    for (int column = 0; column <= columns; ++column) {
        const int x = kTimeWidth + column * columnWidth();
        const bool dayEdge = !m_week || column % perDay == 0;
        painter.setPen(m_week && dayEdge ? palette().text().color() : line);
        painter.drawLine(x, dayEdge ? 0 : headerHeight() - kHeaderHeight, x,
                         headerHeight() + rowCount() * kRowHeight);
        if (column == columns)
            break;
        const Column& c = m_columns[size_t(column)];
        const QString name = m_practitioners[size_t(c.practitioner)].name;
        painter.setPen(palette().text().color());
        if (m_week && column % perDay == 0) {
            const QRect day(x + 2, 0, perDay * columnWidth() - 4, kHeaderHeight);
            if (c.date == today)
                painter.fillRect(day, palette().highlight().color().lighter(170));
            painter.setFont(bold);
            painter.drawText(day, Qt::AlignCenter,
                             painter.fontMetrics().elidedText(
                                 QLocale().toString(c.date, QStringLiteral("ddd d MMM")),
                                 Qt::ElideRight, day.width()));
            painter.setFont(font());
        }
        if (!m_week || perDay > 1) {
            const QRect header(x + 2, headerHeight() - kHeaderHeight, columnWidth() - 4,
                               kHeaderHeight);
            painter.setFont(m_week ? font() : bold);
            // A narrow week column shows the practitioner's initials; the tooltip of the
            // page's filter names them in full.
            QString text = name;
            if (painter.fontMetrics().horizontalAdvance(name) > header.width()) {
                QString initials;
                for (const QString& part : name.split(QLatin1Char(' '), Qt::SkipEmptyParts))
                    if (part.at(0).isLetter() && !part.endsWith(QLatin1Char('.')))
                        initials += part.at(0);
                text = initials.isEmpty() ? name : initials;
            }
            painter.drawText(
                header, Qt::AlignCenter,
                painter.fontMetrics().elidedText(text, Qt::ElideRight, header.width()));
            painter.setFont(font());
        }
    }
}

bool ScheduleView::event(QEvent* event)
{
    if (event->type() != QEvent::ToolTip)
        return QWidget::event(event);
    const QPoint at = static_cast<QHelpEvent*>(event)->pos();
    for (const Block& block : m_blocks) {
        if (!blockRect(block).contains(at))
            continue;
        const Appointment& a = m_appointments[size_t(block.appointment)];
        QString status;
        switch (a.status) {
        case AppointmentStatus::Booked:
            status = tr("booked");
            break;
        case AppointmentStatus::Confirmed:
            status = tr("confirmed");
            break;
        case AppointmentStatus::CheckedIn:
            status = tr("checked in");
            break;
        case AppointmentStatus::Completed:
            status = tr("completed");
            break;
        case AppointmentStatus::Cancelled:
            status = tr("cancelled");
            break;
        case AppointmentStatus::NoShow:
            status = tr("no-show");
            break;
        }
        QToolTip::showText(static_cast<QHelpEvent*>(event)->globalPos(),
                           tr("%1–%2 %3\n%4 with %5 (%6)")
                               .arg(timeText(a.startsAt.time()), timeText(a.endsAt.time()),
                                    a.clientName, a.serviceName, a.practitionerName, status),
                           this);
        return true;
    }
    QToolTip::hideText();
    event->ignore();
    return true;
}

void ScheduleView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().base());
    const int columns = int(m_columns.size());
    const int gridRight = kTimeWidth + columns * columnWidth();
    const QColor line = palette().mid().color();
    const QColor faint = palette().midlight().color();
    const int top = headerHeight();

    // In the week, every other practitioner's sub-column is tinted so a column reads as one
    // person's diary down the day.
    if (m_week && m_practitioners.size() > 1)
        for (int column = 0; column < columns; ++column)
            if (m_columns[size_t(column)].practitioner % 2 == 1)
                painter.fillRect(QRect(kTimeWidth + column * columnWidth(), top, columnWidth(),
                                       rowCount() * kRowHeight),
                                 palette().alternateBase());

    for (int row = 0; row <= rowCount(); ++row) {
        const int y = top + row * kRowHeight;
        const bool hour = row % (60 / kSlotMinutes) == 0;
        painter.setPen(hour ? line : faint);
        painter.drawLine(kTimeWidth, y, gridRight, y);
        if (hour && row < rowCount()) {
            painter.setPen(palette().text().color());
            painter.drawText(QRect(0, y, kTimeWidth - 6, kRowHeight),
                             Qt::AlignRight | Qt::AlignVCenter,
                             timeText(QTime(kFirstHour + row / 4, 0)));
        }
    }
    paintHeader(painter);

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
        if (text.width() < 12)
            continue; // a narrow week column shows the colour; the status bar names it
        const QFontMetrics metrics = painter.fontMetrics();
        QString first = m_week ? appointment.clientName
                               : timeText(appointment.startsAt.time()) + QLatin1Char(' ') +
                                     appointment.clientName;
        if (faded)
            first += QLatin1Char(' ') + tr("(cancelled)");
        else if (appointment.status == AppointmentStatus::NoShow)
            first += QLatin1Char(' ') + tr("(no-show)");
        if (!appointment.doubleBookingReason.isEmpty())
            first.prepend(QStringLiteral("⚠ "));
        QStringList lines{metrics.elidedText(first, Qt::ElideRight, text.width())};
        if (text.height() >= 2 * metrics.height())
            lines << metrics.elidedText(appointment.serviceName, Qt::ElideRight, text.width());
        else if (!m_week)
            lines[0] = metrics.elidedText(first + QStringLiteral(" · ") + appointment.serviceName,
                                          Qt::ElideRight, text.width());
        painter.drawText(text, Qt::AlignLeft | Qt::AlignTop, lines.join(QLatin1Char('\n')));
    }
    if (m_dragging && m_dragged && m_dropColumn >= 0) {
        // Where the dragged appointment would land, at its own length.
        const int rows = std::max<qint64>(1, m_dragged->startsAt.secsTo(m_dragged->endsAt) /
                                                 (kSlotMinutes * 60));
        QRect ghost = slotRect(m_dropColumn, m_dropRow);
        ghost.setHeight(int(rows) * kRowHeight);
        painter.setPen(QPen(palette().highlight().color(), 2, Qt::DashLine));
        painter.setBrush(QColor(0, 0, 0, 0));
        painter.drawRect(ghost.adjusted(2, 1, -2, -1));
    }
    if (hasFocus() && columns > 0) {
        painter.setPen(QPen(palette().highlight().color(), 1, Qt::DashLine));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(slotRect(m_column, m_row).adjusted(1, 1, -1, -1));
    }
}

void ScheduleView::moveSelection(int columnStep, int rowStep)
{
    if (m_columns.empty())
        return;
    m_column = std::clamp(m_column + columnStep, 0, int(m_columns.size()) - 1);
    m_row = std::clamp(m_row + rowStep, 0, rowCount() - 1);
    update();
    emit selectionChanged(slotRect(m_column, m_row));
}

void ScheduleView::activate()
{
    if (m_columns.empty())
        return;
    if (const Appointment* appointment = appointmentAt(m_column, m_row))
        emit appointmentActivated(appointment->id);
    else
        emit slotActivated(selectedPractitioner(), selectedTime());
}

void ScheduleView::keyPressEvent(QKeyEvent* event)
{
    const bool alt = event->modifiers() & Qt::AltModifier;
    const int page = m_week ? 7 : 1;
    switch (event->key()) {
    case Qt::Key_Up:
        moveSelection(0, -1);
        return;
    case Qt::Key_Down:
        moveSelection(0, 1);
        return;
    case Qt::Key_Left:
        if (alt)
            emit dayStepRequested(-page);
        else
            moveSelection(-1, 0);
        return;
    case Qt::Key_Right:
        if (alt)
            emit dayStepRequested(page);
        else
            moveSelection(1, 0);
        return;
    case Qt::Key_PageUp:
        emit dayStepRequested(-page);
        return;
    case Qt::Key_PageDown:
        emit dayStepRequested(page);
        return;
    case Qt::Key_Home:
        emit todayRequested();
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
    int column = 0;
    int row = 0;
    if (!slotAt(event->position().toPoint(), &column, &row))
        return;
    m_column = column;
    m_row = row;
    m_dragged.reset();
    m_dragging = false;
    if (event->button() == Qt::LeftButton) {
        if (const Appointment* appointment = appointmentAt(column, row);
            appointment && appointment->isActive()) {
            m_dragged = *appointment;
            m_pressedAt = event->position().toPoint();
        }
    }
    setFocus(Qt::MouseFocusReason);
    update();
    emit selectionChanged(slotRect(m_column, m_row));
}

void ScheduleView::mouseMoveEvent(QMouseEvent* event)
{
    if (!m_dragged)
        return;
    const QPoint at = event->position().toPoint();
    if (!m_dragging && (at - m_pressedAt).manhattanLength() < QApplication::startDragDistance())
        return;
    m_dragging = true;
    int column = 0;
    int row = 0;
    if (slotAt(at, &column, &row)) {
        // The block keeps the distance between its start and the point where it was taken.
        int pressedColumn = 0;
        int pressedRow = 0;
        slotAt(m_pressedAt, &pressedColumn, &pressedRow);
        const int grabbed = pressedRow - rowOf(m_dragged->startsAt.time());
        m_dropColumn = column;
        m_dropRow = std::clamp(row - std::max(0, grabbed), 0, rowCount() - 1);
    } else {
        m_dropColumn = -1;
    }
    update();
}

void ScheduleView::mouseReleaseEvent(QMouseEvent* event)
{
    if (m_dragging && m_dragged && m_dropColumn >= 0) {
        const QDateTime startsAt = timeOf(m_dropColumn, m_dropRow);
        const PractitionerId practitioner =
            m_practitioners[size_t(m_columns[size_t(m_dropColumn)].practitioner)].id;
        const AppointmentId id = m_dragged->id;
        const bool moved =
            startsAt != m_dragged->startsAt || practitioner != m_dragged->practitioner;
        m_dragged.reset();
        m_dragging = false;
        m_column = m_dropColumn;
        m_row = m_dropRow;
        m_dropColumn = -1;
        update();
        if (moved)
            emit moveRequested(id, practitioner, startsAt);
        return;
    }
    m_dragged.reset();
    m_dragging = false;
    m_dropColumn = -1;
    QWidget::mouseReleaseEvent(event);
}

void ScheduleView::mouseDoubleClickEvent(QMouseEvent* event)
{
    mousePressEvent(event);
    m_dragged.reset();
    activate();
}

} // namespace aftercare::ui
