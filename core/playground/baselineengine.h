#pragma once

#include "core/playground/columnengine.h"
#include "core/common/progress.h"
#include "core/dataset/dataset.h"
#include "core/eval/baselines.h"

#include <QElapsedTimer>
#include <QHash>
#include <QFuture>
#include <QObject>

#include <memory>

namespace cinetune {

// The local baselines of the current dataset, each built once in the background and shared by
// every column (ItemKNN's neighbour table is the expensive part; it is cached on disk by core).
class BaselineRegistry final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BaselineRegistry)

public:
    explicit BaselineRegistry(QObject *parent = nullptr);
    ~BaselineRegistry() override; // cancels builds still running (an ItemKNN build takes a minute)

    void setDataset(DatasetPtr data);
    DatasetPtr dataset() const { return m_data; }
    // The built recommender, or nullptr while it is being built (ensure() starts that).
    std::shared_ptr<const Recommender> recommender(BaselineKind kind) const { return m_built.value(int(kind)); }
    void ensure(BaselineKind kind);

Q_SIGNALS:
    void ready(cinetune::BaselineKind kind);
    void failed(cinetune::BaselineKind kind, const cinetune::Error &error);
    // A recommender build started on a worker (for a status bar; canceling it fails the build).
    void buildStarted(const QFuture<void> &future, const QString &title);

private:
    DatasetPtr m_data;
    quint64 m_generation = 0;
    QHash<int, std::shared_ptr<const Recommender>> m_built;
    QHash<int, bool> m_building;
    std::vector<std::shared_ptr<NullProgress>> m_running; // cancel handles of the builds
};

// A column backed by a local baseline: answers at once (well under a millisecond, on the spot) once
// the recommender is built; the first request of a session may wait for that build. Neighbour
// consensus re-runs the gold-set rule per query and answers from a worker thread instead.
class BaselineEngine final : public ColumnEngine
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BaselineEngine)

public:
    BaselineEngine(BaselineRegistry *registry, BaselineKind kind, QObject *parent = nullptr);

    void request(const PlaygroundQuery &query) override;
    void cancel() override;
    bool isBusy() const override { return m_pending.has_value() || m_running; }
    QString label() const override;
    BaselineKind kind() const { return m_kind; }

private:
    void answer(const PlaygroundQuery &query);

    BaselineRegistry *m_registry;
    BaselineKind m_kind;
    std::optional<PlaygroundQuery> m_pending; // waiting for the recommender to be built
    bool m_running = false;                   // a worker computes the answer (consensus)
    quint64 m_ticket = 0;                     // answers of older tickets are dropped
    QElapsedTimer m_clock;
};

} // namespace cinetune
