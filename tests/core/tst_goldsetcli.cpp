// `cinetune goldset`: options and their ranges (exit 1), bad input (exit 2), the JSONL it writes,
// summaries, empty results (explained, nothing written) and the same bytes for any --threads.
#include "app/cli/cli.h"
#include "app/cli/goldsetcommands.h"
#include "app/cli/goldsetstatscommand.h"
#include "fixtures.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace cinetune;

namespace {

struct CliRun
{
    int code = -1;
    QString out;
    QString err;
};

CliRun runGoldset(const QStringList &args)
{
    CliRun r;
    QTextStream out(&r.out);
    QTextStream err(&r.err);
    r.code = cli::goldset(args, out, err);
    out.flush();
    err.flush();
    return r;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The hand-made consensus fixture of tst_goldset (user 1's gold is 7, 5, 6 with P = 2).
const QByteArray kCombined = "1:\n1,5,2005-01-02\n2,5,2005-02-01\n5,5,2005-02-01\n6,5,2005-02-01\n4,4,2005-02-01\n"
                             "2:\n1,5,2005-01-01\n3,5,2005-02-01\n5,5,2005-02-01\n"
                             "3:\n1,3,2005-01-03\n2,2,2005-02-01\n6,1,2005-02-01\n"
                             "4:\n1,4,2005-01-03\n6,5,2005-02-01\n"
                             "5:\n2,3,2005-02-01\n3,4,2005-02-01\n4,5,2005-02-01\n"
                             "6:\n2,1,2005-02-01\n4,5,2005-02-01\n5,2,2005-02-01\n"
                             "7:\n3,5,2005-02-01\n5,4,2005-02-01\n6,3,2005-02-01\n"
                             "8:\n5,1,2005-02-01\n";

} // namespace

class TestGoldSetCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void usageErrors_data();
    void usageErrors();
    void inputErrors_data();
    void inputErrors();
    void writesGoldSet();
    void jsonSummary();
    void emptyResultWritesNothing();
    void sameBytesForAnyThreads();
    void holdoutPreset();
    void goldsetStats();
    void goldsetStatsUsage_data();
    void goldsetStatsUsage();

private:
    QTemporaryDir m_dir;
    QString m_dataset;
    QString m_users;
};

void TestGoldSetCli::initTestCase()
{
    m_dataset = QFileInfo(test::writeFile(m_dir.path(), QStringLiteral("data/combined_data_1.txt"), kCombined)).absolutePath();
    test::writeFile(m_dir.path(), QStringLiteral("data/movie_titles.csv"),
                    "1,2001,One\n2,2002,Two\n3,2003,Three\n4,2004,Four\n"
                    "5,2005,Five\n6,2000,Six\n7,1999,Seven\n8,1998,Eight\n");
    m_users = test::writeFile(m_dir.path(), QStringLiteral("users.txt"), "1\n");
}

void TestGoldSetCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QString>("message");
    QTest::newRow("preset") << QStringList{"--preset", "paper70"}
                            << "--preset must be paper50, paper60 or holdout, found \"paper70\"";
    QTest::newRow("watch-0") << QStringList{"--watch-factor", "0"}
                             << "--watch-factor must be a whole number from 1 to 100, found \"0\"";
    QTest::newRow("watch-101") << QStringList{"--watch-factor", "101"}
                               << "--watch-factor must be a whole number from 1 to 100, found \"101\"";
    QTest::newRow("profile-0") << QStringList{"--profile-size", "0"}
                               << "--profile-size must be a whole number from 1 to 100, found \"0\"";
    QTest::newRow("neighbors-negative") << QStringList{"--neighbors", "-1"}
                                        << "--neighbors must be a whole number from 0 to 268435455, found \"-1\"";
    QTest::newRow("max-gold") << QStringList{"--max-gold", "0"}
                              << "--max-gold must be a whole number from 1 to 1000, found \"0\"";
    QTest::newRow("seed") << QStringList{"--seed", "x"}
                          << "--seed must be a whole number from 0 to 18446744073709551615, found \"x\"";
    QTest::newRow("threshold-4.2") << QStringList{"--star-threshold", "4.2"}
                                   << "--star-threshold must be a number of stars from 0.5 to 5 in steps of 0.5, found \"4.2\"";
    QTest::newRow("threshold-6") << QStringList{"--star-threshold", "6"}
                                 << "--star-threshold must be a number of stars from 0.5 to 5 in steps of 0.5, found \"6\"";
    QTest::newRow("exclude") << QStringList{"--exclude", "all"} << "--exclude must be rated or profile, found \"all\"";
    QTest::newRow("matches-above-profile") << QStringList{"--min-matches", "11"}
                                           << "min matches M must be from 1 to the profile size 10, found 11";
    QTest::newRow("min-gold-above-max") << QStringList{"--max-gold", "3", "--min-gold", "4"}
                                        << "min gold must be from 0 to max gold 3, found 4";
    QTest::newRow("split") << QStringList{"--split", "50/40/20"}
                           << "--split must be three whole percentages adding up to 100 such as 70/20/10, found \"50/40/20\"";
    QTest::newRow("neighbors-with-holdout") << QStringList{"--preset", "holdout", "--neighbors", "5"}
                                            << "--neighbors does not apply to the temporal hold-out (--preset holdout)";
    QTest::newRow("holdout-with-paper50") << QStringList{"--holdout", "5"}
                                          << "--holdout applies only to the temporal hold-out (--preset holdout)";
    QTest::newRow("users-file-and-sample") << QStringList{"--users-file", "u.txt", "--sample-users", "3"}
                                           << "--users-file and --sample-users exclude each other";
    QTest::newRow("unknown-option") << QStringList{"--frobnicate"} << "Unknown option 'frobnicate'.";
}

