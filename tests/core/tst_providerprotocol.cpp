// Pure request builders, response parsers and HTTP helpers of core/providers, data-driven from
// the documented API shapes of OpenAI (and Azure v1) and Together AI. No sockets.
#include "core/providers/finetunejob.h"
#include "core/providers/httptypes.h"
#include "core/providers/openaiprotocol.h"
#include "core/providers/providererrors.h"
#include "core/providers/providerprofile.h"
#include "core/simulator/faultrule.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace cinetune;

namespace {

QJsonObject obj(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

Endpoint ep(ProviderKind kind, const char *base)
{
    return Endpoint{kind, QUrl(QString::fromLatin1(base)), QStringLiteral("sk-secret-key-123"), 30000};
}

} // namespace

class TestProviderProtocol : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void goDurations_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<qint64>("ms"); // -1 = invalid
        QTest::newRow("6m0s") << QByteArray("6m0s") << qint64(360000);
        QTest::newRow("12ms") << QByteArray("12ms") << qint64(12);
        QTest::newRow("1s") << QByteArray("1s") << qint64(1000);
        QTest::newRow("1.5s") << QByteArray("1.5s") << qint64(1500);
        QTest::newRow("1h2m3s") << QByteArray("1h2m3s") << qint64(3723000);
        QTest::newRow("250us") << QByteArray("250us") << qint64(1);
        QTest::newRow("bare") << QByteArray("2") << qint64(2000);
        QTest::newRow("empty") << QByteArray("") << qint64(-1);
        QTest::newRow("junk") << QByteArray("soon") << qint64(-1);
        QTest::newRow("unit") << QByteArray("5d") << qint64(-1);
    }
    void goDurations()
    {
        QFETCH(QByteArray, text);
        QFETCH(qint64, ms);
        const auto v = parseGoDurationMs(text);
        QCOMPARE(v.value_or(-1), ms);
    }

    void retryDelays_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QList<QByteArray>>("headers"); // name, value, name, value ...
        QTest::addColumn<qint64>("expected");           // -1 = none
        QTest::newRow("retry-after") << 429 << QList<QByteArray>{"Retry-After", "7"} << qint64(7000);
        QTest::newRow("retry-after-ms") << 429 << QList<QByteArray>{"retry-after-ms", "250"} << qint64(250);
        QTest::newRow("reset requests") << 429 << QList<QByteArray>{"x-ratelimit-remaining-requests", "0",
                                                                    "x-ratelimit-reset-requests",     "6m0s",
                                                                    "x-ratelimit-remaining-tokens",   "5000",
                                                                    "x-ratelimit-reset-tokens",       "1s"}
                                        << qint64(360000);
        QTest::newRow("reset tokens") << 429 << QList<QByteArray>{"x-ratelimit-remaining-requests", "10",
                                                                  "x-ratelimit-reset-requests",     "6m0s",
                                                                  "x-ratelimit-remaining-tokens",   "0",
                                                                  "x-ratelimit-reset-tokens",       "12ms"}
                                      << qint64(12);
        QTest::newRow("unknown remaining: longest")
            << 429 << QList<QByteArray>{"x-ratelimit-reset-requests", "2s", "x-ratelimit-reset-tokens", "3s"} << qint64(3000);
        QTest::newRow("503 retry-after") << 503 << QList<QByteArray>{"Retry-After", "2"} << qint64(2000);
        QTest::newRow("none") << 500 << QList<QByteArray>{} << qint64(-1);
    }
    void retryDelays()
    {
        QFETCH(int, status);
        QFETCH(QList<QByteArray>, headers);
        QFETCH(qint64, expected);
        HttpResponse r;
        r.status = status;
        for (int i = 0; i + 1 < headers.size(); i += 2)
            r.headers.append(qMakePair(headers[i], headers[i + 1]));
        QCOMPARE(serverRetryDelayMs(r, QDateTime::currentDateTimeUtc()).value_or(-1), expected);
    }

    void backoff()
    {
        RetryPolicy p;
        p.baseDelayMs = 500;
        p.maxDelayMs = 8000;
        p.jitter = 0.25;
        QCOMPARE(retryDelayMs(p, 1, std::nullopt, 0.5), 500);
        QCOMPARE(retryDelayMs(p, 2, std::nullopt, 0.5), 1000);
        QCOMPARE(retryDelayMs(p, 3, std::nullopt, 0.5), 2000);
        QCOMPARE(retryDelayMs(p, 10, std::nullopt, 0.5), 8000); // capped
        QCOMPARE(retryDelayMs(p, 1, std::nullopt, 0.0), 375);   // jitter -25 %
        QVERIFY(retryDelayMs(p, 1, std::nullopt, 0.999) <= 625);
        QVERIFY(retryDelayMs(p, 1, qint64(7000), 0.0) >= 7000); // never earlier than the server asked
        QVERIFY(isRetryableStatus(408) && isRetryableStatus(409) && isRetryableStatus(429) && isRetryableStatus(502));
        QVERIFY(!isRetryableStatus(400) && !isRetryableStatus(401) && !isRetryableStatus(404));
    }

    void redaction()
    {
        const HttpHeaders h = redactedHeaders({qMakePair(QByteArray("Authorization"), QByteArray("Bearer sk-abc")),
                                               qMakePair(QByteArray("api-key"), QByteArray("azure-key")),
                                               qMakePair(QByteArray("Accept"), QByteArray("application/json"))});
        QCOMPARE(h[0].second, QByteArray("<redacted>"));
        QCOMPARE(h[1].second, QByteArray("<redacted>"));
        QCOMPARE(h[2].second, QByteArray("application/json"));
        QCOMPARE(redactSecret(QStringLiteral("key sk-abcdef was wrong"), QStringLiteral("sk-abcdef")),
                 QStringLiteral("key <redacted> was wrong"));
    }

    void profileValidation_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("code"); // "" = valid
        QTest::newRow("openai default") << "openai"
                                        << ""
                                        << "";
        QTest::newRow("azure https") << "azure"
                                     << "https://res.openai.azure.com/openai/v1"
                                     << "";
        QTest::newRow("azure missing") << "azure"
                                       << ""
                                       << "profile.url";
        QTest::newRow("http remote") << "openai-compatible"
                                     << "http://example.com/v1"
                                     << "profile.insecure_url";
        QTest::newRow("http loopback") << "openai-compatible"
                                       << "http://127.0.0.1:8000/v1"
                                       << "";
        QTest::newRow("http localhost") << "openai-compatible"
                                        << "http://localhost:11434/v1"
                                        << "";
        QTest::newRow("http ::1") << "openai-compatible"
                                  << "http://[::1]:8000/v1"
                                  << "";
        QTest::newRow("http 127.1.2.3") << "openai-compatible"
                                        << "http://127.1.2.3/v1"
                                        << "";
        QTest::newRow("http lookalike") << "openai-compatible"
                                        << "http://127.0.0.1.evil.com/v1"
                                        << "profile.insecure_url";
        QTest::newRow("ftp") << "openai-compatible"
                             << "ftp://x/v1"
                             << "profile.url";
        QTest::newRow("user info") << "openai-compatible"
                                   << "https://u:p@x.com/v1"
                                   << "profile.url";
        QTest::newRow("simulator remote") << "simulator"
                                          << "https://x.com/v1"
                                          << "profile.url";
    }
    void profileValidation()
    {
        QFETCH(QString, kind);
        QFETCH(QString, url);
        QFETCH(QString, code);
        ProviderProfile p;
        p.name = QStringLiteral("p");
        p.kind = *providerKindFromId(kind);
        p.baseUrl = QUrl(url);
        const Status s = p.validate();
        QCOMPARE(s.ok() ? QString() : s.error().code.id(), code);
    }

    void keyFromEnvironmentNeverEchoed()
    {
        ProviderProfile p;
        p.name = QStringLiteral("t");
        p.kind = ProviderKind::Together;
        auto none = resolveApiKey(p, [](const QString &) { return QString(); });
        QVERIFY(!none);
        QCOMPARE(none.error().code, ErrorCode(errc::Provider::NoKey));
        QVERIFY(none.error().message.contains(QLatin1String("TOGETHER_API_KEY")));
        p.keyVariable = QStringLiteral("MY_KEY");
        auto key = resolveApiKey(
            p, [](const QString &n) { return n == QLatin1String("MY_KEY") ? QStringLiteral("tk-1") : QString(); });
        QVERIFY(key);
        QCOMPARE(key.value(), QStringLiteral("tk-1"));
    }

    void authHeaders_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("openai") << "openai" << QByteArray("Authorization") << QByteArray("Bearer sk-secret-key-123");
        QTest::newRow("azure") << "azure" << QByteArray("api-key") << QByteArray("sk-secret-key-123");
        QTest::newRow("together") << "together" << QByteArray("Authorization") << QByteArray("Bearer sk-secret-key-123");
    }
    void authHeaders()
    {
        QFETCH(QString, kind);
        QFETCH(QByteArray, header);
        QFETCH(QByteArray, value);
        const HttpRequest r = openai::listModels(ep(*providerKindFromId(kind), "https://h.example/v1"));
        QCOMPARE(r.header(header), value);
        if (header == "api-key")
            QVERIFY(r.header("Authorization").isEmpty());
    }

    void requestUrls_data()
    {
        QTest::addColumn<QString>("which");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("url");
        QTest::newRow("models") << "models" << QByteArray("GET") << "https://api.openai.com/v1/models";
        QTest::newRow("create") << "create" << QByteArray("POST") << "https://api.openai.com/v1/fine_tuning/jobs";
        QTest::newRow("get") << "get" << QByteArray("GET") << "https://api.openai.com/v1/fine_tuning/jobs/ftjob-1";
        QTest::newRow("list")
            << "list" << QByteArray("GET")
            << "https://api.openai.com/v1/fine_tuning/jobs?after=ftjob-9&limit=100&metadata[cinetune_request]=t1";
        QTest::newRow("cancel") << "cancel" << QByteArray("POST") << "https://api.openai.com/v1/fine_tuning/jobs/ftjob-1/cancel";
        QTest::newRow("events") << "events" << QByteArray("GET")
                                << "https://api.openai.com/v1/fine_tuning/jobs/ftjob-1/events?after=ev-2&limit=100";
        QTest::newRow("checkpoints") << "checkpoints" << QByteArray("GET")
                                     << "https://api.openai.com/v1/fine_tuning/jobs/ftjob-1/checkpoints?limit=100";
        QTest::newRow("upload") << "upload" << QByteArray("POST") << "https://api.openai.com/v1/files";
        QTest::newRow("azure upload") << "azure-upload" << QByteArray("POST") << "https://r.openai.azure.com/openai/v1/files";
        QTest::newRow("together upload") << "t-upload" << QByteArray("POST") << "https://api.together.xyz/v1/files/upload";
        QTest::newRow("together create") << "t-create" << QByteArray("POST") << "https://api.together.xyz/v1/fine-tunes";
        QTest::newRow("together get") << "t-get" << QByteArray("GET") << "https://api.together.xyz/v1/fine-tunes/ft-1";
        QTest::newRow("together cancel") << "t-cancel" << QByteArray("POST")
                                         << "https://api.together.xyz/v1/fine-tunes/ft-1/cancel";
        QTest::newRow("together events") << "t-events" << QByteArray("GET")
                                         << "https://api.together.xyz/v1/fine-tunes/ft-1/events";
        QTest::newRow("together checkpoints")
            << "t-ckpt" << QByteArray("GET") << "https://api.together.xyz/v1/fine-tunes/ft-1/checkpoints";
        QTest::newRow("together metrics") << "t-metrics" << QByteArray("GET")
                                          << "https://api.together.xyz/v1/fine-tunes/ft-1/metrics";
    }
    void requestUrls()
    {
        QFETCH(QString, which);
        QFETCH(QByteArray, method);
        QFETCH(QString, url);
        const Endpoint o = ep(ProviderKind::OpenAI, "https://api.openai.com/v1/");
        const Endpoint a = ep(ProviderKind::Azure, "https://r.openai.azure.com/openai/v1");
        const Endpoint t = ep(ProviderKind::Together, "https://api.together.xyz/v1");
        JobRequest jr;
        jr.trainingFile = QStringLiteral("file-1");
        HttpRequest r;
        if (which == QLatin1String("models"))
            r = openai::listModels(o);
        else if (which == QLatin1String("create"))
            r = openai::createJob(o, jr);
        else if (which == QLatin1String("get"))
            r = openai::getJob(o, QStringLiteral("ftjob-1"));
        else if (which == QLatin1String("list"))
            r = openai::listJobs(o, QStringLiteral("ftjob-9"), 100,
                                 QJsonObject{{QStringLiteral("cinetune_request"), QStringLiteral("t1")}});
        else if (which == QLatin1String("cancel"))
            r = openai::cancelJob(o, QStringLiteral("ftjob-1"));
        else if (which == QLatin1String("events"))
            r = openai::listEvents(o, QStringLiteral("ftjob-1"), QStringLiteral("ev-2"), 100);
        else if (which == QLatin1String("checkpoints"))
            r = openai::listCheckpoints(o, QStringLiteral("ftjob-1"));
        else if (which == QLatin1String("upload"))
            r = openai::uploadFile(o, QStringLiteral("t.jsonl"), "x", "B");
        else if (which == QLatin1String("azure-upload"))
            r = openai::uploadFile(a, QStringLiteral("t.jsonl"), "x", "B");
        else if (which == QLatin1String("t-upload"))
            r = together::uploadFile(t, QStringLiteral("t.jsonl"), "x", "B");
        else if (which == QLatin1String("t-create"))
            r = together::createJob(t, jr);
        else if (which == QLatin1String("t-get"))
            r = together::getJob(t, QStringLiteral("ft-1"));
        else if (which == QLatin1String("t-cancel"))
            r = together::cancelJob(t, QStringLiteral("ft-1"));
        else if (which == QLatin1String("t-events"))
            r = together::listEvents(t, QStringLiteral("ft-1"));
        else if (which == QLatin1String("t-ckpt"))
            r = together::listCheckpoints(t, QStringLiteral("ft-1"));
        else if (which == QLatin1String("t-metrics"))
            r = together::metrics(t, QStringLiteral("ft-1"));
        QCOMPARE(r.method, method);
        QCOMPARE(r.url.toString(QUrl::FullyEncoded), url);
    }

    void createBodies_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<bool>("lora");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("openai table-1 defaults")
            << "openai" << true
            << QByteArray(
                   R"({"model":"gpt-4o-mini-2024-07-18","training_file":"file-t","validation_file":"file-v","suffix":"cine","seed":7,
                "metadata":{"cinetune_request":"tag"},
                "method":{"type":"supervised","supervised":{"hyperparameters":{"n_epochs":2,"batch_size":32,"learning_rate_multiplier":1}}}})");
        QTest::newRow("together lora")
            << "together" << true
            << QByteArray(
                   R"({"model":"gpt-4o-mini-2024-07-18","training_file":"file-t","validation_file":"file-v","n_evals":2,"n_epochs":2,
                "n_checkpoints":2,"batch_size":32,"learning_rate":1e-05,"suffix":"cine","random_seed":7,
                "training_method":{"method":"sft","train_on_inputs":false},
                "training_type":{"type":"Lora","lora_r":8,"lora_alpha":16,"lora_dropout":0,"lora_trainable_modules":"all-linear"}})");
        QTest::newRow("together full")
            << "together" << false
            << QByteArray(
                   R"({"model":"gpt-4o-mini-2024-07-18","training_file":"file-t","validation_file":"file-v","n_evals":2,"n_epochs":2,
                "n_checkpoints":2,"batch_size":32,"learning_rate":1e-05,"suffix":"cine","random_seed":7,
                "training_method":{"method":"sft","train_on_inputs":false},"training_type":{"type":"Full"}})");
    }
    void createBodies()
    {
        QFETCH(QString, kind);
        QFETCH(bool, lora);
        QFETCH(QByteArray, expected);
        JobRequest r;
        r.trainingFile = QStringLiteral("file-t");
        r.validationFile = QStringLiteral("file-v");
        r.suffix = QStringLiteral("cine");
        r.seed = 7;
        r.lora = lora;
        QJsonObject body;
        if (kind == QLatin1String("together")) {
            body = together::createJobBody(r);
        } else {
            r.metadata[QStringLiteral("cinetune_request")] = QStringLiteral("tag");
            body = openai::createJobBody(ProviderKind::OpenAI, r);
        }
        QCOMPARE(body, obj(expected));
    }

    void autoHyperparameters()
    {
        JobRequest r;
        r.trainingFile = QStringLiteral("f");
        r.batchSize = 0;
        r.learningRateMultiplier = 0;
        const QJsonObject hp = openai::createJobBody(ProviderKind::OpenAI, r)[QStringLiteral("method")]
                                   .toObject()[QStringLiteral("supervised")]
                                   .toObject()[QStringLiteral("hyperparameters")]
                                   .toObject();
        QCOMPARE(hp[QStringLiteral("batch_size")].toString(), QStringLiteral("auto"));
        QCOMPARE(hp[QStringLiteral("learning_rate_multiplier")].toString(), QStringLiteral("auto"));
        QCOMPARE(together::createJobBody(r)[QStringLiteral("batch_size")].toString(), QStringLiteral("max"));
    }

    void jobValidation_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("epochs");
        QTest::addColumn<QString>("suffix");
        QTest::addColumn<bool>("valid");
        QTest::newRow("ok") << "openai" << 2 << "cine" << true;
        QTest::newRow("0 epochs") << "openai" << 0 << "" << false;
        QTest::newRow("50 epochs openai") << "openai" << 50 << "" << true;
        QTest::newRow("21 epochs together") << "together" << 21 << "" << false;
        QTest::newRow("64 suffix openai") << "openai" << 2 << QString(64, QLatin1Char('a')) << true;
        QTest::newRow("41 suffix azure") << "azure" << 2 << QString(41, QLatin1Char('a')) << false;
        QTest::newRow("bad chars") << "openai" << 2 << "a b" << false;
    }
    void jobValidation()
    {
        QFETCH(QString, kind);
        QFETCH(int, epochs);
        QFETCH(QString, suffix);
        QFETCH(bool, valid);
        JobRequest r;
        r.trainingFile = QStringLiteral("f");
        r.epochs = epochs;
        r.suffix = suffix;
        QCOMPARE(validateJobRequest(*providerKindFromId(kind), r).ok(), valid);
    }

    void multipart()
    {
        QByteArray ct;
        const QByteArray body = multipartBody(
            {{"purpose", "fine-tune", {}, {}}, {"file", "{}\n", "a.jsonl", "application/jsonl"}}, "XyZ", &ct);
        QCOMPARE(ct, QByteArray("multipart/form-data; boundary=XyZ"));
        QCOMPARE(body,
                 QByteArray("--XyZ\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nfine-tune\r\n"
                            "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jsonl\"\r\n"
                            "Content-Type: application/jsonl\r\n\r\n{}\n\r\n--XyZ--\r\n"));
        const HttpRequest t = together::uploadFile(ep(ProviderKind::Together, "https://api.together.xyz/v1"),
                                                   QStringLiteral("a.jsonl"), "{}", "B");
        QVERIFY(t.body.contains("name=\"file_name\"\r\n\r\na.jsonl"));
        QVERIFY(t.body.contains("name=\"purpose\"\r\n\r\nfine-tune"));
    }

    void statuses_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("normalized");
        QTest::newRow("oa validating") << "openai"
                                       << "validating_files"
                                       << "validating";
        QTest::newRow("oa queued") << "openai"
                                   << "queued"
                                   << "queued";
        QTest::newRow("azure pending") << "openai"
                                       << "pending"
                                       << "queued";
        QTest::newRow("oa running") << "openai"
                                    << "running"
                                    << "running";
        QTest::newRow("oa paused") << "openai"
                                   << "paused"
                                   << "paused";
        QTest::newRow("oa succeeded") << "openai"
                                      << "succeeded"
                                      << "succeeded";
        QTest::newRow("oa failed") << "openai"
                                   << "failed"
                                   << "failed";
        QTest::newRow("oa cancelled") << "openai"
                                      << "cancelled"
                                      << "cancelled";
        QTest::newRow("oa new") << "openai"
                                << "warming_up"
                                << "unknown";
        QTest::newRow("t pending") << "together"
                                   << "pending"
                                   << "queued";
        QTest::newRow("t compressing") << "together"
                                       << "compressing"
                                       << "finalizing";
        QTest::newRow("t uploading") << "together"
                                     << "uploading"
                                     << "finalizing";
        QTest::newRow("t cancel_requested") << "together"
                                            << "cancel_requested"
                                            << "cancelling";
        QTest::newRow("t error") << "together"
                                 << "error"
                                 << "failed";
        QTest::newRow("t completed") << "together"
                                     << "completed"
                                     << "succeeded";
        QTest::newRow("t failed is not theirs") << "together"
                                                << "failed"
                                                << "unknown";
    }
    void statuses()
    {
        QFETCH(QString, provider);
        QFETCH(QString, raw);
        QFETCH(QString, normalized);
        const JobStatus s = provider == QLatin1String("together") ? normalizeTogetherStatus(raw) : normalizeOpenAiStatus(raw);
        QCOMPARE(jobStatusId(s), normalized);
        QCOMPARE(isTerminal(s),
                 normalized == QLatin1String("succeeded") || normalized == QLatin1String("failed")
                     || normalized == QLatin1String("cancelled"));
    }

    void parseOpenAiJob()
    {
        // The spec's example plus lenient cases (error {}, extra keys).
        const QByteArray body =
            R"({"object":"fine_tuning.job","id":"ftjob-abc123","model":"gpt-4o-mini-2024-07-18","created_at":1721764800,
            "finished_at":1721768400,"fine_tuned_model":"ft:gpt-4o-mini-2024-07-18:org:cine:7p4lURel","organization_id":"org-123",
            "result_files":["file-abc123"],"status":"succeeded","validation_file":null,"training_file":"file-abc123",
            "hyperparameters":{"n_epochs":2,"batch_size":32,"learning_rate_multiplier":1},"trained_tokens":5768,"error":{},
            "user_provided_suffix":"cine","seed":42,"metadata":{"cinetune_request":"t1"},"shared_with_openai":false})";
        auto j = openai::parseJob(body);
        QVERIFY(j);
        QCOMPARE(j->id, QStringLiteral("ftjob-abc123"));
        QCOMPARE(j->status, JobStatus::Succeeded);
        QCOMPARE(j->fineTunedModel, QStringLiteral("ft:gpt-4o-mini-2024-07-18:org:cine:7p4lURel"));
        QCOMPARE(j->trainedTokens.value_or(0), qint64(5768));
        QCOMPARE(j->epochs.value_or(0), 2);
        QCOMPARE(j->suffix, QStringLiteral("cine"));
        QVERIFY(j->error.isEmpty());
        QCOMPARE(j->createdAt, QDateTime::fromSecsSinceEpoch(1721764800, Qt::UTC));
        QVERIFY(!j->needsDeployment);
        auto azure = openai::parseJob(body, ProviderKind::Azure);
        QVERIFY(azure->needsDeployment);
    }

    void parseOpenAiEventsAndCheckpoints()
    {
        const QByteArray events = R"({"object":"list","has_more":true,"data":[
            {"object":"fine_tuning.job.event","id":"ftevent-2","created_at":1693582679,"level":"info",
             "message":"Step 300/300: training loss=0.15, validation loss=0.27, full validation loss=0.40",
             "data":{"step":300,"train_loss":0.1499,"valid_loss":0.2657,"total_steps":300,"full_valid_loss":0.4033,
                     "train_mean_token_accuracy":0.9444,"valid_mean_token_accuracy":0.9565,"full_valid_mean_token_accuracy":0.9090},
             "type":"metrics"},
            {"object":"fine_tuning.job.event","id":"ftevent-1","created_at":1693582600,"level":"info","message":"Job started","data":null,"type":"message"},
            {"object":"fine_tuning.job.event","created_at":1,"level":"info","message":"no id"}]})";
        auto page = openai::parseEvents(events);
        QVERIFY(page);
        QCOMPARE(page->items.size(), 2);
        QVERIFY(page->hasMore);
        QCOMPARE(page->lastId, QStringLiteral("ftevent-1"));
        const MetricsSeries s = MetricsSeries::fromEvents(page->items);
        QCOMPARE(s.points.size(), 1);
        QCOMPARE(s.points[0].step, 300);
        QCOMPARE(*s.points[0].trainLoss, 0.1499);
        QCOMPARE(*s.points[0].fullValidLoss, 0.4033);
        QCOMPARE(*s.points[0].validAccuracy, 0.9565);
        QCOMPARE(s.points[0].totalSteps.value_or(0), 300);

        const QByteArray cps =
            R"({"object":"list","first_id":"ftckpt_zc4Q7MP6XxulcVzj4MZdwsAB","last_id":"ftckpt_enQCFmOTGj3syEpYVhBRLTSy","has_more":false,
            "data":[{"object":"fine_tuning.job.checkpoint","id":"ftckpt_zc4Q7MP6XxulcVzj4MZdwsAB","created_at":1721764867,
                     "fine_tuned_model_checkpoint":"ft:gpt-4o-mini-2024-07-18:my-org:custom-suffix:96olL566:ckpt-step-2000",
                     "metrics":{"full_valid_loss":0.134,"full_valid_mean_token_accuracy":0.874},"fine_tuning_job_id":"ftjob-abc123","step_number":2000},
                    {"object":"fine_tuning.job.checkpoint","id":"ftckpt_enQCFmOTGj3syEpYVhBRLTSy","created_at":1721764800,
                     "fine_tuned_model_checkpoint":"ft:gpt-4o-mini-2024-07-18:my-org:custom-suffix:7q8mpxmy:ckpt-step-1000",
                     "metrics":{"full_valid_loss":0.167,"full_valid_mean_token_accuracy":0.781},"fine_tuning_job_id":"ftjob-abc123","step_number":1000}]})";
        auto cp = openai::parseCheckpoints(cps);
        QVERIFY(cp);
        QCOMPARE(cp->items.size(), 2);
        QCOMPARE(cp->items[0].step, 2000);
        QCOMPARE(cp->items[0].metrics.step, 2000);
        QCOMPARE(*cp->items[1].metrics.fullValidLoss, 0.167);
        QVERIFY(cp->items[0].model.endsWith(QLatin1String("ckpt-step-2000")));
        QCOMPARE(cp->lastId, QStringLiteral("ftckpt_enQCFmOTGj3syEpYVhBRLTSy"));
    }

    // GET /models: OpenAI's list envelope, and Together's bare array (ModelInfoList in its OpenAPI document).
    void parseModelLists()
    {
        auto openaiList = openai::parseModels(
            R"({"object":"list","data":[{"id":"gpt-4o-mini","object":"model","created":1,"owned_by":"system"}]})");
        QVERIFY(openaiList);
        QCOMPARE(openaiList->size(), 1);
        auto togetherList = openai::parseModels(
            R"([{"id":"meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo","object":"model","created":1692896905,"type":"chat","display_name":"Llama 3.1 8B","organization":"Meta"},{"id":"x","object":"model","created":1,"type":"chat"}])");
        QVERIFY2(togetherList, qPrintable(togetherList ? QString() : togetherList.error().message));
        QCOMPARE(togetherList->size(), 2);
        QCOMPARE(togetherList->first().id, QStringLiteral("meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo"));
        QVERIFY(!openai::parseModels(R"({"object":"list"})"));
    }

    void parseTogether()
    {
        const QByteArray job = R"({"id":"ft-8f3c","status":"completed","model":"meta-llama/Meta-Llama-3.1-8B-Instruct-Reference",
            "training_file":"file-1","validation_file":"","suffix":"cine","created_at":"2026-04-28T10:00:00.000Z",
            "updated_at":"2026-04-28T11:00:00.000Z","model_output_name":"acct/Meta-Llama-3.1-8B-Instruct-Reference:cine:ft-8f3c",
            "token_count":123456,"total_price":3250000000,"n_epochs":2,"events":[]})";
        auto j = together::parseJob(job);
        QVERIFY(j);
        QCOMPARE(j->status, JobStatus::Succeeded);
        QCOMPARE(j->fineTunedModel, QStringLiteral("acct/Meta-Llama-3.1-8B-Instruct-Reference:cine:ft-8f3c"));
        QCOMPARE(j->trainedTokens.value_or(0), qint64(123456));
        QCOMPARE(j->cost.value_or(0), 3.25); // total_price is in nano-dollars (Together's SDK divides by 1e9)
        QCOMPARE(together::parseJob(R"({"id":"ft-2","status":"completed","total_price":1500})")->cost.value_or(-1), 1.5e-6);
        QCOMPARE(j->createdAt, QDateTime(QDate(2026, 4, 28), QTime(10, 0), Qt::UTC));
        QVERIFY(j->finishedAt.isValid());
        auto running = together::parseJob(R"({"id":"ft-1","status":"running","model_output_name":"acct/x:y"})");
        QVERIFY(running->fineTunedModel.isEmpty());

        auto events = together::parseEvents(
            R"({"data":[{"object":"fine-tune-event","created_at":"2026-04-28T10:00:00Z","level":"info",
            "message":"Epoch completed, at step 24","type":"epoch_complete","step":24}]})");
        QVERIFY(events);
        QCOMPARE(events->items.size(), 1);
        QVERIFY(!events->items[0].id.isEmpty());

        auto cps = together::parseCheckpoints(
            R"({"data":[{"step":24,"path":"s3://x/ckpt-24","created_at":"2026-04-28T10:00:00Z","checkpoint_type":"intermediate"}]})",
            QStringLiteral("ft-8f3c"));
        QVERIFY(cps);
        QCOMPARE(cps->items[0].model, QStringLiteral("ft-8f3c:24"));

        auto m = together::parseMetrics(R"({"metrics":[{"train/loss":0.5,"train/learning_rate":0.0001,"train/global_step":7},
                                                        {"train/global_step":8,"train/loss":0.4,"eval/loss":0.6}]})");
        QVERIFY(m);
        QCOMPARE(m->size(), 2);
        QCOMPARE(m->at(0).step, 7);
        QCOMPARE(*m->at(0).trainLoss, 0.5);
        QCOMPARE(*m->at(0).learningRate, 0.0001);
        QCOMPARE(*m->at(1).validLoss, 0.6);
    }

    void parsersNeverCrash_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("not json") << QByteArray("<html>502</html>");
        QTest::newRow("array") << QByteArray("[1,2]");
        QTest::newRow("truncated") << QByteArray("{\"id\": \"x\", \"object\": [1, ");
        QTest::newRow("wrong types") << QByteArray(R"({"id":5,"data":"x","status":[],"created_at":"yesterday"})");
        QTest::newRow("prism dynamic") << QByteArray(
            R"({"id":"string","created_at":-1e308,"data":[{"id":null},{},7],"extra":{"a":1}})");
    }
    void parsersNeverCrash()
    {
        QFETCH(QByteArray, body);
        (void)openai::parseFile(body);
        (void)openai::parseJob(body);
        (void)openai::parseJobList(body);
        (void)openai::parseEvents(body);
        (void)openai::parseCheckpoints(body);
        (void)openai::parseModels(body);
        (void)openai::parseChat(body);
        (void)together::parseJob(body);
        (void)together::parseEvents(body);
        (void)together::parseCheckpoints(body, QStringLiteral("j"));
        (void)together::parseMetrics(body);
        QVERIFY(true);
    }

    // Cases found by tst_providercontracts (random answers valid under the providers' documents).
    void documentEdgeCases()
    {
        // `format: unixtime` is an integer: before 1970 it is negative and still a time.
        auto job = openai::parseJob(R"({"id":"ftjob-1","status":"validating_files","created_at":-86400,"error":{}})");
        QVERIFY(job);
        QCOMPARE(job->createdAt, QDateTime(QDate(1969, 12, 31), QTime(0, 0), Qt::UTC));
        QCOMPARE(job->status, JobStatus::Validating);
        QVERIFY(job->error.isEmpty()); // "error": {} on a validating job is no failure
        auto events = openai::parseEvents(
            R"({"object":"list","has_more":false,"data":[{"id":"e","created_at":-1,"level":"info","message":"m"}]})");
        QVERIFY(events);
        QCOMPARE(events->items.at(0).createdAt, QDateTime(QDate(1969, 12, 31), QTime(23, 59, 59), Qt::UTC));
        auto batch = openai::parseBatch(R"({"id":"batch_1","status":"validating","created_at":-3600})");
        QVERIFY(batch);
        QCOMPARE(batch->createdAt, QDateTime(QDate(1969, 12, 31), QTime(23, 0), Qt::UTC));
        // Out of any range: absent, not an overflow.
        QVERIFY(!openai::parseJob(R"({"id":"ftjob-1","created_at":-1e300})")->createdAt.isValid());
        // Together's /fine-tunes/{id}/metrics answer does not require "metrics": none yet.
        for (const QByteArray &body : {QByteArray("{}"), QByteArray(R"({"metrics":null})")}) {
            auto m = together::parseMetrics(body);
            QVERIFY2(m, body.constData());
            QVERIFY(m->isEmpty());
        }
        QVERIFY(!together::parseMetrics(R"({"metrics":"x"})"));
    }

    void errorMapping_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("op");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("code");
        const QByteArray closed =
            R"({"error":{"message":"OpenAI is winding down the fine-tuning platform and your organization is no longer able to create new fine-tuning training jobs.","type":"invalid_request_error","param":null,"code":"training_not_available"}})";
        QTest::newRow("401")
            << "openai" << int(ProviderOperation::Models) << 401
            << QByteArray(
                   R"({"error":{"message":"Incorrect API key provided: sk-secret-key-123.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}})")
            << "provider.bad_key";
        QTest::newRow("403 closed") << "openai" << int(ProviderOperation::CreateJob) << 403 << closed
                                    << "provider.training_not_available";
        QTest::newRow("403 region")
            << "openai" << int(ProviderOperation::Chat) << 403
            << QByteArray(
                   R"({"error":{"message":"Country not supported","type":"x","param":null,"code":"unsupported_country_region_territory"}})")
            << "provider.forbidden";
        QTest::newRow("404 model")
            << "openai" << int(ProviderOperation::Chat) << 404
            << QByteArray(
                   R"({"error":{"message":"The model `gpt-x` does not exist","type":"invalid_request_error","param":null,"code":"model_not_found"}})")
            << "provider.unknown_model";
        QTest::newRow("404 job") << "openai" << int(ProviderOperation::GetJob) << 404
                                 << QByteArray(R"({"error":{"message":"No job"}})") << "provider.not_found";
        QTest::newRow("azure deployment")
            << "azure" << int(ProviderOperation::Chat) << 404
            << QByteArray(
                   R"({"error":{"code":"DeploymentNotFound","message":"The API deployment for this resource does not exist.","type":"error"}})")
            << "provider.deployment_needed";
        QTest::newRow("429 quota")
            << "openai" << int(ProviderOperation::Chat) << 429
            << QByteArray(
                   R"({"error":{"message":"You exceeded your current quota","type":"insufficient_quota","param":null,"code":"insufficient_quota"}})")
            << "provider.quota";
        QTest::newRow("429 rate")
            << "openai" << int(ProviderOperation::Chat) << 429
            << QByteArray(
                   R"({"error":{"message":"Rate limit reached for requests","type":"requests","param":null,"code":"rate_limit_exceeded"}})")
            << "provider.rate_limited";
        QTest::newRow("400") << "together" << int(ProviderOperation::CreateJob) << 400
                             << QByteArray(R"({"error":{"message":"bad n_epochs"}})") << "provider.invalid_request";
        QTest::newRow("410") << "azure" << int(ProviderOperation::Chat) << 410 << QByteArray() << "provider.retired";
        QTest::newRow("502 html") << "openai" << int(ProviderOperation::Models) << 502 << QByteArray("<html>bad gateway</html>")
                                  << "provider.server";
    }
    void errorMapping()
    {
        QFETCH(QString, kind);
        QFETCH(int, op);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, code);
        HttpResponse r;
        r.status = status;
        r.body = body;
        const Error e = mapHttpError(*providerKindFromId(kind), ProviderOperation(op), r, QStringLiteral("gpt-x"),
                                     QStringLiteral("sk-secret-key-123"));
        QCOMPARE(e.code.id(), code);
        QVERIFY(!e.message.isEmpty());
        QVERIFY(!e.message.contains(QLatin1String("sk-secret-key-123")));
        QVERIFY(!e.detail.contains(QLatin1String("sk-secret-key-123")));
        if (code == QLatin1String("provider.training_not_available")) {
            // The alternatives by name, where to set them up, and the server's own words.
            QVERIFY(e.message.startsWith(QStringLiteral("OpenAI no longer accepts new fine-tuning jobs for this organization")));
            QVERIFY(e.message.contains(QStringLiteral("Azure OpenAI")) && e.message.contains(QStringLiteral("Together AI"))
                    && e.message.contains(QStringLiteral("Settings → Providers")));
        }
        // Whatever the status, the server's own message is quoted (unless it is only the key).
        const QString said = parseErrorBody(body).message;
        if (!said.isEmpty() && !said.contains(QLatin1String("sk-secret-key-123")))
            QVERIFY2(e.message.contains(said), qPrintable(e.message));
    }

    void sse()
    {
        SseParser p;
        QList<QByteArray> got = p.feed("data: {\"a\":1}\n\nda");
        QCOMPARE(got.size(), 1);
        got = p.feed("ta: {\"b\":2}\r\n\r\n: comment\n\ndata: [DONE]\n\n");
        QCOMPARE(got.size(), 1);
        QCOMPARE(got[0], QByteArray("{\"b\":2}"));
        QVERIFY(p.sawDone());
        ChatResult acc;
        QVERIFY(accumulateChatChunk(
                    R"({"id":"c1","model":"m","choices":[{"index":0,"delta":{"content":"Hel"},"finish_reason":null}]})", acc)
                    .ok());
        QVERIFY(accumulateChatChunk(R"({"id":"c1","choices":[{"index":0,"delta":{"content":"lo"},"finish_reason":"stop"}]})", acc)
                    .ok());
        QVERIFY(accumulateChatChunk(
                    R"({"id":"c1","choices":[],"usage":{"prompt_tokens":5,"completion_tokens":2,"total_tokens":7}})", acc)
                    .ok());
        QCOMPARE(acc.content, QStringLiteral("Hello"));
        QCOMPARE(acc.finishReason, QStringLiteral("stop"));
        QCOMPARE(acc.completionTokens, qint64(2));
        QVERIFY(!accumulateChatChunk("{broken", acc).ok());
    }

    // The `huge` fault's body is still a chat completion whose answer starts like the original.
    void hugeFaultBody()
    {
        const QByteArray body =
            R"json({"id":"c1","object":"chat.completion","model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"1. Heat (1995)\n2. Alien (1979)"},"finish_reason":"stop"}],"usage":{"prompt_tokens":5,"completion_tokens":2,"total_tokens":7}})json";
        const QByteArray big = inflateBody(body, qint64(3) << 20);
        QVERIFY2(big.size() > (qint64(3) << 20) * 9 / 10 && big.size() < (qint64(3) << 20) * 11 / 10,
                 QByteArray::number(big.size()).constData());
        auto chat = openai::parseChat(big);
        QVERIFY(chat.ok());
        QVERIFY(chat->content.startsWith(QStringLiteral("1. Heat (1995)\n2. Alien (1979)\n1. Heat")));
        QCOMPARE(chat->finishReason, QStringLiteral("stop"));
        // A chat request accepts up to 16 MB (what a 10 MB answer needs), other requests the client's 64 MB.
        QCOMPARE(openai::chat(Endpoint{}, ChatRequest{}).maxBodyBytes, qint64(16) << 20);
        QCOMPARE(openai::listModels(Endpoint{}).maxBodyBytes, qint64(0));
        // Anything else: trailing white space, still the same JSON.
        const QByteArray other = inflateBody(R"({"object":"list"})", 1000);
        QCOMPARE(other.size(), 1000);
        QCOMPARE(QJsonDocument::fromJson(other).object().value(QStringLiteral("object")).toString(), QStringLiteral("list"));
    }

    void faultSpecs_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<int>("rules"); // -1 = invalid
        QTest::newRow("one") << "429=2@POST:/v1/chat/completions#1" << 1;
        QTest::newRow("many") << "500@/v1/models#0, stall=100@POST:/v1/fine_tuning/jobs,reset,truncate" << 4;
        QTest::newRow("glob") << "reset@GET:/v1/fine_tuning/jobs/*/events#3" << 1;
        QTest::newRow("empty") << "" << 0;
        QTest::newRow("unknown") << "boom" << -1;
        QTest::newRow("bad count") << "500#x" << -1;
        QTest::newRow("bad path") << "500@v1/models" << -1;
        QTest::newRow("bad seconds") << "429=soon" << -1;
        QTest::newRow("resource faults") << "huge=10@POST:/v1/chat/completions#2,endless" << 2;
        QTest::newRow("bad megabytes") << "huge=big" << -1;
    }
    void faultSpecs()
    {
        QFETCH(QString, spec);
        QFETCH(int, rules);
        auto r = parseFaultSpec(spec);
        QCOMPARE(r.ok() ? int(r->size()) : -1, rules);
        if (spec.contains(QLatin1String("*/events"))) {
            QVERIFY(r->first().matches("GET", QStringLiteral("/v1/fine_tuning/jobs/ftjob-1/events")));
            QVERIFY(!r->first().matches("POST", QStringLiteral("/v1/fine_tuning/jobs/ftjob-1/events")));
            QVERIFY(!r->first().matches("GET", QStringLiteral("/v1/fine_tuning/jobs/ftjob-1")));
        }
    }
};

QTEST_GUILESS_MAIN(TestProviderProtocol)
#include "tst_providerprotocol.moc"
