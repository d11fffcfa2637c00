#include "core/eval/runscoring.h"

#include "core/eval/baselinerun.h"
#include "core/common/parallel.h"
#include "core/project/goldsetrepository.h"
#include "core/project/runrepository.h"
#include "core/eval/responseparser.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace cinetune {

namespace {

bool contains(const std::vector<std::uint32_t> &v, std::uint32_t x)
{
    return std::find(v.begin(), v.end(), x) != v.end();
}

// Marks hits, duplicates and profile repeats of the items with the rules of evaluate(): a movie
// counts once, at its first rank.
void markItems(ScoredUser &u)
{
    std::unordered_set<std::uint32_t> seen;
    for (ScoredItem &item : u.items) {
        if (!item.sourceId)
            continue;
        const std::uint32_t id = *item.sourceId;
        item.duplicate = !seen.insert(id).second;
        item.profileRepeat = contains(u.profile, id);
        item.hit = !item.duplicate && contains(u.gold, id);
        u.hits += item.hit ? 1 : 0;
    }
}

ScoredItem itemFromResolution(const QString &title, int year, const Resolution &r)
{
    ScoredItem item;
    item.title = title;
    item.year = year;
    item.status = r.status;
    if (r.status != ResolutionStatus::Unresolved)
        item.sourceId = r.sourceId;
    item.matchedTitle = r.matchedTitle;
    item.distance = r.distance;
    return item;
}

// One gold user's row and ranked list. Follows prepareRun()'s rules exactly (items, else titles,
// else text; errors and unparsable text fail; duplicates and profile repeats counted for resolved
// titles only), so the metrics equal prepareRun() + evaluate() (checked by tst_runscoring and
// bench_runscoring) while every title is resolved once, in parallel.
struct UserResult
{
    ScoredUser row;
    std::vector<std::uint32_t> ranked;
    bool matched = false;  // a prediction exists
    bool resolved = false; // titles or text
};

UserResult scoreUser(const GoldSetUser &g, const Prediction *p, const Dataset &dataset, const TitleResolver &resolver)
{
    UserResult out;
    ScoredUser &u = out.row;
    u.user = g.user;
    u.profile = g.profile;
    u.gold = g.gold;
    if (!p) {
        u.outcome = EvalOutcome::Missing;
        return out;
    }
    out.matched = true;
    if (!p->error.isEmpty()) {
        u.outcome = EvalOutcome::Failed;
        u.error = p->error;
        return out;
    }
    if (!p->items.empty() || (p->titles.isEmpty() && p->text.isEmpty())) {
        out.ranked = p->items;
        for (std::uint32_t id : p->items) {
            ScoredItem item;
            if (const auto m = dataset.catalogue.find(id)) {
                item.title = dataset.catalogue.movie(*m).title;
                item.year = dataset.catalogue.movie(*m).year;
                item.matchedTitle = dataset.catalogue.displayTitle(*m);
                item.status = ResolutionStatus::Exact;
            } else {
                item.title = QString::number(id);
            }
            item.sourceId = id; // an id is taken as given, as prepareRun() does
            u.items.push_back(std::move(item));
        }
    } else {
        out.resolved = true;
        if (!p->titles.isEmpty()) {
            for (const QString &t : p->titles)
                u.items.push_back(itemFromResolution(t, 0, resolver.resolve(t, 0)));
        } else {
            const ParsedResponse parsed = parseRecommendations(p->text);
            if (!parsed.ok) {
                u.outcome = EvalOutcome::Failed;
                u.parseFailure = true;
                u.error = parsed.reason;
                return out;
            }
            for (const ParsedItem &pi : parsed.items)
                u.items.push_back(itemFromResolution(pi.title, pi.year, resolver.resolve(pi.title, pi.year)));
        }
        for (const ScoredItem &item : u.items)
            out.ranked.push_back(item.sourceId ? *item.sourceId : kUnresolvedItem);
    }
    markItems(u);
    return out;
}

} // namespace

