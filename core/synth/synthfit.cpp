// Fitting the taste model to the real data's shape: user weights so users get their wanted
// activity (fitUserWeights), and the star thresholds that quantize the latent score
// (setupThresholds).
#include "core/synth/synthgenerator.h"

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

namespace cinetune::synth {

namespace {

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

} // namespace

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

} // namespace cinetune::synth
