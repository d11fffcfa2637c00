#include "app/cli/providersupport.h"

#include "app/cli/cli.h"
#include "app/cli/interrupthandler.h"
#include "core/dataset/datasetloader.h"
#include "core/finetune/chatdatavalidator.h"
#include "core/finetune/tokenizer.h"
#include "app/cli/options.h"
#include "core/project/jobrepository.h"
#include "core/project/projectfile.h"
#include "core/providers/httpclient.h"
#include "core/providers/jobmonitor.h"
#include "core/providers/providerclient.h"
#include "core/providers/providerprofile.h"
#include "core/finetune/pricetable.h"
#include "core/simulator/simulatorserver.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QRegularExpression>
#include <QSettings>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <memory>
#include <numeric>
#include <optional>

namespace cinetune::cli {

namespace {

QString tr(const char *s)
{
    return QCoreApplication::translate("cinetune-cli", s);
}

} // namespace

// `finetune watch` stopped by Ctrl-C (128 + SIGINT, the shell convention); the job goes on.

void say(QTextStream &s, const QString &text)
{
    s << text;
    s.flush();
}

// ---- event loop ---------------------------------------------------------------------------

// Runs the application's event loop until the work begun by `start` calls done(exitCode).
// `done` stays safe to call after the loop ended (e.g. from a call cancelled while cleaning up).
int runEventLoop(const std::function<void(const Done &)> &start)
{
    const auto result = std::make_shared<std::optional<int>>();
    const Done done = [result](int code) {
        if (*result)
            return;
        *result = code;
        QCoreApplication::exit(code);
    };
    QTimer::singleShot(0, QCoreApplication::instance(), [&start, &done]() { start(done); });
    const int code = QCoreApplication::exec();
    return result->value_or(code);
}

// ---- provider resolution --------------------------------------------------------------------

QList<QCommandLineOption> providerOptions()
{
    QList<QCommandLineOption> o;
    o << QCommandLineOption(QStringLiteral("provider"), tr("Provider profile (see cinetune providers list)"),
                            QStringLiteral("NAME"));
    o << QCommandLineOption(QStringLiteral("base-url"), tr("Inline provider: base URL (ending in /v1)"), QStringLiteral("URL"));
    o << QCommandLineOption(QStringLiteral("kind"),
                            tr("Inline provider: openai, azure, together, openai-compatible or simulator"),
                            QStringLiteral("KIND"));
    o << QCommandLineOption(QStringLiteral("key-env"), tr("Environment variable holding the API key (default: the kind's)"),
                            QStringLiteral("VAR"));
    return o;
}

QStringList profileNames(const ProviderProfileStore &store)
{
    QStringList names;
    for (const ProviderProfile &p : store.profiles())
        names << p.name;
    return names;
}

QString profilesHint(const ProviderProfileStore &store)
{
    const QStringList names = profileNames(store);
    return names.isEmpty() ? tr("none yet; add one with cinetune providers add") : names.join(QStringLiteral(", "));
}

bool validVariableName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    return re.match(name).hasMatch();
}

// Fills `profile` from --provider, the inline --base-url/--kind, or the provider a project
// recorded for the job (`stored`). Returns Success or the exit code after writing the message.
// `profileName` (e.g. the NAME of "providers test NAME") stands for --provider NAME.
int resolveProvider(const QCommandLineParser &parser, const QString &cmd, const StoredJob *stored, ProviderProfile &profile,
                    QTextStream &err, const QString &profileName)
{
    QSettings settings;
    ProviderProfileStore store(settings);
    const bool named = parser.isSet(QStringLiteral("provider")) || !profileName.isEmpty();
    const bool inlined = parser.isSet(QStringLiteral("base-url")) || parser.isSet(QStringLiteral("kind"));
    if (named && inlined) {
        err << tr("cinetune %1: give either --provider NAME or --base-url URL --kind KIND, not both\n").arg(cmd);
        return UsageError;
    }
    if (named) {
        const QString name = profileName.isEmpty() ? parser.value(QStringLiteral("provider")) : profileName;
        const auto p = store.profile(name);
        if (!p) {
            err << tr("cinetune %1: --provider: no profile named \"%2\" (profiles: %3)\n").arg(cmd, name, profilesHint(store));
            return UsageError;
        }
        profile = *p;
    } else if (inlined) {
        if (!parser.isSet(QStringLiteral("kind"))) {
            err << tr("cinetune %1: --base-url needs --kind: %2\n").arg(cmd, kKindChoices);
            return UsageError;
        }
        const auto kind = providerKindFromId(parser.value(QStringLiteral("kind")));
        if (!kind) {
            err << tr("cinetune %1: --kind must be %2, found \"%3\"\n")
                       .arg(cmd, kKindChoices, parser.value(QStringLiteral("kind")));
            return UsageError;
        }
        profile = ProviderProfile{};
        profile.kind = *kind;
        if (parser.isSet(QStringLiteral("base-url"))) {
            if (!checkBaseUrlText(parser.value(QStringLiteral("base-url")), cmd, err))
                return UsageError;
            profile.baseUrl = normalizedBaseUrl(*kind, parser.value(QStringLiteral("base-url")));
        }
        const QUrl url = profile.effectiveBaseUrl();
        // An inline provider is named after its kind and host ("simulator@127.0.0.1:8765").
        profile.name = providerKindId(*kind);
        if (!url.host().isEmpty())
            profile.name += QLatin1Char('@') + url.host(QUrl::FullyEncoded);
        if (url.port() > 0)
            profile.name += QLatin1Char(':') + QString::number(url.port());
    } else if (stored) {
        const auto p = store.profile(stored->provider);
        if (p && p->effectiveBaseUrl().toString() == stored->baseUrl) {
            profile = *p;
        } else {
            profile = ProviderProfile{};
            profile.name = stored->provider;
            profile.kind = stored->kind;
            profile.baseUrl = QUrl(stored->baseUrl);
        }
    } else {
        err << tr("cinetune %1: name the provider with --provider NAME (profiles: %2) or --base-url URL --kind KIND\n")
                   .arg(cmd, profilesHint(store));
        return UsageError;
    }
    if (parser.isSet(QStringLiteral("key-env"))) {
        if (!validVariableName(parser.value(QStringLiteral("key-env")))) {
            err << tr("cinetune %1: --key-env must name an environment variable (letters, digits and _), not hold the key\n")
                       .arg(cmd);
            return UsageError;
        }
        profile.keyVariable = parser.value(QStringLiteral("key-env"));
    }
    if (Status valid = profile.validate(); !valid) {
        err << QStringLiteral("cinetune %1: %2\n").arg(cmd, valid.error().message);
        return UsageError;
    }
    return Success;
}

