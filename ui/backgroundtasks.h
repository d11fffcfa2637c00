#pragma once

#include <QFuture>
#include <QList>
#include <QObject>
#include <QString>

#include <vector>

template<typename T>
class QFutureWatcher;

namespace cinetune::ui {

// Tracks the application's long-running work (QFutures started with QtConcurrent::run and a
// QPromise) so the status bar can show text, progress and a Cancel button for each of them.
// Owners keep their own QFutureWatcher for results; this class only observes.
class BackgroundTasks final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackgroundTasks)

public:
    struct Task
    {
        int id = 0;
        QString title;     // "Loading dataset"
        QString text;      // the worker's current phase, "Parsing ratings"
        int minimum = 0;   // minimum == maximum: progress unknown (busy indicator)
        int maximum = 0;
        int value = 0;
        bool cancelRequested = false;
    };

    explicit BackgroundTasks(QObject *parent = nullptr);
    ~BackgroundTasks() override; // requests cancellation of everything still running

    template<typename T>
    int track(const QFuture<T> &future, const QString &title)
    {
        return trackFuture(QFuture<void>(future), title);
    }

    QList<Task> tasks() const; // oldest first
    int count() const { return static_cast<int>(m_entries.size()); }
    bool contains(int id) const;

public Q_SLOTS:
    void cancel(int id);
    void cancelAll();

Q_SIGNALS:
    void taskAdded(int id);
    void taskUpdated(int id);
    void taskFinished(int id);
    void changed(); // after any of the above

private:
    struct Entry
    {
        Task task;
        QFutureWatcher<void> *watcher = nullptr;
    };

    int trackFuture(QFuture<void> future, const QString &title);
    Entry *find(int id);
    void onFinished(int id);

    std::vector<Entry> m_entries;
    int m_nextId = 1;
};

} // namespace cinetune::ui
