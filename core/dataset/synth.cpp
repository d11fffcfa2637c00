#include "synth.h"
#include "synthrandom.h"
#include "synthtitles.h"

#include <QCoreApplication>
#include <QDate>
#include <QDir>
#include <QFile>
#include <QThread>

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cmath>
#include <condition_variable>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace cinetune {

namespace {

using namespace synth;

// Translation context for the user-facing strings below.
class SynthDataset
{
    Q_DECLARE_TR_FUNCTIONS(SynthDataset)
};

// ---------------------------------------------------------------------------------------------
// Model constants
// ---------------------------------------------------------------------------------------------

constexpr double kRatingsPerUser = 100480507.0 / 480189.0; // 209.25, the real data's mean
constexpr std::uint32_t kRealMaxCustomerId = 2649429;
constexpr std::uint32_t kRealMovies = 17770;
constexpr std::array<std::uint32_t, 3> kRealPartEnds = {4499, 9210, 13367}; // last movie of parts 1..3
constexpr std::uint32_t kMaxUsers = 10000000;   // customer ids stay within 8 digits
constexpr std::uint32_t kMaxMovies = 1000000;

constexpr double kAffinity = 4.0;          // sampling weight factor for a favourite cluster
constexpr double kSecondClusterShare = 0.3;
constexpr double kActivityMedian = 96.0;   // wanted activity: lognormal, mean/median ≈ 2.2 as in the real data
                                           // (rescaled to the total by the fit)
constexpr double kActivitySigma = 1.3;
constexpr double kActivityMaxShare = 0.9;  // of the movies
constexpr int kFitRounds = 4;
constexpr int kFitBins = 256;
constexpr int kFitGrid = 1024;
constexpr double kHeavyDraws = 2.0;        // see fitUserWeights()
constexpr double kPopularitySigma = 2.2;   // movie popularity: lognormal, soft cap below
constexpr double kPopularityCap = 0.5;     // × users
constexpr double kBernoulliShare = 0.15;   // movies with more raters than this × users: Bernoulli pass
constexpr float kQualitySigma = 0.45f;     // latent score components (quantized by fitted thresholds)
constexpr float kQualityPopularity = 0.35f;
constexpr float kBiasSigma = 0.45f;
constexpr float kAffinityBonus = 0.35f;
constexpr float kNoiseSigma = 0.8f;
constexpr std::array<double, 4> kStarCumulative = {0.046, 0.147, 0.434, 0.770}; // 1..4 stars
constexpr double kTimeGrowth = 3.0;        // user start density ∝ exp(kTimeGrowth × t / span)
constexpr double kBurstShare = 0.12;       // share of a user's ratings on the first day of the window
constexpr int kPilotSamples = 300000;
constexpr std::uint32_t kPilotMovies = 400;  // movies whose raters are drawn for the threshold fit
constexpr std::size_t kWindow = 256;       // movies generated ahead of the writer


// ---------------------------------------------------------------------------------------------
// The generator
// ---------------------------------------------------------------------------------------------

struct UserRec // hot per-user data for formatting and scoring (24 bytes)
{
    char id[8];             // decimal customer id, left-aligned
    float bias;
    std::uint32_t favourites; // bit k: cluster k is a favourite
    std::uint16_t start;    // active window, days since 1999-11-11
    std::uint16_t end;
    std::uint8_t idLength;
};

struct MovieRec
{
    std::uint32_t clusters = 0;  // bit mask, one or two bits
    std::uint8_t primary = 0;
    std::uint8_t secondary = 0xFF;
    int year = 0;                // 0 = NULL
    float quality = 0;
    std::uint16_t releaseDay = 0;
    std::uint32_t target = 0;    // raters to draw
};

struct Scratch
{
    std::vector<std::uint32_t> stamp;   // stamp[u] == movie tag: u already rates this movie
    std::vector<std::uint32_t> picked;
    std::vector<float> weights;
};

class Generator
{
public:
    explicit Generator(const SynthOptions &options) : m_opt(options) {}

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
    int m_span = 0;                       // last day offset (2005-12-31)
    std::vector<std::array<char, 10>> m_dates;
    std::vector<UserRec> m_users;
    std::vector<double> m_activity;       // wanted ratings per user (scaled to the total by the fit)
    std::vector<double> m_weight;         // sampling weight per user, fitted in fitUserWeights()
    std::vector<double> m_scale;          // per movie: the fitted c in P(u) = G(c × weight × affinity)
    std::vector<std::uint8_t> m_heavy;    // per user: 1 = drawn by Bernoulli, not by the alias tables
    struct HeavyUser
    {
        std::uint32_t user;
        std::uint32_t favourites;
        std::array<double, 3> weight; // by number of shared clusters
    };
    std::vector<HeavyUser> m_heavyUsers;
    std::vector<MovieRec> m_movies;
    std::vector<std::string> m_titles;
    AliasTable m_allUsers;                                    // weight: activity
    std::array<AliasTable, kClusters> m_clusterUsers;         // members only, weight: activity
    std::array<std::vector<std::uint32_t>, kClusters> m_clusterMembers;
    AliasTable m_allMovies;                                   // weight: rating count
    std::array<AliasTable, kClusters> m_clusterMovies;
    std::array<std::vector<std::uint32_t>, kClusters> m_clusterMovieIds;
    std::vector<std::uint32_t> m_guaranteeStart;              // CSR: users whose guaranteed movie is m
    std::vector<std::uint32_t> m_guaranteeUsers;
    std::array<float, 4> m_thresholds{};
    std::uint64_t m_expected = 0;
};

void Generator::setup()
{
    const QDate first(1999, 11, 11);
    m_span = static_cast<int>(first.daysTo(QDate(2005, 12, 31)));
    m_dates.resize(static_cast<std::size_t>(m_span) + 1);
    for (int d = 0; d <= m_span; ++d) {
        const QByteArray text = first.addDays(d).toString(QStringLiteral("yyyy-MM-dd")).toLatin1();
        std::memcpy(m_dates[static_cast<std::size_t>(d)].data(), text.constData(), 10);
    }
    setupUsers();
    setupMovies();
    fitUserWeights();
    setupSamplers();
    setupGuarantees();
    setupThresholds();
}

void Generator::setupUsers()
{
    const std::uint32_t n = m_opt.users;
    m_users.resize(n);
    m_activity.resize(n);

    // Customer ids: n distinct values of 1..N in ascending order (Knuth's selection sampling).
    const std::uint32_t idRange = std::max(kRealMaxCustomerId, n);
    Rng ids(m_opt.seed, StreamIds, 0);
    std::uint32_t chosen = 0;
    for (std::uint32_t id = 1; id <= idRange && chosen < n; ++id) {
        if (ids.below(idRange - id + 1) < n - chosen) {
            UserRec &u = m_users[chosen++];
            std::memset(u.id, 0, sizeof u.id);
            const std::string text = std::to_string(id);
            std::memcpy(u.id, text.data(), text.size());
            u.idLength = static_cast<std::uint8_t>(text.size());
        }
    }

    double clusterTotal = 0;
    for (const Genre &g : genres())
        clusterTotal += g.weight;
    const double growth = std::expm1(kTimeGrowth);
    for (std::uint32_t i = 0; i < n; ++i) {
        Rng rng(m_opt.seed, StreamUser, i);
        UserRec &u = m_users[i];
        m_activity[i] = std::max(1.0, kActivityMedian * std::exp(kActivitySigma * rng.normal()));
        u.bias = static_cast<float>(kBiasSigma * rng.normal());
        const double r = rng.uniform();
        const int favourites = r < 0.45 ? 1 : r < 0.85 ? 2 : 3;
        u.favourites = 0;
        for (int f = 0; f < favourites; ++f) {
            for (int attempt = 0; attempt < 8; ++attempt) {
                double x = rng.uniform() * clusterTotal;
                int k = 0;
                while (k < kClusters - 1 && x >= genres()[static_cast<std::size_t>(k)].weight) {
                    x -= genres()[static_cast<std::size_t>(k)].weight;
                    ++k;
                }
                if (!(u.favourites & (1u << k))) {
                    u.favourites |= 1u << k;
                    break;
                }
            }
        }
        // Active window: starts more often late (growing membership), lasts a random part of
        // the remaining time, longer for more active users.
        const double start = m_span * std::log1p(rng.uniform() * growth) / kTimeGrowth;
        const double stay = std::pow(rng.uniform(), 0.6) * (0.5 + 0.5 * std::min(1.0, m_activity[i] / 400.0));
        u.start = static_cast<std::uint16_t>(std::min<double>(m_span, start));
        u.end = static_cast<std::uint16_t>(std::min<double>(m_span, u.start + (m_span - u.start) * stay));
    }
}

void Generator::setupMovies()
{
    const std::uint32_t m = m_opt.movies;
    m_movies.resize(m);
    m_titles.resize(m);
    const auto &gs = genres();
    double clusterTotal = 0;
    for (const Genre &g : gs)
        clusterTotal += g.weight;
    auto drawCluster = [&](Rng &rng) {
        double x = rng.uniform() * clusterTotal;
        int k = 0;
        while (k < kClusters - 1 && x >= gs[static_cast<std::size_t>(k)].weight) {
            x -= gs[static_cast<std::size_t>(k)].weight;
            ++k;
        }
        return static_cast<std::uint8_t>(k);
    };
    // Fixed positions that always carry the rarer features (scaled from the real file).
    auto scaled = [m](std::uint32_t realId) {
        return static_cast<std::uint32_t>(std::max<std::uint64_t>(1, (std::uint64_t(realId) * m + kRealMovies / 2) / kRealMovies));
    };
    const std::uint32_t forcedComma = scaled(72), forcedNull = scaled(4388), forcedLatin1 = scaled(6483);

    const QDate first(1999, 11, 11);
    std::vector<double> z(m);
    for (std::uint32_t i = 0; i < m; ++i) {
        Rng rng(m_opt.seed, StreamMovie, i);
        MovieRec &mv = m_movies[i];
        mv.primary = drawCluster(rng);
        mv.clusters = 1u << mv.primary;
        if (rng.chance(kSecondClusterShare)) {
            const std::uint8_t k = drawCluster(rng);
            if (k != mv.primary) {
                mv.secondary = k;
                mv.clusters |= 1u << k;
            }
        }
        // Release years 1920..2005 skewed recent; 2005 is a partial year as in the real file.
        if (rng.chance(0.03)) {
            mv.year = 2005;
        } else {
            do {
                mv.year = 2004 - static_cast<int>(-std::log(1.0 - rng.uniform()) * 11.0);
            } while (mv.year < 1920);
        }
        const bool nullYear = i + 1 == forcedNull || rng.chance(0.0004);
        double zp = rng.normal();
        if (mv.year >= 1998)
            zp += 0.3;
        else if (mv.year < 1970)
            zp -= 0.4;
        z[i] = zp;
        const double own = rng.normal();
        mv.quality = static_cast<float>(kQualitySigma * (kQualityPopularity * (zp - 0.1) + std::sqrt(1 - kQualityPopularity * kQualityPopularity) * own));
        if (mv.year >= 2000) {
            const int day = static_cast<int>(first.daysTo(QDate(mv.year, 1, 1))) + static_cast<int>(rng.below(300));
            mv.releaseDay = static_cast<std::uint16_t>(std::clamp(day, 0, m_span - 30));
        }
        if (nullYear)
            mv.year = 0;
        Rng titleRng(m_opt.seed, StreamTitle, i);
        TitleFlags flags;
        flags.comma = i + 1 == forcedComma;
        flags.latin1 = i + 1 == forcedLatin1;
        m_titles[i] = makeTitle(gs[mv.primary], flags, titleRng);
    }

    // Popularity: lognormal raw counts with a soft cap, μ fitted so the expected total is
    // users × 209.25. Every movie gets at least one rating when the budget allows it.
    const double total = kRatingsPerUser * m_opt.users;
    const double cap = std::max(1.0, kPopularityCap * m_opt.users);
    const double minimum = total >= 2.0 * m ? 1.0 : 0.0;
    auto count = [&](double mu, std::uint32_t i) {
        const double raw = std::exp(mu + kPopularitySigma * z[i]);
        return std::max(minimum, cap * -std::expm1(-raw / cap));
    };
    double lo = -30, hi = 40;
    for (int iter = 0; iter < 100; ++iter) {
        const double mid = 0.5 * (lo + hi);
        double sum = 0;
        for (std::uint32_t i = 0; i < m; ++i)
            sum += count(mid, i);
        (sum < total ? lo : hi) = mid;
    }
    m_expected = 0;
    for (std::uint32_t i = 0; i < m; ++i) {
        Rng rng(m_opt.seed, StreamMovie, 0x100000000ull + i);
        const double c = count(lo, i);
        const auto whole = static_cast<std::uint32_t>(c);
        m_movies[i].target = std::min(m_opt.users, whole + (rng.uniform() < c - whole ? 1u : 0u));
        m_expected += m_movies[i].target;
    }
}

// ---------------------------------------------------------------------------------------------
// Fitting user weights to the wanted activity
// ---------------------------------------------------------------------------------------------

// A multiset of positive values summarized in log-spaced bins (count, mean value per bin).
struct Bins
{
    std::vector<double> value;
    std::vector<double> count;

