#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QStringList>
#include <QTextStream>

namespace cinetune::cli {

// cinetune simulator [--port P] [--dataset D] [--latency-ms L] [--faults SPEC] [--job-seconds S] [--batch-seconds S]
// Serves until SIGINT/SIGTERM; the first stdout line is the base URL. Runs the event loop.
int simulator(const QStringList &args, QTextStream &out, QTextStream &err);
QList<QCommandLineOption> simulatorOptions();

} // namespace cinetune::cli
