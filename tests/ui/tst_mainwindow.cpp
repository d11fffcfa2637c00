// The main window: it builds, hosts six steps, switches between them, has its menus and a status
// bar that shows and cancels background work, and round-trips a project (dataset + step).
#include "uitest.h"

#include "ui/shell/backgroundtasks.h"
#include "ui/shell/mainwindow.h"
#include "ui/dataset/datasetpage.h"
#include "ui/shell/placeholderpage.h"
#include "ui/dataset/datasetcontroller.h"
#include "ui/shell/workspace.h"
#include "ui/shell/stepnavigator.h"
#include "ui/shell/steps.h"
#include "ui/shell/translations.h"
#include "ui/evaluate/evaluatepage.h"

#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QProgressBar>
#include <QPromise>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QToolButton>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>

using namespace cinetune;
using namespace cinetune::ui;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void builds();
    void switchesSteps_data();
    void switchesSteps();
    void navigatorClickSwitchesPage();
    void menus_data();
    void menus();
    void statusBarShowsAndCancelsTasks();
    void projectRoundTrip();
    void languageSwitchIsLive();
    void languageSwitchWaitsForTasks();

private:
    QTemporaryDir m_tmp;
};

void TestMainWindow::initTestCase()
{
    uitest::prepare();
    QVERIFY(m_tmp.isValid());
}

void TestMainWindow::builds()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QCOMPARE(w.navigator()->count(), 6);
    QCOMPARE(w.pages()->count(), 6);
    QCOMPARE(w.currentStep(), 0);
    QCOMPARE(w.pages()->currentWidget(), w.datasetPage());
    QVERIFY(w.windowTitle().contains(QStringLiteral("CineTune")));
    QVERIFY(w.windowTitle().contains(QStringLiteral("Untitled")));
    QVERIFY(!w.windowIcon().isNull());
    QVERIFY(!w.statusBar()->findChild<QWidget *>(QStringLiteral("taskStatus"))->isVisible());
}

void TestMainWindow::switchesSteps_data()
{
    QTest::addColumn<int>("step");
    QTest::addColumn<QString>("title");
    QTest::addColumn<bool>("placeholder");
    QTest::newRow("dataset") << 0 << "Dataset" << false;
    QTest::newRow("gold set") << 1 << "Gold set" << false;
    QTest::newRow("fine-tune") << 2 << "Fine-tune" << false;
    QTest::newRow("evaluate") << 3 << "Evaluate" << false;
    QTest::newRow("playground") << 4 << "Playground" << false;
    QTest::newRow("results") << 5 << "Results" << false;
}

void TestMainWindow::switchesSteps()
{
    QFETCH(int, step);
    QFETCH(QString, title);
    QFETCH(bool, placeholder);
    MainWindow w;
    w.show();
    w.setCurrentStep(step);
    QCOMPARE(w.currentStep(), step);
    QCOMPARE(w.navigator()->currentStep(), step);
    QCOMPARE(w.workspace()->currentStep(), step);
    QVERIFY(w.navigator()->stepText(step).contains(title));
    QWidget *page = w.pages()->currentWidget();
    QCOMPARE(qobject_cast<PlaceholderPage *>(page) != nullptr, placeholder);
    if (placeholder) {
        QCOMPARE(page->findChild<QLabel *>(QStringLiteral("placeholderTitle"))->text(), title);
        QCOMPARE(page->findChild<QLabel *>(QStringLiteral("placeholderStatus"))->text(), QStringLiteral("Not available yet"));
        QVERIFY(page->findChild<QLabel *>(QStringLiteral("placeholderDescription"))->text().size() > 40);
    }
}

void TestMainWindow::navigatorClickSwitchesPage()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    auto *list = w.navigator()->findChild<QListWidget *>(QStringLiteral("stepList"));
    QVERIFY(list);
    const QRect rect = list->visualItemRect(list->item(3));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(w.currentStep(), 3);
    QTest::keyClick(list, Qt::Key_Up);
    QCOMPARE(w.currentStep(), 2);
}

