// matrix/gemm/kernels.cpp - the micro-kernels: one MR x NR tile of C per call, held in vector registers.
//
// This is the only file built with -ffp-contract=fast (the Makefile's per-file flags): "acc += a * b" becomes one fused
// multiply-add, which is both faster and more accurate. Everything else keeps -ffp-contract=off.
//
// The tile lives in registers as fixed-width vectors (GCC / Clang vector extensions): each k step loads NR
// numbers of B as NR / VL vectors, and for each of the MR numbers of A does NR / VL multiply-adds of that
// number (broadcast) times the B vectors. The vector width VL and the tile sizes come from the instruction set
// this file is compiled for; reference_tile is the same arithmetic in plain scalar loops, in every build.
#include "matrix/gemm/kernels.hpp"

#include "matrix/gemm/vector.hpp"

namespace dnn::gemm::detail {

namespace {

using namespace simd;

// Loads of the first n lanes that never touch the others are single instructions with AVX-512 only; elsewhere
// load_part is a loop of scalar loads, too slow for every k step, and the kernels read padded panels.
#if defined(__AVX512F__)
constexpr bool kMaskedLoads = true;
#else
constexpr bool kMaskedLoads = false;
#endif

// ---- tile shapes for this build's registers ----
// MR x NV vectors of accumulators plus NV vectors of B must fit in the registers with one or two to spare.
#if defined(__AVX512F__)
constexpr std::size_t kMainMR = 8, kMainNV = 3;  // 8 x 24: 24 accumulators + 3 B vectors of 32 registers
// 10 x 16: the network's M = 20 in two tiles, the second finding the B panel in L1. Per k, 10 broadcasts and
// 2 loads of B feed 20 multiply-adds; a 20 x 8 tile needs 20 broadcasts and 1 load for the same 20, and ran at
// 82% of the FMA peak on cached panels on Zen 5 against 95% for this one.
constexpr std::size_t kAltMR = 10, kAltNV = 2;
#elif defined(__AVX__)
constexpr std::size_t kMainMR = 6, kMainNV = 2;  // 6 x 8: 12 accumulators + 2 B vectors of 16 registers
constexpr std::size_t kAltMR = 4, kAltNV = 3;    // 4 x 12
#elif defined(__ARM_NEON)
constexpr std::size_t kMainMR = 8, kMainNV = 3;  // 8 x 6: 24 accumulators + 3 B vectors of 32 registers
constexpr std::size_t kAltMR = 4, kAltNV = 4;    // 4 x 8
#else
constexpr std::size_t kMainMR = 4, kMainNV = 2;  // 4 x 4: 8 accumulators of 16 registers
constexpr std::size_t kAltMR = 4, kAltNV = 2;
#endif

// ---- the vector micro-kernel (the contract is in kernels.hpp) ----
// The loops over i < MR and v < NV are unrolled (#pragma GCC unroll), so acc is MR * NV registers, not memory.
template <std::size_t MR, std::size_t NV>
void tile_kernel(std::size_t kc, const double* a, const double* b, std::size_t b_stride, double* c,
                 std::size_t ldc, std::size_t rows, std::size_t cols, bool accumulate, const double* b_prefetch,
                 const double* c_next, const double* a_next) {
    constexpr std::size_t NR = NV * VL;
    // Without a next A panel the prefetches of A go to this call's own panel (already in L1: nearly free), so
    // the k loop has no branch.
    const double* a_prefetch = a_next != nullptr ? a_next : a;
    const bool full = rows == MR && cols == NR;
    // A narrow tile reads only its cols numbers of each B row (masked loads, where the build has them): the
    // panel may then be a last one read in place, with nothing after its last number.
    const bool b_masked = kMaskedLoads && cols < NR;
    // Ask for the next call's C tile now (for writing): it arrives while this call multiplies.
    if (c_next != nullptr) {
#pragma GCC unroll 32
        for (std::size_t i = 0; i < MR; ++i) {
#pragma GCC unroll 32
            for (std::size_t j = 0; j < NR; j += kLineDoubles) prefetch_write(c_next, i * ldc + j);
            prefetch_write(c_next, i * ldc + NR - 1);
        }
    }
    vec acc[MR][NV];
#pragma GCC unroll 32
    for (std::size_t i = 0; i < MR; ++i) {
#pragma GCC unroll 32
        for (std::size_t v = 0; v < NV; ++v) {
            if (!accumulate)
                acc[i][v] = vec{};
            else if (full)
                acc[i][v] = load(c + i * ldc + v * VL);
            else
                acc[i][v] = i < rows && v * VL < cols ? load_part(c + i * ldc + v * VL, cols - v * VL) : vec{};
        }
    }
    for (std::size_t k = 0; k < kc; ++k) {
        // The NR numbers of one row of B: each cache line they touch (a packed row is contiguous and starts a
        // line; a row read in place from B may start anywhere, so its last number can start one more line).
#pragma GCC unroll 32
        for (std::size_t j = 0; j < NR; j += kLineDoubles) prefetch_read(b_prefetch, k * b_stride + j);
        prefetch_read(b_prefetch, k * b_stride + NR - 1);
        // The MR numbers of one k step of the next A panel (the panel is contiguous: one line per 8 numbers).
#pragma GCC unroll 32
        for (std::size_t i = 0; i < MR; i += kLineDoubles) prefetch_read(a_prefetch, k * MR + i);
        vec bk[NV];
#pragma GCC unroll 32
        for (std::size_t v = 0; v < NV; ++v)
            bk[v] = !b_masked ? load(b + v * VL) : v * VL < cols ? load_part(b + v * VL, cols - v * VL) : vec{};
#pragma GCC unroll 32
        for (std::size_t i = 0; i < MR; ++i) {
            const double aik = a[i];
#pragma GCC unroll 32
            for (std::size_t v = 0; v < NV; ++v) acc[i][v] += aik * bk[v];
        }
        a += MR;
        b += b_stride;
    }
    if (full) {
#pragma GCC unroll 32
        for (std::size_t i = 0; i < MR; ++i) {
#pragma GCC unroll 32
            for (std::size_t v = 0; v < NV; ++v) store(c + i * ldc + v * VL, acc[i][v]);
        }
        return;
    }
#pragma GCC unroll 32
    for (std::size_t i = 0; i < MR; ++i) {
#pragma GCC unroll 32
        for (std::size_t v = 0; v < NV; ++v) {
            if (i < rows && v * VL < cols) store_part(c + i * ldc + v * VL, acc[i][v], cols - v * VL);
        }
    }
}

// ---- the reference tile: the same contract and arithmetic in plain scalar loops ----
constexpr std::size_t kRefMR = 4, kRefNR = 4;

// c + a * b as the vector kernels compute it: one fused multiply-add where the target has the instruction
// (there -ffp-contract=fast fuses the kernels' "acc += a * b"), else a rounded product, then a sum. Said
// explicitly here: a compiler may leave a scalar loop unfused (g++ -fsanitize=thread does).
inline double multiply_add(double a, double b, double c) {
#if defined(__FMA__) || defined(__ARM_FEATURE_FMA)
    return __builtin_fma(a, b, c);
#else
    return c + a * b;
#endif
}

void reference_tile(std::size_t kc, const double* a, const double* b, std::size_t b_stride, double* c,
                    std::size_t ldc, std::size_t rows, std::size_t cols, bool accumulate, const double*,
                    const double*, const double*) {
    double acc[kRefMR][kRefNR];
    for (std::size_t i = 0; i < kRefMR; ++i)
        for (std::size_t j = 0; j < kRefNR; ++j) acc[i][j] = accumulate && i < rows && j < cols ? c[i * ldc + j] : 0.0;
    for (std::size_t k = 0; k < kc; ++k) {
        for (std::size_t i = 0; i < kRefMR; ++i)
            for (std::size_t j = 0; j < kRefNR; ++j) acc[i][j] = multiply_add(a[i], b[j], acc[i][j]);
        a += kRefMR;
        b += b_stride;
    }
    for (std::size_t i = 0; i < rows; ++i)
        for (std::size_t j = 0; j < cols; ++j) c[i * ldc + j] = acc[i][j];
}

#if defined(__AVX512F__)
// ---- the transposed-tile kernel, for op(A) · B.T with few rows of A (e.g. dZ1 · X.T) ----
// It computes the tile's transpose, C.T = B · op(A).T, as an outer product: for each k, each of NR rows of B
// gives one number (broadcast, read straight from B's row, where k is contiguous) times the MR-wide column of
// op(A).T (a packed A micro-panel). So B is neither packed nor transposed, and each C element is one chain of
// fused multiply-adds in ascending k, as in tile_kernel. The finished NR x MR tile is transposed in registers
// (8 x 8 blocks, shuffles only) and stored as MR rows of C.

// C (rows x cols, rows <= MV * 8, cols <= NR = 8) = op(A) · B.T over k < K.
//   a: the packed A micro-panel, K * MR numbers (k-major, zero-padded rows); B row j at b + j * ldb.
//   Rows of B past cols repeat row 0 (their results are not stored).
// b_prefetch: the first of the NR rows (stride ldb) the next call reads; one of its cache lines per k step.
template <std::size_t MV>
void bt_tile_kernel(std::size_t K, const double* a, const double* b, std::size_t ldb, double* c, std::size_t ldc,
                    std::size_t rows, std::size_t cols, const double* b_prefetch) {
    constexpr std::size_t MR = MV * VL, NR = 8;
    const double* bp[NR];
#pragma GCC unroll 32
    for (std::size_t j = 0; j < NR; ++j) bp[j] = b + (j < cols ? j : 0) * ldb;
    vec acc[MV][NR];
#pragma GCC unroll 32
    for (std::size_t v = 0; v < MV; ++v) {
#pragma GCC unroll 32
        for (std::size_t j = 0; j < NR; ++j) acc[v][j] = vec{};
    }
    for (std::size_t k = 0; k < K; ++k) {
        prefetch_read(b_prefetch, (k & 7) * ldb + (k & ~std::size_t{7}));
        vec ak[MV];
#pragma GCC unroll 32
        for (std::size_t v = 0; v < MV; ++v) ak[v] = load(a + v * VL);
#pragma GCC unroll 32
        for (std::size_t j = 0; j < NR; ++j) {
            const double bjk = bp[j][k];
#pragma GCC unroll 32
            for (std::size_t v = 0; v < MV; ++v) acc[v][j] += bjk * ak[v];
        }
        a += MR;
    }
#pragma GCC unroll 32
    for (std::size_t v = 0; v < MV; ++v) {
        transpose8(acc[v]);  // acc[v][l] is now row v * 8 + l of the C tile
#pragma GCC unroll 32
        for (std::size_t l = 0; l < VL; ++l) {
            if (v * VL + l < rows) store_part(c + (v * VL + l) * ldc, acc[v][l], cols);
        }
    }
}

// The same product for MV * 8 + 4 rows of op(A) (20 for MV = 2: the network's dZ1 · X.T, which the 24-row tile
// pads by a sixth). Rows [0, MV * 8) as in bt_tile_kernel. The last 4 rows are vectors over the tile's 8 rows
// of B instead: each 8 k steps, an 8 x 8 block of B (8 rows, 8 numbers of k each) is loaded and transposed in
// registers, so vector kk holds number k + kk of all 8 rows, and each of the 4 rows of op(A) adds its number
// (broadcast) times that vector. Per k, 20 multiply-adds instead of 24, for 3 shuffles more (timed on Zen 5,
// cached panels: 101 GFLOP/s against 88 for the 24-row tile, counting the 20 rows' work). Each C element is
// still one chain of fused multiply-adds in ascending k.
template <std::size_t MV>
void bt_tail4_kernel(std::size_t K, const double* a, const double* b, std::size_t ldb, double* c, std::size_t ldc,
                     std::size_t rows, std::size_t cols, const double* b_prefetch) {
    constexpr std::size_t MR = MV * VL + 4, NR = 8;
    const double* bp[NR];
#pragma GCC unroll 32
    for (std::size_t j = 0; j < NR; ++j) bp[j] = b + (j < cols ? j : 0) * ldb;
    vec acc[MV][NR];  // rows v * 8 .. v * 8 + 7 of C, column j: acc[v][j] (a vector over rows)
    vec tail[4];      // row MV * 8 + i of C: tail[i] (a vector over the 8 columns)
#pragma GCC unroll 32
    for (std::size_t v = 0; v < MV; ++v) {
#pragma GCC unroll 32
        for (std::size_t j = 0; j < NR; ++j) acc[v][j] = vec{};
    }
#pragma GCC unroll 4
    for (std::size_t i = 0; i < 4; ++i) tail[i] = vec{};
    std::size_t k = 0;
    for (; k + VL <= K; k += VL) {
        vec block[NR];  // row j of B, numbers k .. k + 7
#pragma GCC unroll 32
        for (std::size_t j = 0; j < NR; ++j) block[j] = load(bp[j] + k);
#pragma GCC unroll 32
        for (std::size_t kk = 0; kk < VL; ++kk) {
            prefetch_read(b_prefetch, ((k + kk) & 7) * ldb + ((k + kk) & ~std::size_t{7}));
            const double* ak = a + (k + kk) * MR;
            vec av[MV];
#pragma GCC unroll 32
            for (std::size_t v = 0; v < MV; ++v) av[v] = load(ak + v * VL);
#pragma GCC unroll 32
            for (std::size_t j = 0; j < NR; ++j) {
                const double bjk = bp[j][k + kk];
#pragma GCC unroll 32
                for (std::size_t v = 0; v < MV; ++v) acc[v][j] += bjk * av[v];
            }
        }
        transpose8(block);  // block[kk]: number k + kk of the 8 rows
#pragma GCC unroll 32
        for (std::size_t kk = 0; kk < VL; ++kk) {
            const double* ak = a + (k + kk) * MR + MV * VL;
#pragma GCC unroll 4
            for (std::size_t i = 0; i < 4; ++i) tail[i] += ak[i] * block[kk];
        }
    }
    for (; k < K; ++k) {  // the last K % 8 steps, one at a time
        const double* ak = a + k * MR;
        vec av[MV];
#pragma GCC unroll 32
        for (std::size_t v = 0; v < MV; ++v) av[v] = load(ak + v * VL);
        vec column;
#pragma GCC unroll 32
        for (std::size_t j = 0; j < NR; ++j) {
            const double bjk = bp[j][k];
            column[j] = bjk;
#pragma GCC unroll 32
            for (std::size_t v = 0; v < MV; ++v) acc[v][j] += bjk * av[v];
        }
#pragma GCC unroll 4
        for (std::size_t i = 0; i < 4; ++i) tail[i] += ak[MV * VL + i] * column;
    }
#pragma GCC unroll 32
    for (std::size_t v = 0; v < MV; ++v) {
        transpose8(acc[v]);
#pragma GCC unroll 32
        for (std::size_t l = 0; l < VL; ++l) {
            if (v * VL + l < rows) store_part(c + (v * VL + l) * ldc, acc[v][l], cols);
        }
    }
#pragma GCC unroll 4
    for (std::size_t i = 0; i < 4; ++i) {
        if (MV * VL + i < rows) store_part(c + (MV * VL + i) * ldc, tail[i], cols);
    }
}

constexpr std::size_t kBtMV = 3;  // 24 x 8: 24 accumulators + 3 A vectors of 32 registers
const BtKernel kBt{kBtMV * VL, 8, &bt_tile_kernel<kBtMV>, "24x8"};
// 20 x 8: 16 + 4 accumulators, 8 vectors of the B block, 2 A vectors (30 of 32 registers)
const BtKernel kBt20{2 * VL + 4, 8, &bt_tail4_kernel<2>, "20x8 (16 + 4)"};

// The one whose tiles pad M the least (the 24-row one on a tie).
const BtKernel* bt_kernel_for(std::size_t M) {
    const std::size_t pad24 = (M + kBt.mr - 1) / kBt.mr * kBt.mr, pad20 = (M + kBt20.mr - 1) / kBt20.mr * kBt20.mr;
    return pad20 < pad24 ? &kBt20 : &kBt;
}
#else
const BtKernel* bt_kernel_for(std::size_t) { return nullptr; }  // the transposed tile needs 8-lane vectors
#endif

const MicroKernel kMain{kMainMR, kMainNV * VL, &tile_kernel<kMainMR, kMainNV>, "main", kMaskedLoads};
const MicroKernel kAlt{kAltMR, kAltNV * VL, &tile_kernel<kAltMR, kAltNV>, "few-rows", kMaskedLoads};
const MicroKernel kReference{kRefMR, kRefNR, &reference_tile, "reference (plain loops)", false};

}  // namespace

const MicroKernel& main_kernel() { return kMain; }
const MicroKernel& few_rows_kernel() { return kAlt; }
const MicroKernel& reference_kernel() { return kReference; }
const BtKernel* bt_kernel(std::size_t M) { return bt_kernel_for(M); }
const char* kernel_isa() { return kIsa; }

}  // namespace dnn::gemm::detail
