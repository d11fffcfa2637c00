#include "core/eval/titleresolver.h"

#include "core/dataset/dataset.h"

#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace cinetune {

namespace {

// Articles that catalogues move to the end ("Matrix, The", "Misérables, Les").
const QRegularExpression &trailingArticle()
{
    static const QRegularExpression re(
        QStringLiteral("^(.*\\S)\\s*,\\s*(the|a|an|les|la|le|l'|die|der|das|el|il|los|las|lo|un|une|una|den|det|de|het|o|i)$"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

bool isApostrophe(char16_t c)
{
    return c == u'\'' || c == u'\u2019' || c == u'\u2018' || c == u'`' || c == u'\u00B4' || c == u'\u02BC';
}

// Levenshtein distance of a and b if it is <= maxD, else maxD + 1. Only the diagonal band of
// width 2·maxD + 1 is computed, and a row whose minimum exceeds maxD ends the search.
int boundedLevenshtein(const char16_t *a, int la, const char16_t *b, int lb, int maxD, std::vector<int> &buffer)
{
    const int inf = maxD + 1;
    if (std::abs(la - lb) > maxD)
        return inf;
    buffer.resize(2 * static_cast<std::size_t>(lb + 2));
    int *prev = buffer.data();
    int *cur = prev + lb + 2;
    for (int j = 0; j <= lb; ++j)
        prev[j] = j <= maxD ? j : inf;
    for (int i = 1; i <= la; ++i) {
        const int lo = std::max(1, i - maxD);
        const int hi = std::min(lb, i + maxD);
        cur[0] = i <= maxD ? i : inf;
        if (lo > 1)
            cur[lo - 1] = inf;
        int rowMin = lo == 1 ? cur[0] : inf;
        const char16_t ca = a[i - 1];
        for (int j = lo; j <= hi; ++j) {
            int v = prev[j - 1] + (ca != b[j - 1] ? 1 : 0);
            v = std::min(v, prev[j] + 1);
            v = std::min(v, cur[j - 1] + 1);
            v = std::min(v, inf);
            cur[j] = v;
            rowMin = std::min(rowMin, v);
        }
        if (hi < lb)
            cur[hi + 1] = inf;
        if (rowMin > maxD)
            return inf;
        std::swap(prev, cur);
    }
    return std::min(prev[lb], inf);
}

// The most edits a fuzzy match may need for a query key of `length` characters: short titles
// get fewer, so "Up" never matches "It" (< 4 characters: none; 4 to 7: one).
int distanceCap(int length, int maxEditDistance)
{
    return std::min(maxEditDistance, length / 4);
}

} // namespace

QString resolutionStatusId(ResolutionStatus s)
{
    switch (s) {
    case ResolutionStatus::Exact:
        return QStringLiteral("exact");
    case ResolutionStatus::ExactTitleOnly:
        return QStringLiteral("exact-title");
    case ResolutionStatus::Fuzzy:
        return QStringLiteral("fuzzy");
    case ResolutionStatus::Unresolved:
        return QStringLiteral("unresolved");
    }
    return {};
}

QString resolutionHow(const Resolution &r)
{
    if (r.status == ResolutionStatus::Fuzzy)
        return QStringLiteral("fuzzy(d=%1)").arg(r.distance);
    return resolutionStatusId(r.status);
}

std::pair<QString, int> splitTitleYear(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^(.*?)\\s*[\\(\\[]\\s*((?:18|19|20)\\d\\d)\\s*[\\)\\]]\\s*$"));
    const auto m = re.match(text);
    if (!m.hasMatch() || m.captured(1).trimmed().isEmpty())
        return {text.trimmed(), 0};
    return {m.captured(1).trimmed(), m.captured(2).toInt()};
}

QString normalizeTitle(const QString &title)
{
    QString t = title.trimmed();
    if (const auto m = trailingArticle().match(t); m.hasMatch())
        t = m.captured(1);
    const QString decomposed = t.normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size() + 8);
    bool space = true; // collapse runs and drop leading white space
    for (const QChar c : decomposed) {
        const auto cat = c.category();
        if (cat == QChar::Mark_NonSpacing || cat == QChar::Mark_SpacingCombining || cat == QChar::Mark_Enclosing)
            continue;
        if (isApostrophe(c.unicode()))
            continue;
        if (c == QLatin1Char('&')) {
            if (!space)
                out += QLatin1Char(' ');
            out += QLatin1String("and ");
            space = true;
            continue;
        }
        if (c.isLetterOrNumber()) {
            out += c;
            space = false;
        } else if (!space) {
            out += QLatin1Char(' ');
            space = true;
        }
    }
    if (out.endsWith(QLatin1Char(' ')))
        out.chop(1);
    out = out.toCaseFolded();
    for (const QLatin1String article : {QLatin1String("the "), QLatin1String("a "), QLatin1String("an ")}) {
        if (out.startsWith(article) && out.size() > article.size()) {
            out.remove(0, article.size());
            break;
        }
    }
    return out;
}

TitleResolver::TitleResolver(const Catalogue &catalogue, std::vector<std::uint64_t> popularity, ResolverOptions options)
    : m_options(options)
{
    // Trailing parenthesised groups are alternative titles: "Léon: The Professional (a.k.a. The
    // Professional) (Léon)" -> base "Léon: The Professional", alternatives "Léon", "The Professional".
    static const QRegularExpression altRe(QStringLiteral("^(.*\\S)\\s*\\(([^()]+)\\)$"));
    static const QRegularExpression akaRe(QStringLiteral("^(?:a\\.?k\\.?a\\.?|aka)\\s+"),
                                          QRegularExpression::CaseInsensitiveOption);
    m_movies.reserve(catalogue.size());
    for (std::uint32_t i = 0; i < catalogue.size(); ++i) {
        const Movie &movie = catalogue.movie(i);
        m_movies.push_back({movie.sourceId, movie.year, i < popularity.size() ? popularity[i] : 0, catalogue.displayTitle(i)});
        const QString raw = splitTitleYear(movie.originalTitle.isEmpty() ? movie.title : movie.originalTitle).first;
        for (const QString &text : {movie.title, raw}) {
            const auto addBoth = [&](const QString &t) {
                addKey(normalizeTitle(t), i);
                addKey(normalizeTitle(frontArticle(t)), i);
            };
            addBoth(text);
            QString base = text;
            for (int groups = 0; groups < 4; ++groups) {
                const auto m = altRe.match(base);
                if (!m.hasMatch())
                    break;
                QString alt = m.captured(2).trimmed();
                alt.remove(akaRe);
                addBoth(alt);
                base = m.captured(1);
                addBoth(base);
            }
        }
    }
    for (std::uint32_t k = 0; k < m_keys.size(); ++k) {
        const std::size_t len = m_keys[k].text.size();
        if (m_keysByLength.size() <= len)
            m_keysByLength.resize(len + 1);
        m_keysByLength[len].push_back(k);
    }
}

TitleResolver TitleResolver::fromDataset(const Dataset &dataset, ResolverOptions options)
{
    std::vector<std::uint64_t> popularity(dataset.catalogue.size(), 0);
    const std::uint32_t rated = std::min<std::uint32_t>(dataset.store.movieCount(),
                                                        static_cast<std::uint32_t>(popularity.size()));
    for (std::uint32_t m = 0; m < rated; ++m)
        popularity[m] = dataset.store.movieRatingCount(m);
    return TitleResolver(dataset.catalogue, std::move(popularity), options);
}

void TitleResolver::addKey(const QString &key, std::uint32_t movie)
{
    if (key.isEmpty())
        return;
    const auto it = m_keyIndex.constFind(key);
    if (it != m_keyIndex.constEnd()) {
        auto &movies = m_keys[*it].movies;
        if (std::find(movies.begin(), movies.end(), movie) == movies.end())
            movies.push_back(movie);
        return;
    }
    m_keyIndex.insert(key, static_cast<std::uint32_t>(m_keys.size()));
    m_keys.push_back({key.toStdU16String(), {movie}});
}

bool TitleResolver::better(std::uint32_t a, std::uint32_t b) const
{
    if (m_movies[a].popularity != m_movies[b].popularity)
        return m_movies[a].popularity > m_movies[b].popularity;
    return a < b;
}

std::uint32_t TitleResolver::pick(const std::vector<std::uint32_t> &movies, int year, bool *sameYear) const
{
    // Rank: same year, then one year off (release years differ between sources), then the rest;
    // within a rank the most rated.
    const auto rank = [&](std::uint32_t m) {
        if (year <= 0 || m_movies[m].year <= 0)
            return 2;
        const int d = std::abs(m_movies[m].year - year);
        return d == 0 ? 0 : d == 1 ? 1 : 2;
    };
    std::uint32_t best = movies.front();
    for (const std::uint32_t m : movies) {
        const int rm = rank(m), rb = rank(best);
        if (rm < rb || (rm == rb && better(m, best)))
            best = m;
    }
    if (sameYear)
        *sameYear = rank(best) == 0;
    return best;
}

Resolution TitleResolver::make(ResolutionStatus status, std::uint32_t movie, int distance) const
{
    Resolution r;
    r.status = status;
    r.movieIndex = movie;
    r.sourceId = m_movies[movie].sourceId;
    r.distance = distance;
    r.matchedTitle = m_movies[movie].display;
    return r;
}

Resolution TitleResolver::resolve(const QString &title, int year) const
{
    auto [text, parsedYear] = splitTitleYear(title);
    if (year <= 0)
        year = parsedYear;
    const QString key = normalizeTitle(text);
    if (key.isEmpty())
        return {};
    if (const auto it = m_keyIndex.constFind(key); it != m_keyIndex.constEnd()) {
        bool sameYear = false;
        const std::uint32_t m = pick(m_keys[*it].movies, year, &sameYear);
        return make(sameYear ? ResolutionStatus::Exact : ResolutionStatus::ExactTitleOnly, m, 0);
    }
    if (!m_options.fuzzy)
        return {};

    const std::u16string q = key.toStdU16String();
    const int lq = static_cast<int>(q.size());
    const double r = m_options.minSimilarity;
    int minLen = 0, maxLen = 0, cap = 0;
    if (r > 0) {
        if (r >= 1)
            return {};
        minLen = static_cast<int>(std::ceil(lq * r - 1e-9));
        maxLen = static_cast<int>(std::floor(lq / r + 1e-9));
        cap = static_cast<int>(std::floor((1 - r) * maxLen + 1e-9));
    } else {
        cap = distanceCap(lq, m_options.maxEditDistance);
        if (cap <= 0)
            return {};
        minLen = lq - cap;
        maxLen = lq + cap;
    }
    maxLen = std::min<int>(maxLen, static_cast<int>(m_keysByLength.size()) - 1);

    // Preference: the same year (when one is given), then the smallest distance, then the most rated.
    std::optional<std::uint32_t> best;
    int bestDistance = 0;
    bool bestSameYear = false;
    std::vector<int> buffer;
    for (int len = std::max(1, minLen); len <= maxLen; ++len) {
        const int allowed = r > 0 ? static_cast<int>(std::floor((1 - r) * std::max(lq, len) + 1e-9)) : cap;
        if (std::abs(len - lq) > allowed)
            continue;
        for (const std::uint32_t k : m_keysByLength[static_cast<std::size_t>(len)]) {
            const Key &candidate = m_keys[k];
            const int d = boundedLevenshtein(q.data(), lq, candidate.text.data(), len, allowed, buffer);
            if (d > allowed)
                continue;
            bool sameYear = false;
            const std::uint32_t m = pick(candidate.movies, year, &sameYear);
            sameYear = sameYear && year > 0;
            const bool take = !best
                || (sameYear != bestSameYear ? sameYear
                        : d != bestDistance  ? d < bestDistance
                                             : better(m, *best));
            if (take) {
                best = m;
                bestDistance = d;
                bestSameYear = sameYear;
            }
        }
    }
    if (!best)
        return {};
    return make(ResolutionStatus::Fuzzy, *best, bestDistance);
}

} // namespace cinetune
