// The simulator's chat completions (OpenAI's shape in every dialect), plain or as an SSE stream
// with usage; the answer text comes from AnswerModel.
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

FakeProvider::Response FakeProvider::chat(const Request &request)
{
    const QJsonDocument doc = QJsonDocument::fromJson(request.body);
    if (!doc.isObject())
        return error(400, QStringLiteral("We could not parse the JSON body of your request."),
                     QStringLiteral("invalid_request_error"), {});
    const QJsonObject body = doc.object();
    const QString model = body.value(QLatin1String("model")).toString();
    const QJsonArray messages = body.value(QLatin1String("messages")).toArray();
    if (messages.isEmpty())
        return error(400, QStringLiteral("'messages' must contain at least one message."),
                     QStringLiteral("invalid_request_error"), {}, QStringLiteral("messages"));
    const QString prompt = AnswerModel::lastUserMessage(messages);
    QString answer;
    const Job *together = nullptr;
    if (request.dialect == Dialect::Together) {
        for (const Job &job : std::as_const(m_togetherJobs)) {
            if (job.outputName == model && togetherStatus(job) == QLatin1String("completed"))
                together = &job;
        }
    }
    if (together)
        answer = AnswerModel::fineTunedAnswer(together->examples, prompt);
    else if (request.dialect == Dialect::Together && togetherBaseModels().contains(model))
        answer = answerModel().baseAnswer(prompt);
    else if (const Job *job = request.dialect == Dialect::Together ? nullptr : jobForModel(model))
        answer = AnswerModel::fineTunedAnswer(job->examples, prompt);
    else if (request.dialect != Dialect::Together && baseModels().contains(model))
        answer = answerModel().baseAnswer(prompt);
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
        const bool includeUsage =
            body.value(QLatin1String("stream_options")).toObject().value(QLatin1String("include_usage")).toBool();
        auto chunk = [&](const QJsonObject &delta, const QJsonValue &finish) {
            QJsonObject c{{QStringLiteral("id"), id},
                          {QStringLiteral("object"), QStringLiteral("chat.completion.chunk")},
                          {QStringLiteral("created"), created},
                          {QStringLiteral("model"), model},
                          {QStringLiteral("system_fingerprint"), QStringLiteral("cinetune-simulator")},
                          {QStringLiteral("choices"),
                           QJsonArray{QJsonObject{{QStringLiteral("index"), 0},
                                                  {QStringLiteral("delta"), delta},
                                                  {QStringLiteral("finish_reason"), finish}}}}};
            if (includeUsage)
                c[QStringLiteral("usage")] = QJsonValue();
            return json(c);
        };
        r.sseChunks.append(
            chunk(QJsonObject{{QStringLiteral("role"), QStringLiteral("assistant")}, {QStringLiteral("content"), QString()}},
                  QJsonValue()));
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
        {QStringLiteral("choices"),
         QJsonArray{QJsonObject{{QStringLiteral("index"), 0},
                                {QStringLiteral("message"),
                                 QJsonObject{{QStringLiteral("role"), QStringLiteral("assistant")},
                                             {QStringLiteral("content"), answer},
                                             {QStringLiteral("refusal"), QJsonValue()}}},
                                {QStringLiteral("finish_reason"), QStringLiteral("stop")},
                                {QStringLiteral("logprobs"), QJsonValue()}}}},
        {QStringLiteral("usage"), usage},
    });
    return r;
}

} // namespace cinetune
