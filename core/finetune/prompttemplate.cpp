#include "core/finetune/prompttemplate.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonDocument>

namespace cinetune {

namespace {

// The context lupdate sees for PromptTemplateText::tr() (a free PromptTemplateText::tr() inside a member function would be
// extracted under that class's name instead).
class PromptTemplateText
{
    Q_DECLARE_TR_FUNCTIONS(cinetune::PromptTemplate)
};

const QStringList &knownPlaceholders()
{
    static const QStringList names{QStringLiteral("profile"), QStringLiteral("profile_count"), QStringLiteral("count"),
                                   QStringLiteral("gold")};
    return names;
}

// Replaces {name} with values[name]; "{{" and "}}" are literal braces. Returns the placeholders
// found in `used` and the first problem in `problem` (when not null).
QString expand(const QString &text, const QHash<QString, QString> &values, QStringList *used = nullptr,
               QString *problem = nullptr)
{
    QString out;
    out.reserve(text.size());
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('{') && i + 1 < n && text.at(i + 1) == QLatin1Char('{')) {
            out += QLatin1Char('{');
            ++i;
        } else if (c == QLatin1Char('}') && i + 1 < n && text.at(i + 1) == QLatin1Char('}')) {
            out += QLatin1Char('}');
            ++i;
        } else if (c == QLatin1Char('{')) {
            const qsizetype close = text.indexOf(QLatin1Char('}'), i + 1);
            if (close < 0) {
                if (problem && problem->isEmpty())
                    *problem = PromptTemplateText::tr("\"{\" without \"}\" (write {{ for a literal brace)");
                out += c;
                continue;
            }
            const QString name = text.mid(i + 1, close - i - 1);
            if (used)
                used->append(name);
            if (!knownPlaceholders().contains(name) && problem && problem->isEmpty())
                *problem = PromptTemplateText::tr("unknown placeholder {%1} (known: {profile}, {profile_count}, {count}, {gold})")
                               .arg(name);
            out += values.value(name);
            i = close;
        } else if (c == QLatin1Char('}')) {
            if (problem && problem->isEmpty())
                *problem = PromptTemplateText::tr("\"}\" without \"{\" (write }} for a literal brace)");
            out += c;
        } else {
            out += c;
        }
    }
    return out;
}

QHash<QString, QString> valuesFor(const QStringList &profile, const QStringList &gold, int count)
{
    return {{QStringLiteral("profile"), numberedList(profile)},
            {QStringLiteral("profile_count"), QString::number(profile.size())},
            {QStringLiteral("count"), QString::number(count)},
            {QStringLiteral("gold"), numberedList(gold)}};
}

} // namespace

QString numberedList(const QStringList &items)
{
    QString out;
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (i > 0)
            out += QLatin1Char('\n');
        out += QString::number(i + 1) + QStringLiteral(". ") + items.at(i);
    }
    return out;
}

PromptTemplate PromptTemplate::paperDefault()
{
    PromptTemplate t;
    t.name = QStringLiteral("paper");
    t.system = QStringLiteral(
        "You are a movie recommendation system. The user lists the {profile_count} movies they rated highest. "
        "Recommend the movies this user is most likely to watch next, as viewers with the same favourites did.\n"
        "Answer with exactly {count} numbered lines, one movie per line, in the form \"1. Title (Year)\", "
        "most likely first. Do not repeat the user's movies and write nothing else.");
    t.user = QStringLiteral("My top {profile_count} movies:\n{profile}");
    t.assistant = QStringLiteral("{gold}");
    return t;
}

