#include "simulator.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QRegularExpression>
#include <QSet>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <cmath>

namespace cinetune {

namespace {

constexpr qsizetype kMaxBody = qsizetype{600} << 20;

QByteArray reason(int status)
{
    switch (status) {
    case 200: return "OK";
    case 302: return "Found";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 413: return "Payload Too Large";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    default: return "Status";
    }
}

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

qint64 nowSecs()
{
    return QDateTime::currentSecsSinceEpoch();
}

// 64-bit FNV-1a: a stable hash for deterministic "randomness".
quint64 fnv(const QByteArray &bytes, quint64 seed)
{
    quint64 h = 1469598103934665603ULL ^ seed;
    for (char c : bytes) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ULL;
    }
    return h;
}

QSet<QString> words(const QString &text)
{
    static const QRegularExpression split(QStringLiteral("[^\\w]+"));
    QSet<QString> out;
    for (const QString &w : text.toLower().split(split, Qt::SkipEmptyParts)) {
        if (w.size() > 2)
            out.insert(w);
    }
    return out;
}

QString lastUserMessage(const QJsonArray &messages)
{
    QString text;
    for (const QJsonValue &m : messages) {
        const QJsonObject o = m.toObject();
        if (o.value(QLatin1String("role")).toString() == QLatin1String("user"))
            text = o.value(QLatin1String("content")).toString();
    }
    return text;
}

const QStringList &fallbackTitles()
{
    static const QStringList titles = {
        QStringLiteral("Forrest Gump (1994)"), QStringLiteral("The Shawshank Redemption (1994)"),
        QStringLiteral("Pulp Fiction (1994)"), QStringLiteral("The Silence of the Lambs (1991)"),
        QStringLiteral("The Matrix (1999)"), QStringLiteral("Star Wars: Episode IV - A New Hope (1977)"),
        QStringLiteral("Jurassic Park (1993)"), QStringLiteral("Braveheart (1995)"),
        QStringLiteral("Terminator 2: Judgment Day (1991)"), QStringLiteral("Schindler's List (1993)"),
        QStringLiteral("Fight Club (1999)"), QStringLiteral("Toy Story (1995)"),
        QStringLiteral("Star Wars: Episode V - The Empire Strikes Back (1980)"), QStringLiteral("American Beauty (1999)"),
        QStringLiteral("The Usual Suspects (1995)"), QStringLiteral("Seven (1995)"),
        QStringLiteral("Independence Day (1996)"), QStringLiteral("Apollo 13 (1995)"),
        QStringLiteral("Raiders of the Lost Ark (1981)"), QStringLiteral("The Lord of the Rings: The Fellowship of the Ring (2001)"),
    };
    return titles;
}

} // namespace

SimulatorServer::SimulatorServer(QObject *parent) : SimulatorServer(Options{}, parent) {}

SimulatorServer::SimulatorServer(Options options, QObject *parent) : QObject(parent), m_options(std::move(options))
{
    m_clock.start();
}

SimulatorServer::~SimulatorServer() = default;

QStringList SimulatorServer::baseModels()
{
    return {QStringLiteral("gpt-4o-mini-2024-07-18"), QStringLiteral("gpt-4.1-mini-2025-04-14"),
            QStringLiteral("gpt-4.1-nano-2025-04-14"), QStringLiteral("sim-base")};
}

Status SimulatorServer::listen(quint16 port)
{
    if (!m_server) {
        m_server = new QTcpServer(this);
        connect(m_server, &QTcpServer::newConnection, this, &SimulatorServer::onNewConnection);
    }
    if (!m_server->listen(QHostAddress::LocalHost, port)) {
        return makeError(QStringLiteral("simulator.listen"),
                         QCoreApplication::translate("cinetune-cli", "The simulator cannot listen on 127.0.0.1:%1: %2")
                             .arg(port)
                             .arg(m_server->errorString()));
    }
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
    case Dialect::Azure: return root + QStringLiteral("/openai/v1");
    case Dialect::Together: return root + QStringLiteral("/together/v1");
    case Dialect::OpenAI: break;
    }
    return root + QStringLiteral("/v1");
}

Status SimulatorServer::setFaults(const QString &spec)
{
    auto rules = parseFaultSpec(spec);
    if (!rules)
        return rules.error();
    m_faults = rules.value();
    return Ok{};
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
        Request request;
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
            request.dialect = Dialect::Azure;
        else if (request.path.startsWith(QLatin1String("/together/")))
            request.dialect = Dialect::Together;
        const QUrlQuery query(url);
        for (const auto &item : query.queryItems(QUrl::FullyDecoded))
            request.query.insert(item.first, item.second);
        dispatch(socket, request);
    }
}

