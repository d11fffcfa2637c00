#include "ui/shell/backgroundtasks.h"

#include <QFutureWatcher>
#include <QTimer>

#include <algorithm>

namespace cinetune::ui {

BackgroundTasks::BackgroundTasks(QObject *parent)
    : QObject(parent)
{}

BackgroundTasks::~BackgroundTasks()
{
    for (Entry &e : m_entries)
        e.watcher->future().cancel();
}

int BackgroundTasks::trackFuture(QFuture<void> future, const QString &title, QObject *context, std::function<void()> done,
                                 Show show)
{
    const int id = m_nextId++;
    auto *watcher = new QFutureWatcher<void>(this);
    Entry entry;
    entry.task.id = id;
    entry.task.title = title;
    entry.watcher = watcher;
    entry.context = context;
    entry.done = std::move(done);
    entry.shown = show == Show::Now;
    m_entries.push_back(std::move(entry));

    connect(watcher, &QFutureWatcherBase::progressRangeChanged, this, [this, id](int minimum, int maximum) {
        update(id, [minimum, maximum](Task &t) {
            t.minimum = minimum;
            t.maximum = maximum;
        });
    });
    connect(watcher, &QFutureWatcherBase::progressValueChanged, this,
            [this, id](int value) { update(id, [value](Task &t) { t.value = value; }); });
    connect(watcher, &QFutureWatcherBase::progressTextChanged, this,
            [this, id](const QString &text) { update(id, [text](Task &t) { t.text = text; }); });
    connect(watcher, &QFutureWatcherBase::finished, this, [this, id] { onFinished(id); });

    if (show == Show::IfSlow) {
        QTimer::singleShot(kQuietMs, this, [this, id] {
            Entry *e = find(id);
            if (!e || e->shown)
                return;
            e->shown = true;
            Q_EMIT taskAdded(id);
            Q_EMIT changed();
        });
    } else {
        Q_EMIT taskAdded(id);
        Q_EMIT changed();
    }
    // Set last: a future that has already finished reports finished() from the event loop.
    watcher->setFuture(future);
    return id;
}

QList<BackgroundTasks::Task> BackgroundTasks::tasks() const
{
    QList<Task> out;
    for (const Entry &e : m_entries) {
        if (e.shown)
            out << e.task;
    }
    return out;
}

int BackgroundTasks::count() const
{
    return static_cast<int>(std::count_if(m_entries.begin(), m_entries.end(), [](const Entry &e) { return e.shown; }));
}

bool BackgroundTasks::contains(int id) const
{
    return find(id) != nullptr;
}

std::optional<BackgroundTasks::Task> BackgroundTasks::task(int id) const
{
    const Entry *e = find(id);
    return e ? std::optional<Task>(e->task) : std::nullopt;
}

BackgroundTasks::Entry *BackgroundTasks::find(int id)
{
    auto it = std::find_if(m_entries.begin(), m_entries.end(), [id](const Entry &e) { return e.task.id == id; });
    return it == m_entries.end() ? nullptr : &*it;
}

const BackgroundTasks::Entry *BackgroundTasks::find(int id) const
{
    auto it = std::find_if(m_entries.begin(), m_entries.end(), [id](const Entry &e) { return e.task.id == id; });
    return it == m_entries.end() ? nullptr : &*it;
}

void BackgroundTasks::update(int id, const std::function<void(Task &)> &change)
{
    Entry *e = find(id);
    if (!e)
        return;
    change(e->task);
    Q_EMIT taskUpdated(id);
    if (e->shown)
        Q_EMIT changed();
}

void BackgroundTasks::cancel(int id)
{
    if (Entry *e = find(id)) {
        e->watcher->future().cancel();
        update(id, [](Task &t) { t.cancelRequested = true; });
    }
}

void BackgroundTasks::cancelAll()
{
    std::vector<int> ids;
    for (const Entry &e : m_entries)
        ids.push_back(e.task.id);
    for (int id : ids)
        cancel(id);
}

void BackgroundTasks::onFinished(int id)
{
    auto it = std::find_if(m_entries.begin(), m_entries.end(), [id](const Entry &e) { return e.task.id == id; });
    if (it == m_entries.end())
        return;
    Entry entry = std::move(*it);
    m_entries.erase(it);
    entry.watcher->deleteLater();
    // The owner sees the result before anybody hears that the task is gone.
    if (entry.done && entry.context)
        entry.done();
    Q_EMIT taskFinished(id);
    if (entry.shown)
        Q_EMIT changed();
}

} // namespace cinetune::ui
