#pragma once

#include "core/finetune/chatdatavalidator.h"
#include "core/finetune/chatexample.h"
#include "core/common/progress.h"
#include "core/common/result.h"
#include "core/goldset/goldset.h"
#include "core/finetune/prompttemplate.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <vector>

namespace cinetune {

class Catalogue;

// The chat examples of one split of a gold set (read with core/goldset/goldsetjsonl.h), rendered
// with a prompt template.
struct FineTuneData
{
    GoldSetSplit split = GoldSetSplit::Train;
    std::vector<ChatExample> examples; // in gold-set file order
    std::vector<std::uint32_t> users;  // the source user id of each example
    qint64 skippedNoGold = 0;          // users of the split with an empty gold list (no example)
    QByteArray jsonl;                  // the examples as OpenAI chat fine-tuning JSONL
    ChatDataReport report;             // validation, tokens and cost of `jsonl`
};

// "Title (Year)" of each source movie id through Catalogue::displayTitle; an unknown id is an
// Error naming the gold set, the user (source id) and the movie.
Result<QStringList> movieTitles(const Catalogue &catalogue, const std::vector<std::uint32_t> &sourceIds, const QString &source,
                                std::uint32_t user);

// Renders every user of `split`: profile -> user message, gold -> assistant message. Then writes
// the JSONL in memory and validates it (the same checks as `cinetune tokens`). An empty split,
// an invalid template or an unknown movie is an Error; problems found by the validator are in
// `report` (the caller decides; exportFineTuneJsonl refuses to write when it has errors), whose
// messages name `outputName` (default "<split>.jsonl").
Result<FineTuneData> buildFineTuneData(const std::vector<GoldSetUser> &goldSet, const QString &goldSource,
                                       const Catalogue &catalogue, const PromptTemplate &prompt, GoldSetSplit split,
                                       const Tokenizer &tokenizer, const ValidationOptions &options, Progress &progress,
                                       const QString &outputName = {});

// Writes `bytes` to `path` atomically (QSaveFile): either the whole new file or the old one.
Status writeFileAtomically(const QString &path, const QByteArray &bytes);

// buildFineTuneData + writeFileAtomically; refuses to write (Error "validation_failed", listing
// the first errors) when the validator found errors.
Result<FineTuneData> exportFineTuneJsonl(const std::vector<GoldSetUser> &goldSet, const QString &goldSource,
                                         const Catalogue &catalogue, const PromptTemplate &prompt, GoldSetSplit split,
                                         const QString &outPath, const Tokenizer &tokenizer, const ValidationOptions &options,
                                         Progress &progress);

// The validation options for a split: the training split must have OpenAI's minimum of 10
// examples; a validation or test split has no minimum.
ValidationOptions validationOptionsFor(GoldSetSplit split, ValidationOptions base = {});

} // namespace cinetune
