// io/crc32.cpp - CRC-32 with the reflected polynomial 0xEDB88320 (zip, PNG, gzip).
#include "io/crc32.hpp"

#include <array>

namespace dnn::io {
namespace {

constexpr std::uint32_t kPolynomial = 0xEDB88320u;  // x^32 + x^26 + ... + 1, bit-reversed

// One step of the shift register for 8 bits: what the table stores for every byte value.
constexpr std::uint32_t shift8(std::uint32_t c) {
    for (int k = 0; k < 8; ++k) c = (c & 1u) ? kPolynomial ^ (c >> 1) : c >> 1;
    return c;
}

constexpr std::array<std::uint32_t, 256> make_table() {
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t n = 0; n < 256; ++n) t[n] = shift8(n);
    return t;
}

constexpr std::array<std::uint32_t, 256> kTable = make_table();

}  // namespace

std::uint32_t crc32(const void* data, std::size_t size, std::uint32_t previous) {
    const auto* p = static_cast<const std::uint8_t*>(data);
    std::uint32_t c = previous ^ 0xFFFFFFFFu;
    for (std::size_t i = 0; i < size; ++i) c = kTable[(c ^ p[i]) & 0xFFu] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

std::uint32_t crc32_bitwise(const void* data, std::size_t size, std::uint32_t previous) {
    const auto* p = static_cast<const std::uint8_t*>(data);
    std::uint32_t c = previous ^ 0xFFFFFFFFu;
    for (std::size_t i = 0; i < size; ++i) {
        c ^= p[i];
        for (int k = 0; k < 8; ++k) c = (c & 1u) ? kPolynomial ^ (c >> 1) : c >> 1;
    }
    return c ^ 0xFFFFFFFFu;
}

}  // namespace dnn::io
