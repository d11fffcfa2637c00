#include "core/eval/heldout.h"

#include <QCryptographicHash>

#include <algorithm>
#include <limits>
#include <unordered_map>

namespace cinetune {

namespace {

// The chronological key of the temporal hold-out: day, then source movie id.
std::uint64_t chronoKey(const Catalogue &catalogue, Day day, MovieIndex m)
{
    const std::uint32_t id = m < catalogue.size() ? catalogue.movie(m).sourceId : m;
    return std::uint64_t{day} << 32 | id;
}

// The key of the user's first rating of a gold movie; max when none.
std::uint64_t cutKey(const RatingStore &store, const Catalogue &catalogue, UserIndex user, const GoldSetUser &line)
{
    const auto row = store.userEntries(user);
    const auto days = store.userDays(user);
    std::uint64_t cut = std::numeric_limits<std::uint64_t>::max();
    for (std::uint32_t id : line.gold) {
        const auto m = catalogue.find(id);
        if (!m)
            continue;
        const auto it = std::lower_bound(row.begin(), row.end(), makeEntry(*m, 0));
        if (it != row.end() && entryIndex(*it) == *m)
            cut = std::min(cut, chronoKey(catalogue, days[std::size_t(it - row.begin())], *m));
    }
    return cut;
}

} // namespace

std::uint64_t heldOutRatingCount(const RatingStore &store, const Catalogue &catalogue, UserIndex user, const GoldSetUser &line)
{
    const std::uint64_t cut = cutKey(store, catalogue, user, line);
    if (cut == std::numeric_limits<std::uint64_t>::max())
        return 0;
    const auto row = store.userEntries(user);
    const auto days = store.userDays(user);
    std::uint64_t n = 0;
    for (std::size_t i = 0; i < row.size(); ++i)
        n += chronoKey(catalogue, days[i], entryIndex(row[i])) >= cut;
    return n;
}

std::shared_ptr<const Dataset> datasetWithoutHeldOut(const Dataset &dataset, const std::vector<GoldSetUser> &evaluated,
                                                     std::uint64_t *heldOut)
{
    const RatingStore &store = dataset.store;
    const Catalogue &catalogue = dataset.catalogue;
    // Per affected user: the cut key (users not affected are absent).
    std::unordered_map<UserIndex, std::uint64_t> cuts;
    for (const GoldSetUser &line : evaluated) {
        const auto u = store.findUser(line.user);
        if (!u)
            continue;
        const std::uint64_t cut = cutKey(store, catalogue, *u, line);
        if (cut == std::numeric_limits<std::uint64_t>::max())
            continue;
        auto [it, inserted] = cuts.emplace(*u, cut);
        if (!inserted)
            it->second = std::min(it->second, cut);
    }
    if (heldOut)
        *heldOut = 0;
    if (cuts.empty())
        return nullptr;

    const std::uint32_t users = store.userCount(), movies = store.movieCount();
    const auto hidden = [&](UserIndex u, std::size_t i) {
        const auto it = cuts.find(u);
        return it != cuts.end() && chronoKey(catalogue, store.userDays(u)[i], entryIndex(store.userEntries(u)[i])) >= it->second;
    };
    // User side, and the hidden (user, movie) pairs for the movie side and the fingerprint.
    std::vector<std::uint64_t> userOffsets{0};
    userOffsets.reserve(users + 1u);
    std::vector<Entry> userEntries;
    std::vector<Day> userDays;
    userEntries.reserve(store.ratingCount());
    userDays.reserve(store.ratingCount());
    std::vector<std::vector<MovieIndex>> hiddenMovies(users); // sorted (rows are sorted by movie)
    QCryptographicHash hash(QCryptographicHash::Sha256);
    std::uint64_t removed = 0;
    for (UserIndex u = 0; u < users; ++u) {
        const auto row = store.userEntries(u);
        const auto days = store.userDays(u);
        const bool affected = cuts.contains(u);
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (affected && hidden(u, i)) {
                hiddenMovies[u].push_back(entryIndex(row[i]));
                const std::uint32_t pair[2] = {store.userSourceId(u), std::uint32_t(chronoKey(catalogue, 0, entryIndex(row[i])))};
                hash.addData(QByteArrayView(reinterpret_cast<const char *>(pair), sizeof pair));
                ++removed;
                continue;
            }
            userEntries.push_back(row[i]);
            userDays.push_back(days[i]);
        }
        userOffsets.push_back(userEntries.size());
    }
    if (heldOut)
        *heldOut = removed;
    if (removed == 0)
        return nullptr;
    // Movie side, in the original order within each movie.
    std::vector<std::uint64_t> movieOffsets{0};
    movieOffsets.reserve(movies + 1u);
    std::vector<Entry> movieEntries;
    movieEntries.reserve(userEntries.size());
    for (MovieIndex m = 0; m < movies; ++m) {
        for (Entry e : store.movieEntries(m)) {
            const auto &h = hiddenMovies[entryIndex(e)];
            if (!h.empty() && std::binary_search(h.begin(), h.end(), m))
                continue;
            movieEntries.push_back(e);
        }
        movieOffsets.push_back(movieEntries.size());
    }

    RatingStore::Parts parts;
    parts.userSourceIds = store.parts().userSourceIds;
    parts.halfStars = store.halfStars();
    parts.userOffsets = Column<std::uint64_t>::fromVector(std::move(userOffsets));
    parts.userEntries = Column<Entry>::fromVector(std::move(userEntries));
    parts.userDays = Column<Day>::fromVector(std::move(userDays));
    parts.movieOffsets = Column<std::uint64_t>::fromVector(std::move(movieOffsets));
    parts.movieEntries = Column<Entry>::fromVector(std::move(movieEntries));

    auto view = std::make_shared<Dataset>();
    view->source = dataset.source;
    view->catalogue = dataset.catalogue;
    view->store = RatingStore(std::move(parts));
    view->stats = dataset.stats;
    view->warnings = dataset.warnings;
    if (!dataset.fingerprint.isEmpty())
        view->fingerprint = dataset.fingerprint + "-heldout-" + hash.result().toHex().left(16);
    view->fromCache = dataset.fromCache;
    return view;
}

DatasetPtr visibleDataset(const DatasetPtr &dataset, const std::vector<GoldSetUser> &evaluated, std::uint64_t *heldOut)
{
    if (!dataset)
        return dataset;
    auto view = datasetWithoutHeldOut(*dataset, evaluated, heldOut);
    return view ? view : dataset;
}

} // namespace cinetune
