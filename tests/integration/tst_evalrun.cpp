// Evaluation runs over real HTTP on 127.0.0.1 against the offline simulator: faults (429 with
// Retry-After, 5xx, resets, stalls) still leave exactly one stored response per user; a restart
// mid-run never re-requests a finished user; the response cache makes a second run free; the
// concurrency cap holds; a bad key stops the run; `cinetune run` continues a run.
#include "fixtures.h"

#include "app/cli/runcommands.h"
#include "core/dataset/catalogue.h"
#include "core/eval/evalrun.h"
#include "core/eval/ratelimiter.h"
#include "core/goldset/goldset.h"
#include "core/project/goldsetrepository.h"
#include "core/project/projectfile.h"
#include "core/project/runrepository.h"
#include "core/simulator/simulatorserver.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace cinetune;

namespace {

constexpr int kUsers = 24;

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

// The last user message of a chat request body (identifies the gold-set user).
QString lastUserMessage(const QByteArray &body)
{
    const QJsonArray messages = QJsonDocument::fromJson(body).object().value(QStringLiteral("messages")).toArray();
    for (qsizetype i = messages.size() - 1; i >= 0; --i) {
        const QJsonObject m = messages[i].toObject();
        if (m.value(QStringLiteral("role")).toString() == QLatin1String("user"))
            return m.value(QStringLiteral("content")).toString();
    }
    return {};
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

class TestEvalRun : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SimulatorServer> m_server;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<ProjectFile> m_project;
    Catalogue m_catalogue = makeCatalogue();
    std::vector<GoldSetUser> m_users = makeUsers(kUsers);
    QHash<QString, std::uint32_t> m_userByPrompt; // last user message -> user id
    QHash<std::uint32_t, int> m_requests;         // chat requests the server saw, per user
    int m_serverInFlight = 0;
    int m_serverMaxInFlight = 0;
    QElapsedTimer m_clock;
    QList<qint64> m_chatTimes; // ms (m_clock) of every chat request the server received

    RunSpec spec() const
    {
        RunSpec s;
        s.goldSetName = QStringLiteral("gold");
        s.target.provider = QStringLiteral("sim");
        s.target.model = QStringLiteral("gpt-4o-mini-2024-07-18");
        s.seed = 1;
        return s;
    }

    EvaluationSetup setup(qint64 runId, int concurrency = 4, int timeoutMs = 3000)
    {
        EvaluationSetup s;
        s.project = m_project.get();
        s.runId = runId;
        s.spec = spec();
        s.catalogue = &m_catalogue;
        s.users = m_users;
        s.endpoint = Endpoint{ProviderKind::Simulator, QUrl(m_server->baseUrl()), QStringLiteral("sk-test-secret-1234"),
                              timeoutMs};
        s.providerName = QStringLiteral("sim");
        s.http = m_http.get();
        s.scheduler.concurrency = concurrency;
        s.scheduler.retry.maxAttempts = 3;
        s.scheduler.retry.baseDelayMs = 20;
        return s;
    }

    qint64 newRun(const QString &name)
    {
        RunRepository runs(*m_project);
        auto id = prepareEvaluationRun(runs, name, spec(), m_server->baseUrl(), kUsers);
        if (!id)
            qWarning() << id.error().message;
        return id ? id.value() : -1;
    }

    // Runs to the end; returns the stopped() status.
    int runToEnd(EvaluationRun &run, bool retryFailed = false, int timeoutMs = 60000)
    {
        std::optional<int> status;
        connect(&run, &EvaluationRun::stopped, &run, [&status](int s, const QString &) { status = s; });
        if (retryFailed)
            run.retryFailed();
        else
            run.start();
        waitFor([&status] { return status.has_value(); }, timeoutMs);
        return status.value_or(-1);
    }

    int chatRequests() const { return m_server->requestCount(QStringLiteral("POST /v1/chat/completions")); }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        auto project = ProjectFile::create(m_dir->filePath(QStringLiteral("runs")));
        QVERIFY2(project, qPrintable(project ? QString() : project.error().message));
        m_project = std::move(project).value();
        m_server = std::make_unique<SimulatorServer>(SimulatorServer::Options{}, nullptr);
        QVERIFY(m_server->listen(0).ok());
        m_http = std::make_unique<HttpClient>();
        m_http->setDelayScale(0.01); // a Retry-After of 1 s waits 10 ms here
        m_http->setRandomSeed(1);

        // Which user each prompt belongs to (the request is a pure function of the user).
        m_userByPrompt.clear();
        m_requests.clear();
        for (const GoldSetUser &u : m_users) {
            auto r = buildChatRequest(spec(), PromptContext{&m_catalogue, nullptr, {}}, u);
            QVERIFY(r);
            m_userByPrompt.insert(r->messages.last().content, u.user);
        }
        QCOMPARE(m_userByPrompt.size(), kUsers);
        m_serverInFlight = m_serverMaxInFlight = 0;
        m_chatTimes.clear();
        m_clock.start();
        connect(m_server.get(), &SimulatorServer::requestReceived, this, [this](const QString &route, const QByteArray &body) {
            if (route != QLatin1String("POST /v1/chat/completions"))
                return;
            ++m_requests[m_userByPrompt.value(lastUserMessage(body), 0)];
            m_chatTimes.append(m_clock.elapsed());
            m_serverMaxInFlight = std::max(m_serverMaxInFlight, ++m_serverInFlight);
        });
        connect(m_server.get(), &SimulatorServer::requestHandled, this, [this](const QString &route, int) {
            if (route == QLatin1String("POST /v1/chat/completions"))
                --m_serverInFlight;
        });
    }

