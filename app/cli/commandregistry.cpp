#include "app/cli/commandregistry.h"

#include "app/cli/baselinecommands.h"
#include "app/cli/cli.h"
#include "app/cli/datasetcommands.h"
#include "app/cli/evalcommands.h"
#include "app/cli/finetunecommands.h"
#include "app/cli/finetunejobcommands.h"
#include "app/cli/finetunerecordcommands.h"
#include "app/cli/goldsetcommands.h"
#include "app/cli/goldsetstatscommand.h"
#include "app/cli/profilecommands.h"
#include "app/cli/reportcommand.h"
#include "app/cli/runcommands.h"
#include "app/cli/scorecommands.h"
#include "app/cli/simulatorcommand.h"

#include <QCoreApplication>
#include <QFile>

#include <algorithm>
#include <limits>
#include <vector>

namespace cinetune::cli {

namespace {

QString tr(const char *s)
{
    return QCoreApplication::translate("cinetune-cli", s);
}

// `resolve` reads the titles from standard input.
int resolveFromStdin(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly)) {
        err << tr("cinetune resolve: cannot read standard input\n");
        return InputError;
    }
    QTextStream in(&input);
    return resolve(args, in, out, err);
}

QList<Command> makeRegistry()
{
    // clang-format off
    return {
        {QStringLiteral("dataset stats"), QStringLiteral("PATH [--json] [--no-cache] [--threads N]"),
         tr("Load a ratings dataset and print its statistics."), &datasetStatsOptions, &datasetStats},
        {QStringLiteral("dataset synth"), QStringLiteral("--out DIR [--users N] [--seed S] [--threads N] [--force]"),
         tr("Write a synthetic Netflix-format dataset (for benchmarks and tests)."), &datasetSynthOptions, &datasetSynth},
        {QStringLiteral("goldset"), QStringLiteral("DATASET (--out GOLD.jsonl | --save-to PROJECT --name NAME) [--preset paper50|paper60|holdout] [options]"),
         tr("Build a gold set (profile and gold movies per user) from a dataset."), &goldsetOptions, &goldset},
        {QStringLiteral("goldset-stats"), QStringLiteral("DATASET --gold GOLD.jsonl [--preset paper50|paper60|holdout] [--split test] [--json]"),
         tr("Diagnose a gold set: how hard it is and what a popularity baseline scores."), &goldsetStatsOptions, &goldsetStats},
        {QStringLiteral("finetune-data"), QStringLiteral("GOLD.jsonl --dataset DATASET --split train|validation|test --out FILE.jsonl"),
         tr("Turn one split of a gold set into chat fine-tuning JSONL, with a token and cost report."), &finetuneDataOptions, &finetuneData},
        {QStringLiteral("tokens"), QStringLiteral("FILE.jsonl [--json]"),
         tr("Check a chat fine-tuning JSONL file and count its tokens and training cost."), &tokensOptions, &tokens},
        {QStringLiteral("baseline"), QStringLiteral("--dataset D --gold GOLD.jsonl --model random|popular|itemknn|consensus --out PRED.jsonl\n"
                                                    "[--split test|validation|train|all] [--count N] [--seed S] [--neighbours K] [--max-raters S]\n"
                                                    "[--weighting binary|rating] [--preset paper50|paper60] [--threads N] [--no-cache]"),
         tr("Write the predictions of a classic recommender for a gold set."), &baselineOptions, &baseline},
        {QStringLiteral("providers list"), QStringLiteral("[--json]"),
         tr("List the provider profiles."), &providersListOptions, &providersList},
        {QStringLiteral("providers add"), QStringLiteral("NAME --kind openai|azure|together|openai-compatible|simulator [--base-url URL]\n"
                                                         "[--key-env VAR] [--model M] [--chat-model M] [--replace]"),
         tr("Add (or with --replace, change) a provider profile."), &providersAddOptions, &providersAdd},
        {QStringLiteral("providers remove"), QStringLiteral("NAME"),
         tr("Remove a provider profile."), &providersRemoveOptions, &providersRemove},
        {QStringLiteral("providers test"), QStringLiteral("NAME | PROVIDER"),
         tr("Check that a provider answers and the key is accepted."), &providersTestOptions, &providersTest},
        {QStringLiteral("finetune submit"), QStringLiteral("PROVIDER --training FILE [--validation FILE] [--model M] [--epochs N]\n"
                                                           "[--batch-size N] [--lr-multiplier X] [--learning-rate X] [--seed N] [--suffix S] [--project P]"),
         tr("Upload the training data and create a fine-tuning job."), &finetuneSubmitOptions, &finetuneSubmit},
        {QStringLiteral("finetune status"), QStringLiteral("JOB [PROVIDER] [--project P] [--json]"),
         tr("Print a fine-tuning job's state."), &finetuneStatusOptions, &finetuneStatus},
        {QStringLiteral("finetune watch"), QStringLiteral("JOB [PROVIDER] [--project P] [--interval S]"),
         tr("Follow a fine-tuning job until it ends, printing its status and training metrics."), &finetuneWatchOptions, &finetuneWatch},
        {QStringLiteral("finetune cancel"), QStringLiteral("JOB [PROVIDER] [--project P]"),
         tr("Cancel a fine-tuning job."), &finetuneCancelOptions, &finetuneCancel},
        {QStringLiteral("finetune list"), QStringLiteral("[PROVIDER] [--project P [--import]] [--json]"),
         tr("List the fine-tuning jobs of a provider or of a project."), &finetuneListOptions, &finetuneList},
        {QStringLiteral("finetune discard"), QStringLiteral("TAG --project P"),
         tr("Forget an unconfirmed job request after checking the provider has no such job."), &finetuneDiscardOptions, &finetuneDiscard},
        {QStringLiteral("eval"), QStringLiteral("--gold GOLD.jsonl --predictions PRED.jsonl [--k 1,3,5,10] [--json] [--dataset D]\n"
                                                "[--split test|validation|train|all] [--seed S] [--resamples N] [--max-distance N]"),
         tr("Score predictions against a gold set (ranking metrics with confidence intervals)."), &evalOptions, &eval},
        {QStringLiteral("resolve"), QStringLiteral("--dataset D [--json] [--max-distance N] [--min-similarity R] < titles.txt"),
         tr("Match movie titles (one a line on standard input) to the dataset's movies."), &resolveOptions, &resolveFromStdin},
        {QStringLiteral("run"), QStringLiteral("--project P --gold NAME --target PROVIDER:MODEL --strategy zero-shot|fine-tuned|few-shot|candidates\n"
                                               "[--split test] [--name RUN] [--label TEXT] [--format numbered|json] [--temperature T] [--seed S] [--max-tokens N]\n"
                                               "[--concurrency C] [--few-shot K] [--dataset D] [--retry-failed] [--json]   (running it again continues)\n"
                                               "[--batch [--poll-seconds N] [--batch-deployment NAME]]   (OpenAI/Azure Batch API, half price; re-attaches)"),
         tr("Ask a model for every user of a gold set and store the answers in the project."), &evalRunOptions, &evalRun},
        {QStringLiteral("baseline-run"), QStringLiteral("--project P --gold NAME --baseline itemknn|popular|random|consensus [--split test]\n"
                                                        "[--count N] [--seed S] [--name RUN] [--label TEXT] [--dataset D]"),
         tr("Store a classic recommender's answers as a run of the project."), &baselineRunOptions, &baselineRun},
        {QStringLiteral("score"), QStringLiteral("--project P --run NAME [--compare NAME] [--k 1,3,5,10] [--resamples N] [--seed S]\n"
                                                 "[--dataset D] [--json]   (stored answers only: never sends a request)"),
         tr("Score a stored run (and compare it with another)."), &scoreOptions, &score},
        {QStringLiteral("simulator"), QStringLiteral("[--port P] [--dataset D] [--latency-ms L] [--faults SPEC] [--job-seconds S] [--batch-seconds S] [--quiet]"),
         tr("Serve the offline provider stand-in on 127.0.0.1 (no LLM, no key, no cost)."), &simulatorOptions, &simulator},
        {QStringLiteral("report"), QStringLiteral("--project P --out DIR [--runs R,...] [--metrics [GOLDSET:]LABEL=FILE.json]...\n"
                                                  "[--pair A,B --paired [GOLDSET:]FILE.json] [--title T]"),
         tr("Write the results of a project as report.html and report.pdf with charts."), &reportOptions, &report, true},
    };
    // clang-format on
}

