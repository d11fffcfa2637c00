// Local baselines: MostPopular order and exclusions, ItemKNN similarities and rankings worked out
// by hand on a five-movie example, Random determinism and exclusions, the same batch output for
// 1 and 4 threads, NeighbourConsensus against the gold-set builder, and the ItemKNN cache
// (round trip, damaged or truncated files rebuilt, other parameters or data not reused).
#include "core/common/appinfo.h"
#include "core/dataset/datasetloader.h"
#include "core/eval/baselines.h"
#include "core/eval/goldsetdiagnostics.h"
#include "core/eval/heldout.h"
#include "core/eval/itemknn.h"
#include "core/eval/itemknncache.h"
#include "fixtures.h"
#include "core/goldset/goldsetbuilder.h"

#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <thread>

#include <cmath>

using namespace cinetune;

namespace {

// Users 1..5 rate movies 10..50 (stars). Rating counts: 10 → 4, 20 → 4, 30 → 2, 40 → 2, 50 → 1.
// Co-raters: 10&20 {1,2,5}, 10&30 {1}, 10&40 {5}, 10&50 {4}, 20&30 {1,3}, 20&40 {3,5}, 30&40 {3}.
const QByteArray kRatings = "userId,movieId,rating,timestamp\n"
                            "1,10,5.0,1100000000\n1,20,4.0,1100000000\n1,30,3.0,1100000000\n"
                            "2,10,4.0,1100000000\n2,20,5.0,1100000000\n"
                            "3,20,3.0,1100000000\n3,30,4.0,1100000000\n3,40,5.0,1100000000\n"
                            "4,10,2.0,1100000000\n4,50,1.0,1100000000\n"
                            "5,10,5.0,1100000000\n5,20,5.0,1100000000\n5,40,4.0,1100000000\n";
// A temporal hold-out by hand (day k = 86400·k s). User 1 rated 10 and 20 (day 1, 2), then 30
// (day 3, the held-out gold) and 40 (day 4, after the cut). Ratings per movie, all / without
// user 1's held-out ratings: 10 → 1/1, 20 → 2/2, 30 → 3/2, 40 → 2/1, 50 → 3/3.
const QByteArray kHoldRatings = "userId,movieId,rating,timestamp\n"
                                "1,10,5.0,86400\n1,20,5.0,172800\n1,30,5.0,259200\n1,40,2.0,345600\n"
                                "2,30,4.0,86400\n2,50,4.0,86400\n"
                                "3,20,4.0,86400\n3,30,4.0,86400\n3,50,4.0,86400\n"
                                "4,40,3.0,86400\n5,50,3.0,86400\n";
const QByteArray kMovies = "movieId,title,genres\n10,Ten (2000),Drama\n20,Twenty (2000),Drama\n30,Thirty (2000),Drama\n"
                           "40,Forty (2000),Drama\n50,Fifty (2000),Drama\n";

using Ids = std::vector<std::uint32_t>;

std::unique_ptr<Recommender> makeOrFail(const Dataset &ds, BaselineKind kind, const BaselineOptions &o)
{
    NullProgress progress;
    auto r = makeRecommender(ds, kind, o, progress);
    if (!r)
        qFatal("recommender: %s", qPrintable(r.error().message));
    return std::move(r.value());
}

} // namespace

class TestBaselines : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void ids();
    void popular_data();
    void popular();
    void itemKnnSimilarities_data();
    void itemKnnSimilarities();
    void itemKnnRanking_data();
    void itemKnnRanking();
    void itemKnnSamplingAllRatersIsExact();
    void randomBaseline();
    void batchSameForAnyThreads_data();
    void batchSameForAnyThreads();
    void consensusEqualsGoldSetBuilder();
    void consensusSingleQueryIsGoldList_data();
    void consensusSingleQueryIsGoldList();
    void candidatesForPrompts();
    void heldOutView();
    void heldOutBaselines_data();
    void heldOutBaselines();
    void heldOutCandidateShortlist();
    void diagnosticsKnownAnswers();
    void cacheRoundTrip();
    void damagedCacheRebuilt_data();
    void damagedCacheRebuilt();

private:
    // Source ids <-> dense indices of the tiny dataset.
    Ids dense(const Ids &sourceIds) const;
    Ids source(const Ids &indices) const;
    std::uint32_t user(std::uint32_t sourceId) const { return *m_tiny->store.findUser(sourceId); }

    QTemporaryDir m_dir;
    DatasetPtr m_tiny;
    DatasetPtr m_hold;
    DatasetPtr m_sample;
    std::shared_ptr<const ItemKnnTable> m_damageReference; // damagedCacheRebuilt's table and its file
    QByteArray m_damageReferenceBytes;
};

