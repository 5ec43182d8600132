#include "matrix/gemm.hpp"
#include <vector>
namespace dnn::gemm {
void gemm(bool trans_a, bool trans_b, std::size_t M, std::size_t N, std::size_t K,
          const double* A, std::size_t lda, const double* B, std::size_t ldb,
          double* C, std::size_t ldc) {
    std::vector<double> b_rows;
    if (trans_b) {
        b_rows.resize(K * N);
        for (std::size_t k = 0; k < K; ++k)
            for (std::size_t j = 0; j < N; ++j) b_rows[k * N + j] = B[j * ldb + k];
        B = b_rows.data();
        ldb = N;
    }
    for (std::size_t i = 0; i < M; ++i) {
        double* c = C + i * ldc;
        for (std::size_t j = 0; j < N; ++j) c[j] = 0.0;
        for (std::size_t k = 0; k < K; ++k) {
            const double a = trans_a ? A[k * lda + i] : A[i * lda + k];
            const double* b = B + k * ldb;
            for (std::size_t j = 0; j < N; ++j) c[j] += a * b[j];
        }
    }
}
}
