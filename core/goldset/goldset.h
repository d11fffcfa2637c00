#pragma once

#include "core/goldset/goldsetspec.h"

#include <QJsonObject>
#include <QString>

#include <array>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace cinetune {

enum class GoldSetSplit : std::uint8_t {
    Train,
    Validation,
    Test
};
inline constexpr int kGoldSetSplitCount = 3;

QString goldSetSplitId(GoldSetSplit s); // "train", "validation", "test"
std::optional<GoldSetSplit> goldSetSplitFromId(const QString &id);

// One user's line of a gold set. Ids are the dataset's source ids (never dense indices).
struct GoldSetUser
{
    std::uint32_t user = 0;             // source user id
    std::vector<std::uint32_t> profile; // source movie ids, in profile order
    std::vector<std::uint32_t> gold;    // source movie ids, in gold order
    std::uint32_t neighbours = 0;       // sampled neighbours N (0 for the temporal hold-out)
    std::uint32_t candidates = 0;       // users who qualified as neighbours before the cap
    GoldSetSplit split = GoldSetSplit::Train;

    bool operator==(const GoldSetUser &) const = default;
};

// Why a selected user has no line in the gold set.
enum class GoldDropReason : std::uint8_t {
    Ineligible,                // a listed user (userIds) below the eligibility rule
    NoNeighbours,              // nobody else rated >= M of the profile movies with a rating >= T
    NoMovieReachesWatchFactor, // no movie was rated by >= W % of the sampled neighbours
    AllExcluded,               // movies reached the watch factor, but all were excluded (rated/profile)
    TooFewGold,                // fewer gold movies than min gold
    EmptyProfile,              // hold-out: no rating before the held-out ones
};
inline constexpr int kGoldDropReasonCount = 6;

QString dropReasonId(GoldDropReason r);                            // "ineligible", "no-neighbours", ...
QString dropReasonText(GoldDropReason r, const GoldSetSpec &spec); // user-facing, translatable

// min / quartiles / max / mean of a per-user count (over the kept users).
struct CountDistribution
{
    std::uint64_t min = 0;
    std::uint64_t p25 = 0;
    std::uint64_t median = 0;
    std::uint64_t p75 = 0;
    std::uint64_t max = 0;
    double mean = 0;
    bool operator==(const CountDistribution &) const = default;
};

struct GoldSetSummary
{
    std::uint64_t datasetUsers = 0;                            // users in the dataset
    std::uint64_t eligibleUsers = 0;                           // users meeting the eligibility rule
    std::uint64_t selectedUsers = 0;                           // sampled (or listed) users the builder worked on
    std::uint64_t keptUsers = 0;                               // users with a line in the gold set
    std::array<std::uint64_t, kGoldDropReasonCount> dropped{}; // index = GoldDropReason
    std::vector<std::uint64_t> goldSizeHistogram;              // index = gold size, over kept users
    CountDistribution neighbours;                              // sampled neighbours per kept user
    CountDistribution candidates;                              // candidates (before the cap) per kept user
    CountDistribution profileSizes;
    std::uint64_t distinctGoldMovies = 0;
    // The most frequent gold movies: (source movie id, kept users having it), count desc, id asc.
    std::vector<std::pair<std::uint32_t, std::uint64_t>> topGoldMovies;
    std::array<std::uint64_t, kGoldSetSplitCount> splitCounts{};
    // Non-empty when no user was kept: why (e.g. "no user has 4 ratings of 5 stars").
    QString explanation;

    std::uint64_t droppedTotal() const;
    bool operator==(const GoldSetSummary &) const = default;
};

// A built gold set: the spec it came from, one line per kept user (ascending source user id),
// and the summary.
struct GoldSet
{
    GoldSetSpec spec;
    std::vector<GoldSetUser> users;
    GoldSetSummary summary;

    bool operator==(const GoldSet &) const = default;
};

// Assigns splits by user: the users (taken in ascending source-id order) are shuffled with a full
// Fisher–Yates of the split stream; the first round(n × train / 100) are train, up to
// round(n × (train + validation) / 100) validation, the rest test (round = half up).
void assignSplits(std::vector<GoldSetUser> &users, const GoldSplitFractions &fractions, std::uint64_t seed);
// The split sizes assignSplits() gives n users.
std::array<std::uint64_t, kGoldSetSplitCount> splitSizes(std::uint64_t n, const GoldSplitFractions &fractions);

// Recomputes the per-user parts of the summary (kept, histograms, distributions, top movies,
// split counts) from set.users; keeps the counts of eligible, selected and dropped users.
void summarize(GoldSet &set, int topMovies = 20);

// The summary as JSON (for the CLI's --json and the project file).
QJsonObject summaryToJson(const GoldSetSummary &summary);

} // namespace cinetune
