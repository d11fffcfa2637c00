#pragma once

#include "core/common/progress.h"
#include "core/common/result.h"
#include "core/dataset/dataset.h"
#include "core/eval/itemknn.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace cinetune {

// The ItemKNN neighbour table cached next to the dataset's binary cache, one file per dataset
// fingerprint and parameter set: "<fingerprint>-itemknn-<weighting>-k<K>-s<S>-seed<seed>.ctknn".
// Layout (little endian): magic "CINETUNE-ITEMKNN", u32 version, u32 weighting, u32 k,
// u32 max raters, u64 seed, u32 movies, u64 ratings, u32 fingerprint length + bytes, u64 entries,
// u32 offsets[movies + 1], entries (u32 movie, f32 similarity), then the SHA-256 of all the
// bytes before it. Written atomically (QSaveFile). A file that does not match in any way
// (damaged, truncated, other version, dataset or parameters) is a miss and gets rebuilt.

struct ItemKnnCacheOptions
{
    bool use = true;  // read and write the cache file
    QString cacheDir; // empty = the dataset cache folder (defaultCacheDir())
};

QString itemKnnCachePath(const QString &cacheDir, const QByteArray &fingerprint, const ItemKnnParams &params);

// Errors: code "io" with the path in the message.
[[nodiscard]] Status writeItemKnnCache(const ItemKnnTable &table, const RatingStore &store, const QByteArray &fingerprint,
                                       const QString &path);
// Error code "cache-miss" (with the reason) when the file is missing or unusable.
[[nodiscard]] Result<std::shared_ptr<const ItemKnnTable>> readItemKnnCache(const QString &path, const RatingStore &store,
                                                                           const QByteArray &fingerprint,
                                                                           const ItemKnnParams &params);

// The cached table when there is a valid one, else builds it and (when the dataset has a
// fingerprint and options.use) writes the cache; a failed write is not an error. `fromCache`,
// when given, tells which happened.
[[nodiscard]] Result<std::shared_ptr<const ItemKnnTable>> loadOrBuildItemKnn(const Dataset &dataset, const ItemKnnParams &params,
                                                                             const ItemKnnCacheOptions &options, int threads,
                                                                             Progress &progress, bool *fromCache = nullptr);

} // namespace cinetune
