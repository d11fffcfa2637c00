#include "core/eval/batchrun.h"

#include "core/common/tr.h"
#include "core/project/projectfile.h"
#include "core/providers/providerclient.h"
#include "core/providers/providererrors.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>

#include <algorithm>

namespace cinetune {

namespace {

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QString customId(std::uint32_t user)
{
    return QStringLiteral("user-%1").arg(user);
}

// Errors worth another poll later (the HTTP layer already retried them a few times).
bool isTransient(const Error &e)
{
    return e.code.domain() == ErrorDomain::Net || e.code == errc::Provider::Server || e.code == errc::Provider::RateLimited
        || e.code == errc::Provider::Malformed || e.code == errc::Provider::Http;
}

// The eval_batches table (schema step 5): the batch of a run that has not been finished yet.
struct BatchRow
{
    qint64 id = 0;
    QString tag;
    QString batchId;
};

Result<std::optional<BatchRow>> openBatch(const ProjectFile &project, qint64 runId)
{
    QSqlQuery q(QSqlDatabase::database(project.connectionName()));
    q.prepare(QStringLiteral("SELECT id, request_tag, batch_id FROM eval_batches WHERE run_id = ? AND finished_at IS NULL "
                             "ORDER BY id DESC LIMIT 1"));
    q.addBindValue(runId);
    if (!q.exec())
        return makeError(errc::Project::Sql, tr("Could not read the run's batch: %1").arg(q.lastError().text()));
    if (!q.next())
        return std::optional<BatchRow>();
    return std::optional<BatchRow>(BatchRow{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString()});
}

Status exec(const ProjectFile &project, const QString &sql, const QVariantList &binds)
{
    QSqlQuery q(QSqlDatabase::database(project.connectionName()));
    q.prepare(sql);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec())
        return makeError(errc::Project::Sql, tr("Could not record the run's batch: %1").arg(q.lastError().text()));
    return Ok{};
}

// A new batch row with its request tag, before anything is uploaded or created.
Result<qint64> insertBatchRow(const ProjectFile &project, qint64 runId, const QString &tag, qint64 users)
{
    QSqlQuery q(QSqlDatabase::database(project.connectionName()));
    q.prepare(QStringLiteral("INSERT INTO eval_batches (run_id, request_tag, status, users, created_at, updated_at) "
                             "VALUES (?, ?, 'uploading', ?, ?, ?)"));
    for (const QVariant &b : QVariantList{runId, tag, users, now(), now()})
        q.addBindValue(b);
    if (!q.exec())
        return makeError(errc::Project::Sql, tr("Could not record the run's batch: %1").arg(q.lastError().text()));
    return q.lastInsertId().toLongLong();
}

} // namespace

std::optional<double> runCost(const PriceTable &prices, const QString &model, const RunCounts &counts)
{
    const auto price = prices.find(model);
    if (!price)
        return std::nullopt;
    const bool fineTuned = model.startsWith(QLatin1String("ft:"));
    const double in = fineTuned ? price->fineTunedInputPer1M : price->inputPer1M;
    const double out = fineTuned ? price->fineTunedOutputPer1M : price->outputPer1M;
    if (in <= 0 && out <= 0)
        return std::nullopt;
    return costUsd(counts.promptTokens - counts.batchPromptTokens, in)
        + costUsd(counts.completionTokens - counts.batchCompletionTokens, out)
        + kBatchPriceFactor * (costUsd(counts.batchPromptTokens, in) + costUsd(counts.batchCompletionTokens, out));
}

BatchRun::BatchRun(EvaluationSetup setup, BatchOptions options, QObject *parent)
    : QObject(parent)
    , m_setup(std::move(setup))
    , m_options(options)
    , m_runs(std::make_unique<RunRepository>(*m_setup.project))
{
    ProviderProfile profile;
    profile.name = m_setup.providerName;
    profile.kind = m_setup.endpoint.kind;
    profile.baseUrl = m_setup.endpoint.baseUrl;
    m_client = new ProviderClient(m_setup.http, profile, m_setup.endpoint.apiKey, this);
    m_client->setTimeoutMs(m_setup.endpoint.timeoutMs);
}

