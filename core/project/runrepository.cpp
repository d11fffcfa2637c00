#include "core/project/runrepository.h"

#include "core/eval/runlabel.h"
#include "core/project/projectfile.h"

#include <QJsonDocument>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace cinetune {

namespace {

QSqlDatabase db(const ProjectFile &project)
{
    return QSqlDatabase::database(project.connectionName(), false);
}

Error sqlError(const QSqlQuery &q, const QString &what)
{
    return makeError(errc::Project::Sql, RunRepository::tr("Could not %1 in the project: %2").arg(what, q.lastError().text()));
}

Error notFound(qint64 id)
{
    return makeError(errc::Project::NotFound, RunRepository::tr("The project has no evaluation run #%1.").arg(id));
}

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QVariant textOrNull(const QString &s)
{
    return s.isEmpty() ? QVariant() : QVariant(s);
}

const QString kRunColumns = QStringLiteral(
    "id, name, spec_json, base_url, status, users_total, error_message, created_at, updated_at, simulated, label");

const RunStatus kStatuses[] = {RunStatus::Created,  RunStatus::Running, RunStatus::Paused,
                               RunStatus::Finished, RunStatus::Failed,  RunStatus::Cancelled};

} // namespace

QString runStatusId(RunStatus s)
{
    switch (s) {
    case RunStatus::Created:
        return QStringLiteral("created");
    case RunStatus::Running:
        return QStringLiteral("running");
    case RunStatus::Paused:
        return QStringLiteral("paused");
    case RunStatus::Finished:
        return QStringLiteral("finished");
    case RunStatus::Failed:
        return QStringLiteral("failed");
    case RunStatus::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

std::optional<RunStatus> runStatusFromId(const QString &id)
{
    for (RunStatus s : kStatuses) {
        if (runStatusId(s) == id)
            return s;
    }
    return std::nullopt;
}

Result<qint64> RunRepository::create(const QString &rawName, const RunSpec &spec, const QString &baseUrl, qint64 usersTotal,
                                     const QString &requestedLabel)
{
    const QString name = rawName.trimmed();
    if (name.isEmpty())
        return makeError(errc::Project::InvalidArgument, tr("An evaluation run needs a name."));
    if (Result<StoredRun> existing = find(name); existing)
        return makeError(errc::Project::Exists, tr("The project already has an evaluation run named \"%1\".").arg(name));
    QString label;
    if (requestedLabel.trimmed().isEmpty()) {
        label = uniqueLabel(defaultRunLabel(spec));
    } else {
        Result<QString> checked = checkLabel(requestedLabel);
        if (!checked)
            return checked.error();
        label = checked.value();
    }
    QSqlQuery q(db(m_project));
    q.prepare(QStringLiteral("INSERT INTO eval_runs (name, spec_json, gold_set_id, split, provider, base_url, model, strategy, "
                             "status, users_total, created_at, updated_at, label) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'created', ?, ?, ?, ?)"));
    const QString t = now();
    q.addBindValue(name);
    q.addBindValue(QString::fromUtf8(QJsonDocument(spec.toJson()).toJson(QJsonDocument::Compact)));
    q.addBindValue(spec.goldSetId > 0 ? QVariant(spec.goldSetId) : QVariant());
    q.addBindValue(goldSetSplitId(spec.split));
    q.addBindValue(textOrNull(spec.target.kind == TargetKind::Llm ? spec.target.provider : spec.target.baseline));
    q.addBindValue(textOrNull(baseUrl));
    q.addBindValue(textOrNull(spec.target.model));
    q.addBindValue(promptStrategyId(spec.strategy));
    q.addBindValue(usersTotal);
    q.addBindValue(t);
    q.addBindValue(t);
    q.addBindValue(label);
    if (!q.exec()) {
        // Another process created a run of that name since the find() above: say so, not the SQL.
        if (Result<StoredRun> now = find(name); now)
            return makeError(errc::Project::Exists, tr("The project already has an evaluation run named \"%1\".").arg(name));
        return sqlError(q, tr("save the evaluation run \"%1\"").arg(name));
    }
    return q.lastInsertId().toLongLong();
}

Status RunRepository::setStatus(qint64 runId, RunStatus status, const QString &errorMessage)
{
    QSqlQuery q(db(m_project));
    q.prepare(QStringLiteral("UPDATE eval_runs SET status = ?, error_message = ?, updated_at = ? WHERE id = ?"));
    q.addBindValue(runStatusId(status));
    q.addBindValue(textOrNull(errorMessage));
    q.addBindValue(now());
    q.addBindValue(runId);
    if (!q.exec())
        return sqlError(q, tr("change the run's status"));
    if (q.numRowsAffected() == 0)
        return notFound(runId);
    return Ok{};
}

Status RunRepository::setUsersTotal(qint64 runId, qint64 usersTotal)
{
    QSqlQuery q(db(m_project));
    q.prepare(QStringLiteral("UPDATE eval_runs SET users_total = ?, updated_at = ? WHERE id = ?"));
    q.addBindValue(usersTotal);
    q.addBindValue(now());
    q.addBindValue(runId);
    if (!q.exec())
        return sqlError(q, tr("change the run's user count"));
    if (q.numRowsAffected() == 0)
        return notFound(runId);
    return Ok{};
}

Status RunRepository::remove(qint64 runId)
{
    QSqlDatabase d = db(m_project);
    if (!d.transaction())
        return makeError(errc::Project::Sql, tr("Could not start a transaction: %1").arg(d.lastError().text()));
    QSqlQuery q(d);
    q.prepare(QStringLiteral("DELETE FROM eval_responses WHERE run_id = ?"));
    q.addBindValue(runId);
    bool ok = q.exec();
    if (ok) {
        q.prepare(QStringLiteral("DELETE FROM eval_runs WHERE id = ?"));
        q.addBindValue(runId);
        ok = q.exec();
    }
    if (!ok) {
        const Error e = sqlError(q, tr("delete the evaluation run"));
        d.rollback();
        return e;
    }
    const bool existed = q.numRowsAffected() > 0;
    if (!d.commit())
        return makeError(errc::Project::Sql, tr("Could not delete the evaluation run: %1").arg(d.lastError().text()));
    return existed ? Status(Ok{}) : Status(notFound(runId));
}

Result<QList<StoredRun>> RunRepository::select(const QString &where, const QVariantList &binds) const
{
    QSqlQuery q(db(m_project));
    q.prepare(QStringLiteral("SELECT %1 FROM eval_runs %2 ORDER BY id").arg(kRunColumns, where));
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec())
        return sqlError(q, tr("read evaluation runs"));
    QList<StoredRun> out;
    while (q.next()) {
        StoredRun r;
        r.id = q.value(0).toLongLong();
        r.name = q.value(1).toString();
        Result<RunSpec> spec = RunSpec::fromJson(QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object());
        if (!spec)
            return makeError(errc::Project::Damaged,
                             tr("The stored spec of evaluation run \"%1\" is not valid: %2").arg(r.name, spec.error().message));
        r.spec = std::move(spec).value();
        r.baseUrl = q.value(3).toString();
        r.status = runStatusFromId(q.value(4).toString()).value_or(RunStatus::Failed);
        r.usersTotal = q.value(5).toLongLong();
        r.errorMessage = q.value(6).toString();
        r.createdAt = QDateTime::fromString(q.value(7).toString(), Qt::ISODateWithMs);
        r.updatedAt = QDateTime::fromString(q.value(8).toString(), Qt::ISODateWithMs);
        r.simulated = q.value(9).toInt() != 0;
        r.label = q.value(10).toString();
        out.append(std::move(r));
    }
    // Runs made before labels existed show their default label (unique in run order).
    if (std::any_of(out.cbegin(), out.cend(), [](const StoredRun &r) { return r.label.isEmpty(); })) {
        const Result<QHash<qint64, QString>> all = labels();
        if (!all)
            return all.error();
        for (StoredRun &r : out) {
            if (r.label.isEmpty())
                r.label = all->value(r.id, r.name);
        }
    }
    return out;
}

Result<QHash<qint64, QString>> RunRepository::labels() const
{
    QSqlQuery q(db(m_project));
    if (!q.exec(QStringLiteral("SELECT id, label, spec_json, name FROM eval_runs ORDER BY id")))
        return sqlError(q, tr("read the runs' labels"));
    QHash<qint64, QString> out;
    QSet<QString> taken; // lower case
    QList<QPair<qint64, QString>> defaults;
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        const QString stored = q.value(1).toString();
        if (!stored.isEmpty()) {
            out.insert(id, stored);
            taken.insert(stored.toLower());
            continue;
        }
        const Result<RunSpec> spec = RunSpec::fromJson(QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object());
        defaults << qMakePair(id, spec ? defaultRunLabel(spec.value()) : q.value(3).toString());
    }
    for (const auto &[id, base] : defaults) {
        QString label = base;
        for (int i = 2; taken.contains(label.toLower()); ++i)
            label = QStringLiteral("%1 (%2)").arg(base).arg(i);
        taken.insert(label.toLower());
        out.insert(id, label);
    }
    return out;
}

