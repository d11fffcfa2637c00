// Evaluation runs through the Batch API over real HTTP on 127.0.0.1 against the offline
// simulator (batches take a fraction of a second here): one stored response per user with the
// same texts and cache keys the live path stores; a restart after the create re-attaches (one
// create in all); failed lines fail only their users; faults while polling are retried; providers
// without a Batch API are refused; cancel cancels the batch.
#include "fixtures.h"

#include "app/cli/cli.h"
#include "app/cli/runcommands.h"
#include "core/dataset/catalogue.h"
#include "core/eval/batchrun.h"
#include "core/eval/evalrun.h"
#include "core/goldset/goldset.h"
#include "core/project/goldsetrepository.h"
#include "core/project/projectfile.h"
#include "core/project/runrepository.h"
#include "core/simulator/simulatorserver.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace cinetune;

namespace {

constexpr int kUsers = 12;

Catalogue makeCatalogue()
{
    Catalogue c;
    for (std::uint32_t i = 1; i <= 120; ++i)
        c.add(Movie{i, 1970 + int(i % 40), QStringLiteral("Film Number %1").arg(i), {}, true});
    return c;
}

std::vector<GoldSetUser> makeUsers(int n)
{
    std::vector<GoldSetUser> users;
    for (int u = 0; u < n; ++u) {
        GoldSetUser g;
        g.user = std::uint32_t(100 + u);
        for (int i = 0; i < 10; ++i)
            g.profile.push_back(std::uint32_t(1 + (u * 7 + i) % 120));
        for (int i = 10; i < 20; ++i)
            g.gold.push_back(std::uint32_t(1 + (u * 7 + i) % 120));
        g.split = GoldSetSplit::Test;
        users.push_back(g);
    }
    return users;
}

bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return done();
}

} // namespace

