// The simulator's Together AI fine-tuning jobs (paths under /together/v1/fine-tunes; routing and
// files are in faketogetherfiles.cpp).
//
// Shapes follow Together's OpenAPI document (togethercomputer/openapi, shared/provider-specs/
// together-openapi.yaml) and what the together-ai SDK reads: ISO-8601 timestamps, job statuses
// pending -> queued -> running -> compressing -> uploading -> completed (cancel_requested ->
// cancelled; error when the training file has no usable example), "total_price" an integer in
// nano-dollars, "model_output_name" announced at creation, events without ids, checkpoints as
// {step, path, created_at, checkpoint_type}, metrics as flat "train/..." dictionaries, errors as
// ErrorData {"error": {"message", "type", "param", "code"}}.
#include "core/simulator/fakeprovider.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrlQuery>

#include <algorithm>
#include <cmath>
#include <limits>

namespace cinetune {

namespace {

QByteArray json(const QJsonValue &v)
{
    return v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                       : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
}

QString iso(qint64 unixMs)
{
    return QDateTime::fromMSecsSinceEpoch(unixMs, Qt::UTC).toString(Qt::ISODateWithMs);
}

// Fractions of the job's duration at which each stage starts.
constexpr double kQueued = 0.10;
constexpr double kRunning = 0.20;
constexpr double kCompressing = 0.85;
constexpr double kUploading = 0.92;
constexpr double kCancelling = 0.05; // cancel_requested lasts this long

// Simulated prices in nano-dollars per trained token (Together's published per-token rates:
// LoRA up to 16B $0.48/M, full $0.54/M; 70B class $2.90/M and $3.20/M).
qint64 nanoDollarsPerToken(const QString &model, bool lora)
{
    const bool large = model.contains(QLatin1String("70B"), Qt::CaseInsensitive);
    if (large)
        return lora ? 2900 : 3200;
    return lora ? 480 : 540;
}

qint64 parameterCount(const QString &model)
{
    static const QRegularExpression size(QStringLiteral("(\\d+(?:\\.\\d+)?)B"), QRegularExpression::CaseInsensitiveOption);
    const auto m = size.match(model);
    return m.hasMatch() ? qint64(m.captured(1).toDouble() * 1e9) : qint64(1000000000);
}

} // namespace

FakeProvider::Response FakeProvider::togetherCreateJob(const Request &request)
{
    const QJsonDocument doc = QJsonDocument::fromJson(request.body);
    if (!doc.isObject())
        return error(400, QStringLiteral("Could not parse the JSON body of the request."),
                     QStringLiteral("invalid_request_error"), {});
    const QJsonObject body = doc.object();
    Job job;
    job.request = body;
    job.model = body.value(QLatin1String("model")).toString();
    job.trainingFile = body.value(QLatin1String("training_file")).toString();
    job.validationFile = body.value(QLatin1String("validation_file")).toString();
    job.suffix = body.value(QLatin1String("suffix")).toString();
    if (job.model.isEmpty() || job.trainingFile.isEmpty())
        return error(400, QStringLiteral("\"model\" and \"training_file\" are required."),
                     QStringLiteral("invalid_request_error"), {},
                     job.model.isEmpty() ? QStringLiteral("model") : QStringLiteral("training_file"));
    if (!togetherBaseModels().contains(job.model))
        return error(400, QStringLiteral("Model %1 is not supported for fine-tuning.").arg(job.model),
                     QStringLiteral("invalid_request_error"), QStringLiteral("model_not_supported"), QStringLiteral("model"));
    for (const QString &f : {job.trainingFile, job.validationFile}) {
        if (f.isEmpty())
            continue;
        const auto it = m_files.constFind(f);
        if (it == m_files.constEnd() || !it->together || !it->uploaded)
            return error(400, QStringLiteral("File %1 not found.").arg(f), QStringLiteral("invalid_request_error"),
                         QStringLiteral("file_not_found"),
                         f == job.trainingFile ? QStringLiteral("training_file") : QStringLiteral("validation_file"));
    }
    const QJsonValue epochs = body.value(QLatin1String("n_epochs"));
    job.epochs = epochs.isDouble() ? std::clamp(epochs.toInt(), 1, 20) : 1;
    job.checkpointCount = std::clamp(body.value(QLatin1String("n_checkpoints")).toInt(1), 1, job.epochs);
    job.evalCount = job.validationFile.isEmpty() ? 0 : std::clamp(body.value(QLatin1String("n_evals")).toInt(0), 0, 100);
    const QJsonValue batchValue = body.value(QLatin1String("batch_size"));
    const int batch = batchValue.isDouble() ? std::max(1, batchValue.toInt()) : 16; // "max": the simulator's maximum is 16
    const QByteArray &data = m_files[job.trainingFile].data;
    qint64 chars = 0;
    job.examples = AnswerModel::chatExamples(data, &chars);
    job.trainingLines = data.count('\n') + (data.endsWith('\n') || data.isEmpty() ? 0 : 1);
    job.trainingBytes = data.size();
    const int perEpoch = int((job.examples.size() + batch - 1) / batch);
    job.totalSteps = std::clamp(perEpoch * job.epochs, job.epochs, 60);
    job.trainedTokens = (chars / 4 + 1) * job.epochs;
    job.id = QStringLiteral("ft-00000000-0000-4000-8000-%1").arg(m_nextId++, 12, 10, QLatin1Char('0'));
    const QString tag =
        QString::number(stableHash(job.id.toUtf8(), m_options.seed) & 0xffffffffULL, 16).rightJustified(8, QLatin1Char('0'));
    job.outputName = QStringLiteral("cinetune-sim/%1%2-%3")
                         .arg(job.model.section(QLatin1Char('/'), -1),
                              job.suffix.isEmpty() ? QString() : QLatin1Char('-') + job.suffix, tag);
    job.createdAtMs = QDateTime::currentMSecsSinceEpoch();
    job.createdAt = job.createdAtMs / 1000;
    job.startMs = m_clock.elapsed();
    m_togetherJobs.insert(job.id, job);
    m_togetherJobOrder.append(job.id);
    return togetherJob(job.id, false);
}

QString FakeProvider::togetherStatus(const Job &job) const
{
    const qint64 now = m_clock.elapsed();
    const double d = std::max(1, m_options.jobDurationMs);
    if (job.cancelledAtMs >= 0)
        return double(now - job.cancelledAtMs) < kCancelling * d ? QStringLiteral("cancel_requested")
                                                                 : QStringLiteral("cancelled");
    const double t = double(now - job.startMs) / d;
    if (t < kQueued)
        return QStringLiteral("pending");
    if (job.examples.isEmpty())
        return QStringLiteral("error"); // the training file had no usable example
    if (t < kRunning)
        return QStringLiteral("queued");
    if (t < kCompressing)
        return QStringLiteral("running");
    if (t < kUploading)
        return QStringLiteral("compressing");
    if (t < 1.0)
        return QStringLiteral("uploading");
    return QStringLiteral("completed");
}

int FakeProvider::togetherSteps(const Job &job) const
{
    if (job.examples.isEmpty())
        return 0;
    const double d = std::max(1, m_options.jobDurationMs);
    const qint64 at = job.cancelledAtMs >= 0 ? job.cancelledAtMs : m_clock.elapsed();
    const double run = (double(at - job.startMs) / d - kRunning) / (kCompressing - kRunning);
    if (run <= 0)
        return 0;
    return std::min(job.totalSteps, int(std::floor(run * job.totalSteps)));
}

// Events, oldest first, up to now (or the cancel); each with every field Together's FineTuneEvent
// schema lists as required.
QList<QJsonObject> FakeProvider::togetherEventList(const Job &job) const
{
    const double d = std::max(1, m_options.jobDurationMs);
    const qint64 now = m_clock.elapsed();
    const qint64 until = job.cancelledAtMs >= 0 ? job.cancelledAtMs : now;
    const qint64 params = parameterCount(job.model);
    QList<QJsonObject> out;
    auto add = [&](double fraction, const QString &type, const QString &message, const QString &level, int step,
                   const QString &checkpoint) {
        const qint64 offsetMs = qint64(fraction * d);
        out.append(QJsonObject{
            {QStringLiteral("object"), QStringLiteral("fine-tune-event")},
            {QStringLiteral("created_at"), iso(job.createdAtMs + offsetMs)},
            {QStringLiteral("level"), level},
            {QStringLiteral("message"), message},
            {QStringLiteral("type"), type},
            {QStringLiteral("param_count"), params},
            {QStringLiteral("token_count"), job.trainedTokens},
            {QStringLiteral("total_steps"), job.totalSteps},
            {QStringLiteral("wandb_url"), QString()},
            {QStringLiteral("step"), step},
            {QStringLiteral("checkpoint_path"), checkpoint},
            {QStringLiteral("model_path"), type == QLatin1String("job_complete") ? job.outputName : QString()},
            {QStringLiteral("training_offset"), 0},
            {QStringLiteral("hash"), QString::number(stableHash(job.id.toUtf8() + QByteArray::number(out.size()), 7), 16)},
        });
    };
    auto reached = [&](double fraction) { return double(until - job.startMs) >= fraction * d; };
    add(0.0, QStringLiteral("job_pending"), QStringLiteral("Fine-tune request created"), QStringLiteral("info"), 0, {});
    if (job.examples.isEmpty()) {
        if (reached(kQueued))
            add(kQueued, QStringLiteral("job_error"),
                QStringLiteral("Training file %1 has no chat examples with an assistant message.").arg(job.trainingFile),
                QStringLiteral("error"), 0, {});
        return out;
    }
    if (reached(kQueued))
        add(kQueued, QStringLiteral("job_start"), QStringLiteral("Job started (simulated)"), QStringLiteral("info"), 0, {});
    if (reached(kRunning)) {
        add(kRunning, QStringLiteral("model_downloading"), QStringLiteral("Downloading model data for %1").arg(job.model),
            QStringLiteral("info"), 0, {});
        add(kRunning, QStringLiteral("model_download_complete"), QStringLiteral("Model data downloaded for %1").arg(job.model),
            QStringLiteral("info"), 0, {});
        add(kRunning, QStringLiteral("training_data_downloading"), QStringLiteral("Downloading training data"),
            QStringLiteral("info"), 0, {});
        add(kRunning, QStringLiteral("training_data_download_complete"), QStringLiteral("Training data downloaded"),
            QStringLiteral("info"), 0, {});
        if (!job.validationFile.isEmpty()) {
            add(kRunning, QStringLiteral("validation_data_downloading"), QStringLiteral("Downloading validation data"),
                QStringLiteral("info"), 0, {});
            add(kRunning, QStringLiteral("validation_data_download_complete"), QStringLiteral("Validation data downloaded"),
                QStringLiteral("info"), 0, {});
        }
        add(kRunning, QStringLiteral("training_start"), QStringLiteral("Training started for model %1").arg(job.model),
            QStringLiteral("info"), 0, {});
    }
    const int steps = togetherSteps(job);
    const int perEpoch = std::max(1, job.totalSteps / job.epochs);
    const int perCheckpoint = std::max(1, job.totalSteps / job.checkpointCount);
    for (int s = 1; s <= steps; ++s) {
        const double at = kRunning + (kCompressing - kRunning) * double(s) / job.totalSteps;
        if (s % perEpoch == 0 && s / perEpoch <= job.epochs)
            add(at, QStringLiteral("epoch_complete"), QStringLiteral("Epoch completed, at step %1").arg(s),
                QStringLiteral("info"), s, {});
        if (s % perCheckpoint == 0 && s < job.totalSteps)
            add(at, QStringLiteral("checkpoint_save"), QStringLiteral("New checkpoint saved at step %1").arg(s),
                QStringLiteral("info"), s, QStringLiteral("simulated://%1/checkpoint-%2").arg(job.id).arg(s));
    }
    if (job.cancelledAtMs >= 0) {
        const double at = double(job.cancelledAtMs - job.startMs) / d;
        add(at, QStringLiteral("cancel_requested"), QStringLiteral("Cancel requested"), QStringLiteral("info"), steps, {});
        if (double(now - job.cancelledAtMs) >= kCancelling * d)
            add(at + kCancelling, QStringLiteral("job_stopped"), QStringLiteral("Job stopped"), QStringLiteral("info"), steps,
                {});
        return out;
    }
    if (reached(kCompressing)) {
        add(kCompressing, QStringLiteral("training_complete"),
            QStringLiteral("Training completed for %1 at step %2").arg(job.model).arg(job.totalSteps), QStringLiteral("info"),
            job.totalSteps, {});
        add(kCompressing, QStringLiteral("model_compressing"), QStringLiteral("Compressing output model"), QStringLiteral("info"),
            job.totalSteps, {});
    }
    if (reached(kUploading)) {
        add(kUploading, QStringLiteral("model_compression_complete"), QStringLiteral("Model compression complete"),
            QStringLiteral("info"), job.totalSteps, {});
        add(kUploading, QStringLiteral("model_uploading"), QStringLiteral("Uploading output model"), QStringLiteral("info"),
            job.totalSteps, {});
    }
    if (reached(1.0)) {
        add(1.0, QStringLiteral("model_upload_complete"), QStringLiteral("Model upload complete"), QStringLiteral("info"),
            job.totalSteps, {});
        add(1.0, QStringLiteral("job_complete"),
            QStringLiteral("Job finished at %1; the model is %2").arg(iso(job.createdAtMs + qint64(d)), job.outputName),
            QStringLiteral("info"), job.totalSteps, {});
    }
    return out;
}

QJsonObject FakeProvider::togetherJobJson(const Job &job, bool full) const
{
    const QString status = togetherStatus(job);
    const double d = std::max(1, m_options.jobDurationMs);
    const QList<QJsonObject> events = togetherEventList(job);
    const QString updated = events.isEmpty() ? iso(job.createdAtMs) : events.last().value(QLatin1String("created_at")).toString();
    const QJsonObject trainingType = job.request.value(QLatin1String("training_type")).isObject()
        ? job.request.value(QLatin1String("training_type")).toObject()
        : QJsonObject{{QStringLiteral("type"), QStringLiteral("Lora")},
                      {QStringLiteral("lora_r"), 8},
                      {QStringLiteral("lora_alpha"), 8},
                      {QStringLiteral("lora_dropout"), 0.0},
                      {QStringLiteral("lora_trainable_modules"), QStringLiteral("all-linear")}};
    const bool lora = trainingType.value(QLatin1String("type")).toString() != QLatin1String("Full");
    const QJsonValue batch = job.request.value(QLatin1String("batch_size"));
    const double elapsed = double(m_clock.elapsed() - job.startMs);
    const bool ended = status == QLatin1String("completed") || status == QLatin1String("cancelled")
        || status == QLatin1String("error");
    QJsonObject o{
        {QStringLiteral("id"), job.id},
        {QStringLiteral("status"), status},
        {QStringLiteral("created_at"), iso(job.createdAtMs)},
        {QStringLiteral("updated_at"), updated},
        {QStringLiteral("user_id"), QStringLiteral("user-cinetune-simulator")},
        {QStringLiteral("owner_address"), QStringLiteral("simulator@cinetune.invalid")},
        {QStringLiteral("total_price"), job.trainedTokens * nanoDollarsPerToken(job.model, lora)}, // nano-dollars
        {QStringLiteral("token_count"), job.trainedTokens},
        {QStringLiteral("training_file"), job.trainingFile},
        {QStringLiteral("packing"), job.request.value(QLatin1String("packing")).toBool(true)},
        {QStringLiteral("max_seq_length"), job.request.value(QLatin1String("max_seq_length")).toInt(8192)},
        {QStringLiteral("model"), job.model},
        {QStringLiteral("model_output_name"), job.outputName},
        {QStringLiteral("n_epochs"), job.epochs},
        {QStringLiteral("n_evals"), job.evalCount},
        {QStringLiteral("n_checkpoints"), job.checkpointCount},
        {QStringLiteral("batch_size"), batch.isDouble() ? batch.toInt() : 16},
        {QStringLiteral("training_type"), trainingType},
        {QStringLiteral("training_method"),
         job.request.value(QLatin1String("training_method")).isObject()
             ? job.request.value(QLatin1String("training_method"))
             : QJsonValue(QJsonObject{{QStringLiteral("method"), QStringLiteral("sft")},
                                      {QStringLiteral("train_on_inputs"), QStringLiteral("auto")}})},
        {QStringLiteral("learning_rate"), job.request.value(QLatin1String("learning_rate")).toDouble(0.00001)},
        {QStringLiteral("lr_scheduler"),
         QJsonObject{{QStringLiteral("lr_scheduler_type"), QStringLiteral("linear")},
                     {QStringLiteral("lr_scheduler_args"), QJsonObject{{QStringLiteral("min_lr_ratio"), 0.0}}}}},
        {QStringLiteral("warmup_ratio"), job.request.value(QLatin1String("warmup_ratio")).toDouble(0.0)},
        {QStringLiteral("max_grad_norm"), job.request.value(QLatin1String("max_grad_norm")).toDouble(1.0)},
        {QStringLiteral("weight_decay"), job.request.value(QLatin1String("weight_decay")).toDouble(0.0)},
        {QStringLiteral("random_seed"),
         job.request.value(QLatin1String("random_seed")).isDouble() ? job.request.value(QLatin1String("random_seed"))
                                                                    : QJsonValue(42)},
        {QStringLiteral("progress"),
         QJsonObject{{QStringLiteral("estimate_available"), !ended},
                     {QStringLiteral("seconds_remaining"), ended ? 0 : qint64(std::ceil(std::max(0.0, d - elapsed) / 1000.0))}}},
        {QStringLiteral("simulated"), true},
    };
    if (!job.validationFile.isEmpty())
        o[QStringLiteral("validation_file")] = job.validationFile;
    if (!job.suffix.isEmpty())
        o[QStringLiteral("suffix")] = job.suffix;
    if (elapsed >= kRunning * d && !job.examples.isEmpty())
        o[QStringLiteral("started_at")] = iso(job.createdAtMs + qint64(kRunning * d));
    if (full) {
        QJsonArray list;
        for (const QJsonObject &e : events)
            list.append(e);
        o[QStringLiteral("events")] = list;
        o[QStringLiteral("epochs_completed")] = togetherSteps(job) / std::max(1, job.totalSteps / job.epochs);
        o[QStringLiteral("queue_depth")] = 0;
        o[QStringLiteral("param_count")] = parameterCount(job.model);
        o[QStringLiteral("trainingfile_numlines")] = job.trainingLines;
        o[QStringLiteral("trainingfile_size")] = job.trainingBytes;
        o[QStringLiteral("train_on_inputs")] = QStringLiteral("auto");
        if (status == QLatin1String("completed"))
            o[QStringLiteral("model_output_path")] = QStringLiteral("simulated://%1/merged").arg(job.id);
    }
    return o;
}

FakeProvider::Response FakeProvider::togetherJob(const QString &id, bool full)
{
    const auto it = m_togetherJobs.constFind(id);
    if (it == m_togetherJobs.constEnd())
        return togetherNotFound(id);
    Response r;
    r.body = json(togetherJobJson(*it, full));
    return r;
}

FakeProvider::Response FakeProvider::togetherJobs()
{
    QJsonArray data;
    for (auto it = m_togetherJobOrder.crbegin(); it != m_togetherJobOrder.crend(); ++it) // newest first
        data.append(togetherJobJson(m_togetherJobs[*it], false));
    Response r;
    r.body = json(QJsonObject{{QStringLiteral("data"), data}});
    return r;
}

FakeProvider::Response FakeProvider::togetherCancel(const QString &id)
{
    const auto it = m_togetherJobs.find(id);
    if (it == m_togetherJobs.end())
        return togetherNotFound(id);
    const QString status = togetherStatus(*it);
    if (status == QLatin1String("completed") || status == QLatin1String("error") || status == QLatin1String("cancelled"))
        return error(400, QStringLiteral("Fine-tune job %1 is %2 and cannot be cancelled.").arg(id, status),
                     QStringLiteral("invalid_request_error"), {}, QStringLiteral("id"));
    if (it->cancelledAtMs < 0)
        it->cancelledAtMs = m_clock.elapsed();
    return togetherJob(id, false);
}

FakeProvider::Response FakeProvider::togetherEvents(const QString &id)
{
    const auto it = m_togetherJobs.constFind(id);
    if (it == m_togetherJobs.constEnd())
        return togetherNotFound(id);
    QJsonArray data;
    for (const QJsonObject &e : togetherEventList(*it))
        data.append(e);
    Response r;
    r.body = json(QJsonObject{{QStringLiteral("data"), data}});
    return r;
}

FakeProvider::Response FakeProvider::togetherCheckpoints(const QString &id)
{
    const auto it = m_togetherJobs.constFind(id);
    if (it == m_togetherJobs.constEnd())
        return togetherNotFound(id);
    const Job &job = *it;
    QJsonArray data; // newest first
    const QList<QJsonObject> events = togetherEventList(job);
    if (togetherStatus(job) == QLatin1String("completed")) {
        const QString at = events.last().value(QLatin1String("created_at")).toString();
        for (const QString &kind : {QStringLiteral("Merged"), QStringLiteral("Adapter")})
            data.append(QJsonObject{{QStringLiteral("step"), job.totalSteps},
                                    {QStringLiteral("created_at"), at},
                                    {QStringLiteral("path"), QStringLiteral("simulated://%1/%2").arg(job.id, kind.toLower())},
                                    {QStringLiteral("checkpoint_type"), QString(QStringLiteral("Final ") + kind)}});
    }
    for (auto e = events.crbegin(); e != events.crend(); ++e) {
        if (e->value(QLatin1String("type")).toString() == QLatin1String("checkpoint_save"))
            data.append(QJsonObject{{QStringLiteral("step"), e->value(QLatin1String("step"))},
                                    {QStringLiteral("created_at"), e->value(QLatin1String("created_at"))},
                                    {QStringLiteral("path"), e->value(QLatin1String("checkpoint_path"))},
                                    {QStringLiteral("checkpoint_type"), QStringLiteral("Intermediate")}});
    }
    Response r;
    r.body = json(QJsonObject{{QStringLiteral("data"), data}});
    return r;
}

FakeProvider::Response FakeProvider::togetherMetrics(const QString &id, const Request &request)
{
    const auto it = m_togetherJobs.constFind(id);
    if (it == m_togetherJobs.constEnd())
        return togetherNotFound(id);
    const Job &job = *it;
    // Filters: the spec puts them in a JSON body of the GET; the SDK sends them as query parameters.
    QJsonObject filter = QJsonDocument::fromJson(request.body).object();
    for (const QString &key : {QStringLiteral("global_step_from"), QStringLiteral("global_step_to")}) {
        if (request.query.contains(key))
            filter[key] = request.query.value(key).toInt();
    }
    const int from = filter.value(QLatin1String("global_step_from")).toInt(0);
    const int to = filter.value(QLatin1String("global_step_to")).toInt(std::numeric_limits<int>::max());
    const double lr = job.request.value(QLatin1String("learning_rate")).toDouble(0.00001);
    const int perEval = job.evalCount > 0 ? std::max(1, job.totalSteps / job.evalCount) : 0;
    QJsonArray metrics;
    const int steps = togetherSteps(job);
    for (int s = std::max(1, from); s <= std::min(steps, to); ++s) {
        QJsonObject m{{QStringLiteral("train/loss"), lossAt(job, s, 0.0)},
                      {QStringLiteral("train/learning_rate"), lr * (1.0 - double(s - 1) / job.totalSteps)},
                      {QStringLiteral("train/global_step"), s},
                      {QStringLiteral("train/epoch"), double(s) * job.epochs / job.totalSteps}};
        if (perEval > 0 && (s % perEval == 0 || s == job.totalSteps))
            m[QStringLiteral("eval/loss")] = lossAt(job, s, 0.12);
        metrics.append(m);
    }
    Response r;
    r.body = json(QJsonObject{{QStringLiteral("metrics"), metrics}});
    return r;
}

} // namespace cinetune
