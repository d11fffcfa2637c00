#include "core/dataset/storebuilder.h"

#include "core/common/parallel.h"
#include "core/common/tr.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>

#include <algorithm>
#include <atomic>
#include <bit>
#include <cstring>
#include <numeric>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace cinetune {

namespace {

Error canceled()
{
    return makeError(errc::General::Cancelled, tr("Loading was cancelled."));
}

template<typename T>
Column<T> toColumn(BigArray<T> &&array)
{
    auto holder = std::make_shared<BigArray<T>>(std::move(array));
    const T *data = holder->data();
    const std::size_t n = holder->size();
    return Column<T>::view(std::move(holder), data, n);
}

// Splits movies [0, M) into `parts` contiguous ranges holding about equal numbers of ratings.
std::vector<std::uint32_t> balancedMovieRanges(const BigArray<std::uint64_t> &offsets, std::uint32_t movies, int parts)
{
    std::vector<std::uint32_t> bounds{0};
    const std::uint64_t total = offsets[movies];
    for (int p = 1; p < parts; ++p) {
        const std::uint64_t target = total * static_cast<std::uint64_t>(p) / static_cast<std::uint64_t>(parts);
        const auto *begin = offsets.data();
        const auto *it = std::lower_bound(begin, begin + movies + 1, target);
        bounds.push_back(std::max(bounds.back(), static_cast<std::uint32_t>(std::min<std::ptrdiff_t>(it - begin, movies))));
    }
    bounds.push_back(movies);
    return bounds;
}

// Entries (dense user << 4 | rating) of n parsed ratings. The build targets baseline x86-64,
// where the rank's popcount is a library call; the copy below is compiled for the popcnt
// instruction too and chosen at run time.
inline void rankEntries(const IdBitmap &users, const std::uint32_t *src, const RatingUnits *rat, Entry *dst, std::uint64_t n)
{
    for (std::uint64_t i = 0; i < n; ++i)
        dst[i] = makeEntry(users.rank(src[i]), rat[i]);
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
__attribute__((target("popcnt"))) void rankEntriesPopcnt(const IdBitmap &users, const std::uint32_t *src, const RatingUnits *rat,
                                                         Entry *dst, std::uint64_t n)
{
    for (std::uint64_t i = 0; i < n; ++i)
        dst[i] = makeEntry(users.rank(src[i]), rat[i]);
}
#else
void rankEntriesPopcnt(const IdBitmap &users, const std::uint32_t *src, const RatingUnits *rat, Entry *dst, std::uint64_t n)
{
    rankEntries(users, src, rat, dst, n);
}
#endif

// Writes positions [from, to) of dst, which lie in one 64-byte line starting at `from` when it is
// whole, from `line` (indexed by position modulo perLine); positions before `first` belong to
// someone else and are left alone. dst must be 64-byte aligned.
template<typename T>
inline void flushLine(T *dst, const T *line, std::uint64_t from, std::uint64_t to, std::uint64_t first, std::uint64_t perLine)
{
    if (from >= first && to - from == perLine) {
#if defined(__SSE2__)
        auto *out = reinterpret_cast<__m128i *>(dst + from);
        const auto *in = reinterpret_cast<const __m128i *>(line);
        _mm_stream_si128(out, _mm_loadu_si128(in));
        _mm_stream_si128(out + 1, _mm_loadu_si128(in + 1));
        _mm_stream_si128(out + 2, _mm_loadu_si128(in + 2));
        _mm_stream_si128(out + 3, _mm_loadu_si128(in + 3));
#else
        std::memcpy(dst + from, line, 64);
#endif
        return;
    }
    for (std::uint64_t p = std::max(from, first); p < to; ++p)
        dst[p] = line[p % perLine];
}

// Orders the streaming stores before whatever the thread does next (they are weakly ordered).
inline void streamFence()
{
#if defined(__SSE2__)
    _mm_sfence();
#endif
}

// By-user order in two cache-friendly passes (a one-digit radix partition) instead of one
// scatter whose writes land all over 600 MB: (1) each movie range appends its entries to the
// bucket of their block of 2^L consecutive users, the bucket lying exactly where those users'
// rows go (a cache line per bucket is buffered and written whole); (2) each block is copied out and placed row by row
// inside its own region, which fits in L2. Rows come out sorted by movie because buckets are
// filled range by range in movie order. Duplicate (user, movie) pairs are adjacent in a row
// and only detected here; returns false if there are any (the caller then takes the general
// path, which resolves them first). userOffsets, uEntries and uDays must hold U + 1, N and N.
bool buildUserIndexByBlocks(const BigArray<Entry> &mEntries, const BigArray<Day> &mDays,
                            const BigArray<std::uint64_t> &movieOffsets, const std::vector<std::uint32_t> &bounds,
                            std::uint32_t U, std::uint32_t M, int threads, BigArray<std::uint64_t> &userOffsets,
                            BigArray<Entry> &uEntries, BigArray<Day> &uDays, std::atomic<bool> &stop, Progress &progress)
{
    const std::uint64_t N = movieOffsets[M];
    const std::size_t R = bounds.size() - 1;
    // A bucketed entry keeps its user's offset within the block above the final entry's bits.
    const unsigned movieBits = M <= 1 ? 0u : static_cast<unsigned>(std::bit_width(M - 1));
    const unsigned entryBits = 4 + movieBits;
    const std::uint32_t entryMask = entryBits >= 32 ? 0xFFFFFFFFu : (1u << entryBits) - 1;
    // Blocks of at most ~512 KB of rows (plus as much scratch) keep the placing pass within L2
    // (measured on the synthetic set: 256-user blocks beat 512 and 1024 in CPU time).
    const double rowBytes = U ? 6.0 * static_cast<double>(N) / U : 1.0;
    const double wantUsers = std::max(1.0, 512.0 * 1024.0 / std::max(rowBytes, 1.0));
    unsigned L = static_cast<unsigned>(std::bit_width(static_cast<std::uint64_t>(wantUsers))) - 1;
    L = std::min({L, 32u - entryBits, 16u});
    const std::uint32_t blockUsers = 1u << L;
    const std::size_t K = (std::size_t{U} + blockUsers - 1) >> L;
    const unsigned blockShift = 4 + L; // entry -> block

    // Entries per (range, block), then where each range writes into each bucket.
    std::vector<std::vector<std::uint64_t>> pos(R, std::vector<std::uint64_t>(K, 0));
    parallelFor(threads, R, [&](std::size_t r, int) {
        std::uint64_t *c = pos[r].data();
        const Entry *e = mEntries.data();
        const std::uint64_t end = movieOffsets[bounds[r + 1]];
        for (std::uint64_t i = movieOffsets[bounds[r]]; i < end; ++i)
            ++c[e[i] >> blockShift];
    });
    std::vector<std::uint64_t> blockStart(K + 1);
    std::uint64_t maxRegion = 0;
    {
        std::uint64_t total = 0;
        for (std::size_t k = 0; k < K; ++k) {
            blockStart[k] = total;
            for (std::size_t r = 0; r < R; ++r) {
                const std::uint64_t c = pos[r][k];
                pos[r][k] = total;
                total += c;
            }
            maxRegion = std::max(maxRegion, total - blockStart[k]);
        }
        blockStart[K] = total;
    }
    if (progress.canceled())
        return stop = true, true;

    // 1. Partition into buckets. Each bucket collects a cache line of entries (and of days) before
    //    writing it out whole with streaming stores: with thousands of buckets, plain stores
    //    stalled on reading every destination line first. Lines shared with a neighbouring
    //    range or bucket are written with plain stores, and only the range's own part.
    parallelFor(threads, R, [&](std::size_t r, int) {
        constexpr std::uint64_t kLineEntries = 64 / sizeof(Entry);
        constexpr std::uint64_t kLineDays = 64 / sizeof(Day);
        std::uint64_t *cursor = pos[r].data();
        const std::vector<std::uint64_t> start(cursor, cursor + K);
        std::vector<Entry> lineEntries(K * kLineEntries);
        std::vector<Day> lineDays(K * kLineDays);
        const Entry *me = mEntries.data();
        const Day *md = mDays.data();
        Entry *ue = uEntries.data();
        Day *ud = uDays.data();
        const std::uint32_t localMask = blockUsers - 1;
        for (std::uint32_t m = bounds[r]; m < bounds[r + 1]; ++m) {
            const std::uint64_t end = movieOffsets[m + 1];
            const Entry movieBase = makeEntry(m, 0);
            for (std::uint64_t i = movieOffsets[m]; i < end; ++i) {
                const Entry e = me[i];
                const std::uint32_t u = entryIndex(e);
                const std::size_t k = u >> L;
                const std::uint64_t d = cursor[k]++;
                Entry *le = lineEntries.data() + k * kLineEntries;
                le[d % kLineEntries] = static_cast<Entry>((std::uint64_t{u & localMask} << entryBits) | movieBase
                                                          | entryRating(e));
                if (d % kLineEntries == kLineEntries - 1)
                    flushLine(ue, le, d + 1 - kLineEntries, d + 1, start[k], kLineEntries);
                Day *ld = lineDays.data() + k * kLineDays;
                ld[d % kLineDays] = md[i];
                if (d % kLineDays == kLineDays - 1)
                    flushLine(ud, ld, d + 1 - kLineDays, d + 1, start[k], kLineDays);
            }
        }
        for (std::size_t k = 0; k < K; ++k) { // the last, partial lines
            const std::uint64_t end = cursor[k];
            flushLine(ue, lineEntries.data() + k * kLineEntries, end / kLineEntries * kLineEntries, end, start[k], kLineEntries);
            flushLine(ud, lineDays.data() + k * kLineDays, end / kLineDays * kLineDays, end, start[k], kLineDays);
        }
        streamFence();
    });
    pos.clear();
    if (progress.canceled())
        return stop = true, true;

    // 2. Place each block's rows within its region.
    std::atomic<bool> duplicate{false};
    struct Scratch
    {
        std::vector<Entry> entries;
        std::vector<Day> days;
        std::vector<std::uint64_t> cursor;
        std::vector<std::uint32_t> lastMovie;
    };
    std::vector<Scratch> scratch(static_cast<std::size_t>(threads));
    parallelFor(threads, K, [&](std::size_t k, int w) {
        if (duplicate.load(std::memory_order_relaxed) || stop.load(std::memory_order_relaxed))
            return;
        if ((k & 63) == 0 && progress.canceled()) {
            stop = true;
            return;
        }
        Scratch &s = scratch[static_cast<std::size_t>(w)];
        if (s.entries.empty()) {
            s.entries.resize(std::max<std::uint64_t>(maxRegion, 1));
            s.days.resize(std::max<std::uint64_t>(maxRegion, 1));
            s.cursor.resize(blockUsers);
            s.lastMovie.resize(blockUsers);
        }
        const std::uint64_t begin = blockStart[k];
        const std::uint64_t n = blockStart[k + 1] - begin;
        const auto u0 = static_cast<std::uint32_t>(k << L);
        const std::uint32_t users = std::min(blockUsers, U - u0);
        Entry *ue = uEntries.data() + begin;
        Day *ud = uDays.data() + begin;
        std::memcpy(s.entries.data(), ue, n * sizeof(Entry));
        std::memcpy(s.days.data(), ud, n * sizeof(Day));
        std::uint64_t *cur = s.cursor.data();
        std::fill(cur, cur + users, 0);
        for (std::uint64_t i = 0; i < n; ++i)
            ++cur[s.entries[i] >> entryBits];
        std::uint64_t total = begin;
        for (std::uint32_t j = 0; j < users; ++j) {
            const std::uint64_t c = cur[j];
            userOffsets[u0 + j] = total;
            cur[j] = total - begin;
            total += c;
        }
        std::uint32_t *last = s.lastMovie.data();
        std::fill(last, last + users, 0xFFFFFFFFu);
        bool dup = false;
        for (std::uint64_t i = 0; i < n; ++i) {
            const Entry v = s.entries[i];
            const std::uint32_t j = static_cast<std::uint32_t>(static_cast<std::uint64_t>(v) >> entryBits);
            const Entry e = v & entryMask;
            const std::uint64_t d = cur[j]++;
            dup |= last[j] == entryIndex(e);
            last[j] = entryIndex(e);
            ue[d] = e;
            ud[d] = s.days[i];
        }
        if (dup)
            duplicate = true;
    });
    userOffsets[U] = N;
    return !duplicate.load();
}

// The general path: drops superseded duplicates from the by-movie arrays, then scatters into
// by-user order. False if cancelled.
bool buildUserIndexWithDuplicates(BigArray<Entry> &mEntries, BigArray<Day> &mDays, BigArray<std::uint64_t> &movieOffsets,
                                  const std::vector<std::uint32_t> &bounds, std::uint32_t U, std::uint32_t M, int threads,
                                  BigArray<std::uint64_t> &userOffsets, BigArray<Entry> &uEntries, BigArray<Day> &uDays,
                                  std::uint64_t &duplicatesOut, Progress &progress)
{
    const std::size_t R = bounds.size() - 1;
    // Duplicate (user, movie) pairs: keep the latest date (the later line on a tie). A
    // superseded entry gets rating 0 and is compacted away below.
    // Per range, ratings per user (filled by the duplicate pass, used to place rows below).
    std::vector<std::vector<std::uint64_t>> rangeCounts(R);
    std::atomic<std::uint64_t> duplicates{0};
    {
        // One cache line per user holds everything the pass touches for that user.
        struct Stamp
        {
            std::uint32_t movie;
            std::uint32_t pos;
        };
        std::vector<std::vector<Stamp>> stamps(static_cast<std::size_t>(threads));
        parallelFor(threads, R, [&](std::size_t r, int w) {
            auto &st = stamps[static_cast<std::size_t>(w)];
            if (st.empty())
                st.assign(U, Stamp{0xFFFFFFFFu, 0});
            auto &cnt = rangeCounts[r];
            cnt.assign(U, 0);
            std::uint64_t local = 0;
            Entry *e = mEntries.data();
            Stamp *sp = st.data();
            std::uint64_t *c = cnt.data();
            for (std::uint32_t m = bounds[r]; m < bounds[r + 1]; ++m) {
                const std::uint64_t b = movieOffsets[m];
                const std::uint64_t end = movieOffsets[m + 1];
                for (std::uint64_t i = b; i < end; ++i) {
                    const std::uint32_t u = entryIndex(e[i]);
                    if (sp[u].movie != m) {
                        sp[u] = Stamp{m, static_cast<std::uint32_t>(i - b)};
                        ++c[u];
                        continue;
                    }
                    const std::uint64_t prev = b + sp[u].pos;
                    ++local;
                    if (mDays[i] >= mDays[prev]) {
                        e[prev] = makeEntry(u, 0); // superseded
                        sp[u].pos = static_cast<std::uint32_t>(i - b);
                    } else {
                        e[i] = makeEntry(u, 0);
                    }
                }
            }
            duplicates += local;
        });
    }
    duplicatesOut = duplicates.load();
    if (duplicatesOut > 0) { // compact (rare; sequential)
        std::uint64_t w = 0;
        std::uint64_t r = 0;
        for (std::uint32_t m = 0; m < M; ++m) {
            const std::uint64_t e = movieOffsets[m + 1];
            movieOffsets[m] = w;
            for (; r < e; ++r) {
                if (entryRating(mEntries[r]) == 0)
                    continue;
                mEntries[w] = mEntries[r];
                mDays[w] = mDays[r];
                ++w;
            }
        }
        movieOffsets[M] = w;
        mEntries.setSize(w);
        mDays.setSize(w);
        mEntries.shrinkToFit();
        mDays.shrinkToFit();
        // Ranges keep their movies; their user counts are unchanged (a duplicate was never counted).
    }
    const std::uint64_t finalN = movieOffsets[M];
    if (progress.canceled())
        return false;

    // Row starts: each range writes its part of a user's row after the earlier ranges.
    {
        std::uint64_t total = 0;
        for (std::uint32_t u = 0; u < U; ++u) {
            userOffsets[u] = total;
            for (std::size_t r = 0; r < R; ++r) {
                const std::uint64_t c = rangeCounts[r][u];
                rangeCounts[r][u] = total; // where range r writes user u's next rating
                total += c;
            }
        }
        userOffsets[U] = total;
    }
    if (progress.canceled())
        return false;

    // Scatter into by-user order; rows come out sorted by movie because ranges are in order.
    uEntries.allocate(finalN);
    uDays.allocate(finalN);
    uEntries.setSize(finalN);
    uDays.setSize(finalN);
    parallelFor(threads, R, [&](std::size_t r, int) {
        std::uint64_t *cursor = rangeCounts[r].data();
        const Entry *me = mEntries.data();
        const Day *md = mDays.data();
        Entry *ue = uEntries.data();
        Day *ud = uDays.data();
        const std::uint64_t last = movieOffsets[bounds[r + 1]];
        constexpr std::uint64_t kAhead = 24; // prefetch the destinations of a later entry
        for (std::uint32_t m = bounds[r]; m < bounds[r + 1]; ++m) {
            const std::uint64_t end = movieOffsets[m + 1];
            for (std::uint64_t i = movieOffsets[m]; i < end; ++i) {
                if (i + kAhead < last) {
                    const std::uint64_t ahead = cursor[entryIndex(me[i + kAhead])];
                    __builtin_prefetch(ue + ahead, 1);
                    __builtin_prefetch(ud + ahead, 1);
                }
                const Entry e = me[i];
                const std::uint64_t d = cursor[entryIndex(e)]++;
                ue[d] = makeEntry(m, entryRating(e));
                ud[d] = md[i];
            }
        }
    });
    rangeCounts.clear();
    return true;
}

} // namespace

Result<BuildOutput> buildStore(const BuildInput &in, Catalogue &catalogue, Progress &progress, double base, double span)
{
    BuildOutput out;
    QElapsedTimer phaseTimer;
    phaseTimer.start();
    const bool trace = qEnvironmentVariableIsSet("CINETUNE_TRACE_LOAD");
    auto report = [&](double f, const QString &phase) {
        if (trace)
            std::fprintf(stderr, "[build %.3f s] %s\n", static_cast<double>(phaseTimer.nsecsElapsed()) / 1e9, qPrintable(phase));
        progress.report(base + span * f, phase);
    };
    std::vector<ParsedChunk> &chunks = *in.chunks;
    const int threads = resolveThreads(in.threads);

    // 1. Users: dense indices in ascending source-id order. The parser leaves marking them to this
    //    tight pass, where the bitmap stays in L2 (in the parser, 2 GB of text streamed past it
    //    and its loads missed).
    report(0.0, tr("Indexing users"));
    parallelFor(threads, chunks.size(), [&](std::size_t c, int) {
        const ParsedChunk &ch = chunks[c];
        const std::uint32_t *u = ch.users.data();
        for (std::size_t i = 0, n = ch.users.size(); i < n; ++i)
            in.users->mark(u[i]);
    });
    in.users->buildRanks();
    std::vector<std::uint32_t> userIdsVec = in.users->ids();
    const auto U = static_cast<std::uint32_t>(userIdsVec.size());

    // 2. Movies: source id -> catalogue index, appending movies missing from the titles.
    std::vector<std::uint32_t> movieOfRank; // per-rating formats: rank in in.movies -> index
    std::vector<std::uint32_t> missing;
    if (in.groupedByMovie) {
        for (const ParsedChunk &c : chunks)
            for (const MovieBlock &b : c.blocks)
                if (!catalogue.find(b.movieSourceId))
                    missing.push_back(b.movieSourceId);
    } else {
        in.movies->buildRanks();
        for (std::uint32_t id : in.movies->ids())
            if (!catalogue.find(id))
                missing.push_back(id);
    }
    std::sort(missing.begin(), missing.end());
    missing.erase(std::unique(missing.begin(), missing.end()), missing.end());
    for (std::uint32_t id : missing) {
        Movie m;
        m.sourceId = id;
        m.title = m.originalTitle = tr("Movie %1").arg(id);
        m.listed = false;
        catalogue.add(std::move(m));
    }
    out.unlistedMovies = static_cast<std::uint32_t>(missing.size());
    const auto M = static_cast<std::uint32_t>(catalogue.size());
    if (!in.groupedByMovie) {
        const std::vector<std::uint32_t> ids = in.movies->ids();
        movieOfRank.resize(ids.size());
        for (std::size_t r = 0; r < ids.size(); ++r)
            movieOfRank[r] = *catalogue.find(ids[r]);
    }
    if (progress.canceled())
        return canceled();

    // 3. Ratings per movie and the by-movie offsets.
    BigArray<std::uint64_t> movieOffsets(std::size_t{M} + 1);
    movieOffsets.setSize(std::size_t{M} + 1);
    std::memset(movieOffsets.data(), 0, (std::size_t{M} + 1) * sizeof(std::uint64_t));
    // For grouped formats, each block's movie index (per chunk).
    std::vector<std::vector<std::uint32_t>> blockMovie(chunks.size());
    if (in.groupedByMovie) {
        for (std::size_t c = 0; c < chunks.size(); ++c) {
            const ParsedChunk &ch = chunks[c];
            blockMovie[c].resize(ch.blocks.size());
            for (std::size_t b = 0; b < ch.blocks.size(); ++b) {
                const std::uint64_t end = b + 1 < ch.blocks.size() ? ch.blocks[b + 1].begin : ch.users.size();
                const std::uint32_t m = *catalogue.find(ch.blocks[b].movieSourceId);
                blockMovie[c][b] = m;
                movieOffsets[m + 1] += end - ch.blocks[b].begin;
            }
        }
    } else {
        for (const ParsedChunk &ch : chunks)
            for (std::size_t i = 0; i < ch.movies.size(); ++i)
                ++movieOffsets[movieOfRank[in.movies->rank(ch.movies[i])] + 1];
    }
    for (std::uint32_t m = 0; m < M; ++m)
        movieOffsets[m + 1] += movieOffsets[m];
    const std::uint64_t N = movieOffsets[M];

    if (U > kMaxIndex || M > kMaxIndex)
        return makeError(errc::Dataset::TooLarge, tr("The dataset has more than %1 users or movies.").arg(kMaxIndex));

    // 4. Copy into by-movie order (file order within a movie), mapping users to dense indices.
    report(0.15, tr("Building the movie index"));
    BigArray<Entry> mEntries(N);
    BigArray<Day> mDays(N);
    mEntries.setSize(N);
    mDays.setSize(N);
    const IdBitmap &users = *in.users;
    if (in.groupedByMovie) {
        // Destinations of every block, in file order.
        std::vector<std::vector<std::uint64_t>> blockDest(chunks.size());
        std::vector<std::uint64_t> cursor(movieOffsets.data(), movieOffsets.data() + M);
        for (std::size_t c = 0; c < chunks.size(); ++c) {
            const ParsedChunk &ch = chunks[c];
            blockDest[c].resize(ch.blocks.size());
            for (std::size_t b = 0; b < ch.blocks.size(); ++b) {
                const std::uint64_t end = b + 1 < ch.blocks.size() ? ch.blocks[b + 1].begin : ch.users.size();
                blockDest[c][b] = cursor[blockMovie[c][b]];
                cursor[blockMovie[c][b]] += end - ch.blocks[b].begin;
            }
        }
        std::atomic<bool> stop{false};
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
        const bool popcnt = __builtin_cpu_supports("popcnt");
#else
        const bool popcnt = false;
#endif
        parallelFor(threads, chunks.size(), [&](std::size_t c, int) {
            if (stop.load(std::memory_order_relaxed) || progress.canceled()) {
                stop = true;
                return;
            }
            ParsedChunk &ch = chunks[c];
            for (std::size_t b = 0; b < ch.blocks.size(); ++b) {
                const std::uint64_t begin = ch.blocks[b].begin;
                const std::uint64_t end = b + 1 < ch.blocks.size() ? ch.blocks[b + 1].begin : ch.users.size();
                const std::uint64_t dest = blockDest[c][b];
                const std::uint32_t *src = ch.users.data() + begin;
                const RatingUnits *rat = ch.ratings.data() + begin;
                Entry *dst = mEntries.data() + dest;
                if (popcnt)
                    rankEntriesPopcnt(users, src, rat, dst, end - begin);
                else
                    rankEntries(users, src, rat, dst, end - begin);
                std::memcpy(mDays.data() + dest, ch.days.data() + begin, (end - begin) * sizeof(Day));
            }
            ch.users.reset();
            ch.ratings.reset();
            ch.days.reset();
        });
        if (stop)
            return canceled();
    } else {
        std::vector<std::uint64_t> cursor(movieOffsets.data(), movieOffsets.data() + M);
        for (ParsedChunk &ch : chunks) {
            for (std::size_t i = 0; i < ch.users.size(); ++i) {
                const std::uint32_t m = movieOfRank[in.movies->rank(ch.movies[i])];
                const std::uint64_t d = cursor[m]++;
                mEntries[d] = makeEntry(users.rank(ch.users[i]), ch.ratings[i]);
                mDays[d] = ch.days[i];
            }
            ch = ParsedChunk{};
            if (progress.canceled())
                return canceled();
        }
    }
    chunks.clear();

    // 5. By-user index, assuming no duplicate (user, movie) pairs (the usual case).
    report(0.35, tr("Building the user index"));
    const int rangesPerThread = 4;
    std::vector<std::uint32_t> bounds = balancedMovieRanges(movieOffsets, M, threads * rangesPerThread);
    BigArray<std::uint64_t> userOffsets(std::size_t{U} + 1);
    userOffsets.setSize(std::size_t{U} + 1);
    BigArray<Entry> uEntries(N);
    BigArray<Day> uDays(N);
    uEntries.setSize(N);
    uDays.setSize(N);
    {
        std::atomic<bool> stop{false};
        const bool unique = buildUserIndexByBlocks(mEntries, mDays, movieOffsets, bounds, U, M, threads, userOffsets, uEntries,
                                                   uDays, stop, progress);
        if (stop)
            return canceled();
        if (!unique) {
            uEntries.reset();
            uDays.reset();
        }
    }
    if (!uEntries.data()) {
        report(0.5, tr("Checking for duplicate ratings"));
        if (!buildUserIndexWithDuplicates(mEntries, mDays, movieOffsets, bounds, U, M, threads, userOffsets, uEntries, uDays,
                                          out.duplicates, progress))
            return canceled();
    }
    for (std::uint32_t m = 0; m < M; ++m)
        if (!catalogue.movie(m).listed)
            out.unlistedRatings += movieOffsets[m + 1] - movieOffsets[m];
    if (progress.canceled())
        return canceled();
    mDays.reset();

    BigArray<std::uint32_t> userIds(U);
    userIds.setSize(U);
    if (U)
        std::memcpy(userIds.data(), userIdsVec.data(), U * sizeof(std::uint32_t));
    userIdsVec = {};

    RatingStore::Parts parts;
    parts.halfStars = in.halfStars;
    parts.userSourceIds = toColumn(std::move(userIds));
    parts.movieOffsets = toColumn(std::move(movieOffsets));
    parts.movieEntries = toColumn(std::move(mEntries));
    parts.userOffsets = toColumn(std::move(userOffsets));
    parts.userEntries = toColumn(std::move(uEntries));
    parts.userDays = toColumn(std::move(uDays));
    out.store = RatingStore(std::move(parts));
    report(1.0, tr("Index built"));
    return out;
}

} // namespace cinetune
