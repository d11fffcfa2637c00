#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QStringList>
#include <QTextStream>

namespace cinetune::cli {

// cinetune finetune-data GOLD.jsonl --dataset DATASET --split train|validation|test --out FILE.jsonl
int finetuneData(const QStringList &args, QTextStream &out, QTextStream &err);
QList<QCommandLineOption> finetuneDataOptions();
// cinetune tokens FILE.jsonl [--json]
int tokens(const QStringList &args, QTextStream &out, QTextStream &err);
QList<QCommandLineOption> tokensOptions();

} // namespace cinetune::cli
