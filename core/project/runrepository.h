#pragma once

#include "core/common/result.h"
#include "core/eval/runspec.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QVariant>

#include <cstdint>
#include <optional>
#include <vector>

namespace cinetune {

class ProjectFile;

enum class RunStatus {
    Created,
    Running,
    Paused,
    Finished,
    Failed,
    Cancelled
};
QString runStatusId(RunStatus s); // "created", "running", ...
std::optional<RunStatus> runStatusFromId(const QString &id);

// An evaluation run as recorded in the project.
struct StoredRun
{
    qint64 id = 0;
    QString name;
    RunSpec spec;
    QString baseUrl; // of the provider when the run was created (part of the cache key)
    RunStatus status = RunStatus::Created;
    qint64 usersTotal = 0;
    QString errorMessage;
    QDateTime createdAt;
    QDateTime updatedAt;
    // Made against the offline simulator (schema step 8): not an LLM's answers. Set when the run
    // is created, from the provider profile's kind at that time.
    bool simulated = false;
    // The short label (schema step 9) shown in tables, legends and exports; unique in the project.
    // A run made before labels existed shows its default label (defaultRunLabel(), made unique).
    QString label;
};

// One user's stored answer: ok (raw text exactly as received) or failed (the final error).
struct StoredResponse
{
    std::uint32_t user = 0;
    QByteArray cacheKey;
    bool ok = false;
    bool cached = false; // taken from the response cache: cost nothing
    bool batch = false;  // answered through the Batch API (batch price)
    QString rawText;
    QString finishReason;
    qint64 promptTokens = 0;
    qint64 completionTokens = 0;
    qint64 latencyMs = 0;
    QString model; // as returned by the provider
    QString errorCode;
    QString errorMessage;
    int attempts = 0;
    QDateTime receivedAt;
};

struct CachedResponse
{
    QString rawText;
    QString finishReason;
    qint64 promptTokens = 0;
    qint64 completionTokens = 0;
    QString modelReturned;
};

struct RunCounts
{
    qint64 ok = 0; // includes cached
    qint64 failed = 0;
    qint64 cached = 0;
    qint64 promptTokens = 0;          // paid (not cached) ok responses
    qint64 completionTokens = 0;      // paid (not cached) ok responses
    qint64 batchPromptTokens = 0;     // the part of promptTokens answered through the Batch API
    qint64 batchCompletionTokens = 0; // the part of completionTokens answered through the Batch API
};

// Evaluation runs, their responses and the response cache (schema step 4). Uses the project's own
// connection, so it must be used on the project's thread. Every write is immediate.
// Error codes: project.sql, project.not_found, project.exists, project.invalid_argument,
// project.damaged (a stored spec that no longer parses).
class RunRepository
{
    Q_DECLARE_TR_FUNCTIONS(cinetune::RunRepository)

public:
    explicit RunRepository(ProjectFile &project)
        : m_project(project)
    {}

    // `label` empty: the default label (defaultRunLabel()), suffixed " (2)", ... when taken; a given
    // label that another run has is refused (project.exists).
    [[nodiscard]] Result<qint64> create(const QString &name, const RunSpec &spec, const QString &baseUrl, qint64 usersTotal,
                                        const QString &label = {});
    // Renames the run's label: trimmed, not empty, at most kMaxRunLabelLength characters, not the
    // label of another run (compared without case). Errors: project.invalid_argument, project.exists.
    [[nodiscard]] Status setLabel(qint64 runId, const QString &label);
    [[nodiscard]] Status setStatus(qint64 runId, RunStatus status, const QString &errorMessage = {});
    [[nodiscard]] Status setUsersTotal(qint64 runId, qint64 usersTotal);
    [[nodiscard]] Status setSimulated(qint64 runId, bool simulated);
    [[nodiscard]] Status remove(qint64 runId);

    [[nodiscard]] Result<StoredRun> get(qint64 runId) const;
    [[nodiscard]] Result<StoredRun> find(const QString &name) const;
    [[nodiscard]] Result<QList<StoredRun>> list() const; // oldest first

    // Writes the user's response (replacing an earlier failed one) and, for a paid ok answer,
    // the response cache entry, in one transaction. `provider` labels the cache row.
    [[nodiscard]] Status storeResponse(qint64 runId, const StoredResponse &response, const QString &provider = {});
    // The cached answer for a request, if any.
    [[nodiscard]] Result<std::optional<CachedResponse>> cached(const QByteArray &cacheKey) const;

    [[nodiscard]] Result<std::vector<StoredResponse>> responses(qint64 runId) const; // ascending user
    [[nodiscard]] Result<QSet<std::uint32_t>> usersWithState(qint64 runId, bool ok) const;
    // The users of `splitUsers` without an ok response (keeps their order).
    [[nodiscard]] Result<std::vector<GoldSetUser>> pendingUsers(qint64 runId, const std::vector<GoldSetUser> &splitUsers) const;
    [[nodiscard]] Result<RunCounts> counts(qint64 runId) const;

    // `base` if no run has that name, else "base (2)", ...
    QString uniqueName(const QString &base) const;
    // `base` if no run (other than `exceptRun`) has that label (without case), else "base (2)", ...
    QString uniqueLabel(const QString &base, qint64 exceptRun = 0) const;
    // Checks a label for setLabel()/create(): the trimmed label, or why it cannot be used.
    [[nodiscard]] Result<QString> checkLabel(const QString &label, qint64 exceptRun = 0) const;

private:
    Result<QList<StoredRun>> select(const QString &where, const QVariantList &binds) const;
    // Every run's label as shown (stored, or the default made unique in run order), by run id.
    Result<QHash<qint64, QString>> labels() const;

    ProjectFile &m_project;
};

} // namespace cinetune
