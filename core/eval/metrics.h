#pragma once

#include "core/eval/stats.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <vector>

namespace cinetune {

// Ranking metrics with the conventions of issue 5 (docs/EVALUATION.md, "Evaluation conventions").
// Ids are opaque here (the CLI uses source movie ids); kUnresolvedItem marks a recommendation that
// matched no movie (a hallucination): always a miss, it keeps its rank.
inline constexpr std::uint32_t kUnresolvedItem = 0xFFFFFFFFu;

enum class EvalOutcome : std::uint8_t {
    Scored,    // a ranked list was available (possibly empty)
    Missing,   // no prediction for this user: scores 0, stays in the denominator
    Failed,    // the request failed or the answer could not be parsed: scores 0, stays in
    EmptyGold, // the gold set is empty: excluded from every mean (counted)
};
QString evalOutcomeId(EvalOutcome o); // "scored", "missing", "failed", "empty-gold"

struct EvalUser
{
    std::uint32_t user = 0;
    std::vector<std::uint32_t> gold;
    std::vector<std::uint32_t> ranked;         // rank order; duplicates and kUnresolvedItem allowed
    EvalOutcome outcome = EvalOutcome::Scored; // EmptyGold is set by evaluate() from `gold`
};

struct MetricOptions
{
    std::vector<int> ks = {1, 3, 5, 10}; // each >= 1; sorted and deduplicated by evaluate()
    BootstrapOptions bootstrap;          // seed 1, 1,000 resamples, 95 %
};

// The metric columns for `ks`, in this order: for each K "precision@K", "recall@K", "f1@K",
// "hit@K", "ndcg@K", "map@K"; then "mrr" and "map".
QStringList metricIds(std::span<const int> ks);

// One user's metric values in metricIds() order (all 0 for an empty list).
std::vector<double> scoreUser(std::span<const std::uint32_t> ranked, std::span<const std::uint32_t> gold,
                              std::span<const int> ks);

// Beyond-accuracy figures over the first `k` ranks of every user that is not EmptyGold, with
// duplicates and unresolved items dropped from those ranks.
struct BeyondAccuracy
{
    int k = 10;
    std::uint64_t distinctItems = 0; // distinct catalogue movies recommended
    std::uint64_t catalogueSize = 0;
    double coverage = 0;       // distinctItems / catalogueSize
    double meanPopularity = 0; // mean over users of the mean rating count of their list
    double gini = 0;           // RecBole's Gini index over all catalogue items
};

// `popularity(id)` returns the rating count of a catalogue movie, or nullopt when the id is not
// in the catalogue (then it counts for nothing).
BeyondAccuracy beyondAccuracy(const std::vector<EvalUser> &users, int k, std::uint64_t catalogueSize,
                              const std::function<std::optional<double>(std::uint32_t)> &popularity);

struct MetricReport
{
    std::vector<int> ks;
    QStringList metrics;              // column ids
    std::vector<std::uint32_t> users; // one row per user, input order
    std::vector<EvalOutcome> outcomes;
    std::vector<double> rows;        // users × metrics, row-major (EmptyGold rows are 0)
    std::vector<double> means;       // over the users that are not EmptyGold
    std::vector<Interval> intervals; // bootstrap percentile intervals of the means
    std::uint64_t missing = 0, failed = 0, emptyGold = 0;
    std::uint64_t scoredUsers = 0; // users in the means (all but EmptyGold)
    BootstrapOptions bootstrap;
    std::optional<BeyondAccuracy> beyond;

    // Column of a metric id; std::size_t(-1) when the report has no such metric.
    std::size_t metricIndex(const QString &id) const { return static_cast<std::size_t>(metrics.indexOf(id)); }
    double mean(const QString &id) const;
    double value(std::size_t user, std::size_t metric) const
    {
        return rows[user * static_cast<std::size_t>(metrics.size()) + metric];
    }
};

MetricReport evaluate(const std::vector<EvalUser> &users, const MetricOptions &options = {});

// Paired comparison of two reports on the same users (matched by user id; users in only one
// report, or EmptyGold in either, are left out) for one metric: a - b.
struct PairedMetric
{
    QString metric;
    PairedResult result;
};
std::vector<PairedMetric> compareReports(const MetricReport &a, const MetricReport &b, const PairedTestOptions &options = {});

// The conventions in words, as written into every export.
QJsonObject metricConventionsJson();
// {"users", "scored", "missing", "failed", "empty_gold", "metrics": {...}, "ci": {id: [lo, hi]},
//  "bootstrap": {...}, "conventions": {...}, "beyond": {...} (when computed)}
QJsonObject metricReportToJson(const MetricReport &report);

} // namespace cinetune
