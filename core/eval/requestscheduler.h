#pragma once

#include "core/common/result.h"
#include "core/providers/httpclient.h"
#include "core/eval/ratelimiter.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>

#include <deque>

class QTimer;

namespace cinetune {

// Sends queued HTTP requests with at most `concurrency` in flight, within a requests- and
// tokens-per-minute budget that adapts to x-ratelimit-* headers and 429s (the HttpClient retries
// each request and honours Retry-After; the scheduler additionally stops launching others until
// the server's reset time). Pause stops launching (in-flight requests finish); cancel drops the
// queue and aborts what is in flight.
//
// Note: Qt's QNetworkAccessManager opens at most 6 HTTP/1.1 connections per host and port, so
// with one HttpClient more than 6 requests to one HTTP/1.1 server are queued inside Qt. Give the
// scheduler several clients (lanes) to reach a higher real concurrency.
class RequestScheduler final : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        int concurrency = 8;
        qint64 requestsPerMinute = 0; // 0 = unlimited
        qint64 tokensPerMinute = 0;   // 0 = unlimited
        RetryPolicy retry;
    };

    // `http` must outlive the scheduler.
    explicit RequestScheduler(HttpClient *http, QObject *parent = nullptr);
    ~RequestScheduler() override;
    Q_DISABLE_COPY_MOVE(RequestScheduler)

    void setOptions(const Options &options);
    const Options &options() const { return m_options; }
    // Extra clients used round-robin with the first (see the class comment). Must outlive this.
    void setLanes(const QList<HttpClient *> &extraClients);

    // Queues a request; `tag` comes back with finished(). `estimatedTokens` counts against the
    // tokens-per-minute budget.
    void enqueue(quint64 tag, const HttpRequest &request, qint64 estimatedTokens);

    void pause();
    void resume();
    // Drops the queue and aborts the requests in flight (no finished() for them).
    void cancel();

    bool isPaused() const { return m_paused; }
    int inFlight() const { return int(m_inFlight.size()); }
    int maxInFlight() const { return m_maxInFlight; }
    int queued() const { return int(m_queue.size()); }
    bool isIdle() const { return m_queue.empty() && m_inFlight.isEmpty(); }
    RateLimiter &limiter() { return m_limiter; }

Q_SIGNALS:
    // The last attempt's outcome: a transport Error, or an HTTP response of any status.
    void finished(quint64 tag, const cinetune::Result<cinetune::HttpResponse> &result, int attempts, qint64 latencyMs);
    // Nothing queued and nothing in flight.
    void drained();
    // Launching waits this long (ms) for the rate-limit budget or a server-imposed hold.
    void throttled(qint64 waitMs);

private:
    struct Item
    {
        quint64 tag = 0;
        HttpRequest request;
        qint64 tokens = 0;
    };

    void pump();
    void onFinished(quint64 tag, HttpCall *call, const Result<HttpResponse> &result);
    qint64 nowMs() const { return m_clock.elapsed(); }

    HttpClient *m_http;
    QList<HttpClient *> m_lanes; // [0] = the main client, then the extra ones
    QList<int> m_laneLoad;       // requests in flight per lane
    Options m_options;
    RateLimiter m_limiter;
    QElapsedTimer m_clock;
    QTimer *m_wakeup = nullptr;
    std::deque<Item> m_queue;
    struct Flight
    {
        QPointer<HttpCall> call;
        qint64 startedMs = 0;
        int lane = 0;
    };
    QHash<quint64, Flight> m_inFlight;
    int m_maxInFlight = 0;
    bool m_paused = false;
};

} // namespace cinetune
