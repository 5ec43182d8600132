// tests/test_gemm.cpp - the fast GEMM (matrix/gemm/) against the naive reference, and its thread pool.
#include <doctest/doctest.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include "matrix/gemm.hpp"
#include "matrix/gemm/kernels.hpp"
#include "matrix/gemm/paths.hpp"
#include "matrix/gemm/thread_pool.hpp"
#include "matrix/threads.hpp"

namespace {

using dnn::gemm::BlockSizes;

// splitmix64: a tiny deterministic generator, so every run multiplies the same numbers.
struct Rng {
    std::uint64_t state;
    double next() {  // uniform in [-1, 1)
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        z ^= z >> 31;
        return double(z >> 11) * 0x1.0p-52 - 1.0;
    }
};

// One product's operands in storage, with the given transposes and extra padding on each row stride.
struct Problem {
    bool ta, tb;
    std::size_t M, N, K, lda, ldb, ldc;
    std::vector<double> A, B;

    Problem(bool ta_, bool tb_, std::size_t M_, std::size_t N_, std::size_t K_, std::size_t pad, std::uint64_t seed)
        : ta(ta_), tb(tb_), M(M_), N(N_), K(K_) {
        lda = (ta ? M : K) + pad;
        ldb = (tb ? K : N) + pad;
        ldc = N + pad;
        Rng rng{seed};
        A.resize((ta ? K : M) * lda + 1);
        B.resize((tb ? N : K) * ldb + 1);
        for (double& x : A) x = rng.next();
        for (double& x : B) x = rng.next();
    }

    // C (M x N, stride ldc) from the fast gemm, its storage first filled with NaN: gemm must never read it.
    std::vector<double> fast() const {
        std::vector<double> C(M * ldc + 1, std::numeric_limits<double>::quiet_NaN());
        dnn::gemm::gemm(ta, tb, M, N, K, A.data(), lda, B.data(), ldb, C.data(), ldc);
        return C;
    }
};

// C from the five loops of blocked.cpp run with one particular micro-kernel, on one thread.
std::vector<double> blocked_with(const dnn::gemm::detail::MicroKernel& kern, const Problem& p) {
    std::vector<double> C(p.M * p.ldc + 1, std::numeric_limits<double>::quiet_NaN());
    dnn::gemm::detail::gemm_blocked(kern, p.ta, p.tb, p.M, p.N, p.K, p.A.data(), p.lda, p.B.data(), p.ldb, C.data(),
                                    p.ldc);
    return C;
}

// Checks fast against gemm_naive element by element: |fast - naive| <= 1e-12 * sum_k |a_ik * b_kj|, the scale
// of the rounding error of any summation order. Also checks that the padding columns of C were not written.
void check_against_naive(const Problem& p, const std::vector<double>& C) {
    CAPTURE(p.ta);
    CAPTURE(p.tb);
    CAPTURE(p.M);
    CAPTURE(p.N);
    CAPTURE(p.K);
    CAPTURE(p.ldc);
    std::vector<double> ref(p.M * p.ldc + 1), scale(p.M * p.ldc + 1);
    dnn::gemm::gemm_naive(p.ta, p.tb, p.M, p.N, p.K, p.A.data(), p.lda, p.B.data(), p.ldb, ref.data(), p.ldc);
    std::vector<double> absA(p.A.size()), absB(p.B.size());
    for (std::size_t i = 0; i < p.A.size(); ++i) absA[i] = std::fabs(p.A[i]);
    for (std::size_t i = 0; i < p.B.size(); ++i) absB[i] = std::fabs(p.B[i]);
    dnn::gemm::gemm_naive(p.ta, p.tb, p.M, p.N, p.K, absA.data(), p.lda, absB.data(), p.ldb, scale.data(), p.ldc);
    std::size_t bad = 0, nan_padding_overwritten = 0;
    for (std::size_t i = 0; i < p.M; ++i) {
        for (std::size_t j = 0; j < p.ldc; ++j) {
            const double c = C[i * p.ldc + j];
            if (j >= p.N) {
                if (!std::isnan(c)) ++nan_padding_overwritten;
                continue;
            }
            const double r = ref[i * p.ldc + j];
            if (!(std::fabs(c - r) <= 1e-12 * scale[i * p.ldc + j])) {
                if (bad++ < 3) FAIL_CHECK("C(" << i << ", " << j << ") = " << c << ", naive gives " << r);
            }
        }
    }
    CHECK(bad == 0);
    CHECK(nan_padding_overwritten == 0);
    CHECK(std::isnan(C[p.M * p.ldc]));  // nothing written past the end
}

void check_against_naive(const Problem& p) { check_against_naive(p, p.fast()); }

// Sets block sizes for one scope and restores the defaults after, even when a check throws.
struct BlockSizesScope {
    explicit BlockSizesScope(BlockSizes b) { dnn::gemm::set_block_sizes(b); }
    ~BlockSizesScope() { dnn::gemm::reset_block_sizes(); }
};

struct ThreadsScope {
    int saved = dnn::get_num_threads();
    explicit ThreadsScope(int n) { dnn::set_num_threads(n); }
    ~ThreadsScope() { dnn::set_num_threads(saved); }
};

// n doubles that end exactly where an unreadable page begins: reading one number past them crashes the test.
struct GuardedDoubles {
    void* base = nullptr;
    std::size_t bytes = 0;
    double* data = nullptr;
    explicit GuardedDoubles(std::size_t n) {
        const std::size_t page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
        const std::size_t data_pages = (n * sizeof(double) + page - 1) / page;
        bytes = (data_pages + 1) * page;
        base = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        REQUIRE(base != MAP_FAILED);
        char* guard = static_cast<char*>(base) + data_pages * page;
        REQUIRE(mprotect(guard, page, PROT_NONE) == 0);
        data = reinterpret_cast<double*>(guard) - n;
    }
    ~GuardedDoubles() { munmap(base, bytes); }
    GuardedDoubles(const GuardedDoubles&) = delete;
    GuardedDoubles& operator=(const GuardedDoubles&) = delete;
};

}  // namespace