    void cleanup()
    {
        m_http.reset();
        m_server.reset();
        m_project.reset();
        m_dir.reset();
    }

    void faults_data()
    {
        QTest::addColumn<QString>("faults");
        QTest::addColumn<bool>("allFail");
        // The inactivity timeout: short, so stalls time out quickly; long where 10 MB or more must
        // be generated and sent first (seconds under ThreadSanitizer).
        QTest::addColumn<int>("timeoutMs");
        QTest::newRow("429 with Retry-After") << "429=1@POST:/v1/chat/completions#6" << false << 800;
        QTest::newRow("429 x-ratelimit reset") << "ratelimit=200ms@POST:/v1/chat/completions#3" << false << 800;
        QTest::newRow("5xx") << "500@POST:/v1/chat/completions#4,503@POST:/v1/chat/completions#3" << false << 800;
        QTest::newRow("5xx beyond retries") << "502@POST:/v1/chat/completions#9" << false << 800;
        QTest::newRow("connection resets") << "reset@POST:/v1/chat/completions#5" << false << 800;
        QTest::newRow("stalls") << "stall=5000@POST:/v1/chat/completions#3" << false << 800;
        QTest::newRow("mixed")
            << "429=1@POST:/v1/chat/completions#2,reset@POST:/v1/chat/completions#2,500@POST:/v1/chat/completions#2,"
               "stall=5000@POST:/v1/chat/completions#1,malformed@POST:/v1/chat/completions#1"
            << false << 800;
        QTest::newRow("every request 500") << "500@POST:/v1/chat/completions#0" << true << 800;
        // Resource bounds: a 10 MB answer is kept whole; one that never ends is cut at the chat limit,
        // 16 MB (net.too_large, not retried).
        QTest::newRow("10 MB answers") << "huge=10@POST:/v1/chat/completions#2" << false << 15000;
        QTest::newRow("answers that never end") << "endless@POST:/v1/chat/completions#2" << false << 15000;
    }

