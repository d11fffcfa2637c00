#pragma once

#include "core/common/sharedslot.h"
#include "core/dataset/dataset.h"

#include <QPointF>
#include <QString>

#include <array>
#include <memory>
#include <vector>

namespace cinetune {
class CoViewIndex;
} // namespace cinetune

namespace cinetune::ui {

// A dataset as the UI shows it: the core dataset plus the few derived figures the views need,
// all computed on the loading thread so the GUI thread never walks the ratings.
// Orders in which the movie table can be sorted (columns of MovieTableModel).
enum class MovieSortKey {
    Title,
    Year,
    Ratings,
    MeanRating
};
inline constexpr int kMovieSortKeyCount = 4;

struct LoadedDataset
{
    DatasetPtr dataset;
    QString requestedPath;                // as asked for (cinetune::kSamplePath for the sample)
    std::vector<QString> searchKeys;      // per movie index: folded "title year" for the filter
    std::vector<QPointF> popularityCurve; // (rank, ratings) of the long tail, thinned out
    // Movie indices in ascending order of each MovieSortKey, ties by index: the movie table sorts
    // by swapping in one of these instead of sorting on the GUI thread.
    std::array<std::vector<std::uint32_t>, kMovieSortKeyCount> movieOrder;
    qint64 loadMilliseconds = 0;
    // The co-rating index of this dataset, made by the first gold-set build or preview on it and
    // reused by the next ones; it goes away with the dataset.
    mutable SharedSlot<CoViewIndex> coViewIndex;

    bool isSample() const;
};

using LoadedDatasetPtr = std::shared_ptr<const LoadedDataset>;

// Runs on a worker thread. O(movies), never O(ratings).
LoadedDatasetPtr prepareLoadedDataset(DatasetPtr dataset, const QString &requestedPath, qint64 loadMilliseconds);

// < 0, 0, > 0 comparing two movies by a key (unrated movies have the lowest mean).
int compareMovies(const LoadedDataset &data, MovieSortKey key, std::uint32_t left, std::uint32_t right);

// Picks at most about maxPoints points of a descending curve, keeping its steep head exact.
std::vector<QPointF> thinLongTail(const std::vector<std::uint64_t> &sortedDescending, int maxPoints = 600);

} // namespace cinetune::ui