TEST_CASE("gemm: the notebook's small products equal the naive reference bit for bit") {
    // 1x3 . 3x2 and friends take the direct loops, which sum in the same order as gemm_naive.
    const double A[] = {1.62434536, -0.61175641, -0.52817175};
    const double B[] = {0.86540763, -2.3015387, 1.74481176, -0.7612069, 0.3190391, -0.24937038};
    double C[2] = {std::nan(""), std::nan("")}, R[2];
    dnn::gemm::gemm(false, false, 1, 2, 3, A, 3, B, 2, C, 2);
    dnn::gemm::gemm_naive(false, false, 1, 2, 3, A, 3, B, 2, R, 2);
    CHECK(std::memcmp(C, R, sizeof C) == 0);
    CHECK(C[0] == doctest::Approx(1.62434536 * 0.86540763 - 0.61175641 * 1.74481176 - 0.52817175 * 0.3190391));
    for (bool ta : {false, true})
        for (bool tb : {false, true}) {
            Problem p(ta, tb, 3, 4, 5, 1, 7);
            const std::vector<double> fast = p.fast();
            std::vector<double> ref(p.M * p.ldc + 1, std::nan(""));
            dnn::gemm::gemm_naive(ta, tb, 3, 4, 5, p.A.data(), p.lda, p.B.data(), p.ldb, ref.data(), p.ldc);
            for (std::size_t i = 0; i < 3; ++i)
                for (std::size_t j = 0; j < 4; ++j) CHECK(fast[i * p.ldc + j] == ref[i * p.ldc + j]);
        }
}

TEST_CASE("gemm: empty products") {
    std::vector<double> A(12, 1.0), B(12, 1.0), C(12, std::nan(""));
    dnn::gemm::gemm(false, false, 3, 4, 0, A.data(), 1, B.data(), 4, C.data(), 4);  // K = 0: zeros
    for (double c : C) CHECK(c == 0.0);
    std::fill(C.begin(), C.end(), std::nan(""));
    dnn::gemm::gemm(false, false, 0, 4, 3, A.data(), 3, B.data(), 4, C.data(), 4);  // M = 0: nothing written
    dnn::gemm::gemm(false, false, 3, 0, 3, A.data(), 3, B.data(), 1, C.data(), 1);  // N = 0
    for (double c : C) CHECK(std::isnan(c));
}

