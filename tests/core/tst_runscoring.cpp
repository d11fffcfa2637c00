// Scoring stored runs: a project with a gold set and a run whose responses are written with
// RunRepository directly; the metrics equal values worked out by hand on a five-movie catalogue,
// failed, unparsable and unanswered users count and score 0, the per-user detail marks hits,
// fuzzy matches, duplicates, hallucinations and profile repeats, and scoring again changes nothing
// in the project (no request is ever made: there is no network here at all). Baseline runs are
// computed and stored in one go and scored from their movie ids.
#include "clirunner.h"
#include "core/dataset/datasetloader.h"
#include "core/eval/baselinerun.h"
#include "core/eval/runscoring.h"
#include "fixtures.h"
#include "core/project/goldsetrepository.h"
#include "core/project/projectfile.h"
#include "core/project/runrepository.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace cinetune;

namespace {

const QByteArray kRatings = "userId,movieId,rating,timestamp\n"
                            "1,10,5.0,1100000000\n1,20,4.0,1100000000\n1,30,3.0,1100000000\n"
                            "2,10,4.0,1100000000\n2,20,5.0,1100000000\n"
                            "3,20,3.0,1100000000\n3,30,4.0,1100000000\n3,40,5.0,1100000000\n"
                            "4,10,2.0,1100000000\n4,50,1.0,1100000000\n"
                            "5,10,5.0,1100000000\n5,20,5.0,1100000000\n5,40,4.0,1100000000\n";
const QByteArray kMovies = "movieId,title,genres\n10,Heat (1995),Crime\n20,\"Matrix, The (1999)\",Action\n30,Fargo (1996),Crime\n"
                           "40,Jurassic Park (1993),Adventure\n50,Toy Story (1995),Animation\n";

GoldSetUser goldUser(std::uint32_t user, std::vector<std::uint32_t> profile, std::vector<std::uint32_t> gold)
{
    GoldSetUser u;
    u.user = user;
    u.profile = std::move(profile);
    u.gold = std::move(gold);
    u.split = GoldSetSplit::Test;
    return u;
}

StoredResponse ok(std::uint32_t user, const QString &text)
{
    StoredResponse r;
    r.user = user;
    r.ok = true;
    r.rawText = text;
    r.promptTokens = 100;
    r.completionTokens = 20;
    r.model = QStringLiteral("m");
    r.attempts = 1;
    return r;
}

} // namespace

class TestRunScoring : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void metricsByHand_data();
    void metricsByHand();
    void countsAndDetail();
    void rescoringChangesNothing();
    void sameAsPrepareRun_data();
    void sameAsPrepareRun();
    void comparisonOfEqualRuns();
    void baselineText_data();
    void baselineText();
    void baselineRun();
    void commandLine();

private:
    QTemporaryDir m_dir;
    DatasetPtr m_tiny;
    std::unique_ptr<ProjectFile> m_project;
    qint64 m_goldId = 0;
    qint64 m_runId = 0;
    ScoringOptions m_options;
};

void TestRunScoring::initTestCase()
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

    auto project = ProjectFile::create(m_dir.filePath(QStringLiteral("scoring")));
    QVERIFY2(project.ok(), qPrintable(project ? QString() : project.error().message));
    m_project = std::move(project.value());

    GoldSet set;
    set.spec = GoldSetSpec::paper60();
    set.users = {goldUser(1, {10}, {20, 30}), goldUser(2, {20}, {50}), goldUser(3, {30}, {10}), goldUser(4, {40}, {10}),
                 goldUser(5, {50}, {20})};
    GoldSetUser train = goldUser(6, {10}, {20});
    train.split = GoldSetSplit::Train; // not in the test split: never scored
    set.users.push_back(train);
    summarize(set);
    GoldSetRepository golds(*m_project);
    auto goldId = golds.add(QStringLiteral("tiny"), set, "f");
    QVERIFY(goldId.ok());
    m_goldId = goldId.value();

    RunSpec spec;
    spec.goldSetName = QStringLiteral("tiny");
    spec.goldSetId = m_goldId;
    spec.split = GoldSetSplit::Test;
    spec.target.provider = QStringLiteral("sim");
    spec.target.model = QStringLiteral("m");
    RunRepository runs(*m_project);
    auto runId = runs.create(QStringLiteral("by hand"), spec, QStringLiteral("http://127.0.0.1:1/v1"), 5);
    QVERIFY2(runId.ok(), qPrintable(runId ? QString() : runId.error().message));
    m_runId = runId.value();
    // User 1: two hits (ranks 1 and 3) and a fuzzy miss. User 2: a duplicate, a hallucination and
    // a profile repeat, no hit. User 3: the request failed. User 4: an answer without a list.
    // User 5: no response yet.
    QVERIFY(runs.storeResponse(
                    m_runId,
                    ok(1, QStringLiteral("Here are my picks:\n1. The Matrix (1999)\n2. Jurasic Park (1993)\n3. Fargo (1996)")))
                .ok());
    QVERIFY(
        runs.storeResponse(
                m_runId,
                ok(2, QStringLiteral("1. Heat (1995)\n2. Heat (1995)\n3. A Film Nobody Ever Made (2001)\n4. The Matrix (1999)")))
            .ok());
    StoredResponse failed;
    failed.user = 3;
    failed.ok = false;
    failed.errorCode = QStringLiteral("http.500");
    failed.errorMessage = QStringLiteral("HTTP 500 after 5 attempts");
    failed.attempts = 5;
    QVERIFY(runs.storeResponse(m_runId, failed).ok());
    QVERIFY(runs.storeResponse(m_runId, ok(4, QStringLiteral("I am sorry, but I cannot help with that request."))).ok());

    m_options.metrics.ks = {1, 3};
    m_options.metrics.bootstrap.resamples = 200;
}

