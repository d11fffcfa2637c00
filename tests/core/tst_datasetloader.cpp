// Parsers and loader: every format, every quirk, and every kind of bad input, with fixtures
// the test writes itself.
#include "core/dataset/datasetloader.h"
#include "core/dataset/useridlist.h"
#include "fixtures.h"

#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <functional>
#include <unistd.h>

#include <map>
#include <set>

using namespace cinetune;
using test::writeFile;

using Files = QList<QPair<QString, QByteArray>>;
Q_DECLARE_METATYPE(Files)

namespace {

Result<DatasetPtr> loadFiles(const QTemporaryDir &dir, const Files &files, int threads = 1, std::size_t chunk = 32u << 20)
{
    for (const auto &f : files)
        writeFile(dir.path(), f.first, f.second);
    LoadOptions o;
    o.threads = threads;
    o.useCache = false;
    o.chunkBytes = chunk;
    NullProgress progress;
    return loadDataset(dir.path(), o, progress);
}

const QByteArray kTitles = "1,2003,Dinosaur Planet\n2,NULL,At Home Among Strangers, A Stranger Among His Own\n"
                           "3,2001,Smokey Joe's Caf\xE9\n";

} // namespace

class TestDatasetLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valid_data();
    void valid();
    void badInput_data();
    void badInput();
    void titles();
    void duplicatesKeepLatest();
    void sameStoreForAnyThreadsAndChunks_data();
    void sameStoreForAnyThreadsAndChunks();
    void badLineAtEndOfManyChunks();
    void manyUsersMatchTheFile_data();
    void manyUsersMatchTheFile();
    void cancel();
    void sample();
    void fileShrinksWhileLoading_data();
    void fileShrinksWhileLoading();
    void userIdList_data();
    void userIdList();
};

