#pragma once

#include "core/common/result.h"

#include <QString>

#include <cstddef>
#include <cstdint>
#include <memory>

namespace cinetune {

// A read-only memory map of a whole file. Pages that have been parsed can be released with
// release() so a 2 GB file never sits in the process' resident set at once.
//
// A file that shrinks while it is mapped would kill the process with SIGBUS on the first read
// past its new end. While a MappedFile is watched (from open() until stopWatching() or its end),
// a process-wide SIGBUS handler replaces the missing page with a page of zeros and marks the
// file as changed; readers check changed() when they are done and fail instead of using what they
// read. Any thread may fault; the handler only touches lock-free state. A SIGBUS at any other
// address goes to the handler installed before (ASan's, or the default action).
class MappedFile
{
public:
    MappedFile() = default;
    MappedFile(const MappedFile &) = delete;
    MappedFile &operator=(const MappedFile &) = delete;
    MappedFile(MappedFile &&other) noexcept;
    MappedFile &operator=(MappedFile &&other) noexcept;
    ~MappedFile();

    static Result<MappedFile> open(const QString &path, bool populate = false);

    const char *data() const { return m_data; }
    std::size_t size() const { return m_size; }
    const QString &path() const { return m_path; }
    // Drops the pages of [offset, offset + length) from this process (they stay in the page cache).
    void release(std::size_t offset, std::size_t length) const;
    // True if a read hit a page past the file's end (see above) or the file is no longer the one
    // that was opened (another inode, size or modification time).
    bool changed() const;
    // Stops the SIGBUS watch: a later shrink of the file ends the process as without it (for a
    // mapping kept for long, such as a verified cache file, where zeros would be silent damage).
    void stopWatching();

private:
    void unwatch();

    QString m_path;
    const char *m_data = nullptr;
    std::size_t m_size = 0;
    int m_slot = -1; // watch slot, -1 when not watched
    std::uint64_t m_dev = 0;
    std::uint64_t m_ino = 0;
    std::int64_t m_mtimeNs = 0;
};

// Anonymous memory for large arrays: untouched pages cost nothing, and freeing returns the
// memory to the system at once (unlike the heap, whose freed blocks may stay resident).
template<typename T>
class BigArray
{
public:
    BigArray() = default;
    explicit BigArray(std::size_t capacity) { allocate(capacity); }
    BigArray(const BigArray &) = delete;
    BigArray &operator=(const BigArray &) = delete;
    BigArray(BigArray &&o) noexcept { swap(o); }
    BigArray &operator=(BigArray &&o) noexcept
    {
        BigArray tmp(std::move(o));
        swap(tmp);
        return *this;
    }
    ~BigArray() { reset(); }

    void allocate(std::size_t capacity);
    void reset();
    // Sets the logical size (<= capacity) without touching memory.
    void setSize(std::size_t n) { m_size = n; }
    void push_back(const T &v) { m_data[m_size++] = v; }
    T *data() { return m_data; }
    const T *data() const { return m_data; }
    std::size_t size() const { return m_size; }
    std::size_t capacity() const { return m_capacity; }
    T &operator[](std::size_t i) { return m_data[i]; }
    const T &operator[](std::size_t i) const { return m_data[i]; }
    // Returns the unused tail pages to the system.
    void shrinkToFit();

    void swap(BigArray &o) noexcept
    {
        std::swap(m_data, o.m_data);
        std::swap(m_size, o.m_size);
        std::swap(m_capacity, o.m_capacity);
    }

private:
    T *m_data = nullptr;
    std::size_t m_size = 0;
    std::size_t m_capacity = 0;
};

namespace detail {
void *mapAnonymous(std::size_t bytes);
void unmapAnonymous(void *p, std::size_t bytes);
void releaseTail(void *p, std::size_t usedBytes, std::size_t totalBytes);
} // namespace detail

template<typename T>
void BigArray<T>::allocate(std::size_t capacity)
{
    reset();
    if (capacity == 0)
        return;
    m_data = static_cast<T *>(detail::mapAnonymous(capacity * sizeof(T)));
    m_capacity = capacity;
}

template<typename T>
void BigArray<T>::reset()
{
    if (m_data)
        detail::unmapAnonymous(m_data, m_capacity * sizeof(T));
    m_data = nullptr;
    m_size = m_capacity = 0;
}

template<typename T>
void BigArray<T>::shrinkToFit()
{
    if (m_data)
        detail::releaseTail(m_data, m_size * sizeof(T), m_capacity * sizeof(T));
}

} // namespace cinetune
