// Network faults through the GUI (issue 8 item 3): the Evaluate page runs an evaluation against
// the offline simulator with one injected fault per row (429 with Retry-After, a 500/503 burst, a
// connection reset mid-body, a stall past the timeout, malformed JSON, a 401 in the middle of the
// run). For each: the run finishes or stops with its state in the run table (and the banner for a
// stop), every user has at most one stored row (exactly one unless the run stopped), no request
// was sent more often than the retry limit, and Retry Failed / Resume afterwards sends only the
// users without an answer, once each. A provider whose host does not resolve (DNS failure) ends the
// run with nothing stored as ok and a message naming the host.
#include "goldsetfixtures.h"
#include "uitest.h"

#include "ui/shell/backgroundtasks.h"
#include "ui/evaluate/newrundialog.h"
#include "ui/evaluate/runlistmodel.h"
#include "ui/evaluate/evaluatepage.h"
#include "core/project/goldsetrepository.h"
#include "core/project/projectfile.h"
#include "core/project/runrepository.h"
#include "core/providers/httptypes.h"
#include "core/simulator/simulatorserver.h"
#include "ui/dataset/datasetcontroller.h"
#include "ui/evaluate/evaluationcontroller.h"
#include "ui/common/providerservice.h"
#include "ui/common/messagebanner.h"

#include <QCryptographicHash>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace cinetune;
using namespace cinetune::ui;

namespace {

// The evaluation scheduler's retry limit (RetryPolicy's default: the first try and four retries).
const int kAttempts = RetryPolicy().maxAttempts;
constexpr int kUsers = 12; // test users of the gold set
const QString kChat = QStringLiteral("POST /v1/chat/completions");

} // namespace

class TestEvaluateFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void faults_data();
    void faults();
    void dnsFailure();

private:
    void setUpProject(const QString &name);
    qint64 startRun(EvaluatePage &page, const QString &profile = QStringLiteral("sim"));
    int maxSendsOfOneRequest() const;

    QTemporaryDir m_dir;
    std::unique_ptr<BackgroundTasks> m_tasks;
    std::unique_ptr<DatasetController> m_datasets;
    std::unique_ptr<ProviderService> m_providers;
    std::unique_ptr<EvaluationController> m_controller;
    std::unique_ptr<ProjectFile> m_project;
    std::unique_ptr<SimulatorServer> m_server;
    QHash<QByteArray, int> m_sendsByBody; // SHA-256 of a chat body -> times received
    int m_chats = 0;
    qint64 m_goldId = 0;
};

void TestEvaluateFaults::initTestCase()
{
    uitest::prepare();
    QVERIFY(m_dir.isValid());
    m_tasks = std::make_unique<BackgroundTasks>();
    m_datasets = std::make_unique<DatasetController>(m_tasks.get());
    m_datasets->load(QString::fromLatin1(kSamplePath));
    QTRY_VERIFY_WITH_TIMEOUT(m_datasets->current() != nullptr, 60000);
}

void TestEvaluateFaults::init()
{
    SimulatorServer::Options o;
    o.latencyMs = 20;
    m_server = std::make_unique<SimulatorServer>(o, nullptr);
    QVERIFY(m_server->listen(0).ok());
    m_sendsByBody.clear();
    m_chats = 0;
    connect(m_server.get(), &SimulatorServer::requestReceived, this, [this](const QString &route, const QByteArray &body) {
        if (route != kChat)
            return;
        ++m_chats;
        ++m_sendsByBody[QCryptographicHash::hash(body, QCryptographicHash::Sha256)];
    });
    QSettings().remove(QStringLiteral("providers"));
    m_providers = std::make_unique<ProviderService>();
    m_providers->setTimeouts(1000, kAttempts);
    ProviderProfile p;
    p.name = QStringLiteral("sim");
    p.kind = ProviderKind::Simulator;
    p.baseUrl = QUrl(m_server->baseUrl());
    p.defaultModel = QStringLiteral("gpt-4o-mini-2024-07-18");
    p.defaultChatModel = QStringLiteral("gpt-4o-mini-2024-07-18");
    p.concurrency = 3;
    QVERIFY(m_providers->saveProfile(p).ok());
    m_controller = std::make_unique<EvaluationController>(m_providers.get(), m_datasets.get(), m_tasks.get());
    // Short, so a stalled answer costs a second, not a minute.
    m_controller->setRequestTimeout(1000);
}

