// The Batch API part of the OpenAI protocol: input lines (exact bytes), create/get/cancel/list
// requests, batch objects (every status, unknown ones, counts, errors), output lines (responses,
// error lines, malformed lines reported with their line numbers) and the batch price.
#include "core/eval/batchrun.h"
#include "core/providers/openaiprotocol.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace cinetune;

Q_DECLARE_METATYPE(cinetune::BatchState)

namespace {

Endpoint endpoint(ProviderKind kind = ProviderKind::OpenAI)
{
    return Endpoint{kind, QUrl(QStringLiteral("https://api.example.com/v1")), QStringLiteral("sk-test"), 1000};
}

ChatRequest request()
{
    ChatRequest r;
    r.model = QStringLiteral("gpt-4o-mini");
    r.messages = {ChatMessage{QStringLiteral("system"), QStringLiteral("Be brief.")},
                  ChatMessage{QStringLiteral("user"), QStringLiteral("Say \"hi\"")}};
    r.temperature = 0.0;
    r.maxTokens = 50;
    r.seed = 7;
    return r;
}

} // namespace

class TestBatchProtocol : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void inputLine_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("stream");
        QTest::addColumn<QByteArray>("expected");
        // Quotes in the prompt are escaped in the line (a plain literal: moc misreads \" in raw strings).
        const QByteArray body = "\"body\":{\"max_tokens\":50,\"messages\":[{\"content\":\"Be brief.\",\"role\":\"system\"},"
                                "{\"content\":\"Say \\\"hi\\\"\",\"role\":\"user\"}],\"model\":\"gpt-4o-mini\",\"seed\":7,"
                                "\"temperature\":0},";
        QTest::newRow("openai") << int(ProviderKind::OpenAI) << false
                                << QByteArray("{" + body
                                              + R"("custom_id":"user-42","method":"POST","url":"/v1/chat/completions"})");
        QTest::newRow("stream flag dropped")
            << int(ProviderKind::Simulator) << true
            << QByteArray("{" + body + R"("custom_id":"user-42","method":"POST","url":"/v1/chat/completions"})");
        // Azure's batch docs (MicrosoftDocs/azure-ai-docs batch-rest.md): lines name /v1/chat/completions.
        QTest::newRow("azure path") << int(ProviderKind::Azure) << false
                                    << QByteArray("{" + body
                                                  + R"("custom_id":"user-42","method":"POST","url":"/v1/chat/completions"})");
    }
    void inputLine()
    {
        QFETCH(int, kind);
        QFETCH(bool, stream);
        QFETCH(QByteArray, expected);
        ChatRequest r = request();
        r.stream = stream;
        const QByteArray line = openai::batchInputLine(ProviderKind(kind), QStringLiteral("user-42"), r);
        QCOMPARE(line, expected);
        // The body is exactly what the live path sends.
        if (!stream) {
            const QByteArray live = openai::chat(endpoint(ProviderKind(kind)), r).body;
            QCOMPARE(QJsonDocument::fromJson(line).object().value(QStringLiteral("body")).toObject(),
                     QJsonDocument::fromJson(live).object());
        }
    }

    void requests_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("idempotent");
        const Endpoint ep = endpoint();
        HttpRequest create = openai::createBatch(ep, QStringLiteral("file-1"),
                                                 QJsonObject{{QStringLiteral("cinetune_run"), QStringLiteral("r1")}});
        QTest::newRow("create") << create.method << create.url.toString() << create.body
                                << (create.retry == RetryMode::Idempotent);
        HttpRequest get = openai::getBatch(ep, QStringLiteral("batch_a/b"));
        QTest::newRow("get (id escaped)") << get.method << get.url.toString() << get.body << (get.retry == RetryMode::Idempotent);
        HttpRequest cancel = openai::cancelBatch(ep, QStringLiteral("batch_1"));
        QTest::newRow("cancel") << cancel.method << cancel.url.toString() << cancel.body
                                << (cancel.retry == RetryMode::Idempotent);
        HttpRequest list = openai::listBatches(ep, QStringLiteral("batch_9"), 100);
        QTest::newRow("list") << list.method << list.url.toString() << list.body << (list.retry == RetryMode::Idempotent);
        HttpRequest content = openai::fileContent(ep, QStringLiteral("file-out"));
        QTest::newRow("content") << content.method << content.url.toString() << content.body
                                 << (content.retry == RetryMode::Idempotent);
    }
    void requests()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, url);
        QFETCH(QByteArray, body);
        QFETCH(bool, idempotent);
        const QString tag = QString::fromLatin1(QTest::currentDataTag());
        if (tag == QLatin1String("create")) {
            QCOMPARE(method, QByteArray("POST"));
            QCOMPARE(url, QStringLiteral("https://api.example.com/v1/batches"));
            QCOMPARE(
                body,
                QByteArray(
                    R"({"completion_window":"24h","endpoint":"/v1/chat/completions","input_file_id":"file-1","metadata":{"cinetune_run":"r1"}})"));
            QVERIFY(!idempotent);
        } else if (tag.startsWith(QLatin1String("get"))) {
            QCOMPARE(method, QByteArray("GET"));
            QCOMPARE(url, QStringLiteral("https://api.example.com/v1/batches/batch_a%2Fb"));
            QVERIFY(idempotent);
        } else if (tag == QLatin1String("cancel")) {
            QCOMPARE(method, QByteArray("POST"));
            QCOMPARE(url, QStringLiteral("https://api.example.com/v1/batches/batch_1/cancel"));
            QVERIFY(idempotent);
        } else if (tag == QLatin1String("list")) {
            QCOMPARE(method, QByteArray("GET"));
            QCOMPARE(url, QStringLiteral("https://api.example.com/v1/batches?after=batch_9&limit=100"));
        } else {
            QCOMPARE(method, QByteArray("GET"));
            QCOMPARE(url, QStringLiteral("https://api.example.com/v1/files/file-out/content"));
            QVERIFY(body.isEmpty());
        }
    }

    // Azure OpenAI v1: the create call names "/chat/completions" while its lines name
    // "/v1/chat/completions" (MicrosoftDocs/azure-ai-docs, batch-rest.md).
    void azureBatchEndpoint()
    {
        const Endpoint azure{ProviderKind::Azure, QUrl(QStringLiteral("https://res.openai.azure.com/openai/v1")),
                             QStringLiteral("k"), 1000};
        const HttpRequest create = openai::createBatch(azure, QStringLiteral("file-1"));
        QCOMPARE(create.url.toString(), QStringLiteral("https://res.openai.azure.com/openai/v1/batches"));
        QCOMPARE(QJsonDocument::fromJson(create.body).object().value(QLatin1String("endpoint")).toString(),
                 QStringLiteral("/chat/completions"));
        QCOMPARE(create.header("api-key"), QByteArray("k"));
    }

    void parseBatch_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<BatchState>("state");
        QTest::addColumn<bool>("final");
        QTest::addColumn<qint64>("completed");
        QTest::addColumn<QString>("outputFile");
        QTest::addColumn<QString>("firstError");
        auto batch = [](const char *status, const char *extra = "") -> QByteArray {
            return QByteArray(R"({"id":"batch_1","object":"batch","endpoint":"/v1/chat/completions","input_file_id":"file-in",)"
                              R"("completion_window":"24h","created_at":1714508499,"status":")")
                + status + "\"" + extra + "}";
        };
        const char *counts =
            R"(,"request_counts":{"total":10,"completed":7,"failed":1},"output_file_id":"file-out","error_file_id":"file-err")";
        QTest::newRow("validating") << batch("validating") << true << BatchState::Validating << false << qint64(0) << QString()
                                    << QString();
        QTest::newRow("in_progress") << batch("in_progress", R"(,"request_counts":{"total":10,"completed":3,"failed":0})") << true
                                     << BatchState::InProgress << false << qint64(3) << QString() << QString();
        QTest::newRow("finalizing") << batch("finalizing") << true << BatchState::Finalizing << false << qint64(0) << QString()
                                    << QString();
        QTest::newRow("completed") << batch("completed", counts) << true << BatchState::Completed << true << qint64(7)
                                   << QStringLiteral("file-out") << QString();
        QTest::newRow("failed with errors") << batch(
            "failed",
            R"(,"errors":{"object":"list","data":[{"code":"invalid_json_line","message":"bad line","param":null,"line":3}]})")
                                            << true << BatchState::Failed << true << qint64(0) << QString()
                                            << QStringLiteral("line 3: bad line");
        QTest::newRow("expired") << batch("expired", counts) << true << BatchState::Expired << true << qint64(7)
                                 << QStringLiteral("file-out") << QString();
        QTest::newRow("cancelling") << batch("cancelling") << true << BatchState::Cancelling << false << qint64(0) << QString()
                                    << QString();
        QTest::newRow("cancelled") << batch("cancelled") << true << BatchState::Cancelled << true << qint64(0) << QString()
                                   << QString();
        // Azure OpenAI documents its batch states capitalised (learn.microsoft.com, "Azure OpenAI batch").
        QTest::newRow("Azure Validating") << batch("Validating") << true << BatchState::Validating << false << qint64(0)
                                          << QString() << QString();
        QTest::newRow("Azure InProgress") << batch("InProgress") << true << BatchState::InProgress << false << qint64(0)
                                          << QString() << QString();
        QTest::newRow("Azure Completed") << batch("Completed", counts) << true << BatchState::Completed << true << qint64(7)
                                         << QStringLiteral("file-out") << QString();
        QTest::newRow("Azure Cancelled") << batch("Cancelled") << true << BatchState::Cancelled << true << qint64(0) << QString()
                                         << QString();
        QTest::newRow("canceled (US spelling)")
            << batch("canceled") << true << BatchState::Cancelled << true << qint64(0) << QString() << QString();
        QTest::newRow("unknown status") << batch("paused_for_review") << true << BatchState::Unknown << false << qint64(0)
                                        << QString() << QString();
        QTest::newRow("null output file") << batch("in_progress",
                                                   R"(,"output_file_id":null,"request_counts":{"total":"x","completed":-4})")
                                          << true << BatchState::InProgress << false << qint64(0) << QString() << QString();
        QTest::newRow("no id") << QByteArray(R"({"object":"batch","status":"completed"})") << false << BatchState::Unknown
                               << false << qint64(0) << QString() << QString();
        QTest::newRow("not json") << QByteArray("<html>") << false << BatchState::Unknown << false << qint64(0) << QString()
                                  << QString();
        QTest::newRow("array") << QByteArray("[]") << false << BatchState::Unknown << false << qint64(0) << QString()
                               << QString();
    }
    void parseBatch()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, ok);
        QFETCH(BatchState, state);
        QFETCH(bool, final);
        QFETCH(qint64, completed);
        QFETCH(QString, outputFile);
        QFETCH(QString, firstError);
        const Result<BatchInfo> b = openai::parseBatch(body);
        QCOMPARE(b.ok(), ok);
        if (!ok) {
            QCOMPARE(b.error().code, ErrorCode(errc::Provider::Malformed));
            return;
        }
        QCOMPARE(b->id, QStringLiteral("batch_1"));
        QCOMPARE(b->status, state);
        QCOMPARE(isBatchFinal(b->status), final);
        QCOMPARE(b->completed, completed);
        QCOMPARE(b->outputFileId, outputFile);
        QCOMPARE(b->errors.value(0), firstError);
        QCOMPARE(b->inputFileId, QStringLiteral("file-in"));
        if (state != BatchState::Unknown)
            QCOMPARE(batchStateFromId(batchStateId(state)), state);
    }

    void parseList()
    {
        const QByteArray body =
            R"({"object":"list","data":[{"id":"batch_2","status":"completed","metadata":{"cinetune_request":"t2"}},)"
            R"({"status":"completed"},{"id":"batch_1","status":"in_progress"}],"has_more":true,"first_id":"batch_2","last_id":"batch_1"})";
        const auto page = openai::parseBatchList(body);
        QVERIFY(page);
        QCOMPARE(page->items.size(), 2); // the one without an id is skipped
        QCOMPARE(page->items[0].metadata.value(QStringLiteral("cinetune_request")).toString(), QStringLiteral("t2"));
        QVERIFY(page->hasMore);
        QCOMPARE(page->lastId, QStringLiteral("batch_1"));
        QVERIFY(!openai::parseBatchList(R"({"object":"list"})"));
    }

    void parseOutput_data()
    {
        QTest::addColumn<QByteArray>("jsonl");
        QTest::addColumn<QStringList>("summary"); // custom_id:status:errorCode per parsed line
        QTest::addColumn<QStringList>("problems");
        const QByteArray okLine =
            R"J({"id":"batch_req_1","custom_id":"user-1","response":{"status_code":200,"request_id":"req_1","body":{"id":"chatcmpl-1","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"1. Heat (1995)"},"finish_reason":"stop"}],"usage":{"prompt_tokens":5,"completion_tokens":3}}},"error":null})J";
        const QByteArray httpError =
            R"({"id":"batch_req_2","custom_id":"user-2","response":{"status_code":400,"request_id":"req_2","body":{"error":{"message":"bad","type":"invalid_request_error"}}},"error":null})";
        const QByteArray lineError =
            R"({"id":"batch_req_3","custom_id":"user-3","response":null,"error":{"code":"batch_expired","message":"This request could not be executed before the completion window expired."}})";
        QTest::newRow("ok line") << okLine << QStringList{QStringLiteral("user-1:200:")} << QStringList{};
        QTest::newRow("mixed, CRLF, blank lines")
            << QByteArray(okLine + "\r\n\n" + httpError + "\r\n" + lineError + "\n")
            << QStringList{QStringLiteral("user-1:200:"), QStringLiteral("user-2:400:"), QStringLiteral("user-3:0:batch_expired")}
            << QStringList{};
        QTest::newRow("malformed lines with numbers")
            << QByteArray(okLine + "\n{not json\n" + R"({"response":{"status_code":200}})" + "\n" + R"({"custom_id":"user-9"})"
                          + "\n" + R"({"custom_id":"user-8","response":{"status_code":"200"}})" + "\n" + lineError)
            << QStringList{QStringLiteral("user-1:200:"), QStringLiteral("user-3:0:batch_expired")}
            << QStringList{QStringLiteral("output:2: expected a JSON object"),
                           QStringLiteral("output:3: expected a \"custom_id\""),
                           QStringLiteral("output:4: expected a \"response\" or an \"error\" object"),
                           QStringLiteral("output:5: expected \"response.status_code\" (an HTTP status)")};
        QTest::newRow("empty") << QByteArray() << QStringList{} << QStringList{};
        QTest::newRow("binary") << QByteArray("\x00\xff\n[1,2]", 7) << QStringList{}
                                << QStringList{QStringLiteral("output:1: expected a JSON object"),
                                               QStringLiteral("output:2: expected a JSON object")};
    }
    void parseOutput()
    {
        QFETCH(QByteArray, jsonl);
        QFETCH(QStringList, summary);
        QFETCH(QStringList, problems);
        const BatchOutput out = openai::parseBatchOutput(jsonl, QStringLiteral("output"));
        QStringList got;
        for (const BatchOutputLine &l : out.lines)
            got << QStringLiteral("%1:%2:%3").arg(l.customId).arg(l.statusCode).arg(l.errorCode);
        QCOMPARE(got, summary);
        QCOMPARE(out.problems, problems);
        for (const BatchOutputLine &l : out.lines) {
            if (l.statusCode == 200) {
                const auto chat = openai::parseChat(l.responseBody);
                QVERIFY(chat);
                QCOMPARE(chat->content, QStringLiteral("1. Heat (1995)"));
                QCOMPARE(chat->promptTokens, qint64(5));
                QCOMPARE(l.requestId, QStringLiteral("req_1"));
                QCOMPARE(l.line, 1);
            }
        }
    }

    void batchPrice()
    {
        const PriceTable prices = PriceTable::defaults();
        const auto p = prices.find(QStringLiteral("gpt-4o-mini-2024-07-18"));
        QVERIFY(p);
        RunCounts live;
        live.promptTokens = 1000000;
        live.completionTokens = 1000000;
        RunCounts batch = live;
        batch.batchPromptTokens = batch.promptTokens;
        batch.batchCompletionTokens = batch.completionTokens;
        const auto liveCost = runCost(prices, QStringLiteral("gpt-4o-mini-2024-07-18"), live);
        const auto batchCost = runCost(prices, QStringLiteral("gpt-4o-mini-2024-07-18"), batch);
        QVERIFY(liveCost && batchCost);
        QVERIFY(*liveCost > 0);
        QCOMPARE(*liveCost, p->inputPer1M + p->outputPer1M);
        QCOMPARE(*batchCost, *liveCost * kBatchPriceFactor);
        QVERIFY(!runCost(prices, QStringLiteral("no-such-model"), live));
    }
};

QTEST_GUILESS_MAIN(TestBatchProtocol)
#include "tst_batchprotocol.moc"