    template<typename Values>
    static Bins from(const Values &values)
    {
        double lo = 0, hi = 0;
        for (double v : values) {
            if (v <= 0)
                continue;
            lo = lo == 0 ? v : std::min(lo, v);
            hi = std::max(hi, v);
        }
        Bins b;
        if (hi <= 0)
            return b;
        const double width = std::max(1e-12, std::log(hi / lo));
        std::vector<double> sum(kFitBins, 0.0), count(kFitBins, 0.0);
        for (double v : values) {
            if (v <= 0)
                continue;
            const int i = std::min(kFitBins - 1, static_cast<int>(std::log(v / lo) / width * kFitBins));
            sum[static_cast<std::size_t>(i)] += v;
            count[static_cast<std::size_t>(i)] += 1;
        }
        for (std::size_t i = 0; i < sum.size(); ++i) {
            if (count[i] > 0) {
                b.value.push_back(sum[i] / count[i]);
                b.count.push_back(count[i]);
            }
        }
        return b;
    }

    // Σ count × G(scale × value); G(x) = 1 − e^−x (successive sampling) or min(1, x) (Bernoulli).
    double expected(double scale, bool linear) const
    {
        double s = 0;
        for (std::size_t i = 0; i < value.size(); ++i) {
            const double x = scale * value[i];
            s += count[i] * (linear ? std::min(1.0, x) : -std::expm1(-x));
        }
        return s;
    }
};

// Inverts a monotone function f: [lo, …) → counts on a log grid. Returns x with f(x) ≈ target.
class Inverse
{
public:
    template<typename F>
    Inverse(F f, double lo, double maxTarget)
    {
        double hi = lo * 2;
        while (f(hi) < maxTarget && hi < lo * 1e30)
            hi *= 2;
        m_logLo = std::log(lo);
        m_step = (std::log(hi) - m_logLo) / (kFitGrid - 1);
        m_y.resize(kFitGrid);
        for (int i = 0; i < kFitGrid; ++i)
            m_y[static_cast<std::size_t>(i)] = f(std::exp(m_logLo + i * m_step));
    }

