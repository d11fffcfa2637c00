#pragma once

#include "column.h"

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
inline double ratingValue(RatingUnits units) { return units / 2.0; }

// The compact rating store: dense user and movie indices, indexed by movie and by user (CSR).
// Users are numbered in ascending source-id order; movies follow the catalogue order.
//   by movie: users (4 B) + ratings (1 B) per rating
//   by user:  movies (4 B) + ratings (1 B) + days (2 B) per rating, each user's row sorted by movie
// Immutable once built; safe to read from any number of threads.
class RatingStore
{
public:
    struct Parts
    {
        Column<std::uint32_t> userSourceIds; // size U, strictly ascending
        Column<std::uint64_t> movieOffsets;  // size M + 1
        Column<std::uint32_t> movieUsers;    // size N
        Column<RatingUnits> movieRatings;    // size N
        Column<std::uint64_t> userOffsets;   // size U + 1
        Column<std::uint32_t> userMovies;    // size N
        Column<RatingUnits> userRatings;     // size N
        Column<Day> userDays;                // size N
        bool halfStars = false;              // true for MovieLens' 0.5..5 scale
    };

    RatingStore() = default;
    explicit RatingStore(Parts parts) : m_p(std::move(parts)) {}

    std::uint32_t userCount() const { return static_cast<std::uint32_t>(m_p.userSourceIds.size()); }
    std::uint32_t movieCount() const
    {
        return m_p.movieOffsets.empty() ? 0u : static_cast<std::uint32_t>(m_p.movieOffsets.size() - 1);
    }
    std::uint64_t ratingCount() const { return m_p.movieUsers.size(); }
    bool halfStars() const { return m_p.halfStars; }

    std::uint32_t userSourceId(UserIndex u) const { return m_p.userSourceIds[u]; }
    std::optional<UserIndex> findUser(std::uint32_t sourceId) const;

    std::uint64_t movieRatingCount(MovieIndex m) const { return m_p.movieOffsets[m + 1] - m_p.movieOffsets[m]; }
    std::span<const std::uint32_t> movieUsers(MovieIndex m) const
    {
        return m_p.movieUsers.span(m_p.movieOffsets[m], movieRatingCount(m));
    }
    std::span<const RatingUnits> movieRatings(MovieIndex m) const
    {
        return m_p.movieRatings.span(m_p.movieOffsets[m], movieRatingCount(m));
    }

    std::uint64_t userRatingCount(UserIndex u) const { return m_p.userOffsets[u + 1] - m_p.userOffsets[u]; }
    std::span<const std::uint32_t> userMovies(UserIndex u) const
    {
        return m_p.userMovies.span(m_p.userOffsets[u], userRatingCount(u));
    }
    std::span<const RatingUnits> userRatings(UserIndex u) const
    {
        return m_p.userRatings.span(m_p.userOffsets[u], userRatingCount(u));
    }
    std::span<const Day> userDays(UserIndex u) const { return m_p.userDays.span(m_p.userOffsets[u], userRatingCount(u)); }

    const Parts &parts() const { return m_p; }

private:
    Parts m_p;
};

} // namespace cinetune
