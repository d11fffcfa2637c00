#include "app/cli/interrupthandler.h"

#include <QSocketNotifier>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace cinetune::cli {

#ifdef Q_OS_UNIX
namespace {

int g_signalPipe[2] = {-1, -1};

void onSignal(int signal)
{
    const char c = static_cast<char>(signal);
    if (::write(g_signalPipe[0], &c, 1) < 0) {
        // Nothing to do in a signal handler.
    }
}

} // namespace

struct InterruptHandler::Saved
{
    struct sigaction oldInt
    {};
    struct sigaction oldTerm
    {};
};

InterruptHandler::InterruptHandler(std::function<void()> handler)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0)
        return;
    m_notifier = std::make_unique<QSocketNotifier>(g_signalPipe[1], QSocketNotifier::Read);
    QObject::connect(m_notifier.get(), &QSocketNotifier::activated, m_notifier.get(), [handler = std::move(handler)]() {
        char c = 0;
        if (::read(g_signalPipe[1], &c, 1) == 1)
            handler();
    });
    m_saved = std::make_unique<Saved>();
    struct sigaction sa
    {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &sa, &m_saved->oldInt);
    ::sigaction(SIGTERM, &sa, &m_saved->oldTerm);
}

InterruptHandler::~InterruptHandler()
{
    if (!m_saved)
        return;
    ::sigaction(SIGINT, &m_saved->oldInt, nullptr);
    ::sigaction(SIGTERM, &m_saved->oldTerm, nullptr);
    m_notifier.reset();
    ::close(g_signalPipe[0]);
    ::close(g_signalPipe[1]);
    g_signalPipe[0] = g_signalPipe[1] = -1;
}

#else

struct InterruptHandler::Saved
{};

InterruptHandler::InterruptHandler(std::function<void()> handler)
{
    Q_UNUSED(handler);
}

InterruptHandler::~InterruptHandler() = default;

#endif

} // namespace cinetune::cli
