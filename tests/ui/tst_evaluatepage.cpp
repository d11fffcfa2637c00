// The Evaluate page end to end, offscreen: the sample dataset loaded, a gold set in the project
// and the offline simulator on 127.0.0.1 as the provider profile. A run created through the
// new-run dialog runs to the end, the metric table fills and the per-user table shows badges and
// the raw answer; an ItemKNN baseline run finishes with no request at all; a run pauses and
// resumes; the page says what is missing without a project, a dataset or a gold set.
#include "goldsetfixtures.h"
#include "uitest.h"

#include "ui/shell/backgroundtasks.h"
#include "ui/evaluate/metrictablemodel.h"
#include "ui/evaluate/newrundialog.h"
#include "ui/evaluate/runlistmodel.h"
#include "ui/evaluate/runview.h"
#include "ui/evaluate/userscoremodel.h"
#include "ui/evaluate/evaluatepage.h"
#include "core/project/goldsetrepository.h"
#include "core/project/projectfile.h"
#include "core/simulator/simulatorserver.h"
#include "ui/dataset/datasetcontroller.h"
#include "ui/evaluate/evaluationcontroller.h"
#include "ui/common/providerservice.h"
#include "ui/common/messagebanner.h"
#include "ui/shell/steps.h"
#include "core/project/runrepository.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QHeaderView>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <numeric>

using namespace cinetune;
using namespace cinetune::ui;

class TestEvaluatePage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void saysWhatIsMissing();
    void runThroughDialogToTheEnd();
    void baselineRunWithoutNetwork();
    void pauseAndResume();
    void resumesInReopenedProject();
    void retryFailedAndDelete();
    void labelsAndRename();
    void bannerFollowsDataset();
    void screenshot();

private:
    void setUpProject(const QString &name);
    qint64 startThroughDialog(EvaluatePage &page, const std::function<void(NewRunDialog &)> &fill);

    QTemporaryDir m_dir;
    QString m_lastEstimate; // the new-run dialog's estimate when startThroughDialog pressed Start
    std::unique_ptr<BackgroundTasks> m_tasks;
    std::unique_ptr<DatasetController> m_datasets;
    std::unique_ptr<ProviderService> m_providers;
    std::unique_ptr<EvaluationController> m_controller;
    std::unique_ptr<ProjectFile> m_project;
    std::unique_ptr<SimulatorServer> m_server;
    QStringList m_popular;
    qint64 m_goldId = 0;
};

void TestEvaluatePage::initTestCase()
{
    uitest::prepare();
    QVERIFY(m_dir.isValid());
    m_tasks = std::make_unique<BackgroundTasks>();
    m_datasets = std::make_unique<DatasetController>(m_tasks.get());
    QSignalSpy loaded(m_datasets.get(), &DatasetController::datasetChanged);
    m_datasets->load(QString::fromLatin1(kSamplePath));
    QTRY_VERIFY_WITH_TIMEOUT(m_datasets->current() != nullptr, 60000);
    // The simulator's base models answer with the sample's most-rated titles, so some are hits.
    const Dataset &ds = *m_datasets->current()->dataset;
    std::vector<std::uint32_t> order(ds.catalogue.size());
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(), [&ds](std::uint32_t a, std::uint32_t b) {
        return ds.store.movieRatingCount(a) > ds.store.movieRatingCount(b);
    });
    for (int i = 0; i < 40; ++i)
        m_popular << ds.catalogue.displayTitle(order[std::size_t(i)]);
}

void TestEvaluatePage::init()
{
    SimulatorServer::Options o;
    o.popularTitles = m_popular;
    o.latencyMs = 30;
    m_server = std::make_unique<SimulatorServer>(o, nullptr);
    QVERIFY(m_server->listen(0).ok());
    QSettings().remove(QStringLiteral("providers"));
    m_providers = std::make_unique<ProviderService>();
    m_providers->setTimeouts(5000, 3);
    ProviderProfile p;
    p.name = QStringLiteral("sim");
    p.kind = ProviderKind::Simulator;
    p.baseUrl = QUrl(m_server->baseUrl());
    p.defaultModel = QStringLiteral("gpt-4o-mini-2024-07-18");
    p.defaultChatModel = QStringLiteral("gpt-4o-mini-2024-07-18");
    p.concurrency = 2;
    QVERIFY(m_providers->saveProfile(p).ok());
    m_controller = std::make_unique<EvaluationController>(m_providers.get(), m_datasets.get(), m_tasks.get());
    m_controller->setRequestTimeout(5000);
}

