#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QStringList>
#include <QTextStream>

namespace cinetune::cli {

// cinetune eval --gold GOLD.jsonl --predictions PRED.jsonl [--k 1,3,5,10] [--json] [--dataset D]
//               [--split test|validation|train|all] [--seed S] [--resamples N] [--max-distance N]
int eval(const QStringList &args, QTextStream &out, QTextStream &err);
QList<QCommandLineOption> evalOptions();

// cinetune resolve --dataset D [--json] [--max-distance N] [--min-similarity R] [--exact-only] < titles.txt
// `in` is read to its end; one output line per input line.
int resolve(const QStringList &args, QTextStream &in, QTextStream &out, QTextStream &err);
QList<QCommandLineOption> resolveOptions();

} // namespace cinetune::cli