    // Whatever goes wrong, every user ends with exactly one stored response, ok or failed.
    void faults()
    {
        QFETCH(QString, faults);
        QFETCH(bool, allFail);
        QFETCH(int, timeoutMs);
        QVERIFY(m_server->setFaults(faults).ok());
        const qint64 runId = newRun(QStringLiteral("faults"));
        QVERIFY(runId > 0);
        {
            EvaluationRun run(setup(runId, 4, timeoutMs));
            QCOMPARE(runToEnd(run), int(RunStatus::Finished));
        }
        RunRepository runs(*m_project);
        auto responses = runs.responses(runId);
        QVERIFY(responses);
        QCOMPARE(int(responses->size()), kUsers);
        QSet<std::uint32_t> seen;
        int failed = 0;
        int huge = 0;
        for (const StoredResponse &r : responses.value()) {
            QVERIFY(!seen.contains(r.user));
            seen.insert(r.user);
            huge += r.rawText.size() > 10 * 1000 * 1000;
            if (faults.startsWith(QLatin1String("endless")) && !r.ok) {
                QCOMPARE(r.errorCode, QStringLiteral("net.too_large"));
                QVERIFY2(r.errorMessage.contains(QStringLiteral("16 MB")), qPrintable(r.errorMessage));
                QCOMPARE(r.attempts, 1);
            }
            if (r.ok) {
                QVERIFY2(r.rawText.contains(QStringLiteral("1. ")), qPrintable(r.rawText));
                QVERIFY(r.attempts >= 1);
                QVERIFY(r.promptTokens > 0);
                QCOMPARE(r.cacheKey.size(), 64);
            } else {
                ++failed;
                QVERIFY(!r.errorCode.isEmpty());
                QVERIFY(!r.errorMessage.isEmpty());
            }
        }
        auto counts = runs.counts(runId);
        QVERIFY(counts);
        QCOMPARE(counts->ok + counts->failed, qint64(kUsers));
        QCOMPARE(counts->failed, qint64(failed));
        if (allFail)
            QCOMPARE(failed, kUsers);
        if (faults.startsWith(QLatin1String("huge")))
            QCOMPARE(huge, 2);
        if (faults.startsWith(QLatin1String("endless")))
            QCOMPARE(failed, 2);
        QCOMPARE(runs.get(runId)->status, RunStatus::Finished);

        // "Retry failed" re-sends exactly the failed users, once each.
        m_server->clearFaults();
        m_requests.clear();
        const int before = chatRequests();
        {
            EvaluationRun run(setup(runId));
            QCOMPARE(runToEnd(run, true), int(RunStatus::Finished));
        }
        QCOMPARE(chatRequests() - before, failed);
        for (auto it = m_requests.cbegin(); it != m_requests.cend(); ++it)
            QCOMPARE(it.value(), 1);
        counts = runs.counts(runId);
        QCOMPARE(counts->ok, qint64(kUsers));
        QCOMPARE(counts->failed, qint64(0));
        QCOMPARE(int(runs.responses(runId)->size()), kUsers);
    }

    // Destroying the run object mid-run and starting a new one never re-requests a finished user.
    void restartMidRun()
    {
        SimulatorServer::Options o;
        o.latencyMs = 40;
        m_server->setOptions(o);
        const qint64 runId = newRun(QStringLiteral("restart"));
        QSet<std::uint32_t> firstSession;
        {
            auto run = std::make_unique<EvaluationRun>(setup(runId, 3));
            int finished = 0;
            connect(run.get(), &EvaluationRun::userFinished, run.get(), [&finished](quint32, bool, bool) { ++finished; });
            run->start();
            QVERIFY(waitFor([&finished] { return finished >= 8; }, 20000));
            run.reset(); // in-flight requests are aborted; their users stay pending
        }
        RunRepository runs(*m_project);
        auto okUsers = runs.usersWithState(runId, true);
        QVERIFY(okUsers);
        QVERIFY(okUsers->size() >= 8);
        QVERIFY(okUsers->size() < kUsers);
        QCOMPARE(runs.get(runId)->status, RunStatus::Paused);
        const auto firstRequests = m_requests;
        m_requests.clear();
        {
            EvaluationRun run(setup(runId, 3));
            QCOMPARE(runToEnd(run), int(RunStatus::Finished));
        }
        for (std::uint32_t u : okUsers.value())
            QVERIFY2(!m_requests.contains(u), qPrintable(QStringLiteral("user %1 was requested again").arg(u)));
        QCOMPARE(int(m_requests.size()), kUsers - int(okUsers->size()));
        QVERIFY(!m_requests.contains(0)); // every request was recognised
        auto counts = runs.counts(runId);
        QCOMPARE(counts->ok, qint64(kUsers));
        QCOMPARE(counts->failed, qint64(0));
        QCOMPARE(int(runs.responses(runId)->size()), kUsers);
        // Nothing came from the cache: the finished users' paid rows were left alone.
        const auto stored = runs.responses(runId);
        QVERIFY(stored);
        for (const StoredResponse &r : stored.value())
            QVERIFY2(!r.cached, qPrintable(QStringLiteral("user %1 was re-stored from the cache").arg(r.user)));
        QCOMPARE(counts->cached, qint64(0));
        Q_UNUSED(firstRequests)
    }

