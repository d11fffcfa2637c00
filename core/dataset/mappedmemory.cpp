#include "core/dataset/mappedmemory.h"

#include <QCoreApplication>
#include <QFile>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <mutex>
#include <new>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace cinetune {

namespace {
std::size_t pageSize()
{
    static const std::size_t size = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    return size;
}

// The watched mappings, read by the SIGBUS handler: fixed slots of atomics, no locks.
struct WatchSlot
{
    std::atomic<bool> claimed{false};
    std::atomic<bool> active{false};
    std::atomic<std::uintptr_t> begin{0};
    std::atomic<std::uintptr_t> end{0};
    std::atomic<bool> faulted{false};
};
// Enough for every file of the Netflix training_set/ layout (17,770) mapped at once.
constexpr int kWatchSlots = 1 << 15;
WatchSlot g_slots[kWatchSlots];
std::atomic<unsigned> g_nextSlot{0};
std::uintptr_t g_pageMask = 0;
struct sigaction g_previous
{};

void onSigbus(int sig, siginfo_t *info, void *context)
{
    const auto addr = reinterpret_cast<std::uintptr_t>(info->si_addr);
    for (WatchSlot &w : g_slots) {
        if (!w.active.load(std::memory_order_acquire))
            continue;
        if (addr < w.begin.load(std::memory_order_relaxed) || addr >= w.end.load(std::memory_order_relaxed))
            continue;
        // A page of zeros where the file's page was; the read is then retried and succeeds.
        // The raw system call: nothing in between (libc, a sanitizer's interceptor) to trust.
        const long r = ::syscall(SYS_mmap, addr & g_pageMask, ~g_pageMask + 1, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
                                 -1, 0);
        if (r != -1) {
            w.faulted.store(true, std::memory_order_relaxed);
            return;
        }
        break;
    }
    // Not a watched file: whatever was there before.
    if (g_previous.sa_flags & SA_SIGINFO) {
        if (g_previous.sa_sigaction) {
            g_previous.sa_sigaction(sig, info, context);
            return;
        }
    } else if (g_previous.sa_handler != SIG_DFL && g_previous.sa_handler != SIG_IGN) {
        g_previous.sa_handler(sig);
        return;
    }
    // The default action: restore it; returning repeats the access, which then ends the process.
    struct sigaction dfl
    {};
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    ::sigaction(SIGBUS, &dfl, nullptr);
}

void installSigbusHandler()
{
    static std::once_flag once;
    std::call_once(once, [] {
        g_pageMask = ~static_cast<std::uintptr_t>(pageSize() - 1);
        struct sigaction sa
        {};
        sa.sa_sigaction = &onSigbus;
        sa.sa_flags = SA_SIGINFO | SA_NODEFER;
        sigemptyset(&sa.sa_mask);
        ::sigaction(SIGBUS, &sa, &g_previous);
    });
}

int watch(const char *data, std::size_t size)
{
    installSigbusHandler();
    const unsigned start = g_nextSlot.fetch_add(1, std::memory_order_relaxed);
    for (unsigned k = 0; k < kWatchSlots; ++k) {
        const int i = static_cast<int>((start + k) % kWatchSlots);
        WatchSlot &w = g_slots[i];
        bool expected = false;
        if (w.claimed.load(std::memory_order_relaxed) || !w.claimed.compare_exchange_strong(expected, true))
            continue;
        w.begin.store(reinterpret_cast<std::uintptr_t>(data), std::memory_order_relaxed);
        w.end.store(reinterpret_cast<std::uintptr_t>(data) + size, std::memory_order_relaxed);
        w.faulted.store(false, std::memory_order_relaxed);
        w.active.store(true, std::memory_order_release);
        return i;
    }
    return -1; // all slots taken: this file is read unwatched (a shrink would end the process)
}

std::int64_t mtimeNs(const struct stat &st)
{
    return static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
}
} // namespace

MappedFile::MappedFile(MappedFile &&other) noexcept
{
    *this = std::move(other);
}

MappedFile &MappedFile::operator=(MappedFile &&other) noexcept
{
    if (this != &other) {
        unwatch();
        if (m_data && m_size)
            ::munmap(const_cast<char *>(m_data), m_size);
        m_path = std::move(other.m_path);
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
        m_slot = std::exchange(other.m_slot, -1);
        m_dev = other.m_dev;
        m_ino = other.m_ino;
        m_mtimeNs = other.m_mtimeNs;
    }
    return *this;
}

