#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>
#include <QStringList>

namespace cinetune {

// The values the simulator's HTTP transport (SimulatorServer) and its fake provider state
// (FakeProvider) exchange: the transport parses a request, the provider answers it, the transport
// sends the answer (or breaks it, when a fault says so).

// Which provider's API a request speaks, by path prefix:
//   /v1/...           OpenAI;
//   /openai/v1/...    Azure OpenAI v1 (OpenAI's shapes, Azure's error body and apim-request-id);
//   /together/v1/...  Together AI's fine-tuning API (faketogether*.cpp), as its OpenAPI
//                     document describes it; chat completions in OpenAI's shape.
enum class SimDialect {
    OpenAI,
    Azure,
    Together
};

struct SimulatorOptions
{
    int jobDurationMs = 6000;   // validating -> queued -> running -> succeeded
    int batchDurationMs = 8000; // batches: validating -> in_progress -> finalizing -> completed
    int latencyMs = 0;          // added before every answer (and spread over SSE chunks)
    QStringList popularTitles;  // "Title (Year)", most popular first (base-model answers)
    quint64 seed = 42;
    // When set, the only API key accepted (as "Authorization: Bearer KEY" or "api-key: KEY"):
    // anything else gets OpenAI's 401 invalid_api_key, so a test can prove which key was sent.
    QByteArray apiKey;
};

struct SimRequest
{
    QByteArray method;
    QString path;
    QMap<QString, QString> query;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
    SimDialect dialect = SimDialect::OpenAI;
};

struct SimResponse
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QByteArray contentType = "application/json";
    QList<QByteArray> sseChunks; // non-empty = text/event-stream
};

} // namespace cinetune