void TestBaselines::initTestCase()
{
    QVERIFY(m_dir.isValid());
    test::writeFile(m_dir.path(), QStringLiteral("tiny/ratings.csv"), kRatings);
    test::writeFile(m_dir.path(), QStringLiteral("tiny/movies.csv"), kMovies);
    LoadOptions o;
    o.threads = 1;
    o.useCache = false;
    NullProgress progress;
    auto tiny = loadDataset(m_dir.filePath(QStringLiteral("tiny")), o, progress);
    QVERIFY2(tiny.ok(), qPrintable(tiny ? QString() : tiny.error().message));
    m_tiny = tiny.value();
    QCOMPARE(m_tiny->store.movieCount(), 5u);
    test::writeFile(m_dir.path(), QStringLiteral("hold/ratings.csv"), kHoldRatings);
    test::writeFile(m_dir.path(), QStringLiteral("hold/movies.csv"), kMovies);
    auto hold = loadDataset(m_dir.filePath(QStringLiteral("hold")), o, progress);
    QVERIFY2(hold.ok(), qPrintable(hold ? QString() : hold.error().message));
    m_hold = hold.value();
    setApplicationIdentity();
    o.cacheDir = m_dir.filePath(QStringLiteral("cache"));
    o.useCache = true;
    o.threads = 0;
    auto sample = loadDataset(QString::fromLatin1(kSamplePath), o, progress);
    QVERIFY2(sample.ok(), qPrintable(sample ? QString() : sample.error().message));
    m_sample = sample.value();
}

Ids TestBaselines::dense(const Ids &sourceIds) const
{
    Ids out;
    for (std::uint32_t id : sourceIds)
        out.push_back(*m_tiny->catalogue.find(id));
    return out;
}

Ids TestBaselines::source(const Ids &indices) const
{
    Ids out;
    for (std::uint32_t m : indices)
        out.push_back(m_tiny->catalogue.movie(m).sourceId);
    return out;
}

void TestBaselines::ids()
{
    for (BaselineKind k :
         {BaselineKind::Random, BaselineKind::MostPopular, BaselineKind::ItemKnn, BaselineKind::NeighbourConsensus})
        QCOMPARE(baselineFromId(baselineId(k)), std::optional<BaselineKind>(k));
    QCOMPARE(baselineId(BaselineKind::MostPopular), QStringLiteral("popular"));
    QCOMPARE(baselineId(BaselineKind::NeighbourConsensus), QStringLiteral("consensus"));
    QVERIFY(!baselineFromId(QStringLiteral("Popular")));
    QVERIFY(!baselineFromId(QString()));
}

void TestBaselines::popular_data()
{
    QTest::addColumn<Ids>("profile");
    QTest::addColumn<int>("user"); // source id, 0 = none
    QTest::addColumn<bool>("excludeRated");
    QTest::addColumn<int>("count");
    QTest::addColumn<Ids>("expected");
    // Ties (10 and 20 with 4 ratings, 30 and 40 with 2) go to the lower index.
    QTest::newRow("all") << Ids{} << 0 << true << 10 << Ids{10, 20, 30, 40, 50};
    QTest::newRow("count 2") << Ids{} << 0 << true << 2 << Ids{10, 20};
    QTest::newRow("profile excluded") << Ids{10, 40} << 0 << true << 10 << Ids{20, 30, 50};
    QTest::newRow("rated excluded") << Ids{20} << 3 << true << 10 << Ids{10, 50};
    QTest::newRow("rated kept when asked") << Ids{20} << 3 << false << 10 << Ids{10, 30, 40, 50};
}

void TestBaselines::popular()
{
    QFETCH(Ids, profile);
    QFETCH(int, user);
    QFETCH(bool, excludeRated);
    QFETCH(int, count);
    QFETCH(Ids, expected);
    BaselineOptions o;
    o.excludeRated = excludeRated;
    const auto r = makeOrFail(*m_tiny, BaselineKind::MostPopular, o);
    BaselineQuery q;
    q.profile = dense(profile);
    if (user)
        q.user = this->user(static_cast<std::uint32_t>(user));
    q.count = count;
    QCOMPARE(source(r->recommend(q)), expected);
}

void TestBaselines::itemKnnSimilarities_data()
{
    QTest::addColumn<bool>("rating");
    QTest::addColumn<int>("a");
    QTest::addColumn<int>("b");
    QTest::addColumn<double>("expected");
    // Binary: |co-raters| / sqrt(|raters a| |raters b|).
    QTest::newRow("10~20") << false << 10 << 20 << 3 / std::sqrt(16.0);
    QTest::newRow("20~10 symmetric") << false << 20 << 10 << 0.75;
    QTest::newRow("10~50") << false << 10 << 50 << 1 / std::sqrt(4.0);
    QTest::newRow("20~30") << false << 20 << 30 << 2 / std::sqrt(8.0);
    QTest::newRow("30~40") << false << 30 << 40 << 0.5;
    QTest::newRow("20~50 never co-rated") << false << 20 << 50 << 0.0;
    QTest::newRow("self is no neighbour") << false << 10 << 10 << 0.0;
    // Rating: 10&20 co-rated by 1 (5,4), 2 (4,5), 5 (5,5) → 65 / sqrt((25+16+4+25)(16+25+9+25)).
    QTest::newRow("rating 10~20") << true << 10 << 20 << 65 / std::sqrt(70.0 * 75.0);
    // 30&40 co-rated by 3 (4,5) → 20 / sqrt((9+16)(25+16)).
    QTest::newRow("rating 30~40") << true << 30 << 40 << 20 / std::sqrt(25.0 * 41.0);
}

