#include "core/goldset/temporalholdout.h"

#include <algorithm>

namespace cinetune {

UserOutcome TemporalHoldout::run(UserIndex user)
{
    const RatingStore &store = m_context.store;
    const GoldSetSpec &spec = m_context.spec;
    const std::vector<std::uint32_t> &movieIds = m_context.movieIds;
    const auto row = store.userEntries(user);
    const auto days = store.userDays(user);
    UserOutcome out;
    GoldSetUser &line = out.line;
    line.user = store.userSourceId(user);

    // Chronological key: date, then source movie id.
    const auto key = [&](std::uint32_t i) { return std::uint64_t{days[i]} << 32 | movieIds[entryIndex(row[i])]; };
    const auto threshold = static_cast<RatingUnits>(spec.thresholdUnits());
    m_positive.clear();
    for (std::uint32_t i = 0; i < row.size(); ++i) {
        if (entryRating(row[i]) >= threshold)
            m_positive.push_back(i);
    }
    const auto held = static_cast<std::size_t>(spec.holdoutSize);
    if (m_positive.size() < held) {
        out.dropped = GoldDropReason::Ineligible;
        return out;
    }
    // The last H positive ratings in chronological order.
    std::nth_element(m_positive.begin(), m_positive.begin() + static_cast<std::ptrdiff_t>(held - 1), m_positive.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return key(a) > key(b); });
    m_positive.resize(held);
    std::uint64_t cut = ~std::uint64_t{0};
    for (std::uint32_t i : m_positive)
        cut = std::min(cut, key(i));

    m_positions.clear();
    for (std::uint32_t i = 0; i < row.size(); ++i) {
        if (key(i) < cut)
            m_positions.push_back(i);
    }
    orderByPreference(row, days, movieIds, m_positions, static_cast<std::size_t>(spec.profileSize));
    for (std::uint32_t p : m_positions)
        line.profile.push_back(movieIds[entryIndex(row[p])]);
    orderByPreference(row, days, movieIds, m_positive, held);
    for (std::uint32_t p : m_positive)
        line.gold.push_back(movieIds[entryIndex(row[p])]);
    if (line.profile.empty())
        out.dropped = GoldDropReason::EmptyProfile;
    return out;
}

} // namespace cinetune
