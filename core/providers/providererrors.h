#pragma once

#include "core/common/result.h"
#include "core/providers/httptypes.h"
#include "core/providers/providerprofile.h"

namespace cinetune {

// What the failed request was doing (for the message).
enum class ProviderOperation {
    Models,
    Upload,
    FileStatus,
    DeleteFile,
    CreateJob,
    GetJob,
    ListJobs,
    Cancel,
    Events,
    Checkpoints,
    Metrics,
    Chat
};

// Maps an HTTP error response to an actionable Error. Codes:
//   provider.bad_key (401), provider.training_not_available (403 code training_not_available),
//   provider.forbidden (other 403), provider.unknown_model (404 naming a model, or model_not_found),
//   provider.deployment_needed (Azure 404 DeploymentNotFound on chat), provider.not_found (other 404),
//   provider.quota (429 insufficient_quota), provider.rate_limited (other 429),
//   provider.invalid_request (400/422), provider.retired (410), provider.server (5xx), provider.http.
// `model` names the model involved (may be empty). The message never contains the key; `secret`
// is removed from the detail as well.
Error mapHttpError(ProviderKind kind, ProviderOperation operation, const HttpResponse &response, const QString &model = {},
                   const QString &secret = {});

// The "error" object of an OpenAI/Together/Azure error body (empty fields when absent).
struct ProviderErrorBody
{
    QString message;
    QString type;
    QString code;
    QString param;
};
ProviderErrorBody parseErrorBody(const QByteArray &body);

// An answer that is a web page (a proxy's or a website's) rather than the API's JSON.
bool isHtml(const HttpResponse &response);
// The <title> of an HTML page ("502 Bad Gateway"), or "".
QString htmlTitle(const QByteArray &body);

} // namespace cinetune
