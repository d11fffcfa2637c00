#pragma once

#include "core/dataset/catalogue.h"
#include "core/common/progress.h"
#include "core/common/result.h"
#include "core/dataset/parsedchunk.h"
#include "core/dataset/ratingparsers.h"
#include "core/dataset/ratingstore.h"

#include <QStringList>

#include <vector>

namespace cinetune {

struct BuildInput
{
    std::vector<ParsedChunk> *chunks; // consumed (freed as they are copied)
    IdBitmap *users;                  // largest id noted; ids are marked here
    IdBitmap *movies;                 // per-rating formats; null for formats grouped by movie
    bool groupedByMovie = true;
    bool halfStars = false;
    int threads = 1;
};

struct BuildOutput
{
    RatingStore store;
    std::uint64_t duplicates = 0;      // (user, movie) pairs rated more than once; latest kept
    std::uint64_t unlistedRatings = 0; // ratings of movies missing from the titles file
    std::uint32_t unlistedMovies = 0;
};

// Turns parsed chunks into the CSR store. Movies missing from `catalogue` are appended to it
// (ascending source id) titled "Movie <id>". progress fractions are reported in [0, 1].
Result<BuildOutput> buildStore(const BuildInput &input, Catalogue &catalogue, Progress &progress, double progressBase,
                               double progressSpan);

} // namespace cinetune
