#include "core/providers/httpclient.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QIODevice>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#include <algorithm>
#include <cstring>

Q_LOGGING_CATEGORY(lcHttp, "cinetune.providers.http", QtInfoMsg)

namespace {

// A request body that can be read once and never rewound (see HttpCall::startAttempt).
class OneShotBody final : public QIODevice
{
public:
    OneShotBody(QByteArray data, QObject *parent)
        : QIODevice(parent)
        , m_data(std::move(data))
    {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override { return m_data.size() - m_pos + QIODevice::bytesAvailable(); }
    bool reset() override { return false; }
    bool seek(qint64) override { return false; }

protected:
    qint64 readData(char *out, qint64 max) override
    {
        const qint64 n = std::min(max, qint64(m_data.size()) - m_pos);
        std::memcpy(out, m_data.constData() + m_pos, size_t(n));
        m_pos += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_pos = 0;
};

} // namespace

namespace cinetune {

namespace {

QByteArray headersForLog(const HttpHeaders &headers)
{
    QByteArray out;
    for (const auto &h : redactedHeaders(headers))
        out += h.first + ": " + h.second + "; ";
    return out;
}

bool isQuotaBody(const QByteArray &body)
{
    return body.contains("insufficient_quota");
}

// host:port, the unit that has or has not answered before.
QString hostKey(const QUrl &url)
{
    return url.host() + QLatin1Char(':') + QString::number(url.port(url.scheme() == QLatin1String("https") ? 443 : 80));
}

// The errors Qt derives from an HTTP status of a complete answer (QNetworkReply::NetworkError:
// 201-299 content errors for 4xx, 302 ProtocolInvalidOperationError for 400, 401-499 server
// errors for 5xx). Such an answer reaches the protocol layer with its body: a 400 carries the
// server's own explanation and must not be retried as if the network had failed.
bool isHttpStatusError(QNetworkReply::NetworkError e)
{
    return (e >= QNetworkReply::ContentAccessDenied && e < QNetworkReply::ProtocolUnknownError)
        || e == QNetworkReply::ProtocolInvalidOperationError || e >= QNetworkReply::InternalServerError;
}

} // namespace

HttpClient::HttpClient(QObject *parent)
    : QObject(parent)
    , m_nam(new QNetworkAccessManager(this))
{
    m_nam->setRedirectPolicy(QNetworkRequest::SameOriginRedirectPolicy);
}

HttpClient::~HttpClient()
{
    // Calls in flight go first: the QNetworkAccessManager (an older child) would otherwise delete
    // their replies before them. A deleted call emits nothing.
    const QList<HttpCall *> calls = findChildren<HttpCall *>(Qt::FindDirectChildrenOnly);
    for (HttpCall *call : calls)
        call->blockSignals(true);
    qDeleteAll(calls);
}

HttpCall *HttpClient::send(const HttpRequest &request, const RetryPolicy &policy)
{
    auto *call = new HttpCall(this, request, policy);
    // Start from the event loop so callers can connect first.
    QTimer::singleShot(0, call, &HttpCall::startAttempt);
    return call;
}

double HttpClient::unitRandom()
{
    return static_cast<double>(m_rng() >> 11) * 0x1.0p-53;
}

HttpCall::HttpCall(HttpClient *client, HttpRequest request, RetryPolicy policy)
    : QObject(client)
    , m_client(client)
    , m_request(std::move(request))
    , m_policy(policy)
    , m_timeout(new QTimer(this))
    , m_retryTimer(new QTimer(this))
{
    m_timeout->setSingleShot(true);
    m_retryTimer->setSingleShot(true);
    connect(m_timeout, &QTimer::timeout, this, &HttpCall::onTimeout);
    connect(m_retryTimer, &QTimer::timeout, this, &HttpCall::startAttempt);
}

HttpCall::~HttpCall()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void HttpCall::cancel()
{
    if (m_finished)
        return;
    m_cancelled = true;
    m_retryTimer->stop();
    m_timeout->stop();
    if (m_reply)
        m_reply->abort(); // onReplyFinished reports the cancellation
    else
        finish(makeError(errc::General::Cancelled, tr("The request was cancelled.")));
}

void HttpCall::touch()
{
    if (m_request.timeoutMs > 0)
        m_timeout->start(m_request.timeoutMs);
}

void HttpCall::startAttempt()
{
    if (m_finished || m_cancelled || !m_client)
        return;
    ++m_attempt;
    m_timedOut = false;
    m_streamedBytes = 0;
    QNetworkRequest req(m_request.url);
    for (const auto &h : m_request.headers)
        req.setRawHeader(h.first, h.second);
    req.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    qCDebug(lcHttp).noquote() << m_request.method << m_request.url.toString(QUrl::RemoveUserInfo) << "attempt" << m_attempt
                              << headersForLog(m_request.headers);
    if (m_request.retry == RetryMode::NonIdempotent && !m_request.body.isEmpty()) {
        // Qt resends a request by itself when the server closes the connection before answering
        // (QHttpNetworkConnectionChannel, up to twice), even a POST that was carried out: a second
        // fine-tuning job. A body that cannot be rewound makes Qt report an error instead, which
        // is then handled as an ambiguous create (looked up before any retry).
        req.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        req.setHeader(QNetworkRequest::ContentLengthHeader, m_request.body.size());
        auto *body = new OneShotBody(m_request.body, this);
        m_reply = m_client->m_nam->sendCustomRequest(req, m_request.method, body);
        body->setParent(m_reply);
    } else {
        m_reply = m_client->m_nam->sendCustomRequest(req, m_request.method, m_request.body);
    }
    connect(m_reply, &QNetworkReply::finished, this, &HttpCall::onReplyFinished);
    connect(m_reply, &QNetworkReply::uploadProgress, this, [this](qint64 sent, qint64 total) {
        touch();
        Q_EMIT uploadProgress(sent, total);
    });
    connect(m_reply, &QNetworkReply::downloadProgress, this, [this](qint64 received, qint64 total) {
        touch();
        if (!m_request.stream)
            checkSize(std::max(received, total));
    });
    if (m_request.stream) {
        connect(m_reply, &QNetworkReply::readyRead, this, [this]() {
            touch();
            const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status >= 200 && status < 300) {
                const QByteArray chunk = m_reply->readAll();
                m_streamedBytes += chunk.size();
                checkSize(m_streamedBytes);
                if (!chunk.isEmpty() && !m_tooLarge) {
                    m_streamed = true;
                    Q_EMIT dataReceived(chunk);
                }
            }
        });
    }
    touch();
}

qint64 HttpCall::bodyLimit() const
{
    return m_request.maxBodyBytes > 0 ? std::min(m_request.maxBodyBytes, kMaxBodyBytes) : kMaxBodyBytes;
}

void HttpCall::checkSize(qint64 bytes)
{
    if (bytes <= bodyLimit() || m_tooLarge || !m_reply)
        return;
    m_tooLarge = true;
    m_reply->abort();
}

void HttpCall::onTimeout()
{
    if (!m_reply)
        return;
    m_timedOut = true;
    m_reply->abort();
}

void HttpCall::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    m_timeout->stop();
    reply->deleteLater();
    if (m_finished)
        return;

