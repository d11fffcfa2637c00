#include "cli.h"

#include "datasetcommands.h"
#include "finetunecommands.h"

#include <QCommandLineParser>
#include <QCoreApplication>

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
              "       cinetune dataset synth --out DIR [--users N] [--seed S] [--threads N]\n"
              "       cinetune finetune-data GOLD.jsonl --dataset DATASET --split train|validation|test --out FILE.jsonl\n"
              "       cinetune tokens FILE.jsonl [--json]\n"
              "       cinetune --help | --version\n"
              "\n"
              "PATH is a dataset file or folder (Netflix Prize: combined_data_*.txt or training_set/;\n"
              "MovieLens: ratings.csv, ratings.dat or u.data), or :sample for the embedded MovieLens sample.\n"
              "Exit codes: 0 success, 1 usage error, 2 input error.\n");
}

} // namespace

bool isCliCommand(const QStringList &args)
{
    if (args.isEmpty())
        return false;
    const QString &a = args.first();
    return a == QLatin1String("dataset") || a == QLatin1String("finetune-data") || a == QLatin1String("tokens")
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
        out << QStringLiteral("cinetune %1\n").arg(QStringLiteral(CINETUNE_VERSION));
        return Success;
    }
    if (cmd == QLatin1String("dataset")) {
        const QString sub = args.value(1);
        const QStringList rest = args.mid(2);
        if (sub == QLatin1String("stats"))
            return datasetStats(rest, out, err);
        if (sub == QLatin1String("synth"))
            return datasetSynth(rest, out, err);
        err << tr("cinetune dataset: unknown or missing subcommand \"%1\"; expected stats or synth\n").arg(sub) << usage();
        return UsageError;
    }
    if (cmd == QLatin1String("finetune-data"))
        return finetuneData(args.mid(1), out, err);
    if (cmd == QLatin1String("tokens"))
        return tokens(args.mid(1), out, err);
    err << usage();
    return UsageError;
}

} // namespace cinetune::cli
