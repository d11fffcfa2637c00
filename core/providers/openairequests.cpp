// Building the requests of the OpenAI-compatible and Together AI protocols (pure functions):
// URLs, authentication headers, request bodies, and checking a job request before it is sent.
// Parsing the answers is in openairesponses.cpp.
#include "core/providers/openaiprotocol.h"
#include "core/providers/protocoljson.h"
#include "core/providers/providererrors.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>

namespace cinetune {

namespace {

using protocol::malformed;
using protocol::parseObject;
using protocol::pathId;
using protocol::str;

HttpRequest jsonRequest(const Endpoint &ep, const QByteArray &method, const QString &path, const QJsonObject &body,
                        RetryMode retry = RetryMode::Idempotent)
{
    HttpRequest r;
    r.method = method;
    r.url = endpointUrl(ep, path);
    r.headers = authHeaders(ep);
    r.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    r.retry = retry;
    r.timeoutMs = ep.timeoutMs;
    return r;
}

HttpRequest getRequest(const Endpoint &ep, const QString &path, const QUrlQuery &query = {})
{
    HttpRequest r;
    r.method = "GET";
    r.url = endpointUrl(ep, path, query);
    r.headers = authHeaders(ep);
    r.timeoutMs = ep.timeoutMs;
    return r;
}

// An error the server put in a 200 body or an SSE event instead of an answer: OpenAI's and
// newer vLLM's {"error": {...}}, Ollama's {"error": "..."}, older vLLM's top-level
} // namespace

QUrl endpointUrl(const Endpoint &endpoint, const QString &relativePath, const QUrlQuery &query)
{
    QUrl url = endpoint.baseUrl;
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QLatin1Char('/') + relativePath, QUrl::TolerantMode);
    if (!query.isEmpty())
        url.setQuery(query);
    return url;
}

HttpHeaders authHeaders(const Endpoint &endpoint)
{
    HttpHeaders h;
    // A keyless local server gets no credentials at all, not an empty "Bearer ".
    if (endpoint.apiKey.isEmpty()) {
    } else if (endpoint.kind == ProviderKind::Azure)
        h.append(qMakePair(QByteArray("api-key"), QByteArray(endpoint.apiKey.toUtf8())));
    else
        h.append(qMakePair(QByteArray("Authorization"), QByteArray("Bearer " + endpoint.apiKey.toUtf8())));
    h.append(qMakePair(QByteArray("Accept"), QByteArray("application/json")));
    return h;
}

Status validateJobRequest(ProviderKind kind, const JobRequest &r)
{
    auto bad = [](const QString &m) { return makeError(errc::Job::Invalid, m); };
    if (r.model.trimmed().isEmpty())
        return bad(tr("Choose a base model."));
    if (r.trainingFile.isEmpty())
        return bad(tr("A training file is required."));
    const int maxEpochs = kind == ProviderKind::Together ? 20 : 50;
    if (r.epochs < 1 || r.epochs > maxEpochs)
        return bad(tr("Epochs must be from 1 to %1, found %2.").arg(maxEpochs).arg(r.epochs));
    if (r.batchSize < 0 || r.batchSize > 256)
        return bad(tr("Batch size must be from 1 to 256 (or automatic), found %1.").arg(r.batchSize));
    if (kind == ProviderKind::Together) {
        if (!(r.learningRate > 0 && r.learningRate < 1))
            return bad(tr("The learning rate must be above 0 and below 1, found %1.").arg(r.learningRate));
        if (r.lora && (r.loraRank < 1 || r.loraRank > 1024))
            return bad(tr("The LoRA rank must be from 1 to 1024, found %1.").arg(r.loraRank));
    } else if (r.learningRateMultiplier < 0) {
        return bad(tr("The learning-rate multiplier must be above 0, found %1.").arg(r.learningRateMultiplier));
    }
    const int maxSuffix = (kind == ProviderKind::Azure || kind == ProviderKind::Together) ? 40 : 64;
    if (r.suffix.size() > maxSuffix)
        return bad(tr("The suffix may have at most %1 characters, found %2.").arg(maxSuffix).arg(r.suffix.size()));
    static const QRegularExpression suffixChars(QStringLiteral("^[A-Za-z0-9_.-]*$"));
    if (!suffixChars.match(r.suffix).hasMatch())
        return bad(tr("The suffix may contain only letters, digits, \"-\", \"_\" and \".\", found \"%1\".").arg(r.suffix));
    if (r.seed && (*r.seed < 0 || *r.seed > 2147483647))
        return bad(tr("The seed must be from 0 to 2147483647."));
    if (r.metadata.size() > 16)
        return bad(tr("At most 16 metadata pairs are allowed, found %1.").arg(r.metadata.size()));
    for (auto it = r.metadata.begin(); it != r.metadata.end(); ++it) {
        if (it.key().size() > 64 || !it->isString() || it->toString().size() > 512)
            return bad(tr("Metadata \"%1\": keys have at most 64 characters and values are text of at most 512.").arg(it.key()));
    }
    return Ok{};
}

