#include "cli.h"

#include "baselinecommands.h"
#include "common/appinfo.h"
#include "datasetcommands.h"
#include "evalcommands.h"
#include "finetunecommands.h"
#include "goldsetcommands.h"
#include "goldsetstatscommand.h"
#include "providercommands.h"
#include "runcommands.h"
#include "scorecommands.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <limits>
#include <vector>

namespace cinetune::cli {

namespace {

QString tr(const char *s)
{
    return QCoreApplication::translate("cinetune-cli", s);
}

QString usage()
{
    return tr("Usage: cinetune [PROJECT.cinetune | DATASET]           open the desktop application\n"
              "       cinetune dataset stats PATH [--json] [--no-cache] [--threads N]\n"
              "       cinetune dataset synth --out DIR [--users N] [--seed S] [--threads N] [--force]\n"
              "       cinetune goldset DATASET (--out GOLD.jsonl | --save-to PROJECT --name NAME) [--preset paper50|paper60|holdout] [options]\n"
              "       cinetune goldset-stats DATASET --gold GOLD.jsonl [--preset paper50|paper60|holdout] [--split test] [--json]\n"
              "       cinetune finetune-data GOLD.jsonl --dataset DATASET --split train|validation|test --out FILE.jsonl\n"
              "       cinetune tokens FILE.jsonl [--json]\n"
              "       cinetune baseline --dataset D --gold GOLD.jsonl --model random|popular|itemknn|consensus --out PRED.jsonl\n"
              "                [--split test|validation|train|all] [--count N] [--seed S] [--neighbours K] [--max-raters S]\n"
              "                [--weighting binary|rating] [--preset paper50|paper60] [--threads N] [--no-cache]\n"
              "       cinetune providers list [--json] | remove NAME | test NAME\n"
              "       cinetune providers add NAME --kind openai|azure|together|openai-compatible|simulator [--base-url URL]\n"
              "                [--key-env VAR] [--model M] [--chat-model M] [--replace]\n"
              "       cinetune finetune submit PROVIDER --training FILE [--validation FILE] [--model M] [--epochs N]\n"
              "                [--batch-size N] [--lr-multiplier X] [--learning-rate X] [--seed N] [--suffix S] [--project P]\n"
              "       cinetune finetune status|watch|cancel JOB [PROVIDER] [--project P] [--json] [--interval S]\n"
              "       cinetune finetune list [PROVIDER] [--project P [--import]] [--json]\n"
              "       cinetune finetune discard TAG --project P   (an unconfirmed job request, after checking the provider)\n"
              "       cinetune eval --gold GOLD.jsonl --predictions PRED.jsonl [--k 1,3,5,10] [--json] [--dataset D]\n"
              "                [--split test|validation|train|all] [--seed S] [--resamples N] [--max-distance N]\n"
              "       cinetune resolve --dataset D [--json] [--max-distance N] [--min-similarity R] < titles.txt\n"
              "       cinetune run --project P --gold NAME --target PROVIDER:MODEL --strategy zero-shot|fine-tuned|few-shot|candidates\n"
              "                [--split test] [--name RUN] [--format numbered|json] [--temperature T] [--seed S] [--max-tokens N]\n"
              "                [--concurrency C] [--few-shot K] [--dataset D] [--retry-failed] [--json]   (running it again continues)\n"
              "                [--batch [--poll-seconds N] [--batch-deployment NAME]]   (OpenAI/Azure Batch API, half price; re-attaches)\n"
              "       cinetune baseline-run --project P --gold NAME --baseline itemknn|popular|random|consensus [--split test]\n"
              "                [--count N] [--seed S] [--name RUN] [--dataset D]\n"
              "       cinetune score --project P --run NAME [--compare NAME] [--k 1,3,5,10] [--resamples N] [--seed S]\n"
              "                [--dataset D] [--json]   (stored answers only: never sends a request)\n"
              "       cinetune simulator [--port P] [--dataset D] [--latency-ms L] [--faults SPEC] [--job-seconds S] [--batch-seconds S] [--quiet]\n"
              "       cinetune report --project P --out DIR [--runs R,...] [--metrics [GOLDSET:]LABEL=FILE.json]...\n"
              "                [--pair A,B --paired [GOLDSET:]FILE.json] [--title T]\n"
              "       cinetune --help | --version\n"
              "\n"
              "PATH is a dataset file or folder (Netflix Prize: combined_data_*.txt or training_set/;\n"
              "MovieLens: ratings.csv, ratings.dat or u.data), or :sample for the embedded MovieLens sample.\n"
              "PROVIDER is --provider NAME (a profile) or --base-url URL --kind KIND [--key-env VAR]; the API key comes from\n"
              "the environment (OPENAI_API_KEY, AZURE_OPENAI_API_KEY, TOGETHER_API_KEY or --key-env); the simulator needs none.\n"
              "Exit codes: 0 success, 1 usage error, 2 input error, 3 provider or network failure, 130 stopped with Ctrl-C\n"
              "(finetune watch: 3 when the job failed or was cancelled).\n");
}

const QStringList &commandNames()
{
    static const QStringList names{QStringLiteral("dataset"),  QStringLiteral("goldset"),  QStringLiteral("finetune-data"),
                                   QStringLiteral("tokens"),   QStringLiteral("baseline"), QStringLiteral("providers"),
                                   QStringLiteral("finetune"), QStringLiteral("eval"),     QStringLiteral("resolve"),
                                   QStringLiteral("run"),      QStringLiteral("baseline-run"), QStringLiteral("score"),
                                   QStringLiteral("simulator"), QStringLiteral("report"),  QStringLiteral("help")};
    return names;
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

} // namespace

QString unknownCommandError(const QStringList &args)
{
    if (args.isEmpty() || isCliCommand(args))
        return {};
    const QString &first = args.first();
    // Options belong to the desktop application (Qt's -platform, -style, ...); ":sample" and
    // existing files or folders are opened by it.
    if (first.startsWith(QLatin1Char('-')) || first.startsWith(QLatin1Char(':')) || first == QLatin1String("report"))
        return {};
    if (QFileInfo::exists(first))
        return {};
    return tr("cinetune: \"%1\" is neither a command nor an existing file or folder.%2\n"
              "Run cinetune --help for the commands; to open a project or dataset give its path.\n")
        .arg(first, didYouMean(first, commandNames()));
}

bool isCliCommand(const QStringList &args)
{
    if (args.isEmpty())
        return false;
    const QString &a = args.first();
    return a == QLatin1String("dataset") || a == QLatin1String("goldset") || a == QLatin1String("goldset-stats") || a == QLatin1String("finetune-data") || a == QLatin1String("tokens")
           || a == QLatin1String("finetune") || a == QLatin1String("providers") || a == QLatin1String("simulator")
           || a == QLatin1String("eval") || a == QLatin1String("resolve")
           || a == QLatin1String("baseline") || a == QLatin1String("run")
           || a == QLatin1String("baseline-run") || a == QLatin1String("score")
           || a == QLatin1String("--help") || a == QLatin1String("-h")
           || a == QLatin1String("help") || a == QLatin1String("--version") || a == QLatin1String("-v");
}

int run(const QStringList &args, QTextStream &out, QTextStream &err)
{
    if (args.isEmpty())
        return UsageError;
    const QString &cmd = args.first();
    if (cmd == QLatin1String("--help") || cmd == QLatin1String("-h") || cmd == QLatin1String("help")) {
        out << usage();
        return Success;
    }
    if (cmd == QLatin1String("--version") || cmd == QLatin1String("-v")) {
        out << cinetune::versionText();
        return Success;
    }
    if (cmd == QLatin1String("dataset")) {
        const QString sub = args.value(1);
        const QStringList rest = args.mid(2);
        if (sub == QLatin1String("stats"))
            return datasetStats(rest, out, err);
        if (sub == QLatin1String("synth"))
            return datasetSynth(rest, out, err);
        err << tr("cinetune dataset: unknown or missing subcommand \"%1\"; expected stats or synth.%2\n")
                   .arg(sub, sub.isEmpty() ? QString() : didYouMean(sub, {QStringLiteral("stats"), QStringLiteral("synth")}))
            << usage();
        return UsageError;
    }
    if (cmd == QLatin1String("goldset"))
        return goldset(args.mid(1), out, err);
    if (cmd == QLatin1String("goldset-stats"))
        return goldsetStats(args.mid(1), out, err);
    if (cmd == QLatin1String("finetune-data"))
        return finetuneData(args.mid(1), out, err);
    if (cmd == QLatin1String("tokens"))
        return tokens(args.mid(1), out, err);
    if (cmd == QLatin1String("finetune"))
        return finetune(args.mid(1), out, err);
    if (cmd == QLatin1String("providers"))
        return providers(args.mid(1), out, err);
    if (cmd == QLatin1String("eval"))
        return eval(args.mid(1), out, err);
    if (cmd == QLatin1String("resolve")) {
        QFile input;
        if (!input.open(stdin, QIODevice::ReadOnly)) {
            err << tr("cinetune resolve: cannot read standard input\n");
            return InputError;
        }
        QTextStream in(&input);
        return resolve(args.mid(1), in, out, err);
    }
    if (cmd == QLatin1String("baseline"))
        return baseline(args.mid(1), out, err);
    if (cmd == QLatin1String("simulator"))
        return simulator(args.mid(1), out, err);
    if (cmd == QLatin1String("run"))
        return evalRun(args.mid(1), out, err);
    if (cmd == QLatin1String("baseline-run"))
        return baselineRun(args.mid(1), out, err);
    if (cmd == QLatin1String("score"))
        return score(args.mid(1), out, err);
    err << usage();
    return UsageError;
}

} // namespace cinetune::cli
