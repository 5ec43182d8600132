// matrix/gemm/gemm.cpp - dnn::gemm::gemm, the product behind np::dot: checks its arguments (gemm) and sends
// a small product to the plain triple loop (naive.cpp), any other to the fast roads (gemm_unchecked; the
// roads are listed in paths.hpp).
//
// Built with the configuration's own flags, like naive.cpp: under `make debug` a student steps from np::dot
// through here into the triple loop.
#include "matrix/gemm.hpp"

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

// Throws the error that check_arguments found.
[[noreturn]] void fail_arguments(bool trans_a, bool trans_b, std::size_t M, std::size_t N, std::size_t K,
                                 std::size_t lda, std::size_t ldb, std::size_t ldc) {
    const std::size_t a_cols = trans_a ? M : K, b_cols = trans_b ? K : N;
    const bool has_a = M > 0 && K > 0, has_b = K > 0 && N > 0, has_c = M > 0 && N > 0;
    if (has_a && lda < a_cols) fail_stride("lda", lda, "A", a_cols);
    if (has_b && ldb < b_cols) fail_stride("ldb", ldb, "B", b_cols);
    if (has_c && ldc < N) fail_stride("ldc", ldc, "C", N);
    fail_argument("null data pointer for a non-empty matrix");
}

// Row strides must cover a stored row (A is (M, K), or (K, M) when trans_a; B likewise); data must exist for
// a non-empty matrix.
void check_arguments(bool trans_a, bool trans_b, std::size_t M, std::size_t N, std::size_t K, const double* A,
                     std::size_t lda, const double* B, std::size_t ldb, const double* C, std::size_t ldc) {
    const bool bad_a = M > 0 && K > 0 && (A == nullptr || lda < (trans_a ? M : K));
    const bool bad_b = K > 0 && N > 0 && (B == nullptr || ldb < (trans_b ? K : N));
    const bool bad_c = M > 0 && N > 0 && (C == nullptr || ldc < N);
    if (bad_a || bad_b || bad_c) fail_arguments(trans_a, trans_b, M, N, K, lda, ldb, ldc);
}

}  // namespace

void gemm(bool trans_a, bool trans_b, std::size_t M, std::size_t N, std::size_t K, const double* A,
          std::size_t lda, const double* B, std::size_t ldb, double* C, std::size_t ldc) {
    check_arguments(trans_a, trans_b, M, N, K, A, lda, B, ldb, C, ldc);
    gemm_unchecked(trans_a, trans_b, M, N, K, A, lda, B, ldb, C, ldc);
}

void gemm_unchecked(bool trans_a, bool trans_b, std::size_t M, std::size_t N, std::size_t K, const double* A,
                    std::size_t lda, const double* B, std::size_t ldb, double* C, std::size_t ldc) {
    // Small products, and empty ones (M, N or K = 0), take the plain triple loop: see kSmallMaxWork.
    if (M * N * K <= detail::kSmallMaxWork && (!trans_b || K <= detail::kSmallMaxDotK))
        gemm_naive(trans_a, trans_b, M, N, K, A, lda, B, ldb, C, ldc);
    else
        detail::gemm_large(trans_a, trans_b, M, N, K, A, lda, B, ldb, C, ldc);
}

}  // namespace dnn::gemm
