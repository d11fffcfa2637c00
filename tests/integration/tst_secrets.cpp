// Secret hygiene of the real binary: with a known fake API key in the environment, the CLI
// pipeline (provider profiles, a connection test, an evaluation run with failures and a kill, a
// fine-tuning submission, scoring, exports), all with debug logging on, leaves the key in no file
// (project, its -wal, QSettings, cache, exports) and in no output. Plain-http base URLs other than
// loopback are refused with a message saying why.
#include "clirunner.h"
#include "fixtures.h"

#include "core/simulator/simulatorserver.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace cinetune;

namespace {

using Run = test::CliRun;

const QByteArray kKey = "sk-cinetune-FAKE-0123456789abcdef";

} // namespace

class TestSecrets : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SimulatorServer> m_server;
    QByteArray m_outputs; // everything the binary printed
    int m_chatRequests = 0;

    Run cli(const QStringList &args, const std::function<bool()> &killWhen = {})
    {
        QProcessEnvironment env = test::cliEnvironment(m_dir.path());
        env.insert(QStringLiteral("CINETUNE_TEST_KEY"), QString::fromLatin1(kKey));
        // Every log category on, HTTP request headers included: they must be redacted.
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true;qt.*.debug=false"));
        Run r = test::runCli(args, {.environment = env, .timeoutMs = 240000, .killWhen = killWhen});
        if (r.timedOut)
            r.code = -1;
        m_outputs += r.out + r.err;
        return r;
    }

    // Files under the test's folder that contain the key (paths relative to it).
    QStringList filesWithKey() const
    {
        QStringList hits;
        QDirIterator it(m_dir.path(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile f(path);
            if (f.open(QIODevice::ReadOnly) && f.readAll().contains(kKey))
                hits << QDir(m_dir.path()).relativeFilePath(path);
        }
        return hits;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo::exists(qEnvironmentVariable("CINETUNE_BINARY")), "CINETUNE_BINARY not set");
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<SimulatorServer>(SimulatorServer::Options{}, nullptr);
        QVERIFY(m_server->listen(0).ok());
        connect(m_server.get(), &SimulatorServer::requestReceived, this, [this](const QString &route, const QByteArray &) {
            if (route == QLatin1String("POST /v1/chat/completions"))
                ++m_chatRequests;
        });
    }

    // The scan finds a planted key (so zero hits later means something).
    void scannerFindsTheKey()
    {
        const QString planted = cinetune::test::writeFile(m_dir.path(), QStringLiteral("planted/key.txt"), "x" + kKey + "y");
        QCOMPARE(filesWithKey(), QStringList{QStringLiteral("planted/key.txt")});
        QVERIFY(QFile::remove(planted));
        QVERIFY(QDir(m_dir.filePath(QStringLiteral("planted"))).removeRecursively());
        QVERIFY(filesWithKey().isEmpty());
    }

    void pipelineLeavesNoKey()
    {
        // A profile whose key comes from the environment, pointing at the loopback simulator.
        Run r = cli({QStringLiteral("providers"), QStringLiteral("add"), QStringLiteral("sec"), QStringLiteral("--kind"),
                     QStringLiteral("openai-compatible"), QStringLiteral("--base-url"), m_server->baseUrl(),
                     QStringLiteral("--key-env"), QStringLiteral("CINETUNE_TEST_KEY"), QStringLiteral("--model"),
                     QStringLiteral("gpt-4o-mini-2024-07-18")});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(cli({QStringLiteral("providers"), QStringLiteral("list"), QStringLiteral("--json")}).code == 0);
        r = cli({QStringLiteral("providers"), QStringLiteral("test"), QStringLiteral("sec")});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY2(r.err.contains("<redacted>"), "debug logging shows the request headers, redacted");

        const QString project = m_dir.filePath(QStringLiteral("secret.cinetune"));
        QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("exports"))));
        r = cli({QStringLiteral("goldset"), QStringLiteral(":sample"), QStringLiteral("--save-to"), project,
                 QStringLiteral("--name"), QStringLiteral("g"), QStringLiteral("--sample-users"), QStringLiteral("12"),
                 QStringLiteral("--split"), QStringLiteral("0/0/100"), QStringLiteral("--out"),
                 m_dir.filePath(QStringLiteral("exports/gold.jsonl"))});
        QVERIFY2(r.code == 0, r.err.constData());
        const QStringList run{QStringLiteral("run"),
                              QStringLiteral("--project"),
                              project,
                              QStringLiteral("--gold"),
                              QStringLiteral("g"),
                              QStringLiteral("--target"),
                              QStringLiteral("sec:gpt-4o-mini-2024-07-18"),
                              QStringLiteral("--strategy"),
                              QStringLiteral("zero-shot"),
                              QStringLiteral("--dataset"),
                              QStringLiteral(":sample"),
                              QStringLiteral("--json"),
                              QStringLiteral("--timeout"),
                              QStringLiteral("1")};
        // Failures first: 5xx, resets, a stall, malformed answers, then a 401 that stops the run.
        QVERIFY(m_server
                    ->setFaults(QStringLiteral("500@POST:/v1/chat/completions#6,reset@POST:/v1/chat/completions#2,"
                                               "stall=3000@POST:/v1/chat/completions#1,malformed@POST:/v1/chat/completions#2,"
                                               "401@POST:/v1/chat/completions#0"))
                    .ok());
        r = cli(run);
        QCOMPARE(r.code, 3);
        // A kill mid-run leaves a -wal file behind; it is searched too.
        m_server->clearFaults();
        SimulatorServer::Options slow;
        slow.latencyMs = 300;
        m_server->setOptions(slow);
        m_chatRequests = 0;
        cli(run, [this] { return m_chatRequests >= 3; });
        QVERIFY2(QFileInfo::exists(project + QStringLiteral("-wal")), "the killed run left its -wal file");
        QStringList hits = filesWithKey();
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QStringLiteral(", "))));
        m_server->setOptions(SimulatorServer::Options{});
        r = cli(run);
        QVERIFY2(r.code == 0, r.err.constData());

        // Fine-tuning: submit with the profile, recorded in the project; the training data exported first.
        r = cli({QStringLiteral("finetune-data"), m_dir.filePath(QStringLiteral("exports/gold.jsonl")),
                 QStringLiteral("--dataset"), QStringLiteral(":sample"), QStringLiteral("--split"), QStringLiteral("test"),
                 QStringLiteral("--out"), m_dir.filePath(QStringLiteral("exports/train.jsonl"))});
        QVERIFY2(r.code == 0, r.err.constData());
        r = cli({QStringLiteral("finetune"), QStringLiteral("submit"), QStringLiteral("--provider"), QStringLiteral("sec"),
                 QStringLiteral("--training"), m_dir.filePath(QStringLiteral("exports/train.jsonl")), QStringLiteral("--project"),
                 project});
        QVERIFY2(r.code == 0, r.err.constData());
        r = cli({QStringLiteral("finetune"), QStringLiteral("list"), QStringLiteral("--provider"), QStringLiteral("sec"),
                 QStringLiteral("--project"), project, QStringLiteral("--json")});
        QVERIFY2(r.code == 0, r.err.constData());
        // Scoring and a written prediction file.
        cinetune::test::writeFile(m_dir.path(), QStringLiteral("exports/pred.jsonl"),
                                  "{\"user\":1,\"text\":\"1. Heat (1995)\"}\n");
        r = cli({QStringLiteral("eval"), QStringLiteral("--gold"), m_dir.filePath(QStringLiteral("exports/gold.jsonl")),
                 QStringLiteral("--predictions"), m_dir.filePath(QStringLiteral("exports/pred.jsonl")),
                 QStringLiteral("--dataset"), QStringLiteral(":sample"), QStringLiteral("--json")});
        QVERIFY2(r.code == 0 || r.code == 2, r.err.constData());

        hits = filesWithKey();
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QStringLiteral(", "))));
        QVERIFY2(!m_outputs.contains(kKey), "the key appeared in the output");
        QVERIFY(QDir(m_dir.filePath(QStringLiteral("config"))).exists()); // QSettings were written (and searched)
        QVERIFY(m_outputs.contains("<redacted>"));
    }

    void plainHttpRefused_data()
    {
        QTest::addColumn<QStringList>("args");
        const QStringList add{QStringLiteral("providers"),
                              QStringLiteral("add"),
                              QStringLiteral("remote"),
                              QStringLiteral("--kind"),
                              QStringLiteral("openai-compatible"),
                              QStringLiteral("--key-env"),
                              QStringLiteral("CINETUNE_TEST_KEY"),
                              QStringLiteral("--base-url")};
        QTest::newRow("profile, host name") << add + QStringList{QStringLiteral("http://llm.example.com/v1")};
        QTest::newRow("profile, LAN address") << add + QStringList{QStringLiteral("http://192.168.1.20:8000/v1")};
        QTest::newRow("inline run") << QStringList{QStringLiteral("run"),
                                                   QStringLiteral("--project"),
                                                   m_dir.filePath(QStringLiteral("secret.cinetune")),
                                                   QStringLiteral("--gold"),
                                                   QStringLiteral("g"),
                                                   QStringLiteral("--target"),
                                                   QStringLiteral("m"),
                                                   QStringLiteral("--strategy"),
                                                   QStringLiteral("zero-shot"),
                                                   QStringLiteral("--base-url"),
                                                   QStringLiteral("http://10.0.0.7/v1"),
                                                   QStringLiteral("--kind"),
                                                   QStringLiteral("openai-compatible"),
                                                   QStringLiteral("--key-env"),
                                                   QStringLiteral("CINETUNE_TEST_KEY")};
    }

    void plainHttpRefused()
    {
        QFETCH(QStringList, args);
        const Run r = cli(args);
        QVERIFY(r.code != 0);
        QVERIFY2(r.err.contains("must use https://") && r.err.contains("unencrypted"), r.err.constData());
        QVERIFY(!QByteArray(r.out + r.err).contains(kKey));
    }
};

QTEST_GUILESS_MAIN(TestSecrets)
#include "tst_secrets.moc"
