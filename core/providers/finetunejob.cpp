#include "core/providers/finetunejob.h"

#include <QCoreApplication>

#include <QJsonValue>

#include <algorithm>
#include <cmath>
#include <limits>

namespace cinetune {

namespace {

struct StatusName
{
    JobStatus status;
    const char *id;
};

constexpr StatusName kStatusNames[] = {
    {JobStatus::Validating, "validating"}, {JobStatus::Queued, "queued"},         {JobStatus::Running, "running"},
    {JobStatus::Paused, "paused"},         {JobStatus::Finalizing, "finalizing"}, {JobStatus::Cancelling, "cancelling"},
    {JobStatus::Succeeded, "succeeded"},   {JobStatus::Failed, "failed"},         {JobStatus::Cancelled, "cancelled"},
    {JobStatus::Unknown, "unknown"},
};

std::optional<double> number(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isDouble())
        return v.toDouble();
    return std::nullopt;
}

// A step count from a provider: only a whole number that fits an int counts;
// anything else (1e55, -3, 2.5) is treated as absent rather than cast (UB).
std::optional<int> stepNumber(const QJsonObject &o, const char *key)
{
    const auto v = number(o, key);
    if (!v || !(*v >= 0 && *v <= std::numeric_limits<int>::max()) || *v != std::floor(*v))
        return std::nullopt;
    return static_cast<int>(*v);
}

} // namespace

QString jobStatusId(JobStatus status)
{
    for (const StatusName &n : kStatusNames) {
        if (n.status == status)
            return QString::fromLatin1(n.id);
    }
    return QStringLiteral("unknown");
}

JobStatus jobStatusFromId(const QString &id)
{
    for (const StatusName &n : kStatusNames) {
        if (id == QLatin1String(n.id))
            return n.status;
    }
    return JobStatus::Unknown;
}

bool isTerminal(JobStatus status)
{
    return status == JobStatus::Succeeded || status == JobStatus::Failed || status == JobStatus::Cancelled;
}

JobStatus normalizeOpenAiStatus(const QString &raw)
{
    const QString s = raw.trimmed().toLower();
    if (s == QLatin1String("validating_files"))
        return JobStatus::Validating;
    if (s == QLatin1String("queued") || s == QLatin1String("pending") || s == QLatin1String("notrunning"))
        return JobStatus::Queued;
    if (s == QLatin1String("running"))
        return JobStatus::Running;
    if (s.startsWith(QLatin1String("paus")))
        return JobStatus::Paused;
    if (s == QLatin1String("succeeded"))
        return JobStatus::Succeeded;
    if (s == QLatin1String("failed"))
        return JobStatus::Failed;
    if (s == QLatin1String("cancelled") || s == QLatin1String("canceled"))
        return JobStatus::Cancelled;
    return JobStatus::Unknown;
}

JobStatus normalizeTogetherStatus(const QString &raw)
{
    const QString s = raw.trimmed().toLower();
    if (s == QLatin1String("pending") || s == QLatin1String("queued"))
        return JobStatus::Queued;
    if (s == QLatin1String("running"))
        return JobStatus::Running;
    if (s == QLatin1String("compressing") || s == QLatin1String("uploading"))
        return JobStatus::Finalizing;
    if (s == QLatin1String("cancel_requested"))
        return JobStatus::Cancelling;
    if (s == QLatin1String("cancelled"))
        return JobStatus::Cancelled;
    if (s == QLatin1String("error"))
        return JobStatus::Failed;
    if (s == QLatin1String("completed"))
        return JobStatus::Succeeded;
    return JobStatus::Unknown;
}

MetricPoint metricPointFromJson(const QJsonObject &o)
{
    MetricPoint p;
    if (auto s = stepNumber(o, "step"))
        p.step = *s;
    else if (auto g = stepNumber(o, "train/global_step"))
        p.step = *g;
    else if (auto n = stepNumber(o, "step_number"))
        p.step = *n;
    if (auto t = stepNumber(o, "total_steps"))
        p.totalSteps = *t;
    p.trainLoss = number(o, "train_loss");
    if (!p.trainLoss)
        p.trainLoss = number(o, "train/loss");
    p.validLoss = number(o, "valid_loss");
    p.fullValidLoss = number(o, "full_valid_loss");
    p.trainAccuracy = number(o, "train_mean_token_accuracy");
    if (!p.trainAccuracy)
        p.trainAccuracy = number(o, "train_accuracy");
    p.validAccuracy = number(o, "valid_mean_token_accuracy");
    if (!p.validAccuracy)
        p.validAccuracy = number(o, "validation_mean_token_accuracy");
    p.fullValidAccuracy = number(o, "full_valid_mean_token_accuracy");
    p.learningRate = number(o, "train/learning_rate");
    if (!p.validLoss) {
        // Together: eval key names are not documented; accept any eval/*loss.
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (it.key().startsWith(QLatin1String("eval/")) && it.key().endsWith(QLatin1String("loss")) && it->isDouble()) {
                p.validLoss = it->toDouble();
                break;
            }
        }
    }
    return p;
}