    // A second run with the same spec under another name is served from the cache: no request.
    void cacheMakesSecondRunFree()
    {
        const qint64 a = newRun(QStringLiteral("first"));
        {
            EvaluationRun run(setup(a));
            QCOMPARE(runToEnd(run), int(RunStatus::Finished));
        }
        QCOMPARE(chatRequests(), kUsers);
        const qint64 b = newRun(QStringLiteral("second"));
        QVERIFY(b != a);
        std::optional<double> lastCost;
        {
            EvaluationRun run(setup(b));
            int cachedSignals = 0;
            connect(&run, &EvaluationRun::userFinished, &run, [&cachedSignals](quint32, bool ok, bool cached) {
                if (ok && cached)
                    ++cachedSignals;
            });
            connect(&run, &EvaluationRun::progress, &run,
                    [&lastCost](qint64, qint64, qint64, qint64, double cost, qint64) { lastCost = cost; });
            QCOMPARE(runToEnd(run), int(RunStatus::Finished));
            QCOMPARE(cachedSignals, kUsers);
        }
        QCOMPARE(chatRequests(), kUsers); // nothing new was sent
        QVERIFY(lastCost.has_value());
        QCOMPARE(*lastCost, 0.0); // cached answers cost nothing
        RunRepository runs(*m_project);
        auto ra = runs.responses(a);
        auto rb = runs.responses(b);
        QCOMPARE(rb->size(), ra->size());
        for (std::size_t i = 0; i < ra->size(); ++i) {
            QCOMPARE(rb.value()[i].user, ra.value()[i].user);
            QCOMPARE(rb.value()[i].rawText, ra.value()[i].rawText);
            QVERIFY(rb.value()[i].cached);
            QVERIFY(!ra.value()[i].cached);
        }
        QCOMPARE(runs.counts(b)->cached, qint64(kUsers));
        QCOMPARE(runs.counts(b)->promptTokens, qint64(0));
        QVERIFY(runs.counts(a)->promptTokens > 0);
        // The same name with another spec is refused, the same spec continues.
        RunSpec other = spec();
        other.temperature = 1;
        QCOMPARE(prepareEvaluationRun(runs, QStringLiteral("first"), other, m_server->baseUrl(), kUsers).error().code,
                 ErrorCode(errc::Run::SpecMismatch));
        QCOMPARE(prepareEvaluationRun(runs, QStringLiteral("first"), spec(), m_server->baseUrl(), kUsers).value(), a);
    }

    void concurrencyCap_data()
    {
        QTest::addColumn<int>("concurrency");
        QTest::newRow("1") << 1;
        QTest::newRow("3") << 3;
        QTest::newRow("5") << 5;
    }

    void concurrencyCap()
    {
        QFETCH(int, concurrency);
        SimulatorServer::Options o;
        o.latencyMs = 60;
        m_server->setOptions(o);
        const qint64 runId = newRun(QStringLiteral("cap"));
        EvaluationRun run(setup(runId, concurrency));
        QCOMPARE(runToEnd(run), int(RunStatus::Finished));
        QCOMPARE(run.scheduler()->maxInFlight(), concurrency);
        QVERIFY2(m_serverMaxInFlight <= concurrency, qPrintable(QString::number(m_serverMaxInFlight)));
        QCOMPARE(m_serverMaxInFlight, concurrency); // and the cap is used
    }

    // Pause stops launching; in-flight answers are still stored; resume finishes.
    void pauseAndResume()
    {
        SimulatorServer::Options o;
        o.latencyMs = 40;
        m_server->setOptions(o);
        const qint64 runId = newRun(QStringLiteral("pause"));
        EvaluationRun run(setup(runId, 2));
        std::optional<int> status;
        connect(&run, &EvaluationRun::stopped, &run, [&status](int s, const QString &) { status = s; });
        int finished = 0;
        connect(&run, &EvaluationRun::userFinished, &run, [&finished](quint32, bool, bool) { ++finished; });
        run.start();
        QVERIFY(waitFor([&finished] { return finished >= 4; }, 10000));
        run.pause();
        const int requestsAtPause = chatRequests();
        // The requests in flight at the pause finish (and are stored); nothing new is launched.
        QVERIFY(waitFor([&run] { return run.scheduler()->inFlight() == 0; }, 5000));
        const int afterDrain = chatRequests();
        QVERIFY(afterDrain <= requestsAtPause + 2);
        QTest::qWait(300);
        QCOMPARE(chatRequests(), afterDrain);
        QCOMPARE(RunRepository(*m_project).counts(runId)->ok, qint64(finished));
        QCOMPARE(qint64(finished), qint64(afterDrain));
        QVERIFY(!status);
        run.resume();
        QVERIFY(waitFor([&status] { return status.has_value(); }, 20000));
        QCOMPARE(*status, int(RunStatus::Finished));
        QCOMPARE(RunRepository(*m_project).counts(runId)->ok, qint64(kUsers));
    }

