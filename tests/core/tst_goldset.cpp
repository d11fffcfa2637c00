// Gold sets: every rule of both protocols on hand-made rating sets worked out by hand (ties,
// the user never their own neighbour, threshold edges, half stars, exclusions, min gold), the
// documented random streams, the optimized engine against a brute-force reference on random and
// synthetic data, byte-identical output for any thread count, splits, validation, summary,
// explanations of empty results and cancellation.
#include "core/dataset/datasetloader.h"
#include "fixtures.h"
#include "core/goldset/goldset.h"
#include "core/goldset/goldsetbuilder.h"
#include "core/goldset/goldsetjsonl.h"
#include "core/goldset/goldsetrandom.h"
#include "core/goldset/bitops.h"
#include "core/synth/synth.h"

#include <QDateTime>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <span>
#include <vector>

namespace cinetune::test {

struct TestRating
{
    std::uint32_t user;
    std::uint32_t movie;
    double stars; // 1..5 (Netflix) or 0.5..5 (MovieLens)
    QString date; // YYYY-MM-DD
};
using TestRatings = std::vector<TestRating>;

// Netflix Prize combined_data_1.txt (grouped by movie, ascending) + movie_titles.csv.
inline DatasetPtr loadNetflix(const QTemporaryDir &dir, TestRatings ratings)
{
    std::stable_sort(ratings.begin(), ratings.end(), [](const TestRating &a, const TestRating &b) { return a.movie < b.movie; });
    QByteArray text, titles;
    std::uint32_t current = 0;
    for (const TestRating &r : ratings) {
        if (r.movie != current) {
            current = r.movie;
            text += QByteArray::number(r.movie) + ":\n";
            titles += QByteArray::number(r.movie) + ",2000,Movie " + QByteArray::number(r.movie) + "\n";
        }
        text += QByteArray::number(r.user) + ',' + QByteArray::number(static_cast<int>(r.stars)) + ',' + r.date.toLatin1() + '\n';
    }
    writeFile(dir.path(), QStringLiteral("combined_data_1.txt"), text);
    writeFile(dir.path(), QStringLiteral("movie_titles.csv"), titles);
    LoadOptions o;
    o.threads = 1;
    o.useCache = false;
    NullProgress progress;
    auto ds = loadDataset(dir.path(), o, progress);
    if (!ds)
        qFatal("fixture does not load: %s", qPrintable(ds.error().message));
    return ds.value();
}

// MovieLens ratings.csv (half stars) + movies.csv.
inline DatasetPtr loadMovieLens(const QTemporaryDir &dir, const TestRatings &ratings)
{
    QByteArray text = "userId,movieId,rating,timestamp\n";
    QByteArray movies = "movieId,title,genres\n";
    std::vector<std::uint32_t> ids;
    for (const TestRating &r : ratings) {
        const qint64 ts = QDateTime(QDate::fromString(r.date, Qt::ISODate), QTime(12, 0), Qt::UTC).toSecsSinceEpoch();
        text += QByteArray::number(r.user) + ',' + QByteArray::number(r.movie) + ',' + QByteArray::number(r.stars, 'f', 1) + ','
            + QByteArray::number(ts) + '\n';
        ids.push_back(r.movie);
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    for (std::uint32_t id : ids)
        movies += QByteArray::number(id) + ",Movie " + QByteArray::number(id) + " (2000),Drama\n";
    writeFile(dir.path(), QStringLiteral("ratings.csv"), text);
    writeFile(dir.path(), QStringLiteral("movies.csv"), movies);
    LoadOptions o;
    o.threads = 1;
    o.useCache = false;
    NullProgress progress;
    auto ds = loadDataset(dir.path(), o, progress);
    if (!ds)
        qFatal("fixture does not load: %s", qPrintable(ds.error().message));
    return ds.value();
}

inline GoldSet buildOrFail(const Dataset &ds, const GoldSetSpec &spec, int threads = 1)
{
    NullProgress progress;
    GoldSetBuildOptions o;
    o.threads = threads;
    auto set = buildGoldSet(ds, spec, o, progress);
    if (!set)
        qFatal("build failed: %s", qPrintable(set.error().message));
    return std::move(set.value());
}

// A deterministic random rating set: `users` users with 1..maxPerUser ratings each, movie
// popularity skewed (a few movies are rated by most users), dates over a year.
inline TestRatings randomRatings(std::uint64_t seed, std::uint32_t users, std::uint32_t movies, std::uint32_t maxPerUser,
                                 bool halfStars)
{
    SplitMix64 rng(seed);
    TestRatings out;
    const QDate first(2004, 1, 1);
    for (std::uint32_t u = 1; u <= users; ++u) {
        // Activity: mostly light users, some heavy ones.
        const std::uint32_t n = 1 + (rng.below(4) == 0 ? rng.below(maxPerUser) : rng.below(std::max(2u, maxPerUser / 8)));
        std::vector<std::uint32_t> rated;
        for (std::uint32_t k = 0; k < n; ++k) {
            // Skew: the minimum of two uniform draws favours small movie ids.
            const std::uint32_t m = 1 + std::min(rng.below(movies), rng.below(movies));
            if (std::find(rated.begin(), rated.end(), m) != rated.end())
                continue;
            rated.push_back(m);
            const double stars = halfStars ? 0.5 * (1 + rng.below(10)) : 1 + rng.below(5);
            out.push_back({u * 3 + 7, m * 2 + 1, stars, first.addDays(rng.below(365)).toString(Qt::ISODate)});
        }
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// The reference implementation (slow, literal).
// ---------------------------------------------------------------------------------------------

inline std::vector<std::uint32_t> referenceOrder(const RatingStore &store, const std::vector<std::uint32_t> &movieIds,
                                                 UserIndex u, std::vector<std::uint32_t> positions, std::size_t keep)
{
    const auto row = store.userEntries(u);
    const auto days = store.userDays(u);
    std::sort(positions.begin(), positions.end(), [&](std::uint32_t a, std::uint32_t b) {
        if (entryRating(row[a]) != entryRating(row[b]))
            return entryRating(row[a]) > entryRating(row[b]);
        if (days[a] != days[b])
            return days[a] > days[b];
        return movieIds[entryIndex(row[a])] < movieIds[entryIndex(row[b])];
    });
    if (positions.size() > keep)
        positions.resize(keep);
    return positions;
}

// Floyd's sampling as documented, with a std::set: the elements at k positions of `v`, in order.
inline std::vector<UserIndex> referenceSample(const std::vector<UserIndex> &v, std::uint32_t k, SplitMix64 rng)
{
    const auto n = static_cast<std::uint32_t>(v.size());
    std::set<std::uint32_t> positions;
    for (std::uint32_t j = n - k; j < n; ++j) {
        const std::uint32_t t = rng.below(j + 1);
        positions.insert(positions.count(t) ? j : t);
    }
    std::vector<UserIndex> out;
    for (std::uint32_t p : positions)
        out.push_back(v[p]);
    return out;
}

// Returns the gold set's users (ascending source id, splits assigned) and the dropped counts.
inline std::vector<GoldSetUser> referenceGoldSet(const Dataset &ds, const GoldSetSpec &spec,
                                                 std::array<std::uint64_t, kGoldDropReasonCount> *dropped = nullptr)
{
    const RatingStore &store = ds.store;
    std::vector<std::uint32_t> movieIds(store.movieCount());
    for (MovieIndex m = 0; m < store.movieCount(); ++m)
        movieIds[m] = ds.catalogue.movie(m).sourceId;
    const int T = spec.thresholdUnits();
    const bool holdout = spec.protocol == GoldProtocol::TemporalHoldout;
    auto eligible = [&](UserIndex u) {
        int tops = 0, positives = 0;
        for (Entry e : store.userEntries(u)) {
            tops += entryRating(e) == 10;
            positives += entryRating(e) >= T;
        }
        return store.userRatingCount(u) > 0 && tops >= spec.eligibility && (!holdout || positives >= spec.holdoutSize);
    };
    std::array<std::uint64_t, kGoldDropReasonCount> drops{};
    std::vector<UserIndex> selected;
    if (!spec.userIds.empty()) {
        std::vector<std::uint32_t> ids = spec.userIds;
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        for (std::uint32_t id : ids) {
            const UserIndex u = *store.findUser(id);
            if (eligible(u))
                selected.push_back(u);
            else
                ++drops[static_cast<std::size_t>(GoldDropReason::Ineligible)];
        }
    } else {
        for (UserIndex u = 0; u < store.userCount(); ++u) {
            if (eligible(u))
                selected.push_back(u);
        }
        if (spec.users > 0 && spec.users < selected.size())
            selected = referenceSample(selected, spec.users, SplitMix64::stream(spec.seed, SplitMix64::SampleUsers, 0));
    }
    std::vector<GoldSetUser> users;
    for (UserIndex u : selected) {
        GoldSetUser line;
        line.user = store.userSourceId(u);
        const auto row = store.userEntries(u);
        const auto days = store.userDays(u);
        std::vector<std::uint32_t> all(row.size());
        std::iota(all.begin(), all.end(), 0u);
        std::optional<GoldDropReason> drop;
        if (holdout) {
            auto chrono = [&](std::uint32_t i) { return std::pair<int, std::uint32_t>(days[i], movieIds[entryIndex(row[i])]); };
            std::vector<std::uint32_t> byTime = all;
            std::sort(byTime.begin(), byTime.end(), [&](std::uint32_t a, std::uint32_t b) { return chrono(a) < chrono(b); });
            std::vector<std::uint32_t> held;
            std::size_t cut = byTime.size();
            for (std::size_t k = byTime.size(); k-- > 0 && held.size() < static_cast<std::size_t>(spec.holdoutSize);) {
                if (entryRating(row[byTime[k]]) >= T) {
                    held.push_back(byTime[k]);
                    cut = k;
                }
            }
            std::vector<std::uint32_t> before(byTime.begin(), byTime.begin() + static_cast<std::ptrdiff_t>(cut));
            for (std::uint32_t p : referenceOrder(store, movieIds, u, before, static_cast<std::size_t>(spec.profileSize)))
                line.profile.push_back(movieIds[entryIndex(row[p])]);
            for (std::uint32_t p : referenceOrder(store, movieIds, u, held, held.size()))
                line.gold.push_back(movieIds[entryIndex(row[p])]);
            if (line.profile.empty())
                drop = GoldDropReason::EmptyProfile;
        } else {
            std::vector<MovieIndex> profile;
            for (std::uint32_t p : referenceOrder(store, movieIds, u, all, static_cast<std::size_t>(spec.profileSize))) {
                profile.push_back(entryIndex(row[p]));
                line.profile.push_back(movieIds[entryIndex(row[p])]);
            }
            std::vector<UserIndex> candidates;
            for (UserIndex v = 0; v < store.userCount(); ++v) {
                if (v == u)
                    continue;
                int matches = 0;
                for (MovieIndex m : profile)
                    matches += store.ratingOf(v, m) >= T;
                if (matches >= spec.minMatches)
                    candidates.push_back(v);
            }
            line.candidates = static_cast<std::uint32_t>(candidates.size());
            if (spec.neighbourCap > 0 && candidates.size() > spec.neighbourCap)
                candidates = referenceSample(candidates, spec.neighbourCap,
                                             SplitMix64::stream(spec.seed, SplitMix64::SampleNeighbours, line.user));
            const std::uint64_t N = candidates.size();
            line.neighbours = static_cast<std::uint32_t>(N);
            std::map<std::uint32_t, std::uint64_t> counts; // source movie id -> neighbours
            for (UserIndex v : candidates) {
                for (Entry e : store.userEntries(v))
                    ++counts[movieIds[entryIndex(e)]];
            }
            std::vector<std::pair<std::uint32_t, std::uint64_t>> gold;
            bool reached = false;
            for (const auto &[movie, count] : counts) {
                if (N == 0 || count * 100 < static_cast<std::uint64_t>(spec.watchFactor) * N)
                    continue;
                reached = true;
                const MovieIndex m = *ds.catalogue.find(movie);
                const bool excluded = spec.exclude == GoldExclude::Rated
                    ? store.ratingOf(u, m) > 0
                    : std::find(profile.begin(), profile.end(), m) != profile.end();
                if (!excluded)
                    gold.push_back({movie, count});
            }
            std::sort(gold.begin(), gold.end(), [](const auto &a, const auto &b) {
                return a.second != b.second ? a.second > b.second : a.first < b.first;
            });
            for (std::size_t i = 0; i < gold.size() && i < static_cast<std::size_t>(spec.maxGold); ++i)
                line.gold.push_back(gold[i].first);
            if (N == 0)
                drop = GoldDropReason::NoNeighbours;
            else if (line.gold.size() < static_cast<std::size_t>(spec.minGold))
                drop = line.gold.empty() ? (reached ? GoldDropReason::AllExcluded : GoldDropReason::NoMovieReachesWatchFactor)
                                         : GoldDropReason::TooFewGold;
        }
        if (drop)
            ++drops[static_cast<std::size_t>(*drop)];
        else
            users.push_back(std::move(line));
    }
    // Splits: ascending source id, full Fisher–Yates, cumulative rounded shares.
    std::vector<std::size_t> order(users.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    SplitMix64 rng = SplitMix64::stream(spec.seed, SplitMix64::AssignSplits, 0);
    partialShuffle(std::span<std::size_t>(order), order.size(), rng);
    const std::uint64_t n = users.size();
    const std::uint64_t train = (n * static_cast<std::uint64_t>(spec.split.train) * 2 + 100) / 200;
    const std::uint64_t upToValidation = (n * static_cast<std::uint64_t>(spec.split.train + spec.split.validation) * 2 + 100)
        / 200;
    for (std::size_t i = 0; i < order.size(); ++i)
        users[order[i]].split = i < train ? GoldSetSplit::Train
            : i < upToValidation          ? GoldSetSplit::Validation
                                          : GoldSetSplit::Test;
    if (dropped)
        *dropped = drops;
    return users;
}

} // namespace cinetune::test

using namespace cinetune;
using namespace cinetune::test;

using Ids = QList<quint32>;
Q_DECLARE_METATYPE(GoldSetSpec)
Q_DECLARE_METATYPE(GoldExclude)

namespace {

Ids ids(const std::vector<std::uint32_t> &v)
{
    return Ids(v.begin(), v.end());
}

// The consensus fixture worked out by hand in consensusRules_data().
TestRatings datasetA()
{
    return {{1, 1, 5, "2005-01-02"}, {1, 2, 5, "2005-01-01"}, {1, 3, 3, "2005-01-03"}, {1, 4, 4, "2005-01-03"},
            {2, 1, 5, "2005-02-01"}, {2, 5, 3, "2005-02-01"}, {2, 6, 1, "2005-02-01"}, {2, 3, 2, "2005-02-01"},
            {3, 2, 5, "2005-02-01"}, {3, 5, 4, "2005-02-01"}, {3, 7, 5, "2005-02-01"}, {4, 1, 4, "2005-02-01"},
            {4, 5, 5, "2005-02-01"}, {4, 6, 5, "2005-02-01"}, {5, 2, 5, "2005-02-01"}, {5, 1, 5, "2005-02-01"},
            {5, 6, 2, "2005-02-01"}, {5, 8, 1, "2005-02-01"}, {5, 7, 4, "2005-02-01"}, {6, 1, 5, "2005-02-01"},
            {6, 7, 3, "2005-02-01"}, {6, 4, 5, "2005-02-01"}, {6, 3, 1, "2005-02-01"}};
}

GoldSetSpec oneUser(std::uint32_t user)
{
    GoldSetSpec s = GoldSetSpec::paper50();
    s.userIds = {user};
    s.eligibility = 1;
    s.profileSize = 2;
    s.neighbourCap = 0;
    return s;
}

// Cancels as soon as a report of `phase` arrives (or at once when phase is empty).
class CancelAt final : public Progress
{
public:
    explicit CancelAt(QString phase)
        : m_phase(std::move(phase))
    {}
    void report(double, const QString &phase) override
    {
        if (phase == m_phase)
            m_canceled = true;
    }
    bool canceled() const override { return m_phase.isEmpty() || m_canceled.load(); }

private:
    QString m_phase;
    std::atomic<bool> m_canceled{false};
};

} // namespace

class TestGoldSet : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void randomKnownAnswers();
    void bitCounting();
    void consensusRules_data();
    void consensusRules();
    void dropReasons_data();
    void dropReasons();
    void halfStars_data();
    void halfStars();
    void profileOrder();
    void holdout_data();
    void holdout();
    void neighbourCapSampling();
    void matchesReference_data();
    void matchesReference();
    void wideRanks();
    void sameBytesForAnyThreads_data();
    void sameBytesForAnyThreads();
    void userSelection();
    void splits_data();
    void splits();
    void specValidation_data();
    void specValidation();
    void presets();
    void summary();
    void emptyExplained_data();
    void emptyExplained();
    void cancel_data();
    void cancel();

private:
    QTemporaryDir m_synthDir;
    DatasetPtr m_synth;
};

void TestGoldSet::initTestCase()
{
    // A realistic dataset big enough for bitmap users, many ranks and real sampling.
    SynthOptions o;
    o.users = 3000;
    o.seed = 5;
    o.threads = 2;
    NullProgress progress;
    auto written = writeSynthNetflix(m_synthDir.path(), o, progress);
    QVERIFY2(written.ok(), qPrintable(written ? QString() : written.error().message));
    LoadOptions load;
    load.useCache = false;
    auto ds = loadDataset(m_synthDir.path(), load, progress);
    QVERIFY2(ds.ok(), qPrintable(ds ? QString() : ds.error().message));
    m_synth = ds.value();
}

void TestGoldSet::randomKnownAnswers()
{
    // splitmix64 from state 0: the published reference outputs.
    SplitMix64 zero(0);
    QCOMPARE(zero.next(), 0xE220A8397B1DCDAFull);
    QCOMPARE(zero.next(), 0x6E789E6AA1B965F4ull);
    QCOMPARE(zero.next(), 0x06C45D188009454Full);
    // Streams and bounded draws as documented (values from an independent implementation).
    SplitMix64 split = SplitMix64::stream(1, SplitMix64::AssignSplits, 0);
    QCOMPARE(split.next(), 0xF8973D0EFE6F9B43ull);
    SplitMix64 neighbours = SplitMix64::stream(1, SplitMix64::SampleNeighbours, 42);
    std::vector<std::uint32_t> draws;
    for (int i = 0; i < 8; ++i)
        draws.push_back(neighbours.below(10));
    QCOMPARE(draws, (std::vector<std::uint32_t>{3, 1, 5, 5, 0, 8, 8, 5}));
    SplitMix64 users = SplitMix64::stream(7, SplitMix64::SampleUsers, 0);
    std::vector<int> v(10);
    std::iota(v.begin(), v.end(), 0);
    partialShuffle(std::span<int>(v), 4, users);
    QCOMPARE(v, (std::vector<int>{9, 8, 0, 3, 4, 5, 6, 7, 1, 2}));
    // Floyd's sample of 4 of 10 from stream (7, 1, 0).
    std::vector<std::uint64_t> marks(1, 0);
    SplitMix64 floyd = SplitMix64::stream(7, SplitMix64::SampleUsers, 0);
    floydSample(10, 4, floyd, marks);
    QCOMPARE(marks[0], std::uint64_t{0x1C1}); // positions 0, 6, 7, 8
    // below(n) stays in range for awkward n.
    SplitMix64 r(99);
    for (std::uint32_t n : {1u, 2u, 3u, 7u, 1000000007u, 4294967295u}) {
        for (int i = 0; i < 200; ++i)
            QVERIFY(r.below(n) < n);
    }
}

void TestGoldSet::bitCounting()
{
    // popcount and select without POPCNT, against the naive loops.
    SplitMix64 rng(17);
    for (int i = 0; i < 20000; ++i) {
        std::uint64_t x = rng.next();
        if (i % 3 == 1)
            x &= rng.next() & rng.next();
        if (i % 7 == 2)
            x = std::uint64_t{1} << (i % 64);
        if (i % 11 == 3)
            x = ~std::uint64_t{0} << (i % 64);
        unsigned naive = 0;
        for (std::uint64_t y = x; y; y &= y - 1)
            ++naive;
        QCOMPARE(bitops::popcount(x), naive);
        std::uint64_t y = x;
        for (unsigned k = 0; k < naive; ++k, y &= y - 1)
            QCOMPARE(bitops::select(x, k), unsigned(std::countr_zero(y)));
    }
    QCOMPARE(bitops::popcount(0), 0u);
}

void TestGoldSet::consensusRules_data()
{
    QTest::addColumn<GoldSetSpec>("spec");
    QTest::addColumn<Ids>("gold");
    QTest::addColumn<int>("neighbours");
    QTest::addColumn<int>("candidates");
    QTest::addColumn<int>("dropped"); // GoldDropReason or -1 when kept

    // User 1: profile (P = 2) = movies 1 and 2 (5 stars; 1 is more recent). Neighbours (5 stars on
    // 1 or 2, never user 1): 2, 3, 5, 6 (user 4 gave movie 1 only 4 stars) -> N = 4.
    // Counts: m1 3, m2 2, m3 2, m4 1, m5 2, m6 2, m7 3, m8 1. W = 50: count * 100 >= 200.
    // User 1 rated 1..4 -> gold m7 (3), then m5 and m6 (2, ids ascending).
    const GoldSetSpec base = oneUser(1);
    auto with = [&](auto change) {
        GoldSetSpec s = base;
        change(s);
        return s;
    };
    QTest::newRow("paper-rules") << base << Ids{7, 5, 6} << 4 << 4 << -1;
    QTest::newRow("exclude-profile") << with([](GoldSetSpec &s) { s.exclude = GoldExclude::Profile; }) << Ids{7, 3, 5, 6} << 4
                                     << 4 << -1;
    QTest::newRow("max-gold-cuts-ties") << with([](GoldSetSpec &s) { s.maxGold = 2; }) << Ids{7, 5} << 4 << 4 << -1;
    // M = 2: only user 5 gave 5 stars to both -> N = 1, every movie of user 5 qualifies.
    QTest::newRow("min-matches-2") << with([](GoldSetSpec &s) { s.minMatches = 2; }) << Ids{6, 7, 8} << 1 << 1 << -1;
    // T = 4 adds user 4 -> N = 5, need 250 -> count 3: m1 4, m5 3, m6 3, m7 3.
    QTest::newRow("threshold-4-stars") << with([](GoldSetSpec &s) { s.starThreshold = 4; }) << Ids{5, 6, 7} << 5 << 5 << -1;
    QTest::newRow("threshold-4.5-is-5-on-whole-stars")
        << with([](GoldSetSpec &s) { s.starThreshold = 4.5; }) << Ids{7, 5, 6} << 4 << 4 << -1;
    // Exactly on the boundary: 3 * 100 >= 75 * 4; one percent more and nothing qualifies.
    QTest::newRow("watch-75-boundary") << with([](GoldSetSpec &s) { s.watchFactor = 75; }) << Ids{7} << 4 << 4 << -1;
    QTest::newRow("watch-76-none") << with([](GoldSetSpec &s) { s.watchFactor = 76; }) << Ids{} << 4 << 4
                                   << int(GoldDropReason::NoMovieReachesWatchFactor);
    QTest::newRow("watch-51") << with([](GoldSetSpec &s) { s.watchFactor = 51; }) << Ids{7} << 4 << 4 << -1;
    QTest::newRow("watch-100") << with([](GoldSetSpec &s) { s.watchFactor = 100; }) << Ids{} << 4 << 4
                               << int(GoldDropReason::NoMovieReachesWatchFactor);
    QTest::newRow("cap-equal-to-candidates") << with([](GoldSetSpec &s) { s.neighbourCap = 4; }) << Ids{7, 5, 6} << 4 << 4 << -1;
    QTest::newRow("min-gold-4") << with([](GoldSetSpec &s) { s.minGold = 4; }) << Ids{} << 4 << 4
                                << int(GoldDropReason::TooFewGold);
    QTest::newRow("min-gold-3") << with([](GoldSetSpec &s) { s.minGold = 3; }) << Ids{7, 5, 6} << 4 << 4 << -1;
    QTest::newRow("min-gold-0-keeps-empty") << with([](GoldSetSpec &s) {
        s.minGold = 0;
        s.watchFactor = 76;
    }) << Ids{} << 4 << 4 << -1;
    // P = 1: profile = movie 1; neighbours 2, 5, 6 -> need 150 -> count 2: m1, m3, m6, m7.
    QTest::newRow("profile-1") << with([](GoldSetSpec &s) { s.profileSize = 1; }) << Ids{6, 7} << 3 << 3 << -1;
}

void TestGoldSet::consensusRules()
{
    QFETCH(GoldSetSpec, spec);
    QFETCH(Ids, gold);
    QFETCH(int, neighbours);
    QFETCH(int, candidates);
    QFETCH(int, dropped);
    QTemporaryDir dir;
    const DatasetPtr ds = loadNetflix(dir, datasetA());
    const GoldSet set = buildOrFail(*ds, spec);
    QCOMPARE(set.summary.selectedUsers, 1u);
    if (dropped >= 0) {
        QCOMPARE(set.users.size(), 0u);
        QCOMPARE(set.summary.dropped[static_cast<std::size_t>(dropped)], 1u);
        QVERIFY(!set.summary.explanation.isEmpty());
    } else {
        QCOMPARE(set.users.size(), 1u);
        const GoldSetUser &u = set.users.front();
        QCOMPARE(u.user, 1u);
        QCOMPARE(ids(u.profile), (spec.profileSize == 1 ? Ids{1} : Ids{1, 2}));
        QCOMPARE(ids(u.gold), gold);
        QCOMPARE(int(u.neighbours), neighbours);
        QCOMPARE(int(u.candidates), candidates);
        QCOMPARE(u.split, GoldSetSplit::Train); // one user: round(0.7) = 1 train
    }
    // The brute-force reference agrees.
    std::array<std::uint64_t, kGoldDropReasonCount> refDropped{};
    QCOMPARE(goldSetToJsonl(set.users), goldSetToJsonl(referenceGoldSet(*ds, spec, &refDropped)));
    QCOMPARE(set.summary.dropped, refDropped);
}

void TestGoldSet::dropReasons_data()
{
    QTest::addColumn<GoldSetSpec>("spec");
    QTest::addColumn<int>("dropped"); // -1 = kept
    QTest::addColumn<Ids>("gold");
    GoldSetSpec base = oneUser(10);
    base.profileSize = 10;
    auto spec = [&](std::uint32_t user, auto change) {
        GoldSetSpec s = base;
        s.userIds = {user};
        change(s);
        return s;
    };
    auto none = [](GoldSetSpec &) {};
    // User 10 rated 1 and 2 with 5 stars; its only neighbour (11) rated just those.
    QTest::newRow("all-excluded-rated") << spec(10, none) << int(GoldDropReason::AllExcluded) << Ids{};
    QTest::newRow("all-excluded-profile") << spec(10, [](GoldSetSpec &s) { s.exclude = GoldExclude::Profile; })
                                          << int(GoldDropReason::AllExcluded) << Ids{};
    // User 12 is the only one who rated movie 3 at all: never their own neighbour.
    QTest::newRow("no-neighbours-not-even-oneself") << spec(12, none) << int(GoldDropReason::NoNeighbours) << Ids{};
    QTest::newRow("kept") << spec(13, none) << -1 << Ids{6, 7};
    QTest::newRow("too-few-gold") << spec(13, [](GoldSetSpec &s) { s.minGold = 3; }) << int(GoldDropReason::TooFewGold) << Ids{};
    QTest::newRow("ineligible-listed") << spec(13, [](GoldSetSpec &s) { s.eligibility = 2; }) << int(GoldDropReason::Ineligible)
                                       << Ids{};
}

void TestGoldSet::dropReasons()
{
    QFETCH(GoldSetSpec, spec);
    QFETCH(int, dropped);
    QFETCH(Ids, gold);
    QTemporaryDir dir;
    const DatasetPtr ds = loadNetflix(dir,
                                      {{10, 1, 5, "2005-01-01"},
                                       {10, 2, 5, "2005-01-02"},
                                       {11, 1, 5, "2005-01-01"},
                                       {11, 2, 3, "2005-01-01"},
                                       {12, 3, 5, "2005-01-01"},
                                       {13, 4, 5, "2005-01-01"},
                                       {13, 5, 4, "2005-01-01"},
                                       {14, 4, 5, "2005-01-01"},
                                       {14, 6, 2, "2005-01-01"},
                                       {14, 7, 2, "2005-01-01"}});
    const GoldSet set = buildOrFail(*ds, spec);
    if (dropped < 0) {
        QCOMPARE(set.users.size(), 1u);
        QCOMPARE(ids(set.users.front().gold), gold);
    } else {
        QCOMPARE(set.users.size(), 0u);
        QCOMPARE(set.summary.dropped[static_cast<std::size_t>(dropped)], 1u);
        QCOMPARE(set.summary.droppedTotal(), 1u);
        QVERIFY2(set.summary.explanation.endsWith(dropReasonText(static_cast<GoldDropReason>(dropped), spec)),
                 qPrintable(set.summary.explanation));
    }
}

void TestGoldSet::halfStars_data()
{
    QTest::addColumn<double>("threshold");
    QTest::addColumn<Ids>("gold");
    QTest::addColumn<int>("neighbours");
    // User 1: 5.0 on 10, 4.5 on 20. User 2: 4.5 on 10; user 3: 5.0 on 20; user 4: 4.0 on 10.
    QTest::newRow("4.5 accepts 4.5 and 5, not 4") << 4.5 << Ids{30, 40} << 2;
    QTest::newRow("5 accepts only 5.0") << 5.0 << Ids{40} << 1;
    QTest::newRow("4 accepts 4.0") << 4.0 << Ids{30, 40, 50} << 3;
    QTest::newRow("0.5 accepts everything") << 0.5 << Ids{30, 40, 50} << 3;
}

void TestGoldSet::halfStars()
{
    QFETCH(double, threshold);
    QFETCH(Ids, gold);
    QFETCH(int, neighbours);
    QTemporaryDir dir;
    const DatasetPtr ds = loadMovieLens(dir,
                                        {{1, 10, 5.0, "2005-01-02"},
                                         {1, 20, 4.5, "2005-01-01"},
                                         {2, 10, 4.5, "2005-01-01"},
                                         {2, 30, 3.0, "2005-01-01"},
                                         {3, 20, 5.0, "2005-01-01"},
                                         {3, 40, 2.0, "2005-01-01"},
                                         {4, 10, 4.0, "2005-01-01"},
                                         {4, 50, 1.0, "2005-01-01"}});
    QVERIFY(ds->store.halfStars());
    GoldSetSpec spec = oneUser(1);
    spec.starThreshold = threshold;
    spec.watchFactor = 30;
    const GoldSet set = buildOrFail(*ds, spec);
    QCOMPARE(set.users.size(), 1u);
    QCOMPARE(ids(set.users.front().profile), (Ids{10, 20}));
    QCOMPARE(ids(set.users.front().gold), gold);
    QCOMPARE(int(set.users.front().neighbours), neighbours);
    QCOMPARE(goldSetToJsonl(set.users), goldSetToJsonl(referenceGoldSet(*ds, spec)));
}

void TestGoldSet::profileOrder()
{
    // Rating desc, then date desc, then movie id asc.
    QTemporaryDir dir;
    const DatasetPtr ds = loadNetflix(dir,
                                      {{1, 3, 5, "2005-01-01"},
                                       {1, 1, 5, "2005-01-01"},
                                       {1, 2, 5, "2005-02-01"},
                                       {1, 4, 4, "2005-03-01"},
                                       {1, 5, 5, "2004-12-31"},
                                       {2, 1, 5, "2005-01-01"},
                                       {2, 9, 1, "2005-01-01"}});
    GoldSetSpec spec = oneUser(1);
    spec.profileSize = 4;
    QCOMPARE(ids(buildOrFail(*ds, spec).users.at(0).profile), (Ids{2, 1, 3, 5}));
    spec.profileSize = 10;
    QCOMPARE(ids(buildOrFail(*ds, spec).users.at(0).profile), (Ids{2, 1, 3, 5, 4}));
    spec.protocol = GoldProtocol::TemporalHoldout;
    spec.holdoutSize = 1;
    spec.starThreshold = 5;
    // Hold-out: the last positive (2005-02-01, movie 2) is gold; profile from the earlier ones.
    const GoldSet h = buildOrFail(*ds, spec);
    QCOMPARE(ids(h.users.at(0).gold), (Ids{2}));
    QCOMPARE(ids(h.users.at(0).profile), (Ids{1, 3, 5}));
}

void TestGoldSet::holdout_data()
{
    QTest::addColumn<bool>("sameDayTie");
    QTest::addColumn<std::uint32_t>("user");
    QTest::addColumn<int>("profileSize");
    QTest::addColumn<int>("held");
    QTest::addColumn<double>("threshold");
    QTest::addColumn<Ids>("profile");
    QTest::addColumn<Ids>("gold");
    QTest::addColumn<int>("dropped");
    // User 1 (2005-01-0d): m1 5 @1, m2 2 @2, m3 4 @3, m4 5 @4, m5 1 @5, m6 4 @5, m7 3 @6
    // (+ m8 4 @4 with sameDayTie). Positives (>= 4): 1, 3, 4, 6 (+ 8).
    QTest::newRow("last-2") << false << 1u << 2 << 2 << 4.0 << Ids{1, 3} << Ids{4, 6} << -1;
    QTest::newRow("profile-1") << false << 1u << 1 << 2 << 4.0 << Ids{1} << Ids{4, 6} << -1;
    QTest::newRow("negatives-after-cut-ignored") << false << 1u << 10 << 2 << 4.0 << Ids{1, 3, 2} << Ids{4, 6} << -1;
    QTest::newRow("same-day-by-movie-id-3") << true << 1u << 2 << 3 << 4.0 << Ids{1, 3} << Ids{4, 6, 8} << -1;
    QTest::newRow("same-day-by-movie-id-2") << true << 1u << 2 << 2 << 4.0 << Ids{4, 1} << Ids{6, 8} << -1;
    QTest::newRow("all-positives-held") << false << 1u << 2 << 4 << 4.0 << Ids{} << Ids{} << int(GoldDropReason::EmptyProfile);
    QTest::newRow("threshold-5") << false << 1u << 2 << 1 << 5.0 << Ids{1, 3} << Ids{4} << -1;
    QTest::newRow("nothing-before") << false << 2u << 2 << 2 << 4.0 << Ids{} << Ids{} << int(GoldDropReason::EmptyProfile);
    QTest::newRow("too-few-positives") << false << 3u << 2 << 2 << 4.0 << Ids{} << Ids{} << int(GoldDropReason::Ineligible);
}

void TestGoldSet::holdout()
{
    QFETCH(bool, sameDayTie);
    QFETCH(std::uint32_t, user);
    QFETCH(int, profileSize);
    QFETCH(int, held);
    QFETCH(double, threshold);
    QFETCH(Ids, profile);
    QFETCH(Ids, gold);
    QFETCH(int, dropped);
    TestRatings r = {{1, 1, 5, "2005-01-01"}, {1, 2, 2, "2005-01-02"}, {1, 3, 4, "2005-01-03"}, {1, 4, 5, "2005-01-04"},
                     {1, 5, 1, "2005-01-05"}, {1, 6, 4, "2005-01-05"}, {1, 7, 3, "2005-01-06"}, {2, 1, 5, "2005-01-01"},
                     {2, 2, 5, "2005-01-02"}, {3, 1, 4, "2005-01-01"}, {3, 9, 1, "2005-01-02"}};
    if (sameDayTie)
        r.push_back({1, 8, 4, "2005-01-04"});
    QTemporaryDir dir;
    const DatasetPtr ds = loadNetflix(dir, r);
    GoldSetSpec spec = GoldSetSpec::temporalHoldout();
    spec.userIds = {user};
    spec.profileSize = profileSize;
    spec.holdoutSize = held;
    spec.starThreshold = threshold;
    const GoldSet set = buildOrFail(*ds, spec);
    if (dropped >= 0) {
        QCOMPARE(set.users.size(), 0u);
        QCOMPARE(set.summary.dropped[static_cast<std::size_t>(dropped)], 1u);
    } else {
        QCOMPARE(set.users.size(), 1u);
        QCOMPARE(ids(set.users.front().profile), profile);
        QCOMPARE(ids(set.users.front().gold), gold);
        QCOMPARE(set.users.front().neighbours, 0u);
    }
    QCOMPARE(goldSetToJsonl(set.users), goldSetToJsonl(referenceGoldSet(*ds, spec)));
}

void TestGoldSet::neighbourCapSampling()
{
    // User 1's profile is movie 1; users 2..41 all rated it 5 -> 40 candidates, 10 sampled.
    // Their other movies differ, so the gold set shows which neighbours were drawn.
    TestRatings r = {{1, 1, 5, "2005-01-01"}};
    for (std::uint32_t u = 2; u <= 41; ++u) {
        r.push_back({u, 1, 5, "2005-01-01"});
        r.push_back({u, 100 + u % 7, 3, "2005-01-01"});
        r.push_back({u, 200 + u % 5, 2, "2005-01-01"});
    }
    QTemporaryDir dir;
    const DatasetPtr ds = loadNetflix(dir, r);
    GoldSetSpec spec = oneUser(1);
    spec.profileSize = 1;
    spec.neighbourCap = 10;
    spec.watchFactor = 20; // need 2 of 10
    spec.maxGold = 20;
    QSet<QByteArray> distinct;
    for (std::uint64_t seed = 1; seed <= 12; ++seed) {
        spec.seed = seed;
        const GoldSet set = buildOrFail(*ds, spec);
        QCOMPARE(set.users.size(), 1u);
        QCOMPARE(set.users.front().neighbours, 10u);
        QCOMPARE(set.users.front().candidates, 40u);
        // The documented draw: Floyd's sample of positions in the ascending candidates, stream (seed, 2, 1).
        const QByteArray bytes = goldSetToJsonl(set.users);
        QCOMPARE(bytes, goldSetToJsonl(referenceGoldSet(*ds, spec)));
        QCOMPARE(goldSetToJsonl(buildOrFail(*ds, spec, 3).users), bytes); // reproducible
        distinct.insert(bytes);
    }
    QVERIFY2(distinct.size() >= 3, "the seed should change the neighbour sample");
}

void TestGoldSet::matchesReference_data()
{
    QTest::addColumn<bool>("synth");
    QTest::addColumn<quint64>("dataSeed");
    QTest::addColumn<bool>("halfStars");
    QTest::addColumn<GoldSetSpec>("spec");
    auto spec = [](auto change) {
        GoldSetSpec s = GoldSetSpec::paper50();
        s.users = 60;
        s.eligibility = 1;
        change(s);
        return s;
    };
    QTest::newRow("random-paper50-cap40") << false << 11ull << false << spec([](GoldSetSpec &s) { s.neighbourCap = 40; });
    QTest::newRow("random-T4-W40-cap25") << false << 12ull << false << spec([](GoldSetSpec &s) {
        s.neighbourCap = 25;
        s.starThreshold = 4;
        s.watchFactor = 40;
    });
    QTest::newRow("random-all-neighbours-M3") << false << 13ull << false << spec([](GoldSetSpec &s) {
        s.neighbourCap = 0;
        s.profileSize = 5;
        s.minMatches = 3;
        s.starThreshold = 3;
        s.watchFactor = 30;
        s.exclude = GoldExclude::Profile;
        s.maxGold = 5;
        s.minGold = 2;
    });
    QTest::newRow("random-W1-everything") << false << 14ull << false << spec([](GoldSetSpec &s) {
        s.neighbourCap = 0;
        s.starThreshold = 1;
        s.watchFactor = 1;
        s.maxGold = 50;
    });
    QTest::newRow("random-odd-cap-W35") << false << 15ull << false << spec([](GoldSetSpec &s) {
        s.neighbourCap = 23;
        s.watchFactor = 35;
        s.users = 0;
    });
    QTest::newRow("random-half-stars") << false << 16ull << true << spec([](GoldSetSpec &s) {
        s.neighbourCap = 30;
        s.starThreshold = 4.5;
        s.watchFactor = 40;
    });
    QTest::newRow("random-holdout") << false << 17ull << false << spec([](GoldSetSpec &s) {
        s = GoldSetSpec::temporalHoldout();
        s.users = 0;
        s.holdoutSize = 3;
        s.profileSize = 4;
    });
    QTest::newRow("synth-paper50") << true << 0ull << false << spec([](GoldSetSpec &s) {
        s.users = 12;
        s.neighbourCap = 400;
    });
    QTest::newRow("synth-paper60-few-neighbours") << true << 0ull << false << spec([](GoldSetSpec &s) {
        s.users = 12;
        s.neighbourCap = 37;
        s.starThreshold = 4;
        s.watchFactor = 60;
        s.seed = 77;
    });
    QTest::newRow("synth-all-candidates-M2") << true << 0ull << false << spec([](GoldSetSpec &s) {
        s.users = 6;
        s.neighbourCap = 0;
        s.minMatches = 2;
        s.watchFactor = 45;
    });
}

void TestGoldSet::matchesReference()
{
    QFETCH(bool, synth);
    QFETCH(quint64, dataSeed);
    QFETCH(bool, halfStars);
    QFETCH(GoldSetSpec, spec);
    QTemporaryDir dir;
    DatasetPtr ds = m_synth;
    if (!synth) {
        const TestRatings r = randomRatings(dataSeed, 300, 260, 160, halfStars);
        ds = halfStars ? loadMovieLens(dir, r) : loadNetflix(dir, r);
    }
    std::array<std::uint64_t, kGoldDropReasonCount> dropped{};
    const QByteArray expected = goldSetToJsonl(referenceGoldSet(*ds, spec, &dropped));
    const GoldSet set = buildOrFail(*ds, spec, 2);
    QCOMPARE(goldSetToJsonl(set.users), expected);
    QCOMPARE(set.summary.dropped, dropped);
    QVERIFY(set.summary.keptUsers > 0);
}

void TestGoldSet::wideRanks()
{
    // More than 65,536 movies: ranks no longer fit 16 bits. Movies 1..5000 have one rating each,
    // 5001..70000 two, so the low ids rank last (>= 65,005); 40 users all gave 5 stars to
    // 70001..70005. With two neighbours every movie of theirs is gold (need = 1).
    TestRatings r;
    SplitMix64 rng(3);
    for (std::uint32_t m = 1; m <= 70000; ++m) {
        r.push_back({1000 + m % 40, m, static_cast<double>(1 + rng.below(4)), "2005-01-01"});
        if (m > 5000)
            r.push_back({1000 + (m + 1) % 40, m, static_cast<double>(1 + rng.below(4)), "2005-01-01"});
    }
    for (std::uint32_t u = 1000; u < 1040; ++u) {
        for (std::uint32_t m = 70001; m <= 70005; ++m)
            r.push_back({u, m, 5, "2005-01-02"});
    }
    QTemporaryDir dir;
    const DatasetPtr ds = loadNetflix(dir, r);
    QVERIFY(ds->store.movieCount() > 65536);
    GoldSetSpec spec = GoldSetSpec::paper50();
    spec.users = 0;
    spec.eligibility = 1;
    spec.profileSize = 5;
    spec.neighbourCap = 2;
    spec.maxGold = 1000;
    const GoldSet set = buildOrFail(*ds, spec, 2);
    QCOMPARE(set.users.size(), 40u);
    QVERIFY(std::any_of(set.users.front().gold.begin(), set.users.front().gold.end(), [](std::uint32_t m) { return m < 5000; }));
    QCOMPARE(goldSetToJsonl(set.users), goldSetToJsonl(referenceGoldSet(*ds, spec)));
}

void TestGoldSet::sameBytesForAnyThreads_data()
{
    QTest::addColumn<bool>("synth");
    QTest::addColumn<GoldSetSpec>("spec");
    GoldSetSpec p50 = GoldSetSpec::paper50();
    p50.users = 200;
    p50.neighbourCap = 300;
    GoldSetSpec p60 = GoldSetSpec::paper60();
    p60.users = 150;
    p60.neighbourCap = 0;
    GoldSetSpec hold = GoldSetSpec::temporalHoldout();
    hold.users = 0;
    GoldSetSpec sample = GoldSetSpec::paper50();
    sample.users = 0;
    sample.neighbourCap = 50;
    QTest::newRow("synth-paper50") << true << p50;
    QTest::newRow("synth-paper60-all-neighbours") << true << p60;
    QTest::newRow("synth-holdout") << true << hold;
    QTest::newRow("sample-paper50-cap50") << false << sample;
}

void TestGoldSet::sameBytesForAnyThreads()
{
    QFETCH(bool, synth);
    QFETCH(GoldSetSpec, spec);
    DatasetPtr ds = m_synth;
    if (!synth) {
        NullProgress progress;
        LoadOptions o;
        o.useCache = false;
        auto loaded = loadDataset(QStringLiteral(":sample"), o, progress);
        QVERIFY2(loaded.ok(), qPrintable(loaded ? QString() : loaded.error().message));
        ds = loaded.value();
    }
    const GoldSet one = buildOrFail(*ds, spec, 1);
    QVERIFY(one.users.size() > 10);
    const QByteArray bytes = goldSetToJsonl(one.users);
    for (int threads : {2, 4}) {
        const GoldSet many = buildOrFail(*ds, spec, threads);
        QCOMPARE(goldSetToJsonl(many.users), bytes);
        QVERIFY(many == one); // summary and spec too
    }
    spec.seed += 1;
    if (spec.protocol == GoldProtocol::NeighbourConsensus || spec.users > 0)
        QVERIFY(goldSetToJsonl(buildOrFail(*ds, spec, 2).users) != bytes);
}

void TestGoldSet::userSelection()
{
    const Dataset &ds = *m_synth;
    GoldSetSpec spec = GoldSetSpec::temporalHoldout(); // fast
    spec.users = 0;
    const GoldSet all = buildOrFail(ds, spec);
    const std::uint64_t eligible = all.summary.eligibleUsers;
    QVERIFY(eligible > 100);
    QCOMPARE(all.summary.selectedUsers, eligible);
    // The wizard's first page counts them without a build: the same number, for either protocol.
    NullProgress counting;
    QCOMPARE(countEligibleUsers(ds, spec, counting).value(), eligible);
    GoldSetSpec consensus = GoldSetSpec::paper50();
    consensus.users = 0;
    QCOMPARE(countEligibleUsers(ds, consensus, counting, 2).value(), buildOrFail(ds, consensus).summary.eligibleUsers);
    consensus.profileSize = 0; // invalid: the spec's message, no count
    QVERIFY(!countEligibleUsers(ds, consensus, counting));
    spec.users = 40;
    const GoldSet some = buildOrFail(ds, spec);
    QCOMPARE(some.summary.selectedUsers, 40u);
    QCOMPARE(some.summary.eligibleUsers, eligible);
    QCOMPARE(some.summary.keptUsers + some.summary.droppedTotal(), 40u);
    QVERIFY(std::is_sorted(some.users.begin(), some.users.end(), [](const auto &a, const auto &b) { return a.user < b.user; }));
    QCOMPARE(goldSetToJsonl(some.users), goldSetToJsonl(referenceGoldSet(ds, spec)));
    spec.seed = 2;
    QVERIFY(goldSetToJsonl(buildOrFail(ds, spec).users) != goldSetToJsonl(some.users));

    // Listed users: order and duplicates do not matter; unknown ids are an error.
    spec.userIds = {ds.store.userSourceId(5), ds.store.userSourceId(3), ds.store.userSourceId(5)};
    const GoldSet listed = buildOrFail(ds, spec);
    QCOMPARE(listed.summary.selectedUsers, 2u);
    spec.userIds.push_back(4000000000u);
    NullProgress progress;
    auto bad = buildGoldSet(ds, spec, {}, progress);
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().code, ErrorCode(errc::General::InvalidArgument));
    QVERIFY2(bad.error().message.contains(QStringLiteral("4000000000")), qPrintable(bad.error().message));
}

void TestGoldSet::splits_data()
{
    QTest::addColumn<int>("users");
    QTest::addColumn<int>("train");
    QTest::addColumn<int>("validation");
    QTest::addColumn<int>("test");
    QTest::addColumn<QList<int>>("sizes");
    QTest::newRow("1000 at 70/20/10") << 1000 << 70 << 20 << 10 << QList<int>{700, 200, 100};
    QTest::newRow("9 at 70/20/10") << 9 << 70 << 20 << 10 << QList<int>{6, 2, 1}; // 6.3, 8.1 -> 6, 8
    QTest::newRow("5 at 70/20/10") << 5 << 70 << 20 << 10 << QList<int>{4, 1, 0}; // 3.5 -> 4, 4.5 -> 5
    QTest::newRow("1 at 70/20/10") << 1 << 70 << 20 << 10 << QList<int>{1, 0, 0};
    QTest::newRow("0 users") << 0 << 70 << 20 << 10 << QList<int>{0, 0, 0};
    QTest::newRow("all test") << 7 << 0 << 0 << 100 << QList<int>{0, 0, 7};
    QTest::newRow("33/33/34 of 10") << 10 << 33 << 33 << 34 << QList<int>{3, 4, 3}; // 3.3, 6.6 -> 3, 7
}

void TestGoldSet::splits()
{
    QFETCH(int, users);
    QFETCH(int, train);
    QFETCH(int, validation);
    QFETCH(int, test);
    QFETCH(QList<int>, sizes);
    const GoldSplitFractions f{train, validation, test};
    const auto expected = splitSizes(static_cast<std::uint64_t>(users), f);
    QCOMPARE((QList<int>{int(expected[0]), int(expected[1]), int(expected[2])}), sizes);
    std::vector<GoldSetUser> v(static_cast<std::size_t>(users));
    for (int i = 0; i < users; ++i)
        v[static_cast<std::size_t>(i)].user = static_cast<std::uint32_t>(1000 - 3 * i);
    assignSplits(v, f, 9);
    std::array<int, 3> counts{};
    for (const GoldSetUser &u : v)
        ++counts[static_cast<std::size_t>(u.split)];
    QCOMPARE((QList<int>{counts[0], counts[1], counts[2]}), sizes);
    // Depends on the users, not on their order in the vector.
    std::vector<GoldSetUser> reversed(v.rbegin(), v.rend());
    assignSplits(reversed, f, 9);
    QVERIFY(std::equal(v.begin(), v.end(), reversed.rbegin()));
}

void TestGoldSet::specValidation_data()
{
    QTest::addColumn<GoldSetSpec>("spec");
    QTest::addColumn<QString>("message"); // empty = valid
    auto spec = [](auto change) {
        GoldSetSpec s = GoldSetSpec::paper50();
        change(s);
        return s;
    };
    QTest::newRow("paper50") << GoldSetSpec::paper50() << QString();
    QTest::newRow("paper60") << GoldSetSpec::paper60() << QString();
    QTest::newRow("holdout") << GoldSetSpec::temporalHoldout() << QString();
    QTest::newRow("profile-0") << spec([](GoldSetSpec &s) { s.profileSize = 0; })
                               << "profile size P must be from 1 to 100, found 0";
    QTest::newRow("profile-101") << spec([](GoldSetSpec &s) { s.profileSize = 101; })
                                 << "profile size P must be from 1 to 100, found 101";
    QTest::newRow("eligibility") << spec([](GoldSetSpec &s) { s.eligibility = -1; })
                                 << "eligibility E (ratings of 5 stars) must be from 0 to 1000, found -1";
    QTest::newRow("threshold-4.3") << spec([](GoldSetSpec &s) { s.starThreshold = 4.3; })
                                   << "star threshold T must be a multiple of 0.5 from 0.5 to 5 stars, found 4.3";
    QTest::newRow("threshold-0") << spec([](GoldSetSpec &s) { s.starThreshold = 0; })
                                 << "star threshold T must be a multiple of 0.5 from 0.5 to 5 stars, found 0";
    QTest::newRow("threshold-5.5") << spec([](GoldSetSpec &s) { s.starThreshold = 5.5; })
                                   << "star threshold T must be a multiple of 0.5 from 0.5 to 5 stars, found 5.5";
    QTest::newRow("matches-0") << spec([](GoldSetSpec &s) { s.minMatches = 0; })
                               << "min matches M must be from 1 to the profile size 10, found 0";
    QTest::newRow("matches-above-P") << spec([](GoldSetSpec &s) { s.minMatches = 11; })
                                     << "min matches M must be from 1 to the profile size 10, found 11";
    QTest::newRow("watch-0") << spec([](GoldSetSpec &s) { s.watchFactor = 0; })
                             << "watch factor W (%) must be from 1 to 100, found 0";
    QTest::newRow("watch-101") << spec([](GoldSetSpec &s) { s.watchFactor = 101; })
                               << "watch factor W (%) must be from 1 to 100, found 101";
    QTest::newRow("max-gold-0") << spec([](GoldSetSpec &s) { s.maxGold = 0; }) << "max gold G must be from 1 to 1000, found 0";
    QTest::newRow("min-gold-above-G") << spec([](GoldSetSpec &s) { s.minGold = 11; })
                                      << "min gold must be from 0 to max gold 10, found 11";
    QTest::newRow("split-sum") << spec([](GoldSetSpec &s) {
        s.split = {70, 20, 20};
    }) << "split shares must add up to 100 %, found 70/20/20 = 110 %";
    QTest::newRow("split-negative") << spec([](GoldSetSpec &s) {
        s.split = {110, -10, 0};
    }) << "train share (%) must be from 0 to 100, found 110";
    QTest::newRow("users") << spec([](GoldSetSpec &s) { s.users = 300000000; })
                           << "users must be from 0 to 268435455, found 300000000";
    QTest::newRow("cap") << spec([](GoldSetSpec &s) { s.neighbourCap = 300000000; })
                         << "neighbour cap must be from 0 to 268435455, found 300000000";
    QTest::newRow("holdout-0") << spec([](GoldSetSpec &s) {
        s = GoldSetSpec::temporalHoldout();
        s.holdoutSize = 0;
    }) << "hold-out size H must be from 1 to 1000, found 0";
    // Parameters of the other protocol are not checked.
    QTest::newRow("holdout-ignores-watch") << spec([](GoldSetSpec &s) {
        s = GoldSetSpec::temporalHoldout();
        s.watchFactor = 0;
    }) << QString();
}

void TestGoldSet::specValidation()
{
    QFETCH(GoldSetSpec, spec);
    QFETCH(QString, message);
    const Status v = spec.validate();
    if (message.isEmpty()) {
        QVERIFY2(v.ok(), qPrintable(v ? QString() : v.error().message));
        return;
    }
    QVERIFY(!v.ok());
    QCOMPARE(v.error().code, ErrorCode(errc::General::InvalidArgument));
    QCOMPARE(v.error().message, message);
    // The builder refuses it with the same message.
    QTemporaryDir dir;
    const DatasetPtr ds = loadNetflix(dir, datasetA());
    NullProgress progress;
    auto built = buildGoldSet(*ds, spec, {}, progress);
    QVERIFY(!built.ok());
    QCOMPARE(built.error().message, message);
    // And so does the JSON form.
    auto parsed = GoldSetSpec::fromJson(spec.toJson());
    QVERIFY(!parsed.ok());
}

void TestGoldSet::presets()
{
    const GoldSetSpec p50 = GoldSetSpec::paper50();
    QCOMPARE(p50.protocol, GoldProtocol::NeighbourConsensus);
    QCOMPARE(p50.users, 10000u);
    QCOMPARE(p50.eligibility, 4);
    QCOMPARE(p50.profileSize, 10);
    QCOMPARE(p50.starThreshold, 5.0);
    QCOMPARE(p50.minMatches, 1);
    QCOMPARE(p50.neighbourCap, 10000u);
    QCOMPARE(p50.watchFactor, 50);
    QCOMPARE(p50.exclude, GoldExclude::Rated);
    QCOMPARE(p50.maxGold, 10);
    QCOMPARE(p50.minGold, 1);
    QCOMPARE(p50.split, (GoldSplitFractions{70, 20, 10}));
    QCOMPARE(p50.seed, 1u);
    const GoldSetSpec p60 = GoldSetSpec::paper60();
    QCOMPARE(p60.starThreshold, 4.0);
    QCOMPARE(p60.watchFactor, 60);
    QCOMPARE(p60.thresholdUnits(), 8);
    const GoldSetSpec h = GoldSetSpec::temporalHoldout();
    QCOMPARE(h.protocol, GoldProtocol::TemporalHoldout);
    QCOMPARE(h.profileSize, 10);
    QCOMPARE(h.holdoutSize, 10);
    QCOMPARE(h.starThreshold, 4.0);
    QCOMPARE(GoldSetSpec::presetNames(), (QStringList{"paper50", "paper60", "holdout"}));
    QVERIFY(GoldSetSpec::preset(QStringLiteral("paper60")) == p60);
    QVERIFY(!GoldSetSpec::preset(QStringLiteral("paper70")));
}

void TestGoldSet::summary()
{
    QTemporaryDir dir;
    const DatasetPtr ds = loadNetflix(dir, datasetA());
    GoldSetSpec spec = oneUser(1);
    spec.userIds = {1, 3, 6};
    const GoldSet set = buildOrFail(*ds, spec);
    const GoldSetSummary &s = set.summary;
    QCOMPARE(s.datasetUsers, 6u);
    QCOMPARE(s.selectedUsers, 3u);
    QCOMPARE(s.keptUsers + s.droppedTotal(), 3u);
    QCOMPARE(s.keptUsers, set.users.size());
    std::uint64_t histogramUsers = 0;
    for (std::size_t g = 0; g < s.goldSizeHistogram.size(); ++g) {
        histogramUsers += s.goldSizeHistogram[g];
        if (s.goldSizeHistogram[g])
            QVERIFY(std::any_of(set.users.begin(), set.users.end(), [&](const GoldSetUser &u) { return u.gold.size() == g; }));
    }
    QCOMPARE(histogramUsers, s.keptUsers);
    QSet<std::uint32_t> distinct;
    std::map<std::uint32_t, std::uint64_t> freq;
    for (const GoldSetUser &u : set.users) {
        for (std::uint32_t m : u.gold) {
            distinct.insert(m);
            ++freq[m];
        }
    }
    QCOMPARE(s.distinctGoldMovies, std::uint64_t(distinct.size()));
    QVERIFY(!s.topGoldMovies.empty());
    for (std::size_t i = 0; i < s.topGoldMovies.size(); ++i) {
        QCOMPARE(s.topGoldMovies[i].second, freq[s.topGoldMovies[i].first]);
        if (i > 0) {
            const auto &a = s.topGoldMovies[i - 1], &b = s.topGoldMovies[i];
            QVERIFY(a.second > b.second || (a.second == b.second && a.first < b.first));
        }
    }
    QCOMPARE(s.neighbours.min, std::uint64_t(std::min_element(set.users.begin(), set.users.end(), [](auto &a, auto &b) {
                                                 return a.neighbours < b.neighbours;
                                             })->neighbours));
    QCOMPARE(s.splitCounts[0] + s.splitCounts[1] + s.splitCounts[2], s.keptUsers);
    const QJsonObject json = summaryToJson(s);
    QCOMPARE(json.value(QStringLiteral("kept_users")).toInt(), int(s.keptUsers));
    QCOMPARE(json.value(QStringLiteral("distinct_gold_movies")).toInt(), int(s.distinctGoldMovies));

    // One user by hand: gold 7, 5, 6.
    spec.userIds = {1};
    const GoldSet one = buildOrFail(*ds, spec);
    QCOMPARE(one.summary.goldSizeHistogram, (std::vector<std::uint64_t>{0, 0, 0, 1}));
    QCOMPARE(one.summary.distinctGoldMovies, 3u);
    QCOMPARE(one.summary.topGoldMovies, (std::vector<std::pair<std::uint32_t, std::uint64_t>>{{5, 1}, {6, 1}, {7, 1}}));
    QCOMPARE(one.summary.neighbours.median, 4u);
    QCOMPARE(one.summary.splitCounts, (std::array<std::uint64_t, 3>{1, 0, 0}));
}

void TestGoldSet::emptyExplained_data()
{
    QTest::addColumn<GoldSetSpec>("spec");
    QTest::addColumn<QString>("explanation");
    GoldSetSpec noEligible = GoldSetSpec::paper50();
    noEligible.eligibility = 3;
    QTest::newRow("no-eligible") << noEligible << "no user has 3 ratings of 5 stars";
    GoldSetSpec holdout = GoldSetSpec::temporalHoldout();
    holdout.holdoutSize = 5;
    QTest::newRow("holdout-no-eligible") << holdout << "no user has 5 ratings of 4 stars or more";
    GoldSetSpec watch = oneUser(1);
    watch.watchFactor = 76;
    QTest::newRow("watch-factor") << watch << "no movie reaches the watch factor (rated by 76 % of the neighbours)";
    GoldSetSpec listed = oneUser(2);
    listed.eligibility = 2;
    QTest::newRow("listed-ineligible") << listed << "none of the listed users is eligible: fewer than 2 ratings of 5 stars";
}

void TestGoldSet::emptyExplained()
{
    QFETCH(GoldSetSpec, spec);
    QFETCH(QString, explanation);
    QTemporaryDir dir;
    const DatasetPtr ds = loadNetflix(dir, datasetA());
    const GoldSet set = buildOrFail(*ds, spec);
    QVERIFY(set.users.empty());
    QCOMPARE(set.summary.explanation, explanation);
    QCOMPARE(summaryToJson(set.summary).value(QStringLiteral("explanation")).toString(), explanation);
}

void TestGoldSet::cancel_data()
{
    QTest::addColumn<QString>("phase");
    QTest::addColumn<bool>("holdout");
    QTest::newRow("before-start") << QString() << false;
    QTest::newRow("selecting") << "Selecting users" << false;
    QTest::newRow("indexing") << "Indexing co-ratings" << false;
    QTest::newRow("top-ratings") << "Indexing top ratings" << false;
    QTest::newRow("building") << "Building gold sets" << false;
    QTest::newRow("building-holdout") << "Building gold sets" << true;
}

void TestGoldSet::cancel()
{
    QFETCH(QString, phase);
    QFETCH(bool, holdout);
    GoldSetSpec spec = holdout ? GoldSetSpec::temporalHoldout() : GoldSetSpec::paper50();
    spec.users = 100;
    spec.neighbourCap = 100;
    CancelAt progress(phase);
    GoldSetBuildOptions o;
    o.threads = 2;
    auto set = buildGoldSet(*m_synth, spec, o, progress);
    QVERIFY(!set.ok());
    QCOMPARE(set.error().code, ErrorCode(errc::General::Cancelled));
    // Without cancelling the same build succeeds.
    NullProgress fine;
    QVERIFY(buildGoldSet(*m_synth, spec, o, fine).ok());
}

QTEST_GUILESS_MAIN(TestGoldSet)
#include "tst_goldset.moc"
