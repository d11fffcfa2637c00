#pragma once

// The synthetic data's taste model (internal to cinetune_synth): who rates which movie, with how
// many stars and on which day. K taste clusters, users with favourite clusters and a lognormal
// activity, movies with a lognormal popularity, fitted so that the counts and star shares match
// the real Netflix Prize data (see synth.h). synthgenerator.cpp sets the model up and writes a
// movie's block; synthfit.cpp fits user weights and star thresholds; synth.cpp writes the files.
#include "core/synth/synth.h"
#include "core/synth/synthrandom.h"
#include "core/synth/synthtitles.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace cinetune::synth {

// ---------------------------------------------------------------------------------------------
// Model constants
// ---------------------------------------------------------------------------------------------

constexpr double kRatingsPerUser = 100480507.0 / 480189.0; // 209.25, the real data's mean
constexpr std::uint32_t kRealMaxCustomerId = 2649429;
constexpr std::uint32_t kRealMovies = 17770;
constexpr std::array<std::uint32_t, 3> kRealPartEnds = {4499, 9210, 13367}; // last movie of parts 1..3
constexpr std::uint32_t kMaxUsers = 10000000;                               // customer ids stay within 8 digits
constexpr std::uint32_t kMaxMovies = 1000000;

constexpr double kAffinity = 4.0; // sampling weight factor for a favourite cluster
constexpr double kSecondClusterShare = 0.3;
constexpr double kActivityMedian = 96.0; // wanted activity: lognormal, mean/median ≈ 2.2 as in the real data
                                         // (rescaled to the total by the fit)
constexpr double kActivitySigma = 1.3;
constexpr double kActivityMaxShare = 0.9; // of the movies
constexpr int kFitRounds = 4;
constexpr int kFitBins = 256;
constexpr int kFitGrid = 1024;
constexpr double kHeavyDraws = 2.0;      // see fitUserWeights()
constexpr double kPopularitySigma = 2.2; // movie popularity: lognormal, soft cap below
constexpr double kPopularityCap = 0.5;   // × users
constexpr double kBernoulliShare = 0.15; // movies with more raters than this × users: Bernoulli pass
constexpr float kQualitySigma = 0.45f;   // latent score components (quantized by fitted thresholds)
constexpr float kQualityPopularity = 0.35f;
constexpr float kBiasSigma = 0.45f;
constexpr float kAffinityBonus = 0.35f;
constexpr float kNoiseSigma = 0.8f;
constexpr std::array<double, 4> kStarCumulative = {0.046, 0.147, 0.434, 0.770}; // 1..4 stars
constexpr double kTimeGrowth = 3.0;  // user start density ∝ exp(kTimeGrowth × t / span)
constexpr double kBurstShare = 0.12; // share of a user's ratings on the first day of the window
constexpr int kPilotSamples = 300000;
constexpr std::uint32_t kPilotMovies = 400; // movies whose raters are drawn for the threshold fit
constexpr std::size_t kWindow = 256;        // movies generated ahead of the writer

// ---------------------------------------------------------------------------------------------
// The generator
// ---------------------------------------------------------------------------------------------

struct UserRec // hot per-user data for formatting and scoring (24 bytes)
{
    char id[8]; // decimal customer id, left-aligned
    float bias;
    std::uint32_t favourites; // bit k: cluster k is a favourite
    std::uint16_t start;      // active window, days since 1999-11-11
    std::uint16_t end;
    std::uint8_t idLength;
};

struct MovieRec
{
    std::uint32_t clusters = 0; // bit mask, one or two bits
    std::uint8_t primary = 0;
    std::uint8_t secondary = 0xFF;
    int year = 0; // 0 = NULL
    float quality = 0;
    std::uint16_t releaseDay = 0;
    std::uint32_t target = 0; // raters to draw
};

struct Scratch
{
    std::vector<std::uint32_t> stamp; // stamp[u] == movie tag: u already rates this movie
    std::vector<std::uint32_t> picked;
    std::vector<float> weights;
};

