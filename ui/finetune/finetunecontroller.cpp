#include "ui/finetune/finetunecontroller.h"

#include "ui/shell/backgroundtasks.h"
#include "core/common/readerror.h"
#include "core/finetune/chatdatavalidator.h"
#include "core/finetune/pricetable.h"
#include "core/finetune/tokenizer.h"
#include "ui/shell/promiseprogress.h"
#include "core/providers/jobmonitor.h"
#include "core/providers/providerclient.h"
#include "ui/common/providerservice.h"
#include "ui/shell/workspace.h"

#include <QFile>
#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

namespace cinetune::ui {

namespace {

Result<QByteArray> readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(errc::General::ReadFailed,
                         FineTuneController::tr("Could not read %1: %2").arg(QFileInfo(path).fileName(), f.errorString()));
    return f.readAll();
}

} // namespace

bool FineTuneEstimate::blocksSubmit() const
{
    return error.has_value() || !training || training->hasErrors() || (validation && validation->hasErrors());
}

FineTuneController::FineTuneController(ProviderService *providers, BackgroundTasks *tasks, QObject *parent)
    : QObject(parent)
    , m_providers(providers)
    , m_tasks(tasks)
{
    qRegisterMetaType<FineTuneEstimate>();
    // Cancel in the status bar stops the submission.
    connect(m_tasks, &BackgroundTasks::taskUpdated, this, [this](int id) {
        if (id == 0 || id != m_submitTaskId)
            return;
        if (const std::optional<BackgroundTasks::Task> t = m_tasks->task(id); t && t->cancelRequested)
            cancelSubmission();
    });
}

FineTuneController::~FineTuneController()
{
    if (m_estimateTask) {
        m_estimateFuture.cancel();
        m_estimateFuture.waitForFinished();
    }
    if (m_reading)
        m_readFuture.waitForFinished();
    if (m_submission)
        m_submission->cancel();
    delete m_monitor;
    finishSubmissionTask();
}

void FineTuneController::setWorkspace(Workspace *workspace)
{
    workspace->bind(this, [this](ProjectFile *project) { setProject(project); });
}

void FineTuneController::setProject(ProjectFile *project)
{
    if (m_submission) {
        m_submission->cancel();
        delete m_submission;
    }
    delete m_monitor;
    m_monitor = nullptr;
    m_repository.reset();
    if (project) {
        m_repository = std::make_unique<JobRepository>(*project);
        m_monitor = new JobMonitor(
            m_repository.get(), [this](const QString &provider) { return m_providers->client(provider); }, this);
        m_monitor->setPollInterval(m_pollMs, m_maxPollMs);
        connect(m_monitor, &JobMonitor::jobUpdated, this, [this](qint64 row, const FineTuneJob &) { Q_EMIT jobUpdated(row); });
        connect(m_monitor, &JobMonitor::jobFinished, this, [this](qint64 row, const FineTuneJob &) { Q_EMIT jobUpdated(row); });
        connect(m_monitor, &JobMonitor::eventsAdded, this,
                [this](qint64 row, const QList<JobEvent> &) { Q_EMIT eventsAdded(row); });
        connect(m_monitor, &JobMonitor::checkpointsUpdated, this,
                [this](qint64 row, const QList<Checkpoint> &) { Q_EMIT checkpointsUpdated(row); });
        connect(m_monitor, &JobMonitor::pollFailed, this, &FineTuneController::jobError);
        m_monitor->resume();
    }
    Q_EMIT jobsChanged();
}

void FineTuneController::setPollInterval(int pollMs, int maxPollMs)
{
    m_pollMs = pollMs;
    m_maxPollMs = maxPollMs;
    if (m_monitor)
        m_monitor->setPollInterval(pollMs, maxPollMs);
}

QList<StoredJob> FineTuneController::jobs() const
{
    if (!m_repository)
        return {};
    return valueOrLogged(m_repository->jobs(), "the project's fine-tuning jobs");
}