void TestDatasetLoader::valid_data()
{
    QTest::addColumn<Files>("files");
    QTest::addColumn<QString>("format");
    QTest::addColumn<qulonglong>("ratings");
    QTest::addColumn<int>("users");
    QTest::addColumn<int>("movies");
    QTest::addColumn<QString>("firstDate");
    QTest::addColumn<QString>("lastDate");
    QTest::addColumn<QString>("warning"); // substring of a warning, or empty for none

    const QByteArray combined = "1:\n1488844,3,2005-09-06\n822109,5,2005-05-13\n2:\n1488844,4,1999-11-11\n";
    QTest::newRow("netflix-kaggle") << Files{{"combined_data_1.txt", combined}, {"movie_titles.csv", kTitles}} << "netflix-kaggle"
                                    << 3ull << 2 << 3 << "1999-11-11"
                                    << "2005-09-06"
                                    << "";
    QTest::newRow("netflix-two-files") << Files{{"combined_data_1.txt", "1:\n6,1,2000-01-01\n"},
                                                {"combined_data_2.txt", "2:\n7,2,2000-01-02\n3:\n6,5,2000-01-03\n"},
                                                {"movie_titles.csv", kTitles}}
                                       << "netflix-kaggle" << 3ull << 2 << 3 << "2000-01-01"
                                       << "2000-01-03"
                                       << "";
    QTest::newRow("netflix-crlf") << Files{{"combined_data_1.txt", "1:\r\n6,1,2000-01-01\r\n7,2,2000-01-02\r\n"},
                                           {"movie_titles.csv", kTitles}}
                                  << "netflix-kaggle" << 2ull << 2 << 3 << "2000-01-01"
                                  << "2000-01-02"
                                  << "CRLF";
    QTest::newRow("netflix-bom") << Files{{"combined_data_1.txt",
                                           "\xEF\xBB\xBF"
                                           "1:\n6,1,2000-01-01\n"},
                                          {"movie_titles.csv", kTitles}}
                                 << "netflix-kaggle" << 1ull << 1 << 3 << "2000-01-01"
                                 << "2000-01-01"
                                 << "byte order mark";
    QTest::newRow("netflix-no-final-newline")
        << Files{{"combined_data_1.txt", "1:\n6,1,2000-01-01\n7,2,2000-01-02"}, {"movie_titles.csv", kTitles}} << "netflix-kaggle"
        << 2ull << 2 << 3 << "2000-01-01"
        << "2000-01-02"
        << "";
    // Real files end in blank lines (an editor's or a script's extra newline): accepted.
    QTest::newRow("netflix-blank-line-at-end")
        << Files{{"combined_data_1.txt", "1:\n6,1,2000-01-01\n7,2,2000-01-02\n\n"}, {"movie_titles.csv", kTitles}}
        << "netflix-kaggle" << 2ull << 2 << 3 << "2000-01-01"
        << "2000-01-02"
        << "";
    QTest::newRow("netflix-blank-lines-at-end-crlf")
        << Files{{"combined_data_1.txt", "1:\r\n6,1,2000-01-01\r\n\r\n \t\r\n\r\n"}, {"movie_titles.csv", kTitles + "\n\n\n"}}
        << "netflix-kaggle" << 1ull << 1 << 3 << "2000-01-01"
        << "2000-01-01"
        << "CRLF";
    QTest::newRow("netflix-missing-title") << Files{{"combined_data_1.txt", "1:\n6,1,2000-01-01\n9:\n6,2,2000-01-02\n"},
                                                    {"movie_titles.csv", kTitles}}
                                           << "netflix-kaggle" << 2ull << 1 << 4 << "2000-01-01"
                                           << "2000-01-02"
                                           << "missing from the titles file";
    QTest::newRow("netflix-no-titles-file") << Files{{"combined_data_1.txt", "1:\n6,1,2000-01-01\n"}} << "netflix-kaggle" << 1ull
                                            << 1 << 1 << "2000-01-01"
                                            << "2000-01-01"
                                            << "No titles file";
    QTest::newRow("netflix-training-set") << Files{{"training_set/mv_0000001.txt", "1:\n6,1,2000-01-01\n7,3,2001-02-03\n"},
                                                   {"training_set/mv_0000002.txt", "2:\n6,4,2002-03-04\n"},
                                                   {"movie_titles.txt", kTitles}}
                                          << "netflix-training-set" << 3ull << 2 << 3 << "2000-01-01"
                                          << "2002-03-04"
                                          << "";
    QTest::newRow("movielens-csv") << Files{{"ratings.csv",
                                             "userId,movieId,rating,timestamp\r\n1,1,4.0,964982703\r\n"
                                             "1,3,0.5,964981247\r\n2,1,5,964982224\r\n"},
                                            {"movies.csv",
                                             "movieId,title,genres\r\n1,Toy Story (1995),Animation\r\n"
                                             "3,\"Matrix, The (1999)\",Action\r\n"}}
                                   << "movielens-csv" << 3ull << 2 << 2 << "2000-07-30"
                                   << "2000-07-30"
                                   << "CRLF";
    QTest::newRow("movielens-csv-blank-line-at-end")
        << Files{{"ratings.csv", "userId,movieId,rating,timestamp\n1,1,4.0,964982703\n\n"},
                 {"movies.csv", "movieId,title,genres\n1,Toy Story (1995),Animation\n\n\n"}}
        << "movielens-csv" << 1ull << 1 << 1 << "2000-07-30"
        << "2000-07-30"
        << "";
    QTest::newRow("movielens-1m-blank-lines-at-end")
        << Files{{"ratings.dat", "1::1193::5::978300760\n\n\n"},
                 {"movies.dat", "1193::One Flew Over the Cuckoo's Nest (1975)::Drama\n"}}
        << "movielens-1m" << 1ull << 1 << 1 << "2000-12-31"
        << "2000-12-31"
        << "";
    QTest::newRow("movielens-100k-blank-line-at-end")
        << Files{{"u.data", "196\t242\t3\t881250949\n\n"}, {"u.item", "242|Kolya (1996)|24-Jan-1997||http://x|0|0\n"}}
        << "movielens-100k" << 1ull << 1 << 1 << "1997-12-04"
        << "1997-12-04"
        << "";
    QTest::newRow("movielens-1m") << Files{{"ratings.dat", "1::1193::5::978300760\n2::1193::3::978298413\n"},
                                           {"movies.dat", "1193::One Flew Over the Cuckoo's Nest (1975)::Drama\n"}}
                                  << "movielens-1m" << 2ull << 2 << 1 << "2000-12-31"
                                  << "2000-12-31"
                                  << "";
    QTest::newRow("movielens-100k") << Files{{"u.data", "196\t242\t3\t881250949\n186\t302\t3\t891717742\n"},
                                             {"u.item",
                                              "242|Kolya (1996)|24-Jan-1997||http://x|0|0\n"
                                              "302|L.A. Confidential (1997)|01-Jan-1997||http://x|0|0\n"}}
                                    << "movielens-100k" << 2ull << 2 << 2 << "1997-12-04"
                                    << "1998-04-04"
                                    << "";
}

