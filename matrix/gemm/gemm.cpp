// matrix/gemm/gemm.cpp - dnn::gemm::gemm, the product behind np::dot: checks its arguments and sends a small
// product to the plain triple loop (naive.cpp), any other to the fast roads (large.cpp, see paths.hpp).
//
// Built with the configuration's own flags, like naive.cpp: under `make debug` a student steps from np::dot
// through here into the triple loop.
#include "matrix/gemm.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "matrix/gemm/paths.hpp"
#include "matrix/gemm/tuning.hpp"

namespace dnn::gemm {

namespace {

[[noreturn]] void fail_argument(const std::string& what) {
    throw std::invalid_argument("dnn::gemm::gemm: " + what);
}

[[noreturn]] void fail_stride(const char* name, std::size_t ld, const char* matrix, std::size_t row_length) {
    fail_argument(std::string(name) + " " + std::to_string(ld) + " is smaller than " + matrix + "'s row length " +
                  std::to_string(row_length));
}

// Row strides must cover a stored row; data must exist for a non-empty matrix.
void check_arguments(bool trans_a, bool trans_b, std::size_t M, std::size_t N, std::size_t K, const double* A,
                     std::size_t lda, const double* B, std::size_t ldb, const double* C, std::size_t ldc) {
    const std::size_t a_cols = trans_a ? M : K, b_cols = trans_b ? K : N;
    const bool has_a = M > 0 && K > 0, has_b = K > 0 && N > 0, has_c = M > 0 && N > 0;
    if (has_a && lda < a_cols) fail_stride("lda", lda, "A", a_cols);
    if (has_b && ldb < b_cols) fail_stride("ldb", ldb, "B", b_cols);
    if (has_c && ldc < N) fail_stride("ldc", ldc, "C", N);
    if ((has_a && A == nullptr) || (has_b && B == nullptr) || (has_c && C == nullptr))
        fail_argument("null data pointer for a non-empty matrix");
}

// Whether the plain triple loop is the faster road (see kSmallMaxWork in tuning.hpp).
bool is_small_product(bool trans_b, std::size_t M, std::size_t N, std::size_t K) {
    return M * N * K <= detail::kSmallMaxWork && (!trans_b || K <= detail::kSmallMaxDotK);
}

}  // namespace

void gemm(bool trans_a, bool trans_b, std::size_t M, std::size_t N, std::size_t K, const double* A,
          std::size_t lda, const double* B, std::size_t ldb, double* C, std::size_t ldc) {
    check_arguments(trans_a, trans_b, M, N, K, A, lda, B, ldb, C, ldc);
    if (M == 0 || N == 0) return;
    if (K == 0) {  // an empty sum: zeros
        for (std::size_t i = 0; i < M; ++i) std::fill(C + i * ldc, C + i * ldc + N, 0.0);
        return;
    }
    if (is_small_product(trans_b, M, N, K))
        gemm_naive(trans_a, trans_b, M, N, K, A, lda, B, ldb, C, ldc);
    else
        detail::gemm_large(trans_a, trans_b, M, N, K, A, lda, B, ldb, C, ldc);
}

}  // namespace dnn::gemm
