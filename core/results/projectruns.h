#pragma once

#include "core/common/result.h"
#include "core/results/comparison.h"
#include "core/eval/runscoring.h"
#include "core/project/runrepository.h"

#include <QStringList>

#include <optional>
#include <vector>

namespace cinetune {

class ProjectFile;
class TitleResolver;

// The project's evaluation runs as Results columns. Scoring is core/eval's scorePredictions()
// (the same figures as the Evaluate step and `cinetune score`); this file only gathers the runs
// and turns their scores into a comparison.

// One user's answer in a scored run, as the per-user export shows it.
struct UserResolution
{
    std::uint32_t user = 0;
    int titles = 0;         // list entries (titles or baseline ids)
    int resolved = 0;       // matched to a catalogue movie
    int hallucinated = 0;   // not in the catalogue
    int duplicates = 0;     // the same movie higher in the list
    int profileRepeats = 0; // a movie of the user's own profile
    bool parseFailure = false;
};

// An evaluation run of the project, scored.
struct ScoredRun
{
    StoredRun run;
    std::optional<GoldSetSpec> goldSetSpec; // of the run's gold set, when it is in the project
    MetricReport report;
    ResolutionCounts resolution;
    std::uint64_t users = 0;
    std::vector<UserResolution> perUser; // the split's users, in the report's order
    // Rating counts in the dataset of every user's distinct resolved recommendations, and of every
    // user's gold movies (the popularity distribution chart).
    QList<double> recommendedPopularity;
    QList<double> goldPopularity;
};

// What scoring a run needs, read from the project (on its thread); scoring itself is pure and may
// run on a worker.
struct RunInput
{
    StoredRun run;
    std::optional<GoldSetSpec> goldSetSpec;
    std::vector<GoldSetUser> split;      // the gold users of the run's split
    std::vector<Prediction> predictions; // predictionsFromResponses() of the stored responses
};
// The runs that have responses (`only`: run names or ids; empty = all). Error codes: those of the
// repositories, results.no_gold_set.
[[nodiscard]] Result<QList<RunInput>> readRunInputs(ProjectFile &project, const QStringList &only = {});
[[nodiscard]] Result<QList<ScoredRun>> scoreRunInputs(const QList<RunInput> &inputs, const Dataset &dataset,
                                                      const TitleResolver &resolver, const MetricOptions &options = {});

// readRunInputs() + scoreRunInputs(). Needs the project's thread.
[[nodiscard]] Result<QList<ScoredRun>> scoreProjectRuns(ProjectFile &project, const Dataset &dataset,
                                                        const TitleResolver &resolver, const MetricOptions &options = {},
                                                        const QStringList &only = {});

// Runs → columns: one group per gold set and split (in run order; runs on different splits of one
// gold set are never paired: the group is then named "gold set · split"), the run's spec as the column settings,
// hallucination / duplicate / profile / parse-failure rates from the resolution counts, and the
// paired comparison of the last run against the first of each group, and the popularity samples
// (each run's recommendations, then the gold movies of the group's first run, labelled "Gold movies").
// A gold set that follows the paper's profileData50 / profileData60 rule gets the paper's published
// figures as reference columns (paperreference.h) when `paperReference` is on.
ResultsComparison comparisonFromScoredRuns(const QList<ScoredRun> &runs, bool paperReference = true);

// "simulator — not an LLM": how every table, chart legend, export, report and list marks a run made
// with the offline simulator (StoredRun::simulated).
QString simulatorLabel();
// The run's short label as it is shown everywhere (table headers, chart legends, exports): "label
// (simulator — not an LLM)" for a simulated run.
QString runLabel(const StoredRun &run);
// The run's full identity (name, gold set, split, provider, model, strategy, seed) for tooltips and
// export metadata.
QString runDetail(const StoredRun &run);

// The rating count of a movie (source id) in `dataset`; nullopt when it is not in the catalogue.
std::optional<double> movieRatingCount(const Dataset &dataset, std::uint32_t sourceId);

} // namespace cinetune
