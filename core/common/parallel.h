#pragma once

#include <QThread>

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace cinetune {

inline int resolveThreads(int requested)
{
    return requested > 0 ? requested : std::max(1, QThread::idealThreadCount());
}

// Runs fn(task, worker) for task in [0, tasks) on `threads` workers (the calling thread is
// worker 0), handing out tasks in order through an atomic counter. An exception in a task is
// rethrown on the calling thread after all workers stopped.
template<typename Fn>
void parallelFor(int threads, std::size_t tasks, Fn &&fn)
{
    threads = std::max(1, std::min<int>(threads, static_cast<int>(std::max<std::size_t>(tasks, 1))));
    std::atomic<std::size_t> next{0};
    std::exception_ptr error;
    std::mutex errorMutex;
    auto work = [&](int worker) {
        try {
            for (std::size_t t = next.fetch_add(1); t < tasks; t = next.fetch_add(1))
                fn(t, worker);
        } catch (...) {
            std::lock_guard lock(errorMutex);
            if (!error)
                error = std::current_exception();
            next.store(tasks);
        }
    };
    std::vector<std::thread> pool;
    pool.reserve(static_cast<std::size_t>(threads - 1));
    for (int w = 1; w < threads; ++w)
        pool.emplace_back(work, w);
    work(0);
    for (auto &t : pool)
        t.join();
    if (error)
        std::rethrow_exception(error);
}

} // namespace cinetune
