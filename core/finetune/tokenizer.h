#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace cinetune {

using TokenId = std::uint32_t;

class RankTable;

// A tiktoken byte-pair encoding (o200k_base for gpt-4o / gpt-4o-mini / gpt-4.1) in plain C++.
// Encodes text as ordinary text, like tiktoken's encode_ordinary: "<|endoftext|>" inside a
// message is 7 ordinary tokens, never a special token. Gives the same ids as tiktoken.
//
// A Tokenizer is a cheap-to-copy handle on an immutable rank table; all const methods are
// thread-safe (each thread keeps its own small cache of merged pieces).
class Tokenizer
{
    Q_DECLARE_TR_FUNCTIONS(cinetune::Tokenizer)

public:
    // SHA-256 of OpenAI's o200k_base.tiktoken (the expected_hash in tiktoken_ext/openai_public.py).
    static constexpr std::string_view o200kSha256 = "446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d";
    // Where the vendored rank file lives as a Qt resource (see resources/tokenizer/).
    static constexpr std::string_view o200kResource = ":/tokenizer/o200k_base.tiktoken";

    // Loads a .tiktoken rank file ("<base64 token> <rank>" per line). When expectedSha256 is not
    // empty, the file's SHA-256 must equal it (hex).
    static Result<Tokenizer> fromFile(const QString &path, std::string_view expectedSha256 = o200kSha256);
    static Result<Tokenizer> fromBytes(const QByteArray &bytes, const QString &name,
                                       std::string_view expectedSha256 = o200kSha256);

    // The o200k_base encoding: one instance per process, loaded on the first call (about a
    // second: call it first off the GUI thread) and shared by every caller and thread; concurrent
    // first calls wait for the one load. A failed load is remembered too (its error is returned
    // from then on). Looks in order at $CINETUNE_TOKENIZER_FILE, the Qt resource o200kResource,
    // then $CINETUNE_SOURCE_DIR/resources/tokenizer/o200k_base.tiktoken.
    static const Result<Tokenizer> &o200k();
    // The shared o200k_base encoding when o200k() has loaded it, otherwise nullptr. Never loads
    // and never blocks: for the GUI thread, which must not wait for the rank file.
    static const Tokenizer *o200kIfLoaded();

    // True when both handles use the same rank table (copies of one loaded encoding).
    bool sharesTableWith(const Tokenizer &other) const { return m_table == other.m_table; }

    std::vector<TokenId> encode(QStringView text) const;
    std::vector<TokenId> encodeUtf8(std::string_view utf8) const;
    std::size_t count(QStringView text) const;
    std::size_t countUtf8(std::string_view utf8) const;

    // The bytes of the tokens (unknown ids are skipped).
    QByteArray decodeBytes(const std::vector<TokenId> &ids) const;
    // Number of ordinary tokens (199,998 for o200k_base).
    std::size_t size() const;

    // UTF-16 to UTF-8 as tiktoken sees Python strings: lone surrogates become U+FFFD.
    static QByteArray toUtf8(QStringView text);
    // The pre-tokenisation pieces of `text` (for tests and diagnostics).
    static QStringList pieces(QStringView text);

private:
    explicit Tokenizer(std::shared_ptr<const RankTable> table)
        : m_table(std::move(table))
    {}

    std::shared_ptr<const RankTable> m_table;
};

} // namespace cinetune
