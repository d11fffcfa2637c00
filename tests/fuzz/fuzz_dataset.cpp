// libFuzzer target: one dataset format end to end (parse, build the store, statistics), or the
// binary cache reader. Built once per FUZZ_KIND (see tests/fuzz/CMakeLists.txt).
//   0 netflix combined_data   1 netflix training_set   2 MovieLens CSV   3 MovieLens 1M
//   4 MovieLens 100K          5 titles files (first byte picks the format)   6 binary cache
//   7 gold-set JSONL (parse, write back, parse again: the same users)
#include "core/dataset/datasetcache.h"
#include "core/dataset/datasetloader.h"
#include "core/dataset/titleparsers.h"
#include "core/goldset/goldsetjsonl.h"

#include <QDir>
#include <QFile>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <unistd.h>

using namespace cinetune;

namespace {

QString workDir()
{
    static const QString dir = [] {
        const QString d = QDir::tempPath() + QStringLiteral("/cinetune-fuzz-%1").arg(::getpid());
        QDir(d).removeRecursively();
        QDir().mkpath(d + QStringLiteral("/training_set"));
        return d;
    }();
    return dir;
}

void put(const QString &name, const QByteArray &bytes)
{
    QFile f(workDir() + QLatin1Char('/') + name);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        std::abort();
    f.write(bytes);
}

void loadOnce(std::size_t chunk)
{
    LoadOptions o;
    o.useCache = false;
    o.threads = 2;
    o.chunkBytes = chunk;
    NullProgress progress;
    auto ds = loadDataset(workDir(), o, progress);
    if (ds) {
        // Touch every index the store claims to have, so a bad offset would be caught by ASan.
        const RatingStore &s = ds.value()->store;
        std::uint64_t sum = 0;
        for (UserIndex u = 0; u < s.userCount(); ++u)
            for (Entry e : s.userEntries(u))
                sum += s.movieRatingCount(entryIndex(e));
        if (sum == 0 && s.ratingCount() > 0)
            std::abort();
    } else if (ds.error().message.isEmpty()) {
        std::abort(); // every failure must say what and where
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const QByteArray titlesNetflix = "1,2003,A\n2,NULL,B, C\n";
    switch (FUZZ_KIND) {
    case 0:
        put(QStringLiteral("combined_data_1.txt"), bytes);
        put(QStringLiteral("movie_titles.csv"), titlesNetflix);
        loadOnce(64 + size % 200);
        break;
    case 1:
        put(QStringLiteral("training_set/mv_0000001.txt"), bytes);
        put(QStringLiteral("movie_titles.txt"), titlesNetflix);
        loadOnce(64);
        break;
    case 2:
        put(QStringLiteral("ratings.csv"), bytes);
        put(QStringLiteral("movies.csv"), "movieId,title,genres\n1,\"Matrix, The (1999)\",Action\n");
        loadOnce(64 + size % 200);
        break;
    case 3:
        put(QStringLiteral("ratings.dat"), bytes);
        put(QStringLiteral("movies.dat"), "1::Toy Story (1995)::Animation\n");
        loadOnce(64);
        break;
    case 4:
        put(QStringLiteral("u.data"), bytes);
        put(QStringLiteral("u.item"), "1|Toy Story (1995)|01-Jan-1995||http://x|0\n");
        loadOnce(64);
        break;
    case 5: {
        if (size == 0)
            return 0;
        static const DatasetFormat formats[] = {DatasetFormat::NetflixKaggle, DatasetFormat::MovieLensCsv,
                                                DatasetFormat::MovieLens1M, DatasetFormat::MovieLens100k};
        QList<cinetune::LoadNote> warnings;
        auto r = parseTitlesData(formats[data[0] % 4], bytes.mid(1), QStringLiteral("titles"), warnings);
        if (!r && r.error().message.isEmpty())
            std::abort();
        break;
    }
    case 6: {
        // Any bytes as a cache file for a tiny real dataset: must be rejected or be fully valid.
        static DatasetSource source;
        static QByteArray fingerprint;
        static bool ready = false;
        if (!ready) {
            put(QStringLiteral("combined_data_1.txt"), "1:\n6,1,2000-01-01\n7,3,2001-02-03\n2:\n6,5,2002-03-04\n");
            put(QStringLiteral("movie_titles.csv"), titlesNetflix);
            source = detectDataset(workDir()).value();
            fingerprint = fingerprintOf(source);
            ready = true;
        }
        const QString cacheDir = workDir() + QStringLiteral("/cache");
        QDir().mkpath(cacheDir);
        // Random bytes never carry valid checksums: most inputs get them recomputed (so the
        // structural checks behind them are reached), every seventh is read as it is.
        QByteArray image = bytes;
        if (size % 7 != 0)
            resealDatasetCache(image);
        // The input's own fingerprint (the first field of its metadata) names the file, so seeds
        // made on another machine reach the deeper checks. Names that are not a fingerprint
        // (":...", paths) have no cache file at all.
        QByteArray fp = fingerprint;
        if (size >= 232 && data[188] == 0 && data[189] == 0 && data[190] == 0 && data[191] == 40)
            fp = bytes.mid(192, 40);
        const QString path = cacheFilePath(cacheDir, fp);
        if (!path.isEmpty()) {
            QFile f(path);
            if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
                std::abort();
            f.write(image);
        } else if (!cacheFilePath(cacheDir, fp + "x").isEmpty() || !QDir(cacheDir).isEmpty()) {
            std::abort();
        }
        auto ds = readDatasetCache(source, fp, cacheDir);
        if (!path.isEmpty())
            QFile::remove(path);
        if (ds) {
            const RatingStore &s = ds.value()->store;
            for (UserIndex u = 0; u < s.userCount(); ++u)
                for (Entry e : s.userEntries(u))
                    (void)s.movieEntries(entryIndex(e)).size();
        }
        break;
    }
    case 7: {
        auto users = parseGoldSetUsers(bytes, QStringLiteral("gold.jsonl"));
        if (!users) {
            if (!users.error().message.startsWith(QLatin1String("gold.jsonl:")))
                std::abort(); // every failure names the file and line
            break;
        }
        // What was read must survive the writer: written back and read again, the same users.
        std::vector<GoldSetUser> first = std::move(users).value();
        auto again = parseGoldSetUsers(goldSetToJsonl(first), QStringLiteral("again.jsonl"));
        if (!again)
            std::abort();
        std::stable_sort(first.begin(), first.end(), [](const GoldSetUser &a, const GoldSetUser &b) { return a.user < b.user; });
        if (again.value() != first)
            std::abort();
        break;
    }
    default:
        break;
    }
    return 0;
}
