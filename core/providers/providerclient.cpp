#include "core/providers/providerclient.h"

#include "core/common/tr.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QTimer>
#include <QUuid>

Q_LOGGING_CATEGORY(lcProvider, "cinetune.providers", QtInfoMsg)

namespace cinetune {

namespace {

template<typename C, typename T>
void complete(C *call, const Result<T> &result)
{
    if (!call->claimFinish())
        return;
    Q_EMIT call->finished(result);
    call->deleteLater();
}

Error cancelledError()
{
    return makeError(errc::General::Cancelled, tr("The request was cancelled."));
}

} // namespace

ProviderCall::ProviderCall(QObject *parent)
    : QObject(parent)
{}

ProviderCall::~ProviderCall() = default;

void ProviderCall::cancel()
{
    m_cancelled = true;
    if (m_http)
        m_http->cancel();
}

ProviderClient::ProviderClient(HttpClient *http, ProviderProfile profile, QString apiKey, QObject *parent)
    : QObject(parent)
    , m_http(http)
    , m_profile(std::move(profile))
    , m_key(std::move(apiKey))
{}

ProviderClient::~ProviderClient() = default;

Endpoint ProviderClient::endpoint() const
{
    return Endpoint{m_profile.kind, m_profile.effectiveBaseUrl(), m_key, m_timeoutMs};
}

QString ProviderClient::newRequestTag()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).left(18);
}

void ProviderClient::send(ProviderCall *owner, const HttpRequest &request, const Then &then)
{
    if (owner->isCancelled()) {
        then(cancelledError());
        return;
    }
    HttpCall *call = m_http->send(request, m_policy);
    owner->m_http = call;
    connect(call, &HttpCall::uploadProgress, owner, &ProviderCall::uploadProgress);
    connect(call, &HttpCall::retrying, owner, &ProviderCall::retrying);
    connect(call, &HttpCall::finished, owner, [then](const Result<HttpResponse> &r) { then(r); });
}

Error ProviderClient::httpError(ProviderOperation op, const HttpResponse &response, const QString &model) const
{
    return mapHttpError(m_profile.kind, op, response, model, m_key);
}

ModelsCall *ProviderClient::listModels()
{
    auto *call = new ModelsCall(this);
    send(call, openai::listModels(endpoint()), [this, call](const Result<HttpResponse> &r) {
        if (!r)
            return complete(call, Result<QList<ModelInfo>>(r.error()));
        if (r->status != 200)
            return complete(call, Result<QList<ModelInfo>>(httpError(ProviderOperation::Models, r.value())));
        complete(call, openai::parseModels(r->body));
    });
    return call;
}

FileCall *ProviderClient::uploadFile(const QString &fileName, const QByteArray &data, const QString &purpose)
{
    auto *call = new FileCall(this);
    QByteArray boundary = m_boundary;
    if (boundary.isEmpty())
        boundary = "cinetune-" + QByteArray::number(QRandomGenerator::global()->generate64(), 16);
    const HttpRequest request = isTogether() ? together::uploadFile(endpoint(), fileName, data, boundary)
                                             : openai::uploadFile(endpoint(), fileName, data, boundary, purpose);
    send(call, request, [this, call](const Result<HttpResponse> &r) {
        if (!r)
            return complete(call, Result<FileInfo>(r.error()));
        if (r->status < 200 || r->status >= 300)
            return complete(call, Result<FileInfo>(httpError(ProviderOperation::Upload, r.value())));
        Result<FileInfo> info = isTogether() ? together::parseFile(r->body) : openai::parseFile(r->body);
        if (info && m_profile.kind == ProviderKind::Azure && info->status != QLatin1String("processed"))
            return waitForFile(call, info.value(), 0);
        complete(call, info);
    });
    return call;
}