TEST_CASE("gemm: fast agrees with naive on shapes with 1, primes and sizes around the default blocks") {
    const std::size_t dims[] = {1, 2, 7, 8, 9, 23, 24, 25, 31, 97, 255, 257};
    std::uint64_t seed = 1;
    std::size_t checked = 0;
    for (std::size_t M : dims)
        for (std::size_t N : dims)
            for (std::size_t K : {std::size_t{1}, std::size_t{13}, std::size_t{257}}) {
                if (M * N * K > 2'000'000) continue;
                const bool ta = seed % 2 == 1, tb = (seed / 2) % 2 == 1;  // the four combinations in turn
                check_against_naive(Problem(ta, tb, M, N, K, seed % 3, seed));
                ++seed;
                ++checked;
            }
    CHECK(checked > 300);
    // The network's three products, at full size, and across the default KC (320) and NC (384) edges.
    check_against_naive(Problem(false, false, 20, 209, 12288, 0, 101));
    check_against_naive(Problem(false, true, 20, 12288, 209, 0, 102));
    check_against_naive(Problem(true, false, 12288, 209, 20, 0, 103));
    check_against_naive(Problem(false, false, 61, 513, 511, 3, 104));
    check_against_naive(Problem(true, true, 49, 1031, 300, 0, 105));
}

TEST_CASE("gemm: all four transpose combinations with shrunken block sizes, sizes just around every block") {
    // mc = 16, kc = 5, nc = 48 (rounded to whole tiles): every loop of the blocked GEMM runs several times and
    // ends on a partial block. Sizes step across multiples of the tile and block sizes.
    BlockSizesScope blocks({16, 5, 48});
    const std::size_t ms[] = {1, 7, 9, 10, 11, 15, 16, 17, 20, 31, 33, 41};
    const std::size_t ns[] = {1, 15, 16, 17, 23, 24, 25, 47, 48, 49, 97};
    const std::size_t ks[] = {1, 4, 5, 6, 11, 16};
    std::uint64_t seed = 1000;
    for (bool ta : {false, true})
        for (bool tb : {false, true})
            for (std::size_t M : ms)
                for (std::size_t N : ns) {
                    const std::size_t K = ks[seed % 6];
                    if (M * N * K <= 32 * 32 * 32 && M * N < 400) {
                        // too small for the blocked loops; make K large enough to go there
                        check_against_naive(Problem(ta, tb, M, N, 32 * 32 * 32 / (M * N) + K, seed % 2, seed));
                    } else {
                        check_against_naive(Problem(ta, tb, M, N, K, seed % 2, seed));
                    }
                    ++seed;
                }
    check_against_naive(Problem(false, false, 100, 101, 103, 0, 1));
    check_against_naive(Problem(true, true, 100, 101, 103, 2, 2));
}

TEST_CASE("gemm: every micro-kernel of this build equals the plain-loop reference tile bit for bit") {
    // One tile, full and cut at every edge, with and without accumulating into C, from packed panels.
    namespace d = dnn::gemm::detail;
    const d::MicroKernel& ref = d::reference_kernel();
    for (const d::MicroKernel* kern : {&d::main_kernel(), &d::few_rows_kernel()}) {
        CAPTURE(kern->name);
        CAPTURE(kern->mr);
        CAPTURE(kern->nr);
        const std::size_t mr = kern->mr, nr = kern->nr;
        for (std::size_t kc : {std::size_t{1}, std::size_t{7}, std::size_t{64}})
            for (std::size_t rows : {std::size_t{1}, mr / 2 + 1, mr})
                for (std::size_t cols : {std::size_t{1}, nr - 1, nr})
                    for (bool accumulate : {false, true}) {
                        Rng rng{kc * 1000 + rows * 100 + cols + accumulate};
                        std::vector<double> a(kc * mr), b(kc * nr + 4), c0(mr * (nr + 3));  // b: the reference may read 4 past a row
                        for (double& x : a) x = rng.next();
                        for (double& x : b) x = rng.next();
                        for (double& x : c0) x = rng.next();
                        std::vector<double> got = c0, want = c0;
                        const std::size_t ldc = nr + 3;
                        kern->run(kc, a.data(), b.data(), nr, got.data(), ldc, rows, cols, accumulate, b.data(),
                                  got.data(), a.data());
                        // The reference tile is smaller: run it over the kernel's tile piece by piece.
                        for (std::size_t i = 0; i < rows; i += ref.mr)
                            for (std::size_t j = 0; j < cols; j += ref.nr) {
                                std::vector<double> ap(kc * ref.mr, 0.0);
                                for (std::size_t k = 0; k < kc; ++k)
                                    for (std::size_t r = 0; r < ref.mr && i + r < mr; ++r)
                                        ap[k * ref.mr + r] = a[k * mr + i + r];
                                ref.run(kc, ap.data(), b.data() + j, nr, want.data() + i * ldc + j, ldc,
                                        std::min(ref.mr, rows - i), std::min(ref.nr, cols - j), accumulate, nullptr,
                                        nullptr, nullptr);
                            }
                        CHECK(std::memcmp(got.data(), want.data(), got.size() * sizeof(double)) == 0);
                    }
    }
}

