#pragma once

#include "core/dataset/dataset.h"
#include "core/goldset/goldset.h"

#include <cstdint>
#include <vector>

namespace cinetune::test {

// A gold set of the dataset's first 16 users with at least 10 ratings each (users 0-3 train,
// the others test): the profile is a user's first five rated movies (in catalogue order), the
// gold set the next five. Summarized, ready for GoldSetRepository::add.
inline GoldSet sixteenUserGoldSet(const Dataset &ds)
{
    GoldSet set;
    set.spec = GoldSetSpec::paper60();
    for (std::uint32_t u = 0; u < 16; ++u) {
        GoldSetUser g;
        g.user = ds.store.userSourceId(u);
        std::vector<std::uint32_t> rated;
        for (const auto entry : ds.store.userEntries(u))
            rated.push_back(ds.catalogue.movie(entry >> 4).sourceId);
        if (rated.size() < 10)
            continue;
        g.profile.assign(rated.begin(), rated.begin() + 5);
        g.gold.assign(rated.begin() + 5, rated.begin() + 10);
        g.split = u < 4 ? GoldSetSplit::Train : GoldSetSplit::Test;
        set.users.push_back(g);
    }
    summarize(set);
    return set;
}

} // namespace cinetune::test
