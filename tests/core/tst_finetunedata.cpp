// Fine-tuning data: the chat JSONL validator (every check of OpenAI's data-preparation notebook),
// token accounting against gpt-tokenizer / tiktoken figures for the OpenAI cookbook's files (copied
// below as literals), the epochs rule, prices and cost, prompt templates, the gold-set reader, the
// export to chat JSONL on a tiny dataset, the JSON line parser, and the two CLI commands.
#include "app/cli/finetunecommands.h"
#include "core/dataset/datasetloader.h"
#include "core/finetune/chatdatavalidator.h"
#include "core/finetune/finetuneexport.h"
#include "core/goldset/goldsetjsonl.h"
#include "core/finetune/jsonlinedocument.h"
#include "core/finetune/pricetable.h"
#include "core/finetune/prompttemplate.h"
#include "core/finetune/tokenizer.h"
#include "core/finetune/trainingcost.h"
#include "fixtures.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace cinetune;
using test::writeFile;
using Counts = QMap<QString, int>;
Q_DECLARE_METATYPE(Counts)

namespace {

// openai-cookbook: examples/data/toy_chat_fine_tuning.jsonl, rebuilt byte for byte (the checksum
// test proves it); the fifth line's answer is "Eat a banana!" 2000 times.
QByteArray toyChatFineTuning()
{
    const QByteArray system =
        R"({"role": "system", "content": "You are a happy assistant that puts a positive spin on everything."})";
    QByteArray f;
    f += R"({"messages": [)" + system
        + R"(, {"role": "user", "content": "I fell off my bike today."}, {"role": "assistant", "content": "It's great that you're getting exercise outdoors!"}]})"
          "\n";
    f += R"({"messages": [)" + system
        + R"(, {"role": "user", "content": "I lost my tennis match today."}, {"role": "assistant", "content": "It's ok, it happens to everyone."}, {"role": "user", "content": "But I trained so hard!"}, {"role": "assistant", "content": "It will pay off next time."}, {"role": "user", "content": "I'm going to switch to golf."}, {"role": "assistant", "content": "Golf is fun too!"}, {"role": "user", "content": "I don't even know how to play golf."}, {"role": "assistant", "content": "It's easy to learn!"}]})"
          "\n";
    f +=
        R"({"messages": [{"role": "user", "content": "I lost my book today."}, {"role": "assistant", "content": "You can read everything on ebooks these days!"}]})"
        "\n";
    f += R"({"messages": [)" + system
        + R"(, {"role": "assistant", "content": "You're great!"}]})"
          "\n";
    f += R"({"messages": [)" + system + R"(, {"role": "user", "content": "I'm hungry."}, {"role": "assistant", "content": ")"
        + QByteArray("Eat a banana!").repeated(2000)
        + R"("}]})"
          "\n";
    return f;
}

// openai-cookbook: examples/How_to_count_tokens_with_tiktoken.ipynb's example conversation
// (one line; 124 prompt tokens for gpt-4o-mini, confirmed there by the OpenAI API).
const QByteArray kCountTokensExample =
    R"({"messages": [{"role": "system", "content": "You are a helpful, pattern-following assistant that translates corporate jargon into plain English."}, {"role": "system", "name": "example_user", "content": "New synergies will help drive top-line growth."}, {"role": "system", "name": "example_assistant", "content": "Things working well together will increase revenue."}, {"role": "system", "name": "example_user", "content": "Let's circle back when we have more bandwidth to touch base on opportunities for increased leverage."}, {"role": "system", "name": "example_assistant", "content": "Let's talk later when we're less busy about how to do better."}, {"role": "user", "content": "This late pivot means we don't have time to boil the ocean for the client deliverable."}]})"
    "\n";

QByteArray sha256(const QByteArray &b)
{
    return QCryptographicHash::hash(b, QCryptographicHash::Sha256).toHex();
}

// A valid example line: system, user and assistant texts.
QByteArray line(const QByteArray &user, const QByteArray &assistant = "1. Heat (1995)")
{
    return R"({"messages":[{"role":"system","content":"Recommend."},{"role":"user","content":")" + user
        + R"("},{"role":"assistant","content":")" + assistant
        + R"("}]})"
          "\n";
}

QByteArray validLines(int n)
{
    QByteArray b;
    for (int i = 0; i < n; ++i)
        b += line("user " + QByteArray::number(i));
    return b;
}

ValidationOptions opts(qint64 minExamples = 0)
{
    ValidationOptions o;
    o.minExamples = minExamples;
    o.recommendedExamples = 0;
    o.threads = 1;
    return o;
}

ChatDataReport validate(const QByteArray &bytes, const Tokenizer &tok, const ValidationOptions &o = opts())
{
    NullProgress p;
    auto r = validateChatJsonl(bytes, QStringLiteral("t.jsonl"), tok, o, p);
    if (!r)
        qFatal("validation failed: %s", qPrintable(r.error().message));
    return std::move(r).value();
}

Counts toCounts(const QMap<QString, qint64> &m)
{
    Counts c;
    for (auto it = m.begin(); it != m.end(); ++it)
        c.insert(it.key(), static_cast<int>(it.value()));
    return c;
}

// A tiny MovieLens-format dataset.
void writeTinyDataset(const QString &dir)
{
    writeFile(dir, QStringLiteral("ratings.csv"),
              "userId,movieId,rating,timestamp\n1,1,5.0,964982703\n1,2,4.5,964982704\n2,3,5.0,964982705\n"
              "3,4,4.0,964982706\n4,5,3.0,964982707\n");
    writeFile(dir, QStringLiteral("movies.csv"),
              "movieId,title,genres\n1,Toy Story (1995),Animation\n2,\"Matrix, The (1999)\",Action\n"
              "3,Am\xC3\xA9lie (2001),Comedy\n4,Heat (1995),Action\n5,Untitled,Drama\n");
}

const QByteArray kGold = R"({"user":1,"profile":[1,2],"gold":[3,4],"neighbors":12,"split":"train"}
{"user":2,"profile":[3],"gold":[2,1,5],"neighbors":7,"split":"validation"}
{"user":3,"profile":[4,5],"gold":[],"neighbors":0,"split":"validation"}
{"user":4,"profile":[5],"gold":[1],"neighbors":3,"split":"test","extra":"ignored"}
)";

PromptTemplate simpleTemplate()
{
    PromptTemplate t;
    t.name = QStringLiteral("simple");
    t.system = QStringLiteral("Recommend {count} movies.");
    t.user = QStringLiteral("I liked {profile_count}:\n{profile}");
    t.assistant = QStringLiteral("{gold}");
    return t;
}

DatasetPtr loadTiny(const QString &dir)
{
    LoadOptions o;
    o.useCache = false;
    o.threads = 1;
    NullProgress p;
    auto ds = loadDataset(dir, o, p);
    if (!ds)
        qFatal("tiny dataset: %s", qPrintable(ds.error().message));
    return ds.value();
}

} // namespace

