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

// ---- the dot-product kernel, for op(B) = B.T with few rows of A (e.g. dZ1 · X.T) ----
// Both operands are read along k, where they are contiguous: no packing of B at all. Each accumulator holds
// VL partial sums of one C element; the lanes are added at the end. Written for 8 lanes (AVX-512).
#if defined(__AVX512F__) && defined(__has_builtin)
#if __has_builtin(__builtin_shufflevector)
#define DNN_GEMM_DOT 1

// One vector whose lane r is the sum of the lanes of x[r]. Every x is added in the same order,
// ((l0 + l4) + (l2 + l6)) + ((l1 + l5) + (l3 + l7)), wherever it sits, so results never depend on tiling.
inline vec lane_sums(const vec (&x)[8]) {
    // Each step adds two halves of every input and packs two inputs' results into one vector.
    auto halves = [](vec p, vec q) {
        return __builtin_shufflevector(p, q, 0, 1, 2, 3, 8, 9, 10, 11) +
               __builtin_shufflevector(p, q, 4, 5, 6, 7, 12, 13, 14, 15);
    };
    auto quarters = [](vec p, vec q) {
        return __builtin_shufflevector(p, q, 0, 1, 8, 9, 4, 5, 12, 13) +
               __builtin_shufflevector(p, q, 2, 3, 10, 11, 6, 7, 14, 15);
    };
    auto eighths = [](vec p, vec q) {
        return __builtin_shufflevector(p, q, 0, 8, 2, 10, 4, 12, 6, 14) +
               __builtin_shufflevector(p, q, 1, 9, 3, 11, 5, 13, 7, 15);
    };
    // The steps leave input slot s in lane {0, 4, 2, 6, 1, 5, 3, 7}[s]; feeding x in that order undoes it.
    return eighths(quarters(halves(x[0], x[4]), halves(x[2], x[6])), quarters(halves(x[1], x[5]), halves(x[3], x[7])));
}

// Loads v into a register once: without this the compiler may fold the load into each of the MR multiply-adds
// that use it, tripling the loads (mostly cache-line splits here, as B's rows have any alignment).
inline void keep_in_register(vec& v) { asm("" : "+v"(v)); }

// C (rows x cols, rows <= MR, cols <= 8) = A rows · B rows^T over k < K.
//   A row i at a + i * a_stride, zero-padded up to a multiple of VL; B row j at b + j * ldb, exactly K long.
// Rows / columns past rows / cols repeat row 0 (their results are not stored).
template <std::size_t MR>
void dot_kernel(std::size_t K, const double* a, std::size_t a_stride, const double* b, std::size_t ldb, double* c,
                std::size_t ldc, std::size_t rows, std::size_t cols) {
    constexpr std::size_t NR = 8;
    const double* ap[MR];
    const double* bp[NR];
    DNN_UNROLL for (std::size_t i = 0; i < MR; ++i) ap[i] = a + (i < rows ? i : 0) * a_stride;
    DNN_UNROLL for (std::size_t j = 0; j < NR; ++j) bp[j] = b + (j < cols ? j : 0) * ldb;
    vec acc[MR][NR];
    DNN_UNROLL for (std::size_t i = 0; i < MR; ++i) {
        DNN_UNROLL for (std::size_t j = 0; j < NR; ++j) acc[i][j] = vec{};
    }
    const std::size_t k_full = K / VL * VL;
    for (std::size_t k = 0; k < k_full; k += VL) {
        vec ak[MR];
        DNN_UNROLL for (std::size_t i = 0; i < MR; ++i) ak[i] = load(ap[i] + k);
        DNN_UNROLL for (std::size_t j = 0; j < NR; ++j) {
            vec bk = load(bp[j] + k);
            keep_in_register(bk);
            DNN_UNROLL for (std::size_t i = 0; i < MR; ++i) acc[i][j] += ak[i] * bk;
        }
    }
    if (k_full < K) {  // the last K % VL values of k: B's row ends there, A's padding is zero
        vec ak[MR];
        DNN_UNROLL for (std::size_t i = 0; i < MR; ++i) ak[i] = load(ap[i] + k_full);
        DNN_UNROLL for (std::size_t j = 0; j < NR; ++j) {
            const vec bk = load_part(bp[j] + k_full, K - k_full);
            DNN_UNROLL for (std::size_t i = 0; i < MR; ++i) acc[i][j] += ak[i] * bk;
        }
    }
    DNN_UNROLL for (std::size_t i = 0; i < MR; ++i) {
        if (i < rows) store_part(c + i * ldc, lane_sums(acc[i]), cols);
    }
}

constexpr std::size_t kDotMR = 3;  // 3 x 8: 24 accumulators + 3 A vectors + 1 B vector of 32 registers
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

const DotKernel* dot_kernel() {
#ifdef DNN_GEMM_DOT
    static const DotKernel kernel{kDotMR, 8, VL, &dot_kernel<kDotMR>};
    return &kernel;
#else
    return nullptr;
#endif
}

}  // namespace dnn::gemm::detail
