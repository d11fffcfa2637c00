// The command registry (app/cli/commandregistry.cpp) and what is generated from it: for every
// registered command `cinetune COMMAND --help` and `cinetune help COMMAND` exit 0 and print its
// synopsis, summary and options; `cinetune help` lists every command; unknown commands and
// subcommands get "did you mean"; `help --man` and `help --bash-completion` are usable. Runs the
// binary (CINETUNE_BINARY) and, for the declarations, links cinetune_cli.
#include "clirunner.h"
#include "fixtures.h"

#include "app/cli/cli.h"
#include "app/cli/commandregistry.h"

#include <QFileInfo>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace cinetune;

class TestCliRegistry : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY2(QFileInfo::exists(test::cliBinary()), "CINETUNE_BINARY not set"); }

    void declarations()
    {
        QSet<QString> names;
        for (const cli::Command &c : cli::commandRegistry()) {
            QVERIFY2(!names.contains(c.name), qPrintable(c.name));
            names.insert(c.name);
            QVERIFY2(c.handler && c.options, qPrintable(c.name));
            QVERIFY2(!c.synopsis.isEmpty() && !c.summary.isEmpty(), qPrintable(c.name));
            QVERIFY2(c.name.count(QLatin1Char(' ')) <= 1, qPrintable(c.name));
            // A group name is never a command of its own.
            if (!c.subcommand().isEmpty())
                QVERIFY2(!cli::findCommand(c.group()), qPrintable(c.name));
        }
        QVERIFY(names.contains(QStringLiteral("report")));
        QVERIFY(cli::findCommand(QStringLiteral("report"))->needsWidgets);
        QVERIFY(!cli::findCommand(QStringLiteral("run"))->needsWidgets);
        QCOMPARE(cli::topLevelCommandNames().last(), QStringLiteral("help"));
        QCOMPARE(cli::subcommandNames(QStringLiteral("dataset")),
                 (QStringList{QStringLiteral("stats"), QStringLiteral("synth")}));
    }

    void commandHelp_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("viaHelpCommand");
        for (const cli::Command &c : cli::commandRegistry()) {
            QTest::newRow(qPrintable(c.name + QStringLiteral(" --help"))) << c.name << false;
            QTest::newRow(qPrintable(QStringLiteral("help ") + c.name)) << c.name << true;
        }
    }

    void commandHelp()
    {
        QFETCH(QString, name);
        QFETCH(bool, viaHelpCommand);
        const cli::Command *c = cli::findCommand(name);
        QVERIFY(c);
        const QStringList words = name.split(QLatin1Char(' '));
        const QStringList args = viaHelpCommand ? QStringList{QStringLiteral("help")} + words
                                                : words + QStringList{QStringLiteral("--help")};
        const test::CliRun r = test::runCli(args, {.timeoutMs = 60000});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.err.isEmpty(), r.err.constData());
        const QString out = r.outText();
        const QString usage = QStringLiteral("Usage: cinetune %1 %2").arg(name, c->synopsis.section(QLatin1Char('\n'), 0, 0));
        QVERIFY2(out.startsWith(usage), qPrintable(out));
        QVERIFY2(out.contains(c->summary), qPrintable(out));
        for (const cli::CommandOption &o : c->optionList()) {
            QVERIFY2(out.contains(QStringLiteral("--") + o.names.first()), qPrintable(o.names.first()));
            QVERIFY2(out.contains(o.help), qPrintable(o.help));
        }
        QVERIFY(out.contains(QStringLiteral("--help")));
    }

    // --help anywhere among the options, after other options too, never runs the command.
    void helpAfterOptions()
    {
        const test::CliRun r = test::runCli(
            {QStringLiteral("run"), QStringLiteral("--project"), QStringLiteral("missing.cinetune"), QStringLiteral("--help")},
            {.timeoutMs = 60000});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith("Usage: cinetune run "));
        QVERIFY(!QFileInfo::exists(QStringLiteral("missing.cinetune")));
    }

    void groupHelp_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("group");
        for (const QString &group : cli::topLevelCommandNames()) {
            if (cli::subcommandNames(group).isEmpty())
                continue;
            QTest::newRow(qPrintable(group + QStringLiteral(" --help"))) << QStringList{group, QStringLiteral("--help")} << group;
            QTest::newRow(qPrintable(QStringLiteral("help ") + group)) << QStringList{QStringLiteral("help"), group} << group;
        }
    }

    void groupHelp()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, group);
        const test::CliRun r = test::runCli(args, {.timeoutMs = 60000});
        QCOMPARE(r.code, 0);
        for (const QString &sub : cli::subcommandNames(group)) {
            const cli::Command *c = cli::findCommand(group + QLatin1Char(' ') + sub);
            QVERIFY2(r.outText().contains(sub) && r.outText().contains(c->summary), qPrintable(sub));
        }
    }

    void usageListsEveryCommand_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("help") << QStringList{QStringLiteral("help")};
        QTest::newRow("--help") << QStringList{QStringLiteral("--help")};
        QTest::newRow("-h") << QStringList{QStringLiteral("-h")};
    }

    void usageListsEveryCommand()
    {
        QFETCH(QStringList, args);
        const test::CliRun r = test::runCli(args, {.timeoutMs = 60000});
        QCOMPARE(r.code, 0);
        for (const cli::Command &c : cli::commandRegistry())
            QVERIFY2(r.outText().contains(QStringLiteral("cinetune %1 ").arg(c.name)), qPrintable(c.name));
        QVERIFY(r.out.contains("Exit codes:"));
    }

    void unknown_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("command") << QStringList{QStringLiteral("baselinerun")}
                                 << QStringLiteral("Did you mean \"baseline-run\"?");
        QTest::newRow("command typo") << QStringList{QStringLiteral("scroe")} << QStringLiteral("Did you mean \"score\"?");
        QTest::newRow("help typo") << QStringList{QStringLiteral("help"), QStringLiteral("finetun")}
                                   << QStringLiteral("Did you mean \"finetune\"?");
        QTest::newRow("subcommand")
            << QStringList{QStringLiteral("finetune"), QStringLiteral("sumbit")}
            << QStringLiteral(
                   "unknown or missing subcommand \"sumbit\"; expected submit, status, watch, cancel, list or discard. "
                   "Did you mean \"submit\"?");
        QTest::newRow("missing subcommand") << QStringList{QStringLiteral("providers")}
                                            << QStringLiteral("expected list, add, remove or test.");
        QTest::newRow("dataset subcommand") << QStringList{QStringLiteral("dataset"), QStringLiteral("stat")}
                                            << QStringLiteral("Did you mean \"stats\"?");
    }

    void unknown()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const test::CliRun r = test::runCli(args, {.timeoutMs = 60000});
        QCOMPARE(r.code, int(cli::UsageError));
        QVERIFY2(r.errText().contains(message), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }

    void manPage()
    {
        const test::CliRun r = test::runCli({QStringLiteral("help"), QStringLiteral("--man")}, {.timeoutMs = 60000});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith(".TH CINETUNE 1 "));
        for (const char *section : {".SH NAME", ".SH SYNOPSIS", ".SH COMMANDS", ".SH EXIT STATUS"})
            QVERIFY2(r.out.contains(section), section);
        QVERIFY(r.out.contains(".SS finetune submit\n"));
        QVERIFY(r.out.contains(".SS baseline\\-run\n"));
        QVERIFY(r.out.contains(".B \\-\\-project <P>\n"));
        // groff, where installed, renders it without a warning.
        QTemporaryDir dir;
        const QString page = test::writeFile(dir.path(), QStringLiteral("cinetune.1"), r.out);
        QProcess groff;
        groff.start(QStringLiteral("groff"),
                    {QStringLiteral("-man"), QStringLiteral("-Tutf8"), QStringLiteral("-P-cbou"), QStringLiteral("-ww"), page});
        if (!groff.waitForStarted(10000))
            QSKIP("groff is not installed; the page was checked by its sections only");
        QVERIFY(groff.waitForFinished(60000));
        QCOMPARE(groff.exitCode(), 0);
        QVERIFY2(groff.readAllStandardError().isEmpty(), "groff warned");
        QVERIFY(groff.readAllStandardOutput().contains("finetune submit"));
    }

    void bashCompletion_data()
    {
        QTest::addColumn<QStringList>("words");
        QTest::addColumn<QString>("expected");
        QTest::newRow("command") << QStringList{QStringLiteral("cinetune"), QStringLiteral("finetune")}
                                 << QStringLiteral("finetune finetune-data");
        QTest::newRow("subcommand") << QStringList{QStringLiteral("cinetune"), QStringLiteral("finetune"), QStringLiteral("su")}
                                    << QStringLiteral("submit");
        QTest::newRow("option") << QStringList{QStringLiteral("cinetune"), QStringLiteral("run"), QStringLiteral("--proj")}
                                << QStringLiteral("--project");
        QTest::newRow("subcommand option") << QStringList{QStringLiteral("cinetune"), QStringLiteral("finetune"),
                                                          QStringLiteral("watch"), QStringLiteral("--inter")}
                                           << QStringLiteral("--interval");
    }

    void bashCompletion()
    {
        QFETCH(QStringList, words);
        QFETCH(QString, expected);
        const test::CliRun r = test::runCli({QStringLiteral("help"), QStringLiteral("--bash-completion")}, {.timeoutMs = 60000});
        QCOMPARE(r.code, 0);
        QTemporaryDir dir;
        const QString script = test::writeFile(dir.path(), QStringLiteral("cinetune.bash"), r.out);
        QStringList quoted;
        for (const QString &w : words)
            quoted << QStringLiteral("'%1'").arg(w);
        QProcess bash;
        bash.start(QStringLiteral("bash"),
                   {QStringLiteral("-c"),
                    QStringLiteral("source '%1' && COMP_WORDS=(%2) && COMP_CWORD=%3 && _cinetune && echo \"${COMPREPLY[*]}\"")
                        .arg(script, quoted.join(QLatin1Char(' ')))
                        .arg(words.size() - 1)});
        QVERIFY(bash.waitForFinished(30000));
        QVERIFY2(bash.exitCode() == 0, bash.readAllStandardError().constData());
        QStringList got = QString::fromUtf8(bash.readAllStandardOutput()).trimmed().split(QLatin1Char(' '));
        got.sort();
        QCOMPARE(got.join(QLatin1Char(' ')), expected);
    }
};

QTEST_GUILESS_MAIN(TestCliRegistry)
#include "tst_cliregistry.moc"