void TestDatasetLoader::valid()
{
    QFETCH(Files, files);
    QFETCH(QString, format);
    QFETCH(qulonglong, ratings);
    QFETCH(int, users);
    QFETCH(int, movies);
    QFETCH(QString, firstDate);
    QFETCH(QString, lastDate);
    QFETCH(QString, warning);
    QTemporaryDir dir;
    auto ds = loadFiles(dir, files);
    QVERIFY2(ds.ok(), qPrintable(ds ? QString() : ds.error().message));
    const Dataset &d = *ds.value();
    QCOMPARE(formatId(d.source.format), format);
    QCOMPARE(d.store.ratingCount(), ratings);
    QCOMPARE(d.stats.ratings, ratings);
    QCOMPARE(int(d.store.userCount()), users);
    QCOMPARE(int(d.catalogue.size()), movies);
    QCOMPARE(d.stats.firstDate.toString(Qt::ISODate), firstDate);
    QCOMPARE(d.stats.lastDate.toString(Qt::ISODate), lastDate);
    if (warning.isEmpty()) {
        QVERIFY2(d.warnings.isEmpty(), qPrintable(d.warnings.join(QLatin1Char('|'))));
    } else {
        QVERIFY2(d.warnings.join(QLatin1Char('|')).contains(warning), qPrintable(d.warnings.join(QLatin1Char('|'))));
    }
    // Both indices hold the same ratings.
    std::uint64_t byUser = 0;
    for (UserIndex u = 0; u < d.store.userCount(); ++u) {
        const auto row = d.store.userEntries(u);
        byUser += row.size();
        for (std::size_t i = 1; i < row.size(); ++i)
            QVERIFY(entryIndex(row[i - 1]) < entryIndex(row[i]));
        for (Entry e : row) {
            const auto col = d.store.movieEntries(entryIndex(e));
            QVERIFY(std::find(col.begin(), col.end(), makeEntry(u, entryRating(e))) != col.end());
        }
    }
    QCOMPARE(byUser, ratings);
}

