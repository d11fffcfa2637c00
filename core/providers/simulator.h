#pragma once

#include "common/result.h"
#include "simulatorfaults.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QMap>
#include <QObject>
#include <QStringList>

#include <optional>

class QTcpServer;
class QTcpSocket;

namespace cinetune {

// The offline simulator: a real HTTP/1.1 server on 127.0.0.1 that speaks the OpenAI-compatible
// subset CineTune uses (models, files, fine-tuning jobs with events and checkpoints, chat
// completions with and without SSE streaming, batches). Three dialects share one server, chosen by
// the path prefix (see Dialect). It is NOT a language model: its base models answer
// with popular catalogue titles (some misspelled or invented); a fine-tuned model answers with the
// assistant turn of the training example whose user prompt shares the most words with the
// request. Every answer carries "system_fingerprint": "cinetune-simulator".
//
// Hand-rolled on QTcpServer rather than Qt HttpServer 6.4 because the tests need control that
// QHttpServer 6.4 does not give: streaming SSE with pauses, dropping a connection half-way through
// a body, stalling after carrying out a request, and counting requests per route.
class SimulatorServer final : public QObject
{
    Q_OBJECT

public:
    // Which provider's API a request speaks, by path prefix:
    //   /v1/...           OpenAI;
    //   /openai/v1/...    Azure OpenAI v1 (OpenAI's shapes, Azure's error body and apim-request-id);
    //   /together/v1/...  Together AI's fine-tuning API (simulatortogether.cpp), as its OpenAPI
    //                     document describes it; chat completions in OpenAI's shape.
    enum class Dialect { OpenAI, Azure, Together };

    struct Options
    {
        int jobDurationMs = 6000;  // validating -> queued -> running -> succeeded
        int batchDurationMs = 8000; // batches: validating -> in_progress -> finalizing -> completed
        int latencyMs = 0;         // added before every answer (and spread over SSE chunks)
        QStringList popularTitles; // "Title (Year)", most popular first (base-model answers)
        quint64 seed = 42;
        // When set, the only API key accepted (as "Authorization: Bearer KEY" or "api-key: KEY"):
        // anything else gets OpenAI's 401 invalid_api_key, so a test can prove which key was sent.
        QByteArray apiKey;
    };

    explicit SimulatorServer(QObject *parent = nullptr);
    SimulatorServer(Options options, QObject *parent);
    ~SimulatorServer() override;
    Q_DISABLE_COPY_MOVE(SimulatorServer)

    // Listens on 127.0.0.1:port (0 = any free port).
    [[nodiscard]] Status listen(quint16 port = 0);
    quint16 port() const;
    QString baseUrl() const; // http://127.0.0.1:PORT/v1
    QString baseUrl(Dialect dialect) const; // .../v1, .../openai/v1 or .../together/v1

    [[nodiscard]] Status setFaults(const QString &spec);
    void addFaults(const QList<FaultRule> &rules) { m_faults += rules; }
    void clearFaults() { m_faults.clear(); }
    void setOptions(const Options &options) { m_options = options; }

    // Requests seen, by "METHOD /path" (without query); for tests.
    int requestCount(const QString &methodAndPath) const { return m_requestCounts.value(methodAndPath); }
    int totalRequests() const { return m_totalRequests; }
    int jobCount() const { return int(m_jobs.size() + m_togetherJobs.size()); }
    int batchCount() const { return int(m_batches.size()); }

    static QStringList baseModels();

Q_SIGNALS:
    void requestHandled(const QString &methodAndPath, int status);
    // Every request as it arrives (before faults and latency), with its body; for tests that
    // need to know what was asked (e.g. which user a chat prompt was for).
    void requestReceived(const QString &methodAndPath, const QByteArray &body);

private:
    struct Request
    {
        QByteArray method;
        QString path;
        QMap<QString, QString> query;
        QHash<QByteArray, QByteArray> headers; // lower-case names
        QByteArray body;
        Dialect dialect = Dialect::OpenAI;
    };
    struct Response
    {
        int status = 200;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        QByteArray contentType = "application/json";
        QList<QByteArray> sseChunks; // non-empty = text/event-stream
    };
    struct File
    {
        QString id;
        QString filename;
        QString purpose;
        QByteArray data;
        qint64 createdAt = 0;
        bool together = false;  // made through /together/v1 (Together's file shape)
        bool uploaded = true;   // false while a Together upload waits for its PUT
    };
    struct Job
    {
        QString id;
        QJsonObject request;
        QString model;
        QString suffix;
        QString trainingFile;
        QString validationFile;
        QJsonObject metadata;
        qint64 createdAt = 0;   // unix seconds
        qint64 createdAtMs = 0; // unix milliseconds (Together's ISO timestamps)
        qint64 startMs = 0;     // m_clock time
        qint64 cancelledAtMs = -1;
        int epochs = 2;
        int totalSteps = 10;
        qint64 trainedTokens = 0;
        QList<QPair<QString, QString>> examples; // user prompt, assistant answer
        // Together only:
        QString outputName;     // model_output_name
        int checkpointCount = 1;
        int evalCount = 0;
        qint64 trainingLines = 0;
        qint64 trainingBytes = 0;
    };

