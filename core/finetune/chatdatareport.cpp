#include "core/finetune/chatdatareport.h"

#include "core/common/tr.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>

namespace cinetune {

namespace {

QJsonObject distributionJson(const Distribution &d)
{
    QJsonObject o;
    o[QStringLiteral("min")] = d.min;
    o[QStringLiteral("max")] = d.max;
    o[QStringLiteral("mean")] = d.mean;
    o[QStringLiteral("median")] = d.median;
    o[QStringLiteral("p5")] = d.p5;
    o[QStringLiteral("p95")] = d.p95;
    o[QStringLiteral("p10")] = d.p10;
    o[QStringLiteral("p90")] = d.p90;
    return o;
}

QJsonArray issuesJson(const QList<DataIssue> &issues)
{
    QJsonArray a;
    for (const DataIssue &i : issues) {
        QJsonObject o;
        o[QStringLiteral("kind")] = i.kind;
        o[QStringLiteral("line")] = i.line;
        o[QStringLiteral("message")] = i.message;
        a.append(o);
    }
    return a;
}

QJsonObject countsJson(const QMap<QString, qint64> &counts)
{
    QJsonObject o;
    for (auto it = counts.begin(); it != counts.end(); ++it)
        o[it.key()] = it.value();
    return o;
}

// At most one decimal, none for whole numbers: 3, 1646.6, 6446.
QString fmt(double v)
{
    QString s = QLocale::c().toString(v, 'f', 1);
    if (s.endsWith(QLatin1String(".0")))
        s.chop(2);
    return s;
}

QString distributionText(const Distribution &d)
{
    return tr("min %1, max %2, mean %3, median %4, p5 %5, p95 %6")
        .arg(fmt(d.min), fmt(d.max), fmt(d.mean), fmt(d.median), fmt(d.p5), fmt(d.p95));
}

} // namespace

qint64 ChatDataReport::errorCount() const
{
    qint64 n = 0;
    for (qint64 c : errorCounts)
        n += c;
    return n;
}

qint64 ChatDataReport::warningCount() const
{
    qint64 n = 0;
    for (qint64 c : warningCounts)
        n += c;
    return n;
}

QList<DataIssue> ChatDataReport::errors() const
{
    QList<DataIssue> out;
    for (const DataIssue &i : issues) {
        if (i.severity == DataIssue::Severity::Error)
            out.append(i);
    }
    return out;
}

QList<DataIssue> ChatDataReport::warnings() const
{
    QList<DataIssue> out;
    for (const DataIssue &i : issues) {
        if (i.severity == DataIssue::Severity::Warning)
            out.append(i);
    }
    return out;
}

QJsonObject ChatDataReport::toJson() const
{
    QJsonObject o;
    o[QStringLiteral("file")] = source;
    o[QStringLiteral("model")] = model;
    o[QStringLiteral("valid")] = !hasErrors();
    o[QStringLiteral("lines")] = lines;
    o[QStringLiteral("examples")] = examples;
    o[QStringLiteral("tokens")] = totalTokens;
    o[QStringLiteral("billing_cap_tokens")] = billingCapTokens;
    o[QStringLiteral("billing_tokens_per_epoch")] = billingTokensPerEpoch;
    o[QStringLiteral("epochs")] = epochs;
    o[QStringLiteral("epochs_source")] = epochsFromRule ? QStringLiteral("default_rule") : QStringLiteral("user");
    o[QStringLiteral("billed_tokens")] = billedTokens;
    o[QStringLiteral("training_price_per_1m_usd")] = price.trainingPer1M;
    o[QStringLiteral("estimated_cost_usd")] = trainingCostUsd;
    QJsonObject stats;
    stats[QStringLiteral("messages_per_example")] = distributionJson(messagesPerExample);
    stats[QStringLiteral("tokens_per_example")] = distributionJson(tokensPerExample);
    stats[QStringLiteral("assistant_tokens_per_example")] = distributionJson(assistantTokensPerExample);
    o[QStringLiteral("stats")] = stats;
    o[QStringLiteral("missing_system")] = missingSystem;
    o[QStringLiteral("missing_user")] = missingUser;
    o[QStringLiteral("duplicates")] = duplicates;
    o[QStringLiteral("max_tokens_per_example")] = maxTokensPerExample;
    o[QStringLiteral("over_length")] = overLength;
    o[QStringLiteral("context_tokens")] = contextTokens;
    o[QStringLiteral("over_context")] = overContext;
    QJsonObject inference;
    inference[QStringLiteral("prompt_tokens")] = promptTokens;
    inference[QStringLiteral("completion_tokens")] = completionTokens;
    inference[QStringLiteral("base_cost_usd")] = baseInferenceCostUsd;
    inference[QStringLiteral("fine_tuned_cost_usd")] = fineTunedInferenceCostUsd;
    o[QStringLiteral("inference_once")] = inference;
    o[QStringLiteral("error_counts")] = countsJson(errorCounts);
    o[QStringLiteral("warning_counts")] = countsJson(warningCounts);
    o[QStringLiteral("errors")] = issuesJson(errors());
    o[QStringLiteral("warnings")] = issuesJson(warnings());
    return o;
}

QString ChatDataReport::toText(bool withIssues) const
{
    const QLocale c = QLocale::c();
    QString s;
    s += tr("File:              %1\n").arg(source);
    s += tr("Examples:          %1 (%2 errors, %3 warnings)\n").arg(c.toString(examples)).arg(errorCount()).arg(warningCount());
    if (examples > 0) {
        s += tr("Messages/example:  %1\n").arg(distributionText(messagesPerExample));
        s += tr("Tokens/example:    %1\n").arg(distributionText(tokensPerExample));
        s += tr("Assistant tokens:  %1\n").arg(distributionText(assistantTokensPerExample));
    }
    s += tr("Tokens:            %1 (o200k_base, the notebook's per-message accounting)\n").arg(c.toString(totalTokens));
    s += tr("Billed per epoch:  %1 (each example counted up to %2 tokens)\n")
             .arg(c.toString(billingTokensPerEpoch), c.toString(billingCapTokens));
    s += (epochsFromRule ? tr("Epochs:            %1 (the notebook's default for %2 examples)\n")
                         : tr("Epochs:            %1 (chosen; %2 examples)\n"))
             .arg(epochs)
             .arg(c.toString(examples));
    s += tr("Billed tokens:     %1\n").arg(c.toString(billedTokens));
    s += tr("Training cost:     $%1 (%2 at $%3 per 1M tokens)\n")
             .arg(c.toString(trainingCostUsd, 'f', 2), model, c.toString(price.trainingPer1M, 'f', 2));
    s += tr("Each prompt once:  %1 prompt + %2 completion tokens: base $%3, fine-tuned $%4\n")
             .arg(c.toString(promptTokens), c.toString(completionTokens), c.toString(baseInferenceCostUsd, 'f', 4),
                  c.toString(fineTunedInferenceCostUsd, 'f', 4));
    if (!withIssues)
        return s;
    for (const DataIssue &i : issues)
        s += (i.severity == DataIssue::Severity::Error ? tr("Error: %1\n") : tr("Warning: %1\n")).arg(i.message);
    const qint64 listedErrors = errors().size();
    const qint64 listedWarnings = warnings().size();
    if (errorCount() > listedErrors || warningCount() > listedWarnings)
        s += tr("(%1 more errors and %2 more warnings not listed)\n")
                 .arg(errorCount() - listedErrors)
                 .arg(warningCount() - listedWarnings);
    return s;
}

} // namespace cinetune
