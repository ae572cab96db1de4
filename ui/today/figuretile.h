#pragma once

#include <QFrame>

class QLabel;

namespace aftercare::ui {

// One figure, large enough to read from across the desk, with what it counts beneath it;
// optionally a link to the list it counts.
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
    // A tile that opens what it counts: a click, Enter or Space emits activated(). `what`
    // says where it leads (its tooltip); empty: a figure only.
    void setLink(const QString& what);
    bool isLink() const { return m_link; }

signals:
    void activated();

protected:
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    QLabel* m_value;
    QLabel* m_caption;
    bool m_link = false;
};

} // namespace aftercare::ui
