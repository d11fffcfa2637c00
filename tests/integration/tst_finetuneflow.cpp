// The fine-tuning flow over real HTTP on 127.0.0.1 against the offline simulator and its faults:
// upload -> create -> poll -> events -> checkpoints -> succeeded, cancel, retries, timeouts,
// ambiguous creates, streaming, and monitoring that resumes from the project after a restart.
#include "awaitcall.h"
#include "fixtures.h"

#include "core/project/jobrepository.h"
#include "core/project/projectfile.h"
#include "core/providers/jobmonitor.h"
#include "core/providers/providerclient.h"
#include "core/simulator/simulatorserver.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cinetune;

namespace {

const QByteArray kTraining =
    R"json({"messages":[{"role":"system","content":"You recommend movies."},{"role":"user","content":"I liked Alien, Aliens and The Thing. Recommend 3 movies."},{"role":"assistant","content":"1. Predator (1987)\n2. The Fly (1986)\n3. Event Horizon (1997)"}]}
{"messages":[{"role":"system","content":"You recommend movies."},{"role":"user","content":"I liked Amelie, Chocolat and Notting Hill. Recommend 3 movies."},{"role":"assistant","content":"1. Love Actually (2003)\n2. Before Sunrise (1995)\n3. Big Fish (2003)"}]}
{"messages":[{"role":"system","content":"You recommend movies."},{"role":"user","content":"I liked Heat, Ronin and Collateral. Recommend 3 movies."},{"role":"assistant","content":"1. Thief (1981)\n2. The Town (2010)\n3. Drive (2011)"}]}
)json";

const QByteArray kValidation =
    R"json({"messages":[{"role":"user","content":"I liked Toy Story. Recommend 3 movies."},{"role":"assistant","content":"1. Up (2009)\n2. Coco (2017)\n3. Cars (2006)"}]}
)json";

} // namespace

class TestFineTuneFlow : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SimulatorServer> m_server;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<ProviderClient> m_client;

    ProviderProfile profile() const
    {
        ProviderProfile p;
        p.name = QStringLiteral("sim");
        p.kind = ProviderKind::Simulator;
        p.baseUrl = QUrl(m_server->baseUrl());
        return p;
    }

    void makeClient(int timeoutMs = 3000, int attempts = 4)
    {
        m_client = std::make_unique<ProviderClient>(m_http.get(), profile(), QStringLiteral("sk-test-secret-1234"));
        m_client->setTimeoutMs(timeoutMs);
        RetryPolicy policy;
        policy.maxAttempts = attempts;
        policy.baseDelayMs = 20;
        m_client->setRetryPolicy(policy);
    }

    JobRequest request(const QString &trainingFile) const
    {
        JobRequest r;
        r.trainingFile = trainingFile;
        r.epochs = 2;
        r.batchSize = 1;
        r.suffix = QStringLiteral("flow");
        return r;
    }

    QString upload(const QByteArray &data = kTraining)
    {
        auto f = test::awaitCall<FileCall, FileInfo>(m_client->uploadFile(QStringLiteral("train.jsonl"), data));
        if (!f)
            qWarning() << f.error().message;
        return f ? f->id : QString();
    }

