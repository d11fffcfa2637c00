#include "core/finetune/tokenizer.h"

#include "core/common/tr.h"
#include "core/finetune/pretokenizer.h"
#include "core/finetune/ranktable.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QStringDecoder>

#include <atomic>
#include <cstring>
#include <mutex>
#include <utility>

namespace cinetune {

namespace {

// Per-thread cache of pieces that needed a byte-pair merge (most text repeats its rare words:
// movie titles, names). Open addressing on the rank table's hash; cleared when full.
class PieceCache
{
public:
    static constexpr std::size_t maxPiece = 64;

    // The cached ids of `piece`, or nullptr.
    const TokenId *find(const RankTable &table, std::string_view piece, std::uint64_t h, std::size_t &count)
    {
        if (table.id() != m_table) {
            clear();
            m_table = table.id();
        }
        for (std::size_t i = h & kMask;; i = (i + 1) & kMask) {
            const Entry &e = m_entries[i];
            if (e.ids == 0)
                return nullptr;
            if (e.hash == h && e.keySize == piece.size() && std::memcmp(m_keys.data() + e.key, piece.data(), piece.size()) == 0) {
                count = e.idCount;
                return m_ids.data() + (e.ids - 1);
            }
        }
    }

    void insert(std::string_view piece, std::uint64_t h, const TokenId *ids, std::size_t count)
    {
        if (m_used >= kCapacity / 2 || m_keys.size() > (std::size_t{8} << 20))
            clear();
        std::size_t i = h & kMask;
        while (m_entries[i].ids != 0)
            i = (i + 1) & kMask;
        Entry &e = m_entries[i];
        e.hash = h;
        e.key = static_cast<std::uint32_t>(m_keys.size());
        e.keySize = static_cast<std::uint16_t>(piece.size());
        e.idCount = static_cast<std::uint16_t>(count);
        e.ids = static_cast<std::uint32_t>(m_ids.size()) + 1;
        m_keys.insert(m_keys.end(), piece.begin(), piece.end());
        m_ids.insert(m_ids.end(), ids, ids + count);
        ++m_used;
    }

    RankTable::Scratch scratch;
    std::vector<TokenId> merged;

private:
    static constexpr std::size_t kCapacity = std::size_t{1} << 16;
    static constexpr std::size_t kMask = kCapacity - 1;
    struct Entry
    {
        std::uint64_t hash = 0;
        std::uint32_t key = 0;
        std::uint32_t ids = 0; // 1 + offset into m_ids; 0 = empty slot
        std::uint16_t keySize = 0;
        std::uint16_t idCount = 0;
    };

    void clear()
    {
        m_entries.assign(kCapacity, Entry{});
        m_keys.clear();
        m_ids.clear();
        m_used = 0;
    }

    std::uint64_t m_table = 0; // RankTable::id() of the cached pieces
    std::vector<Entry> m_entries = std::vector<Entry>(kCapacity);
    std::vector<char> m_keys;
    std::vector<TokenId> m_ids;
    std::size_t m_used = 0;
};

PieceCache &pieceCache()
{
    thread_local PieceCache cache;
    return cache;
}

// Calls sink(tokenId) for every token of the UTF-8 text.
template<typename Sink>
void encodeWith(const RankTable &table, std::string_view utf8, Sink &&sink)
{
    PieceCache &cache = pieceCache();
    O200kPreTokenizer splitter(utf8);
    for (std::string_view piece = splitter.next(); !piece.empty(); piece = splitter.next()) {
        if (piece.size() == 1) {
            sink(table.rank(piece));
            continue;
        }
        const std::uint64_t h = RankTable::hash(piece.data(), piece.size());
        const std::uint32_t r = table.rank(piece.data(), piece.size(), h);
        if (r != RankTable::noRank) {
            sink(r);
            continue;
        }
        const bool cacheable = piece.size() <= PieceCache::maxPiece;
        std::size_t count = 0;
        if (const TokenId *ids = cacheable ? cache.find(table, piece, h, count) : nullptr) {
            for (std::size_t i = 0; i < count; ++i)
                sink(ids[i]);
            continue;
        }
        std::vector<TokenId> &merged = cache.merged;
        merged.clear();
        table.mergePiece(piece, merged, cache.scratch);
        for (TokenId id : merged)
            sink(id);
        if (cacheable)
            cache.insert(piece, h, merged.data(), merged.size());
    }
}

} // namespace

Result<Tokenizer> Tokenizer::fromBytes(const QByteArray &bytes, const QString &name, std::string_view expectedSha256)
{
    if (!expectedSha256.empty()) {
        const QByteArray actual = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
        if (actual != QByteArrayView(expectedSha256.data(), static_cast<qsizetype>(expectedSha256.size())))
            return makeError(errc::FineTune::TokenizerChecksum,
                             tr("%1: the token rank file is damaged or not the expected one (SHA-256 %2, expected %3)")
                                 .arg(name, QString::fromLatin1(actual),
                                      QString::fromLatin1(expectedSha256.data(), static_cast<qsizetype>(expectedSha256.size()))));
    }
    auto table = RankTable::parse(bytes, name);
    if (!table)
        return table.error();
    return Tokenizer(std::move(table).value());
}

Result<Tokenizer> Tokenizer::fromFile(const QString &path, std::string_view expectedSha256)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(errc::FineTune::TokenizerMissing,
                         tr("Cannot read the token rank file %1: %2").arg(QDir::toNativeSeparators(path), f.errorString()));
    return fromBytes(f.readAll(), QDir::toNativeSeparators(path), expectedSha256);
}