    struct MultipartPart
    {
        QString name;
        QString filename;
        QByteArray value;
    };
    // The parts of a multipart/form-data body; nullopt when the request is not one.
    static std::optional<QList<MultipartPart>> multipartParts(const Request &request);
    // The (user prompt, assistant answer) pairs of a chat JSONL file; *chars counts message text.
    static QList<QPair<QString, QString>> chatExamples(const QByteArray &jsonl, qint64 *chars);
    static quint64 stableHash(const QByteArray &bytes, quint64 seed);

    // Together AI (simulatortogether.cpp).
    Response routeTogether(const Request &request, const QStringList &parts);
    Response togetherUploadMultipart(const Request &request);
    Response togetherUploadStart(const Request &request);
    Response togetherUploadPut(const Request &request, const QString &fileId);
    Response togetherFile(const QString &id, bool content);
    Response togetherFiles();
    Response togetherDeleteFile(const QString &id);
    Response togetherCreateJob(const Request &request);
    Response togetherJob(const QString &id, bool full);
    Response togetherJobs();
    Response togetherCancel(const QString &id);
    Response togetherEvents(const QString &id);
    Response togetherCheckpoints(const QString &id);
    Response togetherMetrics(const QString &id, const Request &request);
    Response togetherModels();
    QString togetherStatus(const Job &job) const;
    int togetherSteps(const Job &job) const;
    QJsonObject togetherJobJson(const Job &job, bool full) const;
    QList<QJsonObject> togetherEventList(const Job &job) const;
    static QStringList togetherBaseModels();
    static Response togetherNotFound(const QString &id);

    // Azure OpenAI v1: OpenAI's answer with Azure's error body (simulator.cpp).
    static void toAzure(Response &response, int requestNumber);

    // Batch API (simulatorbatch.cpp). Each input line is answered like POST /v1/chat/completions
    // when the batch reaches "finalizing". Faults with method BATCH and "/" + custom_id as path
    // (e.g. "500@BATCH:/user-42") make that line fail: status kinds give a response with that
    // status and an error body, "malformed" a line that is not JSON, any other kind an "error"
    // object with code "simulated_fault".
    struct Batch
    {
        QString id;
        QString inputFileId;
        QString endpoint;
        QJsonObject metadata;
        qint64 createdAt = 0;     // unix seconds
        qint64 startMs = 0;       // m_clock time
        qint64 cancelledAtMs = -1;
        qint64 total = 0;
        QString failure;          // input validation error: the batch failed
        QString outputFileId;     // set when the results were made
        QString errorFileId;
        qint64 completed = 0;
        qint64 failed = 0;
        bool resultsMade = false;
    };
    Response createBatch(const Request &request);
    Response listBatches(const Request &request);
    Response batchResponse(const QString &id);
    Response cancelBatch(const QString &id);
    QString batchStatus(Batch &batch);
    void makeBatchResults(Batch &batch, qint64 lines);
    QJsonObject batchJson(Batch &batch);

    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void dispatch(QTcpSocket *socket, const Request &request);
    Response route(const Request &request);
    void send(QTcpSocket *socket, const Request &request, const Response &response, const FaultRule *fault);

    Response listModels();
    Response uploadFile(const Request &request);
    Response getFile(const QString &id, bool content);
    Response createJob(const Request &request);
    Response listJobs(const Request &request);
    Response jobResponse(const QString &id);
    Response cancelJob(const QString &id);
    Response listEvents(const QString &id, const Request &request);
    Response listCheckpoints(const QString &id, const Request &request);
    Response chat(const Request &request);
    Response routeOpenAI(const Request &request, const QStringList &parts);

    QJsonObject jobJson(const Job &job) const;
    QString statusOf(const Job &job) const;
    QString fineTunedModel(const Job &job) const;
    int stepsDone(const Job &job) const;
    QList<QJsonObject> events(const Job &job) const;
    QList<QJsonObject> checkpoints(const Job &job) const;
    double lossAt(const Job &job, int step, double offset) const;
    QString baseAnswer(const QString &prompt) const;
    QString fineTunedAnswer(const Job &job, const QString &prompt) const;
    const Job *jobForModel(const QString &model) const;
    static Response error(int status, const QString &message, const QString &type, const QString &code, const QString &param = {});

    Options m_options;
    QTcpServer *m_server = nullptr;
    QElapsedTimer m_clock;
    QHash<QString, File> m_files;
    QMap<QString, Job> m_jobs;   // by id
    QStringList m_jobOrder;      // creation order
    QMap<QString, Job> m_togetherJobs; // Together's jobs, by id
    QStringList m_togetherJobOrder;    // creation order
    QMap<QString, Batch> m_batches;
    QStringList m_batchOrder;    // creation order
    QList<FaultRule> m_faults;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QHash<QString, int> m_requestCounts;
    int m_totalRequests = 0;
    int m_nextId = 1;
};

} // namespace cinetune
