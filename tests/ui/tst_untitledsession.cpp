// An untitled session is a project (issue 16 item 3, issue 17 item 3): the workspace holds a
// temporary project file from the start, so the whole pipeline works without a Save first —
// a gold set is built, its training split written and fine-tuned on the simulator, the fine-tuned
// model evaluated on the test split — and Save As afterwards keeps all of it (gold set, job, run)
// in the chosen file and removes the temporary one. Closing an untitled session that holds work
// asks first; one that holds none closes quietly and leaves nothing behind.
#include "uitest.h"

#include "ui/evaluate/newrundialog.h"
#include "ui/evaluate/runlistmodel.h"
#include "ui/shell/mainwindow.h"
#include "ui/finetune/jobtablemodel.h"
#include "ui/evaluate/evaluatepage.h"
#include "ui/finetune/finetunepage.h"
#include "ui/goldset/goldsetpage.h"
#include "core/project/goldsetrepository.h"
#include "core/project/jobrepository.h"
#include "core/project/projectfile.h"
#include "core/project/runrepository.h"
#include "core/providers/providerprofile.h"
#include "core/simulator/simulatorserver.h"
#include "ui/dataset/datasetcontroller.h"
#include "ui/evaluate/evaluationcontroller.h"
#include "ui/finetune/finetunecontroller.h"
#include "ui/goldset/goldsetcontroller.h"
#include "ui/common/providerservice.h"
#include "ui/shell/workspace.h"
#include "ui/shell/steps.h"

#include <QComboBox>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cinetune;
using namespace cinetune::ui;

namespace {

const QString kModel = QStringLiteral("gpt-4o-mini-2024-07-18");

} // namespace

class TestUntitledSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void pipelineWithoutSaveThenSaveAs();
    void closingAsksWhenWorkWouldBeLost();
    void emptySessionLeavesNothingBehind();

private:
    // Loads the sample into the window and builds a temporal hold-out gold set of `users` users.
    qint64 buildGoldSet(MainWindow &w, std::uint32_t users);

    QTemporaryDir m_dir;
    std::unique_ptr<SimulatorServer> m_server;
};

void TestUntitledSession::initTestCase()
{
    uitest::prepare();
    QVERIFY(m_dir.isValid());
    SimulatorServer::Options o;
    o.jobDurationMs = 1500;
    o.latencyMs = 5;
    m_server = std::make_unique<SimulatorServer>(o, nullptr);
    QVERIFY(m_server->listen(0).ok());
    QSettings().remove(QStringLiteral("providers"));
    ProviderService service;
    ProviderProfile p;
    p.name = QStringLiteral("sim");
    p.kind = ProviderKind::Simulator;
    p.baseUrl = QUrl(m_server->baseUrl());
    p.defaultModel = kModel;
    p.defaultChatModel = kModel;
    QVERIFY(service.saveProfile(p).ok());
}

void TestUntitledSession::cleanupTestCase()
{
    m_server.reset();
}

qint64 TestUntitledSession::buildGoldSet(MainWindow &w, std::uint32_t users)
{
    QSignalSpy shown(w.datasets(), &DatasetController::datasetChanged);
    w.openPath(uitest::samplePath());
    if (!shown.wait(120000))
        return 0;
    GoldSetController *goldSets = w.findChild<GoldSetController *>();
    QSignalSpy built(goldSets, &GoldSetController::buildFinished);
    GoldSetSpec spec = GoldSetSpec::temporalHoldout();
    spec.users = users;
    goldSets->build(spec);
    if (!built.wait(120000))
        return 0;
    const auto outcome = built.first().at(0).value<GoldSetBuildOutcome>();
    if (!outcome.set) {
        qWarning("build failed: %s", qPrintable(outcome.error ? outcome.error->message : QString()));
        return 0;
    }
    const Result<qint64> id = goldSets->add(goldSets->uniqueName(QStringLiteral("Hold-out")), *outcome.set,
                                            outcome.datasetFingerprint, outcome.diagnostics);
    if (!id) {
        qWarning("add failed: %s", qPrintable(id.error().message));
        return 0;
    }
    return id.value();
}

