#include "core/dataset/ratingstore.h"

#include <algorithm>

namespace cinetune {

namespace {
// Howard Hinnant's days_from_civil / civil_from_days (public-domain algorithms).
constexpr int daysFromCivil(int y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<int>(doe) - 719468;
}
} // namespace

QDate dayToDate(Day day)
{
    return QDate(1970, 1, 1).addDays(day);
}

std::optional<Day> dateToDay(int year, int month, int dayOfMonth)
{
    if (month < 1 || month > 12 || dayOfMonth < 1 || year < 1970 || year > 2149)
        return std::nullopt;
    static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const int dim = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
    if (dayOfMonth > dim)
        return std::nullopt;
    const int days = daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(dayOfMonth));
    if (days < 0 || days > 65535)
        return std::nullopt;
    return static_cast<Day>(days);
}

std::optional<UserIndex> RatingStore::findUser(std::uint32_t sourceId) const
{
    const auto ids = m_p.userSourceIds.span();
    const auto it = std::lower_bound(ids.begin(), ids.end(), sourceId);
    if (it == ids.end() || *it != sourceId)
        return std::nullopt;
    return static_cast<UserIndex>(it - ids.begin());
}

RatingUnits RatingStore::ratingOf(UserIndex u, MovieIndex m) const
{
    const auto row = userEntries(u);
    const auto it = std::lower_bound(row.begin(), row.end(), makeEntry(m, 0));
    if (it == row.end() || entryIndex(*it) != m)
        return 0;
    return entryRating(*it);
}

} // namespace cinetune
