#pragma once

#include "core/simulator/answermodel.h"
#include "core/simulator/simhttp.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QMap>
#include <QStringList>

#include <optional>

namespace cinetune {

class FaultPlan;

// The simulator's provider state: what a provider knows (files, fine-tuning jobs with their
// events, checkpoints and metrics, batches) and how it answers each API call, in the three
// dialects of SimDialect. No sockets here: SimulatorServer hands in parsed requests and sends the
// answers. Time is the simulator's own clock: jobs and batches move through their states as
// SimulatorOptions' durations pass.
//
// One API family a file:
//   fakeprovider.cpp       routing, authentication, models, OpenAI files, error bodies, Azure
//   fakefinetuning.cpp     OpenAI fine-tuning jobs, events, checkpoints
//   fakechat.cpp           chat completions (plain and SSE), answered by AnswerModel
//   fakebatches.cpp        the Batch API
//   faketogetherfiles.cpp  Together AI: routing, models, files and uploads
//   faketogetherjobs.cpp   Together AI: fine-tuning jobs, events, checkpoints, metrics
class FakeProvider
{
public:
    using Dialect = SimDialect;
    using Request = SimRequest;
    using Response = SimResponse;

    // faults: where batch-line faults come from (owned by the transport; may be null).
    FakeProvider(SimulatorOptions options, FaultPlan *faults);

    void setOptions(const SimulatorOptions &options) { m_options = options; }
    // The port the transport listens on (Together's upload URLs point back at it).
    void setPort(quint16 port) { m_port = port; }

    // The answer to one request (authentication, routing, the dialect's shapes).
    Response handle(const Request &request);

    int jobCount() const { return int(m_jobs.size() + m_togetherJobs.size()); }
    int batchCount() const { return int(m_batches.size()); }

    static QStringList baseModels();
    static QStringList togetherBaseModels();
    // An OpenAI-shaped error answer.
    static Response error(int status, const QString &message, const QString &type, const QString &code,
                          const QString &param = {});
    // Azure OpenAI v1: OpenAI's answer with Azure's error body and apim-request-id.
    static void toAzure(Response &response, int requestNumber);

private:
    struct File
    {
        QString id;
        QString filename;
        QString purpose;
        QByteArray data;
        qint64 createdAt = 0;
        bool together = false; // made through /together/v1 (Together's file shape)
        bool uploaded = true;  // false while a Together upload waits for its PUT
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
        QList<ChatExample> examples; // what a fine-tuned model learnt (AnswerModel)
        // Together only:
        QString outputName; // model_output_name
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

    AnswerModel answerModel() const { return AnswerModel(m_options.popularTitles, m_options.seed); }

    // OpenAI and Azure (fakeprovider.cpp).
    Response routeOpenAI(const Request &request, const QStringList &parts);
    Response listModels();
    Response uploadFile(const Request &request);
    Response getFile(const QString &id, bool content);

    // OpenAI fine-tuning (fakefinetuning.cpp).
    Response createJob(const Request &request);
    Response listJobs(const Request &request);
    Response jobResponse(const QString &id);
    Response cancelJob(const QString &id);
    Response listEvents(const QString &id, const Request &request);
    Response listCheckpoints(const QString &id, const Request &request);
    QJsonObject jobJson(const Job &job) const;
    QString statusOf(const Job &job) const;
    QString fineTunedModel(const Job &job) const;
    int stepsDone(const Job &job) const;
    QList<QJsonObject> events(const Job &job) const;
    QList<QJsonObject> checkpoints(const Job &job) const;
    double lossAt(const Job &job, int step, double offset) const;
    const Job *jobForModel(const QString &model) const;

    // Chat completions (fakechat.cpp).
    Response chat(const Request &request);

    // Together AI (faketogetherfiles.cpp, faketogetherjobs.cpp).
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
    static Response togetherNotFound(const QString &id);

    // Batch API (fakebatches.cpp). Each input line is answered like POST /v1/chat/completions
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
        qint64 createdAt = 0; // unix seconds
        qint64 startMs = 0;   // m_clock time
        qint64 cancelledAtMs = -1;
        qint64 total = 0;
        QString failure;      // input validation error: the batch failed
        QString outputFileId; // set when the results were made
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

    SimulatorOptions m_options;
    FaultPlan *m_faults = nullptr;
    quint16 m_port = 0;
    QElapsedTimer m_clock;
    QHash<QString, File> m_files;
    QMap<QString, Job> m_jobs;         // by id
    QStringList m_jobOrder;            // creation order
    QMap<QString, Job> m_togetherJobs; // Together's jobs, by id
    QStringList m_togetherJobOrder;    // creation order
    QMap<QString, Batch> m_batches;
    QStringList m_batchOrder; // creation order
    int m_nextId = 1;
};

} // namespace cinetune
