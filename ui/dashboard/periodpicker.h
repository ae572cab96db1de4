#pragma once

#include "metrics/period.h"

#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QToolButton;

namespace aftercare::ui {

// Chooses the dashboard's period: the month, quarter or year that contains a day (stepped with
// the arrow buttons), or a custom range from–to, both days included.
class PeriodPicker : public QWidget
{
    Q_OBJECT

public:
    enum class Span
    {
        Month,
        Quarter,
        Year,
        Custom
    };

    // Starts on the last complete month before today.
    explicit PeriodPicker(QDate today, QWidget* parent = nullptr);

    Period period() const;
    Span span() const;
    void setSpan(Span span);
    void setDay(QDate day);
    void setCustom(const Period& period);

signals:
    void periodChanged(const aftercare::Period& period);

private:
    void step(int direction);
    void update();

    QComboBox* m_span;
    QToolButton* m_previous;
    QDateEdit* m_day;
    QToolButton* m_next;
    QDateEdit* m_from;
    QLabel* m_dash;
    QDateEdit* m_to;
    QLabel* m_shown;
    Period m_period;
};

} // namespace aftercare::ui
