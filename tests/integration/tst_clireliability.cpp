// The real binary misused as a user would (issue 15, items 2, 3, 5, 6, 8, 9): outputs that would
// replace an input, two processes on one run, a mistyped command, exit codes, a refused
// connection, and messages. Every check here failed before its fix.
#include "clirunner.h"
#include "fixtures.h"

#include "core/project/goldsetrepository.h"
#include "core/project/projectfile.h"
#include "core/project/runrepository.h"
#include "core/simulator/simulatorserver.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSysInfo>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/stat.h>
#include <unistd.h>

using namespace cinetune;

namespace {

using Run = test::CliRun;

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

ino_t inodeOf(const QString &path)
{
    struct stat st
    {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_ino : 0;
}

} // namespace

class TestCliReliability : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SimulatorServer> m_server;
    QHash<QByteArray, int> m_requestsByKey;
    int m_chatRequests = 0;
    QString m_ratings; // a file copy of the sample's ratings.csv
    QString m_gold;    // a gold set JSONL of the sample (train 70 %)

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = test::cliEnvironment(m_dir.path());
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        return env;
    }

    QProcess *start(const QStringList &args, const QString &program = {}, const QStringList &prefix = {}) const
    {
        return test::startCli(args, {.environment = environment(), .wrapper = program, .wrapperArgs = prefix}).release();
    }

    // Waits while this thread's event loop keeps the in-process simulator serving.
    static Run finish(QProcess *p, int timeoutMs = 120000, const QByteArray &stdinBytes = {})
    {
        Run r = test::finishCli(std::unique_ptr<QProcess>(p), {.input = stdinBytes, .timeoutMs = timeoutMs});
        if (r.timedOut)
            r.code = -1;
        return r;
    }

    Run cli(const QStringList &args, int timeoutMs = 120000, const QByteArray &stdinBytes = {}) const
    {
        return finish(start(args), timeoutMs, stdinBytes);
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

    // A project with the 20-user gold set "g" (`split` as for cinetune goldset --split).
    QString projectWithGold(const QString &name, const QString &split = QStringLiteral("0/0/100")) const
    {
        const QString project = m_dir.filePath(name + QStringLiteral(".cinetune"));
        const Run g = cli({QStringLiteral("goldset"), QStringLiteral(":sample"), QStringLiteral("--save-to"), project,
                           QStringLiteral("--name"), QStringLiteral("g"), QStringLiteral("--sample-users"), QStringLiteral("20"),
                           QStringLiteral("--split"), split});
        if (g.code != 0)
            qWarning("goldset: %s", g.err.constData());
        return g.code == 0 ? project : QString();
    }

    QStringList runArgs(const QString &project, const QString &baseUrl,
                        const QString &strategy = QStringLiteral("zero-shot")) const
    {
        return {QStringLiteral("run"),
                QStringLiteral("--project"),
                project,
                QStringLiteral("--gold"),
                QStringLiteral("g"),
                QStringLiteral("--target"),
                QStringLiteral("gpt-4o-mini-2024-07-18"),
                QStringLiteral("--base-url"),
                baseUrl,
                QStringLiteral("--kind"),
                QStringLiteral("simulator"),
                QStringLiteral("--strategy"),
                strategy,
                QStringLiteral("--dataset"),
                QStringLiteral(":sample"),
                QStringLiteral("--concurrency"),
                QStringLiteral("2"),
                QStringLiteral("--json")};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo::exists(qEnvironmentVariable("CINETUNE_BINARY")), "CINETUNE_BINARY not set");
        QVERIFY(m_dir.isValid());
        SimulatorServer::Options o;
        o.latencyMs = 150; // a run of 20 users at concurrency 2 takes ~1.5 s: long enough to collide with
        m_server = std::make_unique<SimulatorServer>(o, nullptr);
        QVERIFY(m_server->listen(0).ok());
        connect(m_server.get(), &SimulatorServer::requestReceived, this, [this](const QString &route, const QByteArray &body) {
            if (route != QLatin1String("POST /v1/chat/completions"))
                return;
            ++m_chatRequests;
            ++m_requestsByKey[keyOf(body)];
        });
        cinetune::test::copySample(m_dir.path());
        m_ratings = m_dir.filePath(QStringLiteral("ds/ratings.csv"));
        QVERIFY(QFileInfo::exists(m_ratings));
        m_gold = m_dir.filePath(QStringLiteral("gold.jsonl"));
        const Run g = cli({QStringLiteral("goldset"), QStringLiteral(":sample"), QStringLiteral("--out"), m_gold,
                           QStringLiteral("--sample-users"), QStringLiteral("40")});
        QVERIFY2(g.code == 0, g.err.constData());
    }

    // Item 2: --out equal to an input (directly, through a symbolic link, inside the dataset
    // folder) is refused before any work and the input keeps its bytes; a non-empty synth folder
    // needs --force; a written output replaces the old file by rename (a new inode), never in place.
    void outputNeverReplacesAnInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("victim");
        const QString ratings = QStringLiteral("@RATINGS");
        const QString gold = QStringLiteral("@GOLD");
        const QString link = QStringLiteral("@LINK");
        QTest::newRow("goldset over the ratings file")
            << QStringList{QStringLiteral("goldset"), ratings, QStringLiteral("--out"), ratings, QStringLiteral("--sample-users"),
                           QStringLiteral("20")}
            << ratings;
        QTest::newRow("goldset over a symbolic link to the ratings file")
            << QStringList{QStringLiteral("goldset"), ratings, QStringLiteral("--out"), link, QStringLiteral("--sample-users"),
                           QStringLiteral("20")}
            << ratings;
        QTest::newRow("goldset into the dataset folder's file")
            << QStringList{QStringLiteral("goldset"),        QStringLiteral("@DS"), QStringLiteral("--out"), ratings,
                           QStringLiteral("--sample-users"), QStringLiteral("20")}
            << ratings;
        QTest::newRow("baseline over the gold file") << QStringList{QStringLiteral("baseline"),
                                                                    QStringLiteral("--dataset"),
                                                                    QStringLiteral(":sample"),
                                                                    QStringLiteral("--gold"),
                                                                    gold,
                                                                    QStringLiteral("--model"),
                                                                    QStringLiteral("popular"),
                                                                    QStringLiteral("--out"),
                                                                    gold}
                                                     << gold;
        QTest::newRow("finetune-data over the gold file")
            << QStringList{QStringLiteral("finetune-data"), gold,
                           QStringLiteral("--dataset"),     QStringLiteral(":sample"),
                           QStringLiteral("--split"),       QStringLiteral("train"),
                           QStringLiteral("--out"),         gold}
            << gold;
    }

    void outputNeverReplacesAnInput()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, victim);
        const QString link = m_dir.filePath(QStringLiteral("ratings-link.csv"));
        QFile::remove(link);
        QVERIFY(QFile::link(m_ratings, link));
        for (QString &a : args) {
            a.replace(QStringLiteral("@RATINGS"), m_ratings)
                .replace(QStringLiteral("@GOLD"), m_gold)
                .replace(QStringLiteral("@LINK"), link);
            a.replace(QStringLiteral("@DS"), m_dir.filePath(QStringLiteral("ds")));
        }
        victim.replace(QStringLiteral("@RATINGS"), m_ratings).replace(QStringLiteral("@GOLD"), m_gold);
        const QByteArray before = readAll(victim);
        QVERIFY(!before.isEmpty());
        const Run r = cli(args);
        QCOMPARE(readAll(victim), before);
        QVERIFY2(r.code == 1, r.err.constData());
        QVERIFY2(r.err.contains("would overwrite the input"), r.err.constData());
        QVERIFY(!QFileInfo(link).isSymLink() || QFileInfo(link).symLinkTarget() == m_ratings);
    }

    void synthRefusesNonEmptyFolder()
    {
        const QString folder = m_dir.filePath(QStringLiteral("synth"));
        QVERIFY(QDir().mkpath(folder));
        const QString keep = cinetune::test::writeFile(folder, QStringLiteral("combined_data_1.txt"), "1:\n1,3,2005-01-01\n");
        const QStringList args{QStringLiteral("dataset"), QStringLiteral("synth"), QStringLiteral("--out"), folder,
                               QStringLiteral("--users"), QStringLiteral("30")};
        const Run refused = cli(args);
        QVERIFY2(refused.code == 1, refused.err.constData());
        QVERIFY2(refused.err.contains("is not empty") && refused.err.contains("--force"), refused.err.constData());
        QCOMPARE(readAll(keep), QByteArray("1:\n1,3,2005-01-01\n"));
        const Run forced = cli(args + QStringList{QStringLiteral("--force")});
        QVERIFY2(forced.code == 0, forced.err.constData());
        QVERIFY(readAll(keep) != QByteArray("1:\n1,3,2005-01-01\n"));
        // A new folder needs no --force.
        const Run fresh = cli({QStringLiteral("dataset"), QStringLiteral("synth"), QStringLiteral("--out"),
                               m_dir.filePath(QStringLiteral("synth2")), QStringLiteral("--users"), QStringLiteral("30")});
        QVERIFY2(fresh.code == 0, fresh.err.constData());
    }

    void outputWrittenByRename()
    {
        const QString out = m_dir.filePath(QStringLiteral("atomic.jsonl"));
        QVERIFY(!cinetune::test::writeFile(m_dir.path(), QStringLiteral("atomic.jsonl"), "old\n").isEmpty());
        const ino_t before = inodeOf(out);
        const Run r = cli({QStringLiteral("baseline"), QStringLiteral("--dataset"), QStringLiteral(":sample"),
                           QStringLiteral("--gold"), m_gold, QStringLiteral("--model"), QStringLiteral("popular"),
                           QStringLiteral("--out"), out});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(readAll(out).startsWith("{"));
        QVERIFY(inodeOf(out) != before); // a temporary file renamed over it, not truncated in place
    }

    // Item 3: a second `run` on a run in progress is refused, naming the holder; each user is
    // asked exactly once (counted at the simulator). A lease left by a dead process is taken over.
    void secondRunRefused()
    {
        const QString project = projectWithGold(QStringLiteral("lease"));
        QVERIFY(!project.isEmpty());
        m_requestsByKey.clear();
        m_chatRequests = 0;
        const QStringList args = runArgs(project, m_server->baseUrl());
        QProcess *first = start(args);
        QVERIFY(first->waitForStarted(30000));
        QVERIFY(QTest::qWaitFor([this] { return m_chatRequests >= 1; }, 60000));
        const Run second = cli(args);
        const Run one = finish(first);
        QVERIFY2(one.code == 0, one.err.constData());
        const int users =
            QJsonDocument::fromJson(one.out.trimmed().split('\n').last()).object().value(QStringLiteral("users")).toInt();
        QVERIFY(users >= 10);
        QVERIFY2(second.code == 2, second.err.constData());
        QVERIFY2(second.err.contains("already being sent by process"), second.err.constData());
        QCOMPARE(m_chatRequests, users);
        for (auto it = m_requestsByKey.cbegin(); it != m_requestsByKey.cend(); ++it)
            QCOMPARE(it.value(), 1);
        qInfo("concurrent runs: %d users, %d chat requests, max per user 1; second run: %s", users, m_chatRequests,
              second.err.trimmed().split('\n').last().constData());

        // A lease of a process that no longer exists (pid of a finished child) is taken over.
        QProcess gone;
        gone.start(QStringLiteral("true"));
        QVERIFY(gone.waitForFinished());
        const qint64 deadPid = gone.processId() > 0 ? gone.processId() : 999999;
        {
            auto p = ProjectFile::open(project);
            QVERIFY(p);
            QSqlQuery q(QSqlDatabase::database(p.value()->connectionName()));
            QVERIFY(q.exec(QStringLiteral("SELECT id FROM eval_runs")) && q.next());
            const qint64 runId = q.value(0).toLongLong();
            q.prepare(QStringLiteral("INSERT OR REPLACE INTO run_leases (run_id, token, pid, host, acquired_at, heartbeat_ms) "
                                     "VALUES (?, 'x', ?, ?, '', ?)"));
            q.addBindValue(runId);
            q.addBindValue(deadPid);
            q.addBindValue(QSysInfo::machineHostName());
            q.addBindValue(QDateTime::currentMSecsSinceEpoch());
            QVERIFY(q.exec());
        }
        const Run again = cli(args);
        QVERIFY2(again.code == 0, again.err.constData());
    }

    // Item 5: a mistyped command is a usage error with a suggestion, not a file for the GUI.
    void mistypedCommand()
    {
        const Run r = cli({QStringLiteral("baselinerun"), QStringLiteral("--project"), QStringLiteral("x")}, 15000);
        QVERIFY(!r.timedOut);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("Did you mean \"baseline-run\"?"), r.err.constData());
        const Run s = cli({QStringLiteral("scroe")}, 15000);
        QCOMPARE(s.code, 1);
        QVERIFY2(s.err.contains("\"score\""), s.err.constData());
    }

    // Item 6: one exit-code rule.
    void interruptExits130()
    {
        const QString project = projectWithGold(QStringLiteral("interrupt"));
        QVERIFY(!project.isEmpty());
        m_chatRequests = 0;
        QProcess *p = start(runArgs(project, m_server->baseUrl()));
        QVERIFY(p->waitForStarted(30000));
        QVERIFY(QTest::qWaitFor([this] { return m_chatRequests >= 2; }, 60000));
        ::kill(static_cast<pid_t>(p->processId()), SIGINT);
        const Run r = finish(p);
        QVERIFY2(r.code == 130, r.err.constData());
    }

    void fewShotWithoutTrainingUsersRefused()
    {
        const QString project = projectWithGold(QStringLiteral("fewshot"));
        QVERIFY(!project.isEmpty());
        m_chatRequests = 0;
        const Run r = cli(runArgs(project, m_server->baseUrl(), QStringLiteral("few-shot")));
        QVERIFY2(r.code == 2, r.err.constData());
        QVERIFY2(r.err.contains("train split"), r.err.constData());
        QCOMPARE(m_chatRequests, 0);
        auto p = ProjectFile::open(project);
        QVERIFY(p);
        QVERIFY(RunRepository(*p.value()).list()->isEmpty()); // refused before the run was created
    }

    void reportUnknownRunFails()
    {
        const QString project = projectWithGold(QStringLiteral("report"));
        QVERIFY(!project.isEmpty());
        const Run b = cli({QStringLiteral("baseline-run"), QStringLiteral("--project"), project, QStringLiteral("--gold"),
                           QStringLiteral("g"), QStringLiteral("--baseline"), QStringLiteral("popular"),
                           QStringLiteral("--dataset"), QStringLiteral(":sample")});
        QVERIFY2(b.code == 0, b.err.constData());
        const Run r = cli({QStringLiteral("report"), QStringLiteral("--project"), project, QStringLiteral("--out"),
                           m_dir.filePath(QStringLiteral("report-out")), QStringLiteral("--runs"), QStringLiteral("nosuch"),
                           QStringLiteral("--dataset"), QStringLiteral(":sample")});
        QVERIFY2(r.code == 2, r.err.constData());
        QVERIFY2(r.err.contains("nosuch"), r.err.constData());
    }

    // --label: the run's short label is stored; another run's label is refused with the reason;
    // without it the default ("Most popular") is used.
    void baselineRunLabel()
    {
        const QString project = projectWithGold(QStringLiteral("label"));
        QVERIFY(!project.isEmpty());
        const auto baselineRun = [&](const QString &name, const QStringList &extra) {
            return cli(QStringList{QStringLiteral("baseline-run"), QStringLiteral("--project"), project, QStringLiteral("--gold"),
                                   QStringLiteral("g"), QStringLiteral("--baseline"), QStringLiteral("popular"),
                                   QStringLiteral("--dataset"), QStringLiteral(":sample"), QStringLiteral("--name"), name}
                       + extra);
        };
        const Run a = baselineRun(QStringLiteral("a"), {QStringLiteral("--label"), QStringLiteral("Pop top-10")});
        QVERIFY2(a.code == 0, a.err.constData());
        const Run b = baselineRun(QStringLiteral("b"), {QStringLiteral("--label"), QStringLiteral("POP TOP-10")});
        QVERIFY2(b.code == 2, b.err.constData());
        QVERIFY2(b.err.contains("already labelled"), b.err.constData());
        const Run c = baselineRun(QStringLiteral("c"), {});
        QVERIFY2(c.code == 0, c.err.constData());
        auto p = ProjectFile::open(project);
        QVERIFY(p);
        const QList<StoredRun> runs = RunRepository(*p.value()).list().value();
        QCOMPARE(runs.size(), 2); // b was refused before it was created
        QCOMPARE(runs[0].label, QStringLiteral("Pop top-10"));
        QCOMPARE(runs[1].label, QStringLiteral("Most popular"));
    }

    void evalWithoutScorableUserFails()
    {
        const QString predictions = cinetune::test::writeFile(m_dir.path(), QStringLiteral("other.jsonl"),
                                                              "{\"user\": 999999999, \"items\": [1, 2, 3]}\n");
        const Run r = cli(
            {QStringLiteral("eval"), QStringLiteral("--gold"), m_gold, QStringLiteral("--predictions"), predictions});
        QVERIFY2(r.code == 2, r.out.constData());
        QVERIFY2(r.err.contains("can be scored"), r.err.constData());
        QVERIFY(!r.out.contains("Metric"));
        const Run z = cli({QStringLiteral("eval"), QStringLiteral("--gold"), m_gold, QStringLiteral("--predictions"), predictions,
                           QStringLiteral("--resamples"), QStringLiteral("0")});
        QCOMPARE(z.code, 1);
        QVERIFY2(z.err.contains("--resamples"), z.err.constData());
    }

    // Item 8: a refused connection stops the run at once with one message; no user is stored as
    // failed (they stay pending; nothing was sent).
    void refusedConnectionStopsRun()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close(); // nobody listens there now: connections are refused
        const QString project = projectWithGold(QStringLiteral("refused"));
        QVERIFY(!project.isEmpty());
        QElapsedTimer clock;
        clock.start();
        const Run r = cli(runArgs(project, QStringLiteral("http://127.0.0.1:%1/v1").arg(port)));
        const qint64 ms = clock.elapsed();
        QVERIFY2(r.code == 3, r.err.constData());
        const QJsonObject summary = QJsonDocument::fromJson(r.out.trimmed().split('\n').last()).object();
        const int users = summary.value(QStringLiteral("users")).toInt();
        QVERIFY(users >= 10);
        QCOMPARE(summary.value(QStringLiteral("failed")).toInt(), 0);
        QCOMPARE(summary.value(QStringLiteral("pending")).toInt(), users);
        QCOMPARE(summary.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
        QVERIFY2(r.err.contains("Cannot connect to 127.0.0.1") && r.err.contains("stopped"), r.err.constData());
        qInfo("refused connection: %d users, 0 failed rows, %d pending, %lld ms", users,
              summary.value(QStringLiteral("pending")).toInt(), ms);
    }

    // Item 9: messages.
    void messages()
    {
        const Run faults = cli({QStringLiteral("simulator"), QStringLiteral("--faults"), QStringLiteral("bogus")});
        QCOMPARE(faults.code, 1);
        QCOMPARE(faults.err.count("--faults"), 1);

        const Run url = cli({QStringLiteral("providers"), QStringLiteral("add"), QStringLiteral("bad"), QStringLiteral("--kind"),
                             QStringLiteral("openai-compatible"), QStringLiteral("--base-url"), QStringLiteral("/v1")});
        QCOMPARE(url.code, 1);
        QVERIFY2(url.err.contains("\"/v1\"") && !url.err.contains("file://"), url.err.constData());

        const Run split = cli({QStringLiteral("run"), QStringLiteral("--project"), QStringLiteral("p"), QStringLiteral("--gold"),
                               QStringLiteral("g"), QStringLiteral("--target"), QStringLiteral("x:y"),
                               QStringLiteral("--strategy"), QStringLiteral("zero-shot"), QStringLiteral("--split"),
                               QStringLiteral("bogus")});
        QCOMPARE(split.code, 1);
        QVERIFY2(split.err.contains("--split") && split.err.contains("\"bogus\"") && !split.err.contains("--strategy"),
                 split.err.constData());

        const Run resolve = cli({QStringLiteral("resolve"), QStringLiteral("--dataset"), QStringLiteral(":sample")}, 60000,
                                QByteArray("Toy Story\x1b[31m (1995)\n"));
        QCOMPARE(resolve.code, 0);
        QVERIFY2(!resolve.out.contains('\x1b') && resolve.out.contains("\\u001b"), resolve.out.constData());

        const QString loop1 = m_dir.filePath(QStringLiteral("loop1"));
        const QString loop2 = m_dir.filePath(QStringLiteral("loop2"));
        QVERIFY(QFile::link(loop2, loop1) && QFile::link(loop1, loop2));
        const Run loop = cli({QStringLiteral("dataset"), QStringLiteral("stats"), loop1});
        QCOMPARE(loop.code, 2);
        QVERIFY2(loop.err.contains("symbolic link") && !loop.err.contains("no such file"), loop.err.constData());

        QVERIFY2(!QByteArray(faults.err + url.err + split.err + resolve.err + loop.err).contains("QIODevice"),
                 "Qt warnings on stderr");
    }

    // Two processes saving a gold set of the same name: "already has", never the SQL.
    void sameNameSavedTwice()
    {
        const QString project = m_dir.filePath(QStringLiteral("same.cinetune"));
        const QStringList args{
            QStringLiteral("goldset"), QStringLiteral(":sample"), QStringLiteral("--save-to"),      project,
            QStringLiteral("--name"),  QStringLiteral("same"),    QStringLiteral("--sample-users"), QStringLiteral("60")};
        QVERIFY(cli({QStringLiteral("goldset"), QStringLiteral(":sample"), QStringLiteral("--save-to"), project,
                     QStringLiteral("--name"), QStringLiteral("first"), QStringLiteral("--sample-users"), QStringLiteral("10")})
                    .code
                == 0);
        int collisions = 0;
        for (int round = 0; round < 4; ++round) {
            if (round > 0) {
                auto p = ProjectFile::open(project);
                QVERIFY(p);
                GoldSetRepository golds(*p.value());
                QVERIFY(golds.remove(golds.find(QStringLiteral("same"))->id).ok());
            }
            QProcess *a = start(args);
            QProcess *b = start(args);
            const Run ra = finish(a);
            const Run rb = finish(b);
            QVERIFY2(ra.code == 0 || rb.code == 0, QByteArray(ra.err + rb.err).constData());
            for (const Run *r : {&ra, &rb}) {
                QVERIFY2(!r->err.contains("UNIQUE"), r->err.constData());
                if (r->code != 0) {
                    ++collisions;
                    QVERIFY2(r->err.contains("already has a gold set named"), QByteArray(r->err + r->out).constData());
                }
            }
        }
        qInfo("same name saved by two processes at once: %d of 4 rounds collided, each reported by name", collisions);
    }

    // score only reads: a read-only project (and folder) is scored, and stays unchanged.
    void scoreReadOnlyProject()
    {
        QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/cinetune-ro-XXXXXX"));
        QVERIFY(dir.isValid());
        const QString project = dir.filePath(QStringLiteral("ro.cinetune"));
        const Run g = cli({QStringLiteral("goldset"), QStringLiteral(":sample"), QStringLiteral("--save-to"), project,
                           QStringLiteral("--name"), QStringLiteral("g"), QStringLiteral("--sample-users"), QStringLiteral("20"),
                           QStringLiteral("--split"), QStringLiteral("0/0/100")});
        QVERIFY2(g.code == 0, g.err.constData());
        const Run b = cli({QStringLiteral("baseline-run"), QStringLiteral("--project"), project, QStringLiteral("--gold"),
                           QStringLiteral("g"), QStringLiteral("--baseline"), QStringLiteral("popular"), QStringLiteral("--name"),
                           QStringLiteral("pop")});
        QVERIFY2(b.code == 0, b.err.constData());
        QVERIFY(!QFileInfo::exists(project + QStringLiteral("-wal")) || QFileInfo(project + QStringLiteral("-wal")).size() == 0);
        QFile::remove(project + QStringLiteral("-wal"));
        QFile::remove(project + QStringLiteral("-shm"));
        QVERIFY(QFile::setPermissions(project, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
        QVERIFY(QFile::setPermissions(dir.path(),
                                      QFile::ReadOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther
                                          | QFile::ExeOther));
        const QByteArray before = readAll(project);
        const QStringList args{QStringLiteral("score"),   QStringLiteral("--project"), project,
                               QStringLiteral("--run"),   QStringLiteral("pop"),       QStringLiteral("--dataset"),
                               QStringLiteral(":sample"), QStringLiteral("--json")};
        Run r;
        if (::geteuid() == 0) {
            // root writes anywhere: run it as nobody, for whom the file and folder are read-only.
            const QString cache = m_dir.filePath(QStringLiteral("nobody-cache"));
            QDir().mkpath(cache);
            ::chmod(QFile::encodeName(cache).constData(), 0777);
            ::chmod(QFile::encodeName(m_dir.path()).constData(), 0755);
            QProcess *p = start(args, QStringLiteral("setpriv"),
                                {QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                                 QStringLiteral("--clear-groups"), QStringLiteral("env"),
                                 QStringLiteral("XDG_CACHE_HOME=") + cache, QStringLiteral("XDG_CONFIG_HOME=") + cache});
            r = finish(p);
            if (r.code == -1 || r.err.contains("setpriv"))
                QSKIP("setpriv is not usable here");
        } else {
            r = cli(args);
        }
        QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(QJsonDocument::fromJson(r.out).isObject());
        QCOMPARE(readAll(project), before);
        QVERIFY(!QFileInfo::exists(project + QStringLiteral("-shm")));
    }
};

QTEST_GUILESS_MAIN(TestCliReliability)
#include "tst_clireliability.moc"