void SimulatorServer::dispatch(QTcpSocket *socket, const Request &request)
{
    const QString key = QString::fromLatin1(request.method) + QLatin1Char(' ') + request.path;
    ++m_requestCounts[key];
    ++m_totalRequests;
    Q_EMIT requestReceived(key, request.body);

    std::optional<FaultRule> fault;
    for (qsizetype i = 0; i < m_faults.size(); ++i) {
        if (m_faults[i].matches(request.method, request.path)) {
            fault = m_faults[i];
            if (m_faults[i].remaining > 0 && --m_faults[i].remaining == 0)
                m_faults.removeAt(i);
            break;
        }
    }

    auto respond = [this, socket, request, key, fault]() {
        if (!socket || socket->state() != QAbstractSocket::ConnectedState)
            return;
        Response response;
        const FaultRule *f = fault ? &*fault : nullptr;
        using K = FaultRule::Kind;
        if (f) {
            switch (f->kind) {
            case K::Status429:
                response = error(429, QStringLiteral("Rate limit reached for requests (simulated)."), QStringLiteral("requests"),
                                 QStringLiteral("rate_limit_exceeded"));
                response.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray((f->arg.isEmpty() ? QStringLiteral("1") : f->arg).toLatin1())));
                break;
            case K::RateLimit:
                response = error(429, QStringLiteral("Rate limit reached for requests (simulated)."), QStringLiteral("requests"),
                                 QStringLiteral("rate_limit_exceeded"));
                response.headers.append(qMakePair(QByteArray("x-ratelimit-remaining-requests"), QByteArray("0")));
                response.headers.append(qMakePair(QByteArray("x-ratelimit-reset-requests"), QByteArray((f->arg.isEmpty() ? QStringLiteral("1s") : f->arg).toLatin1())));
                break;
            case K::Quota:
                response = error(429, QStringLiteral("You exceeded your current quota (simulated)."), QStringLiteral("insufficient_quota"),
                                 QStringLiteral("insufficient_quota"));
                break;
            case K::Status500:
            case K::Status502:
            case K::Status503: {
                const int s = f->kind == K::Status500 ? 500 : f->kind == K::Status502 ? 502 : 503;
                response = error(s, QStringLiteral("The server had an error (simulated)."), QStringLiteral("server_error"), {});
                break;
            }
            case K::Unauthorized:
                response = error(401, QStringLiteral("Incorrect API key provided (simulated)."), QStringLiteral("invalid_request_error"),
                                 QStringLiteral("invalid_api_key"));
                break;
            case K::Closed:
                response = error(403, QStringLiteral("OpenAI is winding down the fine-tuning platform and your organization is no "
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
                response = route(request);
                if (response.status == 200 && response.sseChunks.isEmpty())
                    response.body = inflateBody(response.body, qint64(f->arg.isEmpty() ? 10 : f->arg.toInt()) << 20);
                break;
            case K::Reset:
            case K::Stall:
            case K::Malformed:
            case K::Truncate:
                response = route(request); // carried out, then the answer goes wrong
                break;
            }
        } else {
            response = route(request);
        }
        if (request.dialect == Dialect::Azure)
            toAzure(response, m_totalRequests);
        Q_EMIT requestHandled(key, response.status);
        send(socket, request, response, f);
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

void SimulatorServer::send(QTcpSocket *socket, const Request &request, const Response &response, const FaultRule *fault)
{
    using K = FaultRule::Kind;
    const bool sse = !response.sseChunks.isEmpty();
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reason(response.status) + "\r\n";
    head += "Content-Type: " + (sse ? QByteArray("text/event-stream") : response.contentType) + "\r\n";
    head += "x-request-id: req_sim_" + QByteArray::number(m_totalRequests) + "\r\n";
    for (const auto &h : response.headers)
        head += h.first + ": " + h.second + "\r\n";
    Q_UNUSED(request)

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

SimulatorServer::Response SimulatorServer::error(int status, const QString &message, const QString &type, const QString &code,
                                                 const QString &param)
{
    Response r;
    r.status = status;
    QJsonObject e{{QStringLiteral("message"), message},
                  {QStringLiteral("type"), type},
                  {QStringLiteral("param"), param.isEmpty() ? QJsonValue() : QJsonValue(param)},
                  {QStringLiteral("code"), code.isEmpty() ? QJsonValue() : QJsonValue(code)}};
    r.body = json(QJsonObject{{QStringLiteral("error"), e}});
    return r;
}

// Azure OpenAI v1 answers like OpenAI, but its error body is
// {"error": {"code", "message", "param", "type": "error"}} (AzureErrorResponse in Azure's v1
// spec; "inner_error" only when there is one, e.g. a content filter) and every answer carries
// apim-request-id.
void SimulatorServer::toAzure(Response &response, int requestNumber)
{
    response.headers.append(qMakePair(QByteArray("apim-request-id"),
                                      QByteArray("00000000-0000-4000-8000-") + QByteArray::number(requestNumber).rightJustified(12, '0')));
    if (response.status < 400)
        return;
    const QJsonObject e = QJsonDocument::fromJson(response.body).object().value(QLatin1String("error")).toObject();
    if (e.isEmpty())
        return;
    QString code = e.value(QLatin1String("code")).toString();
    if (code.isEmpty()) {
        switch (response.status) {
        case 400: code = QStringLiteral("BadRequest"); break;
        case 401: code = QStringLiteral("Unauthorized"); break;
        case 403: code = QStringLiteral("Forbidden"); break;
        case 404: code = QStringLiteral("NotFound"); break;
        case 409: code = QStringLiteral("Conflict"); break;
        case 429: code = QStringLiteral("TooManyRequests"); break;
        default: code = response.status >= 500 ? QStringLiteral("InternalServerError") : QStringLiteral("BadRequest"); break;
        }
    }
    QJsonObject azure{{QStringLiteral("code"), code},
                      {QStringLiteral("message"), e.value(QLatin1String("message"))},
                      {QStringLiteral("type"), QStringLiteral("error")}};
    if (e.value(QLatin1String("param")).isString())
        azure[QStringLiteral("param")] = e.value(QLatin1String("param"));
    response.body = json(QJsonObject{{QStringLiteral("error"), azure}});
}

SimulatorServer::Response SimulatorServer::route(const Request &request)
{
    const QStringList parts = request.path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    // Together's pre-signed upload URL stand-in: like the object store it replaces, it takes no API key.
    if (request.dialect == Dialect::Together && parts.size() == 3 && parts[1] == QLatin1String("_upload") && request.method == "PUT")
        return togetherUploadPut(request, parts[2]);
    const QByteArray auth = request.headers.value("authorization");
    if (!auth.startsWith("Bearer ") && request.headers.value("api-key").isEmpty())
        return error(401, QStringLiteral("You didn't provide an API key (Authorization: Bearer ...)."),
                     QStringLiteral("invalid_request_error"), QStringLiteral("missing_api_key"));
    if (!m_options.apiKey.isEmpty() && auth != "Bearer " + m_options.apiKey && request.headers.value("api-key") != m_options.apiKey)
        return error(401, QStringLiteral("Incorrect API key provided."), QStringLiteral("invalid_request_error"), QStringLiteral("invalid_api_key"));
    switch (request.dialect) {
    case Dialect::OpenAI:
        if (parts.value(0) == QLatin1String("v1"))
            return routeOpenAI(request, parts.mid(1));
        break;
    case Dialect::Azure:
        if (parts.value(1) == QLatin1String("v1"))
            return routeOpenAI(request, parts.mid(2));
        break;
    case Dialect::Together:
        if (parts.value(1) == QLatin1String("v1"))
            return routeTogether(request, parts.mid(2));
        break;
    }
    return error(404, QStringLiteral("Unknown path %1").arg(request.path), QStringLiteral("invalid_request_error"), {});
}

// parts: the path after the dialect's "/v1" prefix.
SimulatorServer::Response SimulatorServer::routeOpenAI(const Request &request, const QStringList &parts)
{
    const QString area = parts.value(0);
    const bool get = request.method == "GET";
    const bool post = request.method == "POST";
    if (area == QLatin1String("models") && parts.size() == 1 && get)
        return listModels();
    if (area == QLatin1String("files")) {
        if (parts.size() == 1 && post)
            return uploadFile(request);
        if (parts.size() == 2 && get)
            return getFile(parts[1], false);
        if (parts.size() == 3 && get && parts[2] == QLatin1String("content"))
            return getFile(parts[1], true);
    }
    if (area == QLatin1String("fine_tuning") && parts.value(1) == QLatin1String("jobs")) {
        if (parts.size() == 2 && post)
            return createJob(request);
        if (parts.size() == 2 && get)
            return listJobs(request);
        if (parts.size() == 3 && get)
            return jobResponse(parts[2]);
        if (parts.size() == 4 && post && parts[3] == QLatin1String("cancel"))
            return cancelJob(parts[2]);
        if (parts.size() == 4 && get && parts[3] == QLatin1String("events"))
            return listEvents(parts[2], request);
        if (parts.size() == 4 && get && parts[3] == QLatin1String("checkpoints"))
            return listCheckpoints(parts[2], request);
    }
    if (area == QLatin1String("chat") && parts.value(1) == QLatin1String("completions") && post)
        return chat(request);
    if (area == QLatin1String("batches")) {
        if (parts.size() == 1 && post)
            return createBatch(request);
        if (parts.size() == 1 && get)
            return listBatches(request);
        if (parts.size() == 2 && get)
            return batchResponse(parts[1]);
        if (parts.size() == 3 && post && parts[2] == QLatin1String("cancel"))
            return cancelBatch(parts[1]);
    }
    return error(404, QStringLiteral("Unknown request %1 %2").arg(QString::fromLatin1(request.method), request.path),
                 QStringLiteral("invalid_request_error"), {});
}

SimulatorServer::Response SimulatorServer::listModels()
{
    QJsonArray data;
    for (const QString &m : baseModels())
        data.append(QJsonObject{{QStringLiteral("id"), m}, {QStringLiteral("object"), QStringLiteral("model")},
                                {QStringLiteral("created"), 1721172741}, {QStringLiteral("owned_by"), QStringLiteral("cinetune-simulator")}});
    for (const QString &id : m_jobOrder) {
        const Job &job = m_jobs[id];
        if (statusOf(job) == QLatin1String("succeeded"))
            data.append(QJsonObject{{QStringLiteral("id"), fineTunedModel(job)}, {QStringLiteral("object"), QStringLiteral("model")},
                                    {QStringLiteral("created"), job.createdAt}, {QStringLiteral("owned_by"), QStringLiteral("user")}});
    }
    Response r;
    r.body = json(QJsonObject{{QStringLiteral("object"), QStringLiteral("list")}, {QStringLiteral("data"), data}});
    return r;
}

quint64 SimulatorServer::stableHash(const QByteArray &bytes, quint64 seed)
{
    return fnv(bytes, seed);
}

std::optional<QList<SimulatorServer::MultipartPart>> SimulatorServer::multipartParts(const Request &request)
{
    const QByteArray contentType = request.headers.value("content-type");
    const qsizetype b = contentType.indexOf("boundary=");
    if (!contentType.startsWith("multipart/form-data") || b < 0)
        return std::nullopt;
    QByteArray boundary = contentType.mid(b + 9);
    if (boundary.startsWith('"'))
        boundary = boundary.mid(1, boundary.indexOf('"', 1) - 1);
    const QByteArray delimiter = "--" + boundary;
    QList<MultipartPart> parts;
    qsizetype pos = request.body.indexOf(delimiter);
    while (pos >= 0) {
        pos += delimiter.size();
        if (request.body.mid(pos, 2) == "--")
            break;
        const qsizetype headersEnd = request.body.indexOf("\r\n\r\n", pos);
        const qsizetype next = request.body.indexOf(QByteArray("\r\n" + delimiter), pos);
        if (headersEnd < 0 || next < 0 || next < headersEnd)
            break;
        const QByteArray partHeaders = request.body.mid(pos, headersEnd - pos);
        const QByteArray value = request.body.mid(headersEnd + 4, next - headersEnd - 4);
        static const QRegularExpression nameRe(QStringLiteral("name=\"([^\"]*)\""));
        static const QRegularExpression fileRe(QStringLiteral("filename=\"([^\"]*)\""));
        const QString h = QString::fromUtf8(partHeaders);
        parts.append(MultipartPart{nameRe.match(h).captured(1), fileRe.match(h).captured(1), value});
        pos = next + 2;
    }
    return parts;
}

SimulatorServer::Response SimulatorServer::uploadFile(const Request &request)
{
    const auto parts = multipartParts(request);
    if (!parts)
        return error(415, QStringLiteral("Expected multipart/form-data."), QStringLiteral("invalid_request_error"), {});
    File file;
    bool haveFile = false;
    for (const MultipartPart &part : *parts) {
        if (part.name == QLatin1String("purpose"))
            file.purpose = QString::fromUtf8(part.value);
        if (part.name == QLatin1String("file")) {
            file.data = part.value;
            file.filename = part.filename;
            haveFile = true;
        }
    }
    if (!haveFile || file.purpose.isEmpty())
        return error(400, QStringLiteral("Both \"file\" and \"purpose\" are required."), QStringLiteral("invalid_request_error"),
                     {}, haveFile ? QStringLiteral("purpose") : QStringLiteral("file"));
    file.id = QStringLiteral("file-sim%1").arg(m_nextId++);
    file.createdAt = nowSecs();
    m_files.insert(file.id, file);
    return getFile(file.id, false);
}

SimulatorServer::Response SimulatorServer::getFile(const QString &id, bool content)
{
    if (!m_files.contains(id))
        return error(404, QStringLiteral("No such File object: %1").arg(id), QStringLiteral("invalid_request_error"), {}, QStringLiteral("id"));
    const File &f = m_files[id];
    Response r;
    if (content) {
        r.body = f.data;
        r.contentType = "application/octet-stream";
        return r;
    }
    r.body = json(QJsonObject{{QStringLiteral("id"), f.id},           {QStringLiteral("object"), QStringLiteral("file")},
                              {QStringLiteral("bytes"), f.data.size()}, {QStringLiteral("created_at"), f.createdAt},
                              {QStringLiteral("filename"), f.filename}, {QStringLiteral("purpose"), f.purpose},
                              {QStringLiteral("status"), QStringLiteral("processed")}, {QStringLiteral("expires_at"), QJsonValue()}});
    return r;
}

// Training examples: the assistant answer of each line, keyed by its user prompt.
QList<QPair<QString, QString>> SimulatorServer::chatExamples(const QByteArray &jsonl, qint64 *chars)
{
    QList<QPair<QString, QString>> out;
    for (const QByteArray &line : jsonl.split('\n')) {
        const QJsonObject ex = QJsonDocument::fromJson(line).object();
        QString user, assistant;
        for (const QJsonValue &m : ex.value(QLatin1String("messages")).toArray()) {
            const QJsonObject o = m.toObject();
            const QString role = o.value(QLatin1String("role")).toString();
            const QString content = o.value(QLatin1String("content")).toString();
            *chars += content.size();
            if (role == QLatin1String("user"))
                user += content + QLatin1Char('\n');
            else if (role == QLatin1String("assistant"))
                assistant = content;
        }
        if (!assistant.isEmpty())
            out.append({user, assistant});
    }
    return out;
}

SimulatorServer::Response SimulatorServer::createJob(const Request &request)
{
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &pe);
    if (!doc.isObject())
        return error(400, QStringLiteral("We could not parse the JSON body of your request."), QStringLiteral("invalid_request_error"), {});
    const QJsonObject body = doc.object();
    Job job;
    job.model = body.value(QLatin1String("model")).toString();
    job.trainingFile = body.value(QLatin1String("training_file")).toString();
    job.validationFile = body.value(QLatin1String("validation_file")).toString();
    job.suffix = body.value(QLatin1String("suffix")).toString();
    job.metadata = body.value(QLatin1String("metadata")).toObject();
    if (job.model.isEmpty() || job.trainingFile.isEmpty())
        return error(400, QStringLiteral("\"model\" and \"training_file\" are required."), QStringLiteral("invalid_request_error"),
                     {}, job.model.isEmpty() ? QStringLiteral("model") : QStringLiteral("training_file"));
    if (!baseModels().contains(job.model) && !jobForModel(job.model))
        return error(404, QStringLiteral("The model '%1' does not exist or is not available for fine-tuning.").arg(job.model),
                     QStringLiteral("invalid_request_error"), QStringLiteral("model_not_found"), QStringLiteral("model"));
    if (!m_files.contains(job.trainingFile))
        return error(400, QStringLiteral("File %1 not found.").arg(job.trainingFile), QStringLiteral("invalid_request_error"),
                     QStringLiteral("invalid_file"), QStringLiteral("training_file"));
    const QJsonObject hp = body.value(QLatin1String("method")).toObject().value(QLatin1String("supervised")).toObject()
                               .value(QLatin1String("hyperparameters")).toObject();
    const QJsonValue epochs = hp.contains(QLatin1String("n_epochs")) ? hp.value(QLatin1String("n_epochs"))
                                                                      : body.value(QLatin1String("hyperparameters")).toObject().value(QLatin1String("n_epochs"));
    job.epochs = epochs.isDouble() ? std::clamp(epochs.toInt(), 1, 50) : 3;
    const int batch = hp.value(QLatin1String("batch_size")).isDouble() ? std::max(1, hp.value(QLatin1String("batch_size")).toInt()) : 8;
    qint64 chars = 0;
    job.examples = chatExamples(m_files[job.trainingFile].data, &chars);
    if (job.examples.isEmpty())
        return error(400, QStringLiteral("Training file %1 has no chat examples with an assistant message.").arg(job.trainingFile),
                     QStringLiteral("invalid_request_error"), QStringLiteral("invalid_training_file"), QStringLiteral("training_file"));
    const int perEpoch = int((job.examples.size() + batch - 1) / batch);
    job.totalSteps = std::clamp(perEpoch * job.epochs, job.epochs, 60);
    job.trainedTokens = (chars / 4 + 1) * job.epochs;
    job.id = QStringLiteral("ftjob-sim%1").arg(m_nextId++);
    job.createdAt = nowSecs();
    job.startMs = m_clock.elapsed();
    job.request = body;
    m_jobs.insert(job.id, job);
    m_jobOrder.append(job.id);
    return jobResponse(job.id);
}

QString SimulatorServer::statusOf(const Job &job) const
{
    const qint64 elapsed = m_clock.elapsed() - job.startMs;
    const qint64 d = std::max(1, m_options.jobDurationMs);
    if (job.cancelledAtMs >= 0)
        return QStringLiteral("cancelled");
    if (elapsed < d / 10)
        return QStringLiteral("validating_files");
    if (elapsed < d / 5)
        return QStringLiteral("queued");
    if (elapsed < d)
        return QStringLiteral("running");
    return QStringLiteral("succeeded");
}

int SimulatorServer::stepsDone(const Job &job) const
{
    const qint64 d = std::max(1, m_options.jobDurationMs);
    qint64 t = (job.cancelledAtMs >= 0 ? job.cancelledAtMs : m_clock.elapsed()) - job.startMs;
    const double run = double(t - d / 5) / double(d - d / 5);
    if (run <= 0)
        return 0;
    return std::min(job.totalSteps, int(std::floor(run * job.totalSteps)));
}

QString SimulatorServer::fineTunedModel(const Job &job) const
{
    return QStringLiteral("ft:%1:cinetune-sim:%2:%3").arg(job.model, job.suffix.isEmpty() ? QStringLiteral("sim") : job.suffix,
                                                          job.id.mid(6));
}

double SimulatorServer::lossAt(const Job &job, int step, double offset) const
{
    const double x = double(step) / double(std::max(1, job.totalSteps));
    const double noise = double(fnv(job.id.toUtf8() + QByteArray::number(step), m_options.seed) % 1000) / 1000.0 - 0.5;
    return std::max(0.05, 0.35 + offset + 2.2 * std::exp(-3.5 * x) + 0.06 * noise);
}

QJsonObject SimulatorServer::jobJson(const Job &job) const
{
    const QString status = statusOf(job);
    const bool done = status == QLatin1String("succeeded");
    const qint64 d = std::max(1, m_options.jobDurationMs);
    QJsonObject hp{{QStringLiteral("n_epochs"), job.epochs},
                   {QStringLiteral("batch_size"), job.request.value(QLatin1String("method")).toObject().value(QLatin1String("supervised"))
                                                      .toObject().value(QLatin1String("hyperparameters")).toObject().value(QLatin1String("batch_size"))},
                   {QStringLiteral("learning_rate_multiplier"), 1.0}};
    if (!hp.value(QLatin1String("batch_size")).isDouble())
        hp[QStringLiteral("batch_size")] = 8;
    return QJsonObject{
        {QStringLiteral("id"), job.id},
        {QStringLiteral("object"), QStringLiteral("fine_tuning.job")},
        {QStringLiteral("created_at"), job.createdAt},
        {QStringLiteral("model"), job.model},
        {QStringLiteral("training_file"), job.trainingFile},
        {QStringLiteral("validation_file"), job.validationFile.isEmpty() ? QJsonValue() : QJsonValue(job.validationFile)},
        {QStringLiteral("status"), status},
        {QStringLiteral("fine_tuned_model"), done ? QJsonValue(fineTunedModel(job)) : QJsonValue()},
        {QStringLiteral("finished_at"), done ? QJsonValue(job.createdAt + d / 1000) : job.cancelledAtMs >= 0 ? QJsonValue(nowSecs()) : QJsonValue()},
        {QStringLiteral("estimated_finish"), done ? QJsonValue() : QJsonValue(job.createdAt + d / 1000 + 1)},
        {QStringLiteral("trained_tokens"), done ? QJsonValue(job.trainedTokens) : QJsonValue()},
        {QStringLiteral("result_files"), QJsonArray()},
        {QStringLiteral("error"), QJsonValue()},
        {QStringLiteral("hyperparameters"), hp},
        {QStringLiteral("seed"), job.request.value(QLatin1String("seed")).isDouble() ? job.request.value(QLatin1String("seed")) : QJsonValue(42)},
        {QStringLiteral("organization_id"), QStringLiteral("org-cinetune-simulator")},
        {QStringLiteral("user_provided_suffix"), job.suffix.isEmpty() ? QJsonValue() : QJsonValue(job.suffix)},
        {QStringLiteral("metadata"), job.metadata.isEmpty() ? QJsonValue() : QJsonValue(job.metadata)},
        {QStringLiteral("method"), QJsonObject{{QStringLiteral("type"), QStringLiteral("supervised")},
                                               {QStringLiteral("supervised"), QJsonObject{{QStringLiteral("hyperparameters"), hp}}}}},
        {QStringLiteral("integrations"), QJsonValue()},
        {QStringLiteral("simulated"), true},
    };
}

SimulatorServer::Response SimulatorServer::jobResponse(const QString &id)
{
    if (!m_jobs.contains(id))
        return error(404, QStringLiteral("No fine-tuning job with id %1").arg(id), QStringLiteral("invalid_request_error"), {}, QStringLiteral("id"));
    Response r;
    r.body = json(jobJson(m_jobs[id]));
    return r;
}

SimulatorServer::Response SimulatorServer::listJobs(const Request &request)
{
    QJsonArray data;
    const QString after = request.query.value(QStringLiteral("after"));
    const int limit = std::clamp(request.query.value(QStringLiteral("limit"), QStringLiteral("20")).toInt(), 1, 100);
    bool started = after.isEmpty();
    bool more = false;
    for (auto it = m_jobOrder.crbegin(); it != m_jobOrder.crend(); ++it) {
        const Job &job = m_jobs[*it];
        if (!started) {
            started = *it == after;
            continue;
        }
        bool match = true;
        for (auto q = request.query.cbegin(); q != request.query.cend(); ++q) {
            if (q.key().startsWith(QLatin1String("metadata[")) && q.key().endsWith(QLatin1Char(']'))) {
                const QString k = q.key().mid(9, q.key().size() - 10);
                if (job.metadata.value(k).toString() != q.value())
                    match = false;
            }
        }
        if (!match)
            continue;
        if (data.size() == limit) {
            more = true;
            break;
        }
        data.append(jobJson(job));
    }
    Response r;
    r.body = json(QJsonObject{{QStringLiteral("object"), QStringLiteral("list")}, {QStringLiteral("data"), data}, {QStringLiteral("has_more"), more}});
    return r;
}

SimulatorServer::Response SimulatorServer::cancelJob(const QString &id)
{
    if (!m_jobs.contains(id))
        return error(404, QStringLiteral("No fine-tuning job with id %1").arg(id), QStringLiteral("invalid_request_error"), {}, QStringLiteral("id"));
    Job &job = m_jobs[id];
    const QString status = statusOf(job);
    if (status == QLatin1String("succeeded") || status == QLatin1String("failed"))
        return error(400, QStringLiteral("Job %1 has already finished.").arg(id), QStringLiteral("invalid_request_error"), {});
    if (job.cancelledAtMs < 0)
        job.cancelledAtMs = m_clock.elapsed();
    return jobResponse(id);
}

QList<QJsonObject> SimulatorServer::events(const Job &job) const
{
    // Oldest first; ids are stable so pagination and "after" work.
    QList<QJsonObject> out;
    auto add = [&out, &job](const QString &level, const QString &message, const QString &type, const QJsonValue &data) {
        out.append(QJsonObject{{QStringLiteral("object"), QStringLiteral("fine_tuning.job.event")},
                               {QStringLiteral("id"), QStringLiteral("ftevent-%1-%2").arg(job.id.mid(6)).arg(out.size() + 1, 4, 10, QLatin1Char('0'))},
                               {QStringLiteral("created_at"), job.createdAt},
                               {QStringLiteral("level"), level},
                               {QStringLiteral("message"), message},
                               {QStringLiteral("type"), type},
                               {QStringLiteral("data"), data}});
    };
    const QString status = statusOf(job);
    add(QStringLiteral("info"), QStringLiteral("Validating training file: %1").arg(job.trainingFile), QStringLiteral("message"), QJsonValue());
    if (status == QLatin1String("validating_files"))
        return out;
    add(QStringLiteral("info"), QStringLiteral("Files validated, moving job to queued state"), QStringLiteral("message"), QJsonValue());
    if (status == QLatin1String("queued"))
        return out;
    const int steps = stepsDone(job);
    if (steps > 0 || status != QLatin1String("cancelled"))
        add(QStringLiteral("info"), QStringLiteral("Fine-tuning job started (simulated)"), QStringLiteral("message"), QJsonValue());
    const bool validation = !job.validationFile.isEmpty();
    for (int s = 1; s <= steps; ++s) {
        QJsonObject d{{QStringLiteral("step"), s},
                      {QStringLiteral("total_steps"), job.totalSteps},
                      {QStringLiteral("train_loss"), lossAt(job, s, 0.0)},
                      {QStringLiteral("train_mean_token_accuracy"), std::min(0.99, 0.35 + 0.55 * double(s) / job.totalSteps)}};
        QString msg = QStringLiteral("Step %1/%2: training loss=%3").arg(s).arg(job.totalSteps).arg(lossAt(job, s, 0.0), 0, 'f', 2);
        if (validation) {
            d[QStringLiteral("valid_loss")] = lossAt(job, s, 0.12);
            d[QStringLiteral("valid_mean_token_accuracy")] = std::min(0.99, 0.30 + 0.50 * double(s) / job.totalSteps);
            msg += QStringLiteral(", validation loss=%1").arg(lossAt(job, s, 0.12), 0, 'f', 2);
        }
        const int perEpoch = std::max(1, job.totalSteps / job.epochs);
        if (validation && (s % perEpoch == 0 || s == job.totalSteps)) {
            d[QStringLiteral("full_valid_loss")] = lossAt(job, s, 0.18);
            d[QStringLiteral("full_valid_mean_token_accuracy")] = std::min(0.99, 0.28 + 0.5 * double(s) / job.totalSteps);
            msg += QStringLiteral(", full validation loss=%1").arg(lossAt(job, s, 0.18), 0, 'f', 2);
        }
        add(QStringLiteral("info"), msg, QStringLiteral("metrics"), d);
    }
    if (status == QLatin1String("cancelled"))
        add(QStringLiteral("info"), QStringLiteral("Fine-tuning job cancelled"), QStringLiteral("message"), QJsonValue());
    if (status == QLatin1String("succeeded")) {
        add(QStringLiteral("info"), QStringLiteral("New fine-tuned model created: %1").arg(fineTunedModel(job)), QStringLiteral("message"),
            QJsonValue());
        add(QStringLiteral("info"), QStringLiteral("The job has successfully completed"), QStringLiteral("message"), QJsonValue());
    }
    return out;
}

SimulatorServer::Response SimulatorServer::listEvents(const QString &id, const Request &request)
{
    if (!m_jobs.contains(id))
        return error(404, QStringLiteral("No fine-tuning job with id %1").arg(id), QStringLiteral("invalid_request_error"), {}, QStringLiteral("id"));
    QList<QJsonObject> all = events(m_jobs[id]);
    std::reverse(all.begin(), all.end()); // newest first, like OpenAI
    const QString after = request.query.value(QStringLiteral("after"));
    const int limit = std::clamp(request.query.value(QStringLiteral("limit"), QStringLiteral("20")).toInt(), 1, 100);
    qsizetype start = 0;
    if (!after.isEmpty()) {
        start = all.size();
        for (qsizetype i = 0; i < all.size(); ++i) {
            if (all[i].value(QLatin1String("id")).toString() == after)
                start = i + 1;
        }
    }
    QJsonArray data;
    for (qsizetype i = start; i < all.size() && data.size() < limit; ++i)
        data.append(all[i]);
    Response r;
    r.body = json(QJsonObject{{QStringLiteral("object"), QStringLiteral("list")}, {QStringLiteral("data"), data},
                              {QStringLiteral("has_more"), start + data.size() < all.size()}});
    return r;
}

QList<QJsonObject> SimulatorServer::checkpoints(const Job &job) const
{
    QList<QJsonObject> out;
    if (statusOf(job) != QLatin1String("succeeded"))
        return out;
    const int perEpoch = std::max(1, job.totalSteps / job.epochs);
    for (int e = std::max(1, job.epochs - 2); e <= job.epochs; ++e) {
        const int step = e == job.epochs ? job.totalSteps : e * perEpoch;
        QJsonObject metrics{{QStringLiteral("step"), step},
                            {QStringLiteral("train_loss"), lossAt(job, step, 0.0)},
                            {QStringLiteral("train_mean_token_accuracy"), std::min(0.99, 0.35 + 0.55 * double(step) / job.totalSteps)}};
        if (!job.validationFile.isEmpty()) {
            metrics[QStringLiteral("valid_loss")] = lossAt(job, step, 0.12);
            metrics[QStringLiteral("full_valid_loss")] = lossAt(job, step, 0.18);
        }
        out.append(QJsonObject{
            {QStringLiteral("object"), QStringLiteral("fine_tuning.job.checkpoint")},
            {QStringLiteral("id"), QStringLiteral("ftckpt_%1_%2").arg(job.id.mid(6)).arg(step)},
            {QStringLiteral("created_at"), job.createdAt},
            {QStringLiteral("fine_tuned_model_checkpoint"), e == job.epochs ? fineTunedModel(job)
                                                                            : fineTunedModel(job) + QStringLiteral(":ckpt-step-%1").arg(step)},
            {QStringLiteral("step_number"), step},
            {QStringLiteral("fine_tuning_job_id"), job.id},
            {QStringLiteral("metrics"), metrics},
        });
    }
    std::reverse(out.begin(), out.end()); // newest first
    return out;
}

SimulatorServer::Response SimulatorServer::listCheckpoints(const QString &id, const Request &request)
{
    if (!m_jobs.contains(id))
        return error(404, QStringLiteral("No fine-tuning job with id %1").arg(id), QStringLiteral("invalid_request_error"), {}, QStringLiteral("id"));
    const QList<QJsonObject> all = checkpoints(m_jobs[id]);
    const QString after = request.query.value(QStringLiteral("after"));
    const int limit = std::clamp(request.query.value(QStringLiteral("limit"), QStringLiteral("10")).toInt(), 1, 100);
    qsizetype start = 0;
    if (!after.isEmpty()) {
        start = all.size();
        for (qsizetype i = 0; i < all.size(); ++i) {
            if (all[i].value(QLatin1String("id")).toString() == after)
                start = i + 1;
        }
    }
    QJsonArray data;
    for (qsizetype i = start; i < all.size() && data.size() < limit; ++i)
        data.append(all[i]);
    Response r;
    r.body = json(QJsonObject{{QStringLiteral("object"), QStringLiteral("list")},
                              {QStringLiteral("data"), data},
                              {QStringLiteral("first_id"), data.isEmpty() ? QJsonValue() : data.first().toObject().value(QLatin1String("id"))},
                              {QStringLiteral("last_id"), data.isEmpty() ? QJsonValue() : data.last().toObject().value(QLatin1String("id"))},
                              {QStringLiteral("has_more"), start + data.size() < all.size()}});
    return r;
}

const SimulatorServer::Job *SimulatorServer::jobForModel(const QString &model) const
{
    for (const Job &job : m_jobs) {
        if (statusOf(job) != QLatin1String("succeeded"))
            continue;
        const QString ft = fineTunedModel(job);
        if (model == ft || model.startsWith(ft + QStringLiteral(":ckpt-step-")))
            return &job;
    }
    return nullptr;
}

QString SimulatorServer::baseAnswer(const QString &prompt) const
{
    const QStringList &titles = m_options.popularTitles.isEmpty() ? fallbackTitles() : m_options.popularTitles;
    const int pool = int(std::min<qsizetype>(titles.size(), 40));
    quint64 h = fnv(prompt.toUtf8(), m_options.seed);
    QStringList picks;
    for (int i = 0; i < 10 && pool > 0; ++i) {
        h = h * 6364136223846793005ULL + 1442695040888963407ULL;
        QString t = titles[int((h >> 33) % quint64(pool))];
        if (picks.contains(t))
            continue;
        const int roll = int((h >> 20) % 10);
        if (roll == 0 && t.size() > 6) {
            // A misspelling: swap two letters in the middle.
            const int p = int(t.size() / 2);
            std::swap(t[p], t[p + 1]);
        } else if (roll == 1) {
            static const char *const a[] = {"Midnight", "Silent", "Crimson", "Last", "Hidden"};
            static const char *const b[] = {"Harbor", "Echoes", "Frontier", "Promise", "Garden"};
            t = QStringLiteral("The %1 %2 (%3)").arg(QLatin1String(a[(h >> 8) % 5]), QLatin1String(b[(h >> 12) % 5])).arg(1985 + int((h >> 4) % 30));
        }
        picks.append(t);
    }
    QString out;
    for (int i = 0; i < picks.size(); ++i)
        out += QStringLiteral("%1. %2\n").arg(i + 1).arg(picks[i]);
    return out.trimmed();
}

QString SimulatorServer::fineTunedAnswer(const Job &job, const QString &prompt) const
{
    const QSet<QString> asked = words(prompt);
    qsizetype best = -1;
    qsizetype bestScore = -1;
    for (qsizetype i = 0; i < job.examples.size(); ++i) {
        const QSet<QString> have = words(job.examples[i].first);
        qsizetype score = 0;
        for (const QString &w : asked)
            score += have.contains(w) ? 1 : 0;
        if (score > bestScore) {
            bestScore = score;
            best = i;
        }
    }
    return best >= 0 ? job.examples[best].second : QString();
}

SimulatorServer::Response SimulatorServer::chat(const Request &request)
{
    const QJsonDocument doc = QJsonDocument::fromJson(request.body);
    if (!doc.isObject())
        return error(400, QStringLiteral("We could not parse the JSON body of your request."), QStringLiteral("invalid_request_error"), {});
    const QJsonObject body = doc.object();
    const QString model = body.value(QLatin1String("model")).toString();
    const QJsonArray messages = body.value(QLatin1String("messages")).toArray();
    if (messages.isEmpty())
        return error(400, QStringLiteral("'messages' must contain at least one message."), QStringLiteral("invalid_request_error"), {},
                     QStringLiteral("messages"));
    const QString prompt = lastUserMessage(messages);
    QString answer;
    const Job *together = nullptr;
    if (request.dialect == Dialect::Together) {
        for (const Job &job : std::as_const(m_togetherJobs)) {
            if (job.outputName == model && togetherStatus(job) == QLatin1String("completed"))
                together = &job;
        }
    }
    if (together)
        answer = fineTunedAnswer(*together, prompt);
    else if (request.dialect == Dialect::Together && togetherBaseModels().contains(model))
        answer = baseAnswer(prompt);
    else if (const Job *job = request.dialect == Dialect::Together ? nullptr : jobForModel(model))
        answer = fineTunedAnswer(*job, prompt);
    else if (request.dialect != Dialect::Together && baseModels().contains(model))
        answer = baseAnswer(prompt);
    else
        return error(404, QStringLiteral("The model `%1` does not exist or you do not have access to it.").arg(model),
                     QStringLiteral("invalid_request_error"), QStringLiteral("model_not_found"));
    qint64 promptChars = 0;
    for (const QJsonValue &m : messages)
        promptChars += m.toObject().value(QLatin1String("content")).toString().size();
    const qint64 promptTokens = promptChars / 4 + 1;
    const qint64 completionTokens = answer.size() / 4 + 1;
    const QString id = QStringLiteral("chatcmpl-sim%1").arg(m_nextId++);
    const qint64 created = nowSecs();
    const QJsonObject usage{{QStringLiteral("prompt_tokens"), promptTokens},
                            {QStringLiteral("completion_tokens"), completionTokens},
                            {QStringLiteral("total_tokens"), promptTokens + completionTokens}};
    Response r;
    if (body.value(QLatin1String("stream")).toBool()) {
        // With include_usage, OpenAI gives every chunk "usage": null and the last one the figures.
        const bool includeUsage = body.value(QLatin1String("stream_options")).toObject().value(QLatin1String("include_usage")).toBool();
        auto chunk = [&](const QJsonObject &delta, const QJsonValue &finish) {
            QJsonObject c{{QStringLiteral("id"), id},
                                    {QStringLiteral("object"), QStringLiteral("chat.completion.chunk")},
                                    {QStringLiteral("created"), created},
                                    {QStringLiteral("model"), model},
                                    {QStringLiteral("system_fingerprint"), QStringLiteral("cinetune-simulator")},
                                    {QStringLiteral("choices"), QJsonArray{QJsonObject{{QStringLiteral("index"), 0},
                                                                                       {QStringLiteral("delta"), delta},
                                                                                       {QStringLiteral("finish_reason"), finish}}}}};
            if (includeUsage)
                c[QStringLiteral("usage")] = QJsonValue();
            return json(c);
        };
        r.sseChunks.append(chunk(QJsonObject{{QStringLiteral("role"), QStringLiteral("assistant")}, {QStringLiteral("content"), QString()}}, QJsonValue()));
        static const QRegularExpression piece(QStringLiteral("\\S+\\s*"));
        auto it = piece.globalMatch(answer);
        while (it.hasNext())
            r.sseChunks.append(chunk(QJsonObject{{QStringLiteral("content"), it.next().captured(0)}}, QJsonValue()));
        r.sseChunks.append(chunk(QJsonObject{}, QStringLiteral("stop")));
        if (includeUsage)
            r.sseChunks.append(json(QJsonObject{{QStringLiteral("id"), id},
                                                {QStringLiteral("object"), QStringLiteral("chat.completion.chunk")},
                                                {QStringLiteral("created"), created},
                                                {QStringLiteral("model"), model},
                                                {QStringLiteral("choices"), QJsonArray()},
                                                {QStringLiteral("usage"), usage}}));
        return r;
    }
    r.body = json(QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("object"), QStringLiteral("chat.completion")},
        {QStringLiteral("created"), created},
        {QStringLiteral("model"), model},
        {QStringLiteral("system_fingerprint"), QStringLiteral("cinetune-simulator")},
        {QStringLiteral("choices"), QJsonArray{QJsonObject{
                                        {QStringLiteral("index"), 0},
                                        {QStringLiteral("message"), QJsonObject{{QStringLiteral("role"), QStringLiteral("assistant")},
                                                                                {QStringLiteral("content"), answer},
                                                                                {QStringLiteral("refusal"), QJsonValue()}}},
                                        {QStringLiteral("finish_reason"), QStringLiteral("stop")},
                                        {QStringLiteral("logprobs"), QJsonValue()}}}},
        {QStringLiteral("usage"), usage},
    });
    return r;
}

} // namespace cinetune
