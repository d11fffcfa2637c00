#pragma once

#include <QStringList>
#include <QTextStream>

namespace cinetune::cli {

enum ExitCode { Success = 0, UsageError = 1, InputError = 2, ProviderError = 3 };

// True when the arguments (without the program name) name a headless command.
bool isCliCommand(const QStringList &args);

// Runs a headless command. `args` excludes the program name. Output goes to out/err.
int run(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace cinetune::cli
