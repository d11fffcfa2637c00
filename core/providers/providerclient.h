#pragma once

#include "core/common/result.h"
#include "core/providers/finetunejob.h"
#include "core/providers/httpclient.h"
#include "core/providers/openaiprotocol.h"
#include "core/providers/providererrors.h"
#include "core/providers/providerprofile.h"

#include <QObject>
#include <QPointer>
#include <QSet>

#include <functional>

namespace cinetune {

// Base of every provider call: cancellable; emits progress while it runs and finished(Result<T>)
// (declared in the subclasses) exactly once, then deletes itself later.
class ProviderCall : public QObject
{
    Q_OBJECT

public:
    ~ProviderCall() override;
    Q_DISABLE_COPY_MOVE(ProviderCall)

    void cancel();
    bool isCancelled() const { return m_cancelled; }
    // Internal: true once, for whoever emits finished().
    bool claimFinish()
    {
        if (m_done)
            return false;
        m_done = true;
        return true;
    }

Q_SIGNALS:
    void uploadProgress(qint64 sent, qint64 total);
    void retrying(int nextAttempt, int delayMs, const QString &reason);
    // A user-facing line about a waiting step ("Waiting for Azure to process the file ...").
    void stateChanged(const QString &text);

protected:
    explicit ProviderCall(QObject *parent);

private:
    friend class ProviderClient;
    QPointer<HttpCall> m_http;
    bool m_cancelled = false;
    bool m_done = false;
};

class FileCall final : public ProviderCall
{
    Q_OBJECT
public:
    using ProviderCall::ProviderCall;
Q_SIGNALS:
    void finished(const cinetune::Result<cinetune::FileInfo> &result);
};

class JobCall final : public ProviderCall
{
    Q_OBJECT
public:
    using ProviderCall::ProviderCall;
Q_SIGNALS:
    void finished(const cinetune::Result<cinetune::FineTuneJob> &result);
};

class JobListCall final : public ProviderCall
{
    Q_OBJECT
public:
    using ProviderCall::ProviderCall;
Q_SIGNALS:
    void finished(const cinetune::Result<QList<cinetune::FineTuneJob>> &result);
};

class EventsCall final : public ProviderCall
{
    Q_OBJECT
public:
    using ProviderCall::ProviderCall;
Q_SIGNALS:
    // Oldest first.
    void finished(const cinetune::Result<QList<cinetune::JobEvent>> &result);
};

class CheckpointsCall final : public ProviderCall
{
    Q_OBJECT
public:
    using ProviderCall::ProviderCall;
Q_SIGNALS:
    void finished(const cinetune::Result<QList<cinetune::Checkpoint>> &result);
};

class MetricsCall final : public ProviderCall
{
    Q_OBJECT
public:
    using ProviderCall::ProviderCall;
Q_SIGNALS:
    // Training-curve points, oldest first.
    void finished(const cinetune::Result<QList<cinetune::MetricPoint>> &result);
};

class ModelsCall final : public ProviderCall
{
    Q_OBJECT
public:
    using ProviderCall::ProviderCall;
Q_SIGNALS:
    void finished(const cinetune::Result<QList<cinetune::ModelInfo>> &result);
};

class ChatCall final : public ProviderCall
{
    Q_OBJECT
public:
    using ProviderCall::ProviderCall;
Q_SIGNALS:
    void delta(const QString &text); // streamed pieces (stream = true)
    void finished(const cinetune::Result<cinetune::ChatResult> &result);
};

class BatchCall final : public ProviderCall
{
    Q_OBJECT
public:
    using ProviderCall::ProviderCall;
Q_SIGNALS:
    void finished(const cinetune::Result<cinetune::BatchInfo> &result);
};

class ContentCall final : public ProviderCall
{
    Q_OBJECT
public:
    using ProviderCall::ProviderCall;
Q_SIGNALS:
    void finished(const cinetune::Result<QByteArray> &result);
};

// Talks to one provider profile. Lives on one thread; every call is asynchronous.
class ProviderClient final : public QObject
{
    Q_OBJECT

public:
    ProviderClient(HttpClient *http, ProviderProfile profile, QString apiKey, QObject *parent = nullptr);
    ~ProviderClient() override;
    Q_DISABLE_COPY_MOVE(ProviderClient)

    const ProviderProfile &profile() const { return m_profile; }
    Endpoint endpoint() const;

