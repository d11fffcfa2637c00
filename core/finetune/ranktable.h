#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

namespace cinetune {

// The byte-pair ranks of a tiktoken encoding: token bytes <-> rank, with an open-addressing hash
// table tuned for short keys, and tiktoken's byte-pair merge. Immutable after parse().
class RankTable
{
    Q_DECLARE_TR_FUNCTIONS(cinetune::RankTable)

public:
    static constexpr std::uint32_t noRank = 0xFFFFFFFFu;

    // Parses "<base64 of the token's bytes> <rank>" lines. `name` prefixes error messages.
    static Result<std::shared_ptr<const RankTable>> parse(const QByteArray &bytes, const QString &name);

    std::uint32_t rank(const char *p, std::size_t n) const
    {
        return n == 1 ? m_byteRank[static_cast<unsigned char>(*p)] : rank(p, n, hash(p, n));
    }
    std::uint32_t rank(std::string_view s) const { return rank(s.data(), s.size()); }
    // With the key's hash() already computed (also usable as a key for caches of pieces).
    std::uint32_t rank(const char *p, std::size_t n, std::uint64_t hash) const
    {
        const std::uint64_t first = head(p, n);
        for (std::uint64_t i = hash & m_mask;; i = (i + 1) & m_mask) {
            const Slot &s = m_slots[i];
            if (s.rank == noRank)
                return noRank;
            if (s.head == first && s.size == n && (n <= 8 || std::memcmp(m_blob.data() + m_begin[s.rank] + 8, p + 8, n - 8) == 0))
                return s.rank;
        }
    }

    // A fast hash for short byte strings (8 bytes per step, then a final avalanche).
    static std::uint64_t hash(const char *p, std::size_t n)
    {
        std::uint64_t h = 0x9E3779B97F4A7C15ull ^ (static_cast<std::uint64_t>(n) * 0xFF51AFD7ED558CCDull);
        while (n >= 8) {
            std::uint64_t v;
            std::memcpy(&v, p, 8);
            h = (h ^ v) * 0xBF58476D1CE4E5B9ull;
            h ^= h >> 29;
            p += 8;
            n -= 8;
        }
        if (n > 0) {
            std::uint64_t v = 0;
            std::memcpy(&v, p, n);
            h = (h ^ v) * 0x94D049BB133111EBull;
        }
        h ^= h >> 32;
        h *= 0xD6E8FEB86659FD93ull;
        h ^= h >> 32;
        return h;
    }
    // The bytes of a token; empty for an unknown rank.
    std::string_view bytes(std::uint32_t rank) const;
    std::size_t size() const { return m_count; }
    // Unique per parsed table in this process (for caches keyed by table; addresses get reused).
    std::uint64_t id() const { return m_id; }

    // Scratch buffers for the merge, reused across pieces by one thread.
    struct Scratch
    {
        std::vector<std::size_t> start;
        std::vector<std::uint32_t> rank;
        std::vector<std::uint32_t> next, prev, version;
        struct Entry
        {
            std::uint32_t rank, node, version;
        };
        std::vector<Entry> heap;
    };

    // Byte-pair merge of one piece that is not itself a token (tiktoken's byte_pair_encode):
    // repeatedly merges the adjacent pair with the lowest rank, leftmost first. Appends the ids.
    void mergePiece(std::string_view piece, std::vector<std::uint32_t> &out, Scratch &scratch) const;

private:
    // The first 8 bytes of the token inline: most tokens compare without touching m_blob.
    struct Slot
    {
        std::uint64_t head = 0;
        std::uint32_t rank = noRank;
        std::uint32_t size = 0;
    };
    static std::uint64_t head(const char *p, std::size_t n)
    {
        std::uint64_t v = 0;
        std::memcpy(&v, p, n < 8 ? n : 8);
        return v;
    }

    void insert(std::uint32_t rank);
    void mergeLinear(std::string_view piece, std::vector<std::uint32_t> &out, Scratch &scratch) const;
    void mergeHeap(std::string_view piece, std::vector<std::uint32_t> &out, Scratch &scratch) const;

    std::vector<char> m_blob;           // every token's bytes, concatenated
    std::vector<std::uint32_t> m_begin; // per rank: offset into m_blob (size: maxRank + 2)
    std::vector<Slot> m_slots;
    std::uint64_t m_mask = 0;
    std::size_t m_count = 0;
    std::uint64_t m_id = 0;
    std::array<std::uint32_t, 256> m_byteRank{};
};

} // namespace cinetune
