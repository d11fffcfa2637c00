#include "ui/shell/mainwindow.h"

#include "ui/shell/appsettings.h"
#include "ui/shell/backgroundtasks.h"
#include "core/common/appinfo.h"
#include "ui/shell/aboutdialog.h"
#include "ui/shell/providersdialog.h"
#include "ui/shell/settingsdialog.h"
#include "ui/dataset/datasetpage.h"
#include "ui/evaluate/evaluatepage.h"
#include "ui/finetune/finetunepage.h"
#include "ui/goldset/goldsetpage.h"
#include "ui/shell/placeholderpage.h"
#include "ui/playground/playgroundpage.h"
#include "ui/results/resultspage.h"
#include "ui/dataset/datasetcontroller.h"
#include "ui/evaluate/evaluationcontroller.h"
#include "ui/finetune/finetunecontroller.h"
#include "ui/goldset/goldsetcontroller.h"
#include "ui/playground/playgroundcontroller.h"
#include "ui/common/providerservice.h"
#include "ui/results/resultscontroller.h"
#include "ui/shell/workspace.h"
#include "ui/shell/stepnavigator.h"
#include "ui/shell/steps.h"
#include "ui/shell/taskstatuswidget.h"
#include "ui/shell/translations.h"
#include "ui/common/filedialogs.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>

#include <utility>

namespace cinetune::ui {

namespace {

QString droppedPath(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls())
        return {};
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile())
            return url.toLocalFile();
    }
    return {};
}

bool isProjectPath(const QString &path)
{
    return path.endsWith(QLatin1Char('.') + QLatin1String(ProjectFile::kSuffix), Qt::CaseInsensitive);
}

