#pragma once

#include <QHash>
#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace cinetune {

struct Movie
{
    std::uint32_t sourceId = 0;
    int year = 0;          // 0 = unknown (e.g. NULL in movie_titles.csv)
    QString title;         // display title with a trailing article moved to the front: "The Matrix"
    QString originalTitle; // the text exactly as in the source file, decoded
    bool listed = true;    // false when the movie only appears in the ratings (titled "Movie <id>")
};

struct TitleParts
{
    QString title;
    int year = 0;
};

// "Matrix, The (1999)" -> {"The Matrix", 1999}; "Café (2001)" -> {"Café", 2001}; keeps
// alternative titles "(a.k.a. ...)" and handles "Title, The (Alt) (1999)".
TitleParts splitTitle(const QString &original);
// Moves a trailing article (", The" / ", A" / ", An" / ", Les" / ", Die" ...) to the front.
QString frontArticle(const QString &title);

class Catalogue
{
public:
    void reserve(std::size_t n) { m_movies.reserve(n); }
    // Returns the new movie's index. Source ids must be unique (checked by the caller).
    std::uint32_t add(Movie movie);
    std::size_t size() const { return m_movies.size(); }
    const Movie &movie(std::uint32_t index) const { return m_movies[index]; }
    const std::vector<Movie> &movies() const { return m_movies; }
    std::optional<std::uint32_t> find(std::uint32_t sourceId) const;
    // "Title (Year)" or "Title" when the year is unknown.
    QString displayTitle(std::uint32_t index) const;

private:
    std::vector<Movie> m_movies;
    QHash<std::uint32_t, std::uint32_t> m_index;
};

} // namespace cinetune
