#include "providercommands.h"

#include "cli.h"
#include "interrupthandler.h"
#include "dataset/datasetloader.h"
#include "finetune/chatdatavalidator.h"
#include "finetune/tokenizer.h"
#include "options.h"
#include "project/jobrepository.h"
#include "project/projectfile.h"
#include "providers/httpclient.h"
#include "providers/jobmonitor.h"
#include "providers/providerclient.h"
#include "providers/providerprofile.h"
#include "finetune/pricetable.h"
#include "simulator/simulatorserver.h"

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

// `finetune watch` stopped by Ctrl-C (128 + SIGINT, the shell convention); the job goes on.
constexpr int kInterrupted = Interrupted;

const QString kKindChoices = QStringLiteral("openai, azure, together, openai-compatible or simulator");

void say(QTextStream &s, const QString &text)
{
    s << text;
    s.flush();
}

// ---- event loop ---------------------------------------------------------------------------

using Done = std::function<void(int)>;

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

void addProviderOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("provider"), tr("Provider profile (see cinetune providers list)"), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("base-url"), tr("Inline provider: base URL (ending in /v1)"), QStringLiteral("URL")});
    parser.addOption({QStringLiteral("kind"), tr("Inline provider: openai, azure, together, openai-compatible or simulator"),
                      QStringLiteral("KIND")});
    parser.addOption({QStringLiteral("key-env"), tr("Environment variable holding the API key (default: the kind's)"),
                      QStringLiteral("VAR")});
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
                    QTextStream &err, const QString &profileName = {})
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
            err << tr("cinetune %1: --kind must be %2, found \"%3\"\n").arg(cmd, kKindChoices, parser.value(QStringLiteral("kind")));
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
            err << tr("cinetune %1: --key-env must name an environment variable (letters, digits and _), not hold the key\n").arg(cmd);
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
struct Connection
{
    HttpClient http;
    std::unique_ptr<ProviderClient> client;
    QString key;
};

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

struct ProjectAccess
{
    std::unique_ptr<ProjectFile> file;
    std::unique_ptr<JobRepository> jobs;
};

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
        o[QStringLiteral("error")] = QJsonObject{{QStringLiteral("code"), j.error.code}, {QStringLiteral("message"), j.error.message}};
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

// ---- simulator ------------------------------------------------------------------------------

QStringList popularTitles(const Dataset &ds, int count)
{
    const std::uint32_t n = std::min<std::uint32_t>(ds.store.movieCount(), static_cast<std::uint32_t>(ds.catalogue.size()));
    std::vector<std::uint32_t> order(n);
    std::iota(order.begin(), order.end(), 0u);
    const auto top = std::min<std::size_t>(order.size(), static_cast<std::size_t>(count));
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(top), order.end(), [&ds](std::uint32_t a, std::uint32_t b) {
        const auto ra = ds.store.movieRatingCount(a);
        const auto rb = ds.store.movieRatingCount(b);
        return ra != rb ? ra > rb : a < b;
    });
    QStringList titles;
    for (std::size_t i = 0; i < top && ds.store.movieRatingCount(order[i]) > 0; ++i)
        titles << ds.catalogue.displayTitle(order[i]);
    return titles;
}

} // namespace

int simulator(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("port"), tr("Port on 127.0.0.1 (default 8765; 0 = any free port)"), QStringLiteral("P")});
    parser.addOption({QStringLiteral("dataset"), tr("Dataset whose most-rated titles the base models answer with (or :sample)"),
                      QStringLiteral("D")});
    parser.addOption({QStringLiteral("latency-ms"), tr("Delay added to every answer (default 0)"), QStringLiteral("L")});
    parser.addOption({QStringLiteral("faults"), tr("Injected faults, KIND[=ARG][@[METHOD:]PATH][#COUNT],... (see docs/PROVIDERS.md)"),
                      QStringLiteral("SPEC")});
    parser.addOption({QStringLiteral("job-seconds"), tr("How long a fine-tuning job takes (default 6)"), QStringLiteral("S")});
    parser.addOption({QStringLiteral("batch-seconds"), tr("How long a batch takes (default 8)"), QStringLiteral("S")});
    parser.addOption({QStringLiteral("quiet"), tr("Do not log requests on stderr")});
    const QString cmd = QStringLiteral("simulator");
    if (!parseOptions(parser, cmd, args, err))
        return UsageError;
    if (!parser.positionalArguments().isEmpty()) {
        err << tr("cinetune simulator: unexpected argument \"%1\"\n").arg(parser.positionalArguments().first());
        return UsageError;
    }
    const auto port = unsignedOption(parser, QStringLiteral("port"), 8765, 0, 65535, cmd, err);
    const auto latency = unsignedOption(parser, QStringLiteral("latency-ms"), 0, 0, 60000, cmd, err);
    const auto seconds = unsignedOption(parser, QStringLiteral("job-seconds"), 6, 1, 86400, cmd, err);
    const auto batchSeconds = unsignedOption(parser, QStringLiteral("batch-seconds"), 8, 1, 86400, cmd, err);
    if (!port || !latency || !seconds || !batchSeconds)
        return UsageError;
    SimulatorServer::Options options;
    options.latencyMs = static_cast<int>(*latency);
    options.jobDurationMs = static_cast<int>(*seconds * 1000);
    options.batchDurationMs = static_cast<int>(*batchSeconds * 1000);
    if (parser.isSet(QStringLiteral("dataset"))) {
        NullProgress progress;
        auto ds = loadDataset(parser.value(QStringLiteral("dataset")), LoadOptions{}, progress);
        if (!ds) {
            err << QStringLiteral("cinetune: %1\n").arg(ds.error().message);
            return InputError;
        }
        options.popularTitles = popularTitles(*ds.value(), 100);
    }
    SimulatorServer server(options, nullptr);
    if (parser.isSet(QStringLiteral("faults"))) {
        if (Status s = server.setFaults(parser.value(QStringLiteral("faults"))); !s) {
            // The message already names the option (--faults: "bogus": ...).
            const QString message = s.error().message;
            err << QStringLiteral("cinetune simulator: %1\n")
                       .arg(message.startsWith(QLatin1String("--faults")) ? message : QStringLiteral("--faults: ") + message);
            return UsageError;
        }
    }
    if (Status s = server.listen(static_cast<quint16>(*port)); !s) {
        err << QStringLiteral("cinetune simulator: %1\n").arg(s.error().message);
        return ProviderError;
    }
    if (!parser.isSet(QStringLiteral("quiet"))) {
        QObject::connect(&server, &SimulatorServer::requestHandled, &server, [&err](const QString &route, int status) {
            say(err, QStringLiteral("%1 %2 %3\n").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")), route).arg(status));
        });
    }
    say(out, server.baseUrl() + QLatin1Char('\n'));
    say(err, tr("Offline simulator (not an LLM) serving the OpenAI-compatible API at %1; fine-tuning jobs take %2 s%3. "
                "Stop with Ctrl-C.\n")
                 .arg(server.baseUrl())
                 .arg(*seconds)
                 .arg(options.popularTitles.isEmpty() ? QString() : tr("; base models answer from %1 titles").arg(options.popularTitles.size())));
    say(err, tr("Also Azure OpenAI v1 at %1 and Together AI at %2.\n")
                 .arg(server.baseUrl(SimulatorServer::Dialect::Azure), server.baseUrl(SimulatorServer::Dialect::Together)));
    std::unique_ptr<InterruptHandler> interrupts;
    return runEventLoop([&err, &interrupts](const Done &done) {
        interrupts = std::make_unique<InterruptHandler>([&err, done]() {
            say(err, tr("Simulator stopped.\n"));
            done(Success);
        });
    });
}