void TestGoldSetCli::usageErrors()
{
    QFETCH(QStringList, extra);
    QFETCH(QString, message);
    const QString out = m_dir.filePath(QStringLiteral("usage.jsonl"));
    const CliRun r = runGoldset(QStringList{m_dataset, "--out", out} + extra);
    QCOMPARE(r.code, int(cli::UsageError));
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(r.err.startsWith(QStringLiteral("cinetune goldset: ")));
    QVERIFY(!QFile::exists(out));
    // Missing DATASET or --out.
    QCOMPARE(runGoldset({}).code, int(cli::UsageError));
    QCOMPARE(runGoldset({m_dataset}).code, int(cli::UsageError));
}

void TestGoldSetCli::inputErrors_data()
{
    QTest::addColumn<QString>("usersFile"); // contents; empty = no --users-file
    QTest::addColumn<bool>("missingDataset");
    QTest::addColumn<QString>("message");
    QTest::newRow("no-dataset") << QString() << true << "no-such-folder";
    QTest::newRow("bad-token") << "1\n2 x3\n"
                               << false
                               << "users-bad.txt:2: expected a user id (a whole number from 0 to 4294967295), found \"x3\"";
    QTest::newRow("unknown-user") << "1 99\n" << false << "users-bad.txt:1: user 99 is not in the dataset";
    QTest::newRow("no-ids") << " \n\n" << false << "users-bad.txt: expected user ids separated by white space, found none";
}

void TestGoldSetCli::inputErrors()
{
    QFETCH(QString, usersFile);
    QFETCH(bool, missingDataset);
    QFETCH(QString, message);
    const QString out = m_dir.filePath(QStringLiteral("input.jsonl"));
    QStringList args{missingDataset ? m_dir.filePath(QStringLiteral("no-such-folder")) : m_dataset, "--out", out, "--no-cache"};
    if (!usersFile.isEmpty())
        args << "--users-file" << test::writeFile(m_dir.path(), QStringLiteral("users-bad.txt"), usersFile.toUtf8());
    const CliRun r = runGoldset(args);
    QCOMPARE(r.code, int(cli::InputError));
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(!QFile::exists(out));
}

void TestGoldSetCli::writesGoldSet()
{
    const QString out = m_dir.filePath(QStringLiteral("gold.jsonl"));
    test::writeFile(m_dir.path(), QStringLiteral("gold.jsonl"), "old contents\n");
    const CliRun r = runGoldset({m_dataset, "--out", out, "--no-cache", "--users-file", m_users, "--profile-size", "2",
                                 "--eligibility", "1", "--neighbors", "0"});
    QCOMPARE(r.code, int(cli::Success));
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    QCOMPARE(
        readAll(out),
        QByteArray("{\"user\":1,\"profile\":[1,2],\"gold\":[7,5,6],\"neighbors\":4,\"candidates\":4,\"split\":\"train\"}\n"));
    QVERIFY2(r.out.contains(QStringLiteral("Users: 6 in the dataset, 6 eligible, 1 selected, 1 kept, 0 dropped")),
             qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("Wrote 1 users to ") + out), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("Seven (1999) [7] (1 users)")), qPrintable(r.out));
    // Exclude only the profile: movie 3 (rated by user 1, outside the profile) becomes gold.
    const CliRun p = runGoldset({m_dataset, "--out", out, "--no-cache", "--users-file", m_users, "--profile-size", "2",
                                 "--eligibility", "1", "--neighbors", "0", "--exclude", "profile", "--max-gold", "2"});
    QCOMPARE(p.code, int(cli::Success));
    QCOMPARE(readAll(out),
             QByteArray("{\"user\":1,\"profile\":[1,2],\"gold\":[7,3],\"neighbors\":4,\"candidates\":4,\"split\":\"train\"}\n"));
}

