// Gold-set JSONL and spec JSON: exact bytes, round trips, stable order, atomic writes, and every
// kind of bad line reported as "file:line: expected ...".
#include "fixtures.h"
#include "core/goldset/goldsetjsonl.h"
#include "core/goldset/goldsetspec.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace cinetune;

namespace {

std::vector<GoldSetUser> sampleUsers()
{
    GoldSetUser a;
    a.user = 42;
    a.profile = {3, 1, 7};
    a.gold = {9, 4};
    a.neighbours = 10000;
    a.candidates = 204811;
    a.split = GoldSetSplit::Train;
    GoldSetUser b;
    b.user = 7;
    b.profile = {4294967295u};
    b.gold = {};
    b.neighbours = 0;
    b.candidates = 0;
    b.split = GoldSetSplit::Test;
    GoldSetUser c;
    c.user = 0;
    c.profile = {5};
    c.gold = {6};
    c.neighbours = 3;
    c.candidates = 3;
    c.split = GoldSetSplit::Validation;
    return {a, b, c};
}

} // namespace

class TestGoldSetIo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exactBytes();
    void roundTrip();
    void tolerantReading();
    void badLines_data();
    void badLines();
    void atomicWrite();
    void specJsonRoundTrip();
    void specJsonBad_data();
    void specJsonBad();
};

void TestGoldSetIo::exactBytes()
{
    const QByteArray expected =
        "{\"user\":0,\"profile\":[5],\"gold\":[6],\"neighbors\":3,\"candidates\":3,\"split\":\"validation\"}\n"
        "{\"user\":7,\"profile\":[4294967295],\"gold\":[],\"neighbors\":0,\"candidates\":0,\"split\":\"test\"}\n"
        "{\"user\":42,\"profile\":[3,1,7],\"gold\":[9,4],\"neighbors\":10000,\"candidates\":204811,\"split\":\"train\"}\n";
    QCOMPARE(goldSetToJsonl(sampleUsers()), expected); // sorted by user, keys in a fixed order
    QCOMPARE(goldSetToJsonl({}), QByteArray());
}

void TestGoldSetIo::roundTrip()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("gold.jsonl"));
    const auto users = sampleUsers();
    QVERIFY(writeGoldSetJsonl(users, path).ok());
    auto read = readGoldSetUsers(path);
    QVERIFY2(read.ok(), qPrintable(read ? QString() : read.error().message));
    auto sorted = users;
    std::sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) { return a.user < b.user; });
    QVERIFY(read.value() == sorted);
    // Writing what was read gives the same bytes.
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(goldSetToJsonl(read.value()), f.readAll());
}

void TestGoldSetIo::tolerantReading()
{
    // BOM, CRLF, blank lines, extra keys, spaces, "candidates" missing.
    const QByteArray text = "\xEF\xBB\xBF{\"user\": 1, \"profile\": [2, 3], \"gold\": [4], \"neighbors\": 5, \"split\": "
                            "\"test\", \"note\": \"x\"}\r\n"
                            "\r\n"
                            "   \n"
                            "{\"split\":\"train\",\"gold\":[],\"profile\":[],\"neighbors\":0,\"user\":2}";
    auto read = parseGoldSetUsers(text, QStringLiteral("g.jsonl"));
    QVERIFY2(read.ok(), qPrintable(read ? QString() : read.error().message));
    QCOMPARE(read->size(), 2u);
    QCOMPARE(read->at(0).user, 1u);
    QCOMPARE(read->at(0).profile, (std::vector<std::uint32_t>{2, 3}));
    QCOMPARE(read->at(0).gold, (std::vector<std::uint32_t>{4}));
    QCOMPARE(read->at(0).neighbours, 5u);
    QCOMPARE(read->at(0).candidates, 0u);
    QCOMPARE(read->at(0).split, GoldSetSplit::Test);
    QCOMPARE(read->at(1).user, 2u);
    QCOMPARE(read->at(1).split, GoldSetSplit::Train);
}