void TestEvaluatePage::cleanup()
{
    m_controller.reset();
    m_project.reset();
    m_providers.reset();
    m_server.reset();
}

// A project with a gold set of 16 sample users (12 test, 4 train): the profile is a user's first
// five rated movies (in catalogue order), the gold set the next five.
void TestEvaluatePage::setUpProject(const QString &name)
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

qint64 TestEvaluatePage::startThroughDialog(EvaluatePage &page, const std::function<void(NewRunDialog &)> &fill)
{
    const int before = page.runModel()->rowCount();
    page.button(QStringLiteral("newRunButton"))->click();
    NewRunDialog *dialog = page.openDialog();
    if (!dialog)
        return 0;
    dialog->setGoldSet(m_goldId);
    fill(*dialog);
    if (!QTest::qWaitFor([dialog] { return dialog->estimateText() != QStringLiteral("—"); }, 20000))
        return 0;
    if (!dialog->startButton()->isEnabled())
        return 0;
    m_lastEstimate = dialog->estimateText();
    dialog->startButton()->click();
    if (!QTest::qWaitFor([&page, before] { return page.runModel()->rowCount() == before + 1; }, 5000))
        return 0;
    return page.runModel()->rows().last().run.id;
}

void TestEvaluatePage::saysWhatIsMissing()
{
    EvaluatePage page(m_controller.get());
    QVERIFY(page.missingText().contains(QLatin1String("unsaved session")));
    QVERIFY(page.button(QStringLiteral("saveProjectButton"))->isVisibleTo(&page));
    QSignalSpy save(&page, &EvaluatePage::saveProjectRequested);
    page.button(QStringLiteral("saveProjectButton"))->click();
    QCOMPARE(save.count(), 1);

    auto project = ProjectFile::create(m_dir.filePath(QStringLiteral("empty")));
    QVERIFY(project.ok());
    m_project = std::move(project.value());
    m_controller->setProject(m_project.get());
    QVERIFY(page.missingText().contains(QLatin1String("no gold set")));
    QVERIFY(!page.button(QStringLiteral("saveProjectButton"))->isVisibleTo(&page));
    QSignalSpy step(&page, &EvaluatePage::stepRequested);
    page.button(QStringLiteral("goGoldSetButton"))->click();
    QCOMPARE(step.count(), 1);
    QCOMPARE(step.first().first().toInt(), 1);
    m_controller->setProject(nullptr);
    m_project.reset();

    setUpProject(QStringLiteral("ready"));
    QCOMPARE(page.missingText(), QString());
    QVERIFY(page.button(QStringLiteral("newRunButton"))->isEnabled());
}

