#include "app/cli/baselinecommands.h"

#include "app/cli/cli.h"
#include "core/dataset/datasetloader.h"
#include "core/eval/baselines.h"
#include "core/goldset/goldsetjsonl.h"
#include "app/cli/options.h"
#include "app/cli/outputfile.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <numeric>

namespace cinetune::cli {

namespace {

QString tr(const char *s)
{
    return QCoreApplication::translate("cinetune-cli", s);
}

const QString kCommand = QStringLiteral("baseline");

double seconds(const QElapsedTimer &t)
{
    return static_cast<double>(t.nsecsElapsed()) / 1e9;
}

// {"user":42,"items":[3,1,7]} — keys in this order, no spaces.
QByteArray predictionLine(std::uint32_t user, const std::vector<std::uint32_t> &items)
{
    QByteArray line = "{\"user\":" + QByteArray::number(user) + ",\"items\":[";
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i)
            line += ',';
        line += QByteArray::number(items[i]);
    }
    return line + "]}\n";
}

} // namespace

QList<QCommandLineOption> baselineOptions()
{
    QList<QCommandLineOption> o;
    o << QCommandLineOption(QStringLiteral("dataset"), tr("Dataset file or folder, or :sample"), QStringLiteral("D"));
    o << QCommandLineOption(QStringLiteral("gold"), tr("Gold-set JSONL whose users get recommendations"), QStringLiteral("GOLD"));
    o << QCommandLineOption(QStringLiteral("model"), tr("random, popular, itemknn or consensus"), QStringLiteral("MODEL"));
    o << QCommandLineOption(QStringLiteral("out"), tr("Predictions JSONL (written atomically)"), QStringLiteral("FILE"));
    o << QCommandLineOption(QStringLiteral("split"), tr("test (default), validation, train or all"), QStringLiteral("SPLIT"));
    o << QCommandLineOption(QStringLiteral("count"), tr("Recommendations per user (default 10)"), QStringLiteral("N"));
    o << QCommandLineOption(QStringLiteral("seed"), tr("Seed of random and consensus (default 2)"), QStringLiteral("S"));
    o << QCommandLineOption(QStringLiteral("neighbours"), tr("ItemKNN: neighbours kept per movie (default 50)"),
                            QStringLiteral("K"));
    o << QCommandLineOption(QStringLiteral("max-raters"),
                            tr("ItemKNN: raters sampled per movie, 0 = all (default %1)").arg(ItemKnnParams{}.maxRaters),
                            QStringLiteral("S"));
    o << QCommandLineOption(QStringLiteral("weighting"), tr("ItemKNN: binary (default) or rating cosine"), QStringLiteral("W"));
    o << QCommandLineOption(QStringLiteral("preset"), tr("consensus: the gold rule, paper50 (default) or paper60"),
                            QStringLiteral("NAME"));
    o << QCommandLineOption(QStringLiteral("threads"), tr("Worker threads (0 = all cores); never changes the output"),
                            QStringLiteral("N"));
    o << QCommandLineOption(QStringLiteral("no-cache"), tr("Neither read nor write the dataset and ItemKNN caches"));
    return o;
}

