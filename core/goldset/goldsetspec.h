#pragma once

#include "core/common/result.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <vector>

namespace cinetune {

// How the gold movies of a user are found (docs/GOLDSETS.md describes both precisely).
enum class GoldProtocol {
    NeighbourConsensus, // the paper's §3: movies rated by at least W % of sampled neighbours
    TemporalHoldout,    // the user's last H positive ratings, profile from the ratings before
};

// Which of the user's own movies never appear in their gold list (neighbour consensus).
enum class GoldExclude {
    Rated,   // every movie the user rated
    Profile, // only the profile movies
};

// Train / validation / test shares in percent; they add up to 100.
struct GoldSplitFractions
{
    int train = 70;
    int validation = 20;
    int test = 10;
    bool operator==(const GoldSplitFractions &) const = default;
};

// Every parameter of a gold set. A value type: the wizard's pages fill one, the CLI builds one
// from its options, and the same spec + dataset + seed always gives the same gold set.
// Defaults are the paper's profileData50 (see paper50()).
struct GoldSetSpec
{
    GoldProtocol protocol = GoldProtocol::NeighbourConsensus;

    // Users: `users` sampled uniformly (seeded) from the eligible ones, 0 = all eligible. When
    // userIds is not empty, exactly those users (source ids; order and duplicates do not matter)
    // are used instead of a sample; listed users that are not eligible are dropped and counted.
    std::uint32_t users = 10000;
    std::vector<std::uint32_t> userIds;

    // Eligibility E: at least E ratings at the top of the scale (5 stars). 0 = no requirement.
    int eligibility = 4;
    // Profile size P: the user's ratings ordered by rating desc, date desc, movie id asc; first P.
    int profileSize = 10;
    // Star threshold T in stars, a multiple of 0.5 in [0.5, 5]; ratings compare by value on the
    // half-star scale (T = 4 accepts 4, 4.5 and 5). Neighbour consensus: a neighbour rated at
    // least M profile movies with a rating >= T. Hold-out: positive ratings are >= T.
    double starThreshold = 5.0;
    // Min matches M in [1, P].
    int minMatches = 1;
    // Neighbour cap: neighbours are sampled uniformly (seeded) among the candidates; 0 = all.
    std::uint32_t neighbourCap = 10000;
    // Watch factor W in percent [1, 100]: a movie is gold if count * 100 >= W * N, where count is
    // the number of the N sampled neighbours who rated it (any rating).
    int watchFactor = 50;
    GoldExclude exclude = GoldExclude::Rated;
    // Max gold G: gold ordered by neighbour count desc, then movie id asc; the first G are kept.
    int maxGold = 10;
    // Min gold in [0, G]: users with fewer gold movies are dropped (and counted with the reason).
    int minGold = 1;
    // Hold-out size H: the number of last positive ratings held out as gold (hold-out only).
    int holdoutSize = 10;
    GoldSplitFractions split;
    // One seed drives every random choice (user sample, neighbour samples, split).
    std::uint64_t seed = 1;

    // The paper's profileData50 and profileData60 (10,000 users, 10,000 neighbours, W = 50 with
    // T = 5 stars, W = 60 with T = 4 stars) and the temporal hold-out (P = 10, H = 10, T = 4).
    static GoldSetSpec paper50();
    static GoldSetSpec paper60();
    static GoldSetSpec temporalHoldout();
    // "paper50", "paper60", "holdout"; nullopt for an unknown name.
    static std::optional<GoldSetSpec> preset(const QString &name);
    static QStringList presetNames();

    // T in half-star units (1..10), the scale of RatingStore.
    int thresholdUnits() const;

    // Checks every parameter; the error (code "invalid-argument") names the parameter and its
    // range, e.g. "min matches M must be from 1 to the profile size 10, found 11".
    [[nodiscard]] Status validate() const;

    // A stable JSON form for project files; fromJson() validates.
    QJsonObject toJson() const;
    [[nodiscard]] static Result<GoldSetSpec> fromJson(const QJsonObject &o);

    bool operator==(const GoldSetSpec &) const = default;
};

QString protocolId(GoldProtocol p); // "neighbour-consensus", "temporal-holdout"
QString excludeId(GoldExclude e);   // "rated", "profile"
std::optional<GoldExclude> excludeFromId(const QString &id);
// "5 stars", "4.5 stars", "1 star"
QString starsText(double stars);

} // namespace cinetune
