// The network fault matrix end to end through the real binary: `cinetune run` (and `cinetune
// finetune submit`) against an in-process simulator that injects one kind of fault per row. After
// each faulty run: a clear exit status and run state, the project passes its integrity check,
// every user has at most one stored row (exactly one unless the run stopped), each request was
// tried a bounded number of times, and running the command again finishes without asking for any
// user that already has an answer. Fine-tuning job creation under faults never makes two jobs.
#include "clirunner.h"
#include "fixtures.h"

#include "core/project/goldsetrepository.h"
#include "core/project/projectfile.h"
#include "core/project/runrepository.h"
#include "core/providers/openaiprotocol.h"
#include "core/simulator/simulatorserver.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace cinetune;

namespace {

constexpr int kMaxAttempts = 5; // RetryPolicy::maxAttempts: the first try and four retries
const QString kModel = QStringLiteral("gpt-4o-mini-2024-07-18");
const QString kChat = QStringLiteral("POST /v1/chat/completions");

using Run = test::CliRun;

QJsonObject lastJsonLine(const QByteArray &out)
{
    const QList<QByteArray> lines = out.trimmed().split('\n');
    return QJsonDocument::fromJson(lines.isEmpty() ? QByteArray() : lines.last()).object();
}

} // namespace

class TestFaultMatrix : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_baseProject; // the gold set stored by `cinetune goldset --save-to`
    int m_testUsers = 0;
    std::unique_ptr<SimulatorServer> m_server;
    QHash<QByteArray, int> m_requestsByKey; // cache key -> chat requests received
    int m_chatRequests = 0;
    std::function<void()> m_onChat; // called for every chat request (before faults apply)

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = test::cliEnvironment(m_dir.path());
        env.insert(QStringLiteral("CINETUNE_TEST_KEY"), QStringLiteral("sk-cinetune-FAKE-0123456789abcdef"));
        return env;
    }

    // Runs the binary while this thread's event loop keeps serving the in-process simulator.
    // m_peakKiB: the child's peak resident memory (VmHWM) as last seen while it ran.
    mutable qint64 m_peakKiB = 0;
    Run cli(const QStringList &args, int timeoutMs = 240000) const
    {
        m_peakKiB = 0;
        const auto sample = [this](QProcess &p) {
            QFile f(QStringLiteral("/proc/%1/status").arg(p.processId()));
            if (!f.open(QIODevice::ReadOnly))
                return;
            for (const QByteArray &line : f.readAll().split('\n')) {
                if (line.startsWith("VmHWM:"))
                    m_peakKiB = std::max(m_peakKiB, line.mid(6).trimmed().split(' ').first().toLongLong());
            }
        };
        return test::runCli(args, {.environment = environment(), .timeoutMs = timeoutMs, .whileRunning = sample});
    }

    // The response-cache key of a received chat body (docs/EVALUATION-RUNS.md), so requests can be
    // matched to the users stored in the project.
    QByteArray keyOf(const QByteArray &body) const
    {
        const QString model = QJsonDocument::fromJson(body).object().value(QStringLiteral("model")).toString();
        QCryptographicHash h(QCryptographicHash::Sha256);
        h.addData(m_server->baseUrl().toUtf8());
        h.addData(QByteArrayView("\n"));
        h.addData(model.toUtf8());
        h.addData(QByteArrayView("\n"));
        h.addData(body);
        return h.result().toHex();
    }

    QStringList runArgs(const QString &project, const QStringList &extra = {}, const QString &gold = QStringLiteral("g20"),
                        const QString &baseUrl = {}) const
    {
        return QStringList{QStringLiteral("run"),
                           QStringLiteral("--project"),
                           project,
                           QStringLiteral("--gold"),
                           gold,
                           QStringLiteral("--target"),
                           kModel,
                           QStringLiteral("--base-url"),
                           baseUrl.isEmpty() ? m_server->baseUrl() : baseUrl,
                           QStringLiteral("--kind"),
                           QStringLiteral("simulator"),
                           QStringLiteral("--strategy"),
                           QStringLiteral("zero-shot"),
                           QStringLiteral("--dataset"),
                           QStringLiteral(":sample"),
                           QStringLiteral("--concurrency"),
                           QStringLiteral("16"),
                           QStringLiteral("--timeout"),
                           QStringLiteral("1"),
                           QStringLiteral("--json")}
        + extra;
    }

    QString freshProject(const QString &name) const
    {
        const QString path = m_dir.filePath(name + QStringLiteral(".cinetune"));
        QFile::remove(path);
        if (!QFile::copy(m_baseProject, path))
            qFatal("cannot copy the base project");
        return path;
    }

    // Every stored row of the project's only run, checked for duplicates; the run's status.
    struct Stored
    {
        QSet<QByteArray> okKeys;
        int ok = 0;
        int failed = 0;
        RunStatus status = RunStatus::Created;
        QString error;
    };
    Stored inspect(const QString &path)
    {
        Stored s;
        auto project = ProjectFile::open(path);
        if (!project) {
            qWarning("%s", qPrintable(project.error().message));
            return s;
        }
        if (Status integrity = project.value()->integrityCheck(); !integrity)
            qFatal("%s", qPrintable(integrity.error().message));
        RunRepository runs(*project.value());
        auto list = runs.list();
        if (!list || list->size() != 1)
            qFatal("expected exactly one run in %s", qPrintable(path));
        const StoredRun run = list->first();
        s.status = run.status;
        s.error = run.errorMessage;
        auto responses = runs.responses(run.id);
        QSet<std::uint32_t> users;
        for (const StoredResponse &r : responses.value()) {
            if (users.contains(r.user))
                qFatal("user %u stored twice", r.user);
            users.insert(r.user);
            if (r.ok) {
                ++s.ok;
                s.okKeys.insert(r.cacheKey);
                if (r.rawText.isEmpty())
                    qFatal("ok row without text for user %u", r.user);
            } else {
                ++s.failed;
                if (r.errorMessage.isEmpty())
                    qFatal("failed row without a message for user %u", r.user);
            }
        }
        return s;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo::exists(qEnvironmentVariable("CINETUNE_BINARY")), "CINETUNE_BINARY not set");
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<SimulatorServer>(SimulatorServer::Options{}, nullptr);
        QVERIFY(m_server->listen(0).ok());
        connect(m_server.get(), &SimulatorServer::requestReceived, this, [this](const QString &route, const QByteArray &body) {
            if (route != kChat)
                return;
            ++m_chatRequests;
            ++m_requestsByKey[keyOf(body)];
            if (m_onChat)
                m_onChat();
        });
        // The gold set goes into the project through the CLI itself.
        m_baseProject = m_dir.filePath(QStringLiteral("base.cinetune"));
        const Run g = cli({QStringLiteral("goldset"), QStringLiteral(":sample"), QStringLiteral("--save-to"), m_baseProject,
                           QStringLiteral("--name"), QStringLiteral("g20"), QStringLiteral("--sample-users"),
                           QStringLiteral("20"), QStringLiteral("--split"), QStringLiteral("0/0/100"), QStringLiteral("--json")});
        QVERIFY2(g.code == 0, g.err.constData());
        QVERIFY2(lastJsonLine(g.out).value(QStringLiteral("gold_set_id")).toInt() > 0, g.out.constData());
        auto project = ProjectFile::open(m_baseProject);
        QVERIFY(project);
        GoldSetRepository golds(*project.value());
        auto gold = golds.find(QStringLiteral("g20"));
        QVERIFY(gold);
        m_testUsers = int(gold->splitUsers[static_cast<std::size_t>(GoldSetSplit::Test)]);
        QVERIFY2(m_testUsers >= 12, qPrintable(QString::number(m_testUsers)));
        // The same name twice is refused, and the project is unchanged.
        const Run again = cli({QStringLiteral("goldset"), QStringLiteral(":sample"), QStringLiteral("--save-to"), m_baseProject,
                               QStringLiteral("--name"), QStringLiteral("g20"), QStringLiteral("--sample-users"),
                               QStringLiteral("5")});
        QCOMPARE(again.code, 2);
        QCOMPARE(golds.list()->size(), 1);
        const Run two = cli({QStringLiteral("goldset"), QStringLiteral(":sample"), QStringLiteral("--save-to"), m_baseProject,
                             QStringLiteral("--name"), QStringLiteral("g2"), QStringLiteral("--sample-users"),
                             QStringLiteral("2"), QStringLiteral("--split"), QStringLiteral("0/0/100")});
        QVERIFY2(two.code == 0, two.err.constData());
    }

    void init()
    {
        m_server->clearFaults();
        m_requestsByKey.clear();
        m_chatRequests = 0;
        m_onChat = nullptr;
    }

    void chatFaults_data()
    {
        QTest::addColumn<QString>("faults");
        QTest::addColumn<int>("midRunAfter"); // > 0: the faults start after that many chat requests
        QTest::addColumn<bool>("stops");      // the run stops with status failed (not every user stored)
        const QString chat = QStringLiteral("@POST:/v1/chat/completions");
        QTest::newRow("429 Retry-After") << QStringLiteral("429=1") + chat + QStringLiteral("#4") << 0 << false;
        QTest::newRow("500/502/503 bursts") << QStringLiteral("500%1#3,502%1#3,503%1#3").arg(chat) << 0 << false;
        QTest::newRow("5xx on every request") << QStringLiteral("502") + chat + QStringLiteral("#0") << 0 << false;
        QTest::newRow("reset mid-body") << QStringLiteral("reset") + chat + QStringLiteral("#4") << 0 << false;
        QTest::newRow("stall past the timeout") << QStringLiteral("stall=4000") + chat + QStringLiteral("#2") << 0 << false;
        QTest::newRow("malformed JSON") << QStringLiteral("malformed") + chat + QStringLiteral("#3") << 0 << false;
        QTest::newRow("drop before answering") << QStringLiteral("drop") + chat + QStringLiteral("#3") << 0 << false;
        QTest::newRow("401 in the middle") << QStringLiteral("401") + chat + QStringLiteral("#0") << 6 << true;
    }

    void chatFaults()
    {
        QFETCH(QString, faults);
        QFETCH(int, midRunAfter);
        QFETCH(bool, stops);
        const QString project = freshProject(
            QString::fromLatin1(QTest::currentDataTag()).remove(QLatin1Char(' ')).remove(QLatin1Char('/')));
        if (midRunAfter > 0) {
            m_onChat = [this, faults, midRunAfter] {
                if (m_chatRequests == midRunAfter)
                    QVERIFY(m_server->setFaults(faults).ok());
            };
        } else {
            QVERIFY(m_server->setFaults(faults).ok());
        }
        // With few requests in flight a stopping fault leaves users never asked (the stop is visible).
        const Run first = cli(
            runArgs(project, stops ? QStringList{QStringLiteral("--concurrency"), QStringLiteral("2")} : QStringList{}));
        const QJsonObject summary = lastJsonLine(first.out);
        const Stored one = inspect(project);
        // A clear outcome: exit 0 only when every user has an answer, else 3 with the state said.
        if (one.ok == m_testUsers) {
            QCOMPARE(first.code, 0);
        } else {
            QVERIFY2(first.code == 3, first.err.constData());
        }
        QCOMPARE(summary.value(QStringLiteral("ok")).toInt(), one.ok);
        QCOMPARE(summary.value(QStringLiteral("failed")).toInt(), one.failed);
        if (stops) {
            QCOMPARE(one.status, RunStatus::Failed);
            QCOMPARE(summary.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
            QVERIFY2(summary.value(QStringLiteral("error")).toString().contains(QStringLiteral("key"), Qt::CaseInsensitive),
                     first.out.constData());
            QVERIFY(one.ok >= 1 && one.ok + one.failed < m_testUsers); // stopped, not one failure per user
        } else {
            QCOMPARE(one.status, RunStatus::Finished);
            QCOMPARE(one.ok + one.failed, m_testUsers); // exactly one row per user
        }
        // Bounded retries: no request was tried more than the retry policy allows.
        for (auto it = m_requestsByKey.cbegin(); it != m_requestsByKey.cend(); ++it)
            QVERIFY2(it.value() <= kMaxAttempts, qPrintable(QStringLiteral("%1 tries").arg(it.value())));
        QVERIFY(m_requestsByKey.size() <= m_testUsers);
        // Every stored answer belongs to a request the server saw (the key computation matches).
        for (const QByteArray &k : one.okKeys)
            QVERIFY(m_requestsByKey.contains(k));

        // Again without faults: completes, and no user with an answer is asked again.
        m_server->clearFaults();
        m_onChat = nullptr;
        m_requestsByKey.clear();
        m_chatRequests = 0;
        const Run second = cli(runArgs(project));
        QVERIFY2(second.code == 0, second.err.constData());
        const Stored two = inspect(project);
        QCOMPARE(two.ok, m_testUsers);
        QCOMPARE(two.failed, 0);
        QCOMPARE(two.status, RunStatus::Finished);
        QCOMPARE(m_chatRequests, m_testUsers - one.ok);
        for (auto it = m_requestsByKey.cbegin(); it != m_requestsByKey.cend(); ++it) {
            QVERIFY2(!one.okKeys.contains(it.key()), "a finished user was requested again");
            QCOMPARE(it.value(), 1);
        }
    }

    // An unresolvable host: every request fails as a network error with a clear message, no
    // answer is invented, and nothing is stored twice.
    void dnsFailure()
    {
        const QString project = freshProject(QStringLiteral("dns"));
        QStringList args = runArgs(project);
        args[args.indexOf(m_server->baseUrl())] = QStringLiteral("https://cinetune-nonexistent.invalid/v1");
        args[args.indexOf(QStringLiteral("simulator"))] = QStringLiteral("openai-compatible");
        args << QStringLiteral("--key-env") << QStringLiteral("CINETUNE_TEST_KEY");
        const Run r = cli(args);
        QCOMPARE(r.code, 3);
        const QJsonObject summary = lastJsonLine(r.out);
        QCOMPARE(summary.value(QStringLiteral("ok")).toInt(), 0);
        const Stored s = inspect(project);
        QCOMPARE(s.ok, 0);
        QVERIFY(s.failed <= m_testUsers);
        const QString said = QString::fromUtf8(r.out + r.err);
        QVERIFY2(said.contains(QStringLiteral("cinetune-nonexistent.invalid"))
                     || said.contains(QStringLiteral("host"), Qt::CaseInsensitive),
                 qPrintable(said));
        QCOMPARE(m_chatRequests, 0);
    }

    // Resource bounds: an answer that never ends is dropped at the chat body limit
    // (openai::kMaxChatBodyBytes, 16 MB) with a clear error and bounded memory; a 10 MB answer is
    // stored whole. A hand-written local server plays the provider here, so the check does not
    // rest on the simulator's own huge/endless faults (tst_evalrun and resource-bounds.sh use those).
    void hugeAnswers_data()
    {
        QTest::addColumn<bool>("endless");
        QTest::newRow("never-ending answer") << true;
        QTest::newRow("10 MB answer") << false;
    }

    void hugeAnswers()
    {
        QFETCH(bool, endless);
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        QByteArray tenMb;
        qsizetype answerChars = 0; // the answer as stored (JSON escapes decoded)
        if (!endless) {
            QByteArray content;
            while (answerChars < 10 * 1000 * 1000) {
                content += "1. Heat (1995)\\n2. Alien (1979)\\n";
                answerChars += 31;
            }
            tenMb = "{\"id\":\"c\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,"
                    "\"message\":{\"role\":\"assistant\",\"content\":\""
                + content
                + "\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,\"total_tokens\":2}}";
        }
        qint64 sent = 0;
        connect(&server, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *s = server.nextPendingConnection()) {
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
                connect(s, &QTcpSocket::readyRead, s, [s, endless, &tenMb, &sent] {
                    if (s->property("answered").toBool() || !s->peek(1 << 20).contains("\r\n\r\n"))
                        return;
                    s->setProperty("answered", true);
                    if (!endless) {
                        s->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
                                 + QByteArray::number(tenMb.size()) + "\r\n\r\n" + tenMb);
                        s->disconnectFromHost(); // after the bytes are written
                        return;
                    }
                    // Valid JSON white space, forever, as fast as the client reads it.
                    s->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n{");
                    auto *timer = new QTimer(s);
                    connect(timer, &QTimer::timeout, s, [s, &sent] {
                        if (s->bytesToWrite() < (1 << 20)) {
                            s->write(QByteArray(256 * 1024, ' '));
                            sent += 256 * 1024;
                        }
                    });
                    timer->start(1);
                });
            }
        });
        const QString project = freshProject(endless ? QStringLiteral("endless") : QStringLiteral("tenmb"));
        const QString url = QStringLiteral("http://127.0.0.1:%1/v1").arg(server.serverPort());
        QElapsedTimer t;
        t.start();
        const Run r = cli(runArgs(project, {}, QStringLiteral("g2"), url), 180000);
        QVERIFY2(r.code == 0 || r.code == 3, r.err.constData());
        qInfo("%s: exit %d after %lld ms, %lld MB sent, peak RSS %lld MB", QTest::currentDataTag(), r.code, t.elapsed(),
              sent >> 20, m_peakKiB >> 10);
        QVERIFY(m_peakKiB > 0);
        QVERIFY2(m_peakKiB < 600 * 1024, "memory is bounded");
        auto opened = ProjectFile::open(project);
        QVERIFY(opened);
        RunRepository runs(*opened.value());
        const auto responses = runs.responses(runs.list()->first().id);
        QCOMPARE(int(responses->size()), 2);
        for (const StoredResponse &row : responses.value()) {
            if (endless) {
                QCOMPARE(row.ok, false);
                QCOMPARE(row.errorCode, QStringLiteral("net.too_large"));
                QVERIFY2(row.errorMessage.contains(QStringLiteral("%1 MB").arg(openai::kMaxChatBodyBytes >> 20)),
                         qPrintable(row.errorMessage));
                QCOMPARE(row.attempts, 1); // not retried
            } else {
                QCOMPARE(row.ok, true);
                QCOMPARE(row.rawText.size(), answerChars);
            }
        }
        if (endless)
            QVERIFY(sent >= openai::kMaxChatBodyBytes);
    }

    // `cinetune finetune submit` with a fault on the job creation: never two jobs.
    void finetuneCreate_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::newRow("429") << QStringLiteral("429=1");
        QTest::newRow("500") << QStringLiteral("500");
        QTest::newRow("503 twice") << QStringLiteral("503@POST:/v1/fine_tuning/jobs#2,503");
        QTest::newRow("reset after creating") << QStringLiteral("reset");
        QTest::newRow("stall after creating") << QStringLiteral("stall=3000");
        QTest::newRow("drop") << QStringLiteral("drop");
        QTest::newRow("malformed answer") << QStringLiteral("malformed");
    }

    void finetuneCreate()
    {
        QFETCH(QString, fault);
        static int round = 0;
        const QString training = cinetune::test::writeFile(m_dir.path(), QStringLiteral("train%1.jsonl").arg(++round), [] {
            QByteArray out;
            for (int i = 0; i < 12; ++i) {
                const QJsonObject example{
                    {QStringLiteral("messages"),
                     QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                            {QStringLiteral("content"), QStringLiteral("I liked movie %1.").arg(i)}},
                                QJsonObject{{QStringLiteral("role"), QStringLiteral("assistant")},
                                            {QStringLiteral("content"), QStringLiteral("1. Heat (1995)")}}}}};
                out += QJsonDocument(example).toJson(QJsonDocument::Compact) + '\n';
            }
            return out;
        }());
        const int jobsBefore = m_server->jobCount();
        QVERIFY(m_server->setFaults(fault + QStringLiteral("@POST:/v1/fine_tuning/jobs#1")).ok());
        const Run r = cli({QStringLiteral("finetune"), QStringLiteral("submit"), QStringLiteral("--training"), training,
                           QStringLiteral("--base-url"), m_server->baseUrl(), QStringLiteral("--kind"),
                           QStringLiteral("simulator")});
        const int created = m_server->jobCount() - jobsBefore;
        QVERIFY2(created <= 1, qPrintable(QStringLiteral("%1 jobs created").arg(created)));
        if (r.code == 0) {
            QCOMPARE(created, 1);
            QVERIFY2(r.out.trimmed().startsWith("ftjob-"), r.out.constData());
        } else {
            QVERIFY2(r.code == 3 && !r.err.trimmed().isEmpty(), r.err.constData());
        }
        QVERIFY(m_server->requestCount(QStringLiteral("POST /v1/fine_tuning/jobs")) >= 1);
    }
};

QTEST_GUILESS_MAIN(TestFaultMatrix)
#include "tst_faultmatrix.moc"
