// matrix/gemm_kernel.hpp - the GEMM's register micro-kernels and the packing that feeds them (internal).
//
// Vocabulary (BLIS / GotoBLAS): the product is cut into MR x NR tiles of C. A "micro-panel" of A is MR rows of
// op(A) over kc values of k, stored k by k (MR numbers per k); a micro-panel of B is NR columns of op(B) over
// the same k, stored k by k (NR numbers per k). The micro-kernel multiplies one of each into one C tile held
// in registers. Panels past the matrix edge are padded with zeros so the kernel always sees full tiles.
#pragma once

#include <cstddef>

namespace dnn::gemm::detail {

// C tile (MR x NR, row stride ldc) = (accumulate ? C tile : 0) + A micro-panel · B micro-panel.
//   a: kc * MR numbers (k-major), b: kc rows of NR numbers, row k at b + k * b_stride (NR for a packed panel).
// Only the top-left rows x cols of the tile lie inside C (rows <= MR, cols <= NR): the kernel computes the
// whole tile in registers but reads and writes C only there.
// b_prefetch: at step k the kernel prefetches the NR numbers at b_prefetch + k * b_stride (a hint only, never
// read): rows further down this panel, or the panel the next call will read.
// Each C element is one chain of fused multiply-adds in ascending k, the same whatever tile it falls in.
using MicroKernelFn = void (*)(std::size_t kc, const double* a, const double* b, std::size_t b_stride,
                               double* c, std::size_t ldc, std::size_t rows, std::size_t cols, bool accumulate,
                               const double* b_prefetch);

struct MicroKernel {
    std::size_t mr;      // rows of the C tile
    std::size_t nr;      // columns of the C tile (a multiple of the vector width)
    MicroKernelFn run;
    const char* name;    // the instruction set it was built for, e.g. "avx512" (shown by the benchmark)
};

// The main kernel for large products (the widest tile this build's registers hold).
const MicroKernel& main_kernel();
// A kernel whose tile fits products with few rows (with AVX-512: 20 x 8, the network's M = 20 in one tile, so
// every number of B is loaded once). gemm.cpp takes it when it wastes less padding than the main one.
// May be the main kernel when the build has no better choice.
const MicroKernel& alt_kernel();
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
};
// nullptr when this build has none (it needs 8-lane vectors and __builtin_shufflevector).
const BtKernel* bt_kernel();

// Alignment in bytes that packed panels get (one vector).
constexpr std::size_t kPanelAlign = 64;

// Packs rows [i0, i0 + mc) x k-range [k0, k0 + kc) of op(A) into micro-panels of mr rows, zero-padded
// to a multiple of mr rows. op(A)(i, k) is A[i * lda + k], or A[k * lda + i] when trans_a.
void pack_a(bool trans_a, const double* A, std::size_t lda, std::size_t i0, std::size_t mc, std::size_t k0,
            std::size_t kc, std::size_t mr, double* out);

// Packs k-range [k0, k0 + kc) x columns [j0, j0 + nc) of op(B) into micro-panels of nr columns,
// zero-padded to a multiple of nr columns. op(B)(k, j) is B[k * ldb + j], or B[j * ldb + k] when trans_b.
void pack_b(bool trans_b, const double* B, std::size_t ldb, std::size_t k0, std::size_t kc, std::size_t j0,
            std::size_t nc, std::size_t nr, double* out);

}  // namespace dnn::gemm::detail