namespace {

// ---- providers ------------------------------------------------------------------------------

int providersList(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("json"), tr("Print one JSON array")});
    if (!parseOptions(parser, QStringLiteral("providers list"), args, err))
        return UsageError;
    QSettings settings;
    ProviderProfileStore store(settings);
    const QList<ProviderProfile> profiles = store.profiles();
    QJsonArray array;
    for (const ProviderProfile &p : profiles) {
        const QString variable = p.effectiveKeyVariable();
        const bool keyless = variable.isEmpty();
        const bool available = p.isSimulator() || keyless || !qEnvironmentVariable(qPrintable(variable)).trimmed().isEmpty();
        QString key;
        if (p.isSimulator())
            key = tr("not needed");
        else if (keyless && !p.useKeychain)
            key = tr("none (keyless server)");
        else if (keyless)
            key = tr("keychain");
        else
            key = (available ? tr("$%1 (set)") : tr("$%1 (not set)")).arg(variable) + (p.useKeychain ? tr(", keychain") : QString());
        if (parser.isSet(QStringLiteral("json"))) {
            array.append(QJsonObject{{QStringLiteral("name"), p.name},
                                     {QStringLiteral("kind"), providerKindId(p.kind)},
                                     {QStringLiteral("base_url"), p.effectiveBaseUrl().toString()},
                                     {QStringLiteral("key_variable"), p.isSimulator() ? QJsonValue() : QJsonValue(variable)},
                                     {QStringLiteral("key_in_environment"), available},
                                     {QStringLiteral("keychain"), p.useKeychain},
                                     {QStringLiteral("model"), p.defaultModel},
                                     {QStringLiteral("chat_model"), p.defaultChatModel}});
            continue;
        }
        out << QStringLiteral("%1  %2  %3  key: %4%5\n")
                   .arg(p.name, -16)
                   .arg(providerKindId(p.kind), -17)
                   .arg(p.effectiveBaseUrl().toString(), key)
                   .arg(p.defaultModel.isEmpty() ? QString() : tr("  model: %1").arg(p.defaultModel));
    }
    if (parser.isSet(QStringLiteral("json")))
        out << QJsonDocument(array).toJson(QJsonDocument::Compact) << '\n';
    else if (profiles.isEmpty())
        err << tr("No provider profiles yet; add one with cinetune providers add NAME --kind KIND [--base-url URL]\n");
    return Success;
}

