#pragma once

// Movie titles for the synthetic data generator: genre-flavoured word lists (Latin-1 bytes).

#include "core/synth/synthrandom.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace cinetune::synth {

inline constexpr int kClusters = 20; // taste clusters ("genres")

using Words = std::vector<const char *>;

struct Genre
{
    double weight; // share of movies and of favourite picks
    bool series;   // titles like "Show: Season 3"
    Words nouns;
    Words adjectives;
};

const std::array<Genre, kClusters> &genres();

struct TitleFlags
{
    bool comma = false;
    bool latin1 = false;
};

// One movie title, Latin-1 bytes, never empty, no line breaks.
std::string makeTitle(const Genre &genre, const TitleFlags &flags, Rng &rng);

} // namespace cinetune::synth
