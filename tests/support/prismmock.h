#pragma once

// Stoplight Prism as a mock of a provider, serving that provider's official OpenAPI document:
// finding the binary (CINETUNE_PRISM), writing the served copy of a document whose paths are
// relative to a base path, starting and stopping the process, sending requests and reading the
// violations Prism reports in its `sl-violations` header. Used by tst_providercontracts.
#include "awaitcall.h"
#include "core/providers/httpclient.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTest>

#include <deque>
#include <functional>
#include <memory>
#include <optional>

namespace cinetune::test {

// The `prism` binary from CINETUNE_PRISM, or "" with the reason in `problem`.
inline QString prismBinary(QString *problem)
{
    const QString prism = qEnvironmentVariable("CINETUNE_PRISM");
    if (prism.isEmpty()) {
        *problem = QStringLiteral("CINETUNE_PRISM is not set: install Stoplight Prism (npm install --prefix "
                                  "~/.cache/cinetune-prism-5.14.2 @stoplight/prism-cli@5.14.2) and set "
                                  "CINETUNE_PRISM=~/.cache/cinetune-prism-5.14.2/node_modules/.bin/prism");
        return {};
    }
    if (!QFileInfo(prism).isExecutable()) {
        *problem = QStringLiteral("CINETUNE_PRISM=%1 is not an executable").arg(prism);
        return {};
    }
    return prism;
}

// Writes `target`, a copy of the OpenAPI document `source` (block-style YAML, as the vendored
// documents are) in which every path key of the top-level `paths:` block gets `pathPrefix`
// ("  /fine-tunes:" -> "  /v1/fine-tunes:") and every `x-ms-examples:` block is dropped (Azure's
// name example files of its repository that are not vendored; Prism cannot start on them).
// Returns the number of paths prefixed (0 = nothing recognised), or -1 on an I/O error.
inline int writeServedSpec(const QString &source, const QString &target, const QString &pathPrefix)
{
    QFile in(source);
    if (!in.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = in.readAll().split('\n');
    QByteArray out;
    out.reserve(int(in.size()) + 4096);
    bool inPaths = false;
    int skipDeeperThan = -1;
    int prefixed = 0;
    for (const QByteArray &line : lines) {
        int lead = 0;
        while (lead < line.size() && line.at(lead) == ' ')
            ++lead;
        const bool blank = line.trimmed().isEmpty();
        if (skipDeeperThan >= 0) {
            if (blank || lead > skipDeeperThan)
                continue;
            skipDeeperThan = -1;
        }
        if (!blank && lead == 0)
            inPaths = line.startsWith("paths:");
        if (line.mid(lead).startsWith("x-ms-examples:")) {
            skipDeeperThan = lead;
            continue;
        }
        if (inPaths && lead == 2 && line.mid(2).startsWith('/')) {
            out += "  " + pathPrefix.toUtf8() + line.mid(2) + '\n';
            ++prefixed;
            continue;
        }
        out += line + '\n';
    }
    QFile f(target);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(out) != out.size())
        return -1;
    return prefixed;
}

// Sends every request, at most `inFlight` at a time, and returns the answers in request order.
inline QList<Result<HttpResponse>> roundTripAll(HttpClient &client, const QList<HttpRequest> &requests, int inFlight,
                                                int timeoutMs)
{
    QList<std::optional<Result<HttpResponse>>> answers(requests.size());
    RetryPolicy once;
    once.maxAttempts = 1;
    qsizetype next = 0;
    qsizetype done = 0;
    int running = 0;
    QObject context;
    std::function<void()> pump = [&]() {
        while (running < inFlight && next < requests.size()) {
            const qsizetype i = next++;
            ++running;
            HttpCall *call = client.send(requests.at(i), once);
            QObject::connect(call, &HttpCall::finished, &context, [&, i](const Result<HttpResponse> &r) {
                answers[i] = r;
                --running;
                ++done;
                pump();
            });
        }
    };
    pump();
    QElapsedTimer t;
    t.start();
    while (done < requests.size() && t.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    QList<Result<HttpResponse>> out;
    out.reserve(requests.size());
    for (const auto &a : answers)
        out.append(a ? *a : Result<HttpResponse>(makeError(errc::Net::Timeout, QStringLiteral("test: no answer"))));
    return out;
}

// What Prism found broken in a request or its mock answer, as "location: message" for the entries
// whose location starts with `where` ("request" or "response"). Without --errors Prism answers with
// the mock response and lists violations in the `sl-violations` header; when it rejects a request
// itself (422 where the document has no such answer) they are in its problem+json body.
inline QStringList prismViolations(const HttpResponse &response, const QString &where)
{
    QJsonArray all = QJsonDocument::fromJson(response.header("sl-violations")).array();
    const QJsonObject problem = QJsonDocument::fromJson(response.body).object();
    if (problem.value(QLatin1String("type")).toString().startsWith(QLatin1String("https://stoplight.io/prism/errors"))) {
        // Its locations start at "body", "query", ...: they are the request's.
        for (const QJsonValue &v : problem.value(QLatin1String("validation")).toArray()) {
            QJsonObject o = v.toObject();
            QJsonArray location = o.value(QLatin1String("location")).toArray();
            location.prepend(QStringLiteral("request"));
            o[QStringLiteral("location")] = location;
            all.append(o);
        }
    }
    QStringList out;
    for (const QJsonValue &v : std::as_const(all)) {
        const QJsonObject o = v.toObject();
        QStringList location;
        for (const QJsonValue &part : o.value(QLatin1String("location")).toArray())
            location.append(part.isDouble() ? QString::number(part.toInteger()) : part.toString());
        if (location.value(0) == where)
            out.append(location.join(QLatin1Char('.')) + QStringLiteral(": ") + o.value(QLatin1String("message")).toString());
    }
    return out;
}

// One `prism mock` process on 127.0.0.1 and a free port.
class PrismMock
{
public:
    PrismMock() { m_process.setProcessChannelMode(QProcess::MergedChannels); }
    ~PrismMock() { stop(); }
    Q_DISABLE_COPY_MOVE(PrismMock)

    // Prism logs every request: the log goes to `logFile` (a pipe nobody reads would fill and stall it).
    bool start(const QString &prism, const QString &spec, const QStringList &options, const QString &logFile, QString *problem)
    {
        m_logFile = logFile;
        m_process.setStandardOutputFile(logFile);
        {
            QTcpServer probe;
            if (!probe.listen(QHostAddress::LocalHost, 0)) {
                *problem = QStringLiteral("no free port");
                return false;
            }
            m_port = probe.serverPort();
        }
        QStringList args{QStringLiteral("mock"), QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                         QString::number(m_port)};
        args += options;
        args.append(spec);
        m_process.start(prism, args);
        if (!m_process.waitForStarted(10000)) {
            *problem = m_process.errorString();
            return false;
        }
        return true;
    }

    // Polls `probe` until Prism answers 2xx (it parses large documents for a few seconds).
    bool waitReady(HttpClient &http, const HttpRequest &probe, int timeoutMs, QString *problem)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeoutMs) {
            if (m_process.state() == QProcess::NotRunning)
                break;
            auto r = roundTrip(http, probe, 2000);
            if (r && r->status >= 200 && r->status < 300)
                return true;
            QTest::qWait(250);
        }
        *problem = QStringLiteral("Prism did not come up on port %1: %2").arg(m_port).arg(logTail());
        return false;
    }

    void stop()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(5000))
                m_process.kill();
            m_process.waitForFinished(2000);
        }
    }

    quint16 port() const { return m_port; }

    QString logTail() const
    {
        QFile f(m_logFile);
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll().right(3000)) : QString();
    }

private:
    QProcess m_process;
    quint16 m_port = 0;
    QString m_logFile;
};

} // namespace cinetune::test
