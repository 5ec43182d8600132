// matrix/gemm/tuning.hpp - every block size and threshold of the GEMM, in one place (internal).
//
// Each constant says what it bounds and how it was chosen. The block sizes are not constants: they are
// worked out at run time from the caches of the machine the program runs on (tuning.cpp), unless a test or
// the benchmark sets them with set_block_sizes. None of these numbers changes a result: each element of C is
// one chain of multiply-adds in ascending k whatever the blocks, the thread count or the road taken, with one
// exception, kSmallMaxWork / kSmallMaxDotK below, which choose between two kinds of rounding.
#pragma once

#include <algorithm>
#include <cstddef>

#include "matrix/gemm.hpp"

namespace dnn::gemm::detail {

// ---- the small-product loop (naive.cpp) ----
// Products with at most kSmallMaxWork multiply-adds (and, when B is transposed, a k sum at most kSmallMaxDotK
// long) take the plain triple loop: packing would cost more than it saves (timed: the blocked road wins from
// about 12 x 12 x 12 on; a plain dot product over a long k is slow, one addition waiting for the other).
// The plain loop rounds a * b before adding it, the kernels fuse the two (one rounding): so these two numbers
// decide which products get which rounding, and must not change (every printed value depends on them).
constexpr std::size_t kSmallMaxWork = 1536;
constexpr std::size_t kSmallMaxDotK = 32;

// ---- the road for few rows of A (shapes.cpp) ----
// Products whose M is at most this many tiles of the few-rows kernel read B in place instead of packing it.
constexpr std::size_t kFewRowsMaxTiles = 2;
// The k slice of that road: short enough that the A panels and a B panel read from memory stay in L1 together.
constexpr std::size_t kFewRowsMaxKC = 128;
// op(A) · B.T takes the transposed-tile kernel up to this many rows of A and this long a k sum (the packed A
// and a block of B's rows then stay in L1 / L2).
constexpr std::size_t kBtMaxRows = 32;
constexpr std::size_t kBtMaxK = 1024;

// ---- threads (large.cpp) ----
// A thread is worth waking for about this many multiply-adds (a wake-up costs some microseconds).
constexpr std::size_t kWorkPerThread = std::size_t{1} << 20;
// The few-rows kernel is taken instead of the main one when its tiles waste less than this share of the
// main one's padding (0.9: it must save more than 10% of the work).
constexpr double kAltKernelGain = 0.9;

// ---- the micro-kernels' prefetching (blocked.cpp, shapes.cpp) ----
// The kernels prefetch B this many rows ahead of the row they multiply (timed: 8 to 32 are alike; 16).
constexpr std::size_t kPrefetchRows = 16;
// The few-rows road reads B's rows in place from memory (two or three cache lines of each row per call), so
// it asks further ahead. Timed on Zen 5 with the 10 x 16 kernel, W1 · X alone on one thread, the settings
// alternated in blocks in one run: 16 or 32 rows ahead 1.52-1.60 ms, 48 rows 1.56-1.62, 64 rows 1.57-1.63,
// 96 rows 1.73, 128 rows 1.82; the training iteration the same for 16 to 64. (With the old 20 x 8 kernel, 16
// rows were much slower, 2.04 ms for the forward pass against 1.56 for 64.)
constexpr std::size_t kFewRowsPrefetchRows = 32;

// ---- block sizes (tuning.cpp: default_block_sizes) ----
// Shares of this machine's L1d and L2 that the A micro-panel and the B block may fill, and the largest MC.
// Timed on a Zen 5 core (48 KiB L1d, 1 MiB L2), one thread, the settings alternated in blocks of runs in one
// program: two thirds of L1 (KC = 512, NC = 120) against a third (KC = 256, NC = 240), the same half of L2 for
// the B block: 512^3 90.4 against 88.6 GFLOP/s, 1024^3 94.8 against 91.9, 2048^3 91.7 against 88.7, 256^3
// alike; two threads on 2048^3 179 against 171. A deeper k slice loads and stores each C tile half as often.
// KC from 640 to 768 (NC 96 to 72) was no better. (Timed one after the other, not alternated, the earlier
// settings had looked alike within the machine's drift.)
constexpr double kL1Share = 0.67;
constexpr double kL2Share = 0.5;
constexpr std::size_t kMaxMC = 2048;

// The block sizes in use (set_block_sizes' values, or the defaults for this machine's caches).
BlockSizes block_sizes();

// The defaults for this machine, from its cache sizes (see tuning.cpp), and the caches they came from.
struct Caches {
    std::size_t l1d = 0, l2 = 0, l3 = 0;  // bytes per core (l3: the whole shared cache); 0 when unknown
    const char* source = "";              // where the sizes were read ("sysconf", "/sys", or "assumed")
};
const Caches& machine_caches();
BlockSizes default_block_sizes();

inline std::size_t round_up(std::size_t x, std::size_t m) { return (x + m - 1) / m * m; }

// Columns of B per block (NC) for a product whose k slice is KC: nc at the full kc, and more in proportion for
// a shorter slice (a short k sum such as W1.T · dZ1's 20), so the KC x NC block of B still fills its share of
// L2 rather than cutting N into needless blocks. Whole tiles of nr, at most all of N.
inline std::size_t columns_per_block(const BlockSizes& blocks, std::size_t KC, std::size_t N, std::size_t nr) {
    const std::size_t nc = KC < blocks.kc ? blocks.nc * (blocks.kc / KC) : blocks.nc;
    return std::min(round_up(nc, nr), round_up(N, nr));
}

}  // namespace dnn::gemm::detail
