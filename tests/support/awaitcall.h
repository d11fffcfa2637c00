#pragma once

// Waiting for one asynchronous result in a test: a provider call's finished(Result<T>), or one
// HTTP round trip without retries. Runs the event loop until it arrives or the time is up.
#include "core/common/result.h"
#include "core/providers/httpclient.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <optional>

namespace cinetune::test {

template<typename Call, typename T>
Result<T> awaitCall(Call *call, int timeoutMs = 20000)
{
    std::optional<Result<T>> out;
    QObject::connect(call, &Call::finished, call, [&out](const Result<T> &r) { out = r; });
    QElapsedTimer t;
    t.start();
    while (!out && t.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    if (!out)
        return makeError(errc::Net::Timeout, QStringLiteral("test: no answer within %1 ms").arg(timeoutMs));
    return *out;
}

// One attempt of `request`, whatever its answer.
inline Result<HttpResponse> roundTrip(HttpClient &client, const HttpRequest &request, int timeoutMs = 20000)
{
    RetryPolicy once;
    once.maxAttempts = 1;
    return awaitCall<HttpCall, HttpResponse>(client.send(request, once), timeoutMs);
}

} // namespace cinetune::test