QString projectFilter()
{
    return MainWindow::tr("CineTune projects (*.cinetune);;All files (*)");
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_tasks(new BackgroundTasks(this))
    , m_datasets(new DatasetController(m_tasks, this))
    , m_workspace(new Workspace(m_datasets, this))
    , m_providers(new ProviderService(this))
    , m_fineTune(new FineTuneController(m_providers, m_tasks, this))
    , m_evaluation(new EvaluationController(m_providers, m_datasets, m_tasks, this))
    , m_results(new ResultsController(m_tasks, this))
    , m_language(installedLanguage())
{
    setObjectName(QStringLiteral("mainWindow"));
    setAcceptDrops(true);
    setWindowIcon(QIcon(QStringLiteral(":/icons/cinetune.svg")));

    m_goldSets = new GoldSetController(m_datasets, m_tasks, this);
    m_playground = new PlaygroundController(m_datasets, this);
    m_playground->setProjectSources(m_goldSets, m_fineTune);
    // The controllers follow the workspace's project themselves.
    m_goldSets->setWorkspace(m_workspace);
    m_fineTune->setWorkspace(m_workspace);
    m_evaluation->setWorkspace(m_workspace);
    m_results->setWorkspace(m_workspace);

    buildInterface();

    connect(m_workspace, &Workspace::stepRestored, this, &MainWindow::setCurrentStep);
    connect(m_workspace, &Workspace::projectChanged, this, &MainWindow::updateTitle);
    connect(m_workspace, &Workspace::projectChanged, this, &MainWindow::rebuildRecentMenu);
    connect(m_fineTune, &FineTuneController::submissionState, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(m_fineTune, &FineTuneController::submissionFinished, this, [this](const Result<StoredJob> &r) {
        if (r)
            statusBar()->showMessage(tr("Fine-tuning job %1 submitted; it is followed on the Fine-tune page.").arg(r->job.id),
                                     8000);
        else
            statusBar()->clearMessage(); // the page shows what went wrong
    });
    connect(m_workspace, &Workspace::notice, this, [this](const QString &text) { statusBar()->showMessage(text, 15000); });
    connect(m_workspace, &Workspace::projectError, this,
            [this](const QString &text) { showError(tr("Project not updated"), text); });
    connect(m_datasets, &DatasetController::datasetChanged, this, [this] {
        if (const LoadedDatasetPtr d = m_datasets->current())
            statusBar()->showMessage(
                tr("Dataset loaded: %1 ratings").arg(QLocale().toString(static_cast<qulonglong>(d->dataset->stats.ratings))),
                8000);
    });
    connect(m_datasets, &DatasetController::loadCanceled, this,
            [this] { statusBar()->showMessage(tr("Loading canceled; the previous dataset is still open."), 8000); });
    connect(m_datasets, &DatasetController::loadFailed, this, [this] {
        setCurrentStep(static_cast<int>(Step::Dataset)); // the page shows what went wrong
    });
    // A language switch asked for while tasks ran happens once none does.
    connect(m_tasks, &BackgroundTasks::taskFinished, this, [this] {
        if (!m_pendingLanguage.isEmpty() && !m_tasks->isBusy())
            QTimer::singleShot(0, this, &MainWindow::applyPendingLanguage);
    });

    m_providers->loadKeys();
    updateTitle();
    if (!restoreGeometry(AppSettings::windowState()))
        resize(1280, 800);
}

void MainWindow::buildInterface()
{
    // The previous interface (a language switch) goes: setCentralWidget() and setMenuBar() below
    // delete the old pages and menus; the controllers stay.
    if (m_taskStatus) {
        statusBar()->removeWidget(m_taskStatus);
        m_taskStatus->deleteLater();
    }
    m_navigator = new StepNavigator(this);
    m_pages = new QStackedWidget(this);
    m_datasetPage = new DatasetPage(m_datasets, this);
    m_fineTunePage = new FineTunePage(m_fineTune, this);
    m_evaluatePage = new EvaluatePage(m_evaluation, this);
    m_resultsPage = new ResultsPage(m_results, this);
    m_goldSetPage = new GoldSetPage(m_goldSets, this);
    m_fineTunePage->setGoldSets(m_goldSets);

    m_pages->setObjectName(QStringLiteral("pages"));
    m_pages->addWidget(m_datasetPage);
    for (int i = 1; i < kStepCount; ++i) {
        const auto step = static_cast<Step>(i);
        if (step == Step::GoldSet) {
            m_pages->addWidget(m_goldSetPage);
            continue;
        }
        if (step == Step::FineTune) {
            m_pages->addWidget(m_fineTunePage);
            continue;
        }
        if (step == Step::Playground) {
            auto *playground = new PlaygroundPage(m_playground, m_providers, m_pages);
            connect(playground, &PlaygroundPage::providersRequested, this, &MainWindow::showProviders);
            m_pages->addWidget(playground);
            continue;
        }
        if (step == Step::Evaluate) {
            m_pages->addWidget(m_evaluatePage);
            continue;
        }
        if (step == Step::Results) {
            m_pages->addWidget(m_resultsPage);
            continue;
        }
        auto *page = new PlaceholderPage(stepTitle(step), stepDescription(step), m_pages);
        page->setObjectName(QStringLiteral("placeholderPage%1").arg(i));
        m_pages->addWidget(page);
    }

    auto *central = new QWidget(this);
    auto *line = new QFrame(central);
    line->setFrameShape(QFrame::VLine);
    line->setFrameShadow(QFrame::Sunken);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_navigator);
    layout->addWidget(line);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    m_taskStatus = new TaskStatusWidget(m_tasks, statusBar());
    statusBar()->addPermanentWidget(m_taskStatus);
    setMenuBar(new QMenuBar(this)); // the previous one (and its menus) is deleted
    createMenus();

    connect(m_navigator, &StepNavigator::currentStepChanged, this, &MainWindow::onStepChanged);
    connect(m_goldSetPage, &GoldSetPage::datasetRequested, this, [this] { setCurrentStep(static_cast<int>(Step::Dataset)); });
    connect(m_goldSetPage, &GoldSetPage::saveProjectRequested, this, &MainWindow::saveProjectAs);
    connect(m_fineTunePage, &FineTunePage::goldSetStepRequested, this,
            [this] { setCurrentStep(static_cast<int>(Step::GoldSet)); });
    connect(m_evaluatePage, &EvaluatePage::saveProjectRequested, this, &MainWindow::saveProjectAs);
    connect(m_evaluatePage, &EvaluatePage::stepRequested, this, &MainWindow::setCurrentStep);
    connect(m_resultsPage, &ResultsPage::stepRequested, this, &MainWindow::setCurrentStep);
    connect(m_fineTunePage, &FineTunePage::providersRequested, this, &MainWindow::showProviders);
}

void MainWindow::switchLanguage(const QString &language)
{
    m_pendingLanguage = effectiveLanguage(language);
    if (m_tasks->isBusy()) {
        statusBar()->showMessage(tr("The new language is applied as soon as the background tasks have finished."));
        return;
    }
    applyPendingLanguage();
}

void MainWindow::applyPendingLanguage()
{
    if (m_pendingLanguage.isEmpty() || m_tasks->isBusy())
        return;
    const QString language = std::exchange(m_pendingLanguage, QString());
    if (language == m_language)
        return;
    if (!installTranslators(*qApp, language)) {
        installTranslators(*qApp, m_language); // stay as it was
        showError(tr("Language not changed"), tr("The %1 translation could not be loaded.").arg(language));
        return;
    }
    m_language = language;
    const int step = m_workspace->currentStep();
    const QByteArray geometry = saveGeometry();
    setUpdatesEnabled(false);
    buildInterface();
    setCurrentStep(step);
    updateTitle();
    restoreGeometry(geometry);
    setUpdatesEnabled(true);
    statusBar()->clearMessage();
}

MainWindow::~MainWindow()
{
    m_tasks->cancelAll();
    // Closing the project tells every controller bound to the workspace to let go of it (job
    // monitoring stops, runs in flight are dropped: what arrived is stored) while the services
    // and pages they talk to are still there; an untitled session's temporary file goes with it.
    delete m_workspace;
    // The pages before the controllers they show (the controllers are older children).
    delete takeCentralWidget();
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *newProject = file->addAction(tr("&New Project…"), this, &MainWindow::newProject);
    newProject->setShortcut(QKeySequence::New);
    QAction *open = file->addAction(tr("&Open Project…"), this, &MainWindow::openProject);
    open->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    QAction *save = file->addAction(tr("&Save Project"), this, &MainWindow::saveProject);
    save->setShortcut(QKeySequence::Save);
    QAction *saveAs = file->addAction(tr("Save Project &As…"), this, &MainWindow::saveProjectAs);
    saveAs->setShortcut(QKeySequence::SaveAs);
    file->addSeparator();
    QAction *openDataset = file->addAction(tr("Open &Dataset…"), m_datasetPage, &DatasetPage::chooseFile);
    openDataset->setShortcut(QKeySequence(tr("Ctrl+D")));
    file->addAction(tr("Open Dataset &Folder…"), m_datasetPage, &DatasetPage::chooseFolder);
    file->addAction(tr("Open &Sample Dataset"), m_datasetPage, &DatasetPage::openSample);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *settings = edit->addAction(tr("&Settings…"), this, &MainWindow::showSettings);
    settings->setShortcut(QKeySequence::Preferences);
    settings->setMenuRole(QAction::PreferencesRole);

    QMenu *go = menuBar()->addMenu(tr("&Go"));
    for (int i = 0; i < kStepCount; ++i) {
        QAction *a = go->addAction(stepTitle(static_cast<Step>(i)), this, [this, i] { setCurrentStep(i); });
        a->setShortcut(QKeySequence(Qt::ALT | static_cast<Qt::Key>(Qt::Key_1 + i)));
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About CineTune"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
    QAction *aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);

    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = AppSettings::recentProjects();
    int n = 0;
    for (const QString &path : recent) {
        ++n;
        const QString label = n < 10 ? QStringLiteral("&%1 %2").arg(n).arg(QFileInfo(path).fileName())
                                     : QFileInfo(path).fileName();
        QAction *a = m_recentMenu->addAction(
            label, this, [this, path] { confirmLeavingUntitled(tr("Open Project"), [this, path] { openProjectFile(path); }); });
        a->setToolTip(QDir::toNativeSeparators(path));
        a->setStatusTip(QDir::toNativeSeparators(path));
    }
    if (recent.isEmpty()) {
        m_recentMenu->addAction(tr("No recent projects"))->setEnabled(false);
    } else {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("Clear Menu"), this, [this] {
            AppSettings::clearRecentProjects();
            rebuildRecentMenu();
        });
    }
}

