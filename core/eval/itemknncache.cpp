#include "core/eval/itemknncache.h"

#include "core/common/tr.h"
#include "core/dataset/datasetcache.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDataStream>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QtEndian>

#include <cstring>
#include <vector>

namespace cinetune {

namespace {

constexpr char kMagic[16] = {'C', 'I', 'N', 'E', 'T', 'U', 'N', 'E', '-', 'I', 'T', 'E', 'M', 'K', 'N', 'N'};
constexpr quint32 kVersion = 1;
constexpr int kHashBytes = 32;

Error miss(const QString &why)
{
    return makeError(errc::General::CacheMiss, why);
}

void setUp(QDataStream &s)
{
    s.setVersion(QDataStream::Qt_6_4);
    s.setByteOrder(QDataStream::LittleEndian);
    s.setFloatingPointPrecision(QDataStream::SinglePrecision);
}

} // namespace

QString itemKnnCachePath(const QString &cacheDir, const QByteArray &fingerprint, const ItemKnnParams &params)
{
    const QString name = QStringLiteral("%1-itemknn-%2-k%3-s%4-seed%5.ctknn")
                             .arg(QString::fromLatin1(fingerprint), itemKnnWeightingId(params.weighting))
                             .arg(params.neighbours)
                             .arg(params.maxRaters)
                             .arg(params.seed);
    return QDir(cacheDir.isEmpty() ? defaultCacheDir() : cacheDir).filePath(name);
}

Status writeItemKnnCache(const ItemKnnTable &table, const RatingStore &store, const QByteArray &fingerprint, const QString &path)
{
    QByteArray bytes;
    {
        QDataStream s(&bytes, QIODevice::WriteOnly);
        setUp(s);
        s.writeRawData(kMagic, sizeof kMagic);
        const ItemKnnParams &p = table.params();
        s << kVersion << quint32(p.weighting) << quint32(p.neighbours) << quint32(p.maxRaters) << quint64(p.seed);
        s << quint32(table.movieCount()) << quint64(store.ratingCount());
        s << quint32(fingerprint.size());
        s.writeRawData(fingerprint.constData(), static_cast<int>(fingerprint.size()));
        s << quint64(table.entries().size());
    }
    // The arrays in bulk: u32 offsets, then (u32 movie, f32 similarity) pairs, little endian.
    const auto &offsets = table.offsets();
    const auto &entries = table.entries();
    const qsizetype head = bytes.size();
    bytes.resize(head + static_cast<qsizetype>(offsets.size() * 4 + entries.size() * 8));
    char *out = bytes.data() + head;
    qToLittleEndian<quint32>(offsets.data(), static_cast<qsizetype>(offsets.size()), out);
    out += offsets.size() * 4;
    std::vector<quint32> words(entries.size() * 2);
    for (std::size_t i = 0; i < entries.size(); ++i) {
        words[2 * i] = entries[i].movie;
        std::memcpy(&words[2 * i + 1], &entries[i].similarity, 4);
    }
    qToLittleEndian<quint32>(words.data(), static_cast<qsizetype>(words.size()), out);
    bytes += QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
        return makeError(errc::General::Io, tr("%1: cannot write the item neighbour cache: %2").arg(path, f.errorString()));
    return Ok{};
}

Result<std::shared_ptr<const ItemKnnTable>> readItemKnnCache(const QString &path, const RatingStore &store,
                                                             const QByteArray &fingerprint, const ItemKnnParams &params)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return miss(tr("no item neighbour cache"));
    const QByteArray all = f.readAll();
    if (all.size() < static_cast<qsizetype>(sizeof kMagic) + kHashBytes
        || std::memcmp(all.constData(), kMagic, sizeof kMagic) != 0)
        return miss(tr("not an item neighbour cache"));
    const QByteArray body = all.left(all.size() - kHashBytes);
    if (QCryptographicHash::hash(body, QCryptographicHash::Sha256) != all.right(kHashBytes))
        return miss(tr("damaged item neighbour cache"));

    QDataStream s(body);
    setUp(s);
    s.skipRawData(sizeof kMagic);
    quint32 version = 0, weighting = 0, k = 0, maxRaters = 0, movies = 0, fpSize = 0;
    quint64 seed = 0, ratings = 0, entryCount = 0;
    s >> version >> weighting >> k >> maxRaters >> seed >> movies >> ratings >> fpSize;
    if (s.status() != QDataStream::Ok || version != kVersion)
        return miss(tr("other item neighbour cache version"));
    const ItemKnnParams stored{k, static_cast<ItemKnnWeighting>(weighting), maxRaters, seed};
    if (weighting > 1 || !(stored == params) || movies != store.movieCount() || ratings != store.ratingCount()
        || fpSize != static_cast<quint32>(fingerprint.size()))
        return miss(tr("item neighbour cache of other data or parameters"));
    QByteArray fp(static_cast<qsizetype>(fpSize), '\0');
    if (s.readRawData(fp.data(), static_cast<int>(fpSize)) != static_cast<int>(fpSize) || fp != fingerprint)
        return miss(tr("item neighbour cache of another dataset"));
    s >> entryCount;
    const quint64 left = static_cast<quint64>(std::max<qint64>(0, s.device()->bytesAvailable()));
    if (s.status() != QDataStream::Ok || entryCount > left / 8 || left != (quint64{movies} + 1) * 4 + entryCount * 8)
        return miss(tr("truncated item neighbour cache"));
    const char *in = body.constData() + s.device()->pos();
    std::vector<std::uint32_t> offsets(std::size_t{movies} + 1);
    qFromLittleEndian<quint32>(in, static_cast<qsizetype>(offsets.size()), offsets.data());
    in += offsets.size() * 4;
    std::vector<quint32> words(entryCount * 2);
    qFromLittleEndian<quint32>(in, static_cast<qsizetype>(words.size()), words.data());
    std::vector<ItemNeighbour> entries(entryCount);
    for (std::size_t i = 0; i < entries.size(); ++i) {
        entries[i].movie = words[2 * i];
        std::memcpy(&entries[i].similarity, &words[2 * i + 1], 4);
    }
    auto table = ItemKnnTable::fromParts(params, std::move(offsets), std::move(entries));
    if (!table)
        return miss(tr("inconsistent item neighbour cache"));
    return table;
}

Result<std::shared_ptr<const ItemKnnTable>> loadOrBuildItemKnn(const Dataset &dataset, const ItemKnnParams &params,
                                                               const ItemKnnCacheOptions &options, int threads,
                                                               Progress &progress, bool *fromCache)
{
    if (fromCache)
        *fromCache = false;
    const bool cacheable = options.use && !dataset.fingerprint.isEmpty();
    const QString path = cacheable ? itemKnnCachePath(options.cacheDir, dataset.fingerprint, params) : QString();
    if (cacheable) {
        auto cached = readItemKnnCache(path, dataset.store, dataset.fingerprint, params);
        if (cached) {
            if (fromCache)
                *fromCache = true;
            return cached;
        }
    }
    auto built = ItemKnnTable::build(dataset.store, params, threads, progress);
    if (built && cacheable)
        (void)writeItemKnnCache(*built.value(), dataset.store, dataset.fingerprint, path); // a cache only saves time
    return built;
}

} // namespace cinetune
