#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

namespace cinetune {

// Neutral value types for result tables, independent of how the metrics were computed: a table is
// built from named sets of metric means with 95 % intervals (one set per run) and, optionally, a
// paired comparison of two of those runs.

// A mean with its confidence interval; `present` is false when the run has no such metric.
struct MetricCell
{
    double mean = 0;
    double lo = 0;
    double hi = 0;
    bool present = false;
    bool hasInterval = false;

    static MetricCell of(double mean) { return MetricCell{mean, mean, mean, true, false}; }
    static MetricCell of(double mean, double lo, double hi) { return MetricCell{mean, lo, hi, true, true}; }
};

// Paired difference a − b of two runs on the same users, with its CI, the raw p-value and the
// Holm–Bonferroni adjusted one (over every metric of the table's comparison: setPairedComparison()).
// Significance is decided on the adjusted p only: a table tests ~26 metrics at once.
struct PairedCell
{
    double diff = 0;
    double lo = 0;
    double hi = 0;
    double p = 1;
    bool present = false;
    double pAdjusted = 1;

    static constexpr double kAlpha = 0.05;
    bool significant() const { return present && pAdjusted < kAlpha; }
};

// Holm–Bonferroni: the present cells' p-values sorted ascending p(1) ≤ … ≤ p(m) get
// p̃(i) = max over j ≤ i of min(1, (m − j + 1) · p(j)); cells that are not present are untouched.
void holmAdjust(QList<PairedCell *> cells);

// One column of a table: a run (or any named set of metrics) and the settings it was computed with.
struct ResultColumn
{
    QString label;
    QString runId;
    QJsonObject settings;
    // A published figure, not a measurement (the paper's Tables 2–3): never paired, never charted.
    bool reference = false;
    // The full identity behind a short label (tooltips; exports write it from `settings`).
    QString detail = {};
};

struct ResultRow
{
    QString metricId;        // e.g. "precision@3", "mrr"
    QString label;           // e.g. "Precision@3"
    QList<MetricCell> cells; // one per column
    PairedCell paired;       // columns[pairA] − columns[pairB], when the table has a pair
};

struct ResultsTable
{
    QString title;
    QString group; // the gold set the table is about
    QList<ResultColumn> columns;
    QList<ResultRow> rows;
    bool hasPaired = false;
    int pairA = 0;
    int pairB = 1;
    bool showIntervals = false; // the extended layout: "mean [lo, hi]" cells
    QStringList notes;          // free text written under the table / as comments
    QJsonObject conventions;    // how the metrics were computed (written into every export)

    int rowIndex(const QString &metricId) const;
};

// The metrics of one run on one gold set, as the results layer needs them.
struct RunMetrics
{
    ResultColumn column;
    QHash<QString, MetricCell> metrics;
    qint64 users = -1; // users in the means; -1 = unknown
    QJsonObject conventions;
};

// Display label of a metric id: "precision@3" → "Precision@3", "mrr" → "MRR", "hallucination_rate"
// → "Hallucination rate". Unknown ids are returned as they are.
QString metricLabel(const QString &id);

// The rows of the paper's Tables 2 and 3.
QStringList paperMetricIds();
// Every K of `ks` for P/R/F1/Hit/NDCG/MAP, then MRR, MAP, then the beyond-accuracy figures and
// rates that at least one of `runs` has.
QStringList extendedMetricIds(const QList<int> &ks, const QList<RunMetrics> &runs);
// The Ks that occur in the runs' metric ids ("…@K"), ascending.
QList<int> metricKs(const QList<RunMetrics> &runs);

// A table with one column per run and one row per metric id (cells missing from a run are not
// present). `paired` (metric id → cell) fills the paired columns of the pair (pairA, pairB).
ResultsTable buildResultsTable(const QString &title, const QString &group, const QList<RunMetrics> &runs,
                               const QStringList &metricIds, bool showIntervals);
void setPairedComparison(ResultsTable &table, int pairA, int pairB, const QHash<QString, PairedCell> &paired);

// Reads a metric report as JSON: {"metrics": {id: mean}, "ci": {id: [lo, hi]}, "users"|"scored":
// N, "conventions": {...}, "beyond": {"coverage", "mean_popularity", "gini"}, "rates": {id: x}}
// (the shape of `cinetune eval --json`). Unknown keys are ignored.
RunMetrics runMetricsFromJson(const QJsonObject &json, const ResultColumn &column);
// Reads {"metric": {"diff", "lo", "hi", "p"}} or a list of {"metric", "diff", "lo", "hi", "p"}.
QHash<QString, PairedCell> pairedFromJson(const QJsonValue &json);

} // namespace cinetune
