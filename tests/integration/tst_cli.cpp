// The headless command line on the real binary: dataset stats --json, synth, exit codes.
#include "clirunner.h"
#include "fixtures.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

using cinetune::test::runCli;
using Run = cinetune::test::CliRun;

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY2(QFileInfo::exists(qEnvironmentVariable("CINETUNE_BINARY")), "CINETUNE_BINARY not set"); }
    void statsJson_data();
    void statsJson();
    void exitCodes_data();
    void exitCodes();
    void synthThenStats();
};

void TestCli::statsJson_data()
{
    QTest::addColumn<QString>("ratingsName");
    QTest::addColumn<QByteArray>("ratings");
    QTest::addColumn<QString>("titlesName");
    QTest::addColumn<QByteArray>("titles");
    QTest::addColumn<QByteArray>("expected"); // a JSON object whose keys must match exactly
    QTest::newRow("netflix") << "combined_data_1.txt" << QByteArray("1:\n6,1,2000-01-01\n7,5,2001-02-03\n2:\n6,5,2002-03-04\n")
                             << "movie_titles.csv" << QByteArray("1,2003,A\n2,NULL,B, C\n3,1999,D\n")
                             << QByteArray(R"({"format":"netflix-kaggle","ratings":3,"users":2,"movies":3,"rated_movies":2,
                                             "first_date":"2000-01-01","last_date":"2002-03-04",
                                             "rating_histogram":{"1":1,"2":0,"3":0,"4":0,"5":2},"warnings":[]})");
    QTest::newRow("movielens") << "ratings.csv"
                               << QByteArray("userId,movieId,rating,timestamp\n1,1,4.5,964982703\n2,1,0.5,964982703\n")
                               << "movies.csv" << QByteArray("movieId,title,genres\n1,Toy Story (1995),Animation\n")
                               << QByteArray(R"({"format":"movielens-csv","ratings":2,"users":2,"movies":1,"rated_movies":1,
                                               "first_date":"2000-07-30","last_date":"2000-07-30",
                                               "rating_histogram":{"0.5":1,"1.0":0,"1.5":0,"2.0":0,"2.5":0,"3.0":0,
                                               "3.5":0,"4.0":0,"4.5":1,"5.0":0},"warnings":[]})");
}

void TestCli::statsJson()
{
    QFETCH(QString, ratingsName);
    QFETCH(QByteArray, ratings);
    QFETCH(QString, titlesName);
    QFETCH(QByteArray, titles);
    QFETCH(QByteArray, expected);
    QTemporaryDir dir;
    cinetune::test::writeFile(dir.path(), ratingsName, ratings);
    cinetune::test::writeFile(dir.path(), titlesName, titles);
    const Run r = runCli(
        {QStringLiteral("dataset"), QStringLiteral("stats"), dir.path(), QStringLiteral("--json"), QStringLiteral("--no-cache")});
    QCOMPARE(r.code, 0);
    QJsonParseError pe;
    const QJsonObject got = QJsonDocument::fromJson(r.out, &pe).object();
    QCOMPARE(pe.error, QJsonParseError::NoError);
    const QJsonObject want = QJsonDocument::fromJson(expected).object();
    QVERIFY(!want.isEmpty());
    for (auto it = want.begin(); it != want.end(); ++it)
        QVERIFY2(got.value(it.key()) == it.value(), qPrintable(it.key() + QStringLiteral(": ") + QString::fromUtf8(r.out)));
}

void TestCli::exitCodes_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("stderrContains");
    QTest::newRow("no path") << QStringList{"dataset", "stats"} << 1 << "expected one dataset PATH";
    QTest::newRow("unknown option") << QStringList{"dataset", "stats", "x", "--bogus"} << 1 << "Unknown option 'bogus'";
    QTest::newRow("unknown subcommand") << QStringList{"dataset", "frobnicate"} << 1 << "unknown or missing subcommand";
    QTest::newRow("bad threads") << QStringList{"dataset", "stats", "x", "--threads", "many"} << 1
                                 << "--threads must be a whole number";
    QTest::newRow("missing path") << QStringList{"dataset", "stats", "/no/such/dataset"} << 2
                                  << "/no/such/dataset: no such file or folder";
    QTest::newRow("synth without out") << QStringList{"dataset", "synth"} << 1 << "expected --out DIR";
    QTest::newRow("synth zero users") << QStringList{"dataset", "synth", "--out", "/tmp/x", "--users", "0"} << 1
                                      << "--users must be a whole number from 1";
    QTest::newRow("version") << QStringList{"--version"} << 0 << "";
}

void TestCli::exitCodes()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, stderrContains);
    const Run r = runCli(args);
    QCOMPARE(r.code, code);
    QVERIFY2(QString::fromUtf8(r.err).contains(stderrContains), r.err.constData());
}

void TestCli::synthThenStats()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("synth"));
    Run r = runCli({QStringLiteral("dataset"), QStringLiteral("synth"), QStringLiteral("--out"), out, QStringLiteral("--users"),
                    QStringLiteral("400"), QStringLiteral("--seed"), QStringLiteral("7")});
    QVERIFY2(r.code == 0, r.err.constData());
    r = runCli({QStringLiteral("dataset"), QStringLiteral("stats"), out, QStringLiteral("--json"), QStringLiteral("--no-cache")});
    QVERIFY2(r.code == 0, r.err.constData());
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.value(QStringLiteral("format")).toString(), QStringLiteral("netflix-kaggle"));
    QCOMPARE(o.value(QStringLiteral("movies")).toInt(), 17770);
    QVERIFY(o.value(QStringLiteral("users")).toInt() > 300 && o.value(QStringLiteral("users")).toInt() <= 400);
    const double perUser = o.value(QStringLiteral("ratings")).toDouble() / o.value(QStringLiteral("users")).toDouble();
    QVERIFY2(perUser > 120 && perUser < 320, qPrintable(QString::number(perUser)));
    QVERIFY(o.value(QStringLiteral("first_date")).toString() >= QStringLiteral("1999-11-11"));
    QVERIFY(o.value(QStringLiteral("last_date")).toString() <= QStringLiteral("2005-12-31"));
    QCOMPARE(o.value(QStringLiteral("warnings")).toArray().size(), 0);
    // A broken line appended to the last file: exit code 2 and file:line on stderr.
    QFile f(out + QStringLiteral("/combined_data_4.txt"));
    QVERIFY(f.open(QIODevice::Append));
    f.write("12,9,2005-01-01\n");
    f.close();
    r = runCli({QStringLiteral("dataset"), QStringLiteral("stats"), out, QStringLiteral("--no-cache")});
    QCOMPARE(r.code, 2);
    QVERIFY2(QString::fromUtf8(r.err).contains(
                 QRegularExpression(QStringLiteral("combined_data_4\\.txt:\\d+: expected a rating from 1 to 5, found \"9\""))),
             r.err.constData());
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
