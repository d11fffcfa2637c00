#pragma once

#include "core/goldset/userprofile.h"

#include <cstdint>
#include <vector>

namespace cinetune {

// The temporal hold-out protocol for one user at a time (docs/GOLDSETS.md):
//   chronological order = date asc, then source movie id asc
//   gold    = the user's last H ratings >= T in that order, ordered by rating desc, date desc,
//             movie id asc
//   profile = the first P by rating desc, date desc, movie id asc of the ratings that come
//             before the earliest gold rating in chronological order
// A user without such an earlier rating is dropped (EmptyProfile). No randomness.
// One instance per worker thread (scratch memory); run() is not thread-safe.
class TemporalHoldout
{
public:
    explicit TemporalHoldout(const GoldSetContext &context)
        : m_context(context)
    {}

    UserOutcome run(UserIndex user);

private:
    const GoldSetContext &m_context;
    std::vector<std::uint32_t> m_positive;
    std::vector<std::uint32_t> m_positions;
};

} // namespace cinetune
