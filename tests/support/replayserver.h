#pragma once

// A loopback HTTP/1.1 server that answers with recorded bytes: the shapes real servers send
// (OpenAI, Azure, Together, vLLM, Ollama, llama.cpp, a proxy's HTML page), byte for byte, so the
// client is tested against what others wrote rather than against our own simulator. Each route
// answers its responses in order (the last one repeats); every request is recorded.
#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

namespace cinetune::test {

struct RecordedResponse
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
};

struct ReceivedRequest
{
    QByteArray method;
    QByteArray path;                       // with the query
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
};

class ReplayServer final : public QObject
{
public:
    explicit ReplayServer(QObject *parent = nullptr)
        : QObject(parent)
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this]() {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                QObject::connect(s, &QTcpSocket::readyRead, this, [this, s]() { onData(s); });
                QObject::connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QString url(const QString &path = QStringLiteral("/v1")) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path);
    }

    // "POST /v1/chat/completions" (path without query) answers these, in order.
    void route(const QByteArray &methodAndPath, const QList<RecordedResponse> &responses) { m_routes[methodAndPath] = responses; }

    const QList<ReceivedRequest> &requests() const { return m_requests; }
    int count(const QByteArray &methodAndPath) const
    {
        int n = 0;
        for (const ReceivedRequest &r : m_requests)
            n += (r.method + ' ' + r.path.split('?').first()) == methodAndPath;
        return n;
    }

private:
    void onData(QTcpSocket *s)
    {
        QByteArray &buf = m_buffers[s];
        buf += s->readAll();
        const qsizetype headerEnd = buf.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        ReceivedRequest r;
        const QList<QByteArray> lines = buf.left(headerEnd).split('\n');
        const QList<QByteArray> start = lines.value(0).trimmed().split(' ');
        r.method = start.value(0);
        r.path = start.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                r.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
        }
        const qsizetype length = r.headers.value("content-length", "0").toLongLong();
        if (buf.size() < headerEnd + 4 + length)
            return;
        r.body = buf.mid(headerEnd + 4, length);
        m_buffers.remove(s);
        m_requests.append(r);
        const QByteArray key = r.method + ' ' + r.path.split('?').first();
        QList<RecordedResponse> &queue = m_routes[key];
        RecordedResponse answer;
        if (queue.isEmpty()) {
            answer = {
                404, "application/json", R"({"error":{"message":"no recorded response for this route","type":"test"}})", {}};
        } else {
            answer = queue.first();
            if (queue.size() > 1)
                queue.removeFirst();
        }
        QByteArray out = "HTTP/1.1 " + QByteArray::number(answer.status) + " Recorded\r\n";
        if (!answer.contentType.isEmpty())
            out += "Content-Type: " + answer.contentType + "\r\n";
        for (const auto &h : answer.headers)
            out += h.first + ": " + h.second + "\r\n";
        out += "Content-Length: " + QByteArray::number(answer.body.size()) + "\r\nConnection: close\r\n\r\n" + answer.body;
        s->write(out);
        s->disconnectFromHost();
    }

    QTcpServer m_server;
    QHash<QByteArray, QList<RecordedResponse>> m_routes;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<ReceivedRequest> m_requests;
};

} // namespace cinetune::test