// Removes the key from text we print (the provider layer already keeps it out; belt and braces).
QString scrub(QString text, const QString &key)
{
    if (key.size() >= 8)
        text.replace(key, QStringLiteral("***"));
    return text;
}

// The provider's HTTP client and the client of one profile, for one command.

// Builds the client (the key from the environment). Returns Success or ProviderError.
int connectProvider(const ProviderProfile &profile, const QString &cmd, Connection &c, QTextStream &err)
{
    auto key = resolveApiKey(profile);
    if (!key) {
        err << QStringLiteral("cinetune %1: %2\n").arg(cmd, key.error().message);
        return ProviderError;
    }
    c.key = profile.isSimulator() ? QString() : key.value();
    c.client = std::make_unique<ProviderClient>(&c.http, profile, key.value());
    return Success;
}

int providerFailure(const QString &cmd, const Error &e, const Connection &c, QTextStream &err)
{
    err << QStringLiteral("cinetune %1: %2\n").arg(cmd, scrub(e.message, c.key));
    err.flush();
    return ProviderError;
}

// ---- projects -------------------------------------------------------------------------------

// Opens --project (creating it when `create` and it does not exist). Returns Success or InputError.
int openProject(const QCommandLineParser &parser, bool create, ProjectAccess &project, QTextStream &err)
{
    if (!parser.isSet(QStringLiteral("project")))
        return Success;
    const QString path = ProjectFile::withSuffix(parser.value(QStringLiteral("project")));
    const bool exists = QFileInfo::exists(path);
    auto opened = (exists || !create) ? ProjectFile::open(path) : ProjectFile::create(path);
    if (!opened) {
        err << QStringLiteral("cinetune: %1\n").arg(opened.error().message);
        return InputError;
    }
    if (!exists)
        err << tr("Created project %1\n").arg(opened.value()->path());
    project.file = std::move(opened).value();
    project.jobs = std::make_unique<JobRepository>(*project.file);
    return Success;
}

// ---- output ---------------------------------------------------------------------------------

QString time(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QString();
}

QString statusText(const FineTuneJob &job)
{
    const QString id = jobStatusId(job.status);
    return job.rawStatus.isEmpty() || job.rawStatus == id ? id : QStringLiteral("%1 (%2)").arg(id, job.rawStatus);
}

bool isSimulated(const FineTuneJob &job, const ProviderProfile &p)
{
    return p.isSimulator() || job.raw.value(QLatin1String("simulated")).toBool();
}