TEST_CASE("gemm: a narrow tile read in place from B reads nothing past B's last number (a guard page follows)") {
    // Kernels with partial_b_in_place read a last, narrow panel straight from B (W1 · X's last column): each row's
    // first cols numbers only. B's last row here ends at an unreadable page, so one number more would crash.
    namespace d = dnn::gemm::detail;
    const d::MicroKernel& ref = d::reference_kernel();
    for (const d::MicroKernel* kern : {&d::main_kernel(), &d::few_rows_kernel()}) {
        CAPTURE(kern->name);
        if (!kern->partial_b_in_place) continue;  // this build packs narrow panels instead
        const std::size_t mr = kern->mr, nr = kern->nr, kc = 9;
        for (std::size_t cols = 1; cols < nr; ++cols) {
            CAPTURE(cols);
            const std::size_t ldb = cols + 2;  // B rows as in a matrix: stride ldb, the panel's cols numbers first
            GuardedDoubles b((kc - 1) * ldb + cols);
            Rng rng{700 + cols};
            for (std::size_t i = 0; i < (kc - 1) * ldb + cols; ++i) b.data[i] = rng.next();
            std::vector<double> a(kc * mr), padded(kc * nr, 0.0);  // padded: the same panel packed, zeros after
            for (double& x : a) x = rng.next();
            for (std::size_t k = 0; k < kc; ++k)
                for (std::size_t j = 0; j < cols; ++j) padded[k * nr + j] = b.data[k * ldb + j];
            const std::size_t ldc = nr;
            std::vector<double> got(mr * ldc, 0.0), want(mr * ldc, 0.0);
            kern->run(kc, a.data(), b.data, ldb, got.data(), ldc, mr, cols, false, b.data, nullptr, nullptr);
            for (std::size_t i = 0; i < mr; i += ref.mr)
                for (std::size_t j = 0; j < cols; j += ref.nr) {
                    std::vector<double> ap(kc * ref.mr, 0.0);
                    for (std::size_t k = 0; k < kc; ++k)
                        for (std::size_t r = 0; r < ref.mr && i + r < mr; ++r) ap[k * ref.mr + r] = a[k * mr + i + r];
                    ref.run(kc, ap.data(), padded.data() + j, nr, want.data() + i * ldc + j, ldc,
                            std::min(ref.mr, mr - i), std::min(ref.nr, cols - j), false, nullptr, nullptr, nullptr);
                }
            CHECK(std::memcmp(got.data(), want.data(), got.size() * sizeof(double)) == 0);
        }
    }
    // The whole few-rows road (W1 · X's shape, scaled down), on 1 and 2 threads: X's last row ends at the page.
    for (std::size_t N : {std::size_t{9}, std::size_t{209}}) {
        CAPTURE(N);
        const std::size_t M = 20, K = 600;  // enough work for two threads
        GuardedDoubles x(K * N);
        Problem p(false, false, M, N, K, 0, 900 + N);
        std::copy(p.B.begin(), p.B.begin() + K * N, x.data);
        for (int threads : {1, 2}) {
            ThreadsScope scope(threads);
            std::vector<double> got(M * N), want(M * N);
            dnn::gemm::gemm(false, false, M, N, K, p.A.data(), K, x.data, N, got.data(), N);
            dnn::gemm::gemm(false, false, M, N, K, p.A.data(), K, p.B.data(), N, want.data(), N);
            CHECK(std::memcmp(got.data(), want.data(), got.size() * sizeof(double)) == 0);
        }
    }
}