int editDistance(const QString &a, const QString &b)
{
    std::vector<int> row(std::size_t(b.size()) + 1);
    for (std::size_t j = 0; j < row.size(); ++j)
        row[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int above = row[std::size_t(j)];
            const int cost = a[i - 1].toLower() == b[j - 1].toLower() ? 0 : 1;
            row[std::size_t(j)] = std::min({above + 1, row[std::size_t(j - 1)] + 1, diagonal + cost});
            diagonal = above;
        }
    }
    return row.back();
}

// The names closest to `word` (edit distance at most a third of the longer word, at least 2).
QStringList suggestions(const QString &word, const QStringList &names)
{
    int best = std::numeric_limits<int>::max();
    QStringList out;
    for (const QString &name : names) {
        const int d = editDistance(word, name);
        if (d > std::max<qsizetype>(2, std::max(word.size(), name.size()) / 3))
            continue;
        if (d < best) {
            best = d;
            out.clear();
        }
        if (d == best)
            out << name;
    }
    return out;
}

QString optionLabel(const CommandOption &o)
{
    QStringList names;
    for (const QString &n : o.names)
        names << QStringLiteral("--") + n;
    QString label = names.join(QStringLiteral(", "));
    if (!o.valueName.isEmpty())
        label += QStringLiteral(" <%1>").arg(o.valueName);
    return label;
}