FileCall *ProviderClient::deleteFile(const QString &fileId)
{
    auto *call = new FileCall(this);
    send(call, openai::deleteFile(endpoint(), fileId), [this, call, fileId](const Result<HttpResponse> &r) {
        if (!r)
            return complete(call, Result<FileInfo>(r.error()));
        if (r->status != 404 && (r->status < 200 || r->status >= 300))
            return complete(call, Result<FileInfo>(httpError(ProviderOperation::DeleteFile, r.value())));
        FileInfo info;
        info.id = fileId;
        info.status = QStringLiteral("deleted");
        complete(call, Result<FileInfo>(info));
    });
    return call;
}

void ProviderClient::waitForFile(FileCall *call, FileInfo info, qint64 waitedMs)
{
    if (info.status == QLatin1String("error")) {
        return complete(call,
                        Result<FileInfo>(makeError(
                            errc::Provider::FileError,
                            tr("Azure OpenAI could not process the file %1: %2").arg(info.filename, info.statusDetails))));
    }
    if (waitedMs >= m_fileMaxWaitMs) {
        return complete(call,
                        Result<FileInfo>(makeError(errc::Provider::FileNotProcessed,
                                                   tr("Azure OpenAI has not finished processing the file %1 after %2 "
                                                      "minutes; submit again later (the file stays uploaded as %3).")
                                                       .arg(info.filename)
                                                       .arg(waitedMs / 60000)
                                                       .arg(info.id))));
    }
    Q_EMIT call->stateChanged(
        tr("Waiting for Azure OpenAI to process the file %1 (status \"%2\")…").arg(info.filename, info.status));
    QTimer::singleShot(m_filePollMs, call, [this, call, info, waitedMs]() {
        send(call, openai::getFile(endpoint(), info.id), [this, call, info, waitedMs](const Result<HttpResponse> &r) {
            if (!r)
                return complete(call, Result<FileInfo>(r.error()));
            if (r->status != 200)
                return complete(call, Result<FileInfo>(httpError(ProviderOperation::FileStatus, r.value())));
            Result<FileInfo> now = openai::parseFile(r->body);
            if (!now)
                return complete(call, now);
            if (now->status == QLatin1String("processed"))
                return complete(call, now);
            waitForFile(call, now.value(), waitedMs + m_filePollMs);
        });
    });
}

JobCall *ProviderClient::createJob(const JobRequest &request, const QString &requestTag)
{
    auto *call = new JobCall(this);
    JobRequest req = request;
    const QString tag = requestTag.isEmpty() ? newRequestTag() : requestTag;
    if (!isTogether())
        req.metadata[QLatin1String(kRequestTagKey)] = tag;
    if (Status valid = validateJobRequest(m_profile.kind, req); !valid) {
        QTimer::singleShot(0, call, [call, e = valid.error()]() { complete(call, Result<FineTuneJob>(e)); });
        return call;
    }
    createAttempt(call, req, tag, 0);
    return call;
}

void ProviderClient::createAttempt(JobCall *call, JobRequest request, QString tag, int creates)
{
    const HttpRequest http = isTogether() ? together::createJob(endpoint(), request) : openai::createJob(endpoint(), request);
    send(call, http, [this, call, request, tag, creates](const Result<HttpResponse> &r) {
        if (!r) {
            if (r.error().code == errc::Net::Ambiguous)
                return lookupThenCreate(call, request, tag, creates + 1, r.error());
            return complete(call, Result<FineTuneJob>(r.error()));
        }
        if (r->status < 200 || r->status >= 300) {
            // A 5xx after sending may or may not have created the job: look before creating again.
            if (r->status >= 500)
                return lookupThenCreate(call, request, tag, creates + 1,
                                        httpError(ProviderOperation::CreateJob, r.value(), request.model));
            return complete(call, Result<FineTuneJob>(httpError(ProviderOperation::CreateJob, r.value(), request.model)));
        }
        complete(call, isTogether() ? together::parseJob(r->body) : openai::parseJob(r->body, m_profile.kind));
    });
}

