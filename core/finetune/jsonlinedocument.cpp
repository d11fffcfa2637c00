#include "core/finetune/jsonlinedocument.h"

#include "core/finetune/chatexample.h"
#include "core/common/tr.h"

#include <QCoreApplication>

#include <charconv>
#include <cmath>
#include <string>
#include <system_error>

namespace cinetune {

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

void appendUtf8(std::string &out, char32_t c)
{
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

// Length of the valid UTF-8 sequence at s (0 if invalid); s[0] >= 0x80.
std::size_t utf8Length(const unsigned char *s, std::size_t avail)
{
    const unsigned char b0 = s[0];
    const auto cont = [&](std::size_t i) { return i < avail && (s[i] & 0xC0) == 0x80; };
    if (b0 >= 0xC2 && b0 <= 0xDF)
        return cont(1) ? 2 : 0;
    if (b0 >= 0xE0 && b0 <= 0xEF) {
        if (!cont(1) || !cont(2))
            return 0;
        if ((b0 == 0xE0 && s[1] < 0xA0) || (b0 == 0xED && s[1] > 0x9F))
            return 0;
        return 3;
    }
    if (b0 >= 0xF0 && b0 <= 0xF4) {
        if (!cont(1) || !cont(2) || !cont(3))
            return 0;
        if ((b0 == 0xF0 && s[1] < 0x90) || (b0 == 0xF4 && s[1] > 0x8F))
            return 0;
        return 4;
    }
    return 0;
}

} // namespace

bool JsonLineDocument::fail(std::size_t offset, const QString &what)
{
    m_errorOffset = offset;
    m_error = what;
    return false;
}

void JsonLineDocument::skipSpace()
{
    while (m_pos < m_text.size()) {
        const char c = m_text[m_pos];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            break;
        ++m_pos;
    }
}

bool JsonLineDocument::parse(std::string_view text)
{
    m_text = text;
    m_pos = 0;
    m_nodes.clear();
    m_arena.clear();
    m_error.clear();
    m_errorOffset = 0;
    m_pendingKeyOffset = m_pendingKeySize = 0;
    skipSpace();
    if (m_pos >= m_text.size())
        return fail(m_pos, tr("expected a JSON value, found the end of the line"));
    if (!parseValue(0))
        return false;
    skipSpace();
    if (m_pos != m_text.size())
        return fail(m_pos, tr("expected the end of the line after the JSON value"));
    return true;
}

bool JsonLineDocument::parseValue(int depth)
{
    if (depth > maxDepth)
        return fail(m_pos, tr("nested more than %1 levels deep").arg(maxDepth));
    const auto index = static_cast<std::uint32_t>(m_nodes.size());
    m_nodes.emplace_back();
    m_nodes[index].keyOffset = m_pendingKeyOffset;
    m_nodes[index].keySize = m_pendingKeySize;
    m_pendingKeyOffset = m_pendingKeySize = 0;
    if (m_pos >= m_text.size())
        return fail(m_pos, tr("expected a JSON value, found the end of the line"));
    const char c = m_text[m_pos];
    const auto literal = [&](std::string_view word, Type type) {
        if (m_text.substr(m_pos, word.size()) != word)
            return fail(m_pos, tr("expected a JSON value"));
        m_pos += word.size();
        m_nodes[index].type = type;
        m_nodes[index].end = index + 1;
        return true;
    };
    switch (c) {
    case 'n':
        return literal("null", Type::Null);
    case 't':
        return literal("true", Type::True);
    case 'f':
        return literal("false", Type::False);
    case '"': {
        std::uint32_t offset = 0, size = 0;
        if (!parseString(offset, size))
            return false;
        Node &n = m_nodes[index];
        n.type = Type::String;
        n.textOffset = offset;
        n.textSize = size;
        n.end = index + 1;
        return true;
    }
    case '[':
    case '{': {
        const bool object = c == '{';
        m_nodes[index].type = object ? Type::Object : Type::Array;
        ++m_pos;
        skipSpace();
        std::uint32_t count = 0;
        if (m_pos < m_text.size() && m_text[m_pos] == (object ? '}' : ']')) {
            ++m_pos;
        } else {
            for (;;) {
                if (object) {
                    if (m_pos >= m_text.size() || m_text[m_pos] != '"')
                        return fail(m_pos, tr("expected a quoted key"));
                    std::uint32_t keyOffset = 0, keySize = 0;
                    if (!parseString(keyOffset, keySize))
                        return false;
                    skipSpace();
                    if (m_pos >= m_text.size() || m_text[m_pos] != ':')
                        return fail(m_pos, tr("expected ':' after the key"));
                    ++m_pos;
                    skipSpace();
                    m_pendingKeyOffset = keyOffset;
                    m_pendingKeySize = keySize;
                }
                if (!parseValue(depth + 1))
                    return false;
                ++count;
                skipSpace();
                if (m_pos < m_text.size() && m_text[m_pos] == ',') {
                    ++m_pos;
                    skipSpace();
                    continue;
                }
                if (m_pos < m_text.size() && m_text[m_pos] == (object ? '}' : ']')) {
                    ++m_pos;
                    break;
                }
                return fail(m_pos, object ? tr("expected ',' or '}'") : tr("expected ',' or ']'"));
            }
        }
        m_nodes[index].count = count;
        m_nodes[index].end = static_cast<std::uint32_t>(m_nodes.size());
        return true;
    }
    default:
        if (c == '-' || (c >= '0' && c <= '9'))
            return parseNumber(m_nodes[index]) && ((m_nodes[index].end = index + 1), true);
        return fail(m_pos, tr("expected a JSON value"));
    }
}

bool JsonLineDocument::parseNumber(Node &n)
{
    const std::size_t start = m_pos;
    const auto digits = [&] {
        const std::size_t from = m_pos;
        while (m_pos < m_text.size() && m_text[m_pos] >= '0' && m_text[m_pos] <= '9')
            ++m_pos;
        return m_pos - from;
    };
    if (m_text[m_pos] == '-')
        ++m_pos;
    if (m_pos < m_text.size() && m_text[m_pos] == '0') {
        ++m_pos;
    } else if (digits() == 0) {
        return fail(m_pos, tr("expected a digit"));
    }
    if (m_pos < m_text.size() && m_text[m_pos] == '.') {
        ++m_pos;
        if (digits() == 0)
            return fail(m_pos, tr("expected a digit after '.'"));
    }
    if (m_pos < m_text.size() && (m_text[m_pos] == 'e' || m_text[m_pos] == 'E')) {
        ++m_pos;
        if (m_pos < m_text.size() && (m_text[m_pos] == '+' || m_text[m_pos] == '-'))
            ++m_pos;
        if (digits() == 0)
            return fail(m_pos, tr("expected a digit in the exponent"));
    }
    n.type = Type::Number;
    n.textOffset = static_cast<std::uint32_t>(m_arena.size());
    n.textSize = static_cast<std::uint32_t>(m_pos - start);
    m_arena.append(m_text.substr(start, m_pos - start));
    // Locale-independent; out of range: a tiny magnitude is 0, a huge one infinite (like Python).
    const char *first = m_text.data() + start;
    const char *last = m_text.data() + m_pos;
    const auto [ptr, ec] = std::from_chars(first, last, n.number);
    if (ec == std::errc::result_out_of_range) {
        const std::string_view t(first, static_cast<std::size_t>(last - first));
        const bool tiny = t.find("e-") != std::string_view::npos || t.find("E-") != std::string_view::npos;
        n.number = tiny ? 0.0 : (t.front() == '-' ? -HUGE_VAL : HUGE_VAL);
    }
    (void)ptr;
    return true;
}

bool JsonLineDocument::parseString(std::uint32_t &offset, std::uint32_t &size)
{
    const std::size_t quote = m_pos;
    ++m_pos; // opening quote
    offset = static_cast<std::uint32_t>(m_arena.size());
    const auto *s = reinterpret_cast<const unsigned char *>(m_text.data());
    const std::size_t n = m_text.size();
    for (;;) {
        // Copy a run of plain bytes at once.
        std::size_t run = m_pos;
        while (run < n && s[run] >= 0x20 && s[run] < 0x80 && s[run] != '"' && s[run] != '\\')
            ++run;
        m_arena.append(m_text.data() + m_pos, run - m_pos);
        m_pos = run;
        if (m_pos >= n)
            return fail(quote, tr("expected the closing '\"' of this string"));
        const unsigned char c = s[m_pos];
        if (c == '"') {
            ++m_pos;
            break;
        }
        if (c < 0x20)
            return fail(m_pos, tr("control character in a string (write it as an escape such as \\n)"));
        if (c >= 0x80) {
            const std::size_t len = utf8Length(s + m_pos, n - m_pos);
            if (len == 0)
                return fail(m_pos, tr("invalid UTF-8"));
            m_arena.append(m_text.data() + m_pos, len);
            m_pos += len;
            continue;
        }
        // Backslash escape.
        if (m_pos + 1 >= n)
            return fail(m_pos, tr("expected an escape after '\\'"));
        const char e = m_text[m_pos + 1];
        m_pos += 2;
        switch (e) {
        case '"':
            m_arena += '"';
            break;
        case '\\':
            m_arena += '\\';
            break;
        case '/':
            m_arena += '/';
            break;
        case 'b':
            m_arena += '\b';
            break;
        case 'f':
            m_arena += '\f';
            break;
        case 'n':
            m_arena += '\n';
            break;
        case 'r':
            m_arena += '\r';
            break;
        case 't':
            m_arena += '\t';
            break;
        case 'u': {
            const auto hex4 = [&](std::size_t at, char32_t &out) {
                if (at + 4 > n)
                    return false;
                out = 0;
                for (std::size_t i = 0; i < 4; ++i) {
                    const int h = hexValue(m_text[at + i]);
                    if (h < 0)
                        return false;
                    out = out * 16 + static_cast<char32_t>(h);
                }
                return true;
            };
            char32_t cp = 0;
            if (!hex4(m_pos, cp))
                return fail(m_pos - 2, tr("expected four hex digits after \\u"));
            m_pos += 4;
            if (cp >= 0xD800 && cp <= 0xDBFF && m_pos + 1 < n && m_text[m_pos] == '\\' && m_text[m_pos + 1] == 'u') {
                char32_t low = 0;
                if (hex4(m_pos + 2, low) && low >= 0xDC00 && low <= 0xDFFF) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    m_pos += 6;
                }
            }
            if (cp >= 0xD800 && cp <= 0xDFFF)
                cp = 0xFFFD; // a lone surrogate
            appendUtf8(m_arena, cp);
            break;
        }
        default:
            return fail(m_pos - 2, tr("unknown escape '\\%1'").arg(QChar::fromLatin1(e)));
        }
    }
    size = static_cast<std::uint32_t>(m_arena.size() - offset);
    return true;
}