void TestDatasetLoader::badInput_data()
{
    QTest::addColumn<Files>("files");
    QTest::addColumn<QString>("message");

    const QByteArray t = kTitles;
    auto netflix = [&](const QByteArray &body) { return Files{{"combined_data_1.txt", body}, {"movie_titles.csv", t}}; };
    QTest::newRow("empty file") << netflix("")
                                << "combined_data_1.txt:1: expected a movie header such as \"1:\", found end of file";
    QTest::newRow("rating before header") << netflix("6,1,2000-01-01\n")
                                          << "combined_data_1.txt:1: expected a movie header such as \"1:\", found \"6\"";
    QTest::newRow("truncated date")
        << netflix("1:\n6,1,2000-01-01\n7,3,2005-0")
        << "combined_data_1.txt:3: expected a date YYYY-MM-DD between 1970 and 2149, found \"2005-0\"";
    // Lines with more lines after them, which the parser's word-wise fast path reads first.
    const QByteArray more = "7,3,2005-01-02\n8,4,2005-01-03\n9,5,2005-01-04\n";
    const QString dateError = QStringLiteral("combined_data_1.txt:3: expected a date YYYY-MM-DD between 1970 and 2149, found ");
    QTest::newRow("fast: 30 February") << netflix("1:\n6,1,2000-01-01\n7,3,2005-02-30\n" + more)
                                       << dateError + QStringLiteral("\"2005-02-30\"");
    QTest::newRow("fast: month 13") << netflix("1:\n6,1,2000-01-01\n7,3,2005-13-01\n" + more)
                                    << dateError + QStringLiteral("\"2005-13-01\"");
    QTest::newRow("fast: year 1969") << netflix("1:\n6,1,2000-01-01\n7,3,1969-12-31\n" + more)
                                     << dateError + QStringLiteral("\"1969-12-31\"");
    QTest::newRow("fast: letter in year") << netflix("1:\n6,1,2000-01-01\n7,3,20x5-01-01\n" + more)
                                          << dateError + QStringLiteral("\"20x5-01-01\"");
    QTest::newRow("fast: slash") << netflix("1:\n6,1,2000-01-01\n7,3,2005/01-01\n" + more)
                                 << dateError + QStringLiteral("\"2005/01-01\"");
    QTest::newRow("fast: rating 6") << netflix("1:\n6,1,2000-01-01\n7,6,2005-01-01\n" + more)
                                    << "combined_data_1.txt:3: expected a rating from 1 to 5, found \"6\"";
    QTest::newRow("fast: id then space") << netflix("1:\n6,1,2000-01-01\n7 ,3,2005-01-01\n" + more)
                                         << "combined_data_1.txt:3: expected ',' after the customer ID, found \" \"";
    QTest::newRow("missing field") << netflix("1:\n6,1\n")
                                   << "combined_data_1.txt:2: expected ',' after the rating, found end of line";
    QTest::newRow("extra field") << netflix("1:\n6,1,2000-01-01,9\n")
                                 << "combined_data_1.txt:2: expected end of line after the date, found \",9\"";
    QTest::newRow("non-numeric id") << netflix("1:\nabc,1,2000-01-01\n")
                                    << "combined_data_1.txt:2: expected a customer ID, found \"abc\"";
    QTest::newRow("id too large") << netflix("1:\n99999999999,1,2000-01-01\n")
                                  << "combined_data_1.txt:2: expected a customer ID, found \"99999999999\"";
    QTest::newRow("rating 6") << netflix("1:\n6,6,2000-01-01\n")
                              << "combined_data_1.txt:2: expected a rating from 1 to 5, found \"6\"";
    QTest::newRow("rating 0") << netflix("1:\n6,0,2000-01-01\n")
                              << "combined_data_1.txt:2: expected a rating from 1 to 5, found \"0\"";
    QTest::newRow("rating 10") << netflix("1:\n6,10,2000-01-01\n")
                               << "combined_data_1.txt:2: expected a rating from 1 to 5, found \"10\"";
    QTest::newRow("february 30")
        << netflix("1:\n6,1,2005-02-30\n")
        << "combined_data_1.txt:2: expected a date YYYY-MM-DD between 1970 and 2149, found \"2005-02-30\"";
    QTest::newRow("month 13") << netflix("1:\n6,1,2005-13-01\n")
                              << "combined_data_1.txt:2: expected a date YYYY-MM-DD between 1970 and 2149, found \"2005-13-01\"";
    QTest::newRow("binary") << netflix(
        QByteArray("\x00\x01\x02\xFF\xFE",
                   5)) << "combined_data_1.txt:1: expected a movie header such as \"1:\", found \"\\x00\\x01\\x02\\xff\\xfe\"";
    QTest::newRow("movie 0") << netflix("0:\n6,1,2000-01-01\n")
                             << "combined_data_1.txt:1: expected a movie ID of 1 or more, found \"0\"";
    QTest::newRow("titles: bad year") << Files{{"combined_data_1.txt", "1:\n6,1,2000-01-01\n"},
                                               {"movie_titles.csv", "1,20x3,Dinosaur Planet\n"}}
                                      << "movie_titles.csv:1: expected a year or NULL, found \"20x3\"";
    QTest::newRow("titles: no title") << Files{{"combined_data_1.txt", "1:\n6,1,2000-01-01\n"},
                                               {"movie_titles.csv", "1,2003,Dinosaur Planet\n2,2004\n"}}
                                      << "movie_titles.csv:2: expected ',' after the year, found end of file";
    auto ml = [](const QByteArray &body) {
        return Files{{"ratings.csv", body}, {"movies.csv", "movieId,title,genres\n1,Toy Story (1995),Animation\n"}};
    };
    QTest::newRow("ml: empty") << ml(
        "") << "ratings.csv:1: expected the header line \"userId,movieId,rating,timestamp\", found end of file";
    QTest::newRow("ml: header only") << ml("userId,movieId,rating,timestamp\n")
                                     << "ratings.csv:2: expected a rating line, found end of file";
    QTest::newRow("ml: wrong header")
        << ml("user,movie,rating,time\n1,1,4.0,1\n")
        << "ratings.csv:1: expected the header line \"userId,movieId,rating,timestamp\", found \"user\"";
    QTest::newRow("ml: rating 5.5") << ml("userId,movieId,rating,timestamp\n1,1,5.5,964982703\n")
                                    << "ratings.csv:2: expected a rating from 0.5 to 5 in half stars, found \"5.5\"";
    QTest::newRow("ml: rating 3.25") << ml("userId,movieId,rating,timestamp\n1,1,3.25,964982703\n")
                                     << "ratings.csv:2: expected a rating from 0.5 to 5 in half stars, found \"3.25\"";
    QTest::newRow("ml: missing timestamp") << ml("userId,movieId,rating,timestamp\n1,1,3.0\n")
                                           << "ratings.csv:2: expected ',' after the rating, found end of line";
    QTest::newRow("ml: quote not closed") << Files{{"ratings.csv", "userId,movieId,rating,timestamp\n1,1,4.0,1\n"},
                                                   {"movies.csv", "movieId,title,genres\n1,\"Toy Story (1995),Animation\n"}}
                                          << "movies.csv:2: expected a closing '\"' of the quoted title, found end of file";
    // A blank line inside the data is still an error (only trailing ones are accepted).
    QTest::newRow("blank line in the middle") << netflix("1:\n6,1,2000-01-01\n\n7,2,2000-01-02\n")
                                              << "combined_data_1.txt:3: expected a customer ID, found end of line";
    QTest::newRow("spaces on the last line")
        << netflix("1:\n6,1,2000-01-01 \n\n") << "combined_data_1.txt:2: expected end of line after the date, found \" \"";
    // Invisible characters are shown, not printed raw: a byte order mark in the middle of a file,
    // a zero-width space, a no-break space; UTF-8 that is visible stays as it is.
    QTest::newRow("BOM inside") << netflix("1:\n6,1,2000-01-01\n\xEF\xBB\xBF"
                                           "7,2,2000-01-02\n")
                                << "combined_data_1.txt:3: expected a customer ID, found \"\\ufeff7\"";
    QTest::newRow("zero-width space") << netflix("1:\n6,1,2000-01-01\n7,\xE2\x80\x8B"
                                                 "2,2000-01-02\n")
                                      << "combined_data_1.txt:3: expected a rating from 1 to 5, found \"\\u200b2\"";
    QTest::newRow("no-break space") << netflix(
        "1:\n6,1,\xC2\xA0"
        "2000-01-01\n") << "combined_data_1.txt:2: expected a date YYYY-MM-DD between 1970 and 2149, found \"\\u00a02000-01-01\"";
    QTest::newRow("visible UTF-8")
        << netflix("1:\n6,1,\xC3\xA9t\xC3\xA9\n")
        << "combined_data_1.txt:2: expected a date YYYY-MM-DD between 1970 and 2149, found \"\u00e9t\u00e9\"";
    QTest::newRow("1m: single colon") << Files{{"ratings.dat", "1:1193::5::978300760\n"}}
                                      << "ratings.dat:1: expected '::' after the user ID, found \":1193\"";
    QTest::newRow("100k: spaces") << Files{{"u.data", "196 242 3 881250949\n"}}
                                  << "u.data:1: expected a tab after the user ID, found \" 242 3 881250949\"";
}

