#pragma once

#include "core/common/progress.h"
#include "core/common/result.h"
#include "core/dataset/ratingstore.h"

#include <QCoreApplication>
#include <QString>

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

namespace cinetune {

// How two movies' raters are compared (docs/BASELINES.md).
enum class ItemKnnWeighting : std::uint8_t {
    Binary, // cosine of the 0/1 "rated" vectors: |raters(i) ∩ raters(j)| / sqrt(|raters(i)| |raters(j)|)
    Rating, // cosine of the rating vectors: Σ r_ui r_uj / sqrt(Σ r_ui² Σ r_uj²)
};

QString itemKnnWeightingId(ItemKnnWeighting w); // "binary", "rating"
std::optional<ItemKnnWeighting> itemKnnWeightingFromId(const QString &id);

// Everything that changes the neighbour table (and so the cache key).
struct ItemKnnParams
{
    std::uint32_t neighbours = 50; // k: neighbours kept per movie
    ItemKnnWeighting weighting = ItemKnnWeighting::Binary;
    // At most S raters per movie are read (a seeded uniform sample, co-ratings scaled by n/S):
    // bounds the build on data with very active users. 0 = every rater (exact). 2,000 keeps
    // a third of the exact work on Netflix-sized data (docs/BASELINES.md) and is exact for
    // every movie with at most 2,000 ratings (all of MovieLens ml-latest-small).
    std::uint32_t maxRaters = 2000;
    std::uint64_t seed = 1; // drives the rater samples only

    bool operator==(const ItemKnnParams &) const = default;
};

struct ItemNeighbour
{
    MovieIndex movie = 0;
    float similarity = 0;
    bool operator==(const ItemNeighbour &) const = default;
};

// The top-k most similar movies of every movie (similarity desc, then rating count desc, then
// movie index asc; only similarities > 0). Immutable; safe to read from any number of threads.
class ItemKnnTable
{
    Q_DECLARE_TR_FUNCTIONS(cinetune::ItemKnnTable)

public:
    // Builds the table: movies in parallel, each with a dense per-thread accumulator over the
    // rows of its raters. The result does not depend on the thread count.
    // Errors: "canceled", "out-of-memory".
    [[nodiscard]] static Result<std::shared_ptr<const ItemKnnTable>> build(const RatingStore &store, const ItemKnnParams &params,
                                                                           int threads, Progress &progress);
    // A table from its arrays (the cache reader); nullptr when they are inconsistent.
    static std::shared_ptr<const ItemKnnTable> fromParts(const ItemKnnParams &params, std::vector<std::uint32_t> offsets,
                                                         std::vector<ItemNeighbour> entries);

    const ItemKnnParams &params() const { return m_params; }
    std::uint32_t movieCount() const { return static_cast<std::uint32_t>(m_offsets.size() - 1); }
    std::span<const ItemNeighbour> neighbours(MovieIndex m) const
    {
        return {m_entries.data() + m_offsets[m], static_cast<std::size_t>(m_offsets[m + 1] - m_offsets[m])};
    }
    // The similarity of `other` in m's neighbour list, 0 when it is not there.
    float similarity(MovieIndex m, MovieIndex other) const;

    const std::vector<std::uint32_t> &offsets() const { return m_offsets; }
    const std::vector<ItemNeighbour> &entries() const { return m_entries; }

private:
    ItemKnnTable() = default;
    ItemKnnParams m_params;
    std::vector<std::uint32_t> m_offsets{0}; // M + 1
    std::vector<ItemNeighbour> m_entries;
};

} // namespace cinetune