ServingTarget servingTarget(ProviderKind kind, const FineTuneJob &job, const QString &deployment)
{
    ServingTarget t;
    t.model = job.fineTunedModel;
    if (kind == ProviderKind::Azure) {
        if (!deployment.trimmed().isEmpty()) {
            t.model = deployment.trimmed();
            t.note = QCoreApplication::translate("cinetune::FineTuneJob", "deployment %1 of %2").arg(t.model, job.fineTunedModel);
        } else {
            t.ready = false;
            t.note = QCoreApplication::translate("cinetune::FineTuneJob",
                                                 "not deployed yet: deploy it in the Azure AI Foundry portal and enter the "
                                                 "deployment's name in the job view");
        }
    } else if (kind == ProviderKind::Together) {
        t.note = QCoreApplication::translate("cinetune::FineTuneJob",
                                             "Together AI serves it serverless only for some base models; otherwise start a "
                                             "dedicated endpoint for it first");
    }
    return t;
}

ServingTarget checkpointServingTarget(ProviderKind kind, const Checkpoint &checkpoint)
{
    ServingTarget t;
    t.model = checkpoint.model;
    if (kind == ProviderKind::Together) {
        // "<job id>:<step>" names a checkpoint to continue training from (from_checkpoint), not a
        // model Together serves.
        t.ready = false;
        t.note = QCoreApplication::translate("cinetune::FineTuneJob",
                                             "a Together AI checkpoint can start a new job but is not served for inference");
    } else if (kind == ProviderKind::Azure) {
        // Azure deploys a checkpoint by its id (ftchkpt-...), like a fine-tuned model.
        t.ready = false;
        t.note = QCoreApplication::translate(
                     "cinetune::FineTuneJob",
                     "deploy checkpoint %1 in the Azure AI Foundry portal first, then evaluate its deployment")
                     .arg(checkpoint.id);
    }
    return t;
}

QJsonObject metricPointToJson(const MetricPoint &p)
{
    QJsonObject o;
    o[QStringLiteral("step")] = p.step;
    const auto put = [&o](const char *key, const std::optional<double> &v) {
        if (v)
            o[QLatin1String(key)] = *v;
    };
    put("train_loss", p.trainLoss);
    put("valid_loss", p.validLoss);
    put("full_valid_loss", p.fullValidLoss);
    put("train_mean_token_accuracy", p.trainAccuracy);
    put("valid_mean_token_accuracy", p.validAccuracy);
    put("full_valid_mean_token_accuracy", p.fullValidAccuracy);
    put("train/learning_rate", p.learningRate);
    return o;
}

QList<JobEvent> metricEvents(const QList<MetricPoint> &points)
{
    QList<JobEvent> out;
    for (const MetricPoint &p : points) {
        if (p.step < 0 || p.isEmpty())
            continue;
        JobEvent e;
        e.id = QLatin1String(kMetricEventPrefix) + QString::number(p.step);
        e.level = QStringLiteral("info");
        e.type = QStringLiteral("metrics");
        e.data = metricPointToJson(p);
        e.message = p.trainLoss ? QCoreApplication::translate("cinetune::FineTuneJob", "Step %1: training loss %2")
                                      .arg(p.step)
                                      .arg(*p.trainLoss, 0, 'g', 4)
                                : QCoreApplication::translate("cinetune::FineTuneJob", "Step %1").arg(p.step);
        out.append(e);
    }
    return out;
}

void MetricsSeries::add(const MetricPoint &p)
{
    if (p.step < 0 || p.isEmpty())
        return;
    auto it = std::lower_bound(points.begin(), points.end(), p.step,
                               [](const MetricPoint &a, int step) { return a.step < step; });
    if (it != points.end() && it->step == p.step) {
        // Merge: keep values already known, let the new point fill or replace.
        auto merge = [](std::optional<double> &dst, const std::optional<double> &src) {
            if (src)
                dst = src;
        };
        merge(it->trainLoss, p.trainLoss);
        merge(it->validLoss, p.validLoss);
        merge(it->fullValidLoss, p.fullValidLoss);
        merge(it->trainAccuracy, p.trainAccuracy);
        merge(it->validAccuracy, p.validAccuracy);
        merge(it->fullValidAccuracy, p.fullValidAccuracy);
        merge(it->learningRate, p.learningRate);
        if (p.totalSteps)
            it->totalSteps = p.totalSteps;
        return;
    }
    points.insert(it, p);
}

MetricsSeries MetricsSeries::fromEvents(const QList<JobEvent> &events)
{
    MetricsSeries s;
    for (const JobEvent &e : events) {
        if (e.type == QLatin1String("metrics") || (!e.data.isEmpty() && e.data.contains(QLatin1String("train_loss"))))
            s.add(metricPointFromJson(e.data));
    }
    return s;
}

void MetricsSeries::addCheckpoints(const QList<Checkpoint> &checkpoints)
{
    for (const Checkpoint &c : checkpoints) {
        MetricPoint p = c.metrics;
        if (p.step < 0)
            p.step = c.step;
        add(p);
    }
}

} // namespace cinetune
