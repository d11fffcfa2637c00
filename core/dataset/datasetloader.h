#pragma once

#include "core/common/progress.h"
#include "core/common/result.h"
#include "core/dataset/dataset.h"

#include <QString>

#include <cstddef>

namespace cinetune {

struct LoadOptions
{
    int threads = 0;                                // 0 = QThread::idealThreadCount()
    bool useCache = true;                           // read the binary cache (and write it after parsing, see writeCache)
    bool writeCache = true;                         // with useCache: write the cache after a parse
    QString cacheDir;                               // empty = QStandardPaths::CacheLocation + "/datasets"
    qint64 cacheLimitBytes = qint64{4} << 30;       // the cache folder's limit (least recently used go first)
    std::size_t chunkBytes = std::size_t{32} << 20; // parse task size (tests use tiny chunks)
};

// Loads a dataset from a file or folder (format detected automatically). Parses in parallel
// from memory-mapped files; the first error is reported as "file:line: expected ..., found ...".
// Cancelling returns an Error with code "canceled". Never returns a half-loaded dataset.
Result<DatasetPtr> loadDataset(const QString &path, const LoadOptions &options, Progress &progress);
Result<DatasetPtr> loadDataset(const DatasetSource &source, const LoadOptions &options, Progress &progress);

} // namespace cinetune
