#include "ui/dataset/datasetcontroller.h"

#include "ui/shell/appsettings.h"
#include "ui/shell/backgroundtasks.h"
#include "core/common/appinfo.h"
#include "ui/shell/promiseprogress.h"

#include <QDir>
#include "core/dataset/datasetcache.h"
#include <QElapsedTimer>
#include <QFileInfo>

#include <QLocale>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

namespace cinetune::ui {

namespace {

using LoadOutcome = DatasetController::LoadOutcome;
using CacheOutcome = DatasetController::CacheOutcome;

void runLoad(QPromise<LoadOutcome> &promise, const QString &path, const LoadOptions &options)
{
    PromiseProgress<LoadOutcome> progress(promise);
    QElapsedTimer clock;
    clock.start();
    QString actualPath = path;
    if (path == QLatin1String(kSamplePath)) {
        progress.report(0, DatasetController::tr("Preparing the sample dataset"));
        actualPath = sampleDatasetPath();
        if (actualPath.isEmpty()) {
            promise.addResult(
                LoadOutcome{{},
                            makeError(errc::Dataset::SampleUnavailable,
                                      DatasetController::tr("The embedded sample dataset could not be extracted. "
                                                            "Check that there is free space in your data folder."))});
            return;
        }
    }
    Result<DatasetPtr> result = loadDataset(actualPath, options, progress);
    if (promise.isCanceled())
        return;
    if (!result.ok()) {
        promise.addResult(LoadOutcome{{}, result.error()});
        return;
    }
    progress.report(1.0, DatasetController::tr("Preparing views"));
    LoadedDatasetPtr loaded = prepareLoadedDataset(std::move(result).value(), path, clock.elapsed());
    promise.addResult(LoadOutcome{std::move(loaded), std::nullopt});
}

CacheOutcome runClearCache(const QString &dir)
{
    const CacheClearing cleared = clearDatasetCache(dir);
    CacheOutcome out;
    out.ok = cleared.failed.isEmpty();
    out.bytesFreed = cleared.bytesFreed;
    if (!out.ok)
        out.message = DatasetController::tr("%n cache file(s) could not be deleted from %1. "
                                            "Close other CineTune windows and try again.",
                                            nullptr, int(cleared.failed.size()))
                          .arg(QDir::toNativeSeparators(dir));
    else if (cleared.filesRemoved == 0)
        out.message = DatasetController::tr("The dataset cache is already empty.");
    else
        out.message =
            DatasetController::tr("Cleared the dataset cache (%1 freed).").arg(QLocale().formattedDataSize(out.bytesFreed));
    return out;
}

} // namespace

DatasetController::DatasetController(BackgroundTasks *tasks, QObject *parent)
    : QObject(parent)
    , m_tasks(tasks)
{
    m_reaper.setInterval(500);
    connect(&m_reaper, &QTimer::timeout, this, &DatasetController::reapRetired);
}

DatasetController::~DatasetController()
{
    if (m_loadingGeneration != 0)
        m_loadingFuture.cancel();
}

LoadOptions DatasetController::effectiveLoadOptions() const
{
    if (m_options)
        return *m_options;
    LoadOptions options;
    options.threads = AppSettings::loaderThreads();
    options.useCache = true;
    options.cacheDir = AppSettings::datasetCacheDir();
    return options;
}

QString DatasetController::cacheDir() const
{
    const LoadOptions o = effectiveLoadOptions();
    return o.cacheDir.isEmpty() ? AppSettings::datasetCacheDir() : o.cacheDir;
}

void DatasetController::load(const QString &requestedPath)
{
    if (requestedPath.isEmpty())
        return;
    const QString path = requestedPath == QLatin1String(kSamplePath)
        ? requestedPath
        : QDir::cleanPath(QFileInfo(requestedPath).absoluteFilePath());
    cancelLoad();
    const quint64 generation = m_nextGeneration++;
    const LoadOptions options = effectiveLoadOptions();
    QFuture<LoadOutcome> future = QtConcurrent::run(
        [path, options](QPromise<LoadOutcome> &promise) { runLoad(promise, path, options); });
    m_loadingFuture = future;
    m_loadingGeneration = generation;
    m_loadingPath = path;
    m_tasks->run(future, tr("Loading dataset"), this,
                 [this, generation, path](const QFuture<LoadOutcome> &f) { onLoadFinished(f, generation, path); });
    Q_EMIT loadStarted(path);
    Q_EMIT loadingChanged(true);
}

void DatasetController::cancelLoad()
{
    if (m_loadingGeneration == 0)
        return;
    m_loadingFuture.cancel();
    const QString path = m_loadingPath;
    m_loadingFuture = {};
    m_loadingGeneration = 0;
    m_loadingPath.clear();
    Q_EMIT loadingChanged(false);
    Q_EMIT loadCanceled(path);
}

void DatasetController::onLoadFinished(const QFuture<LoadOutcome> &future, quint64 generation, const QString &path)
{
    if (generation != m_loadingGeneration)
        return; // superseded or canceled through cancelLoad()
    m_loadingFuture = {};
    m_loadingGeneration = 0;
    m_loadingPath.clear();
    if (future.isCanceled() || future.resultCount() == 0) {
        Q_EMIT loadingChanged(false);
        Q_EMIT loadCanceled(path);
        return;
    }
    LoadOutcome outcome = future.result();
    Q_EMIT loadingChanged(false);
    if (outcome.error) {
        if (outcome.error->code == errc::General::Cancelled)
            Q_EMIT loadCanceled(path);
        else
            Q_EMIT loadFailed(path, *outcome.error);
        return;
    }
    retire(std::exchange(m_current, std::move(outcome.loaded)));
    Q_EMIT datasetChanged();
}

void DatasetController::retire(LoadedDatasetPtr dataset)
{
    if (!dataset)
        return;
    m_retired.push_back(std::move(dataset));
    m_reaper.start();
}

void DatasetController::reapRetired()
{
    // Views drop their references within a few event-loop turns; whatever only we still hold is
    // destroyed on the thread pool.
    for (auto it = m_retired.begin(); it != m_retired.end();) {
        if (it->use_count() == 1) {
            QThreadPool::globalInstance()->start([dataset = std::move(*it)]() mutable { dataset.reset(); });
            it = m_retired.erase(it);
        } else {
            ++it;
        }
    }
    if (m_retired.empty())
        m_reaper.stop();
}

void DatasetController::clearCache()
{
    const QString dir = cacheDir();
    QFuture<CacheOutcome> future = QtConcurrent::run([dir] { return runClearCache(dir); });
    m_tasks->run(future, tr("Clearing the dataset cache"), this, [this](const QFuture<CacheOutcome> &f) {
        const CacheOutcome out = f.resultCount() > 0 ? f.result() : CacheOutcome{};
        Q_EMIT cacheCleared(out.ok, out.message);
    });
}

} // namespace cinetune::ui
