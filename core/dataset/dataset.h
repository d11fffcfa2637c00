#pragma once

#include "core/dataset/catalogue.h"
#include "core/dataset/datasetsource.h"
#include "core/dataset/datasetstats.h"
#include "core/dataset/ratingstore.h"

#include <QByteArray>
#include <QStringList>

#include <memory>

namespace cinetune {

// A loaded dataset: where it came from, its movies, ratings and statistics. Immutable; shared
// between threads as std::shared_ptr<const Dataset>.
struct Dataset
{
    DatasetSource source;
    Catalogue catalogue;
    RatingStore store;
    DatasetStats stats;
    QStringList warnings;   // policies applied while loading, each with a count
    QByteArray fingerprint; // hex; identifies the source files' contents (size + mtime + names)
    bool fromCache = false; // true when reopened from the binary cache
};

using DatasetPtr = std::shared_ptr<const Dataset>;

} // namespace cinetune
