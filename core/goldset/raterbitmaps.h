#pragma once

#include "core/common/progress.h"
#include "core/common/result.h"
#include "core/dataset/mappedmemory.h"
#include "core/dataset/ratingstore.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace cinetune {

// Who rated a movie with at least T, as one bit per user, for the most-rated movies: the
// neighbour-consensus candidate search reads such a bitmap (U / 8 bytes) instead of scanning the
// movie's whole by-movie column (4 bytes per rating). Bitmaps are kept for movies with at least
// U / 16 ratings, most-rated first, within a memory budget; the others have none (scan the store).
// Rows are padded to whole 128-bit vectors. Immutable once built; safe to share between threads.
class RaterBitmaps
{
public:
    static constexpr std::size_t kDefaultBudget = std::size_t{64} << 20;

    // Cancelling returns Error code "canceled".
    [[nodiscard]] static Result<std::shared_ptr<const RaterBitmaps>> build(const RatingStore &store, int thresholdUnits,
                                                                           std::size_t budgetBytes, int threads,
                                                                           Progress &progress);

    int thresholdUnits() const { return m_threshold; }
    // Words per bitmap (an even number: whole 128-bit vectors).
    std::size_t words() const { return m_words; }
    // Bit u of word u / 64 = user u rated the movie >= T; nullptr when the movie has no bitmap.
    const std::uint64_t *bitmap(MovieIndex m) const
    {
        const std::int32_t slot = m_slot[m];
        return slot < 0 ? nullptr : m_bits.data() + static_cast<std::size_t>(slot) * m_words;
    }
    std::uint32_t bitmapCount() const { return m_count; }
    std::size_t memoryBytes() const { return m_slot.size() * 4 + std::size_t{m_count} * m_words * 8; }

private:
    int m_threshold = 0;
    std::size_t m_words = 0;
    std::uint32_t m_count = 0;
    std::vector<std::int32_t> m_slot; // by movie, -1 = none
    BigArray<std::uint64_t> m_bits;
};

} // namespace cinetune
