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

// EN: The algorithmic reference: three plain loops, one dot product per element, k ascending.
// KO: 알고리즘의 기준: 세 겹의 단순 루프로 원소마다 내적 하나를 k 오름차순으로 계산합니다.
void gemm_naive(bool trans_a, bool trans_b, std::size_t M, std::size_t N, std::size_t K,
                const double* A, std::size_t lda, const double* B, std::size_t ldb,
                double* C, std::size_t ldc);

// EN: The one np::dot uses. Small products (the notebook's 1x3 . 3x2 test cases) go to gemm_naive itself;
//     larger ones to the cache-blocked vector kernels (matrix/gemm/), which fuse each multiply-add.
// KO: np::dot이 쓰는 함수입니다. 작은 곱(노트북의 1x3 . 3x2 테스트 등)은 gemm_naive가 그대로 계산하고,
//     큰 곱은 캐시 블록 벡터 커널(matrix/gemm/)이 곱셈과 덧셈을 한 번에(FMA) 계산합니다.
void gemm(bool trans_a, bool trans_b, std::size_t M, std::size_t N, std::size_t K,
          const double* A, std::size_t lda, const double* B, std::size_t ldb,
          double* C, std::size_t ldc);

// EN: gemm without its argument checks, for callers whose arguments are right by construction (np::dot).
// KO: 인수 검사를 하지 않는 gemm입니다. 인수가 구조상 항상 올바른 호출자(np::dot)가 씁니다.
void gemm_unchecked(bool trans_a, bool trans_b, std::size_t M, std::size_t N, std::size_t K,
                    const double* A, std::size_t lda, const double* B, std::size_t ldb,
                    double* C, std::size_t ldc);

// EN: Cache block sizes of the blocked GEMM, in rows / columns: mc rows of A, kc values of k and nc columns
//     of B per block (mc and nc are rounded up to whole micro-tiles; a product whose k sum is shorter than kc
//     takes proportionally more columns, so its block of B fills the same room). Tests shrink them to exercise
//     every edge. set_block_sizes throws std::invalid_argument when a size is 0. Do not change them while a
//     product runs.
// KO: 블록 GEMM의 캐시 블록 크기(행/열 수): A의 mc행, k의 kc개, B의 nc열(mc와 nc는 마이크로 타일 단위로
//     올림. k 합이 kc보다 짧은 곱은 B 블록이 같은 공간을 채우도록 그만큼 열을 더 씁니다). 테스트가 모든
//     경계를 지나도록 줄여 씁니다. 크기가 0이면 set_block_sizes가 std::invalid_argument를 던집니다. 곱을
//     계산하는 동안에는 바꾸지 마세요.
struct BlockSizes {
    std::size_t mc = 0;
    std::size_t kc = 0;
    std::size_t nc = 0;
};
void set_block_sizes(const BlockSizes& sizes);
void reset_block_sizes();          // EN: back to this machine's defaults / KO: 이 머신의 기본값으로 되돌림
BlockSizes get_block_sizes();  // EN: the sizes in use / KO: 지금 쓰는 크기

}  // namespace dnn::gemm
