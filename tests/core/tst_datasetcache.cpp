// The binary cache: round trip, invalidation when a source changes, damaged files ignored.
#include "core/dataset/datasetcache.h"
#include "core/dataset/datasetloader.h"
#include "fixtures.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <random>

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

// Everything a loaded dataset answers with, hashed: arrays, catalogue, statistics, warnings.
QByteArray digest(const Dataset &d)
{
    QByteArray bytes;
    QDataStream s(&bytes, QIODevice::WriteOnly);
    const auto &p = d.store.parts();
    auto col = [&s](const auto &c) {
        s << quint64(c.size());
        s.writeRawData(reinterpret_cast<const char *>(c.span().data()), int(c.size() * sizeof(c.span()[0])));
    };
    col(p.userSourceIds);
    col(p.movieOffsets);
    col(p.movieEntries);
    col(p.userOffsets);
    col(p.userEntries);
    col(p.userDays);
    s << p.halfStars << quint64(d.catalogue.size());
    for (const Movie &m : d.catalogue.movies())
        s << m.sourceId << m.year << m.title << m.originalTitle << m.listed;
    const DatasetStats &st = d.stats;
    s << quint64(st.ratings) << st.users << st.movies << st.ratedMovies << st.density << st.firstDate << st.lastDate;
    for (auto h : st.histogram)
        s << quint64(h);
    for (const auto &m : st.perMonth)
        s << m.year << m.month << quint64(m.ratings);
    for (float f : st.movieMean)
        s << f;
    for (auto n : st.popularitySorted)
        s << quint64(n);
    for (auto n : st.userActivityLog2)
        s << quint64(n);
    s << d.warnings << d.fingerprint << formatId(d.source.format) << d.source.ratingFiles << d.source.titlesFile;
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
}

QStringList cacheFiles(const QString &dir)
{
    return QDir(dir).entryList(cacheFilePatterns(), QDir::Files, QDir::Name);
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
    void bitFlips();
    void sameSizeSameTimeEdit();
    void previousFingerprintEvicted();
    void folderCapped();
    void resourceLikeNames_data();
    void resourceLikeNames();
    void fuzzSeedIsCurrent();
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

// Random single-bit flips anywhere in the cache file: each load must either rebuild from the
// source files or give exactly what a fresh parse gives. Never a different dataset.
void TestDatasetCache::bitFlips()
{
    QTemporaryDir data;
    QTemporaryDir cache;
    QByteArray ratings;
    for (int m = 1; m <= 12; ++m) {
        ratings += QByteArray::number(m) + ":\n";
        for (int u = 1; u <= 9; ++u)
            if ((u * 5 + m) % 3)
                ratings += QByteArray::number(u * 11) + ',' + QByteArray::number((u + m) % 5 + 1) + ",200"
                    + QByteArray::number(u % 10) + "-0" + QByteArray::number(m % 9 + 1) + "-1" + QByteArray::number(m % 10)
                    + '\n';
    }
    test::writeFile(data.path(), QStringLiteral("combined_data_1.txt"), ratings);
    test::writeFile(data.path(), QStringLiteral("movie_titles.csv"), kTitles + "4,1999,Unrated\n5,2001,Einstein Planet\n");
    LoadOptions fresh;
    fresh.useCache = false;
    NullProgress progress;
    auto reference = loadDataset(data.path(), fresh, progress);
    QVERIFY(reference.ok());
    const QByteArray expected = digest(*reference.value());
    auto first = load(data.path(), cache.path());
    QVERIFY(first.ok());
    QCOMPARE(digest(*first.value()), expected);
    const QString path = cacheFilePath(cache.path(), first.value()->fingerprint);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray original = f.readAll();
    f.close();
    QVERIFY(original.size() > 1000);

    LoadOptions cached;
    cached.cacheDir = cache.path();
    cached.writeCache = false; // keep the damaged file in place for the next flip
    std::mt19937_64 rng(20261206);
    const int flips = 400;
    int rebuilt = 0, identical = 0, different = 0;
    for (int i = 0; i < flips; ++i) {
        QByteArray bytes = original;
        const auto bit = rng() % (static_cast<std::uint64_t>(bytes.size()) * 8);
        bytes[qsizetype(bit / 8)] = char(bytes[qsizetype(bit / 8)] ^ (1 << (bit % 8)));
        QFile w(path);
        QVERIFY(w.open(QIODevice::WriteOnly | QIODevice::Truncate));
        w.write(bytes);
        w.close();
        auto ds = loadDataset(data.path(), cached, progress);
        QVERIFY(ds.ok());
        if (!ds.value()->fromCache)
            ++rebuilt;
        else if (digest(*ds.value()) == expected)
            ++identical;
        else
            ++different;
    }
    qInfo("bit flips: %d tried, %d rebuilt, %d trusted and identical, %d trusted and different", flips, rebuilt, identical,
          different);
    QCOMPARE(different, 0);
    QCOMPARE(rebuilt + identical, flips);
}

// An edit that keeps the size and puts the modification time back (a tool that preserves times,
// a copy with cp -p) must not reuse the cache of the old contents.
void TestDatasetCache::sameSizeSameTimeEdit()
{
    QTemporaryDir data;
    QTemporaryDir cache;
    const QString path = test::writeFile(data.path(), QStringLiteral("combined_data_1.txt"), kRatings);
    test::writeFile(data.path(), QStringLiteral("movie_titles.csv"), kTitles);
    const QDateTime mtime = QFileInfo(path).lastModified();
    auto first = load(data.path(), cache.path());
    QVERIFY(first.ok());
    QTest::qWait(20); // a later change time even on coarse clocks
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.write(QByteArray(kRatings).replace("6,1,", "6,2,")); // same size
        QVERIFY(f.flush());
        QVERIFY(f.setFileTime(mtime, QFileDevice::FileModificationTime));
    }
    QCOMPARE(QFileInfo(path).lastModified(), mtime);
    QCOMPARE(QFileInfo(path).size(), qint64(kRatings.size()));
    auto second = load(data.path(), cache.path());
    QVERIFY(second.ok());
    QVERIFY(!second.value()->fromCache);
    const auto &s = second.value()->store;
    QCOMPARE(int(s.ratingOf(*s.findUser(6), 0)), 4);
}

