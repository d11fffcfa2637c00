// `cinetune baseline` run as a process (CINETUNE_BINARY) on the embedded sample with a gold set
// made by `cinetune goldset`: the predictions file's shape (one line per user of the split, ascending
// ids, keys in order, no spaces, no profile movies), the same bytes for any --threads and on a
// second run (ItemKNN then from its cache), --split/--count, and usage and input errors.
#include "clirunner.h"
#include "fixtures.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <map>

namespace {

using cinetune::test::runCli;
using Run = cinetune::test::CliRun;

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

struct GoldLine
{
    QString split;
    QSet<int> profile;
};

} // namespace

class TestBaselineCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void writesPredictions_data();
    void writesPredictions();
    void allSplitsAndCount();
    void popularIsOneDefinition();
    void errors_data();
    void errors();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QStringList base(const QString &model, const QString &out) const
    {
        return {QStringLiteral("baseline"),
                QStringLiteral("--dataset"),
                QStringLiteral(":sample"),
                QStringLiteral("--gold"),
                m_gold,
                QStringLiteral("--model"),
                model,
                QStringLiteral("--out"),
                out};
    }

    QTemporaryDir m_dir;
    QString m_gold;
    std::map<int, GoldLine> m_lines; // by user
};

void TestBaselineCli::initTestCase()
{
    QVERIFY(!qEnvironmentVariable("CINETUNE_BINARY").isEmpty());
    m_gold = path(QStringLiteral("gold.jsonl"));
    const Run g = runCli({QStringLiteral("goldset"), QStringLiteral(":sample"), QStringLiteral("--out"), m_gold,
                          QStringLiteral("--sample-users"), QStringLiteral("80"), QStringLiteral("--split"),
                          QStringLiteral("60/20/20")});
    QVERIFY2(g.code == 0, g.err.constData());
    for (const QByteArray &line : readAll(m_gold).split('\n')) {
        if (line.isEmpty())
            continue;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        GoldLine l;
        l.split = o.value(QStringLiteral("split")).toString();
        for (const QJsonValue v : o.value(QStringLiteral("profile")).toArray())
            l.profile.insert(v.toInt());
        m_lines[o.value(QStringLiteral("user")).toInt()] = l;
    }
    QVERIFY(m_lines.size() > 20);
}

void TestBaselineCli::writesPredictions_data()
{
    QTest::addColumn<QString>("model");
    QTest::newRow("random") << QStringLiteral("random");
    QTest::newRow("popular") << QStringLiteral("popular");
    QTest::newRow("itemknn") << QStringLiteral("itemknn");
    QTest::newRow("consensus") << QStringLiteral("consensus");
}

void TestBaselineCli::writesPredictions()
{
    QFETCH(QString, model);
    const QString out1 = path(model + QStringLiteral("-1.jsonl"));
    const QString out2 = path(model + QStringLiteral("-2.jsonl"));
    const Run a = runCli(base(model, out1) << QStringLiteral("--threads") << QStringLiteral("1"));
    QVERIFY2(a.code == 0, a.err.constData());
    QVERIFY2(a.outText().contains(QStringLiteral("Baseline %1:").arg(model)), a.out.constData());
    const Run b = runCli(base(model, out2) << QStringLiteral("--threads") << QStringLiteral("2"));
    QVERIFY2(b.code == 0, b.err.constData());
    const QByteArray bytes = readAll(out1);
    QCOMPARE(readAll(out2), bytes);

    std::vector<int> expectedUsers;
    for (const auto &[user, line] : m_lines) {
        if (line.split == QLatin1String("test"))
            expectedUsers.push_back(user);
    }
    static const QRegularExpression shape(QStringLiteral("^\\{\"user\":(\\d+),\"items\":\\[(\\d+(,\\d+)*)?\\]\\}$"));
    QVERIFY(bytes.endsWith('\n'));
    const QList<QByteArray> lines = bytes.trimmed().split('\n');
    QCOMPARE(lines.size(), static_cast<qsizetype>(expectedUsers.size()));
    int nonEmpty = 0;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const auto m = shape.match(QString::fromUtf8(lines[i]));
        QVERIFY2(m.hasMatch(), lines[i].constData());
        const int user = m.captured(1).toInt();
        QCOMPARE(user, expectedUsers[static_cast<std::size_t>(i)]);
        const QStringList items = m.captured(2).isEmpty() ? QStringList() : m.captured(2).split(QLatin1Char(','));
        QVERIFY(items.size() <= 10);
        QSet<int> distinct;
        for (const QString &item : items) {
            QVERIFY2(!m_lines[user].profile.contains(item.toInt()), qPrintable(item));
            distinct.insert(item.toInt());
        }
        QCOMPARE(distinct.size(), items.size());
        nonEmpty += !items.isEmpty();
        if (model != QLatin1String("consensus"))
            QCOMPARE(items.size(), 10);
    }
    QVERIFY(nonEmpty > 0);
}

