#include "app/cli/reportcommand.h"

#include "app/cli/cli.h"
#include "app/cli/options.h"
#include "core/project/projectfile.h"
#include "core/common/progress.h"
#include "core/dataset/datasetloader.h"
#include "core/eval/titleresolver.h"
#include "core/project/runrepository.h"
#include "core/results/projectfacts.h"
#include "core/results/projectruns.h"

#include <QSet>
#include "ui/results/reportwriter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace cinetune::cli {

namespace {

QString tr(const char *s)
{
    return QCoreApplication::translate("cinetune-cli", s);
}

const QString kCommand = QStringLiteral("report");

Result<QJsonDocument> readJson(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(errc::General::Io, tr("%1: cannot read: %2").arg(path, f.errorString()));
    QJsonParseError e;
    QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &e);
    if (e.error != QJsonParseError::NoError)
        return makeError(errc::General::Parse,
                         tr("%1: offset %2: expected JSON: %3").arg(path).arg(e.offset).arg(e.errorString()));
    return doc;
}

// "[GOLDSET:]REST" → (GOLDSET or `fallback`, REST). A Windows drive letter is not a gold set.
std::pair<QString, QString> splitGroup(const QString &spec, const QString &fallback)
{
    const qsizetype colon = spec.indexOf(QLatin1Char(':'));
    const qsizetype eq = spec.indexOf(QLatin1Char('='));
    if (colon > 1 && (eq < 0 || colon < eq))
        return {spec.left(colon), spec.mid(colon + 1)};
    return {fallback, spec};
}

GoldSetResults &groupNamed(ResultsComparison &c, const QString &name)
{
    for (GoldSetResults &g : c.groups) {
        if (g.name == name)
            return g;
    }
    c.groups.append(GoldSetResults{});
    c.groups.last().name = name;
    return c.groups.last();
}

} // namespace

QList<QCommandLineOption> reportOptions()
{
    return {{QStringLiteral("project"), tr("The project file."), QStringLiteral("P")},
            {QStringLiteral("out"), tr("The folder for report.html and report.pdf."), QStringLiteral("DIR")},
            {QStringLiteral("runs"), tr("Only these runs (ids or labels, comma-separated)."), QStringLiteral("R")},
            {QStringLiteral("metrics"), tr("A metric report (cinetune eval --json) as a column."), QStringLiteral("SPEC")},
            {QStringLiteral("pair"), tr("The two runs of the paired comparison."), QStringLiteral("A,B")},
            {QStringLiteral("paired"), tr("The paired differences (JSON)."), QStringLiteral("SPEC")},
            {QStringLiteral("dataset"), tr("The dataset to resolve the runs' titles with (default: the project's)."),
             QStringLiteral("D")},
            {QStringLiteral("title"), tr("The report title."), QStringLiteral("T")}};
}

