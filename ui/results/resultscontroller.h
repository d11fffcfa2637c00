#pragma once

#include "core/common/result.h"
#include "core/dataset/dataset.h"
#include "core/results/projectfacts.h"
#include "core/results/projectruns.h"
#include "core/results/report.h"
#include "ui/results/reportwriter.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

namespace cinetune {
class ProjectFile;
}

namespace cinetune::ui {

class BackgroundTasks;
class Workspace;

// The Results step's side of the project: reads the report facts, the jobs' loss curves and the
// runs (on the project's thread), scores the runs on a worker, and writes exports and reports on a
// worker, all through BackgroundTasks (status bar, Cancel). The page asks and shows.
class ResultsController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultsController)

public:
    explicit ResultsController(BackgroundTasks *tasks, QObject *parent = nullptr);
    ~ResultsController() override;

    // Works on the workspace's project and dataset from now on, following both.
    void setWorkspace(Workspace *workspace);
    // The project worked on (nullptr = none). Called by the workspace.
    void setProject(ProjectFile *project);
    bool hasProject() const { return m_project != nullptr; }
    // The dataset the project's runs are resolved on (titles → movies); nullptr when none.
    void setDataset(DatasetPtr dataset);

    // Reads the report facts and the jobs' loss curves; false (and problem()) when they cannot be
    // read. `lossesChanged` says whether the curves differ from the previous read.
    bool reloadFacts(bool *lossesChanged = nullptr);
    // The report's title, facts, texts and warnings (empty without a project).
    const ReportData &reportBase() const { return m_reportBase; }
    const QList<LossCurve> &losses() const { return m_losses; }

    // Reads the runs and scores them in the background (runsScored); a request while scoring is
    // served once that is done.
    void refreshRuns();
    bool scoring() const { return m_scoring; }
    // Runs that wait for the dataset (see datasetNeeded).
    int runsWaitingForDataset() const { return m_waitingForDataset; }
    const QList<ScoredRun> &scoredRuns() const { return m_scored; }

    // Writes the files of a prepared export or report on a worker (exportFinished, reportFinished).
    void writeExport(const PreparedExport &prepared, const QString &dir);
    void writeReport(const PreparedReport &prepared, const QString &dir);

Q_SIGNALS:
    // Another project (or none): what was read and scored is gone.
    void projectChanged();
    // The jobs' loss curves changed (jobs report steps while the project is open).
    void lossesChanged();
    void runsScored(int runs);
    // Something the page shows in its banner: a read or scoring failure (error) or what to do.
    void problem(bool error, const QString &title, const QString &text);
    // Whether runs wait for the dataset: `runs` > 0 while the project has runs to score and no
    // dataset is open, 0 once it is (or there is nothing to score). Emitted at every refresh.
    void datasetNeeded(int runs);
    void exportFinished(const cinetune::Result<int> &result);
    void reportFinished(const cinetune::Result<cinetune::ui::ReportFiles> &result);

private:
    BackgroundTasks *m_tasks;
    ProjectFile *m_project = nullptr;
    DatasetPtr m_dataset;
    ReportData m_reportBase;
    QList<LossCurve> m_losses;
    QList<ScoredRun> m_scored;
    quint64 m_generation = 0; // of the project: a scoring of a previous one is dropped
    bool m_scoring = false;
    bool m_rescore = false;
    int m_waitingForDataset = 0;
};

} // namespace cinetune::ui