class TestFineTuneData : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cookbookFixturesAreTheOriginals();
    void toyDatasetMatchesGptTokenizer();
    void countTokensExampleIs124();
    void repeatedKeysCountOnce();
    void billingCap();
    void brokenJsonl_data();
    void brokenJsonl();
    void issueMessagesNameFileAndLine();
    void duplicatesAndOverLength();
    void sameReportForAnyThreadCount();
    void epochsRule_data();
    void epochsRule();
    void distributionPercentiles();
    void cost();
    void oneEstimator_data();
    void oneEstimator();
    void priceTableJson();
    void priceTableErrors_data();
    void priceTableErrors();
    void templateRendering();
    void templateValidation_data();
    void templateValidation();
    void templateJsonRoundTrip();
    void exportTinyGoldSet();
    void exportRefusesInvalidData();
    void jsonLineParser_data();
    void jsonLineParser();
    void jsonLineParserAgreesWithQJsonDocument();
    void cliTokens();
    void cliFinetuneData();

private:
    std::optional<Tokenizer> m_tok;
};

void TestFineTuneData::initTestCase()
{
    QVERIFY2(!test::sourceDir().isEmpty(), "set CINETUNE_SOURCE_DIR to the repository root");
    auto t = Tokenizer::fromFile(QDir(test::sourceDir()).filePath(QStringLiteral("resources/tokenizer/o200k_base.tiktoken")));
    QVERIFY2(t.ok(), qPrintable(t ? QString() : t.error().message));
    m_tok = t.value();
}

void TestFineTuneData::cookbookFixturesAreTheOriginals()
{
    // sha256sum of the files in openai-cookbook (shared/data/openai-cookbook/).
    QCOMPARE(sha256(toyChatFineTuning()), QByteArray("2af82e94fad9824b7f95202b60927cde71f734106c7df904d524e49bf6770818"));
    QCOMPARE(sha256(kCountTokensExample), QByteArray("f2eb394ab124d66a5c232e6f6641a2037f0ac71416d542ad0d5c3061d3235ca1"));
}

void TestFineTuneData::toyDatasetMatchesGptTokenizer()
{
    // Expected per-example values computed once with gpt-tokenizer@4.0.0 (o200k_base, ordinary
    // text) and the notebook's num_tokens_from_messages; total 8,233 as in the research notes.
    const ChatDataReport r = validate(toyChatFineTuning(), *m_tok);
    QCOMPARE(r.examples, 5);
    QCOMPARE(r.perExample.size(), std::size_t{5});
    const qint64 tokens[] = {43, 106, 26, 27, 8031};
    const qint64 assistant[] = {8, 25, 9, 3, 8000};
    const int messages[] = {3, 9, 2, 2, 3};
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(r.perExample[static_cast<std::size_t>(i)].line, i + 1);
        QCOMPARE(r.perExample[static_cast<std::size_t>(i)].tokens, tokens[i]);
        QCOMPARE(r.perExample[static_cast<std::size_t>(i)].assistantTokens, assistant[i]);
        QCOMPARE(r.perExample[static_cast<std::size_t>(i)].messages, messages[i]);
    }
    QCOMPARE(r.totalTokens, 8233);
    QCOMPARE(r.tokensPerExample.min, 26.0);
    QCOMPARE(r.tokensPerExample.max, 8031.0);
    QCOMPARE(r.tokensPerExample.mean, 1646.6);
    QCOMPARE(r.tokensPerExample.median, 43.0);
    QCOMPARE(r.tokensPerExample.p10, 26.4); // the notebook's printed "p5"
    QCOMPARE(r.tokensPerExample.p90, 4861.0);
    QCOMPARE(r.assistantTokensPerExample.mean, 1609.0);
    QCOMPARE(r.assistantTokensPerExample.median, 9.0);
    QCOMPARE(r.messagesPerExample.mean, 3.8);
    QCOMPARE(r.missingSystem, 1);
    QCOMPARE(r.missingUser, 1);
    QCOMPARE(r.epochs, 20); // 5 * 3 < 100 -> min(25, 100 // 5)
    QVERIFY(r.epochsFromRule);
    QCOMPARE(r.billingTokensPerEpoch, 8233);
    QCOMPARE(r.billedTokens, 164660);
    QCOMPARE(r.trainingCostUsd, 164660 / 1e6 * 3.0);
    QVERIFY(!r.hasErrors());
    QCOMPARE(toCounts(r.warningCounts), (Counts{{"missing_system_message", 1}, {"missing_user_message", 1}}));
}

void TestFineTuneData::countTokensExampleIs124()
{
    const ChatDataReport r = validate(kCountTokensExample, *m_tok);
    QCOMPARE(r.perExample.at(0).tokens, 124);
    QCOMPARE(r.perExample.at(0).messages, 6);
    // The conversation is a prompt: it has no assistant message, which the notebook flags.
    QCOMPARE(toCounts(r.errorCounts), (Counts{{"example_missing_assistant_message", 1}}));
}

void TestFineTuneData::repeatedKeysCountOnce()
{
    // {"role": "user", "content": "Hello world"} twice over, the first content being a decoy:
    // 3 + 1 + 2 per message, + 3 = 15 for the two-message example, as without the decoy.
    const ChatDataReport r = validate(
        R"({"messages":[{"role":"user","content":"a long decoy text","content":"Hello world"},{"role":"assistant","content":"Hello world"}]})"
        "\n",
        *m_tok);
    QCOMPARE(r.perExample.at(0).tokens, 3 + 1 + 2 + 3 + 1 + 2 + 3);
    QCOMPARE(r.perExample.at(0).assistantTokens, 2);
}

void TestFineTuneData::billingCap()
{
    ValidationOptions o = opts();
    o.billingCapTokens = 4096; // the older notebook's MAX_TOKENS_PER_EXAMPLE
    const ChatDataReport r = validate(toyChatFineTuning(), *m_tok, o);
    QCOMPARE(r.billingTokensPerEpoch, 43 + 106 + 26 + 27 + 4096);
    QCOMPARE(r.billedTokens, 20 * 4298);
    o.epochs = 2;
    const ChatDataReport fixed = validate(toyChatFineTuning(), *m_tok, o);
    QCOMPARE(fixed.epochs, 2);
    QVERIFY(!fixed.epochsFromRule);
    QCOMPARE(fixed.billedTokens, 2 * 4298);
}

