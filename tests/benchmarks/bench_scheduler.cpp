// Scheduler benchmark: N chat requests at concurrency C against the offline simulator answering
// after L ms (the simulator runs on its own thread, so it does not share our event loop). Prints
// wall times next to the ideal N / C x L and a same-run reference that fires the requests
// straight at HttpClients without the scheduler. Never fails on time.
//
//   bench_scheduler [--requests 1000] [--concurrency 32] [--latency-ms 100] [--lanes 6]
//
// Qt 6.4's QNetworkAccessManager opens at most 6 HTTP/1.1 connections per host and port, so one
// HttpClient caps the real concurrency at 6; "lanes" are extra HttpClients used round-robin.
#include "core/dataset/catalogue.h"
#include "core/eval/evalrun.h"
#include "core/project/projectfile.h"
#include "core/project/runrepository.h"
#include "core/providers/httpclient.h"
#include "core/providers/openaiprotocol.h"
#include "core/simulator/simulatorserver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>

using namespace cinetune;

namespace {

int intArg(const QStringList &args, const QString &name, int fallback)
{
    const qsizetype i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args[i + 1].toInt() : fallback;
}

HttpRequest chatRequest(const QString &baseUrl, int i)
{
    ChatRequest r;
    r.model = QStringLiteral("sim-base");
    r.messages = {ChatMessage{QStringLiteral("user"), QStringLiteral("My top movies: request %1").arg(i), {}}};
    r.temperature = 0;
    r.maxTokens = 200;
    return openai::chat(Endpoint{ProviderKind::Simulator, QUrl(baseUrl), QStringLiteral("simulator"), 30000}, r);
}

void waitUntil(const std::function<bool()> &done)
{
    while (!done())
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 50);
}

struct Clients
{
    std::vector<std::unique_ptr<HttpClient>> all;
    explicit Clients(int n)
    {
        for (int i = 0; i < std::max(1, n); ++i)
            all.push_back(std::make_unique<HttpClient>());
    }
    QList<HttpClient *> extra() const
    {
        QList<HttpClient *> out;
        for (std::size_t i = 1; i < all.size(); ++i)
            out << all[i].get();
        return out;
    }
};

// Through the RequestScheduler.
double viaScheduler(const QString &baseUrl, int requests, int concurrency, int lanes, int *maxInFlight, int *failures)
{
    Clients clients(lanes);
    RequestScheduler scheduler(clients.all.front().get());
    RequestScheduler::Options o;
    o.concurrency = concurrency;
    scheduler.setOptions(o);
    scheduler.setLanes(clients.extra());
    int done = 0;
    *failures = 0;
    QObject::connect(&scheduler, &RequestScheduler::finished, &scheduler,
                     [&](quint64, const Result<HttpResponse> &r, int, qint64) {
                         ++done;
                         if (!r || r->status != 200)
                             ++*failures;
                     });
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < requests; ++i)
        scheduler.enqueue(quint64(i), chatRequest(baseUrl, i), 300);
    waitUntil([&] { return done == requests; });
    *maxInFlight = scheduler.maxInFlight();
    return double(t.nsecsElapsed()) / 1e9;
}

// Reference: the same requests kept `concurrency` in flight by hand, no scheduler.
double direct(const QString &baseUrl, int requests, int concurrency, int lanes)
{
    Clients clients(lanes);
    int next = 0, done = 0;
    std::vector<int> load(clients.all.size(), 0);
    std::function<void()> launch = [&]() {
        const int i = next++;
        const std::size_t lane = std::size_t(std::min_element(load.begin(), load.end()) - load.begin());
        ++load[lane];
        HttpCall *call = clients.all[lane]->send(chatRequest(baseUrl, i));
        QObject::connect(call, &HttpCall::finished, call, [&, lane](const Result<HttpResponse> &) {
            --load[lane];
            ++done;
            if (next < requests)
                launch();
        });
    };
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < std::min(concurrency, requests); ++i)
        launch();
    waitUntil([&] { return done == requests; });
    return double(t.nsecsElapsed()) / 1e9;
}

