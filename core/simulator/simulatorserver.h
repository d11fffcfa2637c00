#pragma once

#include "core/common/result.h"
#include "core/simulator/faultrule.h"
#include "core/simulator/simhttp.h"

#include <QHash>
#include <QObject>
#include <QStringList>

#include <memory>

class QTcpServer;
class QTcpSocket;

namespace cinetune {

class FakeProvider;

// The offline simulator: a real HTTP/1.1 server on 127.0.0.1 that speaks the OpenAI-compatible
// subset CineTune uses (models, files, fine-tuning jobs with events and checkpoints, chat
// completions with and without SSE streaming, batches). Three dialects share one server, chosen by
// the path prefix (see SimDialect). It is NOT a language model: see AnswerModel for how it answers.
// Every answer carries "system_fingerprint": "cinetune-simulator".
//
// This class is the transport: it reads requests, injects the configured faults (FaultPlan),
// adds latency, and writes answers (SSE streams included). What the provider knows and says
// (files, jobs, batches, the three dialects) is FakeProvider's.
//
// Hand-rolled on QTcpServer rather than Qt HttpServer 6.4 because the tests need control that
// QHttpServer 6.4 does not give: streaming SSE with pauses, dropping a connection half-way through
// a body, stalling after carrying out a request, and counting requests per route.
class SimulatorServer final : public QObject
{
    Q_OBJECT

public:
    using Dialect = SimDialect;
    using Options = SimulatorOptions;

    explicit SimulatorServer(QObject *parent = nullptr);
    SimulatorServer(Options options, QObject *parent);
    ~SimulatorServer() override;
    Q_DISABLE_COPY_MOVE(SimulatorServer)

    // Listens on 127.0.0.1:port (0 = any free port).
    [[nodiscard]] Status listen(quint16 port = 0);
    quint16 port() const;
    QString baseUrl() const;                // http://127.0.0.1:PORT/v1
    QString baseUrl(Dialect dialect) const; // .../v1, .../openai/v1 or .../together/v1

    [[nodiscard]] Status setFaults(const QString &spec) { return m_faults.set(spec); }
    void addFaults(const QList<FaultRule> &rules) { m_faults.add(rules); }
    void clearFaults() { m_faults.clear(); }
    void setOptions(const Options &options);

    // Requests seen, by "METHOD /path" (without query); for tests.
    int requestCount(const QString &methodAndPath) const { return m_requestCounts.value(methodAndPath); }
    int totalRequests() const { return m_totalRequests; }
    int jobCount() const;
    int batchCount() const;

    // The OpenAI dialect's base models (what GET /v1/models lists before any fine-tuning).
    static QStringList baseModels();

Q_SIGNALS:
    void requestHandled(const QString &methodAndPath, int status);
    // Every request as it arrives (before faults and latency), with its body; for tests that
    // need to know what was asked (e.g. which user a chat prompt was for).
    void requestReceived(const QString &methodAndPath, const QByteArray &body);

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void dispatch(QTcpSocket *socket, const SimRequest &request);
    void send(QTcpSocket *socket, const SimResponse &response, const FaultRule *fault);

    Options m_options;
    FaultPlan m_faults;
    std::unique_ptr<FakeProvider> m_provider;
    QTcpServer *m_server = nullptr;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QHash<QString, int> m_requestCounts;
    int m_totalRequests = 0;
};

} // namespace cinetune
