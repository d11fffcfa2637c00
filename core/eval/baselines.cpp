#include "core/eval/baselines.h"

#include "core/common/parallel.h"
#include "core/common/tr.h"
#include "core/eval/heldout.h"
#include "core/goldset/coviewindex.h"
#include "core/goldset/goldsetbuilder.h"
#include "core/goldset/goldsetrandom.h"
#include "core/goldset/neighbourconsensus.h"
#include "core/goldset/raterbitmaps.h"
#include "core/goldset/userprofile.h"

#include <QCoreApplication>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <new>
#include <numeric>
#include <unordered_map>

namespace cinetune {

namespace {

// The random-stream purpose of the Random baseline (the gold-set builders use 1..3).
constexpr auto kRandomBaseline = static_cast<SplitMix64::Purpose>(17);
constexpr int kMaxCount = 1000;

std::uint32_t sourceIdOf(const Dataset &ds, MovieIndex m)
{
    return m < ds.catalogue.size() ? ds.catalogue.movie(m).sourceId : m;
}

// What a query must not return: its profile, and the user's rated movies when asked to.
class Exclusions
{
public:
    Exclusions(const RatingStore &store, const BaselineQuery &q, bool excludeRated)
        : m_profile(q.profile)
    {
        std::sort(m_profile.begin(), m_profile.end());
        if (excludeRated && q.user && *q.user < store.userCount())
            m_rated = store.userEntries(*q.user);
    }
    bool contains(MovieIndex m) const
    {
        if (std::binary_search(m_profile.begin(), m_profile.end(), m))
            return true;
        // The user's row is sorted by movie (entry = movie << 4 | rating).
        const auto it = std::lower_bound(m_rated.begin(), m_rated.end(), makeEntry(m, 0));
        return it != m_rated.end() && entryIndex(*it) == m;
    }

private:
    std::vector<MovieIndex> m_profile;
    std::span<const Entry> m_rated;
};

int clampCount(int count)
{
    return std::clamp(count, 0, kMaxCount);
}

// Movies with at least one rating, by `primary` desc, then rating count desc, then index asc.
std::vector<MovieIndex> popularityOrder(const RatingStore &store, const std::vector<std::uint64_t> *primary)
{
    std::vector<MovieIndex> order;
    for (MovieIndex m = 0; m < store.movieCount(); ++m) {
        if (store.movieRatingCount(m) > 0)
            order.push_back(m);
    }
    std::sort(order.begin(), order.end(), [&](MovieIndex a, MovieIndex b) {
        if (primary && (*primary)[a] != (*primary)[b])
            return (*primary)[a] > (*primary)[b];
        const auto ca = store.movieRatingCount(a), cb = store.movieRatingCount(b);
        return ca != cb ? ca > cb : a < b;
    });
    return order;
}

// Appends the first movies of `order` that are neither excluded nor already in `out`.
void fillFrom(const std::vector<MovieIndex> &order, const Exclusions &ex, std::size_t count, std::vector<std::uint32_t> &out)
{
    for (std::size_t i = 0; i < order.size() && out.size() < count; ++i) {
        const MovieIndex m = order[i];
        if (!ex.contains(m) && std::find(out.begin(), out.end(), m) == out.end())
            out.push_back(m);
    }
}

class RandomRecommender final : public Recommender
{
public:
    RandomRecommender(const Dataset &ds, const BaselineOptions &o)
        : m_ds(ds)
        , m_excludeRated(o.excludeRated)
    {
        for (MovieIndex m = 0; m < ds.store.movieCount(); ++m) {
            if (ds.store.movieRatingCount(m) > 0)
                m_rated.push_back(m);
        }
    }
    BaselineKind kind() const override { return BaselineKind::Random; }
    std::vector<std::uint32_t> recommend(const BaselineQuery &q) const override
    {
        const Exclusions ex(m_ds.store, q, m_excludeRated);
        std::vector<std::uint32_t> pool;
        pool.reserve(m_rated.size());
        for (MovieIndex m : m_rated) {
            if (!ex.contains(m))
                pool.push_back(m);
        }
        // Key: the user's source id, or (no user) a hash of the profile with the top bit set.
        std::uint64_t key = 0;
        if (q.user && *q.user < m_ds.store.userCount()) {
            key = m_ds.store.userSourceId(*q.user);
        } else {
            for (std::uint32_t m : q.profile)
                key = SplitMix64::mix64(key ^ (std::uint64_t{m} + SplitMix64::kGamma));
            key |= std::uint64_t{1} << 63;
        }
        SplitMix64 rng = SplitMix64::stream(q.seed, kRandomBaseline, key);
        const std::size_t count = std::min<std::size_t>(static_cast<std::size_t>(clampCount(q.count)), pool.size());
        partialShuffle(std::span<std::uint32_t>(pool), count, rng);
        pool.resize(count);
        return pool;
    }

private:
    const Dataset &m_ds;
    bool m_excludeRated;
    std::vector<MovieIndex> m_rated;
};

class PopularRecommender final : public Recommender
{
public:
    // One definition everywhere: every rating of the dataset it is given. Batches and candidate
    // shortlists give it the view without the evaluated users' held-out ratings (heldout.h).
    PopularRecommender(const Dataset &ds, const BaselineOptions &o)
        : m_ds(ds)
        , m_excludeRated(o.excludeRated)
        , m_order(popularityOrder(ds.store, nullptr))
    {}
    BaselineKind kind() const override { return BaselineKind::MostPopular; }
    std::vector<std::uint32_t> recommend(const BaselineQuery &q) const override
    {
        std::vector<std::uint32_t> out;
        fillFrom(m_order, Exclusions(m_ds.store, q, m_excludeRated), static_cast<std::size_t>(clampCount(q.count)), out);
        return out;
    }

private:
    const Dataset &m_ds;
    bool m_excludeRated;
    std::vector<MovieIndex> m_order;
};

class ItemKnnRecommender final : public Recommender
{
public:
    ItemKnnRecommender(const Dataset &ds, const BaselineOptions &o, std::shared_ptr<const ItemKnnTable> table)
        : m_ds(ds)
        , m_excludeRated(o.excludeRated)
        , m_table(std::move(table))
        , m_popular(popularityOrder(ds.store, nullptr))
    {}
    BaselineKind kind() const override { return BaselineKind::ItemKnn; }
    std::vector<std::uint32_t> recommend(const BaselineQuery &q) const override
    {
        const Exclusions ex(m_ds.store, q, m_excludeRated);
        const auto count = static_cast<std::size_t>(clampCount(q.count));
        // score(c) = Σ over profile movies p of sim(p, c), summed in profile order.
        struct Scored
        {
            MovieIndex movie;
            double score;
        };
        std::vector<Scored> hits;
        for (std::uint32_t p : q.profile) {
            if (p >= m_table->movieCount())
                continue;
            for (const ItemNeighbour &n : m_table->neighbours(p))
                hits.push_back({n.movie, n.similarity});
        }
        std::stable_sort(hits.begin(), hits.end(), [](const Scored &a, const Scored &b) { return a.movie < b.movie; });
        std::vector<Scored> scored;
        for (const Scored &h : hits) {
            if (!scored.empty() && scored.back().movie == h.movie)
                scored.back().score += h.score;
            else
                scored.push_back(h);
        }
        std::erase_if(scored, [&](const Scored &s) { return ex.contains(s.movie); });
        const RatingStore &store = m_ds.store;
        const auto better = [&](const Scored &a, const Scored &b) {
            if (a.score != b.score)
                return a.score > b.score;
            const auto pa = store.movieRatingCount(a.movie), pb = store.movieRatingCount(b.movie);
            return pa != pb ? pa > pb : a.movie < b.movie;
        };
        const std::size_t keep = std::min(count, scored.size());
        std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(keep), scored.end(), better);
        std::vector<std::uint32_t> out;
        out.reserve(count);
        for (std::size_t i = 0; i < keep; ++i)
            out.push_back(scored[i].movie);
        // Every other movie scores 0: the same tie rule (popularity, then index) fills the list.
        fillFrom(m_popular, ex, count, out);
        return out;
    }

private:
    const Dataset &m_ds;
    bool m_excludeRated;
    std::shared_ptr<const ItemKnnTable> m_table;
    std::vector<MovieIndex> m_popular;
};

// The gold rule's spec for a re-run over `userIds` with another seed and `count` gold movies.
GoldSetSpec consensusSpec(const GoldSetSpec &base, std::vector<std::uint32_t> userIds, std::uint64_t seed, int count)
{
    GoldSetSpec spec = base;
    spec.protocol = GoldProtocol::NeighbourConsensus;
    spec.userIds = std::move(userIds);
    spec.seed = seed;
    spec.maxGold = std::clamp(count, 1, kMaxCount);
    spec.minGold = 0; // any gold at all is a recommendation
    return spec;
}

// Runs the gold rule for one user per query. Everything that depends only on the dataset and the
// rule (co-rating index, rater bitmaps, source ids) is built once here; a query pays only for the
// user's own candidate search and neighbour count, as one user of the gold-set builder does
// (NeighbourConsensus gives a user the same outcome alone as in any batch).
class ConsensusRecommender final : public Recommender
{
public:
    ConsensusRecommender(const Dataset &ds, const BaselineOptions &o, std::shared_ptr<const CoViewIndex> index,
                         std::shared_ptr<const RaterBitmaps> raters)
        : m_ds(ds)
        , m_spec(consensusSpec(o.consensus, {}, o.seed, o.count))
        , m_index(std::move(index))
        , m_raters(std::move(raters))
        , m_movieIds(ds.store.movieCount())
    {
        for (MovieIndex m = 0; m < ds.store.movieCount(); ++m)
            m_movieIds[m] = sourceIdOf(ds, m);
    }
    BaselineKind kind() const override { return BaselineKind::NeighbourConsensus; }
    std::vector<std::uint32_t> recommend(const BaselineQuery &q) const override
    {
        if (!q.user || *q.user >= m_ds.store.userCount() || q.count <= 0 || !eligible(*q.user))
            return {};
        std::unique_ptr<Scratch> scratch = acquire();
        // Seed and count are the query's; validity of the rest was checked in makeRecommender
        // (max gold is clamped to the range the spec accepts).
        scratch->spec.seed = q.seed;
        scratch->spec.maxGold = std::clamp(q.count, 1, kMaxCount);
        const UserOutcome outcome = scratch->consensus.run(*q.user);
        release(std::move(scratch));
        std::vector<std::uint32_t> out;
        if (outcome.dropped)
            return out;
        const BaselineQuery noUser{q.profile, std::nullopt, q.count, q.seed};
        const Exclusions ex(m_ds.store, noUser, false);
        for (std::uint32_t id : outcome.line.gold) {
            const auto m = m_ds.catalogue.find(id);
            if (m && !ex.contains(*m))
                out.push_back(*m);
        }
        return out;
    }

private:
    // One worker's NeighbourConsensus (its scratch memory is a few MB on Netflix, so it is reused)
    // with its own copy of the spec, whose seed and max gold change per query.
    struct Scratch
    {
        explicit Scratch(const ConsensusRecommender &r)
            : spec(r.m_spec)
            , context{r.m_ds.store, r.m_movieIds, spec}
            , consensus(context, *r.m_index, *r.m_raters)
        {}
        GoldSetSpec spec;
        GoldSetContext context;
        NeighbourConsensus consensus;
    };

