#include "core/providers/jobmonitor.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTimer>

Q_DECLARE_LOGGING_CATEGORY(lcProvider)

namespace cinetune {

JobSubmission::JobSubmission(ProviderClient *client, JobRepository *repository, Input input, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_repository(repository)
    , m_input(std::move(input))
{}

void JobSubmission::start()
{
    if (Status valid = validateJobRequest(m_client->profile().kind,
                                          [this] {
                                              JobRequest r = m_input.request;
                                              r.trainingFile = QStringLiteral("pending");
                                              return r;
                                          }());
        !valid)
        return fail(valid.error());
    upload(m_input.trainingName, m_input.trainingData, [this](const QString &trainingId) {
        m_input.request.trainingFile = trainingId;
        if (m_input.validationData.isEmpty())
            return create();
        upload(m_input.validationName, m_input.validationData, [this](const QString &validationId) {
            m_input.request.validationFile = validationId;
            create();
        });
    });
}

void JobSubmission::cancel()
{
    if (m_call)
        m_call->cancel();
}

void JobSubmission::upload(const QString &name, const QByteArray &data, const std::function<void(const QString &)> &then)
{
    Q_EMIT stateChanged(tr("Uploading %1 (%2 KB)…").arg(name).arg(data.size() / 1024));
    FileCall *call = m_client->uploadFile(name, data);
    m_call = call;
    connect(call, &ProviderCall::uploadProgress, this, &JobSubmission::uploadProgress);
    connect(call, &ProviderCall::stateChanged, this, &JobSubmission::stateChanged);
    connect(call, &FileCall::finished, this, [this, then](const Result<FileInfo> &r) {
        if (!r)
            return fail(r.error());
        m_uploaded.append(r->id);
        then(r->id);
    });
}

void JobSubmission::create()
{
    const ProviderProfile &p = m_client->profile();
    m_tag = ProviderClient::newRequestTag();
    if (m_repository) {
        auto row = m_repository->recordPending(p.name, p.kind, p.effectiveBaseUrl().toString(), m_tag, m_input.request,
                                               p.isSimulator());
        if (!row)
            return fail(row.error());
        m_pendingRow = row.value();
    }
    Q_EMIT stateChanged(tr("Creating the fine-tuning job…"));
    JobCall *call = m_client->createJob(m_input.request, m_tag);
    m_call = call;
    connect(call, &ProviderCall::stateChanged, this, &JobSubmission::stateChanged);
    connect(call, &JobCall::finished, this, [this, p](const Result<FineTuneJob> &r) {
        if (!r) {
            // Certain failures (4xx, cancelled before sending) leave nothing at the provider.
            const bool ambiguous = r.error().code == errc::Net::Ambiguous || r.error().code == errc::Provider::Server;
            if (m_repository && m_pendingRow && !ambiguous)
                (void)m_repository->removeJob(m_pendingRow);
            if (r.error().code == errc::Provider::TrainingNotAvailable)
                return deleteUploads(r.error(), {});
            return fail(r.error());
        }
        StoredJob stored;
        stored.provider = p.name;
        stored.kind = p.kind;
        stored.baseUrl = p.effectiveBaseUrl().toString();
        stored.requestTag = m_tag;
        stored.simulated = p.isSimulator();
        stored.job = r.value();
        if (m_repository) {
            auto row = m_repository->upsertJob(p.name, p.kind, stored.baseUrl, r.value(), stored.simulated, m_tag);
            if (!row)
                return fail(row.error());
            stored.rowId = row.value();
        }
        m_done = true;
        Q_EMIT finished(stored);
    });
}

void JobSubmission::deleteUploads(Error cause, QStringList deleted)
{
    // The provider will not train on them, and stored files cost money: remove what was uploaded.
    if (m_uploaded.isEmpty()) {
        if (!deleted.isEmpty())
            cause.message += QLatin1Char(' ')
                + tr("The uploaded files (%1) were deleted again.").arg(deleted.join(QStringLiteral(", ")));
        return fail(cause);
    }
    const QString id = m_uploaded.takeFirst();
    Q_EMIT stateChanged(tr("Deleting the uploaded file %1…").arg(id));
    FileCall *call = m_client->deleteFile(id);
    m_call = call;
    connect(call, &FileCall::finished, this, [this, cause, deleted, id](const Result<FileInfo> &r) mutable {
        if (!r) {
            cause.message += QLatin1Char(' ')
                + tr("The uploaded file %1 could not be deleted (%2); delete it in the provider's dashboard so it "
                     "does not cost storage.")
                      .arg(id, r.error().message);
            m_uploaded.clear();
            if (!deleted.isEmpty())
                cause.message += QLatin1Char(' ') + tr("Deleted: %1.").arg(deleted.join(QStringLiteral(", ")));
            return fail(cause);
        }
        deleted.append(id);
        deleteUploads(cause, deleted);
    });
}

void JobSubmission::fail(const Error &e)
{
    if (m_done)
        return;
    m_done = true;
    Q_EMIT finished(e);
}

JobMonitor::JobMonitor(JobRepository *repository, ClientFactory factory, QObject *parent)
    : QObject(parent)
    , m_repository(repository)
    , m_factory(std::move(factory))
{}

JobMonitor::~JobMonitor() = default;

void JobMonitor::resume()
{
    auto active = m_repository->activeJobs();
    if (!active) {
        qCWarning(lcProvider).noquote() << active.error().message;
        return;
    }
    for (const StoredJob &s : active.value())
        watch(s.rowId);
}

void JobMonitor::watch(qint64 rowId)
{
    if (m_watched.contains(rowId))
        return;
    m_watched.insert(rowId, Watch{nullptr, m_pollMs, false});
    QTimer::singleShot(0, this, [this, rowId]() { begin(rowId); });
}

void JobMonitor::stop(qint64 rowId)
{
    auto it = m_watched.find(rowId);
    if (it == m_watched.end())
        return;
    if (it->poller) {
        it->poller->stop();
        it->poller->deleteLater();
    }
    m_watched.erase(it);
}

// Reads the row: a pending request is looked up first, a known job is polled.
void JobMonitor::begin(qint64 rowId)
{
    auto it = m_watched.find(rowId);
    if (it == m_watched.end() || it->busy || it->poller)
        return;
    auto stored = m_repository->job(rowId);
    if (!stored) {
        Q_EMIT pollFailed(rowId, stored.error());
        return stop(rowId);
    }
    if (!stored->pending)
        return startPoller(stored.value());
    auto client = m_factory(stored->provider);
    if (!client) {
        Q_EMIT pollFailed(rowId, client.error());
        return retryLater(rowId);
    }
    it->busy = true;
    resolvePending(stored.value(), client.value());
}

void JobMonitor::retryLater(qint64 rowId)
{
    auto it = m_watched.find(rowId);
    if (it == m_watched.end())
        return;
    it->busy = false;
    it->retryMs = std::min(m_maxPollMs, std::max(m_pollMs, it->retryMs * 2));
    QTimer::singleShot(it->retryMs, this, [this, rowId]() { begin(rowId); });
}

void JobMonitor::resolvePending(const StoredJob &stored, ProviderClient *client)
{
    JobRequest request;
    request.model = stored.job.baseModel;
    request.trainingFile = stored.job.trainingFile;
    request.validationFile = stored.job.validationFile;
    request.suffix = stored.job.suffix;
    JobCall *call = client->findTaggedJob(stored.requestTag, request);
    const qint64 rowId = stored.rowId;
    connect(call, &JobCall::finished, this, [this, rowId, stored](const Result<FineTuneJob> &r) {
        if (!r) {
            if (r.error().code == errc::Provider::NotFound) {
                // Not found is not proof that it was never created (a lookup can miss it, and
                // Together jobs carry no tag): the row stays, so a job that exists and is billed is
                // never forgotten. It is looked up again at the next start.
                const QString asked =
                    (stored.requestedAt.isValid() ? stored.requestedAt : stored.updatedAt).toString(Qt::ISODate);
                Error e = makeError(
                    errc::Job::Unresolved,
                    tr("The job request sent to %1 at %2 got no answer, and no job matching it (%3) is listed "
                       "there. It may still exist and cost money: check the provider's job list, then import "
                       "it (cinetune finetune list --provider %1 --project FILE --import) or discard this request "
                       "(cinetune finetune discard %4 --project FILE).")
                        .arg(stored.provider, asked,
                             stored.job.trainingFile.isEmpty() ? tr("request tag %1").arg(stored.requestTag)
                                                               : tr("training file %1").arg(stored.job.trainingFile),
                             stored.requestTag));
                if (Status s = m_repository->markUnresolved(rowId, e.message); !s)
                    Q_EMIT pollFailed(rowId, s.error());
                Q_EMIT pollFailed(rowId, e);
                return stop(rowId);
            }
            Q_EMIT pollFailed(rowId, r.error());
            return retryLater(rowId);
        }
        auto row = m_repository->upsertJob(stored.provider, stored.kind, stored.baseUrl, r.value(), stored.simulated,
                                           stored.requestTag);
        if (!row) {
            Q_EMIT pollFailed(rowId, row.error());
            return retryLater(rowId);
        }
        StoredJob now = stored;
        now.pending = false;
        now.job = r.value();
        startPoller(now);
    });
}

void JobMonitor::startPoller(const StoredJob &stored)
{
    auto it = m_watched.find(stored.rowId);
    if (it == m_watched.end())
        return;
    const qint64 rowId = stored.rowId;
    auto *poller = new JobPoller([this, provider = stored.provider]() { return m_factory(provider); }, stored.job.id, this);
    poller->setTiming({m_pollMs, m_maxPollMs, true});
    poller->setListingErrors(JobPoller::ListingErrors::Continue);
    poller->setKnownJob(stored.job);
    poller->setNewestEventId(m_repository->newestEventId(rowId));
    if (auto events = m_repository->events(rowId)) {
        QSet<QString> known;
        for (const JobEvent &e : events.value())
            known.insert(e.id);
        poller->setKnownMetricIds(known);
    }
    connect(poller, &JobPoller::jobUpdated, this, [this, stored](const FineTuneJob &job) {
        if (auto row = m_repository->upsertJob(stored.provider, stored.kind, stored.baseUrl, job, stored.simulated); !row)
            Q_EMIT pollFailed(stored.rowId, row.error());
        Q_EMIT jobUpdated(stored.rowId, job);
    });
    connect(poller, &JobPoller::eventsAdded, this, [this, rowId](const QList<JobEvent> &events) { storeEvents(rowId, events); });
    connect(poller, &JobPoller::metricsAdded, this, [this, rowId](const QList<JobEvent> &points) { storeEvents(rowId, points); });
    connect(poller, &JobPoller::listingFailed, this, [this, rowId](const Error &e) { Q_EMIT pollFailed(rowId, e); });
    connect(poller, &JobPoller::pollFailed, this, [this, rowId](const Error &e) {
        Q_EMIT pollFailed(rowId, e);
        if (e.code == errc::Provider::BadKey || e.code == errc::Provider::NotFound)
            stop(rowId);
    });
    connect(poller, &JobPoller::finished, this, [this, rowId](const FineTuneJob &job, const Result<QList<Checkpoint>> &c) {
        if (c) {
            if (Status s = m_repository->setCheckpoints(rowId, c.value()); !s)
                Q_EMIT pollFailed(rowId, s.error());
            Q_EMIT checkpointsUpdated(rowId, c.value());
        } else {
            Q_EMIT pollFailed(rowId, c.error());
        }
        stop(rowId);
        Q_EMIT jobFinished(rowId, job);
    });
    it->busy = false;
    it->poller = poller;
    poller->start();
}

void JobMonitor::storeEvents(qint64 rowId, const QList<JobEvent> &events)
{
    if (Status s = m_repository->addEvents(rowId, events); !s)
        Q_EMIT pollFailed(rowId, s.error());
    Q_EMIT eventsAdded(rowId, events);
}

} // namespace cinetune
