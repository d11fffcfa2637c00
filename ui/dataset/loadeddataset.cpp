#include "ui/dataset/loadeddataset.h"

#include "core/common/appinfo.h"
#include "core/dataset/searchtext.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace cinetune::ui {

bool LoadedDataset::isSample() const
{
    return requestedPath == QLatin1String(kSamplePath);
}

namespace {
template<typename T>
int threeWay(T a, T b)
{
    return a < b ? -1 : (a > b ? 1 : 0);
}
} // namespace

int compareMovies(const LoadedDataset &data, MovieSortKey key, std::uint32_t left, std::uint32_t right)
{
    const Dataset &ds = *data.dataset;
    switch (key) {
    case MovieSortKey::Title:
        return QString::compare(data.searchKeys[left], data.searchKeys[right]);
    case MovieSortKey::Year:
        return threeWay(ds.catalogue.movie(left).year, ds.catalogue.movie(right).year);
    case MovieSortKey::Ratings: {
        const std::uint32_t n = ds.store.movieCount();
        return threeWay(left < n ? ds.store.movieRatingCount(left) : 0, right < n ? ds.store.movieRatingCount(right) : 0);
    }
    case MovieSortKey::MeanRating: {
        const auto &means = ds.stats.movieMean;
        auto mean = [&means](std::uint32_t m) {
            const float v = m < means.size() ? means[m] : std::nanf("");
            return std::isnan(v) ? -1.0f : v;
        };
        return threeWay(mean(left), mean(right));
    }
    }
    return 0;
}

std::vector<QPointF> thinLongTail(const std::vector<std::uint64_t> &sortedDescending, int maxPoints)
{
    std::vector<QPointF> points;
    const std::size_t n = sortedDescending.size();
    if (n == 0)
        return points;
    const std::size_t budget = static_cast<std::size_t>(std::max(maxPoints, 128));
    const std::size_t head = std::min<std::size_t>(n, 64); // the steep start, point by point
    const std::size_t step = n <= budget ? 1 : (n - head + (budget - head) - 1) / (budget - head);
    points.reserve(std::min(n, budget + 2));
    for (std::size_t i = 0; i < n; i += (i < head ? 1 : step))
        points.emplace_back(static_cast<double>(i + 1), static_cast<double>(sortedDescending[i]));
    if (points.back().x() != static_cast<double>(n))
        points.emplace_back(static_cast<double>(n), static_cast<double>(sortedDescending[n - 1]));
    return points;
}

LoadedDatasetPtr prepareLoadedDataset(DatasetPtr dataset, const QString &requestedPath, qint64 loadMilliseconds)
{
    auto loaded = std::make_shared<LoadedDataset>();
    loaded->requestedPath = requestedPath;
    loaded->loadMilliseconds = loadMilliseconds;
    const Catalogue &catalogue = dataset->catalogue;
    loaded->searchKeys = movieSearchKeys(catalogue);
    loaded->popularityCurve = thinLongTail(dataset->stats.popularitySorted);
    loaded->dataset = std::move(dataset);
    const auto n = static_cast<std::uint32_t>(catalogue.size());
    for (int k = 0; k < kMovieSortKeyCount; ++k) {
        auto &order = loaded->movieOrder[static_cast<std::size_t>(k)];
        order.resize(n);
        std::iota(order.begin(), order.end(), 0u);
        const auto key = static_cast<MovieSortKey>(k);
        const LoadedDataset &data = *loaded;
        std::stable_sort(order.begin(), order.end(),
                         [&data, key](std::uint32_t a, std::uint32_t b) { return compareMovies(data, key, a, b) < 0; });
    }
    return loaded;
}

} // namespace cinetune::ui
