#include "core/playground/playgroundprompt.h"

#include "core/finetune/prompttemplate.h"

namespace cinetune {

QList<PromptMessage> promptMessages(const PromptTemplate &prompt, const QStringList &profileTitles, int count)
{
    const ChatExample example = prompt.renderPrompt(profileTitles, count);
    QList<PromptMessage> out;
    for (const ChatMessage &m : example.messages)
        out.append(PromptMessage{m.role, m.content});
    return out;
}

QString promptText(const QList<PromptMessage> &messages)
{
    QStringList parts;
    for (const PromptMessage &m : messages)
        parts.append(m.role + QStringLiteral(":\n") + m.content);
    return parts.join(QStringLiteral("\n\n"));
}

} // namespace cinetune
