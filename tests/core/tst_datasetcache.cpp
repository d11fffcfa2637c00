// The binary cache: round trip, invalidation when a source changes, damaged files ignored.
#include "dataset/datasetcache.h"
#include "dataset/datasetloader.h"
#include "fixtures.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace cinetune;

namespace {

const QByteArray kRatings = "1:\n6,1,2000-01-01\n7,3,2001-02-03\n2:\n6,5,2002-03-04\n3:\n8,4,2003-04-05\n";
const QByteArray kTitles = "1,2003,Dinosaur Planet\n2,NULL,Foo, Bar\n3,2001,Caf\xE9\n";

Result<DatasetPtr> load(const QString &dir, const QString &cache)
{
    LoadOptions o;
    o.cacheDir = cache;
    NullProgress p;
    return loadDataset(dir, o, p);
}

template<typename C>
bool same(const C &a, const C &b)
{
    return a.size() == b.size() && std::equal(a.span().begin(), a.span().end(), b.span().begin());
}

} // namespace

class TestDatasetCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip();
    void invalidation_data();
    void invalidation();
    void damaged_data();
    void damaged();
    void clear();
};

void TestDatasetCache::roundTrip()
{
    QTemporaryDir data;
    QTemporaryDir cache;
    test::writeFile(data.path(), QStringLiteral("combined_data_1.txt"), kRatings);
    test::writeFile(data.path(), QStringLiteral("movie_titles.csv"), kTitles + "4,1999,Unrated\n");
    auto first = load(data.path(), cache.path());
    QVERIFY(first.ok());
    QVERIFY(!first.value()->fromCache);
    QVERIFY(QFile::exists(cacheFilePath(cache.path(), first.value()->fingerprint)));
    auto second = load(data.path(), cache.path());
    QVERIFY(second.ok());
    const Dataset &a = *first.value();
    const Dataset &b = *second.value();
    QVERIFY(b.fromCache);
    const auto &p = a.store.parts();
    const auto &q = b.store.parts();
    QVERIFY(same(p.userSourceIds, q.userSourceIds));
    QVERIFY(same(p.movieOffsets, q.movieOffsets));
    QVERIFY(same(p.movieEntries, q.movieEntries));
    QVERIFY(same(p.userOffsets, q.userOffsets));
    QVERIFY(same(p.userEntries, q.userEntries));
    QVERIFY(same(p.userDays, q.userDays));
    QCOMPARE(b.catalogue.size(), a.catalogue.size());
    for (std::uint32_t i = 0; i < a.catalogue.size(); ++i) {
        QCOMPARE(b.catalogue.movie(i).title, a.catalogue.movie(i).title);
        QCOMPARE(b.catalogue.movie(i).year, a.catalogue.movie(i).year);
        QCOMPARE(b.catalogue.movie(i).sourceId, a.catalogue.movie(i).sourceId);
    }
    QCOMPARE(b.catalogue.movie(*b.catalogue.find(3)).title, QStringLiteral("Café"));
    QCOMPARE(b.stats.ratings, a.stats.ratings);
    QCOMPARE(b.stats.ratedMovies, 3u);
    QCOMPARE(b.stats.movies, 4u);
    QCOMPARE(b.stats.firstDate, a.stats.firstDate);
    QCOMPARE(b.stats.histogram, a.stats.histogram);
    QCOMPARE(b.stats.perMonth.size(), a.stats.perMonth.size());
    QCOMPARE(b.stats.popularitySorted, a.stats.popularitySorted);
    QCOMPARE(b.warnings, a.warnings);
}

void TestDatasetCache::invalidation_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("ratings grew") << "combined_data_1.txt" << kRatings + "4:\n9,2,2004-01-01\n";
    QTest::newRow("ratings same size, new time") << "combined_data_1.txt" << QByteArray(kRatings).replace("6,1,", "6,2,");
    QTest::newRow("titles changed") << "movie_titles.csv" << kTitles + "4,1999,Another\n";
}

