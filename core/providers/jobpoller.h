#pragma once

#include "core/common/result.h"
#include "core/providers/finetunejob.h"
#include "core/providers/providerclient.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <functional>
#include <optional>

namespace cinetune {

// Polls one fine-tuning job at its provider until it ends: the one poller behind both
// `cinetune finetune watch` and JobMonitor. A round fetches the job, then its events after the
// newest seen, then (Together) the metrics points not seen yet, and once the job is in a final
// state its checkpoints, after which the poller stops. Between rounds it waits `pollMs`; while
// nothing changes (with slowDownWhenIdle) and after a failed round the pause doubles up to
// `maxPollMs`. It never stores anything: the signals carry what came, and a consumer that wants
// to end the polling (a bad key, too many failures) calls stop() from its slot.
class JobPoller final : public QObject
{
    Q_OBJECT

public:
    // The client to use for a round (asked anew each round, so a key set meanwhile is used).
    using ClientSource = std::function<Result<ProviderClient *>()>;

    struct Timing
    {
        int pollMs = 15000;
        int maxPollMs = 120000;
        bool slowDownWhenIdle = true; // double the pause while a round brings nothing new
    };

    // What a failed events or metrics listing does: end the round (retried after a longer pause,
    // reported by pollFailed), or report it by listingFailed and go on with the round.
    enum class ListingErrors {
        EndRound,
        Continue
    };

    JobPoller(ClientSource client, QString jobId, QObject *parent = nullptr);
    ~JobPoller() override;
    Q_DISABLE_COPY_MOVE(JobPoller)

    void setTiming(const Timing &timing) { m_timing = timing; }
    void setListingErrors(ListingErrors mode) { m_listingErrors = mode; }
    // What is already known (e.g. stored in a project): the job's last state (a round that finds
    // it unchanged and brings no events counts as idle), the newest event, the metrics points.
    void setKnownJob(const FineTuneJob &job) { m_known = job; }
    void setNewestEventId(const QString &id) { m_newestEvent = id; }
    void setKnownMetricIds(const QSet<QString> &ids) { m_knownMetrics = ids; }

    const QString &jobId() const { return m_jobId; }
    // Starts the first round now (its calls answer from the event loop).
    void start();
    // Cancels the call in flight; no signal comes after it.
    void stop();
    bool isStopped() const { return m_stopped; }
    // Failed rounds since the provider last returned the job.
    int consecutiveFailures() const { return m_failures; }

Q_SIGNALS:
    // The job as the provider has it, every round.
    void jobUpdated(const cinetune::FineTuneJob &job);
    // Events newer than any seen before, oldest first (never empty).
    void eventsAdded(const QList<cinetune::JobEvent> &events);
    // Metrics points not seen before, as "metrics" events (Together; never empty).
    void metricsAdded(const QList<cinetune::JobEvent> &points);
    // The job reached a final state; its checkpoints as listed (or why they could not be). The
    // poller has stopped.
    void finished(const cinetune::FineTuneJob &job, const cinetune::Result<QList<cinetune::Checkpoint>> &checkpoints);
    // A round failed (after the call's own retries); the next one comes after a longer pause.
    void pollFailed(const cinetune::Error &error);
    // With ListingErrors::Continue: an events or metrics listing failed, the round went on.
    void listingFailed(const cinetune::Error &error);

private:
    void round();
    void events(ProviderClient *client, const FineTuneJob &job, bool changed);
    void metrics(ProviderClient *client, const FineTuneJob &job, bool changed);
    void endRound(ProviderClient *client, const FineTuneJob &job, bool changed);
    void listingFailure(const Error &e, const std::function<void()> &goOn);
    void failed(const Error &e);
    void schedule(int delayMs);

    ClientSource m_client;
    QString m_jobId;
    Timing m_timing;
    ListingErrors m_listingErrors = ListingErrors::EndRound;
    std::optional<FineTuneJob> m_known;
    QString m_newestEvent;
    QSet<QString> m_knownMetrics;
    QTimer m_timer;
    QPointer<ProviderCall> m_call;
    int m_delayMs = 0;
    int m_failures = 0;
    bool m_stopped = false;
};

} // namespace cinetune