void TestEvaluateFaults::cleanup()
{
    m_controller.reset();
    m_project.reset();
    m_providers.reset();
    m_server.reset();
}

// A gold set of 16 sample users (12 test): profile = a user's first five rated movies, gold = the next five.
void TestEvaluateFaults::setUpProject(const QString &name)
{
    auto project = ProjectFile::create(m_dir.filePath(name));
    QVERIFY(project.ok());
    m_project = std::move(project.value());
    const GoldSet set = cinetune::test::sixteenUserGoldSet(*m_datasets->current()->dataset);
    auto id = GoldSetRepository(*m_project).add(QStringLiteral("sample16"), set, "f");
    QVERIFY(id.ok());
    m_goldId = id.value();
    m_controller->setProject(m_project.get());
}

qint64 TestEvaluateFaults::startRun(EvaluatePage &page, const QString &profile)
{
    const int before = page.runModel()->rowCount();
    page.button(QStringLiteral("newRunButton"))->click();
    NewRunDialog *dialog = page.openDialog();
    if (!dialog)
        return 0;
    dialog->setGoldSet(m_goldId);
    dialog->setModelTarget(profile, QStringLiteral("gpt-4o-mini-2024-07-18"));
    if (!QTest::qWaitFor([dialog] { return dialog->estimateText() != QStringLiteral("—"); }, 20000)
        || !dialog->startButton()->isEnabled())
        return 0;
    dialog->startButton()->click();
    if (!QTest::qWaitFor([&page, before] { return page.runModel()->rowCount() == before + 1; }, 5000))
        return 0;
    return page.runModel()->rows().last().run.id;
}

int TestEvaluateFaults::maxSendsOfOneRequest() const
{
    int most = 0;
    for (const int n : m_sendsByBody)
        most = std::max(most, n);
    return most;
}

void TestEvaluateFaults::faults_data()
{
    QTest::addColumn<QString>("spec");            // simulator faults from the start
    QTest::addColumn<bool>("unauthorizedMidRun"); // 401 on every request from the 4th on
    QTest::addColumn<QString>("status");          // the run table's status after the faulty run
    QTest::addColumn<int>("minOk");
    // Failed rows allowed: answers that arrived broken; for the 401, the requests it answered.
    QTest::addColumn<int>("maxFailed");
    QTest::addColumn<int>("maxRequests"); // chat requests of the faulty run
    const QString at = QStringLiteral("@POST:/v1/chat/completions");
    QTest::newRow("429 Retry-After") << QStringLiteral("429=1%1#3").arg(at) << false << QStringLiteral("Finished") << kUsers << 0
                                     << kUsers + 3;
    QTest::newRow("500/503 burst") << QStringLiteral("500%1#2,503%1#2").arg(at) << false << QStringLiteral("Finished") << kUsers
                                   << 0 << kUsers + 4;
    // Half the body of a 200 arrives, then the connection drops: stored as failed or retried, depending on
    // whether Qt reports the half body or the reset; Qt may also resend a request it had queued on that
    // connection itself (as in the CLI matrix's "drop" row), so up to two extra sends per reset.
    QTest::newRow("reset mid-body") << QStringLiteral("reset%1#2").arg(at) << false << QStringLiteral("Finished") << kUsers - 2
                                    << 2 << kUsers + 4;
    QTest::newRow("stall past timeout") << QStringLiteral("stall=4000%1#2").arg(at) << false << QStringLiteral("Finished")
                                        << kUsers << 0 << kUsers + 2;
    QTest::newRow("malformed JSON") << QStringLiteral("malformed%1#2").arg(at) << false << QStringLiteral("Finished")
                                    << kUsers - 2 << 2 << kUsers;
    QTest::newRow("401 mid-run") << QString() << true << QStringLiteral("Failed") << 3 << 3 << kUsers;
}

