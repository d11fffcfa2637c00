#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace cinetune {
struct PromptTemplate;
}

namespace cinetune {

// An inference prompt (PromptTemplate::renderPrompt: the same messages as zero-shot and fine-tuned
// evaluation runs send with the project's template) as plain role/content pairs for the engine
// and the details view.
struct PromptMessage
{
    QString role;
    QString content;
};

QList<PromptMessage> promptMessages(const PromptTemplate &prompt, const QStringList &profileTitles, int count);
// "system:\n...\n\nuser:\n..." for the details view and exports.
QString promptText(const QList<PromptMessage> &messages);

} // namespace cinetune
