#include "app/cli/finetunejobcommands.h"

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
#include "core/providers/jobpoller.h"
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
        err << tr("cinetune %1: --%2 must be a number from %3 to %4, found \"%5\"\n")
                   .arg(cmd, name)
                   .arg(min)
                   .arg(max)
                   .arg(parser.value(name));
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

} // namespace

QList<QCommandLineOption> finetuneSubmitOptions()
{
    QList<QCommandLineOption> o;
    o << providerOptions();
    o << QCommandLineOption(QStringLiteral("training"), tr("Training data (chat JSONL)"), QStringLiteral("FILE"));
    o << QCommandLineOption(QStringLiteral("validation"), tr("Validation data (chat JSONL)"), QStringLiteral("FILE"));
    o << QCommandLineOption(QStringLiteral("model"), tr("Base model (default: the profile's, else gpt-4o-mini-2024-07-18)"),
                            QStringLiteral("M"));
    o << QCommandLineOption(QStringLiteral("epochs"), tr("Epochs (default 2)"), QStringLiteral("N"));
    o << QCommandLineOption(QStringLiteral("batch-size"), tr("Batch size (default 32; 0 = automatic)"), QStringLiteral("N"));
    o << QCommandLineOption(QStringLiteral("lr-multiplier"),
                            tr("Learning-rate multiplier, OpenAI/Azure (default 1; 0 = automatic)"), QStringLiteral("X"));
    o << QCommandLineOption(QStringLiteral("learning-rate"), tr("Absolute learning rate, Together (default 0.00001)"),
                            QStringLiteral("X"));
    o << QCommandLineOption(QStringLiteral("seed"), tr("Training seed"), QStringLiteral("N"));
    o << QCommandLineOption(QStringLiteral("suffix"), tr("Suffix of the fine-tuned model's name"), QStringLiteral("S"));
    o << QCommandLineOption(QStringLiteral("project"), tr("Record the job in this project (created if missing)"),
                            QStringLiteral("P"));
    return o;
}

int finetuneSubmit(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.addOptions(finetuneSubmitOptions());
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
    QObject::connect(&submission, &JobSubmission::stateChanged, &submission,
                     [&err](const QString &text) { say(err, text + QLatin1Char('\n')); });
    return runEventLoop([&](const Done &done) {
        QObject::connect(&submission, &JobSubmission::finished, &submission, [&, done](const Result<StoredJob> &r) {
            if (!r) {
                if (r.error().code.domain() != ErrorDomain::Project)
                    return done(providerFailure(cmd, r.error(), c, err));
                err << QStringLiteral("cinetune: %1\n").arg(r.error().message);
                return done(InputError);
            }
            say(out, r->job.id + QLatin1Char('\n'));
            say(err,
                tr("Submitted job %1 (%2) to \"%3\"%4. Follow it with: cinetune finetune watch %1 %5\n")
                    .arg(r->job.id, jobStatusId(r->job.status), profile.name,
                         project.file ? tr(" and recorded it in %1").arg(project.file->path()) : QString(),
                         parser.isSet(QStringLiteral("provider"))
                             ? QStringLiteral("--provider ") + profile.name
                             : QStringLiteral("--base-url %1 --kind %2")
                                   .arg(profile.effectiveBaseUrl().toString(), providerKindId(profile.kind))));
            done(Success);
        });
        submission.start();
    });
}

