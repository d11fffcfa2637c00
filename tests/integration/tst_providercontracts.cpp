// Contract tests against each provider's OFFICIAL OpenAPI document, served by Stoplight Prism:
//   - requestsValidate: every request the client builds for Together AI and Azure OpenAI v1 must
//     satisfy that provider's document (OpenAI's own requests: tst_prismconformance);
//   - brokenRequestsAreRejected: per document, requests that break it must be rejected, so a schema
//     Prism failed to compile (it then skips validation silently) cannot pass unnoticed;
//   - documentedStatusesAreKnown: every status value the documents list maps to a known status;
//   - dynamicResponsesParse: per operation, 200 random responses generated from the document
//     (Prism -d, one fixed seed per request) plus derived variants (required fields only, optional
//     fields null, extra fields, `"error": {}`, other timestamp forms) must parse, and map right.
// Documents: tests/support/openai-api/openapi-subset.yaml, tests/support/provider-specs/ (see the
// README there: Together's and Azure's paths are served below their base paths /v1 and /openai/v1).
// Needs CINETUNE_PRISM (scripts/test.sh installs Prism 5.14.2); the test FAILS, not skips, without it.
#include "fixtures.h"
#include "prismmock.h"

#include "core/providers/openaiprotocol.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QUrlQuery>

#include <array>
#include <cmath>
#include <map>

using namespace cinetune;

