// io/byte_lanes.hpp - eight pixels at a time: eight 32-bit lanes (GCC and Clang vector extensions; the compiler
// uses AVX2 or SSE2 registers), for the JPEG colour conversion and the resize's vectorised loops.
#pragma once

#include <cstdint>
#include <cstring>

namespace dnn::io::lanes {

typedef std::int32_t i32x8 __attribute__((vector_size(32)));
typedef std::uint8_t u8x8 __attribute__((vector_size(8)));
typedef std::uint16_t u16x8 __attribute__((vector_size(16)));

// Vectors go by reference: passing a 32-byte vector by value would change with the instruction set the
// build enables (GCC warns about that ABI difference).
inline void widen(const std::uint8_t* p, i32x8& v) {  // 8 bytes to 8 lanes (through 16 bits: GCC 12 then uses vpmovzx)
    u8x8 b;
    std::memcpy(&b, p, 8);
    v = __builtin_convertvector(__builtin_convertvector(b, u16x8), i32x8);
}

}  // namespace dnn::io::lanes
