// matrix/gemm.cpp - the GEMM np::dot uses: cache blocking, packing and threads around the micro-kernels.
//
// The structure is GotoBLAS / BLIS's. For one thread's part of C:
//
//   for ic over M in steps of MC:              rows of A, packed once for all of N
//     for pc over K in steps of KC:            one slice of the k sum
//       pack A[ic.., pc..]  (MC x KC)          micro-panels of MR rows (gemm_pack.cpp)
//       for jc over N in steps of NC:
//         pack B[pc.., jc..]  (KC x NC)        micro-panels of NR columns; sized to stay in the L2 cache
//         for ir over the A block in steps of MR:      this A micro-panel (MR x KC) stays in L1
//           for jr over the B block in steps of NR:    B micro-panels stream from L2
//             C tile (MR x NR) = (pc == 0 ? 0 : C tile) + A micro-panel · B micro-panel   (gemm_kernel.cpp)
//
// Shapes far from square take shorter roads (the network's three big products are all of that kind):
//   - tiny products (the notebook's 1x3 . 3x2): direct loops, no packing (gemm_direct);
//   - a couple of tiles of rows (W1 · X: 20 x 12288 . 12288 x 209): B is read in place, not packed, by a
//     20-row kernel, so each of its numbers is loaded once;
//   - op(B) = B.T with few rows of A (dZ1 · X.T: 20 x 209 . 209 x 12288): a transposed-tile kernel computes
//     C.T = B · op(A).T, broadcasting B's numbers straight from its rows, so X is never transposed or packed
//     (gemm_bt);
//   - W1.T · dZ1 (12288 x 20 . 20 x 209) is the loops above with one short k slice: A.T is absorbed by pack_a.
//
// Every C element is a single chain of multiply-adds in ascending k (the KC slices are added in order);
// which road is taken depends only on the shape. So the result does not depend on how C is cut into tiles or
// shared between threads. Threads each take a band of whole tiles of C (rows or columns, never a part of the
// k sum) and run the loops on it with their own buffers.
#include "matrix/gemm.hpp"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <new>
#include <stdexcept>
#include <string>

#include "matrix/gemm_kernel.hpp"
#include "matrix/thread_pool.hpp"
#include "matrix/threads.hpp"

