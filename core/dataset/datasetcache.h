#pragma once

#include "core/common/result.h"
#include "core/dataset/dataset.h"

#include <QString>

namespace cinetune {

// The binary cache: one file per dataset fingerprint in the cache folder, holding the store's
// arrays (64-byte aligned, memory-mapped on reopen) and the catalogue, stats and warnings.
// Written atomically (temporary file + rename). Every section carries an XXH3-64 checksum that
// is verified on open: a damaged, truncated or foreign file is ignored (parsed again), never trusted.

// The default limit of a cache folder's size (dataset stores and the caches derived from them).
constexpr qint64 kDefaultCacheLimitBytes = qint64{4} << 30;

QString defaultCacheDir();
// The cache file of a fingerprint; empty unless `fingerprint` is 40 lowercase hex digits (so no
// name can ever be a path or a Qt resource path such as ":...").
QString cacheFilePath(const QString &cacheDir, const QByteArray &fingerprint);
// The fingerprint of a source: 16 hex digits for its format and file names, then 24 for the
// files' state (device, inode, size, modification and change times, to the nanosecond).
QByteArray fingerprintOf(const DatasetSource &source);

// Writes the cache file of `dataset`, then deletes the stores of earlier fingerprints of the same
// source (and the caches derived from them), then keeps the folder within `limitBytes` by deleting
// the least recently used cache files (never the one just written; 0 = no limit).
Status writeDatasetCache(const Dataset &dataset, const QString &cacheDir, qint64 limitBytes = kDefaultCacheLimitBytes);
enum class CacheCheck {
    Full,         // structure and checksums (what loadDataset always does)
    StructureOnly // no checksums: only for measuring what the checksums cost (bench_dataset)
};
// Returns an error with code "cache-miss" when there is no usable cache file.
Result<DatasetPtr> readDatasetCache(const DatasetSource &source, const QByteArray &fingerprint, const QString &cacheDir,
                                    CacheCheck check = CacheCheck::Full);
// Recomputes the checksums of a cache file's bytes in place (tests and the fuzz target use it
// to reach the checks behind them). False if the header's table does not fit the bytes.
bool resealDatasetCache(QByteArray &image);
// The name patterns of every cache file CineTune writes into a cache folder (dataset stores and
// the caches derived from them). Only files matching these are ever deleted.
QStringList cacheFilePatterns();

struct CacheClearing
{
    qint64 bytesFreed = 0;
    int filesRemoved = 0;
    QStringList failed; // files that could not be deleted
};
// Removes every CineTune cache file (cacheFilePatterns()) in the folder ("" = the default one).
CacheClearing clearDatasetCache(const QString &cacheDir);

} // namespace cinetune