void TestRunScoring::metricsByHand_data()
{
    QTest::addColumn<QString>("metric");
    QTest::addColumn<double>("expected");
    // Only user 1 scores; the mean is over all five test users. User 1: ranked [20, 40, 30],
    // gold {20, 30}: P@1 1, R@1 1/2, F1@1 2/3, NDCG@3 (1 + 1/2) / (1 + 1/log2 3), MAP@3 (1 + 2/3) / 2.
    const double ndcg3 = (1.0 + 0.5) / (1.0 + 1.0 / std::log2(3.0));
    QTest::newRow("precision@1") << "precision@1" << 1.0 / 5;
    QTest::newRow("recall@1") << "recall@1" << 0.5 / 5;
    QTest::newRow("f1@1") << "f1@1" << (2.0 / 3) / 5;
    QTest::newRow("hit@1") << "hit@1" << 1.0 / 5;
    QTest::newRow("ndcg@1") << "ndcg@1" << 1.0 / 5;
    QTest::newRow("map@1") << "map@1" << 1.0 / 5;
    QTest::newRow("precision@3") << "precision@3" << (2.0 / 3) / 5;
    QTest::newRow("recall@3") << "recall@3" << 1.0 / 5;
    QTest::newRow("f1@3") << "f1@3" << 0.8 / 5;
    QTest::newRow("hit@3") << "hit@3" << 1.0 / 5;
    QTest::newRow("ndcg@3") << "ndcg@3" << ndcg3 / 5;
    QTest::newRow("map@3") << "map@3" << ((1.0 + 2.0 / 3) / 2) / 5;
    QTest::newRow("mrr") << "mrr" << 1.0 / 5;
    QTest::newRow("map") << "map" << ((1.0 + 2.0 / 3) / 2) / 5;
}

void TestRunScoring::metricsByHand()
{
    QFETCH(QString, metric);
    QFETCH(double, expected);
    auto score = scoreRun(*m_project, m_runId, *m_tiny, m_options);
    QVERIFY2(score.ok(), qPrintable(score ? QString() : score.error().message));
    QVERIFY(score->report.metricIndex(metric) != std::size_t(-1));
    QVERIFY2(std::abs(score->report.mean(metric) - expected) < 1e-12,
             qPrintable(QStringLiteral("%1: %2 != %3").arg(metric).arg(score->report.mean(metric)).arg(expected)));
    QCOMPARE(score->report.scoredUsers, 5u); // failed, unparsable and missing users stay in the mean
}