void TestEvaluatePage::runThroughDialogToTheEnd()
{
    setUpProject(QStringLiteral("llm"));
    EvaluatePage page(m_controller.get());
    page.resize(1400, 900);
    page.show();
    QAbstractItemModelTester runTester(page.runModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester metricTester(page.runView()->metricModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester userTester(page.runView()->userModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);

    const int chatsBefore = m_server->requestCount(QStringLiteral("POST /v1/chat/completions"));
    const qint64 runId = startThroughDialog(page, [](NewRunDialog &d) {
        d.setModelTarget(QStringLiteral("sim"), QStringLiteral("gpt-4o-mini-2024-07-18"));
        d.setStrategy(PromptStrategyKind::ZeroShot);
        d.setRunName(QStringLiteral("zero-shot"));
        // The provider's models can be listed into the model box.
        auto *models = d.findChild<QComboBox *>(QStringLiteral("modelCombo"));
        QVERIFY(models);
        QCOMPARE(models->findData(SimulatorServer::baseModels().last()), -1);
        d.findChild<QPushButton *>(QStringLiteral("listModelsButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(models->findData(SimulatorServer::baseModels().last()) >= 0, 10000);
        QCOMPARE(models->currentText(), QStringLiteral("gpt-4o-mini-2024-07-18"));
    });
    QVERIFY(runId > 0);
    QTRY_VERIFY_WITH_TIMEOUT(!m_controller->isActive(runId), 30000);
    QCOMPARE(m_controller->run(runId)->status, RunStatus::Finished);
    QCOMPARE(m_controller->counts(runId).ok, 12);
    QCOMPARE(m_server->requestCount(QStringLiteral("POST /v1/chat/completions")) - chatsBefore, 12);
    const int row = page.runModel()->rowOf(runId);
    QCOMPARE(page.runModel()->index(row, RunListModel::StatusColumn).data().toString(), QStringLiteral("Finished"));
    QCOMPARE(page.runModel()->index(row, RunListModel::ProgressColumn).data().toString(), QStringLiteral("12 / 12"));
    // The simulator bills nothing: no dollar figure for its runs (issue 17).
    QCOMPARE(page.runModel()->index(row, RunListModel::CostColumn).data().toString(), QStringLiteral("none (simulated)"));
    // … nor in the dialog's estimate before it starts.
    QVERIFY2(m_lastEstimate.contains(QLatin1String("cost: none (simulated)")) && !m_lastEstimate.contains(QLatin1Char('$')),
             qPrintable(m_lastEstimate));
    // The list shows the run's short label (the name typed in the dialog stays its identity).
    QCOMPARE(page.runModel()->index(row, RunListModel::NameColumn).data().toString(), QStringLiteral("GPT-4o-mini zero-shot"));
    QVERIFY(page.runModel()->index(row, RunListModel::NameColumn).data(Qt::ToolTipRole).toString().contains("zero-shot"));
    QVERIFY(page.runModel()
                ->index(row, RunListModel::TargetColumn)
                .data()
                .toString()
                .endsWith(QStringLiteral("(simulator — not an LLM)")));
    // The fact is stored with the run when it is made (schema step 8), not read from the profile.
    QVERIFY(m_controller->run(runId)->simulated);

    // The metric table fills (K 1, 3, 5, 10: 6 × 4 metrics + MRR + MAP) with CIs around the means.
    page.selectRun(runId);
    // The score of the finished run (an earlier one may have been of the first answers only).
    QTRY_VERIFY_WITH_TIMEOUT(page.runView()->userModel()->score() && page.runView()->userModel()->score()->missing == 0, 20000);
    QCOMPARE(page.runView()->metricModel()->rowCount(), 26);
    MetricTableModel *m = page.runView()->metricModel();
    for (int r = 0; r < m->rowCount(); ++r) {
        const double mean = m->index(r, 0).data(MetricTableModel::ValueRole).toDouble();
        QVERIFY(mean >= 0 && mean <= 1);
        QVERIFY(m->report().intervals[std::size_t(r)].low <= mean + 1e-12);
        QVERIFY(m->report().intervals[std::size_t(r)].high >= mean - 1e-12);
    }
    QVERIFY(page.runView()->rates()->text().contains(QLatin1String("Hallucinated")));

    // The per-user table: 12 users, every recommendation with a badge, hits highlighted.
    UserScoreModel *users = page.runView()->userModel();
    QCOMPARE(users->rowCount(), 12);
    bool anyBadge = false;
    for (int r = 0; r < users->rowCount(); ++r) {
        const QString recs = users->index(r, UserScoreModel::RecommendationsColumn).data().toString();
        QVERIFY2(!recs.isEmpty(), qPrintable(QString::number(r)));
        anyBadge = anyBadge || recs.contains(QStringLiteral("✓")) || recs.contains(QStringLiteral("≈"))
            || recs.contains(QStringLiteral("✗"));
        const ScoredUser &u = users->score()->detail[std::size_t(r)];
        const bool highlighted = users->index(r, UserScoreModel::RecommendationsColumn)
                                     .data(UserScoreModel::HtmlRole)
                                     .toString()
                                     .contains(QLatin1String("background-color"));
        QCOMPARE(highlighted, u.hits > 0);
    }
    QVERIFY(anyBadge);
    // The raw response of the selected user.
    page.runView()->userTable()->setCurrentIndex(users->index(0, 0));
    QTRY_VERIFY(page.runView()->rawPane()->toPlainText().contains(QLatin1String("1.")));

    // A K list of its own scores again, with no request.
    const int chats = m_server->requestCount(QStringLiteral("POST /v1/chat/completions"));
    page.runView()->setKs(QStringLiteral("2"));
    QTRY_COMPARE_WITH_TIMEOUT(page.runView()->metricModel()->rowCount(), 8, 20000);
    QCOMPARE(m_server->requestCount(QStringLiteral("POST /v1/chat/completions")), chats);
}

void TestEvaluatePage::baselineRunWithoutNetwork()
{
    setUpProject(QStringLiteral("baseline"));
    EvaluatePage page(m_controller.get());
    page.resize(1400, 900);
    page.show();
    const int requests = m_server->totalRequests();
    const qint64 runId = startThroughDialog(page, [](NewRunDialog &d) {
        d.setBaselineTarget(QStringLiteral("itemknn"));
        // The label field suggests the default; a typed label is the run's.
        QCOMPARE(d.labelEdit()->placeholderText(), QStringLiteral("ItemKNN"));
        d.labelEdit()->setText(QStringLiteral("KNN from the dialog"));
    });
    QVERIFY(runId > 0);
    QCOMPARE(m_controller->run(runId)->label, QStringLiteral("KNN from the dialog"));
    QTRY_VERIFY_WITH_TIMEOUT(!m_controller->isActive(runId), 120000);
    QCOMPARE(m_controller->run(runId)->status, RunStatus::Finished);
    QCOMPARE(m_controller->counts(runId).ok, 12);
    QCOMPARE(m_server->totalRequests(), requests);
    const int row = page.runModel()->rowOf(runId);
    QCOMPARE(page.runModel()->index(row, RunListModel::CostColumn).data().toString(), QStringLiteral("none (local)"));
    page.selectRun(runId);
    QTRY_VERIFY_WITH_TIMEOUT(page.runView()->userModel()->score() && page.runView()->userModel()->score()->missing == 0, 20000);
    QCOMPARE(page.runView()->userModel()->rowCount(), 12);
    QVERIFY(page.runView()
                ->userModel()
                ->index(0, UserScoreModel::RecommendationsColumn)
                .data()
                .toString()
                .contains(QStringLiteral("✓")));
    const std::size_t listed = page.runView()->userModel()->score()->detail[0].items.size();
    QVERIFY(listed > 0 && listed <= 10);
    QVERIFY(page.runView()->rates()->text().contains(QLatin1String("Movie ids")));
}

void TestEvaluatePage::pauseAndResume()
{
    SimulatorServer::Options o;
    o.popularTitles = m_popular;
    o.latencyMs = 150;
    m_server->setOptions(o);
    setUpProject(QStringLiteral("pause"));
    EvaluatePage page(m_controller.get());
    page.show();
    const qint64 runId = startThroughDialog(page, [](NewRunDialog &d) {
        d.setModelTarget(QStringLiteral("sim"), QStringLiteral("gpt-4o-mini-2024-07-18"));
        d.setConcurrency(1);
    });
    QVERIFY(runId > 0);
    page.selectRun(runId);
    QTRY_VERIFY_WITH_TIMEOUT(m_controller->progress(runId) && m_controller->progress(runId)->done >= 2, 20000);
    QVERIFY(page.button(QStringLiteral("pauseButton"))->isEnabled());
    page.button(QStringLiteral("pauseButton"))->click();
    QVERIFY(m_controller->isPaused(runId));
    QCOMPARE(m_controller->run(runId)->status, RunStatus::Paused);
    QTest::qWait(400); // what was in flight lands
    const qint64 held = m_controller->counts(runId).ok;
    QTest::qWait(800);
    QCOMPARE(m_controller->counts(runId).ok, held);
    QVERIFY(held < 12);
    QVERIFY(page.liveLabel()->text().contains(QLatin1String("paused")));
    QVERIFY(page.button(QStringLiteral("resumeButton"))->isEnabled());
    page.button(QStringLiteral("resumeButton"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(!m_controller->isActive(runId), 30000);
    QCOMPARE(m_controller->run(runId)->status, RunStatus::Finished);
    QCOMPARE(m_controller->counts(runId).ok, 12);
}

// A run interrupted by closing the project continues after reopening it, sending only the users
// without an answer.
void TestEvaluatePage::resumesInReopenedProject()
{
    SimulatorServer::Options o;
    o.popularTitles = m_popular;
    o.latencyMs = 150;
    m_server->setOptions(o);
    setUpProject(QStringLiteral("reopen"));
    const QString path = m_project->path();
    EvaluatePage page(m_controller.get());
    page.show();
    const qint64 runId = startThroughDialog(page, [](NewRunDialog &d) {
        d.setModelTarget(QStringLiteral("sim"), QStringLiteral("gpt-4o-mini-2024-07-18"));
        d.setConcurrency(1);
    });
    QVERIFY(runId > 0);
    QTRY_VERIFY_WITH_TIMEOUT(m_controller->progress(runId) && m_controller->progress(runId)->done >= 3, 20000);
    m_controller->setProject(nullptr); // the window closes: what is in flight is dropped
    m_project.reset();
    const int sentBefore = m_server->requestCount(QStringLiteral("POST /v1/chat/completions"));

    auto reopened = ProjectFile::open(path);
    QVERIFY(reopened.ok());
    m_project = std::move(reopened.value());
    m_controller->setProject(m_project.get());
    const qint64 stored = m_controller->counts(runId).ok;
    QVERIFY(stored >= 3 && stored < 12);
    page.selectRun(runId);
    const int row = page.runModel()->rowOf(runId);
    QCOMPARE(page.runModel()->index(row, RunListModel::StatusColumn).data().toString(), QStringLiteral("Stopped — can resume"));
    QVERIFY(page.button(QStringLiteral("resumeButton"))->isEnabled());
    page.button(QStringLiteral("resumeButton"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(!m_controller->isActive(runId), 30000);
    QCOMPARE(m_controller->run(runId)->status, RunStatus::Finished);
    QCOMPARE(m_controller->counts(runId).ok, 12);
    // Only the users without an answer were sent (plus, at most, the one dropped in flight, which the
    // server may count after the project closed).
    const int resent = m_server->requestCount(QStringLiteral("POST /v1/chat/completions")) - sentBefore;
    QVERIFY2(resent >= 12 - int(stored) && resent <= 13 - int(stored),
             qPrintable(QStringLiteral("%1 sent, %2 stored").arg(resent).arg(stored)));
}

// Three answers that are not valid JSON are stored as failed users (counted, scored 0, never a
// silent zero); Retry Failed sends only those; Delete removes the run after a question.
void TestEvaluatePage::retryFailedAndDelete()
{
    QVERIFY(m_server->setFaults(QStringLiteral("malformed@POST:/v1/chat/completions#3")).ok());
    setUpProject(QStringLiteral("retry"));
    EvaluatePage page(m_controller.get());
    page.show();
    const qint64 runId = startThroughDialog(
        page, [](NewRunDialog &d) { d.setModelTarget(QStringLiteral("sim"), QStringLiteral("gpt-4o-mini-2024-07-18")); });
    QVERIFY(runId > 0);
    QTRY_VERIFY_WITH_TIMEOUT(!m_controller->isActive(runId), 30000);
    QCOMPARE(m_controller->counts(runId).failed, 3);
    QCOMPARE(m_controller->counts(runId).ok, 9);
    page.selectRun(runId);
    QCOMPARE(page.runModel()->index(page.runModel()->rowOf(runId), RunListModel::FailedColumn).data().toString(),
             QStringLiteral("3"));
    QTRY_VERIFY_WITH_TIMEOUT(page.runView()->userModel()->score() && page.runView()->userModel()->score()->failedRequests == 3,
                             20000);
    QVERIFY(page.runView()->rates()->text().contains(QLatin1String("failed requests: 3")));
    int failedRows = 0;
    for (int r = 0; r < page.runView()->userModel()->rowCount(); ++r)
        failedRows += page.runView()->userModel()->index(r, UserScoreModel::OutcomeColumn).data().toString()
            == QLatin1String("request failed");
    QCOMPARE(failedRows, 3);

    const int sent = m_server->requestCount(QStringLiteral("POST /v1/chat/completions"));
    QVERIFY(page.button(QStringLiteral("retryButton"))->isEnabled());
    page.button(QStringLiteral("retryButton"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(!m_controller->isActive(runId), 30000);
    QCOMPARE(m_controller->counts(runId).failed, 0);
    QCOMPARE(m_controller->counts(runId).ok, 12);
    QCOMPARE(m_server->requestCount(QStringLiteral("POST /v1/chat/completions")) - sent, 3);
    QTRY_VERIFY_WITH_TIMEOUT(page.runView()->userModel()->score() && page.runView()->userModel()->score()->failedRequests == 0,
                             20000);
    QVERIFY(!page.button(QStringLiteral("retryButton"))->isEnabled());

    QVERIFY(page.button(QStringLiteral("deleteButton"))->isEnabled());
    page.button(QStringLiteral("deleteButton"))->click();
    auto *box = page.findChild<QMessageBox *>(QStringLiteral("deleteRunBox"));
    QVERIFY(box);
    box->button(QMessageBox::Yes)->click();
    QTRY_COMPARE(page.runModel()->rowOf(runId), -1);
    QVERIFY(!m_controller->run(runId));
}

// docs/screenshots/4-evaluate.png: a finished run selected (written when CINETUNE_SCREENSHOTS is a folder).
// Short labels in the list: the default ones, a rename stored in the project, a duplicate refused
// with the reason in the banner, F2 and the list's own editor, several rows visible, no dollars for
// a simulated run.
void TestEvaluatePage::labelsAndRename()
{
    setUpProject(QStringLiteral("labels"));
    RunRepository repo(*m_project);
    RunSpec knn;
    knn.goldSetName = QStringLiteral("sample16");
    knn.goldSetId = m_goldId;
    knn.target.kind = TargetKind::Baseline;
    knn.target.baseline = QStringLiteral("itemknn");
    const qint64 a = repo.create(QStringLiteral("sample16/test/itemknn/baseline"), knn, {}, 12).value();
    const qint64 b = repo.create(QStringLiteral("sample16/test/itemknn/baseline (2)"), knn, {}, 12).value();
    RunSpec llm = knn;
    llm.target = RunTarget{TargetKind::Llm, QStringLiteral("sim"), QStringLiteral("gpt-4o-mini-2024-07-18"), {}};
    const qint64 c = repo.create(QStringLiteral("sample16/test/gpt-4o-mini-2024-07-18/zero-shot/simulator"), llm, {}, 12).value();
    QVERIFY(repo.setSimulated(c, true).ok());
    StoredResponse answer;
    answer.user = 1;
    answer.ok = true;
    answer.rawText = QStringLiteral("1. Heat (1995)");
    answer.promptTokens = 100000;
    answer.completionTokens = 100000;
    QVERIFY(repo.storeResponse(c, answer).ok());

    EvaluatePage page(m_controller.get());
    page.resize(1024 - 200, 600);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    RunListModel *model = page.runModel();
    QCOMPARE(model->rowCount(), 3);
    const auto label = [model](qint64 id) { return model->index(model->rowOf(id), RunListModel::NameColumn).data().toString(); };
    QCOMPARE(label(a), QStringLiteral("ItemKNN"));
    QCOMPARE(label(b), QStringLiteral("ItemKNN (2)"));
    QCOMPARE(label(c), QStringLiteral("GPT-4o-mini zero-shot"));
    QCOMPARE(model->index(model->rowOf(c), RunListModel::CostColumn).data().toString(), QStringLiteral("none (simulated)"));
    QVERIFY(model->index(model->rowOf(b), RunListModel::NameColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("sample16/test/itemknn/baseline (2)")));
    // Fits a laptop: 1024 × 700 minus a 200 px sidebar.
    QVERIFY2(page.minimumSizeHint().width() <= 1024 - 200 && page.minimumSizeHint().height() <= 700 - 120,
             qPrintable(QStringLiteral("%1 × %2").arg(page.minimumSizeHint().width()).arg(page.minimumSizeHint().height())));
    // Several rows visible, the label column not squeezed.
    QTableView *table = page.runTable();
    QVERIFY(table->height() >= 4 * table->verticalHeader()->defaultSectionSize());
    QVERIFY(table->columnWidth(RunListModel::NameColumn) >= table->fontMetrics().horizontalAdvance(label(c)));
    QVERIFY(table->columnWidth(RunListModel::TargetColumn) >= 150); // not squeezed by the others

    // A rename is stored; another run's label (any case) is refused and the reason shown.
    QVERIFY(page.renameRun(b, QStringLiteral("KNN tuned")));
    QCOMPARE(RunRepository(*m_project).get(b)->label, QStringLiteral("KNN tuned"));
    QCOMPARE(label(b), QStringLiteral("KNN tuned"));
    QVERIFY(!page.renameRun(a, QStringLiteral("knn TUNED")));
    QVERIFY(page.banner()->isVisibleTo(&page));
    QVERIFY2(page.banner()->text().contains(QStringLiteral("already labelled")), qPrintable(page.banner()->text()));
    QCOMPARE(RunRepository(*m_project).get(a)->label, QStringLiteral("ItemKNN"));

    // F2 opens the editor on the label; the list's own edit renames.
    page.selectRun(a);
    QVERIFY(page.renameAction()->isEnabled());
    page.renameAction()->trigger();
    QCOMPARE(table->currentIndex().column(), int(RunListModel::NameColumn));
    QVERIFY(table->indexWidget(table->currentIndex()) != nullptr); // the label's editor is open
    // setData only asks (renameRequested); the page renames in the project, then the list is read again.
    QVERIFY(!model->setData(model->index(model->rowOf(a), RunListModel::NameColumn), QStringLiteral("KNN k=20")));
    QTRY_COMPARE(RunRepository(*m_project).get(a)->label, QStringLiteral("KNN k=20"));
    QTRY_COMPARE(label(a), QStringLiteral("KNN k=20"));
}

// The "not everything is ready" banner is there while the dataset is missing (with a button to the
// Dataset step) and goes once the dataset is loaded.
void TestEvaluatePage::bannerFollowsDataset()
{
    DatasetController datasets(m_tasks.get());
    EvaluationController controller(m_providers.get(), &datasets, m_tasks.get());
    auto project = ProjectFile::create(m_dir.filePath(QStringLiteral("nodataset")));
    QVERIFY(project.ok());
    m_project = std::move(project.value());
    const GoldSet set = cinetune::test::sixteenUserGoldSet(*m_datasets->current()->dataset);
    const qint64 gold = GoldSetRepository(*m_project).add(QStringLiteral("sample16"), set, "f").value();
    RunSpec knn;
    knn.goldSetName = QStringLiteral("sample16");
    knn.goldSetId = gold;
    knn.target.kind = TargetKind::Baseline;
    knn.target.baseline = QStringLiteral("itemknn");
    QVERIFY(RunRepository(*m_project).create(QStringLiteral("r"), knn, {}, 12).ok());
    controller.setProject(m_project.get());

    EvaluatePage page(&controller);
    page.resize(824, 600);
    page.show();
    QVERIFY(page.banner()->isVisibleTo(&page));
    QVERIFY(page.banner()->text().contains(QStringLiteral("No dataset")));
    QPushButton *go = page.findChild<QPushButton *>(QStringLiteral("bannerDatasetButton"));
    QVERIFY(go && go->isVisibleTo(&page));
    QSignalSpy step(&page, &EvaluatePage::stepRequested);
    go->click();
    QCOMPARE(step.count(), 1);
    QCOMPARE(step.first().first().toInt(), int(Step::Dataset));

    datasets.load(QString::fromLatin1(kSamplePath));
    QTRY_VERIFY_WITH_TIMEOUT(datasets.current() != nullptr, 60000);
    QTRY_VERIFY(!page.banner()->isVisibleTo(&page));
    QVERIFY(!go->isVisibleTo(&page));
    controller.setProject(nullptr);
    m_project.reset();
}

void TestEvaluatePage::screenshot()
{
    setUpProject(QStringLiteral("shot"));
    EvaluatePage page(m_controller.get());
    page.resize(1440, 900);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    const qint64 runId = startThroughDialog(page, [](NewRunDialog &d) {
        d.setModelTarget(QStringLiteral("sim"), QStringLiteral("gpt-4o-mini-2024-07-18"));
        d.setRunName(QStringLiteral("sample16/test/gpt-4o-mini/zero-shot"));
    });
    QVERIFY(runId > 0);
    QTRY_VERIFY_WITH_TIMEOUT(!m_controller->isActive(runId), 30000);
    page.selectRun(runId);
    QTRY_VERIFY_WITH_TIMEOUT(page.runView()->userModel()->score() && page.runView()->userModel()->score()->missing == 0, 20000);
    page.runView()->userTable()->setCurrentIndex(page.runView()->userModel()->index(1, 0));
    QTest::qWait(100);
    const QImage image = page.grab().toImage();
    QVERIFY(!image.isNull());
    QCOMPARE(image.width(), 1440);
    const QString folder = qEnvironmentVariable("CINETUNE_SCREENSHOTS");
    if (!folder.isEmpty())
        QVERIFY(image.save(QDir(folder).filePath(QStringLiteral("4-evaluate.png"))));
}

QTEST_MAIN(TestEvaluatePage)
#include "tst_evaluatepage.moc"
