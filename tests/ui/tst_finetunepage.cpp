// FineTunePage end to end against the offline simulator on 127.0.0.1: estimate, submit, live job
// list and loss chart until succeeded, cancel, the 403 training_not_available message, and jobs
// that resume monitoring when the project is opened again.
#include "uitest.h"

#include "ui/shell/backgroundtasks.h"
#include "ui/finetune/losschart.h"
#include "ui/finetune/jobdetailmodels.h"
#include "ui/finetune/jobtablemodel.h"
#include "ui/finetune/finetunepage.h"
#include "ui/finetune/jobview.h"
#include "core/project/projectfile.h"
#include "core/simulator/simulatorserver.h"
#include "ui/finetune/finetunecontroller.h"
#include "ui/common/providerservice.h"
#include "ui/common/messagebanner.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/steps.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QPushButton>
#include <QSettings>
#include <QApplication>
#include <QMessageBox>
#include <QTemporaryDir>
#include <QTimer>
#include <QMessageBox>
#include <QTimer>
#include <QApplication>
#include <QTest>

using namespace cinetune;
using namespace cinetune::ui;

namespace {

QByteArray example(int i)
{
    static const char *liked[] = {"Alien", "Heat",   "Amelie", "Toy Story", "The Matrix", "Fargo", "Up",  "Se7en",
                                  "Jaws",  "Brazil", "Ran",    "Psycho",    "Rocky",      "Big",   "Coco"};
    const QString user = QStringLiteral("I liked %1 and %2. Recommend 3 movies.")
                             .arg(QLatin1String(liked[i % 15]), QLatin1String(liked[(i + 3) % 15]));
    const QString answer =
        QStringLiteral("1. Movie %1 (1990)\\n2. Movie %2 (1991)\\n3. Movie %3 (1992)").arg(i).arg(i + 1).arg(i + 2);
    return QStringLiteral(
               R"({"messages":[{"role":"system","content":"You recommend movies."},{"role":"user","content":"%1"},{"role":"assistant","content":"%2"}]})")
               .arg(user, answer)
               .toUtf8()
        + '\n';
}

bool writeFile(const QString &path, int first, int count)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    for (int i = first; i < first + count; ++i)
        f.write(example(i));
    return true;
}

qint64 number(const QString &text)
{
    return QLocale().toLongLong(text);
}

} // namespace

class TestFineTunePage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void estimateSubmitFollowCancel();
    void estimateErrorsBlockSubmit();
    void trainingNotAvailableShowsWhatToDo();
    void monitoringResumesWhenProjectOpens();
    void importJobsFromProvider();
    void togetherFieldsFollowProvider();
    void azureDeploymentName();
    void unconfirmedRequestDiscardedByHand();
    void submitAndEstimateVisibleAtLaptopSizes_data();
    void submitAndEstimateVisibleAtLaptopSizes();
    void emptyLossChartHasCleanAxes();

private:
    void submitAndWaitForRow(FineTunePage &page, FineTuneController &controller, int expectedRows);

    QTemporaryDir m_dir;
    std::unique_ptr<SimulatorServer> m_server;
    QString m_training;
    QString m_validation;
};

void TestFineTunePage::initTestCase()
{
    uitest::prepare();
    QVERIFY(m_dir.isValid());
    m_training = m_dir.filePath(QStringLiteral("train.jsonl"));
    m_validation = m_dir.filePath(QStringLiteral("valid.jsonl"));
    QVERIFY(writeFile(m_training, 0, 12));
    QVERIFY(writeFile(m_validation, 20, 3));
}

void TestFineTunePage::init()
{
    SimulatorServer::Options o;
    o.jobDurationMs = 1500;
    m_server = std::make_unique<SimulatorServer>(o, nullptr);
    QVERIFY(m_server->listen(0).ok());
    QSettings().remove(QStringLiteral("providers"));
    ProviderService service;
    ProviderProfile p;
    p.name = QStringLiteral("sim");
    p.kind = ProviderKind::Simulator;
    p.baseUrl = QUrl(m_server->baseUrl());
    p.defaultModel = QStringLiteral("gpt-4o-mini-2024-07-18");
    QVERIFY(service.saveProfile(p).ok());
}

void TestFineTunePage::cleanup()
{
    m_server.reset();
}