bool isReasoningModel(const QString &model)
{
    // "ft:o4-mini-2025-04-16:org::id" is a fine-tuned o4-mini.
    QString m = model.trimmed().toLower();
    if (m.startsWith(QLatin1String("ft:")))
        m = m.mid(3);
    static const QRegularExpression reasoning(QStringLiteral("^(o[1-9](-|$)|gpt-5)"));
    return reasoning.match(m).hasMatch();
}

namespace openai {

HttpRequest listModels(const Endpoint &ep)
{
    return getRequest(ep, QStringLiteral("models"));
}

HttpRequest uploadFile(const Endpoint &ep, const QString &fileName, const QByteArray &data, const QByteArray &boundary,
                       const QString &purpose)
{
    HttpRequest r;
    r.method = "POST";
    r.url = endpointUrl(ep, QStringLiteral("files"));
    r.headers = authHeaders(ep);
    QByteArray contentType;
    r.body = multipartBody({{"purpose", purpose.toUtf8(), {}, {}}, {"file", data, fileName.toUtf8(), "application/jsonl"}},
                           boundary, &contentType);
    r.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray(contentType)));
    // A repeated upload only leaves a spare file behind: safe to retry.
    r.retry = RetryMode::Idempotent;
    r.timeoutMs = ep.timeoutMs;
    return r;
}

HttpRequest getFile(const Endpoint &ep, const QString &fileId)
{
    return getRequest(ep, QStringLiteral("files/") + pathId(fileId));
}

HttpRequest deleteFile(const Endpoint &ep, const QString &fileId)
{
    HttpRequest r = getRequest(ep, QStringLiteral("files/") + pathId(fileId));
    r.method = "DELETE"; // deleting twice is harmless: retried like a read
    return r;
}

QJsonObject createJobBody(ProviderKind kind, const JobRequest &r)
{
    Q_UNUSED(kind)
    QJsonObject body;
    body[QStringLiteral("model")] = r.model;
    body[QStringLiteral("training_file")] = r.trainingFile;
    if (!r.validationFile.isEmpty())
        body[QStringLiteral("validation_file")] = r.validationFile;
    if (!r.suffix.isEmpty())
        body[QStringLiteral("suffix")] = r.suffix;
    if (r.seed)
        body[QStringLiteral("seed")] = static_cast<qint64>(*r.seed);
    if (!r.metadata.isEmpty())
        body[QStringLiteral("metadata")] = r.metadata;
    QJsonObject hp;
    hp[QStringLiteral("n_epochs")] = r.epochs;
    hp[QStringLiteral("batch_size")] = r.batchSize > 0 ? QJsonValue(r.batchSize) : QJsonValue(QStringLiteral("auto"));
    hp[QStringLiteral("learning_rate_multiplier")] = r.learningRateMultiplier > 0 ? QJsonValue(r.learningRateMultiplier)
                                                                                  : QJsonValue(QStringLiteral("auto"));
    body[QStringLiteral("method")] = QJsonObject{
        {QStringLiteral("type"), QStringLiteral("supervised")},
        {QStringLiteral("supervised"), QJsonObject{{QStringLiteral("hyperparameters"), hp}}},
    };
    return body;
}

