#include "core/results/projectfacts.h"

#include "core/common/tr.h"
#include "core/project/goldsetrepository.h"
#include "core/project/jobrepository.h"
#include "core/project/projectfile.h"
#include "core/providers/providerprofile.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QLocale>

namespace cinetune {

namespace {

QString json(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented)).trimmed();
}

QString number(qint64 n)
{
    return QLocale::c().toString(n);
}

} // namespace

Result<ProjectFacts> readProjectFacts(ProjectFile &project)
{
    ProjectFacts out;
    ReportFacts about{tr("Project"), {}};
    about.rows << qMakePair(tr("File"), QDir::toNativeSeparators(project.path()));
    about.rows << qMakePair(tr("Schema version"), QString::number(project.schemaVersion()));
    if (project.createdAt().isValid())
        about.rows << qMakePair(tr("Created"), project.createdAt().toUTC().toString(Qt::ISODate));
    out.facts << about;

    ReportFacts dataset{tr("Dataset"), {}};
    if (const std::optional<DatasetReference> d = project.datasetReference()) {
        dataset.rows << qMakePair(tr("Path"), d->path) << qMakePair(tr("Format"), d->format)
                     << qMakePair(tr("Fingerprint"), QString::fromLatin1(d->fingerprint))
                     << qMakePair(tr("Ratings"), number(d->ratings)) << qMakePair(tr("Users"), number(d->users))
                     << qMakePair(tr("Movies"), number(d->movies));
        if (d->loadedAt.isValid())
            dataset.rows << qMakePair(tr("Loaded"), d->loadedAt.toUTC().toString(Qt::ISODate));
    } else {
        dataset.rows << qMakePair(tr("Dataset"), tr("none recorded in the project"));
    }
    out.facts << dataset;

    GoldSetRepository goldSets(project);
    const Result<QList<StoredGoldSet>> sets = goldSets.list();
    if (!sets)
        return sets.error();
    for (const StoredGoldSet &g : sets.value()) {
        out.goldSetNames << g.name;
        ReportFacts f{tr("Gold set “%1”").arg(g.name), {}};
        f.rows << qMakePair(tr("Users"), number(g.users))
               << qMakePair(tr("Split (train / validation / test)"),
                            QStringLiteral("%1 / %2 / %3")
                                .arg(number(g.splitUsers[0]), number(g.splitUsers[1]), number(g.splitUsers[2])))
               << qMakePair(tr("Dataset fingerprint"), QString::fromLatin1(g.datasetFingerprint))
               << qMakePair(tr("Created"), g.createdAt.toUTC().toString(Qt::ISODate));
        if (!g.notes.isEmpty())
            f.rows << qMakePair(tr("Notes"), g.notes);
        // What the gold set rewards (eval/goldsetdiagnostics.h), stored with its summary.
        const QJsonObject diagnostics = g.summary.value(QLatin1String("diagnostics")).toObject();
        if (!diagnostics.isEmpty()) {
            f.rows << qMakePair(tr("Verdict"), diagnostics.value(QLatin1String("verdict")).toString());
            out.texts << ReportText{
                tr("Gold-set diagnostics “%1” (%2 split)").arg(g.name, diagnostics.value(QLatin1String("split")).toString()),
                diagnostics.value(QLatin1String("text")).toString()};
        }
        out.facts << f;
        out.texts << ReportText{tr("Gold-set spec “%1”").arg(g.name), json(g.spec.toJson())};
        if (!g.summary.isEmpty())
            out.texts << ReportText{tr("Gold-set summary “%1”").arg(g.name), json(g.summary)};
    }

    JobRepository jobs(project);
    const Result<QList<StoredJob>> stored = jobs.jobs();
    if (!stored)
        return stored.error();
    for (const StoredJob &s : stored.value()) {
        const FineTuneJob &j = s.job;
        ReportFacts f{tr("Fine-tuning job %1").arg(j.id.isEmpty() ? s.requestTag : j.id), {}};
        f.rows << qMakePair(tr("Provider"), QStringLiteral("%1 (%2, %3)").arg(s.provider, providerKindLabel(s.kind), s.baseUrl))
               << qMakePair(tr("Status"), jobStatusId(j.status)) << qMakePair(tr("Base model"), j.baseModel)
               << qMakePair(tr("Fine-tuned model"), j.fineTunedModel.isEmpty() ? tr("none yet") : j.fineTunedModel);
        if (j.epochs)
            f.rows << qMakePair(tr("Epochs"), QString::number(*j.epochs));
        if (j.trainedTokens)
            f.rows << qMakePair(tr("Trained tokens"), number(*j.trainedTokens));
        if (j.cost)
            f.rows << qMakePair(tr("Cost reported by the provider"), QString::number(*j.cost, 'f', 2));
        const QJsonObject hyper = j.raw.value(QLatin1String("hyperparameters")).toObject();
        if (!hyper.isEmpty())
            f.rows << qMakePair(tr("Hyperparameters"), QString::fromUtf8(QJsonDocument(hyper).toJson(QJsonDocument::Compact)));
        if (j.raw.contains(QLatin1String("seed")))
            f.rows << qMakePair(tr("Seed"), j.raw.value(QLatin1String("seed")).toVariant().toString());
        if (s.simulated) {
            f.rows << qMakePair(tr("Simulated"), tr("yes (offline simulator)"));
            out.warnings << tr("Job %1 was made with the offline simulator; its results are not real.").arg(j.id);
        }
        out.facts << f;
        // The same series as the Fine-tune step's loss chart: events, plus the checkpoints'
        // full-validation loss; the checkpoints' models also link runs of a checkpoint to the job.
        // A read error fails the report like the other reads above (not a job without a curve).
        const Result<QList<JobEvent>> events = jobs.events(s.rowId);
        if (!events)
            return events.error();
        const Result<QList<Checkpoint>> checkpoints = jobs.checkpoints(s.rowId);
        if (!checkpoints)
            return checkpoints.error();
        MetricsSeries series = MetricsSeries::fromEvents(events.value());
        QStringList models;
        if (!j.fineTunedModel.isEmpty())
            models << j.fineTunedModel;
        if (!s.deployment.isEmpty())
            models << s.deployment;
        series.addCheckpoints(checkpoints.value());
        for (const Checkpoint &c : checkpoints.value()) {
            if (!c.model.isEmpty())
                models << c.model;
        }
        if (!series.points.isEmpty())
            out.losses << LossCurve{j.fineTunedModel.isEmpty() ? j.id : j.fineTunedModel, series, models};
    }
    return out;
}

} // namespace cinetune