void TestBaselines::itemKnnSimilarities()
{
    QFETCH(bool, rating);
    QFETCH(int, a);
    QFETCH(int, b);
    QFETCH(double, expected);
    ItemKnnParams p;
    p.weighting = rating ? ItemKnnWeighting::Rating : ItemKnnWeighting::Binary;
    NullProgress progress;
    auto t = ItemKnnTable::build(m_tiny->store, p, 2, progress);
    QVERIFY(t.ok());
    const float got = t.value()->similarity(dense({static_cast<std::uint32_t>(a)})[0], dense({static_cast<std::uint32_t>(b)})[0]);
    QVERIFY2(std::abs(got - expected) < 1e-6, qPrintable(QStringLiteral("%1 vs %2").arg(got).arg(expected)));
}

void TestBaselines::itemKnnRanking_data()
{
    QTest::addColumn<int>("k");
    QTest::addColumn<int>("movie"); // for the neighbour list
    QTest::addColumn<Ids>("neighbours");
    QTest::addColumn<Ids>("profile"); // for a query
    QTest::addColumn<Ids>("expected");
    // 10: 20 (.75), 50 (.5), then 30 and 40 tie at .354 with 2 ratings each: lower index first.
    QTest::newRow("k50") << 50 << 10 << Ids{20, 50, 30, 40} << Ids{30, 40} << Ids{20, 10, 50};
    // Profile {30, 40}: 20 scores .707 + .707, 10 scores .354 + .354, 50 nothing (filled by popularity).
    QTest::newRow("k1") << 1 << 30 << Ids{20} << Ids{30, 40} << Ids{20, 10, 50};
    // Profile {50}: only 10 is a neighbour; 20, 30, 40 follow by popularity then index.
    QTest::newRow("cold neighbour list") << 50 << 50 << Ids{10} << Ids{50} << Ids{10, 20, 30, 40};
    // k = 2: 10's list is {20, 50}; profile {10, 30}: 20 gets .75 + .707, 50 .5, 40 .5 (from 30);
    // 50 and 40 tie at .5: 40 has more ratings.
    QTest::newRow("k2 tie by popularity") << 2 << 10 << Ids{20, 50} << Ids{10, 30} << Ids{20, 40, 50};
}

void TestBaselines::itemKnnRanking()
{
    QFETCH(int, k);
    QFETCH(int, movie);
    QFETCH(Ids, neighbours);
    QFETCH(Ids, profile);
    QFETCH(Ids, expected);
    BaselineOptions o;
    o.itemKnn.neighbours = static_cast<std::uint32_t>(k);
    o.cache.use = false;
    NullProgress progress;
    auto t = ItemKnnTable::build(m_tiny->store, o.itemKnn, 1, progress);
    QVERIFY(t.ok());
    Ids got;
    for (const ItemNeighbour &n : t.value()->neighbours(dense({static_cast<std::uint32_t>(movie)})[0]))
        got.push_back(n.movie);
    QCOMPARE(source(got), neighbours);
    const auto r = makeOrFail(*m_tiny, BaselineKind::ItemKnn, o);
    BaselineQuery q;
    q.profile = dense(profile);
    QCOMPARE(source(r->recommend(q)), expected);
    q.count = 1;
    QCOMPARE(source(r->recommend(q)), Ids{expected.front()});
}

void TestBaselines::itemKnnSamplingAllRatersIsExact()
{
    // S at least every movie's rater count reads every rater: the exact table. A smaller S on
    // the sample data still gives the same table for any thread count, and a different one.
    NullProgress progress;
    ItemKnnParams exact;
    exact.maxRaters = 0;
    ItemKnnParams big = exact;
    big.maxRaters = 4;
    auto a = ItemKnnTable::build(m_tiny->store, exact, 1, progress);
    auto b = ItemKnnTable::build(m_tiny->store, big, 2, progress);
    QVERIFY(a.ok() && b.ok());
    QCOMPARE(a.value()->entries(), b.value()->entries());

    ItemKnnParams sampled = exact;
    sampled.maxRaters = 20;
    auto s1 = ItemKnnTable::build(m_sample->store, sampled, 1, progress);
    auto s4 = ItemKnnTable::build(m_sample->store, sampled, 4, progress);
    auto full = ItemKnnTable::build(m_sample->store, exact, 4, progress);
    QVERIFY(s1.ok() && s4.ok() && full.ok());
    QCOMPARE(s1.value()->offsets(), s4.value()->offsets());
    QVERIFY(s1.value()->entries() == s4.value()->entries());
    QVERIFY(s1.value()->entries() != full.value()->entries());
}

