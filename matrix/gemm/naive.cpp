// matrix/gemm/naive.cpp - the plain triple loop: the reference every faster road is tested against, and the
// road of small products (the notebook's 1x3 . 3x2 test cases).
//
// Built with the configuration's own flags (the Makefile's per-file flags): under `make debug` it is -O0 -g, so a debugger shows
// i, j, k and sum (`info locals`). The k loop is one line, so `step` takes a whole dot product at a time
// (`until` or a breakpoint on it shows sum growing k by k). Each a * b is rounded before it is added (-ffp-contract=off everywhere but
// kernels.cpp), as numpy's own small dot products do.
#include "matrix/gemm.hpp"

namespace dnn::gemm {

void gemm_naive(bool trans_a, bool trans_b, std::size_t M, std::size_t N, std::size_t K,
                const double* A, std::size_t lda, const double* B, std::size_t ldb,
                double* C, std::size_t ldc) {
    // op(A)(i, k) is A[i * a_i + k * a_k] and op(B)(k, j) is B[k * b_k + j * b_j]:
    const std::size_t a_i = trans_a ? 1 : lda, a_k = trans_a ? lda : 1, b_k = trans_b ? 1 : ldb, b_j = trans_b ? ldb : 1;
    for (std::size_t i = 0; i < M; ++i) {
        for (std::size_t j = 0; j < N; ++j) {
            double sum = 0.0;
            for (std::size_t k = 0; k < K; ++k) sum += A[i * a_i + k * a_k] * B[k * b_k + j * b_j];
            C[i * ldc + j] = sum;
        }
    }
}

}  // namespace dnn::gemm
