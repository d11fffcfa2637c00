// Ranking metrics against hand-worked examples (one row per convention edge), the report's
// denominators, beyond-accuracy figures, bootstrap determinism and the paired test.
#include "core/eval/metrics.h"
#include "core/eval/stats.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <cmath>

using namespace cinetune;

namespace {

using Ids = QList<std::uint32_t>;

std::vector<std::uint32_t> vec(const Ids &ids)
{
    return {ids.begin(), ids.end()};
}

// Values rounded to 6 decimals in the table; compare with that tolerance.
void compareClose(double actual, double expected, const char *what)
{
    if (std::abs(actual - expected) > 1e-6)
        QFAIL(qPrintable(QStringLiteral("%1: got %2, expected %3")
                             .arg(QLatin1String(what))
                             .arg(actual, 0, 'g', 10)
                             .arg(expected, 0, 'g', 10)));
}

// A run of `n` users with one gold movie each; user i hits at rank 1 when hit(i), else misses.
std::vector<EvalUser> syntheticRun(int n, const std::function<bool(int)> &hit)
{
    std::vector<EvalUser> users;
    for (int i = 0; i < n; ++i) {
        EvalUser u;
        u.user = static_cast<std::uint32_t>(i + 1);
        u.gold = {100};
        u.ranked = hit(i) ? std::vector<std::uint32_t>{100, 5, 6} : std::vector<std::uint32_t>{5, 6, 7};
        users.push_back(u);
    }
    return users;
}

} // namespace

class TestMetrics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void handWorked_data();
    void handWorked();
    void metricIdsOrder();
    void denominators();
    void beyond();
    void quantiles();
    void bootstrapDeterministic();
    void intervalContainsMean();
    void pairedIdentical();
    void pairedClearlyBetter();
    void json();
};

void TestMetrics::handWorked_data()
{
    QTest::addColumn<Ids>("ranked");
    QTest::addColumn<Ids>("gold");
    QTest::addColumn<int>("k");
    // precision, recall, f1, hit, ndcg, map@K, mrr, map
    QTest::addColumn<QList<double>>("expected");
    // rel = [1,0,0]; ideal DCG over min(2, 1) = 1 rank.
    QTest::newRow("hit at rank 1, K=1") << Ids{1, 2, 3} << Ids{1, 9} << 1 << QList<double>{1, 0.5, 0.666667, 1, 1, 1, 1, 0.5};
    // DCG 1, IDCG 1 + 1/log2(3) = 1.630930; MAP@3 = 1 / min(3, 2).
    QTest::newRow("hit at rank 1, K=3") << Ids{1, 2, 3} << Ids{1, 9} << 3
                                        << QList<double>{0.333333, 0.5, 0.4, 1, 0.613147, 0.5, 1, 0.5};
    // rel = [0,0,1]: DCG 1/log2(4) = 0.5; MAP@3 = (1/3) / 1.
    QTest::newRow("hit at rank K") << Ids{5, 6, 1} << Ids{1} << 3
                                   << QList<double>{0.333333, 1, 0.5, 1, 0.5, 0.333333, 0.333333, 0.333333};
    // One item for K = 3: precision still divides by K.
    QTest::newRow("fewer than K") << Ids{1} << Ids{1, 2} << 3 << QList<double>{0.333333, 0.5, 0.4, 1, 0.613147, 0.5, 1, 0.5};
    QTest::newRow("empty list") << Ids{} << Ids{1, 2} << 3 << QList<double>{0, 0, 0, 0, 0, 0, 0, 0};
    // rel = [1,0,1]: the second 1 is a miss that keeps rank 2. DCG 1 + 1/log2(4) = 1.5, IDCG 1.630930;
    // MAP@3 = (1/1 + 2/3) / 2.
    QTest::newRow("duplicates") << Ids{1, 1, 2} << Ids{1, 2} << 3
                                << QList<double>{0.666667, 1, 0.8, 1, 0.919721, 0.833333, 1, 0.833333};
    QTest::newRow("no hits") << Ids{7, 8, 9} << Ids{1} << 3 << QList<double>{0, 0, 0, 0, 0, 0, 0, 0};
    // rel = [0,1,0,0,1]: DCG 1/log2(3) + 1/log2(6) = 1.017783; IDCG over min(2, 5) = 2 ranks = 1.630930;
    // MAP@5 = (1/2 + 2/5) / 2.
    QTest::newRow("ndcg ideal |gold| < K") << Ids{4, 1, 5, 6, 2} << Ids{1, 2} << 5
                                           << QList<double>{0.4, 1, 0.571429, 1, 0.624051, 0.45, 0.5, 0.45};
    // |gold| = 5 > K = 3: MAP@3 = (1 + 2/3) / 3; whole-list MAP = (1 + 2/3 + 3/4) / 5.
    // ndcg: DCG 1 + 1/log2(4) = 1.5, IDCG 1 + 1/log2(3) + 1/log2(4) = 2.130930.
    QTest::newRow("map@K |gold| > K") << Ids{1, 3, 2, 4} << Ids{1, 2, 4, 8, 9} << 3
                                      << QList<double>{0.666667, 0.4, 0.5, 1, 0.703918, 0.555556, 1, 0.483333};
    // An unresolved title keeps its rank as a miss.
    QTest::newRow("unresolved keeps rank") << Ids{kUnresolvedItem, 1} << Ids{1} << 2
                                           << QList<double>{0.5, 1, 0.666667, 1, 0.630930, 0.5, 0.5, 0.5};
    // A hit beyond K counts for MRR and MAP only.
    QTest::newRow("hit after K") << Ids{5, 6, 7, 1} << Ids{1, 2} << 3 << QList<double>{0, 0, 0, 0, 0, 0, 0.25, 0.125};
}

