#include "reception/scheduleview.h"

#include "common/displayformat.h"
#include "common/vocabularytext.h"

#include <QApplication>
#include <QFontMetrics>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QTimer>
#include <QToolTip>

#include <algorithm>

namespace aftercare::ui {

namespace {

constexpr int kHeaderHeight = 28;
constexpr int kTimeWidth = 56;
constexpr int kRowHeight = 20;
constexpr int kMinColumnWidth = 170;
constexpr int kMinWeekDayWidth = 126; // the week beside the side bar fits 1280 pixels
constexpr int kMinWeekColumnWidth = 22;

} // namespace

QColor ScheduleView::statusColour(AppointmentStatus status)
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

ScheduleView::ScheduleView(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("scheduleView"));
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true); // a drag follows the pointer whatever reports the button
    setAccessibleName(tr("Schedule"));
    // The current-time line moves on by itself.
    auto* clockTick = new QTimer(this);
    clockTick->setInterval(60 * 1000);
    connect(clockTick, &QTimer::timeout, this, qOverload<>(&QWidget::update));
    clockTick->start();
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
    const QTime keepTime = selectedTime().time();
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
    fitHours();
    m_row = std::clamp(rowOf(keepTime), 0, rowCount() - 1);
    m_dragged.reset();
    m_dragging = false;
    layoutBlocks();
    updateGeometry();
    update();
    emit selectionChanged(slotRect(m_column, m_row));
}

void ScheduleView::fitHours()
{
    m_firstHour = kUsualFirstHour;
    m_lastHour = kUsualLastHour;
    const QDate last = m_first.addDays(m_week ? 6 : 0);
    for (const Appointment& appointment : m_appointments) {
        if (appointment.endsAt <= m_first.startOfDay() ||
            appointment.startsAt >= last.addDays(1).startOfDay())
            continue;
        // From midnight when it started the day before, to midnight when it ends the next.
        const int start =
            appointment.startsAt.date() < m_first ? 0 : appointment.startsAt.time().hour();
        const QTime end = appointment.endsAt.time();
        const int endHour = appointment.endsAt.date() > last ||
                                    appointment.endsAt.date() > appointment.startsAt.date()
                                ? 24
                                : end.hour() + (end.minute() > 0 || end.second() > 0 ? 1 : 0);
        m_firstHour = std::min(m_firstHour, start);
        m_lastHour = std::max(m_lastHour, endHour);
    }
}

QDateTime ScheduleView::now() const
{
    return m_now.isValid() ? m_now : QDateTime::currentDateTime();
}

void ScheduleView::setNow(const QDateTime& now)
{
    m_now = now;
    update();
}

std::optional<int> ScheduleView::nowLineY() const
{
    const QDateTime at = now();
    const bool shown =
        m_week ? at.date() >= m_first && at.date() <= m_first.addDays(6) : at.date() == m_first;
    const int minute = at.time().msecsSinceStartOfDay() / 60000;
    if (!shown || m_columns.empty() || minute < m_firstHour * 60 || minute >= m_lastHour * 60)
        return std::nullopt;
    return headerHeight() + (minute - m_firstHour * 60) * kRowHeight / kSlotMinutes;
}