    // A 429 with Retry-After holds every launch, not only the refused request's retry.
    void rateLimitHoldsAllLaunches()
    {
        m_http->setDelayScale(1.0); // real seconds here
        SimulatorServer::Options o;
        o.latencyMs = 60; // the other lane alone would need 23 x 60 ms, well into the hold
        m_server->setOptions(o);
        QVERIFY(m_server->setFaults(QStringLiteral("429=1@POST:/v1/chat/completions#1")).ok());
        const qint64 runId = newRun(QStringLiteral("hold"));
        EvaluationRun run(setup(runId, 2));
        QCOMPARE(runToEnd(run), int(RunStatus::Finished));
        QCOMPARE(RunRepository(*m_project).counts(runId)->ok, qint64(kUsers));
        QVERIFY(m_chatTimes.size() >= kUsers + 1);
        const qint64 t0 = m_chatTimes.first();
        // Without the hold the other lane would keep sending every 60 ms during the retry wait.
        int during = 0;
        for (qint64 t : std::as_const(m_chatTimes)) {
            if (t > t0 + 150 && t < t0 + 900)
                ++during;
        }
        QCOMPARE(during, 0);
        QVERIFY(m_chatTimes.last() - t0 >= 900);
    }

    // A bad key would fail every request: the run stops as failed instead of burning through users.
    void badKeyStopsTheRun()
    {
        QVERIFY(m_server->setFaults(QStringLiteral("401@POST:/v1/chat/completions#0")).ok());
        const qint64 runId = newRun(QStringLiteral("badkey"));
        EvaluationRun run(setup(runId, 2));
        QCOMPARE(runToEnd(run), int(RunStatus::Failed));
        RunRepository runs(*m_project);
        QCOMPARE(runs.get(runId)->status, RunStatus::Failed);
        QVERIFY(!runs.get(runId)->errorMessage.isEmpty());
        QVERIFY(chatRequests() <= 2);
        QVERIFY(runs.counts(runId)->failed <= 2);
    }

    // The budget bookkeeping on a fake clock: rpm, tpm, server headers and 429 holds.
    void rateLimiter_data()
    {
        QTest::addColumn<qint64>("rpm");
        QTest::addColumn<qint64>("tpm");
        QTest::addColumn<QList<qint64>>("starts"); // ms of earlier starts (100 tokens each)
        QTest::addColumn<qint64>("now");
        QTest::addColumn<qint64>("tokens");
        QTest::addColumn<QByteArray>("headers"); // "name: value;..." applied at `now`
        QTest::addColumn<qint64>("expected");    // delayMs

        QTest::newRow("no limits") << qint64(0) << qint64(0) << QList<qint64>{0, 1, 2} << qint64(3) << qint64(100) << QByteArray()
                                   << qint64(0);
        QTest::newRow("rpm room left") << qint64(3) << qint64(0) << QList<qint64>{0, 10} << qint64(20) << qint64(100)
                                       << QByteArray() << qint64(0);
        QTest::newRow("rpm full: oldest expires")
            << qint64(3) << qint64(0) << QList<qint64>{0, 10, 20} << qint64(30) << qint64(100) << QByteArray() << qint64(59970);
        QTest::newRow("rpm window slid") << qint64(2) << qint64(0) << QList<qint64>{0, 10} << qint64(60005) << qint64(100)
                                         << QByteArray() << qint64(0);
        QTest::newRow("tpm would overflow") << qint64(0) << qint64(250) << QList<qint64>{0, 1000} << qint64(2000) << qint64(100)
                                            << QByteArray() << qint64(58000);
        QTest::newRow("tpm fits") << qint64(0) << qint64(300) << QList<qint64>{0, 1000} << qint64(2000) << qint64(100)
                                  << QByteArray() << qint64(0);
        QTest::newRow("bigger than budget, empty window")
            << qint64(0) << qint64(50) << QList<qint64>{} << qint64(0) << qint64(100) << QByteArray() << qint64(0);
        QTest::newRow("remaining requests 0")
            << qint64(0) << qint64(0) << QList<qint64>{} << qint64(100) << qint64(10)
            << QByteArray("x-ratelimit-remaining-requests: 0;x-ratelimit-reset-requests: 1.5s") << qint64(1500);
        QTest::newRow("remaining tokens short")
            << qint64(0) << qint64(0) << QList<qint64>{} << qint64(100) << qint64(500)
            << QByteArray("x-ratelimit-remaining-tokens: 200;x-ratelimit-reset-tokens: 6m0s") << qint64(360000);
        QTest::newRow("advertised limit shrinks budget")
            << qint64(100) << qint64(0) << QList<qint64>{0, 10} << qint64(20) << qint64(1)
            << QByteArray("x-ratelimit-limit-requests: 2;x-ratelimit-remaining-requests: 5") << qint64(59980);
    }