QJsonObject jobJson(const FineTuneJob &j, const ProviderProfile &p)
{
    QJsonObject o{{QStringLiteral("id"), j.id},
                  {QStringLiteral("status"), jobStatusId(j.status)},
                  {QStringLiteral("provider_status"), j.rawStatus},
                  {QStringLiteral("provider"), p.name},
                  {QStringLiteral("kind"), providerKindId(p.kind)},
                  {QStringLiteral("base_model"), j.baseModel},
                  {QStringLiteral("fine_tuned_model"), j.fineTunedModel.isEmpty() ? QJsonValue() : QJsonValue(j.fineTunedModel)},
                  {QStringLiteral("training_file"), j.trainingFile},
                  {QStringLiteral("validation_file"), j.validationFile.isEmpty() ? QJsonValue() : QJsonValue(j.validationFile)},
                  {QStringLiteral("suffix"), j.suffix},
                  {QStringLiteral("created_at"), time(j.createdAt)},
                  {QStringLiteral("finished_at"), j.finishedAt.isValid() ? QJsonValue(time(j.finishedAt)) : QJsonValue()},
                  {QStringLiteral("trained_tokens"), j.trainedTokens ? QJsonValue(*j.trainedTokens) : QJsonValue()},
                  {QStringLiteral("epochs"), j.epochs ? QJsonValue(*j.epochs) : QJsonValue()},
                  {QStringLiteral("cost"), j.cost ? QJsonValue(*j.cost) : QJsonValue()},
                  {QStringLiteral("needs_deployment"), j.needsDeployment},
                  {QStringLiteral("simulated"), isSimulated(j, p)}};
    if (!j.error.isEmpty())
        o[QStringLiteral("error")] = QJsonObject{{QStringLiteral("code"), j.error.code},
                                                 {QStringLiteral("message"), j.error.message}};
    return o;
}

void printJob(const FineTuneJob &j, const ProviderProfile &p, QTextStream &out)
{
    auto row = [&out](const QString &label, const QString &value) {
        if (!value.isEmpty())
            out << QStringLiteral("%1 %2\n").arg(QString(label + QLatin1Char(':')), -18).arg(value);
    };
    row(tr("Job"), j.id);
    row(tr("Provider"), QStringLiteral("%1 (%2)").arg(p.name, providerKindLabel(p.kind)));
    row(tr("Status"), statusText(j));
    row(tr("Base model"), j.baseModel);
    row(tr("Fine-tuned model"), j.fineTunedModel);
    row(tr("Training file"), j.trainingFile);
    row(tr("Validation file"), j.validationFile);
    row(tr("Suffix"), j.suffix);
    row(tr("Created"), time(j.createdAt));
    row(tr("Finished"), time(j.finishedAt));
    row(tr("Epochs"), j.epochs ? QString::number(*j.epochs) : QString());
    row(tr("Trained tokens"), j.trainedTokens ? QString::number(*j.trainedTokens) : QString());
    row(tr("Cost"), j.cost ? QStringLiteral("$%1").arg(usdAmount(*j.cost)) : QString());
    if (!j.error.isEmpty())
        row(tr("Error"), j.error.code.isEmpty() ? j.error.message : QStringLiteral("%1 (%2)").arg(j.error.message, j.error.code));
    if (j.needsDeployment)
        row(tr("Deployment"), tr("needed: deploy the model in Azure before using it for inference"));
    if (isSimulated(j, p))
        row(tr("Note"), tr("made with the offline simulator (not an LLM)"));
}

QString metricsLine(const MetricPoint &m)
{
    QStringList parts{m.totalSteps ? tr("step %1/%2").arg(m.step).arg(*m.totalSteps) : tr("step %1").arg(m.step)};
    const auto add = [&parts](const char *label, const std::optional<double> &v) {
        if (v)
            parts << QStringLiteral("%1 %2").arg(QCoreApplication::translate("cinetune-cli", label)).arg(*v, 0, 'f', 4);
    };
    add(QT_TRANSLATE_NOOP("cinetune-cli", "train loss"), m.trainLoss);
    add(QT_TRANSLATE_NOOP("cinetune-cli", "valid loss"), m.validLoss);
    add(QT_TRANSLATE_NOOP("cinetune-cli", "full valid loss"), m.fullValidLoss);
    add(QT_TRANSLATE_NOOP("cinetune-cli", "train acc"), m.trainAccuracy);
    add(QT_TRANSLATE_NOOP("cinetune-cli", "valid acc"), m.validAccuracy);
    add(QT_TRANSLATE_NOOP("cinetune-cli", "full valid acc"), m.fullValidAccuracy);
    return parts.join(QStringLiteral("  "));
}

// Exactly one positional JOB argument.
bool oneJobArgument(const QCommandLineParser &parser, const QString &cmd, QTextStream &err)
{
    if (parser.positionalArguments().size() == 1)
        return true;
    err << tr("cinetune %1: expected one JOB id (e.g. ftjob-abc123)\n").arg(cmd);
    return false;
}

// The stored row of `jobId` in the project, if any.
std::optional<StoredJob> storedJob(const ProjectAccess &project, const QString &jobId)
{
    if (!project.jobs)
        return std::nullopt;
    auto s = project.jobs->findByProviderId(jobId);
    return s ? std::optional<StoredJob>(s.value()) : std::nullopt;
}

// Writes a job's new state to the project row it has (no-op without one).
void storeJob(const ProjectAccess &project, const std::optional<StoredJob> &stored, const FineTuneJob &job, QTextStream &err)
{
    if (!project.jobs || !stored)
        return;
    auto r = project.jobs->upsertJob(stored->provider, stored->kind, stored->baseUrl, job, stored->simulated, stored->requestTag);
    if (!r)
        err << QStringLiteral("cinetune: %1\n").arg(r.error().message);
}

} // namespace cinetune::cli
