#pragma once

#include "core/common/result.h"
#include "core/dataset/datasetloader.h"
#include "ui/dataset/loadeddataset.h"

#include <QFuture>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <optional>
#include <vector>

namespace cinetune::ui {

class BackgroundTasks;

// Owns the dataset the application works on and loads new ones in the background
// (QtConcurrent::run + QPromise, tracked by BackgroundTasks so the status bar can cancel it).
// A failed or canceled load leaves the current dataset in place.
class DatasetController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DatasetController)

public:
    struct LoadOutcome
    {
        LoadedDatasetPtr loaded;
        std::optional<Error> error;
    };
    struct CacheOutcome
    {
        bool ok = false;
        qint64 bytesFreed = 0;
        QString message;
    };

    explicit DatasetController(BackgroundTasks *tasks, QObject *parent = nullptr);

    // The session's background work (status bar), for services that work on the dataset.
    BackgroundTasks *tasks() const { return m_tasks; }
    ~DatasetController() override;

    LoadedDatasetPtr current() const { return m_current; }
    bool isLoading() const { return m_loadingGeneration != 0; }
    QString loadingPath() const { return m_loadingPath; }

    // Options for every later load; without them the user's settings apply (threads, cache).
    void setLoadOptions(const LoadOptions &options) { m_options = options; }
    LoadOptions effectiveLoadOptions() const;
    QString cacheDir() const;

public Q_SLOTS:
    // A file, a folder, or cinetune::kSamplePath. Cancels a load that is still running.
    void load(const QString &path);
    void cancelLoad();
    // Deletes the binary dataset cache in the background; reports through cacheCleared().
    void clearCache();

Q_SIGNALS:
    void loadStarted(const QString &path);
    void loadingChanged(bool loading);
    void datasetChanged(); // current() is a new dataset
    void loadFailed(const QString &path, const cinetune::Error &error);
    void loadCanceled(const QString &path);
    void cacheCleared(bool ok, const QString &message);

private:
    void onLoadFinished(const QFuture<LoadOutcome> &future, quint64 generation, const QString &path);
    // Freeing a large dataset unmaps gigabytes: do it on a worker once the views have let go.
    void retire(LoadedDatasetPtr dataset);
    void reapRetired();

    BackgroundTasks *m_tasks;
    std::optional<LoadOptions> m_options;
    LoadedDatasetPtr m_current;
    QFuture<LoadOutcome> m_loadingFuture; // valid while m_loadingGeneration != 0
    quint64 m_loadingGeneration = 0;
    quint64 m_nextGeneration = 1;
    QString m_loadingPath;
    std::vector<LoadedDatasetPtr> m_retired;
    QTimer m_reaper;
};

} // namespace cinetune::ui
