// matrix/gemm/kernels.hpp - the micro-kernels: one small tile of C per call, in registers (internal).
//
// Vocabulary (BLIS / GotoBLAS): the product is cut into MR x NR tiles of C. A "micro-panel" of A is MR rows of
// op(A) over kc values of k, stored k by k (MR numbers per k); a micro-panel of B is NR columns of op(B) over
// the same k, stored k by k (NR numbers per k). The micro-kernel multiplies one of each into one C tile held
// in registers. Panels past the matrix edge are padded with zeros so the kernel always sees full tiles.
//
// Which vector kernels exist is decided when kernels.cpp is compiled, from the instruction set the compiler
// targets (-march=native): AVX-512, AVX2 / AVX, or plain 128-bit vectors (SSE2 with PORTABLE=1, NEON on ARM).
// The plain-loop reference tile is compiled in every build; the tests check every kernel against it.
#pragma once

#include <cstddef>

namespace dnn::gemm::detail {

// C tile (MR x NR, row stride ldc) = (accumulate ? C tile : 0) + A micro-panel · B micro-panel.
//   a: kc * MR numbers (k-major), b: kc rows of NR numbers, row k at b + k * b_stride (NR for a packed panel).
// Only the top-left rows x cols of the tile lie inside C (rows <= MR, cols <= NR): the kernel computes the
// whole tile in registers but reads and writes C only there. A kernel with partial_b_in_place reads only the
// first cols numbers of each B row too, so a last, narrow panel can be read in place from B, unpadded.
// b_prefetch: at step k the kernel prefetches the NR numbers at b_prefetch + k * b_stride (a hint only, never
// read): rows further down this panel, or the panel the next call will read.
// c_next: the C tile (MR x NR, row stride ldc) the next call will read and write, prefetched for writing while
// this one multiplies (a hint only; nullptr for none). The kernel reads its own C tile before its k loop, so
// that tile must come from the call before: a C tile from memory would stall the start of every call.
// a_next: an A micro-panel (kc * MR numbers) that the next call reads and that is not in cache (the next row of
// tiles' panel, read last from memory or L3), prefetched as this call steps through k: one k step's MR numbers
// per step (a hint only; nullptr for none).
// Each C element is one chain of fused multiply-adds in ascending k, the same whatever tile it falls in.
using MicroKernelFn = void (*)(std::size_t kc, const double* a, const double* b, std::size_t b_stride,
                               double* c, std::size_t ldc, std::size_t rows, std::size_t cols, bool accumulate,
                               const double* b_prefetch, const double* c_next, const double* a_next);

struct MicroKernel {
    std::size_t mr;      // rows of the C tile
    std::size_t nr;      // columns of the C tile (a multiple of the vector width)
    MicroKernelFn run;
    const char* name;    // e.g. "avx512 8x24" (printed by the benchmark)
    bool partial_b_in_place;  // reads no B number past column cols (masked loads): see MicroKernelFn
};

// The main kernel for large products (the widest tile this build's registers hold).
const MicroKernel& main_kernel();
// A kernel whose tile fits products with few rows (with AVX-512: 10 x 16, the network's M = 20 in two tiles
// without padding). large.cpp takes it when it wastes less padding than the main one.
// May have the main kernel's shape when the build has no better choice.
const MicroKernel& few_rows_kernel();
// The same contract with plain scalar loops (a 4 x 4 tile): the reference the vector kernels are tested
// against, also usable by the five loops (the tests run them with it).
const MicroKernel& reference_kernel();

// The transposed-tile kernel for C = op(A) · B.T when A has few rows: it computes C.T = B · op(A).T with B's
// numbers broadcast straight from its rows (stored (N, K), k contiguous), so B is never packed. C (rows x cols,
// rows <= mr, cols <= nr, row stride ldc) = A micro-panel · B rows^T over K; a: the packed A micro-panel
// (pack_a with mr, K * mr numbers); B row j at b + j * ldb. b_prefetch: the first of the nr rows (stride ldb)
// the next call reads (a hint only). Each C element is one chain of fused multiply-adds in ascending k.
using BtKernelFn = void (*)(std::size_t K, const double* a, const double* b, std::size_t ldb, double* c,
                            std::size_t ldc, std::size_t rows, std::size_t cols, const double* b_prefetch);
struct BtKernel {
    std::size_t mr;  // rows of C (of op(A)) per call: the packed A micro-panel's width
    std::size_t nr;  // columns of C (rows of B) per call
    BtKernelFn run;
    const char* name;  // e.g. "24x8" (printed by the benchmark)
};
// The one for M rows of op(A): with AVX-512, 24 x 8, or 20 x 8 (16 + 4 rows, see kernels.cpp) where its tiles
// pad M less (M = 20: dZ1 · X.T). nullptr when this build has none (it needs 8-lane vectors).
const BtKernel* bt_kernel(std::size_t M);

// The instruction set kernels.cpp was compiled for: "avx512", "avx2", "avx", "sse2", "neon" or "128-bit".
const char* kernel_isa();

// Alignment in bytes that packed panels get (one 512-bit vector, a cache line).
constexpr std::size_t kPanelAlign = 64;
// Numbers per cache line (64 bytes): the unit of prefetches and of the threads' own bands of C (large.cpp).
constexpr std::size_t kLineDoubles = 64 / sizeof(double);

}  // namespace dnn::gemm::detail
