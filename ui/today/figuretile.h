#pragma once

#include <QFrame>

class QLabel;

namespace aftercare::ui {

// One figure, large enough to read from across the desk, with what it counts beneath it.
class FigureTile : public QFrame
{
    Q_OBJECT

public:
    FigureTile(const QString& caption, QWidget* parent = nullptr);

    void setValue(qint64 value);
    // When the figure could not be read: a dash, never a stale or made-up number.
    void setUnavailable();
    QString valueText() const;
    // Shown in the warning colour (e.g. overdue work that is more than nothing).
    void setAttention(bool attention);

private:
    QLabel* m_value;
    QLabel* m_caption;
};

} // namespace aftercare::ui
