#include "app/cli/goldsetstatscommand.h"

#include "app/cli/cli.h"
#include "core/dataset/datasetloader.h"
#include "core/eval/goldsetdiagnostics.h"
#include "core/goldset/goldsetjsonl.h"
#include "app/cli/options.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <algorithm>

namespace cinetune::cli {

namespace {

QString tr(const char *s)
{
    return QCoreApplication::translate("cinetune-cli", s);
}

const QString kCommand = QStringLiteral("goldset-stats");

} // namespace

QList<QCommandLineOption> goldsetStatsOptions()
{
    QList<QCommandLineOption> o;
    o << QCommandLineOption(QStringLiteral("gold"), tr("Gold-set JSONL (cinetune goldset --out)"), QStringLiteral("GOLD"));
    o << QCommandLineOption(QStringLiteral("preset"),
                            tr("The rule the gold set was built with, for the neighbour-consensus ceiling: paper50 (default for "
                               "neighbour-consensus lines), paper60 or holdout (no ceiling)"),
                            QStringLiteral("NAME"));
    o << QCommandLineOption(QStringLiteral("seed"),
                            tr("The gold set's seed (the ceiling re-runs the rule with seed + 1; default 1)"),
                            QStringLiteral("S"));
    o << QCommandLineOption(QStringLiteral("split"), tr("test (default), validation or train"), QStringLiteral("SPLIT"));
    o << QCommandLineOption(QStringLiteral("threads"), tr("Worker threads (0 = all cores); never changes the output"),
                            QStringLiteral("N"));
    o << QCommandLineOption(QStringLiteral("json"), tr("Print the diagnostics as one JSON object"));
    o << QCommandLineOption(QStringLiteral("no-cache"), tr("Neither read nor write the dataset cache"));
    return o;
}

int goldsetStats(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.addOptions(goldsetStatsOptions());
    if (!parseOptions(parser, kCommand, args, err))
        return UsageError;
    const auto usage = [&](const QString &message) {
        err << QStringLiteral("cinetune goldset-stats: %1\n").arg(message);
        return UsageError;
    };
    if (parser.positionalArguments().size() != 1 || !parser.isSet(QStringLiteral("gold")))
        return usage(tr("expected DATASET --gold GOLD.jsonl"));
    const QString splitText = parser.isSet(QStringLiteral("split")) ? parser.value(QStringLiteral("split"))
                                                                    : QStringLiteral("test");
    const auto split = goldSetSplitFromId(splitText);
    if (!split)
        return usage(tr("--split must be test, validation or train, found \"%1\"").arg(splitText));
    const auto threads = unsignedOption(parser, QStringLiteral("threads"), 0, 0, 256, kCommand, err);
    const auto seed = unsignedOption(parser, QStringLiteral("seed"), 1, 0, ~0ull - 1, kCommand, err);
    if (!threads || !seed)
        return UsageError;
    std::optional<GoldSetSpec> spec;
    if (parser.isSet(QStringLiteral("preset"))) {
        spec = GoldSetSpec::preset(parser.value(QStringLiteral("preset")));
        if (!spec)
            return usage(
                tr("--preset must be paper50, paper60 or holdout, found \"%1\"").arg(parser.value(QStringLiteral("preset"))));
    }

    auto gold = readGoldSetUsers(parser.value(QStringLiteral("gold")));
    if (!gold) {
        err << QStringLiteral("cinetune: %1\n").arg(gold.error().message);
        return InputError;
    }
    // Lines with sampled neighbours come from the neighbour-consensus rule (paper50 unless told).
    const bool consensusLines = std::any_of(gold->begin(), gold->end(), [](const GoldSetUser &u) { return u.neighbours > 0; });
    if (!spec)
        spec = consensusLines ? GoldSetSpec::paper50() : GoldSetSpec::temporalHoldout();
    spec->seed = *seed;

    LoadOptions load;
    load.threads = static_cast<int>(*threads);
    load.useCache = !parser.isSet(QStringLiteral("no-cache"));
    NullProgress progress;
    auto ds = loadDataset(parser.positionalArguments().first(), load, progress);
    if (!ds) {
        err << QStringLiteral("cinetune: %1\n").arg(ds.error().message);
        return InputError;
    }
    DiagnosticsOptions options;
    options.threads = static_cast<int>(*threads);
    options.consensusSpec = spec;
    auto d = computeGoldSetDiagnostics(*ds.value(), gold.value(), *split, options, progress);
    if (!d) {
        err << QStringLiteral("cinetune: %1\n").arg(d.error().message);
        return InputError;
    }
    if (parser.isSet(QStringLiteral("json")))
        out << QJsonDocument(diagnosticsToJson(d.value())).toJson(QJsonDocument::Compact) << '\n';
    else
        out << diagnosticsText(d.value()) << '\n';
    return Success;
}

} // namespace cinetune::cli