void MainWindow::updateTitle()
{
    // File dialogs start in the project's folder (an untitled session's temporary one is no place for files).
    setProjectFolder(m_workspace->isUntitled() ? QString() : QFileInfo(m_workspace->projectPath()).absolutePath());
    setWindowTitle(tr("%1 — CineTune").arg(m_workspace->displayName()));
    setWindowFilePath(m_workspace->projectPath());
}

int MainWindow::currentStep() const
{
    return m_pages->currentIndex();
}

void MainWindow::setCurrentStep(int step)
{
    if (step < 0 || step >= kStepCount)
        return;
    m_navigator->setCurrentStep(step); // emits currentStepChanged -> onStepChanged
    onStepChanged(step);
}

void MainWindow::onStepChanged(int step)
{
    if (m_pages->currentIndex() != step)
        m_pages->setCurrentIndex(step);
    m_workspace->setCurrentStep(step);
}

void MainWindow::openPath(const QString &path)
{
    if (isProjectPath(path))
        openProjectFile(path);
    else
        m_datasetPage->openDataset(path);
}

bool MainWindow::openProjectFile(const QString &path)
{
    const Status s = m_workspace->openProject(path);
    if (!s.ok()) {
        if (!QFileInfo::exists(path)) {
            AppSettings::removeRecentProject(path);
            rebuildRecentMenu();
        }
        showError(tr("Could not open the project"),
                  s.error().message + QStringLiteral("\n\n")
                      + tr("Choose another project (File ▸ Open Project…), or create one with File ▸ New Project…."));
        return false;
    }
    AppSettings::setLastDirectory(QFileInfo(path).absolutePath());
    statusBar()->showMessage(tr("Opened project %1").arg(QDir::toNativeSeparators(m_workspace->projectPath())), 5000);
    return true;
}

