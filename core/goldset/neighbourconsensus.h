#pragma once

#include "core/goldset/coviewindex.h"
#include "core/goldset/raterbitmaps.h"
#include "core/goldset/userprofile.h"

#include <array>
#include <cstdint>
#include <span>
#include <vector>

namespace cinetune {

// The paper's neighbour-consensus rule (docs/GOLDSETS.md), for a batch of users at a time:
//   profile    = the user's first P ratings by rating desc, date desc, movie id asc
//   candidates = every other user who rated at least M profile movies with a rating >= T,
//                in ascending source-id order
//   neighbours = all candidates, or when there are more, the candidates at `cap` positions of
//                that list drawn with Floyd's sampling from the stream (seed, 2, user source id)
//   gold       = movies rated (any rating) by count neighbours with count * 100 >= W * N, minus
//                the excluded ones, ordered by count desc then movie id asc, first G.
//
// Batching only changes the speed: the neighbours of up to 64 users are counted in one pass over
// the co-rating index in user order, so a neighbour shared by several users of the batch is read
// from memory once. Every user's result is the same as when built alone.
//
// Holds one worker thread's scratch memory (a few bytes per user and per movie plus the batch),
// so each thread owns one instance; run() is not thread-safe, the shared inputs are read-only.
class NeighbourConsensus
{
public:
    static constexpr std::size_t kMaxBatch = 64;

    NeighbourConsensus(const GoldSetContext &context, const CoViewIndex &index, const RaterBitmaps &raters);

    // out[i] = the outcome for users[i]; users.size() == out.size(), any number of users.
    void run(std::span<const UserIndex> users, std::span<UserOutcome> out);
    UserOutcome run(UserIndex user);

private:
    // GCC/Clang vector of two 64-bit words (SSE2 on x86-64, NEON on ARM, scalar elsewhere).
    using Vec = std::uint64_t __attribute__((vector_size(16)));

    static constexpr std::size_t kGroup = 16; // bitmaps added per carry-save tree

    // A batch member whose neighbours are being counted.
    struct Target
    {
        UserOutcome *out = nullptr;
        UserIndex user = 0;
        std::vector<std::uint32_t> neighbours; // user indices, ascending
        std::vector<MovieIndex> profile;
        std::uint64_t need = 0;            // count * 100 >= W * N  <=>  count >= need
        std::uint32_t limit = 0;           // ranks that can reach `need`: [0, limit)
        std::uint32_t bitmapLimit = 0;     // of those, counted from bitmaps: [0, bitmapLimit)
        std::size_t vectors = 0;           // 128-bit vectors of bitmap per neighbour
        int planes = 0;                    // high counter slices (sixteens and up)
        std::vector<Vec> state;            // slices ones, twos, fours, eights, planes; `vectors` each
        std::vector<std::uint32_t> counts; // by rank < limit: neighbours counted from rank lists
        std::array<const std::uint64_t *, kGroup> group{};
        std::size_t grouped = 0;
        std::size_t cursor = 0;
    };

    bool prepare(UserIndex user, UserOutcome &out, Target &target);
    std::uint32_t findCandidates(UserIndex user);
    template<typename Rank>
    void countBatch(std::size_t targets);
    void addBitmaps(Target &target);
    static std::uint64_t bitmapCount(const Target &target, std::uint32_t rank);
    void finish(Target &target);

    const GoldSetContext &m_context;
    const CoViewIndex &m_index;
    const RaterBitmaps &m_raters;
    std::vector<std::uint64_t> m_counter;    // bit-sliced by user: profile movies rated >= T
    std::vector<std::uint64_t> m_hits;       // by user: candidates of the current user
    std::vector<std::uint32_t> m_candidates; // user indices
    std::vector<std::uint64_t> m_sampleBits; // by user, to sort a sample
    std::vector<std::uint64_t> m_masks;      // by user of a chunk: batch members to count it for
    std::vector<std::uint32_t> m_chunkUsers;
    std::vector<std::uint8_t> m_excluded; // by rank
    std::vector<std::uint64_t> m_zeroBitmap;
    std::vector<std::uint32_t> m_positions;
    std::vector<Target> m_targets; // kMaxBatch, reused
    struct GoldCandidate
    {
        std::uint32_t movie; // source id
        std::uint64_t count;
    };
    std::vector<GoldCandidate> m_gold;
};

} // namespace cinetune
