// tools/bench/gemm_bench.cpp - GFLOP/s of dnn::gemm::gemm beside OpenBLAS's cblas_dgemm, on 1 and 2 threads.
//
// Run by `make bench`. Built with -DDNN_BENCH_OPENBLAS and linked with -lopenblas when OpenBLAS is installed
// (only this program links it, never the library); otherwise it prints our figures alone and says why.
// Each figure is the median of several timed runs, ours and OpenBLAS's measured in turns, with its spread and
// as a fraction of the core's multiply-add peak, measured in the same run.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "matrix/gemm.hpp"
#include "matrix/gemm/kernels.hpp"
#include "matrix/gemm/peak.hpp"
#include "matrix/gemm/tuning.hpp"
#include "matrix/threads.hpp"

#ifdef DNN_BENCH_OPENBLAS
// The few OpenBLAS entry points used, declared here so no particular cblas.h is needed.
extern "C" {
void cblas_dgemm(int order, int trans_a, int trans_b, int M, int N, int K, double alpha, const double* A, int lda,
                 const double* B, int ldb, double beta, double* C, int ldc);
void openblas_set_num_threads(int n);
char* openblas_get_corename(void);
}
constexpr int kRowMajor = 101, kNoTrans = 111, kTrans = 112;
#endif

namespace {

struct Shape {
    const char* name;
    bool ta, tb;
    std::size_t M, N, K;
};

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

struct Figures {
    double ours = 0, blas = 0;                // GFLOP/s, medians
    double ours_spread = 0, blas_spread = 0;  // half the interquartile range of the runs, as a fraction of the median
};

// Median GFLOP/s of the runs, and their spread.
void summarise(double flops, std::vector<double> times, double& gflops, double& spread) {
    std::sort(times.begin(), times.end());
    const std::size_t n = times.size();
    const double med = median(times);
    gflops = flops / med * 1e-9;
    spread = 0.5 * (times[n * 3 / 4] - times[n / 4]) / med;
}

Figures measure(const Shape& s, int threads, bool with_blas) {
    const std::size_t a_rows = s.ta ? s.K : s.M, a_cols = s.ta ? s.M : s.K;
    const std::size_t b_rows = s.tb ? s.N : s.K, b_cols = s.tb ? s.K : s.N;
    std::vector<double> A(a_rows * a_cols), B(b_rows * b_cols), C(s.M * s.N);
    unsigned x = 12345;
    for (double& v : A) v = ((x = x * 1103515245u + 12345u) >> 8) * (1.0 / 16777216.0) - 0.5;
    for (double& v : B) v = ((x = x * 1103515245u + 12345u) >> 8) * (1.0 / 16777216.0) - 0.5;
    const double flops = 2.0 * double(s.M) * double(s.N) * double(s.K);

    dnn::set_num_threads(threads);
#ifdef DNN_BENCH_OPENBLAS
    openblas_set_num_threads(threads);
#endif
    auto ours = [&] {
        dnn::gemm::gemm(s.ta, s.tb, s.M, s.N, s.K, A.data(), a_cols, B.data(), b_cols, C.data(), s.N);
    };
    auto blas = [&] {
#ifdef DNN_BENCH_OPENBLAS
        cblas_dgemm(kRowMajor, s.ta ? kTrans : kNoTrans, s.tb ? kTrans : kNoTrans, int(s.M), int(s.N), int(s.K),
                    1.0, A.data(), int(a_cols), B.data(), int(b_cols), 0.0, C.data(), int(s.N));
#endif
    };
    // The two libraries take turns, three phases each, so a busy spell of the machine hits both alike. A
    // pause before each phase lets the other library's threads go idle (OpenBLAS's keep spinning for up to
    // about 0.1 s after a call and would take a core from our next run). Each phase is warmed up first for
    // 30 ms (at least one run: pack buffers, pool threads, page faults; and a core that sat idle through the
    // pause runs slowly for some milliseconds on these virtual machines: 256^3 on two threads measured 0.6 to
    // 0.9 ms per product for its first 15 runs, then 0.19 ms), then repeats for about 0.15 s (at least 3 runs).
    auto phase = [](auto& run, std::vector<double>& times) {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        const auto warm_up = std::chrono::steady_clock::now();
        do run(); while (seconds_since(warm_up) < 0.03);
        const auto start = std::chrono::steady_clock::now();
        const std::size_t first = times.size();
        while (times.size() - first < 3 || (seconds_since(start) < 0.15 && times.size() - first < 15)) {
            const auto t0 = std::chrono::steady_clock::now();
            run();
            times.push_back(seconds_since(t0));
        }
    };
    std::vector<double> t_ours, t_blas;
    for (int round = 0; round < 3; ++round) {
        phase(ours, t_ours);
        if (with_blas) phase(blas, t_blas);
    }
    Figures f;
    summarise(flops, t_ours, f.ours, f.ours_spread);
    if (with_blas) summarise(flops, t_blas, f.blas, f.blas_spread);
    return f;
}

// "98.1 ±1%" in 11 characters.
std::string figure(double gflops, double spread) {
    char text[32];
    std::snprintf(text, sizeof text, "%6.1f ±%2.0f%%", gflops, spread * 100);
    return text;
}

}  // namespace

