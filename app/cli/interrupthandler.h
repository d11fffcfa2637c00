#pragma once

#include <QtGlobal>

#include <functional>
#include <memory>

class QSocketNotifier;

namespace cinetune::cli {

// While alive, SIGINT and SIGTERM call `handler` on the event loop (self-pipe) instead of
// killing the process, so a command can leave its project in a clean state. One at a time.
// Elsewhere than on Unix the default handling (termination) stays.
class InterruptHandler
{
public:
    explicit InterruptHandler(std::function<void()> handler);
    ~InterruptHandler();
    Q_DISABLE_COPY_MOVE(InterruptHandler)

private:
    struct Saved;
    std::unique_ptr<QSocketNotifier> m_notifier;
    std::unique_ptr<Saved> m_saved;
};

} // namespace cinetune::cli
