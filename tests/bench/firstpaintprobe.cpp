#include "firstpaintprobe.h"

#include <QEvent>
#include <QMetaObject>
#include <QWidget>

namespace aftercare::bench {

FirstPaintProbe::FirstPaintProbe(QWidget* window, std::function<void()> painted)
    : QObject(window)
    , m_window(window)
    , m_painted(std::move(painted))
{
    window->installEventFilter(this);
}

bool FirstPaintProbe::eventFilter(QObject* watched, QEvent* event)
{
    if (!m_seen && watched == m_window && event->type() == QEvent::Paint) {
        m_seen = true;
        // Queued: runs after the whole window (children included) has been painted and flushed.
        QMetaObject::invokeMethod(
            this, [this] { m_painted(); }, Qt::QueuedConnection);
    }
    return QObject::eventFilter(watched, event);
}

} // namespace aftercare::bench