int main(int argc, char** argv) {
    bool with_blas = false;
#ifdef DNN_BENCH_OPENBLAS
    with_blas = true;
    {  // start OpenBLAS's threads and buffers before anything is timed
        std::vector<double> a(256 * 256, 1.0), c(256 * 256);
        for (int i = 0; i < 20; ++i)
            cblas_dgemm(kRowMajor, kNoTrans, kNoTrans, 256, 256, 256, 1.0, a.data(), 256, a.data(), 256, 0.0,
                        c.data(), 256);
    }
    std::printf("OpenBLAS core: %s (OPENBLAS_CORETYPE %s)\n", openblas_get_corename(),
                std::getenv("OPENBLAS_CORETYPE") ? std::getenv("OPENBLAS_CORETYPE") : "unset: detected");
#else
    std::printf("OpenBLAS comparison skipped: this benchmark was built without OpenBLAS "
                "(install libopenblas-dev, e.g. apt-get install libopenblas-dev, and run make bench again)\n");
#endif
    const Shape shapes[] = {
        {"square 256", false, false, 256, 256, 256},
        {"square 512", false, false, 512, 512, 512},
        {"square 1024", false, false, 1024, 1024, 1024},
        {"square 2048", false, false, 2048, 2048, 2048},
        {"W1*X     (20x12288)(12288x209)", false, false, 20, 209, 12288},
        {"dZ1*X.T  (20x209)(209x12288)", false, true, 20, 12288, 209},
        {"W1.T*dZ1 (12288x20)(20x209)", true, false, 12288, 209, 20},
    };
    namespace d = dnn::gemm::detail;
    const d::Peak peak = d::measure_fma_peak();
    std::printf("FMA peak of one core (independent %u-bit multiply-adds, measured now): %.1f GFLOP/s\n",
                peak.vector_bits, peak.gflops);
    {
        const d::MicroKernel &m = d::main_kernel(), &a = d::few_rows_kernel();
        std::printf("dnn kernels (%s): main %zux%zu, few-rows %zux%zu", d::kernel_isa(), m.mr, m.nr, a.mr, a.nr);
        if (d::bt_kernel(24) != nullptr)
            std::printf(", transposed-tile %s and, for dZ1 . X.T's 20 rows, %s", d::bt_kernel(24)->name,
                        d::bt_kernel(20)->name);
        const dnn::gemm::BlockSizes b = dnn::gemm::get_block_sizes();
        const d::Caches& c = d::machine_caches();
        std::printf("\ndnn block sizes: mc %zu, kc %zu, nc %zu (from L1d %zu KiB, L2 %zu KiB, read from %s)\n", b.mc,
                    b.kc, b.nc, c.l1d >> 10, c.l2 >> 10, c.source);
    }
    const char* only = argc > 1 ? argv[1] : nullptr;  // optional: a substring of the shape names to run
    std::printf("GEMM, GFLOP/s: median of 3 interleaved phases of runs, ± half the interquartile range; %%peak = of "
                "the FMA peak above (x2 for 2 threads); ratio = ours / OpenBLAS\n");
    std::printf("%-32s | %11s %5s %11s %6s | %11s %5s %11s %6s | %s\n", "product", "1 thread", "%peak", "OpenBLAS",
                "ratio", "2 threads", "%peak", "OpenBLAS", "ratio", "2 thr / 1 thr");
    for (const Shape& s : shapes) {
        if (only && !std::strstr(s.name, only)) continue;
        const Figures one = measure(s, 1, with_blas), two = measure(s, 2, with_blas);
        const std::string blas1 = with_blas ? figure(one.blas, one.blas_spread) : "-";
        const std::string blas2 = with_blas ? figure(two.blas, two.blas_spread) : "-";
        char r1[16] = "-", r2[16] = "-";
        if (with_blas) {
            std::snprintf(r1, sizeof r1, "%5.2fx", one.ours / one.blas);
            std::snprintf(r2, sizeof r2, "%5.2fx", two.ours / two.blas);
        }
        std::printf("%-32s | %s %4.0f%% %s %6s | %s %4.0f%% %s %6s | %5.2fx\n", s.name,
                    figure(one.ours, one.ours_spread).c_str(), 100 * one.ours / peak.gflops, blas1.c_str(), r1,
                    figure(two.ours, two.ours_spread).c_str(), 100 * two.ours / (2 * peak.gflops), blas2.c_str(), r2,
                    two.ours / one.ours);
        std::fflush(stdout);
    }
    return 0;
}