void TestBaselines::randomBaseline()
{
    BaselineOptions o;
    const auto r = makeOrFail(*m_sample, BaselineKind::Random, o);
    const RatingStore &store = m_sample->store;
    BaselineQuery q;
    for (std::uint32_t m = 0; q.profile.size() < 10; m += 7) {
        if (store.movieRatingCount(m) > 0)
            q.profile.push_back(m);
    }
    q.user = 5;
    q.seed = 11;
    const Ids first = r->recommend(q);
    QCOMPARE(first.size(), std::size_t{10});
    QCOMPARE(r->recommend(q), first);
    QSet<std::uint32_t> seen;
    for (std::uint32_t m : first) {
        QVERIFY(std::find(q.profile.begin(), q.profile.end(), m) == q.profile.end());
        QCOMPARE(store.ratingOf(5, m), RatingUnits{0});
        QVERIFY(store.movieRatingCount(m) > 0);
        seen.insert(m);
    }
    QCOMPARE(seen.size(), 10); // no duplicates
    BaselineQuery other = q;
    other.seed = 12;
    QVERIFY(r->recommend(other) != first);
    other = q;
    other.user = 6;
    QVERIFY(r->recommend(other) != first);
    other = q;
    other.user.reset();
    const Ids anonymous = r->recommend(other);
    QCOMPARE(anonymous.size(), std::size_t{10});
    QCOMPARE(r->recommend(other), anonymous);
}

void TestBaselines::batchSameForAnyThreads_data()
{
    QTest::addColumn<BaselineKind>("kind");
    QTest::newRow("random") << BaselineKind::Random;
    QTest::newRow("popular") << BaselineKind::MostPopular;
    QTest::newRow("itemknn") << BaselineKind::ItemKnn;
}

void TestBaselines::batchSameForAnyThreads()
{
    QFETCH(BaselineKind, kind);
    // Gold users with profiles from the sample's own ratings.
    std::vector<GoldSetUser> users;
    for (UserIndex u = 0; u < 60; ++u) {
        GoldSetUser g;
        g.user = m_sample->store.userSourceId(u);
        for (Entry e : m_sample->store.userEntries(u).first(5))
            g.profile.push_back(m_sample->catalogue.movie(entryIndex(e)).sourceId);
        users.push_back(g);
    }
    BaselineOptions o;
    o.cache.cacheDir = m_dir.filePath(QStringLiteral("knn-batch"));
    o.seed = 9;
    NullProgress progress;
    o.threads = 1;
    auto one = recommendForGoldSet(*m_sample, users, kind, o, progress);
    o.threads = 4;
    auto four = recommendForGoldSet(*m_sample, users, kind, o, progress);
    QVERIFY(one.ok() && four.ok());
    QCOMPARE(one.value(), four.value());
    QCOMPARE(one.value().size(), users.size());
    for (std::size_t i = 0; i < users.size(); ++i) {
        QCOMPARE(one.value()[i].size(), std::size_t{10});
        const auto u = *m_sample->store.findUser(users[i].user);
        for (std::uint32_t id : one.value()[i])
            QCOMPARE(m_sample->store.ratingOf(u, *m_sample->catalogue.find(id)), RatingUnits{0}); // neither profile nor rated
    }
    users[3].profile.push_back(999999999);
    auto bad = recommendForGoldSet(*m_sample, users, kind, o, progress);
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().code, ErrorCode(errc::General::InvalidArgument));
}

void TestBaselines::consensusEqualsGoldSetBuilder()
{
    // A small neighbour cap, so the neighbour samples (and so the seed) matter.
    GoldSetSpec spec = GoldSetSpec::paper50();
    spec.users = 40;
    spec.neighbourCap = 25;
    spec.watchFactor = 30;
    spec.seed = 3;
    NullProgress progress;
    auto built = buildGoldSet(*m_sample, spec, GoldSetBuildOptions{}, progress);
    QVERIFY(built.ok());
    const std::vector<GoldSetUser> &users = built->users;
    QVERIFY(users.size() > 10);

    BaselineOptions o;
    o.consensus = spec;
    o.seed = spec.seed;
    o.count = spec.maxGold;
    o.threads = 2;
    // Same rule and seed: the gold lists themselves.
    auto same = recommendForGoldSet(*m_sample, users, BaselineKind::NeighbourConsensus, o, progress);
    QVERIFY(same.ok());
    for (std::size_t i = 0; i < users.size(); ++i)
        QCOMPARE(same.value()[i], users[i].gold);

    // Another seed: the builder's output for that seed, and different from the gold for someone.
    o.seed = 77;
    auto other = recommendForGoldSet(*m_sample, users, BaselineKind::NeighbourConsensus, o, progress);
    QVERIFY(other.ok());
    GoldSetSpec reseeded = spec;
    reseeded.seed = 77;
    reseeded.minGold = 0;
    for (const GoldSetUser &u : users)
        reseeded.userIds.push_back(u.user);
    auto rebuilt = buildGoldSet(*m_sample, reseeded, GoldSetBuildOptions{}, progress);
    QVERIFY(rebuilt.ok());
    QVERIFY(!rebuilt->users.empty());
    bool differs = false;
    for (std::size_t i = 0; i < users.size(); ++i) {
        const auto it = std::find_if(rebuilt->users.begin(), rebuilt->users.end(),
                                     [&](const GoldSetUser &g) { return g.user == users[i].user; });
        QCOMPARE(other.value()[i], it == rebuilt->users.end() ? Ids{} : it->gold); // a dropped user gets nothing
        differs = differs || other.value()[i] != users[i].gold;
    }
    QVERIFY(differs);

    // The single-query recommender gives the same lists.
    const auto r = makeOrFail(*m_sample, BaselineKind::NeighbourConsensus, o);
    for (std::size_t i = 0; i < users.size(); i += 7) {
        BaselineQuery q;
        q.user = *m_sample->store.findUser(users[i].user);
        q.seed = 77;
        q.count = spec.maxGold;
        for (std::uint32_t id : users[i].profile)
            q.profile.push_back(*m_sample->catalogue.find(id));
        Ids got;
        for (std::uint32_t m : r->recommend(q))
            got.push_back(m_sample->catalogue.movie(m).sourceId);
        QCOMPARE(got, other.value()[i]);
        q.user.reset();
        QVERIFY(r->recommend(q).empty()); // only for users of the dataset
    }
}

