// The simulator's OpenAI fine-tuning API: jobs that move validating_files -> queued -> running ->
// succeeded as SimulatorOptions::jobDurationMs passes, with events, checkpoints and a falling,
// deterministic loss curve. A succeeded job's model answers with what it learnt (AnswerModel).
#include "core/simulator/fakeprovider.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>

namespace cinetune {

namespace {

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

qint64 nowSecs()
{
    return QDateTime::currentSecsSinceEpoch();
}

} // namespace

FakeProvider::Response FakeProvider::createJob(const Request &request)
{
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &pe);
    if (!doc.isObject())
        return error(400, QStringLiteral("We could not parse the JSON body of your request."),
                     QStringLiteral("invalid_request_error"), {});
    const QJsonObject body = doc.object();
    Job job;
    job.model = body.value(QLatin1String("model")).toString();
    job.trainingFile = body.value(QLatin1String("training_file")).toString();
    job.validationFile = body.value(QLatin1String("validation_file")).toString();
    job.suffix = body.value(QLatin1String("suffix")).toString();
    job.metadata = body.value(QLatin1String("metadata")).toObject();
    if (job.model.isEmpty() || job.trainingFile.isEmpty())
        return error(400, QStringLiteral("\"model\" and \"training_file\" are required."),
                     QStringLiteral("invalid_request_error"), {},
                     job.model.isEmpty() ? QStringLiteral("model") : QStringLiteral("training_file"));
    if (!baseModels().contains(job.model) && !jobForModel(job.model))
        return error(404, QStringLiteral("The model '%1' does not exist or is not available for fine-tuning.").arg(job.model),
                     QStringLiteral("invalid_request_error"), QStringLiteral("model_not_found"), QStringLiteral("model"));
    if (!m_files.contains(job.trainingFile))
        return error(400, QStringLiteral("File %1 not found.").arg(job.trainingFile), QStringLiteral("invalid_request_error"),
                     QStringLiteral("invalid_file"), QStringLiteral("training_file"));
    const QJsonObject hp = body.value(QLatin1String("method"))
                               .toObject()
                               .value(QLatin1String("supervised"))
                               .toObject()
                               .value(QLatin1String("hyperparameters"))
                               .toObject();
    const QJsonValue epochs = hp.contains(QLatin1String("n_epochs"))
        ? hp.value(QLatin1String("n_epochs"))
        : body.value(QLatin1String("hyperparameters")).toObject().value(QLatin1String("n_epochs"));
    job.epochs = epochs.isDouble() ? std::clamp(epochs.toInt(), 1, 50) : 3;
    const int batch = hp.value(QLatin1String("batch_size")).isDouble()
        ? std::max(1, hp.value(QLatin1String("batch_size")).toInt())
        : 8;
    qint64 chars = 0;
    job.examples = AnswerModel::chatExamples(m_files[job.trainingFile].data, &chars);
    if (job.examples.isEmpty())
        return error(
            400, QStringLiteral("Training file %1 has no chat examples with an assistant message.").arg(job.trainingFile),
            QStringLiteral("invalid_request_error"), QStringLiteral("invalid_training_file"), QStringLiteral("training_file"));
    const int perEpoch = int((job.examples.size() + batch - 1) / batch);
    job.totalSteps = std::clamp(perEpoch * job.epochs, job.epochs, 60);
    job.trainedTokens = (chars / 4 + 1) * job.epochs;
    job.id = QStringLiteral("ftjob-sim%1").arg(m_nextId++);
    job.createdAt = nowSecs();
    job.startMs = m_clock.elapsed();
    job.request = body;
    m_jobs.insert(job.id, job);
    m_jobOrder.append(job.id);
    return jobResponse(job.id);
}