std::optional<StoredJob> FineTuneController::job(qint64 rowId) const
{
    if (!m_repository)
        return std::nullopt;
    auto j = m_repository->job(rowId);
    if (!j) {
        logReadError("a fine-tuning job of the project", j.error());
        return std::nullopt;
    }
    return j.value();
}

QList<JobEvent> FineTuneController::events(qint64 rowId) const
{
    if (!m_repository)
        return {};
    return valueOrLogged(m_repository->events(rowId), "a fine-tuning job's events");
}

QList<Checkpoint> FineTuneController::checkpoints(qint64 rowId) const
{
    if (!m_repository)
        return {};
    return valueOrLogged(m_repository->checkpoints(rowId), "a fine-tuning job's checkpoints");
}

void FineTuneController::estimate(const QString &trainingPath, const QString &validationPath, const QString &model, int epochs)
{
    if (m_estimateTask) {
        m_tasks->cancel(m_estimateTask); // its worker stops at the next progress check
        m_estimateTask = 0;
    }
    ValidationOptions options;
    options.epochs = epochs;
    const std::optional<ModelPrice> price = PriceTable::defaults().find(model);
    if (price)
        options.price = *price;
    else
        options.price = ModelPrice{model, 0, 0, 0, 0, 0};
    const bool priceKnown = price.has_value();

    auto future = QtConcurrent::run([trainingPath, validationPath, options, priceKnown](QPromise<FineTuneEstimate> &promise) {
        PromiseProgress<FineTuneEstimate> progress(promise);
        FineTuneEstimate out;
        out.priceKnown = priceKnown;
        const Result<Tokenizer> &tokenizer = Tokenizer::o200k(); // loaded here, off the GUI thread, once
        if (!tokenizer) {
            out.error = tokenizer.error();
            promise.addResult(out);
            return;
        }
        auto training = validateChatJsonlFile(trainingPath, tokenizer.value(), options, progress);
        if (promise.isCanceled())
            return;
        if (!training) {
            out.error = training.error();
            promise.addResult(out);
            return;
        }
        out.training = training.value();
        if (!validationPath.isEmpty()) {
            ValidationOptions v = options;
            v.minExamples = 0;
            v.recommendedExamples = 0;
            auto validation = validateChatJsonlFile(validationPath, tokenizer.value(), v, progress);
            if (promise.isCanceled())
                return;
            if (!validation)
                out.error = validation.error();
            else
                out.validation = validation.value();
        }
        promise.addResult(out);
    });
    m_estimateFuture = future;
    const quint64 generation = ++m_estimateGeneration;
    m_estimateTask = m_tasks->run(future, tr("Counting tokens"), this, [this, generation](const QFuture<FineTuneEstimate> &f) {
        if (generation != m_estimateGeneration)
            return; // replaced by a newer estimate
        m_estimateTask = 0;
        if (f.isCanceled() || f.resultCount() == 0)
            return;
        Q_EMIT estimateReady(f.result());
    });
    Q_EMIT estimateStarted();
}

