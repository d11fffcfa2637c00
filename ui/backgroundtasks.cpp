#include "backgroundtasks.h"

#include <QFutureWatcher>

#include <algorithm>

namespace cinetune::ui {

BackgroundTasks::BackgroundTasks(QObject *parent) : QObject(parent) {}

BackgroundTasks::~BackgroundTasks()
{
    for (Entry &e : m_entries)
        e.watcher->future().cancel();
}

int BackgroundTasks::trackFuture(QFuture<void> future, const QString &title)
{
    const int id = m_nextId++;
    auto *watcher = new QFutureWatcher<void>(this);
    Entry entry;
    entry.task.id = id;
    entry.task.title = title;
    entry.watcher = watcher;
    m_entries.push_back(entry);

    connect(watcher, &QFutureWatcherBase::progressRangeChanged, this, [this, id](int minimum, int maximum) {
        if (Entry *e = find(id)) {
            e->task.minimum = minimum;
            e->task.maximum = maximum;
            Q_EMIT taskUpdated(id);
            Q_EMIT changed();
        }
    });
    connect(watcher, &QFutureWatcherBase::progressValueChanged, this, [this, id](int value) {
        if (Entry *e = find(id)) {
            e->task.value = value;
            Q_EMIT taskUpdated(id);
            Q_EMIT changed();
        }
    });
    connect(watcher, &QFutureWatcherBase::progressTextChanged, this, [this, id](const QString &text) {
        if (Entry *e = find(id)) {
            e->task.text = text;
            Q_EMIT taskUpdated(id);
            Q_EMIT changed();
        }
    });
    connect(watcher, &QFutureWatcherBase::finished, this, [this, id] { onFinished(id); });

    Q_EMIT taskAdded(id);
    Q_EMIT changed();
    // Set last: a future that has already finished reports finished() from the event loop.
    watcher->setFuture(future);
    return id;
}

QList<BackgroundTasks::Task> BackgroundTasks::tasks() const
{
    QList<Task> out;
    out.reserve(count());
    for (const Entry &e : m_entries)
        out << e.task;
    return out;
}

bool BackgroundTasks::contains(int id) const
{
    return std::any_of(m_entries.begin(), m_entries.end(), [id](const Entry &e) { return e.task.id == id; });
}

BackgroundTasks::Entry *BackgroundTasks::find(int id)
{
    auto it = std::find_if(m_entries.begin(), m_entries.end(), [id](const Entry &e) { return e.task.id == id; });
    return it == m_entries.end() ? nullptr : &*it;
}

void BackgroundTasks::cancel(int id)
{
    if (Entry *e = find(id)) {
        e->task.cancelRequested = true;
        e->watcher->future().cancel();
        Q_EMIT taskUpdated(id);
        Q_EMIT changed();
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
    it->watcher->deleteLater();
    m_entries.erase(it);
    Q_EMIT taskFinished(id);
    Q_EMIT changed();
}

} // namespace cinetune::ui