void TestDatasetLoader::badInput()
{
    QFETCH(Files, files);
    QFETCH(QString, message);
    QTemporaryDir dir;
    auto ds = loadFiles(dir, files);
    QVERIFY(!ds.ok());
    QCOMPARE(ds.error().message, message);
}

void TestDatasetLoader::titles()
{
    QTemporaryDir dir;
    auto ds = loadFiles(dir, {{"combined_data_1.txt", "1:\n6,1,2000-01-01\n"}, {"movie_titles.csv", kTitles}});
    QVERIFY(ds.ok());
    const Catalogue &c = ds.value()->catalogue;
    QCOMPARE(c.movie(*c.find(2)).title, QStringLiteral("At Home Among Strangers, A Stranger Among His Own"));
    QCOMPARE(c.movie(*c.find(2)).year, 0);
    QCOMPARE(c.movie(*c.find(3)).title, QStringLiteral("Smokey Joe's Café"));
    QCOMPARE(c.displayTitle(*c.find(1)), QStringLiteral("Dinosaur Planet (2003)"));

    QTemporaryDir ml;
    auto ds2 = loadFiles(ml,
                         {{"ratings.csv", "userId,movieId,rating,timestamp\n1,2,4.5,964982703\n"},
                          {"movies.csv",
                           "movieId,title,genres\n2,\"Matrix, The (1999)\",Action\n"
                           "5,\"Vie en rose, La (Môme, La) (2007)\",Drama\n"}});
    QVERIFY(ds2.ok());
    const Catalogue &c2 = ds2.value()->catalogue;
    QCOMPARE(c2.movie(*c2.find(2)).title, QStringLiteral("The Matrix"));
    QCOMPARE(c2.movie(*c2.find(2)).year, 1999);
    QCOMPARE(c2.movie(*c2.find(2)).originalTitle, QStringLiteral("Matrix, The (1999)"));
    QCOMPARE(c2.movie(*c2.find(5)).title, QStringLiteral("La Vie en rose (Môme, La)"));
    QCOMPARE(c2.movie(*c2.find(5)).year, 2007);
    QCOMPARE(ds2.value()->stats.histogram[9], 1u); // 4.5 stars
    QCOMPARE(ratingLabel(9, true), QStringLiteral("4.5"));
}

void TestDatasetLoader::duplicatesKeepLatest()
{
    QTemporaryDir dir;
    auto ds = loadFiles(dir,
                        {{"combined_data_1.txt", "1:\n6,1,2000-01-01\n7,2,2000-01-01\n6,5,2003-01-01\n6,3,2001-01-01\n"},
                         {"movie_titles.csv", kTitles}});
    QVERIFY(ds.ok());
    const Dataset &d = *ds.value();
    QCOMPARE(d.store.ratingCount(), 2u);
    const UserIndex u6 = *d.store.findUser(6);
    QCOMPARE(int(d.store.ratingOf(u6, *d.catalogue.find(1))), 10); // 5 stars, from 2003
    QCOMPARE(d.store.userDays(u6)[0], *dateToDay(2003, 1, 1));
    QVERIFY(d.warnings.join(QLatin1Char('|')).contains(QStringLiteral("2 duplicate")));
}