void TestMainWindow::menus_data()
{
    QTest::addColumn<QString>("menu");
    QTest::addColumn<QStringList>("actions");
    QTest::newRow("file") << "&File" << QStringList{"&New Project…",         "&Open Project…",       "Open &Recent",
                                                    "&Save Project",         "Save Project &As…",    "Open &Dataset…",
                                                    "Open Dataset &Folder…", "Open &Sample Dataset", "&Quit"};
    QTest::newRow("edit") << "&Edit" << QStringList{"&Settings…"};
    QTest::newRow("help") << "&Help" << QStringList{"&About CineTune", "About &Qt"};
}

void TestMainWindow::menus()
{
    QFETCH(QString, menu);
    QFETCH(QStringList, actions);
    MainWindow w;
    QMenu *found = nullptr;
    for (QAction *a : w.menuBar()->actions()) {
        if (a->text() == menu)
            found = a->menu();
    }
    QVERIFY2(found, qPrintable(menu));
    QStringList texts;
    for (QAction *a : found->actions())
        texts << a->text();
    for (const QString &expected : actions)
        QVERIFY2(texts.contains(expected), qPrintable(expected));
}

void TestMainWindow::statusBarShowsAndCancelsTasks()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QFuture<void> future = QtConcurrent::run([](QPromise<void> &promise) {
        promise.setProgressRange(0, 100);
        for (int i = 0; i < 100000 && !promise.isCanceled(); ++i) {
            promise.setProgressValueAndText(std::min(i, 99), QStringLiteral("Step %1").arg(i));
            QThread::msleep(5);
        }
    });
    QSignalSpy finished(w.tasks(), &BackgroundTasks::taskFinished);
    w.tasks()->track(future, QStringLiteral("Test task"));
    auto *status = w.statusBar()->findChild<QWidget *>(QStringLiteral("taskStatus"));
    QVERIFY(status->isVisible());
    auto *text = status->findChild<QLabel *>(QStringLiteral("taskText"));
    QTRY_VERIFY(text->text().startsWith(QStringLiteral("Test task: Step")));
    QTRY_VERIFY(status->findChild<QProgressBar *>(QStringLiteral("taskProgress"))->value() > 0);
    QTest::mouseClick(status->findChild<QToolButton *>(QStringLiteral("taskCancel")), Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    QVERIFY(future.isCanceled());
    QCOMPARE(w.tasks()->count(), 0);
    QVERIFY(!status->isVisible());
}

void TestMainWindow::projectRoundTrip()
{
    const QString path = m_tmp.filePath(QStringLiteral("roundtrip.cinetune"));
    {
        auto w = std::make_unique<MainWindow>();
        w->show();
        QVERIFY(w->createProjectFile(path));
        QVERIFY(w->windowTitle().startsWith(QStringLiteral("roundtrip")));
        QSignalSpy shown(w->datasetPage(), &DatasetPage::datasetShown);
        w->datasetPage()->openDataset(uitest::samplePath());
        QVERIFY(shown.wait(120000));
        w->setCurrentStep(static_cast<int>(Step::Evaluate));
        w->close();
    }
    auto w = std::make_unique<MainWindow>();
    w->show();
    QSignalSpy shown(w->datasetPage(), &DatasetPage::datasetShown);
    QVERIFY(w->openProjectFile(path));
    QCOMPARE(w->currentStep(), static_cast<int>(Step::Evaluate));
    QVERIFY(w->windowTitle().startsWith(QStringLiteral("roundtrip")));
    QVERIFY(shown.wait(120000));
    QCOMPARE(w->datasetPage()->figure(QStringLiteral("ratings")), QStringLiteral("100,836"));
    QCOMPARE(w->datasets()->current()->requestedPath, QDir::cleanPath(uitest::samplePath()));
    QCOMPARE(w->currentStep(), static_cast<int>(Step::Evaluate)); // loading did not move the user
}

