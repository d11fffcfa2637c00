#include "datasetcache.h"

#include "common/parallel.h"
#include "mappedmemory.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDataStream>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

#include <cstring>

namespace cinetune {

namespace {

constexpr char kMagic[16] = {'C', 'I', 'N', 'E', 'T', 'U', 'N', 'E', '-', 'S', 'T', 'O', 'R', 'E', '\0', '\0'};
constexpr quint32 kVersion = 2;
constexpr int kColumns = 6;

QString tr(const char *s)
{
    return QCoreApplication::translate("cinetune", s);
}

Error miss(const QString &why)
{
    return makeError(QStringLiteral("cache-miss"), why);
}

struct ColumnEntry
{
    quint64 offset = 0;
    quint64 count = 0;
};

QDataStream &operator<<(QDataStream &s, const Movie &m)
{
    return s << m.sourceId << qint32(m.year) << m.title << m.originalTitle << m.listed;
}

QDataStream &operator>>(QDataStream &s, Movie &m)
{
    qint32 year = 0;
    s >> m.sourceId >> year >> m.title >> m.originalTitle >> m.listed;
    m.year = year;
    return s;
}

void writeStats(QDataStream &s, const DatasetStats &st)
{
    s << quint64(st.ratings) << st.users << st.movies << st.ratedMovies << st.density << st.firstDate << st.lastDate;
    for (auto h : st.histogram)
        s << quint64(h);
    s << quint64(st.perMonth.size());
    for (const auto &m : st.perMonth)
        s << qint32(m.year) << qint32(m.month) << quint64(m.ratings);
    s << quint64(st.movieMean.size());
    for (float f : st.movieMean)
        s << f;
    s << quint64(st.popularitySorted.size());
    for (auto n : st.popularitySorted)
        s << quint64(n);
    s << quint64(st.userActivityLog2.size());
    for (auto n : st.userActivityLog2)
        s << quint64(n);
}

bool readStats(QDataStream &s, DatasetStats &st)
{
    quint64 ratings = 0;
    s >> ratings >> st.users >> st.movies >> st.ratedMovies >> st.density >> st.firstDate >> st.lastDate;
    st.ratings = ratings;
    for (auto &h : st.histogram) {
        quint64 v = 0;
        s >> v;
        h = v;
    }
    // A count is believable only if the bytes left can hold that many elements.
    auto readCount = [&](quint64 elementBytes) -> quint64 {
        quint64 n = 0;
        s >> n;
        const auto left = static_cast<quint64>(std::max<qint64>(0, s.device()->bytesAvailable()));
        return (s.status() == QDataStream::Ok && n <= left / elementBytes) ? n : ~quint64{0};
    };
    quint64 n = readCount(16);
    if (n == ~quint64{0})
        return false;
    st.perMonth.resize(n);
    for (auto &m : st.perMonth) {
        qint32 y = 0, mo = 0;
        quint64 c = 0;
        s >> y >> mo >> c;
        m = {y, mo, c};
    }
    if ((n = readCount(4)) == ~quint64{0})
        return false;
    st.movieMean.resize(n);
    for (float &f : st.movieMean)
        s >> f;
    if ((n = readCount(8)) == ~quint64{0})
        return false;
    st.popularitySorted.resize(n);
    for (auto &v : st.popularitySorted) {
        quint64 x = 0;
        s >> x;
        v = x;
    }
    if ((n = readCount(8)) == ~quint64{0} || n > 64)
        return false;
    st.userActivityLog2.resize(n);
    for (auto &v : st.userActivityLog2) {
        quint64 x = 0;
        s >> x;
        v = x;
    }
    return s.status() == QDataStream::Ok;
}

// Every entry's index below `limit` and its rating in 1..10.
bool entriesValid(std::span<const Entry> values, std::uint32_t limit)
{
    std::atomic<bool> ok{true};
    const std::size_t parts = 16;
    parallelFor(resolveThreads(0), parts, [&](std::size_t part, int) {
        const std::size_t b = values.size() * part / parts;
        const std::size_t e = values.size() * (part + 1) / parts;
        std::uint32_t mx = 0;
        std::uint32_t badRating = 0;
        for (std::size_t i = b; i < e; ++i) {
            mx = std::max(mx, values[i]);
            const std::uint32_t r = values[i] & 15u;
            badRating |= static_cast<std::uint32_t>(r == 0 || r > 10);
        }
        if (e > b && (entryIndex(mx) >= limit || badRating))
            ok = false;
    });
    return ok.load();
}

// QDataStream's own QStringList reader reserves whatever count the stream claims; this one
// believes a count only if the bytes left can hold it (each string takes at least 4 bytes).
bool readStringList(QDataStream &s, QStringList &out)
{
    quint32 n = 0;
    s >> n;
    const qint64 left = s.device()->bytesAvailable();
    if (s.status() != QDataStream::Ok || n > static_cast<quint64>(std::max<qint64>(0, left)) / 4)
        return false;
    out.clear();
    for (quint32 i = 0; i < n && s.status() == QDataStream::Ok; ++i) {
        QString str;
        s >> str;
        out << str;
    }
    return s.status() == QDataStream::Ok;
}

quint64 align64(quint64 x)
{
    return (x + 63) & ~quint64{63};
}

} // namespace

QString defaultCacheDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/datasets");
}

