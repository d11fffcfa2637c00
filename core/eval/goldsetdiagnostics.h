#pragma once

#include "core/common/progress.h"
#include "core/common/result.h"
#include "core/dataset/dataset.h"
#include "core/goldset/goldset.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace cinetune {

// What a gold set rewards, measured before any model is asked (docs/GOLDSETS.md, "Diagnostics"):
// how far a non-personalised popularity list gets (the trivial baseline), how far the gold rule
// re-run with another seed gets (the ceiling its own sampling noise allows), how popular the gold
// movies are against the catalogue, and how alike the users' gold lists are.

struct BaselineScore
{
    double precision3 = 0;
    double precision5 = 0;
    double recall5 = 0;
    double mrr = 0;
    std::uint64_t users = 0; // users in the means
};

struct GoldSetDiagnostics
{
    Q_DECLARE_TR_FUNCTIONS(cinetune::GoldSetDiagnostics)

public:
    GoldSetSplit split = GoldSetSplit::Test;
    std::uint64_t users = 0;       // users of the split
    std::uint64_t goldEntries = 0; // Σ over users of their gold list's length
    // MostPopular over the split (every recommender sees the dataset without the split's held-out
    // ratings, docs/BASELINES.md), 10 movies per user.
    BaselineScore popular;
    // NeighbourConsensus re-run with seed + 1 (neighbour-consensus gold sets only).
    std::optional<BaselineScore> consensus;
    // Share of gold entries whose movie is among the top 1 / 5 / 10 % most-rated movies (of the
    // movies with at least one rating, by rating count desc, then index).
    double goldInTop1 = 0, goldInTop5 = 0, goldInTop10 = 0;
    double meanJaccard = 0;         // mean over all pairs of split users of |A ∩ B| / |A ∪ B|
    std::uint64_t distinctGold = 0; // distinct movies in the split's gold lists
    // The 20 most frequent gold movies: (source id, users having it), count desc, id asc.
    std::vector<std::pair<std::uint32_t, std::uint64_t>> topGold;
    QStringList topGoldTitles; // "Title (Year)" of topGold, same order

    // The one line a researcher can quote: "A non-personalised popularity list scores P@3 = 0.73
    // on this gold set (test split, 61 users); neighbour consensus (the ceiling) scores 0.81."
    QString verdict() const;
};

struct DiagnosticsOptions
{
    int threads = 0;
    // The gold rule NeighbourConsensus re-runs (the gold set's spec; its seed + 1 is used).
    std::optional<GoldSetSpec> consensusSpec;
    int topMovies = 20;
};

// Diagnostics of `users` (a whole gold set; the split's users are taken) on `dataset`.
// Errors: those of recommendForGoldSet() (a movie or user not in the dataset, "canceled").
[[nodiscard]] Result<GoldSetDiagnostics> computeGoldSetDiagnostics(const Dataset &dataset, const std::vector<GoldSetUser> &users,
                                                                   GoldSetSplit split, const DiagnosticsOptions &options,
                                                                   Progress &progress);

// Mean pairwise Jaccard similarity of the users' gold lists (0 with fewer than two users).
double meanPairwiseJaccard(const std::vector<GoldSetUser> &users);
// Share of the users' gold entries whose movie is in the top `percent` % most-rated movies.
double goldShareInTopPercent(const Dataset &dataset, const std::vector<GoldSetUser> &users, double percent);

// diagnosticsToJson() also writes "text" (diagnosticsText()), so a stored summary can be shown
// without recomputing anything.
QJsonObject diagnosticsToJson(const GoldSetDiagnostics &d);

// The split diagnostics describe by default: test, else validation, else train (the first with users).
GoldSetSplit diagnosticsSplit(const std::vector<GoldSetUser> &users);
// The diagnostics of diagnosticsSplit() (the ceiling with the set's own rule when it is neighbour
// consensus) as diagnosticsToJson(); an empty object for an empty set. Stored with the gold set's
// summary as "diagnostics" (project/goldsetdiagnosticsstore.h) and printed by `cinetune goldset`.
[[nodiscard]] Result<QJsonObject> goldSetDiagnosticsJson(const Dataset &dataset, const GoldSet &set, int threads,
                                                         Progress &progress);
// Several lines of plain text for the CLI, the report and the GUI.
QString diagnosticsText(const GoldSetDiagnostics &d);

} // namespace cinetune
