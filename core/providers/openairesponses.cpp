// Parsing the answers of the OpenAI-compatible and Together AI protocols (pure functions): list
// envelopes, files, jobs, events, checkpoints, metrics, models and chat answers, plain or streamed
// (SSE). Building the requests is in openairequests.cpp.
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
    return makeError(errc::Provider::StreamError, message, detail);
}

} // namespace
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
namespace openai {

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
        hp = o.value(QLatin1String("method"))
                 .toObject()
                 .value(QLatin1String("supervised"))
                 .toObject()
                 .value(QLatin1String("hyperparameters"))
                 .toObject();
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
    return parseListPage<FineTuneJob>(body, tr("the job list"), [kind](const QJsonObject &o) { return jobFromJson(o, kind); });
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
    info.status = processed.isBool() ? (processed.toBool() ? QStringLiteral("processed") : QStringLiteral("uploaded"))
                                     : QString();
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
    // The same {"data": [...]} envelope as OpenAI's, without "has_more".
    return parseListPage<FineTuneJob>(body, tr("the job list"), [](const QJsonObject &o) { return jobFromJson(o); });
}

Result<Page<JobEvent>> parseEvents(const QByteArray &body)
{
    int index = 0;
    return parseListPage<JobEvent>(body, tr("the job's events"), [&index](const QJsonObject &e) {
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
        return ev;
    });
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
        const bool seen = std::any_of(page.items.cbegin(), page.items.cend(),
                                      [&cp](const Checkpoint &c) { return c.model == cp.model; });
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
