#include "core/eval/itemknn.h"

#include "core/common/parallel.h"
#include "core/common/tr.h"
#include "core/goldset/goldsetrandom.h"

#include <QCoreApplication>

#include <algorithm>
#include <atomic>
#include <bit>
#include <cmath>
#include <new>
#include <numeric>

namespace cinetune {

namespace {

// The random-stream purpose of the rater samples (the gold-set builders use 1..3).
constexpr auto kSampleRaters = static_cast<SplitMix64::Purpose>(16);

struct Scratch
{
    std::vector<std::uint32_t> acc;   // by movie: co-rating sum with the current movie
    std::vector<std::uint64_t> marks; // sampled rater positions
    std::vector<ItemNeighbour> candidates;
};

} // namespace

QString itemKnnWeightingId(ItemKnnWeighting w)
{
    return w == ItemKnnWeighting::Rating ? QStringLiteral("rating") : QStringLiteral("binary");
}

std::optional<ItemKnnWeighting> itemKnnWeightingFromId(const QString &id)
{
    if (id == QLatin1String("binary"))
        return ItemKnnWeighting::Binary;
    if (id == QLatin1String("rating"))
        return ItemKnnWeighting::Rating;
    return std::nullopt;
}

float ItemKnnTable::similarity(MovieIndex m, MovieIndex other) const
{
    for (const ItemNeighbour &n : neighbours(m)) {
        if (n.movie == other)
            return n.similarity;
    }
    return 0;
}

std::shared_ptr<const ItemKnnTable> ItemKnnTable::fromParts(const ItemKnnParams &params, std::vector<std::uint32_t> offsets,
                                                            std::vector<ItemNeighbour> entries)
{
    if (offsets.empty() || offsets.front() != 0 || offsets.back() != entries.size())
        return nullptr;
    const auto movies = static_cast<std::uint32_t>(offsets.size() - 1);
    for (std::size_t m = 0; m < movies; ++m) {
        if (offsets[m + 1] < offsets[m] || offsets[m + 1] - offsets[m] > params.neighbours)
            return nullptr;
    }
    for (const ItemNeighbour &n : entries) {
        if (n.movie >= movies || !(n.similarity > 0) || !std::isfinite(n.similarity))
            return nullptr;
    }
    std::shared_ptr<ItemKnnTable> t(new ItemKnnTable);
    t->m_params = params;
    t->m_offsets = std::move(offsets);
    t->m_entries = std::move(entries);
    return t;
}

Result<std::shared_ptr<const ItemKnnTable>> ItemKnnTable::build(const RatingStore &store, const ItemKnnParams &params,
                                                                int threads, Progress &progress)
{
    try {
        threads = resolveThreads(threads);
        const std::uint32_t movies = store.movieCount();
        const bool weighted = params.weighting == ItemKnnWeighting::Rating;
        if (params.neighbours == 0 || std::uint64_t{movies} * params.neighbours > 0xFFFFFFFFull)
            return makeError(errc::General::InvalidArgument,
                             tr("the number of neighbours per movie must be from 1 to %1, found %2")
                                 .arg(0xFFFFFFFFull / std::max<std::uint64_t>(movies, 1))
                                 .arg(params.neighbours));

        // Norms: |raters| (binary) or Σ r² in half-star units² (rating); exact even when sampling.
        std::vector<double> norm(movies);
        parallelFor(threads, movies, [&](std::size_t m, int) {
            if (!weighted) {
                norm[m] = static_cast<double>(store.movieRatingCount(static_cast<MovieIndex>(m)));
                return;
            }
            std::uint64_t s = 0;
            for (Entry e : store.movieEntries(static_cast<MovieIndex>(m)))
                s += std::uint64_t{entryRating(e)} * entryRating(e);
            norm[m] = static_cast<double>(s);
        });

        // Most-rated movies first: the expensive rows start early, so the workers finish together.
        std::vector<MovieIndex> order(movies);
        std::iota(order.begin(), order.end(), 0u);
        std::stable_sort(order.begin(), order.end(),
                         [&](MovieIndex a, MovieIndex b) { return store.movieRatingCount(a) > store.movieRatingCount(b); });

        // Neighbour order: similarity desc, then rating count desc, then movie index asc.
        const auto better = [&](const ItemNeighbour &a, const ItemNeighbour &b) {
            if (a.similarity != b.similarity)
                return a.similarity > b.similarity;
            const auto pa = store.movieRatingCount(a.movie), pb = store.movieRatingCount(b.movie);
            if (pa != pb)
                return pa > pb;
            return a.movie < b.movie;
        };

        std::vector<std::vector<ItemNeighbour>> rows(movies);
        std::vector<Scratch> scratch(static_cast<std::size_t>(threads));
        std::atomic<bool> canceled{false};
        std::atomic<std::size_t> done{0};
        const QString phase = tr("Building item neighbours");
        progress.report(0, phase);
        parallelFor(threads, movies, [&](std::size_t task, int worker) {
            if (canceled.load(std::memory_order_relaxed) || progress.canceled()) {
                canceled = true;
                return;
            }
            const MovieIndex item = order[task];
            Scratch &s = scratch[static_cast<std::size_t>(worker)];
            if (s.acc.size() != movies)
                s.acc.assign(movies, 0);
            const auto raters = store.movieEntries(item);
            const auto n = static_cast<std::uint32_t>(raters.size());
            if (n == 0)
                return;
            auto addRater = [&](Entry rater) {
                const UserIndex u = entryIndex(rater);
                if (weighted) {
                    const std::uint32_t r = entryRating(rater);
                    for (Entry e : store.userEntries(u))
                        s.acc[entryIndex(e)] += r * entryRating(e);
                } else {
                    for (Entry e : store.userEntries(u))
                        ++s.acc[entryIndex(e)];
                }
            };
            std::uint32_t used = n;
            if (params.maxRaters > 0 && n > params.maxRaters) {
                used = params.maxRaters;
                s.marks.assign((n + 63) / 64, 0);
                SplitMix64 rng = SplitMix64::stream(params.seed, kSampleRaters, item);
                floydSample(n, used, rng, s.marks);
                for (std::size_t w = 0; w < s.marks.size(); ++w) {
                    for (std::uint64_t b = s.marks[w]; b; b &= b - 1)
                        addRater(raters[w * 64 + static_cast<std::size_t>(std::countr_zero(b))]);
                }
            } else {
                for (Entry r : raters)
                    addRater(r);
            }
            // Sampled co-ratings are scaled up to estimate the full sum.
            const double scale = static_cast<double>(n) / static_cast<double>(used);
            s.candidates.clear();
            for (MovieIndex j = 0; j < movies; ++j) {
                const std::uint32_t a = s.acc[j];
                if (a == 0)
                    continue;
                s.acc[j] = 0;
                if (j == item || norm[j] <= 0)
                    continue;
                const double sim = a * scale / std::sqrt(norm[item] * norm[j]);
                const auto f = static_cast<float>(std::min(sim, 1.0));
                if (f > 0)
                    s.candidates.push_back({j, f});
            }
            const std::size_t keep = std::min<std::size_t>(params.neighbours, s.candidates.size());
            std::partial_sort(s.candidates.begin(), s.candidates.begin() + static_cast<std::ptrdiff_t>(keep), s.candidates.end(),
                              better);
            rows[item].assign(s.candidates.begin(), s.candidates.begin() + static_cast<std::ptrdiff_t>(keep));
            const std::size_t d = ++done;
            if (d % 256 == 0)
                progress.report(static_cast<double>(d) / movies, phase);
        });
        if (canceled || progress.canceled())
            return makeError(errc::General::Cancelled, tr("Canceled"));

        std::vector<std::uint32_t> offsets(movies + 1, 0);
        for (MovieIndex m = 0; m < movies; ++m)
            offsets[m + 1] = offsets[m] + static_cast<std::uint32_t>(rows[m].size());
        std::vector<ItemNeighbour> entries;
        entries.reserve(offsets.back());
        for (auto &row : rows) {
            entries.insert(entries.end(), row.begin(), row.end());
            std::vector<ItemNeighbour>().swap(row);
        }
        std::shared_ptr<ItemKnnTable> t(new ItemKnnTable);
        t->m_params = params;
        t->m_offsets = std::move(offsets);
        t->m_entries = std::move(entries);
        progress.report(1, phase);
        return std::shared_ptr<const ItemKnnTable>(std::move(t));
    } catch (const std::bad_alloc &) {
        return makeError(errc::General::OutOfMemory, tr("Not enough memory to build the item neighbours"));
    }
}

} // namespace cinetune
