// matrix/gemm/pack.hpp - copying blocks of op(A) and op(B) into micro-panels, and the buffers they go to
// (internal).
#pragma once

#include <cstddef>
#include <memory>

namespace dnn::gemm::detail {

// Packs rows [i0, i0 + mc) x k-range [k0, k0 + kc) of op(A) into micro-panels of mr rows, zero-padded
// to a multiple of mr rows. op(A)(i, k) is A[i * lda + k], or A[k * lda + i] when trans_a.
void pack_a(bool trans_a, const double* A, std::size_t lda, std::size_t i0, std::size_t mc, std::size_t k0,
            std::size_t kc, std::size_t mr, double* out);

// Packs k-range [k0, k0 + kc) x columns [j0, j0 + nc) of op(B) into micro-panels of nr columns,
// zero-padded to a multiple of nr columns. op(B)(k, j) is B[k * ldb + j], or B[j * ldb + k] when trans_b.
void pack_b(bool trans_b, const double* B, std::size_t ldb, std::size_t k0, std::size_t kc, std::size_t j0,
            std::size_t nc, std::size_t nr, double* out);

// A growable, vector-aligned buffer for packed panels. Each thread has its own (thread_buffers), so repeated
// products of the same shapes allocate nothing.
class PackBuffer {
public:
    double* get(std::size_t count);  // at least count numbers, aligned to kPanelAlign; the old contents are lost

private:
    struct Free {
        void operator()(double* p) const;
    };
    std::unique_ptr<double, Free> data_;
    std::size_t capacity_ = 0;
};

struct PackBuffers {
    PackBuffer a, b;
    PackBuffer c;  // a thread's own band of C, when writing it in place would share cache lines (large.cpp)
};

// This thread's buffers.
PackBuffers& thread_buffers();

}  // namespace dnn::gemm::detail
