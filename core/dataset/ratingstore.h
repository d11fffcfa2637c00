#pragma once

#include "core/dataset/column.h"

#include <QDate>

#include <cstdint>
#include <optional>
#include <span>

namespace cinetune {

using UserIndex = std::uint32_t;
using MovieIndex = std::uint32_t;

// Ratings are stored in half-star units (rating * 2): 1..10 for 0.5..5 stars, 2..10 for 1..5.
using RatingUnits = std::uint8_t;
// Dates are stored as days since 1970-01-01 (day resolution for every format).
using Day = std::uint16_t;

QDate dayToDate(Day day);
std::optional<Day> dateToDay(int year, int month, int dayOfMonth); // nullopt if impossible/out of range
inline double ratingValue(RatingUnits units)
{
    return units / 2.0;
}

// Ratings are packed with the other side's index into one 32-bit entry: index << 4 | units.
using Entry = std::uint32_t;
inline constexpr std::uint32_t entryIndex(Entry e)
{
    return e >> 4;
}
inline constexpr RatingUnits entryRating(Entry e)
{
    return static_cast<RatingUnits>(e & 15u);
}
inline constexpr Entry makeEntry(std::uint32_t index, RatingUnits units)
{
    return index << 4 | units;
}
inline constexpr std::uint32_t kMaxIndex = (1u << 28) - 1; // users and movies per dataset

// The compact rating store: dense user and movie indices, indexed by movie and by user (CSR).
// Users are numbered in ascending source-id order; movies follow the catalogue order.
//   by movie: entries (user << 4 | rating), 4 B per rating, in file order within a movie
//   by user:  entries (movie << 4 | rating) + days, 6 B per rating, each row sorted by movie
// Immutable once built; safe to read from any number of threads.
class RatingStore
{
public:
    struct Parts
    {
        Column<std::uint32_t> userSourceIds; // size U, strictly ascending
        Column<std::uint64_t> movieOffsets;  // size M + 1
        Column<Entry> movieEntries;          // size N
        Column<std::uint64_t> userOffsets;   // size U + 1
        Column<Entry> userEntries;           // size N
        Column<Day> userDays;                // size N
        bool halfStars = false;              // true for MovieLens' 0.5..5 scale
    };

    RatingStore() = default;
    explicit RatingStore(Parts parts)
        : m_p(std::move(parts))
    {}

    std::uint32_t userCount() const { return static_cast<std::uint32_t>(m_p.userSourceIds.size()); }
    std::uint32_t movieCount() const
    {
        return m_p.movieOffsets.empty() ? 0u : static_cast<std::uint32_t>(m_p.movieOffsets.size() - 1);
    }
    std::uint64_t ratingCount() const { return m_p.movieEntries.size(); }
    bool halfStars() const { return m_p.halfStars; }

    std::uint32_t userSourceId(UserIndex u) const { return m_p.userSourceIds[u]; }
    std::optional<UserIndex> findUser(std::uint32_t sourceId) const;

    std::uint64_t movieRatingCount(MovieIndex m) const { return m_p.movieOffsets[m + 1] - m_p.movieOffsets[m]; }
    // (user << 4 | rating) for every rating of movie m.
    std::span<const Entry> movieEntries(MovieIndex m) const
    {
        return m_p.movieEntries.span(m_p.movieOffsets[m], movieRatingCount(m));
    }

    std::uint64_t userRatingCount(UserIndex u) const { return m_p.userOffsets[u + 1] - m_p.userOffsets[u]; }
    // (movie << 4 | rating) for every rating of user u, ascending by movie.
    std::span<const Entry> userEntries(UserIndex u) const { return m_p.userEntries.span(m_p.userOffsets[u], userRatingCount(u)); }
    std::span<const Day> userDays(UserIndex u) const { return m_p.userDays.span(m_p.userOffsets[u], userRatingCount(u)); }
    // The rating user u gave movie m, or 0 when none (binary search in the user's row).
    RatingUnits ratingOf(UserIndex u, MovieIndex m) const;

    const Parts &parts() const { return m_p; }

private:
    Parts m_p;
};

} // namespace cinetune
