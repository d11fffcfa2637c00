// The Playground's answer resolver over the embedded MovieLens sample: a model's answer text
// becomes ranked catalogue movies marked exact, close, not in the catalogue, repeated from the
// profile and in the gold list; baseline answers (movie indices) get the same marks.
#include "core/common/progress.h"
#include "core/dataset/datasetloader.h"
#include "core/playground/answerresolver.h"

#include <QTest>

using namespace cinetune;

namespace {

// MovieLens source ids of the sample.
constexpr std::uint32_t kToyStory = 1;  // Toy Story (1995)
constexpr std::uint32_t kJumanji = 2;   // Jumanji (1995)
constexpr std::uint32_t kMatrix = 2571; // Matrix, The (1999)

QString statusText(ItemStatus s)
{
    switch (s) {
    case ItemStatus::Exact:
        return QStringLiteral("exact");
    case ItemStatus::Fuzzy:
        return QStringLiteral("fuzzy");
    case ItemStatus::NotInCatalogue:
        return QStringLiteral("none");
    case ItemStatus::Repeat:
        return QStringLiteral("repeat");
    }
    return {};
}

} // namespace

class TestAnswerResolver : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void resolveText_data();
    void resolveText();
    void resolveMovies_data();
    void resolveMovies();
    void withoutDataset();
    void statusSymbolsAndNames();

private:
    std::uint32_t index(std::uint32_t sourceId) const { return *m_sample->catalogue.find(sourceId); }
    std::vector<std::uint32_t> indices(const QList<quint32> &sourceIds) const
    {
        std::vector<std::uint32_t> out;
        for (quint32 id : sourceIds)
            out.push_back(index(id));
        return out;
    }

    DatasetPtr m_sample;
    std::optional<AnswerResolver> m_resolver;
};

void TestAnswerResolver::initTestCase()
{
    NullProgress progress;
    LoadOptions o;
    o.useCache = false;
    auto loaded = loadDataset(QStringLiteral(":sample"), o, progress);
    QVERIFY2(loaded.ok(), qPrintable(loaded ? QString() : loaded.error().message));
    m_sample = loaded.value();
    m_resolver.emplace(m_sample);
    QVERIFY(m_resolver->isValid());
    QCOMPARE(m_resolver->dataset(), m_sample);
}

void TestAnswerResolver::resolveText_data()
{
    QTest::addColumn<QString>("answer");
    QTest::addColumn<QList<quint32>>("profile"); // source ids
    QTest::addColumn<QList<quint32>>("gold");    // source ids
    QTest::addColumn<QStringList>("statuses");   // per item
    QTest::addColumn<QList<quint32>>("movies");  // per item: source id, 0 = unresolved
    QTest::addColumn<QList<bool>>("inGold");

    QTest::newRow("exact with year") << "1. Toy Story (1995)" << QList<quint32>{} << QList<quint32>{} << QStringList{"exact"}
                                     << QList<quint32>{kToyStory} << QList<bool>{false};
    QTest::newRow("title without a year is exact") << "1. Jumanji" << QList<quint32>{} << QList<quint32>{} << QStringList{"exact"}
                                                   << QList<quint32>{kJumanji} << QList<bool>{false};
    QTest::newRow("article in front, list of two")
        << "1. The Matrix (1999)\n2. Jumanji (1995)" << QList<quint32>{} << QList<quint32>{} << QStringList{"exact", "exact"}
        << QList<quint32>{kMatrix, kJumanji} << QList<bool>{false, false};
    QTest::newRow("another year is a close match") << "1. Toy Story (1997)" << QList<quint32>{} << QList<quint32>{}
                                                   << QStringList{"fuzzy"} << QList<quint32>{kToyStory} << QList<bool>{false};
    QTest::newRow("not in the catalogue") << "1. Zyxxqv Plorbnak Returns (2031)" << QList<quint32>{} << QList<quint32>{}
                                          << QStringList{"none"} << QList<quint32>{0} << QList<bool>{false};
    QTest::newRow("repeat of a profile movie")
        << "1. Toy Story (1995)\n2. Jumanji (1995)" << QList<quint32>{kToyStory} << QList<quint32>{}
        << QStringList{"repeat", "exact"} << QList<quint32>{kToyStory, kJumanji} << QList<bool>{false, false};
    QTest::newRow("gold is marked") << "1. Jumanji (1995)\n2. The Matrix (1999)" << QList<quint32>{} << QList<quint32>{kMatrix}
                                    << QStringList{"exact", "exact"} << QList<quint32>{kJumanji, kMatrix}
                                    << QList<bool>{false, true};
    QTest::newRow("nothing title-like") << "" << QList<quint32>{} << QList<quint32>{} << QStringList{} << QList<quint32>{}
                                        << QList<bool>{};
}