void TestBaselines::consensusSingleQueryIsGoldList_data()
{
    QTest::addColumn<int>("neighbourCap");
    QTest::addColumn<int>("watchFactor");
    QTest::addColumn<double>("stars");
    QTest::addColumn<int>("seed");
    QTest::newRow("paper50") << int(GoldSetSpec::paper50().neighbourCap) << 50 << 5.0 << 2;
    QTest::newRow("sampled neighbours") << 25 << 30 << 5.0 << 3;
    QTest::newRow("few neighbours, T=4") << 8 << 20 << 4.0 << 11;
}

void TestBaselines::consensusSingleQueryIsGoldList()
{
    QFETCH(int, neighbourCap);
    QFETCH(int, watchFactor);
    QFETCH(double, stars);
    QFETCH(int, seed);
    GoldSetSpec spec = GoldSetSpec::paper50();
    spec.users = 80;
    spec.neighbourCap = static_cast<std::uint32_t>(neighbourCap);
    spec.watchFactor = watchFactor;
    spec.starThreshold = stars;
    spec.seed = static_cast<std::uint64_t>(seed);
    spec.minGold = 0; // a recommendation of any length is still the builder's gold list
    NullProgress progress;
    auto built = buildGoldSet(*m_sample, spec, GoldSetBuildOptions{}, progress);
    QVERIFY(built.ok());
    QVERIFY(built->users.size() > 20);

    BaselineOptions o;
    o.consensus = spec;
    o.threads = 2;
    const auto r = makeOrFail(*m_sample, BaselineKind::NeighbourConsensus, o);
    const auto query = [&](const GoldSetUser &u, int count) {
        BaselineQuery q;
        q.user = *m_sample->store.findUser(u.user);
        q.seed = spec.seed;
        q.count = count;
        for (std::uint32_t id : u.profile)
            q.profile.push_back(*m_sample->catalogue.find(id));
        return q;
    };
    const auto sourceIds = [&](const Ids &movies) {
        Ids out;
        for (std::uint32_t m : movies)
            out.push_back(m_sample->catalogue.movie(m).sourceId);
        return out;
    };
    std::size_t nonEmpty = 0;
    for (const GoldSetUser &u : built->users) {
        // Every user of the set, asked alone: exactly their gold list (never a profile movie).
        const Ids got = sourceIds(r->recommend(query(u, spec.maxGold)));
        QCOMPARE(got, u.gold);
        nonEmpty += !got.empty();
        // Fewer wanted: the head of the same list.
        const Ids three = sourceIds(r->recommend(query(u, 3)));
        QCOMPARE(three,
                 Ids(u.gold.begin(), u.gold.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(3, u.gold.size()))));
    }
    QVERIFY(nonEmpty > 10);

    // Asked concurrently (the recommender reuses per-worker scratch memory): the same lists.
    // std::thread rather than QThreadPool: ThreadSanitizer cannot see the hand-over through Qt's
    // uninstrumented mutex and would report the task's captures (scripts/tsan.sh).
    std::vector<Ids> parallel(built->users.size());
    {
        constexpr std::size_t kWorkers = 4;
        std::vector<std::thread> workers;
        for (std::size_t w = 0; w < kWorkers; ++w)
            workers.emplace_back([&, w] {
                for (std::size_t i = w; i < built->users.size(); i += kWorkers)
                    parallel[i] = sourceIds(r->recommend(query(built->users[i], spec.maxGold)));
            });
        for (std::thread &t : workers)
            t.join();
    }
    for (std::size_t i = 0; i < built->users.size(); ++i)
        QCOMPARE(parallel[i], built->users[i].gold);

    // A user the rule does not accept (fewer than E five-star ratings) gets nothing, as in the builder.
    const RatingStore &store = m_sample->store;
    std::optional<UserIndex> ineligible;
    for (UserIndex u = 0; u < store.userCount() && !ineligible; ++u) {
        int tops = 0;
        for (Entry e : store.userEntries(u))
            tops += entryRating(e) == 10;
        if (tops < spec.eligibility && store.userRatingCount(u) >= 20)
            ineligible = u;
    }
    QVERIFY(ineligible);
    GoldSetUser outsider;
    outsider.user = store.userSourceId(*ineligible);
    QVERIFY(r->recommend(query(outsider, 10)).empty());
    GoldSetSpec listed = spec;
    listed.userIds = {outsider.user};
    auto alone = buildGoldSet(*m_sample, listed, GoldSetBuildOptions{}, progress);
    QVERIFY(alone.ok());
    QVERIFY(alone->users.empty());
}

