#pragma once

#include "core/eval/evalrun.h"
#include "core/providers/openaiprotocol.h"
#include "core/providers/providerclient.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <optional>

namespace cinetune {

struct BatchOptions
{
    int pollMs = 30000;       // first wait between status polls
    int maxPollMs = 300000;   // the wait grows by half each unchanged poll up to this
    int maxPollFailures = 20; // consecutive failed polls (after the HTTP layer's retries) before giving up
    // Azure OpenAI runs batches only on a deployment of type Global-Batch (or Data Zone Batch),
    // whose name every line must carry as its model; required for Azure, unused elsewhere.
    QString azureBatchDeployment;
};

// USD of a run's paid tokens: answers of the Batch API at kBatchPriceFactor of the standard
// price, the others at the standard price; nullopt when the model has no inference price.
std::optional<double> runCost(const PriceTable &prices, const QString &model, const RunCounts &counts);

// One evaluation run sent through the provider's Batch API (half price, answers within 24 h):
// users without an ok response that are not in the response cache become one batch JSONL
// (custom_id "user-<source id>", bodies exactly as the live path sends them), which is uploaded
// (purpose "batch") and created (metadata cinetune_run=<run name>, cinetune_request=<tag>).
// The batch is recorded in the project (table eval_batches) before it is created, so starting
// again re-attaches to it instead of creating another. It is polled with backoff; once final, the
// output and error files are downloaded and each line is matched by custom_id and stored like
// the live path stores it (same cache key and raw text; marked batch = 1 for the price). Lines
// with unknown custom_ids are counted and ignored; users missing from a completed batch's output
// are stored as failed (after a cancelled or expired batch they stay pending). Only OpenAI, Azure
// and the simulator have a Batch API; others stop with provider.unsupported.
class BatchRun final : public QObject
{
    Q_OBJECT

public:
    BatchRun(EvaluationSetup setup, BatchOptions options, QObject *parent = nullptr);
    ~BatchRun() override;
    Q_DISABLE_COPY_MOVE(BatchRun)

    void start();
    // Cancels the batch at the provider; what it answered before is still stored.
    void cancel();

    bool isActive() const { return m_active; }
    qint64 total() const { return qint64(m_setup.users.size()); }
    QString batchId() const { return m_batchId; }
    qint64 unknownLines() const { return m_unknownLines; }
    QStringList problems() const { return m_problems; } // malformed output lines (file:line: ...)

Q_SIGNALS:
    // The batch's state and request_counts as last polled.
    void batchProgress(const QString &status, qint64 completed, qint64 failed, qint64 total);
    void stateChanged(const QString &text);
    void userFinished(quint32 user, bool ok, bool cached);
    void stopped(int status, const QString &error);

private:
    struct Line
    {
        std::size_t index = 0; // into m_setup.users
        QByteArray cacheKey;
    };
    void createNew();
    void findByTag();
    void upload(const QByteArray &jsonl);
    void create(const QString &fileId);
    void poll();
    void schedulePoll();
    void onBatch(const BatchInfo &info);
    void download(const QString &fileId, bool errorFile);
    void finishBatch();
    bool buildLines(QByteArray *jsonl);
    bool store(const StoredResponse &response, bool cached);
    void stop(RunStatus status, const QString &error = {});
    void track(ProviderCall *call);

    EvaluationSetup m_setup;
    BatchOptions m_options;
    std::unique_ptr<RunRepository> m_runs;
    ProviderClient *m_client = nullptr;
    QPointer<ProviderCall> m_inFlight;
    QHash<QString, Line> m_lines; // custom_id -> user of this batch
    qint64 m_rowId = 0;           // eval_batches row
    QString m_tag;
    QString m_batchId;
    BatchInfo m_last;
    QByteArray m_output;
    QByteArray m_errors;
    QStringList m_problems;
    qint64 m_unknownLines = 0;
    int m_pollDelayMs = 0;
    int m_pollFailures = 0;
    bool m_active = false;
    bool m_cancelRequested = false;
};

} // namespace cinetune
