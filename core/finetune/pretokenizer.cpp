#include "core/finetune/pretokenizer.h"

#include <QChar>

#include <array>

namespace cinetune {

namespace pretok {

std::uint8_t classOf(char32_t cp)
{
    if (cp == U'\r' || cp == U'\n')
        return Space | CrLf;
    // Unicode White_Space (PropList.txt); the same set as Rust's `\s` in Unicode mode.
    if ((cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A)
        || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000)
        return Space;
    if (cp > 0x10FFFF)
        return 0;
    switch (QChar::category(cp)) {
    case QChar::Letter_Uppercase:
    case QChar::Letter_Titlecase:
        return Upper | Letter;
    case QChar::Letter_Lowercase:
        return Lower | Letter;
    case QChar::Letter_Modifier:
    case QChar::Letter_Other:
        return Upper | Lower | Letter;
    case QChar::Mark_NonSpacing:
    case QChar::Mark_SpacingCombining:
    case QChar::Mark_Enclosing:
        return Upper | Lower;
    case QChar::Number_DecimalDigit:
    case QChar::Number_Letter:
    case QChar::Number_Other:
        return Number;
    default:
        return 0;
    }
}

} // namespace pretok

namespace {

using namespace pretok;

struct Ch
{
    std::uint8_t cls;
    std::uint8_t len;
};

// Class bits of the Basic Multilingual Plane, computed once.
const std::array<std::uint8_t, 0x10000> &bmpClasses()
{
    static const auto table = [] {
        std::array<std::uint8_t, 0x10000> t{};
        for (char32_t cp = 0; cp < 0x10000; ++cp)
            t[cp] = (cp >= 0xD800 && cp <= 0xDFFF) ? 0 : classOf(cp);
        return t;
    }();
    return table;
}

bool isCont(unsigned char b)
{
    return (b & 0xC0) == 0x80;
}

// Decodes the non-ASCII character at p (p < text.size()). Invalid UTF-8 is one "other" byte.
Ch charAtSlow(std::string_view text, std::size_t p, const std::array<std::uint8_t, 0x10000> &bmp)
{
    const auto *s = reinterpret_cast<const unsigned char *>(text.data());
    const std::size_t avail = text.size() - p;
    const unsigned char b0 = s[p];
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        if (avail >= 2 && isCont(s[p + 1]))
            return {bmp[(char32_t(b0 & 0x1F) << 6) | (s[p + 1] & 0x3F)], 2};
        return {0, 1};
    }
    if (b0 >= 0xE0 && b0 <= 0xEF) {
        if (avail < 3 || !isCont(s[p + 1]) || !isCont(s[p + 2]))
            return {0, 1};
        const unsigned char b1 = s[p + 1];
        if ((b0 == 0xE0 && b1 < 0xA0) || (b0 == 0xED && b1 > 0x9F))
            return {0, 1}; // overlong or surrogate
        return {bmp[(char32_t(b0 & 0x0F) << 12) | (char32_t(b1 & 0x3F) << 6) | (s[p + 2] & 0x3F)], 3};
    }
    if (b0 >= 0xF0 && b0 <= 0xF4) {
        if (avail < 4 || !isCont(s[p + 1]) || !isCont(s[p + 2]) || !isCont(s[p + 3]))
            return {0, 1};
        const unsigned char b1 = s[p + 1];
        if ((b0 == 0xF0 && b1 < 0x90) || (b0 == 0xF4 && b1 > 0x8F))
            return {0, 1};
        const char32_t cp = (char32_t(b0 & 0x07) << 18) | (char32_t(b1 & 0x3F) << 12) | (char32_t(s[p + 2] & 0x3F) << 6)
            | (s[p + 3] & 0x3F);
        return {classOf(cp), 4};
    }
    return {0, 1};
}

constexpr std::size_t npos = std::string_view::npos;

class Matcher
{
public:
    explicit Matcher(std::string_view text)
        : m_t(text)
        , m_n(text.size())
        , m_bmp(bmpClasses())
    {}

