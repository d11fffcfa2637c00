#include "mappedmemory.h"

#include <QCoreApplication>
#include <QFile>

#include <cerrno>
#include <cstring>
#include <new>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cinetune {

namespace {
std::size_t pageSize()
{
    static const std::size_t size = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    return size;
}
} // namespace

MappedFile::MappedFile(MappedFile &&other) noexcept
{
    *this = std::move(other);
}

MappedFile &MappedFile::operator=(MappedFile &&other) noexcept
{
    if (this != &other) {
        if (m_data && m_size)
            ::munmap(const_cast<char *>(m_data), m_size);
        m_path = std::move(other.m_path);
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
    }
    return *this;
}

MappedFile::~MappedFile()
{
    if (m_data && m_size)
        ::munmap(const_cast<char *>(m_data), m_size);
}

Result<MappedFile> MappedFile::open(const QString &path, bool populate)
{
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return makeError(QStringLiteral("io"), QCoreApplication::translate("cinetune", "%1: cannot open: %2")
                                                   .arg(path, QString::fromLocal8Bit(std::strerror(errno))));
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return makeError(QStringLiteral("io"),
                         QCoreApplication::translate("cinetune", "%1: not a regular file").arg(path));
    }
    MappedFile f;
    f.m_path = path;
    f.m_size = static_cast<std::size_t>(st.st_size);
    if (f.m_size > 0) {
        void *p = ::mmap(nullptr, f.m_size, PROT_READ, MAP_PRIVATE | (populate ? MAP_POPULATE : 0), fd, 0);
        if (p == MAP_FAILED) {
            const int e = errno;
            ::close(fd);
            return makeError(QStringLiteral("io"), QCoreApplication::translate("cinetune", "%1: cannot map: %2")
                                                       .arg(path, QString::fromLocal8Bit(std::strerror(e))));
        }
        ::madvise(p, f.m_size, MADV_SEQUENTIAL);
        f.m_data = static_cast<const char *>(p);
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
