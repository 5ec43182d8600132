// matrix/gemm/large.cpp - a product too large for the plain loop: picks its road and shares C between threads.
//
// Threads each take a band of whole tiles of C (rows or columns, never a part of the k sum) and run the road
// on it with their own buffers, so the result does not depend on the thread count.
#include <algorithm>

#include "matrix/gemm/pack.hpp"
#include "matrix/gemm/paths.hpp"
#include "matrix/gemm/thread_pool.hpp"
#include "matrix/gemm/tuning.hpp"
#include "matrix/threads.hpp"

namespace dnn::gemm::detail {

namespace {

// A thread's own copy of its band of C (see gemm_large) is kept while it is at most this many numbers (1 MiB):
// past that, the lines shared with the next band are too few to matter.
constexpr std::size_t kOwnCMax = std::size_t{1} << 17;

// How many pieces to cut a product into (each a band of whole tiles, one per thread): at most `units`, and
// no more than the work is worth.
std::size_t count_parts(std::size_t units, std::size_t work) {
    const std::size_t threads = static_cast<std::size_t>(get_num_threads());
    return std::max<std::size_t>(1, std::min({threads, units, work / kWorkPerThread}));
}

// The kernel whose tiles waste the least padding on this shape; the main one unless the other saves enough.
const MicroKernel& choose_kernel(std::size_t M, std::size_t N) {
    const MicroKernel& main = main_kernel();
    const MicroKernel& alt = few_rows_kernel();
    const double main_work = double(round_up(M, main.mr)) * double(round_up(N, main.nr));
    const double alt_work = double(round_up(M, alt.mr)) * double(round_up(N, alt.nr));
    return alt_work < kAltKernelGain * main_work ? alt : main;
}

// op(A) · B.T on the transposed-tile road, the columns of C shared out in blocks of bt.nr.
void run_bt_road(bool trans_a, std::size_t M, std::size_t N, std::size_t K, const double* A, std::size_t lda,
                 const double* B, std::size_t ldb, double* C, std::size_t ldc) {
    const BtKernel& bt = *bt_kernel(M);
    const std::size_t blocks = (N + bt.nr - 1) / bt.nr;
    const std::size_t parts = count_parts(blocks, M * N * K);
    dnn::detail::parallel_for(parts, [&](std::size_t part) {
        const std::size_t j0 = blocks * part / parts * bt.nr;
        const std::size_t j1 = std::min(N, blocks * (part + 1) / parts * bt.nr);
        gemm_bt(bt, trans_a, M, j1 - j0, K, A, lda, B + j0 * ldb, ldb, C + j0, ldc);
    });
}

}  // namespace

void gemm_large(bool trans_a, bool trans_b, std::size_t M, std::size_t N, std::size_t K, const double* A,
                std::size_t lda, const double* B, std::size_t ldb, double* C, std::size_t ldc) {
    if (takes_bt_road(trans_b, M, K)) {
        run_bt_road(trans_a, M, N, K, A, lda, B, ldb, C, ldc);
        return;
    }

    const MicroKernel& kern = choose_kernel(M, N);
    // Cut C into bands of whole tiles along its longer side (in tiles), one band per thread.
    const std::size_t tiles_m = (M + kern.mr - 1) / kern.mr, tiles_n = (N + kern.nr - 1) / kern.nr;
    const bool split_rows = tiles_m > tiles_n;
    const std::size_t tiles = split_rows ? tiles_m : tiles_n;
    const std::size_t parts = count_parts(tiles, M * N * K);
    // On the few-rows road with the columns shared out (W1 · X), each thread packs all of A for itself, one k
    // slice at a time into L1 as it goes. The threads used to pack A once together in a round of their own and
    // share it; that round waited for W1 from memory, then each core read half the packed A from the other's
    // cache. Timed on Zen 5, two threads, the two ways alternated in blocks of 10 calls in one program: W1 · X
    // alone 0.68 ms against 0.73; a whole training iteration from 4% faster to 3% slower, as the machine was
    // quiet or busy (each core now reads all of W1).
    const bool few_rows = takes_few_rows_road(kern, trans_b, M);

    dnn::detail::parallel_for(parts, [&](std::size_t part) {
        const std::size_t t0 = tiles * part / parts, t1 = tiles * (part + 1) / parts;
        if (split_rows) {
            const std::size_t i0 = t0 * kern.mr, i1 = std::min(M, t1 * kern.mr);
            const double* a = trans_a ? A + i0 : A + i0 * lda;
            if (takes_few_rows_road(kern, trans_b, i1 - i0))  // a band of rows may be few enough
                gemm_few_rows(kern, trans_a, i1 - i0, N, K, a, lda, B, ldb, C + i0 * ldc, ldc);
            else
                gemm_blocked(kern, trans_a, trans_b, i1 - i0, N, K, a, lda, B, ldb, C + i0 * ldc, ldc);
        } else {
            const std::size_t j0 = t0 * kern.nr, j1 = std::min(N, t1 * kern.nr);
            const double* b = trans_b ? B + j0 * ldb : B + j0;
            const std::size_t n = j1 - j0, ld = round_up(n, kLineDoubles);
            if (few_rows && parts > 1 && M * ld <= kOwnCMax) {
                // Each k slice adds to C again, so two threads writing the cache lines where their bands meet
                // would pass those lines back and forth every slice (W1 · X: 96 slices, 20 lines each; timed on
                // Zen 5, two threads: 83-86 GFLOP/s, 107 with this). Each thread sums into its own buffer, rows
                // a whole number of cache lines, then copies its band into C.
                double* own = thread_buffers().c.get(M * ld);
                gemm_few_rows(kern, trans_a, M, n, K, A, lda, b, ldb, own, ld);
                for (std::size_t i = 0; i < M; ++i) std::copy(own + i * ld, own + i * ld + n, C + i * ldc + j0);
            } else if (few_rows)
                gemm_few_rows(kern, trans_a, M, j1 - j0, K, A, lda, b, ldb, C + j0, ldc);
            else
                gemm_blocked(kern, trans_a, trans_b, M, j1 - j0, K, A, lda, b, ldb, C + j0, ldc);
        }
    });
}

}  // namespace dnn::gemm::detail