void ProviderClient::lookupThenCreate(JobCall *call, JobRequest request, QString tag, int creates, Error cause)
{
    if (call->isCancelled())
        return complete(call, Result<FineTuneJob>(cancelledError()));
    Q_EMIT call->stateChanged(tr("The job request may have reached the provider; looking it up before creating it again…"));
    qCInfo(lcProvider) << "ambiguous create, looking up tag" << tag;
    JobCall *lookup = findTaggedJob(tag, request);
    connect(lookup, &JobCall::finished, call, [this, call, request, tag, creates, cause](const Result<FineTuneJob> &found) {
        if (found)
            return complete(call, found);
        if (found.error().code != errc::Provider::NotFound || creates >= m_maxCreates) {
            Error e = cause;
            e.message += QLatin1Char(' ')
                + tr("It was not created again to avoid paying twice; check the provider's job list "
                     "(cinetune finetune list) before submitting again.");
            return complete(call, Result<FineTuneJob>(e));
        }
        createAttempt(call, request, tag, creates);
    });
}

JobCall *ProviderClient::findTaggedJob(const QString &requestTag, const JobRequest &request)
{
    auto *call = new JobCall(this);
    JobListCall *list = new JobListCall(this);
    QJsonObject filter;
    if (!isTogether())
        filter[QLatin1String(kRequestTagKey)] = requestTag;
    jobsPage(list, {}, {}, 5, filter);
    connect(call, &QObject::destroyed, list, [list]() { list->cancel(); });
    connect(list, &JobListCall::finished, call, [this, call, requestTag, request](const Result<QList<FineTuneJob>> &jobs) {
        if (!jobs)
            return complete(call, Result<FineTuneJob>(jobs.error()));
        for (const FineTuneJob &j : jobs.value()) {
            // Together has no metadata: the training file uploaded for this request identifies it
            // (a file id belongs to one upload). Without a known file nothing matches: a guess by
            // model and time could adopt another job.
            const bool match = isTogether() ? (!request.trainingFile.isEmpty() && j.trainingFile == request.trainingFile
                                               && (request.model.isEmpty() || j.baseModel.contains(request.model)))
                                            : j.metadata.value(QLatin1String(kRequestTagKey)).toString() == requestTag;
            if (match)
                return complete(call, Result<FineTuneJob>(j));
        }
        complete(call, Result<FineTuneJob>(makeError(errc::Provider::NotFound, tr("No job with this request tag exists."))));
    });
    return call;
}

JobCall *ProviderClient::getJob(const QString &jobId)
{
    auto *call = new JobCall(this);
    const HttpRequest http = isTogether() ? together::getJob(endpoint(), jobId) : openai::getJob(endpoint(), jobId);
    send(call, http, [this, call](const Result<HttpResponse> &r) {
        if (!r)
            return complete(call, Result<FineTuneJob>(r.error()));
        if (r->status != 200)
            return complete(call, Result<FineTuneJob>(httpError(ProviderOperation::GetJob, r.value())));
        complete(call, isTogether() ? together::parseJob(r->body) : openai::parseJob(r->body, m_profile.kind));
    });
    return call;
}

JobCall *ProviderClient::cancelJob(const QString &jobId)
{
    auto *call = new JobCall(this);
    const HttpRequest http = isTogether() ? together::cancelJob(endpoint(), jobId) : openai::cancelJob(endpoint(), jobId);
    send(call, http, [this, call, jobId](const Result<HttpResponse> &r) {
        if (!r)
            return complete(call, Result<FineTuneJob>(r.error()));
        if (r->status < 200 || r->status >= 300)
            return complete(call, Result<FineTuneJob>(httpError(ProviderOperation::Cancel, r.value())));
        Result<FineTuneJob> job = isTogether() ? together::parseJob(r->body) : openai::parseJob(r->body, m_profile.kind);
        if (job && job->id.isEmpty())
            job.value().id = jobId;
        complete(call, job);
    });
    return call;
}

JobListCall *ProviderClient::listJobs(int maxPages)
{
    auto *call = new JobListCall(this);
    jobsPage(call, {}, {}, maxPages, {});
    return call;
}

