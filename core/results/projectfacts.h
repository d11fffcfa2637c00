#pragma once

#include "core/common/result.h"
#include "core/results/comparison.h"
#include "core/results/report.h"

namespace cinetune {

class ProjectFile;

// Reads what a reproducible report needs from a project: the dataset reference, the gold sets
// (spec, summary, split sizes), the fine-tuning jobs (provider, base and fine-tuned model ids,
// hyperparameters, seed, trained tokens, cost) and their loss curves.
struct ProjectFacts
{
    QList<ReportFacts> facts;
    QList<ReportText> texts;
    QList<LossCurve> losses;
    QStringList goldSetNames;
    QStringList warnings;
};

[[nodiscard]] Result<ProjectFacts> readProjectFacts(ProjectFile &project);

} // namespace cinetune