void TestFineTuneData::brokenJsonl_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<Counts>("errors");
    QTest::addColumn<Counts>("warnings");
    QTest::addColumn<int>("examples");

    const QByteArray ok = line("hi");
    const QByteArray ok2 = line("ho");
    QTest::newRow("valid") << ok << Counts{} << Counts{} << 1;
    QTest::newRow("empty file") << QByteArray() << Counts{{"empty_file", 1}} << Counts{} << 0;
    QTest::newRow("only blank lines") << QByteArray("\n  \n") << Counts{{"empty_file", 1}} << Counts{{"blank_line", 2}} << 0;
    QTest::newRow("invalid json") << QByteArray(ok + "{\"messages\": [\n" + ok2) << Counts{{"invalid_json", 1}} << Counts{} << 2;
    QTest::newRow("trailing comma") << QByteArray("{\"messages\":[],}\n") << Counts{{"invalid_json", 1}} << Counts{} << 0;
    QTest::newRow("data_type list") << QByteArray("[1,2]\n" + ok) << Counts{{"data_type", 1}} << Counts{} << 1;
    QTest::newRow("data_type string") << QByteArray("\"text\"\n" + ok) << Counts{{"data_type", 1}} << Counts{} << 1;
    QTest::newRow("missing messages") << QByteArray("{\"msgs\":[]}\n") << Counts{{"missing_messages_list", 1}} << Counts{} << 0;
    QTest::newRow("empty messages") << QByteArray("{\"messages\":[]}\n") << Counts{{"missing_messages_list", 1}} << Counts{} << 0;
    QTest::newRow("messages not a list") << QByteArray("{\"messages\":\"hi\"}\n") << Counts{{"missing_messages_list", 1}}
                                         << Counts{} << 0;
    QTest::newRow("message not an object") << QByteArray(R"({"messages":["hi",{"role":"assistant","content":"x"}]})"
                                                         "\n")
                                           << Counts{{"message_data_type", 1}}
                                           << Counts{{"missing_system_message", 1}, {"missing_user_message", 1}} << 1;
    // A missing role is also an unrecognized role in the notebook (message.get("role") is None).
    QTest::newRow("message_missing_key role") << QByteArray(R"({"messages":[{"content":"x"},{"role":"assistant","content":"y"}]})"
                                                            "\n")
                                              << Counts{{"message_missing_key", 1}, {"unrecognized_role", 1}}
                                              << Counts{{"missing_system_message", 1}, {"missing_user_message", 1}} << 1;
    QTest::newRow("message_missing_key content")
        << QByteArray(R"({"messages":[{"role":"user"},{"role":"assistant","content":"y"}]})"
                      "\n")
        << Counts{{"message_missing_key", 1}, {"missing_content", 1}} << Counts{{"missing_system_message", 1}} << 1;
    QTest::newRow("message_unrecognized_key")
        << QByteArray(R"({"messages":[{"role":"user","content":"x","mood":"happy","tone":1},{"role":"assistant","content":"y"}]})"
                      "\n")
        << Counts{{"message_unrecognized_key", 1}} << Counts{{"missing_system_message", 1}} << 1;
    QTest::newRow("unrecognized_role") << QByteArray(
        R"({"messages":[{"role":"bot","content":"x"},{"role":"assistant","content":"y"}]})"
        "\n") << Counts{{"unrecognized_role", 1}}
                                       << Counts{{"missing_system_message", 1}, {"missing_user_message", 1}} << 1;
    QTest::newRow("function role is allowed") << QByteArray(
        R"({"messages":[{"role":"user","content":"x"},{"role":"function","name":"f","content":"{}"},{"role":"assistant","content":"y"}]})"
        "\n") << Counts{} << Counts{{"missing_system_message", 1}}
                                              << 1;
    QTest::newRow("missing_content empty") << QByteArray(
        R"({"messages":[{"role":"user","content":""},{"role":"assistant","content":"y"}]})"
        "\n") << Counts{{"missing_content", 1}}
                                           << Counts{{"missing_system_message", 1}} << 1;
    QTest::newRow("missing_content not a string")
        << QByteArray(R"({"messages":[{"role":"user","content":["x"]},{"role":"assistant","content":"y"}]})"
                      "\n")
        << Counts{{"missing_content", 1}} << Counts{{"missing_system_message", 1}} << 1;
    QTest::newRow("missing_content null with function_call") // the notebook: not isinstance(content, str)
        << QByteArray(
               R"({"messages":[{"role":"user","content":"x"},{"role":"assistant","content":null,"function_call":{"name":"f"}}]})"
               "\n")
        << Counts{{"missing_content", 1}} << Counts{{"missing_system_message", 1}} << 1;
    QTest::newRow("empty content with function_call is fine") << QByteArray(
        R"({"messages":[{"role":"user","content":"x"},{"role":"assistant","content":"","function_call":{"name":"f"}}]})"
        "\n") << Counts{} << Counts{{"missing_system_message", 1}}
                                                              << 1;
    QTest::newRow("example_missing_assistant_message")
        << QByteArray(R"({"messages":[{"role":"system","content":"s"},{"role":"user","content":"x"}]})"
                      "\n")
        << Counts{{"example_missing_assistant_message", 1}} << Counts{} << 1;
    QTest::newRow("weight 0 and 1 are fine") << QByteArray(
        R"({"messages":[{"role":"user","content":"x"},{"role":"assistant","content":"y","weight":0},{"role":"user","content":"z"},{"role":"assistant","content":"w","weight":1}]})"
        "\n") << Counts{} << Counts{{"missing_system_message", 1}}
                                             << 1;
    QTest::newRow("invalid weight") << QByteArray(
        R"({"messages":[{"role":"user","content":"x"},{"role":"assistant","content":"y","weight":0.5}]})"
        "\n") << Counts{{"invalid_weight", 1}}
                                    << Counts{{"missing_system_message", 1}} << 1;
    QTest::newRow("several kinds on one line count separately")
        << QByteArray(R"({"messages":[{"role":"bot"},{"role":"user","content":""}]})"
                      "\n")
        << Counts{{"message_missing_key", 1},
                  {"unrecognized_role", 1},
                  {"missing_content", 2},
                  {"example_missing_assistant_message", 1}}
        << Counts{{"missing_system_message", 1}} << 1;
    QTest::newRow("repeated key: the last counts")
        << QByteArray(R"({"messages":[{"role":"user","content":["x"],"content":"x"},{"role":"assistant","content":"y"}]})"
                      "\n")
        << Counts{} << Counts{{"missing_system_message", 1}} << 1;
    QTest::newRow("blank line and crlf") << QByteArray(ok.chopped(1) + "\r\n\r\n" + ok2) << Counts{} << Counts{{"blank_line", 1}}
                                         << 2;
    QTest::newRow("byte order mark") << QByteArray("\xEF\xBB\xBF" + ok) << Counts{} << Counts{{"byte_order_mark", 1}} << 1;
    QTest::newRow("invalid utf-8") << QByteArray(line("caf\xE9")) << Counts{{"invalid_json", 1}} << Counts{} << 0;
    QTest::newRow("no final newline") << QByteArray(ok + ok2.chopped(1)) << Counts{} << Counts{} << 2;
}

void TestFineTuneData::brokenJsonl()
{
    QFETCH(QByteArray, file);
    QFETCH(Counts, errors);
    QFETCH(Counts, warnings);
    QFETCH(int, examples);
    const ChatDataReport r = validate(file, *m_tok);
    QCOMPARE(toCounts(r.errorCounts), errors);
    QCOMPARE(toCounts(r.warningCounts), warnings);
    QCOMPARE(r.examples, examples);
    QCOMPARE(r.hasErrors(), !errors.isEmpty());
    QCOMPARE(r.toJson().value(QLatin1String("valid")).toBool(), errors.isEmpty());
}

