#pragma once

#include "core/eval/runspec.h"

#include "core/common/progress.h"
#include "core/common/result.h"
#include "core/dataset/dataset.h"
#include "core/goldset/goldset.h"
#include "core/goldset/goldsetspec.h"
#include "core/eval/itemknn.h"
#include "core/eval/itemknncache.h"

#include <QString>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace cinetune {

// Local recommendation baselines (docs/BASELINES.md): no API, deterministic, instant once built.
enum class BaselineKind {
    Random,
    MostPopular,
    ItemKnn,
    NeighbourConsensus
};

QString baselineId(BaselineKind kind);   // "random", "popular", "itemknn", "consensus"
QString baselineName(BaselineKind kind); // user-facing: "Random", "Most popular", ...
std::optional<BaselineKind> baselineFromId(const QString &id);

struct BaselineQuery
{
    std::vector<std::uint32_t> profile; // dense movie indices of the dataset, in profile order
    std::optional<std::uint32_t> user;  // dense user index when known (required by consensus)
    int count = 10;                     // recommendations wanted
    std::uint64_t seed = 2;             // Random's stream and consensus' neighbour samples
};

struct BaselineOptions
{
    int threads = 0; // build and batch workers; 0 = all cores. Never changes a result.
    // recommendForGoldSet() only (a single query carries its own): list length and seed.
    int count = 10;
    std::uint64_t seed = 2;
    // With query.user: never recommend a movie the user rated (as gold sets with exclude=rated).
    // Over the view of heldout.h, "rated" means rated before the user's cut (the profile side).
    bool excludeRated = true;
    // recommendForGoldSet() only: the users whose held-out ratings the recommenders must not see
    // (heldout.h), e.g. the whole split when only some of its users are pending; null = the users
    // predicted. The same list always gives the same view, so a resumed run gives the same lists.
    std::shared_ptr<const std::vector<GoldSetUser>> evaluated;
    ItemKnnParams itemKnn;
    ItemKnnCacheOptions cache;
    // The gold rule that NeighbourConsensus re-runs (its seed and max gold come from the query).
    GoldSetSpec consensus = GoldSetSpec::paper50();
};

// Returns the top query.count dense movie indices, never a profile movie, only movies with at
// least one rating; the same query always gives the same list. Thread-safe (const).
class Recommender
{
public:
    virtual ~Recommender();
    virtual BaselineKind kind() const = 0;
    virtual std::vector<std::uint32_t> recommend(const BaselineQuery &query) const = 0;
};

// Builds a recommender over `dataset`, which must outlive it. ItemKnn loads or builds its
// neighbour table here (the expensive part); NeighbourConsensus its co-rating index.
// Errors: "invalid-argument", "canceled", "out-of-memory".
[[nodiscard]] Result<std::unique_ptr<Recommender>> makeRecommender(const Dataset &dataset, BaselineKind kind,
                                                                   const BaselineOptions &options, Progress &progress);

// Recommendations for every gold-set user (same order as `users`), computed over the dataset
// without the evaluated users' held-out ratings (heldout.h: popularity, similarities and rated
// movies never include a user's gold or what they rated after it): profile and user mapped to
// dense indices, options.count movies each (seed options.seed), as SOURCE movie ids. Parallel, and the same for any thread
// count. Consensus runs the gold rule once for all users (a user it drops gets an empty list).
// Errors: "invalid-argument" (a movie or, for consensus, a user not in the dataset), "canceled".
[[nodiscard]] Result<std::vector<std::vector<std::uint32_t>>> recommendForGoldSet(const Dataset &dataset,
                                                                                  const std::vector<GoldSetUser> &users,
                                                                                  BaselineKind kind,
                                                                                  const BaselineOptions &options,
                                                                                  Progress &progress);

// Candidate lists for candidate-ranking prompts (RunSpec::candidateBaseline): the recommender's
// top n for a gold-set user (profile and user mapped to dense indices; movies or users missing
// from the dataset are skipped), as source movie ids. Both pointers are kept by the function.
CandidateSource baselineCandidates(std::shared_ptr<const Dataset> dataset, std::shared_ptr<const Recommender> recommender,
                                   std::uint64_t seed);
// The candidate shortlist of a run over `evaluated` (the run's split): the recommender is built
// over visibleDataset(dataset, evaluated), so a shortlist never sees a user's held-out ratings and
// never drops a held-out gold movie because the user rated it later.
[[nodiscard]] Result<CandidateSource> heldOutCandidates(const DatasetPtr &dataset, BaselineKind kind,
                                                        const std::vector<GoldSetUser> &evaluated, const BaselineOptions &options,
                                                        Progress &progress);

} // namespace cinetune