QString RunRepository::uniqueLabel(const QString &base, qint64 exceptRun) const
{
    const Result<QHash<qint64, QString>> read = labels();
    const QHash<qint64, QString> all = read ? read.value() : QHash<qint64, QString>();
    QSet<QString> taken;
    for (auto it = all.cbegin(); it != all.cend(); ++it) {
        if (it.key() != exceptRun)
            taken.insert(it.value().toLower());
    }
    QString label = base.trimmed().isEmpty() ? tr("Run") : base.trimmed();
    const QString stem = label;
    for (int i = 2; taken.contains(label.toLower()); ++i)
        label = QStringLiteral("%1 (%2)").arg(stem).arg(i);
    return label;
}

Result<QString> RunRepository::checkLabel(const QString &raw, qint64 exceptRun) const
{
    const QString label = raw.simplified();
    if (label.isEmpty())
        return makeError(errc::Project::InvalidArgument, tr("A run's label cannot be empty."));
    if (label.size() > kMaxRunLabelLength)
        return makeError(errc::Project::InvalidArgument,
                         tr("A run's label can have at most %1 characters; \"%2\" has %3.")
                             .arg(kMaxRunLabelLength)
                             .arg(label)
                             .arg(label.size()));
    const Result<QHash<qint64, QString>> all = labels();
    if (!all)
        return all.error();
    for (auto it = all->cbegin(); it != all->cend(); ++it) {
        if (it.key() != exceptRun && it.value().compare(label, Qt::CaseInsensitive) == 0)
            return makeError(errc::Project::Exists,
                             tr("Another run of the project is already labelled \"%1\"; labels tell runs apart in "
                                "tables and charts, so choose another one (for example \"%2\").")
                                 .arg(label, uniqueLabel(label, exceptRun)));
    }
    return label;
}