void TestAnswerResolver::resolveText()
{
    QFETCH(QString, answer);
    QFETCH(QList<quint32>, profile);
    QFETCH(QList<quint32>, gold);
    QFETCH(QStringList, statuses);
    QFETCH(QList<quint32>, movies);
    QFETCH(QList<bool>, inGold);

    QSet<std::uint32_t> goldSet;
    for (std::uint32_t m : indices(gold))
        goldSet.insert(m);
    QString whyEmpty = QStringLiteral("unset");
    const std::vector<RecommendedItem> items = m_resolver->resolveText(answer, indices(profile), goldSet, &whyEmpty);
    QCOMPARE(int(items.size()), int(statuses.size()));
    // The parser's reason comes back exactly when nothing was found.
    QCOMPARE(whyEmpty.isEmpty(), !items.empty());
    for (std::size_t i = 0; i < items.size(); ++i) {
        const RecommendedItem &item = items[i];
        QCOMPARE(item.rank, int(i) + 1);
        QCOMPARE(statusText(item.status), statuses[qsizetype(i)]);
        QCOMPARE(item.inGold, inGold[qsizetype(i)]);
        if (movies[qsizetype(i)] == 0) {
            QVERIFY(!item.movie);
            QVERIFY(item.catalogueTitle.isEmpty());
            QCOMPARE(item.ratings, std::uint64_t(0));
        } else {
            QVERIFY(item.movie);
            QCOMPARE(*item.movie, index(movies[qsizetype(i)]));
            QCOMPARE(item.catalogueTitle, m_sample->catalogue.displayTitle(*item.movie));
            QCOMPARE(item.ratings, m_sample->store.movieRatingCount(*item.movie));
            QVERIFY(item.ratings > 0);
        }
    }
}

void TestAnswerResolver::resolveMovies_data()
{
    QTest::addColumn<QList<quint32>>("movies"); // source ids; 0 = an index past the catalogue
    QTest::addColumn<QList<quint32>>("profile");
    QTest::addColumn<QStringList>("statuses");

    QTest::newRow("two movies") << QList<quint32>{kMatrix, kToyStory} << QList<quint32>{} << QStringList{"exact", "exact"};
    QTest::newRow("repeat") << QList<quint32>{kMatrix, kToyStory} << QList<quint32>{kToyStory} << QStringList{"exact", "repeat"};
    QTest::newRow("out of range is skipped") << QList<quint32>{0, kJumanji} << QList<quint32>{} << QStringList{"exact"};
    QTest::newRow("none") << QList<quint32>{} << QList<quint32>{} << QStringList{};
}

void TestAnswerResolver::resolveMovies()
{
    QFETCH(QList<quint32>, movies);
    QFETCH(QList<quint32>, profile);
    QFETCH(QStringList, statuses);

    std::vector<std::uint32_t> asked;
    for (quint32 id : movies)
        asked.push_back(id == 0 ? std::uint32_t(m_sample->catalogue.size()) : index(id));
    const std::vector<RecommendedItem> items = m_resolver->resolveMovies(asked, indices(profile), {});
    QCOMPARE(int(items.size()), int(statuses.size()));
    for (std::size_t i = 0; i < items.size(); ++i) {
        QCOMPARE(items[i].rank, int(i) + 1);
        QCOMPARE(statusText(items[i].status), statuses[qsizetype(i)]);
        QVERIFY(items[i].movie);
        QCOMPARE(items[i].text, m_sample->catalogue.displayTitle(*items[i].movie));
    }
}

void TestAnswerResolver::withoutDataset()
{
    const AnswerResolver none;
    QVERIFY(!none.isValid());
    QVERIFY(none.resolveText(QStringLiteral("1. Toy Story (1995)"), {}, {}).empty());
    QVERIFY(none.resolveMovies({0, 1}, {}, {}).empty());
}

void TestAnswerResolver::statusSymbolsAndNames()
{
    const ItemStatus all[] = {ItemStatus::Exact, ItemStatus::Fuzzy, ItemStatus::NotInCatalogue, ItemStatus::Repeat};
    QStringList symbols;
    QStringList names;
    for (ItemStatus s : all) {
        symbols << statusSymbol(s);
        names << statusName(s);
    }
    QCOMPARE(symbols, (QStringList{QStringLiteral("✓"), QStringLiteral("≈"), QStringLiteral("✗"), QStringLiteral("↺")}));
    QCOMPARE(names.removeDuplicates(), 0);
    QVERIFY(!names.contains(QString()));
}

QTEST_GUILESS_MAIN(TestAnswerResolver)
#include "tst_answerresolver.moc"
