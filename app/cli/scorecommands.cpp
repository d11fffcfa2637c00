#include "app/cli/scorecommands.h"

#include "app/cli/cli.h"
#include "core/dataset/datasetloader.h"
#include "core/eval/baselinerun.h"
#include "core/eval/evalrun.h"
#include "core/eval/runscoring.h"
#include "app/cli/options.h"
#include "core/project/goldsetrepository.h"
#include "core/project/projectfile.h"
#include "core/project/runrepository.h"
#include "core/results/resultstable.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <limits>
#include <optional>

namespace cinetune::cli {

namespace {

QString tr(const char *s)
{
    return QCoreApplication::translate("cinetune-cli", s);
}

// The project and its dataset (--dataset, else the one the project records).
struct Opened
{
    std::unique_ptr<ProjectFile> project;
    DatasetPtr dataset;
};

std::optional<Opened> openProjectAndDataset(const QCommandLineParser &parser, const QString &command, QTextStream &err, int &code,
                                            bool onlyRead)
{
    const QString projectPath = ProjectFile::withSuffix(parser.value(QStringLiteral("project")));
    auto project = onlyRead ? ProjectFile::openForReading(projectPath) : ProjectFile::open(projectPath);
    if (!project) {
        err << QStringLiteral("cinetune %1: %2\n").arg(command, project.error().message);
        code = InputError;
        return std::nullopt;
    }
    QString path = parser.value(QStringLiteral("dataset"));
    if (path.isEmpty()) {
        const auto ref = project.value()->datasetReference();
        if (!ref) {
            err << tr("cinetune %1: the project records no dataset; give --dataset D\n").arg(command);
            code = UsageError;
            return std::nullopt;
        }
        path = ref->path;
    }
    NullProgress progress;
    auto ds = loadDataset(path, LoadOptions{}, progress);
    if (!ds) {
        err << QStringLiteral("cinetune %1: %2\n").arg(command, ds.error().message);
        code = InputError;
        return std::nullopt;
    }
    return Opened{std::move(project.value()), ds.value()};
}

QJsonObject scoreJson(const RunScore &s, const QString &name)
{
    QJsonObject o = metricReportToJson(s.report);
    o[QStringLiteral("run")] = name;
    o[QStringLiteral("run_id")] = s.runId;
    o[QStringLiteral("failed_requests")] = qint64(s.failedRequests);
    o[QStringLiteral("parse_failures")] = qint64(s.parseFailures);
    if (s.resolvedTitles)
        o[QStringLiteral("resolution")] = resolutionCountsToJson(s.resolution);
    return o;
}

} // namespace

QList<QCommandLineOption> scoreOptions()
{
    QList<QCommandLineOption> o;
    o << QCommandLineOption(QStringLiteral("project"), tr("Project file"), QStringLiteral("P"));
    o << QCommandLineOption(QStringLiteral("run"), tr("Run name"), QStringLiteral("NAME"));
    o << QCommandLineOption(QStringLiteral("compare"), tr("A second run: paired comparison run - compare"),
                            QStringLiteral("NAME"));
    o << QCommandLineOption(QStringLiteral("k"), tr("Cut-offs, e.g. 1,3,5,10 (default)"), QStringLiteral("LIST"));
    o << QCommandLineOption(QStringLiteral("seed"), tr("Bootstrap seed (default 1)"), QStringLiteral("S"));
    o << QCommandLineOption(QStringLiteral("resamples"), tr("Bootstrap resamples (default 1000, at least 1)"),
                            QStringLiteral("N"));
    o << QCommandLineOption(QStringLiteral("dataset"), tr("Dataset (default: the project's)"), QStringLiteral("D"));
    o << QCommandLineOption(QStringLiteral("json"), tr("Print one JSON object"));
    return o;
}

int score(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QString command = QStringLiteral("score");
    QCommandLineParser parser;
    parser.addOptions(scoreOptions());
    if (!parseOptions(parser, command, args, err))
        return UsageError;
    if (!parser.isSet(QStringLiteral("project")) || !parser.isSet(QStringLiteral("run"))) {
        err << tr("cinetune score: expected --project P and --run NAME\n");
        return UsageError;
    }
    ScoringOptions options;
    options.detail = false;
    if (parser.isSet(QStringLiteral("k"))) {
        std::vector<int> ks;
        for (const QString &part : parser.value(QStringLiteral("k")).split(QLatin1Char(','))) {
            bool ok = false;
            const int k = part.trimmed().toInt(&ok);
            if (!ok || k < 1 || k > 1000) {
                err << tr("cinetune score: --k must be a comma-separated list of whole numbers from 1 to 1000\n");
                return UsageError;
            }
            ks.push_back(k);
        }
        options.metrics.ks = ks;
    }
    const auto seed = unsignedOption(parser, QStringLiteral("seed"), 1, 0, ~0ull, command, err);
    const auto resamples = unsignedOption(parser, QStringLiteral("resamples"), 1000, 1, 1000000, command, err);
    if (!seed || !resamples)
        return UsageError;
    options.metrics.bootstrap.seed = *seed;
    options.metrics.bootstrap.resamples = int(*resamples);

    int code = Success;
    auto opened = openProjectAndDataset(parser, command, err, code, true);
    if (!opened)
        return code;
    RunRepository runs(*opened->project);
    const TitleResolver resolver = TitleResolver::fromDataset(*opened->dataset, options.resolver);
    const auto scoreNamed = [&](const QString &name) -> Result<RunScore> {
        auto run = runs.find(name);
        if (!run)
            return run.error();
        return scoreRun(*opened->project, run->id, *opened->dataset, resolver, options);
    };
    const QString name = parser.value(QStringLiteral("run"));
    auto a = scoreNamed(name);
    if (!a) {
        err << QStringLiteral("cinetune score: %1\n").arg(a.error().message);
        return InputError;
    }
    std::optional<RunScore> b;
    if (parser.isSet(QStringLiteral("compare"))) {
        auto other = scoreNamed(parser.value(QStringLiteral("compare")));
        if (!other) {
            err << QStringLiteral("cinetune score: %1\n").arg(other.error().message);
            return InputError;
        }
        b = std::move(other.value());
    }
    const std::vector<PairedMetric> paired = b ? comparison(a.value(), *b) : std::vector<PairedMetric>{};
    // Holm–Bonferroni over every metric compared (the Results page and the exports do the same).
    QHash<QString, double> holm;
    {
        QList<PairedCell> cells;
        for (const PairedMetric &p : paired)
            cells << PairedCell{p.result.meanDifference, p.result.interval.low, p.result.interval.high, p.result.pValue,
                                p.result.pairs > 0};
        QList<PairedCell *> family;
        for (PairedCell &c : cells)
            family << &c;
        holmAdjust(family);
        for (qsizetype i = 0; i < cells.size(); ++i)
            holm.insert(paired[std::size_t(i)].metric, cells[i].pAdjusted);
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject o = scoreJson(a.value(), name);
        if (b) {
            QJsonObject cmp;
            for (const PairedMetric &p : paired)
                cmp[p.metric] = QJsonObject{{QStringLiteral("mean_difference"), p.result.meanDifference},
                                            {QStringLiteral("ci"), QJsonArray{p.result.interval.low, p.result.interval.high}},
                                            {QStringLiteral("p"), p.result.pValue},
                                            {QStringLiteral("p_holm"), holm.value(p.metric)},
                                            {QStringLiteral("pairs"), qint64(p.result.pairs)}};
            o[QStringLiteral("compare")] = scoreJson(*b, parser.value(QStringLiteral("compare")));
            o[QStringLiteral("paired")] = cmp;
        }
        out << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
        return Success;
    }
    const MetricReport &r = a->report;
    out << tr("Run \"%1\": %2 users, %3 failed requests, %4 answers without a list, %5 without an answer (all score 0)\n")
               .arg(name)
               .arg(a->users)
               .arg(a->failedRequests)
               .arg(a->parseFailures)
               .arg(a->missing);
    for (qsizetype m = 0; m < r.metrics.size(); ++m) {
        const auto i = std::size_t(m);
        out << QStringLiteral("%1  %2  [%3, %4]\n")
                   .arg(r.metrics[m], -14)
                   .arg(r.means[i], -8, 'f', 4)
                   .arg(r.intervals[i].low, 0, 'f', 4)
                   .arg(r.intervals[i].high, 0, 'f', 4);
    }
    if (a->resolvedTitles) {
        const ResolutionCounts &c = a->resolution;
        out << tr("Titles: %1: %2 exact, %3 exact title, %4 fuzzy, %5 hallucinated; %6 duplicates, %7 profile repeats\n")
                   .arg(c.titles)
                   .arg(c.exact)
                   .arg(c.exactTitle)
                   .arg(c.fuzzy)
                   .arg(c.hallucinated)
                   .arg(c.duplicates)
                   .arg(c.profileRepeats);
    }
    if (b) {
        out << tr("Paired with \"%1\" (difference run - compare, 95 % CI, p, p adjusted with Holm–Bonferroni over the %2 "
                  "metrics; * adjusted p < 0.05):\n")
                   .arg(parser.value(QStringLiteral("compare")))
                   .arg(paired.size());
        for (const PairedMetric &p : paired)
            out << QStringLiteral("%1  %2  [%3, %4]  p = %5  p_holm = %6%7\n")
                       .arg(p.metric, -14)
                       .arg(p.result.meanDifference, -8, 'f', 4)
                       .arg(p.result.interval.low, 0, 'f', 4)
                       .arg(p.result.interval.high, 0, 'f', 4)
                       .arg(p.result.pValue, 0, 'g', 4)
                       .arg(holm.value(p.metric), 0, 'g', 4)
                       .arg(holm.value(p.metric, 1.0) < PairedCell::kAlpha ? QStringLiteral(" *") : QString());
    }
    return Success;
}

QList<QCommandLineOption> baselineRunOptions()
{
    QList<QCommandLineOption> o;
    o << QCommandLineOption(QStringLiteral("project"), tr("Project file"), QStringLiteral("P"));
    o << QCommandLineOption(QStringLiteral("gold"), tr("Gold set name in the project"), QStringLiteral("NAME"));
    o << QCommandLineOption(QStringLiteral("baseline"), tr("itemknn, popular, random or consensus"), QStringLiteral("B"));
    o << QCommandLineOption(QStringLiteral("split"), tr("train, validation or test (default test)"), QStringLiteral("SPLIT"),
                            QStringLiteral("test"));
    o << QCommandLineOption(QStringLiteral("count"), tr("Movies per user (default 10)"), QStringLiteral("N"));
    o << QCommandLineOption(QStringLiteral("seed"), tr("Seed (default 2)"), QStringLiteral("S"));
    o << QCommandLineOption(QStringLiteral("name"), tr("Run name (default: gold/split/baseline/baseline)"),
                            QStringLiteral("RUN"));
    o << QCommandLineOption(QStringLiteral("label"),
                            tr("Short label for tables, charts and exports, unique in the project (default: the "
                               "baseline's name, e.g. \"ItemKNN\")"),
                            QStringLiteral("TEXT"));
    o << QCommandLineOption(QStringLiteral("dataset"), tr("Dataset (default: the project's)"), QStringLiteral("D"));
    return o;
}

int baselineRun(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QString command = QStringLiteral("baseline-run");
    QCommandLineParser parser;
    parser.addOptions(baselineRunOptions());
    if (!parseOptions(parser, command, args, err))
        return UsageError;
    for (const char *required : {"project", "gold", "baseline"}) {
        if (!parser.isSet(QLatin1String(required))) {
            err << tr("cinetune baseline-run: --%1 is required\n").arg(QLatin1String(required));
            return UsageError;
        }
    }
    const auto kind = baselineFromId(parser.value(QStringLiteral("baseline")));
    const auto split = goldSetSplitFromId(parser.value(QStringLiteral("split")));
    if (!kind) {
        err << tr("cinetune baseline-run: --baseline must be itemknn, popular, random or consensus, found \"%1\"\n")
                   .arg(parser.value(QStringLiteral("baseline")));
        return UsageError;
    }
    if (!split) {
        err << tr("cinetune baseline-run: --split must be train, validation or test, found \"%1\"\n")
                   .arg(parser.value(QStringLiteral("split")));
        return UsageError;
    }
    const auto count = unsignedOption(parser, QStringLiteral("count"), 10, 1, 100, command, err);
    const auto seed = unsignedOption(parser, QStringLiteral("seed"), 2, 0, quint64(std::numeric_limits<qint64>::max()), command,
                                     err);
    if (!count || !seed)
        return UsageError;
    int code = Success;
    auto opened = openProjectAndDataset(parser, command, err, code, false);
    if (!opened)
        return code;
    GoldSetRepository golds(*opened->project);
    auto gold = golds.find(parser.value(QStringLiteral("gold")));
    if (!gold) {
        err << QStringLiteral("cinetune baseline-run: %1\n").arg(gold.error().message);
        return InputError;
    }
    RunSpec spec;
    spec.goldSetName = gold->name;
    spec.goldSetId = gold->id;
    spec.split = *split;
    spec.target.kind = TargetKind::Baseline;
    spec.target.baseline = baselineId(*kind);
    spec.count = int(*count);
    spec.seed = qint64(*seed);
    const qint64 users = gold->splitUsers[std::size_t(*split)];
    RunRepository runs(*opened->project);
    const QString name = parser.isSet(QStringLiteral("name"))
        ? parser.value(QStringLiteral("name"))
        : QStringLiteral("%1/%2/%3/baseline").arg(gold->name, goldSetSplitId(*split), spec.target.baseline);
    auto runId = prepareEvaluationRun(runs, name, spec, QString(), users, parser.value(QStringLiteral("label")));
    if (!runId) {
        err << QStringLiteral("cinetune baseline-run: %1\n").arg(runId.error().message);
        return InputError;
    }
    NullProgress progress;
    auto stored = executeBaselineRun(*opened->project, runId.value(), *opened->dataset, progress);
    if (!stored) {
        err << QStringLiteral("cinetune baseline-run: %1\n").arg(stored.error().message);
        return InputError;
    }
    out << tr("Run \"%1\" (#%2): %3 users stored (%4)\n")
               .arg(name)
               .arg(runId.value())
               .arg(stored.value())
               .arg(baselineName(*kind));
    return Success;
}

} // namespace cinetune::cli
