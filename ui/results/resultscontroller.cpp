#include "ui/results/resultscontroller.h"

#include "ui/shell/backgroundtasks.h"
#include "core/eval/titleresolver.h"
#include "core/project/projectfile.h"
#include "ui/results/reportwriter.h"
#include "ui/dataset/datasetcontroller.h"
#include "ui/shell/workspace.h"

#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

namespace cinetune::ui {

ResultsController::ResultsController(BackgroundTasks *tasks, QObject *parent)
    : QObject(parent)
    , m_tasks(tasks)
{}

ResultsController::~ResultsController() = default;

void ResultsController::setWorkspace(Workspace *workspace)
{
    DatasetController *datasets = workspace->datasets();
    connect(datasets, &DatasetController::datasetChanged, this, [this, datasets] {
        const LoadedDatasetPtr d = datasets->current();
        setDataset(d ? d->dataset : DatasetPtr());
    });
    if (const LoadedDatasetPtr d = datasets->current())
        m_dataset = d->dataset;
    workspace->bind(this, [this](ProjectFile *project) { setProject(project); });
    // Save As: the report's title follows the file name.
    connect(workspace, &Workspace::projectChanged, this, [this] { reloadFacts(); });
}

void ResultsController::setProject(ProjectFile *project)
{
    if (project == m_project)
        return;
    m_project = project;
    ++m_generation;
    m_scoring = false; // a scoring of the previous project is dropped when it ends
    m_rescore = false;
    m_scored.clear();
    m_reportBase = {};
    m_losses.clear();
    reloadFacts();
    Q_EMIT projectChanged();
    refreshRuns();
}

void ResultsController::setDataset(DatasetPtr dataset)
{
    m_dataset = std::move(dataset);
    refreshRuns();
}

bool ResultsController::reloadFacts(bool *lossesChanged)
{
    if (lossesChanged)
        *lossesChanged = false;
    if (!m_project)
        return false;
    Result<ProjectFacts> facts = readProjectFacts(*m_project);
    if (!facts) {
        Q_EMIT problem(true, tr("The project could not be read"), facts.error().message);
        return false;
    }
    m_reportBase.title = tr("CineTune results: %1").arg(QFileInfo(m_project->path()).completeBaseName());
    m_reportBase.facts = facts->facts;
    m_reportBase.texts = facts->texts;
    m_reportBase.warnings = facts->warnings;
    // Jobs finish (and report more steps) while the project is open.
    const auto shape = [](const QList<LossCurve> &curves) {
        QStringList s;
        for (const LossCurve &c : curves)
            s << QStringLiteral("%1:%2:%3").arg(c.label).arg(c.series.points.size()).arg(c.models.join(QLatin1Char(',')));
        return s;
    };
    if (lossesChanged)
        *lossesChanged = shape(facts->losses) != shape(m_losses);
    m_losses = facts->losses;
    return true;
}

void ResultsController::refreshRuns()
{
    const auto waiting = [this](int runs) {
        m_waitingForDataset = runs;
        Q_EMIT datasetNeeded(runs);
    };
    if (!m_project) {
        waiting(0);
        return;
    }
    if (m_scoring) {
        m_rescore = true; // once the current scoring is done
        return;
    }
    bool changed = false;
    if (reloadFacts(&changed) && changed)
        Q_EMIT lossesChanged();
    const Result<QList<RunInput>> inputs = readRunInputs(*m_project);
    if (!inputs) {
        Q_EMIT problem(true, tr("The project's runs could not be read"), inputs.error().message);
        return;
    }
    if (inputs->isEmpty() || m_dataset) {
        waiting(0);
        if (inputs->isEmpty())
            return;
    } else {
        // Shown by the page with a button to the Dataset step until the dataset is open.
        waiting(static_cast<int>(inputs->size()));
        return;
    }
    m_scoring = true;
    const DatasetPtr dataset = m_dataset;
    const QList<RunInput> in = inputs.value();
    auto future = QtConcurrent::run([in, dataset] {
        const TitleResolver resolver = TitleResolver::fromDataset(*dataset);
        return scoreRunInputs(in, *dataset, resolver);
    });
    m_tasks->run(
        future, tr("Scoring the project's runs"), this,
        [this, generation = m_generation](const QFuture<Result<QList<ScoredRun>>> &f) {
            if (generation != m_generation)
                return; // another project meanwhile
            m_scoring = false;
            if (f.resultCount() == 0) { // canceled in the status bar
                m_rescore = false;
                return;
            }
            const Result<QList<ScoredRun>> r = f.result();
            if (r) {
                m_scored = r.value();
                Q_EMIT runsScored(static_cast<int>(m_scored.size()));
            } else {
                Q_EMIT problem(true, tr("The project's runs could not be scored"), r.error().message);
            }
            if (std::exchange(m_rescore, false))
                refreshRuns();
        },
        BackgroundTasks::Show::IfSlow);
}

void ResultsController::writeExport(const PreparedExport &prepared, const QString &dir)
{
    auto future = QtConcurrent::run([prepared, dir] { return writePreparedExport(prepared, dir); });
    m_tasks->run(future, tr("Exporting tables and charts"), this, [this](const QFuture<Result<int>> &f) {
        Q_EMIT exportFinished(
            f.resultCount() > 0 ? f.result() : Result<int>(makeError(errc::General::Cancelled, tr("The export was canceled."))));
    });
}

void ResultsController::writeReport(const PreparedReport &prepared, const QString &dir)
{
    auto future = QtConcurrent::run([prepared, dir] { return writePreparedReport(prepared, dir); });
    m_tasks->run(future, tr("Writing the report"), this, [this](const QFuture<Result<ReportFiles>> &f) {
        Q_EMIT reportFinished(f.resultCount() > 0
                                  ? f.result()
                                  : Result<ReportFiles>(makeError(errc::General::Cancelled, tr("The report was canceled."))));
    });
}

} // namespace cinetune::ui
