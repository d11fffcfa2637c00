#include "core/eval/stats.h"

#include "core/common/parallel.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace cinetune {

std::uint64_t streamSeed(std::uint64_t seed, std::uint64_t stream)
{
    // Two SplitMix64 steps decorrelate neighbouring (seed, stream) pairs.
    SplitMix64 a(seed ^ (stream * 0xD1B54A32D192ED03ull));
    a.next();
    return a.next();
}

double quantileSorted(std::span<const double> sorted, double q)
{
    if (sorted.empty())
        return 0;
    const double h = (static_cast<double>(sorted.size()) - 1) * std::clamp(q, 0.0, 1.0);
    const auto lo = static_cast<std::size_t>(std::floor(h));
    const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
    return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

namespace {

Interval percentileInterval(std::vector<double> &values, double confidence)
{
    std::sort(values.begin(), values.end());
    const double tail = (1 - confidence) / 2;
    return {quantileSorted(values, tail), quantileSorted(values, 1 - tail)};
}

} // namespace

std::vector<Interval> bootstrapMeanIntervals(std::span<const double> table, std::size_t rows, std::size_t columns,
                                             const BootstrapOptions &options)
{
    std::vector<Interval> out(columns);
    if (rows == 0 || columns == 0)
        return out;
    if (options.resamples <= 0) {
        for (std::size_t c = 0; c < columns; ++c) {
            double sum = 0;
            for (std::size_t r = 0; r < rows; ++r)
                sum += table[r * columns + c];
            out[c] = {sum / static_cast<double>(rows), sum / static_cast<double>(rows)};
        }
        return out;
    }
    const auto resamples = static_cast<std::size_t>(options.resamples);
    std::vector<double> means(resamples * columns); // resample-major
    constexpr std::size_t kBlock = 16;              // resamples per task
    const std::size_t tasks = (resamples + kBlock - 1) / kBlock;
    parallelFor(resolveThreads(options.threads), tasks, [&](std::size_t task, int) {
        std::vector<double> sum(columns);
        for (std::size_t b = task * kBlock; b < std::min(resamples, (task + 1) * kBlock); ++b) {
            std::fill(sum.begin(), sum.end(), 0.0);
            SplitMix64 rng(streamSeed(options.seed, b));
            for (std::size_t i = 0; i < rows; ++i) {
                const double *row = table.data() + rng.below(rows) * columns;
                for (std::size_t c = 0; c < columns; ++c)
                    sum[c] += row[c];
            }
            for (std::size_t c = 0; c < columns; ++c)
                means[b * columns + c] = sum[c] / static_cast<double>(rows);
        }
    });
    std::vector<double> column(resamples);
    for (std::size_t c = 0; c < columns; ++c) {
        for (std::size_t b = 0; b < resamples; ++b)
            column[b] = means[b * columns + c];
        out[c] = percentileInterval(column, options.confidence);
    }
    return out;
}

PairedResult pairedComparison(std::span<const double> a, std::span<const double> b, const PairedTestOptions &options)
{
    PairedResult r;
    const std::size_t n = std::min(a.size(), b.size());
    r.pairs = n;
    if (n == 0)
        return r;
    std::vector<double> d(n);
    double sum = 0;
    for (std::size_t i = 0; i < n; ++i) {
        d[i] = a[i] - b[i];
        sum += d[i];
    }
    r.meanDifference = sum / static_cast<double>(n);
    BootstrapOptions bo;
    bo.seed = options.seed;
    bo.resamples = options.resamples;
    bo.confidence = options.confidence;
    bo.threads = options.threads;
    r.interval = bootstrapMeanIntervals(d, n, 1, bo).front();

    if (options.permutations <= 0)
        return r;
    // Compare sums rather than means, with a relative tolerance so that ties (e.g. identical runs,
    // where every flipped sum is 0) count as "at least as extreme" despite rounding.
    const double observed = std::abs(sum);
    const double tolerance = 1e-9 * std::max(1.0, observed);
    const auto permutations = static_cast<std::size_t>(options.permutations);
    // Zero differences (ties, common for 0/1 metrics) never change a flipped sum: leave them out.
    // Signs are flipped branch-free by XOR-ing the sign bit, one random bit per difference.
    std::vector<std::uint64_t> bitsOf;
    bitsOf.reserve(n);
    for (const double v : d) {
        if (v != 0)
            bitsOf.push_back(std::bit_cast<std::uint64_t>(v));
    }
    constexpr std::size_t kBlock = 64;
    const std::size_t tasks = (permutations + kBlock - 1) / kBlock;
    std::vector<std::uint32_t> extreme(tasks);
    const std::uint64_t permutationSeed = streamSeed(options.seed, 0x5157'4150'0000'0000ull); // apart from the bootstrap's
    parallelFor(resolveThreads(options.threads), tasks, [&](std::size_t task, int) {
        std::uint32_t count = 0;
        for (std::size_t p = task * kBlock; p < std::min(permutations, (task + 1) * kBlock); ++p) {
            SplitMix64 rng(streamSeed(permutationSeed, p));
            double acc[4] = {0, 0, 0, 0}; // independent sums keep the adds from waiting on each other
            for (std::size_t i = 0; i < bitsOf.size(); i += 64) {
                const std::uint64_t bits = rng.next();
                const std::size_t end = std::min(bitsOf.size(), i + 64);
                for (std::size_t j = i; j < end; ++j)
                    acc[j & 3] += std::bit_cast<double>(bitsOf[j] ^ (((bits >> (j - i)) & 1u) << 63));
            }
            const double s = (acc[0] + acc[1]) + (acc[2] + acc[3]);
            if (std::abs(s) >= observed - tolerance)
                ++count;
        }
        extreme[task] = count;
    });
    std::uint64_t total = 0;
    for (const auto c : extreme)
        total += c;
    r.pValue = static_cast<double>(1 + total) / static_cast<double>(1 + permutations);
    return r;
}

} // namespace cinetune
