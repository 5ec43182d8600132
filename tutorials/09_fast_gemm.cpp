// tutorials/09_fast_gemm.cpp - 9. How the GEMM is made fast, one step at a time.
//
//   build/tutorials/09_fast_gemm [--quick]     (--quick multiplies 192 x 192 matrices instead of 768 x 768)
//
// Each step is a small complete GEMM, C = A·B with A (n, n), B (n, n), row-major. Each is checked against the
// naive one and timed against the step before it; a step that is not faster says why not at that size. The
// last step is the library's own dnn::gemm::gemm (matrix/gemm/): its final micro-kernel, block sizes from this
// machine's caches, transposes absorbed in the packing, on every core; its speed is printed as a fraction of
// the core's multiply-add peak, measured in the same run.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>
#include <thread>
#include <vector>

#include "matrix/gemm.hpp"
#include "matrix/gemm/kernels.hpp"
#include "matrix/gemm/peak.hpp"
#include "matrix/threads.hpp"
#include "tutorials/tutorial.hpp"

using namespace tutorial;
using Gemm = std::function<void(std::size_t n, const double* A, const double* B, double* C)>;

// ---- step 1: naive. One dot product per element; B is read down a column (stride n): a cache miss per step.
// This is the library's own reference, dnn::gemm::gemm_naive (matrix/gemm/naive.cpp): three loops i, j, k.
void gemm_step1_naive(std::size_t n, const double* A, const double* B, double* C) {
    dnn::gemm::gemm_naive(false, false, n, n, n, A, n, B, n, C, n);
}

// ---- step 2: loop order i-k-j. The inner loop walks a row of B and a row of C: contiguous, vectorisable.
void gemm_step2_ikj(std::size_t n, const double* A, const double* B, double* C) {
    std::fill(C, C + n * n, 0.0);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t k = 0; k < n; ++k) {
            const double a = A[i * n + k];
            for (std::size_t j = 0; j < n; ++j) C[i * n + j] += a * B[k * n + j];
        }
}

// ---- step 3: blocking. Work on a KC x NC block of B small enough to stay in cache while every row of A uses it.
constexpr std::size_t KC = 128, NC = 256;
void gemm_step3_blocked(std::size_t n, const double* A, const double* B, double* C) {
    std::fill(C, C + n * n, 0.0);
    for (std::size_t jc = 0; jc < n; jc += NC)
        for (std::size_t pc = 0; pc < n; pc += KC) {
            const std::size_t nb = std::min(NC, n - jc), kb = std::min(KC, n - pc);
            for (std::size_t i = 0; i < n; ++i)
                for (std::size_t k = pc; k < pc + kb; ++k) {
                    const double a = A[i * n + k];
                    for (std::size_t j = jc; j < jc + nb; ++j) C[i * n + j] += a * B[k * n + j];
                }
        }
}

// ---- step 4: packing. Copy the B block into a contiguous buffer, NR columns at a time (micro-panels), so
// the inner loops read memory strictly in order; the MR x NR tile of C is accumulated in local variables.
constexpr std::size_t MR = 8, NR = 8;
void pack_B(std::size_t n, const double* B, std::size_t pc, std::size_t kb, std::size_t jc, std::size_t nb,
            double* Bp) {
    for (std::size_t jr = 0; jr < nb; jr += NR)
        for (std::size_t k = 0; k < kb; ++k)
            for (std::size_t j = 0; j < NR; ++j)  // zero-pad the last panel's missing columns
                *Bp++ = jr + j < nb ? B[(pc + k) * n + jc + jr + j] : 0.0;
}
void pack_A(std::size_t n, const double* A, std::size_t ic, std::size_t mb, std::size_t pc, std::size_t kb,
            double* Ap) {
    for (std::size_t ir = 0; ir < mb; ir += MR)
        for (std::size_t k = 0; k < kb; ++k)
            for (std::size_t i = 0; i < MR; ++i) *Ap++ = ir + i < mb ? A[(ic + ir + i) * n + pc + k] : 0.0;
}
// C tile (MR x NR) += Ap panel (kb x MR) · Bp panel (kb x NR), plain loops.
void tile_plain(std::size_t kb, const double* Ap, const double* Bp, double* c, std::size_t ldc, std::size_t mr,
                std::size_t nr) {
    double acc[MR][NR] = {};
    for (std::size_t k = 0; k < kb; ++k)
        for (std::size_t i = 0; i < MR; ++i)
            for (std::size_t j = 0; j < NR; ++j) acc[i][j] += Ap[k * MR + i] * Bp[k * NR + j];
    for (std::size_t i = 0; i < mr; ++i)
        for (std::size_t j = 0; j < nr; ++j) c[i * ldc + j] += acc[i][j];
}