bool MainWindow::createProjectFile(const QString &path)
{
    const Status s = m_workspace->newProject(path);
    if (!s.ok()) {
        showError(tr("Could not create the project"),
                  s.error().message + QStringLiteral("\n\n") + tr("Choose a folder you can write to and try again."));
        return false;
    }
    AppSettings::setLastDirectory(QFileInfo(path).absolutePath());
    return true;
}

bool MainWindow::saveProjectFileAs(const QString &path)
{
    const Status s = m_workspace->saveAs(path);
    if (!s.ok()) {
        showError(tr("Could not save the project"),
                  s.error().message + QStringLiteral("\n\n")
                      + tr("The project is unchanged. Choose a folder you can write to and try again."));
        return false;
    }
    AppSettings::setLastDirectory(QFileInfo(path).absolutePath());
    statusBar()->showMessage(tr("Saved project as %1").arg(QDir::toNativeSeparators(m_workspace->projectPath())), 5000);
    return true;
}

void MainWindow::newProject()
{
    askSaveFile(this, tr("New Project"), DialogStart{filepurpose::Project, tr("Untitled.cinetune")}, projectFilter(),
                QLatin1String(ProjectFile::kSuffix), [this](const QString &path) { createProjectFile(path); });
}

void MainWindow::openProject()
{
    confirmLeavingUntitled(tr("Open Project"), [this] {
        askOpenFile(this, tr("Open Project"), DialogStart{filepurpose::Project}, projectFilter(),
                    [this](const QString &path) { openProjectFile(path); });
    });
}

void MainWindow::saveProject()
{
    if (m_workspace->isUntitled() || !m_workspace->hasProject()) {
        saveProjectAs();
        return;
    }
    statusBar()->showMessage(
        tr("Every change is saved in %1 as it is made.").arg(QDir::toNativeSeparators(m_workspace->projectPath())), 5000);
}

void MainWindow::confirmLeavingUntitled(const QString &action, const std::function<void()> &proceed)
{
    if (!m_workspace->hasUnsavedWork()) {
        proceed();
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Question, action, tr("Save the untitled project?"),
                                QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("saveUntitledBox"));
    box->setInformativeText(tr("It holds gold sets, fine-tuning jobs or evaluation runs that are lost unless you save them."));
    box->setDefaultButton(QMessageBox::Save);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    connect(box, &QMessageBox::buttonClicked, this, [this, box, proceed](QAbstractButton *button) {
        const QMessageBox::StandardButton choice = box->standardButton(button);
        if (choice == QMessageBox::Discard) {
            proceed();
        } else if (choice == QMessageBox::Save) {
            const DialogStart suggested{filepurpose::Project, m_workspace->displayName() + QStringLiteral(".cinetune")};
            askSaveFile(this, tr("Save Project As"), suggested, projectFilter(), QLatin1String(ProjectFile::kSuffix),
                        [this, proceed](const QString &path) {
                            if (saveProjectFileAs(path))
                                proceed();
                        });
        }
    });
    box->open();
}

void MainWindow::saveProjectAs()
{
    const DialogStart suggested{filepurpose::Project, m_workspace->displayName() + QStringLiteral(".cinetune")};
    askSaveFile(this, tr("Save Project As"), suggested, projectFilter(), QLatin1String(ProjectFile::kSuffix),
                [this](const QString &path) { saveProjectFileAs(path); });
}

void MainWindow::showSettings()
{
    auto *dialog = new SettingsDialog(m_datasets, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SettingsDialog::providersRequested, this, &MainWindow::showProviders);
    connect(dialog, &SettingsDialog::languageChanged, this, [this](const QString &language) {
        // After the dialog has closed: the switch rebuilds the window's widgets.
        QTimer::singleShot(0, this, [this, language] { switchLanguage(language); });
    });
    dialog->open();
}

void MainWindow::showProviders()
{
    auto *dialog = new ProvidersDialog(m_providers, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showAbout()
{
    auto *dialog = new AboutDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showError(const QString &title, const QString &message)
{
    auto *box = new QMessageBox(QMessageBox::Warning, title, title, QMessageBox::Ok, this);
    box->setInformativeText(message);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_leaving && m_workspace->hasUnsavedWork()) {
        event->ignore();
        confirmLeavingUntitled(tr("Quit"), [this] {
            m_leaving = true;
            close();
        });
        return;
    }
    AppSettings::setWindowState(saveGeometry());
    m_tasks->cancelAll();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!droppedPath(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QString path = droppedPath(event->mimeData());
    if (path.isEmpty())
        return;
    event->acceptProposedAction();
    if (!isProjectPath(path)) {
        setCurrentStep(static_cast<int>(Step::Dataset));
        openPath(path);
        return;
    }
    confirmLeavingUntitled(tr("Open Project"), [this, path] { openProjectFile(path); });
}

} // namespace cinetune::ui