namespace {

std::atomic<const Result<Tokenizer> *> g_o200kLoaded{nullptr};

} // namespace

const Result<Tokenizer> &Tokenizer::o200k()
{
    // A function-local static: initialised exactly once, other first callers wait for it.
    static const Result<Tokenizer> instance = []() -> Result<Tokenizer> {
        QStringList candidates;
        if (const QString env = qEnvironmentVariable("CINETUNE_TOKENIZER_FILE"); !env.isEmpty())
            candidates << env;
        candidates << QString::fromLatin1(o200kResource.data(), static_cast<qsizetype>(o200kResource.size()));
        if (const QString src = qEnvironmentVariable("CINETUNE_SOURCE_DIR"); !src.isEmpty())
            candidates << QDir(src).filePath(QStringLiteral("resources/tokenizer/o200k_base.tiktoken"));
        for (const QString &path : std::as_const(candidates)) {
            if (QFile::exists(path))
                return fromFile(path, o200kSha256);
        }
        return makeError(errc::FineTune::TokenizerMissing,
                         tr("The o200k_base token rank file is missing (looked at: %1). Set CINETUNE_TOKENIZER_FILE to "
                            "the path of o200k_base.tiktoken.")
                             .arg(candidates.join(QStringLiteral(", "))));
    }();
    g_o200kLoaded.store(&instance, std::memory_order_release);
    return instance;
}

const Tokenizer *Tokenizer::o200kIfLoaded()
{
    const Result<Tokenizer> *loaded = g_o200kLoaded.load(std::memory_order_acquire);
    return loaded && loaded->ok() ? &loaded->value() : nullptr;
}

std::vector<TokenId> Tokenizer::encodeUtf8(std::string_view utf8) const
{
    std::vector<TokenId> ids;
    ids.reserve(utf8.size() / 3 + 1);
    encodeWith(*m_table, utf8, [&](TokenId id) { ids.push_back(id); });
    return ids;
}

std::size_t Tokenizer::countUtf8(std::string_view utf8) const
{
    std::size_t n = 0;
    encodeWith(*m_table, utf8, [&](TokenId) { ++n; });
    return n;
}

std::vector<TokenId> Tokenizer::encode(QStringView text) const
{
    const QByteArray utf8 = toUtf8(text);
    return encodeUtf8(std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())));
}

std::size_t Tokenizer::count(QStringView text) const
{
    const QByteArray utf8 = toUtf8(text);
    return countUtf8(std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())));
}

QByteArray Tokenizer::decodeBytes(const std::vector<TokenId> &ids) const
{
    QByteArray out;
    for (TokenId id : ids) {
        const std::string_view b = m_table->bytes(id);
        out.append(b.data(), static_cast<qsizetype>(b.size()));
    }
    return out;
}

std::size_t Tokenizer::size() const
{
    return m_table->size();
}

QByteArray Tokenizer::toUtf8(QStringView text)
{
    const qsizetype n = text.size();
    QByteArray out(n * 3, Qt::Uninitialized); // UTF-16 -> UTF-8 is at most 3 bytes per code unit
    auto *o = reinterpret_cast<unsigned char *>(out.data());
    const char16_t *s = text.utf16();
    for (qsizetype i = 0; i < n; ++i) {
        char32_t c = s[i];
        if (c < 0x80) {
            *o++ = static_cast<unsigned char>(c);
            continue;
        }
        if (QChar::isHighSurrogate(c) && i + 1 < n && QChar::isLowSurrogate(s[i + 1])) {
            c = QChar::surrogateToUcs4(static_cast<char16_t>(c), s[i + 1]);
            ++i;
        } else if (QChar::isSurrogate(c)) {
            c = 0xFFFD; // what tiktoken does with a lone surrogate (and JavaScript's TextEncoder)
        }
        if (c < 0x800) {
            *o++ = static_cast<unsigned char>(0xC0 | (c >> 6));
            *o++ = static_cast<unsigned char>(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            *o++ = static_cast<unsigned char>(0xE0 | (c >> 12));
            *o++ = static_cast<unsigned char>(0x80 | ((c >> 6) & 0x3F));
            *o++ = static_cast<unsigned char>(0x80 | (c & 0x3F));
        } else {
            *o++ = static_cast<unsigned char>(0xF0 | (c >> 18));
            *o++ = static_cast<unsigned char>(0x80 | ((c >> 12) & 0x3F));
            *o++ = static_cast<unsigned char>(0x80 | ((c >> 6) & 0x3F));
            *o++ = static_cast<unsigned char>(0x80 | (c & 0x3F));
        }
    }
    out.truncate(o - reinterpret_cast<unsigned char *>(out.data()));
    return out;
}

QStringList Tokenizer::pieces(QStringView text)
{
    const QByteArray utf8 = toUtf8(text);
    O200kPreTokenizer splitter(std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())));
    QStringList out;
    for (std::string_view p = splitter.next(); !p.empty(); p = splitter.next()) {
        // Keep a leading U+FEFF (QString::fromUtf8 would drop it as a byte order mark).
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom);
        out << QString(decoder(QByteArrayView(p.data(), static_cast<qsizetype>(p.size()))));
    }
    return out;
}

} // namespace cinetune