#if defined(__GNUC__)
// ---- step 5: the micro-kernel. The same tile with explicit 8-wide vectors (GCC/Clang vector extensions): each
// k step loads one row of the B panel into a register and adds a[i] * b_row to MR = 8 accumulator registers.
// Eight independent accumulators keep both of the core's multiply-add units busy despite their latency.
typedef double v8d __attribute__((vector_size(64)));
void tile_vector(std::size_t kb, const double* Ap, const double* Bp, double* c, std::size_t ldc, std::size_t mr,
                 std::size_t nr) {
    v8d acc[MR] = {};
    for (std::size_t k = 0; k < kb; ++k) {
        v8d b;
        __builtin_memcpy(&b, Bp + k * NR, sizeof b);
        for (std::size_t i = 0; i < MR; ++i) acc[i] += Ap[k * MR + i] * b;  // unrolled by the compiler
    }
    for (std::size_t i = 0; i < mr; ++i)
        for (std::size_t j = 0; j < nr; ++j) c[i * ldc + j] += acc[i][j];
}
#else
const auto tile_vector = tile_plain;
#endif

using Tile = void (*)(std::size_t, const double*, const double*, double*, std::size_t, std::size_t, std::size_t);

// The five loops around the tile (BLIS): jc over NC columns, pc over KC of k (pack B), ic over MC rows (pack A),
// then jr / ir over the micro-panels. Rows [row_begin, row_end) only, so threads can split the rows of C.
constexpr std::size_t MC = 64;
void gemm_packed(std::size_t n, const double* A, const double* B, double* C, Tile tile, std::size_t row_begin,
                 std::size_t row_end) {
    std::vector<double> Bp(KC * (NC + NR)), Ap((MC + MR) * KC);
    for (std::size_t i = row_begin; i < row_end; ++i) std::fill(C + i * n, C + i * n + n, 0.0);
    for (std::size_t jc = 0; jc < n; jc += NC) {
        const std::size_t nb = std::min(NC, n - jc);
        for (std::size_t pc = 0; pc < n; pc += KC) {
            const std::size_t kb = std::min(KC, n - pc);
            pack_B(n, B, pc, kb, jc, nb, Bp.data());
            for (std::size_t ic = row_begin; ic < row_end; ic += MC) {
                const std::size_t mb = std::min(MC, row_end - ic);
                pack_A(n, A, ic, mb, pc, kb, Ap.data());
                for (std::size_t jr = 0; jr < nb; jr += NR)
                    for (std::size_t ir = 0; ir < mb; ir += MR)
                        tile(kb, Ap.data() + ir * kb, Bp.data() + jr * kb, C + (ic + ir) * n + jc + jr, n,
                             std::min(MR, mb - ir), std::min(NR, nb - jr));
            }
        }
    }
}

void gemm_step4_packed(std::size_t n, const double* A, const double* B, double* C) {
    gemm_packed(n, A, B, C, tile_plain, 0, n);
}
void gemm_step5_microkernel(std::size_t n, const double* A, const double* B, double* C) {
    gemm_packed(n, A, B, C, tile_vector, 0, n);
}

// ---- step 6: threads. Each thread computes its own rows of C; no two threads add into the same element, and
// each element is summed in the same order as with one thread, so the result does not depend on the count.
void gemm_step6_threads(std::size_t n, const double* A, const double* B, double* C) {
    const std::size_t T = std::max(1u, std::thread::hardware_concurrency());
    std::vector<std::thread> pool;
    const std::size_t rows = (n + T - 1) / T;
    for (std::size_t t = 0; t < T; ++t) {
        const std::size_t begin = std::min(n, t * rows), end = std::min(n, begin + rows);
        pool.emplace_back([=] { gemm_packed(n, A, B, C, tile_vector, begin, end); });
    }
    for (auto& th : pool) th.join();
}

// ---- step 7: the library's GEMM.
void gemm_step7_library(std::size_t n, const double* A, const double* B, double* C) {
    dnn::gemm::gemm(false, false, n, n, n, A, n, B, n, C, n);
}

