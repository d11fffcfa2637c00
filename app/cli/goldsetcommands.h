#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QStringList>
#include <QTextStream>

namespace cinetune::cli {

// cinetune goldset DATASET --out FILE.jsonl [--preset paper50|paper60|holdout] [...]
int goldset(const QStringList &args, QTextStream &out, QTextStream &err);
QList<QCommandLineOption> goldsetOptions();

} // namespace cinetune::cli
