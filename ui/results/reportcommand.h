#pragma once

#include <QStringList>
#include <QTextStream>

namespace cinetune::ui {

// `cinetune report --project P --out DIR [--runs R1,R2] [--metrics [GOLDSET:]LABEL=FILE.json]…
//                  [--pair LABEL_A,LABEL_B --paired [GOLDSET:]FILE.json] [--title T]`
// The headless report: charts are rendered off screen, so it lives in the UI library and needs a
// QApplication (app/main.cpp creates one with the offscreen platform for this command).
// Exit codes as cli::ExitCode: 0 success, 1 usage error, 2 input error.
bool isReportCommand(const QStringList &args);
int runReportCommand(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace cinetune::ui