    // The builder's eligibility rule for this protocol: >= E ratings at the top of the scale.
    bool eligible(UserIndex u) const
    {
        const auto row = m_ds.store.userEntries(u);
        const auto top = static_cast<RatingUnits>(10);
        std::uint32_t tops = 0;
        for (Entry e : row)
            tops += entryRating(e) == top;
        return !row.empty() && tops >= static_cast<std::uint32_t>(m_spec.eligibility);
    }
    std::unique_ptr<Scratch> acquire() const
    {
        {
            const std::lock_guard lock(m_mutex);
            if (!m_pool.empty()) {
                std::unique_ptr<Scratch> s = std::move(m_pool.back());
                m_pool.pop_back();
                return s;
            }
        }
        return std::make_unique<Scratch>(*this);
    }
    void release(std::unique_ptr<Scratch> scratch) const
    {
        const std::lock_guard lock(m_mutex);
        m_pool.push_back(std::move(scratch));
    }

    const Dataset &m_ds;
    GoldSetSpec m_spec;
    std::shared_ptr<const CoViewIndex> m_index;
    std::shared_ptr<const RaterBitmaps> m_raters;
    std::vector<std::uint32_t> m_movieIds;
    mutable std::mutex m_mutex;
    mutable std::vector<std::unique_ptr<Scratch>> m_pool;
};

Result<std::shared_ptr<const CoViewIndex>> buildConsensusIndex(const Dataset &ds, const BaselineOptions &o, Progress &progress)
{
    const std::uint32_t ranks = CoViewIndex::bitmapRanksFor(ds.store, o.consensus.neighbourCap, o.consensus.watchFactor);
    return CoViewIndex::build(ds.store, ranks, resolveThreads(o.threads), progress);
}

Result<std::unique_ptr<Recommender>> make(const Dataset &ds, BaselineKind kind, const BaselineOptions &o, Progress &progress)
{
    switch (kind) {
    case BaselineKind::Random:
        return std::unique_ptr<Recommender>(new RandomRecommender(ds, o));
    case BaselineKind::MostPopular:
        return std::unique_ptr<Recommender>(new PopularRecommender(ds, o));
    case BaselineKind::ItemKnn: {
        auto table = loadOrBuildItemKnn(ds, o.itemKnn, o.cache, o.threads, progress);
        if (!table)
            return table.error();
        return std::unique_ptr<Recommender>(new ItemKnnRecommender(ds, o, std::move(table.value())));
    }
    case BaselineKind::NeighbourConsensus: {
        GoldSetSpec check = consensusSpec(o.consensus, {}, 1, 10);
        if (Status valid = check.validate(); !valid)
            return valid.error();
        ScaledProgress indexing(progress, 0, 0.8);
        auto index = buildConsensusIndex(ds, o, indexing);
        if (!index)
            return index.error();
        ScaledProgress bitmaps(progress, 0.8, 1);
        auto raters = RaterBitmaps::build(ds.store, check.thresholdUnits(), RaterBitmaps::kDefaultBudget,
                                          resolveThreads(o.threads), bitmaps);
        if (!raters)
            return raters.error();
        return std::unique_ptr<Recommender>(new ConsensusRecommender(ds, o, std::move(index.value()), std::move(raters.value())));
    }
    }
    return makeError(errc::General::InvalidArgument, tr("unknown baseline"));
}

} // namespace

