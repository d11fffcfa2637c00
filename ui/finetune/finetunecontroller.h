#pragma once

#include "core/common/result.h"
#include "core/finetune/chatdatareport.h"
#include "core/project/jobrepository.h"
#include "core/providers/finetunejob.h"
#include "core/providers/jobmonitor.h"

#include <QFuture>
#include <QObject>
#include <QPointer>
#include <QPromise>

#include <memory>
#include <optional>

namespace cinetune {
class ProjectFile;
} // namespace cinetune

namespace cinetune::ui {

class BackgroundTasks;
class ProviderService;
class Workspace;

// What the token and cost estimate found for the chosen training (and validation) file.
struct FineTuneEstimate
{
    std::optional<ChatDataReport> training;
    std::optional<ChatDataReport> validation;
    std::optional<Error> error; // a file could not be read (the reports hold the data problems)
    bool priceKnown = false;
    bool blocksSubmit() const;
};

// What the Fine-tune page asks for when it submits a job.
struct FineTuneOrder
{
    QString provider; // profile name
    QString trainingPath;
    QString validationPath; // optional
    JobRequest request;     // model and hyper-parameters
};

// The fine-tuning side of the open project: its jobs (JobRepository), their live monitoring
// (JobMonitor, resumed when a project opens), submitting new ones (JobSubmission, with progress in
// the status bar) and the token/cost estimate (validator off the GUI thread). Widgets only ask
// and show; everything happens here and in core.
class FineTuneController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FineTuneController)

public:
    FineTuneController(ProviderService *providers, BackgroundTasks *tasks, QObject *parent = nullptr);
    ~FineTuneController() override;

    ProviderService *providers() const { return m_providers; }
    bool hasProject() const { return m_repository != nullptr; }
    JobRepository *repository() const { return m_repository.get(); }
    JobMonitor *monitor() const { return m_monitor; }

    // Works on the workspace's project from now on, following it when another one opens.
    void setWorkspace(Workspace *workspace);
    // The project worked on (nullptr = none); monitoring resumes at once. Called by the workspace.
    void setProject(ProjectFile *project);
    void setPollInterval(int pollMs, int maxPollMs);

    QList<StoredJob> jobs() const;
    std::optional<StoredJob> job(qint64 rowId) const;
    QList<JobEvent> events(qint64 rowId) const;
    QList<Checkpoint> checkpoints(qint64 rowId) const;

    void estimate(const QString &trainingPath, const QString &validationPath, const QString &model, int epochs);
    bool isEstimating() const { return m_estimateTask != 0; }
    bool isSubmitting() const { return m_submission != nullptr || m_reading; }

    void submit(const FineTuneOrder &order);
    void cancelSubmission();
    void cancelJob(qint64 rowId);
    // Removes a submitting row the provider never confirmed (job.unresolved), after the user checked.
    [[nodiscard]] Status discardRequest(qint64 rowId);
    // Lists the provider's jobs and adds those the project does not have yet (and follows the
    // unfinished ones); importFinished() says how many were added.
    void importJobs(const QString &provider);
    // Azure: the deployment that serves a job's fine-tuned model (empty = none).
    [[nodiscard]] Status setDeployment(qint64 rowId, const QString &deployment);

    // A user-facing text of an error with what to do about it.
    static QString advice(const Error &error);

Q_SIGNALS:
    void jobsChanged();
    void jobUpdated(qint64 rowId);
    void eventsAdded(qint64 rowId);
    void checkpointsUpdated(qint64 rowId);
    void jobError(qint64 rowId, const cinetune::Error &error);
    void estimateStarted();
    void estimateReady(const cinetune::ui::FineTuneEstimate &estimate);
    void submissionState(const QString &text);
    void submissionFinished(const cinetune::Result<cinetune::StoredJob> &result);
    // imported = jobs added to the project, known = jobs the project already had.
    void importFinished(const QString &provider, int imported, int known, const std::optional<cinetune::Error> &error);

private:
    void startSubmission(const FineTuneOrder &order, const QByteArray &training, const QByteArray &validation);
    void finishSubmissionTask();

    ProviderService *m_providers;
    BackgroundTasks *m_tasks;
    std::unique_ptr<JobRepository> m_repository;
    JobMonitor *m_monitor = nullptr;
    int m_pollMs = 2000;
    int m_maxPollMs = 60000;

    int m_estimateTask = 0; // BackgroundTasks id (0 = none running)
    quint64 m_estimateGeneration = 0;
    QFuture<FineTuneEstimate> m_estimateFuture;
    bool m_reading = false; // the submission's files are being read
    QFuture<Result<QPair<QByteArray, QByteArray>>> m_readFuture;
    QPointer<JobSubmission> m_submission;
    std::unique_ptr<QPromise<void>> m_submitTask; // the status-bar entry of the submission
    int m_submitTaskId = 0;
};

} // namespace cinetune::ui

Q_DECLARE_METATYPE(cinetune::ui::FineTuneEstimate)