// A changed source replaces its own cache file instead of adding one more next to it.
void TestDatasetCache::previousFingerprintEvicted()
{
    QTemporaryDir data;
    QTemporaryDir other;
    QTemporaryDir cache;
    test::writeFile(data.path(), QStringLiteral("combined_data_1.txt"), kRatings);
    test::writeFile(other.path(), QStringLiteral("combined_data_1.txt"), kRatings);
    QVERIFY(load(other.path(), cache.path()).ok());
    auto first = load(data.path(), cache.path());
    QVERIFY(first.ok());
    QCOMPARE(cacheFiles(cache.path()).size(), 2);
    // A derived cache of the old store (named after its fingerprint) goes with it.
    test::writeFile(cache.path(),
                    QString::fromLatin1(first.value()->fingerprint) + QStringLiteral("-itemknn-cosine-k50-s0-seed1.ctknn"), "x");
    test::writeFile(data.path(), QStringLiteral("combined_data_1.txt"), kRatings + "4:\n9,2,2004-01-01\n");
    auto second = load(data.path(), cache.path());
    QVERIFY(second.ok());
    QVERIFY(!second.value()->fromCache);
    const QStringList files = cacheFiles(cache.path());
    QCOMPARE(files.size(), 2); // the other dataset's and the new one
    QVERIFY(files.contains(QFileInfo(cacheFilePath(cache.path(), second.value()->fingerprint)).fileName()));
    QVERIFY(!QFile::exists(cacheFilePath(cache.path(), first.value()->fingerprint)));
}

