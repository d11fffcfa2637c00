#include "core/finetune/ranktable.h"

#include "core/common/tr.h"

#include <QCoreApplication>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <utility>

namespace cinetune {

namespace {

constexpr std::size_t kLinearMergeMax = 128; // longer pieces use the heap merge

} // namespace

Result<std::shared_ptr<const RankTable>> RankTable::parse(const QByteArray &bytes, const QString &name)
{
    constexpr std::uint32_t kMaxRank = 1u << 24;
    std::vector<std::pair<std::uint32_t, QByteArray>> entries;
    entries.reserve(static_cast<std::size_t>(bytes.count('\n')) + 1);
    qsizetype pos = 0;
    qsizetype lineNo = 0;
    while (pos < bytes.size()) {
        qsizetype eol = bytes.indexOf('\n', pos);
        if (eol < 0)
            eol = bytes.size();
        ++lineNo;
        const QByteArrayView line = QByteArrayView(bytes).sliced(pos, eol - pos).trimmed();
        pos = eol + 1;
        if (line.isEmpty())
            continue;
        const qsizetype space = line.indexOf(' ');
        const auto bad = [&](const QString &what) {
            return makeError(errc::FineTune::TokenizerFormat, tr("%1:%2: %3").arg(name, QString::number(lineNo), what));
        };
        if (space <= 0)
            return bad(tr("expected \"<base64 token> <rank>\""));
        const auto decoded = QByteArray::fromBase64Encoding(line.first(space).toByteArray(),
                                                            QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded || decoded.decoded.isEmpty())
            return bad(tr("expected a base64 token, found \"%1\"").arg(QString::fromLatin1(line.first(space))));
        bool ok = false;
        const qulonglong rank = line.sliced(space + 1).trimmed().toULongLong(&ok);
        if (!ok || rank >= kMaxRank)
            return bad(tr("expected a rank from 0 to %1").arg(kMaxRank - 1));
        entries.emplace_back(static_cast<std::uint32_t>(rank), decoded.decoded);
    }
    if (entries.empty())
        return makeError(errc::FineTune::TokenizerFormat, tr("%1: no tokens").arg(name));
    std::sort(entries.begin(), entries.end(), [](const auto &a, const auto &b) { return a.first < b.first; });

    auto table = std::make_shared<RankTable>();
    const std::uint32_t maxRank = entries.back().first;
    std::size_t blobSize = 0;
    for (const auto &e : entries)
        blobSize += static_cast<std::size_t>(e.second.size());
    table->m_blob.reserve(blobSize);
    table->m_begin.assign(static_cast<std::size_t>(maxRank) + 2, 0);
    std::size_t capacity = 1024;
    while (capacity < entries.size() * 5 / 2)
        capacity *= 2;
    table->m_slots.assign(capacity, Slot{});
    table->m_mask = capacity - 1;
    table->m_byteRank.fill(noRank);
    std::uint32_t nextRank = 0;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const auto &[rank, token] = entries[i];
        if (i > 0 && entries[i - 1].first == rank)
            return makeError(errc::FineTune::TokenizerFormat, tr("%1: rank %2 appears twice").arg(name, QString::number(rank)));
        for (; nextRank <= rank; ++nextRank)
            table->m_begin[nextRank] = static_cast<std::uint32_t>(table->m_blob.size()); // gaps are empty
        table->m_blob.insert(table->m_blob.end(), token.begin(), token.end());
        table->m_begin[rank + 1] = static_cast<std::uint32_t>(table->m_blob.size());
        nextRank = rank + 1;
        if (table->rank(token.constData(), static_cast<std::size_t>(token.size())) != noRank)
            return makeError(errc::FineTune::TokenizerFormat,
                             tr("%1: token of rank %2 appears twice").arg(name, QString::number(rank)));
        table->insert(rank);
        if (token.size() == 1)
            table->m_byteRank[static_cast<unsigned char>(token[0])] = rank;
    }
    table->m_count = entries.size();
    static std::atomic<std::uint64_t> nextId{1};
    table->m_id = nextId.fetch_add(1, std::memory_order_relaxed);
    for (std::uint32_t r : table->m_byteRank) {
        if (r == noRank)
            return makeError(errc::FineTune::TokenizerFormat,
                             tr("%1: not a byte-level encoding (a single byte has no rank)").arg(name));
    }
    return std::shared_ptr<const RankTable>(std::move(table));
}

void RankTable::insert(std::uint32_t rank)
{
    const std::string_view key = bytes(rank);
    const std::uint64_t h = hash(key.data(), key.size());
    for (std::uint64_t i = h & m_mask;; i = (i + 1) & m_mask) {
        if (m_slots[i].rank == noRank) {
            m_slots[i] = Slot{head(key.data(), key.size()), rank, static_cast<std::uint32_t>(key.size())};
            return;
        }
    }
}