// The common part of status/watch/cancel: JOB, provider (explicit or from the project), client.
namespace {

struct JobCommand
{
    QString jobId;
    ProjectAccess project;
    std::optional<StoredJob> stored;
    ProviderProfile profile;
    Connection connection;
};

// The options of every command on one job (status, watch, cancel), after the command's own.
QList<QCommandLineOption> jobOptions()
{
    QList<QCommandLineOption> o = providerOptions();
    o << QCommandLineOption(QStringLiteral("project"),
                            tr("Project that records the job (its provider is used; the row is updated)"), QStringLiteral("P"));
    return o;
}

// Parses a job command's arguments (the parser holds its options) and connects to its provider.
int prepareJobCommand(QCommandLineParser &parser, const QString &cmd, const QStringList &args, JobCommand &jc, QTextStream &err)
{
    parser.addPositionalArgument(QStringLiteral("job"), tr("Provider job id"));
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

} // namespace

QList<QCommandLineOption> finetuneStatusOptions()
{
    QList<QCommandLineOption> o;
    o << QCommandLineOption(QStringLiteral("json"), tr("Print one JSON object"));
    o << jobOptions();
    return o;
}

int finetuneStatus(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.addOptions(finetuneStatusOptions());
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

QList<QCommandLineOption> finetuneCancelOptions()
{
    return jobOptions();
}

int finetuneCancel(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.addOptions(finetuneCancelOptions());
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

namespace {

// Follows one job with the core JobPoller until it ends, printing status changes, metrics and
// warnings as they come and recording them in the project (--project).
class JobWatcher
{
public:
    JobWatcher(JobCommand &jc, int intervalMs, QTextStream &out, QTextStream &err, Done done)
        : m_jc(jc)
        , m_out(out)
        , m_err(err)
        , m_done(std::move(done))
        , m_poller([client = jc.connection.client.get()]() -> Result<ProviderClient *> { return client; }, jc.jobId)
    {
        // A steady pace; after failures the pause doubles, up to 16 times the interval or 5 minutes.
        m_poller.setTiming({intervalMs, std::min(intervalMs * 16, 300000), false});
        m_poller.setListingErrors(JobPoller::ListingErrors::EndRound);
        QObject::connect(&m_poller, &JobPoller::jobUpdated, &m_context, [this](const FineTuneJob &job) {
            storeJob(m_jc.project, m_jc.stored, job, m_err);
            // A final status is printed after the job's last events, any other before its events.
            if (!isTerminal(job.status))
                printStatus(job);
        });
        QObject::connect(&m_poller, &JobPoller::eventsAdded, &m_context,
                         [this](const QList<JobEvent> &events) { printEvents(events); });
        QObject::connect(&m_poller, &JobPoller::metricsAdded, &m_context,
                         [this](const QList<JobEvent> &points) { printMetrics(points); });
        QObject::connect(&m_poller, &JobPoller::pollFailed, &m_context, [this](const Error &e) { failed(e); });
        QObject::connect(
            &m_poller, &JobPoller::finished, &m_context,
            [this](const FineTuneJob &job, const Result<QList<Checkpoint>> &checkpoints) { finish(job, checkpoints); });
    }
    Q_DISABLE_COPY_MOVE(JobWatcher)

    void start() { m_poller.start(); }
    void stop() { m_poller.stop(); }

private:
    void printStatus(const FineTuneJob &job)
    {
        if (m_status && *m_status == job.status)
            return;
        m_status = job.status;
        say(m_out, QStringLiteral("%1  %2\n").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")), statusText(job)));
    }

    void printEvents(const QList<JobEvent> &events)
    {
        for (const JobEvent &e : events) {
            if (e.type == QLatin1String("metrics")) {
                const MetricPoint m = metricPointFromJson(e.data);
                if (!m.isEmpty())
                    m_out << QStringLiteral("  %1\n").arg(metricsLine(m));
            } else if (e.level.startsWith(QLatin1String("warn")) || e.level == QLatin1String("error")) {
                m_out << QStringLiteral("  %1: %2\n").arg(e.level, e.message);
            }
        }
        m_out.flush();
        if (m_jc.project.jobs && m_jc.stored)
            (void)m_jc.project.jobs->addEvents(m_jc.stored->rowId, events);
    }

    // Together AI reports the training curve apart from its events.
    void printMetrics(const QList<JobEvent> &points)
    {
        for (const JobEvent &e : points)
            m_out << QStringLiteral("  %1\n").arg(metricsLine(metricPointFromJson(e.data)));
        m_out.flush();
        if (m_jc.project.jobs && m_jc.stored)
            (void)m_jc.project.jobs->addEvents(m_jc.stored->rowId, points);
    }

    void finish(const FineTuneJob &job, const Result<QList<Checkpoint>> &r)
    {
        printStatus(job);
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
            say(m_err,
                tr("cinetune finetune watch: job %1 failed: %2\n")
                    .arg(m_jc.jobId, job.error.message.isEmpty() ? tr("no reason given") : job.error.message));
        else
            say(m_err, tr("cinetune finetune watch: job %1 was cancelled\n").arg(m_jc.jobId));
        m_done(ProviderError);
    }

    void failed(const Error &e)
    {
        // Transient trouble (network, 5xx, rate limits) has used up the call's retries: keep
        // watching with a longer pause. A bad key, an unknown job or a bad request ends the watch.
        const bool fatal = e.code == errc::Provider::BadKey || e.code == errc::Provider::NotFound
            || e.code == errc::Provider::Forbidden || e.code == errc::Provider::InvalidRequest || e.code == errc::Provider::NoKey
            || e.code == errc::Provider::Quota;
        if (fatal || m_poller.consecutiveFailures() >= 10) {
            m_poller.stop();
            return m_done(providerFailure(QStringLiteral("finetune watch"), e, m_jc.connection, m_err));
        }
        say(m_err, tr("cinetune finetune watch: %1 (trying again)\n").arg(scrub(e.message, m_jc.connection.key)));
    }

    JobCommand &m_jc;
    QTextStream &m_out;
    QTextStream &m_err;
    Done m_done;
    QObject m_context;
    JobPoller m_poller;
    std::optional<JobStatus> m_status;
};

} // namespace

QList<QCommandLineOption> finetuneWatchOptions()
{
    QList<QCommandLineOption> o;
    o << QCommandLineOption(QStringLiteral("interval"), tr("Seconds between polls (default 10; 1 for the simulator)"),
                            QStringLiteral("S"));
    o << jobOptions();
    return o;
}

int finetuneWatch(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.addOptions(finetuneWatchOptions());
    const QString cmd = QStringLiteral("finetune watch");
    JobCommand jc;
    if (const int code = prepareJobCommand(parser, cmd, args, jc, err); code != Success)
        return code;
    const auto interval = unsignedOption(parser, QStringLiteral("interval"), jc.profile.isSimulator() ? 1 : 10, 1, 3600, cmd,
                                         err);
    if (!interval)
        return UsageError;
    std::unique_ptr<JobWatcher> watcher;
    std::unique_ptr<InterruptHandler> interrupts;
    return runEventLoop([&](const Done &done) {
        watcher = std::make_unique<JobWatcher>(jc, static_cast<int>(*interval * 1000), out, err, done);
        interrupts = std::make_unique<InterruptHandler>([&, done]() {
            watcher->stop();
            say(err,
                tr("Stopped watching; job %1 goes on at the provider (cancel it with cinetune finetune cancel %1).\n")
                    .arg(jc.jobId));
            done(kInterrupted);
        });
        watcher->start();
    });
}

} // namespace cinetune::cli
