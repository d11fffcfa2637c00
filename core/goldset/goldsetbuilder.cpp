#include "core/goldset/goldsetbuilder.h"

#include "core/common/parallel.h"
#include "core/goldset/coviewindex.h"
#include "core/goldset/goldsetrandom.h"
#include "core/goldset/neighbourconsensus.h"
#include "core/goldset/raterbitmaps.h"
#include "core/goldset/temporalholdout.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>
#include <atomic>
#include <bit>
#include <new>

namespace cinetune {

namespace {

constexpr std::size_t kBlockUsers = 8192;

class GoldSetBuilderText
{
    Q_DECLARE_TR_FUNCTIONS(cinetune::GoldSetBuilder)
};

Error canceledError()
{
    return makeError(errc::General::Cancelled, GoldSetBuilderText::tr("Canceled"));
}

QString noEligibleText(const GoldSetSpec &spec)
{
    if (spec.protocol == GoldProtocol::TemporalHoldout) {
        const QString base = GoldSetBuilderText::tr("no user has %1 ratings of %2 or more")
                                 .arg(spec.holdoutSize)
                                 .arg(starsText(spec.starThreshold));
        return spec.eligibility > 0 ? base + GoldSetBuilderText::tr(" and %1 ratings of 5 stars").arg(spec.eligibility) : base;
    }
    if (spec.eligibility == 0)
        return GoldSetBuilderText::tr("the dataset has no ratings");
    return GoldSetBuilderText::tr("no user has %1 ratings of 5 stars").arg(spec.eligibility);
}

QString allDroppedText(const GoldSetSummary &s, const GoldSetSpec &spec)
{
    std::vector<int> reasons;
    for (int r = 0; r < kGoldDropReasonCount; ++r) {
        if (s.dropped[static_cast<std::size_t>(r)] > 0)
            reasons.push_back(r);
    }
    std::stable_sort(reasons.begin(), reasons.end(), [&](int a, int b) {
        return s.dropped[static_cast<std::size_t>(a)] > s.dropped[static_cast<std::size_t>(b)];
    });
    if (reasons.size() == 1)
        return dropReasonText(static_cast<GoldDropReason>(reasons.front()), spec);
    QStringList parts;
    for (int r : reasons)
        parts << GoldSetBuilderText::tr("%1 users: %2")
                     .arg(s.dropped[static_cast<std::size_t>(r)])
                     .arg(dropReasonText(static_cast<GoldDropReason>(r), spec));
    return GoldSetBuilderText::tr("every selected user was dropped (%1)").arg(parts.join(QStringLiteral("; ")));
}

// Eligibility: >= E ratings at the top of the scale (+ >= H positive ratings for the hold-out);
// one flag per user index.
Result<std::vector<std::uint8_t>> eligibleUsers(const RatingStore &store, const GoldSetSpec &spec, int threads,
                                                Progress &progress)
{
    const std::uint32_t userCount = store.userCount();
    const bool holdout = spec.protocol == GoldProtocol::TemporalHoldout;
    std::vector<std::uint8_t> eligible(userCount);
    const auto top = static_cast<RatingUnits>(10);
    const auto threshold = static_cast<RatingUnits>(spec.thresholdUnits());
    const std::size_t blocks = (userCount + kBlockUsers - 1) / kBlockUsers;
    std::atomic<bool> canceled{false};
    parallelFor(threads, blocks, [&](std::size_t b, int) {
        if (canceled.load(std::memory_order_relaxed) || progress.canceled()) {
            canceled = true;
            return;
        }
        const auto end = static_cast<UserIndex>(std::min<std::size_t>(userCount, (b + 1) * kBlockUsers));
        for (auto u = static_cast<UserIndex>(b * kBlockUsers); u < end; ++u) {
            std::uint32_t tops = 0, positives = 0;
            const auto row = store.userEntries(u);
            for (Entry e : row) {
                tops += entryRating(e) == top;
                positives += entryRating(e) >= threshold;
            }
            bool ok = !row.empty() && tops >= static_cast<std::uint32_t>(spec.eligibility);
            if (holdout)
                ok = ok && positives >= static_cast<std::uint32_t>(spec.holdoutSize);
            eligible[u] = ok;
        }
    });
    if (canceled)
        return canceledError();
    return eligible;
}

Result<GoldSet> build(const Dataset &dataset, const GoldSetSpec &spec, const GoldSetBuildOptions &options, Progress &progress,
                      std::shared_ptr<const CoViewIndex> &builtIndex)
{
    if (auto valid = spec.validate(); !valid)
        return valid.error();
    const RatingStore &store = dataset.store;
    const int threads = resolveThreads(options.threads);
    const std::uint32_t userCount = store.userCount();
    const bool holdout = spec.protocol == GoldProtocol::TemporalHoldout;
    const double selectEnd = 0.03;
    const double coViewEnd = holdout || options.index ? selectEnd : 0.11;
    const double indexEnd = holdout ? selectEnd : coViewEnd + 0.02;

    GoldSet set;
    set.spec = spec;
    GoldSetSummary &summary = set.summary;
    summary.datasetUsers = userCount;

    std::vector<std::uint32_t> movieIds(store.movieCount());
    for (MovieIndex m = 0; m < store.movieCount(); ++m)
        movieIds[m] = m < dataset.catalogue.size() ? dataset.catalogue.movie(m).sourceId : m;

    // Eligibility: >= E ratings at the top of the scale (+ >= H positive ratings for the hold-out).
    const QString selecting = GoldSetBuilderText::tr("Selecting users");
    progress.report(0, selecting);
    Result<std::vector<std::uint8_t>> marks = eligibleUsers(store, spec, threads, progress);
    if (!marks)
        return marks.error();
    std::vector<std::uint8_t> eligible = std::move(marks).value();
    for (std::uint8_t e : eligible)
        summary.eligibleUsers += e;

    // Selection: the listed users, or a seeded uniform sample of the eligible ones.
    std::vector<UserIndex> selected;
    if (!spec.userIds.empty()) {
        std::vector<std::uint32_t> ids = spec.userIds;
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        for (std::uint32_t id : ids) {
            const auto u = store.findUser(id);
            if (!u)
                return makeError(errc::General::InvalidArgument, GoldSetBuilderText::tr("user %1 is not in the dataset").arg(id));
            if (eligible[*u])
                selected.push_back(*u);
            else
                ++summary.dropped[static_cast<std::size_t>(GoldDropReason::Ineligible)];
        }
        summary.selectedUsers = ids.size();
    } else {
        for (UserIndex u = 0; u < userCount; ++u) {
            if (eligible[u])
                selected.push_back(u);
        }
        if (spec.users > 0 && spec.users < selected.size()) {
            // Floyd's sample of positions in the ascending list, read back in order.
            const auto n = static_cast<std::uint32_t>(selected.size());
            std::vector<std::uint64_t> marks((n + 63) / 64, 0);
            SplitMix64 rng = SplitMix64::stream(spec.seed, SplitMix64::SampleUsers, 0);
            floydSample(n, spec.users, rng, marks);
            std::size_t k = 0;
            for (std::size_t w = 0; w < marks.size(); ++w) {
                for (std::uint64_t b = marks[w]; b; b &= b - 1)
                    selected[k++] = selected[w * 64 + static_cast<std::size_t>(std::countr_zero(b))];
            }
            selected.resize(k);
        }
        summary.selectedUsers = selected.size();
    }
    std::vector<std::uint8_t>().swap(eligible);
    progress.report(selectEnd, selecting);

    if (selected.empty()) {
        summary.explanation = spec.userIds.empty() ? noEligibleText(spec)
                                                   : GoldSetBuilderText::tr("none of the listed users is eligible: %1")
                                                         .arg(dropReasonText(GoldDropReason::Ineligible, spec));
        summarize(set);
        return set;
    }

    if (options.onlyFirstUsers > 0 && selected.size() > options.onlyFirstUsers)
        selected.resize(options.onlyFirstUsers);

    // The co-rating index (neighbour consensus only).
    std::shared_ptr<const CoViewIndex> index = options.index;
    if (!holdout && !index) {
        ScaledProgress indexing(progress, selectEnd, coViewEnd);
        const std::uint32_t ranks = CoViewIndex::bitmapRanksFor(store, spec.neighbourCap, spec.watchFactor);
        auto built = CoViewIndex::build(store, ranks, threads, indexing);
        if (!built)
            return built.error();
        index = std::move(built.value());
    }
    builtIndex = index;
    std::shared_ptr<const RaterBitmaps> raters;
    if (!holdout) {
        ScaledProgress indexing(progress, coViewEnd, indexEnd);
        auto built = RaterBitmaps::build(store, spec.thresholdUnits(), RaterBitmaps::kDefaultBudget, threads, indexing);
        if (!built)
            return built.error();
        raters = std::move(built.value());
    }

    // Every selected user, in parallel; each worker owns its scratch memory.
    const GoldSetContext context{store, movieIds, spec};
    std::vector<UserOutcome> outcomes(selected.size());
    std::vector<std::unique_ptr<NeighbourConsensus>> consensus(static_cast<std::size_t>(threads));
    std::vector<std::unique_ptr<TemporalHoldout>> holdouts(static_cast<std::size_t>(threads));
    std::atomic<bool> canceled{false};
    std::atomic<std::size_t> done{0};
    const QString building = GoldSetBuilderText::tr("Building gold sets");
    const std::size_t total = selected.size();
    // Tasks of up to one consensus batch of users, small enough to keep every thread busy.
    const std::size_t perTask = std::clamp<std::size_t>((total + static_cast<std::size_t>(threads) * 4 - 1)
                                                            / (static_cast<std::size_t>(threads) * 4),
                                                        1, NeighbourConsensus::kMaxBatch);
    const std::size_t tasks = (total + perTask - 1) / perTask;
    parallelFor(threads, tasks, [&](std::size_t task, int worker) {
        if (canceled.load(std::memory_order_relaxed) || progress.canceled()) {
            canceled = true;
            return;
        }
        const std::size_t first = task * perTask;
        const std::size_t count = std::min(perTask, total - first);
        const auto w = static_cast<std::size_t>(worker);
        if (holdout) {
            if (!holdouts[w])
                holdouts[w] = std::make_unique<TemporalHoldout>(context);
            for (std::size_t i = first; i < first + count; ++i)
                outcomes[i] = holdouts[w]->run(selected[i]);
        } else {
            if (!consensus[w])
                consensus[w] = std::make_unique<NeighbourConsensus>(context, *index, *raters);
            consensus[w]->run(std::span<const UserIndex>(selected.data() + first, count),
                              std::span<UserOutcome>(outcomes.data() + first, count));
        }
        const std::size_t d = done += count;
        progress.report(indexEnd + (1 - indexEnd) * static_cast<double>(d) / static_cast<double>(total), building);
    });
    if (canceled || progress.canceled())
        return canceledError();
    consensus.clear();
    holdouts.clear();

    for (UserOutcome &o : outcomes) {
        if (o.dropped)
            ++summary.dropped[static_cast<std::size_t>(*o.dropped)];
        else
            set.users.push_back(std::move(o.line));
    }
    assignSplits(set.users, spec.split, spec.seed);
    summarize(set);
    if (set.users.empty())
        summary.explanation = allDroppedText(summary, spec);
    return set;
}

} // namespace

Result<GoldSet> buildGoldSet(const Dataset &dataset, const GoldSetSpec &spec, const GoldSetBuildOptions &options,
                             Progress &progress, std::shared_ptr<const CoViewIndex> &builtIndex)
{
    try {
        return build(dataset, spec, options, progress, builtIndex);
    } catch (const std::bad_alloc &) {
        return makeError(errc::General::OutOfMemory, GoldSetBuilderText::tr("Not enough memory to build the gold set"));
    }
}

Result<std::uint64_t> countEligibleUsers(const Dataset &dataset, const GoldSetSpec &spec, Progress &progress, int threads)
{
    if (auto valid = spec.validate(); !valid)
        return valid.error();
    Result<std::vector<std::uint8_t>> marks = eligibleUsers(dataset.store, spec, resolveThreads(threads), progress);
    if (!marks)
        return marks.error();
    std::uint64_t n = 0;
    for (std::uint8_t e : marks.value())
        n += e;
    return n;
}

Result<GoldSet> buildGoldSet(const Dataset &dataset, const GoldSetSpec &spec, const GoldSetBuildOptions &options,
                             Progress &progress)
{
    std::shared_ptr<const CoViewIndex> unused;
    return buildGoldSet(dataset, spec, options, progress, unused);
}

} // namespace cinetune
