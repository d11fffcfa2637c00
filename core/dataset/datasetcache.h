#pragma once

#include "common/result.h"
#include "dataset.h"

#include <QString>

namespace cinetune {

// The binary cache: one file per dataset fingerprint in the cache folder, holding the store's
// arrays (64-byte aligned, memory-mapped on reopen) and the catalogue, stats and warnings.
// Written atomically (temporary file + rename); a damaged or foreign file is ignored.

QString defaultCacheDir();
QString cacheFilePath(const QString &cacheDir, const QByteArray &fingerprint);
// The fingerprint of a source: its format, file names, sizes and modification times.
QByteArray fingerprintOf(const DatasetSource &source);

Status writeDatasetCache(const Dataset &dataset, const QString &cacheDir);
// Returns an error with code "cache-miss" when there is no usable cache file.
Result<DatasetPtr> readDatasetCache(const DatasetSource &source, const QByteArray &fingerprint, const QString &cacheDir);
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