void TestGoldSetCli::jsonSummary()
{
    const QString out = m_dir.filePath(QStringLiteral("json.jsonl"));
    const CliRun r = runGoldset({m_dataset, "--out", out, "--no-cache", "--preset", "paper60", "--sample-users", "0",
                                 "--eligibility", "1", "--json", "--seed", "3"});
    QCOMPARE(r.code, int(cli::Success));
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QVERIFY2(!o.isEmpty(), qPrintable(r.out));
    QCOMPARE(o.value(QStringLiteral("eligible_users")).toInt(), 6);
    QCOMPARE(o.value(QStringLiteral("selected_users")).toInt(), 6);
    QCOMPARE(o.value(QStringLiteral("kept_users")).toInt()
                 + o.value(QStringLiteral("dropped")).toObject().value(QStringLiteral("no-neighbours")).toInt()
                 + o.value(QStringLiteral("dropped")).toObject().value(QStringLiteral("all-excluded")).toInt()
                 + o.value(QStringLiteral("dropped")).toObject().value(QStringLiteral("no-movie-reaches-watch-factor")).toInt(),
             6);
    QCOMPARE(o.value(QStringLiteral("spec")).toObject().value(QStringLiteral("watch_factor")).toInt(), 60);
    QCOMPARE(o.value(QStringLiteral("spec")).toObject().value(QStringLiteral("seed")).toString(), QStringLiteral("3"));
    QCOMPARE(o.value(QStringLiteral("out")).toString(), out);
    // The diagnostics of the test split (or the first split with users) come with the summary.
    const QJsonObject d = o.value(QStringLiteral("diagnostics")).toObject();
    QVERIFY2(d.value(QStringLiteral("verdict"))
                 .toString()
                 .startsWith(QStringLiteral("A non-personalised popularity list scores P@3 = ")),
             qPrintable(r.out));
    QVERIFY(d.contains(QStringLiteral("neighbour_consensus"))); // the ceiling: a neighbour-consensus rule
}

void TestGoldSetCli::emptyResultWritesNothing()
{
    const QString out = m_dir.filePath(QStringLiteral("empty.jsonl"));
    test::writeFile(m_dir.path(), QStringLiteral("empty.jsonl"), "keep me\n");
    const CliRun r = runGoldset({m_dataset, "--out", out, "--no-cache", "--users-file", m_users, "--profile-size", "2",
                                 "--eligibility", "1", "--neighbors", "0", "--watch-factor", "76"});
    QCOMPARE(r.code, int(cli::InputError));
    QVERIFY2(r.err.contains(QStringLiteral(
                 "empty gold set, nothing written: no movie reaches the watch factor (rated by 76 % of the neighbours)")),
             qPrintable(r.err));
    QCOMPARE(readAll(out), QByteArray("keep me\n"));
    const CliRun none = runGoldset({m_dataset, "--out", out, "--no-cache"}); // paper50: E = 4
    QCOMPARE(none.code, int(cli::InputError));
    QVERIFY2(none.err.contains(QStringLiteral("no user has 4 ratings of 5 stars")), qPrintable(none.err));
}

void TestGoldSetCli::sameBytesForAnyThreads()
{
    QByteArray first;
    for (const char *threads : {"1", "2", "3"}) {
        const QString out = m_dir.filePath(QStringLiteral("sample-%1.jsonl").arg(QLatin1String(threads)));
        const CliRun r = runGoldset({":sample", "--out", out, "--no-cache", "--sample-users", "120", "--neighbors", "40",
                                     "--threads", threads, "--seed", "11"});
        QCOMPARE(r.code, int(cli::Success));
        const QByteArray bytes = readAll(out);
        QVERIFY(bytes.count('\n') > 50);
        if (first.isEmpty())
            first = bytes;
        QCOMPARE(bytes, first);
    }
}

void TestGoldSetCli::holdoutPreset()
{
    const QString out = m_dir.filePath(QStringLiteral("holdout.jsonl"));
    const CliRun r = runGoldset({m_dataset, "--out", out, "--no-cache", "--preset", "holdout", "--holdout", "1", "--profile-size",
                                 "3", "--sample-users", "0", "--star-threshold", "5"});
    QCOMPARE(r.code, int(cli::Success));
    QVERIFY2(r.out.contains(QStringLiteral("temporal hold-out")), qPrintable(r.out));
    // User 1: last 5-star rating is movie 1 (2005-01-02); before it only movie 2 (2005-01-01).
    QVERIFY2(readAll(out).startsWith("{\"user\":1,\"profile\":[2],\"gold\":[1],\"neighbors\":0,\"candidates\":0,"),
             readAll(out).constData());
}

