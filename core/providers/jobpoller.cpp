#include "core/providers/jobpoller.h"

namespace cinetune {

JobPoller::JobPoller(ClientSource client, QString jobId, QObject *parent)
    : QObject(parent)
    , m_client(std::move(client))
    , m_jobId(std::move(jobId))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &JobPoller::round);
}

JobPoller::~JobPoller()
{
    stop();
}

void JobPoller::start()
{
    m_stopped = false;
    m_delayMs = m_timing.pollMs;
    round();
}

void JobPoller::stop()
{
    m_stopped = true;
    m_timer.stop();
    if (m_call)
        m_call->cancel();
}

void JobPoller::round()
{
    if (m_stopped)
        return;
    Result<ProviderClient *> client = m_client();
    if (!client)
        return failed(client.error());
    JobCall *call = client.value()->getJob(m_jobId);
    m_call = call;
    connect(call, &JobCall::finished, this, [this, c = client.value()](const Result<FineTuneJob> &r) {
        if (m_stopped)
            return;
        if (!r)
            return failed(r.error());
        m_failures = 0;
        const FineTuneJob &job = r.value();
        const bool changed = !m_known || job.status != m_known->status || job.fineTunedModel != m_known->fineTunedModel;
        m_known = job;
        Q_EMIT jobUpdated(job);
        if (!m_stopped)
            events(c, job, changed);
    });
}

void JobPoller::events(ProviderClient *client, const FineTuneJob &job, bool changed)
{
    EventsCall *call = client->listEvents(m_jobId, m_newestEvent);
    m_call = call;
    connect(call, &EventsCall::finished, this, [this, client, job, changed](const Result<QList<JobEvent>> &r) {
        if (m_stopped)
            return;
        if (!r)
            return listingFailure(r.error(), [this, client, job, changed]() { metrics(client, job, changed); });
        bool more = changed;
        if (!r->isEmpty()) {
            more = true;
            m_newestEvent = r->last().id;
            Q_EMIT eventsAdded(r.value());
            if (m_stopped)
                return;
        }
        metrics(client, job, more);
    });
}

void JobPoller::metrics(ProviderClient *client, const FineTuneJob &job, bool changed)
{
    // Together AI reports the training curve apart from its events (the endpoint returns it all).
    if (!client->hasMetricsEndpoint())
        return endRound(client, job, changed);
    MetricsCall *call = client->listMetrics(m_jobId);
    m_call = call;
    connect(call, &MetricsCall::finished, this, [this, client, job, changed](const Result<QList<MetricPoint>> &r) {
        if (m_stopped)
            return;
        if (!r)
            return listingFailure(r.error(), [this, client, job, changed]() { endRound(client, job, changed); });
        QList<JobEvent> fresh;
        for (const JobEvent &e : metricEvents(r.value())) {
            if (m_knownMetrics.contains(e.id))
                continue;
            m_knownMetrics.insert(e.id);
            fresh.append(e);
        }
        if (!fresh.isEmpty()) {
            Q_EMIT metricsAdded(fresh);
            if (m_stopped)
                return;
        }
        endRound(client, job, changed || !fresh.isEmpty());
    });
}

void JobPoller::endRound(ProviderClient *client, const FineTuneJob &job, bool changed)
{
    if (!isTerminal(job.status)) {
        const bool grow = !changed && m_timing.slowDownWhenIdle;
        return schedule(grow ? std::min(m_timing.maxPollMs, std::max(m_timing.pollMs, m_delayMs * 2)) : m_timing.pollMs);
    }
    CheckpointsCall *call = client->listCheckpoints(m_jobId);
    m_call = call;
    connect(call, &CheckpointsCall::finished, this, [this, job](const Result<QList<Checkpoint>> &r) {
        if (m_stopped)
            return;
        m_stopped = true;
        Q_EMIT finished(job, r);
    });
}

void JobPoller::listingFailure(const Error &e, const std::function<void()> &goOn)
{
    if (m_listingErrors == ListingErrors::EndRound)
        return failed(e);
    Q_EMIT listingFailed(e);
    if (!m_stopped)
        goOn();
}

void JobPoller::failed(const Error &e)
{
    ++m_failures;
    Q_EMIT pollFailed(e);
    if (!m_stopped)
        schedule(std::min(m_timing.maxPollMs, std::max(m_timing.pollMs, m_delayMs * 2)));
}

void JobPoller::schedule(int delayMs)
{
    m_delayMs = delayMs;
    m_timer.start(delayMs);
}

} // namespace cinetune