void TestFineTunePage::submitAndWaitForRow(FineTunePage &page, FineTuneController &controller, int expectedRows)
{
    QTRY_VERIFY_WITH_TIMEOUT(page.submitButton()->isEnabled(), 20000);
    page.submitButton()->click();
    QVERIFY(controller.isSubmitting());
    QTRY_COMPARE_WITH_TIMEOUT(page.jobModel()->rowCount(), expectedRows, 10000);
}

void TestFineTunePage::estimateSubmitFollowCancel()
{
    auto project = ProjectFile::create(m_dir.filePath(QStringLiteral("flow")));
    QVERIFY(project);
    BackgroundTasks tasks;
    ProviderService providers;
    providers.setTimeouts(5000, 3);
    FineTuneController controller(&providers, &tasks);
    controller.setPollInterval(100, 300);
    controller.setProject(project->get());
    FineTunePage page(&controller);
    page.resize(1400, 900);
    page.show();
    QAbstractItemModelTester jobTester(page.jobModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester eventTester(page.jobView()->levelFilter(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester checkpointTester(page.jobView()->checkpointModel(),
                                              QAbstractItemModelTester::FailureReportingMode::QtTest);

    QVERIFY(!page.submitButton()->isEnabled()); // nothing chosen yet
    page.setProvider(QStringLiteral("sim"));
    page.setTrainingFile(m_training);
    page.setValidationFile(m_validation);
    page.setBatchSize(1);
    page.setSuffix(QStringLiteral("ui"));

    // The estimate, counted in the background.
    QTRY_COMPARE_WITH_TIMEOUT(page.figure(QStringLiteral("examples")), QStringLiteral("12 (validation: 3)"), 20000);
    const qint64 tokens = number(page.figure(QStringLiteral("tokens")));
    QVERIFY2(tokens > 12 * 20 && tokens < 12 * 100, qPrintable(page.figure(QStringLiteral("tokens"))));
    QCOMPARE(page.figure(QStringLiteral("epochs")), QStringLiteral("2"));
    QCOMPARE(number(page.figure(QStringLiteral("billedTokens"))), 2 * tokens);
    // The simulator charges nothing; with no provider chosen the cost is the default model's price.
    QCOMPARE(page.figure(QStringLiteral("cost")), QStringLiteral("none (simulated)"));
    QVERIFY(page.figure(QStringLiteral("issues")).contains(QLatin1String("Warning:"))); // fewer than 50 examples
    QVERIFY(!page.figure(QStringLiteral("issues")).contains(QLatin1String("Error:")));

    // Submit and follow it live until it succeeded.
    submitAndWaitForRow(page, controller, 1);
    QTRY_COMPARE_WITH_TIMEOUT(page.jobModel()->index(0, 0).data(JobTableModel::StatusIdRole).toString(),
                              QStringLiteral("succeeded"), 30000);
    QCOMPARE(page.jobModel()->index(0, JobTableModel::StatusColumn).data().toString(), QStringLiteral("Succeeded"));
    QVERIFY(page.jobModel()->index(0, JobTableModel::ProviderColumn).data().toString().contains(QLatin1String("simulator")));
    QCOMPARE(page.jobModel()->index(0, JobTableModel::ModelColumn).data().toString(), QStringLiteral("gpt-4o-mini-2024-07-18"));
    JobView *view = page.jobView();
    QCOMPARE(view->rowId(), page.jobModel()->index(0, 0).data(JobTableModel::RowIdRole).toLongLong());
    QTRY_VERIFY_WITH_TIMEOUT(view->chart()->pointCount(QStringLiteral("train")) >= 3, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(view->chart()->pointCount(QStringLiteral("fullValid")) >= 1, 10000);
    QVERIFY(view->chart()->pointCount(QStringLiteral("valid")) >= 1);
    QVERIFY(view->fineTunedModel().startsWith(QLatin1String("ft:gpt-4o-mini-2024-07-18:")));
    QVERIFY2(view->timelineText().contains(QStringLiteral("✓ Succeeded")), qPrintable(view->timelineText()));
    QTRY_VERIFY_WITH_TIMEOUT(view->checkpointModel()->rowCount() >= 1, 10000); // fetched once the job ended
    QVERIFY(view->eventModel()->rowCount() >= 5);
    QVERIFY(!view->cancelButton()->isEnabled());
    view->chart()->setSmoothing(true);
    QVERIFY(view->chart()->pointCount(QStringLiteral("train")) >= 3);

    // Event level filter.
    view->levelFilter()->setLevel(QStringLiteral("error"));
    QCOMPARE(view->levelFilter()->rowCount(), 0);
    view->levelFilter()->setLevel(QStringLiteral("info"));
    QCOMPARE(view->levelFilter()->rowCount(), view->eventModel()->rowCount());
    view->levelFilter()->setLevel(QString());

    // A second, slow job: cancel it while it runs.
    SimulatorServer::Options slow;
    slow.jobDurationMs = 120000;
    m_server->setOptions(slow);
    page.setSuffix(QStringLiteral("cancelme"));
    submitAndWaitForRow(page, controller, 2);
    QTRY_VERIFY_WITH_TIMEOUT(view->cancelButton()->isEnabled(), 10000);
    const qint64 second = view->rowId();
    QCOMPARE(page.jobModel()->rowOf(second), 0); // newest first
    view->cancelButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(page.jobModel()->index(0, 0).data(JobTableModel::StatusIdRole).toString(),
                              QStringLiteral("cancelled"), 10000);
    QTRY_VERIFY(view->timelineText().contains(QLatin1String("Cancelled")));
    QCOMPARE(page.jobModel()->index(1, 0).data(JobTableModel::StatusIdRole).toString(), QStringLiteral("succeeded"));
}

void TestFineTunePage::estimateErrorsBlockSubmit()
{
    const QString broken = m_dir.filePath(QStringLiteral("broken.jsonl"));
    QFile f(broken);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(example(1) + "{not json\n");
    f.close();
    BackgroundTasks tasks;
    ProviderService providers;
    FineTuneController controller(&providers, &tasks);
    FineTunePage page(&controller);
    page.setProvider(QStringLiteral("sim"));
    page.setTrainingFile(broken);
    QTRY_VERIFY_WITH_TIMEOUT(page.figure(QStringLiteral("issues")).contains(QLatin1String("Error:")), 20000);
    QVERIFY(page.figure(QStringLiteral("issues")).contains(QLatin1String("Fix the errors")));
    QVERIFY(!page.submitButton()->isEnabled());
}

void TestFineTunePage::trainingNotAvailableShowsWhatToDo()
{
    auto project = ProjectFile::create(m_dir.filePath(QStringLiteral("closed")));
    QVERIFY(project);
    QVERIFY(m_server->setFaults(QStringLiteral("closed@POST:/v1/fine_tuning/jobs")).ok());
    BackgroundTasks tasks;
    ProviderService providers;
    providers.setTimeouts(5000, 2);
    FineTuneController controller(&providers, &tasks);
    controller.setProject(project->get());
    FineTunePage page(&controller);
    page.show();
    page.setProvider(QStringLiteral("sim"));
    page.setTrainingFile(m_training);
    QTRY_VERIFY_WITH_TIMEOUT(page.submitButton()->isEnabled(), 20000);
    page.submitButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(page.banner()->isVisible(), 10000);
    const QString text = page.banner()->text();
    QVERIFY2(text.contains(QLatin1String("Azure OpenAI")) && text.contains(QLatin1String("Together AI")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("Settings ▸ Providers")));
    QTRY_VERIFY(page.submitButton()->isEnabled()); // the user can try again elsewhere
}

void TestFineTunePage::monitoringResumesWhenProjectOpens()
{
    const QString path = m_dir.filePath(QStringLiteral("resume.cinetune"));
    SimulatorServer::Options o;
    o.jobDurationMs = 2500;
    m_server->setOptions(o);
    {
        auto project = ProjectFile::create(path);
        QVERIFY(project);
        BackgroundTasks tasks;
        ProviderService providers;
        FineTuneController controller(&providers, &tasks);
        controller.setPollInterval(100, 300);
        controller.setProject(project->get());
        FineTunePage page(&controller);
        page.setProvider(QStringLiteral("sim"));
        page.setTrainingFile(m_training);
        submitAndWaitForRow(page, controller, 1);
        QTRY_VERIFY_WITH_TIMEOUT(
            page.jobModel()->index(0, 0).data(JobTableModel::StatusIdRole).toString() != QLatin1String("submitting"), 10000);
        QVERIFY(page.jobModel()->index(0, 0).data(JobTableModel::StatusIdRole).toString() != QLatin1String("succeeded"));
        controller.setProject(nullptr); // "quit" while it runs
    }
    auto project = ProjectFile::open(path);
    QVERIFY(project);
    BackgroundTasks tasks;
    ProviderService providers;
    FineTuneController controller(&providers, &tasks);
    controller.setPollInterval(100, 300);
    FineTunePage page(&controller);
    controller.setProject(project->get());
    QCOMPARE(page.jobModel()->rowCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(page.jobModel()->index(0, 0).data(JobTableModel::StatusIdRole).toString(),
                              QStringLiteral("succeeded"), 20000);
}

void TestFineTunePage::importJobsFromProvider()
{
    // A job made from another project exists at the provider only: Import adds it once.
    {
        auto other = ProjectFile::create(m_dir.filePath(QStringLiteral("other")));
        QVERIFY(other);
        BackgroundTasks tasks;
        ProviderService providers;
        FineTuneController controller(&providers, &tasks);
        controller.setProject(other->get());
        FineTunePage page(&controller);
        page.setProvider(QStringLiteral("sim"));
        page.setTrainingFile(m_training);
        submitAndWaitForRow(page, controller, 1);
        QTRY_VERIFY_WITH_TIMEOUT(!page.jobModel()->jobs().first().pending, 10000);
        controller.setProject(nullptr);
    }
    QCOMPARE(m_server->jobCount(), 1);
    auto project = ProjectFile::create(m_dir.filePath(QStringLiteral("importing")));
    QVERIFY(project);
    BackgroundTasks tasks;
    ProviderService providers;
    FineTuneController controller(&providers, &tasks);
    controller.setPollInterval(100, 300);
    controller.setProject(project->get());
    FineTunePage page(&controller);
    page.setProvider(QStringLiteral("sim"));
    QCOMPARE(page.jobModel()->rowCount(), 0);
    auto *import = page.findChild<QPushButton *>(QStringLiteral("importJobsButton"));
    auto *state = page.findChild<QLabel *>(QStringLiteral("importState"));
    QVERIFY(import && state && import->isEnabled());
    QSignalSpy done(&controller, &FineTuneController::importFinished);
    import->click();
    QVERIFY(done.wait(10000));
    QCOMPARE(done.at(0).at(1).toInt(), 1); // imported
    QCOMPARE(done.at(0).at(2).toInt(), 0); // already known
    QCOMPARE(page.jobModel()->rowCount(), 1);
    QVERIFY2(state->text().contains(QLatin1String("1 imported, 0 already")), qPrintable(state->text()));
    QTRY_COMPARE_WITH_TIMEOUT(page.jobModel()->index(0, 0).data(JobTableModel::StatusIdRole).toString(),
                              QStringLiteral("succeeded"), 20000);
    import->click();
    QVERIFY(done.wait(10000));
    QCOMPARE(done.at(1).at(1).toInt(), 0);
    QCOMPARE(done.at(1).at(2).toInt(), 1);
    QCOMPARE(page.jobModel()->rowCount(), 1);
    QCOMPARE(m_server->jobCount(), 1); // importing never creates
}

void TestFineTunePage::togetherFieldsFollowProvider()
{
    ProviderService providers;
    ProviderProfile t;
    t.name = QStringLiteral("together");
    t.kind = ProviderKind::Together;
    QVERIFY(providers.saveProfile(t).ok());
    BackgroundTasks tasks;
    FineTuneController controller(&providers, &tasks);
    FineTunePage page(&controller);
    page.show();
    auto *multiplier = page.findChild<QWidget *>(QStringLiteral("lrSpin"));
    auto *rate = page.findChild<QWidget *>(QStringLiteral("togetherLrSpin"));
    auto *lora = page.findChild<QWidget *>(QStringLiteral("loraCheck"));
    auto *rank = page.findChild<QWidget *>(QStringLiteral("loraRankSpin"));
    QVERIFY(multiplier && rate && lora && rank);
    page.setProvider(QStringLiteral("together"));
    QVERIFY(!multiplier->isVisible());
    QVERIFY(rate->isVisible() && lora->isVisible() && rank->isVisible());
    page.setProvider(QStringLiteral("sim"));
    QVERIFY(multiplier->isVisible());
    QVERIFY(!rate->isVisible() && !lora->isVisible() && !rank->isVisible());
}

void TestFineTunePage::azureDeploymentName()
{
    auto project = ProjectFile::create(m_dir.filePath(QStringLiteral("azure")));
    QVERIFY(project);
    BackgroundTasks tasks;
    ProviderService providers;
    FineTuneController controller(&providers, &tasks);
    controller.setProject(project->get());
    FineTuneJob job;
    job.id = QStringLiteral("ftjob-azure-1");
    job.baseModel = QStringLiteral("gpt-4o-mini-2024-07-18");
    job.status = JobStatus::Succeeded;
    job.fineTunedModel = QStringLiteral("gpt-4o-mini-2024-07-18.ft-abc");
    job.needsDeployment = true;
    auto row = controller.repository()->upsertJob(QStringLiteral("az"), ProviderKind::Azure,
                                                  QStringLiteral("https://r.openai.azure.com/openai/v1"), job, false);
    QVERIFY(row);
    FineTunePage page(&controller);
    page.show();
    page.selectJob(row.value());
    auto *edit = page.findChild<QLineEdit *>(QStringLiteral("deploymentEdit"));
    auto *use = page.findChild<QPushButton *>(QStringLiteral("saveDeploymentButton"));
    QVERIFY(edit && use);
    QVERIFY(edit->isVisible());
    QVERIFY(page.jobView()->banner()->isVisible()); // says to deploy first
    edit->setText(QStringLiteral("  movies-deployment "));
    use->click();
    QCOMPARE(controller.job(row.value())->deployment, QStringLiteral("movies-deployment"));
    QVERIFY(!page.jobView()->banner()->isVisible()); // deployed: nothing left to do
}

// A create whose answer was lost and that the provider does not list stays in the project (it may
// exist and be billed), says so in the job view, and goes only when the user discards it.
void TestFineTunePage::unconfirmedRequestDiscardedByHand()
{
    auto project = ProjectFile::create(m_dir.filePath(QStringLiteral("unconfirmed")));
    QVERIFY(project);
    BackgroundTasks tasks;
    ProviderService providers;
    FineTuneController controller(&providers, &tasks);
    controller.setProject(project->get());
    JobRequest asked;
    asked.model = QStringLiteral("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference");
    asked.trainingFile = QStringLiteral("file-lost");
    auto row = controller.repository()->recordPending(QStringLiteral("tg"), ProviderKind::Together,
                                                      QStringLiteral("https://api.together.xyz/v1"), QStringLiteral("tag-1"),
                                                      asked, false);
    QVERIFY(row);
    QVERIFY(controller.repository()->markUnresolved(row.value(),
                                                    QStringLiteral("No job matching it (training file file-lost) is listed.")));
    FineTunePage page(&controller);
    page.resize(1024, 700);
    page.show();
    page.selectJob(row.value());
    QCOMPARE(page.jobModel()->index(0, 0).data().toString(), QStringLiteral("Not confirmed — check"));
    QPushButton *discard = page.jobView()->discardButton();
    QVERIFY(discard->isVisible());
    QVERIFY(page.jobView()->banner()->isVisible());
    QVERIFY(page.jobView()->banner()->text().contains(QLatin1String("file-lost")));
    if (const QString shot = qEnvironmentVariable("CINETUNE_TEST_GRAB"); !shot.isEmpty())
        page.grab().save(shot);
    // Cancel in the confirmation keeps the row; Discard removes it.
    for (const auto button : {QMessageBox::Cancel, QMessageBox::Discard}) {
        QTimer::singleShot(0, this, [button] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            box->button(button)->click();
        });
        discard->click();
        QCOMPARE(controller.job(row.value()).has_value(), button == QMessageBox::Cancel);
    }
}

// Issue 17: Submit and the estimate hid below the fold once a provider was chosen. In the main
// window at a laptop's size both are on screen without scrolling, and the page does not make the
// window grow.
void TestFineTunePage::submitAndEstimateVisibleAtLaptopSizes_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("1024x700") << QSize(1024, 700);
    QTest::newRow("1280x800") << QSize(1280, 800);
    QTest::newRow("1366x768") << QSize(1366, 768);
}

void TestFineTunePage::submitAndEstimateVisibleAtLaptopSizes()
{
    QFETCH(QSize, size);
    MainWindow w;
    w.resize(size);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.setCurrentStep(int(Step::FineTune));
    FineTunePage *page = w.fineTunePage();
    page->setProvider(QStringLiteral("sim"));
    page->setTrainingFile(m_training);
    QTRY_COMPARE_WITH_TIMEOUT(page->figure(QStringLiteral("examples")), QStringLiteral("12"), 20000);
    QTest::qWait(50); // pending layout requests
    QCOMPARE(w.size(), size);
    QVERIFY(w.minimumSizeHint().width() <= 1024 && w.minimumSizeHint().height() <= 700);
    const QRect window = w.rect();
    for (QWidget *widget :
         {static_cast<QWidget *>(page->submitButton()), page->findChild<QWidget *>(QStringLiteral("estimateBox")),
          page->findChild<QWidget *>(QStringLiteral("estimate_cost"))}) {
        QVERIFY(widget);
        QVERIFY2(widget->isVisible(), qPrintable(widget->objectName()));
        const QRect r(widget->mapTo(&w, QPoint(0, 0)), widget->size());
        QVERIFY2(window.contains(r), qPrintable(widget->objectName()));
        QVERIFY2(widget->visibleRegion().boundingRect().size() == widget->size(), qPrintable(widget->objectName()));
    }
    if (const QString dir = qEnvironmentVariable("CINETUNE_GRAB_DIR"); !dir.isEmpty())
        QVERIFY(w.grab().save(QStringLiteral("%1/finetune-%2x%3.png").arg(dir).arg(size.width()).arg(size.height())));
    // A fresh untitled session: Submit works, with no "save the project first" dead end or banner.
    if (size == QSize(1024, 700)) {
        QTRY_VERIFY_WITH_TIMEOUT(page->submitButton()->isEnabled(), 20000);
        page->submitButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(page->jobModel()->rowCount(), 1, 20000);
        QVERIFY(page->banner()->isHidden());
        for (const QLabel *label : page->findChildren<QLabel *>()) {
            QVERIFY2(!label->text().contains(QLatin1String("save the project"), Qt::CaseInsensitive), qPrintable(label->text()));
            QVERIFY2(!label->text().contains(QLatin1String("project first"), Qt::CaseInsensitive), qPrintable(label->text()));
        }
    }
    // The Gold set step does not make the window grow either.
    w.setCurrentStep(int(Step::GoldSet));
    QTest::qWait(50);
    QCOMPARE(w.size(), size);
    QVERIFY(w.minimumSizeHint().width() <= 1024 && w.minimumSizeHint().height() <= 700);
}

// Issue 17: with no point the axis read "0 0 0 1 1 1". Now whole steps, no label twice, and a note.
void TestFineTunePage::emptyLossChartHasCleanAxes()
{
    LossChart chart;
    chart.resize(500, 300);
    chart.show();
    const auto noRepeats = [](const QStringList &labels) {
        return QSet<QString>(labels.begin(), labels.end()).size() == labels.size() && labels.size() >= 2;
    };
    for (const char *axis : {"x", "loss", "accuracy"})
        QVERIFY2(noRepeats(chart.axisLabels(QLatin1String(axis))), qPrintable(chart.axisLabels(QLatin1String(axis)).join(u' ')));
    QVERIFY(chart.isEmptyNoteShown());
    QCOMPARE(chart.axisLabels(QStringLiteral("x")).first(), QStringLiteral("0"));

    MetricsSeries series;
    for (int step = 1; step <= 3; ++step) {
        MetricPoint p;
        p.step = step;
        p.trainLoss = 2.0 / step;
        series.add(p);
    }
    chart.setSeries(series);
    QVERIFY(!chart.isEmptyNoteShown());
    QCOMPARE(chart.axisLabels(QStringLiteral("x")), (QStringList{"0", "1", "2", "3"}));
    QVERIFY(noRepeats(chart.axisLabels(QStringLiteral("loss"))));
    chart.setSeries({});
    QVERIFY(chart.isEmptyNoteShown());
}

QTEST_MAIN(TestFineTunePage)
#include "tst_finetunepage.moc"
