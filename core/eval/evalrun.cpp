#include "core/eval/evalrun.h"

#include "core/finetune/tokenizer.h"
#include "core/project/runrepository.h"
#include "core/providers/providererrors.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace cinetune {

namespace {

// Errors that every other request of the run would meet as well: stop instead of failing each user.
bool isFatal(ErrorCode code)
{
    return code == errc::Provider::BadKey || code == errc::Provider::Quota || code == errc::Provider::UnknownModel
        || code == errc::Provider::Forbidden || code == errc::Provider::DeploymentNeeded || code == errc::Provider::Retired;
}

} // namespace

Result<qint64> prepareEvaluationRun(RunRepository &runs, const QString &name, const RunSpec &spec, const QString &baseUrl,
                                    qint64 usersTotal, const QString &label)
{
    if (Status v = spec.validate(); !v)
        return v.error();
    Result<StoredRun> existing = runs.find(name);
    if (existing) {
        if (!(existing->spec == spec) || existing->baseUrl != baseUrl)
            return makeError(
                errc::Run::SpecMismatch,
                RunRepository::tr("The project already has a run named \"%1\" with other settings; choose another name "
                                  "to start a new run, or give the same settings to continue it.")
                    .arg(name));
        if (existing->usersTotal != usersTotal) {
            if (Status s = runs.setUsersTotal(existing->id, usersTotal); !s)
                return s.error();
        }
        if (!label.trimmed().isEmpty() && label.simplified() != existing->label) {
            if (Status s = runs.setLabel(existing->id, label); !s)
                return s.error();
        }
        return existing->id;
    }
    if (existing.error().code != errc::Project::NotFound)
        return existing.error();
    Result<qint64> created = runs.create(name, spec, baseUrl, usersTotal, label);
    // Another process created it at the same moment: continue that run (same checks as above). A
    // label taken by another run is refused as it is.
    if (!created && created.error().code == errc::Project::Exists && runs.find(name))
        return prepareEvaluationRun(runs, name, spec, baseUrl, usersTotal, label);
    return created;
}

EvaluationRun::EvaluationRun(EvaluationSetup setup, QObject *parent)
    : QObject(parent)
    , m_setup(std::move(setup))
    , m_runs(std::make_unique<RunRepository>(*m_setup.project))
{
    m_scheduler = new RequestScheduler(m_setup.http, this);
    m_scheduler->setOptions(m_setup.scheduler);
    m_scheduler->setLanes(m_setup.extraLanes);
    connect(m_scheduler, &RequestScheduler::finished, this, &EvaluationRun::onResponse);
    connect(m_scheduler, &RequestScheduler::drained, this, &EvaluationRun::maybeFinish);
}

EvaluationRun::~EvaluationRun()
{
    // In-flight requests are aborted; their users stay pending, so a new run object continues.
    m_scheduler->disconnect(this);
    m_scheduler->cancel();
    if (m_active)
        (void)m_runs->setStatus(m_setup.runId, RunStatus::Paused);
}

std::optional<double> EvaluationRun::cost(qint64 promptTokens, qint64 completionTokens) const
{
    const QString model = m_setup.spec.target.model;
    const auto price = m_setup.prices.find(model);
    if (!price)
        return std::nullopt;
    const bool fineTuned = model.startsWith(QLatin1String("ft:"));
    const double in = fineTuned ? price->fineTunedInputPer1M : price->inputPer1M;
    const double out = fineTuned ? price->fineTunedOutputPer1M : price->outputPer1M;
    if (in <= 0 && out <= 0)
        return std::nullopt;
    return costUsd(promptTokens, in) + costUsd(completionTokens, out);
}

qint64 EvaluationRun::estimateTokens(const ChatRequest &request) const
{
    // Prompt tokens as OpenAI counts chat input (about 3 per message + 3 for the reply's priming)
    // plus the most the answer may take.
    qint64 tokens = 3;
    for (const ChatMessage &m : request.messages)
        tokens += 3 + (m_setup.tokenizer ? qint64(m_setup.tokenizer->count(m.content)) : m.content.size() / 4 + 1);
    return tokens + request.maxTokens.value_or(0);
}

