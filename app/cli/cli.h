#pragma once

#include <QStringList>
#include <QTextStream>

namespace cinetune::cli {

// 130 (128 + SIGINT, what a shell reports for a process Ctrl-C ended) for every command stopped
// with Ctrl-C, whether it winds down itself (run, finetune watch) or is ended by the signal.
enum ExitCode {
    Success = 0,
    UsageError = 1,
    InputError = 2,
    ProviderError = 3,
    Interrupted = 130
};

// True when the arguments (without the program name) name a headless command (one of the
// registry's, help or --version).
bool isCliCommand(const QStringList &args);

// True when that command renders with the UI library (report): it needs a QApplication on the
// offscreen platform instead of a QCoreApplication.
bool needsWidgets(const QStringList &args);

// When the first argument is neither a command, an option of the desktop application nor an
// existing path (a mistyped command, "baselinerun"), the usage error to print, with a "did you
// mean" suggestion; empty otherwise.
QString unknownCommandError(const QStringList &args);

// Runs a headless command. `args` excludes the program name. Output goes to out/err.
int run(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace cinetune::cli