CliRun runStats(const QStringList &args)
{
    CliRun r;
    QTextStream out(&r.out);
    QTextStream err(&r.err);
    r.code = cli::goldsetStats(args, out, err);
    out.flush();
    err.flush();
    return r;
}

// `cinetune goldset-stats` on a small sample gold set: the same MostPopular figures as the
// diagnostics `goldset --json` attached, shares that grow with the top percentage, at most 20
// frequent movies with titles, and a quotable verdict.
void TestGoldSetCli::goldsetStats()
{
    const QString out = m_dir.filePath(QStringLiteral("stats.jsonl"));
    const CliRun built = runGoldset(
        {":sample", "--out", out, "--no-cache", "--sample-users", "150", "--neighbors", "40", "--seed", "5", "--json"});
    QCOMPARE(built.code, int(cli::Success));
    const QJsonObject attached =
        QJsonDocument::fromJson(built.out.toUtf8()).object().value(QStringLiteral("diagnostics")).toObject();
    const CliRun r = runStats({":sample", "--gold", out, "--no-cache", "--json", "--seed", "5"});
    QCOMPARE(r.code, int(cli::Success));
    const QJsonObject d = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QVERIFY2(!d.isEmpty(), qPrintable(r.out + r.err));
    QCOMPARE(d.value(QStringLiteral("split")).toString(), QStringLiteral("test"));
    QCOMPARE(d.value(QStringLiteral("users")).toInt(), attached.value(QStringLiteral("users")).toInt());
    QCOMPARE(d.value(QStringLiteral("most_popular")).toObject(), attached.value(QStringLiteral("most_popular")).toObject());
    const double t1 = d.value(QStringLiteral("gold_in_top_1_percent")).toDouble();
    const double t5 = d.value(QStringLiteral("gold_in_top_5_percent")).toDouble();
    const double t10 = d.value(QStringLiteral("gold_in_top_10_percent")).toDouble();
    QVERIFY(0 <= t1 && t1 <= t5 && t5 <= t10 && t10 <= 1);
    QVERIFY(t10 > 0.5); // neighbour-consensus gold is popular
    const double jaccard = d.value(QStringLiteral("mean_pairwise_jaccard")).toDouble();
    QVERIFY(jaccard > 0 && jaccard <= 1);
    const QJsonArray top = d.value(QStringLiteral("top_gold_movies")).toArray();
    QVERIFY(!top.isEmpty() && top.size() <= 20);
    QVERIFY(!top.first().toObject().value(QStringLiteral("title")).toString().isEmpty());
    QVERIFY(d.value(QStringLiteral("distinct_gold_movies")).toInt() >= top.size());
    QVERIFY(d.contains(QStringLiteral("neighbour_consensus")));
    QVERIFY(d.value(QStringLiteral("verdict")).toString().contains(QStringLiteral("P@3 = ")));
    const CliRun text = runStats({":sample", "--gold", out, "--no-cache"});
    QCOMPARE(text.code, int(cli::Success));
    QVERIFY2(text.out.startsWith(QStringLiteral("A non-personalised popularity list scores P@3 = ")), qPrintable(text.out));
    QVERIFY(text.out.contains(QStringLiteral("mean pairwise Jaccard")));
}

void TestGoldSetCli::goldsetStatsUsage_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::newRow("no gold") << QStringList{":sample"} << int(cli::UsageError);
    QTest::newRow("no dataset") << QStringList{"--gold", "x.jsonl"} << int(cli::UsageError);
    QTest::newRow("bad split") << QStringList{":sample", "--gold", "x.jsonl", "--split", "all"} << int(cli::UsageError);
    QTest::newRow("bad preset") << QStringList{":sample", "--gold", "x.jsonl", "--preset", "paper70"} << int(cli::UsageError);
    QTest::newRow("missing file") << QStringList{":sample", "--gold", "/nonexistent/x.jsonl"} << int(cli::InputError);
}

void TestGoldSetCli::goldsetStatsUsage()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    const CliRun r = runStats(args);
    QCOMPARE(r.code, code);
    QVERIFY(!r.err.isEmpty());
}

QTEST_GUILESS_MAIN(TestGoldSetCli)
#include "tst_goldsetcli.moc"
