#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QStringList>
#include <QTextStream>

namespace cinetune::cli {

// cinetune report --project P --out DIR [--runs R1,R2] [--metrics [GOLDSET:]LABEL=FILE.json]...
//                 [--pair LABEL_A,LABEL_B --paired [GOLDSET:]FILE.json] [--title T]
// The headless report: charts are rendered off screen with the UI library, so it needs a
// QApplication (the registry marks it; app/main.cpp creates one with the offscreen platform).
// `args` excludes the command name. Exit codes as ExitCode: 0 success, 1 usage error, 2 input error.
int report(const QStringList &args, QTextStream &out, QTextStream &err);
QList<QCommandLineOption> reportOptions();

} // namespace cinetune::cli
