#pragma once

#include "core/common/result.h"
#include "core/finetune/pricetable.h"
#include "core/project/runrepository.h"
#include "core/eval/promptstrategy.h"
#include "core/providers/openaiprotocol.h"
#include "core/eval/requestscheduler.h"
#include "core/eval/runspec.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>

#include <memory>
#include <optional>
#include <vector>

namespace cinetune {

class Catalogue;
class ProjectFile;
class Tokenizer;

// Everything an EvaluationRun needs. The pointers must outlive the run.
struct EvaluationSetup
{
    ProjectFile *project = nullptr;
    qint64 runId = 0; // an eval_runs row (see prepareEvaluationRun)
    RunSpec spec;
    const Catalogue *catalogue = nullptr;
    std::vector<GoldSetUser> users;      // the users of the run's split
    std::vector<GoldSetUser> trainUsers; // few-shot examples
    CandidateSource candidates;          // candidate ranking
    Endpoint endpoint;                   // base URL, key, kind, timeout
    QString providerName;                // labels cache rows
    HttpClient *http = nullptr;
    QList<HttpClient *> extraLanes; // optional (see RequestScheduler)
    RequestScheduler::Options scheduler;
    const Tokenizer *tokenizer = nullptr; // token estimates for the TPM budget (chars/4 without one)
    PriceTable prices = PriceTable::defaults();
};

// Finds the run named `name` (it must have the same spec: running it again continues) or
// creates it. `label`: its short label (empty: the default for a new run, unchanged for an existing
// one). Errors: run.spec_mismatch (same name, other spec), project.exists (label of another run)
// and the repository's.
[[nodiscard]] Result<qint64> prepareEvaluationRun(RunRepository &runs, const QString &name, const RunSpec &spec,
                                                  const QString &baseUrl, qint64 usersTotal, const QString &label = {});

// One evaluation run in progress: sends the request of every user of the split that has no ok
// response yet (cached answers first: a hit costs nothing and is stored with cached = 1), and
// writes each answer to the project the moment it arrives (raw text exactly as received). A
// request that finally fails is stored as failed and counted; retryFailed() re-sends only those.
// Errors that would fail every request (bad key, quota, unknown model, forbidden) stop the run
// with status failed. Destroying the object aborts what is in flight; nothing stored is lost.
class EvaluationRun final : public QObject
{
    Q_OBJECT

public:
    explicit EvaluationRun(EvaluationSetup setup, QObject *parent = nullptr);
    ~EvaluationRun() override;
    Q_DISABLE_COPY_MOVE(EvaluationRun)

    // Sends every user without an ok response (failed ones included).
    void start();
    // Sends only the users whose stored response failed.
    void retryFailed();
    void pause();
    void resume();
    void cancel();

    bool isActive() const { return m_active; }
    RequestScheduler *scheduler() const { return m_scheduler; }
    qint64 doneCount() const { return m_done; }
    qint64 total() const { return qint64(m_setup.users.size()); }
    // USD of the paid tokens so far, or nullopt when the model has no inference price.
    std::optional<double> cost(qint64 promptTokens, qint64 completionTokens) const;

Q_SIGNALS:
    // done = users with a stored response (ok or failed); tokens and cost count paid answers of
    // the whole run; cost < 0 = unknown (no price); etaMs < 0 = not known yet.
    void progress(qint64 done, qint64 total, qint64 promptTokens, qint64 completionTokens, double cost, qint64 etaMs);
    void userFinished(quint32 user, bool ok, bool cached);
    // The run stopped: finished (every user has a response), cancelled, or failed (with error).
    void stopped(int status, const QString &error);

private:
    void begin(bool onlyFailed);
    void prepareMore();
    void onResponse(quint64 index, const Result<HttpResponse> &result, int attempts, qint64 latencyMs);
    void store(const StoredResponse &response, bool cachedHit);
    void emitProgress();
    void stop(RunStatus status, const QString &error = {});
    void maybeFinish();
    qint64 estimateTokens(const ChatRequest &request) const;

    EvaluationSetup m_setup;
    std::unique_ptr<RunRepository> m_runs;
    RequestScheduler *m_scheduler = nullptr;
    QHash<quint64, QByteArray> m_keys; // user index -> cache key
    QSet<std::uint32_t> m_failed;      // users whose stored response is a failure
    QSet<std::uint32_t> m_okUsers;     // users with an ok response when the session began
    std::size_t m_nextUser = 0;        // next index of users to prepare
    bool m_onlyFailed = false;
    bool m_preparing = false;
    qint64 m_done = 0;
    qint64 m_doneThisSession = 0;
    qint64 m_promptTokens = 0;
    qint64 m_completionTokens = 0;
    QElapsedTimer m_sessionClock;
    bool m_active = false;
};

} // namespace cinetune
