#pragma once

// Random numbers for the synthetic data generator: splitmix64 streams with Lemire's bounded
// draw and Walker/Vose alias tables. Our own code, so the bytes are the same with every standard
// library (std:: distributions differ between implementations).

#include <cmath>
#include <cstdint>
#include <vector>

namespace cinetune::synth {

// Random streams: (seed, purpose, entity) → one splitmix64 sequence.
enum Stream : std::uint64_t {
    StreamIds = 1,
    StreamUser,
    StreamMovie,
    StreamTitle,
    StreamRatings,
    StreamPilot,
    StreamGuarantee
};

inline constexpr std::uint64_t mix64(std::uint64_t z)
{
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

// splitmix64 (Steele, Lea, Flood 2014) with Lemire's bounded draw.
class Rng
{
public:
    Rng(std::uint64_t seed, Stream stream, std::uint64_t index)
        : m_state(mix64(mix64(seed ^ (stream * 0xD1B54A32D192ED03ull)) + index * 0x9E3779B97F4A7C15ull))
    {}

    std::uint64_t next()
    {
        m_state += 0x9E3779B97F4A7C15ull;
        return mix64(m_state);
    }

    // Uniform integer in [0, n), n ≥ 1, exact (multiply-shift with rejection).
    std::uint32_t below(std::uint32_t n)
    {
        std::uint64_t x = next();
        return below(n, x);
    }
    // Same, taking the first draw from `x` (its high 32 bits); the low 32 bits stay free for the caller.
    std::uint32_t below(std::uint32_t n, std::uint64_t &x)
    {
        std::uint64_t m = (x >> 32) * n;
        if (static_cast<std::uint32_t>(m) < n) {
            const std::uint32_t t = static_cast<std::uint32_t>(-n) % n;
            while (static_cast<std::uint32_t>(m) < t) {
                x = next();
                m = (x >> 32) * n;
            }
        }
        return static_cast<std::uint32_t>(m >> 32);
    }

    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; } // [0, 1)
    bool chance(double p) { return uniform() < p; }

    double normal() // Box–Muller; setup only
    {
        const double u1 = 1.0 - uniform();
        const double u2 = uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
    }

private:
    std::uint64_t m_state;
};

// Walker/Vose alias table over non-negative weights: O(1) draws.
class AliasTable
{
public:
    void build(const std::vector<double> &weights)
    {
        const std::size_t n = weights.size();
        m_keep.assign(n, 0xFFFFFFFFu);
        m_alias.resize(n);
        m_total = 0;
        for (double w : weights)
            m_total += w;
        if (n == 0 || m_total <= 0)
            return;
        std::vector<double> scaled(n);
        std::vector<std::uint32_t> small, large;
        for (std::size_t i = 0; i < n; ++i) {
            scaled[i] = weights[i] * static_cast<double>(n) / m_total;
            m_alias[i] = static_cast<std::uint32_t>(i);
            (scaled[i] < 1.0 ? small : large).push_back(static_cast<std::uint32_t>(i));
        }
        while (!small.empty() && !large.empty()) {
            const std::uint32_t s = small.back();
            small.pop_back();
            const std::uint32_t l = large.back();
            m_keep[s] = static_cast<std::uint32_t>(std::min(scaled[s] * 4294967296.0, 4294967295.0));
            m_alias[s] = l;
            scaled[l] -= 1.0 - scaled[s];
            if (scaled[l] < 1.0) {
                large.pop_back();
                small.push_back(l);
            }
        }
        // Leftovers are 1 up to rounding: keep themselves.
    }

    std::uint32_t sample(Rng &rng) const
    {
        std::uint64_t x = rng.next();
        const std::uint32_t i = rng.below(static_cast<std::uint32_t>(m_keep.size()), x);
        return static_cast<std::uint32_t>(x) < m_keep[i] ? i : m_alias[i];
    }

    double total() const { return m_total; }
    bool empty() const { return m_keep.empty() || m_total <= 0; }

private:
    std::vector<std::uint32_t> m_keep; // P(keep i) × 2^32
    std::vector<std::uint32_t> m_alias;
    double m_total = 0;
};

} // namespace cinetune::synth