// Settings ▸ Language applies at once: the sidebar, the menus and the pages show the new language,
// and the project, the dataset, the step and the window's size stay.
void TestMainWindow::languageSwitchIsLive()
{
    const QString path = m_tmp.filePath(QStringLiteral("language.cinetune"));
    MainWindow w;
    w.resize(1024, 700);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.createProjectFile(path));
    QSignalSpy shown(w.datasetPage(), &DatasetPage::datasetShown);
    w.datasetPage()->openDataset(uitest::samplePath());
    QVERIFY(shown.wait(120000));
    const int evaluate = static_cast<int>(Step::Evaluate);
    w.setCurrentStep(evaluate);
    QVERIFY(w.navigator()->stepText(evaluate).contains(QLatin1String("Evaluate")));
    auto pageTitle = [&w] {
        const auto labels = w.evaluatePage()->findChildren<QLabel *>();
        QStringList texts;
        for (const QLabel *l : labels)
            texts << l->text();
        return texts;
    };
    QVERIFY(pageTitle().contains(QStringLiteral("Evaluate")));
    ProjectFile *project = w.workspace()->project();

    w.switchLanguage(QStringLiteral("de"));
    QTRY_COMPARE_WITH_TIMEOUT(w.language(), QStringLiteral("de"), 60000); // after the tasks the load started
    QVERIFY2(w.navigator()->stepText(evaluate).contains(QLatin1String("Auswertung")),
             qPrintable(w.navigator()->stepText(evaluate)));
    QVERIFY(w.navigator()->stepText(0).contains(QLatin1String("Datensatz")));
    QVERIFY2(pageTitle().contains(QStringLiteral("Auswertung")), qPrintable(pageTitle().join(QLatin1Char('|'))));
    QCOMPARE(w.menuBar()->actions().first()->text(), QStringLiteral("&Datei"));
    // The same session: project, dataset, step and size.
    QCOMPARE(w.workspace()->project(), project);
    QCOMPARE(w.workspace()->projectPath(), QDir::cleanPath(path));
    QCOMPARE(w.currentStep(), evaluate);
    QCOMPARE(w.pages()->currentWidget(), static_cast<QWidget *>(w.evaluatePage()));
    QVERIFY(w.datasets()->current());
    QTRY_COMPARE(w.datasetPage()->figure(QStringLiteral("ratings")), QStringLiteral("100.836")); // German digits
    QCOMPARE(w.pages()->count(), 6);
    // German texts are longer: still no page forces the window past 1024×700.
    for (int step = 0; step < kStepCount; ++step) {
        w.setCurrentStep(step);
        QCoreApplication::processEvents();
    }
    w.setCurrentStep(evaluate);
    QVERIFY2(w.minimumSizeHint().width() <= 1024 && w.minimumSizeHint().height() <= 700,
             qPrintable(QStringLiteral("%1×%2").arg(w.minimumSizeHint().width()).arg(w.minimumSizeHint().height())));
    QCOMPARE(w.size(), QSize(1024, 700));

    w.switchLanguage(QStringLiteral("en"));
    QTRY_COMPARE_WITH_TIMEOUT(w.language(), QStringLiteral("en"), 60000);
    QVERIFY(w.navigator()->stepText(evaluate).contains(QLatin1String("Evaluate")));
    QCOMPARE(w.menuBar()->actions().first()->text(), QStringLiteral("&File"));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestMainWindow::languageSwitchWaitsForTasks()
{
    MainWindow w;
    w.show();
    QPromise<void> promise;
    promise.start();
    w.tasks()->track(promise.future(), QStringLiteral("Busy"));
    w.switchLanguage(QStringLiteral("de"));
    QCOMPARE(w.language(), QStringLiteral("en")); // not while a task runs ...
    QVERIFY(w.navigator()->stepText(0).contains(QLatin1String("Dataset")));
    promise.finish();
    QTRY_COMPARE(w.language(), QStringLiteral("de")); // ... but as soon as it has finished
    QVERIFY(w.navigator()->stepText(0).contains(QLatin1String("Datensatz")));
    w.switchLanguage(QStringLiteral("en"));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