Status RunRepository::setLabel(qint64 runId, const QString &raw)
{
    Result<QString> label = checkLabel(raw, runId);
    if (!label)
        return label.error();
    // Runs of an older project show default labels that depend on each other: store them first, so
    // this rename changes no other run's label.
    const Result<QHash<qint64, QString>> shown = labels();
    if (!shown)
        return shown.error();
    QSqlQuery q(db(m_project));
    for (auto it = shown->cbegin(); it != shown->cend(); ++it) {
        q.prepare(QStringLiteral("UPDATE eval_runs SET label = ? WHERE id = ? AND label IS NULL"));
        q.addBindValue(it.value());
        q.addBindValue(it.key());
        if (!q.exec())
            return sqlError(q, tr("store the runs' labels"));
    }
    q.prepare(QStringLiteral("UPDATE eval_runs SET label = ?, updated_at = ? WHERE id = ?"));
    q.addBindValue(label.value());
    q.addBindValue(now());
    q.addBindValue(runId);
    if (!q.exec())
        return sqlError(q, tr("rename the run"));
    if (q.numRowsAffected() == 0)
        return notFound(runId);
    return Ok{};
}

Result<StoredRun> RunRepository::get(qint64 runId) const
{
    auto r = select(QStringLiteral("WHERE id = ?"), {runId});
    if (!r)
        return r.error();
    if (r->isEmpty())
        return notFound(runId);
    return r->first();
}

Result<StoredRun> RunRepository::find(const QString &name) const
{
    auto r = select(QStringLiteral("WHERE name = ?"), {name.trimmed()});
    if (!r)
        return r.error();
    if (r->isEmpty())
        return makeError(errc::Project::NotFound, tr("The project has no evaluation run named \"%1\".").arg(name));
    return r->first();
}

Result<QList<StoredRun>> RunRepository::list() const
{
    return select({}, {});
}