void TestDatasetLoader::sameStoreForAnyThreadsAndChunks_data()
{
    QTest::addColumn<int>("threads");
    QTest::addColumn<int>("chunk");
    QTest::newRow("1 thread, one chunk") << 1 << (32 << 20);
    QTest::newRow("2 threads, 100-byte chunks") << 2 << 100;
    QTest::newRow("4 threads, 64-byte chunks") << 4 << 64;
    QTest::newRow("3 threads, 1 KB chunks") << 3 << 1024;
}

void TestDatasetLoader::sameStoreForAnyThreadsAndChunks()
{
    QFETCH(int, threads);
    QFETCH(int, chunk);
    // A deterministic pseudo-random Netflix file with duplicates and 40 movies.
    QByteArray body;
    std::uint64_t x = 12345;
    auto next = [&x] {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        return x;
    };
    for (int m = 1; m <= 40; ++m) {
        body += QByteArray::number(m) + ":\n";
        const int n = int(next() % 60);
        for (int i = 0; i < n; ++i)
            body += QByteArray::number(qulonglong(next() % 90 + 1)) + ',' + QByteArray::number(qulonglong(next() % 5 + 1)) + ','
                + QDate(2000, 1, 1).addDays(qint64(next() % 2000)).toString(Qt::ISODate).toLatin1() + '\n';
    }
    QTemporaryDir a;
    QTemporaryDir b;
    auto reference = loadFiles(a, {{"combined_data_1.txt", body}}, 1, 32u << 20);
    auto other = loadFiles(b, {{"combined_data_1.txt", body}}, threads, std::size_t(chunk));
    QVERIFY(reference.ok() && other.ok());
    const auto &p = reference.value()->store.parts();
    const auto &q = other.value()->store.parts();
    auto same = [](const auto &x, const auto &y) {
        return x.size() == y.size() && std::equal(x.span().begin(), x.span().end(), y.span().begin());
    };
    QVERIFY(p.movieEntries.size() > 500);
    QVERIFY(same(p.userSourceIds, q.userSourceIds));
    QVERIFY(same(p.movieOffsets, q.movieOffsets));
    QVERIFY(same(p.movieEntries, q.movieEntries));
    QVERIFY(same(p.userOffsets, q.userOffsets));
    QVERIFY(same(p.userEntries, q.userEntries));
    QVERIFY(same(p.userDays, q.userDays));
    QCOMPARE(reference.value()->warnings, other.value()->warnings);
}

void TestDatasetLoader::badLineAtEndOfManyChunks()
{
    QByteArray body;
    for (int m = 1; m <= 200; ++m) {
        body += QByteArray::number(m) + ":\n";
        for (int u = 1; u <= 50; ++u)
            body += QByteArray::number(u) + ",3,2004-05-06\n";
    }
    const int lines = 200 * 51;
    body += "51,3,2004-05-06,extra\n";
    QTemporaryDir dir;
    auto ds = loadFiles(dir, {{"combined_data_4.txt", body}}, 2, 4096);
    QVERIFY(!ds.ok());
    QCOMPARE(ds.error().message,
             QStringLiteral("combined_data_4.txt:%1: expected end of line after the date, found \",extra\"").arg(lines + 1));
}

void TestDatasetLoader::manyUsersMatchTheFile_data()
{
    QTest::addColumn<int>("threads");
    QTest::addColumn<int>("chunk");
    QTest::addColumn<bool>("crlf");
    QTest::newRow("1 thread, one chunk") << 1 << (32 << 20) << false;
    QTest::newRow("2 threads, 4 KB chunks") << 2 << 4096 << false;
    QTest::newRow("3 threads, 1 KB chunks, CRLF") << 3 << 1024 << true;
}

