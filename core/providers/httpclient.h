#pragma once

#include "core/common/result.h"
#include "core/providers/httptypes.h"

#include <QObject>
#include <QPointer>
#include <QSet>

#include <random>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace cinetune {

class HttpClient;

// One logical HTTP call (all its attempts). Emits finished() exactly once, then deletes itself
// later. A transport failure is an Error (codes net.timeout, net.reset, net.unreachable, net.tls,
// net.ambiguous, net.cancelled, net.too_large, net.error); an HTTP error status is a normal HttpResponse after
// retries were used up, so the protocol layer can map the provider's error body.
class HttpCall final : public QObject
{
    Q_OBJECT

public:
    ~HttpCall() override;
    Q_DISABLE_COPY_MOVE(HttpCall)

    // Aborts the call; finished() follows with net.cancelled (unless it already finished).
    void cancel();
    bool isFinished() const { return m_finished; }
    int attempts() const { return m_attempt; }

Q_SIGNALS:
    void finished(const cinetune::Result<cinetune::HttpResponse> &result);
    void uploadProgress(qint64 sent, qint64 total);
    // Stream mode: a piece of a 2xx body as it arrives (finished() then carries no body).
    void dataReceived(const QByteArray &chunk);
    // Before waiting to retry: the attempt that comes next, the delay and why.
    void retrying(int nextAttempt, int delayMs, const QString &reason);

private:
    friend class HttpClient;
    HttpCall(HttpClient *client, HttpRequest request, RetryPolicy policy);

    void startAttempt();
    void onReplyFinished();
    void onTimeout();
    void retryOrFinish(const QString &reason, std::optional<qint64> serverDelayMs, Result<HttpResponse> lastResult);
    void finish(Result<HttpResponse> result);
    void touch();
    void checkSize(qint64 bytes);

    QPointer<HttpClient> m_client;
    HttpRequest m_request;
    RetryPolicy m_policy;
    QPointer<QNetworkReply> m_reply;
    QTimer *m_timeout = nullptr;
    QTimer *m_retryTimer = nullptr;
    int m_attempt = 0;
    bool m_timedOut = false;
    bool m_cancelled = false;
    bool m_finished = false;
    bool m_streamed = false; // stream mode: data already delivered (no retry after that)
    bool m_tooLarge = false; // aborted at bodyLimit()
    qint64 m_streamedBytes = 0;

    qint64 bodyLimit() const;

public:
    // A body larger than this is abandoned with net.too_large: a server that never stops
    // sending must not take all memory (batch output files stay well below it).
    static constexpr qint64 kMaxBodyBytes = qint64(64) << 20;
};

// The one owner of the QNetworkAccessManager. Lives on the thread that uses it. Deleting it with
// calls in flight aborts and deletes them without emitting finished().
class HttpClient final : public QObject
{
    Q_OBJECT

public:
    explicit HttpClient(QObject *parent = nullptr);
    ~HttpClient() override;
    Q_DISABLE_COPY_MOVE(HttpClient)

    // Starts a call; the returned object is owned by the client and deletes itself after finished().
    HttpCall *send(const HttpRequest &request, const RetryPolicy &policy = {});

    // Fixed jitter for reproducible tests.
    void setRandomSeed(quint64 seed) { m_rng.seed(seed); }
    // Scale every retry delay (tests: 0.01 makes a 1 s Retry-After take 10 ms). Default 1.
    void setDelayScale(double scale) { m_delayScale = scale; }

private:
    friend class HttpCall;
    double unitRandom();

    QNetworkAccessManager *m_nam = nullptr;
    QSet<QString> m_answeredHosts; // host:port that sent at least one HTTP answer
    std::mt19937_64 m_rng{0x5EED};
    double m_delayScale = 1.0;
};

} // namespace cinetune
