#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QStringList>
#include <QTextStream>

namespace cinetune::cli {

// cinetune finetune submit|status|watch|cancel: one fine-tuning job at a provider, recorded in a
// project with --project. They run the event loop (see providersupport.h).
int finetuneSubmit(const QStringList &args, QTextStream &out, QTextStream &err);
QList<QCommandLineOption> finetuneSubmitOptions();
int finetuneStatus(const QStringList &args, QTextStream &out, QTextStream &err);
QList<QCommandLineOption> finetuneStatusOptions();
int finetuneWatch(const QStringList &args, QTextStream &out, QTextStream &err);
QList<QCommandLineOption> finetuneWatchOptions();
int finetuneCancel(const QStringList &args, QTextStream &out, QTextStream &err);
QList<QCommandLineOption> finetuneCancelOptions();

} // namespace cinetune::cli
