// `cinetune eval` and `cinetune resolve` on the real binary: metric values of a hand-made gold and
// prediction pair against hand-computed numbers, missing and ignored users, titles and raw answers
// resolved on the embedded sample, errors with file:line, and exit codes.
#include "clirunner.h"
#include "fixtures.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

namespace {

using Run = cinetune::test::CliRun;

// Standard input gets `input` and is closed.
Run runCli(const QStringList &args, const QByteArray &input = "")
{
    return cinetune::test::runCli(args, {.input = input});
}

const QByteArray kGold = "{\"user\":1,\"profile\":[100],\"gold\":[1,2],\"neighbors\":0,\"split\":\"test\"}\n"
                         "{\"user\":2,\"profile\":[100],\"gold\":[3],\"neighbors\":0,\"split\":\"test\"}\n"
                         "{\"user\":3,\"profile\":[100],\"gold\":[4],\"neighbors\":0,\"split\":\"test\"}\n"
                         "{\"user\":4,\"profile\":[100],\"gold\":[5],\"neighbors\":0,\"split\":\"train\"}\n";
const QByteArray kPred = "{\"user\":1,\"items\":[1,9,2]}\n"
                         "{\"user\":2,\"items\":[7,3]}\n"
                         "{\"user\":4,\"items\":[5]}\n"
                         "{\"user\":99,\"items\":[1]}\n";

QJsonObject parseJson(const QByteArray &bytes)
{
    QJsonParseError e{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &e);
    if (e.error != QJsonParseError::NoError)
        qWarning("not JSON: %s", bytes.constData());
    return doc.object();
}

} // namespace

class TestEvalCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void handComputed();
    void allSplits();
    void textOutput();
    void titlesAndText();
    void errors_data();
    void errors();
    void resolveLines();
    void resolveJson();

private:
    QTemporaryDir m_dir;
    QString m_gold, m_pred;
};

void TestEvalCli::initTestCase()
{
    QVERIFY2(QFileInfo::exists(qEnvironmentVariable("CINETUNE_BINARY")), "CINETUNE_BINARY not set");
    m_gold = cinetune::test::writeFile(m_dir.path(), QStringLiteral("gold.jsonl"), kGold);
    m_pred = cinetune::test::writeFile(m_dir.path(), QStringLiteral("pred.jsonl"), kPred);
}

void TestEvalCli::handComputed()
{
    const Run r = runCli({"eval", "--gold", m_gold, "--predictions", m_pred, "--split", "test", "--k", "1,3", "--json"});
    QVERIFY2(r.code == 0, r.err.constData());
    const QJsonObject o = parseJson(r.out);
    QCOMPARE(o.value("users").toInt(), 3);
    QCOMPARE(o.value("missing").toInt(), 1); // user 3
    QCOMPARE(o.value("ignored").toInt(), 2); // user 4 (train) and 99
    // User 1: [1,9,2] vs {1,2}; user 2: [7,3] vs {3}; user 3 missing (0). Means over 3 users.
    const QMap<QString, double> expected = {
        {"precision@1", 1.0 / 3},
        {"recall@1", 0.5 / 3},
        {"f1@1", (2.0 / 3) / 3},
        {"hit@1", 1.0 / 3},
        {"ndcg@1", 1.0 / 3},
        {"map@1", 1.0 / 3},
        {"precision@3", (2.0 / 3 + 1.0 / 3) / 3},
        {"recall@3", 2.0 / 3},
        {"f1@3", (0.8 + 0.5) / 3},
        {"hit@3", 2.0 / 3},
        {"ndcg@3", (1.5 / (1 + 1 / std::log2(3.0)) + 1 / std::log2(3.0)) / 3},
        {"map@3", ((1 + 2.0 / 3) / 2 + 0.5) / 3},
        {"mrr", (1 + 0.5) / 3},
        {"map", ((1 + 2.0 / 3) / 2 + 0.5) / 3},
    };
    const QJsonObject metrics = o.value("metrics").toObject();
    QCOMPARE(metrics.size(), expected.size());
    const QJsonObject ci = o.value("ci").toObject();
    for (auto it = expected.begin(); it != expected.end(); ++it) {
        QVERIFY2(metrics.contains(it.key()), qPrintable(it.key()));
        const double got = metrics.value(it.key()).toDouble();
        QVERIFY2(std::abs(got - it.value()) < 1e-9,
                 qPrintable(QStringLiteral("%1: %2 vs %3").arg(it.key()).arg(got).arg(it.value())));
        const QJsonArray interval = ci.value(it.key()).toArray();
        QCOMPARE(interval.size(), 2);
        QVERIFY(interval[0].toDouble() <= got + 1e-12 && got <= interval[1].toDouble() + 1e-12);
    }
    QVERIFY(o.value("conventions").toObject().contains("precision@K"));
    QVERIFY(!o.contains("resolution"));
    // The same seed gives the same bytes; another seed other intervals.
    const Run again = runCli({"eval", "--gold", m_gold, "--predictions", m_pred, "--split", "test", "--k", "1,3", "--json"});
    QCOMPARE(again.out, r.out);
    const Run other = runCli(
        {"eval", "--gold", m_gold, "--predictions", m_pred, "--split", "test", "--k", "1,3", "--json", "--seed", "99"});
    QVERIFY(other.out != r.out);
}

