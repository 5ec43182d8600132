// matrix/gemm.hpp - general matrix multiply on raw row-major storage: C = op(A) · op(B).
//
// EN: np::dot calls this. op(X) is X or its transpose, so A.T() and B.T() are multiplied without copying.
// KO: np::dot이 이 함수를 부릅니다. op(X)는 X 또는 그 전치이므로 A.T(), B.T()를 복사 없이 곱합니다.
#pragma once

#include <cstddef>

namespace dnn::gemm {

// Shapes: op(A) is (M, K), op(B) is (K, N), C is (M, N).
//   trans_a == false: A is stored row-major as (M, K) with row stride lda (lda >= K).
//   trans_a == true:  A is stored row-major as (K, M) with row stride lda (lda >= M).
//   trans_b likewise for B: (K, N) or, transposed, (N, K), with row stride ldb.
//   C is row-major (M, N) with row stride ldc (ldc >= N). C is overwritten, never read: it may hold NaN.
// Each C[i][j] is the sum over k of op(A)[i][k] * op(B)[k][j].

// The algorithmic reference: three plain loops, one dot product per element, k ascending.
void gemm_naive(bool trans_a, bool trans_b, std::size_t M, std::size_t N, std::size_t K,
                const double* A, std::size_t lda, const double* B, std::size_t ldb,
                double* C, std::size_t ldc);

// The one np::dot uses.
void gemm(bool trans_a, bool trans_b, std::size_t M, std::size_t N, std::size_t K,
          const double* A, std::size_t lda, const double* B, std::size_t ldb,
          double* C, std::size_t ldc);

}  // namespace dnn::gemm
