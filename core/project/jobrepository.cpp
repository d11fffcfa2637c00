#include "core/project/jobrepository.h"

#include "core/project/projectfile.h"

#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace cinetune {

namespace {

QString isoOrNull(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime fromIso(const QVariant &v)
{
    if (v.isNull())
        return {};
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : QDateTime();
}

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QVariant textOrNull(const QString &s)
{
    return s.isEmpty() ? QVariant() : QVariant(s);
}

QString metricsJson(const MetricPoint &p)
{
    return QString::fromUtf8(QJsonDocument(metricPointToJson(p)).toJson(QJsonDocument::Compact));
}

} // namespace

QList<ServableModel> servableModels(const StoredJob &j, const QList<Checkpoint> &checkpoints)
{
    QList<ServableModel> out;
    if (j.job.status != JobStatus::Succeeded || j.job.fineTunedModel.isEmpty())
        return out;
    const auto withNote = [](QString label, const ServingTarget &t) {
        if (!t.note.isEmpty())
            label += QStringLiteral(" — ") + t.note;
        return label;
    };
    const ServingTarget served = servingTarget(j.kind, j.job, j.deployment);
    out.append({withNote(JobRepository::tr("%1 (fine-tuned, job %2)").arg(j.job.fineTunedModel, j.job.id), served), served.model,
                false, served.ready});
    for (const Checkpoint &c : checkpoints) {
        if (c.model.isEmpty() || c.model == j.job.fineTunedModel)
            continue;
        const ServingTarget t = checkpointServingTarget(j.kind, c);
        out.append({withNote(JobRepository::tr("%1 (checkpoint, step %2)").arg(c.model).arg(c.step), t), t.model, true, t.ready});
    }
    return out;
}

#define CT_DB QSqlDatabase::database(m_project.connectionName(), false)

namespace {

Error sqlError(const QSqlQuery &q, const QString &what)
{
    return makeError(errc::Project::Sql, JobRepository::tr("Could not %1 in the project: %2").arg(what, q.lastError().text()));
}

} // namespace

Result<qint64> JobRepository::recordPending(const QString &provider, ProviderKind kind, const QString &baseUrl,
                                            const QString &requestTag, const JobRequest &request, bool simulated)
{
    QSqlQuery q(CT_DB);
    q.prepare(
        QStringLiteral("INSERT INTO jobs (provider, provider_kind, base_url, request_tag, model, suffix, status, simulated, "
                       "raw_json, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'submitting', ?, ?, ?)"));
    q.addBindValue(provider);
    q.addBindValue(providerKindId(kind));
    q.addBindValue(baseUrl);
    q.addBindValue(requestTag);
    q.addBindValue(request.model);
    q.addBindValue(textOrNull(request.suffix));
    q.addBindValue(simulated ? 1 : 0);
    // What identifies the job at the provider if the answer is lost: the uploaded files, model,
    // suffix and when it was asked for (Together has no metadata to carry the request tag).
    const QJsonObject asked{{QStringLiteral("model"), request.model},
                            {QStringLiteral("training_file"), request.trainingFile},
                            {QStringLiteral("validation_file"), request.validationFile},
                            {QStringLiteral("suffix"), request.suffix},
                            {QStringLiteral("requested_at"), now()}};
    q.addBindValue(
        QString::fromUtf8(QJsonDocument(QJsonObject{{QLatin1String(kPendingRequestKey), asked}}).toJson(QJsonDocument::Compact)));
    q.addBindValue(now());
    if (!q.exec())
        return sqlError(q, tr("record the job request"));
    return q.lastInsertId().toLongLong();
}

Result<qint64> JobRepository::upsertJob(const QString &provider, ProviderKind kind, const QString &baseUrl,
                                        const FineTuneJob &job, bool simulated, const QString &requestTag)
{
    qint64 rowId = 0;
    {
        QSqlQuery q(CT_DB);
        q.prepare(QStringLiteral("SELECT id FROM jobs WHERE provider = ? AND provider_job_id = ?"));
        q.addBindValue(provider);
        q.addBindValue(job.id);
        if (!q.exec())
            return sqlError(q, tr("look up the job"));
        if (q.next())
            rowId = q.value(0).toLongLong();
    }
    // The tag this job was created with: given, or (an import) the one it carries in its metadata.
    const QString knownTag = requestTag.isEmpty() ? job.metadata.value(QLatin1String(kRequestTagKey)).toString() : requestTag;
    if (rowId == 0 && !knownTag.isEmpty()) {
        QSqlQuery q(CT_DB);
        q.prepare(QStringLiteral("SELECT id FROM jobs WHERE provider = ? AND request_tag = ? AND provider_job_id IS NULL"));
        q.addBindValue(provider);
        q.addBindValue(knownTag);
        if (!q.exec())
            return sqlError(q, tr("look up the job"));
        if (q.next())
            rowId = q.value(0).toLongLong();
    }
    if (rowId == 0 && !job.trainingFile.isEmpty()) {
        // A job found or imported by hand whose create answer was lost: the pending row that
        // uploaded its training file (a file id belongs to one upload, so to one request).
        QSqlQuery q(CT_DB);
        q.prepare(QStringLiteral("SELECT id FROM jobs WHERE provider = ? AND provider_job_id IS NULL AND json_valid(raw_json) "
                                 "AND json_extract(raw_json, ?) = ?"));
        q.addBindValue(provider);
        q.addBindValue(QStringLiteral("$.%1.training_file").arg(QLatin1String(kPendingRequestKey)));
        q.addBindValue(job.trainingFile);
        if (!q.exec())
            return sqlError(q, tr("look up the job"));
        if (q.next())
            rowId = q.value(0).toLongLong();
    }
    QSqlQuery q(CT_DB);
    if (rowId == 0) {
        q.prepare(
            QStringLiteral("INSERT INTO jobs (provider, provider_kind, base_url, provider_job_id, request_tag, model, suffix, "
                           "status, raw_status, created_at, finished_at, fine_tuned_model, trained_tokens, cost, error_code, "
                           "error_message, simulated, raw_json, updated_at) "
                           "VALUES (:provider, :kind, :url, :pid, :tag, :model, :suffix, :status, :raw_status, :created, "
                           ":finished, :ftm, :tokens, :cost, :ecode, :emsg, :sim, :raw, :updated)"));
    } else {
        q.prepare(QStringLiteral(
            "UPDATE jobs SET provider = :provider, provider_kind = :kind, base_url = :url, provider_job_id = :pid, "
            "request_tag = COALESCE(:tag, request_tag), model = :model, suffix = :suffix, status = :status, "
            "raw_status = :raw_status, created_at = :created, finished_at = :finished, fine_tuned_model = :ftm, "
            "trained_tokens = :tokens, cost = :cost, error_code = :ecode, error_message = :emsg, simulated = :sim, "
            "raw_json = :raw, updated_at = :updated WHERE id = :id"));
        q.bindValue(QStringLiteral(":id"), rowId);
    }
    QString tag = requestTag;
    if (tag.isEmpty())
        tag = job.metadata.value(QLatin1String(kRequestTagKey)).toString();
    q.bindValue(QStringLiteral(":provider"), provider);
    q.bindValue(QStringLiteral(":kind"), providerKindId(kind));
    q.bindValue(QStringLiteral(":url"), baseUrl);
    q.bindValue(QStringLiteral(":pid"), job.id);
    q.bindValue(QStringLiteral(":tag"), textOrNull(tag));
    q.bindValue(QStringLiteral(":model"), job.baseModel);
    q.bindValue(QStringLiteral(":suffix"), textOrNull(job.suffix));
    q.bindValue(QStringLiteral(":status"), jobStatusId(job.status));
    q.bindValue(QStringLiteral(":raw_status"), job.rawStatus);
    q.bindValue(QStringLiteral(":created"), textOrNull(isoOrNull(job.createdAt)));
    q.bindValue(QStringLiteral(":finished"), textOrNull(isoOrNull(job.finishedAt)));
    q.bindValue(QStringLiteral(":ftm"), textOrNull(job.fineTunedModel));
    q.bindValue(QStringLiteral(":tokens"), job.trainedTokens ? QVariant(*job.trainedTokens) : QVariant());
    q.bindValue(QStringLiteral(":cost"), job.cost ? QVariant(*job.cost) : QVariant());
    q.bindValue(QStringLiteral(":ecode"), textOrNull(job.error.code));
    q.bindValue(QStringLiteral(":emsg"), textOrNull(job.error.message));
    q.bindValue(QStringLiteral(":sim"), simulated ? 1 : 0);
    q.bindValue(QStringLiteral(":raw"), QString::fromUtf8(QJsonDocument(job.raw).toJson(QJsonDocument::Compact)));
    q.bindValue(QStringLiteral(":updated"), now());
    if (!q.exec())
        return sqlError(q, tr("save the job"));
    return rowId == 0 ? q.lastInsertId().toLongLong() : rowId;
}

Status JobRepository::markUnresolved(qint64 rowId, const QString &message)
{
    QSqlQuery q(CT_DB);
    q.prepare(QStringLiteral("UPDATE jobs SET error_code = 'job.unresolved', error_message = ?, updated_at = ? "
                             "WHERE id = ? AND provider_job_id IS NULL"));
    q.addBindValue(message);
    q.addBindValue(now());
    q.addBindValue(rowId);
    if (!q.exec())
        return sqlError(q, tr("mark the job request as unresolved"));
    return Ok{};
}

Status JobRepository::removeJob(qint64 rowId)
{
    QSqlQuery q(CT_DB);
    q.prepare(QStringLiteral("DELETE FROM jobs WHERE id = ?"));
    q.addBindValue(rowId);
    if (!q.exec())
        return sqlError(q, tr("remove the job"));
    return Ok{};
}

Status JobRepository::addEvents(qint64 rowId, const QList<JobEvent> &events)
{
    if (events.isEmpty())
        return Ok{};
    QSqlDatabase db = CT_DB;
    if (!db.transaction())
        return makeError(errc::Project::Sql, tr("Could not save the job's events: %1").arg(db.lastError().text()));
    qint64 seq = 0;
    {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM job_events WHERE job_id = ?"));
        q.addBindValue(rowId);
        if (q.exec() && q.next())
            seq = q.value(0).toLongLong();
    }
    QSqlQuery q(db);
    q.prepare(
        QStringLiteral("INSERT OR IGNORE INTO job_events (job_id, event_id, seq, created_at, level, type, message, data_json) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const JobEvent &e : events) {
        q.addBindValue(rowId);
        q.addBindValue(e.id);
        q.addBindValue(++seq);
        q.addBindValue(textOrNull(isoOrNull(e.createdAt)));
        q.addBindValue(e.level);
        q.addBindValue(e.type);
        q.addBindValue(e.message);
        q.addBindValue(e.data.isEmpty() ? QVariant()
                                        : QVariant(QString::fromUtf8(QJsonDocument(e.data).toJson(QJsonDocument::Compact))));
        if (!q.exec()) {
            const Error err = sqlError(q, tr("save the job's events"));
            db.rollback();
            return err;
        }
    }
    if (!db.commit())
        return makeError(errc::Project::Sql, tr("Could not save the job's events: %1").arg(db.lastError().text()));
    return Ok{};
}

Status JobRepository::setCheckpoints(qint64 rowId, const QList<Checkpoint> &checkpoints)
{
    QSqlQuery q(CT_DB);
    q.prepare(
        QStringLiteral("INSERT OR REPLACE INTO job_checkpoints (job_id, checkpoint_id, step, model, created_at, metrics_json) "
                       "VALUES (?, ?, ?, ?, ?, ?)"));
    for (const Checkpoint &c : checkpoints) {
        q.addBindValue(rowId);
        q.addBindValue(c.id);
        q.addBindValue(c.step);
        q.addBindValue(c.model);
        q.addBindValue(textOrNull(isoOrNull(c.createdAt)));
        q.addBindValue(metricsJson(c.metrics));
        if (!q.exec())
            return sqlError(q, tr("save the job's checkpoints"));
    }
    return Ok{};
}

Status JobRepository::setDeployment(qint64 rowId, const QString &deployment)
{
    QSqlQuery q(CT_DB);
    q.prepare(QStringLiteral("UPDATE jobs SET deployment = ?, updated_at = ? WHERE id = ?"));
    q.addBindValue(textOrNull(deployment));
    q.addBindValue(now());
    q.addBindValue(rowId);
    if (!q.exec())
        return sqlError(q, tr("save the deployment name"));
    return Ok{};
}

Result<QList<StoredJob>> JobRepository::select(const QString &where, const QVariantList &binds) const
{
    QSqlQuery q(CT_DB);
    q.prepare(
        QStringLiteral("SELECT id, provider, provider_kind, base_url, provider_job_id, request_tag, model, suffix, status, "
                       "raw_status, created_at, finished_at, fine_tuned_model, deployment, trained_tokens, cost, error_code, "
                       "error_message, simulated, raw_json, updated_at FROM jobs ")
        + where + QStringLiteral(" ORDER BY id DESC"));
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec())
        return sqlError(q, tr("read the jobs"));
    QList<StoredJob> out;
    while (q.next()) {
        StoredJob s;
        s.rowId = q.value(0).toLongLong();
        s.provider = q.value(1).toString();
        s.kind = providerKindFromId(q.value(2).toString()).value_or(ProviderKind::OpenAICompatible);
        s.baseUrl = q.value(3).toString();
        s.job.id = q.value(4).toString();
        s.pending = q.value(4).isNull();
        s.requestTag = q.value(5).toString();
        s.job.baseModel = q.value(6).toString();
        s.job.suffix = q.value(7).toString();
        s.job.status = jobStatusFromId(q.value(8).toString());
        s.job.rawStatus = q.value(9).toString();
        s.job.createdAt = fromIso(q.value(10));
        s.job.finishedAt = fromIso(q.value(11));
        s.job.fineTunedModel = q.value(12).toString();
        s.deployment = q.value(13).toString();
        if (!q.value(14).isNull())
            s.job.trainedTokens = q.value(14).toLongLong();
        if (!q.value(15).isNull())
            s.job.cost = q.value(15).toDouble();
        s.job.error.code = q.value(16).toString();
        s.job.error.message = q.value(17).toString();
        s.simulated = q.value(18).toInt() != 0;
        s.job.raw = QJsonDocument::fromJson(q.value(19).toString().toUtf8()).object();
        s.updatedAt = fromIso(q.value(20));
        if (s.pending) {
            const QJsonObject asked = s.job.raw.value(QLatin1String(kPendingRequestKey)).toObject();
            s.job.trainingFile = asked.value(QLatin1String("training_file")).toString();
            s.job.validationFile = asked.value(QLatin1String("validation_file")).toString();
            s.requestedAt = fromIso(asked.value(QLatin1String("requested_at")).toVariant());
        }
        s.job.needsDeployment = jobNeedsDeployment(s.kind, s.job);
        out.append(s);
    }
    return out;
}

Result<QList<StoredJob>> JobRepository::jobs() const
{
    return select({}, {});
}

Result<QList<StoredJob>> JobRepository::activeJobs() const
{
    return select(QStringLiteral("WHERE provider_job_id IS NULL OR status NOT IN ('succeeded', 'failed', 'cancelled')"), {});
}

Result<StoredJob> JobRepository::job(qint64 rowId) const
{
    auto rows = select(QStringLiteral("WHERE id = ?"), {rowId});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return makeError(errc::Project::NotFound, tr("The project has no job %1.").arg(rowId));
    return rows->first();
}

Result<StoredJob> JobRepository::findByProviderId(const QString &providerJobId, const QString &provider) const
{
    auto rows = provider.isEmpty()
        ? select(QStringLiteral("WHERE provider_job_id = ?"), {providerJobId})
        : select(QStringLiteral("WHERE provider_job_id = ? AND provider = ?"), {providerJobId, provider});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return makeError(errc::Project::NotFound, tr("The project has no job %1.").arg(providerJobId));
    return rows->first();
}

Result<QList<JobEvent>> JobRepository::events(qint64 rowId) const
{
    QSqlQuery q(CT_DB);
    q.prepare(QStringLiteral(
        "SELECT event_id, created_at, level, type, message, data_json FROM job_events WHERE job_id = ? ORDER BY seq"));
    q.addBindValue(rowId);
    if (!q.exec())
        return sqlError(q, tr("read the job's events"));
    QList<JobEvent> out;
    while (q.next()) {
        JobEvent e;
        e.id = q.value(0).toString();
        e.createdAt = fromIso(q.value(1));
        e.level = q.value(2).toString();
        e.type = q.value(3).toString();
        e.message = q.value(4).toString();
        e.data = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
        out.append(e);
    }
    return out;
}

Result<QList<Checkpoint>> JobRepository::checkpoints(qint64 rowId) const
{
    QSqlQuery q(CT_DB);
    q.prepare(QStringLiteral(
        "SELECT checkpoint_id, step, model, created_at, metrics_json FROM job_checkpoints WHERE job_id = ? ORDER BY step"));
    q.addBindValue(rowId);
    if (!q.exec())
        return sqlError(q, tr("read the job's checkpoints"));
    QList<Checkpoint> out;
    while (q.next()) {
        Checkpoint c;
        c.id = q.value(0).toString();
        c.step = q.value(1).toInt();
        c.model = q.value(2).toString();
        c.createdAt = fromIso(q.value(3));
        c.metrics = metricPointFromJson(QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object());
        out.append(c);
    }
    return out;
}

QString JobRepository::newestEventId(qint64 rowId) const
{
    QSqlQuery q(CT_DB);
    // The provider's own newest event: metric points stored as events (metricEvents()) are not in
    // the provider's event list, so they cannot serve as its cursor.
    q.prepare(
        QStringLiteral("SELECT event_id FROM job_events WHERE job_id = ? AND event_id NOT LIKE ? ORDER BY seq DESC LIMIT 1"));
    q.addBindValue(rowId);
    q.addBindValue(QString(QLatin1String(kMetricEventPrefix) + QLatin1Char('%')));
    if (q.exec() && q.next())
        return q.value(0).toString();
    return {};
}

#undef CT_DB

} // namespace cinetune
