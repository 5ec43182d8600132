// tests/test_threads.cpp - results do not depend on the thread count: the GEMM and a whole training step
// (L_model_forward, compute_cost, L_model_backward, update_parameters) are bitwise identical for 1, 2, 3 and 4
// threads. `make test TSAN=1` runs these under ThreadSanitizer, which also checks the pool for data races.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "matrix/gemm.hpp"
#include "matrix/threads.hpp"
#include "dnn.hpp"

using namespace dnn;

namespace {

struct ThreadsScope {
    int saved = get_num_threads();
    explicit ThreadsScope(int n) { set_num_threads(n); }
    ~ThreadsScope() { set_num_threads(saved); }
};

bool same_bytes(const Matrix& a, const Matrix& b) {
    if (a.shape() != b.shape()) return false;
    for (std::size_t i = 0; i < a.rows(); ++i)
        for (std::size_t j = 0; j < a.cols(); ++j) {
            const double x = a(i, j), y = b(i, j);
            if (std::memcmp(&x, &y, sizeof x) != 0) return false;
        }
    return true;
}

bool same_bytes(const ArrayDict& a, const ArrayDict& b) {
    if (a.size() != b.size()) return false;
    for (const auto& [k, v] : a)
        if (b.find(k) == b.end() || !same_bytes(v, b.at(k))) return false;
    return true;
}

// One training step's every output.
struct Step {
    Matrix AL;
    double cost = 0;
    Grads grads;
    Parameters updated;
};

Step train_step(const Matrix& X, const Matrix& Y, const Parameters& parameters) {
    Step s;
    auto [AL, caches] = L_model_forward(X, parameters);
    s.AL = AL;
    s.cost = compute_cost(AL, Y);
    s.grads = L_model_backward(AL, Y, caches);
    s.updated = update_parameters(parameters, s.grads, 0.0075);
    return s;
}

}  // namespace

TEST_CASE("threads: gemm is bitwise identical for 1, 2, 3 and 4 threads on every threaded path") {
    struct Case {
        const char* what;
        bool ta, tb;
        std::size_t M, N, K;
    };
    // Each is above the size at which the GEMM splits its work over 4 threads (about 4M multiply-adds).
    const Case cases[] = {
        {"W1 . X: few rows, columns shared out, each thread packing A", false, false, 20, 1500, 200},
        {"dZ1 . X.T: few rows, transposed-tile kernel", false, true, 20, 1200, 300},
        {"W1.T . dZ1: many rows, split by rows", true, false, 1200, 300, 20},
        {"square, both transposed", true, true, 170, 190, 150},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        std::vector<double> A((c.ta ? c.K : c.M) * (c.ta ? c.M : c.K)), B((c.tb ? c.N : c.K) * (c.tb ? c.K : c.N));
        std::uint64_t s = c.M * 31 + c.N;
        for (double& x : A) x = double((s = s * 6364136223846793005ull + 1442695040888963407ull) >> 11) * 0x1.0p-53 - 0.5;
        for (double& x : B) x = double((s = s * 6364136223846793005ull + 1442695040888963407ull) >> 11) * 0x1.0p-53 - 0.5;
        const std::size_t lda = c.ta ? c.M : c.K, ldb = c.tb ? c.K : c.N;
        std::vector<std::vector<double>> results;
        for (int threads = 1; threads <= 4; ++threads) {
            ThreadsScope scope(threads);
            std::vector<double> C(c.M * c.N);
            gemm::gemm(c.ta, c.tb, c.M, c.N, c.K, A.data(), lda, B.data(), ldb, C.data(), c.N);
            results.push_back(std::move(C));
        }
        for (int t = 1; t < 4; ++t) {
            CAPTURE(t + 1);
            CHECK(std::memcmp(results[0].data(), results[t].data(), results[0].size() * sizeof(double)) == 0);
        }
        // Not a trivial product: the result is non-zero and finite.
        double norm = 0;
        for (double x : results[0]) norm += x * x;
        CHECK(std::isfinite(norm));
        CHECK(norm > 0);
    }
}