Status RunRepository::storeResponse(qint64 runId, const StoredResponse &r, const QString &provider)
{
    QSqlDatabase d = db(m_project);
    if (!d.transaction())
        return makeError(errc::Project::Sql, tr("Could not start a transaction: %1").arg(d.lastError().text()));
    QSqlQuery q(d);
    q.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO eval_responses (run_id, user, cache_key, state, cached, raw_text, finish_reason, "
        "prompt_tokens, completion_tokens, latency_ms, model, error_code, error_message, attempts, received_at, batch) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(runId);
    q.addBindValue(qint64(r.user));
    q.addBindValue(r.cacheKey.isEmpty() ? QVariant() : QVariant(QString::fromLatin1(r.cacheKey)));
    q.addBindValue(r.ok ? QStringLiteral("ok") : QStringLiteral("failed"));
    q.addBindValue(r.cached ? 1 : 0);
    // The raw text exactly as received; an empty answer stays "" (not NULL) so it is told apart from a failure.
    q.addBindValue(r.ok ? QVariant(r.rawText.isNull() ? QString(QLatin1String("")) : r.rawText) : textOrNull(r.rawText));
    q.addBindValue(textOrNull(r.finishReason));
    q.addBindValue(r.promptTokens);
    q.addBindValue(r.completionTokens);
    q.addBindValue(r.latencyMs);
    q.addBindValue(textOrNull(r.model));
    q.addBindValue(textOrNull(r.errorCode));
    q.addBindValue(textOrNull(r.errorMessage));
    q.addBindValue(r.attempts);
    q.addBindValue((r.receivedAt.isValid() ? r.receivedAt.toUTC() : QDateTime::currentDateTimeUtc()).toString(Qt::ISODateWithMs));
    q.addBindValue(r.batch ? 1 : 0);
    bool ok = q.exec();
    if (ok && r.ok && !r.cached && !r.cacheKey.isEmpty()) {
        q.prepare(
            QStringLiteral("INSERT OR REPLACE INTO response_cache (cache_key, provider, model, raw_text, finish_reason, "
                           "prompt_tokens, completion_tokens, model_returned, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        q.addBindValue(QString::fromLatin1(r.cacheKey));
        q.addBindValue(textOrNull(provider));
        q.addBindValue(textOrNull(r.model));
        q.addBindValue(r.rawText.isNull() ? QString(QLatin1String("")) : r.rawText);
        q.addBindValue(textOrNull(r.finishReason));
        q.addBindValue(r.promptTokens);
        q.addBindValue(r.completionTokens);
        q.addBindValue(textOrNull(r.model));
        q.addBindValue(now());
        ok = q.exec();
    }
    if (!ok) {
        const Error e = sqlError(q, tr("save the response of user %1").arg(r.user));
        d.rollback();
        return e;
    }
    if (!d.commit())
        return makeError(errc::Project::Sql,
                         tr("Could not save the response of user %1: %2").arg(r.user).arg(d.lastError().text()));
    return Ok{};
}

Result<std::optional<CachedResponse>> RunRepository::cached(const QByteArray &cacheKey) const
{
    QSqlQuery q(db(m_project));
    q.prepare(
        QStringLiteral("SELECT raw_text, finish_reason, prompt_tokens, completion_tokens, model_returned FROM response_cache "
                       "WHERE cache_key = ?"));
    q.addBindValue(QString::fromLatin1(cacheKey));
    if (!q.exec())
        return sqlError(q, tr("read the response cache"));
    if (!q.next())
        return std::optional<CachedResponse>();
    CachedResponse c;
    c.rawText = q.value(0).toString();
    c.finishReason = q.value(1).toString();
    c.promptTokens = q.value(2).toLongLong();
    c.completionTokens = q.value(3).toLongLong();
    c.modelReturned = q.value(4).toString();
    return std::optional<CachedResponse>(c);
}

Result<std::vector<StoredResponse>> RunRepository::responses(qint64 runId) const
{
    QSqlQuery q(db(m_project));
    q.prepare(QStringLiteral("SELECT user, cache_key, state, cached, raw_text, finish_reason, prompt_tokens, completion_tokens, "
                             "latency_ms, model, error_code, error_message, attempts, received_at, batch FROM eval_responses "
                             "WHERE run_id = ? ORDER BY user"));
    q.addBindValue(runId);
    if (!q.exec())
        return sqlError(q, tr("read the run's responses"));
    std::vector<StoredResponse> out;
    while (q.next()) {
        StoredResponse r;
        r.user = std::uint32_t(q.value(0).toLongLong());
        r.cacheKey = q.value(1).toString().toLatin1();
        r.ok = q.value(2).toString() == QLatin1String("ok");
        r.cached = q.value(3).toInt() != 0;
        r.rawText = q.value(4).toString();
        r.finishReason = q.value(5).toString();
        r.promptTokens = q.value(6).toLongLong();
        r.completionTokens = q.value(7).toLongLong();
        r.latencyMs = q.value(8).toLongLong();
        r.model = q.value(9).toString();
        r.errorCode = q.value(10).toString();
        r.errorMessage = q.value(11).toString();
        r.attempts = q.value(12).toInt();
        r.receivedAt = QDateTime::fromString(q.value(13).toString(), Qt::ISODateWithMs);
        r.batch = q.value(14).toInt() != 0;
        out.push_back(std::move(r));
    }
    return out;
}

Result<QSet<std::uint32_t>> RunRepository::usersWithState(qint64 runId, bool ok) const
{
    QSqlQuery q(db(m_project));
    q.prepare(QStringLiteral("SELECT user FROM eval_responses WHERE run_id = ? AND state = ?"));
    q.addBindValue(runId);
    q.addBindValue(ok ? QStringLiteral("ok") : QStringLiteral("failed"));
    if (!q.exec())
        return sqlError(q, tr("read the run's responses"));
    QSet<std::uint32_t> out;
    while (q.next())
        out.insert(std::uint32_t(q.value(0).toLongLong()));
    return out;
}

Result<std::vector<GoldSetUser>> RunRepository::pendingUsers(qint64 runId, const std::vector<GoldSetUser> &splitUsers) const
{
    auto done = usersWithState(runId, true);
    if (!done)
        return done.error();
    std::vector<GoldSetUser> out;
    for (const GoldSetUser &u : splitUsers) {
        if (!done->contains(u.user))
            out.push_back(u);
    }
    return out;
}

Result<RunCounts> RunRepository::counts(qint64 runId) const
{
    QSqlQuery q(db(m_project));
    q.prepare(QStringLiteral("SELECT SUM(state = 'ok'), SUM(state = 'failed'), SUM(state = 'ok' AND cached = 1), "
                             "SUM(CASE WHEN state = 'ok' AND cached = 0 THEN prompt_tokens ELSE 0 END), "
                             "SUM(CASE WHEN state = 'ok' AND cached = 0 THEN completion_tokens ELSE 0 END), "
                             "SUM(CASE WHEN state = 'ok' AND cached = 0 AND batch = 1 THEN prompt_tokens ELSE 0 END), "
                             "SUM(CASE WHEN state = 'ok' AND cached = 0 AND batch = 1 THEN completion_tokens ELSE 0 END) "
                             "FROM eval_responses WHERE run_id = ?"));
    q.addBindValue(runId);
    if (!q.exec() || !q.next())
        return sqlError(q, tr("count the run's responses"));
    RunCounts c;
    c.ok = q.value(0).toLongLong();
    c.failed = q.value(1).toLongLong();
    c.cached = q.value(2).toLongLong();
    c.promptTokens = q.value(3).toLongLong();
    c.completionTokens = q.value(4).toLongLong();
    c.batchPromptTokens = q.value(5).toLongLong();
    c.batchCompletionTokens = q.value(6).toLongLong();
    return c;
}

QString RunRepository::uniqueName(const QString &base) const
{
    auto taken = [this](const QString &name) {
        const Result<StoredRun> r = find(name);
        return r.ok() || r.error().code != errc::Project::NotFound;
    };
    if (!taken(base))
        return base;
    for (int i = 2; i < 100000; ++i) {
        const QString candidate = QStringLiteral("%1 (%2)").arg(base).arg(i);
        if (!taken(candidate))
            return candidate;
    }
    return base;
}

Status RunRepository::setSimulated(qint64 runId, bool simulated)
{
    QSqlQuery q(db(m_project));
    q.prepare(QStringLiteral("UPDATE eval_runs SET simulated = ? WHERE id = ?"));
    q.addBindValue(simulated ? 1 : 0);
    q.addBindValue(runId);
    if (!q.exec())
        return sqlError(q, tr("mark the evaluation run as simulated"));
    return q.numRowsAffected() > 0 ? Status(Ok{}) : Status(notFound(runId));
}

} // namespace cinetune
