#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QStringList>
#include <QTextStream>

namespace cinetune::cli {

// cinetune goldset-stats DATASET --gold GOLD.jsonl [--preset paper50|paper60|holdout] [--split test] [--json]
// The gold-set diagnostics (eval/goldsetdiagnostics.h) of one split.
int goldsetStats(const QStringList &args, QTextStream &out, QTextStream &err);
QList<QCommandLineOption> goldsetStatsOptions();

} // namespace cinetune::cli
