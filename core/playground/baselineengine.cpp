#include "core/playground/baselineengine.h"

#include "core/eval/heldout.h"

#include <QCoreApplication>

#include <QFutureWatcher>
#include <QLocale>
#include <QtConcurrent>

#include <algorithm>

// The messages keep the German catalogue's context from when this class lived in ui/
// ("cinetune::ui::BaselineEngine") until the catalogue is regenerated.

namespace cinetune {

namespace {

struct Built
{
    std::shared_ptr<const Recommender> recommender;
    std::optional<Error> error;
};

} // namespace

BaselineRegistry::BaselineRegistry(QObject *parent)
    : QObject(parent)
{}

BaselineRegistry::~BaselineRegistry()
{
    for (const auto &p : m_running)
        p->cancel();
}

void BaselineRegistry::setDataset(DatasetPtr data)
{
    if (data == m_data)
        return;
    m_data = std::move(data);
    ++m_generation; // builds still running for the old dataset are cancelled and dropped
    for (const auto &p : m_running)
        p->cancel();
    m_running.clear();
    m_built.clear();
    m_building.clear();
}

void BaselineRegistry::ensure(BaselineKind kind)
{
    if (!m_data || m_built.contains(int(kind)) || m_building.value(int(kind)))
        return;
    m_building.insert(int(kind), true);
    const DatasetPtr data = m_data;
    const quint64 generation = m_generation;
    auto *watcher = new QFutureWatcher<Built>(this);
    connect(watcher, &QFutureWatcher<Built>::finished, this, [this, watcher, kind, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        m_building.remove(int(kind));
        // Finished builds need no cancel handle any more (only running ones are kept).
        m_running.erase(std::remove_if(m_running.begin(), m_running.end(), [](const auto &p) { return p.use_count() == 1; }),
                        m_running.end());
        if (watcher->future().resultCount() == 0) { // canceled in the status bar
            Q_EMIT failed(
                kind,
                makeError(errc::General::Cancelled, QCoreApplication::translate("cinetune::ui::BaselineEngine", "Canceled")));
            return;
        }
        const Built b = watcher->result();
        if (b.error) {
            Q_EMIT failed(kind, *b.error);
            return;
        }
        m_built.insert(int(kind), b.recommender);
        Q_EMIT ready(kind);
    });
    auto progress = std::make_shared<NullProgress>();
    m_running.push_back(progress);
    const QFuture<Built> future = QtConcurrent::run([data, kind, progress]() -> Built {
        BaselineOptions options;
        auto made = makeRecommender(*data, kind, options, *progress);
        if (!made)
            return Built{nullptr, made.error()};
        // The recommender refers to the dataset: keep it alive as long as the recommender.
        Recommender *raw = made.value().release();
        return Built{std::shared_ptr<const Recommender>(raw, [data](const Recommender *r) { delete r; }), std::nullopt};
    });
    watcher->setFuture(future);
    // The UI shows it in the status bar (core has no status bar: whoever owns the registry tracks it).
    Q_EMIT buildStarted(
        QFuture<void>(future),
        QCoreApplication::translate("cinetune::ui::BaselineEngine", "Preparing the %1 baseline").arg(baselineName(kind)));
}

BaselineEngine::BaselineEngine(BaselineRegistry *registry, BaselineKind kind, QObject *parent)
    : ColumnEngine(parent)
    , m_registry(registry)
    , m_kind(kind)
{
    connect(m_registry, &BaselineRegistry::ready, this, [this](BaselineKind k) {
        if (k == m_kind && m_pending) {
            const PlaygroundQuery q = *m_pending;
            m_pending.reset();
            answer(q);
        }
    });
    connect(m_registry, &BaselineRegistry::failed, this, [this](BaselineKind k, const Error &error) {
        if (k != m_kind || !m_pending)
            return;
        m_pending.reset();
        EngineAnswer a;
        a.isText = false;
        a.error = error;
        a.elapsedMs = m_clock.elapsed();
        Q_EMIT answered(a);
    });
}

QString BaselineEngine::label() const
{
    return QCoreApplication::translate("cinetune::ui::BaselineEngine", "%1 (local baseline)").arg(baselineName(m_kind));
}

void BaselineEngine::cancel()
{
    if (m_pending || m_running) {
        m_pending.reset();
        m_running = false;
        ++m_ticket;
        Q_EMIT cancelled();
    }
}

void BaselineEngine::request(const PlaygroundQuery &query)
{
    cancel();
    m_clock.start();
    Q_EMIT started();
    if (m_registry->recommender(m_kind) || !m_registry->dataset()) {
        answer(query);
        return;
    }
    m_pending = query;
    m_registry->ensure(m_kind);
}

namespace {

// Why a baseline returned fewer movies than asked for (empty when it did not).
QString fewerReason(BaselineKind kind, std::size_t got, int asked)
{
    if (asked <= 0 || got >= std::size_t(asked))
        return {};
    const int n = int(got);
    if (kind == BaselineKind::NeighbourConsensus)
        return QCoreApplication::translate("cinetune::ui::BaselineEngine",
                                           "only %n movie(s) not in the profile were rated highly by enough of the "
                                           "user's neighbours",
                                           nullptr, n);
    // Random, Most popular and ItemKNN fill the list from the whole catalogue.
    return QCoreApplication::translate("cinetune::ui::BaselineEngine",
                                       "only %n movie(s) of the dataset are neither in the profile nor rated by the user",
                                       nullptr, n);
}

} // namespace

void BaselineEngine::answer(const PlaygroundQuery &query)
{
    const std::shared_ptr<const Recommender> r = m_registry->recommender(m_kind);
    EngineAnswer a;
    a.isText = false;
    a.asked = query.count;
    a.elapsedMs = m_clock.elapsed();
    if (!r) {
        a.error = makeError(errc::Playground::NoDataset,
                            QCoreApplication::translate("cinetune::ui::BaselineEngine", "Open a dataset first."));
        Q_EMIT answered(a);
        return;
    }
    if (m_kind == BaselineKind::NeighbourConsensus && !query.user) {
        // It re-runs the gold-set rule, which starts from a user's own ratings.
        a.error = makeError(errc::Playground::NeedsUser,
                            QCoreApplication::translate(
                                "cinetune::ui::BaselineEngine",
                                "Neighbour consensus needs a dataset user: load a user (or a random user) as the profile."));
        Q_EMIT answered(a);
        return;
    }
    a.prompt = QCoreApplication::translate("cinetune::ui::BaselineEngine", "%1 over %n profile movie(s), %2 wanted", nullptr,
                                           int(query.profile.size()))
                   .arg(baselineName(m_kind))
                   .arg(query.count);
    QElapsedTimer t;
    t.start();
    BaselineQuery q;
    q.profile = query.profile;
    q.user = query.user;
    q.count = query.count;
    q.seed = query.seed;
    a.costUsd = 0.0;
    // A gold-set user whose gold they rated themselves (temporal hold-out): the recommender must
    // not see their ratings from the cut on, as in an evaluation run. It is built over that view
    // on a worker (milliseconds on MovieLens; a fresh ItemKNN table on large data).
    std::shared_ptr<const Dataset> view;
    if (query.goldLine && q.user && m_registry->dataset()) {
        const DatasetPtr full = m_registry->dataset();
        if (full && heldOutRatingCount(full->store, full->catalogue, *q.user, *query.goldLine) > 0)
            view = visibleDataset(full, {*query.goldLine});
    }
    if (m_kind != BaselineKind::NeighbourConsensus && !view) {
        a.movies = r->recommend(q); // well under a millisecond: on the spot
        a.fewerReason = fewerReason(m_kind, a.movies.size(), a.asked);
        a.elapsedMs = m_clock.elapsed();
        a.raw = QCoreApplication::translate("cinetune::ui::BaselineEngine", "%n movie(s) in %1 ms", nullptr, int(a.movies.size()))
                    .arg(QLocale().toString(double(t.nsecsElapsed()) / 1e6, 'f', 2));
        Q_EMIT answered(a);
        return;
    }
    // Neighbour consensus re-runs the gold-set rule for the user (milliseconds, but it grows with
    // the user's neighbours): on a worker, and dropped when a newer request or cancel() came in
    // meanwhile.
    const quint64 ticket = ++m_ticket;
    m_running = true;
    auto *watcher = new QFutureWatcher<Result<std::vector<std::uint32_t>>>(this);
    connect(watcher, &QFutureWatcher<Result<std::vector<std::uint32_t>>>::finished, this, [this, watcher, ticket, a]() mutable {
        watcher->deleteLater();
        if (ticket != m_ticket)
            return;
        m_running = false;
        a.elapsedMs = m_clock.elapsed();
        Result<std::vector<std::uint32_t>> movies = watcher->result();
        if (!movies) {
            // The recommender over the user's visible ratings could not be built: say why
            // instead of showing an empty list as if the baseline had nothing to recommend.
            a.error = movies.error();
            Q_EMIT answered(a);
            return;
        }
        a.movies = std::move(movies).value();
        a.fewerReason = fewerReason(m_kind, a.movies.size(), a.asked);
        a.raw = QCoreApplication::translate("cinetune::ui::BaselineEngine", "%n movie(s) in %1 ms", nullptr, int(a.movies.size()))
                    .arg(QLocale().toString(double(a.elapsedMs), 'f', 0));
        Q_EMIT answered(a);
    });
    const BaselineKind kind = m_kind;
    watcher->setFuture(QtConcurrent::run([r, q, view, kind]() -> Result<std::vector<std::uint32_t>> {
        if (!view)
            return r->recommend(q);
        NullProgress quiet;
        BaselineOptions options;
        auto made = makeRecommender(*view, kind, options, quiet);
        if (!made)
            return made.error();
        return made.value()->recommend(q);
    }));
}

} // namespace cinetune