Status PromptTemplate::validate() const
{
    // The field's name is translated with the message (German word order differs).
    const struct
    {
        const char *field;
        const QString &text;
        QString problemMessage;
        QString goldMessage;
    } fields[] = {
        {"system", system, PromptTemplateText::tr("Prompt template, system text: %1"),
         PromptTemplateText::tr("Prompt template, system text: {gold} (the answer) may only appear in the assistant text")},
        {"user", user, PromptTemplateText::tr("Prompt template, user text: %1"),
         PromptTemplateText::tr("Prompt template, user text: {gold} (the answer) may only appear in the assistant text")},
        {"assistant", assistant, PromptTemplateText::tr("Prompt template, assistant text: %1"), QString()},
    };
    for (const auto &f : fields) {
        QStringList used;
        QString problem;
        expand(f.text, {}, &used, &problem);
        if (!problem.isEmpty())
            return makeError(errc::FineTune::PromptTemplate, f.problemMessage.arg(problem));
        if (QLatin1String(f.field) != QLatin1String("assistant") && used.contains(QLatin1String("gold")))
            return makeError(errc::FineTune::PromptTemplate, f.goldMessage);
        if (QLatin1String(f.field) == QLatin1String("user") && !used.contains(QLatin1String("profile")))
            return makeError(errc::FineTune::PromptTemplate,
                             PromptTemplateText::tr("Prompt template, user text: {profile} is missing"));
        if (QLatin1String(f.field) == QLatin1String("assistant") && !used.contains(QLatin1String("gold")))
            return makeError(errc::FineTune::PromptTemplate,
                             PromptTemplateText::tr("Prompt template, assistant text: {gold} is missing"));
    }
    if (user.trimmed().isEmpty())
        return makeError(errc::FineTune::PromptTemplate, PromptTemplateText::tr("Prompt template: the user text is empty"));
    return Ok{};
}

ChatExample PromptTemplate::render(const QStringList &profileTitles, const QStringList &goldTitles) const
{
    const auto values = valuesFor(profileTitles, goldTitles, static_cast<int>(goldTitles.size()));
    ChatExample e;
    const QString sys = expand(system, values);
    if (!sys.isEmpty())
        e.messages.push_back({QStringLiteral("system"), sys, {}});
    e.messages.push_back({QStringLiteral("user"), expand(user, values), {}});
    e.messages.push_back({QStringLiteral("assistant"), expand(assistant, values), {}});
    return e;
}

ChatExample PromptTemplate::renderPrompt(const QStringList &profileTitles, int count) const
{
    const auto values = valuesFor(profileTitles, {}, count);
    ChatExample e;
    const QString sys = expand(system, values);
    if (!sys.isEmpty())
        e.messages.push_back({QStringLiteral("system"), sys, {}});
    e.messages.push_back({QStringLiteral("user"), expand(user, values), {}});
    return e;
}

QJsonObject PromptTemplate::toJson() const
{
    QJsonObject o;
    o[QStringLiteral("version")] = formatVersion;
    o[QStringLiteral("name")] = name;
    o[QStringLiteral("system")] = system;
    o[QStringLiteral("user")] = user;
    o[QStringLiteral("assistant")] = assistant;
    return o;
}

Result<PromptTemplate> PromptTemplate::fromJson(const QJsonObject &json, const QString &source)
{
    if (json.value(QStringLiteral("version")).toInt(-1) != formatVersion)
        return makeError(errc::FineTune::PromptTemplate,
                         PromptTemplateText::tr("%1: expected \"version\": %2").arg(source, QString::number(formatVersion)));
    PromptTemplate t;
    t.name = json.value(QStringLiteral("name")).toString();
    for (auto [key, field] : {std::pair{"system", &t.system}, std::pair{"user", &t.user}, std::pair{"assistant", &t.assistant}}) {
        const QJsonValue v = json.value(QLatin1String(key));
        if (!v.isString() && !(v.isUndefined() && QLatin1String(key) == QLatin1String("system")))
            return makeError(errc::FineTune::PromptTemplate,
                             PromptTemplateText::tr("%1: expected \"%2\" as a string").arg(source, QLatin1String(key)));
        *field = v.toString();
    }
    if (Status s = t.validate(); !s)
        return makeError(s.error().code, QStringLiteral("%1: %2").arg(source, s.error().message));
    return t;
}

Result<PromptTemplate> PromptTemplate::load(const QString &path)
{
    const QString name = QDir::toNativeSeparators(path);
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(errc::General::ReadFailed,
                         PromptTemplateText::tr("Cannot read the prompt template %1: %2").arg(name, f.errorString()));
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return makeError(errc::FineTune::PromptTemplate,
                         PromptTemplateText::tr("%1: not a JSON object (%2 at byte %3)")
                             .arg(name, pe.errorString(), QString::number(pe.offset)));
    return fromJson(doc.object(), name);
}

} // namespace cinetune
