#include "core/synth/synthgenerator.h"
#include "core/synth/synthtitles.h"

#include <QCoreApplication>
#include <QDate>
#include <QDir>
#include <QFile>
#include <QThread>

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cmath>
#include <condition_variable>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace cinetune::synth {

void Generator::setup()
{
    const QDate first(1999, 11, 11);
    m_span = static_cast<int>(first.daysTo(QDate(2005, 12, 31)));
    m_dates.resize(static_cast<std::size_t>(m_span) + 1);
    for (int d = 0; d <= m_span; ++d) {
        const QByteArray text = first.addDays(d).toString(QStringLiteral("yyyy-MM-dd")).toLatin1();
        std::memcpy(m_dates[static_cast<std::size_t>(d)].data(), text.constData(), 10);
    }
    setupUsers();
    setupMovies();
    fitUserWeights();
    setupSamplers();
    setupGuarantees();
    setupThresholds();
}

void Generator::setupUsers()
{
    const std::uint32_t n = m_opt.users;
    m_users.resize(n);
    m_activity.resize(n);

    // Customer ids: n distinct values of 1..N in ascending order (Knuth's selection sampling).
    const std::uint32_t idRange = std::max(kRealMaxCustomerId, n);
    Rng ids(m_opt.seed, StreamIds, 0);
    std::uint32_t chosen = 0;
    for (std::uint32_t id = 1; id <= idRange && chosen < n; ++id) {
        if (ids.below(idRange - id + 1) < n - chosen) {
            UserRec &u = m_users[chosen++];
            std::memset(u.id, 0, sizeof u.id);
            const std::string text = std::to_string(id);
            std::memcpy(u.id, text.data(), text.size());
            u.idLength = static_cast<std::uint8_t>(text.size());
        }
    }

    double clusterTotal = 0;
    for (const Genre &g : genres())
        clusterTotal += g.weight;
    const double growth = std::expm1(kTimeGrowth);
    for (std::uint32_t i = 0; i < n; ++i) {
        Rng rng(m_opt.seed, StreamUser, i);
        UserRec &u = m_users[i];
        m_activity[i] = std::max(1.0, kActivityMedian * std::exp(kActivitySigma * rng.normal()));
        u.bias = static_cast<float>(kBiasSigma * rng.normal());
        const double r = rng.uniform();
        const int favourites = r < 0.45 ? 1 : r < 0.85 ? 2 : 3;
        u.favourites = 0;
        for (int f = 0; f < favourites; ++f) {
            for (int attempt = 0; attempt < 8; ++attempt) {
                double x = rng.uniform() * clusterTotal;
                int k = 0;
                while (k < kClusters - 1 && x >= genres()[static_cast<std::size_t>(k)].weight) {
                    x -= genres()[static_cast<std::size_t>(k)].weight;
                    ++k;
                }
                if (!(u.favourites & (1u << k))) {
                    u.favourites |= 1u << k;
                    break;
                }
            }
        }
        // Active window: starts more often late (growing membership), lasts a random part of
        // the remaining time, longer for more active users.
        const double start = m_span * std::log1p(rng.uniform() * growth) / kTimeGrowth;
        const double stay = std::pow(rng.uniform(), 0.6) * (0.5 + 0.5 * std::min(1.0, m_activity[i] / 400.0));
        u.start = static_cast<std::uint16_t>(std::min<double>(m_span, start));
        u.end = static_cast<std::uint16_t>(std::min<double>(m_span, u.start + (m_span - u.start) * stay));
    }
}

