#pragma once

#include "core/dataset/datasetsource.h"
#include "core/dataset/parsedchunk.h"

#include <atomic>
#include <cstdint>
#include <memory>

namespace cinetune {

// A set of ids seen, as a bitmap over the whole uint32 range in lazily-committed memory (only
// the pages of ids that occur are ever touched). Safe to mark from several threads.
class IdBitmap
{
public:
    IdBitmap();
    void mark(std::uint32_t id)
    {
        std::uint64_t &w = m_words[id >> 6];
        const std::uint64_t bit = std::uint64_t{1} << (id & 63);
        std::atomic_ref<std::uint64_t> ref(w);
        if (!(ref.load(std::memory_order_relaxed) & bit))
            ref.fetch_or(bit, std::memory_order_relaxed);
    }
    void noteMax(std::uint32_t id)
    {
        std::uint32_t cur = m_max.load(std::memory_order_relaxed);
        while (id > cur && !m_max.compare_exchange_weak(cur, id, std::memory_order_relaxed)) {
        }
        m_any.store(true, std::memory_order_relaxed);
    }
    bool any() const { return m_any.load(); }
    std::uint32_t maxId() const { return m_max.load(); }
    // Builds the rank directory; afterwards rank(id) gives the dense index of a marked id.
    void buildRanks();
    std::uint32_t count() const { return m_count; }
    std::uint32_t rank(std::uint32_t id) const
    {
        const std::uint64_t w = m_words[id >> 6];
        const std::uint64_t mask = (std::uint64_t{1} << (id & 63)) - 1;
        return m_prefix[id >> 6] + static_cast<std::uint32_t>(__builtin_popcountll(w & mask));
    }
    bool contains(std::uint32_t id) const { return (m_words[id >> 6] >> (id & 63)) & 1u; }
    // Marked ids in ascending order.
    std::vector<std::uint32_t> ids() const;

private:
    BigArray<std::uint64_t> m_words;
    std::unique_ptr<std::uint32_t[]> m_prefix; // every element written by buildRanks()
    std::atomic<std::uint32_t> m_max{0};
    std::atomic<bool> m_any{false};
    std::uint32_t m_count = 0;
};

// One byte range of one file to parse. A range always starts at the beginning of a line (and,
// for Netflix block files, at a "MovieID:" header or the start of the file).
struct ByteRange
{
    int file;
    std::size_t begin;
    std::size_t end;
};

struct ParseContext
{
    DatasetFormat format;
    const std::vector<MappedFile> *files;
    IdBitmap *users;  // only the largest id is noted while parsing; buildStore marks them
    IdBitmap *movies; // per-rating formats only
};

// Upper bound of ratings in `bytes` of a format (for reserving virtual capacity).
std::size_t maxRatingsIn(DatasetFormat format, std::size_t bytes);
// Splits the files into ranges of about `target` bytes at boundaries the format allows.
std::vector<std::vector<ByteRange>> planChunks(DatasetFormat format, const std::vector<MappedFile> &files, std::size_t target);
// Parses ranges into one chunk. Stops at the first problem (recorded in chunk.problem).
void parseRanges(const ParseContext &ctx, const std::vector<ByteRange> &ranges, ParsedChunk &chunk);

// Text describing what was found at `p` for an error message: the token up to the next
// separator or line end, escaped and shortened; "end of line" / "end of file" when empty.
QString describeFound(const char *p, const char *end);
// The size of `data` without the blank lines (nothing but spaces, tabs and CR) at its end, which
// real files often have; the last line keeps its own line end.
std::size_t endWithoutBlankLines(const char *data, std::size_t size);
// 1-based line number of byte `offset` in `data`.
std::uint64_t lineNumberAt(const char *data, std::size_t offset);

} // namespace cinetune
