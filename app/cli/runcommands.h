#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QStringList>
#include <QTextStream>

namespace cinetune::cli {

// cinetune run --project P --gold NAME --target PROVIDER:MODEL --strategy S [options]
// Creates the evaluation run (or continues the run of that name with the same settings), sends
// the requests of every user without a stored answer, shows progress on stderr and prints a
// summary. Runs the application's event loop (see providercommands.h). Exit code 3 when users
// failed or the run stopped on a provider error.
int evalRun(const QStringList &args, QTextStream &out, QTextStream &err);
QList<QCommandLineOption> evalRunOptions();

} // namespace cinetune::cli
