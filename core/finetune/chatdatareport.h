#pragma once

#include "core/finetune/pricetable.h"
#include "core/finetune/trainingcost.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <vector>

namespace cinetune {

// One finding of the validator. Errors block an export or upload; warnings are shown.
struct DataIssue
{
    enum class Severity {
        Error,
        Warning
    };
    Severity severity = Severity::Error;
    QString kind;    // stable id, e.g. "missing_content" (the notebook's names where it has one)
    qint64 line = 0; // 1-based; 0 for findings about the whole file
    QString message; // user-facing: "train.jsonl:12: messages[1]: ..."
};

// Token accounting of one example (one JSONL line).
struct ExampleTokens
{
    qint64 line = 0;
    int messages = 0;
    qint64 tokens = 0;          // the notebook's num_tokens_from_messages
    qint64 assistantTokens = 0; // Σ tokens of the assistant messages' content
    qint64 promptTokens = 0;    // tokens of the non-assistant messages + reply priming (an inference prompt)
};

// Everything the validator found out about a chat fine-tuning JSONL file.
struct ChatDataReport
{
    Q_DECLARE_TR_FUNCTIONS(cinetune::ChatDataReport)

public:
    QString source;      // file name used in messages
    QString model;       // the model the limits and prices are for
    qint64 lines = 0;    // non-blank lines
    qint64 examples = 0; // lines that are examples with a messages list (counted below)
    std::vector<ExampleTokens> perExample;

    QList<DataIssue> issues;             // in line order; at most ValidationOptions::maxIssuesPerKind of each kind
    QMap<QString, qint64> errorCounts;   // kind -> occurrences (complete, not capped)
    QMap<QString, qint64> warningCounts; // kind -> occurrences

    qint64 missingSystem = 0; // examples without a system message
    qint64 missingUser = 0;   // examples without a user message
    qint64 duplicates = 0;    // examples whose messages repeat an earlier example
    qint64 overLength = 0;    // examples over the model's training-example limit (truncated)
    qint64 overContext = 0;   // examples over the model's context window (error)

    Distribution messagesPerExample;
    Distribution tokensPerExample;
    Distribution assistantTokensPerExample;

    qint64 maxTokensPerExample = 0; // the limits used (from ValidationOptions)
    qint64 contextTokens = 0;
    qint64 billingCapTokens = 0;

    qint64 totalTokens = 0;           // Σ tokens
    qint64 billingTokensPerEpoch = 0; // Σ min(billing cap, tokens)
    int epochs = 0;                   // the notebook's default rule, or the user's choice
    bool epochsFromRule = true;
    qint64 billedTokens = 0; // epochs × billingTokensPerEpoch
    ModelPrice price;
    double trainingCostUsd = 0; // billedTokens at price.trainingPer1M
    // Running every example's prompt once and getting its assistant answer back:
    qint64 promptTokens = 0;
    qint64 completionTokens = 0;
    double baseInferenceCostUsd = 0;
    double fineTunedInferenceCostUsd = 0;

    bool hasErrors() const { return !errorCounts.isEmpty(); }
    qint64 errorCount() const;
    qint64 warningCount() const;
    QList<DataIssue> errors() const;
    QList<DataIssue> warnings() const;

    // {"examples", "tokens", "billed_tokens", "epochs", "estimated_cost_usd", ...}; see docs/FINETUNE-DATA.md.
    QJsonObject toJson() const;
    // A human-readable summary (several lines, each ending in '\n'); with the listed issues when
    // withIssues is true.
    QString toText(bool withIssues = true) const;
};

} // namespace cinetune
