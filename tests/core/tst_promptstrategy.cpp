// Prompt strategies: the request of a gold-set user as a pure function of the run spec; zero-shot
// equals the training data's system + user messages; few-shot draws from the train split only;
// candidates are listed; the JSON format sets response_format; cache keys and spec JSON round trip.
#include "fixtures.h"

#include "core/common/progress.h"
#include "core/dataset/catalogue.h"
#include "core/eval/promptstrategy.h"
#include "core/finetune/finetuneexport.h"
#include "core/finetune/tokenizer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace cinetune;

namespace {

Catalogue makeCatalogue()
{
    Catalogue c;
    for (std::uint32_t i = 1; i <= 80; ++i)
        c.add(Movie{1000 + i, 1980 + int(i % 30), QStringLiteral("Movie Title %1").arg(i), {}, true});
    return c;
}

GoldSetUser makeUser(std::uint32_t id, int first, GoldSetSplit split)
{
    GoldSetUser u;
    u.user = id;
    for (int i = 0; i < 10; ++i)
        u.profile.push_back(std::uint32_t(1001 + (first + i) % 80));
    for (int i = 10; i < 20; ++i)
        u.gold.push_back(std::uint32_t(1001 + (first + i) % 80));
    u.split = split;
    return u;
}

std::vector<GoldSetUser> trainUsers()
{
    std::vector<GoldSetUser> t;
    for (std::uint32_t i = 0; i < 12; ++i)
        t.push_back(makeUser(500 + i, int(i) * 5, GoldSetSplit::Train));
    return t;
}

std::vector<std::uint32_t> fixedCandidates(const GoldSetUser &u, int n)
{
    std::vector<std::uint32_t> out;
    for (int i = 0; i < n; ++i)
        out.push_back(1001 + (u.user + std::uint32_t(i) * 7) % 80);
    return out;
}

QStringList contents(const ChatRequest &r)
{
    QStringList out;
    for (const ChatMessage &m : r.messages)
        out << m.role + QLatin1Char(':') + m.content;
    return out;
}

} // namespace