void TestDatasetCache::invalidation()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, content);
    QTemporaryDir data;
    QTemporaryDir cache;
    test::writeFile(data.path(), QStringLiteral("combined_data_1.txt"), kRatings);
    test::writeFile(data.path(), QStringLiteral("movie_titles.csv"), kTitles);
    auto first = load(data.path(), cache.path());
    QVERIFY(first.ok());
    const QString path = test::writeFile(data.path(), file, content);
    // Make sure the modification time differs even on coarse file systems.
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QVERIFY(f.setFileTime(QDateTime::currentDateTime().addSecs(5), QFileDevice::FileModificationTime));
    f.close();
    auto second = load(data.path(), cache.path());
    QVERIFY(second.ok());
    QVERIFY(!second.value()->fromCache);
    QVERIFY(second.value()->fingerprint != first.value()->fingerprint);
    if (file.startsWith(QLatin1String("combined"))) {
        const auto &s = second.value()->store;
        const bool grew = s.ratingCount() == 5;
        const bool changed = s.ratingOf(*s.findUser(6), 0) == 4;
        QVERIFY(grew || changed);
    } else {
        QCOMPARE(second.value()->catalogue.size(), std::size_t(4));
    }
}

void TestDatasetCache::damaged_data()
{
    QTest::addColumn<int>("truncateTo");
    QTest::addColumn<int>("flipByte");
    QTest::newRow("empty") << 0 << -1;
    QTest::newRow("header only") << 40 << -1;
    QTest::newRow("cut in the arrays") << -100 << -1;
    QTest::newRow("bad magic") << -1 << 0;
    QTest::newRow("bad entry") << -1 << -30;
}

void TestDatasetCache::damaged()
{
    QFETCH(int, truncateTo);
    QFETCH(int, flipByte);
    QTemporaryDir data;
    QTemporaryDir cache;
    test::writeFile(data.path(), QStringLiteral("combined_data_1.txt"), kRatings);
    test::writeFile(data.path(), QStringLiteral("movie_titles.csv"), kTitles);
    auto first = load(data.path(), cache.path());
    QVERIFY(first.ok());
    const QString path = cacheFilePath(cache.path(), first.value()->fingerprint);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QByteArray bytes = f.readAll();
    if (truncateTo >= 0)
        bytes.truncate(truncateTo);
    else if (truncateTo < -1)
        bytes.chop(-truncateTo);
    if (flipByte >= 0)
        bytes[flipByte] = char(bytes[flipByte] ^ 0x5A);
    else if (flipByte < -1) // an entry near the end of the userEntries column: index far out of range
        for (int i = 0; i < 4; ++i)
            bytes[bytes.size() + flipByte + i] = char(0xFF);
    f.resize(0);
    f.seek(0);
    f.write(bytes);
    f.close();
    auto second = load(data.path(), cache.path());
    QVERIFY(second.ok());
    // Either the damage was detected (parsed again) or it hit padding; the data is right either way.
    QCOMPARE(second.value()->store.ratingCount(), 4u);
    QCOMPARE(int(second.value()->store.ratingOf(*second.value()->store.findUser(6), 1)), 10);
    if (truncateTo != -1 || flipByte == 0)
        QVERIFY(!second.value()->fromCache);
}

void TestDatasetCache::clear()
{
    QTemporaryDir data;
    QTemporaryDir cache;
    test::writeFile(data.path(), QStringLiteral("combined_data_1.txt"), kRatings);
    auto first = load(data.path(), cache.path());
    QVERIFY(first.ok());
    QVERIFY(clearDatasetCache(cache.path()).bytesFreed > 0);
    QVERIFY(!QFile::exists(cacheFilePath(cache.path(), first.value()->fingerprint)));
    QCOMPARE(clearDatasetCache(cache.path()).filesRemoved, 0);
}

QTEST_GUILESS_MAIN(TestDatasetCache)
#include "tst_datasetcache.moc"
