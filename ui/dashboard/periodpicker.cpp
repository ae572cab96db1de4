#include "periodpicker.h"

#include "common/displayformat.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QToolButton>

namespace aftercare::ui {

namespace {

QDateEdit* dateEdit(const QString& objectName, QWidget* parent)
{
    auto* edit = new QDateEdit(parent);
    edit->setObjectName(objectName);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    return edit;
}

} // namespace

PeriodPicker::PeriodPicker(QDate today, QWidget* parent)
    : QWidget(parent)
    , m_span(new QComboBox(this))
    , m_previous(new QToolButton(this))
    , m_day(dateEdit(QStringLiteral("periodDay"), this))
    , m_next(new QToolButton(this))
    , m_from(dateEdit(QStringLiteral("periodFrom"), this))
    , m_dash(new QLabel(QStringLiteral("–"), this))
    , m_to(dateEdit(QStringLiteral("periodTo"), this))
    , m_shown(new QLabel(this))
{
    m_span->setObjectName(QStringLiteral("periodSpan"));
    m_span->addItem(tr("Month"), int(Span::Month));
    m_span->addItem(tr("Quarter"), int(Span::Quarter));
    m_span->addItem(tr("Year"), int(Span::Year));
    m_span->addItem(tr("From – to"), int(Span::Custom));
    m_span->setAccessibleName(tr("Period"));
    m_previous->setObjectName(QStringLiteral("periodPrevious"));
    m_previous->setArrowType(Qt::LeftArrow);
    m_previous->setToolTip(tr("Previous period (Alt+Left)"));
    m_previous->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    m_next->setObjectName(QStringLiteral("periodNext"));
    m_next->setArrowType(Qt::RightArrow);
    m_next->setToolTip(tr("Next period (Alt+Right)"));
    m_next->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Right));
    m_day->setAccessibleName(tr("A day in the period"));
    m_from->setAccessibleName(tr("First day"));
    m_to->setAccessibleName(tr("Last day"));
    m_shown->setObjectName(QStringLiteral("periodShown"));

    auto* label = new QLabel(tr("&Period:"), this);
    label->setBuddy(m_span);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    for (QWidget* widget : std::initializer_list<QWidget*>{label, m_span, m_previous, m_day, m_next,
                                                           m_from, m_dash, m_to, m_shown})
        layout->addWidget(widget);

    const QDate lastMonth = QDate(today.year(), today.month(), 1).addMonths(-1);
    m_day->setDate(lastMonth);
    m_from->setDate(lastMonth);
    m_to->setDate(Period::monthOf(lastMonth).to);

    connect(m_span, &QComboBox::currentIndexChanged, this, &PeriodPicker::update);
    connect(m_day, &QDateEdit::dateChanged, this, &PeriodPicker::update);
    connect(m_from, &QDateEdit::dateChanged, this, &PeriodPicker::update);
    connect(m_to, &QDateEdit::dateChanged, this, &PeriodPicker::update);
    connect(m_previous, &QToolButton::clicked, this, [this] { step(-1); });
    connect(m_next, &QToolButton::clicked, this, [this] { step(1); });
    update();
}

PeriodPicker::Span PeriodPicker::span() const
{
    return Span(m_span->currentData().toInt());
}

Period PeriodPicker::period() const
{
    return m_period;
}

void PeriodPicker::setSpan(Span span)
{
    m_span->setCurrentIndex(m_span->findData(int(span)));
}

void PeriodPicker::setDay(QDate day)
{
    m_day->setDate(day);
}

void PeriodPicker::setCustom(const Period& period)
{
    {
        const QSignalBlocker blockFrom(m_from);
        const QSignalBlocker blockTo(m_to);
        m_from->setDate(period.from);
        m_to->setDate(period.to);
    }
    setSpan(Span::Custom);
    update();
}

void PeriodPicker::step(int direction)
{
    switch (span()) {
    case Span::Month:
        m_day->setDate(m_day->date().addMonths(direction));
        break;
    case Span::Quarter:
        m_day->setDate(m_day->date().addMonths(3 * direction));
        break;
    case Span::Year:
        m_day->setDate(m_day->date().addYears(direction));
        break;
    case Span::Custom: {
        const qint64 days = m_period.days();
        const QSignalBlocker blockFrom(m_from);
        m_from->setDate(m_from->date().addDays(direction * days));
        m_to->setDate(m_to->date().addDays(direction * days));
        break;
    }
    }
}

void PeriodPicker::update()
{
    const bool custom = span() == Span::Custom;
    for (QWidget* widget : std::initializer_list<QWidget*>{m_from, m_dash, m_to})
        widget->setVisible(custom);
    m_day->setVisible(!custom);
    const QDate day = m_day->date();
    Period period;
    switch (span()) {
    case Span::Month:
        period = Period::monthOf(day);
        break;
    case Span::Quarter: {
        const QDate first(day.year(), (day.month() - 1) / 3 * 3 + 1, 1);
        period = {first, first.addMonths(3).addDays(-1)};
        break;
    }
    case Span::Year:
        period = {QDate(day.year(), 1, 1), QDate(day.year(), 12, 31)};
        break;
    case Span::Custom:
        period = {m_from->date(), m_to->date()};
        break;
    }
    if (!period.isValid()) {
        m_shown->setText(tr("The first day must not be after the last."));
        return;
    }
    m_shown->setText(tr("%1 to %2").arg(dateText(period.from), dateText(period.to)));
    if (period == m_period)
        return;
    m_period = period;
    emit periodChanged(period);
}

} // namespace aftercare::ui
