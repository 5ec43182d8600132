// matrix/gemm/pack.cpp - copies blocks of op(A) and op(B) into the micro-panel layout the micro-kernels read.
//
// Packing is where a transposed operand is absorbed: the kernel always reads MR numbers of A and NR numbers of
// B per k, contiguous, whichever way the source is stored. So A.T() and B.T() never need a transposed copy of
// the whole matrix, only this block-sized one that every GEMM makes anyway. Padding is written as zeros, so
// the kernel can run full tiles at the edges (the padded rows and columns of the result are thrown away).
#include "matrix/gemm/pack.hpp"

#include <algorithm>
#include <cstdlib>
#include <new>

#include "matrix/gemm/kernels.hpp"
#include "matrix/gemm/tuning.hpp"
#include "matrix/gemm/vector.hpp"

namespace dnn::gemm::detail {

namespace {

// Copies n (a panel width: a few dozen at most) numbers; a plain loop the compiler vectorises, cheaper here
// than a call to memcpy.
inline void copy_short(const double* src, std::size_t n, double* dst) {
    for (std::size_t i = 0; i < n; ++i) dst[i] = src[i];
}

}  // namespace

void pack_a(bool trans_a, const double* A, std::size_t lda, std::size_t i0, std::size_t mc, std::size_t k0,
            std::size_t kc, std::size_t mr, double* out) {
    for (std::size_t p = 0; p < mc; p += mr) {
        const std::size_t rows = std::min(mr, mc - p);
        double* dst = out + p * kc;  // panel p / mr: mr * kc numbers
        if (!trans_a) {
            // Row i of the panel is contiguous in A. VL values of k at a time: one vector load from each row,
            // its numbers stored to their k rows of the panel (timed on 1024 x 1024: 4x faster than gathering
            // one number per load; the stores stay within a few cache lines of the panel).
            const double* src = A + (i0 + p) * lda + k0;
            std::size_t first = 0;  // the first row not yet packed
#if defined(__AVX512F__)
            // Eight rows at a time: 8 x 8 blocks transposed in registers, each stored as 8 numbers of 8 k steps
            // (a profile of 256^3 on Zen 5: pack_a's share of the time fell from 10.5% to 6.3%, the stores of
            // single numbers below being the slow part).
            for (; first + simd::VL <= rows; first += simd::VL) {
                const double* s = src + first * lda;
                std::size_t k = 0;
                for (; k + simd::VL <= kc; k += simd::VL) {
                    simd::vec block[simd::VL];
                    for (std::size_t i = 0; i < simd::VL; ++i) block[i] = simd::load(s + i * lda + k);
                    simd::transpose8(block);
                    for (std::size_t l = 0; l < simd::VL; ++l) simd::store(dst + (k + l) * mr + first, block[l]);
                }
                for (; k < kc; ++k)
                    for (std::size_t i = 0; i < simd::VL; ++i) dst[k * mr + first + i] = s[i * lda + k];
            }
#endif
            std::size_t k = 0;
            for (; k + simd::VL <= kc; k += simd::VL)
                for (std::size_t i = first; i < rows; ++i) {
                    const simd::vec v = simd::load(src + i * lda + k);
                    for (std::size_t l = 0; l < simd::VL; ++l) dst[(k + l) * mr + i] = v[l];
                }
            for (; k < kc; ++k)
                for (std::size_t i = first; i < rows; ++i) dst[k * mr + i] = src[i * lda + k];
        } else {
            // A is stored (K, M): for each k the panel's rows are contiguous in A's row k.
            const double* src = A + k0 * lda + i0 + p;
            for (std::size_t k = 0; k < kc; ++k) copy_short(src + k * lda, rows, dst + k * mr);
        }
        for (std::size_t i = rows; i < mr; ++i)
            for (std::size_t k = 0; k < kc; ++k) dst[k * mr + i] = 0.0;
    }
}

void pack_b(bool trans_b, const double* B, std::size_t ldb, std::size_t k0, std::size_t kc, std::size_t j0,
            std::size_t nc, std::size_t nr, double* out) {
    if (!trans_b) {
        // B's row k holds row k of every panel, one after the other: read row by row, so the source is read
        // in order (the hardware prefetchers follow it) while the panels are written a row each.
        for (std::size_t k = 0; k < kc; ++k) {
            const double* src = B + (k0 + k) * ldb + j0;
            for (std::size_t q = 0; q < nc; q += nr) {
                const std::size_t cols = std::min(nr, nc - q);
                double* dst = out + q * kc + k * nr;
                copy_short(src + q, cols, dst);
                for (std::size_t j = cols; j < nr; ++j) dst[j] = 0.0;
            }
        }
        return;
    }
    for (std::size_t q = 0; q < nc; q += nr) {
        const std::size_t cols = std::min(nr, nc - q);
        double* dst = out + q * kc;  // panel q / nr: kc * nr numbers
        // B is stored (N, K): column j of the panel is contiguous in B's row j. Eight k at a time, so each
        // source cache line is read once and the panel rows written stay in L1.
        const double* src = B + (j0 + q) * ldb + k0;
        for (std::size_t kk = 0; kk < kc; kk += 8) {
            const std::size_t kend = std::min(kc, kk + 8);
            for (std::size_t j = 0; j < cols; ++j)
                for (std::size_t k = kk; k < kend; ++k) dst[k * nr + j] = src[j * ldb + k];
        }
        if (cols < nr)
            for (std::size_t k = 0; k < kc; ++k)
                for (std::size_t j = cols; j < nr; ++j) dst[k * nr + j] = 0.0;
    }
}

double* PackBuffer::get(std::size_t count) {
    if (count > capacity_) {
        const std::size_t bytes = round_up(count * sizeof(double), kPanelAlign);
        void* p = std::aligned_alloc(kPanelAlign, bytes);
        if (p == nullptr) throw std::bad_alloc();
        data_.reset(static_cast<double*>(p));
        capacity_ = count;
    }
    return data_.get();
}

void PackBuffer::Free::operator()(double* p) const { std::free(p); }

PackBuffers& thread_buffers() {
    thread_local PackBuffers buffers;
    return buffers;
}

}  // namespace dnn::gemm::detail
