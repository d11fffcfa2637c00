// Baselines benchmark: the ItemKNN neighbour-table build (and its cache write/read) next to a
// same-run reference (one pass over all ratings summing them), then the latency of 10-movie
// queries for every baseline (median and 95th percentile over --queries queries; consensus over
// the first --consensus-queries of them whose user its rule accepts, next to the former
// per-query path: a whole gold-set build for the one user). Prints figures; never fails on time.
//
//   bench_baselines PATH [--threads N] [--max-raters S] [--neighbours K] [--queries N]
//                        [--consensus-queries N] [--cache-dir DIR]
//
// Run on the synthetic data set from `cinetune dataset synth --out DIR` (100 M ratings): issue 6
// asks for < 50 ms per query on the full Netflix catalogue.
#include "core/common/appinfo.h"
#include "core/common/parallel.h"
#include "core/dataset/datasetloader.h"
#include "core/eval/baselines.h"
#include "core/eval/itemknncache.h"
#include "core/goldset/coviewindex.h"
#include "core/goldset/goldsetbuilder.h"
#include "core/goldset/goldsetrandom.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

#include <sys/resource.h>

using namespace cinetune;

namespace {

double seconds(const QElapsedTimer &t)
{
    return static_cast<double>(t.nsecsElapsed()) / 1e9;
}

QString arg(const QStringList &args, const QString &name, const QString &fallback)
{
    const qsizetype i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args[i + 1] : fallback;
}

struct Latency
{
    double median = 0;
    double p95 = 0;
    double max = 0;
};

double cpuSeconds()
{
    struct rusage ru
    {};
    getrusage(RUSAGE_SELF, &ru);
    return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec)
        + static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

Latency measure(const Recommender &r, const std::vector<BaselineQuery> &queries)
{
    std::vector<double> ms;
    for (const BaselineQuery &q : queries) {
        QElapsedTimer t;
        t.start();
        const auto out = r.recommend(q);
        ms.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
        if (out.empty() && r.kind() != BaselineKind::NeighbourConsensus)
            std::printf("  warning: empty recommendation\n");
    }
    std::sort(ms.begin(), ms.end());
    if (ms.empty())
        return {};
    return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 95 / 100)], ms.back()};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // figures appear as they are measured, also in a log file
    setApplicationIdentity();
    const QStringList args = app.arguments().mid(1);
    if (args.isEmpty() || args.first().startsWith(QLatin1String("--"))) {
        std::fprintf(stderr,
                     "usage: bench_baselines PATH [--threads N] [--max-raters S] [--neighbours K] [--queries N] "
                     "[--consensus-queries N] [--cache-dir DIR]\n");
        return 1;
    }
    const int threads = resolveThreads(arg(args, QStringLiteral("--threads"), QStringLiteral("0")).toInt());
    ItemKnnParams params;
    params.maxRaters = arg(args, QStringLiteral("--max-raters"), QString::number(params.maxRaters)).toUInt();
    params.neighbours = arg(args, QStringLiteral("--neighbours"), QString::number(params.neighbours)).toUInt();
    const int queryCount = arg(args, QStringLiteral("--queries"), QStringLiteral("100")).toInt();
    const int consensusQueries = arg(args, QStringLiteral("--consensus-queries"), QStringLiteral("30")).toInt();
    QTemporaryDir tmp;
    const QString knnDir = arg(args, QStringLiteral("--cache-dir"), tmp.path());

    NullProgress progress;
    QElapsedTimer t;
    t.start();
    auto loaded = loadDataset(args.first(), LoadOptions{}, progress);
    if (!loaded) {
        std::fprintf(stderr, "%s\n", qPrintable(loaded.error().message));
        return 2;
    }
    const Dataset &ds = *loaded.value();
    const RatingStore &store = ds.store;
    std::printf("dataset: %u users, %u movies, %llu ratings (loaded in %.2f s%s); %d threads\n", store.userCount(),
                store.movieCount(), static_cast<unsigned long long>(store.ratingCount()), seconds(t),
                ds.fromCache ? ", from cache" : "", threads);

    // Reference: one pass over all ratings (by user) summing them, same threads.
    t.restart();
    std::vector<std::uint64_t> sums(static_cast<std::size_t>(threads), 0);
    const std::size_t blocks = 256;
    parallelFor(threads, blocks, [&](std::size_t b, int w) {
        std::uint64_t s = 0;
        for (auto u = static_cast<UserIndex>(store.userCount() * b / blocks); u < store.userCount() * (b + 1) / blocks; ++u) {
            for (Entry e : store.userEntries(u))
                s += entryRating(e);
        }
        sums[static_cast<std::size_t>(w)] += s;
    });
    std::uint64_t total = 0;
    for (auto s : sums)
        total += s;
    const double passSeconds = seconds(t);
    std::printf("reference: one pass summing all ratings: %.3f s (sum %llu)\n", passSeconds,
                static_cast<unsigned long long>(total));

    // Reference for the query latencies: summing the most-rated movie's whole rater column.
    MovieIndex top = 0;
    for (MovieIndex m = 0; m < store.movieCount(); ++m)
        top = store.movieRatingCount(m) > store.movieRatingCount(top) ? m : top;
    t.restart();
    std::uint64_t columnSum = 0;
    for (int i = 0; i < 10; ++i) {
        for (Entry e : store.movieEntries(top))
            columnSum += entryRating(e);
    }
    std::printf("reference: summing the most-rated movie's %llu ratings: %.3f ms (sum %llu)\n",
                static_cast<unsigned long long>(store.movieRatingCount(top)), static_cast<double>(t.nsecsElapsed()) / 1e6 / 10,
                static_cast<unsigned long long>(columnSum / 10));

    // The work of the build: Σ over users of (ratings)² exactly, and with at most S raters per movie.
    // (expected values for a sample: S / n of the rows' total).
    const std::vector<std::uint32_t> caps = {0, 500, 1000, 2000, 5000, params.maxRaters};
    std::vector<double> work(caps.size(), 0);
    for (MovieIndex m = 0; m < store.movieCount(); ++m) {
        const auto n = store.movieRatingCount(m);
        double rows = 0;
        for (Entry e : store.movieEntries(m))
            rows += static_cast<double>(store.userRatingCount(entryIndex(e)));
        for (std::size_t c = 0; c < caps.size(); ++c)
            work[c] += caps[c] && n > caps[c] ? rows * caps[c] / static_cast<double>(n) : rows;
    }
    std::printf("itemknn work (accumulator adds):");
    for (std::size_t c = 0; c + 1 < caps.size(); ++c)
        std::printf(" S=%u: %.3g%s", caps[c], work[c], c + 2 < caps.size() ? "," : "\n");

    t.restart();
    const double cpuBefore = cpuSeconds();
    auto built = ItemKnnTable::build(store, params, threads, progress);
    const double buildCpu = cpuSeconds() - cpuBefore;
    if (!built) {
        std::fprintf(stderr, "%s\n", qPrintable(built.error().message));
        return 2;
    }
    const double buildSeconds = seconds(t);
    std::printf(
        "itemknn build (k = %u, S = %u, %s): %.2f s wall (%.2f s CPU) = %.1f × the reference pass; %zu neighbours, %.1f MB\n",
        params.neighbours, params.maxRaters, qPrintable(itemKnnWeightingId(params.weighting)), buildSeconds, buildCpu,
        buildSeconds / passSeconds, built.value()->entries().size(),
        static_cast<double>(built.value()->entries().size() * sizeof(ItemNeighbour)) / 1e6);
    const QString cachePath = itemKnnCachePath(knnDir, ds.fingerprint, params);
    t.restart();
    const Status written = writeItemKnnCache(*built.value(), store, ds.fingerprint, cachePath);
    const double writeSeconds = seconds(t);
    t.restart();
    auto reread = readItemKnnCache(cachePath, store, ds.fingerprint, params);
    std::printf("itemknn cache: write %.3f s (%s), read %.3f s (%s, %lld bytes)\n", writeSeconds, written ? "ok" : "failed",
                seconds(t), reread ? "ok" : "miss", static_cast<long long>(QFileInfo(cachePath).size()));

    // Queries: 10 random rated movies of a random user with at least 20 ratings, user known.
    SplitMix64 rng(20240601);
    std::vector<BaselineQuery> queries;
    while (static_cast<int>(queries.size()) < queryCount) {
        const UserIndex u = rng.below(store.userCount());
        const auto row = store.userEntries(u);
        if (row.size() < 20)
            continue;
        std::vector<Entry> pick(row.begin(), row.end());
        partialShuffle(std::span<Entry>(pick), 10, rng);
        BaselineQuery q;
        q.user = u;
        for (int i = 0; i < 10; ++i)
            q.profile.push_back(entryIndex(pick[static_cast<std::size_t>(i)]));
        queries.push_back(q);
    }
    BaselineOptions options;
    options.threads = threads;
    options.itemKnn = params;
    options.cache.cacheDir = knnDir;
    for (BaselineKind kind :
         {BaselineKind::Random, BaselineKind::MostPopular, BaselineKind::ItemKnn, BaselineKind::NeighbourConsensus}) {
        t.restart();
        auto r = makeRecommender(ds, kind, options, progress);
        if (!r) {
            std::fprintf(stderr, "%s: %s\n", qPrintable(baselineId(kind)), qPrintable(r.error().message));
            return 2;
        }
        const double setup = seconds(t);
        const bool consensus = kind == BaselineKind::NeighbourConsensus;
        std::vector<BaselineQuery> qs(queries.begin(), queries.begin() + queryCount);
        if (consensus) {
            // Only users the gold rule accepts (>= E five-star ratings): the others return at once.
            std::erase_if(qs, [&](const BaselineQuery &q) {
                int tops = 0;
                for (Entry e : store.userEntries(*q.user))
                    tops += entryRating(e) == 10;
                return tops < options.consensus.eligibility;
            });
            qs.resize(std::min<std::size_t>(qs.size(), static_cast<std::size_t>(std::max(consensusQueries, 0))));
        }
        const Latency l = measure(*r.value(), qs);
        std::printf("%-9s setup %.3f s; %zu queries of 10 movies: median %.3f ms, p95 %.3f ms, max %.3f ms\n",
                    qPrintable(baselineId(kind)), setup, qs.size(), l.median, l.p95, l.max);
        if (consensus) {
            // Same run, the way a query worked before: one gold-set build for the single user
            // (eligibility over all users, rater bitmaps, fresh scratch), the co-rating index reused.
            GoldSetSpec spec = options.consensus;
            spec.minGold = 0;
            spec.seed = options.seed;
            GoldSetBuildOptions build;
            build.threads = threads;
            std::vector<double> ms;
            int same = 0, nonEmpty = 0;
            for (const BaselineQuery &q : qs) {
                spec.userIds = {store.userSourceId(*q.user)};
                spec.maxGold = q.count;
                std::shared_ptr<const CoViewIndex> index;
                QElapsedTimer one;
                one.start();
                auto set = buildGoldSet(ds, spec, build, progress, index);
                ms.push_back(static_cast<double>(one.nsecsElapsed()) / 1e6);
                build.index = index;
                std::vector<std::uint32_t> gold;
                if (set && !set->users.empty()) {
                    for (std::uint32_t id : set->users.front().gold) {
                        const auto m = ds.catalogue.find(id);
                        if (m && std::find(q.profile.begin(), q.profile.end(), *m) == q.profile.end())
                            gold.push_back(*m);
                    }
                }
                same += gold == r.value()->recommend(q);
                nonEmpty += !gold.empty();
            }
            if (ms.size() > 1)
                ms.erase(ms.begin()); // the first call also built the co-rating index
            std::sort(ms.begin(), ms.end());
            std::printf("%-9s the former per-query path (one gold-set build per query): median %.3f ms, max %.3f ms; "
                        "same lists as the recommender for %d of %zu queries (%d of them not empty)\n",
                        "consensus", ms.empty() ? 0.0 : ms[ms.size() / 2], ms.empty() ? 0.0 : ms.back(), same, qs.size(),
                        nonEmpty);
        }
        if (kind == BaselineKind::ItemKnn) {
            for (BaselineQuery &q : qs)
                q.user.reset();
            const Latency a = measure(*r.value(), qs);
            std::printf("%-9s without a user (playground profile): median %.3f ms, p95 %.3f ms\n", "itemknn", a.median, a.p95);
        }
    }
    return 0;
}
