#include "ui/evaluate/evaluationcontroller.h"

#include "ui/shell/backgroundtasks.h"
#include "core/common/readerror.h"
#include "core/eval/baselinerun.h"
#include "core/eval/evalrun.h"
#include "core/eval/promptstrategy.h"
#include "core/eval/runlabel.h"
#include "core/finetune/pricetable.h"
#include "core/finetune/tokenizer.h"
#include "core/project/jobrepository.h"
#include "core/project/projectfile.h"
#include "core/project/projectprompt.h"
#include "core/project/runlease.h"
#include "ui/shell/promiseprogress.h"
#include "core/providers/providerclient.h"
#include "ui/dataset/datasetcontroller.h"
#include "ui/common/providerservice.h"
#include "ui/shell/workspace.h"

#include <QtConcurrent>

#include <algorithm>
#include <atomic>
#include <numeric>

namespace cinetune::ui {

namespace {

// The candidate shortlist of a run: the most rated movies (the same baseline as `cinetune run`'s
// default), over the dataset without the split's held-out ratings (heldout.h), so a hold-out user's
// gold is neither counted nor excluded as "rated".
Result<CandidateSource> popularCandidates(const DatasetPtr &ds, const std::vector<GoldSetUser> &evaluated)
{
    NullProgress quiet;
    return heldOutCandidates(ds, BaselineKind::MostPopular, evaluated, BaselineOptions{}, quiet);
}

} // namespace

EvaluationController::EvaluationController(ProviderService *providers, DatasetController *datasets, BackgroundTasks *tasks,
                                           QObject *parent)
    : QObject(parent)
    , m_providers(providers)
    , m_datasets(datasets)
    , m_tasks(tasks)
{
    qRegisterMetaType<cinetune::ui::RunEstimate>();
    connect(m_datasets, &DatasetController::datasetChanged, this, [this] {
        m_scores.clear(); // scores resolve titles against the dataset
        Q_EMIT runsChanged();
    });
}

EvaluationController::~EvaluationController()
{
    setProject(nullptr);
}

bool EvaluationController::hasDataset() const
{
    return m_datasets->current() != nullptr;
}

void EvaluationController::setWorkspace(Workspace *workspace)
{
    workspace->bind(this, [this](ProjectFile *project) { setProject(project); });
}

void EvaluationController::setProject(ProjectFile *project)
{
    if (project == m_project)
        return;
    // Destroying a run aborts what is in flight; everything received is already stored.
    m_active.clear();
    m_scores.clear();
    m_project = project;
    m_runs = project ? std::make_unique<RunRepository>(*project) : nullptr;
    Q_EMIT runsChanged();
}

QList<StoredRun> EvaluationController::runs() const
{
    if (!m_runs)
        return {};
    return valueOrLogged(m_runs->list(), "the project's runs");
}

std::optional<StoredRun> EvaluationController::run(qint64 runId) const
{
    if (!m_runs)
        return std::nullopt;
    auto r = m_runs->get(runId);
    if (!r) {
        logReadError("a run of the project", r.error());
        return std::nullopt;
    }
    return r.value();
}

RunCounts EvaluationController::counts(qint64 runId) const
{
    if (!m_runs)
        return {};
    return valueOrLogged(m_runs->counts(runId), "a run's response counts");
}

QList<StoredGoldSet> EvaluationController::goldSets() const
{
    if (!m_project)
        return {};
    return valueOrLogged(GoldSetRepository(*m_project).list(), "the project's gold sets");
}

Result<std::vector<GoldSetUser>> EvaluationController::splitUsers(qint64 goldSetId, GoldSetSplit split) const
{
    std::vector<GoldSetUser> out;
    if (!m_project)
        return out;
    auto all = GoldSetRepository(*m_project).users(goldSetId);
    if (!all)
        return all.error();
    for (GoldSetUser &u : all.value())
        if (u.split == split)
            out.push_back(std::move(u));
    return out;
}

QList<ModelChoice> EvaluationController::fineTunedModels() const
{
    QList<ModelChoice> out;
    if (!m_project)
        return out;
    JobRepository jobs(*m_project);
    auto list = jobs.jobs();
    if (!list) {
        logReadError("the project's fine-tuning jobs", list.error());
        return out;
    }
    for (const StoredJob &j : list.value()) {
        const QList<Checkpoint> checkpoints = valueOrLogged(jobs.checkpoints(j.rowId), "a fine-tuning job's checkpoints");
        for (const ServableModel &m : servableModels(j, checkpoints))
            out.append({m.label, j.provider, m.model, true});
    }
    return out;
}

QString EvaluationController::uniqueRunName(const QString &base) const
{
    return m_runs ? m_runs->uniqueName(base) : base;
}

bool EvaluationController::isActive(qint64 runId) const
{
    return m_active.count(runId) > 0;
}

bool EvaluationController::isPaused(qint64 runId) const
{
    const auto it = m_active.find(runId);
    return it != m_active.end() && it->second.paused;
}

std::optional<RunProgress> EvaluationController::progress(qint64 runId) const
{
    const auto it = m_active.find(runId);
    return it == m_active.end() ? std::nullopt : std::optional<RunProgress>(it->second.progress);
}

Status EvaluationController::renameRun(qint64 runId, const QString &label)
{
    if (!m_runs)
        return makeError(errc::Ui::NoProject, tr("No project is open."));
    if (Status s = m_runs->setLabel(runId, label); !s)
        return s;
    Q_EMIT runsChanged();
    return Ok{};
}

QString EvaluationController::suggestedLabel(const RunSpec &spec) const
{
    const QString base = defaultRunLabel(spec);
    return m_runs ? m_runs->uniqueLabel(base) : base;
}

Result<qint64> EvaluationController::startRun(const QString &name, const RunSpec &requested, int concurrency,
                                              const QString &label)
{
    if (!m_runs)
        return makeError(errc::Ui::NoProject, tr("No project is open, so the run cannot be stored."));
    // A model is asked with the prompt template its training data was written with.
    RunSpec spec = requested;
    auto prompt = projectPromptTemplate(*m_project);
    if (!prompt)
        return prompt.error();
    spec.prompt = std::move(prompt).value();
    if (!hasDataset())
        return makeError(errc::Ui::NoDataset, tr("Load the project's dataset first (Dataset step)."));
    if (Status v = spec.validate(); !v)
        return v.error();
    const Result<std::vector<GoldSetUser>> evaluated = splitUsers(spec.goldSetId, spec.split);
    if (!evaluated)
        return evaluated.error();
    const qint64 users = qint64(evaluated->size());
    if (users == 0)
        return makeError(
            errc::Ui::EmptySplit,
            tr("The gold set \"%1\" has no user in the %2 split.").arg(spec.goldSetName, goldSetSplitId(spec.split)));
    if (spec.strategy == PromptStrategyKind::FewShot) {
        const Result<std::vector<GoldSetUser>> train = splitUsers(spec.goldSetId, GoldSetSplit::Train);
        if (!train)
            return train.error();
        if (train->empty())
            return makeError(errc::Ui::NoExamples,
                             tr("Few-shot examples come from the train split, and the gold set \"%1\" has no user in it. "
                                "Build a gold set with a train share, or choose another strategy.")
                                 .arg(spec.goldSetName));
    }
    QString baseUrl;
    bool simulated = false;
    if (spec.target.kind == TargetKind::Llm) {
        const auto profile = m_providers->profile(spec.target.provider);
        if (!profile)
            return makeError(errc::Ui::NoProvider, tr("There is no provider profile named \"%1\".").arg(spec.target.provider));
        baseUrl = profile->effectiveBaseUrl().toString();
        simulated = profile->kind == ProviderKind::Simulator;
    }
    auto runId = prepareEvaluationRun(*m_runs, name, spec, baseUrl, users, label);
    if (!runId)
        return runId.error();
    // The simulator is not an LLM: stored with the run when it is made (schema step 8).
    if (simulated) {
        if (Status marked = m_runs->setSimulated(runId.value(), true); !marked)
            return marked.error();
    }
    m_concurrency.insert(runId.value(), concurrency);
    Q_EMIT runsChanged();
    if (Status s = launch(runId.value(), false); !s)
        return s.error();
    return runId.value();
}

Status EvaluationController::launch(qint64 runId, bool onlyFailed)
{
    if (isActive(runId))
        return Ok{};
    auto stored = m_runs->get(runId);
    if (!stored)
        return stored.error();
    const LoadedDatasetPtr data = m_datasets->current();
    if (!data)
        return makeError(errc::Ui::NoDataset, tr("Load the project's dataset first (Dataset step)."));
    if (stored->spec.target.kind == TargetKind::Baseline)
        return launchBaseline(runId, stored.value());

    auto client = m_providers->client(stored->spec.target.provider);
    if (!client)
        return client.error();
    // One process at a time sends a run: refused (naming the holder) while a `cinetune run` or
    // another window has it.
    auto lease = std::make_unique<RunLease>(*m_project, runId, stored->name);
    if (Status s = lease->acquire(); !s)
        return s;
    const auto profile = m_providers->profile(stored->spec.target.provider);
    EvaluationSetup setup;
    setup.project = m_project;
    setup.runId = runId;
    setup.spec = stored->spec;
    setup.catalogue = &data->dataset->catalogue;
    Result<std::vector<GoldSetUser>> train = splitUsers(stored->spec.goldSetId, GoldSetSplit::Train);
    if (!train)
        return train.error();
    setup.trainUsers = std::move(train).value();
    if (stored->spec.split == GoldSetSplit::Train) {
        setup.users = setup.trainUsers;
    } else {
        Result<std::vector<GoldSetUser>> evaluated = splitUsers(stored->spec.goldSetId, stored->spec.split);
        if (!evaluated)
            return evaluated.error();
        setup.users = std::move(evaluated).value();
    }
    if (stored->spec.strategy == PromptStrategyKind::Candidates) {
        Result<CandidateSource> candidates = popularCandidates(data->dataset, setup.users);
        if (!candidates)
            return candidates.error();
        setup.candidates = std::move(candidates).value();
    }
    setup.endpoint = client.value()->endpoint();
    setup.endpoint.timeoutMs = m_timeoutMs;
    setup.providerName = stored->spec.target.provider;
    setup.http = m_providers->http();
    const int concurrency = m_concurrency.value(runId, 0);
    setup.scheduler.concurrency = concurrency > 0 ? concurrency : (profile ? std::max(1, profile->concurrency) : 4);
    if (profile) {
        setup.scheduler.requestsPerMinute = profile->requestsPerMinute;
        setup.scheduler.tokensPerMinute = profile->tokensPerMinute;
    }
    setup.tokenizer = Tokenizer::o200kIfLoaded(); // loaded by the estimate; never loaded on the GUI thread

    Active &a = m_active[runId];
    a.lease = std::move(lease);
    connect(a.lease.get(), &RunLease::lost, this, [this, runId](const QString &message) {
        QMetaObject::invokeMethod(
            this, [this, runId, message] { onStopped(runId, int(RunStatus::Paused), message); }, Qt::QueuedConnection);
    });
    a.dataset = data;
    a.progress.total = qint64(setup.users.size());
    a.run = std::make_unique<EvaluationRun>(std::move(setup));
    EvaluationRun *r = a.run.get();
    connect(r, &EvaluationRun::progress, this,
            [this, runId](qint64 done, qint64 total, qint64 p, qint64 c, double cost, qint64 eta) {
                const auto it = m_active.find(runId);
                if (it == m_active.end())
                    return;
                it->second.progress = RunProgress{done, total, p, c, cost, eta};
                Q_EMIT runUpdated(runId);
            });
    connect(r, &EvaluationRun::stopped, this, [this, runId](int status, const QString &error) {
        // Deleting the run inside its own signal is not safe: defer.
        QMetaObject::invokeMethod(
            this, [this, runId, status, error] { onStopped(runId, status, error); }, Qt::QueuedConnection);
    });
    if (onlyFailed)
        r->retryFailed();
    else
        r->start();
    Q_EMIT runUpdated(runId);
    return Ok{};
}

Status EvaluationController::launchBaseline(qint64 runId, const StoredRun &stored)
{
    Result<std::vector<GoldSetUser>> evaluated = splitUsers(stored.spec.goldSetId, stored.spec.split);
    if (!evaluated)
        return evaluated.error();
    auto pending = m_runs->pendingUsers(runId, evaluated.value());
    if (!pending)
        return pending.error();
    if (Status s = m_runs->setStatus(runId, RunStatus::Running); !s)
        return s;
    Active &a = m_active[runId];
    a.baseline = true;
    a.dataset = m_datasets->current();
    a.progress.total = stored.usersTotal;
    a.progress.done = stored.usersTotal - qint64(pending->size());
    a.progress.cost = 0;
    const LoadedDatasetPtr data = a.dataset;
    const RunSpec spec = stored.spec;
    // The whole split is evaluated, also when only some users are pending (heldout.h).
    BaselineOptions options;
    options.evaluated = std::make_shared<const std::vector<GoldSetUser>>(std::move(evaluated).value());
    auto future = QtConcurrent::run(
        [data, spec, options, users = std::move(pending.value())](QPromise<Result<std::vector<StoredResponse>>> &promise) {
            PromiseProgress<Result<std::vector<StoredResponse>>> progress(promise);
            promise.addResult(computeBaselineResponses(*data->dataset, spec, users, progress, options));
        });
    m_tasks->run(future, tr("Baseline run \"%1\"").arg(stored.label), this,
                 [this, runId](const QFuture<Result<std::vector<StoredResponse>>> &f) {
                     if (!m_active.count(runId) || !m_runs)
                         return; // project closed meanwhile
                     if (f.isCanceled() || f.resultCount() == 0) {
                         (void)m_runs->setStatus(runId, RunStatus::Cancelled);
                         onStopped(runId, int(RunStatus::Cancelled), {});
                         return;
                     }
                     const auto result = f.result();
                     if (!result) {
                         const bool canceled = result.error().code == errc::General::Cancelled;
                         const RunStatus status = canceled ? RunStatus::Cancelled : RunStatus::Failed;
                         (void)m_runs->setStatus(runId, status, canceled ? QString() : result.error().message);
                         onStopped(runId, int(status), canceled ? QString() : result.error().message);
                         return;
                     }
                     for (const StoredResponse &r : result.value()) {
                         if (Status s = m_runs->storeResponse(runId, r); !s) {
                             (void)m_runs->setStatus(runId, RunStatus::Failed, s.error().message);
                             onStopped(runId, int(RunStatus::Failed), s.error().message);
                             return;
                         }
                     }
                     (void)m_runs->setStatus(runId, RunStatus::Finished);
                     onStopped(runId, int(RunStatus::Finished), {});
                 });
    m_baselineFutures.insert(runId, QFuture<void>(future));
    Q_EMIT runUpdated(runId);
    return Ok{};
}

void EvaluationController::onStopped(qint64 runId, int status, const QString &error)
{
    m_active.erase(runId);
    m_baselineFutures.remove(runId);
    m_scores.remove(runId);
    Q_EMIT runStopped(runId, status, error);
    Q_EMIT runUpdated(runId);
}

Status EvaluationController::resume(qint64 runId)
{
    if (!m_runs)
        return makeError(errc::Ui::NoProject, tr("Open the project first."));
    const auto it = m_active.find(runId);
    if (it != m_active.end()) {
        if (it->second.run && it->second.paused) {
            it->second.paused = false;
            it->second.run->resume();
            Q_EMIT runUpdated(runId);
        }
        return Ok{};
    }
    return launch(runId, false);
}

void EvaluationController::pause(qint64 runId)
{
    const auto it = m_active.find(runId);
    if (it == m_active.end() || !it->second.run || it->second.paused)
        return;
    it->second.paused = true;
    it->second.run->pause();
    Q_EMIT runUpdated(runId);
}

void EvaluationController::cancel(qint64 runId)
{
    const auto it = m_active.find(runId);
    if (it == m_active.end())
        return;
    if (it->second.run) {
        it->second.run->cancel(); // emits stopped
    } else if (m_baselineFutures.contains(runId)) {
        m_baselineFutures.value(runId).cancel();
    }
}

Status EvaluationController::retryFailed(qint64 runId)
{
    if (!m_runs)
        return makeError(errc::Ui::NoProject, tr("Open the project first."));
    return launch(runId, true);
}

Status EvaluationController::remove(qint64 runId)
{
    if (!m_runs)
        return makeError(errc::Ui::NoProject, tr("Open the project first."));
    if (isActive(runId))
        return makeError(errc::Ui::RunActive, tr("Cancel the run before deleting it."));
    Status s = m_runs->remove(runId);
    m_scores.remove(runId);
    Q_EMIT runsChanged();
    return s;
}

void EvaluationController::requestScore(qint64 runId, const ScoringOptions &options)
{
    const LoadedDatasetPtr data = m_datasets->current();
    if (!m_runs || !data)
        return;
    auto stored = m_runs->get(runId);
    if (!stored) {
        Q_EMIT scoreFailed(runId, stored.error());
        return;
    }
    auto responses = m_runs->responses(runId);
    if (!responses) {
        Q_EMIT scoreFailed(runId, responses.error());
        return;
    }
    // The project is read here, on its thread; parsing, resolving and the bootstrap run outside.
    const bool baseline = stored->spec.target.kind == TargetKind::Baseline;
    std::vector<Prediction> predictions = predictionsFromResponses(responses.value(), baseline);
    Result<std::vector<GoldSetUser>> goldUsers = splitUsers(stored->spec.goldSetId, stored->spec.split);
    if (!goldUsers) {
        Q_EMIT scoreFailed(runId, goldUsers.error());
        return;
    }
    std::vector<GoldSetUser> gold = std::move(goldUsers).value();
    const quint64 generation = ++m_scoreGeneration[runId];
    auto future = QtConcurrent::run([data, gold = std::move(gold), predictions = std::move(predictions), options]() {
        return scorePredictions(gold, predictions, *data->dataset, options);
    });
    m_tasks->run(
        future, tr("Scoring run \"%1\"").arg(stored->name), this,
        [this, runId, generation](const QFuture<Result<RunScore>> &f) {
            if (m_scoreGeneration.value(runId) != generation || f.resultCount() == 0)
                return; // a newer request replaced this one
            const Result<RunScore> r = f.result();
            if (!r) {
                Q_EMIT scoreFailed(runId, r.error());
                return;
            }
            auto score = std::make_shared<RunScore>(r.value());
            score->runId = runId;
            m_scores.insert(runId, std::move(score));
            Q_EMIT scoreReady(runId);
        },
        BackgroundTasks::Show::IfSlow);
}

const RunScore *EvaluationController::score(qint64 runId) const
{
    const auto it = m_scores.constFind(runId);
    return it == m_scores.constEnd() ? nullptr : it->get();
}

QString EvaluationController::rawResponse(qint64 runId, std::uint32_t user) const
{
    if (!m_runs)
        return {};
    auto responses = m_runs->responses(runId);
    if (!responses)
        return responses.error().message; // shown where the answer would be
    for (const StoredResponse &r : responses.value())
        if (r.user == user)
            return r.ok ? r.rawText : tr("Request failed (%1): %2").arg(r.errorCode, r.errorMessage);
    return {};
}

void EvaluationController::estimate(const RunSpec &requested)
{
    RunSpec spec = requested;
    if (m_project) {
        if (auto prompt = projectPromptTemplate(*m_project))
            spec.prompt = std::move(prompt).value();
    }
    const quint64 generation = ++m_estimateGeneration;
    const LoadedDatasetPtr data = m_datasets->current();
    Result<std::vector<GoldSetUser>> evaluated = splitUsers(spec.goldSetId, spec.split);
    Result<std::vector<GoldSetUser>> trainUsers = splitUsers(spec.goldSetId, GoldSetSplit::Train);
    if (!evaluated || !trainUsers) {
        RunEstimate e;
        e.error = !evaluated ? evaluated.error() : trainUsers.error();
        Q_EMIT estimateReady(e);
        return;
    }
    std::vector<GoldSetUser> users = std::move(evaluated).value();
    if (!data || spec.target.kind == TargetKind::Baseline) {
        RunEstimate e;
        e.users = qint64(users.size());
        e.cost = 0;
        Q_EMIT estimateReady(e);
        return;
    }
    std::vector<GoldSetUser> train = std::move(trainUsers).value();
    CandidateSource candidates;
    if (spec.strategy == PromptStrategyKind::Candidates) {
        Result<CandidateSource> made = popularCandidates(data->dataset, users);
        if (!made) {
            RunEstimate e;
            e.users = qint64(users.size());
            e.error = made.error();
            Q_EMIT estimateReady(e);
            return;
        }
        candidates = std::move(made).value();
    }
    auto future = QtConcurrent::run([data, spec, users = std::move(users), train = std::move(train), candidates]() {
        RunEstimate e;
        e.users = qint64(users.size());
        e.maxCompletionTokens = e.users * spec.maxTokens;
        const Result<Tokenizer> &tokenizer = Tokenizer::o200k(); // loaded here, off the GUI thread, once
        if (!tokenizer) {
            e.error = tokenizer.error();
            return e;
        }
        PromptContext context;
        context.catalogue = &data->dataset->catalogue;
        context.trainUsers = &train;
        context.candidates = candidates;
        for (const GoldSetUser &u : users) {
            auto request = buildChatRequest(spec, context, u);
            if (!request) {
                e.error = request.error();
                return e;
            }
            for (const ChatMessage &m : request->messages)
                e.promptTokens += qint64(tokenizer->count(m.content)) + 4; // + the chat format's per-message overhead
        }
        const auto price = PriceTable::defaults().find(spec.target.model);
        if (price) {
            const bool ft = spec.target.model.startsWith(QLatin1String("ft:"));
            e.cost = costUsd(e.promptTokens, ft ? price->fineTunedInputPer1M : price->inputPer1M)
                + costUsd(e.maxCompletionTokens, ft ? price->fineTunedOutputPer1M : price->outputPer1M);
        }
        return e;
    });
    m_tasks->run(
        future, tr("Estimating the run's cost"), this,
        [this, generation](const QFuture<RunEstimate> &f) {
            if (generation != m_estimateGeneration || f.resultCount() == 0)
                return;
            Q_EMIT estimateReady(f.result());
        },
        BackgroundTasks::Show::IfSlow);
}

} // namespace cinetune::ui