namespace {

// The documents and how the client reaches them.
struct Served
{
    QString name;
    ProviderKind kind;
    QString source;     // below the source tree
    QString pathPrefix; // added to every path of the served copy
    QString basePath;   // the client's base URL path
    test::PrismMock mock;
    Endpoint ep;
};

// Seed of the dynamic responses: request i of operation op gets "<kSeed>-<spec>-<op>-<i>".
constexpr const char *kSeed = "cinetune-20250601";
constexpr int kResponsesPerOperation = 200;

JobRequest sampleJob(bool lora, bool validation)
{
    JobRequest job;
    job.model = QStringLiteral("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference");
    job.trainingFile = QStringLiteral("file-abc");
    if (validation)
        job.validationFile = QStringLiteral("file-def");
    job.suffix = QStringLiteral("cinetune");
    job.seed = 42;
    job.lora = lora;
    return job;
}

ChatRequest sampleChat()
{
    ChatRequest chat;
    chat.model = QStringLiteral("meta-llama/Llama-3.3-70B-Instruct-Turbo");
    chat.messages = {{QStringLiteral("system"), QStringLiteral("You recommend movies.")},
                     {QStringLiteral("user"), QStringLiteral("I liked Heat. Recommend 10 movies.")}};
    chat.temperature = 0.0;
    chat.maxTokens = 400;
    chat.seed = 1;
    return chat;
}

// Prism cannot mock SSE: the streamed request's body is what is checked.
HttpRequest asJsonRequest(HttpRequest r)
{
    for (auto &h : r.headers) {
        if (h.first == "Accept")
            h.second = "application/json";
    }
    r.stream = false;
    return r;
}

// Every request the client builds, by provider and name ("" = no such request).
HttpRequest buildRequest(const Endpoint &ep, const QString &which)
{
    const QByteArray jsonl = "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}\n";
    const QString job = QStringLiteral("ft-abc");
    if (ep.kind == ProviderKind::Together) {
        if (which == QLatin1String("upload"))
            return together::uploadFile(ep, QStringLiteral("train.jsonl"), jsonl, "cinetuneBoundary");
        if (which == QLatin1String("create-lora"))
            return together::createJob(ep, sampleJob(true, false));
        if (which == QLatin1String("create-lora-validation"))
            return together::createJob(ep, sampleJob(true, true));
        if (which == QLatin1String("create-full"))
            return together::createJob(ep, sampleJob(false, false));
        if (which == QLatin1String("create-full-validation"))
            return together::createJob(ep, sampleJob(false, true));
        if (which == QLatin1String("create-max-batch")) {
            JobRequest j = sampleJob(true, true);
            j.batchSize = 0;
            j.seed.reset();
            j.suffix.clear();
            return together::createJob(ep, j);
        }
        if (which == QLatin1String("get"))
            return together::getJob(ep, job);
        if (which == QLatin1String("list"))
            return together::listJobs(ep);
        if (which == QLatin1String("cancel"))
            return together::cancelJob(ep, job);
        if (which == QLatin1String("events"))
            return together::listEvents(ep, job);
        if (which == QLatin1String("checkpoints"))
            return together::listCheckpoints(ep, job);
        if (which == QLatin1String("metrics"))
            return together::metrics(ep, job);
        if (which == QLatin1String("models"))
            return openai::listModels(ep);
        if (which == QLatin1String("chat"))
            return openai::chat(ep, sampleChat());
        if (which == QLatin1String("chat-json-schema")) {
            ChatRequest c = sampleChat();
            c.responseFormat = QJsonObject{
                {QStringLiteral("type"), QStringLiteral("json_schema")},
                {QStringLiteral("json_schema"),
                 QJsonObject{{QStringLiteral("name"), QStringLiteral("recommendations")},
                             {QStringLiteral("schema"), QJsonObject{{QStringLiteral("type"), QStringLiteral("object")}}}}}};
            return openai::chat(ep, c);
        }
        if (which == QLatin1String("chat-stream-body")) {
            ChatRequest c = sampleChat();
            c.stream = true;
            return asJsonRequest(openai::chat(ep, c));
        }
        return {};
    }
    // OpenAI and Azure OpenAI v1 (Endpoint kind Azure: header api-key).
    JobRequest oa;
    oa.trainingFile = QStringLiteral("file-abc");
    oa.validationFile = QStringLiteral("file-def");
    oa.suffix = QStringLiteral("cinetune");
    oa.seed = 42;
    oa.metadata[QStringLiteral("cinetune_request")] = QStringLiteral("0b9e3c1d-55aa-4f3e");
    const QString ftjob = QStringLiteral("ftjob-abc");
    if (which == QLatin1String("upload"))
        return openai::uploadFile(ep, QStringLiteral("train.jsonl"), jsonl, "cinetuneBoundary");
    if (which == QLatin1String("file-get"))
        return openai::getFile(ep, QStringLiteral("file-abc"));
    if (which == QLatin1String("create"))
        return openai::createJob(ep, oa);
    if (which == QLatin1String("create-auto")) {
        oa.batchSize = 0;
        oa.learningRateMultiplier = 0;
        oa.metadata = {};
        oa.seed.reset();
        oa.validationFile.clear();
        return openai::createJob(ep, oa);
    }
    if (which == QLatin1String("get"))
        return openai::getJob(ep, ftjob);
    if (which == QLatin1String("list"))
        return openai::listJobs(ep, QStringLiteral("ftjob-abc"), 100);
    if (which == QLatin1String("list-metadata"))
        return openai::listJobs(ep, {}, 100, oa.metadata);
    if (which == QLatin1String("cancel"))
        return openai::cancelJob(ep, ftjob);
    if (which == QLatin1String("events"))
        return openai::listEvents(ep, ftjob);
    if (which == QLatin1String("events-after"))
        return openai::listEvents(ep, ftjob, QStringLiteral("ftevent-1"), 50);
    if (which == QLatin1String("checkpoints"))
        return openai::listCheckpoints(ep, ftjob);
    if (which == QLatin1String("checkpoints-after"))
        return openai::listCheckpoints(ep, ftjob, QStringLiteral("ftckpt-1"), 10);
    if (which == QLatin1String("models"))
        return openai::listModels(ep);
    if (which == QLatin1String("chat")) {
        ChatRequest c = sampleChat();
        c.model = QStringLiteral("gpt-4o-mini-2024-07-18");
        return openai::chat(ep, c);
    }
    if (which == QLatin1String("batch-get"))
        return openai::getBatch(ep, QStringLiteral("batch_abc"));
    return {};
}

// --- documented status values ---------------------------------------------------------------

// The `enum:` list of `property` (or of the schema itself when `property` is empty) of the schema
// `schema` in `components.schemas` of a block-style YAML document (the layout of the vendored ones).
QStringList enumOf(const QByteArray &yaml, const QString &schema, const QString &property)
{
    const QList<QByteArray> lines = yaml.split('\n');
    auto lead = [](const QByteArray &l) {
        int n = 0;
        while (n < l.size() && l.at(n) == ' ')
            ++n;
        return n;
    };
    qsizetype i = lines.indexOf(QByteArray("    ") + schema.toUtf8() + ':');
    if (i < 0)
        return {};
    int floor = 4;
    if (!property.isEmpty()) {
        const QRegularExpression key(QStringLiteral("^ +%1:$").arg(QRegularExpression::escape(property)));
        for (++i; i < lines.size() && (lines.at(i).trimmed().isEmpty() || lead(lines.at(i)) > 4); ++i) {
            if (key.match(QString::fromUtf8(lines.at(i))).hasMatch())
                break;
        }
        if (i >= lines.size() || !key.match(QString::fromUtf8(lines.at(i))).hasMatch())
            return {};
        floor = lead(lines.at(i));
    }
    for (++i; i < lines.size() && (lines.at(i).trimmed().isEmpty() || lead(lines.at(i)) > floor); ++i) {
        if (lines.at(i).trimmed() != "enum:")
            continue;
        const int at = lead(lines.at(i));
        QStringList values;
        for (++i; i < lines.size() && lead(lines.at(i)) >= at && lines.at(i).trimmed().startsWith("- "); ++i)
            values.append(
                QString::fromUtf8(lines.at(i).trimmed().mid(2).trimmed()).remove(QLatin1Char('\'')).remove(QLatin1Char('"')));
        return values;
    }
    return {};
}

// --- dynamic responses ----------------------------------------------------------------------

enum class Parser {
    OaJob,
    OaJobList,
    OaEvents,
    OaCheckpoints,
    OaFile,
    OaModels,
    OaChat,
    OaBatch,
    TgJob,
    TgJobList,
    TgEvents,
    TgCheckpoints,
    TgMetrics,
    TgFile
};

struct Operation
{
    const char *spec;
    const char *request; // buildRequest name
    Parser parser;
    const char *schema;   // the object's schema (a list's item schema)
    QStringList required; // its required properties, as the document lists them
};

// Required properties copied from the documents (schema named in each row).
const QStringList kOaJobRequired{QStringLiteral("created_at"),
                                 QStringLiteral("error"),
                                 QStringLiteral("finished_at"),
                                 QStringLiteral("fine_tuned_model"),
                                 QStringLiteral("hyperparameters"),
                                 QStringLiteral("id"),
                                 QStringLiteral("model"),
                                 QStringLiteral("object"),
                                 QStringLiteral("organization_id"),
                                 QStringLiteral("result_files"),
                                 QStringLiteral("status"),
                                 QStringLiteral("trained_tokens"),
                                 QStringLiteral("training_file"),
                                 QStringLiteral("validation_file"),
                                 QStringLiteral("seed")};
const QStringList kOaEventRequired{QStringLiteral("id"), QStringLiteral("object"), QStringLiteral("created_at"),
                                   QStringLiteral("level"), QStringLiteral("message")};
const QStringList kOaCheckpointRequired{QStringLiteral("created_at"),
                                        QStringLiteral("fine_tuning_job_id"),
                                        QStringLiteral("fine_tuned_model_checkpoint"),
                                        QStringLiteral("id"),
                                        QStringLiteral("metrics"),
                                        QStringLiteral("object"),
                                        QStringLiteral("step_number")};
const QStringList kOaFileRequired{QStringLiteral("id"),         QStringLiteral("object"),   QStringLiteral("bytes"),
                                  QStringLiteral("created_at"), QStringLiteral("filename"), QStringLiteral("purpose"),
                                  QStringLiteral("status")};
const QStringList kOaModelRequired{QStringLiteral("id"), QStringLiteral("object"), QStringLiteral("created"),
                                   QStringLiteral("owned_by")};
const QStringList kTgTruncatedRequired{QStringLiteral("id"), QStringLiteral("status"), QStringLiteral("created_at"),
                                       QStringLiteral("updated_at")};

const std::array kOperations{
    // OpenAI subset (tests/support/openai-api/openapi-subset.yaml)
    Operation{"openai", "get", Parser::OaJob, "FineTuningJob", kOaJobRequired},
    Operation{"openai", "create", Parser::OaJob, "FineTuningJob", kOaJobRequired},
    Operation{"openai", "cancel", Parser::OaJob, "FineTuningJob", kOaJobRequired},
    Operation{"openai", "list", Parser::OaJobList, "FineTuningJob", kOaJobRequired},
    Operation{"openai", "events", Parser::OaEvents, "FineTuningJobEvent", kOaEventRequired},
    Operation{"openai", "checkpoints", Parser::OaCheckpoints, "FineTuningJobCheckpoint", kOaCheckpointRequired},
    Operation{"openai", "upload", Parser::OaFile, "OpenAIFile", kOaFileRequired},
    Operation{"openai", "models", Parser::OaModels, "Model", kOaModelRequired},
    Operation{"openai",
              "chat",
              Parser::OaChat,
              "CreateChatCompletionResponse",
              {QStringLiteral("choices"), QStringLiteral("created"), QStringLiteral("id"), QStringLiteral("model"),
               QStringLiteral("object")}},
    Operation{"openai",
              "batch-get",
              Parser::OaBatch,
              "Batch",
              {QStringLiteral("id"), QStringLiteral("object"), QStringLiteral("endpoint"), QStringLiteral("input_file_id"),
               QStringLiteral("completion_window"), QStringLiteral("status"), QStringLiteral("created_at")}},
    // Together (tests/support/provider-specs/together-openapi.yaml)
    Operation{"together", "get", Parser::TgJob, "FinetuneResponse", {QStringLiteral("id"), QStringLiteral("status")}},
    Operation{"together", "create-lora", Parser::TgJob, "FinetuneResponseTruncated", kTgTruncatedRequired},
    Operation{"together", "cancel", Parser::TgJob, "FinetuneResponseTruncated", kTgTruncatedRequired},
    Operation{"together", "list", Parser::TgJobList, "FinetuneResponseTruncated", kTgTruncatedRequired},
    Operation{"together",
              "events",
              Parser::TgEvents,
              "FineTuneEvent",
              {QStringLiteral("object"), QStringLiteral("created_at"), QStringLiteral("message"), QStringLiteral("type"),
               QStringLiteral("param_count"), QStringLiteral("token_count"), QStringLiteral("total_steps"),
               QStringLiteral("wandb_url"), QStringLiteral("step"), QStringLiteral("checkpoint_path"),
               QStringLiteral("model_path"), QStringLiteral("training_offset"), QStringLiteral("hash")}},
    Operation{"together",
              "checkpoints",
              Parser::TgCheckpoints,
              "FineTuneCheckpoint",
              {QStringLiteral("step"), QStringLiteral("path"), QStringLiteral("created_at"), QStringLiteral("checkpoint_type")}},
    Operation{"together", "metrics", Parser::TgMetrics, "(inline: {metrics: [{string: number}]})", {}},
    Operation{"together",
              "upload",
              Parser::TgFile,
              "FileResponse",
              {QStringLiteral("id"), QStringLiteral("object"), QStringLiteral("created_at"), QStringLiteral("filename"),
               QStringLiteral("bytes"), QStringLiteral("purpose"), QStringLiteral("FileType"), QStringLiteral("Processed")}},
    Operation{"together",
              "chat",
              Parser::OaChat,
              "ChatCompletionResponse",
              {QStringLiteral("choices"), QStringLiteral("id"), QStringLiteral("created"), QStringLiteral("model"),
               QStringLiteral("object"), QStringLiteral("prompt")}},
    // Azure OpenAI v1 (tests/support/provider-specs/azure-openai-v1.yaml)
    Operation{"azure", "get", Parser::OaJob, "OpenAI.FineTuningJob", kOaJobRequired + QStringList{QStringLiteral("metadata")}},
    Operation{"azure", "create", Parser::OaJob, "OpenAI.FineTuningJob", kOaJobRequired + QStringList{QStringLiteral("metadata")}},
    Operation{"azure", "cancel", Parser::OaJob, "OpenAI.FineTuningJob", kOaJobRequired + QStringList{QStringLiteral("metadata")}},
    Operation{"azure", "list", Parser::OaJobList, "OpenAI.FineTuningJob",
              kOaJobRequired + QStringList{QStringLiteral("metadata")}},
    Operation{"azure", "events", Parser::OaEvents, "OpenAI.FineTuningJobEvent", kOaEventRequired},
    Operation{"azure", "checkpoints", Parser::OaCheckpoints, "OpenAI.FineTuningJobCheckpoint", kOaCheckpointRequired},
    Operation{"azure", "file-get", Parser::OaFile, "AzureOpenAIFile", kOaFileRequired},
    Operation{"azure", "models", Parser::OaModels, "OpenAI.Model", kOaModelRequired},
};

const char *listKey(Parser p)
{
    switch (p) {
    case Parser::OaJobList:
    case Parser::OaEvents:
    case Parser::OaCheckpoints:
    case Parser::OaModels:
    case Parser::TgJobList:
    case Parser::TgEvents:
    case Parser::TgCheckpoints:
        return "data";
    case Parser::TgMetrics:
        return "metrics";
    default:
        return nullptr;
    }
}

bool isOpenAiJob(Parser p)
{
    return p == Parser::OaJob || p == Parser::OaJobList;
}
bool isTogetherJob(Parser p)
{
    return p == Parser::TgJob || p == Parser::TgJobList;
}
bool hasUnixCreatedAt(Parser p)
{
    return isOpenAiJob(p) || p == Parser::OaEvents || p == Parser::OaCheckpoints || p == Parser::OaBatch;
}

// A derived body: `transform` applied to the object, or to every item of its list.
template<typename Fn>
QJsonObject mapObjects(QJsonObject body, Parser p, Fn transform)
{
    const char *key = listKey(p);
    if (!key)
        return transform(body);
    QJsonArray items;
    for (const QJsonValue &v : body.value(QLatin1String(key)).toArray())
        items.append(v.isObject() ? QJsonValue(transform(v.toObject())) : v);
    body[QLatin1String(key)] = items;
    return body;
}

struct Variant
{
    QString name;
    QJsonObject body;
};

// The random body and what the document also allows (or a real server also sends).
QList<Variant> variantsOf(const QJsonObject &body, const Operation &op)
{
    QList<Variant> out{{QStringLiteral("as generated"), body}};
    // Prism's generator always fills optional properties: drop them.
    out.append({QStringLiteral("required only"), mapObjects(body, op.parser, [&op](QJsonObject o) {
                    for (const QString &k : o.keys()) {
                        if (!op.required.contains(k))
                            o.remove(k);
                    }
                    return o;
                })});
    // Optional properties null (the documents mark many nullable; a server may send null for any).
    out.append({QStringLiteral("optional null"), mapObjects(body, op.parser, [&op](QJsonObject o) {
                    for (const QString &k : o.keys()) {
                        if (!op.required.contains(k))
                            o[k] = QJsonValue::Null;
                    }
                    return o;
                })});
    // Fields a later version of the API adds.
    QJsonObject extraBody = mapObjects(body, op.parser, [](QJsonObject o) {
        o[QStringLiteral("x_cinetune_extra")] = QJsonObject{
            {QStringLiteral("nested"), QJsonArray{1, QJsonValue::Null, QStringLiteral("x")}}};
        return o;
    });
    extraBody[QStringLiteral("x_cinetune_envelope")] = QJsonArray{};
    out.append({QStringLiteral("extra fields"), extraBody});
    if (op.parser == Parser::TgMetrics)
        out.append({QStringLiteral("no metrics"), QJsonObject{}}); // `metrics` is not required
    if (isOpenAiJob(op.parser)) {
        out.append({QStringLiteral("error {}"), mapObjects(body, op.parser, [](QJsonObject o) {
                        o[QStringLiteral("error")] = QJsonObject{};
                        return o;
                    })});
        out.append({QStringLiteral("error null"), mapObjects(body, op.parser, [](QJsonObject o) {
                        o[QStringLiteral("error")] = QJsonValue::Null;
                        return o;
                    })});
    }
    if (hasUnixCreatedAt(op.parser)) {
        out.append({QStringLiteral("negative created_at"), mapObjects(body, op.parser, [](QJsonObject o) {
                        o[QStringLiteral("created_at")] = -86400;
                        return o;
                    })});
    }
    if (isTogetherJob(op.parser)) {
        out.append({QStringLiteral("ISO with offset"), mapObjects(body, op.parser, [](QJsonObject o) {
                        o[QStringLiteral("created_at")] = QStringLiteral("2024-05-01T12:00:00.123456+02:00");
                        return o;
                    })});
        out.append({QStringLiteral("Unix created_at"), mapObjects(body, op.parser, [](QJsonObject o) {
                        o[QStringLiteral("created_at")] = 1714557600;
                        return o;
                    })});
    }
    return out;
}

QString text(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isString() ? v.toString() : QString();
}

QJsonArray listOf(const QJsonObject &body, Parser p)
{
    return body.value(QLatin1String(listKey(p))).toArray();
}

int countWithId(const QJsonArray &items, const char *key = "id")
{
    int n = 0;
    for (const QJsonValue &v : items)
        n += text(v.toObject(), key).isEmpty() ? 0 : 1;
    return n;
}

// What an integer Unix time means (the documents: `type: integer`, format unixtime).
std::optional<QDateTime> unixExpected(const QJsonValue &v)
{
    if (!v.isDouble() || v.toDouble() != std::floor(v.toDouble()))
        return std::nullopt;
    return QDateTime::fromSecsSinceEpoch(v.toInteger(), Qt::UTC);
}

// Checks that one OpenAI/Azure job object maps right; "" when it does.
QString checkOpenAiJob(const QJsonObject &o, const FineTuneJob &j, const QStringList &statuses)
{
    if (j.id != text(o, "id"))
        return QStringLiteral("id %1 read as %2").arg(text(o, "id"), j.id);
    const QString raw = text(o, "status");
    if (statuses.contains(raw) && j.status == JobStatus::Unknown)
        return QStringLiteral("documented status \"%1\" read as unknown").arg(raw);
    if (auto t = unixExpected(o.value(QLatin1String("created_at"))); t && j.createdAt != *t)
        return QStringLiteral("created_at %1 read as %2")
            .arg(o.value(QLatin1String("created_at")).toInteger())
            .arg(j.createdAt.toString(Qt::ISODate));
    const QJsonObject err = o.value(QLatin1String("error")).toObject();
    if (text(err, "code").isEmpty() && text(err, "message").isEmpty() && !j.error.isEmpty())
        return QStringLiteral("an empty error read as an error");
    if (raw != QLatin1String("failed") && j.status == JobStatus::Failed)
        return QStringLiteral("status \"%1\" read as failed").arg(raw);
    return {};
}

QString checkTogetherJob(const QJsonObject &o, const FineTuneJob &j, const QStringList &statuses)
{
    if (j.id != text(o, "id"))
        return QStringLiteral("id %1 read as %2").arg(text(o, "id"), j.id);
    const QString raw = text(o, "status");
    if (statuses.contains(raw) && j.status == JobStatus::Unknown)
        return QStringLiteral("documented status \"%1\" read as unknown").arg(raw);
    const QJsonValue created = o.value(QLatin1String("created_at"));
    // `format: date-time` (RFC 3339); a Unix number is read too.
    if ((created.isString() || created.isDouble()) && !j.createdAt.isValid())
        return QStringLiteral("created_at %1 not read")
            .arg(created.isString() ? created.toString() : QString::number(created.toDouble()));
    if (created.isString() && created.toString() == QLatin1String("2024-05-01T12:00:00.123456+02:00")
        && j.createdAt != QDateTime(QDate(2024, 5, 1), QTime(10, 0, 0, 123), Qt::UTC))
        return QStringLiteral("created_at with offset read as %1").arg(j.createdAt.toString(Qt::ISODateWithMs));
    return {};
}

struct Context
{
    QStringList jobStatuses; // the document's job status enum
    QStringList batchStatuses;
};

// "" when `body` parses and maps right under `op`.
QString checkBody(const QJsonObject &body, const Operation &op, ProviderKind kind, const Context &ctx)
{
    const QByteArray bytes = QJsonDocument(body).toJson(QJsonDocument::Compact);
    auto failed = [](const Error &e) { return QStringLiteral("parse error: %1").arg(e.message); };
    switch (op.parser) {
    case Parser::OaJob: {
        auto r = openai::parseJob(bytes, kind);
        return r ? checkOpenAiJob(body, r.value(), ctx.jobStatuses) : failed(r.error());
    }
    case Parser::OaJobList: {
        auto r = openai::parseJobList(bytes, kind);
        if (!r)
            return failed(r.error());
        const QJsonArray items = listOf(body, op.parser);
        if (r->items.size() != countWithId(items))
            return QStringLiteral("%1 jobs read of %2").arg(r->items.size()).arg(items.size());
        for (qsizetype i = 0; i < r->items.size(); ++i) {
            if (QString why = checkOpenAiJob(items.at(i).toObject(), r->items.at(i), ctx.jobStatuses); !why.isEmpty())
                return QStringLiteral("job %1: %2").arg(i).arg(why);
        }
        return {};
    }
    case Parser::OaEvents: {
        auto r = openai::parseEvents(bytes);
        if (!r)
            return failed(r.error());
        const QJsonArray items = listOf(body, op.parser);
        if (r->items.size() != countWithId(items))
            return QStringLiteral("%1 events read of %2").arg(r->items.size()).arg(items.size());
        for (qsizetype i = 0; i < r->items.size(); ++i) {
            const QJsonObject e = items.at(i).toObject();
            if (auto t = unixExpected(e.value(QLatin1String("created_at"))); t && r->items.at(i).createdAt != *t)
                return QStringLiteral("event %1: created_at %2 read as %3")
                    .arg(i)
                    .arg(e.value(QLatin1String("created_at")).toInteger())
                    .arg(r->items.at(i).createdAt.toString(Qt::ISODate));
        }
        return {};
    }
    case Parser::OaCheckpoints: {
        auto r = openai::parseCheckpoints(bytes);
        if (!r)
            return failed(r.error());
        const QJsonArray items = listOf(body, op.parser);
        if (r->items.size() != countWithId(items))
            return QStringLiteral("%1 checkpoints read of %2").arg(r->items.size()).arg(items.size());
        for (qsizetype i = 0; i < r->items.size(); ++i) {
            const QJsonObject c = items.at(i).toObject();
            if (r->items.at(i).model != text(c, "fine_tuned_model_checkpoint"))
                return QStringLiteral("checkpoint %1: model read as %2").arg(i).arg(r->items.at(i).model);
            if (auto t = unixExpected(c.value(QLatin1String("created_at"))); t && r->items.at(i).createdAt != *t)
                return QStringLiteral("checkpoint %1: created_at %2 read as %3")
                    .arg(i)
                    .arg(c.value(QLatin1String("created_at")).toInteger())
                    .arg(r->items.at(i).createdAt.toString(Qt::ISODate));
        }
        return {};
    }
    case Parser::OaFile: {
        auto r = openai::parseFile(bytes);
        if (!r)
            return failed(r.error());
        if (r->id != text(body, "id") || r->status != text(body, "status"))
            return QStringLiteral("file %1/%2 read as %3/%4").arg(text(body, "id"), text(body, "status"), r->id, r->status);
        return {};
    }
    case Parser::OaModels: {
        auto r = openai::parseModels(bytes);
        if (!r)
            return failed(r.error());
        const QJsonArray items = listOf(body, op.parser);
        return r->size() == countWithId(items) ? QString()
                                               : QStringLiteral("%1 models read of %2").arg(r->size()).arg(items.size());
    }
    case Parser::OaChat: {
        auto r = openai::parseChat(bytes);
        const QJsonArray choices = body.value(QLatin1String("choices")).toArray();
        if (choices.isEmpty()) {
            // Valid under the documents (no minItems) but without an answer: must be reported as such.
            return !r && r.error().code == ErrorCode(errc::Provider::Malformed)
                ? QString()
                : QStringLiteral("a chat answer without choices was accepted");
        }
        if (!r)
            return failed(r.error());
        const QJsonValue content =
            choices.first().toObject().value(QLatin1String("message")).toObject().value(QLatin1String("content"));
        if (content.isString() && r->content != content.toString())
            return QStringLiteral("content read as %1").arg(r->content.left(80));
        return {};
    }
    case Parser::OaBatch: {
        auto r = openai::parseBatch(bytes);
        if (!r)
            return failed(r.error());
        const QString raw = text(body, "status");
        if (ctx.batchStatuses.contains(raw) && r->status == BatchState::Unknown)
            return QStringLiteral("documented batch status \"%1\" read as unknown").arg(raw);
        if (auto t = unixExpected(body.value(QLatin1String("created_at"))); t && r->createdAt != *t)
            return QStringLiteral("created_at %1 read as %2")
                .arg(body.value(QLatin1String("created_at")).toInteger())
                .arg(r->createdAt.toString(Qt::ISODate));
        return {};
    }
    case Parser::TgJob: {
        auto r = together::parseJob(bytes);
        return r ? checkTogetherJob(body, r.value(), ctx.jobStatuses) : failed(r.error());
    }
    case Parser::TgJobList: {
        auto r = together::parseJobList(bytes);
        if (!r)
            return failed(r.error());
        const QJsonArray items = listOf(body, op.parser);
        if (r->items.size() != countWithId(items))
            return QStringLiteral("%1 jobs read of %2").arg(r->items.size()).arg(items.size());
        for (qsizetype i = 0; i < r->items.size(); ++i) {
            if (QString why = checkTogetherJob(items.at(i).toObject(), r->items.at(i), ctx.jobStatuses); !why.isEmpty())
                return QStringLiteral("job %1: %2").arg(i).arg(why);
        }
        return {};
    }
    case Parser::TgEvents: {
        auto r = together::parseEvents(bytes);
        if (!r)
            return failed(r.error());
        const qsizetype n = listOf(body, op.parser).size();
        return r->items.size() == n ? QString() : QStringLiteral("%1 events read of %2").arg(r->items.size()).arg(n);
    }
    case Parser::TgCheckpoints: {
        auto r = together::parseCheckpoints(bytes, QStringLiteral("ft-abc"));
        if (!r)
            return failed(r.error());
        // One checkpoint per step ("Final Merged" and "Final Adapter" share the last step), in the
        // order of their first occurrence.
        const QJsonArray items = listOf(body, op.parser);
        QList<QJsonObject> firstOfStep;
        QSet<int> steps;
        for (const QJsonValue &v : items) {
            const int step = v.toObject().value(QLatin1String("step")).toInt();
            if (!steps.contains(step)) {
                steps.insert(step);
                firstOfStep.append(v.toObject());
            }
        }
        if (r->items.size() != firstOfStep.size())
            return QStringLiteral("%1 checkpoints read of %2 distinct steps").arg(r->items.size()).arg(firstOfStep.size());
        for (qsizetype i = 0; i < firstOfStep.size(); ++i) {
            const QString path = text(firstOfStep.at(i), "path");
            if (!path.isEmpty() && r->items.at(i).id != path)
                return QStringLiteral("checkpoint %1: id read as %2").arg(i).arg(r->items.at(i).id);
        }
        return {};
    }
    case Parser::TgMetrics: {
        auto r = together::parseMetrics(bytes);
        if (!r)
            return failed(r.error());
        const QJsonArray items = listOf(body, op.parser);
        if (r->size() != items.size())
            return QStringLiteral("%1 metric points read of %2").arg(r->size()).arg(items.size());
        for (qsizetype i = 0; i < items.size(); ++i) {
            const QJsonValue loss = items.at(i).toObject().value(QLatin1String("train/loss"));
            if (loss.isDouble() && r->at(i).trainLoss != loss.toDouble())
                return QStringLiteral("point %1: train/loss not read").arg(i);
        }
        return {};
    }
    case Parser::TgFile: {
        auto r = together::parseFile(bytes);
        if (!r)
            return failed(r.error());
        return r->id == text(body, "id") ? QString() : QStringLiteral("id read as %1").arg(r->id);
    }
    }
    return QStringLiteral("unhandled parser");
}

struct OperationResult
{
    int responses = 0;       // random bodies parsed
    int documentFlagged = 0; // of which Prism's own check found the body off the document
    int variants = 0;        // derived bodies parsed
    int failures = 0;
    QStringList firstFailures;
    std::map<QString, int> flagged; // Prism's findings on the generated bodies, array indices as N
};

} // namespace

