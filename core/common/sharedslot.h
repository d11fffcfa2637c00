#pragma once

#include <memory>
#include <mutex>
#include <utility>

namespace cinetune {

// One shared, immutable value that is filled in once somebody has computed it and read from any
// thread: e.g. an index derived from a dataset, held by the object that owns the dataset so it
// lives and dies with it (instead of a cache elsewhere keyed by the dataset's address, which a
// later dataset can reuse after the first one is freed).
template<typename T>
class SharedSlot
{
public:
    SharedSlot() = default;
    SharedSlot(const SharedSlot &) = delete;
    SharedSlot &operator=(const SharedSlot &) = delete;

    std::shared_ptr<const T> get() const
    {
        std::lock_guard lock(m_mutex);
        return m_value;
    }
    void set(std::shared_ptr<const T> value)
    {
        std::lock_guard lock(m_mutex);
        m_value = std::move(value);
    }

private:
    mutable std::mutex m_mutex;
    std::shared_ptr<const T> m_value;
};

} // namespace cinetune