int providersAdd(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("name"), tr("Profile name"));
    parser.addOption({QStringLiteral("kind"), tr("openai, azure, together, openai-compatible or simulator"), QStringLiteral("KIND")});
    parser.addOption({QStringLiteral("base-url"), tr("Base URL ending in /v1 (default for openai and together)"), QStringLiteral("URL")});
    parser.addOption({QStringLiteral("key-env"), tr("Environment variable holding the API key"), QStringLiteral("VAR")});
    parser.addOption({QStringLiteral("model"), tr("Default base model for fine-tuning"), QStringLiteral("M")});
    parser.addOption({QStringLiteral("chat-model"), tr("Default model for evaluation"), QStringLiteral("M")});
    parser.addOption({QStringLiteral("concurrency"), tr("Parallel requests (default 4)"), QStringLiteral("N")});
    parser.addOption({QStringLiteral("rpm"), tr("Requests per minute (0 = no limit)"), QStringLiteral("N")});
    parser.addOption({QStringLiteral("tpm"), tr("Tokens per minute (0 = no limit)"), QStringLiteral("N")});
    parser.addOption({QStringLiteral("replace"), tr("Replace a profile of that name")});
    const QString cmd = QStringLiteral("providers add");
    if (!parseOptions(parser, cmd, args, err))
        return UsageError;
    if (parser.positionalArguments().size() != 1 || !parser.isSet(QStringLiteral("kind"))) {
        err << tr("cinetune providers add: expected NAME --kind %1 [--base-url URL]\n").arg(kKindChoices);
        return UsageError;
    }
    ProviderProfile p;
    p.name = parser.positionalArguments().first();
    const auto kind = providerKindFromId(parser.value(QStringLiteral("kind")));
    if (!kind) {
        err << tr("cinetune providers add: --kind must be %1, found \"%2\"\n").arg(kKindChoices, parser.value(QStringLiteral("kind")));
        return UsageError;
    }
    p.kind = *kind;
    if (parser.isSet(QStringLiteral("base-url"))) {
        if (!checkBaseUrlText(parser.value(QStringLiteral("base-url")), QStringLiteral("providers add"), err))
            return UsageError;
        p.baseUrl = normalizedBaseUrl(*kind, parser.value(QStringLiteral("base-url")));
    }
    if (parser.isSet(QStringLiteral("key-env"))) {
        if (!validVariableName(parser.value(QStringLiteral("key-env")))) {
            err << tr("cinetune providers add: --key-env must name an environment variable (letters, digits and _), not hold the key\n");
            return UsageError;
        }
        p.keyVariable = parser.value(QStringLiteral("key-env"));
    }
    p.defaultModel = parser.value(QStringLiteral("model"));
    p.defaultChatModel = parser.value(QStringLiteral("chat-model"));
    const auto concurrency = unsignedOption(parser, QStringLiteral("concurrency"), 4, 1, 256, cmd, err);
    const auto rpm = unsignedOption(parser, QStringLiteral("rpm"), 0, 0, 1000000, cmd, err);
    const auto tpm = unsignedOption(parser, QStringLiteral("tpm"), 0, 0, 1000000000, cmd, err);
    if (!concurrency || !rpm || !tpm)
        return UsageError;
    p.concurrency = static_cast<int>(*concurrency);
    p.requestsPerMinute = static_cast<int>(*rpm);
    p.tokensPerMinute = static_cast<int>(*tpm);
    QSettings settings;
    ProviderProfileStore store(settings);
    if (store.profile(p.name) && !parser.isSet(QStringLiteral("replace"))) {
        err << tr("cinetune providers add: a profile named \"%1\" exists; pass --replace or remove it first\n").arg(p.name);
        return UsageError;
    }
    if (Status s = store.save(p); !s) {
        err << QStringLiteral("cinetune providers add: %1\n").arg(s.error().message);
        return UsageError;
    }
    const QString variable = p.effectiveKeyVariable();
    out << tr("Saved provider \"%1\" (%2, %3)").arg(p.name, providerKindLabel(p.kind), p.effectiveBaseUrl().toString());
    if (p.isSimulator())
        out << tr("; no key needed\n");
    else if (variable.isEmpty())
        out << tr("; no key is sent (give one with --key-env VAR if the server needs it)\n");
    else
        out << (qEnvironmentVariable(qPrintable(variable)).trimmed().isEmpty() ? tr("; key from $%1 (not set now)\n")
                                                                               : tr("; key from $%1 (set)\n"))
                   .arg(variable);
    return Success;
}

int providersRemove(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("name"), tr("Profile name"));
    if (!parseOptions(parser, QStringLiteral("providers remove"), args, err))
        return UsageError;
    if (parser.positionalArguments().size() != 1) {
        err << tr("cinetune providers remove: expected one profile NAME\n");
        return UsageError;
    }
    QSettings settings;
    ProviderProfileStore store(settings);
    const QString name = parser.positionalArguments().first();
    if (!store.profile(name)) {
        err << tr("cinetune providers remove: no profile named \"%1\" (profiles: %2)\n").arg(name, profilesHint(store));
        return UsageError;
    }
    store.remove(name);
    out << tr("Removed provider \"%1\"\n").arg(name);
    return Success;
}

int providersTest(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("name"), tr("Profile name (or give the provider inline)"));
    addProviderOptions(parser);
    parser.addOption({QStringLiteral("timeout"), tr("Seconds to wait for an answer (default 30)"), QStringLiteral("S")});
    const QString cmd = QStringLiteral("providers test");
    if (!parseOptions(parser, cmd, args, err))
        return UsageError;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1 || (positional.size() == 1 && parser.isSet(QStringLiteral("provider")))) {
        err << tr("cinetune providers test: expected one profile NAME (or --base-url URL --kind KIND)\n");
        return UsageError;
    }
    const auto timeout = unsignedOption(parser, QStringLiteral("timeout"), 30, 1, 600, cmd, err);
    if (!timeout)
        return UsageError;
    ProviderProfile profile;
    if (const int code = resolveProvider(parser, cmd, nullptr, profile, err, positional.value(0)); code != Success)
        return code;
    Connection c;
    if (const int code = connectProvider(profile, cmd, c, err); code != Success)
        return code;
    c.client->setTimeoutMs(static_cast<int>(*timeout * 1000));
    return runEventLoop([&](const Done &done) {
        ModelsCall *call = c.client->listModels();
        QObject::connect(call, &ProviderCall::retrying, call, [&err](int attempt, int delayMs, const QString &reason) {
            say(err, tr("Retrying (attempt %1 in %2 s): %3\n").arg(attempt).arg(delayMs / 1000.0, 0, 'f', 1).arg(reason));
        });
        QObject::connect(call, &ModelsCall::finished, call, [&, done](const Result<QList<ModelInfo>> &r) {
            if (!r)
                return done(providerFailure(cmd, r.error(), c, err));
            out << tr("Connected to \"%1\" (%2, %3): %4 models\n")
                       .arg(profile.name, providerKindLabel(profile.kind), profile.effectiveBaseUrl().toString())
                       .arg(r->size());
            for (const ModelInfo &m : r.value())
                out << QStringLiteral("  %1%2\n").arg(m.id, m.ownedBy.isEmpty() ? QString() : QStringLiteral("  (%1)").arg(m.ownedBy));
            done(Success);
        });
    });
}

} // namespace