void TestBaselines::candidatesForPrompts()
{
    // Candidate ranking: a gold-set user (source ids) gets the recommender's list in source ids,
    // without their profile or rated movies, and unknown profile movies are skipped.
    BaselineOptions o;
    NullProgress progress;
    auto made = makeRecommender(*m_tiny, BaselineKind::MostPopular, o, progress);
    QVERIFY(made);
    const CandidateSource source = baselineCandidates(m_tiny, std::shared_ptr<const Recommender>(std::move(made).value()), 2);
    GoldSetUser u;
    u.user = 3;
    u.profile = {20, 999999};
    QCOMPARE(source(u, 10), (Ids{10, 50})); // as the "rated excluded" row of popular()
    QCOMPARE(source(u, 1), (Ids{10}));
    GoldSetUser stranger;
    stranger.user = 424242; // not in the dataset: only the profile is excluded
    stranger.profile = {10};
    QCOMPARE(source(stranger, 10), (Ids{20, 30, 40, 50}));
}

// The hold-out line of user 1: profile 10, 20; gold 30.
static GoldSetUser holdLine()
{
    GoldSetUser u;
    u.user = 1;
    u.profile = {20, 10};
    u.gold = {30};
    u.split = GoldSetSplit::Test;
    return u;
}

void TestBaselines::heldOutView()
{
    std::uint64_t held = 0;
    const auto view = datasetWithoutHeldOut(*m_hold, {holdLine()}, &held);
    QVERIFY(view);
    QCOMPARE(held, 2u); // 30 (the gold, day 3) and 40 (day 4); 10 and 20 came before the cut
    QCOMPARE(heldOutRatingCount(m_hold->store, m_hold->catalogue, *m_hold->store.findUser(1), holdLine()), 2u);
    const auto count = [&](const Dataset &ds, std::uint32_t movie) {
        return ds.store.movieRatingCount(*ds.catalogue.find(movie));
    };
    const Ids movies{10, 20, 30, 40, 50};
    const std::vector<std::uint64_t> full{1, 2, 3, 2, 3}, visible{1, 2, 2, 1, 3};
    for (std::size_t i = 0; i < movies.size(); ++i) {
        QCOMPARE(count(*m_hold, movies[i]), full[i]);
        QCOMPARE(count(*view, movies[i]), visible[i]);
    }
    const UserIndex u1 = *view->store.findUser(1);
    QCOMPARE(view->store.userRatingCount(u1), 2u);
    QCOMPARE(view->store.ratingOf(u1, *view->catalogue.find(30)), RatingUnits(0));
    QCOMPARE(view->store.ratingOf(u1, *view->catalogue.find(20)), RatingUnits(10));
    QCOMPARE(view->store.userCount(), m_hold->store.userCount()); // dense indices unchanged
    QVERIFY(view->fingerprint != m_hold->fingerprint);
    // A neighbour-consensus line (exclude = rated: the user rated no gold movie) hides nothing.
    GoldSetUser consensus = holdLine();
    consensus.gold = {50};
    QVERIFY(!datasetWithoutHeldOut(*m_hold, {consensus}, &held));
    QCOMPARE(held, 0u);
    QCOMPARE(visibleDataset(m_hold, {consensus}).get(), m_hold.get());
}

void TestBaselines::heldOutBaselines_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<Ids>("expected");
    // Over the view: 50 (3 ratings), 30 (2), 40 (1); 10 and 20 were rated before the cut. The
    // held-out gold 30 is recommended at rank 2 (before the fix every rated movie was excluded,
    // the gold included, and popularity counted user 1's own gold rating).
    QTest::newRow("popular") << int(BaselineKind::MostPopular) << Ids{50, 30, 40};
    // Co-raters in the view: 20 & 30 {3}, 20 & 50 {3}: sim = 1/√(2·2) = 0.5 and 1/√(2·3) ≈ 0.41
    // (with user 1's held-out rating, 20 & 30 would be {1, 3}: the leak). Then 40 fills by count.
    QTest::newRow("itemknn") << int(BaselineKind::ItemKnn) << Ids{30, 50, 40};
}

