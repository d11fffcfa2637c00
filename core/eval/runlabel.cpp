#include "core/eval/runlabel.h"

#include "core/common/tr.h"
#include "core/eval/baselines.h"

#include <QRegularExpression>
#include <QStringList>

namespace cinetune {

namespace {

QString strategyWord(PromptStrategyKind s)
{
    switch (s) {
    case PromptStrategyKind::ZeroShot:
        return tr("zero-shot");
    case PromptStrategyKind::FineTuned:
        return tr("fine-tuned");
    case PromptStrategyKind::FewShot:
        return tr("few-shot");
    case PromptStrategyKind::Candidates:
        return tr("candidates");
    }
    return {};
}

} // namespace

QString shortModelName(const QString &model)
{
    QString m = model.trimmed();
    const qsizetype slash = m.lastIndexOf(QLatin1Char('/'));
    if (slash >= 0 && slash + 1 < m.size())
        m = m.mid(slash + 1);
    static const QRegularExpression date(QStringLiteral("-\\d{4}-\\d{2}-\\d{2}$"));
    m.remove(date);
    if (m.startsWith(QLatin1String("gpt"), Qt::CaseInsensitive))
        m.replace(0, 3, QStringLiteral("GPT"));
    return m;
}

QString defaultRunLabel(const RunSpec &spec)
{
    if (spec.target.kind == TargetKind::Baseline) {
        const auto kind = baselineFromId(spec.target.baseline);
        return kind ? baselineName(*kind) : spec.target.baseline;
    }
    const QString model = spec.target.model.trimmed();
    QString label;
    if (model.startsWith(QLatin1String("ft:"))) {
        // OpenAI's form (and the simulator's): ft:<base>:<org>:<suffix>:<id>[:ckpt-step-N]
        const QStringList parts = model.split(QLatin1Char(':'));
        const QString suffix = parts.value(3).trimmed();
        label = tr("FT %1").arg(suffix.isEmpty() ? shortModelName(parts.value(1)) : suffix);
        static const QRegularExpression step(QStringLiteral("^ckpt-step-(\\d+)$"));
        if (const QRegularExpressionMatch m = step.match(parts.last()); parts.size() > 5 && m.hasMatch())
            label = tr("%1 step %2").arg(label, m.captured(1));
        if (spec.strategy != PromptStrategyKind::FineTuned)
            label = QStringLiteral("%1 %2").arg(label, strategyWord(spec.strategy));
    } else if (spec.strategy == PromptStrategyKind::FineTuned) {
        label = tr("FT %1").arg(shortModelName(model)); // a provider's own fine-tuned model name
    } else {
        label = QStringLiteral("%1 %2").arg(shortModelName(model), strategyWord(spec.strategy));
    }
    return label.trimmed().left(kMaxRunLabelLength);
}

QString runIdentity(const QString &runName, const RunSpec &spec)
{
    QStringList parts;
    if (!runName.isEmpty())
        parts << tr("run %1").arg(runName);
    parts << tr("gold set %1").arg(spec.goldSetName) << tr("split %1").arg(goldSetSplitId(spec.split));
    if (spec.target.kind == TargetKind::Baseline) {
        parts << tr("baseline %1").arg(spec.target.baseline);
    } else {
        parts << tr("provider %1").arg(spec.target.provider) << tr("model %1").arg(spec.target.model)
              << tr("strategy %1").arg(promptStrategyId(spec.strategy));
    }
    parts << (spec.seed ? tr("seed %1").arg(*spec.seed) : tr("no seed"));
    return parts.join(QStringLiteral(" · "));
}

} // namespace cinetune
