#include "core/goldset/goldsetcomparison.h"

#include <algorithm>
#include <unordered_map>

namespace cinetune {

namespace {

std::vector<std::uint64_t> goldSizes(const std::vector<GoldSetUser> &users)
{
    std::vector<std::uint64_t> h;
    for (const GoldSetUser &u : users) {
        if (h.size() <= u.gold.size())
            h.resize(u.gold.size() + 1);
        ++h[u.gold.size()];
    }
    return h;
}

double jaccard(std::vector<std::uint32_t> a, std::vector<std::uint32_t> b)
{
    std::sort(a.begin(), a.end());
    a.erase(std::unique(a.begin(), a.end()), a.end());
    std::sort(b.begin(), b.end());
    b.erase(std::unique(b.begin(), b.end()), b.end());
    if (a.empty() && b.empty())
        return 1.0;
    std::size_t common = 0;
    for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
        if (a[i] < b[j]) {
            ++i;
        } else if (b[j] < a[i]) {
            ++j;
        } else {
            ++common;
            ++i;
            ++j;
        }
    }
    return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

} // namespace

GoldSetComparison compareGoldSets(const std::vector<GoldSetUser> &a, const std::vector<GoldSetUser> &b)
{
    GoldSetComparison c;
    c.usersA = static_cast<qint64>(a.size());
    c.usersB = static_cast<qint64>(b.size());
    std::unordered_map<std::uint32_t, const GoldSetUser *> byUser;
    byUser.reserve(b.size());
    for (const GoldSetUser &u : b)
        byUser.emplace(u.user, &u);
    double sum = 0;
    for (const GoldSetUser &u : a) {
        const auto it = byUser.find(u.user);
        if (it == byUser.end())
            continue;
        ++c.commonUsers;
        const double j = jaccard(u.gold, it->second->gold);
        sum += j;
        if (j == 1.0)
            ++c.identicalGold;
    }
    const qint64 unionUsers = c.usersA + c.usersB - c.commonUsers;
    c.userJaccard = unionUsers > 0 ? static_cast<double>(c.commonUsers) / static_cast<double>(unionUsers) : 0.0;
    c.meanGoldJaccard = c.commonUsers > 0 ? sum / static_cast<double>(c.commonUsers) : 0.0;
    c.sizesA = goldSizes(a);
    c.sizesB = goldSizes(b);
    return c;
}

} // namespace cinetune
