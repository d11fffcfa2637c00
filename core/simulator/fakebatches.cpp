// The simulator's Batch API: batches move validating -> in_progress -> finalizing -> completed
// as SimulatorOptions::batchDurationMs passes; each line is answered like a chat completion when
// the batch finalizes, unless a BATCH fault (FaultPlan::takeBatchLine) makes it fail.
#include "core/simulator/fakeprovider.h"
#include "core/simulator/faultrule.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>
#include <optional>

namespace cinetune {

namespace {

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonValue timeOrNull(qint64 secs)
{
    return secs > 0 ? QJsonValue(secs) : QJsonValue();
}

// Share of the batch's time in each phase: validating, in_progress, finalizing.
constexpr double kValidating = 0.15;
constexpr double kInProgressEnd = 0.75;
constexpr double kCancelling = 0.05;

} // namespace

FakeProvider::Response FakeProvider::createBatch(const Request &request)
{
    const QJsonDocument doc = QJsonDocument::fromJson(request.body);
    if (!doc.isObject())
        return error(400, QStringLiteral("We could not parse the JSON body of your request."),
                     QStringLiteral("invalid_request_error"), {});
    const QJsonObject body = doc.object();
    Batch batch;
    batch.inputFileId = body.value(QLatin1String("input_file_id")).toString();
    batch.endpoint = body.value(QLatin1String("endpoint")).toString();
    if (body.value(QLatin1String("completion_window")).toString() != QLatin1String("24h"))
        return error(400, QStringLiteral("completion_window must be \"24h\"."), QStringLiteral("invalid_request_error"), {},
                     QStringLiteral("completion_window"));
    if (batch.endpoint != QLatin1String("/v1/chat/completions") && batch.endpoint != QLatin1String("/chat/completions"))
        return error(400, QStringLiteral("The simulator runs batches of /v1/chat/completions only."),
                     QStringLiteral("invalid_request_error"), {}, QStringLiteral("endpoint"));
    if (!m_files.contains(batch.inputFileId))
        return error(400, QStringLiteral("No such File object: %1").arg(batch.inputFileId),
                     QStringLiteral("invalid_request_error"), {}, QStringLiteral("input_file_id"));
    const File &input = m_files[batch.inputFileId];
    if (input.purpose != QLatin1String("batch"))
        return error(400,
                     QStringLiteral("File %1 has purpose \"%2\"; a batch needs purpose \"batch\".").arg(input.id, input.purpose),
                     QStringLiteral("invalid_request_error"), {}, QStringLiteral("input_file_id"));
    batch.metadata = body.value(QLatin1String("metadata")).toObject();
    // Validate the lines now (the batch fails after "validating" if one is wrong).
    QSet<QString> ids;
    int lineNo = 0;
    for (const QByteArray &raw : input.data.split('\n')) {
        ++lineNo;
        if (raw.trimmed().isEmpty())
            continue;
        const QJsonObject line = QJsonDocument::fromJson(raw).object();
        const QString id = line.value(QLatin1String("custom_id")).toString();
        QString problem;
        if (id.isEmpty())
            problem = QStringLiteral("missing custom_id");
        else if (ids.contains(id))
            problem = QStringLiteral("duplicate custom_id %1").arg(id);
        else if (line.value(QLatin1String("method")).toString() != QLatin1String("POST"))
            problem = QStringLiteral("method must be POST");
        // Azure OpenAI's lines name "/v1/chat/completions" while its create call names
        // "/chat/completions": the same path, with or without the version prefix.
        else if (const QString url = line.value(QLatin1String("url")).toString();
                 url != batch.endpoint && url != QLatin1String("/v1") + batch.endpoint)
            problem = QStringLiteral("url must be the batch's endpoint %1").arg(batch.endpoint);
        else if (!line.value(QLatin1String("body")).isObject())
            problem = QStringLiteral("missing body");
        if (!problem.isEmpty() && batch.failure.isEmpty())
            batch.failure = QStringLiteral("line %1: %2").arg(lineNo).arg(problem);
        ids.insert(id);
        ++batch.total;
    }
    if (batch.total == 0 && batch.failure.isEmpty())
        batch.failure = QStringLiteral("the input file has no requests");
    batch.id = QStringLiteral("batch_sim%1").arg(m_nextId++);
    batch.createdAt = QDateTime::currentSecsSinceEpoch();
    batch.startMs = m_clock.elapsed();
    m_batches.insert(batch.id, batch);
    m_batchOrder.append(batch.id);
    Response r;
    r.body = json(batchJson(m_batches[batch.id]));
    return r;
}

FakeProvider::Response FakeProvider::listBatches(const Request &request)
{
    const int limit = std::clamp(request.query.value(QStringLiteral("limit"), QStringLiteral("20")).toInt(), 1, 100);
    const QString after = request.query.value(QStringLiteral("after"));
    QJsonArray data;
    bool started = after.isEmpty();
    bool more = false;
    for (auto it = m_batchOrder.crbegin(); it != m_batchOrder.crend(); ++it) { // newest first
        if (!started) {
            started = *it == after;
            continue;
        }
        if (data.size() == limit) {
            more = true;
            break;
        }
        data.append(batchJson(m_batches[*it]));
    }
    Response r;
    r.body = json(QJsonObject{{QStringLiteral("object"), QStringLiteral("list")},
                              {QStringLiteral("data"), data},
                              {QStringLiteral("has_more"), more},
                              {QStringLiteral("first_id"), data.isEmpty() ? QJsonValue() : data.first()[QLatin1String("id")]},
                              {QStringLiteral("last_id"), data.isEmpty() ? QJsonValue() : data.last()[QLatin1String("id")]}});
    return r;
}

FakeProvider::Response FakeProvider::batchResponse(const QString &id)
{
    if (!m_batches.contains(id))
        return error(404, QStringLiteral("No batch found with id '%1'.").arg(id), QStringLiteral("invalid_request_error"), {});
    Response r;
    r.body = json(batchJson(m_batches[id]));
    return r;
}

FakeProvider::Response FakeProvider::cancelBatch(const QString &id)
{
    if (!m_batches.contains(id))
        return error(404, QStringLiteral("No batch found with id '%1'.").arg(id), QStringLiteral("invalid_request_error"), {});
    Batch &b = m_batches[id];
    const QString status = batchStatus(b);
    if (status == QLatin1String("completed") || status == QLatin1String("failed") || status == QLatin1String("expired"))
        return error(409, QStringLiteral("Cannot cancel a batch with status %1.").arg(status),
                     QStringLiteral("invalid_request_error"), {});
    if (b.cancelledAtMs < 0) {
        b.cancelledAtMs = m_clock.elapsed();
        // What was answered so far stays in the output, as with OpenAI.
        const double d = std::max(1, m_options.batchDurationMs);
        const double done = std::clamp((double(b.cancelledAtMs - b.startMs) / d - kValidating) / (kInProgressEnd - kValidating),
                                       0.0, 1.0);
        makeBatchResults(b, qint64(double(b.total) * done));
    }
    Response r;
    r.body = json(batchJson(b));
    return r;
}

QString FakeProvider::batchStatus(Batch &b)
{
    const qint64 now = m_clock.elapsed();
    const double d = std::max(1, m_options.batchDurationMs);
    if (b.cancelledAtMs >= 0)
        return double(now - b.cancelledAtMs) < kCancelling * d ? QStringLiteral("cancelling") : QStringLiteral("cancelled");
    const double t = double(now - b.startMs) / d;
    if (t < kValidating)
        return QStringLiteral("validating");
    if (!b.failure.isEmpty())
        return QStringLiteral("failed");
    if (t < kInProgressEnd)
        return QStringLiteral("in_progress");
    if (!b.resultsMade)
        makeBatchResults(b, b.total);
    return t < 1.0 ? QStringLiteral("finalizing") : QStringLiteral("completed");
}

void FakeProvider::makeBatchResults(Batch &b, qint64 lines)
{
    if (b.resultsMade)
        return;
    b.resultsMade = true;
    QByteArray output;
    QByteArray errors;
    qint64 n = 0;
    for (const QByteArray &raw : m_files[b.inputFileId].data.split('\n')) {
        if (raw.trimmed().isEmpty())
            continue;
        if (n++ >= lines)
            break;
        const QJsonObject line = QJsonDocument::fromJson(raw).object();
        const QString customId = line.value(QLatin1String("custom_id")).toString();
        const std::optional<FaultRule> fault = m_faults ? m_faults->takeBatchLine(customId) : std::nullopt;
        const QString requestId = QStringLiteral("req_sim%1").arg(m_nextId++);
        QJsonObject out{{QStringLiteral("id"), QStringLiteral("batch_req_sim%1").arg(m_nextId++)},
                        {QStringLiteral("custom_id"), customId},
                        {QStringLiteral("response"), QJsonValue()},
                        {QStringLiteral("error"), QJsonValue()}};
        Response answer;
        using K = FaultRule::Kind;
        if (fault && fault->kind == K::Malformed) {
            errors += "{\"custom_id\": \"" + customId.toUtf8() + "\", not json\n";
            ++b.failed;
            continue;
        }
        if (fault
            && (fault->kind == K::Status429 || fault->kind == K::RateLimit || fault->kind == K::Quota
                || fault->kind == K::Status500 || fault->kind == K::Status502 || fault->kind == K::Status503
                || fault->kind == K::Unauthorized)) {
            const int s = fault->kind == K::Status500 ? 500
                : fault->kind == K::Status502         ? 502
                : fault->kind == K::Status503         ? 503
                : fault->kind == K::Unauthorized      ? 401
                                                      : 429;
            answer = error(s, QStringLiteral("The request failed (simulated batch line fault)."), QStringLiteral("server_error"),
                           {});
        } else if (fault) {
            out[QStringLiteral("error")] = QJsonObject{
                {QStringLiteral("code"), QStringLiteral("simulated_fault")},
                {QStringLiteral("message"), QStringLiteral("The request was not carried out (simulated).")}};
            errors += json(out) + '\n';
            ++b.failed;
            continue;
        } else {
            Request chatRequest;
            chatRequest.method = "POST";
            chatRequest.path = QStringLiteral("/v1/chat/completions");
            chatRequest.body = json(line.value(QLatin1String("body")).toObject());
            answer = chat(chatRequest);
        }
        out[QStringLiteral("response")] = QJsonObject{{QStringLiteral("status_code"), answer.status},
                                                      {QStringLiteral("request_id"), requestId},
                                                      {QStringLiteral("body"), QJsonDocument::fromJson(answer.body).object()}};
        if (answer.status == 200) {
            output += json(out) + '\n';
            ++b.completed;
        } else {
            errors += json(out) + '\n';
            ++b.failed;
        }
    }
    auto addFile = [this](const QString &name, const QString &purpose, const QByteArray &data) {
        File f;
        f.id = QStringLiteral("file-sim%1").arg(m_nextId++);
        f.filename = name;
        f.purpose = purpose;
        f.data = data;
        f.createdAt = QDateTime::currentSecsSinceEpoch();
        m_files.insert(f.id, f);
        return f.id;
    };
    if (!output.isEmpty())
        b.outputFileId = addFile(b.id + QStringLiteral("_output.jsonl"), QStringLiteral("batch_output"), output);
    if (!errors.isEmpty())
        b.errorFileId = addFile(b.id + QStringLiteral("_error.jsonl"), QStringLiteral("batch_output"), errors);
}

QJsonObject FakeProvider::batchJson(Batch &b)
{
    const QString status = batchStatus(b);
    const double d = std::max(1, m_options.batchDurationMs);
    const qint64 startSecs = b.createdAt;
    auto at = [&](double fraction) { return startSecs + qint64(fraction * d / 1000.0); };
    qint64 completed = b.completed;
    qint64 failed = b.failed;
    if (!b.resultsMade && status == QLatin1String("in_progress")) {
        const double t = (double(m_clock.elapsed() - b.startMs) / d - kValidating) / (kInProgressEnd - kValidating);
        completed = std::clamp(qint64(double(b.total) * t), qint64(0), b.total);
    }
    const bool ended = status == QLatin1String("completed") || status == QLatin1String("cancelled")
        || status == QLatin1String("failed");
    QJsonArray errorList;
    if (!b.failure.isEmpty() && status == QLatin1String("failed"))
        errorList.append(QJsonObject{{QStringLiteral("code"), QStringLiteral("invalid_request")},
                                     {QStringLiteral("message"), b.failure},
                                     {QStringLiteral("param"), QJsonValue()},
                                     {QStringLiteral("line"), QJsonValue()}});
    return QJsonObject{
        {QStringLiteral("id"), b.id},
        {QStringLiteral("object"), QStringLiteral("batch")},
        {QStringLiteral("endpoint"), b.endpoint},
        {QStringLiteral("errors"),
         errorList.isEmpty()
             ? QJsonValue()
             : QJsonValue(QJsonObject{{QStringLiteral("object"), QStringLiteral("list")}, {QStringLiteral("data"), errorList}})},
        {QStringLiteral("input_file_id"), b.inputFileId},
        {QStringLiteral("completion_window"), QStringLiteral("24h")},
        {QStringLiteral("status"), status},
        {QStringLiteral("output_file_id"), ended && !b.outputFileId.isEmpty() ? QJsonValue(b.outputFileId) : QJsonValue()},
        {QStringLiteral("error_file_id"), ended && !b.errorFileId.isEmpty() ? QJsonValue(b.errorFileId) : QJsonValue()},
        {QStringLiteral("created_at"), b.createdAt},
        {QStringLiteral("in_progress_at"), status == QLatin1String("validating") ? QJsonValue() : timeOrNull(at(kValidating))},
        {QStringLiteral("expires_at"), b.createdAt + 24 * 3600},
        {QStringLiteral("completed_at"), status == QLatin1String("completed") ? timeOrNull(at(1.0)) : QJsonValue()},
        {QStringLiteral("cancelled_at"),
         status == QLatin1String("cancelled") ? QJsonValue(QDateTime::currentSecsSinceEpoch()) : QJsonValue()},
        {QStringLiteral("request_counts"),
         QJsonObject{
             {QStringLiteral("total"), b.total}, {QStringLiteral("completed"), completed}, {QStringLiteral("failed"), failed}}},
        {QStringLiteral("metadata"), b.metadata.isEmpty() ? QJsonValue() : QJsonValue(b.metadata)},
    };
}

} // namespace cinetune
