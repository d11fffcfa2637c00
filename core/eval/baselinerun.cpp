#include "core/eval/baselinerun.h"

#include "core/common/tr.h"
#include "core/project/goldsetrepository.h"
#include "core/project/runrepository.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

namespace cinetune {

QString baselineResponseText(const Catalogue &catalogue, const std::vector<std::uint32_t> &sourceIds)
{
    QStringList lines;
    lines.reserve(qsizetype(sourceIds.size()));
    int rank = 0;
    for (std::uint32_t id : sourceIds) {
        const auto m = catalogue.find(id);
        const QString title = m ? catalogue.displayTitle(*m) : tr("Movie %1").arg(id);
        lines << QStringLiteral("%1. %2 [movie %3]").arg(++rank).arg(title).arg(id);
    }
    return lines.join(QLatin1Char('\n'));
}

std::vector<std::uint32_t> baselineResponseItems(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("\\[movie (\\d+)\\]\\s*$"));
    std::vector<std::uint32_t> out;
    for (const QStringView line : QStringView(text).split(QLatin1Char('\n'))) {
        const QRegularExpressionMatch m = re.match(line);
        bool ok = false;
        const uint id = m.hasMatch() ? m.captured(1).toUInt(&ok) : 0;
        if (ok)
            out.push_back(id);
    }
    return out;
}

Result<std::vector<StoredResponse>> computeBaselineResponses(const Dataset &dataset, const RunSpec &spec,
                                                             const std::vector<GoldSetUser> &users, Progress &progress,
                                                             BaselineOptions options)
{
    const auto kind = spec.target.kind == TargetKind::Baseline ? baselineFromId(spec.target.baseline) : std::nullopt;
    if (!kind)
        return makeError(errc::General::InvalidArgument,
                         tr("The run's target \"%1\" is not a local baseline.").arg(spec.target.baseline));
    options.count = spec.count;
    options.seed = spec.seed ? quint64(*spec.seed) : 2;
    auto lists = recommendForGoldSet(dataset, users, *kind, options, progress);
    if (!lists)
        return lists.error();
    std::vector<StoredResponse> out;
    out.reserve(users.size());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (std::size_t i = 0; i < users.size(); ++i) {
        StoredResponse r;
        r.user = users[i].user;
        r.ok = true;
        r.rawText = baselineResponseText(dataset.catalogue, lists.value()[i]);
        r.finishReason = QStringLiteral("stop");
        r.model = baselineId(*kind);
        r.attempts = 1;
        r.receivedAt = now;
        out.push_back(std::move(r));
    }
    return out;
}

Result<qint64> executeBaselineRun(ProjectFile &project, qint64 runId, const Dataset &dataset, Progress &progress,
                                  const BaselineOptions &options)
{
    RunRepository runs(project);
    auto run = runs.get(runId);
    if (!run)
        return run.error();
    GoldSetRepository golds(project);
    auto all = golds.users(run->spec.goldSetId);
    if (!all)
        return all.error();
    std::vector<GoldSetUser> split;
    for (GoldSetUser &u : all.value())
        if (u.split == run->spec.split)
            split.push_back(std::move(u));
    auto pending = runs.pendingUsers(runId, split);
    if (!pending)
        return pending.error();
    if (Status s = runs.setStatus(runId, RunStatus::Running); !s)
        return s.error();
    // The whole split is evaluated, also when only some of its users are pending (heldout.h).
    BaselineOptions withSplit = options;
    withSplit.evaluated = std::make_shared<const std::vector<GoldSetUser>>(split);
    auto responses = computeBaselineResponses(dataset, run->spec, pending.value(), progress, withSplit);
    if (!responses) {
        const bool canceled = responses.error().code == errc::General::Cancelled;
        (void)runs.setStatus(runId, canceled ? RunStatus::Cancelled : RunStatus::Failed,
                             canceled ? QString() : responses.error().message);
        return responses.error();
    }
    for (const StoredResponse &r : responses.value()) {
        if (Status s = runs.storeResponse(runId, r); !s)
            return s.error();
    }
    if (Status s = runs.setStatus(runId, RunStatus::Finished); !s)
        return s.error();
    return qint64(responses->size());
}

} // namespace cinetune