int providers(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QString sub = args.value(0);
    const QStringList rest = args.mid(1);
    if (sub == QLatin1String("list"))
        return providersList(rest, out, err);
    if (sub == QLatin1String("add"))
        return providersAdd(rest, out, err);
    if (sub == QLatin1String("remove"))
        return providersRemove(rest, out, err);
    if (sub == QLatin1String("test"))
        return providersTest(rest, out, err);
    err << tr("cinetune providers: unknown or missing subcommand \"%1\"; expected list, add, remove or test\n").arg(sub);
    return UsageError;
}

namespace {

// ---- finetune -------------------------------------------------------------------------------

std::optional<double> numberOption(const QCommandLineParser &parser, const QString &name, double fallback, double min, double max,
                                   const QString &cmd, QTextStream &err)
{
    if (!parser.isSet(name))
        return fallback;
    bool ok = false;
    const double v = parser.value(name).toDouble(&ok);
    if (!ok || !(v >= min && v <= max)) {
        err << tr("cinetune %1: --%2 must be a number from %3 to %4, found \"%5\"\n").arg(cmd, name).arg(min).arg(max).arg(parser.value(name));
        return std::nullopt;
    }
    return v;
}

// Reads and validates a chat JSONL file; on a problem writes the issues (file:line) and returns nullopt.
std::optional<QByteArray> readChatFile(const QString &path, bool training, const Tokenizer &tokenizer, QTextStream &err)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        err << tr("cinetune: %1: cannot read: %2\n").arg(path, f.errorString());
        return std::nullopt;
    }
    QByteArray bytes = f.readAll();
    ValidationOptions options;
    if (!training) {
        options.minExamples = 0;
        options.recommendedExamples = 0;
    }
    NullProgress progress;
    auto report = validateChatJsonl(bytes, path, tokenizer, options, progress);
    if (!report) {
        err << QStringLiteral("cinetune: %1\n").arg(report.error().message);
        return std::nullopt;
    }
    for (const DataIssue &i : report->issues)
        err << (i.severity == DataIssue::Severity::Error ? tr("error: %1\n") : tr("warning: %1\n")).arg(i.message);
    if (report->hasErrors()) {
        err << tr("cinetune: %1 has %2 errors; nothing was uploaded\n").arg(path).arg(report->errorCount());
        return std::nullopt;
    }
    return bytes;
}

