#pragma once

#include <QStringList>
#include <QTextStream>

namespace cinetune::cli {

// The commands that talk to a provider run the application's event loop (QCoreApplication::exec())
// until their calls finish, so they need a QCoreApplication and must be called from its thread,
// outside any running event loop (the top level of the headless process).

// cinetune simulator [--port P] [--dataset D] [--latency-ms L] [--faults SPEC] [--job-seconds S] [--batch-seconds S]
// Serves until SIGINT/SIGTERM; the first stdout line is the base URL.
int simulator(const QStringList &args, QTextStream &out, QTextStream &err);

// cinetune providers list|add|remove|test ...
int providers(const QStringList &args, QTextStream &out, QTextStream &err);

// cinetune finetune submit|status|watch|cancel|list ...
int finetune(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace cinetune::cli