private Q_SLOTS:
    void init()
    {
        // Aborted replies (stalls, timeouts) must not make Qt warn on stderr (issue 15, item 9).
        QTest::failOnWarning(QRegularExpression(QStringLiteral("device not open")));
        SimulatorServer::Options o;
        o.jobDurationMs = 1500;
        m_server = std::make_unique<SimulatorServer>(o, nullptr);
        QVERIFY(m_server->listen(0).ok());
        m_http = std::make_unique<HttpClient>();
        m_http->setDelayScale(0.01); // a Retry-After of 1 s waits 10 ms here
        makeClient();
    }

    void cleanup()
    {
        m_client.reset();
        m_http.reset();
        m_server.reset();
    }

    void fullFlowWithMonitorAndChat()
    {
        QTemporaryDir dir;
        auto project = ProjectFile::create(dir.filePath(QStringLiteral("p")));
        QVERIFY2(project, qPrintable(project ? QString() : project.error().message));
        JobRepository repo(*project.value());

        JobSubmission::Input in;
        in.trainingName = QStringLiteral("train.jsonl");
        in.trainingData = kTraining;
        in.validationName = QStringLiteral("valid.jsonl");
        in.validationData = kValidation;
        in.request = request({});
        JobSubmission submission(m_client.get(), &repo, in);
        std::optional<Result<StoredJob>> done;
        connect(&submission, &JobSubmission::finished, this, [&done](const Result<StoredJob> &r) { done = r; });
        submission.start();
        QTRY_VERIFY_WITH_TIMEOUT(done.has_value(), 10000);
        const Result<StoredJob> stored = *done;
        QVERIFY2(stored, qPrintable(stored ? QString() : stored.error().message));
        QVERIFY(stored->job.id.startsWith(QLatin1String("ftjob-")));
        QVERIFY(stored->simulated);
        // Written the moment the provider returned the id.
        auto row = repo.findByProviderId(stored->job.id);
        QVERIFY(row);
        QVERIFY(!row->pending);
        QCOMPARE(m_server->jobCount(), 1);

        JobMonitor monitor(&repo, [this](const QString &) -> Result<ProviderClient *> { return m_client.get(); });
        monitor.setPollInterval(100, 400);
        QSignalSpy finished(&monitor, &JobMonitor::jobFinished);
        QSignalSpy updates(&monitor, &JobMonitor::jobUpdated);
        monitor.resume();
        QVERIFY(finished.wait(15000));
        QVERIFY(updates.size() >= 2);

        auto final = repo.job(stored->rowId);
        QVERIFY(final);
        QCOMPARE(final->job.status, JobStatus::Succeeded);
        QVERIFY(final->job.fineTunedModel.startsWith(QLatin1String("ft:gpt-4o-mini-2024-07-18:cinetune-sim:flow:")));
        QVERIFY(final->job.trainedTokens.value_or(0) > 0);
        auto events = repo.events(stored->rowId);
        QVERIFY(events);
        QVERIFY(events->size() >= 5);
        QVERIFY(events->first().message.startsWith(QLatin1String("Validating"))); // oldest first
        MetricsSeries series = MetricsSeries::fromEvents(events.value());
        auto checkpoints = repo.checkpoints(stored->rowId);
        QVERIFY(checkpoints);
        QVERIFY(!checkpoints->isEmpty());
        series.addCheckpoints(checkpoints.value());
        QVERIFY(series.points.size() >= 3);
        QVERIFY(series.points.first().trainLoss && series.points.last().trainLoss);
        QVERIFY(*series.points.first().trainLoss > *series.points.last().trainLoss); // it "learns"
        QVERIFY(series.points.last().validLoss.has_value());
        QVERIFY(std::any_of(series.points.begin(), series.points.end(),
                            [](const MetricPoint &p) { return p.fullValidLoss.has_value(); }));
        QVERIFY(!checkpoints->last().model.isEmpty());

        // The fine-tuned model answers from the training data; the base model does not.
        ChatRequest chat;
        chat.model = final->job.fineTunedModel;
        chat.messages = {{QStringLiteral("user"), QStringLiteral("I liked Heat and Collateral. Recommend 3 movies.")}};
        auto answer = test::awaitCall<ChatCall, ChatResult>(m_client->chat(chat));
        QVERIFY2(answer, qPrintable(answer ? QString() : answer.error().message));
        QVERIFY(answer->content.contains(QLatin1String("Thief (1981)")));
        chat.stream = true;
        ChatCall *streamCall = m_client->chat(chat);
        QSignalSpy deltas(streamCall, &ChatCall::delta);
        auto streamed = test::awaitCall<ChatCall, ChatResult>(streamCall);
        QVERIFY2(streamed, qPrintable(streamed ? QString() : streamed.error().message));
        QCOMPARE(streamed->content, answer->content);
        QVERIFY(deltas.size() > 1);
        QVERIFY(streamed->completionTokens > 0);

        chat.model = QStringLiteral("gpt-4o-mini-2024-07-18");
        chat.stream = false;
        auto base = test::awaitCall<ChatCall, ChatResult>(m_client->chat(chat));
        QVERIFY(base);
        QVERIFY(base->content.startsWith(QLatin1String("1. ")));
        QVERIFY(!base->content.contains(QLatin1String("Thief (1981)")));
    }

    void cancel()
    {
        const QString file = upload();
        QVERIFY(!file.isEmpty());
        auto job = test::awaitCall<JobCall, FineTuneJob>(m_client->createJob(request(file)));
        QVERIFY(job);
        auto cancelled = test::awaitCall<JobCall, FineTuneJob>(m_client->cancelJob(job->id));
        QVERIFY2(cancelled, qPrintable(cancelled ? QString() : cancelled.error().message));
        QCOMPARE(cancelled->status, JobStatus::Cancelled);
        auto again = test::awaitCall<JobCall, FineTuneJob>(m_client->getJob(job->id));
        QVERIFY(again);
        QCOMPARE(again->status, JobStatus::Cancelled);
    }

    void retryAfterHonoured()
    {
        QVERIFY(m_server->setFaults(QStringLiteral("429=2@GET:/v1/models#1")).ok());
        ModelsCall *call = m_client->listModels();
        QSignalSpy retrying(call, &ProviderCall::retrying);
        auto models = test::awaitCall<ModelsCall, QList<ModelInfo>>(call);
        QVERIFY2(models, qPrintable(models ? QString() : models.error().message));
        QCOMPARE(m_server->requestCount(QStringLiteral("GET /v1/models")), 2);
        QCOMPARE(retrying.size(), 1);
        QVERIFY(retrying.first().at(1).toInt() >= 20); // 2 s Retry-After at delay scale 0.01
    }

    void rateLimitResetHeaderHonoured()
    {
        QVERIFY(m_server->setFaults(QStringLiteral("ratelimit=6m0s@GET:/v1/models#1")).ok());
        m_http->setDelayScale(0.00005); // 6 min -> 18 ms
        ModelsCall *call = m_client->listModels();
        QSignalSpy retrying(call, &ProviderCall::retrying);
        auto models = test::awaitCall<ModelsCall, QList<ModelInfo>>(call);
        QVERIFY(models);
        QCOMPARE(retrying.size(), 1);
        QVERIFY(retrying.first().at(1).toInt() >= 17);
    }

    void quotaIsNotRetried()
    {
        QVERIFY(m_server->setFaults(QStringLiteral("quota@GET:/v1/models#0")).ok());
        auto models = test::awaitCall<ModelsCall, QList<ModelInfo>>(m_client->listModels());
        QVERIFY(!models);
        QCOMPARE(models.error().code, ErrorCode(errc::Provider::Quota));
        QCOMPARE(m_server->requestCount(QStringLiteral("GET /v1/models")), 1);
    }

    void serverErrorsRetriedBoundedTimes_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::newRow("500") << "500";
        QTest::newRow("502") << "502";
        QTest::newRow("503") << "503";
    }

    void serverErrorsRetriedBoundedTimes()
    {
        QFETCH(QString, fault);
        QVERIFY(m_server->setFaults(fault + QStringLiteral("@GET:/v1/models#0")).ok());
        auto models = test::awaitCall<ModelsCall, QList<ModelInfo>>(m_client->listModels());
        QVERIFY(!models);
        QCOMPARE(models.error().code, ErrorCode(errc::Provider::Server));
        QCOMPARE(m_server->requestCount(QStringLiteral("GET /v1/models")), 4);
        // Two failures, then success.
        QVERIFY(m_server->setFaults(fault + QStringLiteral("@GET:/v1/models#2")).ok());
        auto ok = test::awaitCall<ModelsCall, QList<ModelInfo>>(m_client->listModels());
        QVERIFY(ok);
        QCOMPARE(m_server->requestCount(QStringLiteral("GET /v1/models")), 7);
    }

    void resetMidBodyRetried()
    {
        const QString file = upload();
        auto job = test::awaitCall<JobCall, FineTuneJob>(m_client->createJob(request(file)));
        QVERIFY(job);
        QVERIFY(m_server->setFaults(QStringLiteral("reset@GET:/v1/fine_tuning/jobs/*#1")).ok());
        auto again = test::awaitCall<JobCall, FineTuneJob>(m_client->getJob(job->id));
        QVERIFY2(again, qPrintable(again ? QString() : again.error().message));
        QCOMPARE(m_server->requestCount(QStringLiteral("GET /v1/fine_tuning/jobs/") + job->id), 2);
    }

    void stallBecomesTimeout()
    {
        makeClient(300, 2);
        QVERIFY(m_server->setFaults(QStringLiteral("stall=5000@GET:/v1/models#0")).ok());
        QElapsedTimer t;
        t.start();
        auto models = test::awaitCall<ModelsCall, QList<ModelInfo>>(m_client->listModels());
        QVERIFY(!models);
        QCOMPARE(models.error().code, ErrorCode(errc::Net::Timeout));
        QCOMPARE(m_server->requestCount(QStringLiteral("GET /v1/models")), 2);
        QVERIFY(t.elapsed() < 4000);
    }

    void deletingTheClientWithCallsInFlight()
    {
        // Two calls stalled at the server, one waiting to retry: deleting the HttpClient (and so its
        // QNetworkAccessManager) must abort them without a crash or a late signal (ASan in CI).
        QVERIFY(m_server->setFaults(QStringLiteral("stall=3000@GET:/v1/models#0")).ok());
        int finishedSignals = 0;
        for (int i = 0; i < 2; ++i) {
            HttpRequest r;
            r.method = QByteArrayLiteral("GET");
            r.url = QUrl(m_server->baseUrl() + QStringLiteral("/models"));
            r.headers.append({QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer sk-test")});
            HttpCall *call = m_http->send(r);
            connect(call, &HttpCall::finished, this, [&finishedSignals]() { ++finishedSignals; });
        }
        QTRY_COMPARE_WITH_TIMEOUT(m_server->requestCount(QStringLiteral("GET /v1/models")), 2, 5000);
        m_client.reset();
        m_http.reset();
        QTest::qWait(50);
        QCOMPARE(finishedSignals, 0);
        m_http = std::make_unique<HttpClient>(); // cleanup() and later tests expect one
    }

    void ambiguousCreateIsNotDuplicated()
    {
        const QString file = upload();
        makeClient(400, 3);
        QVERIFY(m_server->setFaults(QStringLiteral("stall=3000@POST:/v1/fine_tuning/jobs#1")).ok());
        auto job = test::awaitCall<JobCall, FineTuneJob>(m_client->createJob(request(file)));
        QVERIFY2(job, qPrintable(job ? QString() : job.error().message));
        QCOMPARE(m_server->jobCount(), 1);
        QCOMPARE(m_server->requestCount(QStringLiteral("POST /v1/fine_tuning/jobs")), 1);
        QVERIFY(!job->metadata.value(QLatin1String(kRequestTagKey)).toString().isEmpty());
    }

    void resetAfterCreateIsNotDuplicated()
    {
        const QString file = upload();
        QVERIFY(m_server->setFaults(QStringLiteral("reset@POST:/v1/fine_tuning/jobs#1")).ok());
        auto job = test::awaitCall<JobCall, FineTuneJob>(m_client->createJob(request(file)));
        QVERIFY2(job, qPrintable(job ? QString() : job.error().message));
        QCOMPARE(m_server->jobCount(), 1);
    }

    void droppedCreateIsCreatedOnce()
    {
        const QString file = upload();
        QVERIFY(m_server->setFaults(QStringLiteral("drop@POST:/v1/fine_tuning/jobs#1")).ok());
        auto job = test::awaitCall<JobCall, FineTuneJob>(m_client->createJob(request(file)));
        QVERIFY2(job, qPrintable(job ? QString() : job.error().message));
        QCOMPARE(m_server->jobCount(), 1); // looked up (nothing there), then created again
        QCOMPARE(m_server->requestCount(QStringLiteral("POST /v1/fine_tuning/jobs")), 2);
    }

    void malformedJson()
    {
        QVERIFY(m_server->setFaults(QStringLiteral("malformed@GET:/v1/models#1")).ok());
        auto models = test::awaitCall<ModelsCall, QList<ModelInfo>>(m_client->listModels());
        QVERIFY(!models);
        QCOMPARE(models.error().code, ErrorCode(errc::Provider::Malformed));
    }

    void truncatedStream()
    {
        QVERIFY(m_server->setFaults(QStringLiteral("truncate@POST:/v1/chat/completions#1")).ok());
        ChatRequest chat;
        chat.model = QStringLiteral("sim-base");
        chat.stream = true;
        chat.messages = {{QStringLiteral("user"), QStringLiteral("I liked Heat. Recommend 10 movies.")}};
        auto r = test::awaitCall<ChatCall, ChatResult>(m_client->chat(chat));
        QVERIFY(!r);
        QVERIFY2(r.error().code == ErrorCode(errc::Provider::StreamTruncated) || r.error().code == ErrorCode(errc::Net::Reset),
                 qPrintable(r.error().code.id()));
        QCOMPARE(m_server->requestCount(QStringLiteral("POST /v1/chat/completions")), 1); // never re-sent after data arrived
    }

    void errorStates_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<QString>("code");
        QTest::newRow("401") << "401@POST:/v1/fine_tuning/jobs"
                             << "provider.bad_key";
        QTest::newRow("closed") << "closed@POST:/v1/fine_tuning/jobs"
                                << "provider.training_not_available";
    }

    void errorStates()
    {
        QFETCH(QString, fault);
        QFETCH(QString, code);
        const QString file = upload();
        QVERIFY(m_server->setFaults(fault).ok());
        auto job = test::awaitCall<JobCall, FineTuneJob>(m_client->createJob(request(file)));
        QVERIFY(!job);
        QCOMPARE(job.error().code.id(), code);
        QVERIFY(!job.error().message.contains(QLatin1String("sk-test-secret-1234")));
        if (code == QLatin1String("provider.training_not_available")) {
            // Names the alternatives and where to set them up.
            QVERIFY2(job.error().message.contains(QLatin1String("Azure OpenAI"))
                         && job.error().message.contains(QLatin1String("Together AI"))
                         && job.error().message.contains(QStringLiteral("Settings → Providers")),
                     qPrintable(job.error().message));
        }
    }

    void unknownModel()
    {
        const QString file = upload();
        JobRequest r = request(file);
        r.model = QStringLiteral("gpt-nonexistent");
        auto job = test::awaitCall<JobCall, FineTuneJob>(m_client->createJob(r));
        QVERIFY(!job);
        QCOMPARE(job.error().code, ErrorCode(errc::Provider::UnknownModel));
        QVERIFY(job.error().message.contains(QLatin1String("gpt-nonexistent")));
    }

    void restartResumesMonitoring()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("restart.cinetune"));
        QString jobId;
        {
            auto project = ProjectFile::create(path);
            QVERIFY(project);
            JobRepository repo(*project.value());
            JobSubmission::Input in;
            in.trainingName = QStringLiteral("train.jsonl");
            in.trainingData = kTraining;
            in.request = request({});
            JobSubmission submission(m_client.get(), &repo, in);
            std::optional<Result<StoredJob>> done;
            connect(&submission, &JobSubmission::finished, this, [&done](const Result<StoredJob> &r) { done = r; });
            submission.start();
            QTRY_VERIFY_WITH_TIMEOUT(done.has_value(), 10000);
            const Result<StoredJob> stored = *done;
            QVERIFY(stored);
            jobId = stored->job.id;
            // A "submitting" row whose create never got an answer (crash before the reply).
            JobRequest lost = request(QStringLiteral("file-x"));
            QVERIFY(repo.recordPending(QStringLiteral("sim"), ProviderKind::Simulator, m_server->baseUrl(),
                                       QStringLiteral("lost-tag"), lost, true));
        } // "the application stops"
        auto project = ProjectFile::open(path);
        QVERIFY(project);
        JobRepository repo(*project.value());
        auto active = repo.activeJobs();
        QVERIFY(active);
        QCOMPARE(active->size(), 2);
        JobMonitor monitor(&repo, [this](const QString &) -> Result<ProviderClient *> { return m_client.get(); });
        monitor.setPollInterval(100, 300);
        QSignalSpy finished(&monitor, &JobMonitor::jobFinished);
        QSignalSpy failed(&monitor, &JobMonitor::pollFailed);
        monitor.resume();
        QCOMPARE(monitor.watchedCount(), 2);
        QVERIFY(finished.wait(15000));
        auto final = repo.findByProviderId(jobId);
        QVERIFY(final);
        QCOMPARE(final->job.status, JobStatus::Succeeded);
        QTRY_COMPARE(monitor.watchedCount(), 0);
        // The lost request is not listed at the provider: kept (it might exist and be billed), marked
        // unresolved with what to do, and said so.
        QVERIFY(!failed.isEmpty());
        QCOMPARE(failed.last().at(1).value<Error>().code, ErrorCode(errc::Job::Unresolved));
        auto all = repo.jobs();
        QVERIFY(all);
        QCOMPARE(all->size(), 2);
        const StoredJob &kept = all->first(); // newest first
        QVERIFY(kept.pending);
        QCOMPARE(kept.job.error.code, QStringLiteral("job.unresolved"));
        QVERIFY2(kept.job.error.message.contains(QLatin1String("--import"))
                     && kept.job.error.message.contains(QLatin1String("file-x")),
                 qPrintable(kept.job.error.message));
    }
};

QTEST_GUILESS_MAIN(TestFineTuneFlow)
#include "tst_finetuneflow.moc"
