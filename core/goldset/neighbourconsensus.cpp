#include "core/goldset/neighbourconsensus.h"

#include "core/goldset/bitops.h"
#include "core/goldset/goldsetrandom.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <numeric>

namespace cinetune {

namespace {

constexpr int kFixedSlices = 4;                                       // ones, twos, fours, eights
constexpr std::uint32_t kChunkUsers = 4096;                           // users whose masks are set at a time (32 KB)
constexpr std::size_t kDataAhead = 8;                                 // neighbours ahead whose bitmap and list are prefetched
constexpr std::uint64_t kMaxBatchNeighbours = std::uint64_t{1} << 21; // sample memory per batch

} // namespace

NeighbourConsensus::NeighbourConsensus(const GoldSetContext &context, const CoViewIndex &index, const RaterBitmaps &raters)
    : m_context(context)
    , m_index(index)
    , m_raters(raters)
{
    const RatingStore &store = context.store;
    m_counter.assign(
        static_cast<std::size_t>(std::bit_width(static_cast<unsigned>(context.spec.minMatches)) + 1) * raters.words(), 0);
    m_candidates.resize(store.userCount());
    m_hits.assign((store.userCount() + 63) / 64, 0);
    m_sampleBits.assign((store.userCount() + 63) / 64, 0);
    m_masks.assign(kChunkUsers, 0);
    m_excluded.assign(index.movieCount(), 0);
    m_zeroBitmap.assign(std::max<std::size_t>(index.bitmapWords(), 2), 0);
    m_targets.resize(kMaxBatch);
}

// Counts, per user, the profile movies (m_positions into the user's row) rated >= T in
// bit-sliced counters saturating at 2^B >= M + 1 (B = bit width of M): rater bitmaps are added a
// vector at a time, other movies' raters one bit at a time from the by-movie index. Leaves the
// users with a count >= M (never `user`) as a bitmap in m_hits; returns their number.
std::uint32_t NeighbourConsensus::findCandidates(UserIndex user)
{
    const RatingStore &store = m_context.store;
    const GoldSetSpec &spec = m_context.spec;
    const auto row = store.userEntries(user);
    const auto minMatches = static_cast<std::uint32_t>(spec.minMatches);
    const int planes = static_cast<int>(std::bit_width(minMatches));
    const std::size_t words = m_raters.words();
    std::uint64_t *counter = m_counter.data(); // planes 0..B-1, then the saturation plane
    std::uint64_t *saturated = counter + static_cast<std::size_t>(planes) * words;
    std::memset(counter, 0, static_cast<std::size_t>(planes + 1) * words * 8);
    const auto threshold = static_cast<RatingUnits>(spec.thresholdUnits());
    for (std::uint32_t p : m_positions) {
        const MovieIndex movie = entryIndex(row[p]);
        if (const std::uint64_t *bits = m_raters.bitmap(movie)) {
            for (std::size_t w = 0; w < words; w += 2) {
                Vec carry;
                std::memcpy(&carry, bits + w, sizeof carry);
                for (int b = 0; b < planes; ++b) {
                    std::uint64_t *at = counter + static_cast<std::size_t>(b) * words + w;
                    Vec plane;
                    std::memcpy(&plane, at, sizeof plane);
                    const Vec next = plane & carry;
                    plane ^= carry;
                    std::memcpy(at, &plane, sizeof plane);
                    carry = next;
                }
                Vec sat;
                std::memcpy(&sat, saturated + w, sizeof sat);
                sat |= carry;
                std::memcpy(saturated + w, &sat, sizeof sat);
            }
            continue;
        }
        for (Entry e : store.movieEntries(movie)) {
            if (entryRating(e) < threshold)
                continue;
            const std::uint32_t v = entryIndex(e);
            const std::size_t w = v / 64;
            std::uint64_t carry = std::uint64_t{1} << (v % 64);
            for (int b = 0; b < planes && carry; ++b) {
                std::uint64_t &plane = counter[static_cast<std::size_t>(b) * words + w];
                const std::uint64_t next = plane & carry;
                plane ^= carry;
                carry = next;
            }
            saturated[w] |= carry;
        }
    }
    // count >= M, bit-sliced: compare from the top bit down. The hits stay in m_hits.
    std::uint64_t *hitWords = m_hits.data();
    std::uint32_t n = 0;
    const std::size_t userWords = m_hits.size();
    for (std::size_t w = 0; w < userWords; ++w) {
        std::uint64_t greater = 0, equal = ~std::uint64_t{0};
        for (int b = planes - 1; b >= 0; --b) {
            const std::uint64_t plane = counter[static_cast<std::size_t>(b) * words + w];
            if ((minMatches >> b) & 1u) {
                equal &= plane;
            } else {
                greater |= equal & plane;
                equal &= ~plane;
            }
        }
        std::uint64_t hits = saturated[w] | greater | equal;
        if (w == user / 64)
            hits &= ~(std::uint64_t{1} << (user % 64)); // never one's own neighbour
        hitWords[w] = hits;
        n += static_cast<std::uint32_t>(bitops::popcount(hits));
    }
    return n;
}

// Profile, candidates and the neighbour sample of one user; false when the user is dropped
// already (no candidates).
bool NeighbourConsensus::prepare(UserIndex user, UserOutcome &out, Target &target)
{
    const RatingStore &store = m_context.store;
    const GoldSetSpec &spec = m_context.spec;
    const std::vector<std::uint32_t> &movieIds = m_context.movieIds;
    out = UserOutcome{};
    GoldSetUser &line = out.line;
    line.user = store.userSourceId(user);

    // Profile.
    const auto row = store.userEntries(user);
    m_positions.resize(row.size());
    std::iota(m_positions.begin(), m_positions.end(), 0u);
    orderByPreference(row, store.userDays(user), movieIds, m_positions, static_cast<std::size_t>(spec.profileSize));
    line.profile.reserve(m_positions.size());
    target.profile.clear();
    for (std::uint32_t p : m_positions) {
        line.profile.push_back(movieIds[entryIndex(row[p])]);
        target.profile.push_back(entryIndex(row[p]));
    }

    // Candidates: users who rated >= M profile movies with a rating >= T, ascending.
    const std::uint32_t n = findCandidates(user);
    line.candidates = n;
    if (n == 0) {
        out.dropped = GoldDropReason::NoNeighbours;
        return false;
    }

    // Neighbours: all candidates, or a seeded uniform sample (Floyd) of `cap` of their positions
    // in ascending order, read back in ascending order.
    std::uint32_t *candidates = m_candidates.data();
    const std::uint64_t *hits = m_hits.data();
    std::uint32_t neighbours = 0;
    if (spec.neighbourCap == 0 || n <= spec.neighbourCap) {
        for (std::size_t w = 0; w < m_hits.size(); ++w) {
            const auto base = static_cast<std::uint32_t>(w * 64);
            for (std::uint64_t b = hits[w]; b; b &= b - 1)
                candidates[neighbours++] = base + static_cast<std::uint32_t>(std::countr_zero(b));
        }
    } else {
        SplitMix64 rng = SplitMix64::stream(spec.seed, SplitMix64::SampleNeighbours, line.user);
        std::uint64_t *marks = m_sampleBits.data();
        floydSample(n, spec.neighbourCap, rng, std::span<std::uint64_t>(marks, (n + 63) / 64));
        std::size_t w = 0;        // word of m_hits holding the current position
        std::uint32_t before = 0; // candidates in words [0, w)
        std::uint32_t inWord = static_cast<std::uint32_t>(bitops::popcount(hits[0]));
        for (std::size_t m = 0; m < (n + 63) / 64; ++m) {
            for (std::uint64_t b = marks[m]; b; b &= b - 1) {
                const std::uint32_t position = static_cast<std::uint32_t>(m * 64)
                    + static_cast<std::uint32_t>(std::countr_zero(b));
                while (before + inWord <= position) {
                    before += inWord;
                    inWord = static_cast<std::uint32_t>(bitops::popcount(hits[++w]));
                }
                candidates[neighbours++] = static_cast<std::uint32_t>(w * 64) + bitops::select(hits[w], position - before);
            }
            marks[m] = 0;
        }
    }
    line.neighbours = neighbours;
    target.out = &out;
    target.user = user;
    target.neighbours.assign(candidates, candidates + neighbours);

    // A movie is gold if count * 100 >= W * N, i.e. count >= ceil(W * N / 100). Only movies with
    // at least that many ratings can get there: the first `limit` ranks.
    target.need = (static_cast<std::uint64_t>(spec.watchFactor) * neighbours + 99) / 100;
    target.limit = m_index.ranksWithAtLeast(target.need);
    target.bitmapLimit = std::min(target.limit, m_index.bitmapRanks());
    target.vectors = (target.bitmapLimit + 127) / 128;
    target.planes = std::max(1, static_cast<int>(std::bit_width(neighbours / 16u)));
    target.state.assign(static_cast<std::size_t>(kFixedSlices + target.planes) * target.vectors, Vec{});
    target.counts.assign(target.limit, 0);
    target.grouped = 0;
    target.cursor = 0;
    return true;
}

// Adds the target's 16 grouped bitmaps (their first 2 × vectors words) to its bit-sliced
// counters: a Harley–Seal carry-save tree per vector keeps running ones/twos/fours/eights and
// ripples the sixteens into the planes. Invariant per bit: count = ones + 2 twos + 4 fours +
// 8 eights + 16 × (planes as a binary number).
void NeighbourConsensus::addBitmaps(Target &target)
{
    while (target.grouped < kGroup)
        target.group[target.grouped++] = m_zeroBitmap.data();
    target.grouped = 0;
    const std::size_t stride = target.vectors;
    Vec *ones = target.state.data();
    Vec *twos = ones + stride;
    Vec *fours = twos + stride;
    Vec *eights = fours + stride;
    Vec *planes = eights + stride;
    const int planeCount = target.planes;
    const auto csa = [](Vec &high, Vec &low, Vec a, Vec b, Vec c) {
        const Vec u = a ^ b;
        high = (a & b) | (u & c);
        low = u ^ c;
    };
    const std::uint64_t *const *bitmaps = target.group.data();
    for (std::size_t j = 0; j < stride; ++j) {
        Vec in[kGroup];
        for (std::size_t i = 0; i < kGroup; ++i)
            std::memcpy(&in[i], bitmaps[i] + 2 * j, sizeof(Vec));
        Vec o = ones[j], t = twos[j], f = fours[j], e = eights[j];
        Vec twosA, twosB, foursA, foursB, eightsA, eightsB, sixteens;
        csa(twosA, o, o, in[0], in[1]);
        csa(twosB, o, o, in[2], in[3]);
        csa(foursA, t, t, twosA, twosB);
        csa(twosA, o, o, in[4], in[5]);
        csa(twosB, o, o, in[6], in[7]);
        csa(foursB, t, t, twosA, twosB);
        csa(eightsA, f, f, foursA, foursB);
        csa(twosA, o, o, in[8], in[9]);
        csa(twosB, o, o, in[10], in[11]);
        csa(foursA, t, t, twosA, twosB);
        csa(twosA, o, o, in[12], in[13]);
        csa(twosB, o, o, in[14], in[15]);
        csa(foursB, t, t, twosA, twosB);
        csa(eightsB, f, f, foursA, foursB);
        csa(sixteens, e, e, eightsA, eightsB);
        ones[j] = o;
        twos[j] = t;
        fours[j] = f;
        eights[j] = e;
        Vec carry = sixteens;
        for (int p = 0; p < planeCount; ++p) {
            Vec &plane = planes[static_cast<std::size_t>(p) * stride + j];
            const Vec next = plane & carry;
            plane ^= carry;
            carry = next;
        }
    }
}

std::uint64_t NeighbourConsensus::bitmapCount(const Target &target, std::uint32_t rank)
{
    const std::size_t word = rank / 64;
    const std::size_t j = word / 2;
    const int lane = static_cast<int>(word % 2);
    const int bit = static_cast<int>(rank % 64);
    std::uint64_t count = 0;
    for (int s = 0; s < kFixedSlices + target.planes; ++s) {
        const std::uint64_t w = target.state[static_cast<std::size_t>(s) * target.vectors + j][lane];
        count += ((w >> bit) & 1u) << s;
    }
    return count;
}

// Counts the neighbours of the first `targets` batch members in one pass over the users in
// ascending order: each user's index entry is read once for every member that sampled it.
// Bitmaps go to the member's carry-save groups, rank lists to its counts.
template<typename Rank>
void NeighbourConsensus::countBatch(std::size_t targets)
{
    const std::uint32_t users = m_context.store.userCount();
    const std::uint32_t K = m_index.bitmapRanks();
    std::uint64_t *masks = m_masks.data();
    const auto ranksOf = [&](UserIndex v) {
        if constexpr (sizeof(Rank) == 2)
            return m_index.ranks16(v);
        else
            return m_index.ranks32(v);
    };
    for (std::uint32_t first = 0; first < users; first += kChunkUsers) {
        const std::uint32_t end = std::min(users, first + kChunkUsers);
        m_chunkUsers.clear();
        for (std::size_t t = 0; t < targets; ++t) {
            Target &target = m_targets[t];
            const std::uint64_t bit = std::uint64_t{1} << t;
            const std::uint32_t *n = target.neighbours.data();
            std::size_t c = target.cursor;
            for (; c < target.neighbours.size() && n[c] < end; ++c)
                masks[n[c] - first] |= bit;
            target.cursor = c;
        }
        for (std::uint32_t v = first; v < end; ++v) {
            if (masks[v - first])
                m_chunkUsers.push_back(v);
        }
        const std::size_t count = m_chunkUsers.size();
        for (std::size_t k = 0; k < count; ++k) {
            if (k + kDataAhead < count) {
                const UserIndex ahead = m_chunkUsers[k + kDataAhead];
                if (const std::uint64_t *bits = m_index.bitmap(ahead)) {
                    for (std::size_t line = 0; line < std::size_t{K} / 8; line += 64)
                        __builtin_prefetch(reinterpret_cast<const char *>(bits) + line);
                }
                const auto list = ranksOf(ahead);
                const std::size_t bytes = std::min<std::size_t>(list.size() * sizeof(Rank), 512);
                for (std::size_t line = 0; line < bytes; line += 64)
                    __builtin_prefetch(reinterpret_cast<const char *>(list.data()) + line);
            }
            const UserIndex v = m_chunkUsers[k];
            std::uint64_t mask = masks[v - first];
            masks[v - first] = 0;
            const std::uint64_t *bits = m_index.bitmap(v);
            const auto list = ranksOf(v);
            const Rank *listBegin = list.data();
            const Rank *listEnd = listBegin + list.size();
            for (; mask; mask &= mask - 1) {
                Target &target = m_targets[static_cast<std::size_t>(std::countr_zero(mask))];
                if (bits) {
                    if (target.vectors) {
                        target.group[target.grouped++] = bits;
                        if (target.grouped == kGroup)
                            addBitmaps(target);
                    }
                    // A bitmap user's list starts at rank K.
                    if (target.limit <= K)
                        continue;
                }
                std::uint32_t *counts = target.counts.data();
                const std::uint32_t limit = target.limit;
                for (const Rank *r = listBegin; r != listEnd && *r < limit; ++r)
                    ++counts[*r];
            }
        }
    }
    for (std::size_t t = 0; t < targets; ++t) {
        if (m_targets[t].grouped)
            addBitmaps(m_targets[t]);
    }
}

// Gold from the counts: qualifying movies minus the excluded ones, count desc then movie id
// asc, first G; or the reason the user is dropped.
void NeighbourConsensus::finish(Target &target)
{
    const GoldSetSpec &spec = m_context.spec;
    const std::vector<std::uint32_t> &movieIds = m_context.movieIds;
    UserOutcome &out = *target.out;
    const auto row = m_context.store.userEntries(target.user);
    const auto mark = [&](std::uint8_t value) {
        if (spec.exclude == GoldExclude::Rated) {
            for (Entry e : row)
                m_excluded[m_index.rankOf(entryIndex(e))] = value;
        } else {
            for (MovieIndex m : target.profile)
                m_excluded[m_index.rankOf(m)] = value;
        }
    };
    mark(1);
    bool reached = false;
    m_gold.clear();
    for (std::uint32_t r = 0; r < target.limit; ++r) {
        std::uint64_t count = target.counts[r];
        if (r < target.bitmapLimit)
            count += bitmapCount(target, r);
        if (count < target.need)
            continue;
        reached = true;
        if (!m_excluded[r])
            m_gold.push_back({movieIds[m_index.movieAt(r)], count});
    }
    mark(0);
    const auto keep = std::min<std::size_t>(m_gold.size(), static_cast<std::size_t>(spec.maxGold));
    std::partial_sort(m_gold.begin(), m_gold.begin() + static_cast<std::ptrdiff_t>(keep), m_gold.end(),
                      [](const GoldCandidate &a, const GoldCandidate &b) {
                          return a.count != b.count ? a.count > b.count : a.movie < b.movie;
                      });
    GoldSetUser &line = out.line;
    line.gold.reserve(keep);
    for (std::size_t i = 0; i < keep; ++i)
        line.gold.push_back(m_gold[i].movie);
    if (line.gold.size() < static_cast<std::size_t>(spec.minGold)) {
        out.dropped = line.gold.empty() ? (reached ? GoldDropReason::AllExcluded : GoldDropReason::NoMovieReachesWatchFactor)
                                        : GoldDropReason::TooFewGold;
    }
}

void NeighbourConsensus::run(std::span<const UserIndex> users, std::span<UserOutcome> out)
{
    std::size_t batch = 0;
    std::uint64_t sampled = 0;
    const auto flush = [&] {
        if (batch == 0)
            return;
        if (m_index.wideRanks())
            countBatch<std::uint32_t>(batch);
        else
            countBatch<std::uint16_t>(batch);
        for (std::size_t t = 0; t < batch; ++t)
            finish(m_targets[t]);
        batch = 0;
        sampled = 0;
    };
    for (std::size_t i = 0; i < users.size(); ++i) {
        Target &target = m_targets[batch];
        if (!prepare(users[i], out[i], target))
            continue;
        ++batch;
        sampled += target.neighbours.size();
        if (batch == kMaxBatch || sampled >= kMaxBatchNeighbours)
            flush();
    }
    flush();
}

UserOutcome NeighbourConsensus::run(UserIndex user)
{
    UserOutcome out;
    run(std::span<const UserIndex>(&user, 1), std::span<UserOutcome>(&out, 1));
    return out;
}

} // namespace cinetune