void TestEvaluateFaults::faults()
{
    QFETCH(QString, spec);
    QFETCH(bool, unauthorizedMidRun);
    QFETCH(QString, status);
    QFETCH(int, minOk);
    QFETCH(int, maxFailed);
    QFETCH(int, maxRequests);

    QVERIFY(m_server->setFaults(spec).ok());
    if (unauthorizedMidRun) {
        connect(m_server.get(), &SimulatorServer::requestReceived, this, [this](const QString &route, const QByteArray &) {
            if (route == kChat && m_chats == 4)
                QVERIFY(m_server->setFaults(QStringLiteral("401@POST:/v1/chat/completions#0")).ok());
        });
    }
    setUpProject(QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char('/'), QLatin1Char('-')));
    EvaluatePage page(m_controller.get());
    page.resize(1200, 800);
    page.show();
    QSignalSpy stopped(m_controller.get(), &EvaluationController::runStopped);
    const qint64 runId = startRun(page);
    QVERIFY(runId > 0);
    QTRY_VERIFY_WITH_TIMEOUT(!m_controller->isActive(runId), 30000);
    QTRY_VERIFY(stopped.count() >= 1);

    // The state the page shows.
    const int row = page.runModel()->rowOf(runId);
    QCOMPARE(page.runModel()->index(row, RunListModel::StatusColumn).data().toString(), status);
    const RunCounts counts = m_controller->counts(runId);
    QVERIFY2(counts.ok >= minOk, qPrintable(QString::number(counts.ok)));
    QVERIFY2(counts.failed <= maxFailed, qPrintable(QString::number(counts.failed)));
    QCOMPARE(page.runModel()->index(row, RunListModel::FailedColumn).data().toString(), QString::number(counts.failed));
    if (unauthorizedMidRun) {
        // Stopped at the key error instead of failing every remaining user; the banner says why.
        QVERIFY(page.banner()->isVisibleTo(&page));
        QCOMPARE(page.banner()->headline(), QStringLiteral("The run stopped"));
        QVERIFY2(page.banner()->details().contains(QLatin1String("key"), Qt::CaseInsensitive),
                 qPrintable(page.banner()->details()));
        QVERIFY(counts.ok < kUsers);
        QVERIFY(page.button(QStringLiteral("resumeButton"))->isEnabled());
    } else {
        QCOMPARE(counts.ok + counts.failed, qint64(kUsers));
    }

    // One stored row per user at most; bounded retries at the server.
    {
        RunRepository runs(*m_project);
        const auto responses = runs.responses(runId);
        QVERIFY(responses.ok());
        QSet<std::uint32_t> users;
        for (const StoredResponse &r : responses.value()) {
            QVERIFY2(!users.contains(r.user), qPrintable(QStringLiteral("user %1 stored twice").arg(r.user)));
            users.insert(r.user);
            QVERIFY(r.ok ? !r.rawText.isEmpty() : !r.errorMessage.isEmpty());
        }
        QCOMPARE(qint64(users.size()), counts.ok + counts.failed);
    }
    qInfo("%s: %s, %lld ok, %lld failed, %d chat requests, at most %d sends of one request", QTest::currentDataTag(),
          qPrintable(status), counts.ok, counts.failed, m_chats, maxSendsOfOneRequest());
    QVERIFY2(m_chats <= maxRequests, qPrintable(QString::number(m_chats)));
    QVERIFY2(maxSendsOfOneRequest() <= kAttempts, qPrintable(QString::number(maxSendsOfOneRequest())));
    QVERIFY(m_project->integrityCheck().ok());

    // Faults off: Retry Failed / Resume asks only for the users without an answer, once each.
    QVERIFY(m_server->setFaults(QString()).ok());
    disconnect(m_server.get(), &SimulatorServer::requestReceived, this, nullptr);
    int again = 0;
    connect(m_server.get(), &SimulatorServer::requestReceived, this,
            [&again](const QString &route, const QByteArray &) { again += route == kChat; });
    const qint64 missing = kUsers - counts.ok;
    page.selectRun(runId);
    if (missing > 0) {
        const QString button = unauthorizedMidRun ? QStringLiteral("resumeButton") : QStringLiteral("retryButton");
        QVERIFY(page.button(button)->isEnabled());
        page.button(button)->click();
        QTRY_VERIFY_WITH_TIMEOUT(!m_controller->isActive(runId), 30000);
    }
    QCOMPARE(m_controller->counts(runId).ok, qint64(kUsers));
    QCOMPARE(m_controller->counts(runId).failed, qint64(0));
    QCOMPARE(qint64(again), missing);
    QTRY_COMPARE(page.runModel()->index(page.runModel()->rowOf(runId), RunListModel::StatusColumn).data().toString(),
                 QStringLiteral("Finished"));
}