QString cacheFilePath(const QString &cacheDir, const QByteArray &fingerprint)
{
    return QDir(cacheDir.isEmpty() ? defaultCacheDir() : cacheDir).filePath(QString::fromLatin1(fingerprint) + QStringLiteral(".ctstore"));
}

QByteArray fingerprintOf(const DatasetSource &source)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(QByteArrayLiteral("cinetune-dataset-v1\n"));
    h.addData(formatId(source.format).toUtf8());
    QStringList files = source.ratingFiles;
    if (!source.titlesFile.isEmpty())
        files << source.titlesFile;
    for (const QString &f : std::as_const(files)) {
        const QFileInfo fi(f);
        h.addData(QStringLiteral("\n%1\t%2\t%3").arg(fi.absoluteFilePath()).arg(fi.size())
                      .arg(fi.lastModified().toMSecsSinceEpoch()).toUtf8());
    }
    return h.result().toHex().left(40);
}

Status writeDatasetCache(const Dataset &ds, const QString &cacheDirIn)
{
    const QString cacheDir = cacheDirIn.isEmpty() ? defaultCacheDir() : cacheDirIn;
    if (!QDir().mkpath(cacheDir))
        return makeError(QStringLiteral("io"), tr("%1: cannot create the cache folder").arg(cacheDir));
    const auto &p = ds.store.parts();
    struct Blob
    {
        const void *data;
        quint64 count;
        quint64 elemSize;
    };
    const Blob blobs[kColumns] = {
        {p.userSourceIds.data(), p.userSourceIds.size(), 4}, {p.movieOffsets.data(), p.movieOffsets.size(), 8},
        {p.movieEntries.data(), p.movieEntries.size(), 4},   {p.userOffsets.data(), p.userOffsets.size(), 8},
        {p.userEntries.data(), p.userEntries.size(), 4},     {p.userDays.data(), p.userDays.size(), 2},
    };
    QByteArray meta;
    {
        QDataStream s(&meta, QIODevice::WriteOnly);
        s.setVersion(QDataStream::Qt_6_4);
        s << ds.fingerprint << formatId(ds.source.format) << ds.source.root << ds.source.ratingFiles
          << ds.source.titlesFile << p.halfStars << ds.warnings;
        s << quint64(ds.catalogue.size());
        for (const Movie &m : ds.catalogue.movies())
            s << m;
        writeStats(s, ds.stats);
    }
    // Layout: magic, version, meta size, column table, meta, then the aligned columns.
    const quint64 headerSize = 16 + 4 + 8 + kColumns * 16;
    ColumnEntry entries[kColumns];
    quint64 pos = align64(headerSize + static_cast<quint64>(meta.size()));
    for (int c = 0; c < kColumns; ++c) {
        entries[c].offset = pos;
        entries[c].count = blobs[c].count;
        pos = align64(pos + blobs[c].count * blobs[c].elemSize);
    }
    const QString path = cacheFilePath(cacheDir, ds.fingerprint);
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return makeError(QStringLiteral("io"), tr("%1: cannot write the dataset cache: %2").arg(path, f.errorString()));
    QByteArray header;
    header.append(kMagic, 16);
    auto putLE = [&header](quint64 v, int bytes) {
        for (int i = 0; i < bytes; ++i)
            header.append(static_cast<char>((v >> (8 * i)) & 0xFF));
    };
    putLE(kVersion, 4);
    putLE(static_cast<quint64>(meta.size()), 8);
    for (const auto &e : entries) {
        putLE(e.offset, 8);
        putLE(e.count, 8);
    }
    f.write(header);
    f.write(meta);
    quint64 written = headerSize + static_cast<quint64>(meta.size());
    static const QByteArray zeros(64, '\0');
    for (int c = 0; c < kColumns; ++c) {
        f.write(zeros.constData(), static_cast<qint64>(entries[c].offset - written));
        const char *d = static_cast<const char *>(blobs[c].data);
        quint64 bytes = blobs[c].count * blobs[c].elemSize;
        while (bytes > 0) {
            const quint64 step = std::min<quint64>(bytes, quint64{64} << 20);
            if (f.write(d, static_cast<qint64>(step)) != static_cast<qint64>(step))
                return makeError(QStringLiteral("io"), tr("%1: cannot write the dataset cache: %2").arg(path, f.errorString()));
            d += step;
            bytes -= step;
        }
        written = entries[c].offset + blobs[c].count * blobs[c].elemSize;
    }
    if (!f.commit())
        return makeError(QStringLiteral("io"), tr("%1: cannot write the dataset cache: %2").arg(path, f.errorString()));
    return Ok{};
}