void Generator::setupMovies()
{
    const std::uint32_t m = m_opt.movies;
    m_movies.resize(m);
    m_titles.resize(m);
    const auto &gs = genres();
    double clusterTotal = 0;
    for (const Genre &g : gs)
        clusterTotal += g.weight;
    auto drawCluster = [&](Rng &rng) {
        double x = rng.uniform() * clusterTotal;
        int k = 0;
        while (k < kClusters - 1 && x >= gs[static_cast<std::size_t>(k)].weight) {
            x -= gs[static_cast<std::size_t>(k)].weight;
            ++k;
        }
        return static_cast<std::uint8_t>(k);
    };
    // Fixed positions that always carry the rarer features (scaled from the real file).
    auto scaled = [m](std::uint32_t realId) {
        return static_cast<std::uint32_t>(
            std::max<std::uint64_t>(1, (std::uint64_t(realId) * m + kRealMovies / 2) / kRealMovies));
    };
    const std::uint32_t forcedComma = scaled(72), forcedNull = scaled(4388), forcedLatin1 = scaled(6483);

    const QDate first(1999, 11, 11);
    std::vector<double> z(m);
    for (std::uint32_t i = 0; i < m; ++i) {
        Rng rng(m_opt.seed, StreamMovie, i);
        MovieRec &mv = m_movies[i];
        mv.primary = drawCluster(rng);
        mv.clusters = 1u << mv.primary;
        if (rng.chance(kSecondClusterShare)) {
            const std::uint8_t k = drawCluster(rng);
            if (k != mv.primary) {
                mv.secondary = k;
                mv.clusters |= 1u << k;
            }
        }
        // Release years 1920..2005 skewed recent; 2005 is a partial year as in the real file.
        if (rng.chance(0.03)) {
            mv.year = 2005;
        } else {
            do {
                mv.year = 2004 - static_cast<int>(-std::log(1.0 - rng.uniform()) * 11.0);
            } while (mv.year < 1920);
        }
        const bool nullYear = i + 1 == forcedNull || rng.chance(0.0004);
        double zp = rng.normal();
        if (mv.year >= 1998)
            zp += 0.3;
        else if (mv.year < 1970)
            zp -= 0.4;
        z[i] = zp;
        const double own = rng.normal();
        mv.quality = static_cast<float>(
            kQualitySigma * (kQualityPopularity * (zp - 0.1) + std::sqrt(1 - kQualityPopularity * kQualityPopularity) * own));
        if (mv.year >= 2000) {
            const int day = static_cast<int>(first.daysTo(QDate(mv.year, 1, 1))) + static_cast<int>(rng.below(300));
            mv.releaseDay = static_cast<std::uint16_t>(std::clamp(day, 0, m_span - 30));
        }
        if (nullYear)
            mv.year = 0;
        Rng titleRng(m_opt.seed, StreamTitle, i);
        TitleFlags flags;
        flags.comma = i + 1 == forcedComma;
        flags.latin1 = i + 1 == forcedLatin1;
        m_titles[i] = makeTitle(gs[mv.primary], flags, titleRng);
    }

    // Popularity: lognormal raw counts with a soft cap, μ fitted so the expected total is
    // users × 209.25. Every movie gets at least one rating when the budget allows it.
    const double total = kRatingsPerUser * m_opt.users;
    const double cap = std::max(1.0, kPopularityCap * m_opt.users);
    const double minimum = total >= 2.0 * m ? 1.0 : 0.0;
    auto count = [&](double mu, std::uint32_t i) {
        const double raw = std::exp(mu + kPopularitySigma * z[i]);
        return std::max(minimum, cap * -std::expm1(-raw / cap));
    };
    double lo = -30, hi = 40;
    for (int iter = 0; iter < 100; ++iter) {
        const double mid = 0.5 * (lo + hi);
        double sum = 0;
        for (std::uint32_t i = 0; i < m; ++i)
            sum += count(mid, i);
        (sum < total ? lo : hi) = mid;
    }
    m_expected = 0;
    for (std::uint32_t i = 0; i < m; ++i) {
        Rng rng(m_opt.seed, StreamMovie, 0x100000000ull + i);
        const double c = count(lo, i);
        const auto whole = static_cast<std::uint32_t>(c);
        m_movies[i].target = std::min(m_opt.users, whole + (rng.uniform() < c - whole ? 1u : 0u));
        m_expected += m_movies[i].target;
    }
}

void Generator::setupSamplers()
{
    const std::uint32_t m = m_opt.movies;
    std::vector<double> counts(m);
    for (std::uint32_t i = 0; i < m; ++i)
        counts[i] = std::max(0.5, static_cast<double>(m_movies[i].target)); // zero-count movies stay drawable
    m_allMovies.build(counts);
    for (std::size_t k = 0; k < kClusters; ++k) {
        std::vector<double> w;
        for (std::uint32_t i = 0; i < m; ++i) {
            if (m_movies[i].clusters & (1u << k)) {
                m_clusterMovieIds[k].push_back(i);
                w.push_back(counts[i]);
            }
        }
        m_clusterMovies[k].build(w);
    }
    std::vector<double> light = m_weight;
    for (const HeavyUser &h : m_heavyUsers)
        light[h.user] = 0;
    m_allUsers.build(light);
    for (int k = 0; k < kClusters; ++k) {
        std::vector<std::uint32_t> &members = m_clusterMembers[static_cast<std::size_t>(k)];
        std::vector<double> weights;
        for (std::uint32_t u = 0; u < m_opt.users; ++u) {
            if ((m_users[u].favourites & (1u << k)) && !m_heavy[u]) {
                members.push_back(u);
                weights.push_back(m_weight[u]);
            }
        }
        m_clusterUsers[static_cast<std::size_t>(k)].build(weights);
    }
}

