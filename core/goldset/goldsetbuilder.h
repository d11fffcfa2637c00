#pragma once

#include "core/common/progress.h"
#include "core/common/result.h"
#include "core/dataset/dataset.h"
#include "core/goldset/goldset.h"
#include "core/goldset/goldsetspec.h"

#include <memory>

namespace cinetune {

class CoViewIndex;

struct GoldSetBuildOptions
{
    int threads = 0; // worker threads; 0 = QThread::idealThreadCount(). Never changes the result.
    // The co-rating index of the same dataset from an earlier build (GoldSet rebuilds in the wizard);
    // built (about a second for 100 M ratings) when null. See builtIndex.
    std::shared_ptr<const CoViewIndex> index;
    // > 0: a preview (the wizard's example user): only the first N selected users (ascending
    // source id) are built and split. The summary's eligible and selected counts are still those
    // of the whole selection; kept, dropped and the per-user parts cover the N users only. Every
    // line is the one the full build gives that user (the rules are per user).
    std::size_t onlyFirstUsers = 0;
};

// Builds a gold set (docs/GOLDSETS.md): validates the spec, finds the eligible users, samples
// (or takes the listed) users, builds every user's line in parallel with per-user random
// streams, assigns splits and summarizes. The result depends only on the dataset and the spec
// (seed included): byte-identical for any thread count.
//
// Errors: "invalid-argument" (spec out of range — the message names the parameter and its
// range — or a listed user that is not in the dataset), "canceled" (progress.canceled(); nothing
// is returned), "out-of-memory". An empty gold set is not an error: it comes back with
// summary.explanation saying why (e.g. "no user has 4 ratings of 5 stars").
// Progress phases: "Selecting users", "Indexing co-ratings", "Building gold sets".
[[nodiscard]] Result<GoldSet> buildGoldSet(const Dataset &dataset, const GoldSetSpec &spec, const GoldSetBuildOptions &options,
                                           Progress &progress);

// As above, also handing back the co-rating index used (to pass to the next build as options.index).
[[nodiscard]] Result<GoldSet> buildGoldSet(const Dataset &dataset, const GoldSetSpec &spec, const GoldSetBuildOptions &options,
                                           Progress &progress, std::shared_ptr<const CoViewIndex> &builtIndex);

// The number of users meeting the spec's eligibility rule (buildGoldSet's summary.eligibleUsers),
// without building anything: one pass over the ratings. Errors: an invalid spec, "canceled".
[[nodiscard]] Result<std::uint64_t> countEligibleUsers(const Dataset &dataset, const GoldSetSpec &spec, Progress &progress,
                                                       int threads = 0);

} // namespace cinetune