BatchRun::~BatchRun()
{
    // The batch goes on at the provider; starting again re-attaches to it. The call in flight must
    // not report back into a half-destroyed object.
    const bool wasActive = m_active;
    m_active = false;
    if (m_inFlight) {
        m_inFlight->disconnect(this);
        m_inFlight->cancel();
    }
    if (wasActive)
        (void)m_runs->setStatus(m_setup.runId, RunStatus::Paused);
}

void BatchRun::track(ProviderCall *call)
{
    m_inFlight = call;
    connect(call, &ProviderCall::stateChanged, this, &BatchRun::stateChanged);
}

void BatchRun::start()
{
    if (m_active)
        return;
    if (m_setup.spec.target.kind != TargetKind::Llm)
        return Q_EMIT stopped(int(RunStatus::Failed),
                              RunRepository::tr("A baseline run is computed locally, not sent to a provider."));
    if (!m_client->supportsBatch())
        return Q_EMIT stopped(int(RunStatus::Failed),
                              tr("The provider \"%1\" (%2) has no Batch API; only OpenAI and Azure OpenAI (and the "
                                 "simulator) do. Run without batch mode.")
                                  .arg(m_setup.providerName, providerKindId(m_setup.endpoint.kind)));
    if (m_setup.endpoint.kind == ProviderKind::Azure && m_options.azureBatchDeployment.trimmed().isEmpty())
        return Q_EMIT stopped(int(RunStatus::Failed),
                              tr("Azure OpenAI runs batches only on a Global-Batch deployment: deploy the model \"%1\" with the "
                                 "deployment type Global-Batch in the Azure AI Foundry portal and give that deployment's name "
                                 "(cinetune run --batch-deployment NAME). The live deployment cannot take batch requests.")
                                  .arg(m_setup.spec.target.model));
    m_active = true;
    m_pollDelayMs = m_options.pollMs;
    (void)m_runs->setStatus(m_setup.runId, RunStatus::Running);
    auto row = openBatch(*m_setup.project, m_setup.runId);
    if (!row)
        return stop(RunStatus::Failed, row.error().message);
    QByteArray jsonl;
    if (!buildLines(row->has_value() ? nullptr : &jsonl))
        return;
    if (row->has_value()) {
        m_rowId = row->value().id;
        m_tag = row->value().tag;
        m_batchId = row->value().batchId;
        if (!m_batchId.isEmpty()) {
            Q_EMIT stateChanged(tr("Re-attaching to batch %1…").arg(m_batchId));
            return poll();
        }
        return findByTag();
    }
    if (m_lines.isEmpty())
        return stop(RunStatus::Finished);
    m_tag = ProviderClient::newRequestTag();
    const Result<qint64> rowId = insertBatchRow(*m_setup.project, m_setup.runId, m_tag, qint64(m_lines.size()));
    if (!rowId)
        return stop(RunStatus::Failed, rowId.error().message);
    m_rowId = rowId.value();
    upload(jsonl);
}

// Builds the request of every user without an ok response. With `jsonl` (a new batch), cached
// answers and prompts that cannot be built are stored at once and the rest become input lines;
// without (re-attaching), only the custom_id map is rebuilt (same requests, same cache keys).
bool BatchRun::buildLines(QByteArray *jsonl)
{
    Result<QSet<std::uint32_t>> ok = m_runs->usersWithState(m_setup.runId, true);
    if (!ok) {
        stop(RunStatus::Failed, ok.error().message);
        return false;
    }
    const PromptContext context{m_setup.catalogue, &m_setup.trainUsers, m_setup.candidates};
    m_lines.clear();
    for (std::size_t i = 0; i < m_setup.users.size(); ++i) {
        const GoldSetUser &user = m_setup.users[i];
        if (ok->contains(user.user))
            continue;
        StoredResponse r;
        r.user = user.user;
        Result<ChatRequest> request = buildChatRequest(m_setup.spec, context, user);
        if (!request) {
            r.errorCode = request.error().code.id();
            r.errorMessage = request.error().message;
            if (jsonl && !store(r, false))
                return false;
            continue;
        }
        r.cacheKey = requestCacheKey(m_setup.endpoint.baseUrl, request.value());
        if (jsonl) {
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
                if (!store(r, true))
                    return false;
                continue;
            }
            ChatRequest line = request.value();
            if (m_setup.endpoint.kind == ProviderKind::Azure)
                line.model = m_options.azureBatchDeployment.trimmed(); // the same model, behind its batch deployment
            *jsonl += openai::batchInputLine(m_setup.endpoint.kind, customId(user.user), line);
            *jsonl += '\n';
        }
        m_lines.insert(customId(user.user), Line{i, r.cacheKey});
    }
    return true;
}

