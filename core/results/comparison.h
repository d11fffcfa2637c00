#pragma once

#include "core/providers/finetunejob.h"
#include "core/results/resultstable.h"

#include <QList>
#include <QString>

namespace cinetune {

// The rating counts of the movies a run recommended (or of the gold movies), for the popularity
// distribution chart.
struct PopularitySample
{
    QString label;
    QList<double> counts;
};

// The runs compared on one gold set.
struct GoldSetResults
{
    QString name;           // e.g. "profileData50"
    QJsonObject spec;       // the gold set's spec (written into the report)
    QList<RunMetrics> runs; // one column each
    int pairA = -1;         // paired comparison runs[pairA] − runs[pairB]; -1 = none
    int pairB = -1;
    QHash<QString, PairedCell> paired;
    QList<PopularitySample> popularity; // recommended per run, plus the gold movies
    // Published figures shown beside the runs in the paper layout (paperreference.h); not runs.
    QList<RunMetrics> reference;
};

struct LossCurve
{
    QString label; // the fine-tuning job (model id)
    MetricsSeries series;
    QStringList models; // ids a run can name the job's model by: the fine-tuned
                        // model, its checkpoints' models, the Azure deployment
};

// Everything the Results page and the report show.
struct ResultsComparison
{
    QList<GoldSetResults> groups;
    QList<LossCurve> losses;

    bool isEmpty() const;
};

// The paper's layout (Tables 2 and 3): one table per gold set, rows P/R/F1@3, P/R/F1@5, MRR, MAP;
// the group's reference columns (the paper's own figures, labelled) after the runs.
ResultsTable paperTable(const GoldSetResults &group);
// All K, NDCG, Hit, MAP@K, beyond accuracy and rates with 95 % CIs and the paired columns.
ResultsTable extendedTable(const GoldSetResults &group);
QList<ResultsTable> allTables(const ResultsComparison &comparison);

// The model id a run column was made with (settings "target"."model"); empty for baselines.
QString runModel(const RunMetrics &run);
// The loss curves of the fine-tuning jobs behind the runs of `comparison` (a run's model is the
// job's fine-tuned model, a checkpoint of it or its deployment). All of `curves` when the
// comparison has no runs (a report of the setup alone still shows its jobs) or a column whose
// target is unknown (read from a metric report file: any job may be behind it).
QList<LossCurve> lossCurvesBehindRuns(const QList<LossCurve> &curves, const ResultsComparison &comparison);

// A file-name friendly form of a label: "profileData50 (paper)" → "profiledata50-paper".
QString slug(const QString &text);

} // namespace cinetune