void TestEvalCli::allSplits()
{
    const Run r = runCli({"eval", "--gold", m_gold, "--predictions", m_pred, "--k", "1", "--json", "--resamples", "1"});
    QVERIFY2(r.code == 0, r.err.constData());
    const QJsonObject o = parseJson(r.out);
    QCOMPARE(o.value("users").toInt(), 4);
    QCOMPARE(o.value("missing").toInt(), 1);
    QCOMPARE(o.value("ignored").toInt(), 1);
    QCOMPARE(o.value("metrics").toObject().value("hit@1").toDouble(), 0.5); // users 1 and 4
    QCOMPARE(o.value("ci").toObject().value("hit@1").toArray().size(), 2);
    // --resamples 0 (no interval at all) is refused (issue 15).
    QCOMPARE(runCli({"eval", "--gold", m_gold, "--predictions", m_pred, "--resamples", "0"}).code, 1);
}

void TestEvalCli::textOutput()
{
    const Run r = runCli({"eval", "--gold", m_gold, "--predictions", m_pred, "--split", "test", "--k", "3"});
    QVERIFY2(r.code == 0, r.err.constData());
    const QString text = QString::fromUtf8(r.out);
    QVERIFY2(text.contains(QStringLiteral("1 missing")), qPrintable(text));
    QVERIFY(text.contains(QRegularExpression(QStringLiteral("recall@3\\s+0\\.6667\\s+\\[0\\.\\d{4}, 1\\.0000\\]"))));
    QVERIFY(text.contains(QStringLiteral("mrr")));
}

void TestEvalCli::titlesAndText()
{
    // On the sample: 2571 The Matrix, 296 Pulp Fiction, 318 Shawshank (the profile), 6 Heat.
    const QByteArray gold = "{\"user\":1,\"profile\":[318],\"gold\":[2571,296],\"neighbors\":0,\"split\":\"test\"}\n"
                            "{\"user\":2,\"profile\":[1],\"gold\":[6],\"neighbors\":0,\"split\":\"test\"}\n"
                            "{\"user\":3,\"profile\":[1],\"gold\":[6],\"neighbors\":0,\"split\":\"test\"}\n";
    const QByteArray pred = "{\"user\":1,\"titles\":[\"Matrix, The (1999)\",\"Pulp Fictoin\",\"The Quantum Lighthouse Keeper\","
                            "\"The Matrix\",\"Shawshank Redemption\"]}\n"
                            "{\"user\":2,\"text\":\"Here are some:\\n1. **Heat** (1995) - a heist film.\\n2. Alien\"}\n"
                            "{\"user\":3,\"text\":\"I am sorry, but I cannot help with that.\"}\n";
    const QString g = cinetune::test::writeFile(m_dir.path(), QStringLiteral("tgold.jsonl"), gold);
    const QString p = cinetune::test::writeFile(m_dir.path(), QStringLiteral("tpred.jsonl"), pred);
    const Run noDataset = runCli({"eval", "--gold", g, "--predictions", p, "--json"});
    QCOMPARE(noDataset.code, 1);
    QVERIFY2(noDataset.err.contains("--dataset"), noDataset.err.constData());

    const Run r = runCli({"eval", "--gold", g, "--predictions", p, "--dataset", ":sample", "--k", "1,3", "--json"});
    QVERIFY2(r.code == 0, r.err.constData());
    const QJsonObject o = parseJson(r.out);
    QCOMPARE(o.value("users").toInt(), 3);
    QCOMPARE(o.value("failed").toInt(), 1); // user 3's answer has no list
    const QJsonObject res = o.value("resolution").toObject();
    QCOMPARE(res.value("titles").toInt(), 7);      // 5 + Heat + Alien
    QCOMPARE(res.value("exact").toInt(), 2);       // The Matrix (1999), Heat (1995)
    QCOMPARE(res.value("exact_title").toInt(), 3); // The Matrix, Shawshank Redemption, Alien
    QCOMPARE(res.value("fuzzy").toInt(), 1);
    QCOMPARE(res.value("hallucinated").toInt(), 1);
    QCOMPARE(res.value("duplicates").toInt(), 1);
    QCOMPARE(res.value("profile_repeats").toInt(), 1);
    QCOMPARE(res.value("parse_failures").toInt(), 1);
    const QJsonObject m = o.value("metrics").toObject();
    // User 1: [2571, 296, unresolved, ...] -> 2 hits in the top 3; user 2: Heat first; user 3: 0.
    QVERIFY(std::abs(m.value("precision@3").toDouble() - (2.0 / 3 + 1.0 / 3) / 3) < 1e-9);
    QVERIFY(std::abs(m.value("hit@1").toDouble() - 2.0 / 3) < 1e-9);
    const QJsonObject beyond = o.value("beyond").toObject();
    QCOMPARE(beyond.value("k").toInt(), 3);
    QCOMPARE(beyond.value("distinct").toInt(), 4); // 2571, 296, Heat, Alien
    QVERIFY(beyond.value("catalogue").toInt() > 9000);
    QVERIFY(beyond.value("popularity").toDouble() > 50);
}

