// Evaluation benchmark: metrics with bootstrap intervals for N synthetic users (default 10,000,
// 1,000 resamples), next to a same-run reference (one plain pass computing the means), with 1 and
// all threads (and a check that both give the same intervals); a paired comparison of two runs;
// and title resolution of 10 titles on a titles file (e.g. the Netflix movie_titles.csv, which
// must never be committed). Prints figures; never fails on time.
//
//   bench_metrics [--users N] [--resamples N] [--titles PATH/movie_titles.csv]
//
// Issue 5's targets: metrics + CIs for 10,000 users < 1 s; 10 titles on the 17,770-movie Netflix
// catalogue well under 5 ms.
#include "core/dataset/titleparsers.h"
#include "core/eval/metrics.h"
#include "core/eval/titleresolver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QStringList>

#include <cstdio>

using namespace cinetune;

namespace {

double ms(const QElapsedTimer &t)
{
    return static_cast<double>(t.nsecsElapsed()) / 1e6;
}

// Users with 1-10 gold movies out of 17,770 and 10 recommendations each; `skill` is the chance
// that a recommendation is a gold movie (seeded, so both runs of a comparison share users).
std::vector<EvalUser> syntheticRun(std::uint32_t users, double skill, std::uint64_t seed)
{
    SplitMix64 goldRng(1234);
    SplitMix64 rng(seed);
    std::vector<EvalUser> out(users);
    for (std::uint32_t u = 0; u < users; ++u) {
        EvalUser &e = out[u];
        e.user = u + 1;
        const auto g = 1 + goldRng.below(10);
        for (std::uint64_t i = 0; i < g; ++i)
            e.gold.push_back(static_cast<std::uint32_t>(goldRng.below(17770)));
        for (int j = 0; j < 10; ++j) {
            const bool hit = static_cast<double>(rng.below(1000000)) < skill * 1e6;
            e.ranked.push_back(hit ? e.gold[rng.below(e.gold.size())] : static_cast<std::uint32_t>(rng.below(17770)));
        }
        if (rng.below(50) == 0) // 2 % failed answers
            e.outcome = EvalOutcome::Failed;
    }
    return out;
}

void benchMetrics(std::uint32_t users, int resamples)
{
    const auto run = syntheticRun(users, 0.15, 1);
    const std::vector<int> ks{1, 3, 5, 10};
    std::printf("metrics: %u users, K = 1,3,5,10 (%lld metrics), %d bootstrap resamples\n", users,
                static_cast<long long>(metricIds(ks).size()), resamples);

    // Reference: one plain pass that scores every user and sums the means, no intervals.
    QElapsedTimer t;
    t.start();
    std::vector<double> sums(metricIds(ks).size(), 0.0);
    for (const EvalUser &u : run) {
        const auto v = scoreUser(u.ranked, u.gold, ks);
        for (std::size_t i = 0; i < v.size(); ++i)
            sums[i] += v[i];
    }
    const double plain = ms(t);
    std::printf("  reference, one plain pass computing the means: %8.2f ms (precision@10 %.4f)\n", plain,
                sums[ks.size() * 6 - 6] / users);

    MetricOptions o;
    o.ks = ks;
    o.bootstrap.resamples = resamples;
    MetricReport reports[2];
    const int threadCounts[2] = {1, 0};
    for (int i = 0; i < 2; ++i) {
        o.bootstrap.threads = threadCounts[i];
        t.restart();
        reports[i] = evaluate(run, o);
        std::printf("  evaluate() with intervals, %s:           %8.2f ms\n", i == 0 ? "1 thread   " : "all threads", ms(t));
    }
    const auto p10 = reports[0].metricIndex(QStringLiteral("precision@10"));
    std::printf("  precision@10 %.4f [%.4f, %.4f]; same intervals for 1 and all threads: %s\n", reports[0].means[p10],
                reports[0].intervals[p10].low, reports[0].intervals[p10].high,
                reports[0].intervals == reports[1].intervals ? "yes" : "NO");

    const auto better = syntheticRun(users, 0.17, 2);
    o.bootstrap.threads = 0;
    const MetricReport b = evaluate(better, o);
    PairedTestOptions po;
    t.restart();
    const auto cmp = compareReports(b, reports[1], po);
    const double all = ms(t);
    const auto it = std::find_if(cmp.begin(), cmp.end(),
                                 [](const PairedMetric &m) { return m.metric == QLatin1String("precision@10"); });
    std::printf("  paired comparison, all %zu metrics (%d resamples, %d sign flips each): %.2f ms; precision@10 "
                "difference %+.4f [%+.4f, %+.4f], p = %.4f\n",
                cmp.size(), po.resamples, po.permutations, all, it->result.meanDifference, it->result.interval.low,
                it->result.interval.high, it->result.pValue);
}

void benchResolver(const QString &path)
{
    QList<cinetune::LoadNote> warnings;
    const auto movies = parseTitles(DatasetFormat::NetflixKaggle, path, warnings);
    if (!movies) {
        std::printf("titles: %s\n", qPrintable(movies.error().message));
        return;
    }
    Catalogue c;
    for (const Movie &m : movies.value())
        c.add(m);
    QElapsedTimer t;
    t.start();
    const TitleResolver resolver(c);
    std::printf("resolver: %zu movies, %zu keys, built in %.2f ms\n", c.size(), resolver.keyCount(), ms(t));
    const QStringList ten = {QStringLiteral("The Matrix: Reloaded (2003)"),
                             QStringLiteral("Amelie"),
                             QStringLiteral("Star Wars: Episode V - The Empire Strikes Back"),
                             QStringLiteral("Lord of the Rings: The Two Towrs"),
                             QStringLiteral("Pulp Fictoin"),
                             QStringLiteral("The Shawshank Redemtion"),
                             QStringLiteral("Finding Nemo (2003)"),
                             QStringLiteral("The Quantum Lighthouse Keeper"),
                             QStringLiteral("A Galaxy of Forgotten Dreams"),
                             QStringLiteral("Ocean's Eleven")};
    for (const QString &title : ten) {
        const Resolution r = resolver.resolve(title);
        std::printf("  %-48s -> %-12s %s\n", qPrintable(title), qPrintable(resolutionHow(r)), qPrintable(r.matchedTitle));
    }
    constexpr int kRounds = 200;
    t.restart();
    int resolved = 0;
    for (int round = 0; round < kRounds; ++round) {
        for (const QString &title : ten)
            resolved += resolver.resolve(title).movieIndex ? 1 : 0;
    }
    const double per10 = ms(t) / kRounds;
    // Reference: the exact-only resolver on the same titles (hash lookups only).
    ResolverOptions exactOnly;
    exactOnly.fuzzy = false;
    const TitleResolver exact(c, {}, exactOnly);
    t.restart();
    for (int round = 0; round < kRounds; ++round) {
        for (const QString &title : ten)
            resolved += exact.resolve(title).movieIndex ? 1 : 0;
    }
    std::printf("  10 titles: %.3f ms with fuzzy matching (reference: %.3f ms exact-only); %d lookups resolved\n", per10,
                ms(t) / kRounds, resolved);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    std::uint32_t users = 10000;
    int resamples = 1000;
    QString titles;
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--users"))
            users = args[i + 1].toUInt();
        else if (args[i] == QLatin1String("--resamples"))
            resamples = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--titles"))
            titles = args[i + 1];
    }
    benchMetrics(users, resamples);
    if (!titles.isEmpty())
        benchResolver(titles);
    return 0;
}