void TestFineTuneData::issueMessagesNameFileAndLine()
{
    const QByteArray file = line("a") + "\n"
        + R"({"messages": [{"role": "user", "content": "caf)"
          "\xC3\xA9"
          R"(", oops}]})"
          "\n"
        + R"({"messages":[{"role":"bot","content":"x"}]})"
          "\n";
    const ChatDataReport r = validate(file, *m_tok, opts(10));
    const QList<DataIssue> errors = r.errors();
    QCOMPARE(errors.size(), 4);
    QCOMPARE(errors[0].line, 3);
    QCOMPARE(errors[0].kind, QStringLiteral("invalid_json"));
    // Column 51 in characters (byte 52: the é is two bytes).
    QCOMPARE(errors[0].message, QStringLiteral("t.jsonl:3:51: invalid JSON: expected a quoted key"));
    QCOMPARE(errors[1].message,
             QStringLiteral("t.jsonl:4: messages[0]: unrecognized role \"bot\" (expected system, user, assistant or function)"));
    QCOMPARE(errors[2].message, QStringLiteral("t.jsonl:4: no assistant message"));
    QCOMPARE(errors[3].kind, QStringLiteral("too_few_examples"));
    QCOMPARE(errors[3].line, 0);
    QCOMPARE(errors[3].message, QStringLiteral("t.jsonl: too few examples (2): OpenAI needs at least 10 for training"));
    QCOMPARE(r.warnings().at(0).message, QStringLiteral("t.jsonl:2: blank line ignored; every line should be one JSON object"));
}

void TestFineTuneData::duplicatesAndOverLength()
{
    ValidationOptions o = opts();
    o.maxTokensPerExample = 30;
    o.contextTokens = 60;
    o.maxIssuesPerKind = 1;
    // Whitespace and key order differ, the messages are the same: a duplicate.
    const QByteArray dup =
        R"J({"messages": [ {"content":"Recommend.", "role":"system"},{"role":"user","content":"a"},{"role":"assistant","content":"1. Heat (1995)"}]})J"
        "\n";
    const QByteArray longer = line(QByteArray("word ").repeated(10)); // 14 + 3 + 10 + 5 + 3 ... over 30
    const QByteArray huge = line(QByteArray("word ").repeated(60));
    const ChatDataReport r = validate(line("a") + dup + line("b") + dup + longer + huge, *m_tok, o);
    QCOMPARE(r.duplicates, 2);
    QCOMPARE(r.warningCounts.value(QStringLiteral("duplicate_example")), 2);
    QCOMPARE(r.warnings().at(0).message, QStringLiteral("t.jsonl:2: the same messages as line 1"));
    QCOMPARE(r.warnings().size(), 2); // capped at one listed issue per kind
    QCOMPARE(r.overLength, 1);
    QCOMPARE(r.overContext, 1);
    QVERIFY(r.perExample[4].tokens > 30 && r.perExample[4].tokens <= 60);
    QCOMPARE(toCounts(r.errorCounts), (Counts{{"over_context", 1}}));
    QCOMPARE(r.warningCounts.value(QStringLiteral("over_length")), 1);
    QVERIFY(r.toText().contains(QLatin1String("(0 more errors and 1 more warnings not listed)")));
}

void TestFineTuneData::sameReportForAnyThreadCount()
{
    // > 256 KiB: several chunks, validated in parallel.
    QByteArray file;
    for (int i = 0; i < 6000; ++i)
        file += line("Me gustan las pel\xC3\xAD"
                     "culas n\xC3\xBAmero "
                         + QByteArray::number(i % 4500),
                     "1. Heat (1995)\\n2. Se7en (1995)");
    file += "oops\n";
    QVERIFY(file.size() > (1 << 19));
    ValidationOptions one = opts(10);
    ValidationOptions two = one;
    two.threads = 2;
    const QJsonObject a = validate(file, *m_tok, one).toJson();
    const QJsonObject b = validate(file, *m_tok, two).toJson();
    QCOMPARE(a, b);
    QCOMPARE(a.value(QLatin1String("duplicates")).toInt(), 1500);
    QCOMPARE(a.value(QLatin1String("errors")).toArray().at(0).toObject().value(QLatin1String("line")).toInt(), 6001);
}

void TestFineTuneData::epochsRule_data()
{
    QTest::addColumn<qint64>("examples");
    QTest::addColumn<int>("epochs");
    QTest::newRow("0") << qint64{0} << 0;
    QTest::newRow("1") << qint64{1} << 25; // min(25, 100 // 1)
    QTest::newRow("3") << qint64{3} << 25; // min(25, 33)
    QTest::newRow("5") << qint64{5} << 20; // the notebook's example
    QTest::newRow("10") << qint64{10} << 10;
    QTest::newRow("33") << qint64{33} << 3; // 99 < 100: 100 // 33 = 3
    QTest::newRow("34") << qint64{34} << 3; // 102 >= 100: TARGET_EPOCHS
    QTest::newRow("50") << qint64{50} << 3;
    QTest::newRow("6000") << qint64{6000} << 3; // the paper's training split
    QTest::newRow("8333") << qint64{8333} << 3; // 24999 <= 25000
    QTest::newRow("8334") << qint64{8334} << 2; // 25002 > 25000: 25000 // 8334
    QTest::newRow("12500") << qint64{12500} << 2;
    QTest::newRow("12501") << qint64{12501} << 1;
    QTest::newRow("1000000") << qint64{1000000} << 1; // max(1, 0)
}

void TestFineTuneData::epochsRule()
{
    QFETCH(qint64, examples);
    QFETCH(int, epochs);
    QCOMPARE(defaultEpochs(examples), epochs);
}

void TestFineTuneData::distributionPercentiles()
{
    const Distribution d = distribution({8, 25, 9, 3, 8000});
    QCOMPARE(d.count, 5);
    QCOMPARE(d.min, 3.0);
    QCOMPARE(d.max, 8000.0);
    QCOMPARE(d.median, 9.0);
    QCOMPARE(d.p5, 4.0);
    QCOMPARE(d.p10, 5.0);
    QCOMPARE(d.p90, 4810.0);
    QCOMPARE(d.p95, 6405.0);
    const Distribution one = distribution({7});
    QCOMPARE(one.p5, 7.0);
    QCOMPARE(one.p95, 7.0);
    QCOMPARE(distribution({}).count, 0);
}

void TestFineTuneData::cost()
{
    const ModelPrice p = PriceTable::defaults().models().constFirst();
    QCOMPARE(p.model, QStringLiteral("gpt-4o-mini-2024-07-18"));
    QCOMPARE(p.trainingPer1M, 3.00);
    QCOMPARE(p.inputPer1M, 0.15);
    QCOMPARE(p.outputPer1M, 0.60);
    QCOMPARE(p.fineTunedInputPer1M, 0.30);
    QCOMPARE(p.fineTunedOutputPer1M, 1.20);
    // The fine-tuning guide: 100k tokens trained for 3 epochs on gpt-4o-mini cost about $0.90.
    QCOMPARE(costUsd(100000 * 3, p.trainingPer1M), 0.9);
    QCOMPARE(billingTokensPerEpoch({10, 20000, 16385}, 16385), 10 + 16385 + 16385);

    // A report: 12 identical-size examples; 12 * 3 < 100 -> 8 epochs.
    ValidationOptions o = opts();
    const ChatDataReport r = validate(validLines(12), *m_tok, o);
    QCOMPARE(r.epochs, 8);
    QCOMPARE(r.billedTokens, r.billingTokensPerEpoch * 8);
    QCOMPARE(r.trainingCostUsd, static_cast<double>(r.billedTokens) * 3.0 / 1e6);
    QCOMPARE(r.promptTokens + r.completionTokens, r.totalTokens - 12 * (3 + 1)); // assistant: 3 per message + "assistant"
    QCOMPARE(r.baseInferenceCostUsd, r.promptTokens * 0.15 / 1e6 + r.completionTokens * 0.60 / 1e6);
    QCOMPARE(r.fineTunedInferenceCostUsd, r.promptTokens * 0.30 / 1e6 + r.completionTokens * 1.20 / 1e6);
    const QJsonObject j = r.toJson();
    for (const char *key : {"examples", "tokens", "billed_tokens", "epochs", "estimated_cost_usd", "stats", "errors", "warnings"})
        QVERIFY2(j.contains(QLatin1String(key)), key);
    QCOMPARE(j.value(QLatin1String("billed_tokens")).toInteger(), r.billedTokens);
    QCOMPARE(j.value(QLatin1String("estimated_cost_usd")).toDouble(), r.trainingCostUsd);
}