TEST_CASE("gemm: the five loops with every kernel of this build, and the reference tile, against naive") {
    namespace d = dnn::gemm::detail;
    BlockSizesScope blocks({16, 5, 48});
    std::uint64_t seed = 5000;
    for (const d::MicroKernel* kern : {&d::main_kernel(), &d::few_rows_kernel(), &d::reference_kernel()}) {
        CAPTURE(kern->name);
        for (bool ta : {false, true})
            for (bool tb : {false, true})
                for (std::size_t M : {std::size_t{1}, std::size_t{9}, std::size_t{23}, std::size_t{41}})
                    for (std::size_t N : {std::size_t{1}, std::size_t{17}, std::size_t{49}})
                        for (std::size_t K : {std::size_t{1}, std::size_t{6}, std::size_t{16}}) {
                            const Problem p(ta, tb, M, N, K, seed % 2, seed);
                            check_against_naive(p, blocked_with(*kern, p));
                            ++seed;
                        }
    }
}

TEST_CASE("gemm: every transposed-tile kernel equals the five loops with the reference tile bit for bit") {
    // The road for op(A) · B.T with few rows of A (dZ1 · X.T) must give what every other road gives: each C
    // element one chain of fused multiply-adds in ascending k. Row counts around each kernel's vectors (8, 16,
    // 20, 24), k sums around its 8-step blocks, B's rows cut short at the tile's last column, A both ways.
    namespace d = dnn::gemm::detail;
    if (d::bt_kernel(20) == nullptr) {  // this build has none (they need 8-lane vectors): the road is never taken
        CHECK_FALSE(d::takes_bt_road(true, 20, 209));
        return;
    }
    std::vector<const d::BtKernel*> kernels{d::bt_kernel(24)};
    if (d::bt_kernel(20) != d::bt_kernel(24)) kernels.push_back(d::bt_kernel(20));
    std::uint64_t seed = 7000;
    std::size_t checked = 0;
    for (const d::BtKernel* bt : kernels) {
        CAPTURE(bt->name);
        for (bool ta : {false, true})
            for (std::size_t M : {1, 4, 8, 15, 16, 17, 19, 20, 21, 24, 25, 31, 32})
                for (std::size_t N : {1, 5, 8, 9, 23})
                    for (std::size_t K : {1, 7, 8, 9, 17, 209}) {
                        CAPTURE(ta);
                        CAPTURE(M);
                        CAPTURE(N);
                        CAPTURE(K);
                        const Problem p(ta, true, M, N, K, seed % 2, seed);
                        std::vector<double> got(p.M * p.ldc + 1, std::numeric_limits<double>::quiet_NaN());
                        d::gemm_bt(*bt, ta, M, N, K, p.A.data(), p.lda, p.B.data(), p.ldb, got.data(), p.ldc);
                        const std::vector<double> want = blocked_with(d::reference_kernel(), p);
                        // NaN where nothing may be written, on both sides: compared as bits.
                        CHECK(std::memcmp(got.data(), want.data(), got.size() * sizeof(double)) == 0);
                        ++seed;
                        ++checked;
                    }
    }
    CHECK(checked == kernels.size() * 2 * 13 * 5 * 6);
    // The product for M = 20 (dZ1 · X.T) takes the 20-row kernel (no padded rows).
    CHECK(d::bt_kernel(20)->mr == 20);
}

TEST_CASE("gemm: leading dimensions larger than the rows") {
    for (bool ta : {false, true})
        for (bool tb : {false, true}) {
            check_against_naive(Problem(ta, tb, 37, 53, 41, 5, 11));
            check_against_naive(Problem(ta, tb, 9, 211, 300, 64, 12));
            check_against_naive(Problem(ta, tb, 3, 5, 4, 7, 13));  // direct path
        }
    // Tall products with a short k sum (W1.T · dZ1's kind), with rows longer than N.
    check_against_naive(Problem(true, false, 5000, 211, 20, 3, 14));
    check_against_naive(Problem(false, true, 5001, 209, 19, 0, 15));
}