Recommender::~Recommender() = default;

QString baselineId(BaselineKind kind)
{
    switch (kind) {
    case BaselineKind::Random:
        return QStringLiteral("random");
    case BaselineKind::MostPopular:
        return QStringLiteral("popular");
    case BaselineKind::ItemKnn:
        return QStringLiteral("itemknn");
    case BaselineKind::NeighbourConsensus:
        return QStringLiteral("consensus");
    }
    return {};
}

QString baselineName(BaselineKind kind)
{
    switch (kind) {
    case BaselineKind::Random:
        return tr("Random");
    case BaselineKind::MostPopular:
        return tr("Most popular");
    case BaselineKind::ItemKnn:
        return tr("ItemKNN");
    case BaselineKind::NeighbourConsensus:
        return tr("Neighbour consensus");
    }
    return {};
}

std::optional<BaselineKind> baselineFromId(const QString &id)
{
    for (BaselineKind k :
         {BaselineKind::Random, BaselineKind::MostPopular, BaselineKind::ItemKnn, BaselineKind::NeighbourConsensus}) {
        if (id == baselineId(k))
            return k;
    }
    return std::nullopt;
}

Result<std::unique_ptr<Recommender>> makeRecommender(const Dataset &dataset, BaselineKind kind, const BaselineOptions &options,
                                                     Progress &progress)
{
    try {
        return make(dataset, kind, options, progress);
    } catch (const std::bad_alloc &) {
        return makeError(errc::General::OutOfMemory, tr("Not enough memory for the %1 baseline").arg(baselineName(kind)));
    }
}