void TestBaselines::heldOutBaselines()
{
    QFETCH(int, kind);
    QFETCH(Ids, expected);
    BaselineOptions o;
    o.count = 3;
    o.threads = 1;
    o.cache.use = false;
    NullProgress progress;
    auto lists = recommendForGoldSet(*m_hold, {holdLine()}, BaselineKind(kind), o, progress);
    QVERIFY2(lists.ok(), qPrintable(lists ? QString() : lists.error().message));
    QCOMPARE(lists->at(0), expected);
    QVERIFY(std::find(lists->at(0).begin(), lists->at(0).end(), 30u) != lists->at(0).end()); // the gold is reachable
    // Only some users pending (a resumed run): user 1's list is the one of the whole batch when the
    // whole split is given as evaluated (user 2's cut hides their rating of 50 too).
    GoldSetUser other;
    other.user = 2;
    other.profile = {30};
    other.gold = {50};
    const std::vector<GoldSetUser> split{holdLine(), other};
    o.evaluated.reset();
    auto batch = recommendForGoldSet(*m_hold, split, BaselineKind(kind), o, progress);
    QVERIFY(batch.ok());
    o.evaluated = std::make_shared<const std::vector<GoldSetUser>>(split);
    auto resumed = recommendForGoldSet(*m_hold, {holdLine()}, BaselineKind(kind), o, progress);
    QVERIFY(resumed.ok());
    QCOMPARE(resumed->at(0), batch->at(0));
    QCOMPARE(resumed->at(0), (Ids{30, 50, 40})); // 30 and 50 now tie at 2 ratings / 0.5
}

void TestBaselines::heldOutCandidateShortlist()
{
    BaselineOptions o;
    NullProgress progress;
    auto source = heldOutCandidates(m_hold, BaselineKind::MostPopular, {holdLine()}, o, progress);
    QVERIFY(source.ok());
    QCOMPARE(source.value()(holdLine(), 3), (Ids{50, 30, 40}));
}

// Diagnostics on the tiny dataset, worked out by hand. Users 1 and 2 (test split) have gold
// {40, 50} and {30, 40}; neither rated a gold movie, so nothing is held out.
void TestBaselines::diagnosticsKnownAnswers()
{
    GoldSetUser a, b, train;
    a.user = 1;
    a.profile = {10};
    a.gold = {40, 50};
    a.split = GoldSetSplit::Test;
    b.user = 2;
    b.profile = {20};
    b.gold = {30, 40};
    b.split = GoldSetSplit::Test;
    train.user = 3;
    train.profile = {20};
    train.gold = {10};
    train.split = GoldSetSplit::Train; // not in the test split's figures
    const std::vector<GoldSetUser> users{a, b, train};
    NullProgress progress;
    DiagnosticsOptions o;
    o.threads = 1;
    auto d = computeGoldSetDiagnostics(*m_tiny, users, GoldSetSplit::Test, o, progress);
    QVERIFY(d.ok());
    QCOMPARE(d->users, 2u);
    QCOMPARE(d->goldEntries, 4u);
    // MostPopular: user 1 (rated 10, 20, 30) gets 40, 50: 2 hits of 3; user 2 (rated 10, 20)
    // gets 30, 40, 50: 2 hits of 3. P@3 = 2/3; P@5 = 2/5; R@5 = 1; MRR = 1.
    QVERIFY(qAbs(d->popular.precision3 - 2.0 / 3) < 1e-12);
    QVERIFY(qAbs(d->popular.precision5 - 0.4) < 1e-12);
    QVERIFY(qAbs(d->popular.recall5 - 1.0) < 1e-12);
    QVERIFY(qAbs(d->popular.mrr - 1.0) < 1e-12);
    QVERIFY(!d->consensus); // no rule given: no ceiling
    // Jaccard {40, 50} vs {30, 40} = 1/3 (one pair).
    QVERIFY(qAbs(d->meanJaccard - 1.0 / 3) < 1e-12);
    QCOMPARE(d->distinctGold, 3u);
    QCOMPARE(d->topGold, (std::vector<std::pair<std::uint32_t, std::uint64_t>>{{40, 2}, {30, 1}, {50, 1}}));
    QCOMPARE(d->topGoldTitles.first(), QStringLiteral("Forty (2000)"));
    // Rated movies by count: 10, 20 (4), 30, 40 (2), 50 (1). Top 1/5/10 % of 5 movies = 1 movie
    // (10): no gold. Top 60 % = 3 movies (10, 20, 30): one gold entry (30) of 4.
    QCOMPARE(d->goldInTop1, 0.0);
    QCOMPARE(d->goldInTop10, 0.0);
    const std::vector<GoldSetUser> test{a, b};
    QCOMPARE(goldShareInTopPercent(*m_tiny, test, 60), 0.25);
    QCOMPARE(goldShareInTopPercent(*m_tiny, test, 100), 1.0);
    QVERIFY2(d->verdict().startsWith(
                 QStringLiteral("A non-personalised popularity list scores P@3 = 0.67 on this gold set (test split, 2 users)")),
             qPrintable(d->verdict()));
    const QJsonObject j = diagnosticsToJson(d.value());
    QCOMPARE(j.value(QStringLiteral("distinct_gold_movies")).toInt(), 3);
    QVERIFY(j.value(QStringLiteral("text")).toString().contains(QStringLiteral("Forty (2000) (2)")));
    QCOMPARE(meanPairwiseJaccard({a}), 0.0);
    QCOMPARE(diagnosticsSplit(users), GoldSetSplit::Test);
    QCOMPARE(diagnosticsSplit({train}), GoldSetSplit::Train);
}