TEST_CASE("gemm: results are bitwise identical for 1, 2 and 3 threads") {
    struct Shape {
        bool ta, tb;
        std::size_t M, N, K;
    };
    const Shape shapes[] = {{false, false, 20, 209, 3000},  {false, true, 20, 3000, 209},
                            {true, false, 3000, 209, 20},   {false, false, 203, 301, 257},
                            {true, true, 131, 157, 520},    {true, false, 6000, 209, 20}};
    for (const Shape& s : shapes) {
        CAPTURE(s.M);
        CAPTURE(s.N);
        CAPTURE(s.K);
        Problem p(s.ta, s.tb, s.M, s.N, s.K, 1, s.M + s.N);
        std::vector<double> one, two, three;
        {
            ThreadsScope t(1);
            one = p.fast();
        }
        {
            ThreadsScope t(2);
            two = p.fast();
        }
        {
            ThreadsScope t(3);
            three = p.fast();
        }
        // Compare the bytes of the result (memcmp treats NaN padding alike, as it must be untouched anyway).
        CHECK(std::memcmp(one.data(), two.data(), one.size() * sizeof(double)) == 0);
        CHECK(std::memcmp(one.data(), three.data(), one.size() * sizeof(double)) == 0);
    }
}

TEST_CASE("gemm: bad arguments are clear errors") {
    std::vector<double> A(100, 1.0), B(100, 1.0), C(100);
    CHECK_THROWS_WITH_AS(dnn::gemm::gemm(false, false, 4, 5, 6, A.data(), 5, B.data(), 5, C.data(), 5),
                         "dnn::gemm::gemm: lda 5 is smaller than A's row length 6", std::invalid_argument);
    CHECK_THROWS_WITH_AS(dnn::gemm::gemm(false, true, 4, 5, 6, A.data(), 6, B.data(), 5, C.data(), 5),
                         "dnn::gemm::gemm: ldb 5 is smaller than B's row length 6", std::invalid_argument);
    CHECK_THROWS_WITH_AS(dnn::gemm::gemm(true, false, 4, 5, 6, A.data(), 4, B.data(), 5, C.data(), 4),
                         "dnn::gemm::gemm: ldc 4 is smaller than C's row length 5", std::invalid_argument);
    CHECK_THROWS_AS(dnn::gemm::gemm(false, false, 4, 5, 6, nullptr, 6, B.data(), 5, C.data(), 5),
                    std::invalid_argument);
    CHECK_THROWS_AS(dnn::gemm::set_block_sizes({0, 8, 8}), std::invalid_argument);
    CHECK_THROWS_WITH_AS(dnn::set_num_threads(0), "dnn::set_num_threads: n must be at least 1, got 0",
                         std::invalid_argument);
    CHECK(dnn::get_num_threads() >= 1);
}

TEST_CASE("gemm: the thread pool runs every task once and passes exceptions on") {
    ThreadsScope t(3);
    std::vector<int> hits(1000, 0);
    dnn::detail::parallel_for(hits.size(), [&](std::size_t i) { hits[i] += 1; });
    int total = 0;
    for (int h : hits) total += h == 1;
    CHECK(total == 1000);
    CHECK_THROWS_WITH_AS(dnn::detail::parallel_for(8,
                                                   [](std::size_t i) {
                                                       if (i == 5) throw std::runtime_error("task 5 failed");
                                                   }),
                         "task 5 failed", std::runtime_error);
    // Many short rounds of different sizes (some leave a worker out): every task runs exactly once each time.
    std::vector<int> counts(5, 0);
    long expected = 0;
    for (int round = 0; round < 3000; ++round) {
        const std::size_t n = 1 + round % 5;
        dnn::detail::parallel_for(n, [&](std::size_t i) { counts[i] += 1; });
        expected += long(n);
    }
    long ran = 0;
    for (int c : counts) ran += c;
    CHECK(ran == expected);
    CHECK(counts[0] == 3000);
    CHECK(counts[4] == 600);
    // The pool still works after a failed round, and nested calls run inline.
    std::vector<int> nested(16, 0);
    dnn::detail::parallel_for(4, [&](std::size_t i) {
        dnn::detail::parallel_for(4, [&](std::size_t j) { nested[i * 4 + j] = int(i * 4 + j); });
    });
    for (int i = 0; i < 16; ++i) CHECK(nested[i] == i);
}