    const QVariant statusAttr = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const int status = statusAttr.isValid() ? statusAttr.toInt() : 0;
    HttpResponse response;
    response.status = status;
    for (const auto &pair : reply->rawHeaderPairs())
        response.headers.append(pair);
    // An aborted reply (timeout, cancel, too large) is closed: reading it only makes Qt warn
    // "QIODevice::read (QNetworkReplyHttpImpl): device not open" on stderr.
    if (reply->isOpen())
        response.body = reply->readAll();
    const QNetworkReply::NetworkError netError = reply->error();
    const QString host = m_request.url.host();
    if (status > 0 && m_client)
        m_client->m_answeredHosts.insert(hostKey(m_request.url));
    qCDebug(lcHttp).noquote() << m_request.method << m_request.url.path() << "->" << status << netError
                              << "x-request-id:" << response.header("x-request-id");

    if (m_cancelled) {
        finish(makeError(errc::General::Cancelled, tr("The request was cancelled.")));
        return;
    }
    if (m_tooLarge) {
        // Not retried: the same request would get the same endless answer.
        finish(makeError(errc::Net::TooLarge,
                         tr("%1 sent more than %2 MB in one answer; the answer was dropped.").arg(host).arg(bodyLimit() >> 20)));
        return;
    }
    if (m_request.stream && m_streamed && status >= 200 && status < 300) {
        if (!response.body.isEmpty())
            Q_EMIT dataReceived(response.body);
        response.body.clear();
    }
    const bool nonIdempotent = m_request.retry == RetryMode::NonIdempotent;

