#pragma once

#include <QString>

#include <atomic>

namespace cinetune {

// Progress and cancellation for long work in core. Implementations must be thread-safe:
// worker threads may call report() and canceled() concurrently.
class Progress
{
public:
    virtual ~Progress() = default;
    // fraction in [0, 1]; phase is a short user-facing description ("Parsing ratings").
    virtual void report(double fraction, const QString &phase) = 0;
    virtual bool canceled() const = 0;
};

// A Progress that ignores reports and can be cancelled from another thread.
class NullProgress final : public Progress
{
public:
    void report(double, const QString &) override {}
    bool canceled() const override { return m_canceled.load(std::memory_order_relaxed); }
    void cancel() { m_canceled.store(true, std::memory_order_relaxed); }

private:
    std::atomic<bool> m_canceled{false};
};

} // namespace cinetune
