#include "core/eval/runspec.h"

#include "core/eval/baselines.h"
#include "core/common/tr.h"

#include <QCoreApplication>
#include <QJsonValue>

namespace cinetune {

namespace {

Error invalid(const QString &message)
{
    return makeError(errc::Run::InvalidSpec, message);
}

Error range(const QString &name, qint64 min, qint64 max, qint64 found)
{
    return invalid(tr("%1 must be from %2 to %3, found %4").arg(name).arg(min).arg(max).arg(found));
}

QString targetKindId(TargetKind k)
{
    return k == TargetKind::Baseline ? QStringLiteral("baseline") : QStringLiteral("llm");
}

} // namespace

QString promptStrategyId(PromptStrategyKind s)
{
    switch (s) {
    case PromptStrategyKind::ZeroShot:
        return QStringLiteral("zero-shot");
    case PromptStrategyKind::FineTuned:
        return QStringLiteral("fine-tuned");
    case PromptStrategyKind::FewShot:
        return QStringLiteral("few-shot");
    case PromptStrategyKind::Candidates:
        return QStringLiteral("candidates");
    }
    return {};
}

std::optional<PromptStrategyKind> promptStrategyFromId(const QString &id)
{
    for (auto s : {PromptStrategyKind::ZeroShot, PromptStrategyKind::FineTuned, PromptStrategyKind::FewShot,
                   PromptStrategyKind::Candidates}) {
        if (promptStrategyId(s) == id)
            return s;
    }
    return std::nullopt;
}

QString outputFormatId(OutputFormat f)
{
    return f == OutputFormat::Json ? QStringLiteral("json") : QStringLiteral("numbered");
}

std::optional<OutputFormat> outputFormatFromId(const QString &id)
{
    if (id == QLatin1String("numbered"))
        return OutputFormat::Numbered;
    if (id == QLatin1String("json"))
        return OutputFormat::Json;
    return std::nullopt;
}

Status RunSpec::validate() const
{
    if (target.kind == TargetKind::Llm && (target.provider.isEmpty() || target.model.isEmpty()))
        return invalid(tr("The run needs a provider and a model."));
    if (target.kind == TargetKind::Baseline && target.baseline.isEmpty())
        return invalid(tr("The run needs a baseline."));
    if (goldSetName.isEmpty() && goldSetId <= 0)
        return invalid(tr("The run needs a gold set."));
    if (temperature < 0 || temperature > 2)
        return invalid(tr("temperature must be from 0 to 2, found %1").arg(temperature));
    if (maxTokens < 1 || maxTokens > 100000)
        return range(tr("max tokens"), 1, 100000, maxTokens);
    if (count < 1 || count > 100)
        return range(tr("count"), 1, 100, count);
    if (strategy == PromptStrategyKind::FewShot && (fewShotK < 1 || fewShotK > 50))
        return range(tr("few-shot k"), 1, 50, fewShotK);
    if (strategy == PromptStrategyKind::Candidates && (candidateCount < 1 || candidateCount > 500))
        return range(tr("candidates"), 1, 500, candidateCount);
    if (strategy == PromptStrategyKind::Candidates && !baselineFromId(candidateBaseline))
        return invalid(tr("The candidates must come from a local baseline (random, popular, itemknn or consensus), found \"%1\".")
                           .arg(candidateBaseline));
    return prompt.validate();
}

QJsonObject RunSpec::toJson() const
{
    QJsonObject t{{QStringLiteral("kind"), targetKindId(target.kind)}};
    if (target.kind == TargetKind::Llm) {
        t[QStringLiteral("provider")] = target.provider;
        t[QStringLiteral("model")] = target.model;
    } else {
        t[QStringLiteral("baseline")] = target.baseline;
    }
    QJsonObject o{{QStringLiteral("version"), formatVersion},
                  {QStringLiteral("gold_set"), goldSetName},
                  {QStringLiteral("gold_set_id"), goldSetId},
                  {QStringLiteral("split"), goldSetSplitId(split)},
                  {QStringLiteral("target"), t},
                  {QStringLiteral("strategy"), promptStrategyId(strategy)},
                  {QStringLiteral("format"), outputFormatId(format)},
                  {QStringLiteral("temperature"), temperature},
                  {QStringLiteral("max_tokens"), maxTokens},
                  {QStringLiteral("count"), count},
                  {QStringLiteral("few_shot_k"), fewShotK},
                  {QStringLiteral("candidates"), candidateCount},
                  {QStringLiteral("candidate_baseline"), candidateBaseline},
                  {QStringLiteral("prompt"), prompt.toJson()}};
    if (seed)
        o[QStringLiteral("seed")] = *seed;
    return o;
}

Result<RunSpec> RunSpec::fromJson(const QJsonObject &o)
{
    const int version = o.value(QLatin1String("version")).toInt(-1);
    if (version != formatVersion)
        return invalid(tr("Unsupported run spec version %1 (this CineTune reads version %2).").arg(version).arg(formatVersion));
    RunSpec s;
    s.goldSetName = o.value(QLatin1String("gold_set")).toString();
    s.goldSetId = o.value(QLatin1String("gold_set_id")).toInteger();
    const auto split = goldSetSplitFromId(o.value(QLatin1String("split")).toString());
    if (!split)
        return invalid(tr("The run spec names an unknown split \"%1\".").arg(o.value(QLatin1String("split")).toString()));
    s.split = *split;
    const QJsonObject t = o.value(QLatin1String("target")).toObject();
    const QString kind = t.value(QLatin1String("kind")).toString();
    if (kind == QLatin1String("baseline")) {
        s.target.kind = TargetKind::Baseline;
        s.target.baseline = t.value(QLatin1String("baseline")).toString();
    } else if (kind == QLatin1String("llm")) {
        s.target.provider = t.value(QLatin1String("provider")).toString();
        s.target.model = t.value(QLatin1String("model")).toString();
    } else {
        return invalid(tr("The run spec names an unknown target kind \"%1\".").arg(kind));
    }
    const auto strategy = promptStrategyFromId(o.value(QLatin1String("strategy")).toString());
    const auto format = outputFormatFromId(o.value(QLatin1String("format")).toString());
    if (!strategy || !format)
        return invalid(tr("The run spec names an unknown strategy or output format."));
    s.strategy = *strategy;
    s.format = *format;
    s.temperature = o.value(QLatin1String("temperature")).toDouble(0);
    if (o.contains(QLatin1String("seed")))
        s.seed = o.value(QLatin1String("seed")).toInteger();
    s.maxTokens = o.value(QLatin1String("max_tokens")).toInt(s.maxTokens);
    s.count = o.value(QLatin1String("count")).toInt(s.count);
    s.fewShotK = o.value(QLatin1String("few_shot_k")).toInt(s.fewShotK);
    s.candidateCount = o.value(QLatin1String("candidates")).toInt(s.candidateCount);
    s.candidateBaseline = o.value(QLatin1String("candidate_baseline")).toString(s.candidateBaseline);
    auto prompt = PromptTemplate::fromJson(o.value(QLatin1String("prompt")).toObject(), QStringLiteral("run spec"));
    if (!prompt)
        return prompt.error();
    s.prompt = std::move(prompt).value();
    if (Status v = s.validate(); !v)
        return v.error();
    return s;
}

} // namespace cinetune