void BatchRun::findByTag()
{
    // The create may have reached the provider before the last session ended: look before paying twice.
    Q_EMIT stateChanged(tr("Looking for the batch this run was creating…"));
    BatchCall *call = m_client->findTaggedBatch(m_tag);
    track(call);
    connect(call, &BatchCall::finished, this, [this](const Result<BatchInfo> &found) {
        if (found) {
            m_batchId = found->id;
            (void)exec(*m_setup.project, QStringLiteral("UPDATE eval_batches SET batch_id = ?, updated_at = ? WHERE id = ?"),
                       {m_batchId, now(), m_rowId});
            return onBatch(found.value());
        }
        if (found.error().code != errc::Provider::NotFound)
            return stop(RunStatus::Failed, found.error().message);
        // Never created: build the input again and create it under the same tag.
        QByteArray jsonl;
        const qint64 row = m_rowId;
        (void)exec(*m_setup.project, QStringLiteral("DELETE FROM eval_batches WHERE id = ?"), {row});
        m_rowId = 0;
        if (!buildLines(&jsonl))
            return;
        if (m_lines.isEmpty())
            return stop(RunStatus::Finished);
        const Result<qint64> rowId = insertBatchRow(*m_setup.project, m_setup.runId, m_tag, qint64(m_lines.size()));
        if (!rowId)
            return stop(RunStatus::Failed, rowId.error().message);
        m_rowId = rowId.value();
        upload(jsonl);
    });
}

void BatchRun::upload(const QByteArray &jsonl)
{
    Q_EMIT stateChanged(tr("Uploading the batch input (%1 requests, %2 bytes)…").arg(m_lines.size()).arg(jsonl.size()));
    FileCall *call = m_client->uploadFile(QStringLiteral("cinetune-run-%1.jsonl").arg(m_setup.runId), jsonl,
                                          QStringLiteral("batch"));
    track(call);
    connect(call, &FileCall::finished, this, [this](const Result<FileInfo> &file) {
        if (!file)
            return stop(RunStatus::Failed, file.error().message);
        (void)exec(*m_setup.project,
                   QStringLiteral("UPDATE eval_batches SET input_file_id = ?, status = 'creating', updated_at = ? WHERE id = ?"),
                   {file->id, now(), m_rowId});
        create(file->id);
    });
}

void BatchRun::create(const QString &fileId)
{
    const Result<StoredRun> run = m_runs->get(m_setup.runId);
    QJsonObject metadata{{QStringLiteral("cinetune_run"), run ? run->name.left(512) : QString::number(m_setup.runId)}};
    BatchCall *call = m_client->createBatch(fileId, metadata, m_tag);
    track(call);
    connect(call, &BatchCall::finished, this, [this](const Result<BatchInfo> &batch) {
        if (!batch)
            return stop(RunStatus::Failed, batch.error().message);
        m_batchId = batch->id;
        (void)exec(*m_setup.project,
                   QStringLiteral("UPDATE eval_batches SET batch_id = ?, status = ?, updated_at = ? WHERE id = ?"),
                   {m_batchId, batch->rawStatus, now(), m_rowId});
        onBatch(batch.value());
    });
}

void BatchRun::schedulePoll()
{
    QTimer::singleShot(m_pollDelayMs, this, [this]() {
        if (m_active)
            poll();
    });
}

void BatchRun::poll()
{
    BatchCall *call = m_client->getBatch(m_batchId);
    track(call);
    connect(call, &BatchCall::finished, this, [this](const Result<BatchInfo> &batch) {
        if (!batch) {
            if (batch.error().code == errc::Provider::NotFound) {
                // Another account or a deleted batch: forget it, or every later run would stop here.
                (void)exec(
                    *m_setup.project,
                    QStringLiteral("UPDATE eval_batches SET status = 'not_found', finished_at = ?, updated_at = ? WHERE id = ?"),
                    {now(), now(), m_rowId});
                return stop(RunStatus::Failed,
                            tr("The provider does not know batch %1 (any more); run again to send the "
                               "users without an answer in a new batch.")
                                .arg(m_batchId));
            }
            if (!isTransient(batch.error()) || ++m_pollFailures > m_options.maxPollFailures)
                return stop(RunStatus::Failed, batch.error().message);
            m_pollDelayMs = std::min(m_options.maxPollMs, m_pollDelayMs * 2);
            return schedulePoll();
        }
        m_pollFailures = 0;
        onBatch(batch.value());
    });
}

