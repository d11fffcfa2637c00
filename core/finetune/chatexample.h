#pragma once

#include <QByteArray>
#include <QString>

#include <vector>

namespace cinetune {

// One message of a chat fine-tuning example.
struct ChatMessage
{
    QString role; // "system", "user" or "assistant"
    QString content;
    QString name; // optional; written only when not empty
};

// One line of an OpenAI chat fine-tuning JSONL file: {"messages":[...]}.
struct ChatExample
{
    std::vector<ChatMessage> messages;
};

// The example as one JSON line (without the newline): keys in the order role, name, content;
// UTF-8, non-ASCII written as is, control characters escaped. Deterministic.
QByteArray chatJsonLine(const ChatExample &example);
// All examples, one line each, every line ending in '\n'.
QByteArray chatJsonl(const std::vector<ChatExample> &examples);
// A JSON string literal (with quotes) for `text`; lone surrogates become U+FFFD.
QByteArray jsonString(const QString &text);

} // namespace cinetune
