#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace cinetune {

// One training example as the simulator learns it: (user prompt, assistant answer).
using ChatExample = QPair<QString, QString>;

// How the simulator's models answer a recommendation prompt. It is NOT a language model:
//  - a base model answers with ten popular catalogue titles picked by a hash of the prompt, some
//    of them misspelled (two letters swapped) or invented ("The Silent Harbor (1997)"), so the
//    parsing and title resolution downstream have something to do;
//  - a fine-tuned model answers with the assistant turn of the training example whose user prompt
//    shares the most words (of three letters or more) with the request.
// Deterministic: the same prompt, titles and seed give the same answer.
class AnswerModel
{
public:
    // popularTitles: "Title (Year)", most popular first; empty = a built-in list of classics.
    AnswerModel(QStringList popularTitles, quint64 seed);

    QString baseAnswer(const QString &prompt) const;
    static QString fineTunedAnswer(const QList<ChatExample> &examples, const QString &prompt);

    // The examples of a chat JSONL training file (lines without an assistant turn are skipped);
    // *chars counts the message text (for token and step estimates).
    static QList<ChatExample> chatExamples(const QByteArray &jsonl, qint64 *chars);
    // The text of the last user message of a chat request.
    static QString lastUserMessage(const QJsonArray &messages);

private:
    QStringList m_titles;
    quint64 m_seed = 0;
};

// 64-bit FNV-1a: the simulator's stable hash for deterministic "randomness".
quint64 stableHash(const QByteArray &bytes, quint64 seed);

} // namespace cinetune
