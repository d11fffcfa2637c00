// The simulator's Together AI dialect (paths under /together/v1): routing, models, files and
// uploads. Jobs are in faketogetherjobs.cpp.
//
// Shapes follow Together's OpenAPI document (togethercomputer/openapi, shared/provider-specs/
// together-openapi.yaml) and what the together-ai SDK reads: ISO-8601 timestamps, job statuses
// pending -> queued -> running -> compressing -> uploading -> completed (cancel_requested ->
// cancelled; error when the training file has no usable example), "total_price" an integer in
// nano-dollars, "model_output_name" announced at creation, events without ids, checkpoints as
// {step, path, created_at, checkpoint_type}, metrics as flat "train/..." dictionaries, errors as
// ErrorData {"error": {"message", "type", "param", "code"}}.
//
// Uploads: the SDK's files.upload() does POST /files (form-encoded file_name, file_type, purpose),
// expects 302 with Location (a pre-signed object-store URL) and X-Together-File-Id, PUTs the bytes
// there, then GETs /files/{id}. The simulator's Location is its own /together/_upload/{id}, which
// (like a pre-signed URL) takes no API key. POST /files/upload (multipart, the documented path)
// works too.
#include "core/simulator/fakeprovider.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

#include <algorithm>

namespace cinetune {

namespace {

QByteArray json(const QJsonValue &v)
{
    return v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                       : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
}

} // namespace

QStringList FakeProvider::togetherBaseModels()
{
    return {QStringLiteral("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference"), QStringLiteral("meta-llama/Llama-3.2-3B-Instruct"),
            QStringLiteral("Qwen/Qwen2.5-7B-Instruct"), QStringLiteral("meta-llama/Meta-Llama-3.1-70B-Instruct-Reference"),
            QStringLiteral("sim-base")};
}

FakeProvider::Response FakeProvider::togetherNotFound(const QString &id)
{
    return error(404, QStringLiteral("Fine-tune job %1 not found").arg(id), QStringLiteral("invalid_request_error"),
                 QStringLiteral("not_found"), QStringLiteral("id"));
}

// parts: the path after "/together/v1".
FakeProvider::Response FakeProvider::routeTogether(const Request &request, const QStringList &parts)
{
    const QString area = parts.value(0);
    const bool get = request.method == "GET";
    const bool post = request.method == "POST";
    if (area == QLatin1String("models") && parts.size() == 1 && get)
        return togetherModels();
    if (area == QLatin1String("chat") && parts.value(1) == QLatin1String("completions") && parts.size() == 2 && post)
        return chat(request);
    if (area == QLatin1String("files")) {
        if (parts.size() == 1 && get)
            return togetherFiles();
        if (parts.size() == 1 && post)
            return togetherUploadStart(request);
        if (parts.size() == 2 && post && parts[1] == QLatin1String("upload"))
            return togetherUploadMultipart(request);
        if (parts.size() == 2 && get)
            return togetherFile(parts[1], false);
        if (parts.size() == 2 && request.method == "DELETE")
            return togetherDeleteFile(parts[1]);
        if (parts.size() == 3 && get && parts[2] == QLatin1String("content"))
            return togetherFile(parts[1], true);
    }
    if (area == QLatin1String("fine-tunes")) {
        if (parts.size() == 1 && post)
            return togetherCreateJob(request);
        if (parts.size() == 1 && get)
            return togetherJobs();
        if (parts.size() == 2 && get)
            return togetherJob(parts[1], true);
        if (parts.size() == 3 && post && parts[2] == QLatin1String("cancel"))
            return togetherCancel(parts[1]);
        if (parts.size() == 3 && get && parts[2] == QLatin1String("events"))
            return togetherEvents(parts[1]);
        if (parts.size() == 3 && get && parts[2] == QLatin1String("checkpoints"))
            return togetherCheckpoints(parts[1]);
        if (parts.size() == 3 && get && parts[2] == QLatin1String("metrics"))
            return togetherMetrics(parts[1], request);
    }
    return error(404, QStringLiteral("Unknown request %1 %2").arg(QString::fromLatin1(request.method), request.path),
                 QStringLiteral("invalid_request_error"), {});
}

FakeProvider::Response FakeProvider::togetherModels()
{
    QJsonArray out;
    for (const QString &m : togetherBaseModels())
        out.append(
            QJsonObject{{QStringLiteral("id"), m},
                        {QStringLiteral("object"), QStringLiteral("model")},
                        {QStringLiteral("created"), 1721172741},
                        {QStringLiteral("type"), QStringLiteral("chat")},
                        {QStringLiteral("display_name"), m.section(QLatin1Char('/'), -1)},
                        {QStringLiteral("organization"),
                         m.contains(QLatin1Char('/')) ? m.section(QLatin1Char('/'), 0, 0) : QStringLiteral("cinetune-simulator")},
                        {QStringLiteral("context_length"), 8192}});
    for (const QString &id : std::as_const(m_togetherJobOrder)) {
        const Job &job = m_togetherJobs[id];
        if (togetherStatus(job) == QLatin1String("completed"))
            out.append(QJsonObject{{QStringLiteral("id"), job.outputName},
                                   {QStringLiteral("object"), QStringLiteral("model")},
                                   {QStringLiteral("created"), job.createdAt},
                                   {QStringLiteral("type"), QStringLiteral("chat")},
                                   {QStringLiteral("display_name"), job.outputName.section(QLatin1Char('/'), -1)},
                                   {QStringLiteral("organization"), QStringLiteral("cinetune-sim")}});
    }
    Response r;
    r.body = json(out); // Together lists models as a bare array
    return r;
}

// ---- files ----------------------------------------------------------------------------------

FakeProvider::Response FakeProvider::togetherFile(const QString &id, bool content)
{
    const auto it = m_files.constFind(id);
    if (it == m_files.constEnd() || !it->together)
        return error(404, QStringLiteral("File %1 not found").arg(id), QStringLiteral("invalid_request_error"),
                     QStringLiteral("not_found"), QStringLiteral("id"));
    Response r;
    if (content) {
        r.body = it->data;
        r.contentType = "text/plain; charset=utf-8";
        return r;
    }
    r.body = json(QJsonObject{{QStringLiteral("id"), it->id},
                              {QStringLiteral("object"), QStringLiteral("file")},
                              {QStringLiteral("created_at"), it->createdAt},
                              {QStringLiteral("filename"), it->filename},
                              {QStringLiteral("bytes"), it->data.size()},
                              {QStringLiteral("purpose"), it->purpose},
                              {QStringLiteral("FileType"),
                               it->filename.endsWith(QLatin1String(".csv"))           ? QStringLiteral("csv")
                                   : it->filename.endsWith(QLatin1String(".parquet")) ? QStringLiteral("parquet")
                                                                                      : QStringLiteral("jsonl")},
                              {QStringLiteral("Processed"), it->uploaded}});
    return r;
}

FakeProvider::Response FakeProvider::togetherFiles()
{
    QList<const File *> files;
    for (const File &f : std::as_const(m_files)) {
        if (f.together && f.uploaded)
            files.append(&f);
    }
    std::sort(files.begin(), files.end(), [](const File *a, const File *b) { return a->id < b->id; });
    QJsonArray data;
    for (const File *f : std::as_const(files))
        data.append(QJsonDocument::fromJson(togetherFile(f->id, false).body).object());
    Response r;
    r.body = json(QJsonObject{{QStringLiteral("data"), data}});
    return r;
}

FakeProvider::Response FakeProvider::togetherDeleteFile(const QString &id)
{
    if (!m_files.contains(id) || !m_files[id].together)
        return togetherFile(id, false); // the 404
    m_files.remove(id);
    Response r;
    r.body = json(QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("deleted"), true}});
    return r;
}