// Every user gets one movie they surely rate (drawn like any other rating), so every customer
// appears at least once, as in the real data.
void Generator::setupGuarantees()
{
    const std::uint32_t m = m_opt.movies;
    std::vector<std::uint32_t> movieOf(m_opt.users);
    std::vector<std::uint32_t> counts(m + 1, 0);
    for (std::uint32_t u = 0; u < m_opt.users; ++u) {
        Rng rng(m_opt.seed, StreamGuarantee, u);
        movieOf[u] = drawMovie(u, rng);
        ++counts[movieOf[u] + 1];
    }
    for (std::uint32_t i = 0; i < m; ++i)
        counts[i + 1] += counts[i];
    m_guaranteeStart = counts;
    m_guaranteeUsers.resize(m_opt.users);
    for (std::uint32_t u = 0; u < m_opt.users; ++u) // ascending users within a movie; shuffled later
        m_guaranteeUsers[counts[movieOf[u]]++] = u;
}

// A movie for user u: P(m) ∝ count(m) × (1 + 3 × shared favourite clusters).
std::uint32_t Generator::drawMovie(std::uint32_t user, Rng &rng) const
{
    const std::uint32_t favs = m_users[user].favourites;
    double total = m_allMovies.total();
    for (int k = 0; k < kClusters; ++k)
        if (favs & (1u << k))
            total += (kAffinity - 1) * m_clusterMovies[static_cast<std::size_t>(k)].total();
    double x = rng.uniform() * total - m_allMovies.total();
    if (x >= 0) {
        for (std::size_t k = 0; k < kClusters; ++k) {
            if (!(favs & (1u << k)))
                continue;
            x -= (kAffinity - 1) * m_clusterMovies[k].total();
            if (x < 0 && !m_clusterMovies[k].empty())
                return m_clusterMovieIds[k][m_clusterMovies[k].sample(rng)];
        }
    }
    return m_allMovies.sample(rng);
}

std::uint32_t Generator::drawUser(const MovieRec &movie, Rng &rng) const
{
    const double a = m_allUsers.total();
    const double b1 = (kAffinity - 1) * m_clusterUsers[movie.primary].total();
    const double b2 = movie.secondary == 0xFF ? 0.0 : (kAffinity - 1) * m_clusterUsers[movie.secondary].total();
    const double x = rng.uniform() * (a + b1 + b2);
    if (x < a)
        return m_allUsers.sample(rng);
    const std::size_t k = x < a + b1 ? movie.primary : movie.secondary;
    return m_clusterMembers[k][m_clusterUsers[k].sample(rng)];
}
std::string Generator::titlesFile() const
{
    std::string out;
    out.reserve(m_titles.size() * 40);
    for (std::size_t i = 0; i < m_titles.size(); ++i) {
        out += std::to_string(i + 1);
        out += ',';
        out += m_movies[i].year ? std::to_string(m_movies[i].year) : std::string("NULL");
        out += ',';
        out += m_titles[i];
        out += '\n';
    }
    return out;
}

char *writeUnsigned(char *p, std::uint32_t v)
{
    char digits[10];
    int n = 0;
    do {
        digits[n++] = static_cast<char>('0' + v % 10);
        v /= 10;
    } while (v);
    while (n)
        *p++ = digits[--n];
    return p;
}

