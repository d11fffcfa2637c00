// Secret hygiene of the GUI path (issue 8 item 5), with a real Secret Service: ctest runs this
// under tests/support/with-keyring.sh (a private gnome-keyring-daemon and a fresh HOME).
// A key typed into the Providers dialog goes to the keychain. Then the main window, all log
// categories on (HTTP request headers included), does this with it:
// - tests the connection, and a wrong key once;
// - runs an evaluation through 5xx, a reset, malformed JSON and a 401 that stops it, then resumes it;
// - submits a fine-tuning job and follows it to the end;
// - asks the playground;
// - exports every table and chart, the per-user rows, the report and the playground comparison;
// - saves the project under a new name.
// The simulator accepts only that key, so every answer proves the key was sent. Afterwards every
// file under HOME (settings, caches, the keyring, both projects and their -wal, exports,
// temporary files) and every message logged are searched for the key: zero hits are required,
// and the redacted headers must have been logged (the scanner is checked on a planted file first).
#include "goldsetfixtures.h"
#include "uitest.h"

#include "ui/evaluate/newrundialog.h"
#include "ui/evaluate/runlistmodel.h"
#include "ui/finetune/jobtablemodel.h"
#include "ui/shell/mainwindow.h"
#include "ui/evaluate/evaluatepage.h"
#include "ui/finetune/finetunepage.h"
#include "ui/playground/playgroundpage.h"
#include "ui/results/resultspage.h"
#include "ui/results/reportwriter.h"
#include "ui/playground/columntargetchooser.h"
#include "ui/playground/recommendationcolumn.h"
#include "ui/shell/providersdialog.h"
#include "core/project/goldsetrepository.h"
#include "core/project/projectfile.h"
#include "core/simulator/simulatorserver.h"
#include "ui/dataset/datasetcontroller.h"
#include "ui/evaluate/evaluationcontroller.h"
#include "ui/finetune/finetunecontroller.h"
#include "ui/common/keystore.h"
#include "ui/playground/playgroundcontroller.h"
#include "ui/common/providerservice.h"
#include "ui/shell/workspace.h"
#include "ui/shell/steps.h"
#include "ui/common/messagebanner.h"

#include <QComboBox>
#include <QDirIterator>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QMutex>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

using namespace cinetune;
using namespace cinetune::ui;

namespace {

const QString kKey = QStringLiteral("sk-cinetune-GUI-FAKE-9f8e7d6c5b4a3210");
const QString kModel = QStringLiteral("gpt-4o-mini-2024-07-18");
const QString kChat = QStringLiteral("POST /v1/chat/completions");

// Every message of every thread, whatever its category or level.
QMutex g_logMutex;
QByteArray g_log;
QtMessageHandler g_previous = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&g_logMutex);
        g_log += QByteArray(context.category ? context.category : "default") + ": " + message.toUtf8() + '\n';
    }
    if (type != QtDebugMsg && g_previous) // debug output of every category would drown the test log
        g_previous(type, context, message);
}

QByteArray capturedLog()
{
    QMutexLocker lock(&g_logMutex);
    return g_log;
}

template<typename T>
T *child(QObject *parent, const char *name)
{
    auto *c = parent->findChild<T *>(QString::fromLatin1(name));
    if (!c)
        qWarning("no child %s", name);
    return c;
}

} // namespace

class TestSecretsGui : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void keychainIsReal();
    void scannerFindsTheKey();
    void keyTypedIntoProvidersDialog();
    void evaluationThroughFaults();
    void fineTuneJobFollowed();
    void playgroundAnswers();
    void exportsReportAndSaveAs();
    void noKeyAnywhere();

private:
    QStringList filesWithKey() const;

    QString m_home; // everything the test and the application write is under it
    std::unique_ptr<SimulatorServer> m_server;
    std::unique_ptr<MainWindow> m_window;
    int m_chats = 0;
    int m_okAnswers = 0;
    int m_unauthorized = 0;
};