void EvaluationRun::start()
{
    begin(false);
}

void EvaluationRun::retryFailed()
{
    begin(true);
}

void EvaluationRun::begin(bool onlyFailed)
{
    if (m_active)
        return;
    if (m_setup.spec.target.kind != TargetKind::Llm) {
        Q_EMIT stopped(int(RunStatus::Failed), RunRepository::tr("A baseline run is computed locally, not sent to a provider."));
        return;
    }
    Result<QSet<std::uint32_t>> ok = m_runs->usersWithState(m_setup.runId, true);
    Result<QSet<std::uint32_t>> failed = m_runs->usersWithState(m_setup.runId, false);
    Result<RunCounts> counts = m_runs->counts(m_setup.runId);
    if (!ok || !failed || !counts) {
        const Error e = !ok ? ok.error() : !failed ? failed.error() : counts.error();
        Q_EMIT stopped(int(RunStatus::Failed), e.message);
        return;
    }
    m_active = true;
    m_done = counts->ok + counts->failed;
    m_promptTokens = counts->promptTokens;
    m_completionTokens = counts->completionTokens;
    m_doneThisSession = 0;
    m_sessionClock.start();
    m_keys.clear();
    m_failed = failed.value();
    m_okUsers = ok.value();
    m_onlyFailed = onlyFailed;
    m_nextUser = 0;
    m_preparing = true;
    (void)m_runs->setStatus(m_setup.runId, RunStatus::Running);
    prepareMore();
}

// Builds requests a slice at a time so the first answers flow while the rest are prepared and
// the event loop (GUI) stays responsive.
void EvaluationRun::prepareMore()
{
    if (!m_active || !m_preparing)
        return;
    constexpr std::size_t kSlice = 64;
    const PromptContext context{m_setup.catalogue, &m_setup.trainUsers, m_setup.candidates};
    const QUrl baseUrl = m_setup.endpoint.baseUrl;
    const std::size_t end = std::min(m_setup.users.size(), m_nextUser + kSlice);
    for (; m_nextUser < end && m_active; ++m_nextUser) {
        const std::size_t i = m_nextUser;
        const GoldSetUser &user = m_setup.users[i];
        const bool wasFailed = m_failed.contains(user.user);
        if (m_okUsers.contains(user.user) || (m_onlyFailed && !wasFailed))
            continue;
        StoredResponse r;
        r.user = user.user;
        Result<ChatRequest> request = buildChatRequest(m_setup.spec, context, user);
        if (!request) {
            // A prompt that cannot be built fails this user only (e.g. a movie missing from the dataset).
            r.errorCode = request.error().code.id();
            r.errorMessage = request.error().message;
            if (!wasFailed)
                ++m_done;
            m_failed.insert(user.user);
            store(r, false);
            continue;
        }
        r.cacheKey = requestCacheKey(baseUrl, request.value());
        Result<std::optional<CachedResponse>> hit = m_runs->cached(r.cacheKey);
        if (hit && hit->has_value()) {
            const CachedResponse &c = *hit.value();
            r.ok = true;
            r.cached = true;
            r.rawText = c.rawText;
            r.finishReason = c.finishReason;
            r.promptTokens = c.promptTokens;
            r.completionTokens = c.completionTokens;
            r.model = c.modelReturned;
            if (!wasFailed)
                ++m_done;
            m_failed.remove(user.user);
            store(r, true);
            continue;
        }
        m_keys.insert(i, r.cacheKey);
        m_scheduler->enqueue(i, openai::chat(m_setup.endpoint, request.value()), estimateTokens(request.value()));
    }
    if (!m_active)
        return;
    emitProgress();
    if (m_nextUser < m_setup.users.size()) {
        QTimer::singleShot(0, this, &EvaluationRun::prepareMore);
        return;
    }
    m_preparing = false;
    if (m_scheduler->isIdle())
        QTimer::singleShot(0, this, &EvaluationRun::maybeFinish);
}