void TestGoldSetIo::badLines_data()
{
    QTest::addColumn<QByteArray>("line3");
    QTest::addColumn<QString>("message");
    const QString at = QStringLiteral("gold.jsonl:3: ");
    QTest::newRow("not-json") << QByteArray("{\"user\":1,") << at + "expected a JSON object, found invalid JSON";
    QTest::newRow("array") << QByteArray("[1,2]") << at + "expected a JSON object, found an array";
    QTest::newRow("no-user") << QByteArray(R"({"profile":[],"gold":[],"neighbors":1,"split":"train"})")
                             << at + "expected \"user\" to be a whole number from 0 to 4294967295, found nothing";
    QTest::newRow("negative-user") << QByteArray(R"({"user":-1,"profile":[],"gold":[],"neighbors":1,"split":"train"})")
                                   << at + "expected \"user\" to be a whole number from 0 to 4294967295, found -1";
    QTest::newRow("fractional-user") << QByteArray(R"({"user":1.5,"profile":[],"gold":[],"neighbors":1,"split":"train"})")
                                     << at + "expected \"user\" to be a whole number from 0 to 4294967295, found 1.5";
    QTest::newRow("huge-user") << QByteArray(R"({"user":4294967296,"profile":[],"gold":[],"neighbors":1,"split":"train"})")
                               << at + "expected \"user\" to be a whole number from 0 to 4294967295, found 4294967296";
    QTest::newRow("string-user") << QByteArray(R"({"user":"9","profile":[],"gold":[],"neighbors":1,"split":"train"})")
                                 << at + "expected \"user\" to be a whole number from 0 to 4294967295, found \"9\"";
    QTest::newRow("profile-object") << QByteArray(R"({"user":9,"profile":{},"gold":[],"neighbors":1,"split":"train"})")
                                    << at + "expected \"profile\" to be an array of movie ids, found an object";
    QTest::newRow("gold-missing") << QByteArray(R"({"user":9,"profile":[],"neighbors":1,"split":"train"})")
                                  << at + "expected \"gold\" to be an array of movie ids, found nothing";
    QTest::newRow("gold-element") << QByteArray(R"({"user":9,"profile":[],"gold":[1,null],"neighbors":1,"split":"train"})")
                                  << at
            + "expected \"gold\"[1] to be a movie id (a whole number from 0 to 4294967295), found null";
    QTest::newRow("neighbors-missing") << QByteArray(R"({"user":9,"profile":[],"gold":[],"split":"train"})")
                                       << at + "expected \"neighbors\" to be a whole number from 0 to 4294967295, found nothing";
    QTest::newRow("candidates-bad") << QByteArray(
        R"({"user":9,"profile":[],"gold":[],"neighbors":1,"candidates":true,"split":"train"})")
                                    << at + "expected \"candidates\" to be a whole number from 0 to 4294967295, found true";
    QTest::newRow("split-unknown") << QByteArray(R"({"user":9,"profile":[],"gold":[],"neighbors":1,"split":"dev"})")
                                   << at + "expected \"split\" to be \"train\", \"validation\" or \"test\", found \"dev\"";
    QTest::newRow("split-number") << QByteArray(R"({"user":9,"profile":[],"gold":[],"neighbors":1,"split":1})")
                                  << at + "expected \"split\" to be \"train\", \"validation\" or \"test\", found 1";
    QTest::newRow("duplicate-user") << QByteArray(R"({"user":1,"profile":[],"gold":[],"neighbors":1,"split":"train"})")
                                    << at + "user 1 appears twice (first on line 1)";
}

