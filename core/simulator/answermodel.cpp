#include "core/simulator/answermodel.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace cinetune {

namespace {

QSet<QString> words(const QString &text)
{
    static const QRegularExpression split(QStringLiteral("[^\\w]+"));
    QSet<QString> out;
    for (const QString &w : text.toLower().split(split, Qt::SkipEmptyParts)) {
        if (w.size() > 2)
            out.insert(w);
    }
    return out;
}

const QStringList &fallbackTitles()
{
    static const QStringList titles = {
        QStringLiteral("Forrest Gump (1994)"),
        QStringLiteral("The Shawshank Redemption (1994)"),
        QStringLiteral("Pulp Fiction (1994)"),
        QStringLiteral("The Silence of the Lambs (1991)"),
        QStringLiteral("The Matrix (1999)"),
        QStringLiteral("Star Wars: Episode IV - A New Hope (1977)"),
        QStringLiteral("Jurassic Park (1993)"),
        QStringLiteral("Braveheart (1995)"),
        QStringLiteral("Terminator 2: Judgment Day (1991)"),
        QStringLiteral("Schindler's List (1993)"),
        QStringLiteral("Fight Club (1999)"),
        QStringLiteral("Toy Story (1995)"),
        QStringLiteral("Star Wars: Episode V - The Empire Strikes Back (1980)"),
        QStringLiteral("American Beauty (1999)"),
        QStringLiteral("The Usual Suspects (1995)"),
        QStringLiteral("Seven (1995)"),
        QStringLiteral("Independence Day (1996)"),
        QStringLiteral("Apollo 13 (1995)"),
        QStringLiteral("Raiders of the Lost Ark (1981)"),
        QStringLiteral("The Lord of the Rings: The Fellowship of the Ring (2001)"),
    };
    return titles;
}

} // namespace

quint64 stableHash(const QByteArray &bytes, quint64 seed)
{
    quint64 h = 1469598103934665603ULL ^ seed;
    for (char c : bytes) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ULL;
    }
    return h;
}

AnswerModel::AnswerModel(QStringList popularTitles, quint64 seed)
    : m_titles(std::move(popularTitles))
    , m_seed(seed)
{}

QString AnswerModel::lastUserMessage(const QJsonArray &messages)
{
    QString text;
    for (const QJsonValue &m : messages) {
        const QJsonObject o = m.toObject();
        if (o.value(QLatin1String("role")).toString() == QLatin1String("user"))
            text = o.value(QLatin1String("content")).toString();
    }
    return text;
}

QString AnswerModel::baseAnswer(const QString &prompt) const
{
    const QStringList &titles = m_titles.isEmpty() ? fallbackTitles() : m_titles;
    const int pool = int(std::min<qsizetype>(titles.size(), 40));
    quint64 h = stableHash(prompt.toUtf8(), m_seed);
    QStringList picks;
    for (int i = 0; i < 10 && pool > 0; ++i) {
        h = h * 6364136223846793005ULL + 1442695040888963407ULL;
        QString t = titles[int((h >> 33) % quint64(pool))];
        if (picks.contains(t))
            continue;
        const int roll = int((h >> 20) % 10);
        if (roll == 0 && t.size() > 6) {
            // A misspelling: swap two letters in the middle.
            const int p = int(t.size() / 2);
            std::swap(t[p], t[p + 1]);
        } else if (roll == 1) {
            static const char *const a[] = {"Midnight", "Silent", "Crimson", "Last", "Hidden"};
            static const char *const b[] = {"Harbor", "Echoes", "Frontier", "Promise", "Garden"};
            t = QStringLiteral("The %1 %2 (%3)")
                    .arg(QLatin1String(a[(h >> 8) % 5]), QLatin1String(b[(h >> 12) % 5]))
                    .arg(1985 + int((h >> 4) % 30));
        }
        picks.append(t);
    }
    QString out;
    for (int i = 0; i < picks.size(); ++i)
        out += QStringLiteral("%1. %2\n").arg(i + 1).arg(picks[i]);
    return out.trimmed();
}

QString AnswerModel::fineTunedAnswer(const QList<ChatExample> &examples, const QString &prompt)
{
    const QSet<QString> asked = words(prompt);
    qsizetype best = -1;
    qsizetype bestScore = -1;
    for (qsizetype i = 0; i < examples.size(); ++i) {
        const QSet<QString> have = words(examples[i].first);
        qsizetype score = 0;
        for (const QString &w : asked)
            score += have.contains(w) ? 1 : 0;
        if (score > bestScore) {
            bestScore = score;
            best = i;
        }
    }
    return best >= 0 ? examples[best].second : QString();
}

// Training examples: the assistant answer of each line, keyed by its user prompt.
QList<ChatExample> AnswerModel::chatExamples(const QByteArray &jsonl, qint64 *chars)
{
    QList<ChatExample> out;
    for (const QByteArray &line : jsonl.split('\n')) {
        const QJsonObject ex = QJsonDocument::fromJson(line).object();
        QString user, assistant;
        for (const QJsonValue &m : ex.value(QLatin1String("messages")).toArray()) {
            const QJsonObject o = m.toObject();
            const QString role = o.value(QLatin1String("role")).toString();
            const QString content = o.value(QLatin1String("content")).toString();
            *chars += content.size();
            if (role == QLatin1String("user"))
                user += content + QLatin1Char('\n');
            else if (role == QLatin1String("assistant"))
                assistant = content;
        }
        if (!assistant.isEmpty())
            out.append({user, assistant});
    }
    return out;
}

} // namespace cinetune
