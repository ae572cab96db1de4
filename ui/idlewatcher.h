#pragma once

#include <QElapsedTimer>
#include <QObject>

#include <chrono>

class QTimer;

namespace aftercare::ui {

// Notices when nobody has touched keyboard, mouse or screen for a while, through an event
// filter on the whole application.
class IdleWatcher : public QObject
{
    Q_OBJECT

public:
    IdleWatcher(std::chrono::milliseconds idleAfter, QObject* parent = nullptr);

    // Starts (again) counting from now; paused watchers do not fire.
    void resume();
    void pause();
    std::chrono::milliseconds idleAfter() const { return m_idleAfter; }

signals:
    void idle();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void check();

    std::chrono::milliseconds m_idleAfter;
    QElapsedTimer m_sinceInput;
    QTimer* m_check;
};

} // namespace aftercare::ui