    std::size_t match(std::size_t i) const
    {
        const Ch c0 = at(i);
        const bool prefix = !(c0.cls & (CrLf | Letter | Number)); // [^\r\n\p{L}\p{N}]
        // 1: [^\r\n\p{L}\p{N}]?[Upper]*[Lower]+contraction?
        std::size_t e = npos;
        if (prefix && (e = upperStarLowerPlus(i + c0.len)) != npos)
            return e;
        if ((e = upperStarLowerPlus(i)) != npos)
            return e;
        // 2: [^\r\n\p{L}\p{N}]?[Upper]+[Lower]*contraction?
        if (prefix && (e = upperPlusLowerStar(i + c0.len)) != npos)
            return e;
        if ((e = upperPlusLowerStar(i)) != npos)
            return e;
        // 3: \p{N}{1,3}
        if (c0.cls & Number) {
            std::size_t p = i + c0.len;
            for (int k = 1; k < 3 && p < m_n; ++k) {
                const Ch c = at(p);
                if (!(c.cls & Number))
                    break;
                p += c.len;
            }
            return p;
        }
        // 4: ' ?[^\s\p{L}\p{N}]+[\r\n/]*'
        std::size_t j = npos;
        if (m_t[i] == ' ' && i + 1 < m_n && isOther(at(i + 1).cls))
            j = i + 1;
        else if (isOther(c0.cls))
            j = i;
        if (j != npos) {
            std::size_t p = j;
            while (p < m_n) {
                const Ch c = at(p);
                if (!isOther(c.cls))
                    break;
                p += c.len;
            }
            while (p < m_n && (m_t[p] == '\r' || m_t[p] == '\n' || m_t[p] == '/'))
                ++p;
            return p;
        }
        // 5, 6, 7: \s*[\r\n]+ | \s+(?!\S) | \s+
        if (c0.cls & Space) {
            std::size_t p = i;
            std::size_t lastNewline = npos;
            std::size_t lastStart = i;
            while (p < m_n) {
                const Ch c = at(p);
                if (!(c.cls & Space))
                    break;
                if (c.cls & CrLf)
                    lastNewline = p;
                lastStart = p;
                p += c.len;
            }
            if (lastNewline != npos)
                return lastNewline + 1; // [\r\n]+ ends at the run's last line break
            if (p == m_n)
                return p; // (?!\S) holds at the end of the text
            if (lastStart > i)
                return lastStart; // give the last space back to the next piece
            return p;
        }
        return i + c0.len; // unreachable: every character matches one alternative
    }

private:
    Ch at(std::size_t p) const
    {
        const auto b = static_cast<unsigned char>(m_t[p]);
        if (b < 0x80)
            return {m_bmp[b], 1};
        return charAtSlow(m_t, p, m_bmp);
    }
    static bool isOther(std::uint8_t cls) { return !(cls & (Space | Letter | Number)); }

    // [Upper]*[Lower]+ with backtracking, then the optional contraction. npos if no match.
    std::size_t upperStarLowerPlus(std::size_t j) const
    {
        std::size_t p = j;
        std::size_t lastLower = npos; // last character of the [Upper]* run that is also in [Lower]
        while (p < m_n) {
            const Ch c = at(p);
            if (!(c.cls & Upper))
                break;
            if (c.cls & Lower)
                lastLower = p;
            p += c.len;
        }
        std::size_t lowerStart = npos;
        if (p < m_n && (at(p).cls & Lower))
            lowerStart = p;
        else if (lastLower != npos)
            lowerStart = lastLower;
        else
            return npos;
        p = lowerStart;
        while (p < m_n) {
            const Ch c = at(p);
            if (!(c.cls & Lower))
                break;
            p += c.len;
        }
        return contraction(p);
    }

    // [Upper]+[Lower]*, then the optional contraction. npos if no match.
    std::size_t upperPlusLowerStar(std::size_t j) const
    {
        if (j >= m_n || !(at(j).cls & Upper))
            return npos;
        std::size_t p = j;
        while (p < m_n) {
            const Ch c = at(p);
            if (!(c.cls & Upper))
                break;
            p += c.len;
        }
        while (p < m_n) {
            const Ch c = at(p);
            if (!(c.cls & Lower))
                break;
            p += c.len;
        }
        return contraction(p);
    }

    // (?i:'s|'t|'re|'ve|'m|'ll|'d)? at p. Case folding as in Rust's regex: 's' also matches
    // U+017F LATIN SMALL LETTER LONG S.
    std::size_t contraction(std::size_t p) const
    {
        if (p + 1 >= m_n || m_t[p] != '\'')
            return p;
        const auto lower = [](char ch) { return static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch); };
        const char a = lower(m_t[p + 1]);
        if (a == 's' || a == 't' || a == 'm' || a == 'd')
            return p + 2;
        if (m_t[p + 1] == '\xC5' && p + 2 < m_n && m_t[p + 2] == '\xBF')
            return p + 3;
        if (p + 2 < m_n) {
            const char b = lower(m_t[p + 2]);
            if ((a == 'r' && b == 'e') || (a == 'v' && b == 'e') || (a == 'l' && b == 'l'))
                return p + 3;
        }
        return p;
    }

    std::string_view m_t;
    std::size_t m_n;
    const std::array<std::uint8_t, 0x10000> &m_bmp;
};

} // namespace

std::string_view O200kPreTokenizer::next()
{
    if (m_pos >= m_text.size())
        return {};
    const std::size_t start = m_pos;
    std::size_t end = Matcher(m_text).match(start);
    if (end <= start || end > m_text.size())
        end = start + 1; // defensive: always progress
    m_pos = end;
    return m_text.substr(start, end - start);
}

} // namespace cinetune