    double operator()(double target) const
    {
        const auto it = std::lower_bound(m_y.begin(), m_y.end(), target);
        if (it == m_y.begin())
            return std::exp(m_logLo) * target / std::max(1e-300, m_y.front());
        if (it == m_y.end())
            return std::exp(m_logLo + (kFitGrid - 1) * m_step);
        const auto i = static_cast<double>(it - m_y.begin());
        const double y0 = *(it - 1), y1 = *it;
        const double t = y1 > y0 ? (target - y0) / (y1 - y0) : 0.0;
        return std::exp(m_logLo + (i - 1 + t) * m_step);
    }

private:
    double m_logLo = 0;
    double m_step = 0;
    std::vector<double> m_y;
};

// Chung–Lu style fit: P(u rates m) = G_m(c_m × w_u × affinity). Alternating updates of the movie
// scales c_m (so movies get their counts) and the user weights w_u (so users get their wanted
// activity) make heavy users keep their thousands of ratings although they saturate popular
// movies. The expected affinity of a user (from their favourite clusters' share of ratings) is
// divided out, so activity does not depend on how many favourites a user has.
void Generator::fitUserWeights()
{
    const std::uint32_t users = m_opt.users;
    double total = 0;
    std::uint32_t rated = 0;
    std::array<double, kClusters> clusterShare{};
    for (const MovieRec &mv : m_movies) {
        total += mv.target;
        rated += mv.target > 0;
        for (int k = 0; k < kClusters; ++k)
            if (mv.clusters & (1u << k))
                clusterShare[static_cast<std::size_t>(k)] += mv.target;
    }
    m_weight.assign(users, 1.0);
    if (total <= 0)
        return;
    // Wanted activity: lognormal, capped, scaled to the ratings the movies will hold.
    const double cap = std::max(1.0, kActivityMaxShare * rated);
    std::vector<double> wanted(users);
    double sum = 0;
    for (std::uint32_t u = 0; u < users; ++u)
        sum += wanted[u] = std::min(cap, m_activity[u]);
    for (int round = 0; round < 3; ++round) { // rescale, re-cap
        const double f = total / sum;
        sum = 0;
        for (double &a : wanted)
            sum += a = std::min(cap, a * f);
    }
    std::vector<double> affinity(users);
    for (std::uint32_t u = 0; u < users; ++u) {
        double share = 0;
        for (int k = 0; k < kClusters; ++k)
            if (m_users[u].favourites & (1u << k))
                share += clusterShare[static_cast<std::size_t>(k)] / total;
        affinity[u] = 1.0 + (kAffinity - 1) * share;
    }
    std::vector<double> weight = wanted; // effective weights (affinity included)
    std::vector<double> &scale = m_scale;
    scale.assign(m_movies.size(), 0.0);
    std::vector<double> sampledScales, bernoulliScales;
    double maxTarget = 0, maxWanted = 0, minTarget = 1e300, minWanted = 1e300;
    for (const MovieRec &mv : m_movies) {
        maxTarget = std::max<double>(maxTarget, mv.target);
        if (mv.target > 0)
            minTarget = std::min<double>(minTarget, mv.target);
    }
    for (double a : wanted) {
        maxWanted = std::max(maxWanted, a);
        minWanted = std::min(minWanted, a);
    }
    for (int round = 0; round < kFitRounds; ++round) {
        // Movie scales for the current user weights.
        const Bins userBins = Bins::from(weight);
        double weightSum = 0;
        for (double w : weight)
            weightSum += w;
        const double lo = 0.25 * minTarget / weightSum;
        const Inverse sampled([&](double c) { return userBins.expected(c, false); }, lo, maxTarget);
        const Inverse bernoulli([&](double c) { return userBins.expected(c, true); }, lo, maxTarget);
        sampledScales.clear();
        bernoulliScales.clear();
        double scaleSum = 0;
        for (std::size_t i = 0; i < m_movies.size(); ++i) {
            const double n = m_movies[i].target;
            const bool linear = n > kBernoulliShare * users;
            scale[i] = n > 0 ? (linear ? bernoulli(n) : sampled(n)) : 0.0;
            (linear ? bernoulliScales : sampledScales).push_back(scale[i]);
            scaleSum += scale[i];
        }
        // User weights for those movie scales.
        const Bins sampledBins = Bins::from(sampledScales);
        const Bins bernoulliBins = Bins::from(bernoulliScales);
        const Inverse user([&](double w) { return sampledBins.expected(w, false) + bernoulliBins.expected(w, true); },
                           0.25 * minWanted / scaleSum, maxWanted);
        for (std::uint32_t u = 0; u < users; ++u)
            weight[u] = user(wanted[u]);
    }
    // Heavy users: drawn more than about twice in the largest sampled movie. They take part by
    // an own Bernoulli draw per movie instead of through the rejection sampler, where they
    // would be drawn again and again although they already rate the movie.
    double largestSampled = 0;
    for (std::size_t i = 0; i < m_movies.size(); ++i)
        if (m_movies[i].target <= kBernoulliShare * users)
            largestSampled = std::max(largestSampled, scale[i]);
    m_heavy.assign(users, 0);
    for (std::uint32_t u = 0; u < users; ++u) {
        m_weight[u] = weight[u] / affinity[u];
        if (largestSampled * weight[u] > kHeavyDraws) {
            m_heavy[u] = 1;
            const double w = m_weight[u];
            m_heavyUsers.push_back({u, m_users[u].favourites, {w, w * kAffinity, w * (2 * kAffinity - 1)}});
        }
    }
    m_activity = std::move(wanted);
}

void Generator::setupSamplers()
{
    const std::uint32_t m = m_opt.movies;
    std::vector<double> counts(m);
    for (std::uint32_t i = 0; i < m; ++i)
        counts[i] = std::max(0.5, static_cast<double>(m_movies[i].target)); // zero-count movies stay drawable
    m_allMovies.build(counts);
    for (std::size_t k = 0; k < kClusters; ++k) {
        std::vector<double> w;
        for (std::uint32_t i = 0; i < m; ++i) {
            if (m_movies[i].clusters & (1u << k)) {
                m_clusterMovieIds[k].push_back(i);
                w.push_back(counts[i]);
            }
        }
        m_clusterMovies[k].build(w);
    }
    std::vector<double> light = m_weight;
    for (const HeavyUser &h : m_heavyUsers)
        light[h.user] = 0;
    m_allUsers.build(light);
    for (int k = 0; k < kClusters; ++k) {
        std::vector<std::uint32_t> &members = m_clusterMembers[static_cast<std::size_t>(k)];
        std::vector<double> weights;
        for (std::uint32_t u = 0; u < m_opt.users; ++u) {
            if ((m_users[u].favourites & (1u << k)) && !m_heavy[u]) {
                members.push_back(u);
                weights.push_back(m_weight[u]);
            }
        }
        m_clusterUsers[static_cast<std::size_t>(k)].build(weights);
    }
}

// Every user gets one movie they surely rate (drawn like any other rating), so every customer
// appears at least once, as in the real data.
void Generator::setupGuarantees()
{
    const std::uint32_t m = m_opt.movies;
    std::vector<std::uint32_t> movieOf(m_opt.users);
    std::vector<std::uint32_t> counts(m + 1, 0);
    for (std::uint32_t u = 0; u < m_opt.users; ++u) {
        Rng rng(m_opt.seed, StreamGuarantee, u);
        movieOf[u] = drawMovie(u, rng);
        ++counts[movieOf[u] + 1];
    }
    for (std::uint32_t i = 0; i < m; ++i)
        counts[i + 1] += counts[i];
    m_guaranteeStart = counts;
    m_guaranteeUsers.resize(m_opt.users);
    for (std::uint32_t u = 0; u < m_opt.users; ++u) // ascending users within a movie; shuffled later
        m_guaranteeUsers[counts[movieOf[u]]++] = u;
}

// A movie for user u: P(m) ∝ count(m) × (1 + 3 × shared favourite clusters).
std::uint32_t Generator::drawMovie(std::uint32_t user, Rng &rng) const
{
    const std::uint32_t favs = m_users[user].favourites;
    double total = m_allMovies.total();
    for (int k = 0; k < kClusters; ++k)
        if (favs & (1u << k))
            total += (kAffinity - 1) * m_clusterMovies[static_cast<std::size_t>(k)].total();
    double x = rng.uniform() * total - m_allMovies.total();
    if (x >= 0) {
        for (std::size_t k = 0; k < kClusters; ++k) {
            if (!(favs & (1u << k)))
                continue;
            x -= (kAffinity - 1) * m_clusterMovies[k].total();
            if (x < 0 && !m_clusterMovies[k].empty())
                return m_clusterMovieIds[k][m_clusterMovies[k].sample(rng)];
        }
    }
    return m_allMovies.sample(rng);
}

std::uint32_t Generator::drawUser(const MovieRec &movie, Rng &rng) const
{
    const double a = m_allUsers.total();
    const double b1 = (kAffinity - 1) * m_clusterUsers[movie.primary].total();
    const double b2 = movie.secondary == 0xFF ? 0.0 : (kAffinity - 1) * m_clusterUsers[movie.secondary].total();
    const double x = rng.uniform() * (a + b1 + b2);
    if (x < a)
        return m_allUsers.sample(rng);
    const std::size_t k = x < a + b1 ? movie.primary : movie.secondary;
    return m_clusterMembers[k][m_clusterUsers[k].sample(rng)];
}

// Quantization thresholds: quantiles of the latent score over pairs like the generated ones.
// The raters of every k-th movie are drawn exactly as generateMovie() will draw them (so heavy
// users' saturation and the affinity mix are right); pilot pairs take a rater of such a movie
// (movie ∝ its rater count) and the quality of a movie drawn ∝ count from all movies.
void Generator::setupThresholds()
{
    const std::uint32_t m = m_opt.movies;
    const std::uint32_t stride = std::max<std::uint32_t>(1, m / kPilotMovies);
    Scratch scratch = makeScratch();
    std::vector<std::uint32_t> pilotMovies, start{0}, raters;
    std::vector<double> counts;
    for (std::uint32_t i = 0; i < m; i += stride) {
        Rng rng(m_opt.seed, StreamRatings, i);
        pickRaters(i, scratch, rng);
        if (scratch.picked.empty())
            continue;
        pilotMovies.push_back(i);
        raters.insert(raters.end(), scratch.picked.begin(), scratch.picked.end());
        start.push_back(static_cast<std::uint32_t>(raters.size()));
        counts.push_back(static_cast<double>(scratch.picked.size()));
    }
    if (pilotMovies.empty()) {
        m_thresholds = {-1.5f, -0.8f, 0.1f, 0.8f};
        return;
    }
    AliasTable pilot;
    pilot.build(counts);
    Rng rng(m_opt.seed, StreamPilot, 0);
    std::vector<float> scores(kPilotSamples);
    for (float &s : scores) {
        const std::uint32_t j = pilot.sample(rng);
        const std::uint32_t u = raters[start[j] + rng.below(start[j + 1] - start[j])];
        const float quality = m_movies[m_allMovies.sample(rng)].quality;
        s = latent(quality, m_movies[pilotMovies[j]].clusters, u, rng.next());
    }
    std::sort(scores.begin(), scores.end());
    for (std::size_t j = 0; j < 4; ++j)
        m_thresholds[j] = scores[static_cast<std::size_t>(kStarCumulative[j] * kPilotSamples)];
}

std::string Generator::titlesFile() const
{
    std::string out;
    out.reserve(m_titles.size() * 40);
    for (std::size_t i = 0; i < m_titles.size(); ++i) {
        out += std::to_string(i + 1);
        out += ',';
        out += m_movies[i].year ? std::to_string(m_movies[i].year) : std::string("NULL");
        out += ',';
        out += m_titles[i];
        out += '\n';
    }
    return out;
}

char *writeUnsigned(char *p, std::uint32_t v)
{
    char digits[10];
    int n = 0;
    do {
        digits[n++] = static_cast<char>('0' + v % 10);
        v /= 10;
    } while (v);
    while (n)
        *p++ = digits[--n];
    return p;
}

// The movie's raters (in s.picked, unordered) and, from the same stream, nothing else: the
// threshold fit replays this for a sample of movies.
void Generator::pickRaters(std::uint32_t movie, Scratch &s, Rng &rng) const
{
    const MovieRec &mv = m_movies[movie];
    const std::uint32_t tag = movie + 1;
    const std::uint32_t users = m_opt.users;
    s.picked.clear();
    for (std::uint32_t i = m_guaranteeStart[movie]; i < m_guaranteeStart[movie + 1]; ++i) {
        const std::uint32_t u = m_guaranteeUsers[i];
        s.stamp[u] = tag;
        s.picked.push_back(u);
    }
    const std::uint32_t target = std::max<std::uint32_t>(mv.target, static_cast<std::uint32_t>(s.picked.size()));
    if (target > kBernoulliShare * users) {
        // Popular movie: one Bernoulli pass, P(u) = min(1, c × weight), c fitted to the target.
        s.weights.resize(users);
        for (std::uint32_t u = 0; u < users; ++u)
            s.weights[u] = static_cast<float>(m_weight[u] * affinity(m_users[u], mv));
        const double wanted = target - static_cast<double>(s.picked.size());
        double c = m_scale[movie]; // the fit's c is a close start
        if (c <= 0) {
            double total = 0;
            for (float w : s.weights)
                total += w;
            c = wanted / std::max(1e-300, total);
        }
        for (int iter = 0; iter < 8; ++iter) {
            double sum = 0;
            for (float w : s.weights)
                sum += std::min(1.0, c * w);
            if (sum <= 0 || std::abs(sum - wanted) < 0.002 * wanted)
                break;
            c *= wanted / sum;
        }
        const double scale = c * 0x1.0p53;
        for (std::uint32_t u = 0; u < users; ++u) {
            if (s.stamp[u] == tag)
                continue;
            if (static_cast<double>(rng.next() >> 11) < scale * s.weights[u]) {
                s.stamp[u] = tag;
                s.picked.push_back(u);
            }
        }
    } else {
        // Heavy users: P = 1 − exp(−c × weight × affinity), c fitted for this movie.
        const std::size_t heavy = m_heavyUsers.size();
        const std::size_t first = heavy ? rng.below(static_cast<std::uint32_t>(heavy)) : 0; // no index bias when the target is small
        for (std::size_t h = 0; h < heavy; ++h) {
            const HeavyUser &hu = m_heavyUsers[(first + h) % heavy];
            const double x = static_cast<double>(rng.next() >> 11) * 0x1.0p-53;
            const std::uint32_t shared = hu.favourites & mv.clusters;
            const double y = m_scale[movie] * hu.weight[shared == 0 ? 0 : (shared & (shared - 1)) == 0 ? 1 : 2];
            // y − y²/2 ≤ 1 − e^−y ≤ y: most draws are decided without calling expm1.
            if ((x < y - 0.5 * y * y || (x < y && x < -std::expm1(-y))) && s.stamp[hu.user] != tag
                && s.picked.size() < target) {
                s.stamp[hu.user] = tag;
                s.picked.push_back(hu.user);
            }
        }
        // Everyone else: weighted sampling without replacement, rejecting users already taken.
        std::uint64_t budget = m_allUsers.empty() ? 0 : 64ull * target + 4096;
        while (s.picked.size() < target && budget--) {
            const std::uint32_t u = drawUser(mv, rng);
            if (s.stamp[u] != tag) {
                s.stamp[u] = tag;
                s.picked.push_back(u);
            }
        }
    }
}

std::uint32_t Generator::generateMovie(std::uint32_t movie, Scratch &s, std::string &out) const
{
    const MovieRec &mv = m_movies[movie];
    Rng rng(m_opt.seed, StreamRatings, movie);
    pickRaters(movie, s, rng);
    // Random line order, like the real files.
    for (std::size_t i = s.picked.size(); i > 1; --i)
        std::swap(s.picked[i - 1], s.picked[rng.below(static_cast<std::uint32_t>(i))]);

    out.resize(16 + s.picked.size() * 24);
    char *p = out.data();
    p = writeUnsigned(p, movie + 1);
    *p++ = ':';
    *p++ = '\n';
    const int span = m_span;
    for (std::uint32_t u : s.picked) {
        const UserRec &ur = m_users[u];
        std::memcpy(p, ur.id, 8);
        p += ur.idLength;
        const float sc = score(mv, u, rng.next());
        const int stars = 1 + (sc > m_thresholds[0]) + (sc > m_thresholds[1]) + (sc > m_thresholds[2])
                          + (sc > m_thresholds[3]);
        p[0] = ',';
        p[1] = static_cast<char>('0' + stars);
        p[2] = ',';
        p += 3;
        // Date: inside the user's window and not before the movie reached the service.
        int lo = std::max<int>(ur.start, mv.releaseDay);
        int hi = ur.end;
        if (hi < lo)
            hi = std::min(span, lo + 90);
        std::uint64_t x = rng.next();
        const std::uint32_t offset = rng.below(static_cast<std::uint32_t>(hi - lo + 1), x);
        const bool burst = lo == ur.start && static_cast<std::uint32_t>(x) < static_cast<std::uint32_t>(kBurstShare * 4294967296.0);
        std::memcpy(p, m_dates[static_cast<std::size_t>(burst ? lo : lo + static_cast<int>(offset))].data(), 10);
        p[10] = '\n';
        p += 11;
    }
    out.resize(static_cast<std::size_t>(p - out.data()));
    return static_cast<std::uint32_t>(s.picked.size());
}

// ---------------------------------------------------------------------------------------------
// Output files
// ---------------------------------------------------------------------------------------------

class OutputSet
{
public:
    explicit OutputSet(const QString &dir)
    {
        const QDir d(dir);
        for (int i = 1; i <= 4; ++i)
            m_paths << d.absoluteFilePath(QStringLiteral("combined_data_%1.txt").arg(i));
        m_paths << d.absoluteFilePath(QStringLiteral("movie_titles.csv"));
    }
    ~OutputSet() { discard(); }

