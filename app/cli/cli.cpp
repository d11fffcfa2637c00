#include "app/cli/cli.h"
#include "core/common/appinfo.h"

#include "app/cli/commandregistry.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace cinetune::cli {

namespace {

QString tr(const char *s)
{
    return QCoreApplication::translate("cinetune-cli", s);
}

bool isHelpOption(const QString &a)
{
    return a == QLatin1String("--help") || a == QLatin1String("-h") || a == QLatin1String("-help");
}

// --help among a command's arguments (before a "--" that ends the options).
bool asksForHelp(const QStringList &args)
{
    for (const QString &a : args) {
        if (a == QLatin1String("--"))
            return false;
        if (isHelpOption(a))
            return true;
    }
    return false;
}

// The command `args` names (one word, or two for a group's subcommand), or nullptr.
const Command *commandOf(const QStringList &args, qsizetype &words)
{
    words = 1;
    if (const Command *c = findCommand(args.value(0)))
        return c;
    words = 2;
    return findCommand(args.value(0) + QLatin1Char(' ') + args.value(1));
}

// `cinetune help [COMMAND [SUBCOMMAND]]`, `cinetune help --man`, `cinetune help --bash-completion`.
int help(const QStringList &args, QTextStream &out, QTextStream &err)
{
    if (args.isEmpty() || isHelpOption(args.first())) {
        out << usageText();
        return Success;
    }
    if (args.first() == QLatin1String("--man")) {
        out << manPage();
        return Success;
    }
    if (args.first() == QLatin1String("--bash-completion")) {
        out << bashCompletion();
        return Success;
    }
    qsizetype words = 0;
    if (const Command *c = commandOf(args, words)) {
        out << commandHelp(*c);
        return Success;
    }
    if (!subcommandNames(args.first()).isEmpty()) {
        out << groupHelp(args.first());
        return Success;
    }
    err << tr("cinetune help: \"%1\" is not a command.%2\nRun cinetune --help for the commands.\n")
               .arg(args.join(QLatin1Char(' ')), didYouMean(args.first(), topLevelCommandNames()));
    return UsageError;
}

} // namespace

QString unknownCommandError(const QStringList &args)
{
    if (args.isEmpty() || isCliCommand(args))
        return {};
    const QString &first = args.first();
    // Options belong to the desktop application (Qt's -platform, -style, ...); ":sample" and
    // existing files or folders are opened by it.
    if (first.startsWith(QLatin1Char('-')) || first.startsWith(QLatin1Char(':')))
        return {};
    if (QFileInfo::exists(first))
        return {};
    return tr("cinetune: \"%1\" is neither a command nor an existing file or folder.%2\n"
              "Run cinetune --help for the commands; to open a project or dataset give its path.\n")
        .arg(first, didYouMean(first, topLevelCommandNames()));
}

bool isCliCommand(const QStringList &args)
{
    if (args.isEmpty())
        return false;
    const QString &a = args.first();
    return isHelpOption(a) || a == QLatin1String("--version") || a == QLatin1String("-v") || topLevelCommandNames().contains(a);
}

bool needsWidgets(const QStringList &args)
{
    qsizetype words = 0;
    const Command *c = commandOf(args, words);
    return c && c->needsWidgets && !asksForHelp(args.mid(words));
}

int run(const QStringList &args, QTextStream &out, QTextStream &err)
{
    if (args.isEmpty())
        return UsageError;
    const QString &cmd = args.first();
    if (isHelpOption(cmd)) {
        out << usageText();
        return Success;
    }
    if (cmd == QLatin1String("help"))
        return help(args.mid(1), out, err);
    if (cmd == QLatin1String("--version") || cmd == QLatin1String("-v")) {
        out << cinetune::versionText();
        return Success;
    }
    qsizetype words = 0;
    if (const Command *c = commandOf(args, words)) {
        const QStringList rest = args.mid(words);
        if (asksForHelp(rest)) {
            out << commandHelp(*c);
            return Success;
        }
        return c->handler(rest, out, err);
    }
    const QStringList subs = subcommandNames(cmd);
    if (!subs.isEmpty()) {
        const QString sub = args.value(1);
        if (isHelpOption(sub)) {
            out << groupHelp(cmd);
            return Success;
        }
        QStringList quoted = subs;
        const QString last = quoted.takeLast();
        const QString expected = quoted.isEmpty() ? last : tr("%1 or %2").arg(quoted.join(QStringLiteral(", ")), last);
        err << tr("cinetune %1: unknown or missing subcommand \"%2\"; expected %3.%4\n")
                   .arg(cmd, sub, expected, sub.isEmpty() ? QString() : didYouMean(sub, subs))
            << tr("Run cinetune %1 --help for its subcommands.\n").arg(cmd);
        return UsageError;
    }
    err << usageText();
    return UsageError;
}

} // namespace cinetune::cli