void TestSecretsGui::initTestCase()
{
    m_home = qEnvironmentVariable("CINETUNE_KEYRING_HOME");
    if (m_home.isEmpty())
        QFAIL(
            "run this test through tests/support/with-keyring.sh (ctest does): it needs a Secret Service and a HOME of its own");
    QCOMPARE(QDir::homePath(), m_home);
    uitest::prepare();
    g_previous = qInstallMessageHandler(captureMessage);
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true\nqt.*.debug=false"));

    SimulatorServer::Options o;
    o.apiKey = kKey.toUtf8();
    o.jobDurationMs = 1500;
    o.latencyMs = 20;
    m_server = std::make_unique<SimulatorServer>(o, nullptr);
    QVERIFY(m_server->listen(0).ok());
    connect(m_server.get(), &SimulatorServer::requestReceived, this,
            [this](const QString &route, const QByteArray &) { m_chats += route == kChat; });
    connect(m_server.get(), &SimulatorServer::requestHandled, this, [this](const QString &route, int status) {
        m_okAnswers += route == kChat && status == 200;
        m_unauthorized += status == 401;
    });

    m_window = std::make_unique<MainWindow>();
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->openPath(uitest::samplePath());
    QTRY_VERIFY_WITH_TIMEOUT(m_window->datasets()->current() != nullptr, 60000);
    QVERIFY(QDir().mkpath(m_home + QStringLiteral("/projects")));
    QVERIFY(m_window->createProjectFile(m_home + QStringLiteral("/projects/secret.cinetune")));
    m_window->fineTune()->setPollInterval(100, 300);
}

void TestSecretsGui::cleanupTestCase()
{
    m_window.reset();
    m_server.reset();
    qInstallMessageHandler(g_previous);
}

// The keychain of this test is a real one: a key written is read back, then removed.
void TestSecretsGui::keychainIsReal()
{
    KeyStore store;
    const QString probe = QStringLiteral("probe-value-42");
    std::optional<std::pair<bool, QString>> answer;
    store.writeKey(QStringLiteral("probe"), probe, this, [&](bool ok, const QString &message) { answer = {ok, message}; });
    QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 20000);
    QVERIFY2(answer->first, qPrintable(QStringLiteral("no keychain: ") + answer->second));
    answer.reset();
    store.readKey(QStringLiteral("probe"), this, [&](bool ok, const QString &keyOrError) { answer = {ok, keyOrError}; });
    QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 20000);
    QVERIFY(answer->first);
    QCOMPARE(answer->second, probe);
    answer.reset();
    store.removeKey(QStringLiteral("probe"), this, [&](bool ok, const QString &message) { answer = {ok, message}; });
    QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 20000);
    QVERIFY2(answer->first, qPrintable(answer->second));
}

QStringList TestSecretsGui::filesWithKey() const
{
    QStringList hits;
    const QByteArray key = kKey.toUtf8();
    QDirIterator it(m_home, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(key))
            hits << QDir(m_home).relativeFilePath(path);
    }
    return hits;
}

void TestSecretsGui::scannerFindsTheKey()
{
    const QString planted = m_home + QStringLiteral("/.cache/planted.txt");
    QVERIFY(QDir().mkpath(QFileInfo(planted).path()));
    {
        QFile f(planted);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("x" + kKey.toUtf8() + "y");
    }
    QCOMPARE(filesWithKey(), QStringList{QStringLiteral(".cache/planted.txt")});
    QVERIFY(QFile::remove(planted));
    QVERIFY(filesWithKey().isEmpty());
}

void TestSecretsGui::keyTypedIntoProvidersDialog()
{
    ProvidersDialog dialog(m_window->providers());
    dialog.show();
    child<QLineEdit>(&dialog, "nameEdit")->setText(QStringLiteral("sec"));
    auto *kind = child<QComboBox>(&dialog, "kindCombo");
    kind->setCurrentIndex(kind->findData(providerKindId(ProviderKind::OpenAICompatible)));
    child<QLineEdit>(&dialog, "baseUrlEdit")->setText(m_server->baseUrl());
    child<QLineEdit>(&dialog, "defaultModelEdit")->setText(kModel);
    child<QLineEdit>(&dialog, "chatModelEdit")->setText(kModel);
    child<QRadioButton>(&dialog, "keychainRadio")->setChecked(true);
    auto *key = child<QLineEdit>(&dialog, "keyEdit");
    QCOMPARE(key->echoMode(), QLineEdit::Password);
    QTest::keyClicks(key, kKey);

    // A wrong key first: the simulator refuses it, the message says so without the key.
    const QString wrong = QStringLiteral("sk-cinetune-WRONG-0000");
    key->setText(wrong);
    dialog.testConnection();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.testResultText().startsWith(QLatin1String("Connection failed")), 20000);
    QVERIFY2(dialog.testResultText().contains(QLatin1String("key"), Qt::CaseInsensitive), qPrintable(dialog.testResultText()));
    QVERIFY(!dialog.testResultText().contains(wrong));
    QVERIFY(m_unauthorized >= 1);

    key->setText(kKey);
    dialog.testConnection();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.testResultText().startsWith(QLatin1String("Connected")), 20000);
    QVERIFY(dialog.saveProfile());
    QVERIFY(key->text().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(dialog.statusText(), QStringLiteral("Saved. The key is in the keychain."), 20000);

    // After a restart the key comes back from the keychain only.
    ProviderService restarted;
    QSignalSpy loaded(&restarted, &ProviderService::keyLoaded);
    restarted.loadKeys();
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 20000);
    QCOMPARE(loaded.first().at(0).toString(), QStringLiteral("sec"));
    QVERIFY2(loaded.first().at(1).toBool(), qPrintable(loaded.first().at(2).toString()));
    QVERIFY(restarted.client(QStringLiteral("sec")).ok());
}

