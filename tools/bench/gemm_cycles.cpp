// tools/bench/gemm_cycles.cpp - dnn::gemm::gemm on one thread in this thread's CPU time, as a fraction of the FMA
// peak measured the same way, for tuning while the machine is busy.
//
// Wall-clock time is meaningless when other programs share the cores; a thread's CPU time only runs while the
// thread does. Each figure is the best of many short trials (a trial that a context switch or a busy neighbour
// disturbed only looks slower), and the FMA peak (matrix/gemm/peak.cpp's chains) is measured between the shapes,
// so a change of clock speed hits both. Where the hardware's cycle counters are readable, `perf stat -e cycles:u`
// on this program says the same in cycles. Not part of `make bench`:
//   make cycles-bench [CYCLES_ONLY=1024]   or   build/bench/gemm_cycles [name substring] [trials] [kc nc]
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "matrix/gemm.hpp"
#include "matrix/gemm/kernels.hpp"
#include "matrix/gemm/peak.hpp"
#include "matrix/threads.hpp"

namespace {

// CPU time of this thread, in seconds: it runs only while the thread runs.
double thread_seconds() {
    timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) + 1e-9 * double(t.tv_nsec);
}

struct Shape {
    const char* name;
    bool ta, tb;
    std::size_t M, N, K;
};

// The best flops per second of the FMA chains over a few short trials.
double peak_flops() {
    double best = 0;
    for (int i = 0; i < 20; ++i) {
        const double t0 = thread_seconds();
        const double flops = dnn::gemm::detail::run_fma_chains(1 << 14);
        best = std::max(best, flops / (thread_seconds() - t0));
    }
    return best;
}

}  // namespace

int main(int argc, char** argv) {
    const char* only = argc > 1 ? argv[1] : nullptr;
    const int trials = argc > 2 ? std::atoi(argv[2]) : 40;
    dnn::set_num_threads(1);
    if (argc > 4) {  // kc and nc to try instead of the defaults (mc stays)
        dnn::gemm::BlockSizes b = dnn::gemm::get_block_sizes();
        b.kc = std::size_t(std::atol(argv[3]));
        b.nc = std::size_t(std::atol(argv[4]));
        dnn::gemm::set_block_sizes(b);
    }

    namespace d = dnn::gemm::detail;
    double peak = peak_flops();
    const d::MicroKernel& m = d::main_kernel();
    const dnn::gemm::BlockSizes b = dnn::gemm::get_block_sizes();
    std::printf("FMA peak: %.1f GFLOP/s of thread CPU time (%s); main kernel %zux%zu; mc %zu kc %zu nc %zu\n",
                peak * 1e-9, d::kernel_isa(), m.mr, m.nr, b.mc, b.kc, b.nc);

    const Shape shapes[] = {
        {"square 256", false, false, 256, 256, 256},
        {"square 512", false, false, 512, 512, 512},
        {"square 1024", false, false, 1024, 1024, 1024},
        {"square 2048", false, false, 2048, 2048, 2048},
        {"W1*X", false, false, 20, 209, 12288},
        {"dZ1*X.T", false, true, 20, 12288, 209},
        {"W1.T*dZ1", true, false, 12288, 209, 20},
    };
    for (const Shape& s : shapes) {
        if (only && !std::strstr(s.name, only)) continue;
        const std::size_t a_cols = s.ta ? s.M : s.K, b_cols = s.tb ? s.K : s.N;
        std::vector<double> A(s.M * s.K), B(s.K * s.N), C(s.M * s.N);
        unsigned x = 12345;
        for (double& v : A) v = ((x = x * 1103515245u + 12345u) >> 8) * (1.0 / 16777216.0) - 0.5;
        for (double& v : B) v = ((x = x * 1103515245u + 12345u) >> 8) * (1.0 / 16777216.0) - 0.5;
        auto run = [&] {
            dnn::gemm::gemm(s.ta, s.tb, s.M, s.N, s.K, A.data(), a_cols, B.data(), b_cols, C.data(), s.N);
        };
        const double flops = 2.0 * double(s.M) * double(s.N) * double(s.K);
        run();
        // A trial: enough runs for about 2 ms (one run for the large products).
        const int reps = std::max(1, int(2e-3 * peak * 0.8 / flops));
        double best = 0;
        for (int t = 0; t < trials; ++t) {
            const double t0 = thread_seconds();
            for (int r = 0; r < reps; ++r) run();
            best = std::max(best, flops * reps / (thread_seconds() - t0));
        }
        peak = std::max(peak, peak_flops());
        std::printf("%-12s %6.1f GFLOP/s  %5.1f%% of peak (%.1f)  best of %d trials of %d runs\n", s.name,
                    best * 1e-9, 100 * best / peak, peak * 1e-9, trials, reps);
        std::fflush(stdout);
    }
    return 0;
}