// One estimator: the validator's report (the Fine-tune page) and estimateTraining (the gold-set
// wizard) give the same epochs, billed tokens and cost for the same examples and epochs.
void TestFineTuneData::oneEstimator_data()
{
    QTest::addColumn<int>("examples");
    QTest::addColumn<int>("requested");
    QTest::addColumn<int>("epochs");
    QTest::newRow("paper epochs, 12 examples") << 12 << kPaperEpochs << 2;
    QTest::newRow("paper epochs, 40 examples") << 40 << kPaperEpochs << 2;
    QTest::newRow("rule, 12 examples") << 12 << 0 << 8;
    QTest::newRow("rule, 40 examples") << 40 << 0 << 3;
    QTest::newRow("5 epochs") << 12 << 5 << 5;
}

void TestFineTuneData::oneEstimator()
{
    QFETCH(int, examples);
    QFETCH(int, requested);
    QFETCH(int, epochs);
    QCOMPARE(trainingEpochs(examples, requested), epochs);
    ValidationOptions o = opts();
    o.epochs = requested;
    const ChatDataReport r = validate(validLines(examples), *m_tok, o);
    std::vector<qint64> tokens;
    for (const ExampleTokens &t : r.perExample)
        tokens.push_back(t.tokens);
    QCOMPARE(qint64(tokens.size()), qint64(examples));
    const TrainingEstimate e = estimateTraining(tokens, requested, o.price.trainingPer1M, o.billingCapTokens);
    QCOMPARE(e.examples, r.examples);
    QCOMPARE(e.epochs, epochs);
    QCOMPARE(r.epochs, epochs);
    QCOMPARE(e.tokensPerEpoch, r.billingTokensPerEpoch);
    QCOMPARE(e.billedTokens, r.billedTokens);
    QCOMPARE(e.billedTokens, r.billingTokensPerEpoch * epochs);
    QCOMPARE(e.costUsd, r.trainingCostUsd);
    QCOMPARE(trainingCostText(e.costUsd, false, QLocale::c()), QStringLiteral("$") + usdAmount(r.trainingCostUsd));
    QCOMPARE(trainingCostText(e.costUsd, true, QLocale::c()), QStringLiteral("none (simulated)"));
}

void TestFineTuneData::priceTableJson()
{
    PriceTable t = PriceTable::defaults();
    t.set(ModelPrice{QStringLiteral("gpt-4.1-mini-2025-04-14"), 5.0, 0.4, 1.6, 0.8, 3.2});
    t.set(ModelPrice{QStringLiteral("gpt-4o-mini-2024-07-18"), 3.5, 0.15, 0.60, 0.30, 1.20}); // replaces
    QCOMPARE(t.models().size(), 2);
    QCOMPARE(t.find(QStringLiteral("gpt-4o-mini-2024-07-18"))->trainingPer1M, 3.5);
    QCOMPARE(t.find(QStringLiteral("gpt-4o-mini"))->model, QStringLiteral("gpt-4o-mini-2024-07-18"));
    QCOMPARE(t.find(QStringLiteral("ft:gpt-4o-mini-2024-07-18:org:cinetune:abc123"))->trainingPer1M, 3.5);
    QVERIFY(!t.find(QStringLiteral("claude")));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("prices.json"));
    QVERIFY(t.save(path).ok());
    auto loaded = PriceTable::load(path);
    QVERIFY2(loaded.ok(), qPrintable(loaded ? QString() : loaded.error().message));
    QVERIFY(loaded.value() == t);
    QVERIFY(t.remove(QStringLiteral("gpt-4.1-mini-2025-04-14")));
    QCOMPARE(t.models().size(), 1);
}

void TestFineTuneData::priceTableErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");
    QTest::newRow("not json") << QByteArray("{") << "not a JSON object";
    QTest::newRow("version") << QByteArray(R"({"version":2,"models":[]})") << "\"version\": 1";
    QTest::newRow("currency") << QByteArray(R"({"version":1,"currency":"EUR","models":[]})") << "USD";
    QTest::newRow("models") << QByteArray(R"({"version":1})") << "\"models\" list";
    QTest::newRow("model id") << QByteArray(R"({"version":1,"models":[{"training":3}]})") << "models[0]: expected a \"model\" id";
    QTest::newRow("negative") << QByteArray(R"({"version":1,"models":[{"model":"m","training":-1}]})")
                              << "models[0] (m): \"training\" must be a price";
    QTest::newRow("text price") << QByteArray(R"({"version":1,"models":[{"model":"m","output":"1"}]})")
                                << "\"output\" must be a price";
    QTest::newRow("twice") << QByteArray(R"({"version":1,"models":[{"model":"m"},{"model":"m"}]})") << "appears twice";
}

void TestFineTuneData::priceTableErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const QString path = writeFile(dir.path(), QStringLiteral("p.json"), json);
    auto t = PriceTable::load(path);
    QVERIFY(!t.ok());
    QVERIFY2(t.error().message.contains(message), qPrintable(t.error().message));
    QVERIFY(t.error().message.contains(QLatin1String("p.json")));
}