namespace dnn::gemm {

namespace {

using detail::MicroKernel;

// Block sizes for this machine kind (Sapphire Rapids: 48 KiB L1d, 2 MiB L2 per core), in numbers of rows/cols:
//   the MR x KC A micro-panel (20 KiB) stays in L1 while the KC x NC B block (960 KiB, about half of L2)
//   streams past it; MC only bounds the A block's memory. Chosen by timing 1024^3 and 2048^3 products.
constexpr BlockSizes kDefaultBlocks{2048, 320, 384};

std::atomic<std::size_t> g_mc{kDefaultBlocks.mc};
std::atomic<std::size_t> g_kc{kDefaultBlocks.kc};
std::atomic<std::size_t> g_nc{kDefaultBlocks.nc};

// Products with at most this many multiply-adds (and, when B is transposed, a k sum at most kDirectMaxDotK
// long) take the direct loops: packing would cost more than it saves. Timed: the blocked path is faster
// from about 12 x 12 x 12 on, and a direct dot product over a long k is slow (one addition after another).
constexpr std::size_t kDirectMaxWork = 1536;
constexpr std::size_t kDirectMaxDotK = 32;
// Products whose M is at most this many tiles read B in place instead of packing it (see gemm_blocked).
constexpr std::size_t kDirectBMaxTiles = 2;
constexpr std::size_t kDirectBMaxKC = 128;
// Largest A (in numbers, padded rows x K) that the threads pack together once and share: 32 MiB.
constexpr std::size_t kSharedAMax = std::size_t{4} << 20;
// op(A) · B.T takes the transposed-tile kernel up to this many rows of A and this long a k sum (the packed A
// and a block of B's rows then stay in L1 / L2).
constexpr std::size_t kBtMaxRows = 32;
constexpr std::size_t kBtMaxK = 1024;
// A thread is worth waking for about this many multiply-adds (a wake-up costs some microseconds).
constexpr std::size_t kWorkPerThread = std::size_t{1} << 20;

std::size_t round_up(std::size_t x, std::size_t m) { return (x + m - 1) / m * m; }

// The micro-kernels prefetch B this many rows ahead of the row they multiply.
constexpr std::size_t kPrefetchRows = 16;

// p + n as an address for prefetching only: computed as an integer, since it may lie past the end of an array.
const double* ahead(const double* p, std::size_t n) {
    return reinterpret_cast<const double*>(reinterpret_cast<std::uintptr_t>(p) + n * sizeof(double));
}

// A growable, vector-aligned buffer for packed panels. One per thread (thread_local), so repeated products of
// the same shapes allocate nothing.
class PackBuffer {
public:
    double* get(std::size_t count) {
        if (count > capacity_) {
            const std::size_t bytes = round_up(count * sizeof(double), detail::kPanelAlign);
            void* p = std::aligned_alloc(detail::kPanelAlign, bytes);
            if (p == nullptr) throw std::bad_alloc();
            data_.reset(static_cast<double*>(p));
            capacity_ = count;
        }
        return data_.get();
    }

private:
    struct Free {
        void operator()(double* p) const { std::free(p); }
    };
    std::unique_ptr<double, Free> data_;
    std::size_t capacity_ = 0;
};

struct PackBuffers {
    PackBuffer a, b;
    PackBuffer shared_a;  // all of A, packed by every thread together for the threads to read (see gemm)
};

PackBuffers& thread_buffers() {
    thread_local PackBuffers buffers;
    return buffers;
}

// How many pieces to cut a product into (each a band of whole tiles, one per thread): at most `units`, and
// no more than the work is worth.
std::size_t count_parts(std::size_t units, std::size_t work) {
    const std::size_t threads = static_cast<std::size_t>(get_num_threads());
    return std::max<std::size_t>(1, std::min({threads, units, work / kWorkPerThread}));
}

// Whether gemm_blocked reads B in place (see there), and the k slice it then uses.
bool reads_b_in_place(const MicroKernel& kern, bool trans_b, std::size_t M) {
    return !trans_b && M <= kDirectBMaxTiles * kern.mr;
}
std::size_t slice_k(bool b_in_place, std::size_t K) {
    return std::min({g_kc.load(), K, b_in_place ? kDirectBMaxKC : K});
}

// The five loops of the header comment over C (M x N); A, B, C point at this part's first row / column.
// a_packed_all: all of op(A) already packed (KC slice after KC slice, MC >= M), or nullptr to pack here.
void gemm_blocked(const MicroKernel& kern, bool trans_a, bool trans_b, std::size_t M, std::size_t N,
                  std::size_t K, const double* A, std::size_t lda, const double* B, std::size_t ldb, double* C,
                  std::size_t ldc, const double* a_packed_all) {
    const std::size_t MR = kern.mr, NR = kern.nr;
    const std::size_t MC = std::min(round_up(g_mc.load(), MR), round_up(M, MR));
    const bool direct_b = reads_b_in_place(kern, trans_b, M);  // see below
    const std::size_t KC = slice_k(direct_b, K);
    const std::size_t NC = std::min(round_up(g_nc.load(), NR), round_up(N, NR));
    PackBuffers& buffers = thread_buffers();
    double* a_own = a_packed_all ? nullptr : buffers.a.get(MC * KC);  // this thread's A block, packed below
    const double* a_pack = a_own;
    double* b_pack = buffers.b.get(KC * NC);

    // With few rows of A (M of a couple of tiles), each B number is used only M / MR times: copying B into
    // panels would cost about as much as the multiply-adds. The kernel then reads whole-width panels straight
    // from B's rows (stride ldb), and only a last, partial panel is packed (it needs its zero padding).
    // Those strided panels are read from memory once per k slice: a shorter slice (kDirectBMaxKC) keeps the
    // A panels and the B panel in L1 together.

    for (std::size_t ic = 0; ic < M; ic += MC) {
        const std::size_t mc = std::min(MC, M - ic);
        for (std::size_t pc = 0; pc < K; pc += KC) {
            const std::size_t kc = std::min(KC, K - pc);
            const bool accumulate = pc > 0;  // the first k slice overwrites C, so C is never read before
            if (a_packed_all)
                a_pack = a_packed_all + pc * MC;
            else
                detail::pack_a(trans_a, A, lda, ic, mc, pc, kc, MR, a_own);
            for (std::size_t jc = 0; jc < N; jc += NC) {
                const std::size_t nc = std::min(NC, N - jc);
                if (direct_b) {
                    const std::size_t full = nc / NR * NR;
                    if (full < nc) detail::pack_b(false, B, ldb, pc, kc, jc + full, nc - full, NR, b_pack);
                    for (std::size_t jr = 0; jr < nc; jr += NR) {
                        const bool packed = jr >= full;
                        const double* b_panel = packed ? b_pack : B + pc * ldb + jc + jr;
                        const std::size_t stride = packed ? NR : ldb;
                        // The first row tile reads the panel from memory (prefetching a few rows ahead); the last
                        // finds it in L1 and prefetches the next panel instead.
                        const double* next_panel = jr + NR < full ? b_panel + NR : nullptr;
                        for (std::size_t ir = 0; ir < mc; ir += MR) {
                            const bool last = ir + MR >= mc;
                            const double* pf =
                                last && ir > 0 && next_panel ? next_panel : ahead(b_panel, kPrefetchRows * stride);
                            kern.run(kc, a_pack + ir * kc, b_panel, stride, C + (ic + ir) * ldc + jc + jr, ldc,
                                     std::min(MR, mc - ir), std::min(NR, nc - jr), accumulate, pf);
                        }
                    }
                    continue;
                }
                detail::pack_b(trans_b, B, ldb, pc, kc, jc, nc, NR, b_pack);
                for (std::size_t ir = 0; ir < mc; ir += MR) {
                    const double* a_panel = a_pack + ir * kc;
                    double* c_row = C + (ic + ir) * ldc + jc;
                    const std::size_t rows = std::min(MR, mc - ir);
                    for (std::size_t jr = 0; jr < nc; jr += NR) {
                        const double* b_panel = b_pack + jr * kc;
                        kern.run(kc, a_panel, b_panel, NR, c_row + jr, ldc, rows, std::min(NR, nc - jr), accumulate,
                                 ahead(b_panel, kPrefetchRows * NR));
                    }
                }
            }
        }
    }
}

// C = op(A) · B.T with the transposed-tile kernel (few rows of A, B stored (N, K)): A is packed once into
// micro-panels (a small copy); B is read in place, block of nr rows after block.
void gemm_bt(const detail::BtKernel& bt, bool trans_a, std::size_t M, std::size_t N, std::size_t K,
             const double* A, std::size_t lda, const double* B, std::size_t ldb, double* C, std::size_t ldc) {
    const std::size_t m_pad = round_up(M, bt.mr);
    double* a_pack = thread_buffers().a.get(m_pad * K);
    detail::pack_a(trans_a, A, lda, 0, M, 0, K, bt.mr, a_pack);
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

// The kernel whose tiles waste the least padding on this shape; the main one unless the other saves >10%.
const MicroKernel& choose_kernel(std::size_t M, std::size_t N) {
    const MicroKernel& main = detail::main_kernel();
    const MicroKernel& alt = detail::alt_kernel();
    const double main_work = double(round_up(M, main.mr)) * double(round_up(N, main.nr));
    const double alt_work = double(round_up(M, alt.mr)) * double(round_up(N, alt.nr));
    return alt_work < 0.9 * main_work ? alt : main;
}

[[noreturn]] void fail_argument(const std::string& what) {
    throw std::invalid_argument("dnn::gemm::gemm: " + what);
}

[[noreturn]] void fail_stride(const char* name, std::size_t ld, const char* matrix, std::size_t row_length) {
    fail_argument(std::string(name) + " " + std::to_string(ld) + " is smaller than " + matrix + "'s row length " +
                  std::to_string(row_length));
}

// Row strides must cover a stored row; data must exist for a non-empty matrix. (Cheap: a few comparisons.)
inline void check_arguments(bool trans_a, bool trans_b, std::size_t M, std::size_t N, std::size_t K,
                            const double* A, std::size_t lda, const double* B, std::size_t ldb, const double* C,
                            std::size_t ldc) {
    const std::size_t a_cols = trans_a ? M : K, b_cols = trans_b ? K : N;
    const bool has_a = M > 0 && K > 0, has_b = K > 0 && N > 0, has_c = M > 0 && N > 0;
    if (has_a && lda < a_cols) [[unlikely]]
        fail_stride("lda", lda, "A", a_cols);
    if (has_b && ldb < b_cols) [[unlikely]]
        fail_stride("ldb", ldb, "B", b_cols);
    if (has_c && ldc < N) [[unlikely]]
        fail_stride("ldc", ldc, "C", N);
    if ((has_a && A == nullptr) || (has_b && B == nullptr) || (has_c && C == nullptr)) [[unlikely]]
        fail_argument("null data pointer for a non-empty matrix");
}

}  // namespace

void set_block_sizes(const BlockSizes& sizes) {
    if (sizes.mc == 0 || sizes.kc == 0 || sizes.nc == 0)
        throw std::invalid_argument("dnn::gemm::set_block_sizes: every block size must be at least 1, got {mc=" +
                                    std::to_string(sizes.mc) + ", kc=" + std::to_string(sizes.kc) +
                                    ", nc=" + std::to_string(sizes.nc) + "}");
    g_mc.store(sizes.mc);
    g_kc.store(sizes.kc);
    g_nc.store(sizes.nc);
}

void reset_block_sizes() { set_block_sizes(kDefaultBlocks); }

BlockSizes get_block_sizes() { return {g_mc.load(), g_kc.load(), g_nc.load()}; }

void gemm_direct(bool trans_a, bool trans_b, std::size_t M, std::size_t N, std::size_t K, const double* A,
                 std::size_t lda, const double* B, std::size_t ldb, double* C, std::size_t ldc) {
    for (std::size_t i = 0; i < M; ++i) {
        double* c = C + i * ldc;
        if (trans_b || N < 8) {
            // One dot product per element (B stored (N, K) has each one's numbers contiguous; and for a few
            // columns this is the shortest loop, as in the notebook's 1x3 . 3x2).
            for (std::size_t j = 0; j < N; ++j) {
                double sum = 0.0;
                for (std::size_t k = 0; k < K; ++k)
                    sum += (trans_a ? A[k * lda + i] : A[i * lda + k]) * (trans_b ? B[j * ldb + k] : B[k * ldb + j]);
                c[j] = sum;
            }
        } else {
            // i-k-j: the inner loop runs along contiguous rows of B and C (and is vectorised over j).
            for (std::size_t j = 0; j < N; ++j) c[j] = 0.0;
            for (std::size_t k = 0; k < K; ++k) {
                const double a = trans_a ? A[k * lda + i] : A[i * lda + k];
                const double* b = B + k * ldb;
                for (std::size_t j = 0; j < N; ++j) c[j] += a * b[j];
            }
        }
    }
}

void gemm(bool trans_a, bool trans_b, std::size_t M, std::size_t N, std::size_t K, const double* A,
          std::size_t lda, const double* B, std::size_t ldb, double* C, std::size_t ldc) {
    check_arguments(trans_a, trans_b, M, N, K, A, lda, B, ldb, C, ldc);
    if (M == 0 || N == 0) return;
    if (K == 0) {  // an empty sum: zeros
        for (std::size_t i = 0; i < M; ++i) std::fill(C + i * ldc, C + i * ldc + N, 0.0);
        return;
    }
    const std::size_t work = M * N * K;
    if (work <= kDirectMaxWork && (!trans_b || K <= kDirectMaxDotK)) {
        gemm_direct(trans_a, trans_b, M, N, K, A, lda, B, ldb, C, ldc);
        return;
    }

    // op(B) = B.T with few rows of A and a short k sum (dZ1 · X.T): the transposed-tile kernel, split over N.
    const detail::BtKernel* bt = detail::bt_kernel();
    if (trans_b && bt != nullptr && M <= kBtMaxRows && K <= kBtMaxK) {
        const std::size_t blocks = (N + bt->nr - 1) / bt->nr;
        const std::size_t parts = count_parts(blocks, work);
        dnn::detail::parallel_for(parts, [&](std::size_t part) {
            const std::size_t j0 = blocks * part / parts * bt->nr;
            const std::size_t j1 = std::min(N, blocks * (part + 1) / parts * bt->nr);
            gemm_bt(*bt, trans_a, M, j1 - j0, K, A, lda, B + j0 * ldb, ldb, C + j0, ldc);
        });
        return;
    }

    const MicroKernel& kern = choose_kernel(M, N);
    // Cut C into bands of whole tiles along its longer side (in tiles), one band per thread.
    const std::size_t tiles_m = (M + kern.mr - 1) / kern.mr, tiles_n = (N + kern.nr - 1) / kern.nr;
    const bool split_rows = tiles_m > tiles_n;
    const std::size_t tiles = split_rows ? tiles_m : tiles_n;
    const std::size_t parts = count_parts(tiles, work);

    // Few rows of A and the columns shared out (W1 · X): every thread would pack all of A for itself. Instead
    // the threads first pack it once together, k slice by k slice, then all read it (while it is not huge).
    const double* a_shared = nullptr;
    const std::size_t m_pad = round_up(M, kern.mr);
    if (parts > 1 && !split_rows && reads_b_in_place(kern, trans_b, M) && m_pad <= round_up(g_mc.load(), kern.mr) &&
        m_pad * K <= kSharedAMax) {
        const std::size_t KC = slice_k(true, K), slices = (K + KC - 1) / KC;
        double* packed = thread_buffers().shared_a.get(m_pad * K);
        dnn::detail::parallel_for(parts, [&](std::size_t part) {
            for (std::size_t s = slices * part / parts; s < slices * (part + 1) / parts; ++s) {
                const std::size_t pc = s * KC;
                detail::pack_a(trans_a, A, lda, 0, M, pc, std::min(KC, K - pc), kern.mr, packed + pc * m_pad);
            }
        });
        a_shared = packed;
    }

    dnn::detail::parallel_for(parts, [&](std::size_t part) {
        const std::size_t t0 = tiles * part / parts, t1 = tiles * (part + 1) / parts;
        if (split_rows) {
            const std::size_t i0 = t0 * kern.mr, i1 = std::min(M, t1 * kern.mr);
            const double* a = trans_a ? A + i0 : A + i0 * lda;
            gemm_blocked(kern, trans_a, trans_b, i1 - i0, N, K, a, lda, B, ldb, C + i0 * ldc, ldc, nullptr);
        } else {
            const std::size_t j0 = t0 * kern.nr, j1 = std::min(N, t1 * kern.nr);
            const double* b = trans_b ? B + j0 * ldb : B + j0;
            gemm_blocked(kern, trans_a, trans_b, M, j1 - j0, K, A, lda, b, ldb, C + j0, ldc, a_shared);
        }
    });
}

}  // namespace dnn::gemm