void TestUntitledSession::pipelineWithoutSaveThenSaveAs()
{
    auto w = std::make_unique<MainWindow>();
    w->resize(1400, 900);
    w->show();
    QVERIFY(QTest::qWaitForWindowExposed(w.get()));
    Workspace *ws = w->workspace();

    // A fresh window is an untitled session with a project behind it.
    QVERIFY(ws->isUntitled());
    QVERIFY(ws->hasProject());
    QVERIFY(!ws->hasUnsavedWork());
    QVERIFY(w->windowTitle().startsWith(QStringLiteral("Untitled")));
    QVERIFY(ws->projectPath().isEmpty());
    const QString temporary = ws->project()->path();
    QVERIFY(QFileInfo::exists(temporary));
    QVERIFY(temporary.startsWith(QDir(QStandardPaths::writableLocation(QStandardPaths::TempLocation)).absolutePath()));

    // Gold set.
    const qint64 goldId = buildGoldSet(*w, 60);
    QVERIFY(goldId > 0);
    QVERIFY(ws->hasUnsavedWork());
    QVERIFY(w->findChild<GoldSetPage *>()->storageNote().contains(QLatin1String("Untitled")));
    const std::optional<StoredGoldSet> gold = w->findChild<GoldSetController *>()->goldSet(goldId);
    QVERIFY(gold);
    const qint64 testUsers = gold->splitUsers[static_cast<std::size_t>(GoldSetSplit::Test)];
    QVERIFY(testUsers > 0);

    // Fine-tune on the simulator: the page writes the training split and submits.
    w->fineTune()->setPollInterval(100, 300);
    w->setCurrentStep(int(Step::FineTune));
    FineTunePage *ft = w->fineTunePage();
    ft->setProvider(QStringLiteral("sim"));
    ft->pickGoldSet(goldId);
    QTRY_VERIFY_WITH_TIMEOUT(ft->goldSetNote().contains(QLatin1String("temporary folder")), 60000);
    QTRY_VERIFY_WITH_TIMEOUT(ft->submitButton()->isEnabled(), 60000);
    ft->submitButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(ft->jobModel()->rowCount(), 1, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(ft->jobModel()->index(0, 0).data(JobTableModel::StatusIdRole).toString(),
                              QStringLiteral("succeeded"), 60000);
    const QList<StoredJob> jobs = w->fineTune()->jobs();
    QCOMPARE(jobs.size(), 1);
    const QString fineTuned = jobs.first().job.fineTunedModel;
    QVERIFY(!fineTuned.isEmpty());

    // Evaluate the fine-tuned model on the test split.
    w->setCurrentStep(int(Step::Evaluate));
    EvaluatePage *page = w->evaluatePage();
    QVERIFY(page->missingText().isEmpty());
    QVERIFY(page->button(QStringLiteral("newRunButton"))->isEnabled());
    page->button(QStringLiteral("newRunButton"))->click();
    NewRunDialog *dialog = page->openDialog();
    QVERIFY(dialog);
    dialog->setGoldSet(goldId);
    dialog->setModelTarget(QStringLiteral("sim"), fineTuned);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->startButton()->isEnabled(), 30000);
    dialog->startButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(page->runModel()->rowCount(), 1, 10000);
    const qint64 runId = page->runModel()->rows().last().run.id;
    EvaluationController *eval = w->evaluation();
    QTRY_VERIFY_WITH_TIMEOUT(!eval->isActive(runId), 60000);
    QCOMPARE(eval->counts(runId).ok, testUsers);

    // Save As: everything goes into the chosen file; the temporary one is gone.
    const QString saved = m_dir.filePath(QStringLiteral("kept.cinetune"));
    QVERIFY(w->saveProjectFileAs(saved));
    QVERIFY(!ws->isUntitled());
    QVERIFY(!ws->hasUnsavedWork());
    QCOMPARE(ws->projectPath(), saved);
    QVERIFY(w->windowTitle().startsWith(QStringLiteral("kept")));
    QVERIFY(!QFileInfo::exists(temporary));
    QVERIFY(!QFileInfo::exists(QFileInfo(temporary).absolutePath()));
    QVERIFY(w->findChild<GoldSetPage *>()->storageNote().contains(QLatin1String("kept.cinetune")));
    // The window goes on in the saved file.
    QCOMPARE(w->findChild<GoldSetController *>()->goldSets().size(), 1);
    QCOMPARE(w->fineTune()->jobs().size(), 1);
    QCOMPARE(eval->runs().size(), 1);
    QCOMPARE(eval->counts(runId).ok, testUsers);
    w.reset();

    auto project = ProjectFile::open(saved);
    QVERIFY(project);
    QVERIFY(project.value()->integrityCheck().ok());
    const auto sets = GoldSetRepository(*project.value()).list();
    QVERIFY(sets);
    QCOMPARE(sets->size(), 1);
    QCOMPARE(sets->first().name, gold->name);
    const auto storedJobs = JobRepository(*project.value()).jobs();
    QVERIFY(storedJobs);
    QCOMPARE(storedJobs->size(), 1);
    QCOMPARE(storedJobs->first().job.fineTunedModel, fineTuned);
    RunRepository runs(*project.value());
    const auto storedRuns = runs.list();
    QVERIFY(storedRuns);
    QCOMPARE(storedRuns->size(), 1);
    QCOMPARE(runs.counts(storedRuns->first().id).value().ok, testUsers);
}

void TestUntitledSession::closingAsksWhenWorkWouldBeLost()
{
    auto w = std::make_unique<MainWindow>();
    w->show();
    QVERIFY(QTest::qWaitForWindowExposed(w.get()));
    QVERIFY(buildGoldSet(*w, 30) > 0);
    const QString temporary = w->workspace()->project()->path();

    // Quit: the window stays while the user is asked; Cancel keeps it open.
    w->close();
    QVERIFY(w->isVisible());
    auto *box = w->findChild<QMessageBox *>(QStringLiteral("saveUntitledBox"));
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    box->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(!w->findChild<QMessageBox *>(QStringLiteral("saveUntitledBox")));
    QVERIFY(w->isVisible());
    QVERIFY(QFileInfo::exists(temporary));

    // Discard closes, and the temporary project goes with the window.
    w->close();
    box = w->findChild<QMessageBox *>(QStringLiteral("saveUntitledBox"));
    QVERIFY(box);
    box->button(QMessageBox::Discard)->click();
    QTRY_VERIFY(!w->isVisible());
    w.reset();
    QVERIFY(!QFileInfo::exists(temporary));
    QVERIFY(!QFileInfo::exists(QFileInfo(temporary).absolutePath()));
}

void TestUntitledSession::emptySessionLeavesNothingBehind()
{
    auto w = std::make_unique<MainWindow>();
    w->show();
    QVERIFY(QTest::qWaitForWindowExposed(w.get()));
    const QString temporary = w->workspace()->project()->path();
    QVERIFY(QFileInfo::exists(temporary));
    w->close();
    QVERIFY(!w->isVisible());
    QVERIFY(!w->findChild<QMessageBox *>(QStringLiteral("saveUntitledBox")));
    w.reset();
    QVERIFY(!QFileInfo::exists(QFileInfo(temporary).absolutePath()));
}

QTEST_MAIN(TestUntitledSession)
#include "tst_untitledsession.moc"
