#include "core/finetune/finetuneexport.h"

#include "core/common/tr.h"
#include "core/dataset/catalogue.h"

#include <QCoreApplication>
#include <QDir>
#include <QSaveFile>

namespace cinetune {

Result<QStringList> movieTitles(const Catalogue &catalogue, const std::vector<std::uint32_t> &sourceIds, const QString &source,
                                std::uint32_t user)
{
    QStringList titles;
    titles.reserve(static_cast<qsizetype>(sourceIds.size()));
    for (std::uint32_t id : sourceIds) {
        const auto index = catalogue.find(id);
        if (!index)
            return makeError(errc::FineTune::UnknownMovie,
                             tr("%1: user %2: movie %3 is not in the dataset (was the gold set built from this dataset?)")
                                 .arg(source, QString::number(user), QString::number(id)));
        titles << catalogue.displayTitle(*index);
    }
    return titles;
}

ValidationOptions validationOptionsFor(GoldSetSplit split, ValidationOptions base)
{
    if (split != GoldSetSplit::Train) {
        base.minExamples = 0;
        base.recommendedExamples = 0;
    }
    return base;
}

Result<FineTuneData> buildFineTuneData(const std::vector<GoldSetUser> &goldSet, const QString &goldSource,
                                       const Catalogue &catalogue, const PromptTemplate &prompt, GoldSetSplit split,
                                       const Tokenizer &tokenizer, const ValidationOptions &options, Progress &progress,
                                       const QString &outputName)
{
    if (Status s = prompt.validate(); !s)
        return s.error();
    FineTuneData data;
    data.split = split;
    qint64 inSplit = 0;
    for (const GoldSetUser &g : goldSet) {
        if (g.split != split)
            continue;
        ++inSplit;
        if (progress.canceled())
            return makeError(errc::General::Cancelled, tr("Canceled"));
        if (g.gold.empty()) {
            ++data.skippedNoGold;
            continue;
        }
        auto profile = movieTitles(catalogue, g.profile, goldSource, g.user);
        if (!profile)
            return profile.error();
        auto gold = movieTitles(catalogue, g.gold, goldSource, g.user);
        if (!gold)
            return gold.error();
        data.examples.push_back(prompt.render(profile.value(), gold.value()));
        data.users.push_back(g.user);
    }
    if (inSplit == 0)
        return makeError(errc::FineTune::EmptySplit, tr("%1: no user is in the %2 split").arg(goldSource, goldSetSplitId(split)));
    if (data.examples.empty())
        return makeError(errc::FineTune::EmptySplit,
                         tr("%1: every user of the %2 split has an empty gold list").arg(goldSource, goldSetSplitId(split)));
    data.jsonl = chatJsonl(data.examples);
    auto report = validateChatJsonl(data.jsonl,
                                    outputName.isEmpty() ? goldSetSplitId(split) + QStringLiteral(".jsonl") : outputName,
                                    tokenizer, options, progress);
    if (!report)
        return report.error();
    data.report = std::move(report).value();
    return data;
}

Status writeFileAtomically(const QString &path, const QByteArray &bytes)
{
    const QString name = QDir::toNativeSeparators(path);
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return makeError(errc::General::WriteFailed, tr("Cannot write %1: %2").arg(name, f.errorString()));
    if (f.write(bytes) != bytes.size() || !f.commit())
        return makeError(errc::General::WriteFailed, tr("Cannot write %1: %2").arg(name, f.errorString()));
    return Ok{};
}

Result<FineTuneData> exportFineTuneJsonl(const std::vector<GoldSetUser> &goldSet, const QString &goldSource,
                                         const Catalogue &catalogue, const PromptTemplate &prompt, GoldSetSplit split,
                                         const QString &outPath, const Tokenizer &tokenizer, const ValidationOptions &options,
                                         Progress &progress)
{
    auto data = buildFineTuneData(goldSet, goldSource, catalogue, prompt, split, tokenizer, options, progress,
                                  QDir::toNativeSeparators(outPath));
    if (!data)
        return data.error();
    if (data->report.hasErrors()) {
        QStringList first;
        for (const DataIssue &i : data->report.errors().mid(0, 5))
            first << i.message;
        return makeError(errc::FineTune::ValidationFailed,
                         tr("The fine-tuning data has %1 errors; nothing was written:\n%2")
                             .arg(data->report.errorCount())
                             .arg(first.join(QLatin1Char('\n'))));
    }
    if (progress.canceled())
        return makeError(errc::General::Cancelled, tr("Canceled"));
    if (Status s = writeFileAtomically(outPath, data->jsonl); !s)
        return s.error();
    return data;
}

} // namespace cinetune