int finetuneSubmit(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    addProviderOptions(parser);
    parser.addOption({QStringLiteral("training"), tr("Training data (chat JSONL)"), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("validation"), tr("Validation data (chat JSONL)"), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("model"), tr("Base model (default: the profile's, else gpt-4o-mini-2024-07-18)"), QStringLiteral("M")});
    parser.addOption({QStringLiteral("epochs"), tr("Epochs (default 2)"), QStringLiteral("N")});
    parser.addOption({QStringLiteral("batch-size"), tr("Batch size (default 32; 0 = automatic)"), QStringLiteral("N")});
    parser.addOption({QStringLiteral("lr-multiplier"), tr("Learning-rate multiplier, OpenAI/Azure (default 1; 0 = automatic)"),
                      QStringLiteral("X")});
    parser.addOption({QStringLiteral("learning-rate"), tr("Absolute learning rate, Together (default 0.00001)"), QStringLiteral("X")});
    parser.addOption({QStringLiteral("seed"), tr("Training seed"), QStringLiteral("N")});
    parser.addOption({QStringLiteral("suffix"), tr("Suffix of the fine-tuned model's name"), QStringLiteral("S")});
    parser.addOption({QStringLiteral("project"), tr("Record the job in this project (created if missing)"), QStringLiteral("P")});
    const QString cmd = QStringLiteral("finetune submit");
    if (!parseOptions(parser, cmd, args, err))
        return UsageError;
    if (!parser.isSet(QStringLiteral("training")) || !parser.positionalArguments().isEmpty()) {
        err << tr("cinetune finetune submit: expected --provider NAME (or --base-url URL --kind KIND) --training FILE\n");
        return UsageError;
    }
    ProviderProfile profile;
    if (const int code = resolveProvider(parser, cmd, nullptr, profile, err); code != Success)
        return code;
    JobRequest request;
    if (parser.isSet(QStringLiteral("model")))
        request.model = parser.value(QStringLiteral("model"));
    else if (!profile.defaultModel.isEmpty())
        request.model = profile.defaultModel;
    const int maxEpochs = profile.kind == ProviderKind::Together ? 20 : 50;
    const auto epochs = unsignedOption(parser, QStringLiteral("epochs"), 2, 1, static_cast<qulonglong>(maxEpochs), cmd, err);
    const auto batch = unsignedOption(parser, QStringLiteral("batch-size"), 32, 0, 256, cmd, err);
    const auto multiplier = numberOption(parser, QStringLiteral("lr-multiplier"), 1.0, 0.0, 10.0, cmd, err);
    const auto rate = numberOption(parser, QStringLiteral("learning-rate"), 1e-5, 1e-9, 0.5, cmd, err);
    const auto seed = unsignedOption(parser, QStringLiteral("seed"), 0, 0, 2147483647, cmd, err);
    if (!epochs || !batch || !multiplier || !rate || !seed)
        return UsageError;
    request.epochs = static_cast<int>(*epochs);
    request.batchSize = static_cast<int>(*batch);
    request.learningRateMultiplier = *multiplier;
    request.learningRate = *rate;
    if (parser.isSet(QStringLiteral("seed")))
        request.seed = static_cast<qint64>(*seed);
    request.suffix = parser.value(QStringLiteral("suffix"));
    {
        JobRequest check = request;
        check.trainingFile = QStringLiteral("pending");
        if (Status s = validateJobRequest(profile.kind, check); !s) {
            err << QStringLiteral("cinetune %1: %2\n").arg(cmd, s.error().message);
            return UsageError;
        }
    }
    auto tokenizer = Tokenizer::o200k();
    if (!tokenizer) {
        err << QStringLiteral("cinetune: %1\n").arg(tokenizer.error().message);
        return InputError;
    }
    JobSubmission::Input input;
    const QString trainingPath = parser.value(QStringLiteral("training"));
    const auto training = readChatFile(trainingPath, true, tokenizer.value(), err);
    if (!training)
        return InputError;
    input.trainingName = QFileInfo(trainingPath).fileName();
    input.trainingData = *training;
    if (parser.isSet(QStringLiteral("validation"))) {
        const QString validationPath = parser.value(QStringLiteral("validation"));
        const auto validation = readChatFile(validationPath, false, tokenizer.value(), err);
        if (!validation)
            return InputError;
        input.validationName = QFileInfo(validationPath).fileName();
        input.validationData = *validation;
    }
    input.request = request;
    ProjectAccess project;
    if (const int code = openProject(parser, true, project, err); code != Success)
        return code;
    Connection c;
    if (const int code = connectProvider(profile, cmd, c, err); code != Success)
        return code;
    if (profile.isSimulator())
        say(err, tr("Using the offline simulator (not an LLM).\n"));
    JobSubmission submission(c.client.get(), project.jobs.get(), input);
    QObject::connect(&submission, &JobSubmission::stateChanged, &submission, [&err](const QString &text) { say(err, text + QLatin1Char('\n')); });
    return runEventLoop([&](const Done &done) {
        QObject::connect(&submission, &JobSubmission::finished, &submission, [&, done](const Result<StoredJob> &r) {
            if (!r) {
                if (!r.error().code.startsWith(QLatin1String("project.")))
                    return done(providerFailure(cmd, r.error(), c, err));
                err << QStringLiteral("cinetune: %1\n").arg(r.error().message);
                return done(InputError);
            }
            say(out, r->job.id + QLatin1Char('\n'));
            say(err, tr("Submitted job %1 (%2) to \"%3\"%4. Follow it with: cinetune finetune watch %1 %5\n")
                         .arg(r->job.id, jobStatusId(r->job.status), profile.name,
                              project.file ? tr(" and recorded it in %1").arg(project.file->path()) : QString(),
                              parser.isSet(QStringLiteral("provider")) ? QStringLiteral("--provider ") + profile.name
                                                                       : QStringLiteral("--base-url %1 --kind %2")
                                                                             .arg(profile.effectiveBaseUrl().toString(), providerKindId(profile.kind))));
            done(Success);
        });
        submission.start();
    });
}

// The common part of status/watch/cancel: JOB, provider (explicit or from the project), client.
struct JobCommand
{
    QString jobId;
    ProjectAccess project;
    std::optional<StoredJob> stored;
    ProviderProfile profile;
    Connection connection;
};

int prepareJobCommand(QCommandLineParser &parser, const QString &cmd, const QStringList &args, JobCommand &jc, QTextStream &err)
{
    parser.addPositionalArgument(QStringLiteral("job"), tr("Provider job id"));
    addProviderOptions(parser);
    parser.addOption({QStringLiteral("project"), tr("Project that records the job (its provider is used; the row is updated)"),
                      QStringLiteral("P")});
    if (!parseOptions(parser, cmd, args, err))
        return UsageError;
    if (!oneJobArgument(parser, cmd, err))
        return UsageError;
    jc.jobId = parser.positionalArguments().first();
    if (const int code = openProject(parser, false, jc.project, err); code != Success)
        return code;
    jc.stored = storedJob(jc.project, jc.jobId);
    if (const int code = resolveProvider(parser, cmd, jc.stored ? &*jc.stored : nullptr, jc.profile, err); code != Success)
        return code;
    return connectProvider(jc.profile, cmd, jc.connection, err);
}