void TestRunScoring::countsAndDetail()
{
    auto score = scoreRun(*m_project, m_runId, *m_tiny, m_options);
    QVERIFY(score.ok());
    const RunScore &s = score.value();
    QCOMPARE(s.runId, m_runId);
    QCOMPARE(s.users, 5u);
    QCOMPARE(s.failedRequests, 1u);
    QCOMPARE(s.parseFailures, 1u);
    QCOMPARE(s.missing, 1u);
    QCOMPARE(s.report.failed, 2u);
    QVERIFY(s.resolvedTitles);
    QCOMPARE(s.resolution.titles, 7u);
    QCOMPARE(s.resolution.exact, 5u);
    QCOMPARE(s.resolution.fuzzy, 1u);
    QCOMPARE(s.resolution.hallucinated, 1u);
    QCOMPARE(s.resolution.duplicates, 1u);
    QCOMPARE(s.resolution.profileRepeats, 1u);

    QCOMPARE(s.detail.size(), 5u);
    const ScoredUser &u1 = s.detail[0];
    QCOMPARE(u1.user, 1u);
    QCOMPARE(u1.hits, 2);
    QCOMPARE(u1.items.size(), 3u);
    QCOMPARE(u1.items[0].hit, true);
    QCOMPARE(u1.items[0].status, ResolutionStatus::Exact);
    QCOMPARE(u1.items[1].status, ResolutionStatus::Fuzzy);
    QCOMPARE(u1.items[1].sourceId, std::optional<std::uint32_t>(40));
    QCOMPARE(u1.items[1].hit, false);
    QCOMPARE(u1.items[2].hit, true);
    const ScoredUser &u2 = s.detail[1];
    QCOMPARE(u2.hits, 0);
    QCOMPARE(u2.items.size(), 4u);
    QVERIFY(!u2.items[0].duplicate && u2.items[1].duplicate);
    QCOMPARE(u2.items[2].status, ResolutionStatus::Unresolved);
    QVERIFY(!u2.items[2].sourceId);
    QVERIFY(u2.items[3].profileRepeat);
    QCOMPARE(s.detail[2].outcome, EvalOutcome::Failed);
    QCOMPARE(s.detail[2].error, QStringLiteral("HTTP 500 after 5 attempts"));
    QVERIFY(!s.detail[2].parseFailure);
    QCOMPARE(s.detail[3].outcome, EvalOutcome::Failed);
    QVERIFY(s.detail[3].parseFailure);
    QVERIFY(!s.detail[3].error.isEmpty());
    QCOMPARE(s.detail[4].outcome, EvalOutcome::Missing);
    for (std::size_t i = 1; i < 5; ++i)
        for (std::size_t m = 0; m < std::size_t(s.report.metrics.size()); ++m)
            QCOMPARE(s.report.value(i, m), 0.0);
}

void TestRunScoring::rescoringChangesNothing()
{
    RunRepository runs(*m_project);
    const auto before = runs.responses(m_runId);
    const auto runBefore = runs.get(m_runId);
    QVERIFY(before.ok() && runBefore.ok());
    auto a = scoreRun(*m_project, m_runId, *m_tiny, m_options);
    auto b = scoreRun(*m_project, m_runId, *m_tiny, m_options);
    QVERIFY(a.ok() && b.ok());
    QCOMPARE(a->report.means, b->report.means);
    QCOMPARE(a->report.intervals, b->report.intervals);
    const auto after = runs.responses(m_runId);
    const auto runAfter = runs.get(m_runId);
    QVERIFY(after.ok() && runAfter.ok());
    QCOMPARE(after->size(), before->size());
    for (std::size_t i = 0; i < after->size(); ++i) {
        QCOMPARE(after.value()[i].rawText, before.value()[i].rawText);
        QCOMPARE(after.value()[i].receivedAt, before.value()[i].receivedAt);
        QCOMPARE(after.value()[i].attempts, before.value()[i].attempts);
    }
    QCOMPARE(runAfter->status, runBefore->status);
    QCOMPARE(runAfter->updatedAt, runBefore->updatedAt);
    const auto counts = runs.counts(m_runId);
    QVERIFY(counts.ok());
    QCOMPARE(counts->ok, 3);
    QCOMPARE(counts->failed, 1);
}

void TestRunScoring::sameAsPrepareRun_data()
{
    QTest::addColumn<int>("threads");
    QTest::newRow("1 thread") << 1;
    QTest::newRow("4 threads") << 4;
}

