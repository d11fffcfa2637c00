#include "core/results/projectruns.h"

#include "core/common/tr.h"
#include "core/eval/runlabel.h"
#include "core/results/metricadapter.h"
#include "core/results/paperreference.h"
#include "core/project/goldsetrepository.h"
#include "core/project/projectfile.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QSet>

namespace cinetune {

namespace {

double share(std::uint64_t part, std::uint64_t whole)
{
    return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

} // namespace

Result<QList<RunInput>> readRunInputs(ProjectFile &project, const QStringList &only)
{
    RunRepository runs(project);
    GoldSetRepository goldSets(project);
    const Result<QList<StoredRun>> stored = runs.list();
    if (!stored)
        return stored.error();
    QList<RunInput> out;
    for (const StoredRun &run : stored.value()) {
        if (!only.isEmpty() && !only.contains(run.name) && !only.contains(run.label) && !only.contains(QString::number(run.id)))
            continue;
        const Result<std::vector<StoredResponse>> responses = runs.responses(run.id);
        if (!responses)
            return responses.error();
        if (responses->empty())
            continue; // nothing to score yet
        Result<StoredGoldSet> set = run.spec.goldSetId > 0 ? goldSets.get(run.spec.goldSetId)
                                                           : goldSets.find(run.spec.goldSetName);
        if (!set)
            set = goldSets.find(run.spec.goldSetName);
        if (!set)
            return makeError(errc::Results::NoGoldSet,
                             tr("Run “%1” was made on the gold set “%2”, which is no longer in the project.")
                                 .arg(run.name, run.spec.goldSetName));
        const Result<std::vector<GoldSetUser>> users = goldSets.users(set->id);
        if (!users)
            return users.error();
        RunInput in;
        in.run = run;
        in.goldSetSpec = set->spec;
        for (const GoldSetUser &u : users.value()) {
            if (u.split == run.spec.split)
                in.split.push_back(u);
        }
        in.predictions = predictionsFromResponses(responses.value(), run.spec.target.kind == TargetKind::Baseline);
        out << in;
    }
    return out;
}

Result<QList<ScoredRun>> scoreRunInputs(const QList<RunInput> &inputs, const Dataset &dataset, const TitleResolver &resolver,
                                        const MetricOptions &options)
{
    ScoringOptions scoring;
    scoring.metrics = options;
    scoring.detail = true; // the per-user rows: resolution flags and the recommended movies' popularity
    QList<ScoredRun> out;
    for (const RunInput &in : inputs) {
        const Result<RunScore> score = scorePredictions(in.split, in.predictions, dataset, resolver, scoring);
        if (!score)
            return score.error();
        ScoredRun s;
        s.run = in.run;
        s.goldSetSpec = in.goldSetSpec;
        s.report = score->report;
        s.resolution = score->resolution;
        s.users = score->users;
        s.perUser.reserve(score->detail.size());
        for (const ScoredUser &u : score->detail) {
            UserResolution r;
            r.user = u.user;
            r.parseFailure = u.parseFailure;
            for (const ScoredItem &item : u.items) {
                ++r.titles;
                r.resolved += item.sourceId ? 1 : 0;
                r.hallucinated += item.status == ResolutionStatus::Unresolved ? 1 : 0;
                r.duplicates += item.duplicate ? 1 : 0;
                r.profileRepeats += item.profileRepeat ? 1 : 0;
                if (item.sourceId && !item.duplicate) {
                    if (const std::optional<double> n = movieRatingCount(dataset, *item.sourceId))
                        s.recommendedPopularity << *n;
                }
            }
            s.perUser.push_back(r);
        }
        for (const GoldSetUser &u : in.split) {
            for (const std::uint32_t id : u.gold) {
                if (const std::optional<double> n = movieRatingCount(dataset, id))
                    s.goldPopularity << *n;
            }
        }
        out << s;
    }
    return out;
}

Result<QList<ScoredRun>> scoreProjectRuns(ProjectFile &project, const Dataset &dataset, const TitleResolver &resolver,
                                          const MetricOptions &options, const QStringList &only)
{
    const Result<QList<RunInput>> inputs = readRunInputs(project, only);
    if (!inputs)
        return inputs.error();
    return scoreRunInputs(inputs.value(), dataset, resolver, options);
}

QString simulatorLabel()
{
    return tr("simulator — not an LLM");
}

QString runLabel(const StoredRun &run)
{
    const QString label = run.label.isEmpty() ? run.name : run.label;
    // The mark leads: a legend or header that elides the end of a label still shows it.
    return run.simulated ? tr("Simulated: %1").arg(label) : label;
}

QString runDetail(const StoredRun &run)
{
    QString detail = runIdentity(run.name, run.spec);
    if (run.simulated)
        detail += QStringLiteral(" · ") + simulatorLabel();
    return detail;
}

std::optional<double> movieRatingCount(const Dataset &dataset, std::uint32_t sourceId)
{
    const std::optional<std::uint32_t> m = dataset.catalogue.find(sourceId);
    if (!m || *m >= dataset.store.movieCount())
        return std::nullopt;
    return static_cast<double>(dataset.store.movieRatingCount(*m));
}

ResultsComparison comparisonFromScoredRuns(const QList<ScoredRun> &runs, bool paperReference)
{
    ResultsComparison c;
    QList<QList<const ScoredRun *>> members;
    // Gold sets with runs on more than one split: their groups are named with the split.
    QHash<QString, QSet<int>> splits;
    for (const ScoredRun &s : runs)
        splits[s.run.spec.goldSetName].insert(int(s.run.spec.split));
    QList<QPair<QString, GoldSetSplit>> keys;
    for (const ScoredRun &s : runs) {
        const QPair<QString, GoldSetSplit> key{s.run.spec.goldSetName, s.run.spec.split};
        qsizetype g = keys.indexOf(key);
        if (g < 0) {
            g = c.groups.size();
            keys << key;
            c.groups.append(GoldSetResults{});
            GoldSetResults &group = c.groups.last();
            group.name = splits.value(key.first).size() > 1 ? tr("%1 · %2").arg(key.first, goldSetSplitId(key.second))
                                                            : key.first;
            if (s.goldSetSpec) {
                group.spec = s.goldSetSpec->toJson();
                if (const auto table = paperTableFor(*s.goldSetSpec); table && paperReference)
                    group.reference = paperReferenceRuns(*table);
            }
            members.append(QList<const ScoredRun *>());
        }
        QJsonObject settings = s.run.spec.toJson();
        settings.insert(QStringLiteral("status"), runStatusId(s.run.status));
        settings.insert(QStringLiteral("base_url"), s.run.baseUrl);
        if (s.run.simulated)
            settings.insert(QStringLiteral("simulated"), simulatorLabel());
        // The short label heads the column; the full identity goes into every export's metadata.
        settings.insert(QStringLiteral("run_name"), s.run.name);
        settings.insert(QStringLiteral("run_label"), s.run.label);
        settings.insert(QStringLiteral("identity"), runDetail(s.run));
        ResultColumn column{runLabel(s.run), QString::number(s.run.id), settings};
        column.detail = runDetail(s.run);
        RunMetrics m = runMetricsFromReport(s.report, column);
        const ResolutionCounts &r = s.resolution;
        m.metrics.insert(QStringLiteral("hallucination_rate"), MetricCell::of(share(r.hallucinated, r.titles)));
        m.metrics.insert(QStringLiteral("duplicate_rate"), MetricCell::of(share(r.duplicates, r.titles)));
        m.metrics.insert(QStringLiteral("profile_rate"), MetricCell::of(share(r.profileRepeats, r.titles)));
        m.metrics.insert(QStringLiteral("parse_failure_rate"), MetricCell::of(share(r.parseFailures, s.users)));
        c.groups[g].runs << m;
        members[g] << &s;
        if (!s.recommendedPopularity.isEmpty())
            c.groups[g].popularity << PopularitySample{runLabel(s.run), s.recommendedPopularity};
    }
    for (qsizetype g = 0; g < c.groups.size(); ++g) {
        // The gold movies once per group: the runs of a group share the gold set's split.
        if (!c.groups[g].popularity.isEmpty() && !members[g].first()->goldPopularity.isEmpty())
            c.groups[g].popularity << PopularitySample{tr("Gold movies"), members[g].first()->goldPopularity};
        if (members[g].size() < 2)
            continue;
        GoldSetResults &group = c.groups[g];
        group.pairA = static_cast<int>(members[g].size() - 1);
        group.pairB = 0;
        group.paired = pairedFromReports(members[g].last()->report, members[g].first()->report);
    }
    return c;
}

} // namespace cinetune