void TestMetrics::handWorked()
{
    QFETCH(Ids, ranked);
    QFETCH(Ids, gold);
    QFETCH(int, k);
    QFETCH(QList<double>, expected);
    const std::vector<int> ks{k};
    const auto v = scoreUser(vec(ranked), vec(gold), ks);
    QCOMPARE(v.size(), std::size_t{8});
    const char *names[] = {"precision", "recall", "f1", "hit", "ndcg", "map@K", "mrr", "map"};
    for (int i = 0; i < 8; ++i)
        compareClose(v[static_cast<std::size_t>(i)], expected[i], names[i]);
}

void TestMetrics::metricIdsOrder()
{
    const std::vector<int> ks{1, 3};
    QCOMPARE(metricIds(ks),
             (QStringList{"precision@1", "recall@1", "f1@1", "hit@1", "ndcg@1", "map@1", "precision@3", "recall@3", "f1@3",
                          "hit@3", "ndcg@3", "map@3", "mrr", "map"}));
    MetricOptions o;
    o.ks = {10, 3, 3, 0};
    o.bootstrap.resamples = 0;
    const MetricReport r = evaluate({}, o);
    QCOMPARE(r.ks, (std::vector<int>{3, 10}));
}

void TestMetrics::denominators()
{
    // One perfect user, one missing, one failed, one with an empty gold set.
    std::vector<EvalUser> users(4);
    users[0] = {1, {10}, {10}, EvalOutcome::Scored};
    users[1] = {2, {10}, {}, EvalOutcome::Missing};
    users[2] = {3, {10}, {10}, EvalOutcome::Failed}; // a failed user scores 0 even with a list
    users[3] = {4, {}, {10}, EvalOutcome::Scored};
    MetricOptions o;
    o.ks = {1};
    o.bootstrap.resamples = 50;
    const MetricReport r = evaluate(users, o);
    QCOMPARE(r.users.size(), std::size_t{4});
    QCOMPARE(r.missing, 1u);
    QCOMPARE(r.failed, 1u);
    QCOMPARE(r.emptyGold, 1u);
    QCOMPARE(r.scoredUsers, 3u);
    QCOMPARE(r.outcomes[3], EvalOutcome::EmptyGold);
    compareClose(r.mean(QStringLiteral("precision@1")), 1.0 / 3, "precision@1");
    compareClose(r.mean(QStringLiteral("mrr")), 1.0 / 3, "mrr");
    compareClose(r.value(0, r.metricIndex(QStringLiteral("ndcg@1"))), 1, "row 0 ndcg");
    compareClose(r.value(2, r.metricIndex(QStringLiteral("ndcg@1"))), 0, "row 2 ndcg");
}

void TestMetrics::beyond()
{
    // Catalogue of 4 movies (ids 1..4, popularity 10, 20, 30, 40). User 1: [1, 2, 1 (dup)];
    // user 2: [1, unresolved, 99 (unknown)]; user 3: empty gold (left out).
    std::vector<EvalUser> users(3);
    users[0] = {1, {3}, {1, 2, 1}, EvalOutcome::Scored};
    users[1] = {2, {3}, {1, kUnresolvedItem, 99}, EvalOutcome::Scored};
    users[2] = {3, {}, {4}, EvalOutcome::Scored};
    const auto pop = [](std::uint32_t id) -> std::optional<double> {
        if (id < 1 || id > 4)
            return std::nullopt;
        return 10.0 * id;
    };
    const BeyondAccuracy b = beyondAccuracy(users, 3, 4, pop);
    QCOMPARE(b.distinctItems, 2u);
    compareClose(b.coverage, 0.5, "coverage");
    compareClose(b.meanPopularity, (15.0 + 10.0) / 2, "popularity"); // user means 15 and 10
    // counts sorted [0, 0, 1, 2]: ((2·3−5)·1 + (2·4−5)·2) / (4·3) = 7/12
    compareClose(b.gini, 7.0 / 12, "gini");
    // Top 1 only: movie 1 twice, nothing else.
    const BeyondAccuracy b1 = beyondAccuracy(users, 1, 4, pop);
    QCOMPARE(b1.distinctItems, 1u);
    compareClose(b1.gini, (2 * 4 - 5) * 2.0 / (4 * 2), "gini top 1"); // 0.75 = (n-1)/n
}