void FineTuneController::submit(const FineTuneOrder &order)
{
    if (isSubmitting())
        return;
    if (!m_repository) {
        Q_EMIT submissionFinished(makeError(errc::Ui::NoProject,
                                            tr("No project is open, so the job cannot be stored. Open a project (File ▸ Open "
                                               "Project…) and submit again.")));
        return;
    }
    m_submitTask = std::make_unique<QPromise<void>>();
    m_submitTask->start();
    m_submitTask->setProgressRange(0, 0);
    m_submitTaskId = m_tasks->track(m_submitTask->future(), tr("Submitting fine-tuning job"));

    m_reading = true;
    m_readFuture = QtConcurrent::run([order]() -> Result<QPair<QByteArray, QByteArray>> {
        auto t = readAll(order.trainingPath);
        if (!t)
            return t.error();
        QByteArray v;
        if (!order.validationPath.isEmpty()) {
            auto vr = readAll(order.validationPath);
            if (!vr)
                return vr.error();
            v = vr.value();
        }
        return QPair<QByteArray, QByteArray>(t.value(), v);
    });
    m_tasks->run(
        m_readFuture, tr("Reading the fine-tuning data"), this,
        [this, order](const QFuture<Result<QPair<QByteArray, QByteArray>>> &f) {
            m_reading = false;
            if (!m_submitTask || m_submitTask->isCanceled() || f.resultCount() == 0) {
                finishSubmissionTask();
                Q_EMIT submissionFinished(makeError(errc::General::Cancelled, tr("The submission was cancelled.")));
                return;
            }
            auto r = f.result();
            if (!r) {
                finishSubmissionTask();
                Q_EMIT submissionFinished(r.error());
                return;
            }
            startSubmission(order, r->first, r->second);
        },
        BackgroundTasks::Show::IfSlow);
}

void FineTuneController::startSubmission(const FineTuneOrder &order, const QByteArray &training, const QByteArray &validation)
{
    auto client = m_providers->client(order.provider);
    if (!client) {
        finishSubmissionTask();
        Q_EMIT submissionFinished(client.error());
        return;
    }
    JobSubmission::Input in;
    in.trainingName = QFileInfo(order.trainingPath).fileName();
    in.trainingData = training;
    if (!order.validationPath.isEmpty()) {
        in.validationName = QFileInfo(order.validationPath).fileName();
        in.validationData = validation;
    }
    in.request = order.request;
    m_submission = new JobSubmission(client.value(), m_repository.get(), in, this);
    connect(m_submission, &JobSubmission::stateChanged, this, [this](const QString &text) {
        if (m_submitTask)
            m_submitTask->setProgressValueAndText(0, text);
        Q_EMIT submissionState(text);
    });
    connect(m_submission, &JobSubmission::uploadProgress, this, [this](qint64 sent, qint64 total) {
        if (!m_submitTask || total <= 0)
            return;
        m_submitTask->setProgressRange(0, 1000);
        m_submitTask->setProgressValueAndText(int(sent * 1000 / total), tr("Uploading (%1 %)").arg(sent * 100 / total));
    });
    connect(m_submission, &JobSubmission::finished, this, [this](const Result<StoredJob> &r) {
        if (m_submission)
            m_submission->deleteLater();
        m_submission = nullptr;
        finishSubmissionTask();
        if (r && m_monitor)
            m_monitor->watch(r->rowId);
        Q_EMIT jobsChanged();
        Q_EMIT submissionFinished(r);
    });
    Q_EMIT jobsChanged(); // the "submitting" row appears at once
    m_submission->start();
}

void FineTuneController::finishSubmissionTask()
{
    m_submitTaskId = 0;
    if (m_submitTask) {
        m_submitTask->finish();
        m_submitTask.reset();
    }
}

void FineTuneController::cancelSubmission()
{
    if (m_submission)
        m_submission->cancel();
}

void FineTuneController::importJobs(const QString &provider)
{
    if (!m_repository) {
        Q_EMIT importFinished(provider, 0, 0,
                              makeError(errc::Project::None, tr("Open or save a project first: jobs are kept in the project.")));
        return;
    }
    auto client = m_providers->client(provider);
    if (!client) {
        Q_EMIT importFinished(provider, 0, 0, client.error());
        return;
    }
    const ProviderProfile profile = client.value()->profile();
    JobListCall *call = client.value()->listJobs();
    connect(call, &JobListCall::finished, this, [this, provider, profile](const Result<QList<FineTuneJob>> &r) {
        if (!r) {
            Q_EMIT importFinished(provider, 0, 0, r.error());
            return;
        }
        if (!m_repository) // the project closed meanwhile
            return;
        int imported = 0;
        int known = 0;
        for (const FineTuneJob &job : r.value()) {
            if (m_repository->findByProviderId(job.id, provider)) {
                ++known;
                continue;
            }
            const bool simulated = profile.isSimulator() || job.raw.value(QLatin1String("simulated")).toBool();
            auto saved = m_repository->upsertJob(provider, profile.kind, profile.effectiveBaseUrl().toString(), job, simulated);
            if (!saved) {
                Q_EMIT importFinished(provider, imported, known, saved.error());
                Q_EMIT jobsChanged();
                return;
            }
            ++imported;
            if (m_monitor && !isTerminal(job.status))
                m_monitor->watch(saved.value());
        }
        Q_EMIT jobsChanged();
        Q_EMIT importFinished(provider, imported, known, std::nullopt);
    });
}

