#pragma once

#include "core/dataset/ratingstore.h"

#include <QDate>

#include <array>
#include <cstdint>
#include <vector>

namespace cinetune {

class Catalogue;

// Summary figures and chart series of a loaded dataset, computed once off the GUI thread.
struct DatasetStats
{
    std::uint64_t ratings = 0;
    std::uint32_t users = 0;
    std::uint32_t movies = 0;      // catalogue entries
    std::uint32_t ratedMovies = 0; // movies with at least one rating
    double density = 0;            // ratings / (users * rated movies)
    QDate firstDate;
    QDate lastDate;
    std::array<std::uint64_t, 11> histogram{}; // index = rating in half-star units (0..10)
    struct MonthCount
    {
        int year;
        int month;
        std::uint64_t ratings;
    };
    std::vector<MonthCount> perMonth;            // every month from first to last date, zeros included
    std::vector<float> movieMean;                // per movie index; NaN when unrated
    std::vector<std::uint64_t> popularitySorted; // ratings per rated movie, descending (long tail)
    // User activity histogram on log2 bins: bin b counts users with [2^b, 2^(b+1)) ratings.
    std::vector<std::uint64_t> userActivityLog2;
};

DatasetStats computeStats(const RatingStore &store, std::size_t catalogueSize, int threads = 0);

// The key of a histogram bin as written in the source: "1".."5" on the integer scale,
// "0.5".."5.0" on MovieLens' half-star scale.
QString ratingLabel(int halfStarUnits, bool halfStars);

} // namespace cinetune
