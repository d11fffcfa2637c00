#pragma once

#include "core/dataset/mappedmemory.h"
#include "core/dataset/ratingstore.h"

#include <QString>

#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

namespace cinetune {

// The first problem found in a chunk: where (file and byte offset) and what.
struct ParseProblem
{
    int file = -1;
    std::size_t offset = std::numeric_limits<std::size_t>::max();
    QString expected;
    QString found;
};

// A run of ratings of one movie inside a chunk (Netflix layouts group ratings by movie).
struct MovieBlock
{
    std::uint32_t movieSourceId;
    std::uint64_t begin; // index into the chunk's arrays
};

// What one parse task produced from its byte ranges, in file order.
struct ParsedChunk
{
    BigArray<std::uint32_t> users;  // raw source user ids
    BigArray<std::uint32_t> movies; // raw source movie ids (formats not grouped by movie)
    BigArray<RatingUnits> ratings;
    BigArray<Day> days;
    std::vector<MovieBlock> blocks; // formats grouped by movie
    std::uint64_t crlfLines = 0;
    int bomFiles = 0; // files that began with a UTF-8 byte order mark
    std::optional<ParseProblem> problem;
};

} // namespace cinetune
