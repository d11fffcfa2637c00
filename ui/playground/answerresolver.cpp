#include "answerresolver.h"

#include "models/searchtext.h"
#include "moviesearchindex.h"

#include <QRegularExpression>

namespace cinetune::ui {

namespace {

struct Line
{
    QString text;
    QString title;
    int year = 0;
};

// Temporary reading of "1. Title (Year)" lines until core/eval's parser is merged.
QList<Line> numberedLines(const QString &answer)
{
    static const QRegularExpression item(QStringLiteral("^\\s*(?:\\d+[.)]|[-*•])\\s+(.+?)\\s*$"));
    static const QRegularExpression year(QStringLiteral("^(.*?)\\s*\\((\\d{4})\\)$"));
    QList<Line> out;
    for (const QString &raw : answer.split(QLatin1Char('\n'))) {
        const QRegularExpressionMatch m = item.match(raw);
        if (!m.hasMatch())
            continue;
        Line l;
        l.text = m.captured(1);
        l.title = l.text;
        if (const QRegularExpressionMatch y = year.match(l.text); y.hasMatch()) {
            l.title = y.captured(1);
            l.year = y.captured(2).toInt();
        }
        out.append(l);
    }
    return out;
}

QString key(const QString &title, int year)
{
    QString k = MovieSearchIndex::stripArticle(foldForSearch(title));
    if (year > 0)
        k += QLatin1Char(' ') + QString::number(year);
    return k;
}

} // namespace

AnswerResolver::AnswerResolver(LoadedDatasetPtr data) : m_data(std::move(data))
{
    if (!m_data)
        return;
    const Catalogue &c = m_data->dataset->catalogue;
    for (std::uint32_t i = 0; i < c.size(); ++i) {
        const Movie &m = c.movie(i);
        m_exact.insert(key(m.title, m.year), i);
        m_titleOnly.insert(key(m.title, 0), i);
    }
}

void AnswerResolver::finish(RecommendedItem &item, const std::vector<std::uint32_t> &profile, const QSet<std::uint32_t> &gold) const
{
    if (!item.movie)
        return;
    const std::uint32_t m = *item.movie;
    item.catalogueTitle = m_data->dataset->catalogue.displayTitle(m);
    const RatingStore &store = m_data->dataset->store;
    item.ratings = m < store.movieCount() ? store.movieRatingCount(m) : 0;
    item.inGold = gold.contains(m);
    if (std::find(profile.begin(), profile.end(), m) != profile.end())
        item.status = ItemStatus::Repeat;
}

std::vector<RecommendedItem> AnswerResolver::resolveText(const QString &answer, const std::vector<std::uint32_t> &profile,
                                                         const QSet<std::uint32_t> &gold) const
{
    std::vector<RecommendedItem> out;
    if (!m_data)
        return out;
    int rank = 0;
    for (const Line &l : numberedLines(answer)) {
        RecommendedItem item;
        item.rank = ++rank;
        item.text = l.text;
        if (const auto it = m_exact.constFind(key(l.title, l.year)); it != m_exact.constEnd()) {
            item.movie = it.value();
            item.status = ItemStatus::Exact;
        } else if (const auto t = m_titleOnly.constFind(key(l.title, 0)); t != m_titleOnly.constEnd()) {
            item.movie = t.value();
            item.status = ItemStatus::Fuzzy;
        }
        finish(item, profile, gold);
        out.push_back(std::move(item));
    }
    return out;
}

std::vector<RecommendedItem> AnswerResolver::resolveMovies(const std::vector<std::uint32_t> &movies,
                                                           const std::vector<std::uint32_t> &profile,
                                                           const QSet<std::uint32_t> &gold) const
{
    std::vector<RecommendedItem> out;
    if (!m_data)
        return out;
    int rank = 0;
    for (std::uint32_t m : movies) {
        if (m >= m_data->dataset->catalogue.size())
            continue;
        RecommendedItem item;
        item.rank = ++rank;
        item.movie = m;
        item.status = ItemStatus::Exact;
        item.text = m_data->dataset->catalogue.displayTitle(m);
        finish(item, profile, gold);
        out.push_back(std::move(item));
    }
    return out;
}

QString statusSymbol(ItemStatus status)
{
    switch (status) {
    case ItemStatus::Exact: return QStringLiteral("✓");
    case ItemStatus::Fuzzy: return QStringLiteral("≈");
    case ItemStatus::NotInCatalogue: return QStringLiteral("✗");
    case ItemStatus::Repeat: return QStringLiteral("↺");
    }
    return {};
}

QString statusName(ItemStatus status)
{
    switch (status) {
    case ItemStatus::Exact: return AnswerResolver::tr("in the catalogue");
    case ItemStatus::Fuzzy: return AnswerResolver::tr("close match");
    case ItemStatus::NotInCatalogue: return AnswerResolver::tr("not in the catalogue");
    case ItemStatus::Repeat: return AnswerResolver::tr("repeats a profile movie");
    }
    return {};
}

} // namespace cinetune::ui
