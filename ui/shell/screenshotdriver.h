#pragma once

#include <QAction>
#include <QDir>
#include <QObject>
#include <QSize>
#include <QStringList>

#include <functional>
#include <vector>

namespace cinetune::ui {

class DatasetController;
class DatasetPage;
class EvaluationController;
class FineTuneController;
class FineTunePage;
class GoldSetController;
class GoldSetPage;
class MainWindow;
class ProviderService;
class ResultsPage;
class Workspace;

// Documentation screenshots: once the window shows a dataset, it visits every step (and the
// Dataset page's tabs; on the Fine-tune step a finished job of the offline simulator; on the
// Playground two baseline columns; on Results runs of the pipeline, scored), saves
// QWidget::grab() of the window as PNGs into a folder and quits the application (exit code 1
// when the dataset fails to load or an image cannot be written). It also opens every dialog
// (providers, settings, about, a new run, each page of the gold-set wizard) and shoots it.
// Enabled by CINETUNE_SCREENSHOT_DIR or the hidden --screenshot-dir=DIR argument.
// Check mode (CINETUNE_LAYOUT_CHECK=1): after each shot the window or dialog is checked against a
// screen of the shot size (ui/shell/layoutcheck.h); every problem is printed to stderr as
// "layout: SHOT: …" and the exit code is 3 when there was any.
class ScreenshotDriver final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScreenshotDriver)

public:
    ScreenshotDriver(MainWindow *window, const QString &directory);

    static QString directoryFromEnvironment(const QStringList &args);
    // The window size of the shots: CINETUNE_SCREENSHOT_SIZE=WxH or --screenshot-size=WxH;
    // 1366×768 when unset or malformed (with a warning).
    static QSize sizeFromEnvironment(const QStringList &args);

private:
    void start();
    void next();
    void fail(const QString &message);
    // The Fine-tune shot: a succeeded job of the offline simulator (started in-process) in a
    // project in a temporary folder, with its loss chart. Calls next() when the job is done.
    void prepareFineTune();
    // The Gold set shots: two gold sets built on the sample in the screenshot project. Calls
    // next() when they are saved.
    void prepareGoldSets();
    // The Playground shot: an ItemKNN and a Most-popular column answering for dataset user 1.
    // Calls next() when both answered; skips the shot (no file written) when they cannot.
    void preparePlayground();
    // The Results shot: real runs on the first gold set's test split (Most popular, ItemKNN, and
    // the simulator's base and fine-tuned models), scored by the page. Calls next() when scored.
    void prepareResults();
    void skip(const QString &why);
    bool ensureProject();
    QWidget *openDialog() const; // a visible dialog of the window, or null
    void clickButton(const QString &objectName);
    void triggerAction(QAction::MenuRole role);

    MainWindow *m_window;
    QDir m_dir;
    DatasetPage *m_datasetPage;
    GoldSetPage *m_goldSetPage;
    FineTunePage *m_fineTunePage;
    ResultsPage *m_resultsPage;
    DatasetController *m_datasets;
    Workspace *m_workspace;
    GoldSetController *m_goldSets;
    FineTuneController *m_fineTune;
    ProviderService *m_providers;
    EvaluationController *m_evaluation;
    std::vector<std::pair<QString, std::function<void()>>> m_shots;
    std::size_t m_index = 0;
    bool m_started = false;
    bool m_fineTuneReady = false;
    bool m_goldSetsReady = false;
    bool m_playgroundReady = false;
    bool m_resultsReady = false;
    QSize m_screen;       // the size the window is shown at, and the screen the checks assume
    bool m_check = false; // CINETUNE_LAYOUT_CHECK=1
    int m_problems = 0;   // layout problems found so far
    QString m_workDir;
};

} // namespace cinetune::ui
