#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>

namespace cinetune {

// The gold-set builders' random numbers, specified bit for bit (docs/GOLDSETS.md) so the same
// seed gives the same gold set with any thread count, compiler or standard library:
//
//   mix64(z)  = Stafford's "Mix13" finalizer as used by splitmix64:
//               z ^= z >> 30; z *= 0xBF58476D1CE4E5B9; z ^= z >> 27; z *= 0x94D049BB133111EB; z ^= z >> 31
//   stream(seed, purpose, key) starts a splitmix64 generator at state
//               mix64(mix64(seed + 0x9E3779B97F4A7C15 * purpose) ^ key)        (all mod 2^64)
//   next()    : state += 0x9E3779B97F4A7C15; return mix64(state)
//   below(n)  : uniform integer in [0, n) for 1 <= n < 2^32, Lemire's multiply-shift with
//               rejection on the top 32 bits of next():
//               x = next() >> 32; m = x * n; if (m mod 2^32 < n) { t = (2^32 - n) mod n;
//               while (m mod 2^32 < t) { x = next() >> 32; m = x * n; } } return m >> 32
//
// Purposes: 1 = sampling users (key 0), 2 = sampling one user's neighbours (key = the user's
// source id), 3 = assigning splits (key 0). Samples are drawn with floydSample(), the split
// order with a full Fisher–Yates shuffle (partialShuffle()), both driven by below().
class SplitMix64
{
public:
    static constexpr std::uint64_t kGamma = 0x9E3779B97F4A7C15ull;

    enum Purpose : std::uint64_t {
        SampleUsers = 1,
        SampleNeighbours = 2,
        AssignSplits = 3
    };

    explicit SplitMix64(std::uint64_t state)
        : m_state(state)
    {}

    static constexpr std::uint64_t mix64(std::uint64_t z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }

    static SplitMix64 stream(std::uint64_t seed, Purpose purpose, std::uint64_t key)
    {
        return SplitMix64(mix64(mix64(seed + kGamma * static_cast<std::uint64_t>(purpose)) ^ key));
    }

    std::uint64_t next()
    {
        m_state += kGamma;
        return mix64(m_state);
    }

    // Uniform in [0, n); n must be in [1, 2^32).
    std::uint32_t below(std::uint32_t n)
    {
        std::uint64_t m = (next() >> 32) * n;
        if (static_cast<std::uint32_t>(m) < n) {
            const std::uint32_t t = static_cast<std::uint32_t>(-n) % n;
            while (static_cast<std::uint32_t>(m) < t)
                m = (next() >> 32) * n;
        }
        return static_cast<std::uint32_t>(m >> 32);
    }

private:
    std::uint64_t m_state;
};

// Floyd's sampling: a uniform random k-subset of [0, n) (k <= n < 2^32), marked as bits in
// `marks` (at least ceil(n / 64) words, zero on entry):
//   for j in [n - k, n): t = below(j + 1); mark t if it is not marked yet, else mark j.
// k draws, no array of n elements; reading the marks in order gives the sample sorted.
inline void floydSample(std::uint32_t n, std::uint32_t k, SplitMix64 &rng, std::span<std::uint64_t> marks)
{
    for (std::uint32_t j = n - k; j < n; ++j) {
        const std::uint32_t t = rng.below(j + 1);
        std::uint64_t &word = marks[t / 64];
        const std::uint64_t bit = std::uint64_t{1} << (t % 64);
        if (word & bit)
            marks[j / 64] |= std::uint64_t{1} << (j % 64);
        else
            word |= bit;
    }
}

// Partial Fisher–Yates: for i in [0, k): swap(v[i], v[i + below(n - i)]). Afterwards v[0, k) is
// a uniform sample of k of the n elements (n = v.size() < 2^32, k <= n); k = n shuffles all.
template<typename T>
void partialShuffle(std::span<T> v, std::size_t k, SplitMix64 &rng)
{
    const std::size_t n = v.size();
    for (std::size_t i = 0; i < k && i < n; ++i) {
        const std::size_t j = i + rng.below(static_cast<std::uint32_t>(n - i));
        std::swap(v[i], v[j]);
    }
}

} // namespace cinetune