std::uint32_t JsonLineDocument::member(std::uint32_t object, std::string_view k) const
{
    std::uint32_t found = npos;
    const Node &o = m_nodes[object];
    if (o.type != Type::Object)
        return npos;
    for (std::uint32_t i = object + 1; i < o.end; i = m_nodes[i].end) {
        if (key(i) == k)
            found = i;
    }
    return found;
}

bool JsonLineDocument::truthy(std::uint32_t index) const
{
    const Node &n = m_nodes[index];
    switch (n.type) {
    case Type::Null:
    case Type::False:
        return false;
    case Type::True:
        return true;
    case Type::Number:
        return n.number != 0;
    case Type::String:
        return n.textSize > 0;
    case Type::Array:
    case Type::Object:
        return n.count > 0;
    }
    return false;
}

QByteArray JsonLineDocument::compact(std::uint32_t index) const
{
    QByteArray out;
    appendCompact(index, out);
    return out;
}

void JsonLineDocument::appendCompact(std::uint32_t index, QByteArray &out) const
{
    const Node &n = m_nodes[index];
    const auto quoted = [&](std::string_view s) {
        out += jsonString(QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())));
    };
    switch (n.type) {
    case Type::Null:
        out += "null";
        return;
    case Type::True:
        out += "true";
        return;
    case Type::False:
        out += "false";
        return;
    case Type::Number:
        out.append(m_arena.data() + n.textOffset, n.textSize);
        return;
    case Type::String:
        quoted(string(index));
        return;
    case Type::Array:
    case Type::Object: {
        const bool object = n.type == Type::Object;
        out += object ? '{' : '[';
        for (std::uint32_t i = index + 1; i < n.end; i = m_nodes[i].end) {
            if (i != index + 1)
                out += ',';
            if (object) {
                quoted(key(i));
                out += ':';
            }
            appendCompact(i, out);
        }
        out += object ? '}' : ']';
        return;
    }
    }
}

} // namespace cinetune
