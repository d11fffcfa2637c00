#pragma once

#include <cstddef>
#include <memory>
#include <span>
#include <vector>

namespace cinetune {

// A read-only array that either owns its elements (a vector) or views memory kept alive by an
// owner (e.g. a memory-mapped binary cache). Copies share the storage.
template<typename T>
class Column
{
public:
    Column() = default;

    static Column fromVector(std::vector<T> &&v)
    {
        auto holder = std::make_shared<std::vector<T>>(std::move(v));
        Column c;
        c.m_data = holder->data();
        c.m_size = holder->size();
        c.m_owner = std::move(holder);
        return c;
    }

    static Column view(std::shared_ptr<const void> owner, const T *data, std::size_t size)
    {
        Column c;
        c.m_owner = std::move(owner);
        c.m_data = data;
        c.m_size = size;
        return c;
    }

    std::span<const T> span() const { return {m_data, m_size}; }
    std::span<const T> span(std::size_t offset, std::size_t count) const { return {m_data + offset, count}; }
    const T &operator[](std::size_t i) const { return m_data[i]; }
    const T *data() const { return m_data; }
    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }

private:
    std::shared_ptr<const void> m_owner;
    const T *m_data = nullptr;
    std::size_t m_size = 0;
};

} // namespace cinetune
