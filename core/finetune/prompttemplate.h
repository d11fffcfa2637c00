#pragma once

#include "core/finetune/chatexample.h"
#include "core/common/result.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace cinetune {

// The three texts of a chat fine-tuning example, with placeholders (paper §3: the system message
// holds the task and the output format, the user message the profile, the assistant message the
// recommendations):
//
//   {profile}        the profile movies as numbered lines "1. Title (Year)"
//   {profile_count}  how many profile movies there are
//   {count}          how many movies the answer must list (training: the size of the gold list)
//   {gold}           the gold movies as numbered lines (assistant text only)
//   {{ and }}        literal braces
//
// Editable and stored in the project as JSON.
struct PromptTemplate
{
    static constexpr int formatVersion = 1;

    QString name;
    QString system;
    QString user;
    QString assistant;

    // The paper's setup: task + format in the system message, the top-10 profile in the user
    // message, exactly G numbered "Title (Year)" lines as the answer.
    static PromptTemplate paperDefault();

    // Unknown placeholders, unbalanced braces, {gold} outside the assistant text, a user text
    // without {profile} or an assistant text without {gold} are errors naming the field.
    Status validate() const;

    // A training example: system, user and assistant messages. `gold` is the answer, so
    // {count} = gold.size().
    ChatExample render(const QStringList &profileTitles, const QStringList &goldTitles) const;
    // An inference prompt (system and user messages only) asking for `count` movies.
    ChatExample renderPrompt(const QStringList &profileTitles, int count) const;

    // {"version":1,"name":...,"system":...,"user":...,"assistant":...}
    QJsonObject toJson() const;
    static Result<PromptTemplate> fromJson(const QJsonObject &json, const QString &source);
    static Result<PromptTemplate> load(const QString &path);

    friend bool operator==(const PromptTemplate &, const PromptTemplate &) = default;
};

// "1. A\n2. B\n3. C" (no trailing newline).
QString numberedList(const QStringList &items);

} // namespace cinetune