// The single-pass scoring equals prepareRun() + evaluate() (what `cinetune eval` does), also for
// items, titles, an unknown user and any thread count.
void TestRunScoring::sameAsPrepareRun()
{
    QFETCH(int, threads);
    RunRepository runs(*m_project);
    std::vector<Prediction> predictions = predictionsFromResponses(runs.responses(m_runId).value(), false);
    Prediction items;
    items.user = 5;
    items.items = {30, 20, 20, 999};
    predictions.push_back(items);
    Prediction titles;
    titles.user = 3;
    titles.titles = {QStringLiteral("Heat"), QStringLiteral("Toy Storry")};
    predictions.erase(std::remove_if(predictions.begin(), predictions.end(), [](const Prediction &p) { return p.user == 3; }),
                      predictions.end());
    predictions.push_back(titles);
    Prediction stranger;
    stranger.user = 77;
    stranger.items = {10};
    predictions.push_back(stranger);
    const auto gold = GoldSetRepository(*m_project).users(m_goldId);
    QVERIFY(gold.ok());
    std::vector<GoldSetUser> test;
    for (const GoldSetUser &u : gold.value())
        if (u.split == GoldSetSplit::Test)
            test.push_back(u);
    const TitleResolver resolver = TitleResolver::fromDataset(*m_tiny);
    const auto prepared = prepareRun(test, predictions, &resolver);
    QVERIFY(prepared.ok());
    const MetricReport expected = evaluate(prepared->users, m_options.metrics);
    ScoringOptions o = m_options;
    o.threads = threads;
    const auto score = scorePredictions(test, predictions, *m_tiny, resolver, o);
    QVERIFY(score.ok());
    QCOMPARE(score->report.means, expected.means);
    QCOMPARE(score->report.intervals, expected.intervals);
    QCOMPARE(score->report.rows, expected.rows);
    QCOMPARE(score->report.failed, expected.failed);
    QCOMPARE(score->report.missing, expected.missing);
    QCOMPARE(score->ignored, prepared->ignored);
    QCOMPARE(score->ignored, 1u);
    const ResolutionCounts &a = score->resolution;
    const ResolutionCounts &b = prepared->resolution;
    QCOMPARE(a.titles, b.titles);
    QCOMPARE(a.exact, b.exact);
    QCOMPARE(a.exactTitle, b.exactTitle);
    QCOMPARE(a.fuzzy, b.fuzzy);
    QCOMPARE(a.hallucinated, b.hallucinated);
    QCOMPARE(a.duplicates, b.duplicates);
    QCOMPARE(a.profileRepeats, b.profileRepeats);
    QCOMPARE(a.parseFailures, b.parseFailures);
    QCOMPARE(score->detail[4].items.size(), 4u); // user 5's ids, the unknown one included
    QVERIFY(score->detail[4].items[2].duplicate);
}

void TestRunScoring::comparisonOfEqualRuns()
{
    auto a = scoreRun(*m_project, m_runId, *m_tiny, m_options);
    QVERIFY(a.ok());
    const auto paired = comparison(a.value(), a.value());
    QCOMPARE(qsizetype(paired.size()), a->report.metrics.size());
    for (const PairedMetric &p : paired) {
        QCOMPARE(p.result.meanDifference, 0.0);
        QCOMPARE(p.result.pValue, 1.0);
    }
}

void TestRunScoring::baselineText_data()
{
    QTest::addColumn<QList<std::uint32_t>>("idList");
    QTest::newRow("empty") << QList<std::uint32_t>{};
    QTest::newRow("one") << QList<std::uint32_t>{20};
    QTest::newRow("several, one not in the catalogue") << QList<std::uint32_t>{50, 10, 999, 30};
}

void TestRunScoring::baselineText()
{
    QFETCH(QList<std::uint32_t>, idList);
    const std::vector<std::uint32_t> ids(idList.begin(), idList.end());
    const QString text = baselineResponseText(m_tiny->catalogue, ids);
    QCOMPARE(baselineResponseItems(text), ids);
    if (!ids.empty() && ids.front() == 20)
        QCOMPARE(text, QStringLiteral("1. The Matrix (1999) [movie 20]"));
}

