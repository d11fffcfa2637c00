#include "core/simulator/simulatorserver.h"

#include "core/simulator/fakeprovider.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>
#include <memory>

namespace cinetune {

namespace {

constexpr qsizetype kMaxBody = qsizetype{600} << 20;

QByteArray reason(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 302:
        return "Found";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 413:
        return "Payload Too Large";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

} // namespace

SimulatorServer::SimulatorServer(QObject *parent)
    : SimulatorServer(Options{}, parent)
{}

SimulatorServer::SimulatorServer(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_provider(std::make_unique<FakeProvider>(m_options, &m_faults))
{}

SimulatorServer::~SimulatorServer() = default;

QStringList SimulatorServer::baseModels()
{
    return FakeProvider::baseModels();
}

void SimulatorServer::setOptions(const Options &options)
{
    m_options = options;
    m_provider->setOptions(options);
}

int SimulatorServer::jobCount() const
{
    return m_provider->jobCount();
}

int SimulatorServer::batchCount() const
{
    return m_provider->batchCount();
}

Status SimulatorServer::listen(quint16 port)
{
    if (!m_server) {
        m_server = new QTcpServer(this);
        connect(m_server, &QTcpServer::newConnection, this, &SimulatorServer::onNewConnection);
    }
    if (!m_server->listen(QHostAddress::LocalHost, port)) {
        return makeError(errc::Simulator::Listen,
                         QCoreApplication::translate("cinetune-cli", "The simulator cannot listen on 127.0.0.1:%1: %2")
                             .arg(port)
                             .arg(m_server->errorString()));
    }
    m_provider->setPort(m_server->serverPort());
    return Ok{};
}

quint16 SimulatorServer::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

QString SimulatorServer::baseUrl() const
{
    return baseUrl(Dialect::OpenAI);
}

QString SimulatorServer::baseUrl(Dialect dialect) const
{
    const QString root = QStringLiteral("http://127.0.0.1:%1").arg(port());
    switch (dialect) {
    case Dialect::Azure:
        return root + QStringLiteral("/openai/v1");
    case Dialect::Together:
        return root + QStringLiteral("/together/v1");
    case Dialect::OpenAI:
        break;
    }
    return root + QStringLiteral("/v1");
}

void SimulatorServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QTcpSocket::readyRead, this, [this, socket]() { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket]() {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void SimulatorServer::onReadyRead(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    for (;;) {
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0) {
            if (buffer.size() > 65536)
                socket->abort();
            return;
        }
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        if (requestLine.size() < 3) {
            socket->abort();
            return;
        }
        SimRequest request;
        request.method = requestLine[0];
        for (int i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines[i].trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                request.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
        }
        const qint64 length = request.headers.value("content-length", "0").toLongLong();
        if (length < 0 || length > kMaxBody) {
            socket->abort();
            return;
        }
        if (buffer.size() < headerEnd + 4 + length)
            return; // wait for the rest of the body
        request.body = buffer.mid(headerEnd + 4, length);
        buffer.remove(0, headerEnd + 4 + length);
        const QUrl url(QString::fromLatin1(requestLine[1]));
        request.path = url.path();
        if (request.path.startsWith(QLatin1String("/openai/")))
            request.dialect = SimDialect::Azure;
        else if (request.path.startsWith(QLatin1String("/together/")))
            request.dialect = SimDialect::Together;
        const QUrlQuery query(url);
        for (const auto &item : query.queryItems(QUrl::FullyDecoded))
            request.query.insert(item.first, item.second);
        dispatch(socket, request);
    }
}

void SimulatorServer::dispatch(QTcpSocket *socket, const SimRequest &request)
{
    const QString key = QString::fromLatin1(request.method) + QLatin1Char(' ') + request.path;
    ++m_requestCounts[key];
    ++m_totalRequests;
    Q_EMIT requestReceived(key, request.body);

    const std::optional<FaultRule> fault = m_faults.take(request.method, request.path);

    auto respond = [this, socket, request, key, fault]() {
        if (!socket || socket->state() != QAbstractSocket::ConnectedState)
            return;
        SimResponse response;
        const FaultRule *f = fault ? &*fault : nullptr;
        using K = FaultRule::Kind;
        if (f) {
            switch (f->kind) {
            case K::Status429:
                response = FakeProvider::error(429, QStringLiteral("Rate limit reached for requests (simulated)."),
                                               QStringLiteral("requests"), QStringLiteral("rate_limit_exceeded"));
                response.headers.append(qMakePair(QByteArray("Retry-After"),
                                                  QByteArray((f->arg.isEmpty() ? QStringLiteral("1") : f->arg).toLatin1())));
                break;
            case K::RateLimit:
                response = FakeProvider::error(429, QStringLiteral("Rate limit reached for requests (simulated)."),
                                               QStringLiteral("requests"), QStringLiteral("rate_limit_exceeded"));
                response.headers.append(qMakePair(QByteArray("x-ratelimit-remaining-requests"), QByteArray("0")));
                response.headers.append(qMakePair(QByteArray("x-ratelimit-reset-requests"),
                                                  QByteArray((f->arg.isEmpty() ? QStringLiteral("1s") : f->arg).toLatin1())));
                break;
            case K::Quota:
                response = FakeProvider::error(429, QStringLiteral("You exceeded your current quota (simulated)."),
                                               QStringLiteral("insufficient_quota"), QStringLiteral("insufficient_quota"));
                break;
            case K::Status500:
            case K::Status502:
            case K::Status503: {
                const int s = f->kind == K::Status500 ? 500 : f->kind == K::Status502 ? 502 : 503;
                response = FakeProvider::error(s, QStringLiteral("The server had an error (simulated)."),
                                               QStringLiteral("server_error"), {});
                break;
            }
            case K::Unauthorized:
                response = FakeProvider::error(401, QStringLiteral("Incorrect API key provided (simulated)."),
                                               QStringLiteral("invalid_request_error"), QStringLiteral("invalid_api_key"));
                break;
            case K::Closed:
                response = FakeProvider::error(
                    403,
                    QStringLiteral("OpenAI is winding down the fine-tuning platform and your organization is no "
                                   "longer able to create new fine-tuning training jobs. (simulated)"),
                    QStringLiteral("invalid_request_error"), QStringLiteral("training_not_available"));
                break;
            case K::Drop:
                socket->abort();
                return;
            case K::Endless:
                Q_EMIT requestHandled(key, 200);
                streamEndless(socket);
                return;
            case K::Huge:
                response = m_provider->handle(request);
                if (response.status == 200 && response.sseChunks.isEmpty())
                    response.body = inflateBody(response.body, qint64(f->arg.isEmpty() ? 10 : f->arg.toInt()) << 20);
                break;
            case K::Reset:
            case K::Stall:
            case K::Malformed:
            case K::Truncate:
                response = m_provider->handle(request); // carried out, then the answer goes wrong
                break;
            }
        } else {
            response = m_provider->handle(request);
        }
        if (request.dialect == SimDialect::Azure)
            FakeProvider::toAzure(response, m_totalRequests);
        Q_EMIT requestHandled(key, response.status);
        send(socket, response, f);
    };
    QPointer<QTcpSocket> guard(socket);
    if (m_options.latencyMs > 0) {
        QTimer::singleShot(m_options.latencyMs, this, [respond, guard]() {
            if (guard)
                respond();
        });
    } else {
        respond();
    }
}

void SimulatorServer::send(QTcpSocket *socket, const SimResponse &response, const FaultRule *fault)
{
    using K = FaultRule::Kind;
    const bool sse = !response.sseChunks.isEmpty();
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reason(response.status) + "\r\n";
    head += "Content-Type: " + (sse ? QByteArray("text/event-stream") : response.contentType) + "\r\n";
    head += "x-request-id: req_sim_" + QByteArray::number(m_totalRequests) + "\r\n";
    for (const auto &h : response.headers)
        head += h.first + ": " + h.second + "\r\n";

    if (fault && fault->kind == K::Stall) {
        const int ms = fault->arg.isEmpty() ? 120000 : fault->arg.toInt();
        QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(ms, this, [guard]() {
            if (guard)
                guard->abort();
        });
        return;
    }
    if (!sse) {
        QByteArray body = response.body;
        if (fault && fault->kind == K::Malformed)
            body = "{\"id\": \"broken\", \"object\": [1, 2, ";
        head += "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: keep-alive\r\n\r\n";
        if (fault && (fault->kind == K::Reset || fault->kind == K::Truncate)) {
            socket->write(head + body.left(body.size() / 2));
            socket->flush();
            QPointer<QTcpSocket> guard(socket);
            QTimer::singleShot(20, this, [guard]() {
                if (guard)
                    guard->abort();
            });
            return;
        }
        socket->write(head + body);
        return;
    }
    // SSE: no Content-Length; the connection closes at the end of the stream.
    head += "Cache-Control: no-cache\r\nConnection: close\r\n\r\n";
    socket->write(head);
    QList<QByteArray> chunks = response.sseChunks;
    const bool cut = fault && (fault->kind == K::Truncate || fault->kind == K::Reset);
    if (cut)
        chunks = chunks.mid(0, std::max<qsizetype>(1, chunks.size() / 2));
    const int gap = std::max(1, m_options.latencyMs / std::max<int>(1, int(chunks.size())));
    QPointer<QTcpSocket> guard(socket);
    auto index = std::make_shared<int>(0);
    auto *timer = new QTimer(socket);
    timer->setInterval(gap);
    connect(timer, &QTimer::timeout, socket, [guard, timer, chunks, index, cut]() {
        if (!guard)
            return;
        if (*index < chunks.size()) {
            guard->write("data: " + chunks[*index] + "\n\n");
            ++*index;
            return;
        }
        timer->stop();
        if (!cut)
            guard->write("data: [DONE]\n\n");
        guard->flush();
        if (cut)
            guard->abort();
        else
            guard->disconnectFromHost();
    });
    timer->start();
}

} // namespace cinetune