void TestBaselineCli::allSplitsAndCount()
{
    const QString out = path(QStringLiteral("all.jsonl"));
    const Run r = runCli(base(QStringLiteral("popular"), out) << QStringLiteral("--split") << QStringLiteral("all")
                                                              << QStringLiteral("--count") << QStringLiteral("3"));
    QVERIFY2(r.code == 0, r.err.constData());
    const QList<QByteArray> lines = readAll(out).trimmed().split('\n');
    QCOMPARE(lines.size(), static_cast<qsizetype>(m_lines.size()));
    for (const QByteArray &line : lines)
        QCOMPARE(QJsonDocument::fromJson(line).object().value(QStringLiteral("items")).toArray().size(), 3);

    // Random with another seed gives other lists.
    const QString s1 = path(QStringLiteral("seed1.jsonl")), s2 = path(QStringLiteral("seed2.jsonl"));
    QCOMPARE(runCli(base(QStringLiteral("random"), s1) << QStringLiteral("--seed") << QStringLiteral("1")).code, 0);
    QCOMPARE(runCli(base(QStringLiteral("random"), s2) << QStringLiteral("--seed") << QStringLiteral("5")).code, 0);
    QVERIFY(readAll(s1) != readAll(s2));
}

// MostPopular has one definition (docs/BASELINES.md): every rating the recommender may see. On a
// neighbour-consensus gold set (exclude = rated) nothing is held out, so a test user's list is the
// same whether the test split or every split is predicted (it used to count the training users'
// ratings only when another split was predicted).
void TestBaselineCli::popularIsOneDefinition()
{
    const QString test = path(QStringLiteral("popular-test.jsonl")), all = path(QStringLiteral("popular-all.jsonl"));
    QVERIFY(runCli(base(QStringLiteral("popular"), test)).code == 0);
    QVERIFY(runCli(base(QStringLiteral("popular"), all) << QStringLiteral("--split") << QStringLiteral("all")).code == 0);
    std::map<int, QJsonArray> everyone;
    for (const QByteArray &line : readAll(all).trimmed().split('\n')) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        everyone[o.value(QStringLiteral("user")).toInt()] = o.value(QStringLiteral("items")).toArray();
    }
    int compared = 0;
    for (const QByteArray &line : readAll(test).trimmed().split('\n')) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        QCOMPARE(o.value(QStringLiteral("items")).toArray(), everyone.at(o.value(QStringLiteral("user")).toInt()));
        ++compared;
    }
    QVERIFY(compared > 3);
}

void TestBaselineCli::errors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    const QString out = QStringLiteral("OUT");
    QTest::newRow("no model") << QStringList{QStringLiteral("--dataset"), QStringLiteral(":sample"), QStringLiteral("--gold"),
                                             QStringLiteral("GOLD"),      QStringLiteral("--out"),   out}
                              << 1;
    QTest::newRow("unknown model") << QStringList{QStringLiteral("--model"), QStringLiteral("svd")} << 1;
    QTest::newRow("bad split") << QStringList{QStringLiteral("--split"), QStringLiteral("dev")} << 1;
    QTest::newRow("count 0") << QStringList{QStringLiteral("--count"), QStringLiteral("0")} << 1;
    QTest::newRow("bad weighting") << QStringList{QStringLiteral("--weighting"), QStringLiteral("pearson")} << 1;
    QTest::newRow("holdout preset") << QStringList{QStringLiteral("--preset"), QStringLiteral("holdout")} << 1;
    QTest::newRow("missing gold") << QStringList{QStringLiteral("--gold"), QStringLiteral("/nonexistent/gold.jsonl")} << 2;
    QTest::newRow("missing dataset") << QStringList{QStringLiteral("--dataset"), QStringLiteral("/nonexistent/data")} << 2;
}

void TestBaselineCli::errors()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    const QString out = path(QStringLiteral("err.jsonl"));
    QStringList full;
    if (args.contains(QStringLiteral("--out"))) {
        full = QStringList{QStringLiteral("baseline")} + args;
        full.replaceInStrings(QStringLiteral("GOLD"), m_gold);
    } else {
        // The valid command with one option replaced.
        full = base(QStringLiteral("popular"), out);
        for (qsizetype i = 0; i + 1 < args.size(); i += 2) {
            const qsizetype at = full.indexOf(args[i]);
            if (at >= 0)
                full[at + 1] = args[i + 1];
            else
                full << args[i] << args[i + 1];
        }
    }
    const Run r = runCli(full);
    QCOMPARE(r.code, code);
    QVERIFY(r.err.startsWith("cinetune"));
    QVERIFY(!QFile::exists(out));
}

QTEST_GUILESS_MAIN(TestBaselineCli)
#include "tst_baselinecli.moc"