void ProviderClient::jobsPage(JobListCall *call, QString after, QList<FineTuneJob> acc, int pagesLeft, QJsonObject filter)
{
    const HttpRequest http = isTogether() ? together::listJobs(endpoint()) : openai::listJobs(endpoint(), after, 100, filter);
    send(call, http, [this, call, acc, pagesLeft, filter](const Result<HttpResponse> &r) mutable {
        if (!r)
            return complete(call, Result<QList<FineTuneJob>>(r.error()));
        if (r->status != 200)
            return complete(call, Result<QList<FineTuneJob>>(httpError(ProviderOperation::ListJobs, r.value())));
        auto page = isTogether() ? together::parseJobList(r->body) : openai::parseJobList(r->body, m_profile.kind);
        if (!page)
            return complete(call, Result<QList<FineTuneJob>>(page.error()));
        acc += page->items;
        if (page->hasMore && pagesLeft > 1 && !page->lastId.isEmpty())
            return jobsPage(call, page->lastId, acc, pagesLeft - 1, filter);
        complete(call, Result<QList<FineTuneJob>>(acc));
    });
}

EventsCall *ProviderClient::listEvents(const QString &jobId, const QString &knownNewestId)
{
    auto *call = new EventsCall(this);
    eventsPage(call, jobId, knownNewestId, {}, {}, 0);
    return call;
}

void ProviderClient::eventsPage(EventsCall *call, QString jobId, QString knownNewestId, QString after, QList<JobEvent> acc,
                                int pages)
{
    const HttpRequest http = isTogether() ? together::listEvents(endpoint(), jobId)
                                          : openai::listEvents(endpoint(), jobId, after, 100);
    send(call, http, [this, call, jobId, knownNewestId, acc, pages](const Result<HttpResponse> &r) mutable {
        if (!r)
            return complete(call, Result<QList<JobEvent>>(r.error()));
        if (r->status != 200)
            return complete(call, Result<QList<JobEvent>>(httpError(ProviderOperation::Events, r.value())));
        auto page = isTogether() ? together::parseEvents(r->body) : openai::parseEvents(r->body);
        if (!page)
            return complete(call, Result<QList<JobEvent>>(page.error()));
        if (isTogether()) {
            // Chronological, no pagination: keep those after the known one.
            QList<JobEvent> out;
            bool seen = knownNewestId.isEmpty();
            for (const JobEvent &e : page->items) {
                if (seen)
                    out.append(e);
                else if (e.id == knownNewestId)
                    seen = true;
            }
            return complete(call, Result<QList<JobEvent>>(seen ? out : page->items));
        }
        // OpenAI: newest first; stop at the newest event we already have.
        bool reachedKnown = false;
        for (const JobEvent &e : page->items) {
            if (!knownNewestId.isEmpty() && e.id == knownNewestId) {
                reachedKnown = true;
                break;
            }
            acc.append(e);
        }
        if (!reachedKnown && page->hasMore && pages < 200 && !page->lastId.isEmpty())
            return eventsPage(call, jobId, knownNewestId, page->lastId, acc, pages + 1);
        std::reverse(acc.begin(), acc.end());
        complete(call, Result<QList<JobEvent>>(acc));
    });
}

CheckpointsCall *ProviderClient::listCheckpoints(const QString &jobId)
{
    auto *call = new CheckpointsCall(this);
    checkpointsPage(call, jobId, {}, {}, 0);
    return call;
}

void ProviderClient::checkpointsPage(CheckpointsCall *call, QString jobId, QString after, QList<Checkpoint> acc, int pages)
{
    const HttpRequest http = isTogether() ? together::listCheckpoints(endpoint(), jobId)
                                          : openai::listCheckpoints(endpoint(), jobId, after, 100);
    send(call, http, [this, call, jobId, acc, pages](const Result<HttpResponse> &r) mutable {
        if (!r)
            return complete(call, Result<QList<Checkpoint>>(r.error()));
        if (r->status != 200)
            return complete(call, Result<QList<Checkpoint>>(httpError(ProviderOperation::Checkpoints, r.value())));
        auto page = isTogether() ? together::parseCheckpoints(r->body, jobId) : openai::parseCheckpoints(r->body);
        if (!page)
            return complete(call, Result<QList<Checkpoint>>(page.error()));
        acc += page->items;
        if (page->hasMore && pages < 50 && !page->lastId.isEmpty())
            return checkpointsPage(call, jobId, page->lastId, acc, pages + 1);
        std::sort(acc.begin(), acc.end(), [](const Checkpoint &a, const Checkpoint &b) { return a.step < b.step; });
        complete(call, Result<QList<Checkpoint>>(acc));
    });
}

