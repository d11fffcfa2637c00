#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cinetune {

// A strict RFC 8259 JSON parser for one JSONL line that keeps strings as UTF-8 (no UTF-16 round
// trip), for validating and token-counting large fine-tuning files quickly. Nodes are stored in
// document order; a container's children follow it. Rejects invalid UTF-8, raw control
// characters in strings, leading zeros, trailing commas, trailing content and nesting deeper than
// maxDepth. A \u escape of a lone surrogate becomes U+FFFD (what tiktoken encodes for it).
// Duplicate keys are kept; member() finds the last one (as Python's json module does).
// Reusable: parse() clears the previous document.
class JsonLineDocument
{
    Q_DECLARE_TR_FUNCTIONS(cinetune::JsonLineDocument)

public:
    enum class Type : std::uint8_t {
        Null,
        False,
        True,
        Number,
        String,
        Array,
        Object
    };
    static constexpr int maxDepth = 256;

    struct Node
    {
        Type type = Type::Null;
        std::uint32_t end = 0;                      // index one past this node's subtree
        std::uint32_t count = 0;                    // number of children (array / object)
        std::uint32_t keyOffset = 0, keySize = 0;   // member key in the arena (children of objects)
        std::uint32_t textOffset = 0, textSize = 0; // string value in the arena; number's source text
        double number = 0;
    };

    bool parse(std::string_view text);

    // After a failed parse: byte offset of the problem and what was expected.
    std::size_t errorOffset() const { return m_errorOffset; }
    const QString &errorMessage() const { return m_error; }

    const Node &node(std::uint32_t index) const { return m_nodes[index]; }
    static constexpr std::uint32_t root = 0;
    // The first child of a container, and the next sibling (both may equal parentEnd).
    std::uint32_t firstChild(std::uint32_t index) const { return index + 1; }
    std::uint32_t next(std::uint32_t index) const { return m_nodes[index].end; }
    // Last member of an object with this key, or npos.
    static constexpr std::uint32_t npos = 0xFFFFFFFFu;
    std::uint32_t member(std::uint32_t object, std::string_view key) const;

    std::string_view key(std::uint32_t index) const { return arena(m_nodes[index].keyOffset, m_nodes[index].keySize); }
    std::string_view string(std::uint32_t index) const { return arena(m_nodes[index].textOffset, m_nodes[index].textSize); }
    // Python truthiness: false, 0, "", [], {} and null are false.
    bool truthy(std::uint32_t index) const;
    // Compact JSON text of a node (like JavaScript's JSON.stringify), UTF-8.
    QByteArray compact(std::uint32_t index) const;

private:
    std::string_view arena(std::uint32_t offset, std::uint32_t size) const { return {m_arena.data() + offset, size}; }
    bool fail(std::size_t offset, const QString &what);
    void skipSpace();
    bool parseValue(int depth);
    bool parseString(std::uint32_t &offset, std::uint32_t &size);
    bool parseNumber(Node &n);
    void appendCompact(std::uint32_t index, QByteArray &out) const;

    std::string_view m_text;
    std::size_t m_pos = 0;
    std::vector<Node> m_nodes;
    std::string m_arena;
    std::uint32_t m_pendingKeyOffset = 0, m_pendingKeySize = 0;
    std::size_t m_errorOffset = 0;
    QString m_error;
};

} // namespace cinetune