// The synopsis lines of `c`, the continuation lines indented under the first.
QString synopsisLines(const Command &c, const QString &indent)
{
    QStringList lines = c.synopsis.split(QLatin1Char('\n'));
    QString text = QStringLiteral("cinetune %1 %2\n").arg(c.name, lines.takeFirst());
    for (const QString &l : lines)
        text += indent + QStringLiteral("         ") + l + QLatin1Char('\n');
    return text;
}

// roff text: backslashes and leading dots or quotes escaped, dashes as \-.
QString roff(QString text)
{
    text.replace(QLatin1Char('\\'), QStringLiteral("\\e"));
    text.replace(QLatin1Char('-'), QStringLiteral("\\-"));
    if (text.startsWith(QLatin1Char('.')) || text.startsWith(QLatin1Char('\'')))
        text.prepend(QStringLiteral("\\&"));
    return text;
}

} // namespace

QString Command::group() const
{
    return name.section(QLatin1Char(' '), 0, 0);
}

QString Command::subcommand() const
{
    return name.section(QLatin1Char(' '), 1, 1);
}

QList<CommandOption> Command::optionList() const
{
    QList<CommandOption> list;
    if (!options)
        return list;
    for (const QCommandLineOption &o : options()) {
        if (o.flags() & QCommandLineOption::HiddenFromHelp)
            continue;
        list.append({o.names(), o.valueName(), o.description()});
    }
    return list;
}

const QList<Command> &commandRegistry()
{
    static const QList<Command> registry = makeRegistry();
    return registry;
}