void TestEvalCli::errors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("predictions");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    const QByteArray good = kPred;
    QTest::newRow("bad user") << QStringList{} << QByteArray("{\"user\":1,\"items\":[1]}\n{\"user\":\"x\",\"items\":[]}\n") << 2
                              << "pred-bad.jsonl:2: expected \"user\"";
    QTest::newRow("bad item") << QStringList{} << QByteArray("\n{\"user\":1,\"items\":[1.5]}\n") << 2
                              << "pred-bad.jsonl:2: expected \"items\"[0]";
    QTest::newRow("not json") << QStringList{} << QByteArray("{\"user\":1,\"items\":[1]}\n{oops\n") << 2
                              << "pred-bad.jsonl:2: expected a JSON object";
    QTest::newRow("user twice") << QStringList{} << QByteArray("{\"user\":1,\"items\":[1]}\n{\"user\":1,\"items\":[2]}\n") << 2
                                << "pred-bad.jsonl:2: expected each user once";
    QTest::newRow("nothing to score") << QStringList{} << QByteArray("{\"user\":1}\n") << 2
                                      << "pred-bad.jsonl:1: expected \"items\"";
    QTest::newRow("bad k") << QStringList{"--k", "0,3"} << good << 1 << "--k must be";
    QTest::newRow("bad split") << QStringList{"--split", "dev"} << good << 1 << "--split must be";
    QTest::newRow("empty split") << QStringList{"--split", "validation"} << good << 2 << "no users in split validation";
}

void TestEvalCli::errors()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, predictions);
    QFETCH(int, code);
    QFETCH(QString, message);
    const QString p = cinetune::test::writeFile(m_dir.path(), QStringLiteral("pred-bad.jsonl"), predictions);
    const Run r = runCli(QStringList{"eval", "--gold", m_gold, "--predictions", p} + args);
    QCOMPARE(r.code, code);
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    QVERIFY(r.out.isEmpty());
    const Run usage = runCli({"eval", "--predictions", p});
    QCOMPARE(usage.code, 1);
}

void TestEvalCli::resolveLines()
{
    const Run r = runCli({"resolve", "--dataset", ":sample"},
                         "The Matrix (1999)\nPulp Fictoin\nThe Quantum Lighthouse Keeper\r\nBatman\n\n");
    QVERIFY2(r.code == 0, r.err.constData());
    const QStringList lines = QString::fromUtf8(r.out).split(QLatin1Char('\n'));
    QCOMPARE(
        lines,
        (QStringList{"The Matrix (1999)\t2571\texact\tThe Matrix (1999)", "Pulp Fictoin\t296\tfuzzy(d=2)\tPulp Fiction (1994)",
                     "The Quantum Lighthouse Keeper\tnull\tunresolved\t", "Batman\t592\texact-title\tBatman (1989)",
                     "\tnull\tunresolved\t", ""}));
    const Run exact = runCli({"resolve", "--dataset", ":sample", "--max-distance", "0"}, "Pulp Fictoin\n");
    QCOMPARE(exact.out, QByteArray("Pulp Fictoin\tnull\tunresolved\t\n"));
    QCOMPARE(runCli({"resolve"}).code, 1);
}

void TestEvalCli::resolveJson()
{
    const Run r = runCli({"resolve", "--dataset", ":sample", "--json"}, "Amélie (2001)\nShawshank Redemtion\n");
    QVERIFY2(r.code == 0, r.err.constData());
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    const QJsonObject a = parseJson(lines[0]);
    QCOMPARE(a.value("id").toInt(), 4973);
    QCOMPARE(a.value("how").toString(), QStringLiteral("exact"));
    QCOMPARE(a.value("year").toInt(), 2001);
    QCOMPARE(a.value("title").toString(), QStringLiteral("Amélie"));
    const QJsonObject b = parseJson(lines[1]);
    QCOMPARE(b.value("id").toInt(), 318);
    QCOMPARE(b.value("how").toString(), QStringLiteral("fuzzy"));
    QCOMPARE(b.value("distance").toInt(), 1);
    QCOMPARE(b.value("match").toString(), QStringLiteral("The Shawshank Redemption (1994)"));
    QVERIFY(b.value("year").isNull());
}

QTEST_GUILESS_MAIN(TestEvalCli)
#include "tst_evalcli.moc"
