// matrix/gemm/blocked.cpp - the five loops around the micro-kernel (GotoBLAS / BLIS), and nothing else.
//
// For one thread's part of C (M x N), with MR x NR the kernel's tile and MC, KC, NC the block sizes
// (tuning.cpp; they follow the machine's caches):
//
//   loop 5  for ic over M in steps of MC:            rows of A
//   loop 4    for pc over K in steps of KC:          one slice of the k sum, in order
//               pack A[ic.., pc..]  (MC x KC)        micro-panels of MR rows (pack.cpp)
//   loop 3      for jc over N in steps of NC:
//                 pack B[pc.., jc..]  (KC x NC)      micro-panels of NR columns; the block stays in L2
//   loop 2        for ir over the A block in steps of MR:     this A micro-panel (MR x KC) stays in L1
//   loop 1          for jr over the B block in steps of NR:   B micro-panels stream past it from L2
//                     C tile (MR x NR) = (pc == 0 ? 0 : C tile) + A micro-panel · B micro-panel  (kernels.cpp)
//
// Every C element is one chain of multiply-adds in ascending k: the first k slice overwrites C (so C is never
// read before it is written), the later ones add to it in order.
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

}  // namespace

void gemm_blocked(const MicroKernel& kern, bool trans_a, bool trans_b, std::size_t M, std::size_t N,
                  std::size_t K, const double* A, std::size_t lda, const double* B, std::size_t ldb, double* C,
                  std::size_t ldc) {
    const std::size_t MR = kern.mr, NR = kern.nr;
    const BlockSizes blocks = block_sizes();
    const std::size_t MC = std::min(round_up(blocks.mc, MR), round_up(M, MR));
    const std::size_t KC = std::min(blocks.kc, K);
    const std::size_t NC = columns_per_block(blocks, KC, N, NR);
    PackBuffers& buffers = thread_buffers();
    double* a_pack = buffers.a.get(MC * KC);
    double* b_pack = buffers.b.get(KC * NC);

    for (std::size_t ic = 0; ic < M; ic += MC) {                           // loop 5
        const std::size_t mc = std::min(MC, M - ic);
        for (std::size_t pc = 0; pc < K; pc += KC) {                       // loop 4
            const std::size_t kc = std::min(KC, K - pc);
            const bool accumulate = pc > 0;
            pack_a(trans_a, A, lda, ic, mc, pc, kc, MR, a_pack);
            for (std::size_t jc = 0; jc < N; jc += NC) {                   // loop 3
                const std::size_t nc = std::min(NC, N - jc);
                pack_b(trans_b, B, ldb, pc, kc, jc, nc, NR, b_pack);
                for (std::size_t ir = 0; ir < mc; ir += MR) {              // loop 2
                    const double* a_panel = a_pack + ir * kc;
                    double* c_row = C + (ic + ir) * ldc + jc;
                    const std::size_t rows = std::min(MR, mc - ir);
                    // The next tile of C: along this row of tiles, then the first of the next row.
                    const double* c_next_row = ir + MR < mc ? c_row + MR * ldc : nullptr;
                    // The next row of tiles' A micro-panel, last read a whole B block ago (from L3 or memory
                    // when the A block is larger than L2): the last call of this row brings it into L1.
                    const double* a_next_row = ir + MR < mc ? a_panel + MR * kc : a_pack;
                    for (std::size_t jr = 0; jr < nc; jr += NR) {          // loop 1
                        const double* b_panel = b_pack + jr * kc;
                        const bool last = jr + NR >= nc;
                        kern.run(kc, a_panel, b_panel, NR, c_row + jr, ldc, rows, std::min(NR, nc - jr), accumulate,
                                 ahead(b_panel, kPrefetchRows * NR), last ? c_next_row : c_row + jr + NR,
                                 last ? a_next_row : nullptr);
                    }
                }
            }
        }
    }
}

}  // namespace dnn::gemm::detail
