#include "core/goldset/userprofile.h"

#include <algorithm>

namespace cinetune {

void orderByPreference(std::span<const Entry> row, std::span<const Day> days, const std::vector<std::uint32_t> &movieIds,
                       std::vector<std::uint32_t> &positions, std::size_t keep)
{
    const auto before = [&](std::uint32_t a, std::uint32_t b) {
        const RatingUnits ra = entryRating(row[a]), rb = entryRating(row[b]);
        if (ra != rb)
            return ra > rb;
        if (days[a] != days[b])
            return days[a] > days[b];
        return movieIds[entryIndex(row[a])] < movieIds[entryIndex(row[b])];
    };
    keep = std::min(keep, positions.size());
    std::partial_sort(positions.begin(), positions.begin() + static_cast<std::ptrdiff_t>(keep), positions.end(), before);
    positions.resize(keep);
}

} // namespace cinetune
