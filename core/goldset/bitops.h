#pragma once

#include <array>
#include <cstdint>

namespace cinetune::bitops {

// Branch-free bit counting that needs no POPCNT instruction (the x86-64 baseline has none, and
// std::popcount then becomes a library call).

inline constexpr std::uint64_t kOnesPerByte = 0x0101010101010101ull;
inline constexpr std::uint64_t kHighPerByte = 0x8080808080808080ull;

// Per-byte bit counts of x (each byte 0..8).
constexpr std::uint64_t byteCounts(std::uint64_t x)
{
    x = x - ((x >> 1) & 0x5555555555555555ull);
    x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
    return (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0Full;
}

constexpr unsigned popcount(std::uint64_t x)
{
    return static_cast<unsigned>((byteCounts(x) * kOnesPerByte) >> 56);
}

namespace detail {
constexpr std::array<std::uint8_t, 256 * 8> makeSelectInByte()
{
    std::array<std::uint8_t, 256 * 8> t{};
    for (unsigned b = 0; b < 256; ++b) {
        unsigned k = 0;
        for (unsigned bit = 0; bit < 8; ++bit) {
            if (b & (1u << bit))
                t[b * 8 + k++] = static_cast<std::uint8_t>(bit);
        }
    }
    return t;
}
inline constexpr std::array<std::uint8_t, 256 * 8> kSelectInByte = makeSelectInByte();
} // namespace detail

// The position of the k-th (0-based) set bit of x; k must be < popcount(x).
constexpr unsigned select(std::uint64_t x, unsigned k)
{
    // Byte i of `through` = set bits in bytes 0..i.
    const std::uint64_t through = byteCounts(x) * kOnesPerByte;
    // Bytes whose running count is <= k lie wholly before the k-th bit (no borrows: values < 128).
    const std::uint64_t before = ((k * kOnesPerByte | kHighPerByte) - through) & kHighPerByte;
    const unsigned byte = static_cast<unsigned>(((before >> 7) * kOnesPerByte) >> 56);
    const unsigned skipped = static_cast<unsigned>(((through << 8) >> (8 * byte)) & 0xFF);
    return byte * 8 + detail::kSelectInByte[((x >> (8 * byte)) & 0xFF) * 8 + (k - skipped)];
}

} // namespace cinetune::bitops