    void setRetryPolicy(const RetryPolicy &policy) { m_policy = policy; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    // Azure: how often and how long to wait for an uploaded file to be "processed".
    void setFileWait(int pollMs, int maxWaitMs)
    {
        m_filePollMs = pollMs;
        m_fileMaxWaitMs = maxWaitMs;
    }
    // Fixed multipart boundary (tests); default: random per upload.
    void setBoundary(const QByteArray &boundary) { m_boundary = boundary; }

    ModelsCall *listModels();
    // `purpose`: "fine-tune" (training data) or "batch" (Batch API input).
    FileCall *uploadFile(const QString &fileName, const QByteArray &data, const QString &purpose = QStringLiteral("fine-tune"));
    // The raw bytes of a file (e.g. a batch's output).
    ContentCall *fileContent(const QString &fileId);
    // Deletes an uploaded file; finished() carries the file's id. A file that is already gone counts as deleted.
    FileCall *deleteFile(const QString &fileId);
    // Creates a job. The request is tagged (metadata cinetune_request=<tag>, OpenAI kinds) and an
    // ambiguous failure (timeout / reset after sending) is resolved by listing the provider's jobs
    // and matching the tag before creating again (at most `maxCreates` creates in all).
    JobCall *createJob(const JobRequest &request, const QString &requestTag = {});
    JobCall *getJob(const QString &jobId);
    JobCall *cancelJob(const QString &jobId);
    JobListCall *listJobs(int maxPages = 5);
    // Events newer than `knownNewestId` (all when empty), oldest first.
    EventsCall *listEvents(const QString &jobId, const QString &knownNewestId = {});
    CheckpointsCall *listCheckpoints(const QString &jobId);
    // Together AI's per-step training metrics (GET /fine-tunes/{id}/metrics). OpenAI kinds report
    // theirs as "metrics" events instead: an empty list.
    MetricsCall *listMetrics(const QString &jobId);
    // True where the training curve comes from listMetrics() rather than the events.
    bool hasMetricsEndpoint() const { return isTogether(); }
    ChatCall *chat(const ChatRequest &request);

    // Batch API (OpenAI and Azure kinds, and the simulator; others fail with provider.unsupported).
    // createBatch tags the batch (metadata cinetune_request=<tag>) and resolves an ambiguous
    // failure by looking the tag up among the provider's batches before creating again.
    BatchCall *createBatch(const QString &inputFileId, const QJsonObject &metadata, const QString &requestTag);
    BatchCall *getBatch(const QString &batchId);
    BatchCall *cancelBatch(const QString &batchId);
    // The newest batch carrying `requestTag` (first 5 pages of the list); provider.not_found if none.
    BatchCall *findTaggedBatch(const QString &requestTag);
    bool supportsBatch() const;

    // Finds a job carrying `requestTag` (OpenAI: metadata; Together: training file + model).
    JobCall *findTaggedJob(const QString &requestTag, const JobRequest &request);

    static QString newRequestTag();

private:
    using Then = std::function<void(const Result<HttpResponse> &)>;
    void send(ProviderCall *owner, const HttpRequest &request, const Then &then);
    Error httpError(ProviderOperation op, const HttpResponse &response, const QString &model = {}) const;
    // A chat answer that failed after HTTP 200 (an error object in the body or the stream).
    Error answerError(Error e) const;
    void chatAttempt(ChatCall *call, const ChatRequest &original, bool adaptedOnce);
    // The request as this server takes it (what earlier 400s taught: no stream_options,
    // max_completion_tokens for some models).
    ChatRequest adapted(ChatRequest request) const;
    // Learns from a 400 that names a field this server or model does not take; true = ask again.
    bool adaptTo(const ChatRequest &sent, const HttpResponse &response);
    bool isTogether() const { return m_profile.kind == ProviderKind::Together; }
    void createAttempt(JobCall *call, JobRequest request, QString tag, int creates);
    void lookupThenCreate(JobCall *call, JobRequest request, QString tag, int creates, Error cause);
    void createBatchAttempt(BatchCall *call, QString inputFileId, QJsonObject metadata, QString tag, int creates);
    void batchesPage(BatchCall *call, QString tag, QString after, int pagesLeft);
    bool refuseBatch(BatchCall *call);
    void waitForFile(FileCall *call, FileInfo info, qint64 waitedMs);
    void eventsPage(EventsCall *call, QString jobId, QString knownNewestId, QString after, QList<JobEvent> acc, int pages);
    void checkpointsPage(CheckpointsCall *call, QString jobId, QString after, QList<Checkpoint> acc, int pages);
    void jobsPage(JobListCall *call, QString after, QList<FineTuneJob> acc, int pagesLeft, QJsonObject filter);

    HttpClient *m_http;
    ProviderProfile m_profile;
    QString m_key;
    RetryPolicy m_policy;
    int m_timeoutMs = 60000;
    int m_filePollMs = 2000;
    int m_fileMaxWaitMs = 30 * 60 * 1000;
    QByteArray m_boundary;
    int m_maxCreates = 2;
    bool m_noStreamUsage = false;          // the server refused stream_options once
    QSet<QString> m_completionTokenModels; // models that refused max_tokens
};

} // namespace cinetune
