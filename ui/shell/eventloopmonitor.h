#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace cinetune::ui {

// Measures how responsive the event loop of the thread it lives in is: a precise timer ticks
// every ~5 ms and the monitor records the longest gap between two ticks. A gap well above the
// interval means the loop was busy (a stall). Used by tests and the loading benchmark.
class EventLoopMonitor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventLoopMonitor)

public:
    explicit EventLoopMonitor(QObject *parent = nullptr, int intervalMs = 5, double stallThresholdMs = 50.0);

    void start(); // also resets the figures
    void stop();
    void reset();
    bool isRunning() const { return m_timer.isActive(); }

    int intervalMs() const { return m_timer.interval(); }
    double longestGapMs() const { return m_longestGapNs / 1e6; }
    // Gaps longer than the stall threshold (default 50 ms) since start()/reset().
    int stallCount() const { return m_stalls; }
    double stallThresholdMs() const { return m_thresholdNs / 1e6; }
    qint64 ticks() const { return m_ticks; }

private:
    void tick();

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    qint64 m_longestGapNs = 0;
    qint64 m_thresholdNs = 0;
    qint64 m_ticks = 0;
    int m_stalls = 0;
};

} // namespace cinetune::ui
