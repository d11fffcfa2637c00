#pragma once

#include <QFuture>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <optional>
#include <utility>
#include <vector>

template<typename T>
class QFutureWatcher;

namespace cinetune::ui {

// The one path for the application's background work: futures started with QtConcurrent::run
// (usually with a QPromise and PromiseProgress) are run through here, so the status bar shows
// their text, progress and a Cancel button, and their owner gets the finished future back on the
// GUI thread. Nobody else keeps a QFutureWatcher.
class BackgroundTasks final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackgroundTasks)

public:
    struct Task
    {
        int id = 0;
        QString title;   // "Loading dataset"
        QString text;    // the worker's current phase, "Parsing ratings"
        int minimum = 0; // minimum == maximum: progress unknown (busy indicator)
        int maximum = 0;
        int value = 0;
        bool cancelRequested = false;
    };

    // When a task appears in the status bar: at once, or only once it has taken longer than
    // kQuietMs (previews, estimates and scores that usually take a moment).
    enum class Show {
        Now,
        IfSlow
    };
    static constexpr int kQuietMs = 300;

    explicit BackgroundTasks(QObject *parent = nullptr);
    ~BackgroundTasks() override; // requests cancellation of everything still running

    // Shows `future` in the status bar and, once it has finished (or was canceled), calls
    // `done(future)` on the GUI thread unless `context` is gone by then. Returns the task's id
    // (for cancel(), task() and taskUpdated()).
    template<typename T, typename Done>
    int run(const QFuture<T> &future, const QString &title, QObject *context, Done &&done, Show show = Show::Now)
    {
        return trackFuture(
            QFuture<void>(future), title, context, [future, done = std::forward<Done>(done)]() mutable { done(future); }, show);
    }

    // Shows `future` without a completion callback (the owner learns of the end otherwise).
    template<typename T>
    int track(const QFuture<T> &future, const QString &title)
    {
        return trackFuture(QFuture<void>(future), title, nullptr, {}, Show::Now);
    }

    QList<Task> tasks() const; // the ones shown, oldest first
    int count() const;         // of tasks()
    // Any task running, shown or not yet shown.
    bool isBusy() const { return !m_entries.empty(); }
    bool contains(int id) const;
    std::optional<Task> task(int id) const;

public Q_SLOTS:
    void cancel(int id);
    void cancelAll();

Q_SIGNALS:
    void taskAdded(int id);
    void taskUpdated(int id);  // progress, text or a cancel request
    void taskFinished(int id); // after its owner's callback ran
    void changed();            // after any of the above

private:
    struct Entry
    {
        Task task;
        QFutureWatcher<void> *watcher = nullptr;
        QPointer<QObject> context;
        std::function<void()> done;
        bool shown = true;
    };

    int trackFuture(QFuture<void> future, const QString &title, QObject *context, std::function<void()> done, Show show);
    Entry *find(int id);
    const Entry *find(int id) const;
    void update(int id, const std::function<void(Task &)> &change);
    void onFinished(int id);

    std::vector<Entry> m_entries;
    int m_nextId = 1;
};

} // namespace cinetune::ui
