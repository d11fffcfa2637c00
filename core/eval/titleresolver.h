#pragma once

#include <QHash>
#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace cinetune {

class Catalogue;
struct Dataset;

enum class ResolutionStatus : std::uint8_t {
    Exact,          // normalised title and year equal
    ExactTitleOnly, // normalised title equal; no year given, or no candidate has that year
    Fuzzy,          // within the edit distance (or similarity) of a normalised title
    Unresolved,     // nothing close enough: a hallucinated title
};

struct ResolverOptions
{
    int maxEditDistance = 2;  // Levenshtein distance on normalised titles
    double minSimilarity = 0; // > 0: accept 1 - distance / max(length) >= minSimilarity instead
    bool fuzzy = true;        // false: exact matches only
};

struct Resolution
{
    ResolutionStatus status = ResolutionStatus::Unresolved;
    std::optional<std::uint32_t> movieIndex; // catalogue index
    std::uint32_t sourceId = 0;
    int distance = 0;     // edit distance of a fuzzy match (0 otherwise)
    QString matchedTitle; // the catalogue's display title, "The Matrix (1999)"
};

// "exact", "exact-title", "fuzzy(d=1)", "unresolved"
QString resolutionHow(const Resolution &r);
QString resolutionStatusId(ResolutionStatus s); // "exact", "exact-title", "fuzzy", "unresolved"

// The matching key of a title: a trailing article (", The", ", Les", ...) removed; NFKD with
// diacritics stripped; case folded; "&" read as "and"; apostrophes dropped; other punctuation
// as spaces; white space collapsed; a leading English article (the/a/an) removed.
// "Matrix, The" and "The Matrix" -> "matrix"; "Amélie" -> "amelie"; "Schindler's List" -> "schindlers list".
QString normalizeTitle(const QString &title);

// Splits a trailing year in parentheses off a title: "Heat (1995)" -> ("Heat", 1995).
std::pair<QString, int> splitTitleYear(const QString &text);

// Resolves free-text titles (from model answers) to catalogue movies. Each movie is indexed under
// several keys: its title with the article at the end and at the front, the part before an
// alternative title in parentheses, and each alternative title ("a.k.a. ..." or a translation),
// so "Amelie (Fabuleux destin d'Amélie Poulain, Le)" answers to "Amélie".
// Immutable after construction; resolve() may be called from any number of threads.
class TitleResolver
{
public:
    // popularity: rating count per catalogue index (for tie-breaks); empty = all equal.
    TitleResolver(const Catalogue &catalogue, std::vector<std::uint64_t> popularity = {}, ResolverOptions options = {});
    static TitleResolver fromDataset(const Dataset &dataset, ResolverOptions options = {});

    // `year` 0 = take it from a trailing "(1999)" in the title, if any.
    Resolution resolve(const QString &title, int year = 0) const;

    const ResolverOptions &options() const { return m_options; }
    std::size_t keyCount() const { return m_keys.size(); }

private:
    struct MovieInfo
    {
        std::uint32_t sourceId = 0;
        int year = 0;
        std::uint64_t popularity = 0;
        QString display;
    };
    struct Key
    {
        std::u16string text;
        std::vector<std::uint32_t> movies; // catalogue indices
    };

    void addKey(const QString &key, std::uint32_t movie);
    Resolution make(ResolutionStatus status, std::uint32_t movie, int distance) const;
    // Of `movies`, the preferred one for `year`: the same year, then ±1, then the most rated.
    std::uint32_t pick(const std::vector<std::uint32_t> &movies, int year, bool *sameYear) const;
    bool better(std::uint32_t a, std::uint32_t b) const; // a more rated than b (ties: lower index)

    ResolverOptions m_options;
    std::vector<MovieInfo> m_movies;
    std::vector<Key> m_keys;
    QHash<QString, std::uint32_t> m_keyIndex;
    std::vector<std::vector<std::uint32_t>> m_keysByLength; // key ids by key length
};

} // namespace cinetune
