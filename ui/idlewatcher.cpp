#include "idlewatcher.h"

#include <QCoreApplication>
#include <QEvent>
#include <QTimer>

#include <algorithm>

namespace aftercare::ui {

IdleWatcher::IdleWatcher(std::chrono::milliseconds idleAfter, QObject* parent)
    : QObject(parent)
    , m_idleAfter(idleAfter)
    , m_check(new QTimer(this))
{
    // Input only stamps a time; a slow timer compares. Restarting a timer on every mouse
    // move would be needless churn.
    using namespace std::chrono_literals;
    m_check->setInterval(std::clamp<std::chrono::milliseconds>(idleAfter / 10, 50ms, 5000ms));
    connect(m_check, &QTimer::timeout, this, &IdleWatcher::check);
    QCoreApplication::instance()->installEventFilter(this);
}

void IdleWatcher::resume()
{
    m_sinceInput.start();
    m_check->start();
}

void IdleWatcher::pause()
{
    m_check->stop();
}

bool IdleWatcher::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::KeyRelease:
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonRelease:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
    case QEvent::TabletPress:
        m_sinceInput.start();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void IdleWatcher::check()
{
    if (m_sinceInput.isValid() &&
        std::chrono::milliseconds(m_sinceInput.elapsed()) >= m_idleAfter) {
        pause();
        emit idle();
    }
}

} // namespace aftercare::ui
