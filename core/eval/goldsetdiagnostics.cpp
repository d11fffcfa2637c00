#include "core/eval/goldsetdiagnostics.h"

#include "core/eval/baselines.h"
#include "core/common/tr.h"
#include "core/eval/heldout.h"
#include "core/eval/metrics.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <map>

namespace cinetune {

namespace {

QString fixed(double v, int decimals = 2)
{
    return QString::number(v, 'f', decimals);
}

QString percent(double share)
{
    return QStringLiteral("%1 %").arg(share * 100.0, 0, 'f', 1);
}

Result<BaselineScore> score(const Dataset &dataset, const std::vector<GoldSetUser> &users, BaselineKind kind, BaselineOptions o,
                            Progress &progress)
{
    o.count = 10;
    auto lists = recommendForGoldSet(dataset, users, kind, o, progress);
    if (!lists)
        return lists.error();
    std::vector<EvalUser> eval;
    eval.reserve(users.size());
    for (std::size_t i = 0; i < users.size(); ++i)
        eval.push_back(EvalUser{users[i].user, users[i].gold, lists.value()[i]});
    MetricOptions mo;
    mo.ks = {3, 5};
    mo.bootstrap.resamples = 0;
    const MetricReport r = evaluate(eval, mo);
    BaselineScore s;
    s.precision3 = r.mean(QStringLiteral("precision@3"));
    s.precision5 = r.mean(QStringLiteral("precision@5"));
    s.recall5 = r.mean(QStringLiteral("recall@5"));
    s.mrr = r.mean(QStringLiteral("mrr"));
    s.users = r.scoredUsers;
    return s;
}

QJsonObject scoreJson(const BaselineScore &s)
{
    return QJsonObject{{QStringLiteral("precision@3"), s.precision3},
                       {QStringLiteral("precision@5"), s.precision5},
                       {QStringLiteral("recall@5"), s.recall5},
                       {QStringLiteral("mrr"), s.mrr},
                       {QStringLiteral("users"), qint64(s.users)}};
}

} // namespace

double meanPairwiseJaccard(const std::vector<GoldSetUser> &users)
{
    std::vector<std::vector<std::uint32_t>> sets;
    sets.reserve(users.size());
    for (const GoldSetUser &u : users) {
        std::vector<std::uint32_t> g = u.gold;
        std::sort(g.begin(), g.end());
        g.erase(std::unique(g.begin(), g.end()), g.end());
        sets.push_back(std::move(g));
    }
    if (sets.size() < 2)
        return 0;
    double sum = 0;
    std::uint64_t pairs = 0;
    for (std::size_t a = 0; a < sets.size(); ++a) {
        for (std::size_t b = a + 1; b < sets.size(); ++b) {
            std::size_t common = 0;
            auto i = sets[a].begin(), j = sets[b].begin();
            while (i != sets[a].end() && j != sets[b].end()) {
                if (*i < *j)
                    ++i;
                else if (*j < *i)
                    ++j;
                else {
                    ++common;
                    ++i;
                    ++j;
                }
            }
            const std::size_t unionSize = sets[a].size() + sets[b].size() - common;
            sum += unionSize == 0 ? 0.0 : double(common) / double(unionSize);
            ++pairs;
        }
    }
    return sum / double(pairs);
}

double goldShareInTopPercent(const Dataset &dataset, const std::vector<GoldSetUser> &users, double percentage)
{
    const RatingStore &store = dataset.store;
    std::vector<MovieIndex> order;
    for (MovieIndex m = 0; m < store.movieCount(); ++m) {
        if (store.movieRatingCount(m) > 0)
            order.push_back(m);
    }
    std::sort(order.begin(), order.end(), [&](MovieIndex a, MovieIndex b) {
        const auto ca = store.movieRatingCount(a), cb = store.movieRatingCount(b);
        return ca != cb ? ca > cb : a < b;
    });
    const auto top = static_cast<std::size_t>(std::ceil(double(order.size()) * percentage / 100.0));
    std::vector<bool> inTop(store.movieCount(), false);
    for (std::size_t i = 0; i < top && i < order.size(); ++i)
        inTop[order[i]] = true;
    std::uint64_t entries = 0, hits = 0;
    for (const GoldSetUser &u : users) {
        for (std::uint32_t id : u.gold) {
            ++entries;
            const auto m = dataset.catalogue.find(id);
            hits += m && *m < inTop.size() && inTop[*m];
        }
    }
    return entries == 0 ? 0.0 : double(hits) / double(entries);
}

Result<GoldSetDiagnostics> computeGoldSetDiagnostics(const Dataset &dataset, const std::vector<GoldSetUser> &all,
                                                     GoldSetSplit split, const DiagnosticsOptions &options, Progress &progress)
{
    std::vector<GoldSetUser> users;
    for (const GoldSetUser &u : all) {
        if (u.split == split)
            users.push_back(u);
    }
    GoldSetDiagnostics d;
    d.split = split;
    d.users = users.size();
    BaselineOptions o;
    o.threads = options.threads;
    o.cache.use = false;
    ScaledProgress popularPart(progress, 0, 0.2);
    auto popular = score(dataset, users, BaselineKind::MostPopular, o, popularPart);
    if (!popular)
        return popular.error();
    d.popular = popular.value();
    if (options.consensusSpec && options.consensusSpec->protocol == GoldProtocol::NeighbourConsensus && !users.empty()) {
        o.consensus = *options.consensusSpec;
        o.seed = options.consensusSpec->seed + 1;
        ScaledProgress consensusPart(progress, 0.2, 1);
        auto consensus = score(dataset, users, BaselineKind::NeighbourConsensus, o, consensusPart);
        if (!consensus)
            return consensus.error();
        d.consensus = consensus.value();
    }
    // Popularity of the gold movies over what the recommenders see.
    const auto view = datasetWithoutHeldOut(dataset, users);
    const Dataset &visible = view ? *view : dataset;
    d.goldInTop1 = goldShareInTopPercent(visible, users, 1);
    d.goldInTop5 = goldShareInTopPercent(visible, users, 5);
    d.goldInTop10 = goldShareInTopPercent(visible, users, 10);
    d.meanJaccard = meanPairwiseJaccard(users);
    std::map<std::uint32_t, std::uint64_t> counts;
    for (const GoldSetUser &u : users) {
        d.goldEntries += u.gold.size();
        for (std::uint32_t id : u.gold)
            ++counts[id];
    }
    d.distinctGold = counts.size();
    d.topGold.assign(counts.begin(), counts.end());
    std::sort(d.topGold.begin(), d.topGold.end(),
              [](const auto &a, const auto &b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
    if (d.topGold.size() > std::size_t(std::max(0, options.topMovies)))
        d.topGold.resize(std::size_t(std::max(0, options.topMovies)));
    for (const auto &[id, n] : d.topGold) {
        const auto m = dataset.catalogue.find(id);
        d.topGoldTitles << (m ? dataset.catalogue.displayTitle(*m) : tr("Movie %1").arg(id));
    }
    return d;
}

QString GoldSetDiagnostics::verdict() const
{
    QString s = tr("A non-personalised popularity list scores P@3 = %1 on this gold set (%2 split, %n users)", nullptr,
                   int(users))
                    .arg(fixed(popular.precision3), goldSetSplitId(split));
    if (consensus)
        s += tr("; the gold rule re-run with another seed (the ceiling) scores %1").arg(fixed(consensus->precision3));
    return s + QLatin1Char('.');
}

QJsonObject diagnosticsToJson(const GoldSetDiagnostics &d)
{
    QJsonObject o;
    o[QStringLiteral("split")] = goldSetSplitId(d.split);
    o[QStringLiteral("users")] = qint64(d.users);
    o[QStringLiteral("gold_entries")] = qint64(d.goldEntries);
    o[QStringLiteral("most_popular")] = scoreJson(d.popular);
    if (d.consensus)
        o[QStringLiteral("neighbour_consensus")] = scoreJson(*d.consensus);
    o[QStringLiteral("gold_in_top_1_percent")] = d.goldInTop1;
    o[QStringLiteral("gold_in_top_5_percent")] = d.goldInTop5;
    o[QStringLiteral("gold_in_top_10_percent")] = d.goldInTop10;
    o[QStringLiteral("mean_pairwise_jaccard")] = d.meanJaccard;
    o[QStringLiteral("distinct_gold_movies")] = qint64(d.distinctGold);
    QJsonArray top;
    for (std::size_t i = 0; i < d.topGold.size(); ++i)
        top.append(QJsonObject{{QStringLiteral("movie"), qint64(d.topGold[i].first)},
                               {QStringLiteral("title"), d.topGoldTitles.value(qsizetype(i))},
                               {QStringLiteral("users"), qint64(d.topGold[i].second)}});
    o[QStringLiteral("top_gold_movies")] = top;
    o[QStringLiteral("verdict")] = d.verdict();
    o[QStringLiteral("text")] = diagnosticsText(d);
    return o;
}

QString diagnosticsText(const GoldSetDiagnostics &d)
{
    QStringList lines;
    lines << d.verdict();
    const auto scoreLine = [](const QString &name, const BaselineScore &s) {
        return tr("%1: P@3 %2, P@5 %3, R@5 %4, MRR %5")
            .arg(name, fixed(s.precision3, 4), fixed(s.precision5, 4), fixed(s.recall5, 4), fixed(s.mrr, 4));
    };
    lines << scoreLine(tr("Most popular (trivial baseline)"), d.popular);
    if (d.consensus)
        lines << scoreLine(tr("Neighbour consensus, seed + 1 (ceiling)"), *d.consensus);
    lines << tr("Gold movies among the 1 / 5 / 10 % most-rated movies: %1 / %2 / %3 of %4 gold entries")
                 .arg(percent(d.goldInTop1), percent(d.goldInTop5), percent(d.goldInTop10))
                 .arg(d.goldEntries);
    lines << tr("Users' gold lists alike: mean pairwise Jaccard %1; %2 distinct gold movies")
                 .arg(fixed(d.meanJaccard, 3))
                 .arg(d.distinctGold);
    QStringList top;
    for (std::size_t i = 0; i < d.topGold.size(); ++i)
        top << tr("%1 (%2)").arg(d.topGoldTitles.value(qsizetype(i))).arg(d.topGold[i].second);
    if (!top.isEmpty())
        lines << tr("Most frequent gold movies (users): %1").arg(top.join(QStringLiteral("; ")));
    return lines.join(QLatin1Char('\n'));
}

GoldSetSplit diagnosticsSplit(const std::vector<GoldSetUser> &users)
{
    for (GoldSetSplit split : {GoldSetSplit::Test, GoldSetSplit::Validation, GoldSetSplit::Train}) {
        if (std::any_of(users.begin(), users.end(), [split](const GoldSetUser &u) { return u.split == split; }))
            return split;
    }
    return GoldSetSplit::Test;
}

Result<QJsonObject> goldSetDiagnosticsJson(const Dataset &dataset, const GoldSet &set, int threads, Progress &progress)
{
    if (set.users.empty())
        return QJsonObject{};
    DiagnosticsOptions options;
    options.threads = threads;
    options.consensusSpec = set.spec;
    auto d = computeGoldSetDiagnostics(dataset, set.users, diagnosticsSplit(set.users), options, progress);
    if (!d)
        return d.error();
    return diagnosticsToJson(d.value());
}

} // namespace cinetune
