#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QStringList>
#include <QTextStream>

namespace cinetune::cli {

// cinetune providers list|add|remove|test: the provider profiles (QSettings; keys stay in the
// environment). `providers test` runs the event loop.
int providersList(const QStringList &args, QTextStream &out, QTextStream &err);
QList<QCommandLineOption> providersListOptions();
int providersAdd(const QStringList &args, QTextStream &out, QTextStream &err);
QList<QCommandLineOption> providersAddOptions();
int providersRemove(const QStringList &args, QTextStream &out, QTextStream &err);
QList<QCommandLineOption> providersRemoveOptions();
int providersTest(const QStringList &args, QTextStream &out, QTextStream &err);
QList<QCommandLineOption> providersTestOptions();

} // namespace cinetune::cli
