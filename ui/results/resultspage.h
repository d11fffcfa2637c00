#pragma once

#include "core/common/result.h"
#include "core/dataset/dataset.h"
#include "core/results/comparison.h"
#include "core/results/projectruns.h"
#include "core/results/report.h"

#include <QList>
#include <QWidget>

#include <functional>

class QCheckBox;
class QComboBox;
class QGridLayout;
class QLabel;
class QListWidget;
class QPushButton;
class QScrollArea;
class QTabWidget;

namespace cinetune {
class ProjectFile;
}

namespace cinetune::ui {

class MessageBanner;
class ResultsChartView;
class ResultsController;
class ResultsTableView;
struct ReportFiles;

// Step 6: compare runs (the project's, read and scored by a ResultsController). A gold set chooses the group; the checked runs become the table columns
// and chart series; two runs form the paired comparison. Tables in the paper's layout and the
// extended layout, charts like the paper's Figure 2 and more, each exportable from its context
// menu; "Export All…" writes every table and chart; "Write Report…" writes report.html and .pdf.
class ResultsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultsPage)

public:
    // The paired values of runs a − b of a group (indices into group.runs); empty = not available.
    using PairFunction = std::function<QHash<QString, PairedCell>(const GoldSetResults &group, int a, int b)>;

    // Without a controller the page makes its own (with its own BackgroundTasks).
    explicit ResultsPage(ResultsController *controller = nullptr, QWidget *parent = nullptr);

    ResultsController *controller() const { return m_controller; }

    void setComparison(const ResultsComparison &comparison);
    const ResultsComparison &comparison() const { return m_comparison; }
    // The project whose runs, facts and loss curves are shown (ResultsController::setProject).
    void setProject(ProjectFile *project);
    void setReportBase(const ReportData &base) { m_reportBase = base; }
    // The dataset the project's runs are resolved on (titles → movies); nullptr when none.
    void setDataset(DatasetPtr dataset);
    // Has the controller read and score the project's runs; the comparison is replaced when they
    // are scored (runsScored). Also called when the page is shown, so runs that progressed
    // meanwhile are counted.
    void refreshRuns();
    bool scoring() const;
    void setPairFunction(PairFunction f);

    void setCurrentGroup(int index);
    int currentGroup() const;
    // Shows only these runs of the current group (indices), in this order.
    void setVisibleRuns(const QList<int> &runs);
    QList<int> visibleRuns() const;
    // Paired comparison runs[a] − runs[b] of the current group; -1, -1 for none.
    void setPair(int a, int b);

    // What is shown: the current group restricted to the checked runs, with the pair, and the loss
    // curves of the fine-tuning jobs behind those runs.
    ResultsComparison shownComparison() const;
    // The project's scored runs among the shown ones (in the shown order); empty for a comparison
    // set from outside (no per-user rows).
    QList<ScoredRun> shownScoredRuns() const;
    // perUserRunsCsv() of shownScoredRuns(); the name "Export All" gives it.
    QString perUserCsv() const;
    QString perUserFileName() const;

    ResultsTableView *paperTableView() const { return m_paperTable; }
    ResultsTableView *extendedTableView() const { return m_extendedTable; }
    QList<ResultsChartView *> chartViews() const { return m_charts; }
    QTabWidget *tabs() const { return m_tabs; }
    MessageBanner *banner() const { return m_banner; }
    // "Go to Dataset" beside the banner while the project's runs wait for the dataset.
    QPushButton *datasetButton() const { return m_bannerDataset; }
    // Charts side by side (2) or stacked (1), by the width available.
    int chartColumns() const { return m_chartColumns; }

    [[nodiscard]] Result<int> exportAllTo(const QString &dir, QSize pngSize, int dpi) const;
    [[nodiscard]] Result<ReportFiles> writeReportTo(const QString &dir) const;

    // Renders the charts here, then encodes and writes the files on a worker thread (the controller).
    void startExportAll(const QString &dir, QSize pngSize, int dpi);
    // Renders the charts here, then writes the files on a worker thread; emits reportFinished.
    void startReport(const QString &dir);
    bool reportRunning() const;

public Q_SLOTS:
    void exportAll();
    void writeReport();

Q_SIGNALS:
    void reportFinished(bool ok, const QString &message);
    void exportFinished(bool ok, const QString &message);
    void runsScored(int runs);
    // Asks the main window to show another step (a ui/shell/steps.h Step), e.g. the Dataset step.
    void stepRequested(int step);

protected:
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void exportPerUserRows();
    QList<const ScoredRun *> shownScoredRunPointers() const; // into the controller's, no copies
    ReportData reportBase() const;
    void onRunsScored(int runs);
    void onExportFinished(const Result<int> &result);
    void onReportFinished(const Result<ReportFiles> &result);
    void rebuildGroupChoices();
    void rebuildRunList();
    void refresh();
    void layoutCharts();
    void showBanner(bool error, const QString &title, const QString &text);
    void onDatasetNeeded(int runs);

    ResultsController *m_controller;
    ResultsComparison m_comparison;
    ReportData m_reportBase; // without a project: what setReportBase() gave
    PairFunction m_pairFunction;
    MessageBanner *m_banner;
    QPushButton *m_bannerDataset;
    bool m_bannerShowsMissing = false;
    int m_chartColumns = 2;
    QComboBox *m_group;
    QListWidget *m_runs;
    QComboBox *m_pairA;
    QComboBox *m_pairB;
    QCheckBox *m_paperReference = nullptr; // the paper's published figures beside the runs
    QPushButton *m_exportAll;
    QPushButton *m_report;
    QLabel *m_empty;
    QTabWidget *m_tabs;
    ResultsTableView *m_paperTable;
    ResultsTableView *m_extendedTable;
    QWidget *m_chartArea;
    QScrollArea *m_chartScroll;
    QGridLayout *m_chartGrid;
    QList<ResultsChartView *> m_charts;
    bool m_reportRunning = false;
    bool m_exportRunning = false;
    QString m_exportDir;
    bool m_updating = false;
};

} // namespace cinetune::ui