class TestPromptStrategy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void strategies_data()
    {
        QTest::addColumn<QString>("strategy");
        QTest::addColumn<QString>("format");
        QTest::addColumn<int>("messages"); // expected message count
        QTest::addColumn<bool>("responseFormat");
        QTest::addColumn<QString>("userContains"); // text the last (user) message must contain
        QTest::addColumn<QString>("systemContains");

        QTest::newRow("zero-shot") << "zero-shot"
                                   << "numbered" << 2 << false << "My top 10 movies:"
                                   << "exactly 10 numbered lines";
        QTest::newRow("fine-tuned") << "fine-tuned"
                                    << "numbered" << 2 << false << "1. Movie Title"
                                    << "movie recommendation system";
        QTest::newRow("few-shot k=3") << "few-shot"
                                      << "numbered" << 2 + 2 * 3 << false << "My top 10 movies:"
                                      << "exactly 10";
        QTest::newRow("candidates") << "candidates"
                                    << "numbered" << 2 << false << "Rank these candidate movies"
                                    << "exactly 10";
        QTest::newRow("zero-shot json") << "zero-shot"
                                        << "json" << 2 << true << "My top 10 movies:"
                                        << "\"recommendations\"";
        QTest::newRow("few-shot json") << "few-shot"
                                       << "json" << 8 << true << "My top 10 movies:"
                                       << "Answer in JSON";
    }

    void strategies()
    {
        QFETCH(QString, strategy);
        QFETCH(QString, format);
        QFETCH(int, messages);
        QFETCH(bool, responseFormat);
        QFETCH(QString, userContains);
        QFETCH(QString, systemContains);

        const Catalogue catalogue = makeCatalogue();
        const std::vector<GoldSetUser> train = trainUsers();
        RunSpec spec;
        spec.goldSetName = QStringLiteral("g");
        spec.target.provider = QStringLiteral("sim");
        spec.target.model = QStringLiteral("gpt-4o-mini-2024-07-18");
        spec.strategy = *promptStrategyFromId(strategy);
        spec.format = *outputFormatFromId(format);
        spec.seed = 7;
        QVERIFY(spec.validate().ok());
        const PromptContext ctx{&catalogue, &train, fixedCandidates};
        const GoldSetUser user = makeUser(42, 3, GoldSetSplit::Test);

        auto r = buildChatRequest(spec, ctx, user);
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
        QCOMPARE(int(r->messages.size()), messages);
        QCOMPARE(r->messages.first().role, QStringLiteral("system"));
        QCOMPARE(r->messages.last().role, QStringLiteral("user"));
        QVERIFY2(r->messages.last().content.contains(userContains), qPrintable(r->messages.last().content));
        QVERIFY2(r->messages.first().content.contains(systemContains), qPrintable(r->messages.first().content));
        QCOMPARE(!r->responseFormat.isEmpty(), responseFormat);
        const QJsonObject body = QJsonDocument::fromJson(chatRequestBody(r.value())).object();
        QCOMPARE(body.contains(QStringLiteral("response_format")), responseFormat);
        if (responseFormat)
            QCOMPARE(body.value(QStringLiteral("response_format")).toObject().value(QStringLiteral("type")).toString(),
                     QStringLiteral("json_schema"));
        QCOMPARE(body.value(QStringLiteral("temperature")).toDouble(-1), 0.0);
        QCOMPARE(body.value(QStringLiteral("seed")).toInteger(), 7);
        QCOMPARE(body.value(QStringLiteral("max_tokens")).toInt(), 400);

        // Pure: the same inputs give the same bytes and key; another user gives another key.
        auto again = buildChatRequest(spec, ctx, user);
        QVERIFY(again);
        QCOMPARE(chatRequestBody(again.value()), chatRequestBody(r.value()));
        const QUrl base(QStringLiteral("http://127.0.0.1:1/v1"));
        QCOMPARE(requestCacheKey(base, again.value()), requestCacheKey(base, r.value()));
        QCOMPARE(requestCacheKey(base, r.value()).size(), 64);
        auto other = buildChatRequest(spec, ctx, makeUser(43, 9, GoldSetSplit::Test));
        QVERIFY(other);
        QVERIFY(requestCacheKey(base, other.value()) != requestCacheKey(base, r.value()));
        QVERIFY(requestCacheKey(QUrl(QStringLiteral("http://127.0.0.1:2/v1")), r.value()) != requestCacheKey(base, r.value()));
    }

    // Zero-shot and fine-tuned prompts are the training data's system and user messages.
    void zeroShotEqualsTrainingPrompt()
    {
        const Catalogue catalogue = makeCatalogue();
        std::vector<GoldSetUser> users;
        for (std::uint32_t i = 0; i < 5; ++i) {
            GoldSetUser u = makeUser(100 + i, int(i) * 11, GoldSetSplit::Test);
            users.push_back(u);
        }
        auto tokenizer = Tokenizer::o200k();
        QVERIFY(tokenizer);
        NullProgress progress;
        auto data = buildFineTuneData(users, QStringLiteral("gold.jsonl"), catalogue, PromptTemplate::paperDefault(),
                                      GoldSetSplit::Test, tokenizer.value(), validationOptionsFor(GoldSetSplit::Test), progress);
        QVERIFY2(data, qPrintable(data ? QString() : data.error().message));
        QCOMPARE(data->examples.size(), users.size());
        for (auto strategy : {PromptStrategyKind::ZeroShot, PromptStrategyKind::FineTuned}) {
            RunSpec spec;
            spec.goldSetName = QStringLiteral("g");
            spec.target.provider = QStringLiteral("sim");
            spec.target.model = QStringLiteral("m");
            spec.strategy = strategy;
            for (std::size_t i = 0; i < users.size(); ++i) {
                auto r = buildChatRequest(spec, PromptContext{&catalogue, nullptr, {}}, users[i]);
                QVERIFY(r);
                const auto &training = data->examples[i].messages;
                QCOMPARE(training.size(), std::size_t(3));
                QCOMPARE(int(r->messages.size()), 2);
                for (int m = 0; m < 2; ++m) {
                    QCOMPARE(r->messages[m].role, training[std::size_t(m)].role);
                    QCOMPARE(r->messages[m].content, training[std::size_t(m)].content);
                }
            }
        }
    }

    // Few-shot examples come from the train split only, never the user, are seeded and differ by seed.
    void fewShotDrawsFromTrainOnly()
    {
        const Catalogue catalogue = makeCatalogue();
        std::vector<GoldSetUser> train = trainUsers();
        train.push_back(makeUser(42, 3, GoldSetSplit::Train)); // the user itself must never be chosen
        RunSpec spec;
        spec.goldSetName = QStringLiteral("g");
        spec.target.provider = QStringLiteral("sim");
        spec.target.model = QStringLiteral("m");
        spec.strategy = PromptStrategyKind::FewShot;
        spec.fewShotK = 4;
        const GoldSetUser user = makeUser(42, 3, GoldSetSplit::Test);
        QSet<QString> trainAnswers;
        for (const GoldSetUser &t : train) {
            if (t.user == user.user)
                continue;
            QStringList gold;
            for (std::uint32_t id : t.gold)
                gold << catalogue.displayTitle(*catalogue.find(id));
            trainAnswers.insert(numberedList(gold));
        }
        QSet<QString> seen;
        for (qint64 seed : {1, 2, 3}) {
            spec.seed = seed;
            auto r = buildChatRequest(spec, PromptContext{&catalogue, &train, {}}, user);
            QVERIFY(r);
            QCOMPARE(int(r->messages.size()), 2 + 2 * 4);
            QStringList answers;
            for (const ChatMessage &m : r->messages) {
                if (m.role == QLatin1String("assistant")) {
                    QVERIFY2(trainAnswers.contains(m.content), qPrintable(m.content));
                    answers << m.content;
                }
            }
            QCOMPARE(answers.size(), 4);
            QCOMPARE(QSet<QString>(answers.begin(), answers.end()).size(), 4); // distinct examples
            seen.insert(answers.join(QLatin1Char('|')));
            auto again = buildChatRequest(spec, PromptContext{&catalogue, &train, {}}, user);
            QVERIFY(again);
            QCOMPARE(contents(again.value()), contents(r.value()));
        }
        QVERIFY(seen.size() > 1); // the seed changes the choice
        // Not enough train users: an error, not a shorter prompt.
        spec.fewShotK = 50;
        auto tooMany = buildChatRequest(spec, PromptContext{&catalogue, &train, {}}, user);
        QVERIFY(!tooMany);
        QCOMPARE(tooMany.error().code, ErrorCode(errc::Run::NoExamples));
    }

    void candidatesListed()
    {
        const Catalogue catalogue = makeCatalogue();
        RunSpec spec;
        spec.goldSetName = QStringLiteral("g");
        spec.target.provider = QStringLiteral("sim");
        spec.target.model = QStringLiteral("m");
        spec.strategy = PromptStrategyKind::Candidates;
        spec.candidateCount = 5;
        const GoldSetUser user = makeUser(7, 0, GoldSetSplit::Test);
        auto r = buildChatRequest(spec, PromptContext{&catalogue, nullptr, fixedCandidates}, user);
        QVERIFY(r);
        const QString text = r->messages.last().content;
        const std::vector<std::uint32_t> ids = fixedCandidates(user, 5);
        for (std::size_t i = 0; i < ids.size(); ++i) {
            const QString line = QStringLiteral("%1. %2").arg(i + 1).arg(catalogue.displayTitle(*catalogue.find(ids[i])));
            QVERIFY2(text.contains(line), qPrintable(line));
        }
        QVERIFY(!text.contains(QStringLiteral("\n6. "))
                || text.indexOf(QStringLiteral("Rank these")) > text.lastIndexOf(QStringLiteral("\n6. ")));
        auto none = buildChatRequest(spec, PromptContext{&catalogue, nullptr, {}}, user);
        QVERIFY(!none);
        QCOMPARE(none.error().code, ErrorCode(errc::Run::NoCandidates));
    }

    void unknownMovieIsAnError()
    {
        const Catalogue catalogue = makeCatalogue();
        RunSpec spec;
        spec.goldSetName = QStringLiteral("g");
        spec.target.provider = QStringLiteral("sim");
        spec.target.model = QStringLiteral("m");
        GoldSetUser u = makeUser(1, 0, GoldSetSplit::Test);
        u.profile.push_back(999999);
        auto r = buildChatRequest(spec, PromptContext{&catalogue, nullptr, {}}, u);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode(errc::Run::UnknownMovie));
        QVERIFY(r.error().message.contains(QStringLiteral("999999")));
    }

    void specJsonRoundTrip()
    {
        RunSpec spec;
        spec.goldSetName = QStringLiteral("paper50");
        spec.goldSetId = 3;
        spec.split = GoldSetSplit::Validation;
        spec.target.provider = QStringLiteral("openai");
        spec.target.model = QStringLiteral("ft:gpt-4o-mini-2024-07-18:org::abc");
        spec.strategy = PromptStrategyKind::FewShot;
        spec.format = OutputFormat::Json;
        spec.temperature = 0.7;
        spec.seed = 123;
        spec.maxTokens = 300;
        spec.count = 5;
        spec.fewShotK = 2;
        const QByteArray bytes = QJsonDocument(spec.toJson()).toJson();
        auto back = RunSpec::fromJson(QJsonDocument::fromJson(bytes).object());
        QVERIFY2(back, qPrintable(back ? QString() : back.error().message));
        QVERIFY(back.value() == spec);
        RunSpec noSeed = spec;
        noSeed.seed.reset();
        auto back2 = RunSpec::fromJson(noSeed.toJson());
        QVERIFY(back2 && !back2->seed.has_value());
        QJsonObject bad = spec.toJson();
        bad[QStringLiteral("strategy")] = QStringLiteral("telepathy");
        QVERIFY(!RunSpec::fromJson(bad));
        bad = spec.toJson();
        bad[QStringLiteral("temperature")] = 5;
        QVERIFY(!RunSpec::fromJson(bad));
    }
};

QTEST_GUILESS_MAIN(TestPromptStrategy)
#include "tst_promptstrategy.moc"