class TestProviderContracts : public QObject
{
    Q_OBJECT

private:
    HttpClient m_http;
    QTemporaryDir m_dir;
    std::map<QString, std::unique_ptr<Served>> m_served;
    std::map<QString, int> m_validated; // requests validated per document
    std::map<QString, OperationResult> m_dynamic;
    std::map<QString, Context> m_context;

    Served &served(const QString &name) { return *m_served.at(name); }

    void fetchDynamic()
    {
        if (!m_dynamic.empty())
            return;
        std::map<QString, QList<HttpRequest>> perSpec;
        std::map<QString, QList<const Operation *>> opsOf;
        for (const Operation &op : kOperations) {
            const Served &s = served(QString::fromLatin1(op.spec));
            for (int i = 0; i < kResponsesPerOperation; ++i) {
                HttpRequest r = buildRequest(s.ep, QString::fromLatin1(op.request));
                if (r.stream)
                    r = asJsonRequest(r);
                r.headers.append(qMakePair(QByteArray("Prefer"),
                                           QStringLiteral("dynamic=true, code=200, seed=%1-%2-%3-%4")
                                               .arg(QLatin1String(kSeed), QLatin1String(op.spec), QLatin1String(op.request))
                                               .arg(i)
                                               .toUtf8()));
                perSpec[s.name].append(r);
                opsOf[s.name].append(&op);
            }
        }
        // One batch per document, all three Prisms at work at once.
        std::map<QString, QList<Result<HttpResponse>>> answers;
        {
            QList<HttpRequest> all;
            QList<QString> specOf;
            for (const auto &[name, list] : perSpec) {
                all += list;
                for (qsizetype i = 0; i < list.size(); ++i)
                    specOf.append(name);
            }
            const auto got = test::roundTripAll(m_http, all, 18, 300000);
            for (qsizetype i = 0; i < got.size(); ++i)
                answers[specOf.at(i)].append(got.at(i));
        }
        for (const auto &[name, list] : answers) {
            for (qsizetype i = 0; i < list.size(); ++i) {
                const Operation &op = *opsOf[name].at(i);
                OperationResult &res = m_dynamic[QStringLiteral("%1 %2").arg(QLatin1String(op.spec), QLatin1String(op.request))];
                auto fail = [&res](const QString &why) {
                    ++res.failures;
                    if (res.firstFailures.size() < 5)
                        res.firstFailures.append(why);
                };
                const Result<HttpResponse> &a = list.at(i);
                if (!a || a->status < 200 || a->status >= 300) {
                    fail(QStringLiteral("no random response: %1")
                             .arg(a ? QStringLiteral("HTTP %1 %2").arg(a->status).arg(QString::fromUtf8(a->body.left(300)))
                                    : a.error().message));
                    continue;
                }
                ++res.responses;
                const QStringList flagged = test::prismViolations(a.value(), QStringLiteral("response"));
                if (!flagged.isEmpty())
                    ++res.documentFlagged;
                static const QRegularExpression index(QStringLiteral("\\.\\d+(?=\\.|:| )"));
                for (QString f : flagged)
                    ++res.flagged[f.replace(index, QStringLiteral(".N"))];
                const QJsonObject body = QJsonDocument::fromJson(a->body).object();
                for (const Variant &v : variantsOf(body, op)) {
                    if (v.name != QLatin1String("as generated"))
                        ++res.variants;
                    if (QString why = checkBody(v.body, op, served(name).kind, m_context[name]); !why.isEmpty())
                        fail(QStringLiteral("response %1 (%2): %3\n      body: %4")
                                 .arg(i % kResponsesPerOperation)
                                 .arg(v.name, why,
                                      QString::fromUtf8(QJsonDocument(v.body).toJson(QJsonDocument::Compact).left(600))));
                }
            }
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString problem;
        const QString prism = test::prismBinary(&problem);
        QVERIFY2(!prism.isEmpty(), qPrintable(problem));
        QVERIFY(m_dir.isValid());
        struct Doc
        {
            const char *name;
            ProviderKind kind;
            const char *source;
            const char *prefix;
            const char *base;
        };
        const Doc docs[] = {
            {"openai", ProviderKind::OpenAI, "tests/support/openai-api/openapi-subset.yaml", "", "/v1"}, // paths carry /v1
            {"together", ProviderKind::Together, "tests/support/provider-specs/together-openapi.yaml", "/v1", "/v1"},
            {"azure", ProviderKind::Azure, "tests/support/provider-specs/azure-openai-v1.yaml", "/openai/v1", "/openai/v1"},
        };
        for (const Doc &d : docs) {
            auto s = std::make_unique<Served>();
            s->name = QString::fromLatin1(d.name);
            s->kind = d.kind;
            s->source = test::sourceDir() + QLatin1Char('/') + QLatin1String(d.source);
            s->pathPrefix = QString::fromLatin1(d.prefix);
            s->basePath = QString::fromLatin1(d.base);
            QVERIFY2(QFileInfo::exists(s->source), qPrintable(s->source));
            const QString copy = m_dir.filePath(s->name + QStringLiteral(".yaml"));
            const int paths = test::writeServedSpec(s->source, copy, s->pathPrefix);
            QVERIFY2(paths > 0, qPrintable(QStringLiteral("could not write the served copy of %1").arg(s->source)));
            // -d: random responses valid under the document; no --errors: a request that breaks it is
            // answered 422 or listed in sl-violations (both checked), and the mock answer still comes.
            QVERIFY2(s->mock.start(prism, copy, {QStringLiteral("-d"), QStringLiteral("-v"), QStringLiteral("fatal")},
                                   m_dir.filePath(s->name + QStringLiteral(".log")), &problem),
                     qPrintable(problem));
            QFile f(s->source);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray yaml = f.readAll();
            Context &ctx = m_context[s->name];
            if (d.kind == ProviderKind::Together)
                ctx.jobStatuses = enumOf(yaml, QStringLiteral("FinetuneJobStatus"), {});
            else if (d.kind == ProviderKind::Azure)
                ctx.jobStatuses = enumOf(yaml, QStringLiteral("OpenAI.FineTuningJob"), QStringLiteral("status"));
            else {
                ctx.jobStatuses = enumOf(yaml, QStringLiteral("FineTuningJob"), QStringLiteral("status"));
                ctx.batchStatuses = enumOf(yaml, QStringLiteral("Batch"), QStringLiteral("status"));
            }
            m_served[s->name] = std::move(s);
        }
        for (auto &[name, s] : m_served) {
            s->ep = Endpoint{s->kind, QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(s->mock.port()).arg(s->basePath)),
                             QStringLiteral("key-prism"), 20000};
            const HttpRequest probe = s->kind == ProviderKind::Together ? together::listJobs(s->ep) : openai::listModels(s->ep);
            QVERIFY2(s->mock.waitReady(m_http, probe, 90000, &problem), qPrintable(problem));
        }
        qInfo("Prism %s; dynamic responses seeded per request with \"%s-<document>-<operation>-<n>\"", qPrintable(prism), kSeed);
    }

