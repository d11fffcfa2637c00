#pragma once

#include <QMainWindow>

#include <functional>

class QMenu;
class QStackedWidget;

namespace cinetune::ui {

class BackgroundTasks;
class DatasetController;
class DatasetPage;
class FineTuneController;
class FineTunePage;
class GoldSetController;
class GoldSetPage;
class PlaygroundController;
class EvaluationController;
class EvaluatePage;
class ProviderService;
class ResultsController;
class ResultsPage;
class StepNavigator;
class Workspace;

// Hosts the application: the step navigator, one page per step, the menus and the status bar with
// background tasks. It owns the session services (tasks, dataset controller, workspace) and wires
// them to the pages; all work happens in those services and pages.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    BackgroundTasks *tasks() const { return m_tasks; }
    DatasetController *datasets() const { return m_datasets; }
    Workspace *workspace() const { return m_workspace; }
    StepNavigator *navigator() const { return m_navigator; }
    QStackedWidget *pages() const { return m_pages; }
    DatasetPage *datasetPage() const { return m_datasetPage; }
    ProviderService *providers() const { return m_providers; }
    FineTuneController *fineTune() const { return m_fineTune; }
    FineTunePage *fineTunePage() const { return m_fineTunePage; }
    EvaluationController *evaluation() const { return m_evaluation; }
    EvaluatePage *evaluatePage() const { return m_evaluatePage; }
    ResultsPage *resultsPage() const { return m_resultsPage; }
    int currentStep() const;
    // The language the interface shows ("en", "de").
    QString language() const { return m_language; }

public Q_SLOTS:
    void setCurrentStep(int step);
    // A .cinetune project or a dataset file/folder (command line, drag and drop).
    void openPath(const QString &path);
    // Non-interactive project actions; failures are shown in a message box next to the window.
    bool openProjectFile(const QString &path);
    bool createProjectFile(const QString &path);
    bool saveProjectFileAs(const QString &path);

    // Interactive actions behind the menus.
    void newProject();
    void openProject();
    // Every change is written at once: in an untitled session this is Save As.
    void saveProject();
    void saveProjectAs();
    void showSettings();
    void showProviders();
    void showAbout();
    // Switches the interface to `language` ("en", "de"; "" = the system's) without a restart:
    // installs its translators and rebuilds the navigator, pages, menus and status bar in it. The
    // project, the dataset, the step, the window geometry and the work of the controllers stay.
    // While a background task runs, the switch waits until none does (the status bar says so).
    void switchLanguage(const QString &language);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    // The widgets shown (navigator, pages, menus, status-bar tasks), built in the current language
    // over the session's services and controllers; called again by switchLanguage().
    void buildInterface();
    void applyPendingLanguage();
    void createMenus();
    void rebuildRecentMenu();
    void updateTitle();
    void showError(const QString &title, const QString &message);
    void onStepChanged(int step);
    // Runs `proceed` at once, or, when the untitled session holds work, after the user chose to
    // save it (and it was saved) or to discard it; nothing when they cancel.
    void confirmLeavingUntitled(const QString &action, const std::function<void()> &proceed);

    BackgroundTasks *m_tasks;
    DatasetController *m_datasets;
    Workspace *m_workspace;
    StepNavigator *m_navigator = nullptr;
    QStackedWidget *m_pages = nullptr;
    DatasetPage *m_datasetPage = nullptr;
    ProviderService *m_providers;
    FineTuneController *m_fineTune;
    FineTunePage *m_fineTunePage = nullptr;
    GoldSetController *m_goldSets = nullptr;
    GoldSetPage *m_goldSetPage = nullptr;
    EvaluationController *m_evaluation;
    EvaluatePage *m_evaluatePage = nullptr;
    ResultsController *m_results;
    ResultsPage *m_resultsPage = nullptr;
    PlaygroundController *m_playground = nullptr;
    QWidget *m_taskStatus = nullptr;
    QString m_language;        // shown now
    QString m_pendingLanguage; // to switch to once no background task runs ("" = none)
    QMenu *m_recentMenu = nullptr;
    bool m_leaving = false; // the user agreed to close an untitled session holding work
};

} // namespace cinetune::ui