// Thousands of users (many user blocks in the by-user build) with IDs of 1 to 10 digits, some
// with leading zeros, and no duplicates: every line of the file is in both indices, in order.
void TestDatasetLoader::manyUsersMatchTheFile()
{
    QFETCH(int, threads);
    QFETCH(int, chunk);
    QFETCH(bool, crlf);
    std::uint64_t x = 987654321;
    auto next = [&x] {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        return x;
    };
    std::vector<std::uint32_t> pool;
    std::set<std::uint32_t> seen;
    while (pool.size() < 3000) {
        const int digits = int(next() % 10) + 1;
        std::uint64_t low = 1;
        for (int d = 1; d < digits; ++d)
            low *= 10;
        const auto id = static_cast<std::uint32_t>(std::min<std::uint64_t>(low + next() % (9 * low), 0xFFFFFFFFull));
        if (seen.insert(id).second)
            pool.push_back(id);
    }
    struct Line
    {
        std::uint32_t user;
        int stars;
        QDate date;
    };
    std::map<int, std::vector<Line>> byMovie; // movie source id -> lines in file order
    QByteArray body;
    const QByteArray eol = crlf ? "\r\n" : "\n";
    for (int m = 1; m <= 30; ++m) {
        body += QByteArray::number(m) + ':' + eol;
        std::set<std::uint32_t> used;
        const int n = 200 + int(next() % 400);
        for (int i = 0; i < n; ++i) {
            const std::uint32_t user = pool[next() % pool.size()];
            if (!used.insert(user).second)
                continue;
            const Line line{user, int(next() % 5) + 1, QDate(1999, 1, 1).addDays(qint64(next() % 2500))};
            byMovie[m].push_back(line);
            // Leading zeros only where the ID stays within the parser's 10 digits.
            const QByteArray number = QByteArray::number(user);
            const QByteArray zeros(int(next() % 4 == 0 ? std::min<std::uint64_t>(next() % 3 + 1, 10 - number.size()) : 0), '0');
            body += zeros + number + ',' + QByteArray::number(line.stars) + ',' + line.date.toString(Qt::ISODate).toLatin1()
                + eol;
        }
    }
    QTemporaryDir dir;
    auto ds = loadFiles(dir, {{"combined_data_1.txt", body}}, threads, std::size_t(chunk));
    QVERIFY2(ds.ok(), qPrintable(ds ? QString() : ds.error().message));
    const Dataset &d = *ds.value();
    QCOMPARE(d.warnings.join(QLatin1Char('|')).contains(QStringLiteral("CRLF")), crlf);
    QVERIFY(d.store.userCount() > 2000);
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::pair<int, Day>> expected; // (user, movie) -> rating, day
    std::uint64_t total = 0;
    for (const auto &[movie, lines] : byMovie) {
        const MovieIndex mi = *d.catalogue.find(std::uint32_t(movie));
        const auto col = d.store.movieEntries(mi);
        QCOMPARE(col.size(), lines.size());
        for (std::size_t i = 0; i < lines.size(); ++i) {
            QCOMPARE(d.store.userSourceId(entryIndex(col[i])), lines[i].user);
            QCOMPARE(int(entryRating(col[i])), lines[i].stars * 2);
            expected[{lines[i].user, std::uint32_t(movie)}] = {
                lines[i].stars * 2, *dateToDay(lines[i].date.year(), lines[i].date.month(), lines[i].date.day())};
        }
        total += lines.size();
    }
    QCOMPARE(d.store.ratingCount(), total);
    std::uint64_t byUser = 0;
    for (UserIndex u = 0; u < d.store.userCount(); ++u) {
        const auto row = d.store.userEntries(u);
        const auto days = d.store.userDays(u);
        byUser += row.size();
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (i > 0)
                QVERIFY(entryIndex(row[i - 1]) < entryIndex(row[i]));
            const auto it = expected.find({d.store.userSourceId(u), d.catalogue.movie(entryIndex(row[i])).sourceId});
            QVERIFY(it != expected.end());
            QCOMPARE(int(entryRating(row[i])), it->second.first);
            QCOMPARE(days[i], it->second.second);
        }
    }
    QCOMPARE(byUser, total);
}

void TestDatasetLoader::cancel()
{
    QTemporaryDir dir;
    writeFile(dir.path(), QStringLiteral("combined_data_1.txt"), "1:\n6,1,2000-01-01\n");
    NullProgress progress;
    progress.cancel();
    LoadOptions o;
    o.useCache = false;
    auto ds = loadDataset(dir.path(), o, progress);
    QVERIFY(!ds.ok());
    QCOMPARE(ds.error().code, ErrorCode(errc::General::Cancelled));
}

void TestDatasetLoader::sample()
{
    const QString path = test::sourceDir() + QStringLiteral("/resources/sample/ml-latest-small");
    LoadOptions o;
    o.useCache = false;
    NullProgress progress;
    auto ds = loadDataset(path, o, progress);
    QVERIFY2(ds.ok(), qPrintable(ds ? QString() : ds.error().message));
    const Dataset &d = *ds.value();
    QCOMPARE(d.stats.ratings, 100836u);
    QCOMPARE(d.stats.users, 610u);
    QCOMPARE(d.stats.movies, 9742u);
    QCOMPARE(d.stats.ratedMovies, 9724u);
    const UserIndex last = *d.store.findUser(610);
    QCOMPARE(int(d.store.ratingOf(last, *d.catalogue.find(170875))), 6); // last row: 610,170875,3.0
    const auto matrix = *d.catalogue.find(2571);
    QCOMPARE(d.catalogue.displayTitle(matrix), QStringLiteral("The Matrix (1999)"));
}

namespace {

// Calls `hook` once, at the first report after parsing began (after the first chunk is parsed).
class HookProgress final : public Progress
{
public:
    explicit HookProgress(std::function<void()> hook)
        : m_hook(std::move(hook))
    {}
    void report(double, const QString &phase) override
    {
        if (phase == QLatin1String("Parsing ratings") && !m_done.exchange(true))
            m_hook();
    }
    bool canceled() const override { return false; }

private:
    std::function<void()> m_hook;
    std::atomic<bool> m_done{false};
};

} // namespace

