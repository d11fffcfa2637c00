#pragma once

#include <QStringList>
#include <QTextStream>

namespace cinetune::cli {

// cinetune dataset stats PATH [--json] [--no-cache] [--threads N]
int datasetStats(const QStringList &args, QTextStream &out, QTextStream &err);
// cinetune dataset synth --out DIR [--users N] [--seed S] [--threads N]
int datasetSynth(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace cinetune::cli