QString FakeProvider::statusOf(const Job &job) const
{
    const qint64 elapsed = m_clock.elapsed() - job.startMs;
    const qint64 d = std::max(1, m_options.jobDurationMs);
    if (job.cancelledAtMs >= 0)
        return QStringLiteral("cancelled");
    if (elapsed < d / 10)
        return QStringLiteral("validating_files");
    if (elapsed < d / 5)
        return QStringLiteral("queued");
    if (elapsed < d)
        return QStringLiteral("running");
    return QStringLiteral("succeeded");
}

int FakeProvider::stepsDone(const Job &job) const
{
    const qint64 d = std::max(1, m_options.jobDurationMs);
    qint64 t = (job.cancelledAtMs >= 0 ? job.cancelledAtMs : m_clock.elapsed()) - job.startMs;
    const double run = double(t - d / 5) / double(d - d / 5);
    if (run <= 0)
        return 0;
    return std::min(job.totalSteps, int(std::floor(run * job.totalSteps)));
}

QString FakeProvider::fineTunedModel(const Job &job) const
{
    return QStringLiteral("ft:%1:cinetune-sim:%2:%3")
        .arg(job.model, job.suffix.isEmpty() ? QStringLiteral("sim") : job.suffix, job.id.mid(6));
}

double FakeProvider::lossAt(const Job &job, int step, double offset) const
{
    const double x = double(step) / double(std::max(1, job.totalSteps));
    const double noise = double(stableHash(job.id.toUtf8() + QByteArray::number(step), m_options.seed) % 1000) / 1000.0 - 0.5;
    return std::max(0.05, 0.35 + offset + 2.2 * std::exp(-3.5 * x) + 0.06 * noise);
}

QJsonObject FakeProvider::jobJson(const Job &job) const
{
    const QString status = statusOf(job);
    const bool done = status == QLatin1String("succeeded");
    const qint64 d = std::max(1, m_options.jobDurationMs);
    QJsonObject hp{{QStringLiteral("n_epochs"), job.epochs},
                   {QStringLiteral("batch_size"),
                    job.request.value(QLatin1String("method"))
                        .toObject()
                        .value(QLatin1String("supervised"))
                        .toObject()
                        .value(QLatin1String("hyperparameters"))
                        .toObject()
                        .value(QLatin1String("batch_size"))},
                   {QStringLiteral("learning_rate_multiplier"), 1.0}};
    if (!hp.value(QLatin1String("batch_size")).isDouble())
        hp[QStringLiteral("batch_size")] = 8;
    return QJsonObject{
        {QStringLiteral("id"), job.id},
        {QStringLiteral("object"), QStringLiteral("fine_tuning.job")},
        {QStringLiteral("created_at"), job.createdAt},
        {QStringLiteral("model"), job.model},
        {QStringLiteral("training_file"), job.trainingFile},
        {QStringLiteral("validation_file"), job.validationFile.isEmpty() ? QJsonValue() : QJsonValue(job.validationFile)},
        {QStringLiteral("status"), status},
        {QStringLiteral("fine_tuned_model"), done ? QJsonValue(fineTunedModel(job)) : QJsonValue()},
        {QStringLiteral("finished_at"),
         done                         ? QJsonValue(job.createdAt + d / 1000)
             : job.cancelledAtMs >= 0 ? QJsonValue(nowSecs())
                                      : QJsonValue()},
        {QStringLiteral("estimated_finish"), done ? QJsonValue() : QJsonValue(job.createdAt + d / 1000 + 1)},
        {QStringLiteral("trained_tokens"), done ? QJsonValue(job.trainedTokens) : QJsonValue()},
        {QStringLiteral("result_files"), QJsonArray()},
        {QStringLiteral("error"), QJsonValue()},
        {QStringLiteral("hyperparameters"), hp},
        {QStringLiteral("seed"),
         job.request.value(QLatin1String("seed")).isDouble() ? job.request.value(QLatin1String("seed")) : QJsonValue(42)},
        {QStringLiteral("organization_id"), QStringLiteral("org-cinetune-simulator")},
        {QStringLiteral("user_provided_suffix"), job.suffix.isEmpty() ? QJsonValue() : QJsonValue(job.suffix)},
        {QStringLiteral("metadata"), job.metadata.isEmpty() ? QJsonValue() : QJsonValue(job.metadata)},
        {QStringLiteral("method"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("supervised")},
                     {QStringLiteral("supervised"), QJsonObject{{QStringLiteral("hyperparameters"), hp}}}}},
        {QStringLiteral("integrations"), QJsonValue()},
        {QStringLiteral("simulated"), true},
    };
}

