// The Playground's title completion: folding (case, diacritics, ß, ligatures), article-insensitive
// matching, every term must match, titles that start with the query first, each group by
// popularity, the limit; and the catalogue's search keys.
#include "core/common/progress.h"
#include "core/dataset/catalogue.h"
#include "core/dataset/datasetloader.h"
#include "core/dataset/searchtext.h"
#include "core/playground/moviesearchindex.h"

#include <QTest>

using namespace cinetune;

class TestMovieSearchIndex : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void foldForSearch_data();
    void foldForSearch();
    void stripArticle_data();
    void stripArticle();
    void query_data();
    void query();
    void catalogueKeys();
    void sampleDataset();
};

void TestMovieSearchIndex::foldForSearch_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("folded");
    QTest::newRow("case") << "The MATRIX"
                          << "the matrix";
    QTest::newRow("diacritics") << "Amélie"
                                << "amelie";
    QTest::newRow("sharp s") << "Straße"
                             << "strasse";
    QTest::newRow("ligatures") << "Æon Œuvre"
                               << "aeon oeuvre";
    QTest::newRow("slashed o") << "Søren"
                               << "soren";
    QTest::newRow("whitespace collapsed and trimmed") << "  toy \t  story  "
                                                      << "toy story";
    QTest::newRow("empty") << ""
                           << "";
}

void TestMovieSearchIndex::foldForSearch()
{
    QFETCH(QString, text);
    QFETCH(QString, folded);
    QCOMPARE(cinetune::foldForSearch(text), folded);
}

void TestMovieSearchIndex::stripArticle_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("stripped");
    QTest::newRow("the") << "the matrix 1999"
                         << "matrix 1999";
    QTest::newRow("french") << "l'auberge espagnole"
                            << "auberge espagnole";
    QTest::newRow("german") << "das boot 1981"
                            << "boot 1981";
    QTest::newRow("only an article stays") << "the "
                                           << "the ";
    QTest::newRow("word that starts like one") << "theory of everything"
                                               << "theory of everything";
    QTest::newRow("none") << "amelie 2001"
                          << "amelie 2001";
}

void TestMovieSearchIndex::stripArticle()
{
    QFETCH(QString, key);
    QFETCH(QString, stripped);
    QCOMPARE(MovieSearchIndex::stripArticle(key), stripped);
}

void TestMovieSearchIndex::query_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("limit");
    QTest::addColumn<QList<quint32>>("expected");
    // Keys (movie index: key, popularity):
    // 0 "the matrix 1999" 50, 1 "matrix reloaded, the 2003" 80, 2 "amelie 2001" 30,
    // 3 "animatrix, the 2003" 100, 4 "toy story 1995" 90, 5 "toy story 2 1999" 70,
    // 6 "story of us, the 1999" 95
    QTest::newRow("prefix first, by popularity, then the rest") << "matrix" << 12 << QList<quint32>{1, 0, 3};
    QTest::newRow("article in the query") << "The Matrix" << 12 << QList<quint32>{1, 0, 3};
    QTest::newRow("diacritics in the query") << "Amélie" << 12 << QList<quint32>{2};
    QTest::newRow("two prefixes by popularity") << "toy" << 12 << QList<quint32>{4, 5};
    QTest::newRow("prefix before more popular others") << "story" << 12 << QList<quint32>{6, 4, 5};
    QTest::newRow("limit") << "story" << 2 << QList<quint32>{6, 4};
    QTest::newRow("every term must match") << "toy 2" << 12 << QList<quint32>{5};
    QTest::newRow("year") << "1999" << 12 << QList<quint32>{6, 5, 0};
    QTest::newRow("no match") << "zzz" << 12 << QList<quint32>{};
    QTest::newRow("empty query") << "   " << 12 << QList<quint32>{};
    QTest::newRow("zero limit") << "toy" << 0 << QList<quint32>{};
}

void TestMovieSearchIndex::query()
{
    QFETCH(QString, text);
    QFETCH(int, limit);
    QFETCH(QList<quint32>, expected);
    const std::vector<QString> keys{QStringLiteral("the matrix 1999"),      QStringLiteral("matrix reloaded, the 2003"),
                                    QStringLiteral("amelie 2001"),          QStringLiteral("animatrix, the 2003"),
                                    QStringLiteral("toy story 1995"),       QStringLiteral("toy story 2 1999"),
                                    QStringLiteral("story of us, the 1999")};
    const std::vector<std::uint64_t> popularity{50, 80, 30, 100, 90, 70, 95};
    const MovieSearchIndex index(keys, popularity);
    QCOMPARE(index.size(), keys.size());
    const std::vector<std::uint32_t> hits = index.query(text, limit);
    QCOMPARE(QList<quint32>(hits.begin(), hits.end()), expected);
}

void TestMovieSearchIndex::catalogueKeys()
{
    Catalogue c;
    c.add(Movie{10, 1999, QStringLiteral("The Matrix"), QStringLiteral("Matrix, The"), true});
    c.add(Movie{11, 0, QStringLiteral("Amélie"), QStringLiteral("Amélie"), true});
    const std::vector<QString> keys = movieSearchKeys(c);
    QCOMPARE(keys, (std::vector<QString>{QStringLiteral("the matrix 1999"), QStringLiteral("amelie")}));
}

void TestMovieSearchIndex::sampleDataset()
{
    NullProgress progress;
    LoadOptions o;
    o.useCache = false;
    auto loaded = loadDataset(QStringLiteral(":sample"), o, progress);
    QVERIFY2(loaded.ok(), qPrintable(loaded ? QString() : loaded.error().message));
    const Dataset &d = *loaded.value();
    // Keys computed by the index itself and handed in give the same answers.
    const MovieSearchIndex computed = MovieSearchIndex::fromDataset(d);
    const MovieSearchIndex given = MovieSearchIndex::fromDataset(d, movieSearchKeys(d.catalogue));
    QCOMPARE(computed.size(), d.catalogue.size());
    const std::vector<std::uint32_t> toy = computed.query(QStringLiteral("toy story"), 3);
    QCOMPARE(toy, given.query(QStringLiteral("toy story"), 3));
    QVERIFY(!toy.empty());
    QCOMPARE(d.catalogue.movie(toy.front()).sourceId, 1u); // Toy Story (1995), the most rated
    const std::vector<std::uint32_t> matrix = computed.query(QStringLiteral("the matrix"), 1);
    QCOMPARE(matrix.size(), std::size_t(1));
    QCOMPARE(d.catalogue.movie(matrix.front()).sourceId, 2571u);
}

QTEST_GUILESS_MAIN(TestMovieSearchIndex)
#include "tst_moviesearchindex.moc"