int finetuneStatus(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("json"), tr("Print one JSON object")});
    const QString cmd = QStringLiteral("finetune status");
    JobCommand jc;
    if (const int code = prepareJobCommand(parser, cmd, args, jc, err); code != Success)
        return code;
    return runEventLoop([&](const Done &done) {
        JobCall *call = jc.connection.client->getJob(jc.jobId);
        QObject::connect(call, &JobCall::finished, call, [&, done](const Result<FineTuneJob> &r) {
            if (!r)
                return done(providerFailure(cmd, r.error(), jc.connection, err));
            storeJob(jc.project, jc.stored, r.value(), err);
            if (parser.isSet(QStringLiteral("json")))
                out << QJsonDocument(jobJson(r.value(), jc.profile)).toJson(QJsonDocument::Compact) << '\n';
            else
                printJob(r.value(), jc.profile, out);
            done(Success);
        });
    });
}

int finetuneCancel(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    const QString cmd = QStringLiteral("finetune cancel");
    JobCommand jc;
    if (const int code = prepareJobCommand(parser, cmd, args, jc, err); code != Success)
        return code;
    return runEventLoop([&](const Done &done) {
        JobCall *call = jc.connection.client->cancelJob(jc.jobId);
        QObject::connect(call, &JobCall::finished, call, [&, done](const Result<FineTuneJob> &r) {
            if (!r)
                return done(providerFailure(cmd, r.error(), jc.connection, err));
            storeJob(jc.project, jc.stored, r.value(), err);
            out << tr("Job %1: %2\n").arg(jc.jobId, statusText(r.value()));
            done(Success);
        });
    });
}

// Polls one job until it ends, printing status changes, metrics and warnings as they come.
class JobWatcher
{
public:
    JobWatcher(JobCommand &jc, int intervalMs, QTextStream &out, QTextStream &err, Done done)
        : m_jc(jc), m_intervalMs(intervalMs), m_out(out), m_err(err), m_done(std::move(done))
    {
        m_timer.setSingleShot(true);
        QObject::connect(&m_timer, &QTimer::timeout, &m_context, [this]() { poll(); });
    }
    Q_DISABLE_COPY_MOVE(JobWatcher)

    void start() { poll(); }
    void stop()
    {
        m_stopped = true;
        m_timer.stop();
        if (m_call)
            m_call->cancel();
    }

private:
    ProviderClient *client() const { return m_jc.connection.client.get(); }

    void poll()
    {
        JobCall *call = client()->getJob(m_jc.jobId);
        m_call = call;
        QObject::connect(call, &JobCall::finished, &m_context, [this](const Result<FineTuneJob> &r) {
            if (m_stopped)
                return;
            if (!r)
                return failed(r.error());
            m_failures = 0;
            const FineTuneJob job = r.value();
            storeJob(m_jc.project, m_jc.stored, job, m_err);
            // A final status is printed after the job's last events, any other before its events.
            if (!isTerminal(job.status))
                printStatus(job);
            events(job);
        });
    }