bool ScheduleView::selectAppointment(AppointmentId id)
{
    for (const Appointment& appointment : m_appointments) {
        if (appointment.id != id)
            continue;
        for (int i = 0; i < int(m_columns.size()); ++i) {
            const Column& column = m_columns[size_t(i)];
            if (column.date != appointment.startsAt.date() ||
                m_practitioners[size_t(column.practitioner)].id != appointment.practitioner)
                continue;
            m_column = i;
            m_row = std::clamp(rowOf(appointment.startsAt.time()), 0, rowCount() - 1);
            update();
            emit selectionChanged(slotRect(m_column, m_row));
            return true;
        }
    }
    return false;
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
    return QDateTime(day, QTime(0, 0).addSecs((m_firstHour * 60 + row * kSlotMinutes) * 60));
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
    return (m_lastHour - m_firstHour) * 60 / kSlotMinutes;
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
    return (time.msecsSinceStartOfDay() / 60000 - m_firstHour * 60) / kSlotMinutes;
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
    const int dayStart = m_firstHour * 60;
    const auto minuteOf = [&](const QDateTime& at) {
        if (at.date() < day)
            return dayStart;
        if (at.date() > day)
            return m_lastHour * 60;
        return std::clamp(at.time().msecsSinceStartOfDay() / 60000, dayStart, m_lastHour * 60);
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

QString ScheduleView::fittingName(const QString& name, int width, const QFontMetrics& metrics) const
{
    // In full when it fits; else the surname ("Dr. Käthe Brandt" -> "Brandt"); else the
    // initials ("KB"). The header's tooltip names the practitioner in full.
    if (metrics.horizontalAdvance(name) <= width)
        return name;
    const QStringList parts = name.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (!parts.isEmpty() && metrics.horizontalAdvance(parts.last()) <= width)
        return parts.last();
    QString initials;
    for (const QString& part : parts)
        if (part.at(0).isLetter() && !part.endsWith(QLatin1Char('.')))
            initials += part.at(0);
    return initials.isEmpty() ? name : initials;
}

QStringList ScheduleView::weekLines(const Appointment& appointment, const QRect& text,
                                    const QFontMetrics& metrics) const
{
    // A week column is narrow: the client's name is wrapped over the block's lines when
    // every word fits, else shortened to the surname or the initials, never cut mid-word.
    const QStringList words = appointment.clientName.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const int maxLines = std::max(1, text.height() / std::max(1, metrics.height()));
    QStringList lines;
    bool fits = !words.isEmpty();
    for (const QString& word : words) {
        if (metrics.horizontalAdvance(word) > text.width()) {
            fits = false;
            break;
        }
        const QString joined = lines.isEmpty() ? QString() : lines.last() + QLatin1Char(' ') + word;
        if (!lines.isEmpty() && metrics.horizontalAdvance(joined) <= text.width())
            lines.last() = joined;
        else
            lines << word;
    }
    if (fits && lines.size() <= maxLines)
        return lines;
    return {fittingName(appointment.clientName, text.width(), metrics)};
}

QString ScheduleView::blockText(AppointmentId id) const
{
    for (const Block& block : m_blocks) {
        const Appointment& appointment = m_appointments[size_t(block.appointment)];
        if (appointment.id != id)
            continue;
        const QRect text = blockRect(block).adjusted(4, 1, -3, -1);
        if (!m_week || text.width() < 12)
            return {};
        return weekLines(appointment, text, QFontMetrics(font())).join(QLatin1Char(' '));
    }
    return {};
}

QString ScheduleView::columnHeading(int column) const
{
    if (column < 0 || column >= int(m_columns.size()))
        return {};
    QFont heading = font();
    heading.setBold(!m_week);
    return fittingName(m_practitioners[size_t(m_columns[size_t(column)].practitioner)].name,
                       columnWidth() - 2, QFontMetrics(heading));
}

void ScheduleView::paintHeader(QPainter& painter)
{
    QFont bold = font();
    bold.setBold(true);
    const QColor line = palette().mid().color();
    const int columns = int(m_columns.size());
    const int perDay = std::max<int>(1, int(m_practitioners.size()));
    const QDate today = now().date();
    for (int column = 0; column <= columns; ++column) {
        const int x = kTimeWidth + column * columnWidth();
        const bool dayEdge = !m_week || column % perDay == 0;
        painter.setPen(m_week && dayEdge ? palette().text().color() : line);
        painter.drawLine(x, dayEdge ? 0 : headerHeight() - kHeaderHeight, x,
                         headerHeight() + rowCount() * kRowHeight);
        if (column == columns)
            break;
        const Column& c = m_columns[size_t(column)];
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
            const QRect header(x + 1, headerHeight() - kHeaderHeight, columnWidth() - 2,
                               kHeaderHeight);
            painter.setFont(m_week ? font() : bold);
            painter.drawText(header, Qt::AlignCenter, columnHeading(column));
            painter.setFont(font());
        }
    }
}

bool ScheduleView::event(QEvent* event)
{
    if (event->type() != QEvent::ToolTip)
        return QWidget::event(event);
    const auto* help = static_cast<QHelpEvent*>(event);
    const QPoint at = help->pos();
    for (const Block& block : m_blocks) {
        if (!blockRect(block).contains(at))
            continue;
        const Appointment& a = m_appointments[size_t(block.appointment)];
        QString text =
            tr("%1–%2 %3\n%4 with %5 (%6)")
                .arg(timeText(a.startsAt.time()), timeText(a.endsAt.time()), a.clientName,
                     a.serviceName, a.practitionerName, appointmentStatusName(a.status));
        if (a.status == AppointmentStatus::Cancelled && !a.cancellationReason.isEmpty())
            text += QLatin1Char('\n') + tr("Cancelled: %1").arg(a.cancellationReason);
        if (!a.doubleBookingReason.isEmpty())
            text += QLatin1Char('\n') + tr("Double-booked: %1").arg(a.doubleBookingReason);
        if (!a.notes.isEmpty())
            text += QLatin1Char('\n') + a.notes;
        QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    // Over a practitioner's heading: the name in full (the week may show it shortened).
    if (at.y() < headerHeight() && at.x() >= kTimeWidth && !m_columns.empty()) {
        const int column = (at.x() - kTimeWidth) / columnWidth();
        if (column < int(m_columns.size())) {
            const Column& c = m_columns[size_t(column)];
            QToolTip::showText(help->globalPos(),
                               tr("%1, %2").arg(m_practitioners[size_t(c.practitioner)].name,
                                                QLocale().toString(c.date, QLocale::LongFormat)),
                               this);
            return true;
        }
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
    // Hours outside the usual day, shown only because something is booked there, are shaded.
    const auto shade = [&](int fromHour, int toHour) {
        if (toHour <= fromHour)
            return;
        const QRect band(
            kTimeWidth, top + (fromHour - m_firstHour) * 60 / kSlotMinutes * kRowHeight,
            gridRight - kTimeWidth, (toHour - fromHour) * 60 / kSlotMinutes * kRowHeight);
        painter.fillRect(band, QBrush(palette().mid().color(), Qt::BDiagPattern));
    };
    shade(m_firstHour, std::min(kUsualFirstHour, m_lastHour));
    shade(std::max(kUsualLastHour, m_firstHour), m_lastHour);

    for (int row = 0; row <= rowCount(); ++row) {
        const int y = top + row * kRowHeight;
        const bool hour = row % (60 / kSlotMinutes) == 0;
        painter.setPen(hour ? line : faint);
        painter.drawLine(kTimeWidth, y, gridRight, y);
        if (hour && row < rowCount()) {
            painter.setPen(palette().text().color());
            painter.drawText(QRect(0, y, kTimeWidth - 6, kRowHeight),
                             Qt::AlignRight | Qt::AlignVCenter,
                             timeText(QTime(m_firstHour + row * kSlotMinutes / 60, 0)));
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
        painter.setPen(faded ? QColor(0x6c, 0x75, 0x7d) : QColor(Qt::black));
        const QRect text = box.adjusted(4, 1, -3, -1);
        if (text.width() < 12)
            continue; // a narrow week column shows the colour; the status bar names it
        const QFontMetrics metrics = painter.fontMetrics();
        if (m_week) {
            painter.drawText(text, Qt::AlignLeft | Qt::AlignTop,
                             weekLines(appointment, text, metrics).join(QLatin1Char('\n')));
            continue;
        }
        QString first =
            timeText(appointment.startsAt.time()) + QLatin1Char(' ') + appointment.clientName;
        if (faded || appointment.status == AppointmentStatus::NoShow)
            first += QStringLiteral(" (%1)").arg(appointmentStatusName(appointment.status));
        if (!appointment.doubleBookingReason.isEmpty())
            first.prepend(QStringLiteral("⚠ "));
        QStringList lines{metrics.elidedText(first, Qt::ElideRight, text.width())};
        if (text.height() >= 2 * metrics.height()) {
            QString second = appointment.serviceName;
            if (faded && !appointment.cancellationReason.isEmpty())
                second = appointment.cancellationReason;
            lines << metrics.elidedText(second, Qt::ElideRight, text.width());
        } else {
            lines[0] = metrics.elidedText(first + QStringLiteral(" · ") +
                                              (faded && !appointment.cancellationReason.isEmpty()
                                                   ? appointment.cancellationReason
                                                   : appointment.serviceName),
                                          Qt::ElideRight, text.width());
        }
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
    if (const std::optional<int> y = nowLineY()) {
        // Across the day, or in the week across today's practitioners.
        int left = kTimeWidth;
        int right = gridRight;
        if (m_week) {
            const int perDay = std::max<int>(1, int(m_practitioners.size()));
            const int day = int(m_first.daysTo(now().date()));
            left = kTimeWidth + day * perDay * columnWidth();
            right = left + perDay * columnWidth();
        }
        painter.setPen(QPen(QColor(0xdc, 0x35, 0x45), 2));
        painter.drawLine(left, *y, right, *y);
        painter.setBrush(QColor(0xdc, 0x35, 0x45));
        painter.drawEllipse(QPoint(left, *y), 4, 4);
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
