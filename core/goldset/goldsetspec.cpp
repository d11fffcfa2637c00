#include "core/goldset/goldsetspec.h"

#include "core/dataset/ratingstore.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <cmath>

namespace cinetune {

namespace {

class GoldSetSpecText
{
    Q_DECLARE_TR_FUNCTIONS(cinetune::GoldSetSpec)
};

Error rangeError(const QString &parameter, qint64 min, qint64 max, qint64 found)
{
    return makeError(errc::General::InvalidArgument,
                     GoldSetSpecText::tr("%1 must be from %2 to %3, found %4").arg(parameter).arg(min).arg(max).arg(found));
}

constexpr qint64 kMaxCount = kMaxIndex; // users and neighbours
constexpr int kMaxProfile = 100;
constexpr int kMaxEligibility = 1000;
constexpr int kMaxGold = 1000;
constexpr int kMaxHoldout = 1000;

const QString kNeighbourConsensus = QStringLiteral("neighbour-consensus");
const QString kTemporalHoldout = QStringLiteral("temporal-holdout");

} // namespace

GoldSetSpec GoldSetSpec::paper50()
{
    return GoldSetSpec{};
}

GoldSetSpec GoldSetSpec::paper60()
{
    GoldSetSpec s;
    s.starThreshold = 4.0;
    s.watchFactor = 60;
    return s;
}

GoldSetSpec GoldSetSpec::temporalHoldout()
{
    GoldSetSpec s;
    s.protocol = GoldProtocol::TemporalHoldout;
    s.eligibility = 0;
    s.starThreshold = 4.0;
    s.profileSize = 10;
    s.holdoutSize = 10;
    s.maxGold = 10;
    return s;
}

std::optional<GoldSetSpec> GoldSetSpec::preset(const QString &name)
{
    if (name == QLatin1String("paper50"))
        return paper50();
    if (name == QLatin1String("paper60"))
        return paper60();
    if (name == QLatin1String("holdout"))
        return temporalHoldout();
    return std::nullopt;
}

QStringList GoldSetSpec::presetNames()
{
    return {QStringLiteral("paper50"), QStringLiteral("paper60"), QStringLiteral("holdout")};
}

int GoldSetSpec::thresholdUnits() const
{
    return static_cast<int>(std::lround(starThreshold * 2));
}

Status GoldSetSpec::validate() const
{
    if (users > kMaxCount)
        return rangeError(GoldSetSpecText::tr("users"), 0, kMaxCount, users);
    if (eligibility < 0 || eligibility > kMaxEligibility)
        return rangeError(GoldSetSpecText::tr("eligibility E (ratings of 5 stars)"), 0, kMaxEligibility, eligibility);
    if (profileSize < 1 || profileSize > kMaxProfile)
        return rangeError(GoldSetSpecText::tr("profile size P"), 1, kMaxProfile, profileSize);
    const double twice = starThreshold * 2;
    if (!std::isfinite(starThreshold) || twice < 1 || twice > 10 || twice != std::round(twice))
        return makeError(
            errc::General::InvalidArgument,
            GoldSetSpecText::tr("star threshold T must be a multiple of 0.5 from 0.5 to 5 stars, found %1").arg(starThreshold));
    if (split.train < 0 || split.train > 100)
        return rangeError(GoldSetSpecText::tr("train share (%)"), 0, 100, split.train);
    if (split.validation < 0 || split.validation > 100)
        return rangeError(GoldSetSpecText::tr("validation share (%)"), 0, 100, split.validation);
    if (split.test < 0 || split.test > 100)
        return rangeError(GoldSetSpecText::tr("test share (%)"), 0, 100, split.test);
    if (split.train + split.validation + split.test != 100)
        return makeError(errc::General::InvalidArgument,
                         GoldSetSpecText::tr("split shares must add up to 100 %, found %1/%2/%3 = %4 %")
                             .arg(split.train)
                             .arg(split.validation)
                             .arg(split.test)
                             .arg(split.train + split.validation + split.test));
    if (protocol == GoldProtocol::TemporalHoldout) {
        if (holdoutSize < 1 || holdoutSize > kMaxHoldout)
            return rangeError(GoldSetSpecText::tr("hold-out size H"), 1, kMaxHoldout, holdoutSize);
        return Ok{};
    }
    if (minMatches < 1 || minMatches > profileSize)
        return makeError(errc::General::InvalidArgument,
                         GoldSetSpecText::tr("min matches M must be from 1 to the profile size %1, found %2")
                             .arg(profileSize)
                             .arg(minMatches));
    if (neighbourCap > kMaxCount)
        return rangeError(GoldSetSpecText::tr("neighbour cap"), 0, kMaxCount, neighbourCap);
    if (watchFactor < 1 || watchFactor > 100)
        return rangeError(GoldSetSpecText::tr("watch factor W (%)"), 1, 100, watchFactor);
    if (maxGold < 1 || maxGold > kMaxGold)
        return rangeError(GoldSetSpecText::tr("max gold G"), 1, kMaxGold, maxGold);
    if (minGold < 0 || minGold > maxGold)
        return makeError(errc::General::InvalidArgument,
                         GoldSetSpecText::tr("min gold must be from 0 to max gold %1, found %2").arg(maxGold).arg(minGold));
    return Ok{};
}

QString protocolId(GoldProtocol p)
{
    return p == GoldProtocol::TemporalHoldout ? kTemporalHoldout : kNeighbourConsensus;
}

QString excludeId(GoldExclude e)
{
    return e == GoldExclude::Profile ? QStringLiteral("profile") : QStringLiteral("rated");
}

std::optional<GoldExclude> excludeFromId(const QString &id)
{
    if (id == QLatin1String("rated"))
        return GoldExclude::Rated;
    if (id == QLatin1String("profile"))
        return GoldExclude::Profile;
    return std::nullopt;
}

QString starsText(double stars)
{
    const QString n = stars == std::floor(stars) ? QString::number(static_cast<int>(stars)) : QString::number(stars, 'f', 1);
    return stars == 1.0 ? GoldSetSpecText::tr("%1 star").arg(n) : GoldSetSpecText::tr("%1 stars").arg(n);
}

QJsonObject GoldSetSpec::toJson() const
{
    QJsonObject o;
    o[QStringLiteral("protocol")] = protocolId(protocol);
    o[QStringLiteral("users")] = static_cast<qint64>(users);
    QJsonArray ids;
    for (std::uint32_t id : userIds)
        ids.append(static_cast<qint64>(id));
    o[QStringLiteral("user_ids")] = ids;
    o[QStringLiteral("eligibility")] = eligibility;
    o[QStringLiteral("profile_size")] = profileSize;
    o[QStringLiteral("star_threshold")] = starThreshold;
    o[QStringLiteral("min_matches")] = minMatches;
    o[QStringLiteral("neighbour_cap")] = static_cast<qint64>(neighbourCap);
    o[QStringLiteral("watch_factor")] = watchFactor;
    o[QStringLiteral("exclude")] = excludeId(exclude);
    o[QStringLiteral("max_gold")] = maxGold;
    o[QStringLiteral("min_gold")] = minGold;
    o[QStringLiteral("holdout_size")] = holdoutSize;
    o[QStringLiteral("split")] = QJsonArray{split.train, split.validation, split.test};
    // The seed is a full 64-bit value: kept as a decimal string (JSON numbers are doubles).
    o[QStringLiteral("seed")] = QString::number(seed);
    return o;
}

Result<GoldSetSpec> GoldSetSpec::fromJson(const QJsonObject &o)
{
    GoldSetSpec s;
    auto bad = [](const QString &key) {
        return makeError(errc::General::InvalidArgument, GoldSetSpecText::tr("gold-set spec: bad or missing \"%1\"").arg(key));
    };
    auto integer = [&](const char *key, qint64 &out) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined())
            return true; // keep the default
        if (!v.isDouble() || v.toDouble() != std::floor(v.toDouble()) || std::abs(v.toDouble()) > 9.0e15)
            return false;
        out = static_cast<qint64>(v.toDouble());
        return true;
    };
    const QString protocol = o.value(QStringLiteral("protocol")).toString(kNeighbourConsensus);
    if (protocol == kTemporalHoldout)
        s.protocol = GoldProtocol::TemporalHoldout;
    else if (protocol != kNeighbourConsensus)
        return bad(QStringLiteral("protocol"));
    struct IntField
    {
        const char *key;
        qint64 value;
    };
    IntField fields[] = {{"users", s.users},
                         {"eligibility", s.eligibility},
                         {"profile_size", s.profileSize},
                         {"min_matches", s.minMatches},
                         {"neighbour_cap", s.neighbourCap},
                         {"watch_factor", s.watchFactor},
                         {"max_gold", s.maxGold},
                         {"min_gold", s.minGold},
                         {"holdout_size", s.holdoutSize}};
    for (IntField &f : fields) {
        if (!integer(f.key, f.value) || f.value < 0 || f.value > kMaxCount)
            return bad(QLatin1String(f.key));
    }
    s.users = static_cast<std::uint32_t>(fields[0].value);
    s.eligibility = static_cast<int>(fields[1].value);
    s.profileSize = static_cast<int>(fields[2].value);
    s.minMatches = static_cast<int>(fields[3].value);
    s.neighbourCap = static_cast<std::uint32_t>(fields[4].value);
    s.watchFactor = static_cast<int>(fields[5].value);
    s.maxGold = static_cast<int>(fields[6].value);
    s.minGold = static_cast<int>(fields[7].value);
    s.holdoutSize = static_cast<int>(fields[8].value);
    if (o.contains(QStringLiteral("user_ids"))) {
        const QJsonValue v = o.value(QStringLiteral("user_ids"));
        if (!v.isArray())
            return bad(QStringLiteral("user_ids"));
        for (const QJsonValue &id : v.toArray()) {
            const double d = id.toDouble(-1);
            if (!id.isDouble() || d < 0 || d > 4294967295.0 || d != std::floor(d))
                return bad(QStringLiteral("user_ids"));
            s.userIds.push_back(static_cast<std::uint32_t>(d));
        }
    }
    if (o.contains(QStringLiteral("star_threshold"))) {
        if (!o.value(QStringLiteral("star_threshold")).isDouble())
            return bad(QStringLiteral("star_threshold"));
        s.starThreshold = o.value(QStringLiteral("star_threshold")).toDouble();
    }
    if (o.contains(QStringLiteral("exclude"))) {
        const auto e = excludeFromId(o.value(QStringLiteral("exclude")).toString());
        if (!e)
            return bad(QStringLiteral("exclude"));
        s.exclude = *e;
    }
    if (o.contains(QStringLiteral("split"))) {
        const QJsonArray a = o.value(QStringLiteral("split")).toArray();
        if (a.size() != 3 || !a[0].isDouble() || !a[1].isDouble() || !a[2].isDouble())
            return bad(QStringLiteral("split"));
        s.split = {a[0].toInt(-1), a[1].toInt(-1), a[2].toInt(-1)};
    }
    if (o.contains(QStringLiteral("seed"))) {
        bool ok = false;
        s.seed = o.value(QStringLiteral("seed")).toString().toULongLong(&ok);
        if (!ok)
            return bad(QStringLiteral("seed"));
    }
    if (auto v = s.validate(); !v)
        return v.error();
    return s;
}

} // namespace cinetune