std::string_view RankTable::bytes(std::uint32_t rank) const
{
    if (static_cast<std::size_t>(rank) + 1 >= m_begin.size())
        return {};
    const std::uint32_t b = m_begin[rank];
    return {m_blob.data() + b, m_begin[rank + 1] - b};
}

void RankTable::mergePiece(std::string_view piece, std::vector<std::uint32_t> &out, Scratch &scratch) const
{
    if (piece.empty())
        return;
    if (piece.size() == 1) {
        out.push_back(m_byteRank[static_cast<unsigned char>(piece[0])]);
        return;
    }
    if (piece.size() <= kLinearMergeMax)
        mergeLinear(piece, out, scratch);
    else
        mergeHeap(piece, out, scratch);
}

// tiktoken's _byte_pair_merge: parts[i] = (start of part i, rank of part i merged with part i+1).
void RankTable::mergeLinear(std::string_view piece, std::vector<std::uint32_t> &out, Scratch &scratch) const
{
    const std::size_t n = piece.size();
    auto &start = scratch.start;
    auto &rk = scratch.rank;
    start.resize(n + 1);
    rk.resize(n + 1);
    for (std::size_t i = 0; i + 1 < n; ++i) {
        start[i] = i;
        rk[i] = rank(piece.data() + i, 2);
    }
    start[n - 1] = n - 1;
    rk[n - 1] = noRank;
    start[n] = n;
    rk[n] = noRank;
    std::size_t parts = n + 1;
    const auto pairRank = [&](std::size_t i) {
        return i + 3 < parts ? rank(piece.data() + start[i], start[i + 3] - start[i]) : noRank;
    };
    for (;;) {
        std::uint32_t minRank = noRank;
        std::size_t minIndex = 0;
        for (std::size_t i = 0; i + 1 < parts; ++i) {
            if (rk[i] < minRank) {
                minRank = rk[i];
                minIndex = i;
            }
        }
        if (minRank == noRank)
            break;
        const std::size_t i = minIndex;
        if (i > 0)
            rk[i - 1] = pairRank(i - 1);
        rk[i] = pairRank(i);
        std::copy(start.begin() + static_cast<std::ptrdiff_t>(i) + 2, start.begin() + static_cast<std::ptrdiff_t>(parts),
                  start.begin() + static_cast<std::ptrdiff_t>(i) + 1);
        std::copy(rk.begin() + static_cast<std::ptrdiff_t>(i) + 2, rk.begin() + static_cast<std::ptrdiff_t>(parts),
                  rk.begin() + static_cast<std::ptrdiff_t>(i) + 1);
        --parts;
    }
    for (std::size_t i = 0; i + 1 < parts; ++i)
        out.push_back(rank(piece.data() + start[i], start[i + 1] - start[i]));
}

// The same merge order in O(n log n) for long pieces: a min-heap of (rank, position) over the
// current adjacent pairs, with stale entries skipped by a per-node version.
void RankTable::mergeHeap(std::string_view piece, std::vector<std::uint32_t> &out, Scratch &scratch) const
{
    const auto n = static_cast<std::uint32_t>(piece.size());
    constexpr std::uint32_t dead = 0xFFFFFFFFu;
    auto &next = scratch.next;
    auto &prev = scratch.prev;
    auto &version = scratch.version;
    auto &heap = scratch.heap;
    next.resize(n + 1);
    prev.resize(n + 1);
    version.assign(n + 1, 0);
    heap.clear();
    for (std::uint32_t i = 0; i <= n; ++i) {
        next[i] = i < n ? i + 1 : n;
        prev[i] = i > 0 ? i - 1 : dead;
    }
    const auto greater = [](const Scratch::Entry &a, const Scratch::Entry &b) {
        return a.rank != b.rank ? a.rank > b.rank : a.node > b.node;
    };
    const auto pairRank = [&](std::uint32_t i) {
        const std::uint32_t j = next[i];
        if (j >= n)
            return noRank;
        return rank(piece.data() + i, next[j] - i);
    };
    const auto push = [&](std::uint32_t i) {
        const std::uint32_t r = pairRank(i);
        if (r != noRank) {
            heap.push_back({r, i, version[i]});
            std::push_heap(heap.begin(), heap.end(), greater);
        }
    };
    for (std::uint32_t i = 0; i + 1 < n; ++i)
        push(i);
    while (!heap.empty()) {
        std::pop_heap(heap.begin(), heap.end(), greater);
        const Scratch::Entry e = heap.back();
        heap.pop_back();
        if (version[e.node] != e.version)
            continue; // stale, or the node was merged away
        const std::uint32_t i = e.node;
        const std::uint32_t j = next[i];
        next[i] = next[j];
        if (next[j] < n)
            prev[next[j]] = i;
        version[j] = dead;
        ++version[i];
        push(i);
        if (prev[i] != dead) {
            ++version[prev[i]];
            push(prev[i]);
        }
    }
    for (std::uint32_t i = 0; i < n; i = next[i])
        out.push_back(rank(piece.data() + i, next[i] - i));
}

} // namespace cinetune