    void printStatus(const FineTuneJob &job)
    {
        if (m_status && *m_status == job.status)
            return;
        m_status = job.status;
        say(m_out, QStringLiteral("%1  %2\n").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")), statusText(job)));
    }

    void events(const FineTuneJob &job)
    {
        EventsCall *call = client()->listEvents(m_jc.jobId, m_newestEvent);
        m_call = call;
        QObject::connect(call, &EventsCall::finished, &m_context, [this, job](const Result<QList<JobEvent>> &r) {
            if (m_stopped)
                return;
            if (!r)
                return failed(r.error());
            for (const JobEvent &e : r.value()) {
                m_newestEvent = e.id;
                if (e.type == QLatin1String("metrics")) {
                    const MetricPoint m = metricPointFromJson(e.data);
                    if (!m.isEmpty())
                        m_out << QStringLiteral("  %1\n").arg(metricsLine(m));
                } else if (e.level.startsWith(QLatin1String("warn")) || e.level == QLatin1String("error")) {
                    m_out << QStringLiteral("  %1: %2\n").arg(e.level, e.message);
                }
            }
            m_out.flush();
            if (m_jc.project.jobs && m_jc.stored && !r->isEmpty())
                (void)m_jc.project.jobs->addEvents(m_jc.stored->rowId, r.value());
            if (client()->hasMetricsEndpoint())
                return metrics(job);
            afterPoll(job);
        });
    }

    // Together AI reports the training curve apart from its events.
    void metrics(const FineTuneJob &job)
    {
        MetricsCall *call = client()->listMetrics(m_jc.jobId);
        m_call = call;
        QObject::connect(call, &MetricsCall::finished, &m_context, [this, job](const Result<QList<MetricPoint>> &r) {
            if (m_stopped)
                return;
            if (!r)
                return failed(r.error());
            QList<JobEvent> fresh;
            for (const JobEvent &e : metricEvents(r.value())) {
                const MetricPoint m = metricPointFromJson(e.data);
                if (m.step <= m_lastMetricStep)
                    continue;
                m_lastMetricStep = m.step;
                m_out << QStringLiteral("  %1\n").arg(metricsLine(m));
                fresh.append(e);
            }
            m_out.flush();
            if (m_jc.project.jobs && m_jc.stored && !fresh.isEmpty())
                (void)m_jc.project.jobs->addEvents(m_jc.stored->rowId, fresh);
            afterPoll(job);
        });
    }

    void afterPoll(const FineTuneJob &job)
    {
        if (isTerminal(job.status)) {
            printStatus(job);
            return finish(job);
        }
        m_timer.start(m_intervalMs);
    }

    void finish(const FineTuneJob &job)
    {
        CheckpointsCall *call = client()->listCheckpoints(m_jc.jobId);
        m_call = call;
        QObject::connect(call, &CheckpointsCall::finished, &m_context, [this, job](const Result<QList<Checkpoint>> &r) {
            if (m_stopped)
                return;
            if (r && m_jc.project.jobs && m_jc.stored)
                (void)m_jc.project.jobs->setCheckpoints(m_jc.stored->rowId, r.value());
            if (job.status == JobStatus::Succeeded) {
                m_out << tr("Fine-tuned model: %1\n").arg(job.fineTunedModel);
                if (r) {
                    for (const Checkpoint &c : r.value())
                        m_out << tr("Checkpoint (step %1): %2\n").arg(c.step).arg(c.model);
                }
                if (job.trainedTokens)
                    m_out << tr("Trained tokens: %1\n").arg(*job.trainedTokens);
                if (job.cost)
                    m_out << tr("Cost: $%1\n").arg(usdAmount(*job.cost));
                if (job.needsDeployment)
                    m_out << tr("Azure: deploy the model before using it for inference.\n");
                if (isSimulated(job, m_jc.profile))
                    m_out << tr("(made with the offline simulator, not an LLM)\n");
                m_out.flush();
                return m_done(Success);
            }
            if (job.status == JobStatus::Failed)
                say(m_err, tr("cinetune finetune watch: job %1 failed: %2\n")
                               .arg(m_jc.jobId, job.error.message.isEmpty() ? tr("no reason given") : job.error.message));
            else
                say(m_err, tr("cinetune finetune watch: job %1 was cancelled\n").arg(m_jc.jobId));
            m_done(ProviderError);
        });
    }

    void failed(const Error &e)
    {
        // Transient trouble (network, 5xx, rate limits) has used up the call's retries: keep
        // watching with a longer pause. A bad key, an unknown job or a bad request ends the watch.
        const bool fatal = e.code == QLatin1String("provider.bad_key") || e.code == QLatin1String("provider.not_found")
                           || e.code == QLatin1String("provider.forbidden") || e.code == QLatin1String("provider.invalid_request")
                           || e.code == QLatin1String("provider.no_key") || e.code == QLatin1String("provider.quota");
        if (fatal || ++m_failures >= 10)
            return m_done(providerFailure(QStringLiteral("finetune watch"), e, m_jc.connection, m_err));
        say(m_err, tr("cinetune finetune watch: %1 (trying again)\n").arg(scrub(e.message, m_jc.connection.key)));
        m_timer.start(std::min(m_intervalMs << std::min(m_failures, 4), 300000));
    }

    JobCommand &m_jc;
    int m_intervalMs;
    QTextStream &m_out;
    QTextStream &m_err;
    Done m_done;
    QObject m_context;
    QTimer m_timer;
    QPointer<ProviderCall> m_call;
    std::optional<JobStatus> m_status;
    QString m_newestEvent;
    int m_lastMetricStep = -1; // Together: the last metrics point printed
    int m_failures = 0;
    bool m_stopped = false;
};

int finetuneWatch(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("interval"), tr("Seconds between polls (default 10; 1 for the simulator)"), QStringLiteral("S")});
    const QString cmd = QStringLiteral("finetune watch");
    JobCommand jc;
    if (const int code = prepareJobCommand(parser, cmd, args, jc, err); code != Success)
        return code;
    const auto interval = unsignedOption(parser, QStringLiteral("interval"), jc.profile.isSimulator() ? 1 : 10, 1, 3600, cmd, err);
    if (!interval)
        return UsageError;
    std::unique_ptr<JobWatcher> watcher;
    std::unique_ptr<InterruptHandler> interrupts;
    return runEventLoop([&](const Done &done) {
        watcher = std::make_unique<JobWatcher>(jc, static_cast<int>(*interval * 1000), out, err, done);
        interrupts = std::make_unique<InterruptHandler>([&, done]() {
            watcher->stop();
            say(err, tr("Stopped watching; job %1 goes on at the provider (cancel it with cinetune finetune cancel %1).\n").arg(jc.jobId));
            done(kInterrupted);
        });
        watcher->start();
    });
}