MetricsCall *ProviderClient::listMetrics(const QString &jobId)
{
    auto *call = new MetricsCall(this);
    if (!isTogether()) {
        QTimer::singleShot(0, call, [call]() { complete(call, Result<QList<MetricPoint>>(QList<MetricPoint>{})); });
        return call;
    }
    send(call, together::metrics(endpoint(), jobId), [this, call](const Result<HttpResponse> &r) {
        if (!r)
            return complete(call, Result<QList<MetricPoint>>(r.error()));
        if (r->status != 200)
            return complete(call, Result<QList<MetricPoint>>(httpError(ProviderOperation::Metrics, r.value())));
        complete(call, together::parseMetrics(r->body));
    });
    return call;
}

ChatCall *ProviderClient::chat(const ChatRequest &request)
{
    auto *call = new ChatCall(this);
    chatAttempt(call, request, false);
    return call;
}

ChatRequest ProviderClient::adapted(ChatRequest request) const
{
    if (request.stream && m_noStreamUsage)
        request.streamUsage = false;
    if (request.tokenLimitField == TokenLimitField::Auto && m_completionTokenModels.contains(request.model))
        request.tokenLimitField = TokenLimitField::MaxCompletionTokens;
    return request;
}

bool ProviderClient::adaptTo(const ChatRequest &sent, const HttpResponse &response)
{
    if (response.status != 400)
        return false;
    const ProviderErrorBody e = parseErrorBody(response.body);
    const QString text = e.message + QLatin1Char(' ') + e.param + QLatin1Char(' ') + e.code;
    // vLLM before 0.5.x: 400 "extra_forbidden ... stream_options ... Extra inputs are not permitted".
    if (sent.stream && sent.streamUsage && text.contains(QLatin1String("stream_options"))) {
        qCInfo(lcProvider).noquote() << m_profile.name << "does not take stream_options; asking without it from now on";
        m_noStreamUsage = true;
        return true;
    }
    // OpenAI's reasoning models: 400 unsupported_parameter, param max_tokens, "Use 'max_completion_tokens' instead."
    if (sent.maxTokens && sent.tokenLimitField != TokenLimitField::MaxCompletionTokens
        && (e.param == QLatin1String("max_tokens") || text.contains(QLatin1String("max_completion_tokens")))) {
        qCInfo(lcProvider).noquote() << m_profile.name << sent.model << "takes max_completion_tokens; asking with it from now on";
        m_completionTokenModels.insert(sent.model);
        return true;
    }
    return false;
}

