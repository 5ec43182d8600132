// matrix/gemm_kernel.cpp - the GEMM's register micro-kernels: one MR x NR tile of C per call.
//
// This is the only file built with -ffp-contract=fast (mk/gemm.mk): "acc += a * b" becomes one fused
// multiply-add, which is both faster and more accurate. Everything else keeps -ffp-contract=off.
//
// With GCC or Clang the tile lives in registers as fixed-width vectors (the vector extension below): each k
// step loads NR numbers of B as NR / VL vectors, and for each of the MR numbers of A does NR / VL multiply-adds
// of that number (broadcast) times the B vectors. Other compilers get the same loops on plain arrays.
#include <cstdint>
#include <cstring>

#include "matrix/gemm_kernel.hpp"

#if defined(__AVX512F__)
#include <immintrin.h>  // masked loads and stores at the edges (the arithmetic uses the vector extension)
#endif

namespace dnn::gemm::detail {

namespace {

#if defined(__GNUC__) || defined(__clang__)

// Vector width in doubles, from the instruction set the file is compiled for (-march=native picks the widest).
#if defined(__AVX512F__)
constexpr std::size_t VL = 8;
#define DNN_GEMM_ISA "avx512"
#elif defined(__AVX__)
constexpr std::size_t VL = 4;
#define DNN_GEMM_ISA "avx"
#else
constexpr std::size_t VL = 2;
#define DNN_GEMM_ISA "128-bit"
#endif

typedef double vec __attribute__((vector_size(VL * sizeof(double))));

// Unaligned vector load and store (C rows and unpacked B rows have any alignment); memcpy compiles to one move.
inline vec load(const double* p) {
    vec v;
    std::memcpy(&v, p, sizeof v);
    return v;
}
inline void store(double* p, vec v) { std::memcpy(p, &v, sizeof v); }

// GCC unrolls the small fixed loops only when asked; the accumulators must be registers, not an array in memory.
#if defined(__clang__)
#define DNN_UNROLL _Pragma("unroll")
#else
#define DNN_UNROLL _Pragma("GCC unroll 32")
#endif

// Prefetch of p[offset] (for reading, or writing when write is 1). The address is computed as an integer:
// it may lie past the end of an array (a prefetch never faults), where pointer arithmetic would be undefined.
inline void prefetch(const double* p, std::size_t offset, int write) {
    const void* address = reinterpret_cast<const void*>(reinterpret_cast<std::uintptr_t>(p) + offset * sizeof(double));
    if (write)
        __builtin_prefetch(address, 1);
    else
        __builtin_prefetch(address, 0);
}

// The first n (< VL, else all) numbers at p as a vector, the other lanes zero; and the converse store. Used at
// the right edge of C and at the end of a k sum. With AVX-512 they are single masked moves, which never touch
// the memory of the masked-off lanes.
#if defined(__AVX512F__)
inline vec load_part(const double* p, std::size_t n) {
    if (n >= VL) return load(p);
    return (vec)_mm512_maskz_loadu_pd(static_cast<__mmask8>((1u << n) - 1), p);
}
inline void store_part(double* p, vec v, std::size_t n) {
    if (n >= VL)
        store(p, v);
    else
        _mm512_mask_storeu_pd(p, static_cast<__mmask8>((1u << n) - 1), (__m512d)v);
}
#else
inline vec load_part(const double* p, std::size_t n) {
    if (n >= VL) return load(p);
    vec v = {};
    for (std::size_t l = 0; l < n; ++l) v[l] = p[l];
    return v;
}
inline void store_part(double* p, vec v, std::size_t n) {
    if (n >= VL) {
        store(p, v);
        return;
    }
    for (std::size_t l = 0; l < n; ++l) p[l] = v[l];
}
#endif

template <std::size_t MR, std::size_t NV>
void tile_kernel(std::size_t kc, const double* a, const double* b, std::size_t b_stride, double* c,
                 std::size_t ldc, std::size_t rows, std::size_t cols, bool accumulate, const double* b_prefetch) {
    constexpr std::size_t NR = NV * VL;
    const bool full = rows == MR && cols == NR;
    // Ask for the C tile's cache lines now (for writing), so they arrive during the k loop.
    DNN_UNROLL for (std::size_t i = 0; i < MR; ++i) {
        prefetch(c, i * ldc, 1);
        prefetch(c, i * ldc + NR - 1, 1);
    }
    vec acc[MR][NV];
    DNN_UNROLL for (std::size_t i = 0; i < MR; ++i) {
        DNN_UNROLL for (std::size_t v = 0; v < NV; ++v) {
            if (!accumulate)
                acc[i][v] = vec{};
            else if (full)
                acc[i][v] = load(c + i * ldc + v * VL);
            else
                acc[i][v] = i < rows && v * VL < cols ? load_part(c + i * ldc + v * VL, cols - v * VL) : vec{};
        }
    }
    for (std::size_t k = 0; k < kc; ++k) {
        prefetch(b_prefetch, k * b_stride, 0);  // the NR numbers of one row (two or three cache lines)
        prefetch(b_prefetch, k * b_stride + NR - 1, 0);
        vec bk[NV];
        DNN_UNROLL for (std::size_t v = 0; v < NV; ++v) bk[v] = load(b + v * VL);
        DNN_UNROLL for (std::size_t i = 0; i < MR; ++i) {
            const double aik = a[i];
            DNN_UNROLL for (std::size_t v = 0; v < NV; ++v) acc[i][v] += aik * bk[v];
        }
        a += MR;
        b += b_stride;
    }
    if (full) {
        DNN_UNROLL for (std::size_t i = 0; i < MR; ++i) {
            DNN_UNROLL for (std::size_t v = 0; v < NV; ++v) store(c + i * ldc + v * VL, acc[i][v]);
        }
        return;
    }
    DNN_UNROLL for (std::size_t i = 0; i < MR; ++i) {
        DNN_UNROLL for (std::size_t v = 0; v < NV; ++v) {
            if (i < rows && v * VL < cols) store_part(c + i * ldc + v * VL, acc[i][v], cols - v * VL);
        }
    }
}

#if defined(__AVX512F__)
constexpr std::size_t kMainMR = 8, kMainNV = 3;  // 8 x 24: 24 accumulators + 3 B vectors of 32 registers
constexpr std::size_t kAltMR = 20, kAltNV = 1;   // 20 x 8: the network's M = 20 in one tile, each B number loaded once
#elif defined(__AVX__)
constexpr std::size_t kMainMR = 6, kMainNV = 2;  // 6 x 8: 12 accumulators + 2 B vectors of 16 registers
constexpr std::size_t kAltMR = 4, kAltNV = 3;    // 4 x 12
#else
constexpr std::size_t kMainMR = 4, kMainNV = 2;  // 4 x 4: 8 accumulators of 16 registers
constexpr std::size_t kAltMR = 4, kAltNV = 2;
#endif

// Needs 8-lane vectors (the 8 x 8 transpose) and __builtin_shufflevector.
#if defined(__AVX512F__) && defined(__has_builtin)
#if __has_builtin(__builtin_shufflevector)
#define DNN_GEMM_BT 1

// ---- the transposed-tile kernel, for op(A) · B.T with few rows of A (e.g. dZ1 · X.T) ----
// It computes the tile's transpose, C.T = B · op(A).T, as an outer product: for each k, each of NR rows of B
// gives one number (broadcast, read straight from B's row, where k is contiguous) times the MR-wide column of
// op(A).T (a packed A micro-panel). So B is neither packed nor transposed, and each C element is one chain of
// fused multiply-adds in ascending k, as in tile_kernel. The finished NR x MR tile is transposed in registers
// (8 x 8 blocks, shuffles only) and stored as MR rows of C.

// The 8 x 8 transpose of x (x[r] is row r): out[l] holds lane l of every x[r], in order of r.
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

// C (rows x cols, rows <= MV * 8, cols <= NR = 8) = op(A) · B.T over k < K.
//   a: the packed A micro-panel, K * MR numbers (k-major, zero-padded rows); B row j at b + j * ldb.
//   Rows of B past cols repeat row 0 (their results are not stored).
// b_prefetch: the first of the NR rows (stride ldb) the next call reads; one of its cache lines per k step.
template <std::size_t MV>
void bt_tile_kernel(std::size_t K, const double* a, const double* b, std::size_t ldb, double* c, std::size_t ldc,
               std::size_t rows, std::size_t cols, const double* b_prefetch) {
    constexpr std::size_t MR = MV * VL, NR = 8;
    const double* bp[NR];
    DNN_UNROLL for (std::size_t j = 0; j < NR; ++j) bp[j] = b + (j < cols ? j : 0) * ldb;
    vec acc[MV][NR];
    DNN_UNROLL for (std::size_t v = 0; v < MV; ++v) {
        DNN_UNROLL for (std::size_t j = 0; j < NR; ++j) acc[v][j] = vec{};
    }
    for (std::size_t k = 0; k < K; ++k) {
        prefetch(b_prefetch, (k & 7) * ldb + (k & ~std::size_t{7}), 0);
        vec ak[MV];
        DNN_UNROLL for (std::size_t v = 0; v < MV; ++v) ak[v] = load(a + v * VL);
        DNN_UNROLL for (std::size_t j = 0; j < NR; ++j) {
            const double bjk = bp[j][k];
            DNN_UNROLL for (std::size_t v = 0; v < MV; ++v) acc[v][j] += bjk * ak[v];
        }
        a += MR;
    }
    DNN_UNROLL for (std::size_t v = 0; v < MV; ++v) {
        transpose8(acc[v]);  // acc[v][l] is now row v * 8 + l of the C tile
        DNN_UNROLL for (std::size_t l = 0; l < VL; ++l) {
            if (v * VL + l < rows) store_part(c + (v * VL + l) * ldc, acc[v][l], cols);
        }
    }
}

constexpr std::size_t kBtMV = 3;  // 24 x 8: 24 accumulators + 3 A vectors of 32 registers
#endif
#endif

#else  // another compiler: plain loops over an array tile, same arithmetic order per element

constexpr std::size_t VL = 1;
#define DNN_GEMM_ISA "scalar"

template <std::size_t MR, std::size_t NV>
void tile_kernel(std::size_t kc, const double* a, const double* b, std::size_t b_stride, double* c,
                 std::size_t ldc, std::size_t rows, std::size_t cols, bool accumulate, const double*) {
    double acc[MR][NV];
    for (std::size_t i = 0; i < MR; ++i)
        for (std::size_t j = 0; j < NV; ++j) acc[i][j] = accumulate && i < rows && j < cols ? c[i * ldc + j] : 0.0;
    for (std::size_t k = 0; k < kc; ++k) {
        for (std::size_t i = 0; i < MR; ++i)
            for (std::size_t j = 0; j < NV; ++j) acc[i][j] += a[i] * b[j];
        a += MR;
        b += b_stride;
    }
    for (std::size_t i = 0; i < rows; ++i)
        for (std::size_t j = 0; j < cols; ++j) c[i * ldc + j] = acc[i][j];
}

constexpr std::size_t kMainMR = 4, kMainNV = 4;
constexpr std::size_t kAltMR = 4, kAltNV = 4;

#endif

const MicroKernel kMain{kMainMR, kMainNV * VL, &tile_kernel<kMainMR, kMainNV>, DNN_GEMM_ISA};
const MicroKernel kAlt{kAltMR, kAltNV * VL, &tile_kernel<kAltMR, kAltNV>, DNN_GEMM_ISA};

}  // namespace

const MicroKernel& main_kernel() { return kMain; }
const MicroKernel& alt_kernel() { return kAlt; }

const BtKernel* bt_kernel() {
#ifdef DNN_GEMM_BT
    static const BtKernel kernel{kBtMV * VL, 8, &bt_tile_kernel<kBtMV>};
    return &kernel;
#else
    return nullptr;
#endif
}


}  // namespace dnn::gemm::detail