Result<DatasetPtr> readDatasetCache(const DatasetSource &source, const QByteArray &fingerprint, const QString &cacheDir)
{
    const QString path = cacheFilePath(cacheDir, fingerprint);
    if (!QFileInfo::exists(path))
        return miss(tr("no cache file"));
    auto mapped = MappedFile::open(path, true);
    if (!mapped)
        return miss(mapped.error().message);
    auto file = std::make_shared<MappedFile>(std::move(mapped.value()));
    const char *d = file->data();
    const quint64 size = file->size();
    const quint64 headerSize = 16 + 4 + 8 + kColumns * 16;
    if (size < headerSize || std::memcmp(d, kMagic, 16) != 0)
        return miss(tr("not a CineTune dataset cache"));
    auto getLE = [d](quint64 at, int bytes) {
        quint64 v = 0;
        for (int i = 0; i < bytes; ++i)
            v |= quint64(static_cast<unsigned char>(d[at + static_cast<quint64>(i)])) << (8 * i);
        return v;
    };
    if (getLE(16, 4) != kVersion)
        return miss(tr("cache version differs"));
    const quint64 metaSize = getLE(20, 8);
    if (metaSize > size - headerSize)
        return miss(tr("damaged cache"));
    ColumnEntry e[kColumns];
    static constexpr quint64 elem[kColumns] = {4, 8, 4, 8, 4, 2};
    for (int c = 0; c < kColumns; ++c) {
        e[c].offset = getLE(28 + 16 * static_cast<quint64>(c), 8);
        e[c].count = getLE(36 + 16 * static_cast<quint64>(c), 8);
        if (e[c].offset % 64 != 0 || e[c].offset > size || e[c].count > (size - e[c].offset) / elem[c])
            return miss(tr("damaged cache"));
    }
    auto ds = std::make_shared<Dataset>();
    {
        const QByteArray meta = QByteArray::fromRawData(d + headerSize, static_cast<qsizetype>(metaSize));
        QDataStream s(meta);
        s.setVersion(QDataStream::Qt_6_4);
        QByteArray fp;
        QString fmt;
        QString root;
        QStringList ratingFiles;
        QString titles;
        bool halfStars = false;
        s >> fp >> fmt >> root;
        if (!readStringList(s, ratingFiles))
            return miss(tr("damaged cache"));
        s >> titles >> halfStars;
        if (!readStringList(s, ds->warnings))
            return miss(tr("damaged cache"));
        if (fp != fingerprint || fmt != formatId(source.format))
            return miss(tr("cache belongs to other files"));
        quint64 movies = 0;
        s >> movies;
        // Each movie takes at least 17 bytes of metadata: never reserve more than the file holds.
        if (s.status() != QDataStream::Ok || movies > static_cast<quint64>(std::max<qint64>(0, s.device()->bytesAvailable())) / 17)
            return miss(tr("damaged cache"));
        ds->catalogue.reserve(movies);
        for (quint64 i = 0; i < movies; ++i) {
            Movie m;
            s >> m;
            if (s.status() != QDataStream::Ok || ds->catalogue.find(m.sourceId))
                return miss(tr("damaged cache"));
            ds->catalogue.add(std::move(m));
        }
        if (!readStats(s, ds->stats))
            return miss(tr("damaged cache"));
        RatingStore::Parts p;
        p.halfStars = halfStars;
        auto col = [&](int c, auto *tag) {
            using T = std::remove_pointer_t<decltype(tag)>;
            return Column<T>::view(file, reinterpret_cast<const T *>(d + e[c].offset), e[c].count);
        };
        p.userSourceIds = col(0, static_cast<std::uint32_t *>(nullptr));
        p.movieOffsets = col(1, static_cast<std::uint64_t *>(nullptr));
        p.movieEntries = col(2, static_cast<Entry *>(nullptr));
        p.userOffsets = col(3, static_cast<std::uint64_t *>(nullptr));
        p.userEntries = col(4, static_cast<Entry *>(nullptr));
        p.userDays = col(5, static_cast<Day *>(nullptr));
        // Structural checks: sizes agree and offsets are monotone and in range.
        const quint64 N = p.movieEntries.size();
        const quint64 U = p.userSourceIds.size();
        if (p.movieOffsets.size() != movies + 1 || p.userOffsets.size() != U + 1 || p.userEntries.size() != N
            || p.userDays.size() != N)
            return miss(tr("damaged cache"));
        for (quint64 i = 0; i < movies; ++i)
            if (p.movieOffsets[i] > p.movieOffsets[i + 1])
                return miss(tr("damaged cache"));
        for (quint64 i = 0; i < U; ++i)
            if (p.userOffsets[i] > p.userOffsets[i + 1] || (i && p.userSourceIds[i - 1] >= p.userSourceIds[i]))
                return miss(tr("damaged cache"));
        if (p.movieOffsets[0] != 0 || p.movieOffsets[movies] != N || p.userOffsets[0] != 0 || p.userOffsets[U] != N)
            return miss(tr("damaged cache"));
        // Every index in range, so a damaged file can never make a reader step outside an array.
        if (!entriesValid(p.movieEntries.span(), static_cast<std::uint32_t>(U)) || !entriesValid(p.userEntries.span(), static_cast<std::uint32_t>(movies)))
            return miss(tr("damaged cache"));
        ds->store = RatingStore(std::move(p));
    }
    ds->source = source;
    ds->fingerprint = fingerprint;
    ds->fromCache = true;
    return DatasetPtr(std::move(ds));
}

QStringList cacheFilePatterns()
{
    // A file being written is "<name>.<random>" by QSaveFile and is removed by it; only finished
    // caches are listed here.
    return {QStringLiteral("*.ctstore"), QStringLiteral("*.ctknn")}; // dataset stores, ItemKNN tables
}

CacheClearing clearDatasetCache(const QString &cacheDirIn)
{
    const QDir dir(cacheDirIn.isEmpty() ? defaultCacheDir() : cacheDirIn);
    CacheClearing out;
    const auto files = dir.entryInfoList(cacheFilePatterns(), QDir::Files);
    for (const QFileInfo &fi : files) {
        const qint64 size = fi.size();
        if (QFile::remove(fi.absoluteFilePath())) {
            out.bytesFreed += size;
            ++out.filesRemoved;
        } else {
            out.failed.append(fi.absoluteFilePath());
        }
    }
    return out;
}

} // namespace cinetune
