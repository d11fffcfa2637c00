#include "core/finetune/splitfiles.h"

#include "core/finetune/finetuneexport.h"
#include "core/finetune/prompttemplate.h"
#include "core/finetune/tokenizer.h"

#include <QCoreApplication>
#include <QDir>
#include <QRegularExpression>

#include <algorithm>

namespace cinetune {

QString goldSetFileStem(const QString &name)
{
    QString s = name;
    s.replace(QRegularExpression(QStringLiteral("[^\\w .()+-]")), QStringLiteral("_"));
    s = s.trimmed();
    return s.isEmpty() ? QStringLiteral("gold-set") : s;
}

Result<FineTuneFiles> writeFineTuneSplits(const std::vector<GoldSetUser> &users, const QString &source,
                                          const Catalogue &catalogue, const PromptTemplate &prompt, const QString &folder,
                                          const QString &stem, bool strict, const Tokenizer &tokenizer, Progress &progress)
{
    if (!QDir().mkpath(folder))
        // The German catalogue's context from when this lived in ui/ (kept until it is regenerated).
        return makeError(errc::General::WriteFailed,
                         QCoreApplication::translate("cinetune::ui::GoldSetController", "Cannot create the folder %1.")
                             .arg(QDir::toNativeSeparators(folder)));
    FineTuneFiles files;
    for (GoldSetSplit split : {GoldSetSplit::Train, GoldSetSplit::Validation}) {
        const QString path = QDir(folder).filePath(QStringLiteral("%1.%2.jsonl").arg(stem, goldSetSplitId(split)));
        const bool any = std::any_of(users.begin(), users.end(), [split](const GoldSetUser &u) { return u.split == split; });
        if (!any && split == GoldSetSplit::Validation)
            continue; // no validation split: no validation file
        Result<FineTuneData> data = strict
            ? exportFineTuneJsonl(users, source, catalogue, prompt, split, path, tokenizer, validationOptionsFor(split), progress)
            : buildFineTuneData(users, source, catalogue, prompt, split, tokenizer, validationOptionsFor(split), progress,
                                QDir::toNativeSeparators(path));
        if (!data)
            return data.error();
        if (!strict) {
            if (Status s = writeFileAtomically(path, data->jsonl); !s)
                return s.error();
        }
        files.errors += data->report.errorCount();
        if (split == GoldSetSplit::Train) {
            files.training = path;
            files.trainingExamples = static_cast<qint64>(data->examples.size());
        } else {
            files.validation = path;
            files.validationExamples = static_cast<qint64>(data->examples.size());
        }
    }
    return files;
}

} // namespace cinetune