class Generator
{
public:
    explicit Generator(const SynthOptions &options)
        : m_opt(options)
    {}

    void setup();
    std::uint64_t expectedRatings() const { return m_expected; }
    std::string titlesFile() const;
    // Writes the movie's block ("id:" line and rating lines) into out; returns the rating count.
    std::uint32_t generateMovie(std::uint32_t movie, Scratch &scratch, std::string &out) const;
    Scratch makeScratch() const
    {
        Scratch s;
        s.stamp.assign(m_opt.users, 0);
        return s;
    }

private:
    void setupUsers();
    void setupMovies();
    void fitUserWeights();
    void setupSamplers();
    void setupGuarantees();
    void setupThresholds();
    std::uint32_t drawUser(const MovieRec &movie, Rng &rng) const;
    std::uint32_t drawMovie(std::uint32_t user, Rng &rng) const;
    void pickRaters(std::uint32_t movie, Scratch &scratch, Rng &rng) const;
    // Sampling weight factor: 1 + 3 × (number of the movie's clusters that are user favourites).
    static double affinity(const UserRec &user, const MovieRec &movie)
    {
        const std::uint32_t shared = user.favourites & movie.clusters;
        return shared == 0 ? 1.0 : (shared & (shared - 1)) == 0 ? kAffinity : 2 * kAffinity - 1;
    }
    float score(const MovieRec &movie, std::uint32_t user, std::uint64_t noiseBits) const
    {
        return latent(movie.quality, movie.clusters, user, noiseBits);
    }
    float latent(float quality, std::uint32_t clusters, std::uint32_t user, std::uint64_t noiseBits) const
    {
        const UserRec &u = m_users[user];
        // Irwin–Hall: four 16-bit uniforms, unit variance after scaling.
        const std::uint64_t s = (noiseBits & 0xFFFF) + ((noiseBits >> 16) & 0xFFFF) + ((noiseBits >> 32) & 0xFFFF)
            + (noiseBits >> 48);
        const float noise = (static_cast<float>(s) - 131070.0f) * (kNoiseSigma * 1.7320508f / 65536.0f);
        const float bonus = (u.favourites & clusters) ? kAffinityBonus : 0.0f;
        return quality + u.bias + bonus + noise;
    }

    SynthOptions m_opt;
    int m_span = 0; // last day offset (2005-12-31)
    std::vector<std::array<char, 10>> m_dates;
    std::vector<UserRec> m_users;
    std::vector<double> m_activity;    // wanted ratings per user (scaled to the total by the fit)
    std::vector<double> m_weight;      // sampling weight per user, fitted in fitUserWeights()
    std::vector<double> m_scale;       // per movie: the fitted c in P(u) = G(c × weight × affinity)
    std::vector<std::uint8_t> m_heavy; // per user: 1 = drawn by Bernoulli, not by the alias tables
    struct HeavyUser
    {
        std::uint32_t user;
        std::uint32_t favourites;
        std::array<double, 3> weight; // by number of shared clusters
    };
    std::vector<HeavyUser> m_heavyUsers;
    std::vector<MovieRec> m_movies;
    std::vector<std::string> m_titles;
    AliasTable m_allUsers;                            // weight: activity
    std::array<AliasTable, kClusters> m_clusterUsers; // members only, weight: activity
    std::array<std::vector<std::uint32_t>, kClusters> m_clusterMembers;
    AliasTable m_allMovies; // weight: rating count
    std::array<AliasTable, kClusters> m_clusterMovies;
    std::array<std::vector<std::uint32_t>, kClusters> m_clusterMovieIds;
    std::vector<std::uint32_t> m_guaranteeStart; // CSR: users whose guaranteed movie is m
    std::vector<std::uint32_t> m_guaranteeUsers;
    std::array<float, 4> m_thresholds{};
    std::uint64_t m_expected = 0;
};

// Writes v in decimal at p; returns the end.
char *writeUnsigned(char *p, std::uint32_t v);

} // namespace cinetune::synth
