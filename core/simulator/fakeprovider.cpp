// The simulator's provider state: routing by dialect, authentication, models, OpenAI files,
// error bodies and Azure's variant of them (see fakeprovider.h for the other API families).
#include "core/simulator/fakeprovider.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace cinetune {

namespace {

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

qint64 nowSecs()
{
    return QDateTime::currentSecsSinceEpoch();
}

} // namespace

FakeProvider::FakeProvider(SimulatorOptions options, FaultPlan *faults)
    : m_options(std::move(options))
    , m_faults(faults)
{
    m_clock.start();
}

QStringList FakeProvider::baseModels()
{
    return {QStringLiteral("gpt-4o-mini-2024-07-18"), QStringLiteral("gpt-4.1-mini-2025-04-14"),
            QStringLiteral("gpt-4.1-nano-2025-04-14"), QStringLiteral("sim-base")};
}

FakeProvider::Response FakeProvider::error(int status, const QString &message, const QString &type, const QString &code,
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
void FakeProvider::toAzure(Response &response, int requestNumber)
{
    response.headers.append(
        qMakePair(QByteArray("apim-request-id"),
                  QByteArray("00000000-0000-4000-8000-") + QByteArray::number(requestNumber).rightJustified(12, '0')));
    if (response.status < 400)
        return;
    const QJsonObject e = QJsonDocument::fromJson(response.body).object().value(QLatin1String("error")).toObject();
    if (e.isEmpty())
        return;
    QString code = e.value(QLatin1String("code")).toString();
    if (code.isEmpty()) {
        switch (response.status) {
        case 400:
            code = QStringLiteral("BadRequest");
            break;
        case 401:
            code = QStringLiteral("Unauthorized");
            break;
        case 403:
            code = QStringLiteral("Forbidden");
            break;
        case 404:
            code = QStringLiteral("NotFound");
            break;
        case 409:
            code = QStringLiteral("Conflict");
            break;
        case 429:
            code = QStringLiteral("TooManyRequests");
            break;
        default:
            code = response.status >= 500 ? QStringLiteral("InternalServerError") : QStringLiteral("BadRequest");
            break;
        }
    }
    QJsonObject azure{{QStringLiteral("code"), code},
                      {QStringLiteral("message"), e.value(QLatin1String("message"))},
                      {QStringLiteral("type"), QStringLiteral("error")}};
    if (e.value(QLatin1String("param")).isString())
        azure[QStringLiteral("param")] = e.value(QLatin1String("param"));
    response.body = json(QJsonObject{{QStringLiteral("error"), azure}});
}

FakeProvider::Response FakeProvider::handle(const Request &request)
{
    const QStringList parts = request.path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    // Together's pre-signed upload URL stand-in: like the object store it replaces, it takes no API key.
    if (request.dialect == Dialect::Together && parts.size() == 3 && parts[1] == QLatin1String("_upload")
        && request.method == "PUT")
        return togetherUploadPut(request, parts[2]);
    const QByteArray auth = request.headers.value("authorization");
    if (!auth.startsWith("Bearer ") && request.headers.value("api-key").isEmpty())
        return error(401, QStringLiteral("You didn't provide an API key (Authorization: Bearer ...)."),
                     QStringLiteral("invalid_request_error"), QStringLiteral("missing_api_key"));
    if (!m_options.apiKey.isEmpty() && auth != "Bearer " + m_options.apiKey
        && request.headers.value("api-key") != m_options.apiKey)
        return error(401, QStringLiteral("Incorrect API key provided."), QStringLiteral("invalid_request_error"),
                     QStringLiteral("invalid_api_key"));
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
FakeProvider::Response FakeProvider::routeOpenAI(const Request &request, const QStringList &parts)
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

FakeProvider::Response FakeProvider::listModels()
{
    QJsonArray data;
    for (const QString &m : baseModels())
        data.append(QJsonObject{{QStringLiteral("id"), m},
                                {QStringLiteral("object"), QStringLiteral("model")},
                                {QStringLiteral("created"), 1721172741},
                                {QStringLiteral("owned_by"), QStringLiteral("cinetune-simulator")}});
    for (const QString &id : m_jobOrder) {
        const Job &job = m_jobs[id];
        if (statusOf(job) == QLatin1String("succeeded"))
            data.append(QJsonObject{{QStringLiteral("id"), fineTunedModel(job)},
                                    {QStringLiteral("object"), QStringLiteral("model")},
                                    {QStringLiteral("created"), job.createdAt},
                                    {QStringLiteral("owned_by"), QStringLiteral("user")}});
    }
    Response r;
    r.body = json(QJsonObject{{QStringLiteral("object"), QStringLiteral("list")}, {QStringLiteral("data"), data}});
    return r;
}

std::optional<QList<FakeProvider::MultipartPart>> FakeProvider::multipartParts(const Request &request)
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

FakeProvider::Response FakeProvider::uploadFile(const Request &request)
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

FakeProvider::Response FakeProvider::getFile(const QString &id, bool content)
{
    if (!m_files.contains(id))
        return error(404, QStringLiteral("No such File object: %1").arg(id), QStringLiteral("invalid_request_error"), {},
                     QStringLiteral("id"));
    const File &f = m_files[id];
    Response r;
    if (content) {
        r.body = f.data;
        r.contentType = "application/octet-stream";
        return r;
    }
    r.body = json(QJsonObject{{QStringLiteral("id"), f.id},
                              {QStringLiteral("object"), QStringLiteral("file")},
                              {QStringLiteral("bytes"), f.data.size()},
                              {QStringLiteral("created_at"), f.createdAt},
                              {QStringLiteral("filename"), f.filename},
                              {QStringLiteral("purpose"), f.purpose},
                              {QStringLiteral("status"), QStringLiteral("processed")},
                              {QStringLiteral("expires_at"), QJsonValue()}});
    return r;
}

} // namespace cinetune
