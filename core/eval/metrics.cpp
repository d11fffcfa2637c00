#include "core/eval/metrics.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

namespace cinetune {

namespace {

constexpr int kPerK = 6; // precision, recall, f1, hit, ndcg, map

std::vector<int> normalizedKs(std::vector<int> ks)
{
    ks.erase(std::remove_if(ks.begin(), ks.end(), [](int k) { return k < 1; }), ks.end());
    std::sort(ks.begin(), ks.end());
    ks.erase(std::unique(ks.begin(), ks.end()), ks.end());
    if (ks.empty())
        ks = {1, 3, 5, 10};
    return ks;
}

// Gold sets hold at most a few dozen ids: a sorted vector beats a hash set here.
bool contains(const std::vector<std::uint32_t> &sorted, std::uint32_t id)
{
    return std::binary_search(sorted.begin(), sorted.end(), id);
}

double discount(std::size_t rank) // rank is 1-based
{
    return 1.0 / std::log2(static_cast<double>(rank) + 1.0);
}

} // namespace

QString evalOutcomeId(EvalOutcome o)
{
    switch (o) {
    case EvalOutcome::Scored:
        return QStringLiteral("scored");
    case EvalOutcome::Missing:
        return QStringLiteral("missing");
    case EvalOutcome::Failed:
        return QStringLiteral("failed");
    case EvalOutcome::EmptyGold:
        return QStringLiteral("empty-gold");
    }
    return {};
}

QStringList metricIds(std::span<const int> ks)
{
    QStringList ids;
    for (const int k : ks) {
        for (const char *name : {"precision", "recall", "f1", "hit", "ndcg", "map"})
            ids << QStringLiteral("%1@%2").arg(QLatin1String(name)).arg(k);
    }
    ids << QStringLiteral("mrr") << QStringLiteral("map");
    return ids;
}

std::vector<double> scoreUser(std::span<const std::uint32_t> ranked, std::span<const std::uint32_t> goldIds,
                              std::span<const int> ks)
{
    std::vector<double> out(ks.size() * kPerK + 2, 0.0);
    std::vector<std::uint32_t> gold(goldIds.begin(), goldIds.end());
    std::sort(gold.begin(), gold.end());
    gold.erase(std::unique(gold.begin(), gold.end()), gold.end());
    if (gold.empty())
        return out;
    const auto g = static_cast<double>(gold.size());

    // rel[j] for every rank j (0-based): a gold movie the first time it appears. Later copies of
    // a movie are misses that keep their rank; unresolved items are never in the gold set.
    std::vector<std::uint8_t> rel(ranked.size(), 0);
    std::vector<std::uint32_t> seen;
    seen.reserve(ranked.size());
    for (std::size_t j = 0; j < ranked.size(); ++j) {
        const std::uint32_t id = ranked[j];
        if (id == kUnresolvedItem || !contains(gold, id) || std::find(seen.begin(), seen.end(), id) != seen.end())
            continue;
        seen.push_back(id);
        rel[j] = 1;
    }

    for (std::size_t ki = 0; ki < ks.size(); ++ki) {
        const auto k = static_cast<std::size_t>(ks[ki]);
        double hits = 0, dcg = 0, apSum = 0;
        for (std::size_t j = 0; j < std::min(k, ranked.size()); ++j) {
            if (!rel[j])
                continue;
            hits += 1;
            dcg += discount(j + 1);
            apSum += hits / static_cast<double>(j + 1);
        }
        double idcg = 0;
        for (std::size_t j = 1; j <= std::min(k, gold.size()); ++j)
            idcg += discount(j);
        const double p = hits / static_cast<double>(k);
        const double r = hits / g;
        double *o = out.data() + ki * kPerK;
        o[0] = p;
        o[1] = r;
        o[2] = p + r > 0 ? 2 * p * r / (p + r) : 0.0;
        o[3] = hits > 0 ? 1.0 : 0.0;
        o[4] = dcg / idcg;
        o[5] = apSum / static_cast<double>(std::min(k, gold.size()));
    }
    double hits = 0, apSum = 0, mrr = 0;
    for (std::size_t j = 0; j < ranked.size(); ++j) {
        if (!rel[j])
            continue;
        hits += 1;
        apSum += hits / static_cast<double>(j + 1);
        if (mrr == 0)
            mrr = 1.0 / static_cast<double>(j + 1);
    }
    out[ks.size() * kPerK] = mrr;
    out[ks.size() * kPerK + 1] = apSum / g;
    return out;
}

BeyondAccuracy beyondAccuracy(const std::vector<EvalUser> &users, int k, std::uint64_t catalogueSize,
                              const std::function<std::optional<double>(std::uint32_t)> &popularity)
{
    BeyondAccuracy b;
    b.k = k;
    b.catalogueSize = catalogueSize;
    std::unordered_map<std::uint32_t, std::uint64_t> counts;
    double popularitySum = 0;
    std::uint64_t popularityUsers = 0;
    std::vector<std::uint32_t> top;
    for (const EvalUser &u : users) {
        if (u.outcome == EvalOutcome::EmptyGold || u.gold.empty())
            continue;
        top.clear();
        for (std::size_t j = 0; j < std::min(u.ranked.size(), static_cast<std::size_t>(std::max(k, 0))); ++j) {
            const std::uint32_t id = u.ranked[j];
            if (id != kUnresolvedItem && std::find(top.begin(), top.end(), id) == top.end())
                top.push_back(id);
        }
        double sum = 0;
        std::size_t known = 0;
        for (const std::uint32_t id : top) {
            const auto pop = popularity(id);
            if (!pop)
                continue;
            sum += *pop;
            ++known;
            ++counts[id];
        }
        if (known) {
            popularitySum += sum / static_cast<double>(known);
            ++popularityUsers;
        }
    }
    b.distinctItems = counts.size();
    b.coverage = catalogueSize ? static_cast<double>(b.distinctItems) / static_cast<double>(catalogueSize) : 0.0;
    b.meanPopularity = popularityUsers ? popularitySum / static_cast<double>(popularityUsers) : 0.0;
    // RecBole: items sorted by count ascending (never-recommended items are the leading zeros),
    // G = Σ (2i − n − 1)·c_i / (n·Σc), i = 1..n.
    std::vector<std::uint64_t> c;
    c.reserve(counts.size());
    std::uint64_t total = 0;
    for (const auto &[id, n] : counts) {
        c.push_back(n);
        total += n;
    }
    std::sort(c.begin(), c.end());
    const auto n = static_cast<double>(std::max<std::uint64_t>(catalogueSize, c.size()));
    if (total > 0) {
        const double offset = n - static_cast<double>(c.size()); // the zeros before the first count
        double acc = 0;
        for (std::size_t i = 0; i < c.size(); ++i) {
            const double rank = offset + static_cast<double>(i) + 1;
            acc += (2 * rank - n - 1) * static_cast<double>(c[i]);
        }
        b.gini = acc / (n * static_cast<double>(total));
    }
    return b;
}

double MetricReport::mean(const QString &id) const
{
    const auto i = metrics.indexOf(id);
    return i < 0 ? 0.0 : means[static_cast<std::size_t>(i)];
}

MetricReport evaluate(const std::vector<EvalUser> &users, const MetricOptions &options)
{
    MetricReport r;
    r.ks = normalizedKs(options.ks);
    r.metrics = metricIds(r.ks);
    r.bootstrap = options.bootstrap;
    const auto columns = static_cast<std::size_t>(r.metrics.size());
    r.users.reserve(users.size());
    r.outcomes.reserve(users.size());
    r.rows.assign(users.size() * columns, 0.0);
    std::vector<double> included; // rows of the users in the means
    included.reserve(users.size() * columns);
    for (std::size_t i = 0; i < users.size(); ++i) {
        const EvalUser &u = users[i];
        EvalOutcome outcome = u.gold.empty() ? EvalOutcome::EmptyGold : u.outcome;
        r.users.push_back(u.user);
        r.outcomes.push_back(outcome);
        switch (outcome) {
        case EvalOutcome::EmptyGold:
            ++r.emptyGold;
            continue;
        case EvalOutcome::Missing:
            ++r.missing;
            break;
        case EvalOutcome::Failed:
            ++r.failed;
            break;
        case EvalOutcome::Scored: {
            const auto v = scoreUser(u.ranked, u.gold, r.ks);
            std::copy(v.begin(), v.end(), r.rows.begin() + static_cast<std::ptrdiff_t>(i * columns));
            break;
        }
        }
        included.insert(included.end(), r.rows.begin() + static_cast<std::ptrdiff_t>(i * columns),
                        r.rows.begin() + static_cast<std::ptrdiff_t>((i + 1) * columns));
    }
    const std::size_t n = included.size() / std::max<std::size_t>(columns, 1);
    r.scoredUsers = n;
    r.means.assign(columns, 0.0);
    for (std::size_t u = 0; u < n; ++u) {
        for (std::size_t c = 0; c < columns; ++c)
            r.means[c] += included[u * columns + c];
    }
    for (double &m : r.means)
        m = n ? m / static_cast<double>(n) : 0.0;
    r.intervals = bootstrapMeanIntervals(included, n, columns, options.bootstrap);
    return r;
}

std::vector<PairedMetric> compareReports(const MetricReport &a, const MetricReport &b, const PairedTestOptions &options)
{
    std::unordered_map<std::uint32_t, std::size_t> rowOfB;
    for (std::size_t i = 0; i < b.users.size(); ++i) {
        if (b.outcomes[i] != EvalOutcome::EmptyGold)
            rowOfB.emplace(b.users[i], i);
    }
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    for (std::size_t i = 0; i < a.users.size(); ++i) {
        if (a.outcomes[i] == EvalOutcome::EmptyGold)
            continue;
        if (const auto it = rowOfB.find(a.users[i]); it != rowOfB.end())
            pairs.emplace_back(i, it->second);
    }
    std::vector<PairedMetric> out;
    std::vector<double> va(pairs.size()), vb(pairs.size());
    for (qsizetype m = 0; m < a.metrics.size(); ++m) {
        const auto mb = b.metrics.indexOf(a.metrics[m]);
        if (mb < 0)
            continue;
        for (std::size_t p = 0; p < pairs.size(); ++p) {
            va[p] = a.value(pairs[p].first, static_cast<std::size_t>(m));
            vb[p] = b.value(pairs[p].second, static_cast<std::size_t>(mb));
        }
        out.push_back({a.metrics[m], pairedComparison(va, vb, options)});
    }
    return out;
}

QJsonObject metricConventionsJson()
{
    QJsonObject c;
    c[QStringLiteral("precision@K")] = QStringLiteral("hits in the top K / K (also when the list is shorter than K)");
    c[QStringLiteral("recall@K")] = QStringLiteral("hits in the top K / |gold|");
    c[QStringLiteral("f1@K")] = QStringLiteral(
        "per-user harmonic mean of precision@K and recall@K (0 when both are 0), then averaged");
    c[QStringLiteral("hit@K")] = QStringLiteral("1 when the top K hold at least one gold movie");
    c[QStringLiteral("ndcg@K")] = QStringLiteral("binary gain, discount 1/log2(rank+1), ideal DCG over min(|gold|, K) hits");
    c[QStringLiteral("map@K")] = QStringLiteral("sum over ranks j <= K of rel_j * precision@j, divided by min(K, |gold|)");
    c[QStringLiteral("mrr")] = QStringLiteral("1 / rank of the first hit in the whole list, 0 when none");
    c[QStringLiteral("map")] = QStringLiteral("sum over the whole list of rel_j * precision@j, divided by |gold|");
    c[QStringLiteral("duplicates")] = QStringLiteral("a movie counts once: later copies are misses that keep their rank");
    c[QStringLiteral("unresolved")] = QStringLiteral("titles that match no catalogue movie are misses that keep their rank");
    c[QStringLiteral("missing_and_failed")] = QStringLiteral(
        "users without a prediction or with a failed one score 0 and stay in every mean");
    c[QStringLiteral("empty_gold")] = QStringLiteral(
        "users with an empty gold set are left out of every mean and counted as empty_gold");
    c[QStringLiteral("averaging")] = QStringLiteral("per-user values, then the mean over users");
    c[QStringLiteral("ci")] = QStringLiteral(
        "percentile bootstrap over users (SplitMix64 streams per resample, type-7 quantiles)");
    c[QStringLiteral("beyond")] = QStringLiteral(
        "over the top K ranks of each user, duplicates and unresolved titles dropped: coverage = "
        "distinct movies / catalogue size; popularity = mean over users of the mean rating "
        "count; gini = RecBole's Gini index over all catalogue movies");
    c[QStringLiteral("paired_test")] = QStringLiteral("two-sided sign-flip permutation test on per-user differences");
    return c;
}

QJsonObject metricReportToJson(const MetricReport &report)
{
    QJsonObject o;
    o[QStringLiteral("users")] = static_cast<qint64>(report.users.size());
    o[QStringLiteral("scored")] = static_cast<qint64>(report.scoredUsers);
    o[QStringLiteral("missing")] = static_cast<qint64>(report.missing);
    o[QStringLiteral("failed")] = static_cast<qint64>(report.failed);
    o[QStringLiteral("empty_gold")] = static_cast<qint64>(report.emptyGold);
    QJsonObject metrics, ci;
    for (qsizetype m = 0; m < report.metrics.size(); ++m) {
        const auto i = static_cast<std::size_t>(m);
        metrics[report.metrics[m]] = report.means[i];
        ci[report.metrics[m]] = QJsonArray{report.intervals[i].low, report.intervals[i].high};
    }
    o[QStringLiteral("metrics")] = metrics;
    o[QStringLiteral("ci")] = ci;
    QJsonArray ks;
    for (const int k : report.ks)
        ks.append(k);
    o[QStringLiteral("k")] = ks;
    o[QStringLiteral("bootstrap")] = QJsonObject{{QStringLiteral("resamples"), report.bootstrap.resamples},
                                                 {QStringLiteral("seed"),
                                                  report.bootstrap.seed <= (1ull << 53)
                                                      ? QJsonValue(static_cast<double>(report.bootstrap.seed))
                                                      : QJsonValue(QString::number(report.bootstrap.seed))},
                                                 {QStringLiteral("confidence"), report.bootstrap.confidence},
                                                 {QStringLiteral("method"), QStringLiteral("percentile")}};
    o[QStringLiteral("conventions")] = metricConventionsJson();
    if (report.beyond) {
        const BeyondAccuracy &b = *report.beyond;
        o[QStringLiteral("beyond")] = QJsonObject{{QStringLiteral("k"), b.k},
                                                  {QStringLiteral("distinct"), static_cast<qint64>(b.distinctItems)},
                                                  {QStringLiteral("catalogue"), static_cast<qint64>(b.catalogueSize)},
                                                  {QStringLiteral("coverage"), b.coverage},
                                                  {QStringLiteral("popularity"), b.meanPopularity},
                                                  {QStringLiteral("gini"), b.gini}};
    }
    return o;
}

} // namespace cinetune