// Seconds for one call: the best of a few runs after a warm-up, to read through the noise of a shared machine.
double time_it(const Gemm& f, std::size_t n, const std::vector<double>& A, const std::vector<double>& B,
               std::vector<double>& C, int repeats) {
    f(n, A.data(), B.data(), C.data());  // warm-up: buffers, threads, caches
    double best = 1e30;
    for (int r = 0; r < repeats; ++r) {
        const auto t0 = std::chrono::steady_clock::now();
        f(n, A.data(), B.data(), C.data());
        best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    }
    return best;
}

int main(int argc, char** argv) {
    const bool quick = argc > 1 && std::string(argv[1]) == "--quick";
    const std::size_t n = quick ? 192 : 768;
    title("9. How the GEMM is made fast, step by step", "9. GEMM을 빠르게 만드는 과정, 한 단계씩");
    explain("Almost all of training is three matrix products per layer (W·A, dZ·A_prev.T, W.T·dZ). A product of "
            "n x n matrices does 2n^3 floating-point operations on 3n^2 numbers: each number is used n times, so a "
            "fast GEMM is about keeping numbers close to the processor while they are reused.",
            "학습 시간의 거의 전부는 층마다 세 번의 행렬 곱(W·A, dZ·A_prev.T, W.T·dZ)입니다. n x n 행렬 곱은 3n^2개의 "
            "숫자로 2n^3번 연산하므로 각 숫자가 n번 쓰입니다. 빠른 GEMM의 핵심은 다시 쓰일 숫자를 프로세서 가까이에 "
            "두는 것입니다.");

    std::vector<double> A(n * n), B(n * n), C(n * n), ref(n * n);
    dnn::np::random::seed(0);
    const dnn::Matrix a = dnn::np::random::randn(n, n), b = dnn::np::random::randn(n, n);
    std::copy_n(a.data(), n * n, A.data());
    std::copy_n(b.data(), n * n, B.data());

    // why_en / why_ko: printed when the step is not faster than the one before (it can happen at some sizes).
    struct Step {
        const char* en;
        const char* ko;
        Gemm f;
        const char* why_en;
        const char* why_ko;
    };
    const char* busy_en = "on a shared machine a timing can be caught by another program: run it again";
    const char* busy_ko = "여러 사람이 쓰는 머신에서는 다른 프로그램 때문에 시간이 튈 수 있습니다. 다시 실행해 보세요";
    const std::vector<Step> steps = {
        {"1. naive: one dot product per element; B is read down its columns",
         "1. 단순 구현: 원소마다 내적 하나, B를 열 방향으로 읽음", gemm_step1_naive, "", ""},
        {"2. loop order i-k-j: the inner loop runs along rows of B and C (contiguous, vectorised)",
         "2. 루프 순서 i-k-j: 가장 안쪽 루프가 B와 C의 행을 따라 연속으로 읽음(벡터화)", gemm_step2_ikj,
         "at this size all of B fits in the L2 cache, so reading it down its columns costs little",
         "이 크기에서는 B 전체가 L2 캐시에 들어가므로 열 방향으로 읽어도 비용이 작습니다"},
        {"3. blocking: a block of B stays in cache while all rows of A use it",
         "3. 블로킹: B의 블록이 캐시에 머무는 동안 A의 모든 행이 그것을 씀", gemm_step3_blocked,
         "at this size B already stays in cache without blocking: the extra loops only cost",
         "이 크기에서는 블로킹 없이도 B가 캐시에 머물러, 늘어난 루프가 비용만 더합니다"},
        {"4. packing: A and B blocks copied into contiguous micro-panels; an 8x8 tile of C summed in local variables "
         "(alone this may be no faster: the compiler cannot keep 64 plain sums in registers; step 5 can)",
         "4. 패킹: A, B 블록을 연속된 마이크로 패널로 복사하고 C의 8x8 타일을 지역 변수에서 누적"
         "(이것만으로는 빠르지 않을 수 있음: 컴파일러가 64개의 합을 레지스터에 두지 못함, 5단계에서 해결)", gemm_step4_packed,
         "64 plain sums do not fit in registers, so the tile lives in memory; the copies cost without a gain yet",
         "64개의 합이 레지스터에 들어가지 않아 타일이 메모리에 있고, 복사 비용만 들고 아직 이득이 없습니다"},
        {"5. micro-kernel: the tile with explicit 8-wide vector registers",
         "5. 마이크로 커널: 8칸 벡터 레지스터를 직접 쓰는 타일", gemm_step5_microkernel, busy_en, busy_ko},
        {"6. threads: each core computes its own rows of C (results identical for any thread count)",
         "6. 스레드: 코어마다 C의 다른 행을 계산(스레드 수와 무관하게 같은 결과)", gemm_step6_threads,
         "this machine has one core free (or one core), or the product is too small to be worth starting threads",
         "이 머신에 쉬는 코어가 하나뿐이거나(코어가 하나), 곱이 너무 작아 스레드를 시작할 가치가 없습니다"},
        {"7. the library's dnn::gemm::gemm: the final micro-kernel (a larger tile, prefetching), block sizes from "
         "this machine's caches, every core",
         "7. 라이브러리의 dnn::gemm::gemm: 최종 마이크로 커널(더 큰 타일, 프리페치), 이 머신의 캐시에 맞춘 블록 크기, "
         "모든 코어", gemm_step7_library, busy_en, busy_ko},
    };

    gemm_step1_naive(n, A.data(), B.data(), ref.data());
    const double flops = 2.0 * n * n * n;
    double previous = 0;
    for (const Step& s : steps) {
        section(s.en, s.ko);
        std::fill(C.begin(), C.end(), std::nan(""));  // every step must write every element
        const double secs = time_it(s.f, n, A, B, C, 3);
        double max_rel = 0;
        for (std::size_t k = 0; k < n * n; ++k)
            max_rel = std::max(max_rel, std::fabs(C[k] - ref[k]) / std::max(1.0, std::fabs(ref[k])));
        char line[160];
        std::snprintf(line, sizeof line, "  %zu x %zu x %zu: %.2f ms, %.2f GFLOP/s", n, n, n, secs * 1e3,
                      flops / secs * 1e-9);
        std::cout << line;
        if (previous > 0) {
            std::snprintf(line, sizeof line, ", %.1fx the step before / 이전 단계의 %.1f배", previous / secs, previous / secs);
            std::cout << line;
        }
        std::cout << "\n\n";
        if (previous > 0 && secs >= previous)
            explain(std::string("not faster here: ") + s.why_en, std::string("여기서는 빠르지 않음: ") + s.why_ko);
        previous = secs;
        check_that("  the result equals the naive GEMM's to 1e-12 (largest relative difference " +
                       dnn::py_repr(max_rel) + ")",
                   std::isfinite(max_rel) && max_rel <= 1e-12);
    }
    // The final kernel against the hardware: GFLOP/s as a fraction of the multiply-add peak measured now.
    {
        namespace d = dnn::gemm::detail;
        const d::Peak peak = d::measure_fma_peak();
        const int threads = dnn::get_num_threads();
        dnn::set_num_threads(1);
        const double one = flops / time_it(gemm_step7_library, n, A, B, C, quick ? 3 : 5) * 1e-9;
        dnn::set_num_threads(threads);
        const double all = flops / previous * 1e-9;
        section("The final kernel against this core's peak", "최종 커널과 이 코어의 최대 성능");
        char line[256];
        std::snprintf(line, sizeof line,
                      "  kernel %s %zux%zu; FMA peak of one core, measured now: %.1f GFLOP/s\n"
                      "  one thread: %.1f GFLOP/s = %.0f%% of the peak; %d threads: %.1f GFLOP/s = %.0f%% of %d x the peak\n",
                      d::kernel_isa(), d::main_kernel().mr, d::main_kernel().nr, peak.gflops, one,
                      100 * one / peak.gflops, threads, all, 100 * all / (threads * peak.gflops), threads);
        std::cout << line << "\n";
        explain("The peak is a loop of independent multiply-adds and nothing else; a GEMM must also load A and B, "
                "so 80-90% of it is near what a core can do. At the quick size (192) the product is too short for "
                "that: packing and the edges of C weigh more.",
                "최대 성능은 독립적인 곱셈-덧셈만 반복한 값입니다. GEMM은 A와 B도 읽어야 하므로 그 80-90%면 코어의 "
                "한계에 가깝습니다. 빠른 모드의 크기(192)에서는 곱이 짧아 패킹과 C의 가장자리 비용이 더 큽니다.");
    }
    explain("The same ideas, tuned for this processor, make the training loop of the Application fast: see "
            "`make bench` for the figures against OpenBLAS and numpy.",
            "같은 아이디어를 이 프로세서에 맞게 조정한 것이 응용 노트북의 학습을 빠르게 합니다. OpenBLAS, numpy와의 "
            "비교는 `make bench`를 보세요.");
    return finish();
}
