#include "core/eval/ratelimiter.h"

#include <algorithm>

namespace cinetune {

namespace {

constexpr qint64 kWindowMs = 60000;

std::optional<qint64> integerHeader(const HttpResponse &r, const char *name)
{
    const QByteArray v = r.header(name).trimmed();
    if (v.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 n = v.toLongLong(&ok);
    return ok && n >= 0 ? std::optional<qint64>(n) : std::nullopt;
}

} // namespace

RateLimitHeaders readRateLimitHeaders(const HttpResponse &r)
{
    RateLimitHeaders h;
    h.limitRequests = integerHeader(r, "x-ratelimit-limit-requests");
    h.limitTokens = integerHeader(r, "x-ratelimit-limit-tokens");
    h.remainingRequests = integerHeader(r, "x-ratelimit-remaining-requests");
    h.remainingTokens = integerHeader(r, "x-ratelimit-remaining-tokens");
    if (const QByteArray v = r.header("x-ratelimit-reset-requests").trimmed(); !v.isEmpty())
        h.resetRequestsMs = parseGoDurationMs(v);
    if (const QByteArray v = r.header("x-ratelimit-reset-tokens").trimmed(); !v.isEmpty())
        h.resetTokensMs = parseGoDurationMs(v);
    return h;
}

void RateLimiter::setLimits(qint64 requestsPerMinute, qint64 tokensPerMinute)
{
    m_rpm = std::max<qint64>(0, requestsPerMinute);
    m_tpm = std::max<qint64>(0, tokensPerMinute);
}

void RateLimiter::expire(qint64 nowMs)
{
    while (!m_window.empty() && m_window.front().first + kWindowMs <= nowMs) {
        m_windowTokens -= m_window.front().second;
        m_window.pop_front();
    }
}

qint64 RateLimiter::delayMs(qint64 nowMs, qint64 tokens)
{
    expire(nowMs);
    qint64 wait = std::max<qint64>(0, m_blockedUntil - nowMs);
    if (m_rpm > 0 && qint64(m_window.size()) >= m_rpm) {
        // The request that frees a slot is the (size - rpm + 1)-th oldest.
        const auto &e = m_window[m_window.size() - std::size_t(m_rpm)];
        wait = std::max(wait, e.first + kWindowMs - nowMs);
    }
    if (m_tpm > 0 && m_windowTokens + tokens > m_tpm && !m_window.empty()) {
        qint64 sum = m_windowTokens;
        for (const auto &e : m_window) {
            sum -= e.second;
            if (sum + tokens <= m_tpm || sum == 0) {
                wait = std::max(wait, e.first + kWindowMs - nowMs);
                break;
            }
        }
    }
    return std::max<qint64>(0, wait);
}

void RateLimiter::record(qint64 nowMs, qint64 tokens)
{
    expire(nowMs);
    m_window.emplace_back(nowMs, tokens);
    m_windowTokens += tokens;
}

void RateLimiter::applyHeaders(qint64 nowMs, const RateLimitHeaders &h, qint64 nextTokens)
{
    if (h.limitRequests && *h.limitRequests > 0 && (m_rpm == 0 || *h.limitRequests < m_rpm))
        m_rpm = *h.limitRequests;
    if (h.limitTokens && *h.limitTokens > 0 && (m_tpm == 0 || *h.limitTokens < m_tpm))
        m_tpm = *h.limitTokens;
    // Without a reset time the server gave no hint; one second is a cautious pause.
    if (h.remainingRequests && *h.remainingRequests == 0)
        blockFor(nowMs, h.resetRequestsMs.value_or(1000));
    if (h.remainingTokens && *h.remainingTokens < std::max<qint64>(1, nextTokens))
        blockFor(nowMs, h.resetTokensMs.value_or(1000));
}

void RateLimiter::blockFor(qint64 nowMs, qint64 delayMs)
{
    m_blockedUntil = std::max(m_blockedUntil, nowMs + std::max<qint64>(0, delayMs));
}

} // namespace cinetune
