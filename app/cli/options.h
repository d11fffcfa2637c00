#pragma once

#include <QCommandLineParser>
#include <QStringList>
#include <QTextStream>

#include <optional>

namespace cinetune::cli {

// Parses `args` (without program and command names) with `parser`. On a usage problem writes
// "cinetune <command>: <problem>" to err and returns false.
bool parseOptions(QCommandLineParser &parser, const QString &command, const QStringList &args, QTextStream &err);

// Reads an unsigned integer option in [min, max]; on a bad value writes a message naming the
// option and its range and returns nullopt.
std::optional<qulonglong> unsignedOption(const QCommandLineParser &parser, const QString &name, qulonglong fallback,
                                         qulonglong min, qulonglong max, const QString &command, QTextStream &err);

// A --base-url as typed: an http(s) URL with a host. Otherwise writes "cinetune <command>:
// --base-url "<what was typed>" is not ..." and returns false.
bool checkBaseUrlText(const QString &text, const QString &command, QTextStream &err);

// `text` with control and other invisible characters shown as escapes (\t, \u001b, \ufeff), for
// echoing what a user or file gave.
QString visibleText(const QString &text);

} // namespace cinetune::cli