FakeProvider::Response FakeProvider::jobResponse(const QString &id)
{
    if (!m_jobs.contains(id))
        return error(404, QStringLiteral("No fine-tuning job with id %1").arg(id), QStringLiteral("invalid_request_error"), {},
                     QStringLiteral("id"));
    Response r;
    r.body = json(jobJson(m_jobs[id]));
    return r;
}

FakeProvider::Response FakeProvider::listJobs(const Request &request)
{
    QJsonArray data;
    const QString after = request.query.value(QStringLiteral("after"));
    const int limit = std::clamp(request.query.value(QStringLiteral("limit"), QStringLiteral("20")).toInt(), 1, 100);
    bool started = after.isEmpty();
    bool more = false;
    for (auto it = m_jobOrder.crbegin(); it != m_jobOrder.crend(); ++it) {
        const Job &job = m_jobs[*it];
        if (!started) {
            started = *it == after;
            continue;
        }
        bool match = true;
        for (auto q = request.query.cbegin(); q != request.query.cend(); ++q) {
            if (q.key().startsWith(QLatin1String("metadata[")) && q.key().endsWith(QLatin1Char(']'))) {
                const QString k = q.key().mid(9, q.key().size() - 10);
                if (job.metadata.value(k).toString() != q.value())
                    match = false;
            }
        }
        if (!match)
            continue;
        if (data.size() == limit) {
            more = true;
            break;
        }
        data.append(jobJson(job));
    }
    Response r;
    r.body = json(QJsonObject{
        {QStringLiteral("object"), QStringLiteral("list")}, {QStringLiteral("data"), data}, {QStringLiteral("has_more"), more}});
    return r;
}

FakeProvider::Response FakeProvider::cancelJob(const QString &id)
{
    if (!m_jobs.contains(id))
        return error(404, QStringLiteral("No fine-tuning job with id %1").arg(id), QStringLiteral("invalid_request_error"), {},
                     QStringLiteral("id"));
    Job &job = m_jobs[id];
    const QString status = statusOf(job);
    if (status == QLatin1String("succeeded") || status == QLatin1String("failed"))
        return error(400, QStringLiteral("Job %1 has already finished.").arg(id), QStringLiteral("invalid_request_error"), {});
    if (job.cancelledAtMs < 0)
        job.cancelledAtMs = m_clock.elapsed();
    return jobResponse(id);
}

