#pragma once

#include "core/common/result.h"
#include "core/eval/runscoring.h"
#include "core/eval/runspec.h"
#include "core/project/goldsetrepository.h"
#include "core/project/runrepository.h"
#include "ui/dataset/loadeddataset.h"

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QPointer>

#include <map>
#include <memory>
#include <optional>

namespace cinetune {
class EvaluationRun;
class RunLease;
class ProjectFile;
} // namespace cinetune

namespace cinetune::ui {

class BackgroundTasks;
class DatasetController;
class ProviderService;
class Workspace;

// Live figures of a run in progress (from EvaluationRun::progress).
struct RunProgress
{
    qint64 done = 0;
    qint64 total = 0;
    qint64 promptTokens = 0;
    qint64 completionTokens = 0;
    double cost = -1; // < 0: unknown price
    qint64 etaMs = -1;
};

// The cost estimate of a run before it starts.
struct RunEstimate
{
    qint64 users = 0;
    qint64 promptTokens = 0;        // counted with the tokenizer over every user's request
    qint64 maxCompletionTokens = 0; // users × max tokens (the most that can be billed)
    std::optional<double> cost;     // nullopt: no price for the model
    std::optional<Error> error;
};

// A model a run can target, as the new-run dialog offers it.
struct ModelChoice
{
    QString label; // "ft:gpt-4o-mini:org::abc (fine-tuned, job ftjob-1)"
    QString provider;
    QString model;
    bool fineTuned = false;
};

// The evaluation side of the open project: its runs (RunRepository), the runs in progress
// (EvaluationRun on the provider's HttpClient; baselines computed in the background), scoring
// (off the GUI thread, cached per run and options) and the cost estimate. Widgets ask and show.
class EvaluationController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EvaluationController)

public:
    EvaluationController(ProviderService *providers, DatasetController *datasets, BackgroundTasks *tasks,
                         QObject *parent = nullptr);
    ~EvaluationController() override;

    ProviderService *providers() const { return m_providers; }
    DatasetController *datasets() const { return m_datasets; }
    bool hasProject() const { return m_project != nullptr; }
    bool hasDataset() const;
    // Works on the workspace's project from now on, following it when another one opens.
    void setWorkspace(Workspace *workspace);
    // The project worked on (nullptr = none); runs in flight are dropped. Called by the workspace.
    void setProject(ProjectFile *project);
    // Test hook: request timeout (ms) of the runs started from now on.
    void setRequestTimeout(int ms) { m_timeoutMs = ms; }

    QList<StoredRun> runs() const;
    std::optional<StoredRun> run(qint64 runId) const;
    RunCounts counts(qint64 runId) const;
    QList<StoredGoldSet> goldSets() const;
    [[nodiscard]] Result<std::vector<GoldSetUser>> splitUsers(qint64 goldSetId, GoldSetSplit split) const;
    // Fine-tuned models and checkpoints of the project's succeeded jobs.
    QList<ModelChoice> fineTunedModels() const;
    QString uniqueRunName(const QString &base) const;

    bool isActive(qint64 runId) const;
    bool isPaused(qint64 runId) const;
    std::optional<RunProgress> progress(qint64 runId) const;

    // Creates the run and starts it: LLM targets through the provider profile, baselines locally.
    // The error says what to fix (no dataset, no key, invalid spec, name taken with another spec).
    // `label`: the run's short label (empty: its default, made unique).
    [[nodiscard]] Result<qint64> startRun(const QString &name, const RunSpec &spec, int concurrency = 0,
                                          const QString &label = {});
    // Gives the run another short label (unique in the project; the error says why not).
    [[nodiscard]] Status renameRun(qint64 runId, const QString &label);
    // The default label a new run with this spec would get (unique in the project).
    QString suggestedLabel(const RunSpec &spec) const;
    // Continues a stopped run (a reopened project's too), or resumes a paused one.
    [[nodiscard]] Status resume(qint64 runId);
    void pause(qint64 runId);
    void cancel(qint64 runId);
    [[nodiscard]] Status retryFailed(qint64 runId);
    [[nodiscard]] Status remove(qint64 runId);

    // Scores the run in the background (scoreReady / scoreFailed); a cached score is returned at
    // once by score().
    void requestScore(qint64 runId, const ScoringOptions &options);
    const RunScore *score(qint64 runId) const;
    // The stored raw answer of a user ("" when none).
    QString rawResponse(qint64 runId, std::uint32_t user) const;

    // Counted in the background (estimateReady).
    void estimate(const RunSpec &spec);

Q_SIGNALS:
    void runsChanged();
    void runUpdated(qint64 runId);
    void runStopped(qint64 runId, int status, const QString &error);
    void scoreReady(qint64 runId);
    void scoreFailed(qint64 runId, const cinetune::Error &error);
    void estimateReady(const cinetune::ui::RunEstimate &estimate);

private:
    struct Active
    {
        std::unique_ptr<RunLease> lease;    // LLM runs: this process sends the run (released last)
        std::unique_ptr<EvaluationRun> run; // LLM runs
        LoadedDatasetPtr dataset;           // keeps the catalogue alive while the run uses it
        RunProgress progress;
        bool paused = false;
        bool baseline = false;
    };
    [[nodiscard]] Status launch(qint64 runId, bool onlyFailed);
    [[nodiscard]] Status launchBaseline(qint64 runId, const StoredRun &run);
    void onStopped(qint64 runId, int status, const QString &error);

    ProviderService *m_providers;
    DatasetController *m_datasets;
    BackgroundTasks *m_tasks;
    ProjectFile *m_project = nullptr;
    std::unique_ptr<RunRepository> m_runs;
    std::map<qint64, Active> m_active;
    QHash<qint64, std::shared_ptr<const RunScore>> m_scores;
    QHash<qint64, QFuture<void>> m_baselineFutures;
    QHash<qint64, int> m_concurrency; // chosen in the dialog (0 = the profile's)
    QHash<qint64, quint64> m_scoreGeneration;
    int m_timeoutMs = 60000;
    quint64 m_estimateGeneration = 0;
};

} // namespace cinetune::ui

Q_DECLARE_METATYPE(cinetune::ui::RunEstimate)
