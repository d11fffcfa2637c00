#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace cinetune::ui {

// The paper's inference prompt (PromptTemplate::paperDefault().renderPrompt) as plain role/content
// pairs. Kept in its own translation unit: core/finetune/chatexample.h and
// core/providers/openaiprotocol.h both declare a cinetune::ChatMessage, so no file may include both.
struct PromptMessage
{
    QString role;
    QString content;
};

QList<PromptMessage> paperPrompt(const QStringList &profileTitles, int count);
// "system:\n...\n\nuser:\n..." for the details view and exports.
QString promptText(const QList<PromptMessage> &messages);

} // namespace cinetune::ui