const Command *findCommand(const QString &name)
{
    for (const Command &c : commandRegistry()) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

QStringList topLevelCommandNames()
{
    QStringList names;
    for (const Command &c : commandRegistry()) {
        if (!names.contains(c.group()))
            names << c.group();
    }
    names << QStringLiteral("help");
    return names;
}

QStringList subcommandNames(const QString &group)
{
    QStringList names;
    for (const Command &c : commandRegistry()) {
        if (c.group() == group && !c.subcommand().isEmpty())
            names << c.subcommand();
    }
    return names;
}

QString didYouMean(const QString &word, const QStringList &names)
{
    const QStringList close = suggestions(word, names);
    if (close.isEmpty())
        return {};
    QStringList quoted;
    for (const QString &c : close)
        quoted << QStringLiteral("\"%1\"").arg(c);
    return tr(" Did you mean %1?").arg(quoted.join(tr(" or ")));
}

QString usageText()
{
    const QString indent = QStringLiteral("       ");
    QString text = tr("Usage: cinetune [PROJECT.cinetune | DATASET]           open the desktop application\n");
    for (const Command &c : commandRegistry())
        text += indent + synopsisLines(c, indent);
    text += indent + QStringLiteral("cinetune help [COMMAND] | COMMAND --help | --help | --version\n");
    text += tr(
        "\n"
        "PATH is a dataset file or folder (Netflix Prize: combined_data_*.txt or training_set/;\n"
        "MovieLens: ratings.csv, ratings.dat or u.data), or :sample for the embedded MovieLens sample.\n"
        "PROVIDER is --provider NAME (a profile) or --base-url URL --kind KIND [--key-env VAR]; the API key comes from\n"
        "the environment (OPENAI_API_KEY, AZURE_OPENAI_API_KEY, TOGETHER_API_KEY or --key-env); the simulator needs none.\n"
        "Exit codes: 0 success, 1 usage error, 2 input error, 3 provider or network failure, 130 stopped with Ctrl-C\n"
        "(finetune watch: 3 when the job failed or was cancelled).\n");
    return text;
}

QString commandHelp(const Command &c)
{
    QString text = QStringLiteral("Usage: ") + synopsisLines(c, QStringLiteral("       "));
    text += QLatin1Char('\n') + c.summary + QLatin1Char('\n');
    QList<CommandOption> options = c.optionList();
    options.append({{QStringLiteral("help")}, {}, tr("Show this help")});
    qsizetype width = 0;
    for (const CommandOption &o : options)
        width = std::max(width, optionLabel(o).size());
    text += tr("\nOptions:\n");
    for (const CommandOption &o : options)
        text += QStringLiteral("  %1  %2\n").arg(optionLabel(o).leftJustified(width), o.help);
    return text;
}

QString groupHelp(const QString &group)
{
    QString text = tr("Usage: cinetune %1 SUBCOMMAND [options]\n\nSubcommands:\n").arg(group);
    qsizetype width = 0;
    for (const QString &sub : subcommandNames(group))
        width = std::max(width, sub.size());
    for (const Command &c : commandRegistry()) {
        if (c.group() == group && !c.subcommand().isEmpty())
            text += QStringLiteral("  %1  %2\n").arg(c.subcommand().leftJustified(width), c.summary);
    }
    text += tr("\nRun cinetune %1 SUBCOMMAND --help for its options.\n").arg(group);
    return text;
}

QString manPage()
{
    QString t;
    t += QStringLiteral(".TH CINETUNE 1 \"\" \"cinetune %1\" \"User Commands\"\n").arg(QStringLiteral(CINETUNE_VERSION));
    t += QStringLiteral(".nh\n.ad l\n"); // long synopses: no hyphenation, ragged right
    t += QStringLiteral(".SH NAME\ncinetune \\- movie recommendations with fine-tuned language models\n");
    t += QStringLiteral(".SH SYNOPSIS\n.B cinetune\n[\\fIPROJECT.cinetune\\fR | \\fIDATASET\\fR]\n.br\n");
    for (const Command &c : commandRegistry()) {
        t += QStringLiteral(".B cinetune %1\n%2\n.br\n")
                 .arg(roff(c.name), roff(QString(c.synopsis).replace(QLatin1Char('\n'), QLatin1Char(' '))));
    }
    t += QStringLiteral(".SH DESCRIPTION\nWithout a command, cinetune opens the desktop application. Each command below runs "
                        "headless; \\fBcinetune\\fR \\fICOMMAND\\fR \\fB\\-\\-help\\fR prints its options.\n");
    t += QStringLiteral(".SH COMMANDS\n");
    for (const Command &c : commandRegistry()) {
        t += QStringLiteral(".SS %1\n%2\n").arg(roff(c.name), roff(c.summary));
        for (const CommandOption &o : c.optionList())
            t += QStringLiteral(".TP\n.B %1\n%2\n").arg(roff(optionLabel(o)), roff(o.help));
    }
    t += QStringLiteral(".SH EXIT STATUS\n0 success, 1 usage error, 2 input error, 3 provider or network failure, "
                        "130 stopped with Ctrl\\-C.\n");
    t += QStringLiteral(
        ".SH ENVIRONMENT\nOPENAI_API_KEY, AZURE_OPENAI_API_KEY, TOGETHER_API_KEY: the API keys of the providers.\n");
    return t;
}

QString bashCompletion()
{
    QString t = QStringLiteral("# bash completion for cinetune (generated by cinetune help --bash-completion)\n"
                               "_cinetune()\n"
                               "{\n"
                               "    local cur=${COMP_WORDS[COMP_CWORD]} opts=\"\"\n"
                               "    if [[ $COMP_CWORD -eq 1 ]]; then\n"
                               "        COMPREPLY=($(compgen -W \"%1 --help --version\" -- \"$cur\"))\n"
                               "        return\n"
                               "    fi\n"
                               "    case \"${COMP_WORDS[1]}\" in\n")
                    .arg(topLevelCommandNames().join(QLatin1Char(' ')));
    const auto optionWords = [](const Command &c) {
        QStringList words;
        for (const CommandOption &o : c.optionList()) {
            for (const QString &n : o.names)
                words << QStringLiteral("--") + n;
        }
        words << QStringLiteral("--help");
        return words.join(QLatin1Char(' '));
    };
    QStringList done;
    for (const Command &c : commandRegistry()) {
        const QString group = c.group();
        if (done.contains(group))
            continue;
        done << group;
        const QStringList subs = subcommandNames(group);
        if (subs.isEmpty()) {
            t += QStringLiteral("        %1) opts=\"%2\" ;;\n").arg(group, optionWords(c));
            continue;
        }
        t += QStringLiteral("        %1)\n"
                            "            if [[ $COMP_CWORD -eq 2 ]]; then\n"
                            "                COMPREPLY=($(compgen -W \"%2 --help\" -- \"$cur\"))\n"
                            "                return\n"
                            "            fi\n"
                            "            case \"${COMP_WORDS[2]}\" in\n")
                 .arg(group, subs.join(QLatin1Char(' ')));
        for (const QString &sub : subs)
            t += QStringLiteral("                %1) opts=\"%2\" ;;\n")
                     .arg(sub, optionWords(*findCommand(group + QLatin1Char(' ') + sub)));
        t += QStringLiteral("            esac ;;\n");
    }
    t += QStringLiteral("        help) opts=\"%1\" ;;\n"
                        "    esac\n"
                        "    if [[ $cur == -* ]]; then\n"
                        "        COMPREPLY=($(compgen -W \"$opts\" -- \"$cur\"))\n"
                        "    else\n"
                        "        COMPREPLY=($(compgen -f -- \"$cur\"))\n"
                        "    fi\n"
                        "}\n"
                        "complete -o filenames -F _cinetune cinetune\n")
             .arg(QStringList(topLevelCommandNames()).join(QLatin1Char(' ')) + QStringLiteral(" --man --bash-completion"));
    return t;
}

} // namespace cinetune::cli