void TestDatasetLoader::fileShrinksWhileLoading_data()
{
    QTest::addColumn<int>("threads");
    QTest::addColumn<qint64>("keep"); // bytes left after the truncation
    QTest::newRow("1 thread, cut to 0") << 1 << qint64(0);
    QTest::newRow("1 thread, cut in the middle") << 1 << qint64(-2);
    QTest::newRow("2 threads, cut inside the first page") << 2 << qint64(100);
}

// The ratings file is memory-mapped: reading a page past a file's new end raises SIGBUS, which
// killed the process (exit 135) before. Now: an error naming the file, and nothing half-loaded.
void TestDatasetLoader::fileShrinksWhileLoading()
{
    QFETCH(int, threads);
    QFETCH(qint64, keep);
    QByteArray body;
    for (int m = 1; m <= 64; ++m) {
        body += QByteArray::number(m) + ":\n";
        for (int u = 1; u <= 200; ++u)
            body += QByteArray::number(u * 7 + m) + ",3,2004-05-06\n";
    }
    QTemporaryDir dir;
    const QString path = writeFile(dir.path(), QStringLiteral("combined_data_1.txt"), body);
    const qint64 cut = keep >= 0 ? keep : body.size() / -keep;
    HookProgress progress([&] { QVERIFY(::truncate(QFile::encodeName(path).constData(), cut) == 0); });
    LoadOptions o;
    o.useCache = false;
    o.threads = threads;
    o.chunkBytes = 4096;
    auto ds = loadDataset(dir.path(), o, progress);
    QVERIFY(!ds.ok());
    QCOMPARE(ds.error().message, QStringLiteral("%1 changed while it was being read").arg(path));
    QCOMPARE(ds.error().code, ErrorCode(errc::Dataset::Changed));
}

void TestDatasetLoader::userIdList_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QList<uint>>("ids");
    QTest::addColumn<QString>("message"); // when it fails
    QTest::newRow("plain") << QByteArray("6 7\n8\n") << QList<uint>{6, 7, 8} << "";
    QTest::newRow("UTF-8 BOM") << QByteArray("\xEF\xBB\xBF"
                                             "6\n7\n")
                               << QList<uint>{6, 7} << "";
    QTest::newRow("BOM, CRLF, blank lines at the end") << QByteArray("\xEF\xBB\xBF"
                                                                     "6\r\n7\r\n\r\n\r\n")
                                                       << QList<uint>{6, 7} << "";
    QTest::newRow("tabs and blank lines") << QByteArray("\n6\t7\n\n8\n") << QList<uint>{6, 7, 8} << "";
    QTest::newRow("BOM inside") << QByteArray("6\n\xEF\xBB\xBF"
                                              "7\n")
                                << QList<uint>{}
                                << "users.txt:2: expected a user id (a whole number from 0 to 4294967295), found \"\\ufeff7\"";
    QTest::newRow("zero-width space")
        << QByteArray("6 7\xE2\x80\x8B\n") << QList<uint>{}
        << "users.txt:1: expected a user id (a whole number from 0 to 4294967295), found \"7\\u200b\"";
    QTest::newRow("control character") << QByteArray(
        "6\n\x01"
        "7\n") << QList<uint>{} << "users.txt:2: expected a user id (a whole number from 0 to 4294967295), found \"\\x017\"";
    QTest::newRow("unknown user") << QByteArray("6\n99\n") << QList<uint>{} << "users.txt:2: user 99 is not in the dataset";
    QTest::newRow("empty") << QByteArray("\xEF\xBB\xBF\n\n") << QList<uint>{}
                           << "users.txt: expected user ids separated by white space, found none";
}

void TestDatasetLoader::userIdList()
{
    QFETCH(QByteArray, content);
    QFETCH(QList<uint>, ids);
    QFETCH(QString, message);
    QTemporaryDir dir;
    auto ds = loadFiles(dir, {{"combined_data_1.txt", "1:\n6,1,2000-01-01\n7,2,2000-01-02\n8,3,2000-01-03\n"}});
    QVERIFY(ds.ok());
    auto list = parseUserIdList(content, QStringLiteral("users.txt"), ds.value()->store);
    if (!message.isEmpty()) {
        QVERIFY(!list.ok());
        QCOMPARE(list.error().message, message);
        return;
    }
    QVERIFY2(list.ok(), qPrintable(list ? QString() : list.error().message));
    QCOMPARE(QList<uint>(list->begin(), list->end()), ids);
}

QTEST_GUILESS_MAIN(TestDatasetLoader)
#include "tst_datasetloader.moc"