    Status open()
    {
        for (const QString &path : std::as_const(m_paths)) {
            auto file = std::make_unique<QFile>(path + QStringLiteral(".part"));
            if (!file->open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Unbuffered))
                return makeError(QStringLiteral("io"), SynthDataset::tr("Cannot write %1: %2")
                                     .arg(QDir::toNativeSeparators(file->fileName()), file->errorString()));
            m_files.push_back(std::move(file));
        }
        return Ok{};
    }

    Status write(int index, const char *data, qint64 size)
    {
        QFile &f = *m_files[static_cast<std::size_t>(index)];
        while (size > 0) {
            const qint64 written = f.write(data, size);
            if (written <= 0)
                return makeError(QStringLiteral("io"), SynthDataset::tr("Cannot write %1: %2")
                                     .arg(QDir::toNativeSeparators(f.fileName()), f.errorString()));
            data += written;
            size -= written;
            m_bytes += written;
        }
        return Ok{};
    }

    Status commit()
    {
        for (std::size_t i = 0; i < m_files.size(); ++i) {
            QFile &f = *m_files[i];
            if (!f.flush() || (f.close(), f.error() != QFileDevice::NoError))
                return makeError(QStringLiteral("io"), SynthDataset::tr("Cannot write %1: %2")
                                     .arg(QDir::toNativeSeparators(f.fileName()), f.errorString()));
        }
        for (std::size_t i = 0; i < m_files.size(); ++i) {
            const QString &target = m_paths[static_cast<qsizetype>(i)];
            if (QFile::exists(target) && !QFile::remove(target))
                return makeError(QStringLiteral("io"), SynthDataset::tr("Cannot replace %1").arg(QDir::toNativeSeparators(target)));
            if (!m_files[i]->rename(target))
                return makeError(QStringLiteral("io"), SynthDataset::tr("Cannot rename %1 to %2: %3")
                                     .arg(QDir::toNativeSeparators(m_files[i]->fileName()),
                                          QDir::toNativeSeparators(target), m_files[i]->errorString()));
        }
        m_files.clear();
        return Ok{};
    }

