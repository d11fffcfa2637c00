#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace cinetune {

// The o200k_base pre-tokenisation step, written by hand. It splits UTF-8 text into the same pieces
// as tiktoken's regular expression (openai/tiktoken, tiktoken_ext/openai_public.py, o200k_base):
//
//   [^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?
//   |[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?
//   |\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+
//
// with leftmost-first alternation and backtracking exactly as a backtracking engine runs it.
// `\s` is Unicode White_Space (as in Rust's regex crate, so U+FEFF is not a space); categories
// come from Qt's Unicode tables. Invalid UTF-8 bytes are single "other" characters (never a crash).
class O200kPreTokenizer
{
public:
    explicit O200kPreTokenizer(std::string_view utf8)
        : m_text(utf8)
    {}

    // The next piece, or an empty view at the end of the text.
    std::string_view next();

private:
    std::string_view m_text;
    std::size_t m_pos = 0;
};

namespace pretok {

// Character classes used by the splitter (bit set).
enum : std::uint8_t {
    Upper = 1,  // Lu Lt Lm Lo M   (the "[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]" set)
    Lower = 2,  // Ll Lm Lo M      (the "[\p{Ll}\p{Lm}\p{Lo}\p{M}]" set)
    Letter = 4, // \p{L}
    Number = 8, // \p{N}
    Space = 16, // \s (White_Space)
    CrLf = 32,  // \r or \n
};

// Class bits of one code point (also for unassigned and surrogate code points).
std::uint8_t classOf(char32_t cp);

} // namespace pretok

} // namespace cinetune
