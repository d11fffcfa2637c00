#pragma once

#include "core/common/progress.h"
#include "core/common/result.h"
#include "core/dataset/mappedmemory.h"
#include "core/dataset/ratingstore.h"

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace cinetune {

// Who-rated-what, arranged for counting the movies of thousands of sampled neighbours fast
// (the inner loop of the neighbour-consensus gold sets).
//
// Movies are ranked by popularity (ratings, descending; ties by movie index). A movie with c
// ratings can only reach a watch factor threshold t <= c, so for any threshold the movies that
// can qualify are a prefix of the ranks. Every user's rated movies are stored as an ascending
// list of ranks, except that users with many ratings keep the ranks below bitmapRanks() as a
// bitmap of one bit per rank (only the ranks from bitmapRanks() on stay in their list). Bitmaps
// of 16 neighbours at a time are added with carry-save adders into bit-sliced counters, so a
// neighbour with hundreds of popular movies costs a few dozen word operations instead of
// hundreds of scattered increments.
//
// Memory: per user at most twice the list's size for the popular ranks (a bitmap once it is no
// more than twice the list) plus 2 bytes (4 with more than 65,536 movies) per other rating —
// about 1.5 bytes per rating on Netflix-like data.
// Immutable once built; safe to read from any number of threads.
class CoViewIndex
{
public:
    static constexpr std::uint32_t kMaxBitmapRanks = 4096;

    // `bitmapRanks` is the K wanted (rounded up to a multiple of 128, at most kMaxBitmapRanks);
    // it changes speed and memory only, never a count. bitmapRanksFor() picks it for a spec.
    // Cancelling returns Error code "canceled".
    [[nodiscard]] static Result<std::shared_ptr<const CoViewIndex>> build(const RatingStore &store, std::uint32_t bitmapRanks,
                                                                          int threads, Progress &progress);
    // The ranks that can reach a watch factor of `watchFactor` % among `neighbours` neighbours.
    static std::uint32_t bitmapRanksFor(const RatingStore &store, std::uint32_t neighbours, int watchFactor);

    std::uint32_t movieCount() const { return static_cast<std::uint32_t>(m_movieAt.size()); }
    std::uint32_t rankOf(MovieIndex m) const { return m_rankOf[m]; }
    MovieIndex movieAt(std::uint32_t rank) const { return m_movieAt[rank]; }
    std::uint64_t popularityAt(std::uint32_t rank) const { return m_popularity[rank]; }
    // The number of ranks whose movie has at least n ratings (they come first).
    std::uint32_t ranksWithAtLeast(std::uint64_t n) const;

    // K: ranks [0, K) of "bitmap users" are in their bitmap. A multiple of 128.
    std::uint32_t bitmapRanks() const { return m_bitmapRanks; }
    std::uint32_t bitmapWords() const { return m_bitmapRanks / 64; }
    // K bits (bit r of word r / 64 = rank r rated) or nullptr when the user has a plain list.
    const std::uint64_t *bitmap(UserIndex u) const
    {
        const std::int32_t slot = m_bitmapSlot[u];
        return slot < 0 ? nullptr : m_bitmaps.data() + static_cast<std::size_t>(slot) * bitmapWords();
    }
    std::uint32_t bitmapUsers() const { return m_bitmapUsers; }

    // Ranks as uint16 (at most 65,536 movies) or uint32; ascending.
    bool wideRanks() const { return m_wide; }
    std::span<const std::uint16_t> ranks16(UserIndex u) const
    {
        return {m_ranks16.data() + m_listOffsets[u], static_cast<std::size_t>(m_listOffsets[u + 1] - m_listOffsets[u])};
    }
    std::span<const std::uint32_t> ranks32(UserIndex u) const
    {
        return {m_ranks32.data() + m_listOffsets[u], static_cast<std::size_t>(m_listOffsets[u + 1] - m_listOffsets[u])};
    }

    std::size_t memoryBytes() const;

private:
    std::vector<std::uint32_t> m_rankOf;
    std::vector<MovieIndex> m_movieAt;
    std::vector<std::uint64_t> m_popularity; // by rank, descending
    std::uint32_t m_bitmapRanks = 0;
    std::uint32_t m_bitmapUsers = 0;
    bool m_wide = false;
    std::vector<std::uint64_t> m_listOffsets; // U + 1
    std::vector<std::int32_t> m_bitmapSlot;   // U, -1 = no bitmap
    BigArray<std::uint64_t> m_bitmaps;
    BigArray<std::uint16_t> m_ranks16;
    BigArray<std::uint32_t> m_ranks32;
};

} // namespace cinetune