MappedFile::~MappedFile()
{
    unwatch();
    if (m_data && m_size)
        ::munmap(const_cast<char *>(m_data), m_size);
}

void MappedFile::unwatch()
{
    if (m_slot < 0)
        return;
    WatchSlot &w = g_slots[m_slot];
    w.active.store(false, std::memory_order_release);
    w.claimed.store(false, std::memory_order_release);
    m_slot = -1;
}

void MappedFile::stopWatching()
{
    unwatch();
}

bool MappedFile::changed() const
{
    if (m_slot >= 0 && g_slots[m_slot].faulted.load(std::memory_order_relaxed))
        return true;
    struct stat st
    {};
    if (::stat(QFile::encodeName(m_path).constData(), &st) != 0)
        return true;
    return static_cast<std::uint64_t>(st.st_dev) != m_dev || static_cast<std::uint64_t>(st.st_ino) != m_ino
        || static_cast<std::size_t>(st.st_size) != m_size || mtimeNs(st) != m_mtimeNs;
}

Result<MappedFile> MappedFile::open(const QString &path, bool populate)
{
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return makeError(errc::General::Io,
                         QCoreApplication::translate("cinetune", "%1: cannot open: %2")
                             .arg(path, QString::fromLocal8Bit(std::strerror(errno))));
    struct stat st
    {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return makeError(errc::General::Io, QCoreApplication::translate("cinetune", "%1: not a regular file").arg(path));
    }
    MappedFile f;
    f.m_path = path;
    f.m_size = static_cast<std::size_t>(st.st_size);
    f.m_dev = static_cast<std::uint64_t>(st.st_dev);
    f.m_ino = static_cast<std::uint64_t>(st.st_ino);
    f.m_mtimeNs = mtimeNs(st);
    if (f.m_size > 0) {
        void *p = ::mmap(nullptr, f.m_size, PROT_READ, MAP_PRIVATE | (populate ? MAP_POPULATE : 0), fd, 0);
        if (p == MAP_FAILED) {
            const int e = errno;
            ::close(fd);
            return makeError(errc::General::Io,
                             QCoreApplication::translate("cinetune", "%1: cannot map: %2")
                                 .arg(path, QString::fromLocal8Bit(std::strerror(e))));
        }
        f.m_data = static_cast<const char *>(p);
        f.m_slot = watch(f.m_data, f.m_size);
        ::madvise(p, f.m_size, MADV_SEQUENTIAL);
    }
    ::close(fd);
    return f;
}

void MappedFile::release(std::size_t offset, std::size_t length) const
{
    if (!m_data || length == 0)
        return;
    const std::size_t ps = pageSize();
    std::size_t begin = (offset + ps - 1) / ps * ps; // only whole pages inside the range
    std::size_t end = (offset + length) / ps * ps;
    if (offset + length >= m_size)
        end = (m_size + ps - 1) / ps * ps;
    if (end > begin)
        ::madvise(const_cast<char *>(m_data) + begin, end - begin, MADV_DONTNEED);
}

namespace detail {

void *mapAnonymous(std::size_t bytes)
{
    void *p = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED)
        throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
    // Large arrays are written in random order while building the indices: huge pages cut the
    // TLB misses of those scatters several-fold.
    static const bool huge = !qEnvironmentVariableIsSet("CINETUNE_NO_HUGEPAGES");
    if (huge && bytes >= (std::size_t{8} << 20))
        ::madvise(p, bytes, MADV_HUGEPAGE);
#endif
    return p;
}

void unmapAnonymous(void *p, std::size_t bytes)
{
    ::munmap(p, bytes);
}

void releaseTail(void *p, std::size_t usedBytes, std::size_t totalBytes)
{
    const std::size_t ps = pageSize();
    const std::size_t begin = (usedBytes + ps - 1) / ps * ps;
    const std::size_t end = (totalBytes + ps - 1) / ps * ps;
    if (end > begin)
        ::madvise(static_cast<char *>(p) + begin, end - begin, MADV_DONTNEED);
}

} // namespace detail
} // namespace cinetune
