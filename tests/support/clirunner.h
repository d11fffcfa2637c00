#pragma once

// The one helper that runs the cinetune binary in the tests (integration tests, tst_runscoring).
// CTest names the binary in CINETUNE_BINARY.

#include <QByteArray>
#include <QDir>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTest>

#include <csignal>
#include <functional>
#include <memory>

namespace cinetune::test {

struct CliRun
{
    int code = -1; // the exit code; -1 when it crashed or was killed, -2 when it did not finish (or start)
    QByteArray out;
    QByteArray err;
    bool killed = false;   // ended by SIGKILL because killWhen said so
    bool timedOut = false; // killed after timeoutMs

    QString outText() const { return QString::fromUtf8(out); }
    QString errText() const { return QString::fromUtf8(err); }
    QString all() const { return QString::fromUtf8(out + err); }
};

struct CliOptions
{
    QProcessEnvironment environment; // empty: cliEnvironment()
    QByteArray input;                // written to standard input, which is then closed (null: left alone)
    int timeoutMs = 300000;
    // Checked every few ms while it runs: once true, the process gets SIGKILL (or SIGINT with
    // `interrupt`, after which it is left to wind down).
    std::function<bool()> killWhen;
    bool interrupt = false;
    std::function<void(QProcess &)> whileRunning; // called every few ms while it runs (e.g. to sample /proc)
    QString wrapper;                              // run as `wrapper wrapperArgs... cinetune args...` (e.g. prlimit)
    QStringList wrapperArgs;
};

inline QString cliBinary()
{
    return qEnvironmentVariable("CINETUNE_BINARY");
}

// The environment the binary runs in: no display and no provider keys; with `privateDir`, its
// own settings, cache and data folders under it (the user's are never touched).
inline QProcessEnvironment cliEnvironment(const QString &privateDir = {})
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *v : {"DISPLAY", "WAYLAND_DISPLAY", "OPENAI_API_KEY", "AZURE_OPENAI_API_KEY", "TOGETHER_API_KEY"})
        env.remove(QString::fromLatin1(v));
    if (!privateDir.isEmpty()) {
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), QDir(privateDir).filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), QDir(privateDir).filePath(QStringLiteral("cache")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), QDir(privateDir).filePath(QStringLiteral("data")));
    }
    return env;
}

// Starts the binary without waiting (for tests that read its output as it runs).
inline std::unique_ptr<QProcess> startCli(const QStringList &args, const CliOptions &options = {})
{
    auto p = std::make_unique<QProcess>();
    p->setProcessEnvironment(options.environment.isEmpty() ? cliEnvironment() : options.environment);
    if (options.wrapper.isEmpty())
        p->start(cliBinary(), args);
    else
        p->start(options.wrapper, options.wrapperArgs + QStringList{cliBinary()} + args);
    return p;
}

// Waits for a started binary with this thread's event loop running (an in-process server on
// this thread keeps answering), then collects its exit code and output.
inline CliRun finishCli(std::unique_ptr<QProcess> p, const CliOptions &options = {})
{
    CliRun r;
    if (p->state() == QProcess::Starting)
        p->waitForStarted(30000);
    if (p->error() == QProcess::FailedToStart) {
        r.code = -2;
        return r;
    }
    if (!options.input.isNull()) {
        p->write(options.input);
        p->closeWriteChannel();
    }
    bool interrupted = false;
    const bool done = QTest::qWaitFor(
        [&] {
            if (options.whileRunning)
                options.whileRunning(*p);
            if (p->state() == QProcess::NotRunning)
                return true;
            if (!interrupted && options.killWhen && options.killWhen()) {
                if (options.interrupt) {
                    ::kill(static_cast<pid_t>(p->processId()), SIGINT);
                    interrupted = true;
                    return false; // it winds down by itself
                }
                p->kill();
                p->waitForFinished();
                r.killed = p->exitStatus() == QProcess::CrashExit;
                return true;
            }
            return false;
        },
        options.timeoutMs);
    if (!done) {
        p->kill();
        p->waitForFinished();
        r.timedOut = true;
    }
    r.code = r.timedOut ? -2 : p->exitStatus() == QProcess::NormalExit ? p->exitCode() : -1;
    r.out = p->readAllStandardOutput();
    r.err = p->readAllStandardError();
    return r;
}

// Runs the binary with `args` to its end.
inline CliRun runCli(const QStringList &args, const CliOptions &options = {})
{
    return finishCli(startCli(args, options), options);
}

} // namespace cinetune::test
