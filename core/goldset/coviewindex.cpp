#include "core/goldset/coviewindex.h"

#include "core/common/parallel.h"

#include <QCoreApplication>

#include <algorithm>
#include <atomic>
#include <bit>
#include <cstring>
#include <numeric>

namespace cinetune {

namespace {

class CoViewIndexText
{
    Q_DECLARE_TR_FUNCTIONS(cinetune::CoViewIndex)
};

constexpr std::size_t kBlockUsers = 4096;

} // namespace

std::uint32_t CoViewIndex::ranksWithAtLeast(std::uint64_t n) const
{
    // m_popularity is descending: the first rank with fewer than n ratings.
    const auto it = std::partition_point(m_popularity.begin(), m_popularity.end(), [n](std::uint64_t p) { return p >= n; });
    return static_cast<std::uint32_t>(it - m_popularity.begin());
}

std::size_t CoViewIndex::memoryBytes() const
{
    return m_rankOf.size() * 4 + m_movieAt.size() * 4 + m_popularity.size() * 8 + m_listOffsets.size() * 8
        + m_bitmapSlot.size() * 4 + static_cast<std::size_t>(m_bitmapUsers) * bitmapWords() * 8
        + (m_wide ? m_ranks32.size() * 4 : m_ranks16.size() * 2);
}

std::uint32_t CoViewIndex::bitmapRanksFor(const RatingStore &store, std::uint32_t neighbours, int watchFactor)
{
    const std::uint64_t n = neighbours == 0 ? store.userCount() : std::min(neighbours, store.userCount());
    const std::uint64_t need = std::max<std::uint64_t>(1, (static_cast<std::uint64_t>(watchFactor) * n + 99) / 100);
    std::uint32_t movies = 0;
    for (MovieIndex m = 0; m < store.movieCount(); ++m)
        movies += store.movieRatingCount(m) >= need;
    return movies;
}

Result<std::shared_ptr<const CoViewIndex>> CoViewIndex::build(const RatingStore &store, std::uint32_t bitmapRanks, int threads,
                                                              Progress &progress)
{
    auto index = std::make_shared<CoViewIndex>();
    CoViewIndex &x = *index;
    const std::uint32_t movies = store.movieCount();
    const std::uint32_t users = store.userCount();
    const QString phase = CoViewIndexText::tr("Indexing co-ratings");
    progress.report(0, phase);

    // Ranks: popularity descending, ties by movie index.
    x.m_movieAt.resize(movies);
    std::iota(x.m_movieAt.begin(), x.m_movieAt.end(), 0u);
    std::stable_sort(x.m_movieAt.begin(), x.m_movieAt.end(),
                     [&](MovieIndex a, MovieIndex b) { return store.movieRatingCount(a) > store.movieRatingCount(b); });
    x.m_rankOf.resize(movies);
    x.m_popularity.resize(movies);
    for (std::uint32_t r = 0; r < movies; ++r) {
        x.m_rankOf[x.m_movieAt[r]] = r;
        x.m_popularity[r] = store.movieRatingCount(x.m_movieAt[r]);
    }
    x.m_bitmapRanks = std::min({kMaxBitmapRanks, (movies + 127) / 128 * 128, (std::max(bitmapRanks, 1u) + 127) / 128 * 128});
    x.m_wide = movies > 65536;
    const std::uint32_t K = x.m_bitmapRanks;
    const std::size_t rankBytes = x.m_wide ? 4 : 2;
    const std::size_t bitmapBytes = K / 8;

    // Pass 1: list lengths and which users get a bitmap.
    std::vector<std::uint32_t> listLength(users);
    std::vector<std::uint8_t> hasBitmap(users);
    const std::size_t blocks = (users + kBlockUsers - 1) / kBlockUsers;
    std::atomic<bool> canceled{false};
    std::atomic<std::size_t> done{0};
    const auto rankOf = x.m_rankOf.data();
    parallelFor(threads, blocks, [&](std::size_t b, int) {
        if (canceled.load(std::memory_order_relaxed) || progress.canceled()) {
            canceled = true;
            return;
        }
        const auto end = static_cast<UserIndex>(std::min<std::size_t>(users, (b + 1) * kBlockUsers));
        for (auto u = static_cast<UserIndex>(b * kBlockUsers); u < end; ++u) {
            std::uint32_t popular = 0;
            const auto row = store.userEntries(u);
            for (Entry e : row)
                popular += rankOf[entryIndex(e)] < K;
            // A bitmap as soon as it is at most twice the list: reading it is cheaper anyway.
            const bool bitmap = popular * rankBytes * 2 > bitmapBytes;
            hasBitmap[u] = bitmap;
            listLength[u] = static_cast<std::uint32_t>(row.size() - (bitmap ? popular : 0));
        }
        progress.report(0.3 * static_cast<double>(++done) / static_cast<double>(blocks), phase);
    });
    if (canceled)
        return makeError(errc::General::Cancelled, CoViewIndexText::tr("Canceled"));

    x.m_listOffsets.resize(std::size_t{users} + 1);
    x.m_bitmapSlot.assign(users, -1);
    std::uint64_t offset = 0;
    std::int32_t slots = 0;
    for (UserIndex u = 0; u < users; ++u) {
        x.m_listOffsets[u] = offset;
        offset += listLength[u];
        if (hasBitmap[u])
            x.m_bitmapSlot[u] = slots++;
    }
    x.m_listOffsets[users] = offset;
    x.m_bitmapUsers = static_cast<std::uint32_t>(slots);
    std::vector<std::uint32_t>().swap(listLength);
    std::vector<std::uint8_t>().swap(hasBitmap);
    if (x.m_wide)
        x.m_ranks32.allocate(std::max<std::uint64_t>(offset, 1));
    else
        x.m_ranks16.allocate(std::max<std::uint64_t>(offset, 1));
    x.m_ranks32.setSize(x.m_wide ? offset : 0);
    x.m_ranks16.setSize(x.m_wide ? 0 : offset);
    const std::size_t words = x.bitmapWords();
    x.m_bitmaps.allocate(std::max<std::size_t>(static_cast<std::size_t>(slots) * words, 1));
    x.m_bitmaps.setSize(static_cast<std::size_t>(slots) * words);

    // Pass 2: fill bitmaps and sorted rank lists. Each user's ranks are marked in a bitmap over all
    // ranks (a few KB, in L1) and read back in order: sorted without sorting.
    done = 0;
    const std::size_t allWords = (std::size_t{movies} + 63) / 64;
    parallelFor(threads, blocks, [&](std::size_t b, int) {
        if (canceled.load(std::memory_order_relaxed) || progress.canceled()) {
            canceled = true;
            return;
        }
        std::vector<std::uint64_t> marks(allWords + 1, 0);
        const auto end = static_cast<UserIndex>(std::min<std::size_t>(users, (b + 1) * kBlockUsers));
        for (auto u = static_cast<UserIndex>(b * kBlockUsers); u < end; ++u) {
            for (Entry e : store.userEntries(u)) {
                const std::uint32_t r = rankOf[entryIndex(e)];
                marks[r / 64] |= std::uint64_t{1} << (r % 64);
            }
            std::size_t first = 0;
            if (const std::int32_t slot = x.m_bitmapSlot[u]; slot >= 0) {
                std::copy_n(marks.begin(), words, x.m_bitmaps.data() + static_cast<std::size_t>(slot) * words);
                std::fill_n(marks.begin(), words, 0);
                first = words;
            }
            std::uint64_t at = x.m_listOffsets[u];
            for (std::size_t w = first; w < allWords; ++w) {
                std::uint64_t bits = marks[w];
                if (!bits)
                    continue;
                marks[w] = 0;
                const auto base = static_cast<std::uint32_t>(w * 64);
                do {
                    const std::uint32_t r = base + static_cast<std::uint32_t>(std::countr_zero(bits));
                    if (x.m_wide)
                        x.m_ranks32[at++] = r;
                    else
                        x.m_ranks16[at++] = static_cast<std::uint16_t>(r);
                    bits &= bits - 1;
                } while (bits);
            }
        }
        progress.report(0.3 + 0.7 * static_cast<double>(++done) / static_cast<double>(blocks), phase);
    });
    if (canceled)
        return makeError(errc::General::Cancelled, CoViewIndexText::tr("Canceled"));
    return std::shared_ptr<const CoViewIndex>(std::move(index));
}

} // namespace cinetune
