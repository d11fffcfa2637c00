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

// Maps a phase's [0, 1] onto [from, to] of a longer piece of work reported to `inner`.
class ScaledProgress final : public Progress
{
public:
    ScaledProgress(Progress &inner, double from, double to)
        : m_inner(inner)
        , m_from(from)
        , m_to(to)
    {}
    void report(double fraction, const QString &phase) override { m_inner.report(m_from + (m_to - m_from) * fraction, phase); }
    bool canceled() const override { return m_inner.canceled(); }

private:
    Progress &m_inner;
    double m_from;
    double m_to;
};

} // namespace cinetune
