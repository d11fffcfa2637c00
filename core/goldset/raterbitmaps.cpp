#include "core/goldset/raterbitmaps.h"

#include "core/common/parallel.h"

#include <QCoreApplication>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <numeric>

namespace cinetune {

namespace {

class RaterBitmapsText
{
    Q_DECLARE_TR_FUNCTIONS(cinetune::RaterBitmaps)
};

} // namespace

Result<std::shared_ptr<const RaterBitmaps>> RaterBitmaps::build(const RatingStore &store, int thresholdUnits,
                                                                std::size_t budgetBytes, int threads, Progress &progress)
{
    auto result = std::make_shared<RaterBitmaps>();
    RaterBitmaps &x = *result;
    const std::uint32_t movies = store.movieCount();
    const std::uint32_t users = store.userCount();
    x.m_threshold = thresholdUnits;
    x.m_words = (std::size_t{users} + 127) / 128 * 2;
    x.m_slot.assign(movies, -1);
    const QString phase = RaterBitmapsText::tr("Indexing top ratings");
    progress.report(0, phase);

    // The most-rated movies first, as long as a bitmap is at most half the column scan it saves.
    std::vector<MovieIndex> order(movies);
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(),
                     [&](MovieIndex a, MovieIndex b) { return store.movieRatingCount(a) > store.movieRatingCount(b); });
    const std::size_t bytes = x.m_words * 8;
    const std::size_t maxBitmaps = bytes ? budgetBytes / bytes : 0;
    std::vector<MovieIndex> chosen;
    for (MovieIndex m : order) {
        if (chosen.size() >= maxBitmaps || store.movieRatingCount(m) * 16 < users)
            break;
        chosen.push_back(m);
    }
    std::sort(chosen.begin(), chosen.end());
    x.m_count = static_cast<std::uint32_t>(chosen.size());
    x.m_bits.allocate(std::max<std::size_t>(chosen.size() * x.m_words, 1));
    x.m_bits.setSize(chosen.size() * x.m_words);
    for (std::size_t i = 0; i < chosen.size(); ++i)
        x.m_slot[chosen[i]] = static_cast<std::int32_t>(i);

    std::atomic<bool> canceled{false};
    std::atomic<std::size_t> done{0};
    const auto threshold = static_cast<RatingUnits>(thresholdUnits);
    parallelFor(threads, chosen.size(), [&](std::size_t i, int) {
        if (canceled.load(std::memory_order_relaxed) || progress.canceled()) {
            canceled = true;
            return;
        }
        std::uint64_t *bits = x.m_bits.data() + i * x.m_words;
        std::memset(bits, 0, bytes);
        for (Entry e : store.movieEntries(chosen[i])) {
            const std::uint32_t u = entryIndex(e);
            bits[u / 64] |= static_cast<std::uint64_t>(entryRating(e) >= threshold) << (u % 64);
        }
        const std::size_t d = ++done;
        if (d % 64 == 0)
            progress.report(static_cast<double>(d) / static_cast<double>(chosen.size()), phase);
    });
    if (canceled)
        return makeError(errc::General::Cancelled, RaterBitmapsText::tr("Canceled"));
    progress.report(1, phase);
    return std::shared_ptr<const RaterBitmaps>(std::move(result));
}

} // namespace cinetune
