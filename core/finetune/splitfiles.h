#pragma once

#include "core/common/progress.h"
#include "core/common/result.h"
#include "core/goldset/goldset.h"

#include <QString>

#include <vector>

namespace cinetune {

class Catalogue;
class Tokenizer;
struct PromptTemplate;

// The chat fine-tuning files written from a gold set's training and validation splits.
struct FineTuneFiles
{
    QString training;
    QString validation; // empty when the set has no validation users
    qint64 trainingExamples = 0;
    qint64 validationExamples = 0;
    int errors = 0; // validator errors in the files (the Fine-tune page's estimate lists them)
};

// A file name stem from a gold-set name: letters, digits, spaces and . ( ) + - stay, anything
// else (path separators, ':' ...) becomes '_'; "gold-set" when nothing is left.
QString goldSetFileStem(const QString &name);

// Writes "<stem>.train.jsonl" and, when the set has validation users, "<stem>.validation.jsonl"
// into `folder` (created when missing) with the prompt template, each file atomically.
// strict: refuse to write a file the validator finds errors in (exportFineTuneJsonl);
// otherwise it is written and its errors are counted in FineTuneFiles::errors.
[[nodiscard]] Result<FineTuneFiles> writeFineTuneSplits(const std::vector<GoldSetUser> &users, const QString &source,
                                                        const Catalogue &catalogue, const PromptTemplate &prompt,
                                                        const QString &folder, const QString &stem, bool strict,
                                                        const Tokenizer &tokenizer, Progress &progress);

} // namespace cinetune
