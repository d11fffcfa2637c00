#include "core/dataset/catalogue.h"

#include <QRegularExpression>

namespace cinetune {

QString frontArticle(const QString &title)
{
    // "Matrix, The" -> "The Matrix"; also MovieLens' foreign articles ("Vie en rose, La").
    static const QRegularExpression re(
        QStringLiteral("^(.*), (The|A|An|La|Le|Les|L'|Il|El|Los|Las|Die|Der|Das|Den|Det|De|Het|Un|Une|Una|Uno|O|I)$"));
    const auto m = re.match(title);
    if (!m.hasMatch())
        return title;
    const QString article = m.captured(2);
    const QString sep = article.endsWith(QLatin1Char('\'')) ? QString() : QStringLiteral(" ");
    return article + sep + m.captured(1);
}

TitleParts splitTitle(const QString &original)
{
    TitleParts parts;
    QString t = original.trimmed();
    // A trailing "(1999)" (MovieLens also has "(2007-)" ranges; keep the first year).
    static const QRegularExpression yearRe(QStringLiteral("\\s*\\((\\d{4})(?:[-–]\\d{0,4})?\\)\\s*$"));
    const auto ym = yearRe.match(t);
    if (ym.hasMatch()) {
        parts.year = ym.captured(1).toInt();
        t = t.left(ym.capturedStart()).trimmed();
    }
    // "Title, The (Alternative title)" -> article before the alternative title.
    static const QRegularExpression altRe(QStringLiteral("^(.*?)( \\(.*\\))$"));
    const auto am = altRe.match(t);
    if (am.hasMatch() && am.captured(1).contains(QLatin1Char(','))) {
        const QString front = frontArticle(am.captured(1));
        if (front != am.captured(1)) {
            parts.title = front + am.captured(2);
            return parts;
        }
    }
    parts.title = frontArticle(t);
    return parts;
}

std::uint32_t Catalogue::add(Movie movie)
{
    const auto index = static_cast<std::uint32_t>(m_movies.size());
    m_index.insert(movie.sourceId, index);
    m_movies.push_back(std::move(movie));
    return index;
}

std::optional<std::uint32_t> Catalogue::find(std::uint32_t sourceId) const
{
    const auto it = m_index.constFind(sourceId);
    if (it == m_index.constEnd())
        return std::nullopt;
    return *it;
}

QString Catalogue::displayTitle(std::uint32_t index) const
{
    const Movie &m = m_movies[index];
    if (m.year > 0)
        return QStringLiteral("%1 (%2)").arg(m.title).arg(m.year);
    return m.title;
}

} // namespace cinetune
