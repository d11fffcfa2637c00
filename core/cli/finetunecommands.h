#pragma once

#include <QStringList>
#include <QTextStream>

namespace cinetune::cli {

// cinetune finetune-data GOLD.jsonl --dataset DATASET --split train|validation|test --out FILE.jsonl
int finetuneData(const QStringList &args, QTextStream &out, QTextStream &err);
// cinetune tokens FILE.jsonl [--json]
int tokens(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace cinetune::cli
