#include "openaiprotocol.h"
#include "protocoljson.h"
#include "providererrors.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>

namespace cinetune {

namespace {

using protocol::malformed; using protocol::parseObject; using protocol::str; using protocol::pathId;


QDateTime unixTime(const QJsonValue &v)
{
    if (!v.isDouble())
        return {};
    const double secs = v.toDouble();
    // Only plausible times: a hostile or broken value must not overflow the conversion. Before
    // 1970 is negative and still an integer Unix time (the documents' `format: unixtime`).
    if (!(secs > -1e13 && secs < 1e13))
        return {};
    return QDateTime::fromSecsSinceEpoch(static_cast<qint64>(secs), Qt::UTC);
}

// OpenAI's list envelope {"data": [...], "has_more", "last_id"}: one item per object; items
// without an id are skipped. The cursor is "last_id" when given, else the last item's id.
template<typename T, typename ItemFn>
Result<Page<T>> parseListPage(const QByteArray &body, const QString &what, ItemFn itemFromJson)
{
    auto o = parseObject(body, what);
    if (!o)
        return o.error();
    const QJsonValue data = o.value().value(QLatin1String("data"));
    if (!data.isArray())
        return malformed(what, tr("no \"data\" array"));
    Page<T> page;
    for (const QJsonValue &v : data.toArray()) {
        T item = itemFromJson(v.toObject());
        if (!item.id.isEmpty())
            page.items.append(std::move(item));
    }
    page.hasMore = o.value().value(QLatin1String("has_more")).toBool();
    page.lastId = str(o.value(), "last_id");
    if (page.lastId.isEmpty() && !page.items.isEmpty())
        page.lastId = page.items.last().id;
    return page;
}

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
// {"object": "error", "message": ...}. Code provider.stream_error; the message is the server's own.
std::optional<Error> errorInBody(const QJsonObject &o)
{
    const QJsonValue err = o.value(QLatin1String("error"));
    const bool topLevel = str(o, "object") == QLatin1String("error");
    if (!topLevel && (err.isUndefined() || err.isNull()))
        return std::nullopt;
    const ProviderErrorBody body = parseErrorBody(QJsonDocument(o).toJson(QJsonDocument::Compact));
    QString message = body.message.trimmed();
    if (message.isEmpty())
        message = tr("no message");
    QString detail = body.code.isEmpty() ? QString() : QStringLiteral("code %1").arg(body.code);
    if (!body.type.isEmpty())
        detail += (detail.isEmpty() ? QString() : QStringLiteral(", ")) + QStringLiteral("type %1").arg(body.type);
    return makeError(QStringLiteral("provider.stream_error"), message, detail);
}

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
    auto bad = [](const QString &m) { return makeError(QStringLiteral("job.invalid"), m); };
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

QList<QByteArray> SseParser::feed(const QByteArray &chunk)
{
    QList<QByteArray> out;
    m_buffer += chunk;
    // Lines end in CRLF, LF or CR (SSE spec). A CR at the very end may be the first half of a CRLF
    // split between two chunks, so it waits for the next one: the events never depend on how the
    // network cut the stream (found by fuzz_sse_stream with "\r\r\n").
    const bool trailingCr = m_buffer.endsWith('\r');
    if (trailingCr)
        m_buffer.chop(1);
    m_buffer.replace("\r\n", "\n");
    m_buffer.replace('\r', '\n');
    for (;;) {
        const qsizetype end = m_buffer.indexOf("\n\n");
        if (end < 0)
            break;
        const QByteArray event = m_buffer.left(end);
        m_buffer.remove(0, end + 2);
        QByteArray data;
        QByteArray errorField;
        QByteArray eventType;
        const auto fieldValue = [](const QByteArray &line, qsizetype nameLength) {
            QByteArray v = line.mid(nameLength);
            if (v.startsWith(' '))
                v.remove(0, 1);
            return v;
        };
        for (const QByteArray &line : event.split('\n')) {
            if (line.startsWith("data:")) {
                if (!data.isEmpty())
                    data += '\n';
                data += fieldValue(line, 5);
            } else if (line.startsWith("error:")) {
                // llama.cpp's server reports a failure mid-stream in a non-standard "error:" field.
                errorField = fieldValue(line, 6);
            } else if (line.startsWith("event:")) {
                eventType = fieldValue(line, 6).trimmed();
            }
        }
        if (!errorField.isEmpty() || (eventType == "error" && !data.isEmpty())) {
            // Passed on as {"error": ...} so accumulateChatChunk reports it like OpenAI's own.
            const QByteArray payload = errorField.isEmpty() ? data : errorField;
            const QJsonDocument doc = QJsonDocument::fromJson(payload);
            QJsonObject wrapped;
            if (doc.isObject() && doc.object().contains(QLatin1String("error")))
                wrapped = doc.object();
            else if (doc.isObject())
                wrapped[QStringLiteral("error")] = doc.object();
            else
                wrapped[QStringLiteral("error")] = QJsonObject{{QStringLiteral("message"), QString::fromUtf8(payload.trimmed())}};
            out.append(QJsonDocument(wrapped).toJson(QJsonDocument::Compact));
            continue;
        }
        if (data.isEmpty())
            continue;
        if (data.trimmed() == "[DONE]") {
            m_done = true;
            continue;
        }
        out.append(data);
    }
    if (trailingCr)
        m_buffer += '\r';
    return out;
}

Status accumulateChatChunk(const QByteArray &data, ChatResult &acc)
{
    auto o = parseObject(data, tr("a streamed chat answer"));
    if (!o)
        return o.error();
    const QJsonObject &c = o.value();
    if (auto serverError = errorInBody(c))
        return *serverError;
    if (acc.id.isEmpty())
        acc.id = str(c, "id");
    if (acc.model.isEmpty())
        acc.model = str(c, "model");
    for (const QJsonValue &choice : c.value(QLatin1String("choices")).toArray()) {
        const QJsonObject ch = choice.toObject();
        if (ch.value(QLatin1String("index")).toInt() != 0)
            continue;
        acc.content += ch.value(QLatin1String("delta")).toObject().value(QLatin1String("content")).toString();
        const QString reason = str(ch, "finish_reason");
        if (!reason.isEmpty())
            acc.finishReason = reason;
    }
    const QJsonObject usage = c.value(QLatin1String("usage")).toObject();
    if (!usage.isEmpty()) {
        acc.promptTokens = usage.value(QLatin1String("prompt_tokens")).toInteger();
        acc.completionTokens = usage.value(QLatin1String("completion_tokens")).toInteger();
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
    hp[QStringLiteral("learning_rate_multiplier")] =
        r.learningRateMultiplier > 0 ? QJsonValue(r.learningRateMultiplier) : QJsonValue(QStringLiteral("auto"));
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
                                         && (ep.kind == ProviderKind::OpenAI || ep.kind == ProviderKind::Azure)
                                         && isReasoningModel(request.model));
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

Result<FileInfo> parseFile(const QByteArray &body)
{
    auto o = parseObject(body, tr("the uploaded file"));
    if (!o)
        return o.error();
    const QJsonObject &f = o.value();
    FileInfo info;
    info.id = str(f, "id");
    if (info.id.isEmpty())
        return malformed(tr("the uploaded file"), tr("no \"id\""));
    info.filename = str(f, "filename");
    info.purpose = str(f, "purpose");
    info.status = str(f, "status");
    info.bytes = f.value(QLatin1String("bytes")).toInteger();
    const QJsonValue details = f.value(QLatin1String("status_details"));
    info.statusDetails = details.isString() ? details.toString() : QString();
    return info;
}

FineTuneJob jobFromJson(const QJsonObject &o, ProviderKind kind)
{
    FineTuneJob j;
    j.raw = o;
    j.id = str(o, "id");
    j.rawStatus = str(o, "status");
    j.status = normalizeOpenAiStatus(j.rawStatus);
    j.baseModel = str(o, "model");
    j.fineTunedModel = str(o, "fine_tuned_model");
    j.trainingFile = str(o, "training_file");
    j.validationFile = str(o, "validation_file");
    j.suffix = str(o, "user_provided_suffix");
    if (j.suffix.isEmpty())
        j.suffix = str(o, "suffix");
    j.createdAt = unixTime(o.value(QLatin1String("created_at")));
    j.finishedAt = unixTime(o.value(QLatin1String("finished_at")));
    const QJsonValue tokens = o.value(QLatin1String("trained_tokens"));
    if (tokens.isDouble())
        j.trainedTokens = tokens.toInteger();
    QJsonObject hp = o.value(QLatin1String("hyperparameters")).toObject();
    if (hp.isEmpty()) {
        hp = o.value(QLatin1String("method")).toObject().value(QLatin1String("supervised")).toObject()
                 .value(QLatin1String("hyperparameters")).toObject();
    }
    if (hp.value(QLatin1String("n_epochs")).isDouble())
        j.epochs = hp.value(QLatin1String("n_epochs")).toInt();
    j.metadata = o.value(QLatin1String("metadata")).toObject();
    const QJsonObject err = o.value(QLatin1String("error")).toObject();
    j.error.code = str(err, "code");
    j.error.message = str(err, "message");
    j.error.param = str(err, "param");
    j.needsDeployment = jobNeedsDeployment(kind, j);
    return j;
}

Result<FineTuneJob> parseJob(const QByteArray &body, ProviderKind kind)
{
    auto o = parseObject(body, tr("the fine-tuning job"));
    if (!o)
        return o.error();
    FineTuneJob j = jobFromJson(o.value(), kind);
    if (j.id.isEmpty())
        return malformed(tr("the fine-tuning job"), tr("no \"id\""));
    return j;
}

Result<Page<FineTuneJob>> parseJobList(const QByteArray &body, ProviderKind kind)
{
    return parseListPage<FineTuneJob>(body, tr("the job list"),
                                      [kind](const QJsonObject &o) { return jobFromJson(o, kind); });
}

Result<Page<JobEvent>> parseEvents(const QByteArray &body)
{
    return parseListPage<JobEvent>(body, tr("the job's events"), [](const QJsonObject &e) {
        JobEvent ev;
        ev.id = str(e, "id");
        ev.createdAt = unixTime(e.value(QLatin1String("created_at")));
        ev.level = str(e, "level");
        ev.type = str(e, "type");
        ev.message = str(e, "message");
        ev.data = e.value(QLatin1String("data")).toObject();
        return ev;
    });
}

Result<Page<Checkpoint>> parseCheckpoints(const QByteArray &body)
{
    return parseListPage<Checkpoint>(body, tr("the job's checkpoints"), [](const QJsonObject &c) {
        Checkpoint cp;
        cp.id = str(c, "id");
        cp.createdAt = unixTime(c.value(QLatin1String("created_at")));
        cp.model = str(c, "fine_tuned_model_checkpoint");
        cp.step = c.value(QLatin1String("step_number")).toInt();
        cp.metrics = metricPointFromJson(c.value(QLatin1String("metrics")).toObject());
        if (cp.metrics.step < 0)
            cp.metrics.step = cp.step;
        return cp;
    });
}

Result<QList<ModelInfo>> parseModels(const QByteArray &body)
{
    // Together AI answers GET /models with a bare array (its ModelInfoList); OpenAI and the
    // others with the list envelope {"object": "list", "data": [...]}.
    const QJsonDocument bare = QJsonDocument::fromJson(body);
    QJsonValue data = bare.isArray() ? QJsonValue(bare.array()) : QJsonValue();
    if (!bare.isArray()) {
        auto o = parseObject(body, tr("the model list"));
        if (!o)
            return o.error();
        data = o.value().value(QLatin1String("data"));
    }
    if (!data.isArray())
        return malformed(tr("the model list"), tr("no \"data\" array"));
    QList<ModelInfo> out;
    for (const QJsonValue &v : data.toArray()) {
        const QJsonObject m = v.toObject();
        ModelInfo info{str(m, "id"), str(m, "owned_by"), str(m, "shutdown_date")};
        if (!info.id.isEmpty())
            out.append(info);
    }
    return out;
}

Result<ChatResult> parseChat(const QByteArray &body)
{
    auto o = parseObject(body, tr("the chat answer"));
    if (!o)
        return o.error();
    const QJsonObject &c = o.value();
    const QJsonArray choices = c.value(QLatin1String("choices")).toArray();
    if (choices.isEmpty()) {
        if (auto serverError = errorInBody(c))
            return *serverError;
    }
    if (choices.isEmpty())
        return malformed(tr("the chat answer"), tr("no \"choices\""));
    ChatResult r;
    r.id = str(c, "id");
    r.model = str(c, "model");
    const QJsonObject first = choices.first().toObject();
    r.content = first.value(QLatin1String("message")).toObject().value(QLatin1String("content")).toString();
    r.finishReason = str(first, "finish_reason");
    const QJsonObject usage = c.value(QLatin1String("usage")).toObject();
    r.promptTokens = usage.value(QLatin1String("prompt_tokens")).toInteger();
    r.completionTokens = usage.value(QLatin1String("completion_tokens")).toInteger();
    return r;
}

} // namespace openai

namespace together {

namespace {

QDateTime isoTime(const QJsonValue &v)
{
    if (v.isDouble())
        return unixTime(v);
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(v.toString(), Qt::ISODate);
    return t.isValid() ? t.toUTC() : QDateTime();
}

} // namespace

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
        body[QStringLiteral("training_type")] = QJsonObject{{QStringLiteral("type"), QStringLiteral("Lora")},
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

Result<FileInfo> parseFile(const QByteArray &body)
{
    auto o = parseObject(body, tr("the uploaded file"));
    if (!o)
        return o.error();
    const QJsonObject &f = o.value();
    FileInfo info;
    info.id = str(f, "id");
    if (info.id.isEmpty())
        return malformed(tr("the uploaded file"), tr("no \"id\""));
    info.filename = str(f, "filename");
    info.purpose = str(f, "purpose");
    info.bytes = f.value(QLatin1String("bytes")).toInteger();
    const QJsonValue processed = f.value(QLatin1String("Processed"));
    info.status = processed.isBool() ? (processed.toBool() ? QStringLiteral("processed") : QStringLiteral("uploaded")) : QString();
    return info;
}

FineTuneJob jobFromJson(const QJsonObject &o)
{
    FineTuneJob j;
    j.raw = o;
    j.id = str(o, "id");
    j.rawStatus = str(o, "status");
    j.status = normalizeTogetherStatus(j.rawStatus);
    j.baseModel = str(o, "model");
    j.fineTunedModel = str(o, "model_output_name");
    if (j.fineTunedModel.isEmpty())
        j.fineTunedModel = str(o, "x_model_output_name");
    if (j.status != JobStatus::Succeeded)
        j.fineTunedModel.clear(); // the name is announced early but usable only at the end
    j.trainingFile = str(o, "training_file");
    j.validationFile = str(o, "validation_file");
    j.suffix = str(o, "suffix");
    j.createdAt = isoTime(o.value(QLatin1String("created_at")));
    if (isTerminal(j.status))
        j.finishedAt = isoTime(o.value(QLatin1String("updated_at")));
    if (o.value(QLatin1String("token_count")).isDouble())
        j.trainedTokens = o.value(QLatin1String("token_count")).toInteger();
    // total_price is an integer number of nano-dollars (Together's SDK prints it as
    // total_price / 1e9 dollars); cost is in dollars everywhere in CineTune.
    if (o.value(QLatin1String("total_price")).isDouble())
        j.cost = o.value(QLatin1String("total_price")).toDouble() / kTogetherPriceUnitsPerDollar;
    if (o.value(QLatin1String("n_epochs")).isDouble())
        j.epochs = o.value(QLatin1String("n_epochs")).toInt();
    if (j.status == JobStatus::Failed) {
        j.error.code = QStringLiteral("error");
        for (const QJsonValue &e : o.value(QLatin1String("events")).toArray()) {
            const QJsonObject ev = e.toObject();
            if (str(ev, "level") == QLatin1String("error"))
                j.error.message = str(ev, "message");
        }
    }
    return j;
}

Result<FineTuneJob> parseJob(const QByteArray &body)
{
    auto o = parseObject(body, tr("the fine-tuning job"));
    if (!o)
        return o.error();
    FineTuneJob j = jobFromJson(o.value());
    if (j.id.isEmpty())
        return malformed(tr("the fine-tuning job"), tr("no \"id\""));
    return j;
}

Result<Page<FineTuneJob>> parseJobList(const QByteArray &body)
{
    auto o = parseObject(body, tr("the job list"));
    if (!o)
        return o.error();
    const QJsonValue data = o.value().value(QLatin1String("data"));
    if (!data.isArray())
        return malformed(tr("the job list"), tr("no \"data\" array"));
    Page<FineTuneJob> page;
    for (const QJsonValue &v : data.toArray()) {
        FineTuneJob j = jobFromJson(v.toObject());
        if (!j.id.isEmpty())
            page.items.append(j);
    }
    return page;
}

Result<Page<JobEvent>> parseEvents(const QByteArray &body)
{
    auto o = parseObject(body, tr("the job's events"));
    if (!o)
        return o.error();
    const QJsonValue data = o.value().value(QLatin1String("data"));
    if (!data.isArray())
        return malformed(tr("the job's events"), tr("no \"data\" array"));
    Page<JobEvent> page;
    int index = 0;
    for (const QJsonValue &v : data.toArray()) {
        const QJsonObject e = v.toObject();
        JobEvent ev;
        ev.createdAt = isoTime(e.value(QLatin1String("created_at")));
        ev.level = str(e, "level");
        ev.type = str(e, "type");
        ev.message = str(e, "message");
        ev.data = e;
        // Together events have no id: derive a stable one.
        ev.id = str(e, "hash");
        if (ev.id.isEmpty())
            ev.id = QStringLiteral("%1#%2#%3").arg(str(e, "created_at"), ev.type).arg(index);
        ++index;
        page.items.append(ev);
    }
    return page;
}

Result<Page<Checkpoint>> parseCheckpoints(const QByteArray &body, const QString &jobId)
{
    auto o = parseObject(body, tr("the job's checkpoints"));
    if (!o)
        return o.error();
    const QJsonValue data = o.value().value(QLatin1String("data"));
    if (!data.isArray())
        return malformed(tr("the job's checkpoints"), tr("no \"data\" array"));
    Page<Checkpoint> page;
    for (const QJsonValue &v : data.toArray()) {
        const QJsonObject c = v.toObject();
        Checkpoint cp;
        cp.step = c.value(QLatin1String("step")).toInt();
        cp.createdAt = isoTime(c.value(QLatin1String("created_at")));
        cp.id = str(c, "path");
        if (cp.id.isEmpty())
            cp.id = QStringLiteral("%1:%2").arg(jobId).arg(cp.step);
        // Together names checkpoints "<job id>:<step>" (from_checkpoint syntax). The final step
        // comes twice ("Final Merged" and "Final Adapter"): one checkpoint per name.
        cp.model = QStringLiteral("%1:%2").arg(jobId).arg(cp.step);
        cp.metrics.step = cp.step;
        const bool seen = std::any_of(page.items.cbegin(), page.items.cend(), [&cp](const Checkpoint &c) { return c.model == cp.model; });
        if (!seen)
            page.items.append(cp);
    }
    return page;
}

Result<QList<MetricPoint>> parseMetrics(const QByteArray &body)
{
    auto o = parseObject(body, tr("the job's metrics"));
    if (!o)
        return o.error();
    // Together's document does not require "metrics": an answer without it has no points yet.
    const QJsonValue data = o.value().value(QLatin1String("metrics"));
    if (data.isUndefined() || data.isNull())
        return QList<MetricPoint>{};
    if (!data.isArray())
        return malformed(tr("the job's metrics"), tr("no \"metrics\" array"));
    QList<MetricPoint> out;
    for (const QJsonValue &v : data.toArray())
        out.append(metricPointFromJson(v.toObject()));
    return out;
}

} // namespace together

} // namespace cinetune
