#pragma once

#include "core/common/progress.h"

#include <QElapsedTimer>
#include <QPromise>
#include <QString>

#include <algorithm>
#include <cmath>
#include <mutex>

namespace cinetune::ui {

// Adapts core's Progress to a QPromise: report() becomes promise.setProgressValueAndText() on a
// 0..kRange scale (throttled, monotonic, safe from many worker threads at once) and canceled()
// asks promise.isCanceled(). Lives on the worker's stack next to the promise it wraps.
template<typename T>
class PromiseProgress final : public Progress
{
public:
    static constexpr int kRange = 1000;

    explicit PromiseProgress(QPromise<T> &promise, int intervalMs = 50)
        : m_promise(promise)
        , m_intervalMs(intervalMs)
    {
        m_promise.setProgressRange(0, kRange);
        m_clock.start();
    }

    void report(double fraction, const QString &phase) override
    {
        // A worker that finds another one reporting simply skips: reports are advisory.
        std::unique_lock lock(m_mutex, std::try_to_lock);
        if (!lock.owns_lock())
            return;
        if (!std::isfinite(fraction))
            fraction = 0;
        const int value = static_cast<int>(std::lround(std::clamp(fraction, 0.0, 1.0) * kRange));
        const bool phaseChanged = phase != m_phase;
        const qint64 now = m_clock.elapsed();
        if (!phaseChanged && (value <= m_value || now - m_lastMs < m_intervalMs) && value != kRange)
            return;
        // QFuture ignores a value that does not grow; a new phase still has to reach the watcher.
        int next = std::max(value, m_value);
        if (next == m_value && m_value < kRange)
            ++next;
        if (next == m_value)
            return;
        m_value = next;
        m_phase = phase;
        m_lastMs = now;
        m_promise.setProgressValueAndText(next, phase);
    }

    bool canceled() const override { return m_promise.isCanceled(); }

private:
    QPromise<T> &m_promise;
    const int m_intervalMs;
    std::mutex m_mutex;
    QElapsedTimer m_clock;
    QString m_phase;
    int m_value = 0;
    qint64 m_lastMs = -1000000;
};

} // namespace cinetune::ui
