#include "storebuilder.h"

#include "common/parallel.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstring>
#include <numeric>

namespace cinetune {

namespace {

QString tr(const char *s)
{
    return QCoreApplication::translate("cinetune", s);
}

Error canceled()
{
    return makeError(QStringLiteral("canceled"), tr("Loading was cancelled."));
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

} // namespace

Result<BuildOutput> buildStore(const BuildInput &in, Catalogue &catalogue, Progress &progress, double base, double span)
{
    BuildOutput out;
    auto report = [&](double f, const QString &phase) { progress.report(base + span * f, phase); };
    std::vector<ParsedChunk> &chunks = *in.chunks;
    const int threads = resolveThreads(in.threads);

    // 1. Users: dense indices in ascending source-id order.
    report(0.0, tr("Indexing users"));
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

    // 4. Copy into by-movie order (file order within a movie), mapping users to dense indices.
    report(0.15, tr("Building the movie index"));
    BigArray<std::uint32_t> mUsers(N);
    BigArray<RatingUnits> mRatings(N);
    BigArray<Day> mDays(N);
    mUsers.setSize(N);
    mRatings.setSize(N);
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
                std::uint32_t *dst = mUsers.data() + dest;
                for (std::uint64_t i = 0; i < end - begin; ++i)
                    dst[i] = users.rank(src[i]);
                std::memcpy(mRatings.data() + dest, ch.ratings.data() + begin, end - begin);
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
                mUsers[d] = users.rank(ch.users[i]);
                mRatings[d] = ch.ratings[i];
                mDays[d] = ch.days[i];
            }
            ch = ParsedChunk{};
            if (progress.canceled())
                return canceled();
        }
    }
    chunks.clear();

    // 5. Duplicate (user, movie) pairs: keep the latest date (the later line on a tie).
    report(0.35, tr("Checking for duplicate ratings"));
    std::vector<std::uint32_t> bounds = balancedMovieRanges(movieOffsets, M, threads * 4);
    std::atomic<std::uint64_t> duplicates{0};
    {
        std::vector<std::vector<std::uint32_t>> stampMovie(static_cast<std::size_t>(threads));
        std::vector<std::vector<std::uint32_t>> stampPos(static_cast<std::size_t>(threads));
        parallelFor(threads, bounds.size() - 1, [&](std::size_t r, int w) {
            auto &sm = stampMovie[static_cast<std::size_t>(w)];
            auto &sp = stampPos[static_cast<std::size_t>(w)];
            if (sm.empty()) {
                sm.assign(U, 0xFFFFFFFFu);
                sp.assign(U, 0);
            }
            std::uint64_t local = 0;
            for (std::uint32_t m = bounds[r]; m < bounds[r + 1]; ++m) {
                const std::uint64_t b = movieOffsets[m];
                const std::uint64_t e = movieOffsets[m + 1];
                for (std::uint64_t i = b; i < e; ++i) {
                    const std::uint32_t u = mUsers[i];
                    if (sm[u] != m) {
                        sm[u] = m;
                        sp[u] = static_cast<std::uint32_t>(i - b);
                        continue;
                    }
                    const std::uint64_t prev = b + sp[u];
                    ++local;
                    if (mDays[i] >= mDays[prev]) {
                        mRatings[prev] = 0; // superseded
                        sp[u] = static_cast<std::uint32_t>(i - b);
                    } else {
                        mRatings[i] = 0;
                    }
                }
            }
            duplicates += local;
        });
    }
    out.duplicates = duplicates.load();
    if (out.duplicates > 0) { // compact (rare; sequential)
        std::uint64_t w = 0;
        std::uint64_t r = 0;
        for (std::uint32_t m = 0; m < M; ++m) {
            const std::uint64_t e = movieOffsets[m + 1];
            movieOffsets[m] = w;
            for (; r < e; ++r) {
                if (mRatings[r] == 0)
                    continue;
                mUsers[w] = mUsers[r];
                mRatings[w] = mRatings[r];
                mDays[w] = mDays[r];
                ++w;
            }
        }
        movieOffsets[M] = w;
        mUsers.setSize(w);
        mRatings.setSize(w);
        mDays.setSize(w);
        mUsers.shrinkToFit();
        mRatings.shrinkToFit();
        mDays.shrinkToFit();
        bounds = balancedMovieRanges(movieOffsets, M, threads * 4);
    }
    const std::uint64_t finalN = movieOffsets[M];
    for (std::uint32_t m = 0; m < M; ++m)
        if (!catalogue.movie(m).listed)
            out.unlistedRatings += movieOffsets[m + 1] - movieOffsets[m];
    if (progress.canceled())
        return canceled();

    // 6. Ratings per user, per movie range, so every range knows where it writes in each row.
    report(0.5, tr("Building the user index"));
    const std::size_t R = bounds.size() - 1;
    std::vector<std::vector<std::uint32_t>> rangeCounts(R);
    parallelFor(threads, R, [&](std::size_t r, int) {
        auto &cnt = rangeCounts[r];
        cnt.assign(U, 0);
        const std::uint64_t b = movieOffsets[bounds[r]];
        const std::uint64_t e = movieOffsets[bounds[r + 1]];
        for (std::uint64_t i = b; i < e; ++i)
            ++cnt[mUsers[i]];
    });
    BigArray<std::uint64_t> userOffsets(std::size_t{U} + 1);
    userOffsets.setSize(std::size_t{U} + 1);
    {
        std::uint64_t total = 0;
        for (std::uint32_t u = 0; u < U; ++u) {
            userOffsets[u] = total;
            for (std::size_t r = 0; r < R; ++r) {
                const std::uint32_t c = rangeCounts[r][u];
                rangeCounts[r][u] = static_cast<std::uint32_t>(total - userOffsets[u]); // start within the row
                total += c;
            }
        }
        userOffsets[U] = total;
    }
    if (progress.canceled())
        return canceled();

    // 7. Scatter into by-user order: days first, so by-movie days can go before the rest.
    auto scatter = [&](auto &&write) {
        parallelFor(threads, R, [&](std::size_t r, int) {
            auto &pos = rangeCounts[r];
            for (std::uint32_t m = bounds[r]; m < bounds[r + 1]; ++m)
                for (std::uint64_t i = movieOffsets[m]; i < movieOffsets[m + 1]; ++i) {
                    const std::uint32_t u = mUsers[i];
                    write(userOffsets[u] + pos[u]++, m, i);
                }
        });
    };
    std::vector<std::vector<std::uint32_t>> startCopy = rangeCounts;
    BigArray<Day> uDays(finalN);
    uDays.setSize(finalN);
    scatter([&](std::uint64_t d, std::uint32_t, std::uint64_t i) { uDays[d] = mDays[i]; });
    mDays.reset();
    report(0.75, tr("Building the user index"));
    if (progress.canceled())
        return canceled();
    rangeCounts = std::move(startCopy);
    BigArray<std::uint32_t> uMovies(finalN);
    BigArray<RatingUnits> uRatings(finalN);
    uMovies.setSize(finalN);
    uRatings.setSize(finalN);
    scatter([&](std::uint64_t d, std::uint32_t m, std::uint64_t i) {
        uMovies[d] = m;
        uRatings[d] = mRatings[i];
    });
    rangeCounts.clear();

    BigArray<std::uint32_t> userIds(U);
    userIds.setSize(U);
    if (U)
        std::memcpy(userIds.data(), userIdsVec.data(), U * sizeof(std::uint32_t));
    userIdsVec = {};

    RatingStore::Parts parts;
    parts.halfStars = in.halfStars;
    parts.userSourceIds = toColumn(std::move(userIds));
    parts.movieOffsets = toColumn(std::move(movieOffsets));
    parts.movieUsers = toColumn(std::move(mUsers));
    parts.movieRatings = toColumn(std::move(mRatings));
    parts.userOffsets = toColumn(std::move(userOffsets));
    parts.userMovies = toColumn(std::move(uMovies));
    parts.userRatings = toColumn(std::move(uRatings));
    parts.userDays = toColumn(std::move(uDays));
    out.store = RatingStore(std::move(parts));
    report(1.0, tr("Index built"));
    return out;
}

} // namespace cinetune
