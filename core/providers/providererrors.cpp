#include "core/providers/providererrors.h"

#include "core/common/tr.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace cinetune {

namespace {

QString jsonText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toDouble());
    return {};
}

QString operationText(ProviderOperation op)
{
    switch (op) {
    case ProviderOperation::Models:
        return tr("listing models");
    case ProviderOperation::Upload:
        return tr("uploading the file");
    case ProviderOperation::FileStatus:
        return tr("checking the uploaded file");
    case ProviderOperation::DeleteFile:
        return tr("deleting the uploaded file");
    case ProviderOperation::CreateJob:
        return tr("creating the fine-tuning job");
    case ProviderOperation::GetJob:
        return tr("reading the fine-tuning job");
    case ProviderOperation::ListJobs:
        return tr("listing fine-tuning jobs");
    case ProviderOperation::Cancel:
        return tr("cancelling the job");
    case ProviderOperation::Events:
        return tr("reading the job's events");
    case ProviderOperation::Checkpoints:
        return tr("reading the job's checkpoints");
    case ProviderOperation::Metrics:
        return tr("reading the job's metrics");
    case ProviderOperation::Chat:
        return tr("asking the model");
    }
    return {};
}

} // namespace

bool isHtml(const HttpResponse &response)
{
    if (response.header("content-type").toLower().contains("text/html"))
        return true;
    const QByteArray start = response.body.left(256).trimmed().toLower();
    return start.startsWith("<!doctype html") || start.startsWith("<html");
}

QString htmlTitle(const QByteArray &body)
{
    const QByteArray lower = body.toLower();
    const qsizetype open = lower.indexOf("<title>");
    const qsizetype close = open < 0 ? -1 : lower.indexOf("</title>", open);
    if (open < 0 || close < 0)
        return {};
    return QString::fromUtf8(body.mid(open + 7, close - open - 7)).simplified();
}

ProviderErrorBody parseErrorBody(const QByteArray &body)
{
    ProviderErrorBody out;
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject())
        return out;
    const QJsonObject root = doc.object();
    const QJsonValue err = root.value(QLatin1String("error"));
    if (err.isObject()) {
        const QJsonObject e = err.toObject();
        out.message = jsonText(e.value(QLatin1String("message")));
        out.type = jsonText(e.value(QLatin1String("type")));
        out.code = jsonText(e.value(QLatin1String("code")));
        out.param = jsonText(e.value(QLatin1String("param")));
    } else if (err.isString()) {
        out.message = err.toString();
    } else {
        out.message = jsonText(root.value(QLatin1String("message")));
        if (out.message.isEmpty())
            out.message = jsonText(root.value(QLatin1String("detail")));
        out.code = jsonText(root.value(QLatin1String("code")));
    }
    return out;
}

