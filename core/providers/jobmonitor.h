#pragma once

#include "core/common/result.h"
#include "core/project/jobrepository.h"
#include "core/providers/jobpoller.h"
#include "core/providers/providerclient.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <functional>

namespace cinetune {

// Gives the ProviderClient of a provider profile name (nullptr + error when it cannot be made,
// e.g. no key). The monitor does not own the clients.
using ClientFactory = std::function<Result<ProviderClient *>(const QString &provider)>;

// Upload training (and validation) data, then create the job; the job is written to the project
// the moment the provider returns its id (and a "submitting" row with the request tag before the
// create, so a crash in between can be resolved by a lookup instead of a second job).
class JobSubmission final : public QObject
{
    Q_OBJECT

public:
    struct Input
    {
        QString trainingName;
        QByteArray trainingData;
        QString validationName;
        QByteArray validationData;
        JobRequest request; // trainingFile / validationFile are filled in here
    };

    JobSubmission(ProviderClient *client, JobRepository *repository, Input input, QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(JobSubmission)

    void start();
    void cancel();

Q_SIGNALS:
    void stateChanged(const QString &text);
    void uploadProgress(qint64 sent, qint64 total);
    void finished(const cinetune::Result<cinetune::StoredJob> &result);

private:
    void upload(const QString &name, const QByteArray &data, const std::function<void(const QString &)> &then);
    void create();
    void fail(const Error &e);
    // After a refusal that leaves the uploads useless (OpenAI's training_not_available): deletes
    // them one by one, then fails with `cause` and what was (not) deleted.
    void deleteUploads(Error cause, QStringList deleted);

    QPointer<ProviderClient> m_client;
    JobRepository *m_repository;
    Input m_input;
    QPointer<ProviderCall> m_call;
    QString m_tag;
    QStringList m_uploaded; // file ids uploaded by this submission
    qint64 m_pendingRow = 0;
    bool m_done = false;
};

// Follows every unfinished job of the project until it ends, storing status, events and
// checkpoints as they come. Started once (e.g. at project open) it resumes the jobs that were
// running when the application stopped. A job request that got no answer ("pending") is first
// looked up at the provider; then a JobPoller per job polls it with backoff: `pollMs` while
// things change, doubling up to `maxPollMs` while nothing does and after errors.
class JobMonitor final : public QObject
{
    Q_OBJECT

public:
    JobMonitor(JobRepository *repository, ClientFactory factory, QObject *parent = nullptr);
    ~JobMonitor() override;
    Q_DISABLE_COPY_MOVE(JobMonitor)

    void setPollInterval(int pollMs, int maxPollMs)
    {
        m_pollMs = pollMs;
        m_maxPollMs = maxPollMs;
    }
    // Loads the active jobs from the project and starts polling them.
    void resume();
    // Adds one job (row id) to the polled set.
    void watch(qint64 rowId);
    bool isWatching(qint64 rowId) const { return m_watched.contains(rowId); }
    int watchedCount() const { return int(m_watched.size()); }

Q_SIGNALS:
    void jobUpdated(qint64 rowId, const cinetune::FineTuneJob &job);
    void eventsAdded(qint64 rowId, const QList<cinetune::JobEvent> &events);
    void checkpointsUpdated(qint64 rowId, const QList<cinetune::Checkpoint> &checkpoints);
    void jobFinished(qint64 rowId, const cinetune::FineTuneJob &job);
    // A poll failed (the monitor keeps trying; bad key / not found stop it).
    void pollFailed(qint64 rowId, const cinetune::Error &error);

private:
    struct Watch
    {
        JobPoller *poller = nullptr; // once the job is known at the provider
        int retryMs = 0;             // the pause before looking a pending request up again
        bool busy = false;           // a lookup is in flight
    };
    void begin(qint64 rowId);
    void retryLater(qint64 rowId);
    void resolvePending(const StoredJob &stored, ProviderClient *client);
    void startPoller(const StoredJob &stored);
    void storeEvents(qint64 rowId, const QList<JobEvent> &events);
    void stop(qint64 rowId);

    JobRepository *m_repository;
    ClientFactory m_factory;
    QHash<qint64, Watch> m_watched;
    int m_pollMs = 15000;
    int m_maxPollMs = 120000;
};

} // namespace cinetune
