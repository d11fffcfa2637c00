#pragma once

#include "core/common/result.h"
#include "core/finetune/chatexample.h"
#include "core/providers/finetunejob.h"
#include "core/providers/httptypes.h"
#include "core/providers/providerprofile.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QUrlQuery>

namespace cinetune {

// Where and how to call a provider: the profile's base URL (ending in /v1) and the key.
struct Endpoint
{
    ProviderKind kind = ProviderKind::OpenAI;
    QUrl baseUrl;
    QString apiKey;
    int timeoutMs = 60000;
};

// baseUrl + "/" + relativePath (+ query).
QUrl endpointUrl(const Endpoint &endpoint, const QString &relativePath, const QUrlQuery &query = {});
// Authorization: Bearer <key> (OpenAI, Together, generic) or api-key: <key> (Azure).
HttpHeaders authHeaders(const Endpoint &endpoint);

// ChatMessage (role, content) is the one of core/finetune/chatexample.h, so a rendered training
// prompt can be sent as is (two structs of that name in one namespace would clash).

// Which field carries ChatRequest::maxTokens. OpenAI's reasoning models (o1, o3, o4-mini, gpt-5)
// reject "max_tokens" and take "max_completion_tokens"; older OpenAI-compatible servers know only
// "max_tokens". Auto: max_completion_tokens for those model names on OpenAI and Azure, else max_tokens.
enum class TokenLimitField {
    Auto,
    MaxTokens,
    MaxCompletionTokens
};

// True for OpenAI model ids of the reasoning families (also fine-tuned ones, "ft:o4-mini-...").
bool isReasoningModel(const QString &model);

struct ChatRequest
{
    QString model;
    QList<ChatMessage> messages;
    std::optional<double> temperature;
    std::optional<int> maxTokens;
    TokenLimitField tokenLimitField = TokenLimitField::Auto;
    std::optional<qint64> seed;
    bool stream = false;
    // With stream: ask for the usage chunk (stream_options.include_usage). Older vLLM rejects
    // stream_options with a 400; the client then asks again without it.
    bool streamUsage = true;
    // "response_format" as sent (e.g. {"type":"json_schema","json_schema":{...}}); empty = none.
    QJsonObject responseFormat;
};

struct ChatResult
{
    QString id;
    QString model;
    QString content;
    QString finishReason;
    qint64 promptTokens = 0;
    qint64 completionTokens = 0;
};

// The Batch API (OpenAI, Azure OpenAI v1): one batch object, its normalized state and counts.
enum class BatchState {
    Validating,
    InProgress,
    Finalizing,
    Completed,
    Failed,
    Expired,
    Cancelling,
    Cancelled,
    Unknown
};
// "validating", ... ; unknown text -> Unknown (treated as "not finished").
BatchState batchStateFromId(const QString &id);
QString batchStateId(BatchState state);
// Completed, Failed, Expired, Cancelled: the batch will not change any more.
bool isBatchFinal(BatchState state);

struct BatchInfo
{
    QString id;
    QString rawStatus;
    BatchState status = BatchState::Unknown;
    QString endpoint;
    QString inputFileId;
    QString outputFileId; // empty until there is one
    QString errorFileId;
    qint64 total = 0; // request_counts
    qint64 completed = 0;
    qint64 failed = 0;
    QStringList errors; // batch-level errors ("line 3: message"), e.g. of a failed validation
    QJsonObject metadata;
    QDateTime createdAt;
};

// One line of a batch output or error file. `line` is 1-based within its file.
struct BatchOutputLine
{
    int line = 0;
    QString customId;
    int statusCode = 0; // response.status_code; 0 = no response (see errorCode)
    QString requestId;
    QByteArray responseBody; // response.body as compact JSON (a chat.completion for 200)
    QString errorCode;       // the line's "error" object, if any
    QString errorMessage;
};

struct BatchOutput
{
    QList<BatchOutputLine> lines;
    QStringList problems; // "<file>:<line>: what was expected" for lines that were skipped
};

// Checks a job request against the provider's documented limits (suffix length, epochs, batch
// size, metadata size). Codes: job.invalid.
[[nodiscard]] Status validateJobRequest(ProviderKind kind, const JobRequest &request);

// Incremental Server-Sent-Events parser: feed bytes, get the "data:" payloads of complete events.
class SseParser
{
public:
    QList<QByteArray> feed(const QByteArray &chunk);
    bool sawDone() const { return m_done; }

private:
    QByteArray m_buffer;
    bool m_done = false;
};

// Adds one chat.completion.chunk payload to `acc`. Fails on malformed JSON.
[[nodiscard]] Status accumulateChatChunk(const QByteArray &data, ChatResult &acc);

// Requests and responses of the OpenAI-compatible API (OpenAI, Azure OpenAI v1, generic servers).
// Builders are pure: same input, same bytes. Parsers never crash on any input.
namespace openai {

HttpRequest listModels(const Endpoint &ep);
HttpRequest uploadFile(const Endpoint &ep, const QString &fileName, const QByteArray &data, const QByteArray &boundary,
                       const QString &purpose = QStringLiteral("fine-tune"));
HttpRequest getFile(const Endpoint &ep, const QString &fileId);
// DELETE /files/{id} (OpenAI, Azure and Together alike); answers {"id", "object": "file", "deleted": true}.
HttpRequest deleteFile(const Endpoint &ep, const QString &fileId);
HttpRequest createJob(const Endpoint &ep, const JobRequest &request);
HttpRequest getJob(const Endpoint &ep, const QString &jobId);
HttpRequest listJobs(const Endpoint &ep, const QString &after = {}, int limit = 20, const QJsonObject &metadataFilter = {});
HttpRequest cancelJob(const Endpoint &ep, const QString &jobId);
HttpRequest listEvents(const Endpoint &ep, const QString &jobId, const QString &after = {}, int limit = 100);
HttpRequest listCheckpoints(const Endpoint &ep, const QString &jobId, const QString &after = {}, int limit = 100);
// A chat answer is at most max_tokens of text (well under 1 MB); a body past this limit is a
// server that does not stop, dropped with net.too_large before it takes 64 MB per request in flight.
constexpr qint64 kMaxChatBodyBytes = qint64(16) << 20;
HttpRequest chat(const Endpoint &ep, const ChatRequest &request);

QJsonObject createJobBody(ProviderKind kind, const JobRequest &request);

// Batch API. The input line of one chat request: {"body":{...},"custom_id":ID,"method":"POST",
// "url":"/v1/chat/completions"} (keys sorted), without a newline; the body is the one chat() sends.
// Every kind's lines name "/v1/chat/completions" (Azure's batch docs too); the create call's
// "endpoint" is "/chat/completions" for Azure OpenAI v1 (relative to its /openai/v1 base).
QString batchLineUrl();
QString batchEndpoint(ProviderKind kind);
QByteArray batchInputLine(ProviderKind kind, const QString &customId, const ChatRequest &request);
// POST /batches {input_file_id, endpoint, completion_window "24h", metadata}. A create: not retried blindly.
HttpRequest createBatch(const Endpoint &ep, const QString &inputFileId, const QJsonObject &metadata = {});
HttpRequest getBatch(const Endpoint &ep, const QString &batchId);
HttpRequest cancelBatch(const Endpoint &ep, const QString &batchId);
HttpRequest listBatches(const Endpoint &ep, const QString &after = {}, int limit = 100);
// GET /files/{id}/content (the raw bytes).
HttpRequest fileContent(const Endpoint &ep, const QString &fileId);

Result<BatchInfo> parseBatch(const QByteArray &body);
Result<Page<BatchInfo>> parseBatchList(const QByteArray &body);
// Never fails: malformed lines (not JSON, no custom_id, neither response nor error) are listed in
// `problems` with `fileLabel`:line and skipped; blank lines are ignored.
BatchOutput parseBatchOutput(const QByteArray &jsonl, const QString &fileLabel);

Result<FileInfo> parseFile(const QByteArray &body);
Result<FineTuneJob> parseJob(const QByteArray &body, ProviderKind kind = ProviderKind::OpenAI);
FineTuneJob jobFromJson(const QJsonObject &o, ProviderKind kind);
Result<Page<FineTuneJob>> parseJobList(const QByteArray &body, ProviderKind kind = ProviderKind::OpenAI);
Result<Page<JobEvent>> parseEvents(const QByteArray &body);
Result<Page<Checkpoint>> parseCheckpoints(const QByteArray &body);
Result<QList<ModelInfo>> parseModels(const QByteArray &body);
Result<ChatResult> parseChat(const QByteArray &body);

} // namespace openai

// Together AI's own fine-tuning API (inference uses openai::chat).
namespace together {

// Together reports prices (a job's total_price) in nano-dollars.
inline constexpr double kTogetherPriceUnitsPerDollar = 1e9;

HttpRequest uploadFile(const Endpoint &ep, const QString &fileName, const QByteArray &data, const QByteArray &boundary);
HttpRequest createJob(const Endpoint &ep, const JobRequest &request);
HttpRequest getJob(const Endpoint &ep, const QString &jobId);
HttpRequest listJobs(const Endpoint &ep);
HttpRequest cancelJob(const Endpoint &ep, const QString &jobId);
HttpRequest listEvents(const Endpoint &ep, const QString &jobId);
HttpRequest listCheckpoints(const Endpoint &ep, const QString &jobId);
HttpRequest metrics(const Endpoint &ep, const QString &jobId);

QJsonObject createJobBody(const JobRequest &request);

Result<FileInfo> parseFile(const QByteArray &body);
Result<FineTuneJob> parseJob(const QByteArray &body);
FineTuneJob jobFromJson(const QJsonObject &o);
Result<Page<FineTuneJob>> parseJobList(const QByteArray &body);
Result<Page<JobEvent>> parseEvents(const QByteArray &body);
Result<Page<Checkpoint>> parseCheckpoints(const QByteArray &body, const QString &jobId);
Result<QList<MetricPoint>> parseMetrics(const QByteArray &body);

} // namespace together

} // namespace cinetune