QList<QJsonObject> FakeProvider::events(const Job &job) const
{
    // Oldest first; ids are stable so pagination and "after" work.
    QList<QJsonObject> out;
    auto add = [&out, &job](const QString &level, const QString &message, const QString &type, const QJsonValue &data) {
        out.append(QJsonObject{{QStringLiteral("object"), QStringLiteral("fine_tuning.job.event")},
                               {QStringLiteral("id"),
                                QStringLiteral("ftevent-%1-%2").arg(job.id.mid(6)).arg(out.size() + 1, 4, 10, QLatin1Char('0'))},
                               {QStringLiteral("created_at"), job.createdAt},
                               {QStringLiteral("level"), level},
                               {QStringLiteral("message"), message},
                               {QStringLiteral("type"), type},
                               {QStringLiteral("data"), data}});
    };
    const QString status = statusOf(job);
    add(QStringLiteral("info"), QStringLiteral("Validating training file: %1").arg(job.trainingFile), QStringLiteral("message"),
        QJsonValue());
    if (status == QLatin1String("validating_files"))
        return out;
    add(QStringLiteral("info"), QStringLiteral("Files validated, moving job to queued state"), QStringLiteral("message"),
        QJsonValue());
    if (status == QLatin1String("queued"))
        return out;
    const int steps = stepsDone(job);
    if (steps > 0 || status != QLatin1String("cancelled"))
        add(QStringLiteral("info"), QStringLiteral("Fine-tuning job started (simulated)"), QStringLiteral("message"),
            QJsonValue());
    const bool validation = !job.validationFile.isEmpty();
    for (int s = 1; s <= steps; ++s) {
        QJsonObject d{{QStringLiteral("step"), s},
                      {QStringLiteral("total_steps"), job.totalSteps},
                      {QStringLiteral("train_loss"), lossAt(job, s, 0.0)},
                      {QStringLiteral("train_mean_token_accuracy"), std::min(0.99, 0.35 + 0.55 * double(s) / job.totalSteps)}};
        QString msg =
            QStringLiteral("Step %1/%2: training loss=%3").arg(s).arg(job.totalSteps).arg(lossAt(job, s, 0.0), 0, 'f', 2);
        if (validation) {
            d[QStringLiteral("valid_loss")] = lossAt(job, s, 0.12);
            d[QStringLiteral("valid_mean_token_accuracy")] = std::min(0.99, 0.30 + 0.50 * double(s) / job.totalSteps);
            msg += QStringLiteral(", validation loss=%1").arg(lossAt(job, s, 0.12), 0, 'f', 2);
        }
        const int perEpoch = std::max(1, job.totalSteps / job.epochs);
        if (validation && (s % perEpoch == 0 || s == job.totalSteps)) {
            d[QStringLiteral("full_valid_loss")] = lossAt(job, s, 0.18);
            d[QStringLiteral("full_valid_mean_token_accuracy")] = std::min(0.99, 0.28 + 0.5 * double(s) / job.totalSteps);
            msg += QStringLiteral(", full validation loss=%1").arg(lossAt(job, s, 0.18), 0, 'f', 2);
        }
        add(QStringLiteral("info"), msg, QStringLiteral("metrics"), d);
    }
    if (status == QLatin1String("cancelled"))
        add(QStringLiteral("info"), QStringLiteral("Fine-tuning job cancelled"), QStringLiteral("message"), QJsonValue());
    if (status == QLatin1String("succeeded")) {
        add(QStringLiteral("info"), QStringLiteral("New fine-tuned model created: %1").arg(fineTunedModel(job)),
            QStringLiteral("message"), QJsonValue());
        add(QStringLiteral("info"), QStringLiteral("The job has successfully completed"), QStringLiteral("message"),
            QJsonValue());
    }
    return out;
}

FakeProvider::Response FakeProvider::listEvents(const QString &id, const Request &request)
{
    if (!m_jobs.contains(id))
        return error(404, QStringLiteral("No fine-tuning job with id %1").arg(id), QStringLiteral("invalid_request_error"), {},
                     QStringLiteral("id"));
    QList<QJsonObject> all = events(m_jobs[id]);
    std::reverse(all.begin(), all.end()); // newest first, like OpenAI
    const QString after = request.query.value(QStringLiteral("after"));
    const int limit = std::clamp(request.query.value(QStringLiteral("limit"), QStringLiteral("20")).toInt(), 1, 100);
    qsizetype start = 0;
    if (!after.isEmpty()) {
        start = all.size();
        for (qsizetype i = 0; i < all.size(); ++i) {
            if (all[i].value(QLatin1String("id")).toString() == after)
                start = i + 1;
        }
    }
    QJsonArray data;
    for (qsizetype i = start; i < all.size() && data.size() < limit; ++i)
        data.append(all[i]);
    Response r;
    r.body = json(QJsonObject{{QStringLiteral("object"), QStringLiteral("list")},
                              {QStringLiteral("data"), data},
                              {QStringLiteral("has_more"), start + data.size() < all.size()}});
    return r;
}

