#include "core/project/runlease.h"

#include "core/project/projectfile.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSysInfo>
#include <QUuid>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#include <unistd.h>
#endif

namespace cinetune {

namespace {

QSqlDatabase db(const ProjectFile &project)
{
    return QSqlDatabase::database(project.connectionName(), false);
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

qint64 ownPid()
{
    return QCoreApplication::applicationPid();
}

QString ownHost()
{
    return QSysInfo::machineHostName();
}

// False only when the process is certainly gone (same host, no such pid).
bool processAlive(qint64 pid, const QString &host)
{
    if (host != ownHost() || pid <= 0)
        return true; // another machine: only the heartbeat tells
#ifdef Q_OS_UNIX
    if (::kill(static_cast<pid_t>(pid), 0) == 0)
        return true;
    return errno == EPERM;
#else
    return true;
#endif
}

Error sqlError(const QSqlQuery &q, const QString &what)
{
    return makeError(errc::Project::Sql, RunLease::tr("Could not %1 in the project: %2").arg(what, q.lastError().text()));
}

struct Row
{
    QString token;
    RunLeaseHolder holder;
};

Result<std::optional<Row>> readRow(const QSqlDatabase &d, qint64 runId)
{
    QSqlQuery q(d);
    q.prepare(QStringLiteral("SELECT token, pid, host, heartbeat_ms FROM run_leases WHERE run_id = ?"));
    q.addBindValue(runId);
    if (!q.exec())
        return sqlError(q, RunLease::tr("read the lease of run #%1").arg(runId));
    if (!q.next())
        return std::optional<Row>();
    Row r;
    r.token = q.value(0).toString();
    r.holder.pid = q.value(1).toLongLong();
    r.holder.host = q.value(2).toString();
    r.holder.heartbeatAgeMs = std::max<qint64>(0, nowMs() - q.value(3).toLongLong());
    return std::optional<Row>(r);
}

bool isLive(const RunLeaseHolder &h)
{
    return h.heartbeatAgeMs < RunLease::kStaleMs && processAlive(h.pid, h.host);
}

} // namespace

RunLease::RunLease(ProjectFile &project, qint64 runId, QString runName, QObject *parent)
    : QObject(parent)
    , m_project(project)
    , m_runId(runId)
    , m_runName(std::move(runName))
    , m_token(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    m_timer.setInterval(kHeartbeatMs);
    connect(&m_timer, &QTimer::timeout, this, &RunLease::heartbeat);
}

RunLease::~RunLease()
{
    release();
}

Result<std::optional<RunLeaseHolder>> RunLease::holder(ProjectFile &project, qint64 runId)
{
    Result<std::optional<Row>> row = readRow(db(project), runId);
    if (!row)
        return row.error();
    if (!row->has_value() || !isLive(row->value().holder))
        return std::optional<RunLeaseHolder>();
    return std::optional<RunLeaseHolder>(row->value().holder);
}

Status RunLease::acquire()
{
    QSqlDatabase d = db(m_project);
    QSqlQuery q(d);
    // The write lock first, so two processes cannot both find the lease free.
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return sqlError(q, tr("lock run #%1").arg(m_runId));
    const auto rollback = [&d] { QSqlQuery(d).exec(QStringLiteral("ROLLBACK")); };
    Result<std::optional<Row>> row = readRow(d, m_runId);
    if (!row) {
        rollback();
        return row.error();
    }
    if (row->has_value() && row->value().token != m_token && isLive(row->value().holder)) {
        rollback();
        const RunLeaseHolder &h = row->value().holder;
        const bool here = h.host == ownHost();
        return makeError(errc::Run::Busy,
                         tr("The run \"%1\" is already being sent by process %2 on %3 (last sign of life %4 s ago). "
                            "Wait for it to finish or stop it first; if that process is gone, the run is free again %5.")
                             .arg(m_runName)
                             .arg(h.pid)
                             .arg(here ? tr("this computer") : h.host)
                             .arg(h.heartbeatAgeMs / 1000)
                             .arg(here ? tr("at once") : tr("within %1 s").arg(kStaleMs / 1000)));
    }
    QSqlQuery w(d);
    w.prepare(QStringLiteral("INSERT OR REPLACE INTO run_leases (run_id, token, pid, host, acquired_at, heartbeat_ms) "
                             "VALUES (?, ?, ?, ?, ?, ?)"));
    w.addBindValue(m_runId);
    w.addBindValue(m_token);
    w.addBindValue(ownPid());
    w.addBindValue(ownHost());
    w.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    w.addBindValue(nowMs());
    if (!w.exec()) {
        const Error e = sqlError(w, tr("take the lease of run #%1").arg(m_runId));
        rollback();
        return e;
    }
    if (!QSqlQuery(d).exec(QStringLiteral("COMMIT"))) {
        rollback();
        return makeError(errc::Project::Sql,
                         tr("Could not take the lease of run #%1: %2").arg(m_runId).arg(d.lastError().text()));
    }
    m_held = true;
    m_timer.start();
    return Ok{};
}

void RunLease::heartbeat()
{
    if (!m_held)
        return;
    QSqlQuery q(db(m_project));
    q.prepare(QStringLiteral("UPDATE run_leases SET heartbeat_ms = ? WHERE run_id = ? AND token = ?"));
    q.addBindValue(nowMs());
    q.addBindValue(m_runId);
    q.addBindValue(m_token);
    if (!q.exec())
        return; // busy database: the next beat tries again (the lease is stale only after kStaleMs)
    if (q.numRowsAffected() == 0) {
        m_held = false;
        m_timer.stop();
        Q_EMIT lost(tr("Another process took over the run \"%1\" (this one gave no sign of life for %2 s); stopped sending.")
                        .arg(m_runName)
                        .arg(kStaleMs / 1000));
    }
}

void RunLease::release()
{
    m_timer.stop();
    if (!m_held)
        return;
    m_held = false;
    QSqlQuery q(db(m_project));
    q.prepare(QStringLiteral("DELETE FROM run_leases WHERE run_id = ? AND token = ?"));
    q.addBindValue(m_runId);
    q.addBindValue(m_token);
    (void)q.exec();
}

} // namespace cinetune