    void cleanupTestCase()
    {
        for (const auto &[name, n] : m_validated)
            qInfo("requests validated against the %s document: %d", qPrintable(name), n);
        for (auto &[name, s] : m_served)
            s->mock.stop();
    }

    void requestsValidate_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("which");
        QTest::addColumn<QStringList>("tolerated"); // violations the document itself makes unavoidable (README)
        // Together: no Batch requests: the client refuses batch mode for Together
        // (ProviderClient::supportsBatch), so openai::batchUrl/batchInputLine never see it.
        for (const char *w : {"upload", "create-lora", "create-lora-validation", "create-full", "create-full-validation",
                              "create-max-batch", "get", "list", "cancel", "events", "checkpoints", "metrics", "models", "chat",
                              "chat-json-schema", "chat-stream-body"})
            QTest::addRow("together %s", w) << QStringLiteral("together") << QString::fromLatin1(w) << QStringList{};
        // Azure OpenAI v1: its document has no /chat/completions and no /batches paths, so chat and batch
        // requests cannot be checked against it (the same bodies are checked against OpenAI's).
        QTest::addRow("azure upload") << QStringLiteral("azure") << QStringLiteral("upload")
                                      << QStringList{QStringLiteral(
                                             "request.body: Request body must have required property 'expires_after'")};
        for (const char *w : {"file-get", "create", "create-auto", "get", "list", "list-metadata", "cancel", "events",
                              "events-after", "checkpoints", "checkpoints-after", "models"})
            QTest::addRow("azure %s", w) << QStringLiteral("azure") << QString::fromLatin1(w) << QStringList{};
    }

    void requestsValidate()
    {
        QFETCH(QString, spec);
        QFETCH(QString, which);
        QFETCH(QStringList, tolerated);
        const HttpRequest r = buildRequest(served(spec).ep, which);
        QVERIFY2(!r.url.isEmpty(), "no such request");
        auto response = test::roundTrip(m_http, r);
        QVERIFY2(response, qPrintable(response ? QString() : response.error().message));
        const QStringList violations = test::prismViolations(response.value(), QStringLiteral("request"));
        const QString what = QStringLiteral("%1 %2 -> HTTP %3: %4\n  body sent: %5")
                                 .arg(QString::fromLatin1(r.method), r.url.toString(), QString::number(response->status),
                                      violations.isEmpty() ? QString::fromUtf8(response->body.left(800))
                                                           : violations.join(QStringLiteral("; ")),
                                      QString::fromUtf8(r.body.left(800)));
        if (!tolerated.isEmpty()) {
            QVERIFY2(violations == tolerated,
                     qPrintable(QStringLiteral("expected exactly the known gap of the document; ") + what));
            qInfo("known gap of the document tolerated: %s", qPrintable(tolerated.join(QStringLiteral("; "))));
        } else {
            QVERIFY2(violations.isEmpty() && response->status >= 200 && response->status < 300, qPrintable(what));
        }
        ++m_validated[spec];
    }

    // Negative controls: requests that break each document must be rejected. Prism skips the check of
    // a schema it could not compile, so each schema the valid requests rely on gets one broken request.
    void brokenRequestsAreRejected_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("which");
        QTest::addColumn<QString>("breakage");
        for (const char *spec : {"together", "azure"}) {
            const QString s = QString::fromLatin1(spec);
            QTest::addRow("%s create: body not an object", spec)
                << s << QString::fromLatin1(s == QLatin1String("azure") ? "create" : "create-lora")
                << QStringLiteral("array-body");
            QTest::addRow("%s create: training_file a number", spec)
                << s << QString::fromLatin1(s == QLatin1String("azure") ? "create" : "create-lora")
                << QStringLiteral("training-file-number");
            QTest::addRow("%s upload: no file part", spec) << s << QStringLiteral("upload") << QStringLiteral("no-file");
            QTest::addRow("%s list: no key", spec) << s << QStringLiteral("list") << QStringLiteral("no-auth");
        }
        QTest::addRow("together create: LoRA without lora_r")
            << QStringLiteral("together") << QStringLiteral("create-lora") << QStringLiteral("lora-no-rank");
        QTest::addRow("together chat: messages not an array")
            << QStringLiteral("together") << QStringLiteral("chat") << QStringLiteral("messages-string");
        QTest::addRow("azure create: seed below 0")
            << QStringLiteral("azure") << QStringLiteral("create") << QStringLiteral("negative-seed");
        QTest::addRow("azure list: limit not a number")
            << QStringLiteral("azure") << QStringLiteral("list") << QStringLiteral("limit-text");
    }

    void brokenRequestsAreRejected()
    {
        QFETCH(QString, spec);
        QFETCH(QString, which);
        QFETCH(QString, breakage);
        HttpRequest r = buildRequest(served(spec).ep, which);
        QJsonObject body = QJsonDocument::fromJson(r.body).object();
        if (breakage == QLatin1String("array-body")) {
            r.body = "[]";
        } else if (breakage == QLatin1String("training-file-number")) {
            body[QStringLiteral("training_file")] = 5;
        } else if (breakage == QLatin1String("lora-no-rank")) {
            QJsonObject t = body.value(QLatin1String("training_type")).toObject();
            t.remove(QStringLiteral("lora_r"));
            body[QStringLiteral("training_type")] = t;
        } else if (breakage == QLatin1String("messages-string")) {
            body[QStringLiteral("messages")] = QStringLiteral("hi");
        } else if (breakage == QLatin1String("negative-seed")) {
            body[QStringLiteral("seed")] = -1;
        } else if (breakage == QLatin1String("no-file")) {
            QByteArray contentType;
            r.body = multipartBody({{"purpose", "fine-tune", {}, {}}, {"file_name", "train.jsonl", {}, {}}}, "cinetuneBoundary",
                                   &contentType);
            for (auto &h : r.headers) {
                if (h.first == "Content-Type")
                    h.second = contentType;
            }
        } else if (breakage == QLatin1String("no-auth")) {
            r.headers.removeIf([](const auto &h) { return h.first == "Authorization" || h.first == "api-key"; });
        } else if (breakage == QLatin1String("limit-text")) {
            QUrlQuery q(r.url);
            q.removeAllQueryItems(QStringLiteral("limit"));
            q.addQueryItem(QStringLiteral("limit"), QStringLiteral("many"));
            r.url.setQuery(q);
        }
        if (!body.isEmpty() && breakage != QLatin1String("array-body") && breakage != QLatin1String("no-file"))
            r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        auto response = test::roundTrip(m_http, r);
        QVERIFY2(response, qPrintable(response ? QString() : response.error().message));
        const QStringList violations = test::prismViolations(response.value(), QStringLiteral("request"));
        QVERIFY2(response->status >= 400 && response->status < 500,
                 qPrintable(QStringLiteral("a broken request was accepted (HTTP %1): Prism did not validate %2 %3")
                                .arg(response->status)
                                .arg(QString::fromLatin1(r.method), r.url.toString())));
        if (breakage != QLatin1String("no-auth"))
            QVERIFY2(!violations.isEmpty(),
                     qPrintable(QStringLiteral("HTTP %1 without a request violation: %2")
                                    .arg(response->status)
                                    .arg(QString::fromUtf8(response->body.left(500)))));
    }

    // Every status value a document lists maps to a known normalized status (collected from the
    // document; the expected mapping is ours).
    void documentedStatusesAreKnown_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("schema");
        QTest::addColumn<QString>("property");
        QTest::addColumn<QStringList>("expected"); // "<value>=<normalized id>", in the document's order
        const QStringList openAiJob{QStringLiteral("validating_files=validating"),
                                    QStringLiteral("queued=queued"),
                                    QStringLiteral("running=running"),
                                    QStringLiteral("succeeded=succeeded"),
                                    QStringLiteral("failed=failed"),
                                    QStringLiteral("cancelled=cancelled")};
        QTest::newRow("openai FineTuningJob.status")
            << QStringLiteral("openai") << QStringLiteral("FineTuningJob") << QStringLiteral("status") << openAiJob;
        QTest::newRow("azure OpenAI.FineTuningJob.status")
            << QStringLiteral("azure") << QStringLiteral("OpenAI.FineTuningJob") << QStringLiteral("status") << openAiJob;
        QTest::newRow("together FinetuneJobStatus")
            << QStringLiteral("together") << QStringLiteral("FinetuneJobStatus") << QString()
            << QStringList{QStringLiteral("pending=queued"),       QStringLiteral("queued=queued"),
                           QStringLiteral("running=running"),      QStringLiteral("compressing=finalizing"),
                           QStringLiteral("uploading=finalizing"), QStringLiteral("cancel_requested=cancelling"),
                           QStringLiteral("cancelled=cancelled"),  QStringLiteral("error=failed"),
                           QStringLiteral("completed=succeeded")};
        QTest::newRow("openai Batch.status")
            << QStringLiteral("openai") << QStringLiteral("Batch") << QStringLiteral("status")
            << QStringList{QStringLiteral("validating=validating"),   QStringLiteral("failed=failed"),
                           QStringLiteral("in_progress=in_progress"), QStringLiteral("finalizing=finalizing"),
                           QStringLiteral("completed=completed"),     QStringLiteral("expired=expired"),
                           QStringLiteral("cancelling=cancelling"),   QStringLiteral("cancelled=cancelled")};
    }

    void documentedStatusesAreKnown()
    {
        QFETCH(QString, spec);
        QFETCH(QString, schema);
        QFETCH(QString, property);
        QFETCH(QStringList, expected);
        QFile f(served(spec).source);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList values = enumOf(f.readAll(), schema, property);
        QStringList documented;
        for (const QString &e : expected)
            documented.append(e.section(QLatin1Char('='), 0, 0));
        // The table must follow the document: a new status there fails here until it is mapped.
        QCOMPARE(values, documented);
        for (const QString &e : expected) {
            const QString value = e.section(QLatin1Char('='), 0, 0);
            const QString id = e.section(QLatin1Char('='), 1);
            QString got;
            if (schema == QLatin1String("Batch"))
                got = batchStateId(batchStateFromId(value));
            else if (spec == QLatin1String("together"))
                got = jobStatusId(normalizeTogetherStatus(value));
            else
                got = jobStatusId(normalizeOpenAiStatus(value));
            QVERIFY2(got == id, qPrintable(QStringLiteral("%1 -> %2, expected %3").arg(value, got, id)));
        }
    }

    void dynamicResponsesParse_data()
    {
        QTest::addColumn<QString>("key");
        for (const Operation &op : kOperations)
            QTest::addRow("%s %s (%s)", op.spec, op.request, op.schema)
                << QStringLiteral("%1 %2").arg(QLatin1String(op.spec), QLatin1String(op.request));
    }

    void dynamicResponsesParse()
    {
        QFETCH(QString, key);
        QElapsedTimer t;
        t.start();
        fetchDynamic();
        if (t.elapsed() > 1000)
            qInfo("fetched %d random responses for each of %d operations in %.1f s", kResponsesPerOperation,
                  int(kOperations.size()), double(t.elapsed()) / 1000.0);
        const OperationResult &res = m_dynamic[key];
        qInfo(
            "%s: %d random responses parsed (%d of them off the document by Prism's own check), %d derived variants, %d failures",
            qPrintable(key), res.responses, res.documentFlagged, res.variants, res.failures);
        // Where Prism's generator strayed from the document (ambiguous oneOf, enum `null` next to
        // `type: string`, exclusive minimums): the bodies are still parsed, as a server might send them.
        QStringList where;
        for (const auto &[what, n] : res.flagged) {
            const QString path = what.section(QLatin1Char(':'), 0, 0);
            if (!where.contains(path))
                where.append(path);
        }
        if (!where.isEmpty())
            qInfo("    off the document at: %s%s", qPrintable(where.mid(0, 4).join(QStringLiteral(", "))),
                  where.size() > 4 ? " ..." : "");
        QVERIFY2(res.failures == 0, qPrintable(res.firstFailures.join(QStringLiteral("\n    "))));
        QCOMPARE(res.responses, kResponsesPerOperation);
    }
};

QTEST_GUILESS_MAIN(TestProviderContracts)
#include "tst_providercontracts.moc"
