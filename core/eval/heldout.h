#pragma once

#include "core/dataset/dataset.h"
#include "core/goldset/goldset.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace cinetune {

// What a recommender may see when it predicts gold-set users (docs/BASELINES.md, "What a
// recommender sees"). For every evaluated user, the cut is the user's chronologically first rating
// (date asc, then source movie id asc, the order of the temporal hold-out) of one of their own gold
// movies; that rating and every later rating of the user are held out. For a temporal hold-out
// gold set this is exactly the protocol's cut: the recommender sees only what the user rated before
// their held-out ratings. A neighbour-consensus gold set built with exclude = rated has no gold
// movie the user rated, so nothing is held out; with exclude = profile, the user's ratings from
// their first rated gold movie on are held out.
//
// Every baseline (popularity, ItemKNN similarities, exclusions of rated movies, candidate
// shortlists) is computed over this view, so none of them can see the evaluated users' gold, and a
// held-out gold movie can be recommended (its rating is no longer in the user's row).

// The number of ratings of `user` (dense index) held out by the cut of `line` (0 when the user
// rated none of their gold movies).
std::uint64_t heldOutRatingCount(const RatingStore &store, const Catalogue &catalogue, UserIndex user, const GoldSetUser &line);

// The dataset without the held-out ratings of `evaluated` (users not in the dataset are skipped).
// Users and movies keep their dense indices and the catalogue is the same; only rating entries
// are removed (a user may be left with none). The copy's fingerprint is the original's plus a hash
// of what was removed, so caches keyed by it (ItemKNN tables) never mix views. Returns nullptr
// when nothing is held out (use the dataset itself). `heldOut`, when given, receives the count.
std::shared_ptr<const Dataset> datasetWithoutHeldOut(const Dataset &dataset, const std::vector<GoldSetUser> &evaluated,
                                                     std::uint64_t *heldOut = nullptr);
// The same for a shared dataset: returns `dataset` itself when nothing is held out.
DatasetPtr visibleDataset(const DatasetPtr &dataset, const std::vector<GoldSetUser> &evaluated, std::uint64_t *heldOut = nullptr);

} // namespace cinetune