void BatchRun::onBatch(const BatchInfo &info)
{
    const bool changed = info.status != m_last.status || info.completed != m_last.completed || info.failed != m_last.failed;
    m_last = info;
    if (changed) {
        (void)exec(*m_setup.project, QStringLiteral("UPDATE eval_batches SET status = ?, updated_at = ? WHERE id = ?"),
                   {info.rawStatus, now(), m_rowId});
        Q_EMIT batchProgress(info.rawStatus, info.completed, info.failed, info.total);
    }
    if (!isBatchFinal(info.status)) {
        // Back off while nothing moves; look again soon after a change.
        m_pollDelayMs = changed ? m_options.pollMs : std::min(m_options.maxPollMs, m_pollDelayMs + m_pollDelayMs / 2);
        return schedulePoll();
    }
    m_output.clear();
    m_errors.clear();
    if (!info.outputFileId.isEmpty())
        return download(info.outputFileId, false);
    if (!info.errorFileId.isEmpty())
        return download(info.errorFileId, true);
    finishBatch();
}

void BatchRun::download(const QString &fileId, bool errorFile)
{
    Q_EMIT stateChanged(errorFile ? tr("Downloading the batch's error file…") : tr("Downloading the batch's output…"));
    ContentCall *call = m_client->fileContent(fileId);
    track(call);
    connect(call, &ContentCall::finished, this, [this, errorFile](const Result<QByteArray> &content) {
        if (!content)
            return stop(RunStatus::Failed, content.error().message); // the batch stays open: running again downloads again
        (errorFile ? m_errors : m_output) = content.value();
        if (!errorFile && !m_last.errorFileId.isEmpty())
            return download(m_last.errorFileId, true);
        finishBatch();
    });
}

