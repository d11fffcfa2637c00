#include "core/providers/httptypes.h"

#include <QLocale>
#include <QTimeZone>

#include <cctype>

#include <algorithm>
#include <cmath>

namespace cinetune {

namespace {

QByteArray findHeader(const HttpHeaders &headers, const QByteArray &name)
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

} // namespace

QByteArray HttpRequest::header(const QByteArray &name) const
{
    return findHeader(headers, name);
}

QByteArray HttpResponse::header(const QByteArray &name) const
{
    return findHeader(headers, name);
}

std::optional<qint64> parseGoDurationMs(const QByteArray &input)
{
    const QByteArray text = input.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    double totalMs = 0;
    qsizetype i = 0;
    bool any = false;
    while (i < text.size()) {
        const qsizetype start = i;
        while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.'))
            ++i;
        if (i == start)
            return std::nullopt;
        bool ok = false;
        const double value = text.mid(start, i - start).toDouble(&ok);
        if (!ok)
            return std::nullopt;
        const qsizetype unitStart = i;
        while (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i])))
            ++i;
        const QByteArray unit = text.mid(unitStart, i - unitStart);
        double factor = 0;
        if (unit == "h")
            factor = 3600000;
        else if (unit == "m")
            factor = 60000;
        else if (unit == "s")
            factor = 1000;
        else if (unit == "ms")
            factor = 1;
        else if (unit == "us" || unit == "\xC2\xB5s")
            factor = 0.001;
        else if (unit == "ns")
            factor = 0.000001;
        else if (unit.isEmpty() && i == text.size() && !any)
            factor = 1000; // a bare number: seconds
        else
            return std::nullopt;
        totalMs += value * factor;
        any = true;
    }
    if (!std::isfinite(totalMs) || totalMs > 1e12)
        return std::nullopt;
    return static_cast<qint64>(std::ceil(totalMs));
}

std::optional<qint64> parseRetryAfterMs(const QByteArray &value, const QDateTime &now)
{
    const QByteArray v = value.trimmed();
    if (v.isEmpty())
        return std::nullopt;
    bool ok = false;
    const double seconds = v.toDouble(&ok);
    if (ok) {
        if (seconds < 0 || !std::isfinite(seconds) || seconds > 1e9)
            return std::nullopt;
        return static_cast<qint64>(std::ceil(seconds * 1000));
    }
    // HTTP-date, e.g. "Wed, 21 Oct 2015 07:28:00 GMT"
    QDateTime when = QLocale::c().toDateTime(QString::fromLatin1(v), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!when.isValid())
        return std::nullopt;
    when.setTimeSpec(Qt::UTC);
    return std::max<qint64>(0, now.msecsTo(when));
}

std::optional<qint64> serverRetryDelayMs(const HttpResponse &response, const QDateTime &now)
{
    std::optional<qint64> best;
    auto consider = [&best](std::optional<qint64> v) {
        if (v && (!best || *v > *best))
            best = v;
    };
    const QByteArray ms = response.header("retry-after-ms");
    if (!ms.isEmpty()) {
        bool ok = false;
        const double v = ms.trimmed().toDouble(&ok);
        if (ok && v >= 0 && v < 1e12)
            consider(static_cast<qint64>(std::ceil(v)));
    }
    consider(parseRetryAfterMs(response.header("retry-after"), now));
    if (response.status == 429 && !best) {
        const QByteArray remReq = response.header("x-ratelimit-remaining-requests").trimmed();
        const QByteArray remTok = response.header("x-ratelimit-remaining-tokens").trimmed();
        const bool reqKnown = !remReq.isEmpty();
        const bool tokKnown = !remTok.isEmpty();
        const bool reqOut = reqKnown && remReq.toLongLong() <= 0;
        const bool tokOut = tokKnown && remTok.toLongLong() <= 0;
        const bool neitherKnown = !reqOut && !tokOut;
        if (reqOut || neitherKnown)
            consider(parseGoDurationMs(response.header("x-ratelimit-reset-requests")));
        if (tokOut || neitherKnown)
            consider(parseGoDurationMs(response.header("x-ratelimit-reset-tokens")));
    }
    return best;
}

bool isRetryableStatus(int status)
{
    return status == 408 || status == 409 || status == 429 || (status >= 500 && status <= 599);
}

int retryDelayMs(const RetryPolicy &policy, int attempt, std::optional<qint64> serverDelayMs, double unitRandom)
{
    const int shift = std::clamp(attempt - 1, 0, 20);
    double delay = std::min<double>(static_cast<double>(policy.baseDelayMs) * std::pow(2.0, shift), policy.maxDelayMs);
    const double u = std::clamp(unitRandom, 0.0, 1.0);
    delay *= 1.0 + policy.jitter * (2.0 * u - 1.0);
    if (serverDelayMs) {
        // Never earlier than the server asked; a little jitter on top so clients do not align.
        const double server = std::min<double>(static_cast<double>(*serverDelayMs), policy.maxServerDelayMs);
        delay = server + std::min(server, 1000.0) * policy.jitter * u;
    }
    return static_cast<int>(std::clamp(delay, 0.0, static_cast<double>(std::max(policy.maxDelayMs, policy.maxServerDelayMs))));
}

HttpHeaders redactedHeaders(const HttpHeaders &headers)
{
    HttpHeaders out = headers;
    for (auto &h : out) {
        const QByteArray n = h.first.toLower();
        if (n == "authorization" || n == "api-key" || n == "x-api-key" || n == "cookie" || n == "set-cookie"
            || n == "proxy-authorization" || n == "openai-organization")
            h.second = "<redacted>";
    }
    return out;
}

QString redactSecret(QString text, const QString &secret)
{
    if (secret.size() >= 4)
        text.replace(secret, QStringLiteral("<redacted>"));
    return text;
}

QByteArray multipartBody(const QList<MultipartField> &fields, const QByteArray &boundary, QByteArray *contentType)
{
    QByteArray body;
    for (const MultipartField &f : fields) {
        body += "--" + boundary + "\r\n";
        body += "Content-Disposition: form-data; name=\"" + f.name + '"';
        if (!f.fileName.isEmpty()) {
            QByteArray safe = f.fileName;
            safe.replace('"', '_').replace('\r', '_').replace('\n', '_');
            body += "; filename=\"" + safe + '"';
        }
        body += "\r\n";
        if (!f.fileName.isEmpty())
            body += "Content-Type: " + (f.contentType.isEmpty() ? QByteArray("application/octet-stream") : f.contentType)
                + "\r\n";
        body += "\r\n";
        body += f.value;
        body += "\r\n";
    }
    body += "--" + boundary + "--\r\n";
    if (contentType)
        *contentType = "multipart/form-data; boundary=" + boundary;
    return body;
}

} // namespace cinetune