HttpRequest createJob(const Endpoint &ep, const JobRequest &request)
{
    return jsonRequest(ep, "POST", QStringLiteral("fine_tuning/jobs"), createJobBody(ep.kind, request), RetryMode::NonIdempotent);
}

HttpRequest getJob(const Endpoint &ep, const QString &jobId)
{
    return getRequest(ep, QStringLiteral("fine_tuning/jobs/") + pathId(jobId));
}

HttpRequest listJobs(const Endpoint &ep, const QString &after, int limit, const QJsonObject &metadataFilter)
{
    QUrlQuery q;
    if (!after.isEmpty())
        q.addQueryItem(QStringLiteral("after"), after);
    q.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    for (auto it = metadataFilter.begin(); it != metadataFilter.end(); ++it)
        q.addQueryItem(QStringLiteral("metadata[%1]").arg(it.key()), it->toString());
    return getRequest(ep, QStringLiteral("fine_tuning/jobs"), q);
}

HttpRequest cancelJob(const Endpoint &ep, const QString &jobId)
{
    HttpRequest r;
    r.method = "POST";
    r.url = endpointUrl(ep, QStringLiteral("fine_tuning/jobs/%1/cancel").arg(pathId(jobId)));
    r.headers = authHeaders(ep);
    r.retry = RetryMode::Idempotent; // cancelling twice is harmless
    r.timeoutMs = ep.timeoutMs;
    return r;
}

HttpRequest listEvents(const Endpoint &ep, const QString &jobId, const QString &after, int limit)
{
    QUrlQuery q;
    if (!after.isEmpty())
        q.addQueryItem(QStringLiteral("after"), after);
    q.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    return getRequest(ep, QStringLiteral("fine_tuning/jobs/%1/events").arg(pathId(jobId)), q);
}

HttpRequest listCheckpoints(const Endpoint &ep, const QString &jobId, const QString &after, int limit)
{
    QUrlQuery q;
    if (!after.isEmpty())
        q.addQueryItem(QStringLiteral("after"), after);
    q.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    return getRequest(ep, QStringLiteral("fine_tuning/jobs/%1/checkpoints").arg(pathId(jobId)), q);
}

HttpRequest chat(const Endpoint &ep, const ChatRequest &request)
{
    QJsonObject body;
    body[QStringLiteral("model")] = request.model;
    QJsonArray messages;
    for (const ChatMessage &m : request.messages)
        messages.append(QJsonObject{{QStringLiteral("role"), m.role}, {QStringLiteral("content"), m.content}});
    body[QStringLiteral("messages")] = messages;
    if (request.temperature)
        body[QStringLiteral("temperature")] = *request.temperature;
    if (request.maxTokens) {
        const bool completionField = request.tokenLimitField == TokenLimitField::MaxCompletionTokens
            || (request.tokenLimitField == TokenLimitField::Auto
                && (ep.kind == ProviderKind::OpenAI || ep.kind == ProviderKind::Azure) && isReasoningModel(request.model));
        body[completionField ? QStringLiteral("max_completion_tokens") : QStringLiteral("max_tokens")] = *request.maxTokens;
    }
    if (request.seed)
        body[QStringLiteral("seed")] = static_cast<qint64>(*request.seed);
    if (!request.responseFormat.isEmpty())
        body[QStringLiteral("response_format")] = request.responseFormat;
    if (request.stream) {
        body[QStringLiteral("stream")] = true;
        if (request.streamUsage)
            body[QStringLiteral("stream_options")] = QJsonObject{{QStringLiteral("include_usage"), true}};
    }
    HttpRequest r = jsonRequest(ep, "POST", QStringLiteral("chat/completions"), body, RetryMode::Idempotent);
    r.maxBodyBytes = kMaxChatBodyBytes;
    if (request.stream) {
        r.stream = true;
        for (auto &h : r.headers) {
            if (h.first == "Accept")
                h.second = "text/event-stream";
        }
    }
    return r;
}

} // namespace openai

