#include "core/dataset/datasetstats.h"

#include "core/common/parallel.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>

namespace cinetune {

QString ratingLabel(int units, bool halfStars)
{
    if (halfStars)
        return QString::number(units / 2.0, 'f', 1);
    return QString::number(units / 2);
}

DatasetStats computeStats(const RatingStore &store, std::size_t catalogueSize, int threadsRequested)
{
    DatasetStats s;
    const int threads = resolveThreads(threadsRequested);
    s.ratings = store.ratingCount();
    s.users = store.userCount();
    s.movies = static_cast<std::uint32_t>(catalogueSize);
    const std::uint32_t U = store.userCount();
    const std::uint32_t M = store.movieCount();

    // Per-user pass (sequential memory): histogram, days, activity.
    struct Partial
    {
        std::array<std::uint64_t, 11> hist{};
        std::vector<std::uint64_t> perDay; // indexed by day - 0, grown lazily
        Day minDay = std::numeric_limits<Day>::max();
        Day maxDay = 0;
        std::vector<std::uint64_t> activity;
    };
    const std::size_t parts = static_cast<std::size_t>(threads) * 4;
    std::vector<Partial> partials(parts);
    const auto &p = store.parts();
    parallelFor(threads, parts, [&](std::size_t part, int) {
        Partial &pa = partials[part];
        const std::uint32_t ub = static_cast<std::uint32_t>(std::uint64_t{U} * part / parts);
        const std::uint32_t ue = static_cast<std::uint32_t>(std::uint64_t{U} * (part + 1) / parts);
        pa.perDay.assign(65536, 0);
        pa.activity.assign(33, 0);
        const std::uint64_t b = U ? p.userOffsets[ub] : 0;
        const std::uint64_t e = U ? p.userOffsets[ue] : 0;
        const Entry *r = p.userEntries.data();
        const Day *d = p.userDays.data();
        for (std::uint64_t i = b; i < e; ++i) {
            const RatingUnits units = entryRating(r[i]);
            ++pa.hist[units <= 10 ? units : 0];
            ++pa.perDay[d[i]];
        }
        for (std::uint32_t u = ub; u < ue; ++u) {
            const std::uint64_t n = store.userRatingCount(u);
            if (n == 0)
                continue;
            ++pa.activity[static_cast<std::size_t>(std::bit_width(n) - 1)];
        }
    });
    std::vector<std::uint64_t> perDay(65536, 0);
    std::vector<std::uint64_t> activity(33, 0);
    for (const Partial &pa : partials) {
        for (int i = 0; i < 11; ++i)
            s.histogram[static_cast<std::size_t>(i)] += pa.hist[static_cast<std::size_t>(i)];
        for (std::size_t i = 0; i < 65536; ++i)
            perDay[i] += pa.perDay[i];
        for (std::size_t i = 0; i < 33; ++i)
            activity[i] += pa.activity[i];
    }
    int firstDay = -1;
    int lastDay = -1;
    for (int i = 0; i < 65536; ++i)
        if (perDay[static_cast<std::size_t>(i)]) {
            if (firstDay < 0)
                firstDay = i;
            lastDay = i;
        }
    if (firstDay >= 0) {
        s.firstDate = dayToDate(static_cast<Day>(firstDay));
        s.lastDate = dayToDate(static_cast<Day>(lastDay));
        QDate month(s.firstDate.year(), s.firstDate.month(), 1);
        const QDate lastMonth(s.lastDate.year(), s.lastDate.month(), 1);
        int day = firstDay;
        while (month <= lastMonth) {
            const QDate next = month.addMonths(1);
            const int nextDay = static_cast<int>(QDate(1970, 1, 1).daysTo(next));
            std::uint64_t count = 0;
            for (; day < nextDay && day <= lastDay; ++day)
                count += perDay[static_cast<std::size_t>(day)];
            s.perMonth.push_back({month.year(), month.month(), count});
            month = next;
        }
    }
    while (!activity.empty() && activity.back() == 0)
        activity.pop_back();
    s.userActivityLog2 = std::move(activity);

    // Per-movie pass: means and popularity.
    s.movieMean.assign(M, std::numeric_limits<float>::quiet_NaN());
    parallelFor(threads, parts, [&](std::size_t part, int) {
        const std::uint32_t mb = static_cast<std::uint32_t>(std::uint64_t{M} * part / parts);
        const std::uint32_t me = static_cast<std::uint32_t>(std::uint64_t{M} * (part + 1) / parts);
        for (std::uint32_t m = mb; m < me; ++m) {
            const auto r = store.movieEntries(m);
            if (r.empty())
                continue;
            std::uint64_t sum = 0;
            for (Entry x : r)
                sum += entryRating(x);
            s.movieMean[m] = static_cast<float>(static_cast<double>(sum) / (2.0 * static_cast<double>(r.size())));
        }
    });
    s.popularitySorted.reserve(M);
    for (std::uint32_t m = 0; m < M; ++m)
        if (const std::uint64_t n = store.movieRatingCount(m))
            s.popularitySorted.push_back(n);
    std::sort(s.popularitySorted.begin(), s.popularitySorted.end(), std::greater<>());
    s.ratedMovies = static_cast<std::uint32_t>(s.popularitySorted.size());
    if (s.users && s.ratedMovies)
        s.density = static_cast<double>(s.ratings) / (static_cast<double>(s.users) * s.ratedMovies);
    return s;
}

} // namespace cinetune
