#pragma once

#include "common/result.h"
#include "comparison.h"
#include "eval/runscoring.h"
#include "project/runrepository.h"

#include <QStringList>

namespace cinetune {

class ProjectFile;
class TitleResolver;

// The project's evaluation runs as Results columns. Scoring is core/eval's scorePredictions()
// (the same figures as the Evaluate step and `cinetune score`); this file only gathers the runs
// and turns their scores into a comparison.

// An evaluation run of the project, scored.
struct ScoredRun
{
    StoredRun run;
    MetricReport report;
    ResolutionCounts resolution;
    std::uint64_t users = 0;
};

// What scoring a run needs, read from the project (on its thread); scoring itself is pure and may
// run on a worker.
struct RunInput
{
    StoredRun run;
    std::vector<GoldSetUser> split;       // the gold users of the run's split
    std::vector<Prediction> predictions;  // predictionsFromResponses() of the stored responses
};
// The runs that have responses (`only`: run names or ids; empty = all). Error codes: those of the
// repositories, results.no_gold_set.
[[nodiscard]] Result<QList<RunInput>> readRunInputs(ProjectFile &project, const QStringList &only = {});
[[nodiscard]] Result<QList<ScoredRun>> scoreRunInputs(const QList<RunInput> &inputs, const Dataset &dataset,
                                                      const TitleResolver &resolver, const MetricOptions &options = {});

// readRunInputs() + scoreRunInputs(). Needs the project's thread.
[[nodiscard]] Result<QList<ScoredRun>> scoreProjectRuns(ProjectFile &project, const Dataset &dataset, const TitleResolver &resolver,
                                                        const MetricOptions &options = {}, const QStringList &only = {});

// Runs → columns: one group per gold set (in run order), the run's spec as the column settings,
// hallucination / duplicate / profile / parse-failure rates from the resolution counts, and the
// paired comparison of the last run against the first of each group.
ResultsComparison comparisonFromScoredRuns(const QList<ScoredRun> &runs);

} // namespace cinetune