void ProviderClient::chatAttempt(ChatCall *call, const ChatRequest &original, bool adaptedOnce)
{
    const ChatRequest request = adapted(original);
    const HttpRequest http = openai::chat(endpoint(), request);
    // A request the server refused for a field it does not know is asked once more without it.
    auto retryAdapted = [this, call, original, request, adaptedOnce](const HttpResponse &response) {
        if (adaptedOnce || !adaptTo(request, response))
            return false;
        chatAttempt(call, original, true);
        return true;
    };
    if (request.stream) {
        auto parser = std::make_shared<SseParser>();
        auto acc = std::make_shared<ChatResult>();
        auto failure = std::make_shared<std::optional<Error>>();
        send(call, http, [this, call, request, parser, acc, failure, retryAdapted](const Result<HttpResponse> &r) {
            if (!r)
                return complete(call, Result<ChatResult>(r.error()));
            if (r->status != 200) {
                if (retryAdapted(r.value()))
                    return;
                return complete(call, Result<ChatResult>(httpError(ProviderOperation::Chat, r.value(), request.model)));
            }
            if (*failure)
                return complete(call, Result<ChatResult>(answerError(**failure)));
            if (!parser->sawDone() && acc->finishReason.isEmpty()) {
                return complete(
                    call,
                    Result<ChatResult>(makeError(errc::Provider::StreamTruncated,
                                                 tr("The streamed answer ended before it was complete (%1 characters received).")
                                                     .arg(acc->content.size()))));
            }
            complete(call, Result<ChatResult>(*acc));
        });
        if (call->m_http) {
            connect(call->m_http, &HttpCall::dataReceived, call, [call, parser, acc, failure](const QByteArray &chunk) {
                for (const QByteArray &data : parser->feed(chunk)) {
                    if (*failure)
                        break; // the answer has failed: nothing after it counts
                    const qsizetype before = acc->content.size();
                    if (Status s = accumulateChatChunk(data, *acc); !s) {
                        *failure = s.error();
                        break;
                    }
                    if (acc->content.size() > before)
                        Q_EMIT call->delta(acc->content.mid(before));
                }
            });
        }
        return;
    }
    send(call, http, [this, call, request, retryAdapted](const Result<HttpResponse> &r) {
        if (!r)
            return complete(call, Result<ChatResult>(r.error()));
        if (r->status != 200) {
            if (retryAdapted(r.value()))
                return;
            return complete(call, Result<ChatResult>(httpError(ProviderOperation::Chat, r.value(), request.model)));
        }
        Result<ChatResult> answer = openai::parseChat(r->body);
        complete(call, answer ? answer : Result<ChatResult>(answerError(answer.error())));
    });
}

Error ProviderClient::answerError(Error e) const
{
    if (e.code == errc::Provider::StreamError) {
        // The server's own words, verbatim, with who said it.
        e.message = tr("%1 answered with an error instead of a recommendation: %2")
                        .arg(providerKindLabel(m_profile.kind), redactSecret(e.message, m_key));
    }
    return e;
}

ContentCall *ProviderClient::fileContent(const QString &fileId)
{
    auto *call = new ContentCall(this);
    send(call, openai::fileContent(endpoint(), fileId), [this, call](const Result<HttpResponse> &r) {
        if (!r)
            return complete(call, Result<QByteArray>(r.error()));
        if (r->status != 200)
            return complete(call, Result<QByteArray>(httpError(ProviderOperation::FileStatus, r.value())));
        complete(call, Result<QByteArray>(r->body));
    });
    return call;
}

bool ProviderClient::supportsBatch() const
{
    return m_profile.kind == ProviderKind::OpenAI || m_profile.kind == ProviderKind::Azure
        || m_profile.kind == ProviderKind::Simulator;
}

bool ProviderClient::refuseBatch(BatchCall *call)
{
    if (supportsBatch())
        return false;
    QTimer::singleShot(0, call, [call, name = m_profile.name]() {
        complete(call,
                 Result<BatchInfo>(makeError(errc::Provider::Unsupported,
                                             tr("The provider \"%1\" has no Batch API; only OpenAI and Azure OpenAI "
                                                "(and the simulator) do. Run without batch mode.")
                                                 .arg(name))));
    });
    return true;
}

BatchCall *ProviderClient::createBatch(const QString &inputFileId, const QJsonObject &metadata, const QString &requestTag)
{
    auto *call = new BatchCall(this);
    if (refuseBatch(call))
        return call;
    QJsonObject meta = metadata;
    const QString tag = requestTag.isEmpty() ? newRequestTag() : requestTag;
    meta[QLatin1String(kRequestTagKey)] = tag;
    createBatchAttempt(call, inputFileId, meta, tag, 0);
    return call;
}