void TestMetrics::quantiles()
{
    const std::vector<double> v{1, 2, 3, 4};
    compareClose(quantileSorted(v, 0), 1, "q0");
    compareClose(quantileSorted(v, 0.5), 2.5, "median");
    compareClose(quantileSorted(v, 0.25), 1.75, "q25");
    compareClose(quantileSorted(v, 1), 4, "q100");
    SplitMix64 a(42);
    for (int i = 0; i < 1000; ++i)
        QVERIFY(a.below(7) < 7);
    // SplitMix64's published first output for seed 0.
    SplitMix64 z(0);
    QCOMPARE(z.next(), 0xE220A8397B1DCDAFull);
}

void TestMetrics::bootstrapDeterministic()
{
    const auto users = syntheticRun(300, [](int i) { return (i * 7) % 10 < 4; });
    MetricOptions o;
    o.bootstrap.seed = 7;
    o.bootstrap.threads = 1;
    const MetricReport one = evaluate(users, o);
    o.bootstrap.threads = 4;
    const MetricReport four = evaluate(users, o);
    QCOMPARE(one.intervals, four.intervals);
    QCOMPARE(one.means, four.means);
    o.bootstrap.seed = 8;
    const MetricReport other = evaluate(users, o);
    QVERIFY(other.intervals != one.intervals);
    // The hit@1 interval is a real interval around 0.4 (binomial SE ≈ 0.028).
    const Interval hit = one.intervals[one.metricIndex(QStringLiteral("hit@1"))];
    QVERIFY2(hit.low < 0.4 && hit.high > 0.4 && hit.high - hit.low > 0.05 && hit.high - hit.low < 0.2,
             qPrintable(QStringLiteral("[%1, %2]").arg(hit.low).arg(hit.high)));
}

void TestMetrics::intervalContainsMean()
{
    const auto users = syntheticRun(200, [](int i) { return i % 3 == 0; });
    const MetricReport r = evaluate(users);
    for (std::size_t m = 0; m < r.means.size(); ++m) {
        QVERIFY2(r.intervals[m].low <= r.means[m] + 1e-12 && r.means[m] <= r.intervals[m].high + 1e-12,
                 qPrintable(r.metrics[static_cast<qsizetype>(m)]));
    }
}

void TestMetrics::pairedIdentical()
{
    const auto users = syntheticRun(200, [](int i) { return i % 2 == 0; });
    const MetricReport a = evaluate(users);
    const auto cmp = compareReports(a, a);
    QCOMPARE(cmp.size(), static_cast<std::size_t>(a.metrics.size()));
    for (const PairedMetric &m : cmp) {
        QCOMPARE(m.result.meanDifference, 0.0);
        QVERIFY2(m.result.pValue > 0.99, qPrintable(m.metric));
        QCOMPARE(m.result.pairs, std::size_t{200});
    }
}

void TestMetrics::pairedClearlyBetter()
{
    const MetricReport better = evaluate(syntheticRun(200, [](int i) { return i % 10 < 7; }));
    const MetricReport worse = evaluate(syntheticRun(200, [](int i) { return i % 10 < 3; }));
    const auto cmp = compareReports(better, worse);
    const auto it = std::find_if(cmp.begin(), cmp.end(),
                                 [](const PairedMetric &m) { return m.metric == QLatin1String("hit@1"); });
    QVERIFY(it != cmp.end());
    compareClose(it->result.meanDifference, 0.4, "mean difference");
    QVERIFY2(it->result.pValue < 0.05, qPrintable(QString::number(it->result.pValue)));
    QVERIFY(it->result.interval.low > 0.2 && it->result.interval.high < 0.6);
    // A small, noisy difference is not significant: 1 user of 200 differs.
    const MetricReport almost = evaluate(syntheticRun(200, [](int i) { return i % 10 < 7 && i != 0; }));
    const auto close = compareReports(better, almost);
    const auto jt = std::find_if(close.begin(), close.end(),
                                 [](const PairedMetric &m) { return m.metric == QLatin1String("hit@1"); });
    QVERIFY2(jt->result.pValue > 0.5, qPrintable(QString::number(jt->result.pValue)));
}

void TestMetrics::json()
{
    std::vector<EvalUser> users(2);
    users[0] = {1, {10}, {10}, EvalOutcome::Scored};
    users[1] = {2, {10}, {}, EvalOutcome::Missing};
    MetricOptions o;
    o.ks = {3};
    const QJsonObject j = metricReportToJson(evaluate(users, o));
    QCOMPARE(j.value("users").toInt(), 2);
    QCOMPARE(j.value("missing").toInt(), 1);
    QCOMPARE(j.value("metrics").toObject().value("hit@3").toDouble(), 0.5);
    QCOMPARE(j.value("metrics").toObject().value("precision@3").toDouble(), 1.0 / 6);
    QCOMPARE(j.value("ci").toObject().value("hit@3").toArray().size(), 2);
    QVERIFY(j.value("conventions").toObject().contains("map@K"));
    QCOMPARE(j.value("bootstrap").toObject().value("resamples").toInt(), 1000);
}

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
