#include "core/eval/requestscheduler.h"

#include <QTimer>

#include <algorithm>

namespace cinetune {

RequestScheduler::RequestScheduler(HttpClient *http, QObject *parent)
    : QObject(parent)
    , m_http(http)
{
    m_lanes = {http};
    m_laneLoad = {0};
    m_clock.start();
    m_wakeup = new QTimer(this);
    m_wakeup->setSingleShot(true);
    connect(m_wakeup, &QTimer::timeout, this, &RequestScheduler::pump);
}

RequestScheduler::~RequestScheduler()
{
    // Abort quietly: nobody listens any more.
    const auto flights = m_inFlight;
    m_inFlight.clear();
    for (const Flight &f : flights) {
        if (f.call) {
            f.call->disconnect(this);
            f.call->cancel();
        }
    }
}

void RequestScheduler::setOptions(const Options &options)
{
    m_options = options;
    m_options.concurrency = std::max(1, options.concurrency);
    m_limiter.setLimits(options.requestsPerMinute, options.tokensPerMinute);
    QTimer::singleShot(0, this, &RequestScheduler::pump);
}

void RequestScheduler::setLanes(const QList<HttpClient *> &extraClients)
{
    m_lanes = QList<HttpClient *>{m_http} + extraClients;
    m_laneLoad = QList<int>(m_lanes.size(), 0);
    for (const Flight &f : std::as_const(m_inFlight)) {
        if (f.lane < m_laneLoad.size())
            ++m_laneLoad[f.lane];
    }
}

void RequestScheduler::enqueue(quint64 tag, const HttpRequest &request, qint64 estimatedTokens)
{
    m_queue.push_back(Item{tag, request, estimatedTokens});
    // Launch from the event loop so a caller enqueueing many requests sees no re-entrant signals.
    if (!m_wakeup->isActive() || m_wakeup->remainingTime() > 0)
        m_wakeup->start(0);
}

void RequestScheduler::pause()
{
    m_paused = true;
    m_wakeup->stop();
}

void RequestScheduler::resume()
{
    if (!m_paused)
        return;
    m_paused = false;
    m_wakeup->start(0);
}

void RequestScheduler::cancel()
{
    m_queue.clear();
    m_wakeup->stop();
    const auto flights = m_inFlight;
    m_inFlight.clear();
    m_laneLoad.fill(0);
    for (const Flight &f : flights) {
        if (f.call) {
            f.call->disconnect(this);
            f.call->cancel();
        }
    }
}

void RequestScheduler::pump()
{
    if (m_paused)
        return;
    while (!m_queue.empty() && m_inFlight.size() < m_options.concurrency) {
        const Item &next = m_queue.front();
        const qint64 now = nowMs();
        const qint64 wait = m_limiter.delayMs(now, next.tokens);
        if (wait > 0) {
            Q_EMIT throttled(wait);
            m_wakeup->start(int(std::min<qint64>(wait, 10 * 60 * 1000)));
            return;
        }
        Item item = std::move(m_queue.front());
        m_queue.pop_front();
        m_limiter.record(now, item.tokens);
        // The least busy lane, so no client holds more than Qt's 6 connections while another idles.
        const int lane = int(std::min_element(m_laneLoad.begin(), m_laneLoad.end()) - m_laneLoad.begin());
        ++m_laneLoad[lane];
        HttpCall *call = m_lanes[lane]->send(item.request, m_options.retry);
        const quint64 tag = item.tag;
        m_inFlight.insert(tag, Flight{call, now, lane});
        m_maxInFlight = std::max(m_maxInFlight, int(m_inFlight.size()));
        connect(call, &HttpCall::retrying, this, [this](int, int delayMs, const QString &reason) {
            // Another request would meet the same limit: hold every launch while this one waits.
            if (reason == QLatin1String("HTTP 429"))
                m_limiter.blockFor(nowMs(), delayMs);
        });
        connect(call, &HttpCall::finished, this, [this, tag, call](const Result<HttpResponse> &r) { onFinished(tag, call, r); });
    }
}

void RequestScheduler::onFinished(quint64 tag, HttpCall *call, const Result<HttpResponse> &result)
{
    const auto it = m_inFlight.find(tag);
    if (it == m_inFlight.end())
        return; // cancelled
    const qint64 latency = nowMs() - it->startedMs;
    if (it->lane < m_laneLoad.size())
        --m_laneLoad[it->lane];
    m_inFlight.erase(it);
    if (result) {
        const qint64 nextTokens = m_queue.empty() ? 0 : m_queue.front().tokens;
        m_limiter.applyHeaders(nowMs(), readRateLimitHeaders(result.value()), nextTokens);
        if (result->status == 429)
            m_limiter.blockFor(nowMs(), serverRetryDelayMs(result.value(), QDateTime::currentDateTimeUtc()).value_or(1000));
    }
    Q_EMIT finished(tag, result, call ? call->attempts() : 0, latency);
    if (isIdle()) {
        Q_EMIT drained();
        return;
    }
    pump();
}

} // namespace cinetune