int baseline(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.addOptions(baselineOptions());
    if (!parseOptions(parser, kCommand, args, err))
        return UsageError;
    const auto usage = [&](const QString &message) {
        err << QStringLiteral("cinetune baseline: %1\n").arg(message);
        return UsageError;
    };
    if (!parser.positionalArguments().isEmpty())
        return usage(tr("unexpected argument \"%1\"").arg(parser.positionalArguments().first()));
    for (const char *required : {"dataset", "gold", "model", "out"}) {
        if (!parser.isSet(QLatin1String(required)))
            return usage(tr("expected --dataset D --gold GOLD.jsonl --model random|popular|itemknn|consensus --out PRED.jsonl"));
    }
    const QStringList inputs{parser.value(QStringLiteral("dataset")), parser.value(QStringLiteral("gold"))};
    if (Status s = checkOutputPath(parser.value(QStringLiteral("out")), inputs); !s)
        return usage(s.error().message);
    const auto kind = baselineFromId(parser.value(QStringLiteral("model")));
    if (!kind)
        return usage(
            tr("--model must be random, popular, itemknn or consensus, found \"%1\"").arg(parser.value(QStringLiteral("model"))));
    const QString splitText = parser.isSet(QStringLiteral("split")) ? parser.value(QStringLiteral("split"))
                                                                    : QStringLiteral("test");
    const auto split = goldSetSplitFromId(splitText);
    if (!split && splitText != QLatin1String("all"))
        return usage(tr("--split must be test, validation, train or all, found \"%1\"").arg(splitText));

    BaselineOptions options;
    const auto number = [&](const char *name, qulonglong current, qulonglong min, qulonglong max) {
        return unsignedOption(parser, QLatin1String(name), current, min, max, kCommand, err);
    };
    const auto count = number("count", static_cast<qulonglong>(options.count), 1, 1000);
    const auto seed = number("seed", options.seed, 0, ~0ull);
    const auto neighbours = number("neighbours", options.itemKnn.neighbours, 1, 1000);
    const auto maxRaters = number("max-raters", options.itemKnn.maxRaters, 0, kMaxIndex);
    const auto threads = number("threads", 0, 0, 256);
    if (!count || !seed || !neighbours || !maxRaters || !threads)
        return UsageError;
    options.count = static_cast<int>(*count);
    options.seed = *seed;
    options.threads = static_cast<int>(*threads);
    options.itemKnn.neighbours = static_cast<std::uint32_t>(*neighbours);
    options.itemKnn.maxRaters = static_cast<std::uint32_t>(*maxRaters);
    if (parser.isSet(QStringLiteral("weighting"))) {
        const auto w = itemKnnWeightingFromId(parser.value(QStringLiteral("weighting")));
        if (!w)
            return usage(tr("--weighting must be binary or rating, found \"%1\"").arg(parser.value(QStringLiteral("weighting"))));
        options.itemKnn.weighting = *w;
    }
    if (parser.isSet(QStringLiteral("preset"))) {
        const QString name = parser.value(QStringLiteral("preset"));
        const auto preset = GoldSetSpec::preset(name);
        if (!preset || preset->protocol != GoldProtocol::NeighbourConsensus)
            return usage(tr("--preset must be paper50 or paper60, found \"%1\"").arg(name));
        options.consensus = *preset;
    }
    const bool noCache = parser.isSet(QStringLiteral("no-cache"));
    options.cache.use = !noCache;

    QElapsedTimer timer;
    timer.start();
    auto gold = readGoldSetUsers(parser.value(QStringLiteral("gold")));
    if (!gold) {
        err << QStringLiteral("cinetune: %1\n").arg(gold.error().message);
        return InputError;
    }
    std::vector<GoldSetUser> users;
    for (const GoldSetUser &u : gold.value()) {
        if (!split || u.split == *split)
            users.push_back(u);
    }
    std::sort(users.begin(), users.end(), [](const GoldSetUser &a, const GoldSetUser &b) { return a.user < b.user; });

    LoadOptions load;
    load.threads = options.threads;
    load.useCache = !noCache;
    NullProgress progress;
    auto ds = loadDataset(parser.value(QStringLiteral("dataset")), load, progress);
    if (!ds) {
        err << QStringLiteral("cinetune: %1\n").arg(ds.error().message);
        return InputError;
    }
    const Dataset &dataset = *ds.value();
    const double loadSeconds = seconds(timer);
    timer.restart();

    // Every baseline sees the dataset without the predicted users' held-out ratings (heldout.h):
    // one definition of popularity, as in baseline runs and the GUI.
    auto predictions = recommendForGoldSet(dataset, users, *kind, options, progress);
    if (!predictions) {
        err << QStringLiteral("cinetune: %1\n").arg(predictions.error().message);
        return InputError;
    }
    const double recommendSeconds = seconds(timer);

    const QString path = parser.value(QStringLiteral("out"));
    QByteArray bytes;
    std::size_t empty = 0;
    for (std::size_t i = 0; i < users.size(); ++i) {
        bytes += predictionLine(users[i].user, predictions.value()[i]);
        empty += predictions.value()[i].empty();
    }
    if (Status s = writeOutputFile(path, bytes, inputs); !s) {
        err << QStringLiteral("cinetune: %1\n").arg(s.error().message);
        return InputError;
    }
    out << tr("Baseline %1: %2 users (split %3) written to %4; dataset loaded in %5 s, recommendations in %6 s%7\n")
               .arg(baselineId(*kind))
               .arg(users.size())
               .arg(splitText, path)
               .arg(loadSeconds, 0, 'f', 2)
               .arg(recommendSeconds, 0, 'f', 2)
               .arg(empty ? tr("; %1 users without recommendations").arg(empty) : QString());
    return Success;
}

} // namespace cinetune::cli