// The provider's host does not resolve: no answer, no crash, the run ends with its state shown and a
// message naming the host; nothing reached any server.
void TestEvaluateFaults::dnsFailure()
{
    const QString host = QStringLiteral("cinetune-nonexistent.invalid");
    qputenv("CINETUNE_TEST_DNS_KEY", "sk-cinetune-dns-FAKE-0123456789");
    ProviderProfile p;
    p.name = QStringLiteral("nowhere");
    p.kind = ProviderKind::OpenAICompatible;
    p.baseUrl = QUrl(QStringLiteral("https://%1/v1").arg(host));
    p.keyVariable = QStringLiteral("CINETUNE_TEST_DNS_KEY");
    p.defaultModel = QStringLiteral("gpt-4o-mini-2024-07-18");
    p.defaultChatModel = QStringLiteral("gpt-4o-mini-2024-07-18");
    p.concurrency = 3;
    QVERIFY(m_providers->saveProfile(p).ok());
    setUpProject(QStringLiteral("dns"));
    EvaluatePage page(m_controller.get());
    page.resize(1200, 800);
    page.show();
    const qint64 runId = startRun(page, QStringLiteral("nowhere"));
    QVERIFY(runId > 0);
    QTRY_VERIFY_WITH_TIMEOUT(!m_controller->isActive(runId), 60000);

    const RunCounts counts = m_controller->counts(runId);
    QCOMPARE(counts.ok, qint64(0));
    const QString status = page.runModel()->index(page.runModel()->rowOf(runId), RunListModel::StatusColumn).data().toString();
    QVERIFY2(status == QLatin1String("Finished") || status == QLatin1String("Failed"), qPrintable(status));
    // The host is named where the user looks: the banner of a stopped run, or the failed rows.
    QString said = page.banner()->isVisibleTo(&page) ? page.banner()->details() : QString();
    const auto responses = RunRepository(*m_project).responses(runId);
    QVERIFY(responses.ok());
    QSet<std::uint32_t> users;
    for (const StoredResponse &r : responses.value()) {
        QVERIFY(!users.contains(r.user));
        users.insert(r.user);
        said += QLatin1Char(' ') + r.errorMessage;
    }
    QVERIFY2(said.contains(host), qPrintable(said));
    QCOMPARE(m_chats, 0);
    QVERIFY(m_project->integrityCheck().ok());
    qInfo("DNS failure: %s, %lld failed, message: %s", qPrintable(status), counts.failed,
          qPrintable(responses->empty() ? page.banner()->details() : responses->front().errorMessage));
}

QTEST_MAIN(TestEvaluateFaults)
#include "tst_evaluatefaults.moc"
