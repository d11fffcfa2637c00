#pragma once

#include "core/providers/providerprofile.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace cinetune {

// One normalized status set for every provider. Unknown (and any provider status we do not know)
// is "not finished": monitoring goes on.
enum class JobStatus {
    Validating, // OpenAI/Azure validating_files
    Queued,     // queued, pending
    Running,
    Paused,     // Azure pause/resume
    Finalizing, // Together compressing, uploading
    Cancelling, // Together cancel_requested
    Succeeded,
    Failed,
    Cancelled,
    Unknown,
};

// Stable ids stored in the project ("validating", "queued", ...).
QString jobStatusId(JobStatus status);
JobStatus jobStatusFromId(const QString &id);
bool isTerminal(JobStatus status);
JobStatus normalizeOpenAiStatus(const QString &raw);
JobStatus normalizeTogetherStatus(const QString &raw);

// One point of the training curves. Every value is optional: providers send what they have.
struct MetricPoint
{
    int step = -1;
    std::optional<int> totalSteps;
    std::optional<double> trainLoss;
    std::optional<double> validLoss;
    std::optional<double> fullValidLoss;
    std::optional<double> trainAccuracy;
    std::optional<double> validAccuracy;
    std::optional<double> fullValidAccuracy;
    std::optional<double> learningRate;

    bool isEmpty() const
    {
        return !trainLoss && !validLoss && !fullValidLoss && !trainAccuracy && !validAccuracy && !fullValidAccuracy;
    }
    friend bool operator==(const MetricPoint &, const MetricPoint &) = default;
};

// Parses a metrics object with OpenAI keys (step, train_loss, valid_loss, full_valid_loss,
// train_mean_token_accuracy, valid_mean_token_accuracy / validation_mean_token_accuracy, ...)
// or Together keys (train/global_step, train/loss, train/learning_rate, eval/*loss).
MetricPoint metricPointFromJson(const QJsonObject &o);
// The point with OpenAI's key names (step, train_loss, valid_loss, ...; train/learning_rate):
// metricPointFromJson(metricPointToJson(p)) == p for a point with a step.
QJsonObject metricPointToJson(const MetricPoint &p);

struct JobEvent
{
    QString id;
    QDateTime createdAt;
    QString level; // info, warn(ing), error
    QString type;  // message, metrics, or a provider type
    QString message;
    QJsonObject data; // metrics for type "metrics"
};

struct Checkpoint
{
    QString id;
    QDateTime createdAt;
    QString model; // a model id usable for inference (OpenAI ft:...:ckpt-step-N; Azure ftchkpt-...)
    int step = 0;
    MetricPoint metrics;
};

struct JobError
{
    QString code;
    QString message;
    QString param;
    bool isEmpty() const { return code.isEmpty() && message.isEmpty(); }
};

// One fine-tuning job, whatever the provider.
struct FineTuneJob
{
    QString id;        // provider job id (ftjob-..., ft-...)
    QString rawStatus; // the provider's own string
    JobStatus status = JobStatus::Unknown;
    QString baseModel;
    QString fineTunedModel; // empty until succeeded
    QString trainingFile;
    QString validationFile;
    QString suffix;
    QDateTime createdAt;
    QDateTime finishedAt;
    std::optional<qint64> trainedTokens;
    std::optional<double> cost; // provider-reported price (Together total_price); OpenAI: none
    std::optional<int> epochs;
    QJsonObject metadata;
    JobError error;
    bool needsDeployment = false; // Azure: fine-tuned models must be deployed before inference
    QJsonObject raw;              // the provider's object, unchanged
};

// Azure serves a fine-tuned model only through a deployment the user creates.
inline bool jobNeedsDeployment(ProviderKind kind, const FineTuneJob &job)
{
    return kind == ProviderKind::Azure && job.status == JobStatus::Succeeded && !job.fineTunedModel.isEmpty();
}

// How a fine-tuned model (or one of its checkpoints) is asked for at inference. `model` is what
// a chat request names: the model id, or for Azure OpenAI the deployment the user entered.
// `ready` is false when it cannot answer yet; `note` then says what to do (user-facing).
struct ServingTarget
{
    QString model;
    bool ready = true;
    QString note;
};
ServingTarget servingTarget(ProviderKind kind, const FineTuneJob &job, const QString &deployment);
ServingTarget checkpointServingTarget(ProviderKind kind, const Checkpoint &checkpoint);

template<typename T>
struct Page
{
    QList<T> items;
    bool hasMore = false;
    QString lastId; // cursor for the next page (after=)
};

struct FileInfo
{
    QString id;
    QString filename;
    QString purpose;
    QString status; // uploaded, processed, error, pending, ... ("" when not given)
    qint64 bytes = 0;
    QString statusDetails;
};

struct ModelInfo
{
    QString id;
    QString ownedBy;
    QString shutdownDate;
};

// Training-curve points of a provider that reports them apart from its events (Together AI's
// metrics endpoint) as "metrics" events with ids "metrics#<step>", so they are stored and charted
// like OpenAI's. Points without a step are left out.
QList<JobEvent> metricEvents(const QList<MetricPoint> &points);
inline constexpr const char *kMetricEventPrefix = "metrics#";

// Metric series for charts: points sorted by step, one per step (later values win).
struct MetricsSeries
{
    QList<MetricPoint> points;

    void add(const MetricPoint &p);
    static MetricsSeries fromEvents(const QList<JobEvent> &events);
    // Adds the checkpoints' metrics (full-validation loss lives there).
    void addCheckpoints(const QList<Checkpoint> &checkpoints);
};

// Parameters of a supervised fine-tuning job. Defaults follow the paper's Table 1.
struct JobRequest
{
    QString model = QStringLiteral("gpt-4o-mini-2024-07-18");
    QString trainingFile;
    QString validationFile;
    int epochs = 2;
    int batchSize = 32;                  // 0 = "auto" (OpenAI) / "max" (Together)
    double learningRateMultiplier = 1.0; // OpenAI/Azure; 0 = "auto"
    double learningRate = 1e-5;          // Together: absolute rate
    bool lora = true;                    // Together: LoRA (true) or full fine-tuning
    int loraRank = 8;
    std::optional<qint64> seed;
    QString suffix;
    QJsonObject metadata; // string values only (OpenAI: up to 16 pairs)
};

// The metadata key that tags a create request so an ambiguous failure can be looked up.
inline constexpr const char *kRequestTagKey = "cinetune_request";

} // namespace cinetune