void TestFineTuneData::templateRendering()
{
    const QStringList profile{QStringLiteral("Toy Story (1995)"), QStringLiteral("The Matrix (1999)")};
    const QStringList gold{QStringLiteral("Am\u00e9lie (2001)"), QStringLiteral("Heat (1995)"), QStringLiteral("Untitled")};
    const ChatExample e = PromptTemplate::paperDefault().render(profile, gold);
    QCOMPARE(e.messages.size(), std::size_t{3});
    QCOMPARE(e.messages[0].role, QStringLiteral("system"));
    QCOMPARE(
        e.messages[0].content,
        QStringLiteral("You are a movie recommendation system. The user lists the 2 movies they rated highest. "
                       "Recommend the movies this user is most likely to watch next, as viewers with the same favourites did.\n"
                       "Answer with exactly 3 numbered lines, one movie per line, in the form \"1. Title (Year)\", "
                       "most likely first. Do not repeat the user's movies and write nothing else."));
    QCOMPARE(e.messages[1].role, QStringLiteral("user"));
    QCOMPARE(e.messages[1].content, QStringLiteral("My top 2 movies:\n1. Toy Story (1995)\n2. The Matrix (1999)"));
    QCOMPARE(e.messages[2].role, QStringLiteral("assistant"));
    QCOMPARE(e.messages[2].content, QStringLiteral("1. Am\u00e9lie (2001)\n2. Heat (1995)\n3. Untitled"));

    // An inference prompt for G = 10, and literal braces.
    PromptTemplate t = simpleTemplate();
    t.system = QStringLiteral("Reply as {{\"n\": {count}}}.");
    const ChatExample p = t.renderPrompt(profile, 10);
    QCOMPARE(p.messages.size(), std::size_t{2});
    QCOMPARE(p.messages[0].content, QStringLiteral("Reply as {\"n\": 10}."));
    QCOMPARE(p.messages[1].content, QStringLiteral("I liked 2:\n1. Toy Story (1995)\n2. The Matrix (1999)"));
    // No system text: no system message.
    t.system.clear();
    QCOMPARE(t.render(profile, gold).messages.front().role, QStringLiteral("user"));
    QCOMPARE(
        chatJsonLine(t.render({QStringLiteral("A \"B\"\t\\")}, {QStringLiteral("C\u0001")})),
        QByteArray(
            R"({"messages":[{"role":"user","content":"I liked 1:\n1. A \"B\"\t\\"},{"role":"assistant","content":"1. C\u0001"}]})"));
}

void TestFineTuneData::templateValidation_data()
{
    QTest::addColumn<QString>("system");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("assistant");
    QTest::addColumn<QString>("message"); // empty = valid
    QTest::newRow("default") << "S {count}"
                             << "{profile}"
                             << "{gold}"
                             << "";
    QTest::newRow("unknown") << "S {number}"
                             << "{profile}"
                             << "{gold}"
                             << "system text: unknown placeholder {number}";
    QTest::newRow("open brace") << "S {count"
                                << "{profile}"
                                << "{gold}"
                                << "system text: \"{\" without \"}\"";
    QTest::newRow("close brace") << "S }"
                                 << "{profile}"
                                 << "{gold}"
                                 << "system text: \"}\" without \"{\"";
    QTest::newRow("gold leaks") << "S"
                                << "{profile} {gold}"
                                << "{gold}"
                                << "user text: {gold} (the answer) may only appear";
    QTest::newRow("no profile") << "S"
                                << "hello"
                                << "{gold}"
                                << "user text: {profile} is missing";
    QTest::newRow("no gold") << "S"
                             << "{profile}"
                             << "sure"
                             << "assistant text: {gold} is missing";
    QTest::newRow("escaped braces") << "{{count}}"
                                    << "{profile}"
                                    << "{gold}"
                                    << "";
}

void TestFineTuneData::templateValidation()
{
    QFETCH(QString, system);
    QFETCH(QString, user);
    QFETCH(QString, assistant);
    QFETCH(QString, message);
    PromptTemplate t{QStringLiteral("x"), system, user, assistant};
    const Status s = t.validate();
    QCOMPARE(s.ok(), message.isEmpty());
    if (!s)
        QVERIFY2(s.error().message.contains(message), qPrintable(s.error().message));
}

void TestFineTuneData::templateJsonRoundTrip()
{
    const PromptTemplate t = PromptTemplate::paperDefault();
    auto back = PromptTemplate::fromJson(t.toJson(), QStringLiteral("t.json"));
    QVERIFY(back.ok());
    QVERIFY(back.value() == t);
    QJsonObject bad = t.toJson();
    bad[QStringLiteral("user")] = QStringLiteral("no placeholder");
    auto err = PromptTemplate::fromJson(bad, QStringLiteral("t.json"));
    QVERIFY(!err.ok());
    QVERIFY(err.error().message.startsWith(QLatin1String("t.json: ")));
    bad = t.toJson();
    bad[QStringLiteral("version")] = 9;
    QVERIFY(!PromptTemplate::fromJson(bad, QStringLiteral("t.json")).ok());
}

void TestFineTuneData::exportTinyGoldSet()
{
    QTemporaryDir dir;
    writeTinyDataset(dir.filePath(QStringLiteral("ml")));
    const DatasetPtr ds = loadTiny(dir.filePath(QStringLiteral("ml")));
    auto gold = parseGoldSetUsers(kGold, QStringLiteral("g.jsonl"));
    QVERIFY(gold.ok());
    const QString out = dir.filePath(QStringLiteral("validation.jsonl"));
    NullProgress progress;
    auto data = exportFineTuneJsonl(gold.value(), QStringLiteral("g.jsonl"), ds->catalogue, simpleTemplate(),
                                    GoldSetSplit::Validation, out, *m_tok, validationOptionsFor(GoldSetSplit::Validation),
                                    progress);
    QVERIFY2(data.ok(), qPrintable(data ? QString() : data.error().message));
    QCOMPARE(data->examples.size(), std::size_t{1});
    QCOMPARE(data->users, (std::vector<std::uint32_t>{2}));
    QCOMPARE(data->skippedNoGold, 1);
    const QByteArray expected =
        R"({"messages":[{"role":"system","content":"Recommend 3 movies."},{"role":"user","content":"I liked 1:\n1. Am)"
        "\xC3\xA9"
        R"J(lie (2001)"},{"role":"assistant","content":"1. The Matrix (1999)\n2. Toy Story (1995)\n3. Untitled"}]})J"
        "\n";
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), expected);
    // system: 3 + 1 + 4; user: 3 + 1 + tokens("I liked 1:\n1. Amélie (2001)"); ...: same as the validator on the file.
    QCOMPARE(data->report.examples, 1);
    QCOMPARE(data->report.totalTokens, validate(expected, *m_tok).totalTokens);
    QVERIFY(!data->report.hasErrors());

    // The test split renders with the paper's template; the exporter is deterministic.
    auto test1 = buildFineTuneData(gold.value(), QStringLiteral("g.jsonl"), ds->catalogue, PromptTemplate::paperDefault(),
                                   GoldSetSplit::Test, *m_tok, validationOptionsFor(GoldSetSplit::Test), progress);
    auto test2 = buildFineTuneData(gold.value(), QStringLiteral("g.jsonl"), ds->catalogue, PromptTemplate::paperDefault(),
                                   GoldSetSplit::Test, *m_tok, validationOptionsFor(GoldSetSplit::Test), progress);
    QVERIFY(test1.ok() && test2.ok());
    QCOMPARE(test1->jsonl, test2->jsonl);
    QVERIFY(test1->jsonl.contains(R"J({"role":"assistant","content":"1. Toy Story (1995)"})J"));
}