FakeProvider::Response FakeProvider::togetherUploadMultipart(const Request &request)
{
    const auto parts = multipartParts(request);
    if (!parts)
        return error(400, QStringLiteral("Expected multipart/form-data."), QStringLiteral("invalid_request_error"), {});
    File file;
    file.together = true;
    bool haveFile = false;
    for (const MultipartPart &p : *parts) {
        if (p.name == QLatin1String("purpose"))
            file.purpose = QString::fromUtf8(p.value);
        else if (p.name == QLatin1String("file_name"))
            file.filename = QString::fromUtf8(p.value);
        else if (p.name == QLatin1String("file")) {
            file.data = p.value;
            haveFile = true;
            if (file.filename.isEmpty())
                file.filename = p.filename;
        }
    }
    static const QStringList purposes = {QStringLiteral("fine-tune"), QStringLiteral("eval"), QStringLiteral("batch-api")};
    if (!haveFile || file.filename.isEmpty() || !purposes.contains(file.purpose))
        return error(400, QStringLiteral("\"file\", \"file_name\" and \"purpose\" (fine-tune, eval or batch-api) are required."),
                     QStringLiteral("invalid_request_error"), {},
                     !haveFile                     ? QStringLiteral("file")
                         : file.filename.isEmpty() ? QStringLiteral("file_name")
                                                   : QStringLiteral("purpose"));
    file.id = QStringLiteral("file-%1").arg(
        QStringLiteral("00000000-0000-4000-8000-%1").arg(m_nextId++, 12, 10, QLatin1Char('0')));
    file.createdAt = QDateTime::currentSecsSinceEpoch();
    m_files.insert(file.id, file);
    return togetherFile(file.id, false);
}

