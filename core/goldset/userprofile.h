#pragma once

#include "core/dataset/ratingstore.h"
#include "core/goldset/goldset.h"

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace cinetune {

// What the per-user builders need from the dataset and the spec (all read-only, shared).
struct GoldSetContext
{
    const RatingStore &store;
    const std::vector<std::uint32_t> &movieIds; // source id of every movie index
    const GoldSetSpec &spec;
};

// One selected user's result: a line, or the reason the user was dropped.
struct UserOutcome
{
    std::optional<GoldDropReason> dropped;
    GoldSetUser line;
};

// Sorts `positions` (indices into row/days) by preference: rating desc, then date desc (most
// recent first), then source movie id asc, and keeps the first `keep`.
void orderByPreference(std::span<const Entry> row, std::span<const Day> days, const std::vector<std::uint32_t> &movieIds,
                       std::vector<std::uint32_t> &positions, std::size_t keep);

} // namespace cinetune
