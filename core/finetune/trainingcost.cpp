#include "core/finetune/trainingcost.h"

#include "core/finetune/pricetable.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace cinetune {

int defaultEpochs(qint64 n)
{
    using namespace notebook;
    if (n <= 0)
        return 0;
    qint64 epochs = targetEpochs;
    if (n * targetEpochs < minTargetExamples)
        epochs = std::min<qint64>(maxDefaultEpochs, minTargetExamples / n);
    else if (n * targetEpochs > maxTargetExamples)
        epochs = std::max<qint64>(minDefaultEpochs, maxTargetExamples / n);
    return static_cast<int>(epochs);
}

qint64 billingTokensPerEpoch(const std::vector<qint64> &exampleTokens, qint64 cap)
{
    qint64 sum = 0;
    for (qint64 t : exampleTokens)
        sum += std::min(cap, t);
    return sum;
}

int trainingEpochs(qint64 examples, int requested)
{
    return requested > 0 ? requested : defaultEpochs(examples);
}

TrainingEstimate estimateTraining(const std::vector<qint64> &exampleTokens, int requestedEpochs, double trainingPer1M, qint64 cap)
{
    TrainingEstimate e;
    e.examples = static_cast<qint64>(exampleTokens.size());
    e.tokensPerEpoch = billingTokensPerEpoch(exampleTokens, cap);
    e.epochsFromRule = requestedEpochs <= 0;
    e.epochs = trainingEpochs(e.examples, requestedEpochs);
    e.billedTokens = e.tokensPerEpoch * e.epochs;
    e.costUsd = costUsd(e.billedTokens, trainingPer1M);
    return e;
}

QString trainingCostText(double usd, bool simulated, const QLocale &locale)
{
    if (simulated)
        return QCoreApplication::translate("cinetune::TrainingCost", "none (simulated)");
    return QStringLiteral("$") + usdAmount(usd, locale);
}

double quantile(const std::vector<qint64> &sorted, double q)
{
    const double pos = q * static_cast<double>(sorted.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(pos));
    const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
    const double frac = pos - static_cast<double>(lo);
    const auto a = static_cast<double>(sorted[lo]);
    const auto b = static_cast<double>(sorted[hi]);
    return std::round((a + (b - a) * frac) * 1e6) / 1e6; // no floating-point noise in reports
}

Distribution distribution(std::vector<qint64> values)
{
    Distribution d;
    if (values.empty())
        return d;
    std::sort(values.begin(), values.end());
    d.count = static_cast<qint64>(values.size());
    d.min = static_cast<double>(values.front());
    d.max = static_cast<double>(values.back());
    const long double sum = std::accumulate(values.begin(), values.end(), 0.0L);
    d.mean = static_cast<double>(sum / static_cast<long double>(values.size()));
    d.median = quantile(values, 0.5);
    d.p5 = quantile(values, 0.05);
    d.p10 = quantile(values, 0.10);
    d.p90 = quantile(values, 0.90);
    d.p95 = quantile(values, 0.95);
    return d;
}

} // namespace cinetune
