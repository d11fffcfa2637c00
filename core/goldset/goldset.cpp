#include "core/goldset/goldset.h"

#include "core/goldset/goldsetrandom.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>
#include <unordered_map>

namespace cinetune {

namespace {

class GoldSetText
{
    Q_DECLARE_TR_FUNCTIONS(cinetune::GoldSet)
};

std::uint64_t roundedShare(std::uint64_t n, int percent)
{
    return (n * static_cast<std::uint64_t>(percent) * 2 + 100) / 200; // round(n * percent / 100), half up
}

CountDistribution distribution(std::vector<std::uint64_t> v)
{
    CountDistribution d;
    if (v.empty())
        return d;
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    // Nearest-rank quantiles: the smallest value with at least q of the values at or below it.
    auto quantile = [&](int percent) {
        return v[std::max<std::size_t>(1, (n * static_cast<std::size_t>(percent) + 99) / 100) - 1];
    };
    d.min = v.front();
    d.max = v.back();
    d.p25 = quantile(25);
    d.median = quantile(50);
    d.p75 = quantile(75);
    long double sum = 0;
    for (std::uint64_t x : v)
        sum += static_cast<long double>(x);
    d.mean = static_cast<double>(sum / static_cast<long double>(n));
    return d;
}

QJsonObject distributionJson(const CountDistribution &d)
{
    return QJsonObject{
        {QStringLiteral("min"), static_cast<qint64>(d.min)},       {QStringLiteral("p25"), static_cast<qint64>(d.p25)},
        {QStringLiteral("median"), static_cast<qint64>(d.median)}, {QStringLiteral("p75"), static_cast<qint64>(d.p75)},
        {QStringLiteral("max"), static_cast<qint64>(d.max)},       {QStringLiteral("mean"), d.mean}};
}

} // namespace

QString goldSetSplitId(GoldSetSplit s)
{
    switch (s) {
    case GoldSetSplit::Train:
        return QStringLiteral("train");
    case GoldSetSplit::Validation:
        return QStringLiteral("validation");
    case GoldSetSplit::Test:
        break;
    }
    return QStringLiteral("test");
}

std::optional<GoldSetSplit> goldSetSplitFromId(const QString &id)
{
    if (id == QLatin1String("train"))
        return GoldSetSplit::Train;
    if (id == QLatin1String("validation"))
        return GoldSetSplit::Validation;
    if (id == QLatin1String("test"))
        return GoldSetSplit::Test;
    return std::nullopt;
}

QString dropReasonId(GoldDropReason r)
{
    switch (r) {
    case GoldDropReason::Ineligible:
        return QStringLiteral("ineligible");
    case GoldDropReason::NoNeighbours:
        return QStringLiteral("no-neighbours");
    case GoldDropReason::NoMovieReachesWatchFactor:
        return QStringLiteral("no-movie-reaches-watch-factor");
    case GoldDropReason::AllExcluded:
        return QStringLiteral("all-excluded");
    case GoldDropReason::TooFewGold:
        return QStringLiteral("too-few-gold");
    case GoldDropReason::EmptyProfile:
        break;
    }
    return QStringLiteral("empty-profile");
}

QString dropReasonText(GoldDropReason r, const GoldSetSpec &spec)
{
    const QString stars = starsText(spec.starThreshold);
    switch (r) {
    case GoldDropReason::Ineligible:
        if (spec.protocol == GoldProtocol::TemporalHoldout)
            return GoldSetText::tr("fewer than %1 ratings of 5 stars or fewer than %2 ratings of %3 or more")
                .arg(spec.eligibility)
                .arg(spec.holdoutSize)
                .arg(stars);
        return GoldSetText::tr("fewer than %1 ratings of 5 stars").arg(spec.eligibility);
    case GoldDropReason::NoNeighbours:
        return spec.minMatches == 1
            ? GoldSetText::tr("no other user rated a profile movie with %1 or more").arg(stars)
            : GoldSetText::tr("no other user rated %1 of the profile movies with %2 or more").arg(spec.minMatches).arg(stars);
    case GoldDropReason::NoMovieReachesWatchFactor:
        return GoldSetText::tr("no movie reaches the watch factor (rated by %1 % of the neighbours)").arg(spec.watchFactor);
    case GoldDropReason::AllExcluded:
        return spec.exclude == GoldExclude::Rated
            ? GoldSetText::tr("every movie reaching the watch factor was already rated by the user")
            : GoldSetText::tr("every movie reaching the watch factor is in the user's profile");
    case GoldDropReason::TooFewGold:
        return GoldSetText::tr("fewer than %1 gold movies").arg(spec.minGold);
    case GoldDropReason::EmptyProfile:
        break;
    }
    return GoldSetText::tr("no rating before the last %1 ratings of %2 or more").arg(spec.holdoutSize).arg(stars);
}

std::uint64_t GoldSetSummary::droppedTotal() const
{
    std::uint64_t n = 0;
    for (std::uint64_t d : dropped)
        n += d;
    return n;
}

std::array<std::uint64_t, kGoldSetSplitCount> splitSizes(std::uint64_t n, const GoldSplitFractions &f)
{
    const std::uint64_t train = roundedShare(n, f.train);
    const std::uint64_t upToValidation = std::max(train, roundedShare(n, f.train + f.validation));
    return {train, upToValidation - train, n - upToValidation};
}

void assignSplits(std::vector<GoldSetUser> &users, const GoldSplitFractions &fractions, std::uint64_t seed)
{
    std::vector<std::uint32_t> order(users.size());
    std::vector<std::size_t> byId(users.size());
    for (std::size_t i = 0; i < users.size(); ++i)
        byId[i] = i;
    std::sort(byId.begin(), byId.end(), [&](std::size_t a, std::size_t b) { return users[a].user < users[b].user; });
    for (std::size_t i = 0; i < byId.size(); ++i)
        order[i] = static_cast<std::uint32_t>(byId[i]);
    SplitMix64 rng = SplitMix64::stream(seed, SplitMix64::AssignSplits, 0);
    partialShuffle(std::span<std::uint32_t>(order), order.size(), rng);
    const auto sizes = splitSizes(users.size(), fractions);
    for (std::size_t i = 0; i < order.size(); ++i) {
        const GoldSetSplit s = i < sizes[0] ? GoldSetSplit::Train
            : i < sizes[0] + sizes[1]       ? GoldSetSplit::Validation
                                            : GoldSetSplit::Test;
        users[order[i]].split = s;
    }
}

void summarize(GoldSet &set, int topMovies)
{
    GoldSetSummary &s = set.summary;
    s.keptUsers = set.users.size();
    s.goldSizeHistogram.assign(1, 0);
    s.splitCounts = {};
    std::vector<std::uint64_t> neighbours, candidates, profiles;
    neighbours.reserve(set.users.size());
    candidates.reserve(set.users.size());
    profiles.reserve(set.users.size());
    std::unordered_map<std::uint32_t, std::uint64_t> goldCounts;
    for (const GoldSetUser &u : set.users) {
        if (u.gold.size() >= s.goldSizeHistogram.size())
            s.goldSizeHistogram.resize(u.gold.size() + 1, 0);
        ++s.goldSizeHistogram[u.gold.size()];
        neighbours.push_back(u.neighbours);
        candidates.push_back(u.candidates);
        profiles.push_back(u.profile.size());
        ++s.splitCounts[static_cast<std::size_t>(u.split)];
        for (std::uint32_t m : u.gold)
            ++goldCounts[m];
    }
    s.neighbours = distribution(std::move(neighbours));
    s.candidates = distribution(std::move(candidates));
    s.profileSizes = distribution(std::move(profiles));
    s.distinctGoldMovies = goldCounts.size();
    std::vector<std::pair<std::uint32_t, std::uint64_t>> top(goldCounts.begin(), goldCounts.end());
    const auto byCount = [](const auto &a, const auto &b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    };
    const std::size_t k = std::min<std::size_t>(top.size(), static_cast<std::size_t>(std::max(0, topMovies)));
    std::partial_sort(top.begin(), top.begin() + static_cast<std::ptrdiff_t>(k), top.end(), byCount);
    top.resize(k);
    s.topGoldMovies = std::move(top);
}

QJsonObject summaryToJson(const GoldSetSummary &s)
{
    QJsonObject o;
    o[QStringLiteral("dataset_users")] = static_cast<qint64>(s.datasetUsers);
    o[QStringLiteral("eligible_users")] = static_cast<qint64>(s.eligibleUsers);
    o[QStringLiteral("selected_users")] = static_cast<qint64>(s.selectedUsers);
    o[QStringLiteral("kept_users")] = static_cast<qint64>(s.keptUsers);
    QJsonObject dropped;
    for (int r = 0; r < kGoldDropReasonCount; ++r)
        dropped[dropReasonId(static_cast<GoldDropReason>(r))] = static_cast<qint64>(s.dropped[static_cast<std::size_t>(r)]);
    o[QStringLiteral("dropped")] = dropped;
    QJsonArray hist;
    for (std::uint64_t n : s.goldSizeHistogram)
        hist.append(static_cast<qint64>(n));
    o[QStringLiteral("gold_size_histogram")] = hist;
    o[QStringLiteral("neighbors")] = distributionJson(s.neighbours);
    o[QStringLiteral("candidates")] = distributionJson(s.candidates);
    o[QStringLiteral("profile_sizes")] = distributionJson(s.profileSizes);
    o[QStringLiteral("distinct_gold_movies")] = static_cast<qint64>(s.distinctGoldMovies);
    QJsonArray top;
    for (const auto &[movie, users] : s.topGoldMovies)
        top.append(QJsonObject{{QStringLiteral("movie"), static_cast<qint64>(movie)},
                               {QStringLiteral("users"), static_cast<qint64>(users)}});
    o[QStringLiteral("top_gold_movies")] = top;
    o[QStringLiteral("splits")] = QJsonObject{{QStringLiteral("train"), static_cast<qint64>(s.splitCounts[0])},
                                              {QStringLiteral("validation"), static_cast<qint64>(s.splitCounts[1])},
                                              {QStringLiteral("test"), static_cast<qint64>(s.splitCounts[2])}};
    if (!s.explanation.isEmpty())
        o[QStringLiteral("explanation")] = s.explanation;
    return o;
}

} // namespace cinetune
