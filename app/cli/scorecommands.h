#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QStringList>
#include <QTextStream>

namespace cinetune::cli {

// cinetune score --project P --run NAME [--compare NAME] [--k 1,3,5,10] [--resamples N] [--seed S]
//                [--dataset D] [--json]
// Scores a stored run of the project (no request is sent); with --compare also the paired test
// of the two runs.
int score(const QStringList &args, QTextStream &out, QTextStream &err);
QList<QCommandLineOption> scoreOptions();

// cinetune baseline-run --project P --gold NAME --baseline itemknn|popular|random|consensus
//                       [--split test] [--count N] [--seed S] [--name RUN] [--dataset D]
// Computes a local baseline for the split's users and stores it as a run (no network).
int baselineRun(const QStringList &args, QTextStream &out, QTextStream &err);
QList<QCommandLineOption> baselineRunOptions();

} // namespace cinetune::cli
