#pragma once

#include "core/common/result.h"
#include "core/dataset/dataset.h"
#include "core/goldset/goldset.h"
#include "core/eval/metrics.h"
#include "core/eval/predictions.h"
#include "core/eval/titleresolver.h"

#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace cinetune {

class ProjectFile;
struct StoredResponse;

struct ScoringOptions
{
    MetricOptions metrics;    // K list, bootstrap resamples and seed
    ResolverOptions resolver; // max edit distance / min similarity
    bool detail = true;       // fill RunScore::detail (the per-user table)
    int threads = 0;          // title resolution workers; 0 = all cores. Never changes a result.
};

// One recommendation of one user as the per-user table shows it.
struct ScoredItem
{
    QString title; // as the model wrote it (baselines: the catalogue title)
    int year = 0;
    ResolutionStatus status = ResolutionStatus::Unresolved;
    std::optional<std::uint32_t> sourceId; // the resolved movie
    QString matchedTitle;                  // the catalogue's "Title (Year)"
    int distance = 0;                      // fuzzy matches
    bool hit = false;                      // in the gold set and not earlier in the list
    bool duplicate = false;                // the same movie higher in the list
    bool profileRepeat = false;            // a movie of the user's own profile
};

struct ScoredUser
{
    std::uint32_t user = 0;
    EvalOutcome outcome = EvalOutcome::Scored;
    bool parseFailure = false;          // an ok answer with no list in it
    QString error;                      // failed request: its message; parse failure: the reason
    std::vector<ScoredItem> items;      // rank order
    std::vector<std::uint32_t> profile; // source ids
    std::vector<std::uint32_t> gold;
    int hits = 0;
};

struct RunScore
{
    qint64 runId = 0;
    MetricReport report;
    ResolutionCounts resolution;
    bool resolvedTitles = false;
    std::uint64_t users = 0;          // users of the split
    std::uint64_t failedRequests = 0; // stored as failed
    std::uint64_t parseFailures = 0;  // ok answers without a list
    std::uint64_t missing = 0;        // no stored response yet
    std::uint64_t ignored = 0;        // predictions for users outside the split
    std::vector<ScoredUser> detail;   // gold order (empty unless options.detail)
};

// Scores predictions against gold users with prepareRun()'s rules (titles and text resolved with
// a resolver built from `dataset`, each title once, users in parallel) and evaluate(): the same
// report as prepareRun() + evaluate(), plus the per-user rows (options.detail). Pure; no I/O.
[[nodiscard]] Result<RunScore> scorePredictions(const std::vector<GoldSetUser> &gold, const std::vector<Prediction> &predictions,
                                                const Dataset &dataset, const ScoringOptions &options = {});
// The same with a resolver the caller keeps (building one over a large catalogue takes a while).
[[nodiscard]] Result<RunScore> scorePredictions(const std::vector<GoldSetUser> &gold, const std::vector<Prediction> &predictions,
                                                const Dataset &dataset, const TitleResolver &resolver,
                                                const ScoringOptions &options);

// Stored responses as predictions: ok → text (baseline runs: the movie ids of their lines,
// see baselinerun.h), failed → error.
std::vector<Prediction> predictionsFromResponses(const std::vector<StoredResponse> &responses, bool baselineRun);

// Scores a stored run of the project: its responses and the split users of its gold set. Never
// sends a request; scoring again gives the same figures. Errors: the repositories' (project.*).
[[nodiscard]] Result<RunScore> scoreRun(ProjectFile &project, qint64 runId, const Dataset &dataset,
                                        const ScoringOptions &options = {});
[[nodiscard]] Result<RunScore> scoreRun(ProjectFile &project, qint64 runId, const Dataset &dataset, const TitleResolver &resolver,
                                        const ScoringOptions &options);

// Paired comparison of two scores (a − b per metric) on the users both have (compareReports).
std::vector<PairedMetric> comparison(const RunScore &a, const RunScore &b, const PairedTestOptions &options = {});

} // namespace cinetune