FakeProvider::Response FakeProvider::togetherUploadStart(const Request &request)
{
    // The SDK sends the fields both in the query and as a form-encoded body.
    QMap<QString, QString> fields = request.query;
    const QUrlQuery form(QString::fromUtf8(request.body));
    for (const auto &item : form.queryItems(QUrl::FullyDecoded))
        fields.insert(item.first, item.second);
    File file;
    file.together = true;
    file.uploaded = false;
    file.filename = fields.value(QStringLiteral("file_name"));
    file.purpose = fields.value(QStringLiteral("purpose"));
    static const QStringList purposes = {QStringLiteral("fine-tune"), QStringLiteral("eval"), QStringLiteral("batch-api")};
    if (file.filename.isEmpty() || !purposes.contains(file.purpose))
        return error(400, QStringLiteral("\"file_name\" and \"purpose\" (fine-tune, eval or batch-api) are required."),
                     QStringLiteral("invalid_request_error"), {},
                     file.filename.isEmpty() ? QStringLiteral("file_name") : QStringLiteral("purpose"));
    file.id = QStringLiteral("file-%1").arg(
        QStringLiteral("00000000-0000-4000-8000-%1").arg(m_nextId++, 12, 10, QLatin1Char('0')));
    file.createdAt = QDateTime::currentSecsSinceEpoch();
    m_files.insert(file.id, file);
    Response r;
    r.status = 302;
    r.body.clear();
    r.headers.append(qMakePair(QByteArray("Location"),
                               QStringLiteral("http://127.0.0.1:%1/together/_upload/%2").arg(m_port).arg(file.id).toUtf8()));
    r.headers.append(qMakePair(QByteArray("X-Together-File-Id"), file.id.toUtf8()));
    return r;
}

FakeProvider::Response FakeProvider::togetherUploadPut(const Request &request, const QString &fileId)
{
    const auto it = m_files.find(fileId);
    if (it == m_files.end() || !it->together || it->uploaded)
        return error(404, QStringLiteral("No pending upload %1").arg(fileId), QStringLiteral("invalid_request_error"), {});
    it->data = request.body;
    it->uploaded = true;
    Response r;
    r.contentType = "text/plain";
    return r;
}

} // namespace cinetune