// The folder never grows past its limit: the least recently used stores go first, never the
// one just written.
void TestDatasetCache::folderCapped()
{
    QTemporaryDir cache;
    std::vector<std::unique_ptr<QTemporaryDir>> sets;
    LoadOptions o;
    o.cacheDir = cache.path();
    NullProgress progress;
    qint64 one = 0;
    for (int i = 0; i < 5; ++i) {
        sets.push_back(std::make_unique<QTemporaryDir>());
        test::writeFile(sets.back()->path(), QStringLiteral("combined_data_1.txt"), kRatings);
        auto ds = loadDataset(sets.back()->path(), o, progress);
        QVERIFY(ds.ok());
        one = QFileInfo(cacheFilePath(cache.path(), ds.value()->fingerprint)).size();
        QCOMPARE(cacheFiles(cache.path()).size(), i + 1);
    }
    // Reopen the first: it becomes the most recently used.
    auto reopened = loadDataset(sets[0]->path(), o, progress);
    QVERIFY(reopened.ok() && reopened.value()->fromCache);
    o.cacheLimitBytes = one * 3 + one / 2; // room for three
    sets.push_back(std::make_unique<QTemporaryDir>());
    test::writeFile(sets.back()->path(), QStringLiteral("combined_data_1.txt"), kRatings);
    auto last = loadDataset(sets.back()->path(), o, progress);
    QVERIFY(last.ok());
    QCOMPARE(cacheFiles(cache.path()).size(), 3);
    QVERIFY(QFile::exists(cacheFilePath(cache.path(), last.value()->fingerprint)));
    QVERIFY(QFile::exists(cacheFilePath(cache.path(), reopened.value()->fingerprint)));
    // A limit smaller than one store still keeps the one just written.
    o.cacheLimitBytes = 1;
    auto again = loadDataset(sets[1]->path(), o, progress);
    QVERIFY(again.ok());
    QCOMPARE(cacheFiles(cache.path()),
             QStringList{QFileInfo(cacheFilePath(cache.path(), again.value()->fingerprint)).fileName()});
}

void TestDatasetCache::resourceLikeNames_data()
{
    QTest::addColumn<QByteArray>("fingerprint");
    QTest::newRow("resource path") << QByteArray(":020f38285a119ae93789c1a35de6d62df71e0e2");
    QTest::newRow("parent folder") << QByteArray("../../../../tmp/x0123456789abcdef0123456");
    QTest::newRow("absolute") << QByteArray("/tmp/0123456789abcdef0123456789abcdef0123");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("upper case") << QByteArray("020F38285A119AE93789C1A35DE6D62DF71E0E2A");
}

// A cache file name is the fingerprint's 40 hex digits, nothing else: a name Qt would read as a
// resource (":...") or a path must never be written or read.
void TestDatasetCache::resourceLikeNames()
{
    QFETCH(QByteArray, fingerprint);
    QTemporaryDir cache;
    QVERIFY(cacheFilePath(cache.path(), fingerprint).isEmpty());
    QVERIFY(!cacheFilePath(cache.path(), QByteArray("020f38285a119ae93789c1a35de6d62df71e0e2a")).isEmpty());
    Dataset ds;
    ds.fingerprint = fingerprint;
    QVERIFY(!writeDatasetCache(ds, cache.path()).ok());
    QVERIFY(QDir(cache.path()).isEmpty());
    QCOMPARE(readDatasetCache(ds.source, fingerprint, cache.path()).error().code, ErrorCode(errc::General::CacheMiss));
}

// The fuzz target's seed is a valid cache file of the current layout (regenerate it when the
// layout changes, or the fuzzer starts from files that never get past the version check).
void TestDatasetCache::fuzzSeedIsCurrent()
{
    QFile seed(test::sourceDir() + QStringLiteral("/tests/fuzz/corpus/cache/tiny.ctstore"));
    QVERIFY(seed.open(QIODevice::ReadOnly));
    const QByteArray bytes = seed.readAll();
    const QByteArray fingerprint = bytes.mid(192, 40);
    QTemporaryDir cache;
    test::writeFile(cache.path(), QFileInfo(cacheFilePath(cache.path(), fingerprint)).fileName(), bytes);
    DatasetSource source;
    source.format = DatasetFormat::NetflixKaggle;
    auto ds = readDatasetCache(source, fingerprint, cache.path());
    QVERIFY2(ds.ok(), qPrintable(ds ? QString() : ds.error().message));
    QVERIFY(ds.value()->store.ratingCount() > 0);
    QByteArray resealed = bytes;
    QVERIFY(resealDatasetCache(resealed));
    QCOMPARE(resealed, bytes);
}

QTEST_GUILESS_MAIN(TestDatasetCache)
#include "tst_datasetcache.moc"
