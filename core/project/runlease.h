#pragma once

#include "core/common/result.h"

#include <QCoreApplication>
#include <QObject>
#include <QString>
#include <QTimer>

namespace cinetune {

class ProjectFile;

// Who holds a run's lease (see RunLease).
struct RunLeaseHolder
{
    qint64 pid = 0;
    QString host;
    qint64 heartbeatAgeMs = 0; // how long ago the holder last renewed it
};

// The right to send an evaluation run's requests: one process at a time, so two `cinetune run`s
// (or a run and the GUI) on the same run never both ask the pending users. Stored in the project
// (table run_leases: process id, host, heartbeat), renewed every kHeartbeatMs while held, and
// taken over when its holder died: its heartbeat is older than kStaleMs, or it is on this host and
// its process no longer exists. Released by release() or the destructor; a killed holder leaves a
// row that the next acquire() recognises as dead.
//
// Error codes: run.busy (held by a live process; the message names it), project.sql.
class RunLease final : public QObject
{
    Q_OBJECT

public:
    static constexpr int kHeartbeatMs = 5000;
    static constexpr qint64 kStaleMs = 60000;

    // Must be used on the project's thread; `runName` labels the message of a refusal.
    RunLease(ProjectFile &project, qint64 runId, QString runName, QObject *parent = nullptr);
    ~RunLease() override;
    Q_DISABLE_COPY_MOVE(RunLease)

    // Takes the lease (in one write transaction), or fails with run.busy naming the holder.
    // Taking a lease this object already holds succeeds.
    [[nodiscard]] Status acquire();
    void release();
    bool isHeld() const { return m_held; }

    // The live holder of the run's lease, if any (a dead or stale one counts as none).
    [[nodiscard]] static Result<std::optional<RunLeaseHolder>> holder(ProjectFile &project, qint64 runId);

Q_SIGNALS:
    // Another process took the lease over (this process's heartbeat was too late): stop sending.
    void lost(const QString &message);

private:
    void heartbeat();

    ProjectFile &m_project;
    qint64 m_runId = 0;
    QString m_runName;
    QString m_token;
    QTimer m_timer;
    bool m_held = false;
};

} // namespace cinetune
