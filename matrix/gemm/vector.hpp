// matrix/gemm/vector.hpp - the vector type of this build and its loads, stores and prefetches (internal; for
// the files built with the GEMM's flags: kernels.cpp and peak.cpp).
//
// The width comes from the instruction set the compiler targets (-march=native picks the widest): 8 doubles
// with AVX-512, 4 with AVX / AVX2, 2 otherwise (SSE2, NEON on ARM, or any other target: GCC and Clang then
// build the same operations from what the target has).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

#if defined(__AVX512F__)
#include <immintrin.h>  // masked loads and stores at the edges (the arithmetic uses the vector extension)
#endif

#if !defined(__GNUC__)
#error "the GEMM's kernels need GCC or Clang (vector extensions)"
#endif

namespace dnn::gemm::detail::simd {

#if defined(__AVX512F__)
constexpr const char* kIsa = "avx512";
constexpr std::size_t VL = 8;           // doubles per vector
constexpr std::size_t kRegisters = 32;  // vector registers
#elif defined(__AVX__)
#if defined(__AVX2__)
constexpr const char* kIsa = "avx2";
#else
constexpr const char* kIsa = "avx";
#endif
constexpr std::size_t VL = 4;
constexpr std::size_t kRegisters = 16;
#elif defined(__ARM_NEON)
constexpr const char* kIsa = "neon";
constexpr std::size_t VL = 2;
constexpr std::size_t kRegisters = 32;
#elif defined(__SSE2__)
constexpr const char* kIsa = "sse2";
constexpr std::size_t VL = 2;
constexpr std::size_t kRegisters = 16;
#else
constexpr const char* kIsa = "generic 128-bit";
constexpr std::size_t VL = 2;
constexpr std::size_t kRegisters = 16;
#endif

typedef double vec __attribute__((vector_size(VL * sizeof(double))));

// Unaligned vector load and store (C rows and unpacked B rows have any alignment); memcpy compiles to one move.
inline vec load(const double* p) {
    vec v;
    std::memcpy(&v, p, sizeof v);
    return v;
}
inline void store(double* p, vec v) { std::memcpy(p, &v, sizeof v); }

// Prefetch of p[offset] for reading, or for writing. The address is computed as an integer: it may lie past
// the end of an array (a prefetch never faults), where pointer arithmetic would be undefined.
inline const void* address_of(const double* p, std::size_t offset) {
    return reinterpret_cast<const void*>(reinterpret_cast<std::uintptr_t>(p) + offset * sizeof(double));
}
inline void prefetch_read(const double* p, std::size_t offset) { __builtin_prefetch(address_of(p, offset), 0); }
inline void prefetch_write(const double* p, std::size_t offset) { __builtin_prefetch(address_of(p, offset), 1); }

// The first n (< VL, else all) numbers at p as a vector, the other lanes zero; and the converse store. Used at
// the right edge of C. With AVX-512 they are single masked moves, which never touch the masked-off lanes.
inline vec load_part(const double* p, std::size_t n) {
    if (n >= VL) return load(p);
#if defined(__AVX512F__)
    return (vec)_mm512_maskz_loadu_pd(static_cast<__mmask8>((1u << n) - 1), p);
#else
    vec v = {};
    for (std::size_t l = 0; l < n; ++l) v[l] = p[l];
    return v;
#endif
}
inline void store_part(double* p, vec v, std::size_t n) {
    if (n >= VL) {
        store(p, v);
        return;
    }
#if defined(__AVX512F__)
    _mm512_mask_storeu_pd(p, static_cast<__mmask8>((1u << n) - 1), (__m512d)v);
#else
    for (std::size_t l = 0; l < n; ++l) p[l] = v[l];
#endif
}

#if defined(__AVX512F__)
// The 8 x 8 transpose of x (x[r] is row r): afterwards x[l] holds lane l of every old x[r], in order of r.
// Shuffles only (the transposed-tile kernel's result, and packing A).
inline void transpose8(vec (&x)[8]) {
    vec t[8], u[8];
    for (std::size_t r = 0; r < 8; r += 2) {  // 2 x 2 blocks
        t[r] = __builtin_shufflevector(x[r], x[r + 1], 0, 8, 2, 10, 4, 12, 6, 14);
        t[r + 1] = __builtin_shufflevector(x[r], x[r + 1], 1, 9, 3, 11, 5, 13, 7, 15);
    }
    for (std::size_t r = 0; r < 8; r += 4) {  // 4 x 4 blocks
        for (std::size_t h = 0; h < 2; ++h) {
            u[r + h] = __builtin_shufflevector(t[r + h], t[r + 2 + h], 0, 1, 8, 9, 4, 5, 12, 13);
            u[r + 2 + h] = __builtin_shufflevector(t[r + h], t[r + 2 + h], 2, 3, 10, 11, 6, 7, 14, 15);
        }
    }
    for (std::size_t h = 0; h < 4; ++h) {  // 8 x 8
        x[h] = __builtin_shufflevector(u[h], u[4 + h], 0, 1, 2, 3, 8, 9, 10, 11);
        x[4 + h] = __builtin_shufflevector(u[h], u[4 + h], 4, 5, 6, 7, 12, 13, 14, 15);
    }
}

#endif

}  // namespace dnn::gemm::detail::simd