void TestFineTuneData::exportRefusesInvalidData()
{
    QTemporaryDir dir;
    writeTinyDataset(dir.filePath(QStringLiteral("ml")));
    const DatasetPtr ds = loadTiny(dir.filePath(QStringLiteral("ml")));
    auto gold = parseGoldSetUsers(kGold, QStringLiteral("g.jsonl"));
    QVERIFY(gold.ok());
    NullProgress progress;
    const QString out = dir.filePath(QStringLiteral("train.jsonl"));
    // One training example: fewer than OpenAI's minimum of 10, so nothing is written.
    auto train = exportFineTuneJsonl(gold.value(), QStringLiteral("g.jsonl"), ds->catalogue, simpleTemplate(),
                                     GoldSetSplit::Train, out, *m_tok, validationOptionsFor(GoldSetSplit::Train), progress);
    QVERIFY(!train.ok());
    QCOMPARE(train.error().code, ErrorCode(errc::FineTune::ValidationFailed));
    QVERIFY2(train.error().message.contains(QLatin1String("OpenAI needs at least 10 for training")),
             qPrintable(train.error().message));
    QVERIFY(!QFile::exists(out));

    // A movie that is not in the dataset names the gold set and the user.
    auto unknown = parseGoldSetUsers(R"({"user":9,"profile":[1],"gold":[77],"neighbors":2,"split":"test"})",
                                     QStringLiteral("g.jsonl"));
    QVERIFY(unknown.ok());
    auto r = buildFineTuneData(unknown.value(), QStringLiteral("g.jsonl"), ds->catalogue, simpleTemplate(), GoldSetSplit::Test,
                               *m_tok, validationOptionsFor(GoldSetSplit::Test), progress);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().message.startsWith(QLatin1String("g.jsonl: user 9: movie 77 is not in the dataset")),
             qPrintable(r.error().message));

    // An empty split is explained.
    auto empty = buildFineTuneData(unknown.value(), QStringLiteral("g.jsonl"), ds->catalogue, simpleTemplate(),
                                   GoldSetSplit::Train, *m_tok, validationOptionsFor(GoldSetSplit::Train), progress);
    QVERIFY(!empty.ok());
    QCOMPARE(empty.error().message, QStringLiteral("g.jsonl: no user is in the train split"));

    // A broken template is refused before anything is rendered.
    PromptTemplate bad = simpleTemplate();
    bad.user = QStringLiteral("{profil}");
    auto t = buildFineTuneData(gold.value(), QStringLiteral("g.jsonl"), ds->catalogue, bad, GoldSetSplit::Test, *m_tok,
                               validationOptionsFor(GoldSetSplit::Test), progress);
    QVERIFY(!t.ok());
    QCOMPARE(t.error().code, ErrorCode(errc::FineTune::PromptTemplate));
}

void TestFineTuneData::jsonLineParser_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("compact"); // of the root, when valid
    QTest::newRow("object") << QByteArray(R"( {"a" : [1, -2.5e3, true, false, null, "x"] } )") << true
                            << R"({"a":[1,-2.5e3,true,false,null,"x"]})";
    QTest::newRow("escapes") << QByteArray(R"(["\"\\\/\b\f\n\r\t\u00e9\ud83c\udfac"])") << true
                             << QString::fromUtf8("[\"\\\"\\\\/\\b\\f\\n\\r\\t\xC3\xA9\xF0\x9F\x8E\xAC\"]");
    QTest::newRow("lone surrogate") << QByteArray(R"(["\ud800x"])") << true << QString::fromUtf8("[\"\xEF\xBF\xBDx\"]");
    QTest::newRow("duplicate keys") << QByteArray(R"({"a":1,"a":2})") << true << R"({"a":1,"a":2})";
    QTest::newRow("scalar") << QByteArray("42") << true << "42";
    QTest::newRow("empty") << QByteArray("") << false << "";
    QTest::newRow("leading zero") << QByteArray("[01]") << false << "";
    QTest::newRow("bare dot") << QByteArray("[1.]") << false << "";
    QTest::newRow("plus") << QByteArray("[+1]") << false << "";
    QTest::newRow("trailing comma") << QByteArray("[1,]") << false << "";
    QTest::newRow("single quotes") << QByteArray("{'a':1}") << false << "";
    QTest::newRow("raw newline in string") << QByteArray("[\"a\nb\"]") << false << "";
    QTest::newRow("bad escape") << QByteArray(R"(["\x"])") << false << "";
    QTest::newRow("short unicode") << QByteArray(R"(["\u12"])") << false << "";
    QTest::newRow("overlong utf-8") << QByteArray("[\"\xC0\xAF\"]") << false << "";
    QTest::newRow("utf-8 surrogate") << QByteArray("[\"\xED\xA0\x80\"]") << false << "";
    QTest::newRow("trailing text") << QByteArray("{} x") << false << "";
    QTest::newRow("unclosed") << QByteArray(R"({"a":[1,2)") << false << "";
    QTest::newRow("deep") << QByteArray(QByteArray(300, '[') + QByteArray(300, ']')) << false << "";
    QTest::newRow("nan") << QByteArray("[NaN]") << false << "";
}

void TestFineTuneData::jsonLineParser()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    QFETCH(QString, compact);
    JsonLineDocument doc;
    QCOMPARE(doc.parse(std::string_view(text.constData(), static_cast<std::size_t>(text.size()))), valid);
    if (valid)
        QCOMPARE(QString::fromUtf8(doc.compact(JsonLineDocument::root)), compact);
    else
        QVERIFY(!doc.errorMessage().isEmpty());
}

void TestFineTuneData::jsonLineParserAgreesWithQJsonDocument()
{
    // Random mutations of valid chat lines: the parser accepts exactly the objects QJsonDocument
    // accepts (QJsonDocument rejects scalars and nothing else differs on these inputs), and the
    // strings it extracts are the same.
    const QByteArray base = line("caf\xC3\xA9 \\\"quoted\\\" \\u00e9\\n", "1. Heat (1995)");
    const QByteArray alphabet = "{}[]\",:\\ 0123456789.eE+-tfnlu\xC3\xA9\x80";
    QRandomGenerator rng(42);
    JsonLineDocument doc;
    int accepted = 0;
    for (int round = 0; round < 4000; ++round) {
        QByteArray t = base.chopped(1);
        const int edits = 1 + static_cast<int>(rng.bounded(3));
        for (int e = 0; e < edits; ++e) {
            const auto pos = static_cast<qsizetype>(rng.bounded(static_cast<quint32>(t.size())));
            const char c = alphabet[static_cast<qsizetype>(rng.bounded(static_cast<quint32>(alphabet.size())))];
            switch (rng.bounded(3)) {
            case 0:
                t[pos] = c;
                break;
            case 1:
                t.insert(pos, c);
                break;
            default:
                t.remove(pos, 1);
                break;
            }
        }
        QJsonParseError pe{};
        const QJsonDocument q = QJsonDocument::fromJson(t, &pe);
        const bool mine = doc.parse(std::string_view(t.constData(), static_cast<std::size_t>(t.size())));
        const bool mineObject = mine && doc.node(JsonLineDocument::root).type == JsonLineDocument::Type::Object;
        const bool qtObject = pe.error == QJsonParseError::NoError && q.isObject();
        // QJsonDocument accepts unknown escapes such as \e; RFC 8259 and Python's json do not.
        const bool qtLenient = !mine && doc.errorMessage().startsWith(QLatin1String("unknown escape"));
        if (mineObject != qtObject && !(mine && !mineObject) && !qtLenient)
            QFAIL(qPrintable(QStringLiteral("disagreement on %1: mine %2, Qt %3 (%4)")
                                 .arg(QString::fromUtf8(t.toPercentEncoding(" {}[]\",:")))
                                 .arg(mine)
                                 .arg(qtObject)
                                 .arg(pe.errorString())));
        if (qtObject && mineObject) {
            ++accepted;
            QCOMPARE(QJsonDocument::fromJson(doc.compact(JsonLineDocument::root)), q);
        }
    }
    QVERIFY(accepted > 100);
}

