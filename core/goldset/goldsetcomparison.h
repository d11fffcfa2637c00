#pragma once

#include "core/goldset/goldset.h"

#include <QtGlobal>

#include <cstdint>
#include <vector>

namespace cinetune {

// Two gold sets side by side (the Gold set page's Compare).
struct GoldSetComparison
{
    qint64 usersA = 0;
    qint64 usersB = 0;
    qint64 commonUsers = 0;
    double userJaccard = 0;            // |A ∩ B| / |A ∪ B| of the user ids (0 when both are empty)
    double meanGoldJaccard = 0;        // per common user, |gold A ∩ gold B| / |gold A ∪ gold B|, averaged
    qint64 identicalGold = 0;          // common users whose gold lists hold the same movies
    std::vector<std::uint64_t> sizesA; // gold-size histograms (index = gold size)
    std::vector<std::uint64_t> sizesB;
};

// Users are matched by their dataset user index; gold lists compare as sets (order and duplicates
// do not count; two empty lists are identical).
GoldSetComparison compareGoldSets(const std::vector<GoldSetUser> &a, const std::vector<GoldSetUser> &b);

} // namespace cinetune