void TestRunScoring::baselineRun()
{
    RunSpec spec;
    spec.goldSetName = QStringLiteral("tiny");
    spec.goldSetId = m_goldId;
    spec.split = GoldSetSplit::Test;
    spec.target.kind = TargetKind::Baseline;
    spec.target.baseline = QStringLiteral("popular");
    spec.count = 3;
    RunRepository runs(*m_project);
    auto runId = runs.create(QStringLiteral("popular"), spec, QString(), 5);
    QVERIFY2(runId.ok(), qPrintable(runId ? QString() : runId.error().message));
    NullProgress progress;
    BaselineOptions o;
    o.threads = 1;
    auto stored = executeBaselineRun(*m_project, runId.value(), *m_tiny, progress, o);
    QVERIFY2(stored.ok(), qPrintable(stored ? QString() : stored.error().message));
    QCOMPARE(stored.value(), 5);
    QCOMPARE(runs.get(runId.value())->status, RunStatus::Finished);
    QCOMPARE(runs.counts(runId.value())->ok, 5);
    QCOMPARE(executeBaselineRun(*m_project, runId.value(), *m_tiny, progress, o).value(), 0); // nothing pending

    // The stored lists are exactly recommendForGoldSet's, and scoring reads their ids.
    std::vector<GoldSetUser> users;
    const auto all = GoldSetRepository(*m_project).users(m_goldId);
    QVERIFY(all.ok());
    for (const GoldSetUser &u : all.value())
        if (u.split == GoldSetSplit::Test)
            users.push_back(u);
    BaselineOptions expectedOptions = o;
    expectedOptions.count = 3;
    auto expected = recommendForGoldSet(*m_tiny, users, BaselineKind::MostPopular, expectedOptions, progress);
    QVERIFY(expected.ok());
    const auto responses = runs.responses(runId.value());
    QVERIFY(responses.ok());
    for (std::size_t i = 0; i < users.size(); ++i)
        QCOMPARE(baselineResponseItems(responses.value()[i].rawText), expected.value()[i]);
    auto score = scoreRun(*m_project, runId.value(), *m_tiny, m_options);
    QVERIFY(score.ok());
    QVERIFY(!score->resolvedTitles);
    QCOMPARE(score->report.failed, 0u);
    QCOMPARE(score->detail[0].items.size(), expected.value()[0].size());
    // Hand check of hit@3 from the lists themselves.
    double hits = 0;
    for (std::size_t i = 0; i < users.size(); ++i) {
        const auto &list = expected.value()[i];
        hits += std::any_of(list.begin(), list.end(),
                            [&](std::uint32_t id) {
                                return std::find(users[i].gold.begin(), users[i].gold.end(), id) != users[i].gold.end();
                            })
            ? 1.0
            : 0.0;
    }
    QCOMPARE(score->report.mean(QStringLiteral("hit@3")), hits / 5);
}

// cinetune baseline-run stores a run; cinetune score prints the by-hand figures as JSON.
void TestRunScoring::commandLine()
{
    const QString binary = qEnvironmentVariable("CINETUNE_BINARY");
    QVERIFY2(!binary.isEmpty(), "CINETUNE_BINARY is set by CTest");
    const QString tiny = m_dir.filePath(QStringLiteral("tiny"));
    const auto runCli = [](const QStringList &args, QByteArray *out) {
        const test::CliRun r = test::runCli(args, {.timeoutMs = 60000});
        *out = r.out;
        if (r.code != 0)
            qWarning("%s", r.err.constData());
        return r.code;
    };
    QByteArray out;
    QCOMPARE(
        runCli({QStringLiteral("baseline-run"), QStringLiteral("--project"), m_project->path(), QStringLiteral("--gold"),
                QStringLiteral("tiny"), QStringLiteral("--baseline"), QStringLiteral("random"), QStringLiteral("--name"),
                QStringLiteral("cli random"), QStringLiteral("--count"), QStringLiteral("3"), QStringLiteral("--dataset"), tiny},
               &out),
        0);
    RunRepository runs(*m_project);
    const auto run = runs.find(QStringLiteral("cli random"));
    QVERIFY(run.ok());
    QCOMPARE(run->spec.target.kind, TargetKind::Baseline);
    QCOMPARE(run->status, RunStatus::Finished);
    QCOMPARE(runs.counts(run->id)->ok, 5);

    QCOMPARE(runCli({QStringLiteral("score"), QStringLiteral("--project"), m_project->path(), QStringLiteral("--run"),
                     QStringLiteral("by hand"), QStringLiteral("--compare"), QStringLiteral("cli random"), QStringLiteral("--k"),
                     QStringLiteral("1,3"), QStringLiteral("--dataset"), tiny, QStringLiteral("--json")},
                    &out),
             0);
    const QJsonObject o = QJsonDocument::fromJson(out).object();
    QCOMPARE(o.value(QStringLiteral("metrics")).toObject().value(QStringLiteral("precision@1")).toDouble(), 0.2);
    QCOMPARE(o.value(QStringLiteral("failed_requests")).toInt(), 1);
    QCOMPARE(o.value(QStringLiteral("parse_failures")).toInt(), 1);
    QCOMPARE(o.value(QStringLiteral("resolution")).toObject().value(QStringLiteral("hallucinated")).toInt(), 1);
    QVERIFY(o.value(QStringLiteral("paired")).toObject().contains(QStringLiteral("ndcg@3")));
    QCOMPARE(runCli({QStringLiteral("score"), QStringLiteral("--project"), m_project->path(), QStringLiteral("--run"),
                     QStringLiteral("no such run"), QStringLiteral("--dataset"), tiny},
                    &out),
             2);
}

QTEST_GUILESS_MAIN(TestRunScoring)
#include "tst_runscoring.moc"
