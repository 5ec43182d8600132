// matrix/gemm/paths.hpp - the roads a product can take through the GEMM (internal).
//
//   gemm.cpp     dnn::gemm::gemm: checks the arguments; a small product goes to the plain loop (naive.cpp),
//                any other to gemm_large
//   large.cpp    gemm_large: picks the road for the shape and cuts C into bands, one per thread
//   blocked.cpp  gemm_blocked: the five loops around the micro-kernel (the general road)
//   shapes.cpp   the roads for the network's shapes far from square: few rows of A, and op(A) · B.T
//
// Shapes and storage as in matrix/gemm.hpp: op(A) is (M, K), op(B) is (K, N), C is (M, N), row strides lda,
// ldb, ldc. Every road sums each C element as one chain of multiply-adds in ascending k, so the result does
// not depend on the road's blocks or on how C is shared between threads.
#pragma once

#include <cstddef>

#include "matrix/gemm/kernels.hpp"

namespace dnn::gemm::detail {

// A product too large for the plain loop (M, N, K > 0): the road for its shape, on the library's threads.
void gemm_large(bool trans_a, bool trans_b, std::size_t M, std::size_t N, std::size_t K, const double* A,
                std::size_t lda, const double* B, std::size_t ldb, double* C, std::size_t ldc);

// The five loops around kern over C (M x N); A, B and C point at this part's first row / column.
void gemm_blocked(const MicroKernel& kern, bool trans_a, bool trans_b, std::size_t M, std::size_t N,
                  std::size_t K, const double* A, std::size_t lda, const double* B, std::size_t ldb, double* C,
                  std::size_t ldc);

// ---- shapes.cpp ----
// Few rows of A and B not transposed (W1 · X): B read in place, not packed.
bool takes_few_rows_road(const MicroKernel& kern, bool trans_b, std::size_t M);
void gemm_few_rows(const MicroKernel& kern, bool trans_a, std::size_t M, std::size_t N, std::size_t K,
                   const double* A, std::size_t lda, const double* B, std::size_t ldb, double* C, std::size_t ldc);

// op(A) · B.T with few rows of A (dZ1 · X.T): the transposed-tile kernel, B read in place.
bool takes_bt_road(bool trans_b, std::size_t M, std::size_t K);
void gemm_bt(const BtKernel& bt, bool trans_a, std::size_t M, std::size_t N, std::size_t K, const double* A,
             std::size_t lda, const double* B, std::size_t ldb, double* C, std::size_t ldc);

}  // namespace dnn::gemm::detail
