// Playground latency on a Netflix-sized dataset: title completion on the 17,770-title catalogue
// (median and p95 over 100 queries, with a same-run reference: folding every title once, the work
// of building the search keys), what a dataset change costs the GUI thread (search index, answer
// resolver), and a baseline column's answer (BaselineEngine request -> answered, then resolution)
// for 100 ten-movie profiles, once the recommender is built (time to build or read it from the
// cache printed too).
//
//   bench_gui_playground [PATH]   (default /tmp/synth-full, made by `cinetune dataset synth --out`)
//
// The figures are printed; nothing is asserted.
#include "core/common/appinfo.h"
#include "core/common/progress.h"
#include "core/dataset/datasetloader.h"
#include "core/dataset/searchtext.h"
#include "core/playground/answerresolver.h"
#include "core/playground/baselineengine.h"
#include "core/playground/moviesearchindex.h"
#include "ui/dataset/loadeddataset.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace cinetune;

namespace {

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

double percentile(std::vector<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[std::min(v.size() - 1, std::size_t(p * double(v.size())))];
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    setApplicationIdentity();
    const QString path = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("/tmp/synth-full");
    if (!QFileInfo::exists(path)) {
        std::fprintf(stderr, "%s does not exist: make it with `cinetune dataset synth --out %s`\n", qPrintable(path),
                     qPrintable(path));
        return 2;
    }
    QElapsedTimer clock;
    clock.start();
    NullProgress progress;
    auto loaded = loadDataset(path, LoadOptions{}, progress);
    if (!loaded) {
        std::fprintf(stderr, "%s\n", qPrintable(loaded.error().message));
        return 1;
    }
    const double loadSeconds = double(clock.nsecsElapsed()) / 1e9;
    clock.restart();
    const ui::LoadedDatasetPtr data = ui::prepareLoadedDataset(std::move(loaded).value(), path, 0);
    const double prepareMs = double(clock.nsecsElapsed()) / 1e6;
    const Catalogue &catalogue = data->dataset->catalogue;
    std::printf("dataset: %s, %zu movies, %llu ratings (opened in %.2f s, prepared in %.1f ms)\n", qPrintable(path),
                catalogue.size(), static_cast<unsigned long long>(data->dataset->store.ratingCount()), loadSeconds, prepareMs);

    clock.restart();
    const MovieSearchIndex index = MovieSearchIndex::fromDataset(*data->dataset, data->searchKeys);
    const double buildMs = double(clock.nsecsElapsed()) / 1e6;

    // Reference: fold every title once (what building the keys costs; a lower bound for any
    // approach that looks at every title per keystroke without an index).
    std::vector<double> foldRuns;
    for (int r = 0; r < 5; ++r) {
        clock.restart();
        qsizetype chars = 0;
        for (const Movie &m : catalogue.movies())
            chars += foldForSearch(m.title).size();
        foldRuns.push_back(double(clock.nsecsElapsed()) / 1e6);
        if (chars == 0)
            std::printf("(no titles)\n");
    }

    // 100 queries as a user types them: prefixes of titles of every popularity, multi-term queries
    // and misses, 1 to 12 characters.
    std::vector<QString> queries;
    const std::size_t n = catalogue.size();
    for (std::size_t i = 0; queries.size() < 100; ++i) {
        const Movie &m = catalogue.movie(std::uint32_t((i * 7919) % n));
        const QString folded = foldForSearch(m.title);
        const int len = 1 + int(i % 12);
        if (i % 10 == 9)
            queries.push_back(QStringLiteral("zzq") + QString::number(i)); // no match: a full scan
        else if (i % 10 == 8)
            queries.push_back(folded.section(QLatin1Char(' '), -1) + QLatin1Char(' ') + QString::number(m.year));
        else
            queries.push_back(folded.left(len));
    }
    std::vector<double> times;
    std::size_t hits = 0;
    for (const QString &q : queries) {
        clock.restart();
        hits += index.query(q, 12).size();
        times.push_back(double(clock.nsecsElapsed()) / 1e6);
    }
    std::printf("search index build: %.2f ms\n", buildMs);
    std::printf("reference, fold all %zu titles once: median %.2f ms\n", n, median(foldRuns));
    std::printf("completion over %zu titles, 100 queries: median %.3f ms, p95 %.3f ms, max %.3f ms (%zu hits)\n", n,
                median(times), percentile(times, 0.95), *std::max_element(times.begin(), times.end()), hits);

    clock.restart();
    const AnswerResolver resolver(data->dataset);
    std::printf("answer resolver (TitleResolver) build: %.1f ms\n", double(clock.nsecsElapsed()) / 1e6);

    // Ten-movie profiles drawn (seeded) from the 2,000 most rated movies, as a user would pick them.
    std::vector<std::uint32_t> byPopularity(catalogue.size());
    for (std::uint32_t i = 0; i < byPopularity.size(); ++i)
        byPopularity[i] = i;
    const RatingStore &store = data->dataset->store;
    std::sort(byPopularity.begin(), byPopularity.end(), [&](std::uint32_t a, std::uint32_t b) {
        const auto ra = a < store.movieCount() ? store.movieRatingCount(a) : 0;
        const auto rb = b < store.movieCount() ? store.movieRatingCount(b) : 0;
        return ra != rb ? ra > rb : a < b;
    });
    const std::size_t pool = std::min<std::size_t>(2000, byPopularity.size());
    std::uint64_t x = 12345;
    const auto next = [&x] {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        return x;
    };
    std::vector<PlaygroundQuery> profiles(100);
    for (PlaygroundQuery &q : profiles) {
        while (q.profile.size() < 10) {
            const std::uint32_t m = byPopularity[next() % pool];
            if (std::find(q.profile.begin(), q.profile.end(), m) == q.profile.end())
                q.profile.push_back(m);
        }
    }

    BaselineRegistry registry;
    registry.setDataset(data->dataset);
    for (BaselineKind kind : {BaselineKind::MostPopular, BaselineKind::Random, BaselineKind::ItemKnn}) {
        clock.restart();
        {
            QEventLoop wait;
            QObject::connect(&registry, &BaselineRegistry::ready, &wait, &QEventLoop::quit);
            QObject::connect(&registry, &BaselineRegistry::failed, &wait, &QEventLoop::quit);
            registry.ensure(kind);
            if (!registry.recommender(kind))
                wait.exec();
        }
        if (!registry.recommender(kind)) {
            std::fprintf(stderr, "%s could not be built\n", qPrintable(baselineName(kind)));
            continue;
        }
        const double readyS = double(clock.nsecsElapsed()) / 1e9;
        BaselineEngine engine(&registry, kind);
        std::vector<double> answerMs;
        std::size_t items = 0;
        EngineAnswer last;
        QObject::connect(&engine, &ColumnEngine::answered, &engine, [&last](const EngineAnswer &a) { last = a; });
        for (const PlaygroundQuery &q : profiles) {
            clock.restart();
            engine.request(q); // answers within the call
            items += resolver.resolveMovies(last.movies, q.profile, {}).size();
            answerMs.push_back(double(clock.nsecsElapsed()) / 1e6);
        }
        std::printf("%s column: ready after %.2f s; answer + resolution, 100 profiles: median %.3f ms, p95 %.3f ms, max %.3f ms "
                    "(%zu items)\n",
                    qPrintable(baselineName(kind)), readyS, median(answerMs), percentile(answerMs, 0.95),
                    *std::max_element(answerMs.begin(), answerMs.end()), items);
    }
    return 0;
}