namespace together {

HttpRequest uploadFile(const Endpoint &ep, const QString &fileName, const QByteArray &data, const QByteArray &boundary)
{
    HttpRequest r;
    r.method = "POST";
    r.url = endpointUrl(ep, QStringLiteral("files/upload"));
    r.headers = authHeaders(ep);
    QByteArray contentType;
    r.body = multipartBody({{"purpose", "fine-tune", {}, {}},
                            {"file_name", fileName.toUtf8(), {}, {}},
                            {"file_type", "jsonl", {}, {}},
                            {"file", data, fileName.toUtf8(), "application/jsonl"}},
                           boundary, &contentType);
    r.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray(contentType)));
    r.timeoutMs = ep.timeoutMs;
    return r;
}

QJsonObject createJobBody(const JobRequest &r)
{
    QJsonObject body;
    body[QStringLiteral("model")] = r.model;
    body[QStringLiteral("training_file")] = r.trainingFile;
    if (!r.validationFile.isEmpty()) {
        body[QStringLiteral("validation_file")] = r.validationFile;
        body[QStringLiteral("n_evals")] = r.epochs; // validation loss needs n_evals > 0
    }
    body[QStringLiteral("n_epochs")] = r.epochs;
    body[QStringLiteral("n_checkpoints")] = r.epochs;
    body[QStringLiteral("batch_size")] = r.batchSize > 0 ? QJsonValue(r.batchSize) : QJsonValue(QStringLiteral("max"));
    body[QStringLiteral("learning_rate")] = r.learningRate;
    if (!r.suffix.isEmpty())
        body[QStringLiteral("suffix")] = r.suffix;
    if (r.seed)
        body[QStringLiteral("random_seed")] = static_cast<qint64>(*r.seed);
    body[QStringLiteral("training_method")] =
        // Together's document types train_on_inputs as a boolean (its "auto" fails `type: boolean`);
        // false is what "auto" means for chat data: the user turns are masked.
        QJsonObject{{QStringLiteral("method"), QStringLiteral("sft")}, {QStringLiteral("train_on_inputs"), false}};
    if (r.lora) {
        body[QStringLiteral("training_type")] = QJsonObject{
            {QStringLiteral("type"), QStringLiteral("Lora")},
            {QStringLiteral("lora_r"), r.loraRank},
            {QStringLiteral("lora_alpha"), 2 * r.loraRank},
            {QStringLiteral("lora_dropout"), 0.0},
            {QStringLiteral("lora_trainable_modules"), QStringLiteral("all-linear")}};
    } else {
        body[QStringLiteral("training_type")] = QJsonObject{{QStringLiteral("type"), QStringLiteral("Full")}};
    }
    return body;
}

HttpRequest createJob(const Endpoint &ep, const JobRequest &request)
{
    return jsonRequest(ep, "POST", QStringLiteral("fine-tunes"), createJobBody(request), RetryMode::NonIdempotent);
}

HttpRequest getJob(const Endpoint &ep, const QString &jobId)
{
    return getRequest(ep, QStringLiteral("fine-tunes/") + pathId(jobId));
}

HttpRequest listJobs(const Endpoint &ep)
{
    return getRequest(ep, QStringLiteral("fine-tunes"));
}

HttpRequest cancelJob(const Endpoint &ep, const QString &jobId)
{
    HttpRequest r;
    r.method = "POST";
    r.url = endpointUrl(ep, QStringLiteral("fine-tunes/%1/cancel").arg(pathId(jobId)));
    r.headers = authHeaders(ep);
    r.timeoutMs = ep.timeoutMs;
    return r;
}

HttpRequest listEvents(const Endpoint &ep, const QString &jobId)
{
    return getRequest(ep, QStringLiteral("fine-tunes/%1/events").arg(pathId(jobId)));
}

HttpRequest listCheckpoints(const Endpoint &ep, const QString &jobId)
{
    return getRequest(ep, QStringLiteral("fine-tunes/%1/checkpoints").arg(pathId(jobId)));
}

HttpRequest metrics(const Endpoint &ep, const QString &jobId)
{
    return getRequest(ep, QStringLiteral("fine-tunes/%1/metrics").arg(pathId(jobId)));
}

} // namespace together

} // namespace cinetune
