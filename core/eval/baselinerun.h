#pragma once

#include "core/eval/baselines.h"
#include "core/common/progress.h"
#include "core/common/result.h"
#include "core/dataset/dataset.h"
#include "core/goldset/goldset.h"
#include "core/eval/runspec.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace cinetune {

class ProjectFile;
struct StoredResponse;

// A run whose RunSpec target is a local baseline (TargetKind::Baseline, target.baseline =
// baselineId()) is computed here in one go, with no network, and stored as one ok response per
// user, so listing, resuming and scoring work as for model runs.
//
// The stored raw text is the numbered list "1. Title (Year) [movie 123]": readable in the raw
// response view, and the source id in brackets makes scoring exact (two catalogue movies can
// share title and year, which resolving the text again could confuse). Scoring reads the ids
// (predictionsFromResponses with baselineRun = true), not the titles.

// "1. Toy Story (1995) [movie 1]\n2. ..." (LF line ends, no trailing newline).
QString baselineResponseText(const Catalogue &catalogue, const std::vector<std::uint32_t> &sourceIds);
// The source ids of the lines of baselineResponseText(), in order (lines without an id are skipped).
std::vector<std::uint32_t> baselineResponseItems(const QString &text);

// The responses of `users` (spec.count movies each, seed spec.seed or 2): pure, may run on any
// thread. Errors: makeRecommender()/recommendForGoldSet()'s and "invalid-argument" when the
// spec's target is not a known baseline.
[[nodiscard]] Result<std::vector<StoredResponse>> computeBaselineResponses(const Dataset &dataset, const RunSpec &spec,
                                                                           const std::vector<GoldSetUser> &users,
                                                                           Progress &progress, BaselineOptions options = {});

// Computes and stores the responses of the run's users that have none yet (on the project's
// thread), then marks the run finished. Returns how many responses were stored.
[[nodiscard]] Result<qint64> executeBaselineRun(ProjectFile &project, qint64 runId, const Dataset &dataset, Progress &progress,
                                                const BaselineOptions &options = {});

} // namespace cinetune