Error mapHttpError(ProviderKind kind, ProviderOperation operation, const HttpResponse &response, const QString &model,
                   const QString &secret)
{
    const ProviderErrorBody body = parseErrorBody(response.body);
    const QString what = operationText(operation);
    const QString provider = providerKindLabel(kind);
    const bool html = isHtml(response);
    QString serverText = redactSecret(html ? htmlTitle(response.body) : body.message, secret).simplified();
    if (serverText.size() > 300)
        serverText = serverText.left(300) + QStringLiteral("…");
    const QString requestId = QString::fromLatin1(response.header("x-request-id").isEmpty() ? response.header("apim-request-id")
                                                                                            : response.header("x-request-id"));
    QString detail = QStringLiteral("HTTP %1").arg(response.status);
    if (!body.code.isEmpty())
        detail += QStringLiteral(", code %1").arg(body.code);
    if (!requestId.isEmpty())
        detail += QStringLiteral(", request id %1").arg(requestId);
    if (!serverText.isEmpty())
        detail += QStringLiteral(": ") + serverText;
    // The server's own words always reach the user, verbatim, after our hint.
    auto err = [&](ErrorCode code, QString message) {
        if (!serverText.isEmpty() && !message.contains(serverText))
            message += QLatin1Char(' ') + tr("%1 said: \"%2\"").arg(provider, serverText);
        if (html)
            message += QLatin1Char(' ')
                + tr("The server answered with an HTML page, not the API: check the base URL (and any proxy in between).");
        return makeError(code, message, detail);
    };
    const int s = response.status;
    if (s == 401)
        return err(errc::Provider::BadKey,
                   tr("%1 rejected the API key while %2 (HTTP 401). Check the key in Settings → Providers "
                      "or the environment variable, and that it belongs to this organization or resource.")
                       .arg(provider, what));
    if (s == 403 && body.code == QLatin1String("training_not_available"))
        return err(errc::Provider::TrainingNotAvailable,
                   tr("OpenAI no longer accepts new fine-tuning jobs for this organization (self-serve fine-tuning is "
                      "winding down; no new jobs after 2027-01-06). Fine-tune with Azure OpenAI (v1), which still trains "
                      "gpt-4o-mini, or Together AI: add a profile in Settings → Providers and submit there."));
    if (s == 403)
        return err(
            errc::Provider::Forbidden,
            tr("%1 refused %2 (HTTP 403): %3").arg(provider, what, serverText.isEmpty() ? tr("no permission") : serverText));
    // Together: a model that is not served serverless, or whose dedicated endpoint is stopped.
    if (kind == ProviderKind::Together
        && (body.code == QLatin1String("model_not_available") || body.code == QLatin1String("dedicated_endpoint_not_running")))
        return err(
            errc::Provider::DeploymentNeeded,
            tr("Together AI does not serve \"%1\" right now: create and start a dedicated endpoint for it in the "
               "Together AI dashboard (fine-tuned models are served serverless only for some base models), then try again.")
                .arg(model));
    // Azure answers a path below the resource that is not the API (e.g. a base URL without /openai/v1)
    // with 404 {"error":{"code":"404","message":"Resource not found"}}.
    if (s == 404 && kind == ProviderKind::Azure && body.code == QLatin1String("404"))
        return err(errc::Provider::NotFound,
                   tr("Azure OpenAI has no such API path while %1 (HTTP 404). Check that the base URL is "
                      "https://<resource>.openai.azure.com/openai/v1.")
                       .arg(what));
    if (s == 404 && kind == ProviderKind::Azure && operation == ProviderOperation::Chat
        && (body.code.contains(QLatin1String("DeploymentNotFound"), Qt::CaseInsensitive) || !model.isEmpty()))
        return err(errc::Provider::DeploymentNeeded,
                   tr("Azure OpenAI has no deployment named \"%1\". A fine-tuned Azure model, or a checkpoint (ftchkpt-…), "
                      "must be deployed before it can answer: deploy it in the Azure portal (Developer tier is cheapest for "
                      "evaluation) and enter the deployment name.")
                       .arg(model));
    if (s == 404
        && (body.code == QLatin1String("model_not_found")
            || (!model.isEmpty() && (operation == ProviderOperation::Chat || operation == ProviderOperation::CreateJob))))
        return err(errc::Provider::UnknownModel,
                   tr("%1 does not know the model \"%2\" (HTTP 404). Pick a model from "
                      "\"Test connection\" or check its spelling.")
                       .arg(provider, model));
    if (s == 404)
        return err(errc::Provider::NotFound,
                   tr("%1 could not find what was asked for while %2 (HTTP 404): %3")
                       .arg(provider, what, serverText.isEmpty() ? tr("unknown id") : serverText));
    if (s == 429 && (body.code == QLatin1String("insufficient_quota") || body.type == QLatin1String("insufficient_quota")))
        return err(errc::Provider::Quota,
                   tr("%1: the account's quota or credit is used up (HTTP 429 insufficient_quota). "
                      "Add credit or raise the limit in the provider's billing settings; retrying will not help.")
                       .arg(provider));
    if (s == 429)
        return err(errc::Provider::RateLimited,
                   tr("%1 is rate-limiting requests (HTTP 429) and still did so after several "
                      "retries while %2. Lower the concurrency or requests per minute of the profile, "
                      "or try again later.")
                       .arg(provider, what));
    if (s == 400 || s == 422)
        return err(errc::Provider::InvalidRequest,
                   tr("%1 rejected the request while %2: %3")
                       .arg(provider, what, serverText.isEmpty() ? tr("invalid request") : serverText));
    if (s == 410)
        return err(errc::Provider::Retired, tr("%1: the model \"%2\" has been retired (HTTP 410).").arg(provider, model));
    if (s >= 500)
        return err(
            errc::Provider::Server,
            tr("%1 had a server error while %2 (HTTP %3), also after retrying. Try again later.").arg(provider, what).arg(s));
    return err(errc::Provider::Http, tr("%1 answered HTTP %2 while %3: %4").arg(provider).arg(s).arg(what, serverText));
}

} // namespace cinetune
