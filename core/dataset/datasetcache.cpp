#include "core/dataset/datasetcache.h"

#include "core/common/parallel.h"
#include "core/common/tr.h"
#include "core/dataset/mappedmemory.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDataStream>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <xxhash.h>

namespace cinetune {

namespace {

constexpr char kMagic[16] = {'C', 'I', 'N', 'E', 'T', 'U', 'N', 'E', '-', 'S', 'T', 'O', 'R', 'E', '\0', '\0'};
constexpr quint32 kVersion = 4; // 4: load notes stored language-neutral (LoadNote)
constexpr int kColumns = 6;
// Layout (little-endian): magic, version, meta size, column table (offset, count) x 6, then the
// checksums of the sections (meta, then each column), then the checksum of all the header bytes
// before it. The meta follows the header; each column starts at the next multiple of 64, the gaps
// are zero and the file ends with the last column.
constexpr quint64 kTableEnd = 16 + 4 + 8 + kColumns * 16;
constexpr int kSections = 1 + kColumns;
constexpr quint64 kHeaderHashAt = kTableEnd + kSections * 8;
constexpr quint64 kHeaderSize = kHeaderHashAt + 8;
constexpr quint64 kElemSize[kColumns] = {4, 8, 4, 8, 4, 2};
// A section's checksum is XXH3-64 over the XXH3-64 of each of its blocks (so a big section is
// hashed on every core, with a result that does not depend on the number of threads).
constexpr quint64 kHashBlock = quint64{8} << 20;

Error miss(const QString &why)
{
    return makeError(errc::General::CacheMiss, why);
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
bool readStringList(QDataStream &s, QStringList &out);

bool readNotes(QDataStream &s, QList<LoadNote> &out)
{
    quint32 n = 0;
    s >> n;
    const qint64 left = s.device()->bytesAvailable();
    if (s.status() != QDataStream::Ok || n > static_cast<quint64>(std::max<qint64>(0, left)) / 12)
        return false;
    out.clear();
    for (quint32 i = 0; i < n && s.status() == QDataStream::Ok; ++i) {
        LoadNote note;
        qint32 count = -1;
        s >> note.source >> count;
        note.n = count;
        if (!readStringList(s, note.args))
            return false;
        out << note;
    }
    return s.status() == QDataStream::Ok;
}

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

quint64 getLE(const char *d, quint64 at, int bytes)
{
    quint64 v = 0;
    for (int i = 0; i < bytes; ++i)
        v |= quint64(static_cast<unsigned char>(d[at + static_cast<quint64>(i)])) << (8 * i);
    return v;
}

void putLE(char *d, quint64 at, quint64 v, int bytes)
{
    for (int i = 0; i < bytes; ++i)
        d[at + static_cast<quint64>(i)] = static_cast<char>((v >> (8 * i)) & 0xFF);
}

struct Section
{
    const char *data;
    quint64 bytes;
};

// The checksum of each section (see kHashBlock), computed on `threads` workers.
std::vector<quint64> sectionHashes(const std::vector<Section> &sections, int threads)
{
    struct Block
    {
        std::size_t section;
        quint64 begin;
        quint64 end;
    };
    std::vector<Block> blocks;
    std::vector<std::size_t> first(sections.size() + 1, 0);
    for (std::size_t i = 0; i < sections.size(); ++i) {
        first[i] = blocks.size();
        quint64 b = 0;
        do {
            const quint64 e = std::min(sections[i].bytes, b + kHashBlock);
            blocks.push_back({i, b, e});
            b = e;
        } while (b < sections[i].bytes);
    }
    first[sections.size()] = blocks.size();
    std::vector<XXH64_hash_t> blockHash(blocks.size());
    parallelFor(threads, blocks.size(), [&](std::size_t t, int) {
        const Block &b = blocks[t];
        blockHash[t] = XXH3_64bits(sections[b.section].data + b.begin, static_cast<std::size_t>(b.end - b.begin));
    });
    std::vector<quint64> out(sections.size());
    for (std::size_t i = 0; i < sections.size(); ++i) {
        QByteArray list;
        for (std::size_t k = first[i]; k < first[i + 1]; ++k) {
            char le[8];
            putLE(le, 0, blockHash[k], 8);
            list.append(le, 8);
        }
        out[i] = XXH3_64bits_withSeed(list.constData(), static_cast<std::size_t>(list.size()), i + 1);
    }
    return out;
}

bool isFingerprint(const QByteArray &fp)
{
    return fp.size() == 40
        && std::all_of(fp.begin(), fp.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

// Where a file is and what state it is in: device, inode, size, modification and change times.
QString fileState(const QString &path)
{
    struct stat st
    {};
    const QFileInfo fi(path);
    if (::stat(QFile::encodeName(fi.absoluteFilePath()).constData(), &st) != 0)
        return QStringLiteral("missing");
    return QStringLiteral("%1\t%2\t%3\t%4.%5\t%6.%7")
        .arg(quint64(st.st_dev))
        .arg(quint64(st.st_ino))
        .arg(qint64(st.st_size))
        .arg(qint64(st.st_mtim.tv_sec))
        .arg(qint64(st.st_mtim.tv_nsec))
        .arg(qint64(st.st_ctim.tv_sec))
        .arg(qint64(st.st_ctim.tv_nsec));
}

// The source part of a fingerprint: which files, in which format (not their state).
QByteArray sourceKey(const DatasetSource &source)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(QByteArrayLiteral("cinetune-dataset-source-v1\n"));
    h.addData(formatId(source.format).toUtf8());
    QStringList files = source.ratingFiles;
    if (!source.titlesFile.isEmpty())
        files << source.titlesFile;
    for (const QString &f : std::as_const(files))
        h.addData(QStringLiteral("\n%1").arg(QFileInfo(f).absoluteFilePath()).toUtf8());
    return h.result().toHex().left(16);
}

// Deletes the stores of `key` other than `keep`, and the caches derived from them.
void evictPrevious(const QDir &dir, const QByteArray &key, const QByteArray &keep)
{
    const auto stale = dir.entryList({QString::fromLatin1(key) + QStringLiteral("*.ctstore")}, QDir::Files);
    for (const QString &name : stale) {
        const QString fp = name.left(name.size() - 8);
        if (fp.toLatin1() == keep || !isFingerprint(fp.toLatin1()))
            continue;
        QFile::remove(dir.filePath(name));
        for (const QString &derived : dir.entryList({fp + QStringLiteral("-*.ctknn")}, QDir::Files))
            QFile::remove(dir.filePath(derived));
    }
}

// Keeps the folder's cache files within `limit` bytes, removing the least recently used first
// (a reopen marks a store as used), never the files of `keep`.
void capFolder(const QDir &dir, qint64 limit, const QByteArray &keep)
{
    if (limit <= 0)
        return;
    auto files = dir.entryInfoList(cacheFilePatterns(), QDir::Files);
    qint64 total = 0;
    for (const QFileInfo &fi : std::as_const(files))
        total += fi.size();
    std::sort(files.begin(), files.end(),
              [](const QFileInfo &a, const QFileInfo &b) { return a.lastModified() < b.lastModified(); });
    const QString mine = QString::fromLatin1(keep);
    for (const QFileInfo &fi : std::as_const(files)) {
        if (total <= limit)
            break;
        if (fi.fileName().startsWith(mine))
            continue;
        if (QFile::remove(fi.absoluteFilePath()))
            total -= fi.size();
    }
}

} // namespace

QString defaultCacheDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/datasets");
}

QString cacheFilePath(const QString &cacheDir, const QByteArray &fingerprint)
{
    // Only 40 hex digits name a file: never a path, and never ":..." (a Qt resource path).
    if (!isFingerprint(fingerprint))
        return {};
    return QDir(cacheDir.isEmpty() ? defaultCacheDir() : cacheDir)
        .filePath(QString::fromLatin1(fingerprint) + QStringLiteral(".ctstore"));
}

QByteArray fingerprintOf(const DatasetSource &source)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(QByteArrayLiteral("cinetune-dataset-v2\n"));
    h.addData(formatId(source.format).toUtf8());
    QStringList files = source.ratingFiles;
    if (!source.titlesFile.isEmpty())
        files << source.titlesFile;
    for (const QString &f : std::as_const(files))
        h.addData(QStringLiteral("\n%1\t%2").arg(QFileInfo(f).absoluteFilePath(), fileState(f)).toUtf8());
    return sourceKey(source) + h.result().toHex().left(24);
}

Status writeDatasetCache(const Dataset &ds, const QString &cacheDirIn, qint64 limitBytes)
{
    const QString cacheDir = cacheDirIn.isEmpty() ? defaultCacheDir() : cacheDirIn;
    const QString path = cacheFilePath(cacheDir, ds.fingerprint);
    if (path.isEmpty())
        return makeError(errc::General::Io,
                         tr("cannot write the dataset cache: \"%1\" is not a dataset fingerprint")
                             .arg(QString::fromLatin1(ds.fingerprint.toHex())));
    if (!QDir().mkpath(cacheDir))
        return makeError(errc::General::Io, tr("%1: cannot create the cache folder").arg(cacheDir));
    const auto &p = ds.store.parts();
    const Section blobs[kColumns] = {
        {reinterpret_cast<const char *>(p.userSourceIds.data()), p.userSourceIds.size() * kElemSize[0]},
        {reinterpret_cast<const char *>(p.movieOffsets.data()), p.movieOffsets.size() * kElemSize[1]},
        {reinterpret_cast<const char *>(p.movieEntries.data()), p.movieEntries.size() * kElemSize[2]},
        {reinterpret_cast<const char *>(p.userOffsets.data()), p.userOffsets.size() * kElemSize[3]},
        {reinterpret_cast<const char *>(p.userEntries.data()), p.userEntries.size() * kElemSize[4]},
        {reinterpret_cast<const char *>(p.userDays.data()), p.userDays.size() * kElemSize[5]},
    };
    QByteArray meta;
    {
        QDataStream s(&meta, QIODevice::WriteOnly);
        s.setVersion(QDataStream::Qt_6_4);
        s << ds.fingerprint << formatId(ds.source.format) << ds.source.root << ds.source.ratingFiles << ds.source.titlesFile
          << p.halfStars << quint32(ds.notes.size());
        for (const LoadNote &note : ds.notes)
            s << note.source << qint32(note.n) << note.args;
        s << quint64(ds.catalogue.size());
        for (const Movie &m : ds.catalogue.movies())
            s << m;
        writeStats(s, ds.stats);
    }
    ColumnEntry entries[kColumns];
    quint64 pos = align64(kHeaderSize + static_cast<quint64>(meta.size()));
    for (int c = 0; c < kColumns; ++c) {
        entries[c].offset = pos;
        entries[c].count = blobs[c].bytes / kElemSize[c];
        pos = align64(pos + blobs[c].bytes);
    }
    std::vector<Section> sections{{meta.constData(), static_cast<quint64>(meta.size())}};
    sections.insert(sections.end(), std::begin(blobs), std::end(blobs));
    const std::vector<quint64> hashes = sectionHashes(sections, resolveThreads(0));
    QByteArray header(static_cast<qsizetype>(kHeaderSize), '\0');
    char *h = header.data();
    std::memcpy(h, kMagic, 16);
    putLE(h, 16, kVersion, 4);
    putLE(h, 20, static_cast<quint64>(meta.size()), 8);
    for (int c = 0; c < kColumns; ++c) {
        putLE(h, 28 + 16 * static_cast<quint64>(c), entries[c].offset, 8);
        putLE(h, 36 + 16 * static_cast<quint64>(c), entries[c].count, 8);
    }
    for (int i = 0; i < kSections; ++i)
        putLE(h, kTableEnd + 8 * static_cast<quint64>(i), hashes[static_cast<std::size_t>(i)], 8);
    putLE(h, kHeaderHashAt, XXH3_64bits(h, kHeaderHashAt), 8);

    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return makeError(errc::General::Io, tr("%1: cannot write the dataset cache: %2").arg(path, f.errorString()));
    f.write(header);
    f.write(meta);
    quint64 written = kHeaderSize + static_cast<quint64>(meta.size());
    static const QByteArray zeros(64, '\0');
    for (int c = 0; c < kColumns; ++c) {
        f.write(zeros.constData(), static_cast<qint64>(entries[c].offset - written));
        const char *d = blobs[c].data;
        quint64 bytes = blobs[c].bytes;
        while (bytes > 0) {
            const quint64 step = std::min<quint64>(bytes, quint64{64} << 20);
            if (f.write(d, static_cast<qint64>(step)) != static_cast<qint64>(step))
                return makeError(errc::General::Io, tr("%1: cannot write the dataset cache: %2").arg(path, f.errorString()));
            d += step;
            bytes -= step;
        }
        written = entries[c].offset + blobs[c].bytes;
    }
    if (!f.commit())
        return makeError(errc::General::Io, tr("%1: cannot write the dataset cache: %2").arg(path, f.errorString()));
    const QDir dir(cacheDir);
    evictPrevious(dir, ds.fingerprint.left(16), ds.fingerprint);
    capFolder(dir, limitBytes, ds.fingerprint);
    return Ok{};
}

Result<DatasetPtr> readDatasetCache(const DatasetSource &source, const QByteArray &fingerprint, const QString &cacheDir,
                                    CacheCheck check)
{
    const QString path = cacheFilePath(cacheDir, fingerprint);
    if (path.isEmpty())
        return miss(tr("not a dataset fingerprint"));
    if (!QFileInfo::exists(path))
        return miss(tr("no cache file"));
    auto mapped = MappedFile::open(path, true);
    if (!mapped)
        return miss(mapped.error().message);
    auto file = std::make_shared<MappedFile>(std::move(mapped.value()));
    const char *d = file->data();
    const quint64 size = file->size();
    if (size < kHeaderSize || std::memcmp(d, kMagic, 16) != 0)
        return miss(tr("not a CineTune dataset cache"));
    if (getLE(d, 16, 4) != kVersion)
        return miss(tr("cache version differs"));
    if (XXH3_64bits(d, kHeaderHashAt) != getLE(d, kHeaderHashAt, 8))
        return miss(tr("damaged cache"));
    const quint64 metaSize = getLE(d, 20, 8);
    if (metaSize > size - kHeaderSize)
        return miss(tr("damaged cache"));
    // The layout is exactly the writer's: each column at the next multiple of 64 after the
    // previous section, zeros in between, nothing after the last column.
    ColumnEntry e[kColumns];
    std::vector<Section> sections{{d + kHeaderSize, metaSize}};
    quint64 end = kHeaderSize + metaSize;
    for (int c = 0; c < kColumns; ++c) {
        e[c].offset = getLE(d, 28 + 16 * static_cast<quint64>(c), 8);
        e[c].count = getLE(d, 36 + 16 * static_cast<quint64>(c), 8);
        if (e[c].offset != align64(end) || e[c].offset > size || e[c].count > (size - e[c].offset) / kElemSize[c])
            return miss(tr("damaged cache"));
        for (quint64 i = end; i < e[c].offset; ++i)
            if (d[i] != 0)
                return miss(tr("damaged cache"));
        end = e[c].offset + e[c].count * kElemSize[c];
        sections.push_back({d + e[c].offset, e[c].count * kElemSize[c]});
    }
    if (end != size)
        return miss(tr("damaged cache"));
    if (check == CacheCheck::Full) {
        const std::vector<quint64> hashes = sectionHashes(sections, resolveThreads(0));
        for (int i = 0; i < kSections; ++i)
            if (hashes[static_cast<std::size_t>(i)] != getLE(d, kTableEnd + 8 * static_cast<quint64>(i), 8))
                return miss(tr("damaged cache"));
    }
    if (file->changed())
        return miss(tr("the cache file changed while it was being read"));
    auto ds = std::make_shared<Dataset>();
    {
        const QByteArray meta = QByteArray::fromRawData(d + kHeaderSize, static_cast<qsizetype>(metaSize));
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
        if (!readNotes(s, ds->notes))
            return miss(tr("damaged cache"));
        ds->warnings = loadNoteTexts(ds->notes); // in the language of this load
        if (fp != fingerprint || fmt != formatId(source.format))
            return miss(tr("cache belongs to other files"));
        quint64 movies = 0;
        s >> movies;
        // Each movie takes at least 17 bytes of metadata: never reserve more than the file holds.
        if (s.status() != QDataStream::Ok
            || movies > static_cast<quint64>(std::max<qint64>(0, s.device()->bytesAvailable())) / 17)
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
        if (!entriesValid(p.movieEntries.span(), static_cast<std::uint32_t>(U))
            || !entriesValid(p.userEntries.span(), static_cast<std::uint32_t>(movies)))
            return miss(tr("damaged cache"));
        ds->store = RatingStore(std::move(p));
    }
    ds->source = source;
    ds->fingerprint = fingerprint;
    ds->fromCache = true;
    // Verified and kept mapped: from now on a shrink of the file should end the process rather
    // than turn into pages of zeros (see MappedFile).
    file->stopWatching();
    // Marks the store as recently used for the folder's limit (see capFolder); best effort.
    const struct timespec times[2] = {{0, UTIME_OMIT}, {0, UTIME_NOW}};
    ::utimensat(AT_FDCWD, QFile::encodeName(path).constData(), times, 0);
    return DatasetPtr(std::move(ds));
}

bool resealDatasetCache(QByteArray &image)
{
    const quint64 size = static_cast<quint64>(image.size());
    if (size < kHeaderSize)
        return false;
    char *d = image.data();
    const quint64 metaSize = getLE(d, 20, 8);
    if (metaSize > size - kHeaderSize)
        return false;
    std::vector<Section> sections{{d + kHeaderSize, metaSize}};
    for (int c = 0; c < kColumns; ++c) {
        const quint64 offset = getLE(d, 28 + 16 * static_cast<quint64>(c), 8);
        const quint64 count = getLE(d, 36 + 16 * static_cast<quint64>(c), 8);
        if (offset > size || count > (size - offset) / kElemSize[c])
            return false;
        sections.push_back({d + offset, count * kElemSize[c]});
    }
    const std::vector<quint64> hashes = sectionHashes(sections, 1);
    for (int i = 0; i < kSections; ++i)
        putLE(d, kTableEnd + 8 * static_cast<quint64>(i), hashes[static_cast<std::size_t>(i)], 8);
    putLE(d, kHeaderHashAt, XXH3_64bits(d, kHeaderHashAt), 8);
    return true;
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