int finetuneList(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    addProviderOptions(parser);
    parser.addOption({QStringLiteral("project"), tr("List the jobs recorded in this project"), QStringLiteral("P")});
    parser.addOption({QStringLiteral("import"), tr("With --project and a provider: record the provider's jobs the project lacks")});
    parser.addOption({QStringLiteral("json"), tr("Print one JSON array")});
    const QString cmd = QStringLiteral("finetune list");
    if (!parseOptions(parser, cmd, args, err))
        return UsageError;
    const bool remote = parser.isSet(QStringLiteral("provider")) || parser.isSet(QStringLiteral("base-url"))
                        || parser.isSet(QStringLiteral("kind"));
    if (!parser.positionalArguments().isEmpty() || (!remote && !parser.isSet(QStringLiteral("project")))
        || (parser.isSet(QStringLiteral("import")) && !(remote && parser.isSet(QStringLiteral("project"))))) {
        err << tr("cinetune finetune list: expected --provider NAME (or --base-url URL --kind KIND) and/or --project P "
                  "(--import needs both)\n");
        return UsageError;
    }
    ProjectAccess project;
    if (const int code = openProject(parser, false, project, err); code != Success)
        return code;
    const bool json = parser.isSet(QStringLiteral("json"));
    auto printRows = [&out, json](const QList<QJsonObject> &rows) {
        if (json) {
            QJsonArray a;
            for (const QJsonObject &o : rows)
                a.append(o);
            out << QJsonDocument(a).toJson(QJsonDocument::Compact) << '\n';
            return;
        }
        for (const QJsonObject &o : rows) {
            out << QStringLiteral("%1  %2  %3  %4  %5%6\n")
                       .arg(o.value(QLatin1String("id")).toString(), -28)
                       .arg(o.value(QLatin1String("status")).toString(), -10)
                       .arg(o.value(QLatin1String("base_model")).toString(), -24)
                       .arg(o.value(QLatin1String("created_at")).toString(), -20)
                       .arg(o.value(QLatin1String("fine_tuned_model")).toString())
                       .arg(o.contains(QLatin1String("in_project")) && !o.value(QLatin1String("in_project")).toBool()
                                ? tr("  (not in the project)")
                                : QString());
        }
    };
    if (!remote) {
        auto jobs = project.jobs->jobs();
        if (!jobs) {
            err << QStringLiteral("cinetune: %1\n").arg(jobs.error().message);
            return InputError;
        }
        QList<QJsonObject> rows;
        for (const StoredJob &s : jobs.value()) {
            ProviderProfile p;
            p.name = s.provider;
            p.kind = s.kind;
            QJsonObject o = jobJson(s.job, p);
            if (s.pending) {
                // No provider id yet: the request tag names the row (finetune discard TAG).
                o[QStringLiteral("status")] = QStringLiteral("submitting");
                o[QStringLiteral("id")] = s.requestTag;
                o[QStringLiteral("request_tag")] = s.requestTag;
            }
            o[QStringLiteral("simulated")] = s.simulated;
            rows << o;
        }
        printRows(rows);
        return Success;
    }
    ProviderProfile profile;
    if (const int code = resolveProvider(parser, cmd, nullptr, profile, err); code != Success)
        return code;
    Connection c;
    if (const int code = connectProvider(profile, cmd, c, err); code != Success)
        return code;
    return runEventLoop([&](const Done &done) {
        JobListCall *call = c.client->listJobs();
        QObject::connect(call, &JobListCall::finished, call, [&, done](const Result<QList<FineTuneJob>> &r) {
            if (!r)
                return done(providerFailure(cmd, r.error(), c, err));
            QList<QJsonObject> rows;
            int imported = 0;
            for (const FineTuneJob &j : r.value()) {
                QJsonObject o = jobJson(j, profile);
                if (project.jobs) {
                    const bool known = project.jobs->findByProviderId(j.id).ok();
                    o[QStringLiteral("in_project")] = known;
                    if (!known && parser.isSet(QStringLiteral("import"))) {
                        auto row = project.jobs->upsertJob(profile.name, profile.kind, profile.effectiveBaseUrl().toString(), j,
                                                           isSimulated(j, profile));
                        if (!row) {
                            err << QStringLiteral("cinetune: %1\n").arg(row.error().message);
                            return done(InputError);
                        }
                        o[QStringLiteral("in_project")] = true;
                        ++imported;
                    }
                }
                rows << o;
            }
            printRows(rows);
            if (parser.isSet(QStringLiteral("import")))
                err << tr("Imported %1 jobs into %2\n").arg(imported).arg(project.file->path());
            done(Success);
        });
    });
}

} // namespace

// Removes a "submitting" row whose create was never confirmed (job.unresolved), after the user
// checked the provider's job list. A row with a provider job id is never removed here.
int finetuneDiscard(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("project"), tr("The project that recorded the request"), QStringLiteral("P")});
    parser.addPositionalArgument(QStringLiteral("TAG"), tr("The request tag (cinetune finetune list --project P)"));
    const QString cmd = QStringLiteral("finetune discard");
    if (!parseOptions(parser, cmd, args, err))
        return UsageError;
    if (parser.positionalArguments().size() != 1 || !parser.isSet(QStringLiteral("project"))) {
        err << tr("cinetune finetune discard: expected TAG --project P\n");
        return UsageError;
    }
    ProjectAccess project;
    if (const int code = openProject(parser, false, project, err); code != Success)
        return code;
    const QString tag = parser.positionalArguments().first();
    auto jobs = project.jobs->jobs();
    if (!jobs) {
        err << QStringLiteral("cinetune: %1\n").arg(jobs.error().message);
        return InputError;
    }
    for (const StoredJob &j : jobs.value()) {
        if (!j.pending || j.requestTag != tag)
            continue;
        if (Status removed = project.jobs->removeJob(j.rowId); !removed) {
            err << QStringLiteral("cinetune: %1\n").arg(removed.error().message);
            return InputError;
        }
        out << tr("Discarded the job request %1 (%2, sent to %3).\n").arg(tag, j.job.baseModel, j.provider);
        return Success;
    }
    err << tr("cinetune finetune discard: the project has no unconfirmed job request \"%1\" (a job the provider "
              "knows is never discarded: cancel it instead)\n").arg(tag);
    return InputError;
}

int finetune(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QString sub = args.value(0);
    const QStringList rest = args.mid(1);
    if (sub == QLatin1String("submit"))
        return finetuneSubmit(rest, out, err);
    if (sub == QLatin1String("status"))
        return finetuneStatus(rest, out, err);
    if (sub == QLatin1String("watch"))
        return finetuneWatch(rest, out, err);
    if (sub == QLatin1String("cancel"))
        return finetuneCancel(rest, out, err);
    if (sub == QLatin1String("list"))
        return finetuneList(rest, out, err);
    if (sub == QLatin1String("discard"))
        return finetuneDiscard(rest, out, err);
    err << tr("cinetune finetune: unknown or missing subcommand \"%1\"; expected submit, status, watch, cancel, list or discard\n").arg(sub);
    return UsageError;
}

} // namespace cinetune::cli
