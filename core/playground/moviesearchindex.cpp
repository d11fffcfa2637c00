#include "core/playground/moviesearchindex.h"

#include "core/dataset/dataset.h"
#include "core/dataset/searchtext.h"

#include <algorithm>
#include <numeric>

namespace cinetune {

namespace {

// Leading articles the catalogue moves to the front ("Matrix, The" -> "The Matrix"), folded.
const QStringList &articles()
{
    static const QStringList list{QStringLiteral("the "), QStringLiteral("a "),   QStringLiteral("an "), QStringLiteral("les "),
                                  QStringLiteral("le "),  QStringLiteral("la "),  QStringLiteral("l'"),  QStringLiteral("die "),
                                  QStringLiteral("der "), QStringLiteral("das "), QStringLiteral("el "), QStringLiteral("il ")};
    return list;
}

} // namespace

QString MovieSearchIndex::stripArticle(const QString &foldedKey)
{
    for (const QString &a : articles()) {
        if (foldedKey.startsWith(a) && foldedKey.size() > a.size())
            return foldedKey.mid(a.size());
    }
    return foldedKey;
}

MovieSearchIndex::MovieSearchIndex(const std::vector<QString> &keys, const std::vector<std::uint64_t> &popularity)
{
    const std::size_t n = keys.size();
    m_movieOfRank.resize(n);
    std::iota(m_movieOfRank.begin(), m_movieOfRank.end(), 0u);
    std::stable_sort(m_movieOfRank.begin(), m_movieOfRank.end(), [&](std::uint32_t a, std::uint32_t b) {
        const std::uint64_t pa = a < popularity.size() ? popularity[a] : 0;
        const std::uint64_t pb = b < popularity.size() ? popularity[b] : 0;
        return pa > pb;
    });
    m_keys.reserve(n);
    for (std::uint32_t m : m_movieOfRank)
        m_keys.push_back(stripArticle(keys[m]));
}

MovieSearchIndex MovieSearchIndex::fromDataset(const Dataset &dataset, const std::vector<QString> &searchKeys)
{
    if (searchKeys.empty() && dataset.catalogue.size() > 0)
        return fromDataset(dataset, movieSearchKeys(dataset.catalogue));
    const RatingStore &store = dataset.store;
    std::vector<std::uint64_t> popularity(searchKeys.size(), 0);
    const std::uint32_t rated = store.movieCount();
    for (std::uint32_t m = 0; m < popularity.size() && m < rated; ++m)
        popularity[m] = store.movieRatingCount(m);
    return MovieSearchIndex(searchKeys, popularity);
}

std::vector<std::uint32_t> MovieSearchIndex::query(const QString &text, int limit) const
{
    std::vector<std::uint32_t> out;
    QStringList terms = searchTerms(text);
    if (terms.isEmpty() || limit <= 0)
        return out;
    // "the matrix" must find "matrix": drop a leading article from the query too.
    const QString joined = stripArticle(terms.join(QLatin1Char(' ')));
    terms = joined.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    // Prefix matches first (they are what the user is typing), each group in popularity order.
    std::vector<std::uint32_t> others;
    for (std::size_t r = 0; r < m_keys.size(); ++r) {
        const QString &key = m_keys[r];
        if (!matchesAllTerms(key, terms))
            continue;
        if (key.startsWith(joined)) {
            out.push_back(m_movieOfRank[r]);
            if (int(out.size()) >= limit)
                return out;
        } else if (int(others.size()) < limit) {
            others.push_back(m_movieOfRank[r]);
        }
    }
    for (std::uint32_t m : others) {
        if (int(out.size()) >= limit)
            break;
        out.push_back(m);
    }
    return out;
}

} // namespace cinetune
