// kill -9 of the real binary at several points (the reduced form of scripts/crash-safety.sh):
// while a dataset is loaded and its cache written, while a gold set is built and saved into a
// project, and while an evaluation run is talking to an in-process simulator. After every kill the
// project opens and passes its integrity check, the dataset cache is valid or ignored, every stored
// gold set is complete, and the next session asks only for users without a stored answer.
// Also Ctrl-C (SIGINT) of a run: it pauses, keeps the answers already paid for, and resumes.
#include "clirunner.h"
#include "fixtures.h"

#include "core/project/goldsetrepository.h"
#include "core/project/projectfile.h"
#include "core/project/runrepository.h"
#include "core/simulator/simulatorserver.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace cinetune;

namespace {

constexpr int kRounds = 3;

using Run = test::CliRun;

} // namespace

class TestCrashSafety : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SimulatorServer> m_server;
    QHash<QByteArray, int> m_requestsByKey;
    int m_chatRequests = 0;

    QProcessEnvironment environment() const { return test::cliEnvironment(m_dir.path()); }

    // Runs the binary; SIGKILL (or SIGINT with interrupt) once `killWhen` says so (checked every
    // few ms while this thread's event loop keeps the in-process simulator serving).
    Run cli(const QStringList &args, const std::function<bool()> &killWhen = {}, bool interrupt = false) const
    {
        return test::runCli(args,
                            {.environment = environment(), .timeoutMs = 240000, .killWhen = killWhen, .interrupt = interrupt});
    }

    // A 20-user gold set "g" (all in the test split) saved into a new project.
    bool saveGoldSet(const QString &project) const
    {
        const Run g = cli({QStringLiteral("goldset"), QStringLiteral(":sample"), QStringLiteral("--save-to"), project,
                           QStringLiteral("--name"), QStringLiteral("g"), QStringLiteral("--sample-users"), QStringLiteral("20"),
                           QStringLiteral("--split"), QStringLiteral("0/0/100")});
        if (g.code != 0)
            qWarning("goldset: %s", g.err.constData());
        return g.code == 0;
    }

    // `cinetune run` of that gold set against the in-process simulator, two requests at a time.
    QStringList runArgs(const QString &project) const
    {
        return {QStringLiteral("run"),
                QStringLiteral("--project"),
                project,
                QStringLiteral("--gold"),
                QStringLiteral("g"),
                QStringLiteral("--target"),
                QStringLiteral("gpt-4o-mini-2024-07-18"),
                QStringLiteral("--base-url"),
                m_server->baseUrl(),
                QStringLiteral("--kind"),
                QStringLiteral("simulator"),
                QStringLiteral("--strategy"),
                QStringLiteral("zero-shot"),
                QStringLiteral("--dataset"),
                QStringLiteral(":sample"),
                QStringLiteral("--concurrency"),
                QStringLiteral("2"),
                QStringLiteral("--json")};
    }

    static std::function<bool()> afterMs(qint64 ms)
    {
        auto timer = std::make_shared<QElapsedTimer>();
        timer->start();
        return [timer, ms] { return timer->elapsed() >= ms; };
    }

    QByteArray keyOf(const QByteArray &body) const
    {
        QCryptographicHash h(QCryptographicHash::Sha256);
        h.addData(m_server->baseUrl().toUtf8());
        h.addData(QByteArrayView("\n"));
        h.addData(QJsonDocument::fromJson(body).object().value(QStringLiteral("model")).toString().toUtf8());
        h.addData(QByteArrayView("\n"));
        h.addData(body);
        return h.result().toHex();
    }

    static QByteArray withoutTimings(const QByteArray &json)
    {
        QJsonObject o = QJsonDocument::fromJson(json).object();
        for (const QString &k : o.keys()) {
            if (k.contains(QStringLiteral("second")) || k.contains(QStringLiteral("cache")))
                o.remove(k);
        }
        return QJsonDocument(o).toJson(QJsonDocument::Compact);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo::exists(qEnvironmentVariable("CINETUNE_BINARY")), "CINETUNE_BINARY not set");
        QVERIFY(m_dir.isValid());
        SimulatorServer::Options o;
        o.latencyMs = 120; // so kills land while answers are in flight
        m_server = std::make_unique<SimulatorServer>(o, nullptr);
        QVERIFY(m_server->listen(0).ok());
        connect(m_server.get(), &SimulatorServer::requestReceived, this, [this](const QString &route, const QByteArray &body) {
            if (route != QLatin1String("POST /v1/chat/completions"))
                return;
            ++m_chatRequests;
            ++m_requestsByKey[keyOf(body)];
        });
        // A file copy of the embedded sample: loading it writes a binary cache.
        cinetune::test::copySample(m_dir.path());
    }

    void datasetCacheWrite()
    {
        const QString ds = m_dir.filePath(QStringLiteral("ds"));
        const Run reference = cli(
            {QStringLiteral("dataset"), QStringLiteral("stats"), ds, QStringLiteral("--json"), QStringLiteral("--no-cache")});
        QVERIFY2(reference.code == 0, reference.err.constData());
        const QByteArray expected = withoutTimings(reference.out);
        QVERIFY(expected.contains("ratings"));
        QElapsedTimer t;
        t.start();
        QCOMPARE(cli({QStringLiteral("dataset"), QStringLiteral("stats"), ds, QStringLiteral("--json")}).code, 0);
        const qint64 cold = std::max<qint64>(t.elapsed(), 30);
        int killed = 0;
        for (int round = 1; round <= kRounds; ++round) {
            QVERIFY(QDir(m_dir.filePath(QStringLiteral("cache"))).removeRecursively());
            killed += cli({QStringLiteral("dataset"), QStringLiteral("stats"), ds, QStringLiteral("--json")},
                          afterMs(cold * round / (kRounds + 1)))
                          .killed;
            for (int again = 0; again < 2; ++again) { // the first may rebuild the cache, the second reads it
                const Run r = cli({QStringLiteral("dataset"), QStringLiteral("stats"), ds, QStringLiteral("--json")});
                QVERIFY2(r.code == 0, r.err.constData());
                QCOMPARE(withoutTimings(r.out), expected);
            }
        }
        qInfo("dataset load: %d of %d runs killed mid-load (cold load %lld ms)", killed, kRounds, cold);
    }

    void goldSetSave()
    {
        const QString project = m_dir.filePath(QStringLiteral("gold.cinetune"));
        const QStringList base{QStringLiteral("goldset"),        QStringLiteral(":sample"), QStringLiteral("--save-to"), project,
                               QStringLiteral("--sample-users"), QStringLiteral("100"),     QStringLiteral("--name")};
        QElapsedTimer t;
        t.start();
        const Run first = cli(base + QStringList{QStringLiteral("first")});
        QVERIFY2(first.code == 0, first.err.constData());
        const qint64 duration = t.elapsed();
        for (int round = 1; round <= kRounds; ++round) {
            // The project is written at the very end: aim at the last part of the run.
            cli(base + QStringList{QStringLiteral("g%1").arg(round)}, afterMs(duration * (5 + round) / 9));
            auto p = ProjectFile::open(project);
            QVERIFY2(p, qPrintable(p ? QString() : p.error().message));
            QVERIFY(p.value()->integrityCheck().ok());
            GoldSetRepository golds(*p.value());
            const auto list = golds.list();
            QVERIFY(list);
            for (const StoredGoldSet &g : list.value())
                QCOMPARE(qint64(golds.users(g.id)->size()), g.users);
        }
        const Run last = cli(base + QStringList{QStringLiteral("last")});
        QVERIFY2(last.code == 0, last.err.constData());
    }

    void evaluationRun()
    {
        const QString project = m_dir.filePath(QStringLiteral("run.cinetune"));
        QVERIFY(saveGoldSet(project));
        const QStringList args = runArgs(project);
        int users = 0;
        const auto okKeys = [&project, &users] {
            QSet<QByteArray> keys;
            auto p = ProjectFile::open(project);
            if (!p || !p.value()->integrityCheck().ok())
                qFatal("the project does not open cleanly after a kill");
            GoldSetRepository golds(*p.value());
            users = int(golds.find(QStringLiteral("g"))->splitUsers[static_cast<std::size_t>(GoldSetSplit::Test)]);
            RunRepository runs(*p.value());
            const auto list = runs.list();
            if (list->isEmpty())
                return keys;
            QSet<std::uint32_t> seen;
            const auto responses = runs.responses(list->first().id);
            for (const StoredResponse &r : responses.value()) {
                if (seen.contains(r.user))
                    qFatal("user %u stored twice", r.user);
                seen.insert(r.user);
                if (r.ok)
                    keys.insert(r.cacheKey);
            }
            return keys;
        };
        int killed = 0;
        for (int round = 1; round <= kRounds; ++round) {
            const QSet<QByteArray> before = okKeys();
            m_requestsByKey.clear();
            m_chatRequests = 0;
            // Killed after a few requests of this session have arrived: mid-run, answers in flight.
            killed += cli(args, [this, round] { return m_chatRequests >= 2 + round; }).killed;
            QTest::qWait(200); // let the simulator finish the answers nobody waits for any more
            for (auto it = m_requestsByKey.cbegin(); it != m_requestsByKey.cend(); ++it) {
                QVERIFY2(!before.contains(it.key()), "a finished user was requested again");
                QCOMPARE(it.value(), 1);
            }
        }
        QCOMPARE(killed, kRounds);
        const QSet<QByteArray> before = okKeys();
        QVERIFY(before.size() >= 1 && before.size() < users);
        m_requestsByKey.clear();
        m_chatRequests = 0;
        const Run last = cli(args);
        QVERIFY2(last.code == 0, last.err.constData());
        QCOMPARE(m_chatRequests, users - int(before.size()));
        for (auto it = m_requestsByKey.cbegin(); it != m_requestsByKey.cend(); ++it)
            QVERIFY(!before.contains(it.key()));
        QCOMPARE(int(okKeys().size()), users);
    }
    void interruptPausesRun()
    {
        const QString project = m_dir.filePath(QStringLiteral("interrupt.cinetune"));
        QVERIFY(saveGoldSet(project));
        const QStringList args = runArgs(project);
        m_requestsByKey.clear();
        m_chatRequests = 0;
        const Run first = cli(
            args, [this] { return m_chatRequests >= 3; }, true);
        QVERIFY2(first.code == 130, first.err.constData()); // Ctrl-C: 130, as for every command
        const QJsonObject summary = QJsonDocument::fromJson(first.out).object();
        QCOMPARE(summary.value(QStringLiteral("status")).toString(), QStringLiteral("paused"));
        // Every answer requested before the interrupt was waited for and stored (none paid in vain).
        QCOMPARE(summary.value(QStringLiteral("ok")).toInt(), m_chatRequests);
        QVERIFY(first.err.contains("paused"));
        {
            auto p = ProjectFile::open(project);
            QVERIFY(p);
            RunRepository runs(*p.value());
            QCOMPARE(runs.list()->first().status, RunStatus::Paused);
        }
        const int asked = m_chatRequests;
        const Run second = cli(args);
        QVERIFY2(second.code == 0, second.err.constData());
        QCOMPARE(QJsonDocument::fromJson(second.out).object().value(QStringLiteral("status")).toString(),
                 QStringLiteral("finished"));
        // Across both sessions each user was asked exactly once.
        QCOMPARE(m_chatRequests, QJsonDocument::fromJson(second.out).object().value(QStringLiteral("users")).toInt());
        for (auto it = m_requestsByKey.cbegin(); it != m_requestsByKey.cend(); ++it)
            QCOMPARE(it.value(), 1); // nobody asked twice across the two sessions
        QVERIFY(asked < m_chatRequests);
    }
};

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crashsafety.moc"
