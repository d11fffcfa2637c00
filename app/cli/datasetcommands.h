#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QStringList>
#include <QTextStream>

namespace cinetune::cli {

// cinetune dataset stats PATH [--json] [--no-cache] [--threads N]
int datasetStats(const QStringList &args, QTextStream &out, QTextStream &err);
QList<QCommandLineOption> datasetStatsOptions();
// cinetune dataset synth --out DIR [--users N] [--seed S] [--threads N]
int datasetSynth(const QStringList &args, QTextStream &out, QTextStream &err);
QList<QCommandLineOption> datasetSynthOptions();

} // namespace cinetune::cli
