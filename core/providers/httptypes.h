#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

#include <optional>

namespace cinetune {

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

// How a failed request may be repeated.
enum class RetryMode {
    Idempotent,    // GET, cancel, uploads: retry network errors, 408, 409, 429, 5xx
    NonIdempotent, // creates: retry only when the server certainly did not act (refused connection,
                   // 408, 429); anything ambiguous is reported with code net.ambiguous
};

// A request as built by the pure request builders: no QObjects, comparable in tests.
struct HttpRequest
{
    QByteArray method = "GET";
    QUrl url;
    HttpHeaders headers;
    QByteArray body;
    RetryMode retry = RetryMode::Idempotent;
    int timeoutMs = 60000; // transfer (inactivity) timeout
    bool stream = false;   // deliver the body as it arrives (SSE)
    // Largest body accepted (net.too_large beyond it); 0 = HttpCall::kMaxBodyBytes. Lower for
    // answers with a known small size, so N requests in flight cannot hold N × 64 MB.
    qint64 maxBodyBytes = 0;

    QByteArray header(const QByteArray &name) const;
};

struct HttpResponse
{
    int status = 0;
    HttpHeaders headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const; // case-insensitive; "" when absent
};

struct RetryPolicy
{
    int maxAttempts = 5; // including the first
    int baseDelayMs = 500;
    int maxDelayMs = 60000;        // cap for our own backoff
    int maxServerDelayMs = 600000; // cap for Retry-After / x-ratelimit-reset-* (10 min)
    double jitter = 0.25;          // +- fraction of the delay
};

// "6m0s", "1h2m3.5s", "12ms", "1s", "250us" -> milliseconds (rounded up). nullopt if malformed.
std::optional<qint64> parseGoDurationMs(const QByteArray &text);
// Retry-After: integer seconds or an HTTP date (relative to `now`).
std::optional<qint64> parseRetryAfterMs(const QByteArray &value, const QDateTime &now);
// The delay the server asked for: retry-after-ms, Retry-After, and for 429 the
// x-ratelimit-reset-requests/-tokens of whichever limit is exhausted (both when unknown).
std::optional<qint64> serverRetryDelayMs(const HttpResponse &response, const QDateTime &now);
bool isRetryableStatus(int status);
// Delay before attempt `attempt` (1 = first retry): exponential backoff with jitter, or the
// server's delay when it asked for one (never less, capped at maxServerDelayMs).
// `unitRandom` in [0, 1) drives the jitter (tests pass fixed values).
int retryDelayMs(const RetryPolicy &policy, int attempt, std::optional<qint64> serverDelayMs, double unitRandom);

// Headers safe to log: Authorization, api-key, x-api-key, Cookie values replaced by "<redacted>".
HttpHeaders redactedHeaders(const HttpHeaders &headers);
// Replaces every occurrence of `secret` (if non-empty and at least 4 characters) by "<redacted>".
QString redactSecret(QString text, const QString &secret);

// multipart/form-data body: fields, then one file part. Returns the body; `contentType` gets
// "multipart/form-data; boundary=...".
struct MultipartField
{
    QByteArray name;
    QByteArray value;
    QByteArray fileName;    // non-empty = a file part
    QByteArray contentType; // for file parts
};
QByteArray multipartBody(const QList<MultipartField> &fields, const QByteArray &boundary, QByteArray *contentType);

} // namespace cinetune
