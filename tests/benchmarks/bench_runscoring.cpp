// Scoring a stored run's answers: N users (default 10,000) with ten "Title (Year)" lines each on
// the sample catalogue (about 10 % misspelt, 5 % invented, 2 % failed requests), scored with the
// per-user detail the Evaluate page shows (scorePredictions), next to a same-run reference:
// prepareRun + evaluate alone (what `cinetune eval` does), and the resolver build both share. Also
// the Results page's path (scoreRunInputs: detail, per-user resolution, popularity samples) and
// its per-user CSV.
// Prints figures; never fails on time.
//
//   bench_runscoring [--users N] [--resamples N]
#include "core/common/appinfo.h"
#include "core/dataset/datasetloader.h"
#include "core/eval/runscoring.h"
#include "core/results/peruserexport.h"
#include "core/results/projectruns.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>
#include <QStringList>

#include <cstdio>
#include <random>

using namespace cinetune;

namespace {

double ms(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    setApplicationIdentity();
    const QStringList args = app.arguments();
    const auto intArg = [&args](const char *name, int fallback) {
        const qsizetype i = args.indexOf(QLatin1String(name));
        return i >= 0 && i + 1 < args.size() ? args[i + 1].toInt() : fallback;
    };
    const int users = intArg("--users", 10000);
    const int resamples = intArg("--resamples", 1000);

    NullProgress progress;
    auto ds = loadDataset(QString::fromLatin1(kSamplePath), LoadOptions{}, progress);
    if (!ds) {
        std::fprintf(stderr, "%s\n", qPrintable(ds.error().message));
        return 1;
    }
    const Dataset &d = *ds.value();
    const auto movies = std::uint32_t(d.catalogue.size());
    std::mt19937_64 rng(7); // only makes the input; no result depends on the draw itself
    const auto below = [&rng](std::uint64_t n) { return std::uint64_t(rng() % n); };

    std::vector<GoldSetUser> gold;
    std::vector<Prediction> predictions;
    for (int u = 0; u < users; ++u) {
        GoldSetUser g;
        g.user = std::uint32_t(u + 1);
        g.split = GoldSetSplit::Test;
        for (int i = 0; i < 5; ++i)
            g.profile.push_back(d.catalogue.movie(std::uint32_t(below(movies))).sourceId);
        for (int i = 0; i < 5; ++i)
            g.gold.push_back(d.catalogue.movie(std::uint32_t(below(movies))).sourceId);
        Prediction p;
        p.user = g.user;
        if (below(50) == 0) {
            p.error = QStringLiteral("HTTP 500 after 5 attempts");
        } else {
            QStringList lines;
            for (int r = 1; r <= 10; ++r) {
                const auto roll = below(100);
                QString title;
                if (roll < 5) {
                    title = QStringLiteral("An Invented Film Number %1 (2001)").arg(below(100000));
                } else {
                    const std::uint32_t m = roll < 30 ? std::uint32_t(below(movies)) : 0;
                    const std::uint32_t id = roll < 30 ? d.catalogue.movie(m).sourceId : g.gold[below(5)];
                    title = d.catalogue.displayTitle(*d.catalogue.find(id));
                    if (roll >= 5 && roll < 15 && title.size() > 12)
                        title.remove(3, 1); // a misspelling
                }
                lines << QStringLiteral("%1. %2").arg(r).arg(title);
            }
            p.text = lines.join(QLatin1Char('\n'));
        }
        gold.push_back(std::move(g));
        predictions.push_back(std::move(p));
    }

    ScoringOptions options;
    options.metrics.bootstrap.resamples = resamples;
    QElapsedTimer t;
    t.start();
    const TitleResolver resolver = TitleResolver::fromDataset(d, options.resolver);
    const double buildMs = ms(t);

    t.restart();
    auto reference = prepareRun(gold, predictions, &resolver);
    if (!reference)
        return 1;
    const MetricReport refReport = evaluate(reference->users, options.metrics);
    const double refMs = ms(t);

    t.restart();
    auto score = scorePredictions(gold, predictions, d, resolver, options);
    if (!score)
        return 1;
    const double fullMs = ms(t);

    options.detail = false;
    t.restart();
    auto noDetail = scorePredictions(gold, predictions, d, resolver, options);
    const double noDetailMs = ms(t);

    RunInput input;
    input.run.id = 1;
    input.run.name = QStringLiteral("bench");
    input.run.spec.goldSetName = QStringLiteral("bench");
    input.split = gold;
    input.predictions = predictions;
    t.restart();
    const Result<QList<ScoredRun>> results = scoreRunInputs({input}, d, resolver, options.metrics);
    const double resultsMs = ms(t);
    if (!results)
        return 1;
    t.restart();
    const QString perUser = perUserRunsCsv(results.value());
    const double csvMs = ms(t);

    const bool same = score->report.means == refReport.means && score->report.intervals == refReport.intervals;
    std::printf("users %d, resamples %d, %zu catalogue movies, %d threads\n", users, resamples, d.catalogue.size(),
                QThread::idealThreadCount());
    std::printf("resolver build                      %9.1f ms\n", buildMs);
    std::printf("reference: prepareRun + evaluate    %9.1f ms\n", refMs);
    std::printf("scorePredictions, no detail         %9.1f ms\n", noDetailMs);
    std::printf("scorePredictions with detail        %9.1f ms  (%.2f x reference)\n", fullMs, fullMs / refMs);
    std::printf("Results: scoreRunInputs             %9.1f ms  (%.2f x no detail; %lld popularity counts)\n", resultsMs,
                resultsMs / noDetailMs, (long long)results->first().recommendedPopularity.size());
    std::printf("Results: per-user CSV               %9.1f ms  (%lld bytes)\n", csvMs, (long long)perUser.toUtf8().size());
    std::printf("titles %llu: %llu exact, %llu fuzzy, %llu hallucinated; failed %llu; same metrics as reference: %s\n",
                (unsigned long long)score->resolution.titles, (unsigned long long)score->resolution.exact,
                (unsigned long long)score->resolution.fuzzy, (unsigned long long)score->resolution.hallucinated,
                (unsigned long long)score->report.failed, same ? "yes" : "NO");
    const bool sameResults = results->first().report.means == refReport.means;
    return same && sameResults && noDetail ? 0 : 1;
}