void TestBaselines::cacheRoundTrip()
{
    ItemKnnCacheOptions c;
    c.cacheDir = m_dir.filePath(QStringLiteral("knn-roundtrip"));
    ItemKnnParams p;
    p.neighbours = 30;
    NullProgress progress;
    bool fromCache = true;
    auto first = loadOrBuildItemKnn(*m_sample, p, c, 2, progress, &fromCache);
    QVERIFY(first.ok());
    QVERIFY(!fromCache);
    const QString path = itemKnnCachePath(c.cacheDir, m_sample->fingerprint, p);
    QVERIFY(QFile::exists(path));
    auto second = loadOrBuildItemKnn(*m_sample, p, c, 2, progress, &fromCache);
    QVERIFY(second.ok());
    QVERIFY(fromCache);
    QCOMPARE(second.value()->offsets(), first.value()->offsets());
    QVERIFY(second.value()->entries() == first.value()->entries());
    QVERIFY(second.value()->params() == p);

    // Other parameters, another dataset: not this file.
    ItemKnnParams q = p;
    q.weighting = ItemKnnWeighting::Rating;
    QVERIFY(itemKnnCachePath(c.cacheDir, m_sample->fingerprint, q) != path);
    auto wrongParams = readItemKnnCache(path, m_sample->store, m_sample->fingerprint, q);
    QVERIFY(!wrongParams.ok());
    QCOMPARE(wrongParams.error().code, ErrorCode(errc::General::CacheMiss));
    auto wrongData = readItemKnnCache(path, m_sample->store, QByteArray("0123"), p);
    QVERIFY(!wrongData.ok());
    auto wrongStore = readItemKnnCache(path, m_tiny->store, m_sample->fingerprint, p);
    QVERIFY(!wrongStore.ok());
    c.use = false;
    auto uncached = loadOrBuildItemKnn(*m_sample, p, c, 2, progress, &fromCache);
    QVERIFY(uncached.ok());
    QVERIFY(!fromCache);
}

void TestBaselines::damagedCacheRebuilt_data()
{
    QTest::addColumn<QString>("damage");
    QTest::newRow("flipped byte") << QStringLiteral("flip");
    QTest::newRow("truncated") << QStringLiteral("truncate");
    QTest::newRow("empty") << QStringLiteral("empty");
    QTest::newRow("garbage") << QStringLiteral("garbage");
    QTest::newRow("header only") << QStringLiteral("header");
}

void TestBaselines::damagedCacheRebuilt()
{
    QFETCH(QString, damage);
    ItemKnnParams p;
    NullProgress progress;
    bool fromCache = true;
    // One table and its cache file for all rows (a build takes minutes under ASan on a slow machine).
    if (!m_damageReference) {
        ItemKnnCacheOptions first;
        first.cacheDir = m_dir.filePath(QStringLiteral("knn-damaged"));
        auto built = loadOrBuildItemKnn(*m_sample, p, first, 2, progress, &fromCache);
        QVERIFY(built.ok() && !fromCache);
        m_damageReference = built.value();
        QFile f(itemKnnCachePath(first.cacheDir, m_sample->fingerprint, p));
        QVERIFY(f.open(QIODevice::ReadOnly));
        m_damageReferenceBytes = f.readAll();
    }
    ItemKnnCacheOptions c;
    c.cacheDir = m_dir.filePath(QStringLiteral("knn-damaged-") + damage);
    const QString path = itemKnnCachePath(c.cacheDir, m_sample->fingerprint, p);
    QByteArray bytes = m_damageReferenceBytes;
    QVERIFY(bytes.size() > 1000);
    if (damage == QLatin1String("flip"))
        bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x40);
    else if (damage == QLatin1String("truncate"))
        bytes.chop(bytes.size() / 3);
    else if (damage == QLatin1String("empty"))
        bytes.clear();
    else if (damage == QLatin1String("garbage"))
        bytes = QByteArray(5000, 'x');
    else
        bytes = bytes.left(40);
    test::writeFile(c.cacheDir, QFileInfo(path).fileName(), bytes);
    auto read = readItemKnnCache(path, m_sample->store, m_sample->fingerprint, p);
    QVERIFY(!read.ok());
    QCOMPARE(read.error().code, ErrorCode(errc::General::CacheMiss));
    auto rebuilt = loadOrBuildItemKnn(*m_sample, p, c, 2, progress, &fromCache);
    QVERIFY(rebuilt.ok());
    QVERIFY(!fromCache);
    QVERIFY(rebuilt.value()->entries() == m_damageReference->entries());
    auto again = loadOrBuildItemKnn(*m_sample, p, c, 2, progress, &fromCache);
    QVERIFY(again.ok());
    QVERIFY(fromCache); // the rebuilt table was written back
}

QTEST_GUILESS_MAIN(TestBaselines)
#include "tst_baselines.moc"