    void discard()
    {
        for (auto &f : m_files) {
            f->close();
            f->remove();
        }
        m_files.clear();
    }

    const QStringList &paths() const { return m_paths; }
    qint64 bytes() const { return m_bytes; }

private:
    QStringList m_paths;
    std::vector<std::unique_ptr<QFile>> m_files;
    qint64 m_bytes = 0;
};

// Ordered hand-off from the workers (any order) to the writer (movie order).
struct Pipeline
{
    std::mutex mutex;
    std::condition_variable ready;     // writer waits for its next movie
    std::condition_variable space;     // workers wait for window space
    std::array<std::string, kWindow> slots;
    std::array<bool, kWindow> filled{};
    std::array<std::uint32_t, kWindow> counts{};
    std::vector<std::string> spare;    // written buffers, handed back to the workers
    std::uint32_t written = 0;         // movies handed to the writer so far
    std::atomic<std::uint32_t> next{0};
    std::atomic<bool> stop{false};
};

} // namespace

Result<SynthSummary> writeSynthNetflix(const QString &outDir, const SynthOptions &options, Progress &progress)
{
    if (options.users < 1 || options.users > kMaxUsers)
        return makeError(QStringLiteral("invalid-argument"),
                         SynthDataset::tr("The number of users must be between 1 and %1.").arg(kMaxUsers));
    if (options.movies < 1 || options.movies > kMaxMovies)
        return makeError(QStringLiteral("invalid-argument"),
                         SynthDataset::tr("The number of movies must be between 1 and %1.").arg(kMaxMovies));
    if (!QDir().mkpath(outDir))
        return makeError(QStringLiteral("io"),
                         SynthDataset::tr("Cannot create directory %1").arg(QDir::toNativeSeparators(outDir)));
    const QString phase = SynthDataset::tr("Generating ratings");
    const Error canceled = makeError(QStringLiteral("canceled"), SynthDataset::tr("Generating the synthetic data set was canceled."));
    progress.report(0.0, phase);

    Generator gen(options);
    gen.setup();
    if (progress.canceled())
        return canceled;

    OutputSet output(outDir);
    if (Status s = output.open(); !s)
        return s.error();
    {
        const std::string titles = gen.titlesFile();
        if (Status s = output.write(4, titles.data(), static_cast<qint64>(titles.size())); !s)
            return s.error();
    }
    progress.report(0.02, phase);

    const std::uint32_t movies = options.movies;
    std::array<std::uint32_t, 4> partEnd{};
    for (std::size_t i = 0; i < 3; ++i)
        partEnd[i] = static_cast<std::uint32_t>((std::uint64_t(kRealPartEnds[i]) * movies + kRealMovies / 2) / kRealMovies);
    partEnd[3] = movies;

    int threads = options.threads > 0 ? options.threads : QThread::idealThreadCount();
    threads = std::clamp(threads, 1, 64);
    threads = static_cast<int>(std::min<std::uint32_t>(static_cast<std::uint32_t>(threads), movies));

    Pipeline pipe;
    const std::size_t maxSpare = static_cast<std::size_t>(threads) + 2;
    auto worker = [&gen, &pipe, movies]() {
        Scratch scratch = gen.makeScratch();
        std::string buffer;
        for (;;) {
            const std::uint32_t movie = pipe.next.fetch_add(1);
            if (movie >= movies)
                return;
            {
                std::unique_lock lock(pipe.mutex);
                pipe.space.wait(lock, [&] { return pipe.stop.load() || movie < pipe.written + kWindow; });
                if (pipe.stop.load())
                    return;
                if (!pipe.spare.empty()) { // reuse a written buffer's capacity
                    buffer = std::move(pipe.spare.back());
                    pipe.spare.pop_back();
                }
            }
            const std::uint32_t count = gen.generateMovie(movie, scratch, buffer);
            {
                const std::lock_guard lock(pipe.mutex);
                pipe.counts[movie % kWindow] = count;
                pipe.slots[movie % kWindow] = std::move(buffer);
                pipe.filled[movie % kWindow] = true;
            }
            buffer = std::string();
            pipe.ready.notify_one();
        }
    };
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
        pool.emplace_back(worker);

    Status status = Ok{};
    std::uint64_t ratings = 0;
    const double expected = std::max<double>(1.0, static_cast<double>(gen.expectedRatings()));
    double reported = 0.02;
    std::string data;
    std::uint32_t count = 0;
    std::size_t part = 0;
    for (std::uint32_t movie = 0; movie < movies; ++movie) {
        if (progress.canceled()) {
            status = canceled;
            break;
        }
        {
            std::unique_lock lock(pipe.mutex);
            pipe.ready.wait(lock, [&] { return pipe.filled[movie % kWindow]; });
            data = std::move(pipe.slots[movie % kWindow]);
            count = pipe.counts[movie % kWindow];
            pipe.filled[movie % kWindow] = false;
            ++pipe.written;
        }
        pipe.space.notify_all();
        while (movie + 1 > partEnd[part])
            ++part;
        status = output.write(static_cast<int>(part), data.data(), static_cast<qint64>(data.size()));
        if (!status)
            break;
        ratings += count;
        {
            const std::lock_guard lock(pipe.mutex);
            if (pipe.spare.size() < maxSpare)
                pipe.spare.push_back(std::move(data));
        }
        data = std::string();
        const double fraction = 0.02 + 0.97 * std::min(1.0, static_cast<double>(ratings) / expected);
        if (fraction >= reported + 0.005) {
            reported = fraction;
            progress.report(fraction, phase);
        }
    }
    {
        const std::lock_guard lock(pipe.mutex);
        pipe.stop.store(true);
    }
    pipe.space.notify_all();
    for (std::thread &t : pool)
        t.join();
    if (!status)
        return status.error();
    if (progress.canceled())
        return canceled;
    if (Status s = output.commit(); !s)
        return s.error();
    progress.report(1.0, phase);

    SynthSummary summary;
    summary.ratings = ratings;
    summary.users = options.users;
    summary.movies = movies;
    summary.bytes = output.bytes();
    summary.files = output.paths();
    return summary;
}

} // namespace cinetune
