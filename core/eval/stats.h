#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace cinetune {

// SplitMix64 (Steele, Lea, Flood 2014): tiny, fast, and fully specified, so a seed gives the same
// draws on every platform and standard library.
class SplitMix64
{
    __extension__ typedef unsigned __int128 Wide; // GCC/Clang; __extension__ keeps -Wpedantic quiet

public:
    explicit SplitMix64(std::uint64_t seed)
        : m_state(seed)
    {}
    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    // Uniform in [0, bound), bound > 0: Lemire's multiply-shift with rejection (no modulo bias).
    std::uint64_t below(std::uint64_t bound)
    {
        Wide m = static_cast<Wide>(next()) * bound;
        auto low = static_cast<std::uint64_t>(m);
        if (low < bound) {
            const std::uint64_t threshold = (0 - bound) % bound;
            while (low < threshold) {
                m = static_cast<Wide>(next()) * bound;
                low = static_cast<std::uint64_t>(m);
            }
        }
        return static_cast<std::uint64_t>(m >> 64);
    }

private:
    std::uint64_t m_state;
};

// The seed of stream `stream` derived from a run seed: each bootstrap resample (or permutation
// block) has its own stream, so results never depend on how work is split between threads.
std::uint64_t streamSeed(std::uint64_t seed, std::uint64_t stream);

struct Interval
{
    double low = 0;
    double high = 0;
    bool operator==(const Interval &) const = default;
};

// Quantile q in [0, 1] of sorted values, linear interpolation between order statistics
// (Hyndman & Fan type 7, the R / NumPy default). 0 for an empty input.
double quantileSorted(std::span<const double> sorted, double q);

struct BootstrapOptions
{
    std::uint64_t seed = 1;
    int resamples = 1000;     // 0 = no intervals (low = high = the mean)
    double confidence = 0.95; // percentile interval [(1-c)/2, (1+c)/2]
    int threads = 0;          // 0 = all cores; never changes the result
};

// Percentile bootstrap intervals of the column means of a row-major table (rows × columns):
// every resample draws `rows` row indices with replacement from stream streamSeed(seed, b).
std::vector<Interval> bootstrapMeanIntervals(std::span<const double> table, std::size_t rows, std::size_t columns,
                                             const BootstrapOptions &options);

struct PairedTestOptions
{
    std::uint64_t seed = 1;
    int resamples = 1000;     // bootstrap resamples for the interval of the mean difference
    int permutations = 10000; // random sign flips for the p-value
    double confidence = 0.95;
    int threads = 0;
};

struct PairedResult
{
    double meanDifference = 0; // mean of (a - b)
    Interval interval;         // percentile bootstrap interval of the mean difference
    double pValue = 1;         // two-sided paired sign-flip permutation test
    std::size_t pairs = 0;
};

// Paired comparison of per-user values a[i] and b[i] (same users, same order). The p-value is a
// Monte-Carlo sign-flip permutation test of H0 "the differences are symmetric around 0":
// p = (1 + #{|mean of flipped differences| >= |observed mean|}) / (1 + permutations).
PairedResult pairedComparison(std::span<const double> a, std::span<const double> b, const PairedTestOptions &options);

} // namespace cinetune
