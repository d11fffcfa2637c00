#pragma once

#include "core/finetune/chatdatareport.h"
#include "core/common/progress.h"
#include "core/common/result.h"
#include "core/finetune/pricetable.h"
#include "core/finetune/tokenizer.h"

#include <QByteArray>
#include <QString>

namespace cinetune {

struct ValidationOptions
{
    // gpt-4o-mini-2024-07-18 (OpenAI fine-tuning guide): examples over 65,536 tokens are truncated
    // (a warning); an example over the 128,000-token context window is an error.
    qint64 maxTokensPerExample = 65536;
    qint64 contextTokens = 128000;
    // The notebook's MAX_TOKENS_PER_EXAMPLE: tokens billed per example at most.
    qint64 billingCapTokens = notebook::maxTokensPerExample;
    // OpenAI rejects a training file with fewer than 10 examples (0 = no minimum, e.g. for a
    // validation or test split). Fewer than recommendedExamples is a warning.
    qint64 minExamples = 10;
    qint64 recommendedExamples = 50;
    int epochs = 0; // 0 = the notebook's default rule
    ModelPrice price = PriceTable::defaults().models().constFirst();
    int threads = 0;           // 0 = all cores
    int maxIssuesPerKind = 50; // listed issues per kind (the counts stay complete)
};

// Validates chat fine-tuning JSONL with every check of OpenAI's data-preparation notebook
// (data_type, missing_messages_list, message_missing_key, message_unrecognized_key,
// unrecognized_role, missing_content, example_missing_assistant_message) plus invalid JSON,
// empty file, message objects, weights, too few examples, duplicates, over-length and
// over-context examples; counts tokens with the notebook's per-message accounting; and works out
// statistics, epochs, billed tokens and cost. Fails only on cancel; problems in the data are in
// the report. Same report for any thread count.
Result<ChatDataReport> validateChatJsonl(const QByteArray &bytes, const QString &source, const Tokenizer &tokenizer,
                                         const ValidationOptions &options, Progress &progress);
// The same for a file (memory-mapped); an unreadable file is an Error.
Result<ChatDataReport> validateChatJsonlFile(const QString &path, const Tokenizer &tokenizer, const ValidationOptions &options,
                                             Progress &progress);

} // namespace cinetune