void BatchRun::finishBatch()
{
    const BatchOutput output = openai::parseBatchOutput(m_output, QStringLiteral("output"));
    const BatchOutput errors = openai::parseBatchOutput(m_errors, QStringLiteral("errors"));
    m_problems = output.problems + errors.problems;
    Result<QSet<std::uint32_t>> ok = m_runs->usersWithState(m_setup.runId, true);
    if (!ok)
        return stop(RunStatus::Failed, ok.error().message);
    QSet<QString> seen;
    for (const BatchOutputLine &line : output.lines + errors.lines) {
        const auto it = m_lines.constFind(line.customId);
        if (it == m_lines.constEnd() || seen.contains(line.customId)) {
            ++m_unknownLines;
            continue;
        }
        seen.insert(line.customId);
        const GoldSetUser &user = m_setup.users[it->index];
        if (ok->contains(user.user))
            continue; // stored in an earlier session
        StoredResponse r;
        r.user = user.user;
        r.cacheKey = it->cacheKey;
        r.batch = true;
        r.attempts = 1;
        r.receivedAt = QDateTime::currentDateTimeUtc();
        if (line.statusCode == 200) {
            Result<ChatResult> chat = openai::parseChat(line.responseBody);
            if (chat) {
                r.ok = true;
                r.rawText = chat->content;
                r.finishReason = chat->finishReason;
                r.promptTokens = chat->promptTokens;
                r.completionTokens = chat->completionTokens;
                r.model = chat->model;
            } else {
                r.errorCode = chat.error().code.id();
                r.errorMessage = chat.error().message;
            }
        } else if (line.statusCode > 0) {
            const Error e = mapHttpError(m_setup.endpoint.kind, ProviderOperation::Chat,
                                         HttpResponse{line.statusCode, {}, line.responseBody}, m_setup.spec.target.model,
                                         m_setup.endpoint.apiKey);
            r.errorCode = e.code.id();
            r.errorMessage = e.message;
        } else {
            r.errorCode = ErrorCode(errc::Provider::BatchLine).id();
            r.errorMessage = tr("The batch did not answer this request: %1%2")
                                 .arg(line.errorMessage,
                                      line.errorCode.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(line.errorCode));
        }
        if (!store(r, false))
            return;
    }
    if (m_last.status == BatchState::Completed || m_last.status == BatchState::Failed) {
        // A finished batch answers every line: one that is missing will not come any more.
        for (auto it = m_lines.constBegin(); it != m_lines.constEnd(); ++it) {
            const GoldSetUser &user = m_setup.users[it->index];
            if (seen.contains(it.key()) || ok->contains(user.user))
                continue;
            StoredResponse r;
            r.user = user.user;
            r.cacheKey = it->cacheKey;
            r.batch = true;
            r.receivedAt = QDateTime::currentDateTimeUtc();
            r.errorCode = (m_last.status == BatchState::Failed ? ErrorCode(errc::Provider::BatchFailed)
                                                               : ErrorCode(errc::Provider::BatchMissing))
                              .id();
            r.errorMessage = m_last.status == BatchState::Failed
                ? tr("The batch failed: %1")
                      .arg(m_last.errors.isEmpty() ? m_last.rawStatus : m_last.errors.join(QStringLiteral("; ")))
                : tr("The batch's output has no answer for this request.");
            if (!store(r, false))
                return;
        }
    }
    (void)exec(
        *m_setup.project,
        QStringLiteral("UPDATE eval_batches SET status = ?, finished_at = ?, updated_at = ?, error_message = ? WHERE id = ?"),
        {m_last.rawStatus, now(), now(),
         m_last.errors.isEmpty() ? QVariant() : QVariant(m_last.errors.join(QStringLiteral("; "))), m_rowId});
    if (m_unknownLines > 0 || !m_problems.isEmpty())
        Q_EMIT stateChanged(tr("The batch's files had %1 lines for requests this run does not have (ignored) and %2 malformed "
                               "lines (skipped): %3")
                                .arg(m_unknownLines)
                                .arg(m_problems.size())
                                .arg(m_problems.mid(0, 5).join(QStringLiteral("; "))));
    if (m_last.status == BatchState::Cancelled || m_cancelRequested)
        return stop(RunStatus::Cancelled);
    if (m_last.status == BatchState::Expired)
        return stop(RunStatus::Failed,
                    tr("The batch expired after 24 hours; %1 answers were stored. Run again to send the rest.").arg(seen.size()));
    if (m_last.status == BatchState::Failed && seen.isEmpty())
        return stop(RunStatus::Failed,
                    tr("The provider rejected the batch: %1")
                        .arg(m_last.errors.isEmpty() ? m_last.rawStatus : m_last.errors.join(QStringLiteral("; "))));
    stop(RunStatus::Finished);
}

bool BatchRun::store(const StoredResponse &response, bool cached)
{
    if (Status s = m_runs->storeResponse(m_setup.runId, response, m_setup.providerName); !s) {
        stop(RunStatus::Failed, s.error().message);
        return false;
    }
    Q_EMIT userFinished(response.user, response.ok, cached);
    return true;
}

void BatchRun::cancel()
{
    if (!m_active)
        return;
    m_cancelRequested = true;
    if (m_batchId.isEmpty()) {
        // Not created yet: stop what is in flight (an upload leaves only a spare file).
        if (m_inFlight)
            m_inFlight->cancel();
        if (m_rowId > 0)
            (void)exec(*m_setup.project, QStringLiteral("DELETE FROM eval_batches WHERE id = ? AND batch_id IS NULL"), {m_rowId});
        return stop(RunStatus::Cancelled);
    }
    Q_EMIT stateChanged(tr("Cancelling batch %1…").arg(m_batchId));
    BatchCall *call = m_client->cancelBatch(m_batchId);
    connect(call, &BatchCall::finished, this, [this](const Result<BatchInfo> &batch) {
        if (!batch)
            return stop(RunStatus::Failed, batch.error().message);
        // Keep polling until it is "cancelled": what it answered before is paid for and stored.
    });
}

void BatchRun::stop(RunStatus status, const QString &error)
{
    if (!m_active)
        return;
    m_active = false;
    if (m_inFlight)
        m_inFlight->cancel();
    (void)m_runs->setStatus(m_setup.runId, status, error);
    Q_EMIT stopped(int(status), error);
}

} // namespace cinetune
