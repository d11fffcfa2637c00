#pragma once

#include "common/result.h"
#include "comparison.h"
#include "eval/metrics.h"
#include "eval/predictions.h"
#include "project/runrepository.h"

#include <QStringList>

namespace cinetune {

class ProjectFile;
class TitleResolver;

// An evaluation run of the project, scored: its stored responses (raw text, or the failure) are
// parsed and resolved against the catalogue and measured against its gold set's split.
struct ScoredRun
{
    StoredRun run;
    MetricReport report;
    ResolutionCounts resolution;
    std::uint64_t users = 0;
};

// Scores the project's runs that have responses (`only`: run names or ids; empty = all).
// Needs the project's thread. Error codes: those of the repositories, results.no_gold_set.
[[nodiscard]] Result<QList<ScoredRun>> scoreProjectRuns(ProjectFile &project, const TitleResolver &resolver,
                                                        const MetricOptions &options = {}, const QStringList &only = {});

// Runs → columns: one group per gold set (in run order), the run's spec as the column settings,
// hallucination / duplicate / profile / parse-failure rates from the resolution counts, and the
// paired comparison of the last run against the first of each group.
ResultsComparison comparisonFromScoredRuns(const QList<ScoredRun> &runs);

} // namespace cinetune