Result<std::vector<std::vector<std::uint32_t>>> recommendForGoldSet(const Dataset &full, const std::vector<GoldSetUser> &users,
                                                                    BaselineKind kind, const BaselineOptions &options,
                                                                    Progress &progress)
{
    try {
        // Nothing of the evaluated users from their cut on is visible (heldout.h).
        const auto view = datasetWithoutHeldOut(full, options.evaluated ? *options.evaluated : users);
        const Dataset &dataset = view ? *view : full;
        std::vector<std::vector<std::uint32_t>> out(users.size());
        const int count = clampCount(options.count);
        if (kind == BaselineKind::NeighbourConsensus) {
            // One run of the gold rule for every user: the builder batches and parallelizes them.
            std::vector<std::uint32_t> ids;
            ids.reserve(users.size());
            for (const GoldSetUser &u : users) {
                if (!dataset.store.findUser(u.user))
                    return makeError(errc::General::InvalidArgument, tr("user %1 is not in the dataset").arg(u.user));
                ids.push_back(u.user);
            }
            if (users.empty() || count == 0)
                return out;
            GoldSetBuildOptions build;
            build.threads = options.threads;
            auto set = buildGoldSet(dataset, consensusSpec(options.consensus, std::move(ids), options.seed, count), build,
                                    progress);
            if (!set)
                return set.error();
            std::unordered_map<std::uint32_t, const GoldSetUser *> byUser;
            for (const GoldSetUser &line : set->users)
                byUser.emplace(line.user, &line);
            for (std::size_t i = 0; i < users.size(); ++i) {
                const auto it = byUser.find(users[i].user);
                if (it == byUser.end())
                    continue;
                for (std::uint32_t id : it->second->gold) {
                    if (std::find(users[i].profile.begin(), users[i].profile.end(), id) == users[i].profile.end())
                        out[i].push_back(id);
                }
            }
            return out;
        }

        std::vector<BaselineQuery> queries(users.size());
        for (std::size_t i = 0; i < users.size(); ++i) {
            BaselineQuery &q = queries[i];
            q.count = count;
            q.seed = options.seed;
            q.user = dataset.store.findUser(users[i].user);
            for (std::uint32_t id : users[i].profile) {
                const auto m = dataset.catalogue.find(id);
                if (!m || *m >= dataset.store.movieCount())
                    return makeError(errc::General::InvalidArgument,
                                     tr("movie %1 in the profile of user %2 is not in the dataset").arg(id).arg(users[i].user));
                q.profile.push_back(*m);
            }
        }
        auto recommender = makeRecommender(dataset, kind, options, progress);
        if (!recommender)
            return recommender.error();
        const Recommender &r = *recommender.value();
        std::atomic<bool> canceled{false};
        parallelFor(resolveThreads(options.threads), users.size(), [&](std::size_t i, int) {
            if (canceled.load(std::memory_order_relaxed) || progress.canceled()) {
                canceled = true;
                return;
            }
            for (std::uint32_t m : r.recommend(queries[i]))
                out[i].push_back(sourceIdOf(dataset, m));
        });
        if (canceled)
            return makeError(errc::General::Cancelled, tr("Canceled"));
        return out;
    } catch (const std::bad_alloc &) {
        return makeError(errc::General::OutOfMemory, tr("Not enough memory for the %1 baseline").arg(baselineName(kind)));
    }
}

CandidateSource baselineCandidates(std::shared_ptr<const Dataset> dataset, std::shared_ptr<const Recommender> recommender,
                                   std::uint64_t seed)
{
    return [dataset, recommender, seed](const GoldSetUser &user, int n) {
        BaselineQuery query;
        query.count = n;
        query.seed = seed;
        query.user = dataset->store.findUser(user.user);
        for (std::uint32_t id : user.profile)
            if (const auto m = dataset->catalogue.find(id))
                query.profile.push_back(*m);
        std::vector<std::uint32_t> out;
        for (std::uint32_t m : recommender->recommend(query))
            out.push_back(dataset->catalogue.movie(m).sourceId);
        return out;
    };
}

Result<CandidateSource> heldOutCandidates(const DatasetPtr &dataset, BaselineKind kind, const std::vector<GoldSetUser> &evaluated,
                                          const BaselineOptions &options, Progress &progress)
{
    const DatasetPtr view = visibleDataset(dataset, evaluated);
    auto made = makeRecommender(*view, kind, options, progress);
    if (!made)
        return made.error();
    return baselineCandidates(view, std::shared_ptr<const Recommender>(std::move(made).value()), options.seed);
}

} // namespace cinetune