    void rateLimiter()
    {
        QFETCH(qint64, rpm);
        QFETCH(qint64, tpm);
        QFETCH(QList<qint64>, starts);
        QFETCH(qint64, now);
        QFETCH(qint64, tokens);
        QFETCH(QByteArray, headers);
        QFETCH(qint64, expected);
        RateLimiter limiter;
        limiter.setLimits(rpm, tpm);
        for (qint64 t : starts)
            limiter.record(t, 100);
        HttpResponse response;
        for (const QByteArray &h : headers.split(';')) {
            const qsizetype colon = h.indexOf(':');
            if (colon > 0)
                response.headers.append(qMakePair(h.left(colon).trimmed(), h.mid(colon + 1).trimmed()));
        }
        limiter.applyHeaders(now, readRateLimitHeaders(response), tokens);
        QCOMPARE(limiter.delayMs(now, tokens), expected);
        limiter.blockFor(now, 70000);
        QCOMPARE(limiter.delayMs(now, tokens), std::max<qint64>(expected, 70000));
    }

    // `cinetune run` twice: the second invocation continues the same run and sends nothing.
    void cliRunContinues()
    {
        GoldSetRepository golds(*m_project);
        GoldSet set;
        // ml-latest-small movie ids 1..60 exist in the embedded sample.
        for (int u = 0; u < 6; ++u) {
            GoldSetUser g;
            g.user = std::uint32_t(u + 1);
            for (int i = 0; i < 10; ++i)
                g.profile.push_back(std::uint32_t(1 + u + i));
            for (int i = 20; i < 30; ++i)
                g.gold.push_back(std::uint32_t(1 + u + i));
            g.split = u < 4 ? GoldSetSplit::Test : GoldSetSplit::Train;
            set.users.push_back(g);
        }
        QVERIFY(golds.add(QStringLiteral("tiny"), set, "fp").ok());
        const QString path = m_project->path();
        m_project.reset(); // the command opens the file itself
        const QStringList args{QStringLiteral("--project"),  path,
                               QStringLiteral("--gold"),     QStringLiteral("tiny"),
                               QStringLiteral("--target"),   QStringLiteral("gpt-4o-mini-2024-07-18"),
                               QStringLiteral("--base-url"), m_server->baseUrl(),
                               QStringLiteral("--kind"),     QStringLiteral("simulator"),
                               QStringLiteral("--strategy"), QStringLiteral("zero-shot"),
                               QStringLiteral("--dataset"),  QStringLiteral(":sample"),
                               QStringLiteral("--json")};
        for (int round = 0; round < 2; ++round) {
            QString outText, errText;
            QTextStream out(&outText), err(&errText);
            const int code = cli::evalRun(args, out, err);
            out.flush();
            QVERIFY2(code == 0, qPrintable(errText));
            const QJsonObject summary = QJsonDocument::fromJson(outText.toUtf8()).object();
            QCOMPARE(summary.value(QStringLiteral("users")).toInt(), 4);
            QCOMPARE(summary.value(QStringLiteral("ok")).toInt(), 4);
            QCOMPARE(summary.value(QStringLiteral("failed")).toInt(), 0);
            QCOMPARE(summary.value(QStringLiteral("status")).toString(), QStringLiteral("finished"));
            QCOMPARE(chatRequests(), 4); // the second round sent nothing
        }
        QString outText, errText;
        QTextStream out(&outText), err(&errText);
        QStringList bad = args;
        bad[bad.indexOf(QStringLiteral("zero-shot"))] = QStringLiteral("sideways");
        QCOMPARE(cli::evalRun(bad, out, err), 1);
        QStringList failing = args;
        failing << QStringLiteral("--name") << QStringLiteral("failing");
        QVERIFY(m_server->setFaults(QStringLiteral("500@POST:/v1/chat/completions#0")).ok());
        QCOMPARE(cli::evalRun(failing << QStringLiteral("--temperature") << QStringLiteral("0.5"), out, err), 3);
    }
};

QTEST_GUILESS_MAIN(TestEvalRun)
#include "tst_evalrun.moc"
