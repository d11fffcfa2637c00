#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QStringList>
#include <QTextStream>

namespace cinetune::cli {

// cinetune baseline --dataset D --gold GOLD.jsonl --model random|popular|itemknn|consensus --out PRED.jsonl
//                   [--split test|validation|train|all] [--count N] [--seed S] [--neighbours K] [...]
int baseline(const QStringList &args, QTextStream &out, QTextStream &err);
QList<QCommandLineOption> baselineOptions();

} // namespace cinetune::cli
