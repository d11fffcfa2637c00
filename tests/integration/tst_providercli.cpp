// The provider commands of the real binary against the offline simulator, itself started as
// `cinetune simulator --port 0`: finetune submit/status/watch/cancel/list, providers
// add/list/test/remove, usage errors, input errors, a 401 (the key never printed) and Ctrl-C.
#include "clirunner.h"
#include "fixtures.h"

#include "core/project/jobrepository.h"
#include "core/project/projectfile.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#ifdef Q_OS_UNIX
#include <csignal>
#endif

namespace {

const QByteArray kFakeKey = "sk-cinetune-fake-key-0123456789abcdef";

using Run = cinetune::test::CliRun;

QByteArray tinyTraining()
{
    static const char *const liked[] = {"Alien", "Heat",   "Amelie",  "Toy Story", "Fargo", "Se7en",
                                        "Up",    "Brazil", "Memento", "Clue",      "Jaws",  "Rocky"};
    QByteArray out;
    for (int i = 0; i < 12; ++i) {
        const QJsonObject example{
            {QStringLiteral("messages"),
             QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("system")},
                                    {QStringLiteral("content"), QStringLiteral("You recommend movies.")}},
                        QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                    {QStringLiteral("content"),
                                     QStringLiteral("I liked %1. Recommend 3 movies.").arg(QLatin1String(liked[i]))}},
                        QJsonObject{{QStringLiteral("role"), QStringLiteral("assistant")},
                                    {QStringLiteral("content"),
                                     QStringLiteral("1. Movie %1a (1990)\n2. Movie %1b (1991)\n3. Movie %1c (1992)").arg(i)}}}}};
        out += QJsonDocument(example).toJson(QJsonDocument::Compact) + '\n';
    }
    return out;
}

} // namespace

class TestProviderCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_sim;
    QString m_url;
    QString m_training;

    QProcessEnvironment environment(const QMap<QString, QString> &extra = {}) const
    {
        // Private settings, cache and data: the user's QSettings are never touched.
        QProcessEnvironment env = cinetune::test::cliEnvironment(m_dir.path());
        for (auto it = extra.begin(); it != extra.end(); ++it)
            env.insert(it.key(), it.value());
        return env;
    }

    Run run(const QStringList &args, const QMap<QString, QString> &extra = {}, int timeoutMs = 60000) const
    {
        return cinetune::test::runCli(args, {.environment = environment(extra), .timeoutMs = timeoutMs});
    }

    // Starts `cinetune simulator --port 0 ...` and returns it with its URL (first stdout line).
    std::unique_ptr<QProcess> startSimulator(const QStringList &extra, QString &url) const
    {
        auto p = cinetune::test::startCli(QStringList{QStringLiteral("simulator"), QStringLiteral("--port"), QStringLiteral("0")}
                                              + extra,
                                          {.environment = environment()});
        QElapsedTimer t;
        t.start();
        while (!p->canReadLine() && t.elapsed() < 60000)
            p->waitForReadyRead(1000);
        url = QString::fromUtf8(p->readLine()).trimmed();
        return p;
    }

    QStringList inlineSim(const QString &url) const
    {
        return {QStringLiteral("--base-url"), url, QStringLiteral("--kind"), QStringLiteral("simulator")};
    }

    QString submit(const QStringList &extra = {})
    {
        const Run r = run(
            QStringList{QStringLiteral("finetune"), QStringLiteral("submit"), QStringLiteral("--training"), m_training}
            + inlineSim(m_url) + extra);
        if (r.code != 0)
            qWarning("submit failed (%d): %s", r.code, r.err.constData());
        return QString::fromUtf8(r.out).trimmed();
    }

    QJsonObject statusJson(const QString &job)
    {
        const Run r = run(QStringList{QStringLiteral("finetune"), QStringLiteral("status"), job, QStringLiteral("--json")}
                          + inlineSim(m_url));
        return QJsonDocument::fromJson(r.out).object();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo::exists(qEnvironmentVariable("CINETUNE_BINARY")), "CINETUNE_BINARY not set");
        QVERIFY(m_dir.isValid());
        m_training = cinetune::test::writeFile(m_dir.path(), QStringLiteral("tiny.jsonl"), tinyTraining());
        m_sim = startSimulator({QStringLiteral("--job-seconds"), QStringLiteral("2")}, m_url);
        QVERIFY2(m_url.startsWith(QLatin1String("http://127.0.0.1:")) && m_url.endsWith(QLatin1String("/v1")), qPrintable(m_url));
    }

    void cleanupTestCase()
    {
        if (!m_sim)
            return;
        m_sim->terminate(); // SIGTERM: a clean stop
        QVERIFY(m_sim->waitForFinished(10000));
        QCOMPARE(m_sim->exitStatus(), QProcess::NormalExit);
        QCOMPARE(m_sim->exitCode(), 0);
        const QByteArray err = m_sim->readAllStandardError();
        QVERIFY2(err.contains("Offline simulator (not an LLM)"), err.constData());
        QVERIFY(err.contains("POST /v1/fine_tuning/jobs 200"));
        QVERIFY(err.contains("Simulator stopped."));
    }

    void submitStatusWatch()
    {
        const QString project = m_dir.filePath(QStringLiteral("flow.cinetune"));
        const QString job = submit({QStringLiteral("--suffix"), QStringLiteral("cli"), QStringLiteral("--epochs"),
                                    QStringLiteral("3"), QStringLiteral("--project"), project});
        QVERIFY2(job.startsWith(QLatin1String("ftjob-")) && !job.contains(QLatin1Char('\n')), qPrintable(job));

        Run r = run(QStringList{QStringLiteral("finetune"), QStringLiteral("status"), job} + inlineSim(m_url));
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(job.toUtf8()));
        QVERIFY(r.out.contains("offline simulator"));
        QJsonObject o = statusJson(job);
        QCOMPARE(o.value(QLatin1String("id")).toString(), job);
        QCOMPARE(o.value(QLatin1String("simulated")).toBool(), true);
        QCOMPARE(o.value(QLatin1String("epochs")).toInt(), 3);

        // The project knows the job and its provider: no provider options needed.
        r = run({QStringLiteral("finetune"), QStringLiteral("watch"), job, QStringLiteral("--project"), project});
        QVERIFY2(r.code == 0, r.err.constData());
        const QString out = QString::fromUtf8(r.out);
        QVERIFY2(out.contains(QLatin1String("succeeded")), qPrintable(out));
        QVERIFY(out.contains(QLatin1String("step ")) && out.contains(QLatin1String("train loss")));
        o = statusJson(job);
        QCOMPARE(o.value(QLatin1String("status")).toString(), QStringLiteral("succeeded"));
        const QString model = o.value(QLatin1String("fine_tuned_model")).toString();
        QVERIFY(model.startsWith(QLatin1String("ft:gpt-4o-mini-2024-07-18:")) && model.contains(QLatin1String(":cli:")));
        QVERIFY2(out.contains(QStringLiteral("Fine-tuned model: ") + model), qPrintable(out));

        r = run(
            {QStringLiteral("finetune"), QStringLiteral("list"), QStringLiteral("--project"), project, QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        const QJsonArray stored = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.first().toObject().value(QLatin1String("id")).toString(), job);
        QCOMPARE(stored.first().toObject().value(QLatin1String("status")).toString(), QStringLiteral("succeeded"));
        QCOMPARE(stored.first().toObject().value(QLatin1String("fine_tuned_model")).toString(), model);

        r = run(QStringList{QStringLiteral("finetune"), QStringLiteral("list")} + inlineSim(m_url));
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(job.toUtf8()));
    }

    void cancelSecondJob()
    {
        const QString job = submit();
        QVERIFY(job.startsWith(QLatin1String("ftjob-")));
        Run r = run(QStringList{QStringLiteral("finetune"), QStringLiteral("cancel"), job} + inlineSim(m_url));
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(r.out.contains("cancelled"));
        QCOMPARE(statusJson(job).value(QLatin1String("status")).toString(), QStringLiteral("cancelled"));
        // Watching a cancelled job ends at once, as a failure for scripts.
        r = run(QStringList{QStringLiteral("finetune"), QStringLiteral("watch"), job} + inlineSim(m_url));
        QCOMPARE(r.code, 3);
        QVERIFY(r.err.contains("was cancelled"));
    }

    void providerProfiles()
    {
        Run r = run({QStringLiteral("providers"), QStringLiteral("add"), QStringLiteral("sim"), QStringLiteral("--kind"),
                     QStringLiteral("simulator"), QStringLiteral("--base-url"), m_url});
        QVERIFY2(r.code == 0, r.err.constData());
        r = run({QStringLiteral("providers"), QStringLiteral("add"), QStringLiteral("sim"), QStringLiteral("--kind"),
                 QStringLiteral("simulator"), QStringLiteral("--base-url"), m_url});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains("--replace"));
        r = run({QStringLiteral("providers"), QStringLiteral("add"), QStringLiteral("work"), QStringLiteral("--kind"),
                 QStringLiteral("openai"), QStringLiteral("--key-env"), QStringLiteral("CINETUNE_TEST_KEY"),
                 QStringLiteral("--model"), QStringLiteral("gpt-4.1-mini-2025-04-14")});
        QVERIFY2(r.code == 0, r.err.constData());

        r = run({QStringLiteral("providers"), QStringLiteral("list")},
                {{QStringLiteral("CINETUNE_TEST_KEY"), QString::fromLatin1(kFakeKey)}});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains("sim") && r.out.contains("simulator") && r.out.contains("not needed"));
        QVERIFY(r.out.contains("$CINETUNE_TEST_KEY (set)"));
        QVERIFY(!r.all().contains(QString::fromLatin1(kFakeKey)));
        r = run({QStringLiteral("providers"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        const QJsonArray list = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(list.size(), 2);
        for (const QJsonValue &v : list) {
            const QJsonObject p = v.toObject();
            if (p.value(QLatin1String("name")).toString() == QLatin1String("work")) {
                QCOMPARE(p.value(QLatin1String("key_in_environment")).toBool(), false);
                QCOMPARE(p.value(QLatin1String("base_url")).toString(), QStringLiteral("https://api.openai.com/v1"));
            }
        }

        r = run({QStringLiteral("providers"), QStringLiteral("test"), QStringLiteral("sim")});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(r.out.contains("gpt-4o-mini-2024-07-18"));

        // A profile name also works for the finetune commands.
        r = run({QStringLiteral("finetune"), QStringLiteral("list"), QStringLiteral("--provider"), QStringLiteral("sim")});
        QCOMPARE(r.code, 0);

        r = run({QStringLiteral("providers"), QStringLiteral("remove"), QStringLiteral("work")});
        QCOMPARE(r.code, 0);
        r = run({QStringLiteral("providers"), QStringLiteral("remove"), QStringLiteral("work")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains("no profile named \"work\" (profiles: sim)"));
    }

    // A base URL typed the way each provider's documentation writes it is completed to the API root
    // (Azure: https://<resource>.openai.azure.com + /openai/v1; a bare /v1 would 404 on every call).
    void baseUrlCompleted_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("saved");
        QTest::newRow("Azure resource URL") << "azure"
                                            << "https://res.openai.azure.com"
                                            << "https://res.openai.azure.com/openai/v1";
        QTest::newRow("Azure with slash") << "azure"
                                          << "https://res.openai.azure.com/"
                                          << "https://res.openai.azure.com/openai/v1";
        QTest::newRow("Azure /openai") << "azure"
                                       << "https://res.openai.azure.com/openai"
                                       << "https://res.openai.azure.com/openai/v1";
        QTest::newRow("Azure complete") << "azure"
                                        << "https://res.openai.azure.com/openai/v1/"
                                        << "https://res.openai.azure.com/openai/v1";
        QTest::newRow("compatible host") << "openai-compatible"
                                         << "http://127.0.0.1:11434"
                                         << "http://127.0.0.1:11434/v1";
    }
    void baseUrlCompleted()
    {
        QFETCH(QString, kind);
        QFETCH(QString, typed);
        QFETCH(QString, saved);
        Run r = run({QStringLiteral("providers"), QStringLiteral("add"), QStringLiteral("url-check"), QStringLiteral("--kind"),
                     kind, QStringLiteral("--base-url"), typed, QStringLiteral("--replace")});
        QVERIFY2(r.code == 0, r.err.constData());
        r = run({QStringLiteral("providers"), QStringLiteral("list"), QStringLiteral("--json")});
        bool found = false;
        for (const QJsonValue &v : QJsonDocument::fromJson(r.out).array()) {
            if (v.toObject().value(QLatin1String("name")).toString() == QLatin1String("url-check")) {
                QCOMPARE(v.toObject().value(QLatin1String("base_url")).toString(), saved);
                found = true;
            }
        }
        QVERIFY(found);
        QCOMPARE(run({QStringLiteral("providers"), QStringLiteral("remove"), QStringLiteral("url-check")}).code, 0);
    }

    void usageAndInputErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("stderrContains");
        const QString sim = QStringLiteral("@SIM@");
        QTest::newRow("finetune no sub") << QStringList{"finetune"} << 1
                                         << "expected submit, status, watch, cancel, list or discard";
        QTest::newRow("providers no sub") << QStringList{"providers", "frob"} << 1 << "expected list, add, remove or test";
        QTest::newRow("submit no training") << QStringList{"finetune", "submit", sim} << 1 << "--training FILE";
        QTest::newRow("bad kind") << QStringList{"finetune", "submit", "--base-url", "http://127.0.0.1:1/v1",
                                                 "--kind",   "llama",  "--training", "x"}
                                  << 1
                                  << "--kind must be openai, azure, together, openai-compatible or simulator, found \"llama\"";
        QTest::newRow("url without kind") << QStringList{"finetune", "list", "--base-url", "http://127.0.0.1:1/v1"} << 1
                                          << "--base-url needs --kind";
        QTest::newRow("epochs 0") << QStringList{"finetune", "submit", sim, "--training", "x", "--epochs", "0"} << 1
                                  << "--epochs must be a whole number from 1 to 50, found \"0\"";
        QTest::newRow("batch 999") << QStringList{"finetune", "submit", sim, "--training", "x", "--batch-size", "999"} << 1
                                   << "--batch-size must be a whole number from 0 to 256";
        QTest::newRow("lr text") << QStringList{"finetune", "submit", sim, "--training", "x", "--lr-multiplier", "fast"} << 1
                                 << "--lr-multiplier must be a number from 0 to 10, found \"fast\"";
        QTest::newRow("bad suffix") << QStringList{"finetune", "submit", sim, "--training", "x", "--suffix", "a b"} << 1
                                    << "The suffix may contain only letters";
        QTest::newRow("status no job") << QStringList{"finetune", "status", sim} << 1 << "expected one JOB id";
        QTest::newRow("status no provider") << QStringList{"finetune", "status", "ftjob-x"} << 1
                                            << "name the provider with --provider NAME";
        QTest::newRow("unknown profile") << QStringList{"finetune", "status", "ftjob-x", "--provider", "nosuch"} << 1
                                         << "--provider: no profile named \"nosuch\"";
        QTest::newRow("insecure url") << QStringList{"finetune", "list",  "--base-url", "http://example.com/v1",
                                                     "--kind",   "openai"}
                                      << 1 << "must use https://";
        QTest::newRow("key in key-env") << QStringList{"finetune", "list", sim, "--key-env", "sk-abc-123"} << 1
                                        << "--key-env must name an environment variable";
        QTest::newRow("list nothing") << QStringList{"finetune", "list"} << 1 << "expected --provider NAME";
        QTest::newRow("watch interval") << QStringList{"finetune", "watch", "ftjob-x", sim, "--interval", "0"} << 1
                                        << "--interval must be a whole number from 1 to 3600";
        QTest::newRow("sim port") << QStringList{"simulator", "--port", "70000"} << 1
                                  << "--port must be a whole number from 0 to 65535";
        QTest::newRow("sim faults") << QStringList{"simulator", "--faults", "explode@/v1/models"} << 1 << "--faults:";
        QTest::newRow("sim job seconds") << QStringList{"simulator", "--job-seconds", "0"} << 1
                                         << "--job-seconds must be a whole number from 1";
        QTest::newRow("add bad kind") << QStringList{"providers", "add", "x", "--kind", "nope"} << 1 << "--kind must be";
        QTest::newRow("missing training") << QStringList{"finetune", "submit", sim, "--training", "/no/such/train.jsonl"} << 2
                                          << "/no/such/train.jsonl: cannot read";
        QTest::newRow("invalid jsonl") << QStringList{"finetune", "submit", sim, "--training", "@BAD@"} << 2 << "bad.jsonl:2";
        QTest::newRow("unknown job") << QStringList{"finetune", "status", "ftjob-nosuch", sim} << 3 << "ftjob-nosuch";
        QTest::newRow("sim dataset missing")
            << QStringList{"simulator", "--dataset", "/no/such/dataset"} << 2 << "/no/such/dataset";
    }

    void usageAndInputErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QString, stderrContains);
        QByteArray bad = tinyTraining();
        bad.insert(bad.indexOf('\n') + 1, "{not json\n");
        const QString badPath = cinetune::test::writeFile(m_dir.path(), QStringLiteral("bad.jsonl"), bad);
        QStringList expanded;
        for (const QString &a : args) {
            if (a == QLatin1String("@SIM@"))
                expanded << inlineSim(m_url);
            else
                expanded << (a == QLatin1String("@BAD@") ? badPath : a);
        }
        const Run r = run(expanded);
        QVERIFY2(r.code == code, qPrintable(QStringLiteral("exit %1: %2").arg(r.code).arg(QString::fromUtf8(r.err))));
        QVERIFY2(QString::fromUtf8(r.err).contains(stderrContains), r.err.constData());
    }

    // A job request the provider never confirmed is listed by its tag and discarded only by hand;
    // a job with a provider id is never discarded.
    void discardUnconfirmedRequest()
    {
        const QString path = m_dir.filePath(QStringLiteral("discard.cinetune"));
        {
            auto project = cinetune::ProjectFile::create(path);
            QVERIFY(project);
            cinetune::JobRepository repo(*project.value());
            cinetune::JobRequest asked;
            asked.trainingFile = QStringLiteral("file-lost");
            auto row = repo.recordPending(QStringLiteral("tg"), cinetune::ProviderKind::Together,
                                          QStringLiteral("https://api.together.xyz/v1"), QStringLiteral("tag-lost-1"), asked,
                                          false);
            QVERIFY(row);
            QVERIFY(repo.markUnresolved(row.value(), QStringLiteral("not listed")));
            cinetune::FineTuneJob known;
            known.id = QStringLiteral("ft-known");
            known.status = cinetune::JobStatus::Running;
            known.baseModel = QStringLiteral("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference");
            const auto knownRow = repo.upsertJob(QStringLiteral("tg"), cinetune::ProviderKind::Together,
                                                 QStringLiteral("https://api.together.xyz/v1"), known, false);
            QVERIFY2(knownRow, qPrintable(knownRow ? QString() : knownRow.error().message));
        }
        Run r = run(
            {QStringLiteral("finetune"), QStringLiteral("list"), QStringLiteral("--project"), path, QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains("\"request_tag\":\"tag-lost-1\"") && r.out.contains("\"status\":\"submitting\""),
                 r.out.constData());
        r = run({QStringLiteral("finetune"), QStringLiteral("discard"), QStringLiteral("ft-known"), QStringLiteral("--project"),
                 path});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("never discarded"), r.err.constData());
        r = run({QStringLiteral("finetune"), QStringLiteral("discard"), QStringLiteral("tag-lost-1"), QStringLiteral("--project"),
                 path});
        QVERIFY2(r.code == 0, r.err.constData());
        r = run(
            {QStringLiteral("finetune"), QStringLiteral("list"), QStringLiteral("--project"), path, QStringLiteral("--json")});
        QVERIFY(!r.out.contains("tag-lost-1"));
        QVERIFY(r.out.contains("ft-known"));
    }

    void rejectedKeyIsNeverPrinted_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("providers test") << QStringList{"providers", "test"};
        QTest::newRow("submit") << QStringList{"finetune", "submit", "--training", "@TRAIN@"};
        QTest::newRow("status") << QStringList{"finetune", "status", "ftjob-1"};
        QTest::newRow("list") << QStringList{"finetune", "list"};
    }

    void rejectedKeyIsNeverPrinted()
    {
        QFETCH(QStringList, args);
        QString url;
        auto sim = startSimulator({QStringLiteral("--faults"), QStringLiteral("401#0"), QStringLiteral("--quiet")}, url);
        QVERIFY(!url.isEmpty());
        args.replaceInStrings(QStringLiteral("@TRAIN@"), m_training);
        args << QStringLiteral("--base-url") << url << QStringLiteral("--kind") << QStringLiteral("openai");
        Run r = run(args, {{QStringLiteral("OPENAI_API_KEY"), QString::fromLatin1(kFakeKey)}});
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains("rejected the API key"), r.err.constData());
        QVERIFY(!r.out.contains(kFakeKey) && !r.err.contains(kFakeKey));
        QVERIFY(!r.out.contains(kFakeKey.left(16)) && !r.err.contains(kFakeKey.left(16)));
        // Without a key at all: the variable is named, and nothing is sent.
        r = run(args);
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains("OPENAI_API_KEY"), r.err.constData());
        sim->terminate();
        QVERIFY(sim->waitForFinished(10000));
    }

    void interruptStopsWatchingNotTheJob()
    {
#ifndef Q_OS_UNIX
        QSKIP("signals are POSIX");
#else
        QString url;
        auto sim = startSimulator(
            {QStringLiteral("--job-seconds"), QStringLiteral("120"), QStringLiteral("--dataset"), QStringLiteral(":sample")},
            url);
        QVERIFY(!url.isEmpty());
        QByteArray simErr;
        QTRY_VERIFY_WITH_TIMEOUT((simErr += sim->readAllStandardError()).contains("answer from 100 titles"), 10000);
        const Run submitted = run({QStringLiteral("finetune"), QStringLiteral("submit"), QStringLiteral("--training"), m_training,
                                   QStringLiteral("--base-url"), url, QStringLiteral("--kind"), QStringLiteral("simulator")});
        QCOMPARE(submitted.code, 0);
        const QString job = QString::fromUtf8(submitted.out).trimmed();
        // SIGINT once the first status line is out; it winds down by itself.
        std::unique_ptr<QProcess> watch = cinetune::test::startCli({QStringLiteral("finetune"), QStringLiteral("watch"), job,
                                                                    QStringLiteral("--base-url"), url, QStringLiteral("--kind"),
                                                                    QStringLiteral("simulator")},
                                                                   {.environment = environment()});
        QProcess *w = watch.get();
        const Run watched = cinetune::test::finishCli(
            std::move(watch), {.timeoutMs = 30000, .killWhen = [w] { return w->canReadLine(); }, .interrupt = true});
        QVERIFY(watched.out.contains('\n'));
        QCOMPARE(watched.code, 130);
        QVERIFY(watched.err.contains("Stopped watching"));
        const Run status = run({QStringLiteral("finetune"), QStringLiteral("status"), job, QStringLiteral("--json"),
                                QStringLiteral("--base-url"), url, QStringLiteral("--kind"), QStringLiteral("simulator")});
        QCOMPARE(status.code, 0);
        const QString s = QJsonDocument::fromJson(status.out).object().value(QLatin1String("status")).toString();
        QVERIFY2(s != QLatin1String("cancelled") && s != QLatin1String("cancelling"), qPrintable(s));
        sim->terminate();
        QVERIFY(sim->waitForFinished(10000));
        QCOMPARE(sim->exitCode(), 0);
#endif
    }
};

QTEST_GUILESS_MAIN(TestProviderCli)
#include "tst_providercli.moc"
