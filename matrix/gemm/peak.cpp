// matrix/gemm/peak.cpp - measures one core's multiply-add peak with this build's vectors (see peak.hpp).
//
// Built with the kernels' flags (the Makefile's per-file flags), so "acc * m + a" is one fused multiply-add on the same vectors.
// kChains independent accumulators: a multiply-add waits about 4 cycles for its result and a core starts two
// (x86) to four (large ARM cores) per cycle, so 8 to 16 chains are needed to keep every unit busy.
#include "matrix/gemm/peak.hpp"

#include <algorithm>
#include <chrono>

#include "matrix/gemm/vector.hpp"

namespace dnn::gemm::detail {

namespace {

using namespace simd;

constexpr std::size_t kChains = kRegisters >= 32 ? 16 : 12;

// steps * kChains * VL multiply-adds; returns a number that depends on all of them (so none is left out).
double run_chains(long steps, double m, double a) {
    vec acc[kChains];
    for (std::size_t c = 0; c < kChains; ++c) acc[c] = vec{} + double(c);
    const vec mv = vec{} + m, av = vec{} + a;
    for (long s = 0; s < steps; ++s) {
#pragma GCC unroll 16
        for (std::size_t c = 0; c < kChains; ++c) acc[c] = acc[c] * mv + av;
    }
    double sum = 0;
    for (std::size_t c = 0; c < kChains; ++c)
        for (std::size_t l = 0; l < VL; ++l) sum += acc[c][l];
    return sum;
}

}  // namespace

double run_fma_chains(long steps) {
    volatile double m_in = 0.999999, a_in = 1e-3;
    volatile double keep = run_chains(steps, m_in, a_in);  // the results are used
    (void)keep;
    return 2.0 * double(steps) * double(kChains * VL);
}

Peak measure_fma_peak() {
    // m and a come through a volatile so the compiler cannot fold the loop; m < 1 keeps the values bounded.
    volatile double m_in = 0.999999, a_in = 1e-3;
    const double m = m_in, a = a_in;
    const long steps = 1 << 20;  // 16 Mi multiply-adds per run: a few milliseconds
    double best = 0, sink = 0;
    const auto start = std::chrono::steady_clock::now();
    for (int run = 0; run < 40; ++run) {
        const auto t0 = std::chrono::steady_clock::now();
        sink += run_chains(steps, m, a);
        const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        best = std::max(best, 2.0 * double(steps) * double(kChains * VL) / secs * 1e-9);
        if (run >= 5 && std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() > 0.1) break;
    }
    volatile double keep = sink;  // the results are used
    (void)keep;
    return {best, kIsa, unsigned(VL * 64)};
}

}  // namespace dnn::gemm::detail