// The whole path: prompts, cache look-ups and one project transaction per answer.
double viaEvaluationRun(const QString &baseUrl, int users, int concurrency, int lanes, qint64 *ok, double *startMs)
{
    QTemporaryDir dir;
    auto project = ProjectFile::create(dir.filePath(QStringLiteral("bench")));
    if (!project)
        return -1;
    Catalogue catalogue;
    for (std::uint32_t i = 1; i <= 400; ++i)
        catalogue.add(Movie{i, 1990 + int(i % 30), QStringLiteral("Bench Film %1").arg(i), {}, true});
    RunSpec spec;
    spec.goldSetName = QStringLiteral("bench");
    spec.target.provider = QStringLiteral("sim");
    spec.target.model = QStringLiteral("sim-base");
    EvaluationSetup s;
    for (int u = 0; u < users; ++u) {
        GoldSetUser g;
        g.user = std::uint32_t(u + 1);
        for (int i = 0; i < 10; ++i)
            g.profile.push_back(std::uint32_t(1 + (u * 13 + i * 31) % 400));
        g.split = GoldSetSplit::Test;
        s.users.push_back(g);
    }
    RunRepository runs(*project.value());
    auto runId = prepareEvaluationRun(runs, QStringLiteral("bench"), spec, baseUrl, users);
    if (!runId)
        return -1;
    Clients clients(lanes);
    s.project = project.value().get();
    s.runId = runId.value();
    s.spec = spec;
    s.catalogue = &catalogue;
    s.endpoint = Endpoint{ProviderKind::Simulator, QUrl(baseUrl), QStringLiteral("simulator"), 30000};
    s.http = clients.all.front().get();
    s.extraLanes = clients.extra();
    s.scheduler.concurrency = concurrency;
    EvaluationRun run(std::move(s));
    bool stopped = false;
    QObject::connect(&run, &EvaluationRun::stopped, &run, [&stopped](int, const QString &) { stopped = true; });
    QElapsedTimer t;
    t.start();
    run.start();
    *startMs = double(t.nsecsElapsed()) / 1e6;
    waitUntil([&] { return stopped; });
    const double secs = double(t.nsecsElapsed()) / 1e9;
    *ok = runs.counts(runId.value())->ok;
    return secs;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int requests = intArg(args, QStringLiteral("--requests"), 1000);
    const int concurrency = intArg(args, QStringLiteral("--concurrency"), 32);
    const int latency = intArg(args, QStringLiteral("--latency-ms"), 100);
    const int lanes = intArg(args, QStringLiteral("--lanes"), 6);

    QThread serverThread;
    serverThread.start();
    SimulatorServer::Options so;
    so.latencyMs = latency;
    auto *server = new SimulatorServer(so, nullptr);
    server->moveToThread(&serverThread);
    QString baseUrl;
    QMetaObject::invokeMethod(
        server,
        [server, &baseUrl]() {
            if (server->listen(0).ok())
                baseUrl = server->baseUrl();
        },
        Qt::BlockingQueuedConnection);
    if (baseUrl.isEmpty()) {
        std::fprintf(stderr, "bench_scheduler: the simulator could not listen\n");
        return 1;
    }

    const double ideal = double(requests) / concurrency * latency / 1000.0;
    std::printf("bench_scheduler: %d requests, concurrency %d, simulator latency %d ms (own thread)\n", requests, concurrency,
                latency);
    std::printf("  ideal N/C x L                              %8.3f s\n", ideal);
    // Warm-up: connections, first allocations.
    int maxInFlight = 0, failures = 0;
    viaScheduler(baseUrl, 64, concurrency, lanes, &maxInFlight, &failures);

    const double ref1 = direct(baseUrl, requests, concurrency, 1);
    std::printf("  reference: by hand, 1 HttpClient            %8.3f s  (%5.1f %% of ideal)\n", ref1, 100 * ref1 / ideal);
    const double s1 = viaScheduler(baseUrl, requests, concurrency, 1, &maxInFlight, &failures);
    std::printf("  scheduler, 1 HttpClient                     %8.3f s  (%5.1f %% of ideal; max in flight %d, failed %d)\n", s1,
                100 * s1 / ideal, maxInFlight, failures);
    const double refN = direct(baseUrl, requests, concurrency, lanes);
    std::printf("  reference: by hand, %d HttpClients          %8.3f s  (%5.1f %% of ideal)\n", lanes, refN, 100 * refN / ideal);
    const double sN = viaScheduler(baseUrl, requests, concurrency, lanes, &maxInFlight, &failures);
    std::printf("  scheduler, %d HttpClients (lanes)           %8.3f s  (%5.1f %% of ideal; max in flight %d, failed %d)\n",
                lanes, sN, 100 * sN / ideal, maxInFlight, failures);
    qint64 ok = 0;
    double startMs = 0;
    const double run = viaEvaluationRun(baseUrl, requests, concurrency, lanes, &ok, &startMs);
    std::printf("  EvaluationRun (prompts + DB), %d lanes      %8.3f s  (%5.1f %% of ideal; %lld ok; start() %.0f ms)\n", lanes,
                run, 100 * run / ideal, static_cast<long long>(ok), startMs);

    QMetaObject::invokeMethod(
        server, [server]() { delete server; }, Qt::BlockingQueuedConnection);
    serverThread.quit();
    serverThread.wait();
    return 0;
}