Status FineTuneController::setDeployment(qint64 rowId, const QString &deployment)
{
    if (!m_repository)
        return makeError(errc::Project::None, tr("Open or save a project first: jobs are kept in the project."));
    Status s = m_repository->setDeployment(rowId, deployment.trimmed());
    if (s)
        Q_EMIT jobUpdated(rowId);
    return s;
}

Status FineTuneController::discardRequest(qint64 rowId)
{
    if (!m_repository)
        return makeError(errc::Project::None, tr("Open or save a project first: jobs are kept in the project."));
    const std::optional<StoredJob> stored = job(rowId);
    if (!stored || !stored->pending)
        return makeError(errc::Job::NotPending, tr("Only a job request the provider never confirmed can be discarded."));
    Status s = m_repository->removeJob(rowId);
    if (s)
        Q_EMIT jobsChanged();
    return s;
}

void FineTuneController::cancelJob(qint64 rowId)
{
    const std::optional<StoredJob> stored = job(rowId);
    if (!stored || stored->pending || stored->job.id.isEmpty())
        return;
    auto client = m_providers->client(stored->provider);
    if (!client) {
        Q_EMIT jobError(rowId, client.error());
        return;
    }
    JobCall *call = client.value()->cancelJob(stored->job.id);
    connect(call, &JobCall::finished, this, [this, rowId, s = *stored](const Result<FineTuneJob> &r) {
        if (!r) {
            Q_EMIT jobError(rowId, r.error());
            return;
        }
        if (m_repository) {
            auto saved = m_repository->upsertJob(s.provider, s.kind, s.baseUrl, r.value(), s.simulated, s.requestTag);
            if (!saved)
                Q_EMIT jobError(rowId, saved.error());
        }
        if (m_monitor)
            m_monitor->watch(rowId); // picks up the final state and events
        Q_EMIT jobUpdated(rowId);
    });
}

QString FineTuneController::advice(const Error &error)
{
    const ErrorCode c = error.code;
    QString what;
    if (c == errc::Provider::TrainingNotAvailable)
        what = tr("Add an Azure OpenAI or Together AI profile under Settings ▸ Providers and submit the job there.");
    else if (c == errc::Provider::BadKey || c == errc::Provider::NoKey)
        what = tr("Check the API key of the profile (Settings ▸ Providers ▸ Test Connection).");
    else if (c == errc::Provider::UnknownModel)
        what = tr("Choose a base model the provider offers (Test Connection lists them).");
    else if (c == errc::Provider::Quota)
        what = tr("Add credit or raise the quota in the provider's billing settings, then submit again.");
    else if (c == errc::Provider::RateLimited)
        what = tr("Wait a minute and try again, or lower the profile's requests per minute.");
    else if (c.domain() == ErrorDomain::Net)
        what = tr("Check the network connection and the profile's base URL, then try again.");
    else if (c.domain() == ErrorDomain::Profile)
        what = tr("Fix the profile under Settings ▸ Providers.");
    return what.isEmpty() ? error.message : error.message + QLatin1Char('\n') + what;
}

} // namespace cinetune::ui
