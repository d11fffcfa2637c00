#include "app/cli/evalcommands.h"

#include "app/cli/cli.h"
#include "core/dataset/datasetloader.h"
#include "core/eval/metrics.h"
#include "core/eval/predictions.h"
#include "core/eval/titleresolver.h"
#include "core/goldset/goldsetjsonl.h"
#include "app/cli/options.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

namespace cinetune::cli {

namespace {

QString tr(const char *s)
{
    return QCoreApplication::translate("cinetune-cli", s);
}

// "1,3,5,10" -> {1, 3, 5, 10}; nullopt (and a message) on anything else.
std::optional<std::vector<int>> parseKs(const QString &text, const QString &command, QTextStream &err)
{
    std::vector<int> ks;
    for (const QString &part : text.split(QLatin1Char(','))) {
        bool ok = false;
        const int k = part.trimmed().toInt(&ok);
        if (!ok || k < 1 || k > 1000) {
            err << tr("cinetune %1: --k must be a comma-separated list of whole numbers from 1 to 1000, found \"%2\"\n")
                       .arg(command, text);
            return std::nullopt;
        }
        ks.push_back(k);
    }
    return ks;
}

Result<DatasetPtr> loadForCommand(const QString &path)
{
    NullProgress progress;
    return loadDataset(path, LoadOptions{}, progress);
}

// Options shared by eval and resolve.
QList<QCommandLineOption> resolverOptions()
{
    QList<QCommandLineOption> o;
    o << QCommandLineOption(QStringLiteral("max-distance"),
                            tr("Largest edit distance of a fuzzy title match (default 2; 0 = exact only)"), QStringLiteral("N"));
    o << QCommandLineOption(QStringLiteral("min-similarity"),
                            tr("Fuzzy match by similarity 1 - distance/length >= R instead (0 < R < 1)"), QStringLiteral("R"));
    return o;
}

std::optional<ResolverOptions> resolverOptions(const QCommandLineParser &parser, const QString &command, QTextStream &err)
{
    ResolverOptions o;
    const auto distance = unsignedOption(parser, QStringLiteral("max-distance"), 2, 0, 10, command, err);
    if (!distance)
        return std::nullopt;
    o.maxEditDistance = static_cast<int>(*distance);
    o.fuzzy = o.maxEditDistance > 0;
    if (parser.isSet(QStringLiteral("min-similarity"))) {
        bool ok = false;
        const double r = parser.value(QStringLiteral("min-similarity")).toDouble(&ok);
        if (!ok || !(r > 0 && r < 1)) {
            err << tr("cinetune %1: --min-similarity must be a number between 0 and 1, found \"%2\"\n")
                       .arg(command, parser.value(QStringLiteral("min-similarity")));
            return std::nullopt;
        }
        o.minSimilarity = r;
        o.fuzzy = true;
    }
    return o;
}

QString formatInterval(const Interval &i)
{
    return QStringLiteral("[%1, %2]").arg(i.low, 0, 'f', 4).arg(i.high, 0, 'f', 4);
}

void printText(QTextStream &out, const MetricReport &report, const PreparedRun &run, const QString &split)
{
    out << tr("Users: %1 in the gold set (split %2): %3 missing, %4 failed, %5 with an empty gold set (left out)\n")
               .arg(report.users.size())
               .arg(split)
               .arg(report.missing)
               .arg(report.failed)
               .arg(report.emptyGold);
    if (run.ignored)
        out << tr("Ignored: %1 predictions for users not in the gold set (split %2)\n").arg(run.ignored).arg(split);
    out << QStringLiteral("%1  %2  %3\n")
               .arg(tr("Metric"), -14)
               .arg(tr("Mean"), -8)
               .arg(tr("%1 % CI").arg(report.bootstrap.confidence * 100));
    for (qsizetype m = 0; m < report.metrics.size(); ++m) {
        const auto i = static_cast<std::size_t>(m);
        out << QStringLiteral("%1  %2  %3\n")
                   .arg(report.metrics[m], -14)
                   .arg(report.means[i], -8, 'f', 4)
                   .arg(formatInterval(report.intervals[i]));
    }
    if (report.beyond) {
        const BeyondAccuracy &b = *report.beyond;
        out << tr("Beyond accuracy (top %1): %2 distinct movies, coverage %3 of %4, mean popularity %5 ratings, Gini %6\n")
                   .arg(b.k)
                   .arg(b.distinctItems)
                   .arg(b.coverage, 0, 'f', 4)
                   .arg(b.catalogueSize)
                   .arg(b.meanPopularity, 0, 'f', 1)
                   .arg(b.gini, 0, 'f', 4);
    }
    if (run.resolvedTitles) {
        const ResolutionCounts &c = run.resolution;
        const double rate = c.titles ? 100.0 * static_cast<double>(c.hallucinated) / static_cast<double>(c.titles) : 0.0;
        out << tr("Titles: %1: %2 exact, %3 exact title (year differs or missing), %4 fuzzy, %5 hallucinated (%6 %); "
                  "%7 duplicates, %8 profile repeats, %9 unparsable answers\n")
                   .arg(c.titles)
                   .arg(c.exact)
                   .arg(c.exactTitle)
                   .arg(c.fuzzy)
                   .arg(c.hallucinated)
                   .arg(rate, 0, 'f', 1)
                   .arg(c.duplicates)
                   .arg(c.profileRepeats)
                   .arg(c.parseFailures);
    }
    out << tr("Intervals: percentile bootstrap, %1 resamples of users, seed %2. Conventions: docs/EVALUATION.md\n")
               .arg(report.bootstrap.resamples)
               .arg(report.bootstrap.seed);
}

} // namespace

QList<QCommandLineOption> evalOptions()
{
    QList<QCommandLineOption> o;
    o << QCommandLineOption(QStringLiteral("gold"), tr("Gold-set JSONL (from cinetune goldset)"), QStringLiteral("FILE"));
    o << QCommandLineOption(QStringLiteral("predictions"), tr("Predictions JSONL: {\"user\", \"items\"|\"titles\"|\"text\"}"),
                            QStringLiteral("FILE"));
    o << QCommandLineOption(QStringLiteral("k"), tr("Cut-offs, e.g. 1,3,5,10 (default)"), QStringLiteral("LIST"));
    o << QCommandLineOption(QStringLiteral("json"), tr("Print one JSON object"));
    o << QCommandLineOption(QStringLiteral("dataset"), tr("Dataset to resolve titles with and for beyond-accuracy figures"),
                            QStringLiteral("D"));
    o << QCommandLineOption(QStringLiteral("split"), tr("test, validation, train or all (default)"), QStringLiteral("SPLIT"));
    o << QCommandLineOption(QStringLiteral("seed"), tr("Bootstrap seed (default 1)"), QStringLiteral("S"));
    o << QCommandLineOption(QStringLiteral("resamples"), tr("Bootstrap resamples (default 1000, at least 1)"),
                            QStringLiteral("N"));
    o << QCommandLineOption(QStringLiteral("threads"), tr("Worker threads (0 = all cores); never changes the output"),
                            QStringLiteral("N"));
    o << resolverOptions();
    return o;
}

int eval(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QString command = QStringLiteral("eval");
    QCommandLineParser parser;
    parser.addOptions(evalOptions());
    if (!parseOptions(parser, command, args, err))
        return UsageError;
    if (!parser.positionalArguments().isEmpty() || !parser.isSet(QStringLiteral("gold"))
        || !parser.isSet(QStringLiteral("predictions"))) {
        err << tr("cinetune eval: expected --gold GOLD.jsonl and --predictions PRED.jsonl\n");
        return UsageError;
    }
    MetricOptions options;
    if (parser.isSet(QStringLiteral("k"))) {
        const auto ks = parseKs(parser.value(QStringLiteral("k")), command, err);
        if (!ks)
            return UsageError;
        options.ks = *ks;
    }
    const auto seed = unsignedOption(parser, QStringLiteral("seed"), 1, 0, ~0ull, command, err);
    const auto resamples = unsignedOption(parser, QStringLiteral("resamples"), 1000, 1, 1000000, command, err);
    const auto threads = unsignedOption(parser, QStringLiteral("threads"), 0, 0, 256, command, err);
    const auto resolverOpts = resolverOptions(parser, command, err);
    if (!seed || !resamples || !threads || !resolverOpts)
        return UsageError;
    options.bootstrap.seed = *seed;
    options.bootstrap.resamples = static_cast<int>(*resamples);
    options.bootstrap.threads = static_cast<int>(*threads);
    const QString split = parser.isSet(QStringLiteral("split")) ? parser.value(QStringLiteral("split")) : QStringLiteral("all");
    const auto splitFilter = goldSetSplitFromId(split);
    if (split != QLatin1String("all") && !splitFilter) {
        err << tr("cinetune eval: --split must be test, validation, train or all, found \"%1\"\n").arg(split);
        return UsageError;
    }

    auto gold = readGoldSetUsers(parser.value(QStringLiteral("gold")));
    if (!gold) {
        err << QStringLiteral("cinetune: %1\n").arg(gold.error().message);
        return InputError;
    }
    std::vector<GoldSetUser> users;
    for (GoldSetUser &u : gold.value()) {
        if (!splitFilter || u.split == *splitFilter)
            users.push_back(std::move(u));
    }
    if (users.empty()) {
        err << tr("cinetune eval: %1 has no users in split %2\n").arg(parser.value(QStringLiteral("gold")), split);
        return InputError;
    }
    const auto predictions = readPredictionsJsonl(parser.value(QStringLiteral("predictions")));
    if (!predictions) {
        err << QStringLiteral("cinetune: %1\n").arg(predictions.error().message);
        return InputError;
    }
    DatasetPtr dataset;
    std::optional<TitleResolver> resolver;
    if (parser.isSet(QStringLiteral("dataset"))) {
        auto ds = loadForCommand(parser.value(QStringLiteral("dataset")));
        if (!ds) {
            err << QStringLiteral("cinetune: %1\n").arg(ds.error().message);
            return InputError;
        }
        dataset = ds.value();
        resolver.emplace(TitleResolver::fromDataset(*dataset, *resolverOpts));
    }
    const auto run = prepareRun(users, predictions.value(), resolver ? &*resolver : nullptr);
    if (!run) {
        err << QStringLiteral("cinetune eval: %1\n").arg(run.error().message);
        return run.error().code == errc::General::InvalidArgument ? UsageError : InputError;
    }
    MetricReport report = evaluate(run->users, options);
    // Missing and failed users count as zeros in the means; with nobody else there is nothing to
    // measure, only a table of zeros (usually predictions of another gold set or split).
    if (report.scoredUsers == 0 || report.missing + report.failed >= report.scoredUsers) {
        err << tr("cinetune eval: no user of %1 (split %2) can be scored: %3 users, %4 without a prediction, %5 failed, "
                  "%6 with an empty gold set. Check that %7 was made for this gold set and split.\n")
                   .arg(parser.value(QStringLiteral("gold")), split)
                   .arg(report.users.size())
                   .arg(report.missing)
                   .arg(report.failed)
                   .arg(report.emptyGold)
                   .arg(parser.value(QStringLiteral("predictions")));
        return InputError;
    }
    if (dataset) {
        const Dataset &ds = *dataset;
        report.beyond = beyondAccuracy(
            run->users, report.ks.back(), ds.catalogue.size(), [&ds](std::uint32_t id) -> std::optional<double> {
                const auto m = ds.catalogue.find(id);
                if (!m)
                    return std::nullopt;
                return *m < ds.store.movieCount() ? static_cast<double>(ds.store.movieRatingCount(*m)) : 0.0;
            });
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject o = metricReportToJson(report);
        o[QStringLiteral("split")] = split;
        o[QStringLiteral("ignored")] = static_cast<qint64>(run->ignored);
        if (run->resolvedTitles)
            o[QStringLiteral("resolution")] = resolutionCountsToJson(run->resolution);
        out << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
        return Success;
    }
    printText(out, report, run.value(), split);
    return Success;
}

QList<QCommandLineOption> resolveOptions()
{
    QList<QCommandLineOption> o;
    o << QCommandLineOption(QStringLiteral("dataset"), tr("Dataset file or folder, or :sample"), QStringLiteral("D"));
    o << QCommandLineOption(QStringLiteral("json"), tr("One JSON object per line"));
    o << resolverOptions();
    return o;
}

int resolve(const QStringList &args, QTextStream &in, QTextStream &out, QTextStream &err)
{
    const QString command = QStringLiteral("resolve");
    QCommandLineParser parser;
    parser.addOptions(resolveOptions());
    if (!parseOptions(parser, command, args, err))
        return UsageError;
    if (!parser.positionalArguments().isEmpty() || !parser.isSet(QStringLiteral("dataset"))) {
        err << tr("cinetune resolve: expected --dataset D; titles are read from standard input, one per line\n");
        return UsageError;
    }
    const auto options = resolverOptions(parser, command, err);
    if (!options)
        return UsageError;
    auto ds = loadForCommand(parser.value(QStringLiteral("dataset")));
    if (!ds) {
        err << QStringLiteral("cinetune: %1\n").arg(ds.error().message);
        return InputError;
    }
    const TitleResolver resolver = TitleResolver::fromDataset(*ds.value(), *options);
    const bool json = parser.isSet(QStringLiteral("json"));
    QString line;
    while (in.readLineInto(&line)) {
        line.remove(QLatin1Char('\r'));
        const auto [title, year] = splitTitleYear(line);
        const Resolution r = resolver.resolve(title, year);
        if (json) {
            QJsonObject o{{QStringLiteral("input"), line},
                          {QStringLiteral("title"), title},
                          {QStringLiteral("year"), year > 0 ? QJsonValue(year) : QJsonValue()},
                          {QStringLiteral("id"), r.movieIndex ? QJsonValue(static_cast<qint64>(r.sourceId)) : QJsonValue()},
                          {QStringLiteral("how"), resolutionStatusId(r.status)},
                          {QStringLiteral("distance"), r.distance},
                          {QStringLiteral("match"), r.movieIndex ? QJsonValue(r.matchedTitle) : QJsonValue()}};
            out << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
        } else {
            out << visibleText(line) << '\t' << (r.movieIndex ? QString::number(r.sourceId) : QStringLiteral("null")) << '\t'
                << resolutionHow(r) << '\t' << visibleText(r.matchedTitle) << '\n';
        }
    }
    return Success;
}

} // namespace cinetune::cli