class TestBatchRun : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SimulatorServer> m_server;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<ProjectFile> m_project;
    Catalogue m_catalogue = makeCatalogue();
    std::vector<GoldSetUser> m_users = makeUsers(kUsers);

    RunSpec spec() const
    {
        RunSpec s;
        s.goldSetName = QStringLiteral("gold");
        s.target.provider = QStringLiteral("sim");
        s.target.model = QStringLiteral("gpt-4o-mini-2024-07-18");
        s.seed = 1;
        return s;
    }

    EvaluationSetup setup(ProjectFile *project, qint64 runId, ProviderKind kind = ProviderKind::Simulator)
    {
        EvaluationSetup s;
        s.project = project;
        s.runId = runId;
        s.spec = spec();
        s.catalogue = &m_catalogue;
        s.users = m_users;
        s.endpoint = Endpoint{kind, QUrl(m_server->baseUrl()), QStringLiteral("sk-test-secret-1234"), 3000};
        s.providerName = QStringLiteral("sim");
        s.http = m_http.get();
        s.scheduler.concurrency = 4;
        s.scheduler.retry.maxAttempts = 3;
        s.scheduler.retry.baseDelayMs = 20;
        return s;
    }

    static BatchOptions fast()
    {
        BatchOptions o;
        o.pollMs = 40;
        o.maxPollMs = 120;
        o.maxPollFailures = 3;
        return o;
    }

    qint64 newRun(ProjectFile &project, const QString &name)
    {
        RunRepository runs(project);
        auto id = prepareEvaluationRun(runs, name, spec(), m_server->baseUrl(), kUsers);
        if (!id)
            qWarning() << id.error().message;
        return id ? id.value() : -1;
    }

    template<typename Run>
    static int runToEnd(Run &run, QString *error = nullptr, int timeoutMs = 30000)
    {
        std::optional<int> status;
        QObject::connect(&run, &Run::stopped, &run, [&status, error](int s, const QString &e) {
            status = s;
            if (error)
                *error = e;
        });
        run.start();
        waitFor([&status] { return status.has_value(); }, timeoutMs);
        return status.value_or(-1);
    }

    std::vector<StoredResponse> responses(ProjectFile &project, qint64 runId)
    {
        RunRepository runs(project);
        auto r = runs.responses(runId);
        return r ? r.value() : std::vector<StoredResponse>{};
    }

    int batchCreates() const { return m_server->requestCount(QStringLiteral("POST /v1/batches")); }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        auto project = ProjectFile::create(m_dir->filePath(QStringLiteral("batch")));
        QVERIFY2(project, qPrintable(project ? QString() : project.error().message));
        m_project = std::move(project).value();
        SimulatorServer::Options options;
        options.batchDurationMs = 600;
        m_server = std::make_unique<SimulatorServer>(options, nullptr);
        QVERIFY(m_server->listen(0).ok());
        m_http = std::make_unique<HttpClient>();
        m_http->setDelayScale(0.01);
        m_http->setRandomSeed(1);
    }

    void cleanup()
    {
        m_http.reset();
        m_server.reset();
        m_project.reset();
        m_dir.reset();
    }

    void completesLikeTheLivePath()
    {
        const qint64 runId = newRun(*m_project, QStringLiteral("batch"));
        QVERIFY(runId > 0);
        QStringList statuses;
        {
            BatchRun run(setup(m_project.get(), runId), fast());
            connect(&run, &BatchRun::batchProgress, this, [&statuses](const QString &s, qint64, qint64, qint64) {
                if (statuses.isEmpty() || statuses.last() != s)
                    statuses << s;
            });
            QString error;
            QCOMPARE(runToEnd(run, &error), int(RunStatus::Finished));
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QCOMPARE(run.unknownLines(), qint64(0));
        }
        QCOMPARE(statuses.value(0), QStringLiteral("validating"));
        QCOMPARE(statuses.last(), QStringLiteral("completed"));
        QCOMPARE(batchCreates(), 1);
        QCOMPARE(m_server->requestCount(QStringLiteral("POST /v1/chat/completions")), 0);
        const auto batch = responses(*m_project, runId);
        QCOMPARE(int(batch.size()), kUsers);

        // The same spec through the live path, in a second project (no shared response cache).
        auto other = ProjectFile::create(m_dir->filePath(QStringLiteral("live")));
        QVERIFY(other);
        const qint64 liveId = newRun(*other.value(), QStringLiteral("live"));
        {
            EvaluationRun live(setup(other.value().get(), liveId));
            QCOMPARE(runToEnd(live), int(RunStatus::Finished));
        }
        const auto live = responses(*other.value(), liveId);
        QCOMPARE(live.size(), batch.size());
        for (std::size_t i = 0; i < batch.size(); ++i) {
            QCOMPARE(batch[i].user, live[i].user);
            QVERIFY(batch[i].ok);
            QVERIFY(batch[i].batch);
            QVERIFY(!live[i].batch);
            QVERIFY(!batch[i].rawText.isEmpty());
            QCOMPARE(batch[i].rawText, live[i].rawText);
            QCOMPARE(batch[i].cacheKey, live[i].cacheKey);
            QCOMPARE(batch[i].promptTokens, live[i].promptTokens);
        }
        // Batch tokens are counted as such, so the cost is half.
        RunRepository runs(*m_project);
        const auto counts = runs.counts(runId);
        QVERIFY(counts);
        QVERIFY(counts->promptTokens > 0);
        QCOMPARE(counts->batchPromptTokens, counts->promptTokens);
        QCOMPARE(counts->batchCompletionTokens, counts->completionTokens);
        RunRepository liveRuns(*other.value());
        const auto liveCounts = liveRuns.counts(liveId);
        QVERIFY(liveCounts);
        QCOMPARE(liveCounts->batchPromptTokens, qint64(0));
        const auto batchCost = runCost(PriceTable::defaults(), spec().target.model, counts.value());
        const auto liveCost = runCost(PriceTable::defaults(), spec().target.model, liveCounts.value());
        QVERIFY(batchCost && liveCost);
        QVERIFY(qAbs(*batchCost - *liveCost * 0.5) < 1e-12);

        // Running again: nothing pending, no second batch.
        BatchRun again(setup(m_project.get(), runId), fast());
        QCOMPARE(runToEnd(again), int(RunStatus::Finished));
        QCOMPARE(batchCreates(), 1);
    }

    void restartReattaches()
    {
        const qint64 runId = newRun(*m_project, QStringLiteral("restart"));
        {
            BatchRun first(setup(m_project.get(), runId), fast());
            first.start();
            QVERIFY(waitFor([&first] { return !first.batchId().isEmpty(); }, 10000));
            // Destroyed here, as when the application quits while the batch runs.
        }
        QCOMPARE(batchCreates(), 1);
        QCOMPARE(int(responses(*m_project, runId).size()), 0);
        BatchRun second(setup(m_project.get(), runId), fast());
        QString error;
        QCOMPARE(runToEnd(second, &error), int(RunStatus::Finished));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(batchCreates(), 1);
        QCOMPARE(m_server->batchCount(), 1);
        QCOMPARE(m_server->requestCount(QStringLiteral("POST /v1/files")), 1);
        const auto stored = responses(*m_project, runId);
        QCOMPARE(int(stored.size()), kUsers);
        for (const StoredResponse &r : stored)
            QVERIFY(r.ok);
    }

    // The run's users changed between sessions: the line of a user no longer in it is counted and
    // ignored; a batch the provider no longer knows is forgotten so the next run starts afresh.
    void unknownLinesAndLostBatch()
    {
        const qint64 runId = newRun(*m_project, QStringLiteral("changed"));
        {
            BatchRun first(setup(m_project.get(), runId), fast());
            first.start();
            QVERIFY(waitFor([&first] { return !first.batchId().isEmpty(); }, 10000));
        }
        EvaluationSetup fewer = setup(m_project.get(), runId);
        fewer.users.pop_back();
        BatchRun second(std::move(fewer), fast());
        QCOMPARE(runToEnd(second), int(RunStatus::Finished));
        QCOMPARE(second.unknownLines(), qint64(1));
        QCOMPARE(int(responses(*m_project, runId).size()), kUsers - 1);

        const qint64 lostId = newRun(*m_project, QStringLiteral("lost"));
        {
            BatchRun first(setup(m_project.get(), lostId), fast());
            first.start();
            QVERIFY(waitFor([&first] { return !first.batchId().isEmpty(); }, 10000));
        }
        QVERIFY(m_server->setFaults(QStringLiteral("401@GET:/v1/batches/*#1")).ok()); // not transient: stops the run
        {
            BatchRun run(setup(m_project.get(), lostId), fast());
            QCOMPARE(runToEnd(run), int(RunStatus::Failed));
        }
        // A restarted simulator has forgotten every batch: 404, the row is closed, the next run creates anew.
        m_server = std::make_unique<SimulatorServer>(SimulatorServer::Options{}, nullptr);
        QVERIFY(m_server->listen(0).ok());
        EvaluationSetup moved = setup(m_project.get(), lostId);
        {
            BatchRun run(moved, fast());
            QString error;
            QCOMPARE(runToEnd(run, &error), int(RunStatus::Failed));
            QVERIFY2(error.contains(QStringLiteral("run again")), qPrintable(error));
        }
        SimulatorServer::Options quick;
        quick.batchDurationMs = 600;
        m_server->setOptions(quick);
        BatchRun again(moved, fast());
        QCOMPARE(runToEnd(again), int(RunStatus::Finished));
        QCOMPARE(batchCreates(), 1); // on the new server
        QCOMPARE(int(responses(*m_project, lostId).size()), kUsers);
    }

    void failedLines_data()
    {
        QTest::addColumn<QString>("faults");
        QTest::addColumn<QString>("errorCode");
        QTest::addColumn<int>("problems");
        QTest::newRow("status 500 line") << "500@BATCH:/user-105"
                                         << "provider.server" << 0;
        QTest::newRow("line error object") << "drop@BATCH:/user-105"
                                           << "provider.batch_line" << 0;
        QTest::newRow("malformed line") << "malformed@BATCH:/user-105"
                                        << "provider.batch_missing" << 1;
    }
    void failedLines()
    {
        QFETCH(QString, faults);
        QFETCH(QString, errorCode);
        QFETCH(int, problems);
        QVERIFY(m_server->setFaults(faults).ok());
        const qint64 runId = newRun(*m_project, QStringLiteral("lines"));
        BatchRun run(setup(m_project.get(), runId), fast());
        QCOMPARE(runToEnd(run), int(RunStatus::Finished));
        QCOMPARE(int(run.problems().size()), problems);
        const auto stored = responses(*m_project, runId);
        QCOMPARE(int(stored.size()), kUsers);
        for (const StoredResponse &r : stored) {
            if (r.user == 105) {
                QVERIFY(!r.ok);
                QCOMPARE(r.errorCode, errorCode);
                QVERIFY(!r.errorMessage.isEmpty());
            } else {
                QVERIFY2(r.ok, qPrintable(r.errorMessage));
            }
        }
    }

    void pollFaultsAreRetried_data()
    {
        QTest::addColumn<QString>("faults");
        QTest::newRow("500 on polls") << "500@GET:/v1/batches/*#3";
        QTest::newRow("reset on polls") << "reset@GET:/v1/batches/*#2";
        QTest::newRow("503 beyond the HTTP retries") << "503@GET:/v1/batches/*#7";
        QTest::newRow("reset on download") << "reset@GET:/v1/files/*/content#1";
    }
    void pollFaultsAreRetried()
    {
        QFETCH(QString, faults);
        QVERIFY(m_server->setFaults(faults).ok());
        const qint64 runId = newRun(*m_project, QStringLiteral("polls"));
        BatchRun run(setup(m_project.get(), runId), fast());
        QString error;
        QCOMPARE(runToEnd(run, &error), int(RunStatus::Finished));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(batchCreates(), 1);
        const auto stored = responses(*m_project, runId);
        QCOMPARE(int(stored.size()), kUsers);
        for (const StoredResponse &r : stored)
            QVERIFY(r.ok);
    }

    void unsupportedProvider()
    {
        const qint64 runId = newRun(*m_project, QStringLiteral("together"));
        BatchRun run(setup(m_project.get(), runId, ProviderKind::Together), fast());
        QString error;
        QCOMPARE(runToEnd(run, &error), int(RunStatus::Failed));
        QVERIFY(error.contains(QStringLiteral("Batch API")));
        QCOMPARE(m_server->totalRequests(), 0);
    }

    // Azure OpenAI takes batches only on a Global-Batch deployment, named as every line's model
    // (MicrosoftDocs/azure-ai-docs batch-rest.md): refused without one, used when given.
    void azureBatchDeployment()
    {
        const qint64 refusedId = newRun(*m_project, QStringLiteral("azure-refused"));
        BatchRun refused(setup(m_project.get(), refusedId, ProviderKind::Azure), fast());
        QString error;
        QCOMPARE(runToEnd(refused, &error), int(RunStatus::Failed));
        QVERIFY2(error.contains(QStringLiteral("Global-Batch")) && error.contains(QStringLiteral("--batch-deployment")),
                 qPrintable(error));
        QCOMPARE(m_server->totalRequests(), 0);

        QByteArray uploaded;
        connect(m_server.get(), &SimulatorServer::requestReceived, this,
                [&uploaded](const QString &route, const QByteArray &body) {
                    if (route == QLatin1String("POST /v1/files"))
                        uploaded = body;
                });
        const qint64 runId = newRun(*m_project, QStringLiteral("azure"));
        BatchOptions options = fast();
        options.azureBatchDeployment = QStringLiteral("sim-base"); // the batch deployment's name (the simulator knows it)
        BatchRun run(setup(m_project.get(), runId, ProviderKind::Azure), options);
        QCOMPARE(runToEnd(run, &error), int(RunStatus::Finished));
        QCOMPARE(uploaded.count("\"model\":\"sim-base\""), kUsers);
        QCOMPARE(uploaded.count("\"model\":\"gpt-4o-mini-2024-07-18\""), 0); // not the live deployment
        QCOMPARE(uploaded.count("\"url\":\"/v1/chat/completions\""), kUsers);
    }

    void cancelCancelsTheBatch()
    {
        SimulatorServer::Options slow;
        slow.batchDurationMs = 60000;
        m_server->setOptions(slow);
        const qint64 runId = newRun(*m_project, QStringLiteral("cancel"));
        BatchRun run(setup(m_project.get(), runId), fast());
        std::optional<int> status;
        connect(&run, &BatchRun::stopped, this, [&status](int s, const QString &) { status = s; });
        run.start();
        QVERIFY(waitFor([&run] { return !run.batchId().isEmpty(); }, 10000));
        run.cancel();
        QVERIFY(waitFor([&status] { return status.has_value(); }, 20000));
        QCOMPARE(*status, int(RunStatus::Cancelled));
        QCOMPARE(m_server->requestCount(QStringLiteral("POST /v1/batches/%1/cancel").arg(run.batchId())), 1);
        // Users the batch did not answer stay pending for the next run.
        RunRepository runs(*m_project);
        const auto counts = runs.counts(runId);
        QVERIFY(counts);
        QCOMPARE(counts->failed, qint64(0));
    }

    // `cinetune run --batch` twice: the first completes through one batch, the second sends nothing.
    void cliBatch()
    {
        GoldSetRepository golds(*m_project);
        GoldSet set;
        // ml-latest-small movie ids 1..60 exist in the embedded sample.
        for (int u = 0; u < 4; ++u) {
            GoldSetUser g;
            g.user = std::uint32_t(u + 1);
            for (int i = 0; i < 10; ++i)
                g.profile.push_back(std::uint32_t(1 + u + i));
            for (int i = 20; i < 30; ++i)
                g.gold.push_back(std::uint32_t(1 + u + i));
            g.split = GoldSetSplit::Test;
            set.users.push_back(g);
        }
        QVERIFY(golds.add(QStringLiteral("tiny"), set, "fp").ok());
        const QString path = m_project->path();
        m_project.reset(); // the command opens the file itself
        const QStringList args{QStringLiteral("--project"),      path,
                               QStringLiteral("--gold"),         QStringLiteral("tiny"),
                               QStringLiteral("--target"),       QStringLiteral("gpt-4o-mini-2024-07-18"),
                               QStringLiteral("--base-url"),     m_server->baseUrl(),
                               QStringLiteral("--kind"),         QStringLiteral("simulator"),
                               QStringLiteral("--strategy"),     QStringLiteral("zero-shot"),
                               QStringLiteral("--dataset"),      QStringLiteral(":sample"),
                               QStringLiteral("--json"),         QStringLiteral("--batch"),
                               QStringLiteral("--poll-seconds"), QStringLiteral("1")};
        QString firstBatch;
        for (int round = 0; round < 2; ++round) {
            QString outText, errText;
            QTextStream out(&outText), err(&errText);
            const int code = cli::evalRun(args, out, err);
            out.flush();
            QVERIFY2(code == cli::Success, qPrintable(errText));
            const QJsonObject summary = QJsonDocument::fromJson(outText.toUtf8()).object();
            QCOMPARE(summary.value(QStringLiteral("ok")).toInt(), 4);
            QCOMPARE(summary.value(QStringLiteral("status")).toString(), QStringLiteral("finished"));
            // The simulator costs nothing; the list price of the same tokens is reported beside it.
            QCOMPARE(summary.value(QStringLiteral("cost_usd")).toDouble(), 0.0);
            QVERIFY(summary.value(QStringLiteral("simulated")).toBool());
            QVERIFY(summary.value(QStringLiteral("list_price_usd")).toDouble() > 0);
            if (round == 0) {
                firstBatch = summary.value(QStringLiteral("batch_id")).toString();
                QVERIFY(!firstBatch.isEmpty());
                QVERIFY(errText.contains(QStringLiteral("completed")));
            }
            QCOMPARE(batchCreates(), 1);
            QCOMPARE(m_server->requestCount(QStringLiteral("POST /v1/chat/completions")), 0);
        }
        QString outText, errText;
        QTextStream out(&outText), err(&errText);
        QStringList together = args;
        together[together.indexOf(QStringLiteral("simulator"))] = QStringLiteral("together");
        together << QStringLiteral("--name") << QStringLiteral("together") << QStringLiteral("--key-env")
                 << QStringLiteral("PATH");
        QCOMPARE(cli::evalRun(together, out, err), int(cli::ProviderError));
        err.flush();
        QVERIFY2(errText.contains(QStringLiteral("Batch API")), qPrintable(errText));
        QCOMPARE(cli::evalRun(QStringList(args) << QStringLiteral("--retry-failed"), out, err), int(cli::UsageError));
    }
};

QTEST_GUILESS_MAIN(TestBatchRun)
#include "tst_batchrun.moc"
