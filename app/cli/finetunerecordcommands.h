#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QStringList>
#include <QTextStream>

namespace cinetune::cli {

// cinetune finetune list|discard: the jobs a provider and a project know. `list` shows either
// (with --import recording the provider's jobs the project lacks); `discard` forgets a job request
// that never got an answer, after checking the provider has no such job.
int finetuneList(const QStringList &args, QTextStream &out, QTextStream &err);
QList<QCommandLineOption> finetuneListOptions();
int finetuneDiscard(const QStringList &args, QTextStream &out, QTextStream &err);
QList<QCommandLineOption> finetuneDiscardOptions();

} // namespace cinetune::cli
