// The Batch API part of the OpenAI protocol (declared in openaiprotocol.h): building its requests
// and parsing its answers and result files.
#include "core/providers/openaiprotocol.h"
#include "core/providers/protocoljson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <utility>

namespace cinetune {

namespace {

using protocol::malformed;
using protocol::parseObject;
using protocol::pathId;
using protocol::str;

qint64 count(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isDouble() && v.toDouble() >= 0 && v.toDouble() < 1e15 ? v.toInteger() : 0;
}

HttpRequest request(const Endpoint &ep, const QByteArray &method, const QString &path, RetryMode retry = RetryMode::Idempotent)
{
    HttpRequest r;
    r.method = method;
    r.url = endpointUrl(ep, path);
    r.headers = authHeaders(ep);
    r.retry = retry;
    r.timeoutMs = ep.timeoutMs;
    return r;
}

constexpr std::pair<BatchState, const char *> kStates[] = {
    {BatchState::Validating, "validating"}, {BatchState::InProgress, "in_progress"}, {BatchState::Finalizing, "finalizing"},
    {BatchState::Completed, "completed"},   {BatchState::Failed, "failed"},          {BatchState::Expired, "expired"},
    {BatchState::Cancelling, "cancelling"}, {BatchState::Cancelled, "cancelled"},
};

BatchInfo batchFromJson(const QJsonObject &o)
{
    BatchInfo b;
    b.id = str(o, "id");
    b.rawStatus = str(o, "status");
    b.status = batchStateFromId(b.rawStatus);
    b.endpoint = str(o, "endpoint");
    b.inputFileId = str(o, "input_file_id");
    b.outputFileId = str(o, "output_file_id");
    b.errorFileId = str(o, "error_file_id");
    const QJsonObject counts = o.value(QLatin1String("request_counts")).toObject();
    b.total = count(counts, "total");
    b.completed = count(counts, "completed");
    b.failed = count(counts, "failed");
    for (const QJsonValue &v : o.value(QLatin1String("errors")).toObject().value(QLatin1String("data")).toArray()) {
        const QJsonObject e = v.toObject();
        const QString message = str(e, "message").isEmpty() ? str(e, "code") : str(e, "message");
        const QJsonValue line = e.value(QLatin1String("line"));
        b.errors.append(line.isDouble() ? tr("line %1: %2").arg(line.toInteger()).arg(message) : message);
    }
    b.metadata = o.value(QLatin1String("metadata")).toObject();
    const QJsonValue created = o.value(QLatin1String("created_at"));
    if (created.isDouble() && created.toDouble() > -1e13 && created.toDouble() < 1e13) // before 1970 is negative
        b.createdAt = QDateTime::fromSecsSinceEpoch(created.toInteger(), Qt::UTC);
    return b;
}

} // namespace

BatchState batchStateFromId(const QString &id)
{
    // Azure OpenAI documents its batch states capitalised ("Validating", "InProgress",
    // "Completed"); OpenAI's are snake case. Compare without case and underscores, and take
    // the American spelling of cancel(l)ed as well.
    const auto folded = [](QString s) {
        return s.trimmed()
            .toLower()
            .remove(QLatin1Char('_'))
            .replace(QLatin1String("canceled"), QLatin1String("cancelled"))
            .replace(QLatin1String("canceling"), QLatin1String("cancelling"));
    };
    const QString wanted = folded(id);
    for (const auto &[state, name] : kStates) {
        if (wanted == folded(QLatin1String(name)))
            return state;
    }
    return BatchState::Unknown;
}

QString batchStateId(BatchState state)
{
    for (const auto &[s, name] : kStates) {
        if (s == state)
            return QLatin1String(name);
    }
    return QStringLiteral("unknown");
}

bool isBatchFinal(BatchState state)
{
    return state == BatchState::Completed || state == BatchState::Failed || state == BatchState::Expired
        || state == BatchState::Cancelled;
}

namespace openai {

QString batchLineUrl()
{
    return QStringLiteral("/v1/chat/completions");
}

QString batchEndpoint(ProviderKind kind)
{
    // Azure OpenAI's batch docs (v1 API): lines say "url": "/v1/chat/completions" while the
    // create call sends "endpoint": "/chat/completions" to .../openai/v1/batches.
    return kind == ProviderKind::Azure ? QStringLiteral("/chat/completions") : batchLineUrl();
}

QByteArray batchInputLine(ProviderKind kind, const QString &customId, const ChatRequest &request)
{
    ChatRequest r = request;
    r.stream = false; // a batch line cannot stream
    // The body exactly as the live path sends it, so the two paths ask the same question.
    const QJsonObject body = QJsonDocument::fromJson(chat(Endpoint{kind, {}, {}, 0}, r).body).object();
    const QJsonObject line{{QStringLiteral("custom_id"), customId},
                           {QStringLiteral("method"), QStringLiteral("POST")},
                           {QStringLiteral("url"), batchLineUrl()},
                           {QStringLiteral("body"), body}};
    return QJsonDocument(line).toJson(QJsonDocument::Compact);
}

HttpRequest createBatch(const Endpoint &ep, const QString &inputFileId, const QJsonObject &metadata)
{
    QJsonObject body{{QStringLiteral("input_file_id"), inputFileId},
                     {QStringLiteral("endpoint"), batchEndpoint(ep.kind)},
                     {QStringLiteral("completion_window"), QStringLiteral("24h")}};
    if (!metadata.isEmpty())
        body[QStringLiteral("metadata")] = metadata;
    HttpRequest r = request(ep, "POST", QStringLiteral("batches"), RetryMode::NonIdempotent);
    r.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return r;
}

HttpRequest getBatch(const Endpoint &ep, const QString &batchId)
{
    return request(ep, "GET", QStringLiteral("batches/") + pathId(batchId));
}

HttpRequest cancelBatch(const Endpoint &ep, const QString &batchId)
{
    // Cancelling twice is harmless: retried like a read.
    return request(ep, "POST", QStringLiteral("batches/%1/cancel").arg(pathId(batchId)));
}

HttpRequest listBatches(const Endpoint &ep, const QString &after, int limit)
{
    HttpRequest r = request(ep, "GET", QStringLiteral("batches"));
    QUrlQuery q;
    if (!after.isEmpty())
        q.addQueryItem(QStringLiteral("after"), after);
    q.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    r.url = endpointUrl(ep, QStringLiteral("batches"), q);
    return r;
}

HttpRequest fileContent(const Endpoint &ep, const QString &fileId)
{
    HttpRequest r = request(ep, "GET", QStringLiteral("files/%1/content").arg(pathId(fileId)));
    for (auto &h : r.headers) {
        if (h.first == "Accept")
            h.second = "*/*";
    }
    return r;
}

Result<BatchInfo> parseBatch(const QByteArray &body)
{
    auto o = parseObject(body, tr("the batch"));
    if (!o)
        return o.error();
    BatchInfo b = batchFromJson(o.value());
    if (b.id.isEmpty())
        return malformed(tr("the batch"), tr("no \"id\""));
    return b;
}

Result<Page<BatchInfo>> parseBatchList(const QByteArray &body)
{
    auto o = parseObject(body, tr("the batch list"));
    if (!o)
        return o.error();
    const QJsonValue data = o.value().value(QLatin1String("data"));
    if (!data.isArray())
        return malformed(tr("the batch list"), tr("no \"data\" array"));
    Page<BatchInfo> page;
    for (const QJsonValue &v : data.toArray()) {
        BatchInfo b = batchFromJson(v.toObject());
        if (!b.id.isEmpty())
            page.items.append(std::move(b));
    }
    page.hasMore = o.value().value(QLatin1String("has_more")).toBool();
    page.lastId = str(o.value(), "last_id");
    if (page.lastId.isEmpty() && !page.items.isEmpty())
        page.lastId = page.items.last().id;
    return page;
}

BatchOutput parseBatchOutput(const QByteArray &jsonl, const QString &fileLabel)
{
    BatchOutput out;
    int lineNo = 0;
    qsizetype pos = 0;
    while (pos < jsonl.size()) {
        qsizetype end = jsonl.indexOf('\n', pos);
        if (end < 0)
            end = jsonl.size();
        const QByteArray text = jsonl.mid(pos, end - pos).trimmed();
        pos = end + 1;
        ++lineNo;
        if (text.isEmpty())
            continue;
        auto problem = [&](const QString &what) {
            out.problems.append(QStringLiteral("%1:%2: %3").arg(fileLabel).arg(lineNo).arg(what));
        };
        QJsonParseError pe{};
        const QJsonDocument doc = QJsonDocument::fromJson(text, &pe);
        if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
            problem(tr("expected a JSON object"));
            continue;
        }
        const QJsonObject o = doc.object();
        BatchOutputLine l;
        l.line = lineNo;
        l.customId = str(o, "custom_id");
        if (l.customId.isEmpty()) {
            problem(tr("expected a \"custom_id\""));
            continue;
        }
        const QJsonValue response = o.value(QLatin1String("response"));
        const QJsonValue error = o.value(QLatin1String("error"));
        if (response.isObject()) {
            const QJsonObject r = response.toObject();
            const QJsonValue status = r.value(QLatin1String("status_code"));
            if (!status.isDouble() || status.toInteger() < 100 || status.toInteger() > 599) {
                problem(tr("expected \"response.status_code\" (an HTTP status)"));
                continue;
            }
            l.statusCode = int(status.toInteger());
            l.requestId = str(r, "request_id");
            const QJsonValue b = r.value(QLatin1String("body"));
            if (b.isObject())
                l.responseBody = QJsonDocument(b.toObject()).toJson(QJsonDocument::Compact);
            else if (b.isString())
                l.responseBody = b.toString().toUtf8();
        }
        if (error.isObject()) {
            const QJsonObject e = error.toObject();
            l.errorCode = str(e, "code");
            l.errorMessage = str(e, "message");
            if (l.errorCode.isEmpty() && l.errorMessage.isEmpty())
                l.errorMessage = tr("The request failed without a reason.");
        }
        if (!response.isObject() && !error.isObject()) {
            problem(tr("expected a \"response\" or an \"error\" object"));
            continue;
        }
        out.lines.append(std::move(l));
    }
    return out;
}

} // namespace openai

} // namespace cinetune
