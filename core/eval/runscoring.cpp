#include "runscoring.h"

#include "baselinerun.h"
#include "project/goldsetrepository.h"
#include "project/runrepository.h"
#include "responseparser.h"

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

// The per-user rows. Follows prepareRun()'s choice of items / titles / text so the table and the
// metrics always describe the same lists.
std::vector<ScoredUser> buildDetail(const std::vector<GoldSetUser> &gold, const std::vector<Prediction> &predictions,
                                    const Dataset &dataset, const TitleResolver &resolver, const PreparedRun &prepared)
{
    std::unordered_map<std::uint32_t, const Prediction *> byUser;
    for (const Prediction &p : predictions)
        byUser.emplace(p.user, &p);
    std::vector<ScoredUser> out;
    out.reserve(gold.size());
    for (std::size_t i = 0; i < gold.size(); ++i) {
        const GoldSetUser &g = gold[i];
        ScoredUser u;
        u.user = g.user;
        u.profile = g.profile;
        u.gold = g.gold;
        u.outcome = prepared.users[i].outcome;
        const auto it = byUser.find(g.user);
        if (it != byUser.end()) {
            const Prediction &p = *it->second;
            if (!p.error.isEmpty()) {
                u.error = p.error;
            } else if (!p.items.empty() || (p.titles.isEmpty() && p.text.isEmpty())) {
                for (std::uint32_t id : p.items) {
                    ScoredItem item;
                    if (const auto m = dataset.catalogue.find(id)) {
                        item.title = dataset.catalogue.movie(*m).title;
                        item.year = dataset.catalogue.movie(*m).year;
                        item.matchedTitle = dataset.catalogue.displayTitle(*m);
                        item.status = ResolutionStatus::Exact;
                        item.sourceId = id;
                    } else {
                        item.title = QString::number(id);
                    }
                    u.items.push_back(std::move(item));
                }
            } else if (!p.titles.isEmpty()) {
                for (const QString &t : p.titles)
                    u.items.push_back(itemFromResolution(t, 0, resolver.resolve(t, 0)));
            } else {
                const ParsedResponse parsed = parseRecommendations(p.text);
                if (!parsed.ok) {
                    u.parseFailure = true;
                    u.error = parsed.reason;
                }
                for (const ParsedItem &pi : parsed.items)
                    u.items.push_back(itemFromResolution(pi.title, pi.year, resolver.resolve(pi.title, pi.year)));
            }
        }
        markItems(u);
        out.push_back(std::move(u));
    }
    return out;
}

} // namespace

Result<RunScore> scorePredictions(const std::vector<GoldSetUser> &gold, const std::vector<Prediction> &predictions,
                                  const Dataset &dataset, const TitleResolver &resolver, const ScoringOptions &options)
{
    auto prepared = prepareRun(gold, predictions, &resolver);
    if (!prepared)
        return prepared.error();
    RunScore score;
    score.report = evaluate(prepared->users, options.metrics);
    score.resolution = prepared->resolution;
    score.resolvedTitles = prepared->resolvedTitles;
    score.users = gold.size();
    score.parseFailures = prepared->resolution.parseFailures;
    score.missing = score.report.missing;
    score.failedRequests = score.report.failed - score.parseFailures;
    if (options.detail)
        score.detail = buildDetail(gold, predictions, dataset, resolver, prepared.value());
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
            p.error = r.errorMessage.isEmpty() ? (r.errorCode.isEmpty() ? QStringLiteral("failed") : r.errorCode) : r.errorMessage;
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
