// matrix/gemm/shapes.cpp - the roads for shapes far from square, which the network's big products all are.
//
// gemm_large (large.cpp) asks takes_..._road in the order below; a product none of them takes goes through the
// five loops of blocked.cpp. Each road sums every C element in ascending k as one chain of multiply-adds, like
// the five loops, so which road is taken never changes a result.
#include <algorithm>
#include <cstdint>

#include "matrix/gemm/pack.hpp"
#include "matrix/gemm/paths.hpp"
#include "matrix/gemm/tuning.hpp"

namespace dnn::gemm::detail {

namespace {

// p + n as an address for prefetching only: computed as an integer, since it may lie past the end of an array.
const double* ahead(const double* p, std::size_t n) {
    return reinterpret_cast<const double*>(reinterpret_cast<std::uintptr_t>(p) + n * sizeof(double));
}

// Prefetches part `part` of `parts` of a block of rows x width numbers at p (row stride ld): every cache line
// of its rows [rows * part / parts, rows * (part + 1) / parts).
void prefetch_rows(const double* p, std::size_t ld, std::size_t rows, std::size_t width, std::size_t part,
                   std::size_t parts) {
    for (std::size_t r = rows * part / parts; r < rows * (part + 1) / parts; ++r) {
        for (std::size_t j = 0; j < width; j += 8) __builtin_prefetch(ahead(p, r * ld + j));
        __builtin_prefetch(ahead(p, r * ld + width - 1));
    }
}

// The k slice of the few-rows road (below).
std::size_t few_rows_kc(std::size_t K) { return std::min({block_sizes().kc, K, kFewRowsMaxKC}); }

}  // namespace

// ---- op(A) · B.T with few rows of A and a short k sum (dZ1 · X.T: 20 x 209 . 209 x 12288) ----
// Chosen when B is transposed, M <= kBtMaxRows and K <= kBtMaxK, in builds with the transposed-tile kernel.
// Why: packing B.T would copy all of X for 20 rows of A. The transposed-tile kernel computes C.T = B · op(A).T,
// broadcasting B's numbers straight from its rows, so X is never transposed or packed; A is packed once.
bool takes_bt_road(bool trans_b, std::size_t M, std::size_t K) {
    return trans_b && bt_kernel(M) != nullptr && M <= kBtMaxRows && K <= kBtMaxK;
}

void gemm_bt(const BtKernel& bt, bool trans_a, std::size_t M, std::size_t N, std::size_t K, const double* A,
             std::size_t lda, const double* B, std::size_t ldb, double* C, std::size_t ldc) {
    const std::size_t m_pad = round_up(M, bt.mr);
    double* a_pack = thread_buffers().a.get(m_pad * K);
    pack_a(trans_a, A, lda, 0, M, 0, K, bt.mr, a_pack);
    for (std::size_t j = 0; j < N; j += bt.nr) {
        const double* b = B + j * ldb;
        // The last row tile asks for the rows two blocks ahead, so they come from memory while this block and
        // the next are multiplied (timed: one block ahead is a few per cent slower).
        const double* ahead_rows = j + 2 * bt.nr < N ? b + 2 * bt.nr * ldb : b;
        for (std::size_t i = 0; i < M; i += bt.mr) {
            const bool last = i + bt.mr >= M;
            bt.run(K, a_pack + i * K, b, ldb, C + i * ldc + j, ldc, std::min(bt.mr, M - i), std::min(bt.nr, N - j),
                   last ? ahead_rows : b);
        }
    }
}

// ---- few rows of A, B not transposed (W1 · X: 20 x 12288 . 12288 x 209) ----
// Chosen when M is at most kFewRowsMaxTiles tiles of the kernel and B is not transposed.
// Why: each number of B is then used only M / MR times, so copying B into panels would cost about as much as
// the multiply-adds. The kernel reads the panels straight from B's rows (stride ldb) instead. A last, narrow
// panel is read in place too by a kernel with masked loads (partial_b_in_place); others need it packed, with
// its zero padding (packing W1 · X's last column, 128 rows from memory per k slice for one number each, made
// the half of the product that holds it 15% slower on Zen 5). The panels come from memory once per k slice: a
// short slice (kFewRowsMaxKC) keeps the A panels and the B panel in L1 together.
bool takes_few_rows_road(const MicroKernel& kern, bool trans_b, std::size_t M) {
    return !trans_b && M <= kFewRowsMaxTiles * kern.mr;
}

void gemm_few_rows(const MicroKernel& kern, bool trans_a, std::size_t M, std::size_t N, std::size_t K,
                   const double* A, std::size_t lda, const double* B, std::size_t ldb, double* C, std::size_t ldc) {
    const std::size_t MR = kern.mr, NR = kern.nr;
    const BlockSizes blocks = block_sizes();
    const std::size_t MC = std::min(round_up(blocks.mc, MR), round_up(M, MR));
    const std::size_t KC = few_rows_kc(K);
    const std::size_t NC = columns_per_block(blocks, KC, N, NR);
    PackBuffers& buffers = thread_buffers();
    double* a_pack = buffers.a.get(MC * KC);
    double* b_pack = kern.partial_b_in_place ? nullptr : buffers.b.get(KC * NR);  // a last, narrow panel only

    for (std::size_t ic = 0; ic < M; ic += MC) {
        const std::size_t mc = std::min(MC, M - ic);
        for (std::size_t pc = 0; pc < K; pc += KC) {
            const std::size_t kc = std::min(KC, K - pc);
            const bool accumulate = pc > 0;
            pack_a(trans_a, A, lda, ic, mc, pc, kc, MR, a_pack);
            for (std::size_t jc = 0; jc < N; jc += NC) {
                const std::size_t nc = std::min(NC, N - jc);
                // Columns [0, in_place) of this block are read in place; a narrow rest, if any, is packed.
                const std::size_t in_place = kern.partial_b_in_place ? nc : nc / NR * NR;
                if (in_place < nc) pack_b(false, B, ldb, pc, kc, jc + in_place, nc - in_place, NR, b_pack);
                // The rows of the next k slice that a packed last panel will be packed from: asked for a few at
                // a time before each in-place panel's calls, so they are in cache when packed (else pack_b waits
                // for each row from memory in turn: 8% of W1 · X's time in a profile on Zen 5, 2% after;
                // prefetching the next slice of A the same way did not help).
                const std::size_t next_kc = pc + kc < K ? std::min(KC, K - pc - kc) : 0;
                const std::size_t n_in_place = in_place / NR;
                for (std::size_t jr = 0; jr < nc; jr += NR) {
                    const bool packed = jr >= in_place;
                    if (in_place < nc && !packed && next_kc > 0)
                        prefetch_rows(B + (pc + kc) * ldb + jc + in_place, ldb, next_kc, nc - in_place, jr / NR,
                                      n_in_place);
                    const double* b_panel = packed ? b_pack : B + pc * ldb + jc + jr;
                    const std::size_t stride = packed ? NR : ldb;
                    // The first row tile reads the panel from memory (prefetching kFewRowsPrefetchRows rows
                    // ahead); the last finds it in L1 and prefetches the next panel instead.
                    const double* next_panel = jr + NR < in_place ? b_panel + NR : nullptr;
                    const double* rows_ahead = ahead(b_panel, kFewRowsPrefetchRows * stride);
                    for (std::size_t ir = 0; ir < mc; ir += MR) {
                        const bool last = ir + MR >= mc;
                        const double* pf = last && ir > 0 && next_panel ? next_panel : rows_ahead;
                        double* c = C + (ic + ir) * ldc + jc + jr;
                        kern.run(kc, a_pack + ir * kc, b_panel, stride, c, ldc, std::min(MR, mc - ir),
                                 std::min(NR, nc - jr), accumulate, pf, last ? nullptr : c + MR * ldc, nullptr);
                    }
                }
            }
        }
    }
}

}  // namespace dnn::gemm::detail