    if (m_timedOut) {
        Error e = makeError(errc::Net::Timeout,
                            tr("%1 did not answer within %2 s.").arg(host).arg(m_request.timeoutMs / 1000.0, 0, 'g', 3));
        if (nonIdempotent) {
            e.code = errc::Net::Ambiguous;
            e.message = tr("%1 did not answer within %2 s after the request was sent; it may or may not have been carried out.")
                            .arg(host)
                            .arg(m_request.timeoutMs / 1000.0, 0, 'g', 3);
            finish(e);
            return;
        }
        if (m_streamed) {
            finish(e);
            return;
        }
        retryOrFinish(QStringLiteral("timeout"), std::nullopt, e);
        return;
    }

    if (netError != QNetworkReply::NoError && !(status >= 400 && isHttpStatusError(netError))) {
        // Transport failure (no complete HTTP response).
        ErrorCode code = errc::Net::Error;
        QString message = tr("Network error talking to %1: %2").arg(host, reply->errorString());
        bool certainlyNotProcessed = false;
        switch (netError) {
        case QNetworkReply::ConnectionRefusedError:
        case QNetworkReply::HostNotFoundError:
            code = errc::Net::Unreachable;
            message = tr("Cannot connect to %1 (%2). Check the base URL and your network.").arg(host, reply->errorString());
            certainlyNotProcessed = true;
            break;
        case QNetworkReply::RemoteHostClosedError:
        case QNetworkReply::ProxyConnectionClosedError:
            code = errc::Net::Reset;
            message = tr("%1 closed the connection before the answer was complete.").arg(host);
            break;
        case QNetworkReply::SslHandshakeFailedError:
            code = errc::Net::Tls;
            message = tr("The secure connection to %1 failed: %2").arg(host, reply->errorString());
            break;
        default:
            break;
        }
        Error e = makeError(code, message, reply->errorString());
        // A host that does not resolve, or refuses, and has never answered this client is a wrong
        // base URL or no network: retrying every request with back-off only makes the user wait.
        if (certainlyNotProcessed && m_client && !m_client->m_answeredHosts.contains(hostKey(m_request.url))) {
            finish(e);
            return;
        }
        if (m_streamed || (nonIdempotent && !certainlyNotProcessed)) {
            if (nonIdempotent) {
                e.code = errc::Net::Ambiguous;
                e.message = tr("The connection to %1 failed after the request was sent; it may or may not have been carried out.")
                                .arg(host);
            }
            finish(e);
            return;
        }
        retryOrFinish(code.id(), std::nullopt, e);
        return;
    }

    if (status >= 200 && status < 300) {
        finish(response);
        return;
    }
    if (isRetryableStatus(status)) {
        const bool quota = status == 429 && isQuotaBody(response.body);
        const bool safeForCreate = status == 408 || status == 429;
        if (!quota && (!nonIdempotent || safeForCreate)) {
            const auto serverDelay = serverRetryDelayMs(response, QDateTime::currentDateTimeUtc());
            if (!serverDelay || *serverDelay <= m_policy.maxServerDelayMs) {
                retryOrFinish(QStringLiteral("HTTP %1").arg(status), serverDelay, response);
                return;
            }
        }
    }
    finish(response);
}

void HttpCall::retryOrFinish(const QString &reason, std::optional<qint64> serverDelayMs, Result<HttpResponse> lastResult)
{
    if (m_attempt >= m_policy.maxAttempts || !m_client) {
        finish(std::move(lastResult));
        return;
    }
    const double scale = m_client->m_delayScale;
    const int delay = static_cast<int>(retryDelayMs(m_policy, m_attempt, serverDelayMs, m_client->unitRandom()) * scale);
    qCInfo(lcHttp).noquote() << m_request.method << m_request.url.path() << reason << "- retry" << m_attempt + 1 << "of"
                             << m_policy.maxAttempts << "in" << delay << "ms";
    Q_EMIT retrying(m_attempt + 1, delay, reason);
    m_retryTimer->start(delay);
}

void HttpCall::finish(Result<HttpResponse> result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timeout->stop();
    m_retryTimer->stop();
    Q_EMIT finished(result);
    deleteLater();
}

} // namespace cinetune
