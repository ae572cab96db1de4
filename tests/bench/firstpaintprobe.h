#pragma once

#include <QObject>

#include <functional>

namespace aftercare::bench {

// Watches a top-level window and calls back once, when its first paint has been delivered
// and the event loop is back (the frame is in the backing store and flushed).
class FirstPaintProbe : public QObject
{
public:
    FirstPaintProbe(QWidget* window, std::function<void()> painted);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QWidget* m_window;
    std::function<void()> m_painted;
    bool m_seen = false;
};

} // namespace aftercare::bench