QList<QJsonObject> FakeProvider::checkpoints(const Job &job) const
{
    QList<QJsonObject> out;
    if (statusOf(job) != QLatin1String("succeeded"))
        return out;
    const int perEpoch = std::max(1, job.totalSteps / job.epochs);
    for (int e = std::max(1, job.epochs - 2); e <= job.epochs; ++e) {
        const int step = e == job.epochs ? job.totalSteps : e * perEpoch;
        QJsonObject metrics{
            {QStringLiteral("step"), step},
            {QStringLiteral("train_loss"), lossAt(job, step, 0.0)},
            {QStringLiteral("train_mean_token_accuracy"), std::min(0.99, 0.35 + 0.55 * double(step) / job.totalSteps)}};
        if (!job.validationFile.isEmpty()) {
            metrics[QStringLiteral("valid_loss")] = lossAt(job, step, 0.12);
            metrics[QStringLiteral("full_valid_loss")] = lossAt(job, step, 0.18);
        }
        out.append(QJsonObject{
            {QStringLiteral("object"), QStringLiteral("fine_tuning.job.checkpoint")},
            {QStringLiteral("id"), QStringLiteral("ftckpt_%1_%2").arg(job.id.mid(6)).arg(step)},
            {QStringLiteral("created_at"), job.createdAt},
            {QStringLiteral("fine_tuned_model_checkpoint"),
             e == job.epochs ? fineTunedModel(job) : fineTunedModel(job) + QStringLiteral(":ckpt-step-%1").arg(step)},
            {QStringLiteral("step_number"), step},
            {QStringLiteral("fine_tuning_job_id"), job.id},
            {QStringLiteral("metrics"), metrics},
        });
    }
    std::reverse(out.begin(), out.end()); // newest first
    return out;
}

FakeProvider::Response FakeProvider::listCheckpoints(const QString &id, const Request &request)
{
    if (!m_jobs.contains(id))
        return error(404, QStringLiteral("No fine-tuning job with id %1").arg(id), QStringLiteral("invalid_request_error"), {},
                     QStringLiteral("id"));
    const QList<QJsonObject> all = checkpoints(m_jobs[id]);
    const QString after = request.query.value(QStringLiteral("after"));
    const int limit = std::clamp(request.query.value(QStringLiteral("limit"), QStringLiteral("10")).toInt(), 1, 100);
    qsizetype start = 0;
    if (!after.isEmpty()) {
        start = all.size();
        for (qsizetype i = 0; i < all.size(); ++i) {
            if (all[i].value(QLatin1String("id")).toString() == after)
                start = i + 1;
        }
    }
    QJsonArray data;
    for (qsizetype i = start; i < all.size() && data.size() < limit; ++i)
        data.append(all[i]);
    Response r;
    r.body = json(QJsonObject{
        {QStringLiteral("object"), QStringLiteral("list")},
        {QStringLiteral("data"), data},
        {QStringLiteral("first_id"), data.isEmpty() ? QJsonValue() : data.first().toObject().value(QLatin1String("id"))},
        {QStringLiteral("last_id"), data.isEmpty() ? QJsonValue() : data.last().toObject().value(QLatin1String("id"))},
        {QStringLiteral("has_more"), start + data.size() < all.size()}});
    return r;
}

const FakeProvider::Job *FakeProvider::jobForModel(const QString &model) const
{
    for (const Job &job : m_jobs) {
        if (statusOf(job) != QLatin1String("succeeded"))
            continue;
        const QString ft = fineTunedModel(job);
        if (model == ft || model.startsWith(ft + QStringLiteral(":ckpt-step-")))
            return &job;
    }
    return nullptr;
}

} // namespace cinetune