void TestGoldSetIo::badLines()
{
    QFETCH(QByteArray, line3);
    QFETCH(QString, message);
    const QByteArray text = "{\"user\":1,\"profile\":[1],\"gold\":[2],\"neighbors\":1,\"split\":\"train\"}\n"
                            "{\"user\":2,\"profile\":[1],\"gold\":[2],\"neighbors\":1,\"split\":\"test\"}\n"
        + line3 + "\n{\"user\":3,\"profile\":[],\"gold\":[],\"neighbors\":1,\"split\":\"test\"}\n";
    auto read = parseGoldSetUsers(text, QStringLiteral("gold.jsonl"));
    QVERIFY(!read.ok());
    QCOMPARE(read.error().code, ErrorCode(errc::General::Parse));
    QVERIFY2(read.error().message.startsWith(message), qPrintable(read.error().message));
}

void TestGoldSetIo::atomicWrite()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("gold.jsonl"));
    test::writeFile(dir.path(), QStringLiteral("gold.jsonl"), "previous\n");
    // A failed write (missing folder) reports the path and leaves nothing behind.
    const QString missing = dir.filePath(QStringLiteral("no/such/folder/gold.jsonl"));
    const Status failed = writeGoldSetJsonl(sampleUsers(), missing);
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error().code, ErrorCode(errc::General::Io));
    QVERIFY(failed.error().message.startsWith(missing));
    QVERIFY(!QFile::exists(missing));
    // A successful write replaces the file as a whole, with no temporary files left.
    QVERIFY(writeGoldSetJsonl(sampleUsers(), path).ok());
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), goldSetToJsonl(sampleUsers()));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("gold.jsonl")});
    // Unreadable input.
    auto read = readGoldSetUsers(dir.filePath(QStringLiteral("absent.jsonl")));
    QVERIFY(!read.ok());
    QCOMPARE(read.error().code, ErrorCode(errc::General::Io));
}

void TestGoldSetIo::specJsonRoundTrip()
{
    GoldSetSpec s = GoldSetSpec::paper60();
    s.userIds = {5, 3, 5};
    s.exclude = GoldExclude::Profile;
    s.split = {60, 30, 10};
    s.seed = 18446744073709551615ull; // survives: the seed is stored as a string
    s.minMatches = 3;
    auto back = GoldSetSpec::fromJson(s.toJson());
    QVERIFY2(back.ok(), qPrintable(back ? QString() : back.error().message));
    QVERIFY(back.value() == s);
    auto holdout = GoldSetSpec::fromJson(GoldSetSpec::temporalHoldout().toJson());
    QVERIFY(holdout.ok());
    QVERIFY(holdout.value() == GoldSetSpec::temporalHoldout());
    // Missing keys keep the paper50 defaults.
    auto empty = GoldSetSpec::fromJson(QJsonObject{});
    QVERIFY(empty.ok());
    QVERIFY(empty.value() == GoldSetSpec::paper50());
}

void TestGoldSetIo::specJsonBad_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("message");
    QTest::newRow("protocol") << "protocol" << QJsonValue("magic") << "gold-set spec: bad or missing \"protocol\"";
    QTest::newRow("users-string") << "users" << QJsonValue("ten") << "gold-set spec: bad or missing \"users\"";
    QTest::newRow("users-fraction") << "users" << QJsonValue(1.5) << "gold-set spec: bad or missing \"users\"";
    QTest::newRow("exclude") << "exclude" << QJsonValue("some") << "gold-set spec: bad or missing \"exclude\"";
    QTest::newRow("split") << "split" << QJsonValue(QJsonArray{70, 30}) << "gold-set spec: bad or missing \"split\"";
    QTest::newRow("seed") << "seed" << QJsonValue("x1") << "gold-set spec: bad or missing \"seed\"";
    QTest::newRow("out-of-range") << "watch_factor" << QJsonValue(0) << "watch factor W (%) must be from 1 to 100, found 0";
}

void TestGoldSetIo::specJsonBad()
{
    QFETCH(QString, key);
    QFETCH(QJsonValue, value);
    QFETCH(QString, message);
    QJsonObject o = GoldSetSpec::paper50().toJson();
    o[key] = value;
    auto parsed = GoldSetSpec::fromJson(o);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().message, message);
}

QTEST_GUILESS_MAIN(TestGoldSetIo)
#include "tst_goldsetio.moc"