TEST_CASE("threads: a whole training step is bitwise identical for 1, 2, 3 and 4 threads") {
    // Shaped like the cat classifier, smaller: W1 . X, dW1 = dZ1 . X.T and dA0 = W1.T . dZ1 are all large enough
    // to be split over 4 threads.
    np::random::seed(5);
    const std::vector<int> dims{1200, 20, 7, 5, 1};
    const std::size_t m = 300;
    Parameters parameters;
    for (std::size_t l = 1; l < dims.size(); ++l) {
        parameters["W" + str(l)] = np::random::randn(dims[l], dims[l - 1]) / std::sqrt(dims[l - 1]);
        parameters["b" + str(l)] = np::random::randn(dims[l], 1) * 0.1;
    }
    const Matrix X = np::random::rand(dims[0], m);
    const Matrix Y = np::random::rand(1, m) > 0.5;

    std::vector<Step> steps;
    for (int threads = 1; threads <= 4; ++threads) {
        ThreadsScope scope(threads);
        steps.push_back(train_step(X, Y, parameters));
    }
    REQUIRE(std::isfinite(steps[0].cost));
    CHECK(steps[0].grads.size() == 12);
    CHECK(np::sum(np::abs(steps[0].grads["dW1"])) > 0);
    for (int t = 1; t < 4; ++t) {
        CAPTURE(t + 1);
        CHECK(same_bytes(steps[0].AL, steps[t].AL));
        CHECK(std::memcmp(&steps[0].cost, &steps[t].cost, sizeof(double)) == 0);
        CHECK(same_bytes(steps[0].grads, steps[t].grads));
        CHECK(same_bytes(steps[0].updated, steps[t].updated));
    }
}

TEST_CASE("threads: products from several caller threads at once give the single-threaded result") {
    // Two user threads share the library's pool; each must get its own exact answer.
    const std::size_t M = 40, N = 900, K = 150;
    std::vector<double> A(M * K), B(K * N);
    for (std::size_t i = 0; i < A.size(); ++i) A[i] = std::sin(double(i));
    for (std::size_t i = 0; i < B.size(); ++i) B[i] = std::cos(double(i));
    std::vector<double> want(M * N);
    {
        ThreadsScope scope(1);
        gemm::gemm(false, false, M, N, K, A.data(), K, B.data(), N, want.data(), N);
    }
    ThreadsScope scope(3);
    std::vector<double> got1(M * N), got2(M * N);
    std::thread other([&] { gemm::gemm(false, false, M, N, K, A.data(), K, B.data(), N, got2.data(), N); });
    gemm::gemm(false, false, M, N, K, A.data(), K, B.data(), N, got1.data(), N);
    other.join();
    CHECK(std::memcmp(want.data(), got1.data(), want.size() * sizeof(double)) == 0);
    CHECK(std::memcmp(want.data(), got2.data(), want.size() * sizeof(double)) == 0);
}

TEST_CASE("threads: elementwise arithmetic on large matrices gives every element for 2, 3 and 4 threads") {
    // From 32768 elements on, the operators split the result over the threads (matrix/ops.cpp), by runs of
    // elements that may start and end inside a row. Each result is compared with the same formula written here.
    np::random::seed(7);
    const Matrix A = np::random::randn(37, 1001);           // 37037 elements: runs end inside rows
    const Matrix B = np::random::randn(37, 1001);
    const Matrix At = np::random::randn(1001, 37).T();      // a transposed view, read with a column step
    const Matrix col = np::random::randn(37, 1);            // broadcast along the columns
    const Matrix row = np::random::randn(1, 1001);          // broadcast along the rows
    const Matrix wide = np::random::randn(1, 50001);        // one row split between the threads
    for (int threads = 2; threads <= 4; ++threads) {
        ThreadsScope scope(threads);
        CAPTURE(threads);
        const Matrix sum = A + B, diff = A - At, prod = A * col, quot = row / A, scaled = 0.0075 * A;
        const Matrix bigger = A > 0.5, top = np::maximum(A, 0.0);
        Matrix tmp = A * 2.0;
        const Matrix moved = std::move(tmp) - B;  // written into tmp's buffer
        const Matrix wide2 = wide * wide;
        bool all = true;
        for (std::size_t i = 0; i < A.rows(); ++i)
            for (std::size_t j = 0; j < A.cols(); ++j) {
                const double a = A(i, j), b = B(i, j);
                all = all && sum(i, j) == a + b && diff(i, j) == a - At(i, j) && prod(i, j) == a * col(i, 0) &&
                      quot(i, j) == row(0, j) / a && scaled(i, j) == 0.0075 * a && bigger(i, j) == (a > 0.5) &&
                      top(i, j) == (a >= 0.0 ? a : 0.0) && moved(i, j) == a * 2.0 - b;
            }
        CHECK(all);
        bool all_wide = true;
        for (std::size_t j = 0; j < wide.cols(); ++j) all_wide = all_wide && wide2(0, j) == wide(0, j) * wide(0, j);
        CHECK(all_wide);
    }
}
