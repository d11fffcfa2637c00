#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTextStream>

namespace cinetune::cli {

// One option of a command as its help, the man page and the completion show it.
struct CommandOption
{
    QStringList names; // without dashes ("project"); all are given as --name
    QString valueName; // empty for a flag
    QString help;
};

// One headless command, declared once in the registry (commandregistry.cpp). Usage, dispatch,
// "did you mean", per-command --help, `cinetune help COMMAND`, the man page and the bash
// completion are all generated from these declarations.
struct Command
{
    using Handler = int (*)(const QStringList &args, QTextStream &out, QTextStream &err);
    using Options = QList<QCommandLineOption> (*)();

    QString name;              // "run", or "GROUP SUB" for a subcommand ("finetune submit")
    QString synopsis;          // the arguments after the name; '\n' starts a continuation line
    QString summary;           // one line, what the command does
    Options options = nullptr; // the options its parser takes (the handler adds the same list)
    Handler handler = nullptr; // gets the arguments after the name
    bool needsWidgets = false; // renders charts: needs a QApplication (offscreen), not a QCoreApplication

    QString group() const;      // the first word of the name
    QString subcommand() const; // the second word, empty for a top-level command
    QList<CommandOption> optionList() const;
};

// Every command, in the order usage lists them.
const QList<Command> &commandRegistry();

// The command called `name` ("eval", "finetune watch"), or nullptr.
const Command *findCommand(const QString &name);

// The first words of the commands ("dataset", "goldset", ..., "report"), in registry order, and
// "help"; each appears once.
QStringList topLevelCommandNames();

// The subcommands of a group ("finetune" → submit, status, ...); empty for a plain command.
QStringList subcommandNames(const QString &group);

// The full usage (`cinetune --help`).
QString usageText();
// `cinetune COMMAND --help`: usage line, summary, options.
QString commandHelp(const Command &command);
// `cinetune GROUP --help`: the group's subcommands with their summaries.
QString groupHelp(const QString &group);
// The man page cinetune(1) in roff (`cinetune help --man`).
QString manPage();
// A bash completion script (`cinetune help --bash-completion`).
QString bashCompletion();

// The names in `names` closest to `word`, as " Did you mean "a" or "b"?" (empty when none is close).
QString didYouMean(const QString &word, const QStringList &names);

} // namespace cinetune::cli