void EvaluationRun::store(const StoredResponse &response, bool cachedHit)
{
    if (Status s = m_runs->storeResponse(m_setup.runId, response, m_setup.providerName); !s) {
        // Not being able to write means answers would be paid for and lost: stop.
        stop(RunStatus::Failed, s.error().message);
        return;
    }
    if (response.ok && !cachedHit) {
        m_promptTokens += response.promptTokens;
        m_completionTokens += response.completionTokens;
    }
    ++m_doneThisSession;
    Q_EMIT userFinished(response.user, response.ok, cachedHit);
}

void EvaluationRun::onResponse(quint64 index, const Result<HttpResponse> &result, int attempts, qint64 latencyMs)
{
    if (index >= m_setup.users.size())
        return;
    const GoldSetUser &user = m_setup.users[index];
    StoredResponse r;
    r.user = user.user;
    r.cacheKey = m_keys.take(index);
    r.attempts = attempts;
    r.latencyMs = latencyMs;
    r.receivedAt = QDateTime::currentDateTimeUtc();
    std::optional<Error> error;
    if (!result) {
        if (result.error().code == errc::General::Cancelled)
            return; // the user stays pending
        if (result.error().code == errc::Net::Unreachable) {
            // The host does not resolve or refuses connections (a wrong base URL, no network):
            // every other request would fail the same way. Stop at once, one message, and leave
            // the user pending (nothing was sent, nothing paid) instead of a failed row per user.
            stop(RunStatus::Failed,
                 tr("%1 The run stopped instead of failing every user: the users without an answer "
                    "stay pending, and running it again continues with them.")
                     .arg(result.error().message));
            return;
        }
        error = result.error();
    } else if (result->status != 200) {
        error = mapHttpError(m_setup.endpoint.kind, ProviderOperation::Chat, result.value(), m_setup.spec.target.model,
                             m_setup.endpoint.apiKey);
    } else {
        Result<ChatResult> chat = openai::parseChat(result->body);
        if (!chat) {
            error = chat.error();
        } else {
            r.ok = true;
            r.rawText = chat->content;
            r.finishReason = chat->finishReason;
            r.promptTokens = chat->promptTokens;
            r.completionTokens = chat->completionTokens;
            r.model = chat->model;
        }
    }
    const bool wasFailed = m_failed.contains(user.user);
    if (error) {
        r.errorCode = error->code.id();
        r.errorMessage = error->message;
    }
    if (!wasFailed)
        ++m_done;
    if (r.ok)
        m_failed.remove(user.user);
    else
        m_failed.insert(user.user);
    store(r, false);
    if (!m_active)
        return;
    if (error && isFatal(error->code)) {
        stop(RunStatus::Failed, error->message);
        return;
    }
    emitProgress();
}

void EvaluationRun::emitProgress()
{
    const std::optional<double> c = cost(m_promptTokens, m_completionTokens);
    qint64 eta = -1;
    const qint64 remaining = total() - m_done;
    if (m_doneThisSession > 0 && remaining >= 0)
        eta = qint64(double(m_sessionClock.elapsed()) / double(m_doneThisSession) * double(remaining));
    Q_EMIT progress(m_done, total(), m_promptTokens, m_completionTokens, c ? *c : -1.0, eta);
}

void EvaluationRun::maybeFinish()
{
    if (!m_active || m_preparing || !m_scheduler->isIdle() || m_scheduler->isPaused())
        return;
    emitProgress();
    stop(RunStatus::Finished);
}

void EvaluationRun::stop(RunStatus status, const QString &error)
{
    if (!m_active)
        return;
    m_active = false;
    if (status != RunStatus::Finished)
        m_scheduler->cancel();
    (void)m_runs->setStatus(m_setup.runId, status, error);
    Q_EMIT stopped(int(status), error);
}

void EvaluationRun::pause()
{
    if (!m_active)
        return;
    m_scheduler->pause();
    (void)m_runs->setStatus(m_setup.runId, RunStatus::Paused);
}

void EvaluationRun::resume()
{
    if (!m_active)
        return;
    (void)m_runs->setStatus(m_setup.runId, RunStatus::Running);
    m_scheduler->resume();
    if (m_scheduler->isIdle())
        QTimer::singleShot(0, this, &EvaluationRun::maybeFinish);
}

void EvaluationRun::cancel()
{
    stop(RunStatus::Cancelled);
}

} // namespace cinetune