// 5xx, a reset and malformed JSON are retried or stored as failed; a 401 from the 6th request on
// stops the run; Resume after the key works again answers everyone.
void TestSecretsGui::evaluationThroughFaults()
{
    ProjectFile *project = m_window->workspace()->project();
    QVERIFY(project);
    const GoldSet set = cinetune::test::sixteenUserGoldSet(*m_window->datasets()->current()->dataset);
    const Result<qint64> goldId = GoldSetRepository(*project).add(QStringLiteral("sample16"), set, "f");
    QVERIFY(goldId.ok());
    qint64 testUsers = 0;
    for (const GoldSetUser &u : set.users)
        testUsers += u.split == GoldSetSplit::Test;

    const QString at = QStringLiteral("@POST:/v1/chat/completions");
    QVERIFY(m_server->setFaults(QStringLiteral("500%1#2,reset%1#1,malformed%1#1").arg(at)).ok());
    const int chatsBefore = m_chats;
    auto switchOn401 = connect(m_server.get(), &SimulatorServer::requestReceived, this,
                               [this, chatsBefore](const QString &route, const QByteArray &) {
                                   if (route == kChat && m_chats == chatsBefore + 6)
                                       QVERIFY(m_server->setFaults(QStringLiteral("401@POST:/v1/chat/completions#0")).ok());
                               });

    m_window->setCurrentStep(int(Step::Evaluate));
    EvaluatePage *page = m_window->evaluatePage();
    page->button(QStringLiteral("newRunButton"))->click();
    NewRunDialog *dialog = page->openDialog();
    QVERIFY(dialog);
    dialog->setGoldSet(goldId.value());
    dialog->setModelTarget(QStringLiteral("sec"), kModel);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->estimateText() != QStringLiteral("—"), 20000);
    QVERIFY(dialog->startButton()->isEnabled());
    dialog->startButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(page->runModel()->rowCount(), 1, 5000);
    const qint64 runId = page->runModel()->rows().last().run.id;
    EvaluationController *eval = m_window->evaluation();
    QTRY_VERIFY_WITH_TIMEOUT(!eval->isActive(runId), 60000);
    disconnect(switchOn401);
    QCOMPARE(page->runModel()->index(page->runModel()->rowOf(runId), RunListModel::StatusColumn).data().toString(),
             QStringLiteral("Failed"));
    QVERIFY(page->banner()->details().contains(QLatin1String("key"), Qt::CaseInsensitive));
    QVERIFY(!page->banner()->details().contains(kKey));
    QVERIFY(eval->counts(runId).ok < testUsers);

    QVERIFY(m_server->setFaults(QString()).ok());
    page->selectRun(runId);
    QVERIFY(page->button(QStringLiteral("resumeButton"))->isEnabled());
    page->button(QStringLiteral("resumeButton"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(!eval->isActive(runId), 60000);
    QTRY_COMPARE_WITH_TIMEOUT(eval->counts(runId).ok + eval->counts(runId).failed, testUsers, 10000);
    QVERIFY(eval->counts(runId).ok >= testUsers - 2); // the reset and the malformed answer may stay failed
}

void TestSecretsGui::fineTuneJobFollowed()
{
    const QString training = m_home + QStringLiteral("/projects/train.jsonl");
    {
        QFile f(training);
        QVERIFY(f.open(QIODevice::WriteOnly));
        for (int i = 0; i < 12; ++i) {
            f.write(QStringLiteral(R"j({"messages":[{"role":"system","content":"You recommend movies."},)j"
                                   R"j({"role":"user","content":"I liked movie %1. Recommend 3."},)j"
                                   R"j({"role":"assistant","content":"1. Heat (1995)\n2. Casino (1995)\n3. Se7en (1995)"}]})j")
                        .arg(i)
                        .toUtf8()
                    + '\n');
        }
    }
    m_window->setCurrentStep(int(Step::FineTune));
    FineTunePage *page = m_window->fineTunePage();
    page->setProvider(QStringLiteral("sec"));
    page->setTrainingFile(training);
    QTRY_VERIFY_WITH_TIMEOUT(page->submitButton()->isEnabled(), 30000);
    page->submitButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(page->jobModel()->rowCount(), 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(page->jobModel()->index(0, 0).data(JobTableModel::StatusIdRole).toString(),
                              QStringLiteral("succeeded"), 30000);
    QCOMPARE(m_server->jobCount(), 1);
}

void TestSecretsGui::playgroundAnswers()
{
    m_window->setCurrentStep(int(Step::Playground));
    auto *page = m_window->findChild<PlaygroundPage *>();
    QVERIFY(page);
    QTRY_VERIFY_WITH_TIMEOUT(page->controller()->isReady(), 20000);
    RecommendationColumn *column = page->columns().first();
    column->chooser()->setTarget(QStringLiteral("provider:sec"));
    const auto hits = page->controller()->searchIndex().query(QStringLiteral("toy story"), 1);
    QVERIFY(!hits.empty());
    QVERIFY(page->controller()->addMovie(hits.front()).ok());
    QTRY_COMPARE_WITH_TIMEOUT(column->state(), RecommendationColumn::State::Done, 30000);
    QVERIFY(!column->items().empty());
}

void TestSecretsGui::exportsReportAndSaveAs()
{
    const QString exports = m_home + QStringLiteral("/exports");
    QVERIFY(QDir().mkpath(exports));
    auto *playground = m_window->findChild<PlaygroundPage *>();
    QVERIFY(playground);
    QVERIFY(playground->exportComparison(exports + QStringLiteral("/playground.csv")).ok());

    ResultsPage *results = m_window->resultsPage();
    QSignalSpy scored(results, &ResultsPage::runsScored);
    m_window->setCurrentStep(int(Step::Results));
    results->refreshRuns();
    QTRY_VERIFY_WITH_TIMEOUT(!scored.isEmpty() && !results->scoring(), 60000);
    QVERIFY(scored.last().at(0).toInt() >= 1);
    const Result<int> files = results->exportAllTo(exports, QSize(800, 500), 96);
    QVERIFY2(files.ok(), qPrintable(files ? QString() : files.error().message));
    QVERIFY(files.value() > 5);
    const Result<ReportFiles> report = results->writeReportTo(exports + QStringLiteral("/report"));
    QVERIFY2(report.ok(), qPrintable(report ? QString() : report.error().message));
    {
        QFile csv(exports + QStringLiteral("/per-user.csv"));
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write(results->perUserCsv().toUtf8());
    }
    QVERIFY(m_window->saveProjectFileAs(m_home + QStringLiteral("/projects/secret copy.cinetune")));
    QVERIFY(QFileInfo::exists(m_home + QStringLiteral("/projects/secret copy.cinetune")));
}

void TestSecretsGui::noKeyAnywhere()
{
    QVERIFY(m_okAnswers > 0); // answers came, so the key was sent (the simulator accepts no other)
    QSettings().sync();
    QVERIFY(QFileInfo::exists(QSettings().fileName())); // profiles were written (and are searched)
    QVERIFY(QFileInfo::exists(m_home + QStringLiteral("/projects/secret.cinetune-wal"))
            || QFileInfo::exists(m_home + QStringLiteral("/projects/secret copy.cinetune")));
    const QStringList hits = filesWithKey();
    QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QStringLiteral(", "))));
    const QByteArray log = capturedLog();
    QVERIFY2(log.contains("<redacted>"), "the request headers were logged, redacted");
    QVERIFY2(!log.contains(kKey.toUtf8()), "the key appeared in a logged message");
    qInfo("searched %lld bytes of log messages and every file under HOME; %d chat requests, %d answered", qint64(log.size()),
          m_chats, m_okAnswers);
}

QTEST_MAIN(TestSecretsGui)
#include "tst_secretsgui.moc"
