#include "core/playground/answerresolver.h"

#include "core/eval/responseparser.h"
#include "core/eval/titleresolver.h"

#include <QStringList>

#include <algorithm>

namespace cinetune {

AnswerResolver::AnswerResolver(DatasetPtr dataset)
    : m_data(std::move(dataset))
{
    if (m_data)
        m_titles = std::make_shared<const TitleResolver>(TitleResolver::fromDataset(*m_data));
}

void AnswerResolver::finish(RecommendedItem &item, const std::vector<std::uint32_t> &profile,
                            const QSet<std::uint32_t> &gold) const
{
    if (!item.movie)
        return;
    const std::uint32_t m = *item.movie;
    item.catalogueTitle = m_data->catalogue.displayTitle(m);
    const RatingStore &store = m_data->store;
    item.ratings = m < store.movieCount() ? store.movieRatingCount(m) : 0;
    item.inGold = gold.contains(m);
    if (std::find(profile.begin(), profile.end(), m) != profile.end())
        item.status = ItemStatus::Repeat;
}

std::vector<RecommendedItem> AnswerResolver::resolveText(const QString &answer, const std::vector<std::uint32_t> &profile,
                                                         const QSet<std::uint32_t> &gold, QString *whyEmpty) const
{
    std::vector<RecommendedItem> out;
    if (!m_data)
        return out;
    const ParsedResponse parsed = parseRecommendations(answer);
    if (whyEmpty)
        *whyEmpty = parsed.ok ? QString() : parsed.reason;
    int rank = 0;
    for (const ParsedItem &p : parsed.items) {
        RecommendedItem item;
        item.rank = ++rank;
        item.text = p.year > 0 ? QStringLiteral("%1 (%2)").arg(p.title).arg(p.year) : p.title;
        const Resolution r = m_titles->resolve(p.title, p.year);
        item.movie = r.movieIndex;
        switch (r.status) {
        case ResolutionStatus::Exact:
            item.status = ItemStatus::Exact;
            break;
        // The right title with another year than the model wrote: shown as a close match.
        case ResolutionStatus::ExactTitleOnly:
            item.status = p.year > 0 ? ItemStatus::Fuzzy : ItemStatus::Exact;
            break;
        case ResolutionStatus::Fuzzy:
            item.status = ItemStatus::Fuzzy;
            break;
        case ResolutionStatus::Unresolved:
            item.status = ItemStatus::NotInCatalogue;
            break;
        }
        if (!item.movie)
            item.status = ItemStatus::NotInCatalogue;
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
        if (m >= m_data->catalogue.size())
            continue;
        RecommendedItem item;
        item.rank = ++rank;
        item.movie = m;
        item.status = ItemStatus::Exact;
        item.text = m_data->catalogue.displayTitle(m);
        finish(item, profile, gold);
        out.push_back(std::move(item));
    }
    return out;
}

QString AnswerResolver::shortfall(const EngineAnswer &answer, const std::vector<RecommendedItem> &items)
{
    if (answer.error || answer.asked <= 0)
        return {};
    int usable = 0, unmatched = 0, repeats = 0;
    for (const RecommendedItem &i : items) {
        switch (i.status) {
        case ItemStatus::Exact:
        case ItemStatus::Fuzzy:
            ++usable;
            break;
        case ItemStatus::NotInCatalogue:
            ++unmatched;
            break;
        case ItemStatus::Repeat:
            ++repeats;
            break;
        }
    }
    if (usable >= answer.asked)
        return {};
    QStringList why;
    const int listed = int(items.size());
    if (listed < answer.asked) {
        if (!answer.isText)
            why.append(answer.fewerReason.isEmpty() ? tr("the baseline returned only %n movie(s)", nullptr, listed)
                                                    : answer.fewerReason);
        else if (answer.cutOff)
            why.append(tr("the answer stopped at the token limit after %n title(s)", nullptr, listed));
        else
            why.append(tr("the model listed only %n title(s)", nullptr, listed));
    }
    if (unmatched > 0)
        why.append(tr("%n title(s) in the answer did not match a movie in the dataset", nullptr, unmatched));
    if (repeats > 0)
        why.append(tr("%n title(s) repeat a movie of the profile", nullptr, repeats));
    return tr("Only %1 of %2 asked for: %3.").arg(usable).arg(answer.asked).arg(why.join(QStringLiteral("; ")));
}

QString statusSymbol(ItemStatus status)
{
    switch (status) {
    case ItemStatus::Exact:
        return QStringLiteral("✓");
    case ItemStatus::Fuzzy:
        return QStringLiteral("≈");
    case ItemStatus::NotInCatalogue:
        return QStringLiteral("✗");
    case ItemStatus::Repeat:
        return QStringLiteral("↺");
    }
    return {};
}

QString statusName(ItemStatus status)
{
    switch (status) {
    case ItemStatus::Exact:
        return AnswerResolver::tr("in the catalogue");
    case ItemStatus::Fuzzy:
        return AnswerResolver::tr("close match");
    case ItemStatus::NotInCatalogue:
        return AnswerResolver::tr("not in the catalogue");
    case ItemStatus::Repeat:
        return AnswerResolver::tr("repeats a profile movie");
    }
    return {};
}

} // namespace cinetune
