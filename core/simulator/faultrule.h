#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QList>
#include <QRegularExpression>
#include <QString>

#include <optional>

class QTcpSocket;

namespace cinetune {

// Fault injection of the offline simulator (`cinetune simulator --faults SPEC`).
//
//   SPEC  := RULE [ "," RULE ]...
//   RULE  := KIND [ "=" ARG ] [ "@" [ METHOD ":" ] PATH ] [ "#" COUNT ]
//
// KIND (ARG):
//   429[=S]        429 with Retry-After: S seconds (default 1) and a rate-limit error body
//   ratelimit[=D]  429 without Retry-After but x-ratelimit-remaining-requests: 0 and
//                  x-ratelimit-reset-requests: D (Go duration, default "1s")
//   quota          429 insufficient_quota (not retryable)
//   500, 502, 503  that status with an OpenAI-shaped error body
//   401            invalid API key
//   closed         403 training_not_available (OpenAI's fine-tuning wind-down)
//   reset          carry out the request, send the headers and half the body, then drop the connection
//   stall[=MS]     carry out the request, then send nothing for MS ms (default 120000) and close
//   drop           close the connection without carrying out the request
//   malformed      200 with a body that is not valid JSON (the request is carried out)
//   truncate       streamed chat: send part of the answer, then close without [DONE]
//   huge[=MB]      carried out; a chat answer's text padded so the body is MB megabytes (default 10)
//   endless        200 headers and a JSON body that never ends (white space, as fast as it is read)
// PATH is matched against the request path (no query) and may contain "*" wildcards
// (e.g. /v1/fine_tuning/jobs/*/events); no "@" = every path. METHOD is GET, POST, ...
// COUNT is how many matching requests get the fault (default 1; 0 = all of them).
// Example: --faults "429=2@POST:/v1/chat/completions#1,stall@POST:/v1/fine_tuning/jobs,500@GET:/v1/models#2"
struct FaultRule
{
    enum class Kind {
        Status429,
        RateLimit,
        Quota,
        Status500,
        Status502,
        Status503,
        Unauthorized,
        Closed,
        Reset,
        Stall,
        Drop,
        Malformed,
        Truncate,
        Huge,
        Endless
    };
    Kind kind = Kind::Status500;
    QString arg;
    QByteArray method; // empty = any
    QString path;      // glob; empty = any
    int remaining = 1; // 0 = unlimited
    QRegularExpression pathPattern;

    bool matches(const QByteArray &requestMethod, const QString &requestPath) const;
};

[[nodiscard]] Result<QList<FaultRule>> parseFaultSpec(const QString &spec);

// The faults still to inject: each request takes the first rule that matches it, and a rule with
// a COUNT is used up after that many requests.
class FaultPlan
{
public:
    [[nodiscard]] Status set(const QString &spec);
    void add(const QList<FaultRule> &rules) { m_rules += rules; }
    void clear() { m_rules.clear(); }

    // The fault for an HTTP request, if one matches (counted).
    std::optional<FaultRule> take(const QByteArray &method, const QString &path);
    // The fault for one line of a batch: rules with method BATCH and "/" + custom_id as path
    // (e.g. "500@BATCH:/user-42"); counted.
    std::optional<FaultRule> takeBatchLine(const QString &customId);

private:
    QList<FaultRule> m_rules;
};

// The body of the `huge` fault: a chat completion whose first message content is padded with
// copies of itself (so it still parses as a list) until the body has about `bytes` bytes; any
// other JSON gets trailing white space.
[[nodiscard]] QByteArray inflateBody(const QByteArray &body, qint64 bytes);

// The `endless` fault: writes a 200 header and "{" then white space until the peer goes away.
// Only 1 MB is ever queued, so the simulator itself stays small however long the client reads.
void streamEndless(QTcpSocket *socket);

} // namespace cinetune