int report(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.addOptions(reportOptions());
    if (!cli::parseOptions(parser, kCommand, args, err))
        return cli::UsageError;
    if (!parser.isSet(QStringLiteral("project")) || !parser.isSet(QStringLiteral("out"))) {
        err << tr("cinetune report: --project P and --out DIR are required\n");
        return cli::UsageError;
    }
    Result<std::unique_ptr<ProjectFile>> project = ProjectFile::openForReading(parser.value(QStringLiteral("project")));
    if (!project) {
        err << tr("cinetune report: %1\n").arg(project.error().message);
        return cli::InputError;
    }
    Result<ProjectFacts> facts = readProjectFacts(*project.value());
    if (!facts) {
        err << tr("cinetune report: %1\n").arg(facts.error().message);
        return cli::InputError;
    }

    // The project's evaluation runs: scored against their gold sets (titles resolved on the dataset).
    const QStringList wantedRuns = parser.value(QStringLiteral("runs")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    ResultsComparison comparison;
    {
        RunRepository runs(*project.value());
        const Result<QList<StoredRun>> stored = runs.list();
        if (!stored) {
            err << tr("cinetune report: %1\n").arg(stored.error().message);
            return cli::InputError;
        }
        if (!stored->isEmpty()) {
            const std::optional<DatasetReference> ref = project.value()->datasetReference();
            const QString datasetPath = parser.isSet(QStringLiteral("dataset")) ? parser.value(QStringLiteral("dataset"))
                : ref                                                           ? ref->path
                                                                                : QString();
            if (datasetPath.isEmpty()) {
                err << tr("cinetune report: the project has evaluation runs but no dataset to resolve their titles with; add "
                          "--dataset D\n");
                return cli::UsageError;
            }
            NullProgress progress;
            const Result<DatasetPtr> dataset = loadDataset(datasetPath, LoadOptions{}, progress);
            if (!dataset) {
                err << tr("cinetune report: %1\n").arg(dataset.error().message);
                return cli::InputError;
            }
            const TitleResolver resolver = TitleResolver::fromDataset(*dataset.value());
            const Result<QList<ScoredRun>> scored = scoreProjectRuns(*project.value(), *dataset.value(), resolver,
                                                                     MetricOptions{}, wantedRuns);
            if (!scored) {
                err << tr("cinetune report: %1\n").arg(scored.error().message);
                return cli::InputError;
            }
            comparison = comparisonFromScoredRuns(scored.value());
        }
    }
    const QString defaultGroup = facts->goldSetNames.size() == 1 ? facts->goldSetNames.first() : tr("results");
    for (const QString &spec : parser.values(QStringLiteral("metrics"))) {
        const auto [group, rest] = splitGroup(spec, defaultGroup);
        const qsizetype eq = rest.indexOf(QLatin1Char('='));
        const QString path = eq < 0 ? rest : rest.mid(eq + 1);
        const QString label = eq < 0 ? QFileInfo(path).completeBaseName() : rest.left(eq);
        Result<QJsonDocument> doc = readJson(path);
        if (!doc) {
            err << tr("cinetune report: %1\n").arg(doc.error().message);
            return cli::InputError;
        }
        if (!doc->isObject() || !doc->object().value(QLatin1String("metrics")).isObject()) {
            err << tr("cinetune report: %1: expected a metric report with a \"metrics\" object\n").arg(path);
            return cli::InputError;
        }
        const QJsonObject settings{{QStringLiteral("source"), QFileInfo(path).fileName()}};
        groupNamed(comparison, group).runs << runMetricsFromJson(doc->object(), ResultColumn{label, label, settings});
    }
    if (!wantedRuns.isEmpty()) {
        QSet<QString> matched;
        for (GoldSetResults &g : comparison.groups) {
            g.runs.removeIf([&](const RunMetrics &r) {
                for (const QString &w : {r.column.runId, r.column.label}) {
                    if (wantedRuns.contains(w))
                        matched.insert(w);
                }
                return !wantedRuns.contains(r.column.runId) && !wantedRuns.contains(r.column.label);
            });
        }
        for (const QString &w : wantedRuns) {
            if (!matched.contains(w)) {
                err << tr("cinetune report: --runs: the project has no run with the id or label \"%1\"\n").arg(w);
                return cli::InputError;
            }
        }
    }
    if (parser.isSet(QStringLiteral("pair"))) {
        const QStringList pair = parser.value(QStringLiteral("pair")).split(QLatin1Char(','));
        if (pair.size() != 2) {
            err << tr("cinetune report: --pair expects two run labels separated by a comma\n");
            return cli::UsageError;
        }
        bool found = false;
        for (GoldSetResults &g : comparison.groups) {
            for (qsizetype i = 0; i < g.runs.size(); ++i) {
                if (g.runs[i].column.label == pair[0])
                    g.pairA = static_cast<int>(i);
                if (g.runs[i].column.label == pair[1])
                    g.pairB = static_cast<int>(i);
            }
            found = found || (g.pairA >= 0 && g.pairB >= 0);
        }
        if (!found) {
            err << tr("cinetune report: --pair %1: no gold set has runs labelled \"%2\" and \"%3\"\n")
                       .arg(parser.value(QStringLiteral("pair")), pair[0], pair[1]);
            return cli::UsageError;
        }
    }
    for (const QString &spec : parser.values(QStringLiteral("paired"))) {
        const auto [group, path] = splitGroup(spec, defaultGroup);
        Result<QJsonDocument> doc = readJson(path);
        if (!doc) {
            err << tr("cinetune report: %1\n").arg(doc.error().message);
            return cli::InputError;
        }
        groupNamed(comparison, group).paired = pairedFromJson(doc->isArray() ? QJsonValue(doc->array())
                                                                             : QJsonValue(doc->object()));
    }

    // The loss curves of the fine-tuning jobs behind the reported runs.
    comparison.losses = lossCurvesBehindRuns(facts->losses, comparison);

    ReportData base;
    base.title = parser.isSet(QStringLiteral("title"))
        ? parser.value(QStringLiteral("title"))
        : tr("CineTune results: %1").arg(QFileInfo(project.value()->path()).completeBaseName());
    base.facts = facts->facts;
    base.texts = facts->texts;
    base.warnings = facts->warnings;
    const Result<ui::ReportFiles> files = ui::writeReport(comparison, base, parser.value(QStringLiteral("out")));
    if (!files) {
        err << tr("cinetune report: %1\n").arg(files.error().message);
        return cli::InputError;
    }
    out << tr("Report written: %1\n             %2\n")
               .arg(QDir::toNativeSeparators(files->html), QDir::toNativeSeparators(files->pdf));
    return cli::Success;
}

} // namespace cinetune::cli