Result<RunScore> scorePredictions(const std::vector<GoldSetUser> &gold, const std::vector<Prediction> &predictions,
                                  const Dataset &dataset, const TitleResolver &resolver, const ScoringOptions &options)
{
    std::unordered_map<std::uint32_t, const Prediction *> byUser;
    for (const Prediction &p : predictions)
        byUser.emplace(p.user, &p);
    std::vector<UserResult> results(gold.size());
    constexpr std::size_t kChunk = 64;
    parallelFor(resolveThreads(options.threads), (gold.size() + kChunk - 1) / kChunk, [&](std::size_t chunk, int) {
        for (std::size_t i = chunk * kChunk; i < std::min(gold.size(), (chunk + 1) * kChunk); ++i) {
            const auto it = byUser.find(gold[i].user);
            results[i] = scoreUser(gold[i], it == byUser.end() ? nullptr : it->second, dataset, resolver);
        }
    });

    RunScore score;
    std::vector<EvalUser> users;
    users.reserve(gold.size());
    std::uint64_t matched = 0;
    ResolutionCounts &c = score.resolution;
    for (std::size_t i = 0; i < gold.size(); ++i) {
        UserResult &r = results[i];
        matched += r.matched ? 1 : 0;
        EvalUser e;
        e.user = gold[i].user;
        e.gold = gold[i].gold;
        e.outcome = r.row.outcome;
        e.ranked = std::move(r.ranked);
        users.push_back(std::move(e));
        if (r.row.parseFailure) {
            ++c.parseFailures;
            score.resolvedTitles = true;
        }
        if (!r.resolved)
            continue;
        score.resolvedTitles = true;
        for (const ScoredItem &item : r.row.items) {
            ++c.titles;
            switch (item.status) {
            case ResolutionStatus::Exact:
                ++c.exact;
                break;
            case ResolutionStatus::ExactTitleOnly:
                ++c.exactTitle;
                break;
            case ResolutionStatus::Fuzzy:
                ++c.fuzzy;
                break;
            case ResolutionStatus::Unresolved:
                ++c.hallucinated;
                break;
            }
            c.duplicates += item.duplicate ? 1 : 0;
            c.profileRepeats += item.profileRepeat ? 1 : 0;
        }
    }
    score.report = evaluate(users, options.metrics);
    score.users = gold.size();
    score.ignored = predictions.size() - matched;
    score.parseFailures = c.parseFailures;
    score.missing = score.report.missing;
    score.failedRequests = score.report.failed - score.parseFailures;
    if (options.detail) {
        score.detail.reserve(results.size());
        for (UserResult &r : results)
            score.detail.push_back(std::move(r.row));
    }
    return score;
}

Result<RunScore> scorePredictions(const std::vector<GoldSetUser> &gold, const std::vector<Prediction> &predictions,
                                  const Dataset &dataset, const ScoringOptions &options)
{
    const TitleResolver resolver = TitleResolver::fromDataset(dataset, options.resolver);
    return scorePredictions(gold, predictions, dataset, resolver, options);
}

std::vector<Prediction> predictionsFromResponses(const std::vector<StoredResponse> &responses, bool baselineRun)
{
    std::vector<Prediction> out;
    out.reserve(responses.size());
    for (const StoredResponse &r : responses) {
        Prediction p;
        p.user = r.user;
        if (!r.ok) {
            // Never empty: an empty error would read as an answer.
            p.error = r.errorMessage.isEmpty() ? (r.errorCode.isEmpty() ? QStringLiteral("failed") : r.errorCode)
                                               : r.errorMessage;
        } else if (baselineRun) {
            p.items = baselineResponseItems(r.rawText);
        } else {
            p.text = r.rawText;
        }
        out.push_back(std::move(p));
    }
    return out;
}

Result<RunScore> scoreRun(ProjectFile &project, qint64 runId, const Dataset &dataset, const TitleResolver &resolver,
                          const ScoringOptions &options)
{
    RunRepository runs(project);
    auto run = runs.get(runId);
    if (!run)
        return run.error();
    GoldSetRepository golds(project);
    auto goldUsers = golds.users(run->spec.goldSetId);
    if (!goldUsers)
        return goldUsers.error();
    std::vector<GoldSetUser> split;
    for (GoldSetUser &u : goldUsers.value()) {
        if (u.split == run->spec.split)
            split.push_back(std::move(u));
    }
    auto responses = runs.responses(runId);
    if (!responses)
        return responses.error();
    const bool baseline = run->spec.target.kind == TargetKind::Baseline;
    auto score = scorePredictions(split, predictionsFromResponses(responses.value(), baseline), dataset, resolver, options);
    if (score)
        score->runId = runId;
    return score;
}

Result<RunScore> scoreRun(ProjectFile &project, qint64 runId, const Dataset &dataset, const ScoringOptions &options)
{
    const TitleResolver resolver = TitleResolver::fromDataset(dataset, options.resolver);
    return scoreRun(project, runId, dataset, resolver, options);
}

std::vector<PairedMetric> comparison(const RunScore &a, const RunScore &b, const PairedTestOptions &options)
{
    return compareReports(a.report, b.report, options);
}

} // namespace cinetune
