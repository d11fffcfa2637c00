#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace cinetune::ui {

// The paper's inference prompt (PromptTemplate::paperDefault().renderPrompt: the same messages as
// zero-shot and fine-tuned evaluation runs send) as plain role/content pairs for the engine and
// the details view.
struct PromptMessage
{
    QString role;
    QString content;
};

QList<PromptMessage> paperPrompt(const QStringList &profileTitles, int count);
// "system:\n...\n\nuser:\n..." for the details view and exports.
QString promptText(const QList<PromptMessage> &messages);

} // namespace cinetune::ui
