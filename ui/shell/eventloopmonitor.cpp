#include "ui/shell/eventloopmonitor.h"

namespace cinetune::ui {

EventLoopMonitor::EventLoopMonitor(QObject *parent, int intervalMs, double stallThresholdMs)
    : QObject(parent)
    , m_thresholdNs(static_cast<qint64>(stallThresholdMs * 1e6))
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &EventLoopMonitor::tick);
}

void EventLoopMonitor::start()
{
    reset();
    m_timer.start();
}

void EventLoopMonitor::stop()
{
    if (m_timer.isActive())
        tick(); // count a stall that is still in progress
    m_timer.stop();
}

void EventLoopMonitor::reset()
{
    m_clock.start();
    m_lastNs = 0;
    m_longestGapNs = 0;
    m_ticks = 0;
    m_stalls = 0;
}

void EventLoopMonitor::tick()
{
    const qint64 now = m_clock.nsecsElapsed();
    const qint64 gap = now - m_lastNs;
    m_lastNs = now;
    ++m_ticks;
    if (gap > m_longestGapNs)
        m_longestGapNs = gap;
    if (gap > m_thresholdNs)
        ++m_stalls;
}

} // namespace cinetune::ui