// The movie's raters (in s.picked, unordered) and, from the same stream, nothing else: the
// threshold fit replays this for a sample of movies.
void Generator::pickRaters(std::uint32_t movie, Scratch &s, Rng &rng) const
{
    const MovieRec &mv = m_movies[movie];
    const std::uint32_t tag = movie + 1;
    const std::uint32_t users = m_opt.users;
    s.picked.clear();
    for (std::uint32_t i = m_guaranteeStart[movie]; i < m_guaranteeStart[movie + 1]; ++i) {
        const std::uint32_t u = m_guaranteeUsers[i];
        s.stamp[u] = tag;
        s.picked.push_back(u);
    }
    const std::uint32_t target = std::max<std::uint32_t>(mv.target, static_cast<std::uint32_t>(s.picked.size()));
    if (target > kBernoulliShare * users) {
        // Popular movie: one Bernoulli pass, P(u) = min(1, c × weight), c fitted to the target.
        s.weights.resize(users);
        for (std::uint32_t u = 0; u < users; ++u)
            s.weights[u] = static_cast<float>(m_weight[u] * affinity(m_users[u], mv));
        const double wanted = target - static_cast<double>(s.picked.size());
        double c = m_scale[movie]; // the fit's c is a close start
        if (c <= 0) {
            double total = 0;
            for (float w : s.weights)
                total += w;
            c = wanted / std::max(1e-300, total);
        }
        for (int iter = 0; iter < 8; ++iter) {
            double sum = 0;
            for (float w : s.weights)
                sum += std::min(1.0, c * w);
            if (sum <= 0 || std::abs(sum - wanted) < 0.002 * wanted)
                break;
            c *= wanted / sum;
        }
        const double scale = c * 0x1.0p53;
        for (std::uint32_t u = 0; u < users; ++u) {
            if (s.stamp[u] == tag)
                continue;
            if (static_cast<double>(rng.next() >> 11) < scale * s.weights[u]) {
                s.stamp[u] = tag;
                s.picked.push_back(u);
            }
        }
    } else {
        // Heavy users: P = 1 − exp(−c × weight × affinity), c fitted for this movie.
        const std::size_t heavy = m_heavyUsers.size();
        const std::size_t first = heavy ? rng.below(static_cast<std::uint32_t>(heavy))
                                        : 0; // no index bias when the target is small
        for (std::size_t h = 0; h < heavy; ++h) {
            const HeavyUser &hu = m_heavyUsers[(first + h) % heavy];
            const double x = static_cast<double>(rng.next() >> 11) * 0x1.0p-53;
            const std::uint32_t shared = hu.favourites & mv.clusters;
            const double y = m_scale[movie] * hu.weight[shared == 0 ? 0 : (shared & (shared - 1)) == 0 ? 1 : 2];
            // y − y²/2 ≤ 1 − e^−y ≤ y: most draws are decided without calling expm1.
            if ((x < y - 0.5 * y * y || (x < y && x < -std::expm1(-y))) && s.stamp[hu.user] != tag && s.picked.size() < target) {
                s.stamp[hu.user] = tag;
                s.picked.push_back(hu.user);
            }
        }
        // Everyone else: weighted sampling without replacement, rejecting users already taken.
        std::uint64_t budget = m_allUsers.empty() ? 0 : 64ull * target + 4096;
        while (s.picked.size() < target && budget--) {
            const std::uint32_t u = drawUser(mv, rng);
            if (s.stamp[u] != tag) {
                s.stamp[u] = tag;
                s.picked.push_back(u);
            }
        }
    }
}

std::uint32_t Generator::generateMovie(std::uint32_t movie, Scratch &s, std::string &out) const
{
    const MovieRec &mv = m_movies[movie];
    Rng rng(m_opt.seed, StreamRatings, movie);
    pickRaters(movie, s, rng);
    // Random line order, like the real files.
    for (std::size_t i = s.picked.size(); i > 1; --i)
        std::swap(s.picked[i - 1], s.picked[rng.below(static_cast<std::uint32_t>(i))]);

    out.resize(16 + s.picked.size() * 24);
    char *p = out.data();
    p = writeUnsigned(p, movie + 1);
    *p++ = ':';
    *p++ = '\n';
    const int span = m_span;
    for (std::uint32_t u : s.picked) {
        const UserRec &ur = m_users[u];
        std::memcpy(p, ur.id, 8);
        p += ur.idLength;
        const float sc = score(mv, u, rng.next());
        const int stars = 1 + (sc > m_thresholds[0]) + (sc > m_thresholds[1]) + (sc > m_thresholds[2]) + (sc > m_thresholds[3]);
        p[0] = ',';
        p[1] = static_cast<char>('0' + stars);
        p[2] = ',';
        p += 3;
        // Date: inside the user's window and not before the movie reached the service.
        int lo = std::max<int>(ur.start, mv.releaseDay);
        int hi = ur.end;
        if (hi < lo)
            hi = std::min(span, lo + 90);
        std::uint64_t x = rng.next();
        const std::uint32_t offset = rng.below(static_cast<std::uint32_t>(hi - lo + 1), x);
        const bool burst = lo == ur.start
            && static_cast<std::uint32_t>(x) < static_cast<std::uint32_t>(kBurstShare * 4294967296.0);
        std::memcpy(p, m_dates[static_cast<std::size_t>(burst ? lo : lo + static_cast<int>(offset))].data(), 10);
        p[10] = '\n';
        p += 11;
    }
    out.resize(static_cast<std::size_t>(p - out.data()));
    return static_cast<std::uint32_t>(s.picked.size());
}
} // namespace cinetune::synth
