#pragma once

#include "core/common/result.h"
#include "core/providers/finetunejob.h"
#include "core/providers/providerprofile.h"

#include <QCoreApplication>
#include <QList>

namespace cinetune {

class ProjectFile;

// A fine-tuning job as recorded in the project.
struct StoredJob
{
    qint64 rowId = 0;
    QString provider; // profile name
    ProviderKind kind = ProviderKind::OpenAI;
    QString baseUrl;
    QString requestTag;     // cinetune_request metadata of the create call
    bool pending = false;   // create sent, provider id not known yet
    bool simulated = false; // made with the offline simulator (every result says so)
    QString deployment;     // Azure deployment name entered by the user
    QDateTime updatedAt;
    QDateTime requestedAt; // pending rows: when the create was sent
    FineTuneJob job;       // raw is the provider's last JSON (pending rows: the request, with
                           // trainingFile / validationFile filled in from it)
};

// raw_json key of a pending row: {"model", "training_file", "validation_file", "suffix", "requested_at"}.
inline constexpr const char *kPendingRequestKey = "cinetune_pending_request";

// A fine-tuned model or checkpoint of a succeeded job as an evaluation / playground target.
struct ServableModel
{
    QString label; // "ft:gpt-4o-mini:org::abc (fine-tuned, job ftjob-1)", plus what to do when not ready
    QString model; // what a chat request names (Azure: the deployment)
    bool checkpoint = false;
    bool ready = true;
};
// The job's model, then its checkpoints; empty unless the job succeeded with a model.
QList<ServableModel> servableModels(const StoredJob &job, const QList<Checkpoint> &checkpoints);

// Jobs, events and checkpoints in the project file (tables of schema step 2). Uses the project's
// own connection, so it must be used on the project's thread. Every write is immediate.
// Error code: project.sql.
class JobRepository
{
    Q_DECLARE_TR_FUNCTIONS(cinetune::JobRepository)

public:
    explicit JobRepository(ProjectFile &project)
        : m_project(project)
    {}

    // Before an ambiguous-prone create: remembers the request so a crash before the answer can be
    // resolved by looking the tag up at the provider. Returns the row id.
    [[nodiscard]] Result<qint64> recordPending(const QString &provider, ProviderKind kind, const QString &baseUrl,
                                               const QString &requestTag, const JobRequest &request, bool simulated);
    // Inserts or updates a job: matched by (provider, provider job id), else by request tag.
    [[nodiscard]] Result<qint64> upsertJob(const QString &provider, ProviderKind kind, const QString &baseUrl,
                                           const FineTuneJob &job, bool simulated, const QString &requestTag = {});
    [[nodiscard]] Status removeJob(qint64 rowId);
    // A pending row whose job could not be found at the provider: kept (it may exist and be
    // billed), with error code job.unresolved and `message`, until it is found, imported or
    // discarded by hand.
    [[nodiscard]] Status markUnresolved(qint64 rowId, const QString &message);
    // Adds events not yet stored (by id); keeps their order.
    [[nodiscard]] Status addEvents(qint64 rowId, const QList<JobEvent> &events);
    [[nodiscard]] Status setCheckpoints(qint64 rowId, const QList<Checkpoint> &checkpoints);
    [[nodiscard]] Status setDeployment(qint64 rowId, const QString &deployment);

    [[nodiscard]] Result<QList<StoredJob>> jobs() const;       // newest first
    [[nodiscard]] Result<QList<StoredJob>> activeJobs() const; // pending or not terminal
    [[nodiscard]] Result<StoredJob> job(qint64 rowId) const;
    // By provider job id (any provider when `provider` is empty); project.not_found if absent.
    [[nodiscard]] Result<StoredJob> findByProviderId(const QString &providerJobId, const QString &provider = {}) const;
    [[nodiscard]] Result<QList<JobEvent>> events(qint64 rowId) const; // oldest first
    [[nodiscard]] Result<QList<Checkpoint>> checkpoints(qint64 rowId) const;
    QString newestEventId(qint64 rowId) const;

private:
    Result<QList<StoredJob>> select(const QString &where, const QVariantList &binds) const;

    ProjectFile &m_project;
};

} // namespace cinetune