void TestFineTuneData::cliTokens()
{
    QTemporaryDir dir;
    const QString good = writeFile(dir.path(), QStringLiteral("toy.jsonl"), toyChatFineTuning());
    QString outText, errText;
    {
        QTextStream out(&outText), err(&errText);
        QCOMPARE(cli::tokens({good, QStringLiteral("--json"), QStringLiteral("--min-examples"), QStringLiteral("0")}, out, err),
                 0);
    }
    const QJsonObject j = QJsonDocument::fromJson(outText.toUtf8()).object();
    QCOMPARE(j.value(QLatin1String("examples")).toInt(), 5);
    QCOMPARE(j.value(QLatin1String("tokens")).toInt(), 8233);
    QCOMPARE(j.value(QLatin1String("epochs")).toInt(), 20);
    QCOMPARE(j.value(QLatin1String("billed_tokens")).toInt(), 164660);
    QCOMPARE(j.value(QLatin1String("estimated_cost_usd")).toDouble(), 0.49398);
    QCOMPARE(j.value(QLatin1String("stats"))
                 .toObject()
                 .value(QLatin1String("tokens_per_example"))
                 .toObject()
                 .value(QLatin1String("max"))
                 .toInt(),
             8031);
    QVERIFY(errText.contains(QLatin1String("warning: ")));

    // --epochs and a price table.
    const QString prices = writeFile(dir.path(), QStringLiteral("p.json"),
                                     R"({"version":1,"models":[{"model":"my-model","training":10}]})");
    outText.clear();
    {
        QTextStream out(&outText), err(&errText);
        QCOMPARE(cli::tokens({good, QStringLiteral("--json"), QStringLiteral("--min-examples"), QStringLiteral("0"),
                              QStringLiteral("--epochs"), QStringLiteral("2"), QStringLiteral("--prices"), prices,
                              QStringLiteral("--model"), QStringLiteral("my-model")},
                             out, err),
                 0);
    }
    const QJsonObject k = QJsonDocument::fromJson(outText.toUtf8()).object();
    QCOMPARE(k.value(QLatin1String("billed_tokens")).toInt(), 2 * 8233);
    QCOMPARE(k.value(QLatin1String("estimated_cost_usd")).toDouble(), 2 * 8233 * 10 / 1e6);

    // Broken data: exit code 2, "file:line" on stderr.
    const QString bad = writeFile(dir.path(), QStringLiteral("bad.jsonl"), toyChatFineTuning() + "{\"messages\": 3}\n");
    outText.clear();
    errText.clear();
    {
        QTextStream out(&outText), err(&errText);
        QCOMPARE(cli::tokens({bad}, out, err), 2);
    }
    QVERIFY2(errText.contains(QDir::toNativeSeparators(bad) + QStringLiteral(":6: \"messages\" is not a list")),
             qPrintable(errText));
    QVERIFY(outText.contains(QLatin1String("Tokens:")));
    // A training file needs 10 examples (OpenAI); the toy file has 5.
    errText.clear();
    {
        QTextStream out(&outText), err(&errText);
        QCOMPARE(cli::tokens({good}, out, err), 2);
    }
    QVERIFY2(errText.contains(QLatin1String("too few examples (5): OpenAI needs at least 10 for training")), qPrintable(errText));

    // Usage errors: exit code 1.
    QTextStream out(&outText), err(&errText);
    QCOMPARE(cli::tokens({}, out, err), 1);
    QCOMPARE(cli::tokens({good, QStringLiteral("--epochs"), QStringLiteral("0")}, out, err), 1);
    QCOMPARE(cli::tokens({good, QStringLiteral("--model"), QStringLiteral("nope")}, out, err), 1);
    QCOMPARE(cli::tokens({good, QStringLiteral("--bogus")}, out, err), 1);
    QCOMPARE(cli::tokens({dir.filePath(QStringLiteral("missing.jsonl"))}, out, err), 2);
}

void TestFineTuneData::cliFinetuneData()
{
    QTemporaryDir dir;
    const QString ml = dir.filePath(QStringLiteral("ml"));
    writeTinyDataset(ml);
    const QString gold = writeFile(dir.path(), QStringLiteral("gold.jsonl"), kGold);
    const QString tmpl = writeFile(dir.path(), QStringLiteral("t.json"), QJsonDocument(simpleTemplate().toJson()).toJson());
    const QString out = dir.filePath(QStringLiteral("v.jsonl"));
    QString outText, errText;
    QTextStream o(&outText), e(&errText);
    const QStringList base{gold, QStringLiteral("--dataset"), ml, QStringLiteral("--no-cache")};
    QCOMPARE(cli::finetuneData(base
                                   + QStringList{QStringLiteral("--split"), QStringLiteral("validation"), QStringLiteral("--out"),
                                                 out, QStringLiteral("--template"), tmpl},
                               o, e),
             0);
    o.flush();
    QVERIFY2(outText.contains(QStringLiteral("Wrote %1 (the validation split, examples: 1)").arg(QDir::toNativeSeparators(out))),
             qPrintable(outText));
    QVERIFY(outText.contains(QLatin1String("Users skipped for an empty gold list: 1")));
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readAll().startsWith(R"({"messages":[{"role":"system","content":"Recommend 3 movies."})"));

    // The train split has one example: validation errors, exit 2, nothing written.
    const QString train = dir.filePath(QStringLiteral("train.jsonl"));
    QCOMPARE(cli::finetuneData(
                 base + QStringList{QStringLiteral("--split"), QStringLiteral("train"), QStringLiteral("--out"), train}, o, e),
             2);
    e.flush();
    QVERIFY2(errText.contains(QLatin1String("OpenAI needs at least 10 for training")), qPrintable(errText));
    QVERIFY(!QFile::exists(train));

    // Usage and input errors.
    QCOMPARE(cli::finetuneData({gold}, o, e), 1);
    QCOMPARE(cli::finetuneData(base + QStringList{QStringLiteral("--split"), QStringLiteral("dev"), QStringLiteral("--out"), out},
                               o, e),
             1);
    const QString badGold = writeFile(dir.path(), QStringLiteral("bad.jsonl"), "{\"user\":1}\n");
    QCOMPARE(cli::finetuneData({badGold, QStringLiteral("--dataset"), ml, QStringLiteral("--no-cache"), QStringLiteral("--split"),
                                QStringLiteral("test"), QStringLiteral("--out"), out},
                               o, e),
             2);
    e.flush();
    QVERIFY2(errText.contains(QDir::toNativeSeparators(badGold) + QStringLiteral(":1: expected \"profile\"")),
             qPrintable(errText));
}

QTEST_GUILESS_MAIN(TestFineTuneData)
#include "tst_finetunedata.moc"
