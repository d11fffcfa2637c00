#pragma once

#include "core/providers/httptypes.h"

#include <QtGlobal>

#include <deque>
#include <optional>
#include <utility>

namespace cinetune {

// The x-ratelimit-* headers of an OpenAI-compatible answer (absent = nullopt).
struct RateLimitHeaders
{
    std::optional<qint64> limitRequests;
    std::optional<qint64> limitTokens;
    std::optional<qint64> remainingRequests;
    std::optional<qint64> remainingTokens;
    std::optional<qint64> resetRequestsMs; // Go duration ("6m0s", "20ms") in ms
    std::optional<qint64> resetTokensMs;

    bool any() const { return limitRequests || limitTokens || remainingRequests || remainingTokens; }
};
RateLimitHeaders readRateLimitHeaders(const HttpResponse &response);

// A requests-per-minute and tokens-per-minute budget over a sliding 60 s window, plus a "blocked
// until" time set by the server (remaining = 0 with a reset time, or a 429). Pure bookkeeping on a
// caller-supplied clock (ms), so it is tested without waiting.
class RateLimiter
{
public:
    // 0 = no limit of that kind.
    void setLimits(qint64 requestsPerMinute, qint64 tokensPerMinute);
    qint64 requestsPerMinute() const { return m_rpm; }
    qint64 tokensPerMinute() const { return m_tpm; }

    // How long (ms) a request estimated at `tokens` must wait before it may start; 0 = now.
    // A request larger than the whole token budget may start once the window is empty.
    qint64 delayMs(qint64 nowMs, qint64 tokens);
    // A request of `tokens` started at `nowMs`.
    void record(qint64 nowMs, qint64 tokens);

    // Adapts to the server's view: a lower advertised limit shrinks the budget; remaining = 0
    // (requests) or fewer remaining tokens than `nextTokens` blocks until the reset time.
    void applyHeaders(qint64 nowMs, const RateLimitHeaders &headers, qint64 nextTokens = 0);
    // The server refused with 429: start nothing before nowMs + delay.
    void blockFor(qint64 nowMs, qint64 delayMs);
    qint64 blockedUntil() const { return m_blockedUntil; }

private:
    void expire(qint64 nowMs);

    qint64 m_rpm = 0;
    qint64 m_tpm = 0;
    qint64 m_blockedUntil = 0;
    qint64 m_windowTokens = 0;
    std::deque<std::pair<qint64, qint64>> m_window; // (start ms, tokens), oldest first
};

} // namespace cinetune