void ProviderClient::createBatchAttempt(BatchCall *call, QString inputFileId, QJsonObject metadata, QString tag, int creates)
{
    send(call, openai::createBatch(endpoint(), inputFileId, metadata),
         [this, call, inputFileId, metadata, tag, creates](const Result<HttpResponse> &r) {
             std::optional<Error> ambiguous;
             if (!r) {
                 if (r.error().code != errc::Net::Ambiguous)
                     return complete(call, Result<BatchInfo>(r.error()));
                 ambiguous = r.error();
             } else if (r->status >= 500) {
                 ambiguous = httpError(ProviderOperation::CreateJob, r.value());
             } else if (r->status < 200 || r->status >= 300) {
                 return complete(call, Result<BatchInfo>(httpError(ProviderOperation::CreateJob, r.value())));
             }
             if (!ambiguous)
                 return complete(call, openai::parseBatch(r->body));
             // The batch may exist although the answer was lost: look it up before creating again.
             Q_EMIT call->stateChanged(
                 tr("The batch request may have reached the provider; looking it up before creating it again…"));
             BatchCall *lookup = findTaggedBatch(tag);
             connect(lookup, &BatchCall::finished, call,
                     [this, call, inputFileId, metadata, tag, creates, cause = *ambiguous](const Result<BatchInfo> &found) {
                         if (found)
                             return complete(call, found);
                         if (found.error().code != errc::Provider::NotFound || creates + 1 >= m_maxCreates) {
                             Error e = cause;
                             e.message += QLatin1Char(' ')
                                 + tr("It was not created again to avoid paying twice; run again later to "
                                      "look for it once more.");
                             return complete(call, Result<BatchInfo>(e));
                         }
                         createBatchAttempt(call, inputFileId, metadata, tag, creates + 1);
                     });
         });
}

BatchCall *ProviderClient::findTaggedBatch(const QString &requestTag)
{
    auto *call = new BatchCall(this);
    if (refuseBatch(call))
        return call;
    batchesPage(call, requestTag, {}, 5);
    return call;
}

void ProviderClient::batchesPage(BatchCall *call, QString tag, QString after, int pagesLeft)
{
    send(call, openai::listBatches(endpoint(), after, 100), [this, call, tag, pagesLeft](const Result<HttpResponse> &r) {
        if (!r)
            return complete(call, Result<BatchInfo>(r.error()));
        if (r->status != 200)
            return complete(call, Result<BatchInfo>(httpError(ProviderOperation::ListJobs, r.value())));
        auto page = openai::parseBatchList(r->body);
        if (!page)
            return complete(call, Result<BatchInfo>(page.error()));
        for (const BatchInfo &b : page->items) { // newest first
            if (b.metadata.value(QLatin1String(kRequestTagKey)).toString() == tag)
                return complete(call, Result<BatchInfo>(b));
        }
        if (page->hasMore && pagesLeft > 1 && !page->lastId.isEmpty())
            return batchesPage(call, tag, page->lastId, pagesLeft - 1);
        complete(call, Result<BatchInfo>(makeError(errc::Provider::NotFound, tr("No batch with this request tag exists."))));
    });
}

BatchCall *ProviderClient::getBatch(const QString &batchId)
{
    auto *call = new BatchCall(this);
    if (refuseBatch(call))
        return call;
    send(call, openai::getBatch(endpoint(), batchId), [this, call](const Result<HttpResponse> &r) {
        if (!r)
            return complete(call, Result<BatchInfo>(r.error()));
        if (r->status != 200)
            return complete(call, Result<BatchInfo>(httpError(ProviderOperation::GetJob, r.value())));
        complete(call, openai::parseBatch(r->body));
    });
    return call;
}

BatchCall *ProviderClient::cancelBatch(const QString &batchId)
{
    auto *call = new BatchCall(this);
    if (refuseBatch(call))
        return call;
    send(call, openai::cancelBatch(endpoint(), batchId), [this, call](const Result<HttpResponse> &r) {
        if (!r)
            return complete(call, Result<BatchInfo>(r.error()));
        if (r->status < 200 || r->status >= 300)
            return complete(call, Result<BatchInfo>(httpError(ProviderOperation::Cancel, r.value())));
        complete(call, openai::parseBatch(r->body));
    });
    return call;
}

} // namespace cinetune
