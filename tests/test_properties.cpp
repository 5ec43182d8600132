// tests/test_properties.cpp - properties of the numerics over many generated cases: the GEMM against its naive
// reference, numpy's broadcasting rule, gradients against finite differences for every activation and layer
// count, update_parameters' purity, compute_cost at AL = 0 and 1 (against numpy when /usr/bin/python3 has it),
// and the training loops stopping on a NaN input.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/application.hpp"
#include "matrix/gemm.hpp"
#include "dnn.hpp"
#include "tests/gradcheck_util.hpp"
#include "tests/needs.hpp"

using namespace dnn;

namespace {

// splitmix64: every run generates the same cases.
struct Rng {
    std::uint64_t state;
    std::uint64_t bits() {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(bits() % n); }
    double uniform() { return double(bits() >> 11) * 0x1.0p-53 * 2.0 - 1.0; }  // [-1, 1)
};

// A size for one GEMM dimension: mostly small (edges of micro-tiles), sometimes 0, sometimes past a block.
std::size_t random_dim(Rng& rng) {
    const std::size_t kind = rng.below(10);
    if (kind == 0) return rng.below(3);          // 0, 1, 2
    if (kind <= 6) return 1 + rng.below(24);     // around the micro-tile sizes
    if (kind <= 8) return 1 + rng.below(100);
    return 100 + rng.below(200);                 // past a cache block (kept rare: sanitizer builds run this too)
}

struct BlockSizesScope {
    explicit BlockSizesScope(gemm::BlockSizes b) { gemm::set_block_sizes(b); }
    ~BlockSizesScope() { gemm::reset_block_sizes(); }
};

// numpy's broadcast of one operand: index 0 along an axis of length 1.
double at(const Matrix& m, std::size_t i, std::size_t j) {
    return m(m.rows() == 1 ? 0 : i, m.cols() == 1 ? 0 : j);
}

}  // namespace

TEST_CASE("property: gemm equals gemm_naive on 400 random shapes, transposes and strides") {
    Rng rng{2026};
    std::size_t checked = 0, blocked_sizes = 0;
    for (int c = 0; c < 400; ++c) {
        const bool ta = rng.below(2), tb = rng.below(2);
        // Every 4th case runs with tiny cache blocks, so every block edge of the blocked path is crossed.
        const bool tiny_blocks = c % 4 == 3;
        std::size_t M = random_dim(rng), N = random_dim(rng), K = random_dim(rng);
        if (M * N * K > 600000) K = 600000 / (M * N) + 1;  // bound the total work
        const std::size_t pad_a = rng.below(3), pad_b = rng.below(3), pad_c = rng.below(3);
        const std::size_t lda = (ta ? M : K) + pad_a, ldb = (tb ? K : N) + pad_b, ldc = N + pad_c;
        // Storage of at least one element so the pointers are valid even for empty operands.
        std::vector<double> A(std::max<std::size_t>(1, (ta ? K : M) * lda)), B(std::max<std::size_t>(1, (tb ? N : K) * ldb));
        for (double& x : A) x = rng.uniform();
        for (double& x : B) x = rng.uniform();
        const double nan = std::numeric_limits<double>::quiet_NaN();
        std::vector<double> fast(M * ldc + 1, nan), ref(M * ldc + 1, nan), scale(M * ldc + 1, nan);
        CAPTURE(c);
        CAPTURE(ta);
        CAPTURE(tb);
        CAPTURE(M);
        CAPTURE(N);
        CAPTURE(K);
        CAPTURE(tiny_blocks);
        if (tiny_blocks) {
            BlockSizesScope scope({1 + rng.below(16), 1 + rng.below(16), 1 + rng.below(24)});
            ++blocked_sizes;
            gemm::gemm(ta, tb, M, N, K, A.data(), lda, B.data(), ldb, fast.data(), ldc);
        } else {
            gemm::gemm(ta, tb, M, N, K, A.data(), lda, B.data(), ldb, fast.data(), ldc);
        }
        gemm::gemm_naive(ta, tb, M, N, K, A.data(), lda, B.data(), ldb, ref.data(), ldc);
        // The bound of any summation order's rounding: 1e-12 * sum_k |a_ik b_kj|.
        std::vector<double> absA(A.size()), absB(B.size());
        for (std::size_t i = 0; i < A.size(); ++i) absA[i] = std::fabs(A[i]);
        for (std::size_t i = 0; i < B.size(); ++i) absB[i] = std::fabs(B[i]);
        gemm::gemm_naive(ta, tb, M, N, K, absA.data(), lda, absB.data(), ldb, scale.data(), ldc);

        std::size_t bad = 0, padding_written = 0;
        for (std::size_t i = 0; i < M; ++i)
            for (std::size_t j = 0; j < ldc; ++j) {
                const double f = fast[i * ldc + j];
                if (j >= N) {
                    padding_written += !std::isnan(f);
                    continue;
                }
                const double r = ref[i * ldc + j];
                if (K == 0) {
                    bad += !(f == 0.0);  // an empty sum is 0
                } else if (!(std::fabs(f - r) <= 1e-12 * scale[i * ldc + j])) {
                    if (bad++ < 2) FAIL_CHECK("C(" << i << ", " << j << ") = " << f << ", naive gives " << r);
                }
            }
        CHECK(bad == 0);
        CHECK(padding_written == 0);
        CHECK(std::isnan(fast[M * ldc]));  // nothing written past C
        checked += M * N;
    }
    MESSAGE(checked << " elements compared, " << blocked_sizes << " cases with tiny cache blocks");
    CHECK(checked > 100000);  // the generator really produced large products too
}

TEST_CASE("property: broadcasting of every shape pair (r,c) (r,1) (1,c) (1,1) follows numpy's rule") {
    const Matrix full{{1, 2, 3}, {4, 5, 6}};  // (2, 3)
    const Matrix col{{10}, {20}};              // (2, 1)
    const Matrix row{{100, 200, 400}};         // (1, 3)
    const Matrix one{{0.5}};                   // (1, 1)
    const Matrix* operands[] = {&full, &col, &row, &one};

    std::size_t combos = 0;
    for (const Matrix* a : operands)
        for (const Matrix* b : operands) {
            CAPTURE(to_string(a->shape()));
            CAPTURE(to_string(b->shape()));
            // numpy's rule: each axis is the larger length; lengths 1 stretch.
            const Shape want{std::max(a->rows(), b->rows()), std::max(a->cols(), b->cols())};
            const Matrix sum = *a + *b, diff = *a - *b, prod = *a * *b, quot = *a / *b;
            // Transposed views broadcast alike: (a.T + b.T).T == a + b.
            const Matrix via_t = (a->T() + b->T()).T();
            REQUIRE(sum.shape() == want);
            REQUIRE(diff.shape() == want);
            REQUIRE(prod.shape() == want);
            REQUIRE(quot.shape() == want);
            REQUIRE(via_t.shape() == want);
            for (std::size_t i = 0; i < want.rows; ++i)
                for (std::size_t j = 0; j < want.cols; ++j) {
                    const double x = at(*a, i, j), y = at(*b, i, j);
                    CHECK(sum(i, j) == x + y);
                    CHECK(diff(i, j) == x - y);
                    CHECK(prod(i, j) == x * y);
                    CHECK(quot(i, j) == x / y);
                    CHECK(via_t(i, j) == x + y);
                }
            ++combos;
        }
    CHECK(combos == 16);

    // Written out by hand, the cases whose result has a shape neither operand has.
    CHECK(np::array_equal(col + row, Matrix{{110, 210, 410}, {120, 220, 420}}));
    CHECK(np::array_equal(row - col, Matrix{{90, 190, 390}, {80, 180, 380}}));
    CHECK(np::array_equal(one / col, Matrix{{0.05}, {0.025}}));
    CHECK(np::array_equal(full * row, Matrix{{100, 400, 1200}, {400, 1000, 2400}}));
    CHECK(np::array_equal(col - full, Matrix{{9, 8, 7}, {16, 15, 14}}));
    CHECK(np::array_equal(one - row, Matrix{{-99.5, -199.5, -399.5}}));

    // Axes that are neither equal nor 1 cannot be broadcast; the message names the operator and both shapes.
    const Matrix c3{{1}, {2}, {3}}, r2{{1, 2}}, sq{{1, 2}, {3, 4}}, t3{{1, 2}, {3, 4}, {5, 6}};
    CHECK_THROWS_WITH_AS(full + c3, "operator+: operands could not be broadcast together with shapes (2, 3) (3, 1)",
                         std::invalid_argument);
    CHECK_THROWS_WITH_AS(full - r2, "operator-: operands could not be broadcast together with shapes (2, 3) (1, 2)",
                         std::invalid_argument);
    CHECK_THROWS_WITH_AS(sq * full, "operator*: operands could not be broadcast together with shapes (2, 2) (2, 3)",
                         std::invalid_argument);
    CHECK_THROWS_WITH_AS(full / t3, "operator/: operands could not be broadcast together with shapes (2, 3) (3, 2)",
                         std::invalid_argument);
    CHECK_THROWS_AS(col + c3, std::invalid_argument);   // (2, 1) with (3, 1)
    CHECK_THROWS_AS(row * r2, std::invalid_argument);   // (1, 3) with (1, 2)
    CHECK_THROWS_AS(full + full.T(), std::invalid_argument);
}

TEST_CASE("property: every activation's backward matches finite differences through linear_activation_backward") {
    // J = sum(A * R) for a fixed random R, so dJ/dA = R; linear_activation_backward(R, cache) must give dJ/dA_prev,
    // and m times dJ/dW and dJ/db: the notebook's dW and db carry the 1/m of the averaged cost (dA_prev does not).
    // Several shapes per activation, batch sizes 1 to 7.
    const double eps = 1e-6;
    long long seed = 500;
    for (const std::string activation : {"relu", "sigmoid"})
        for (const auto& shape : std::vector<std::tuple<int, int, int>>{{1, 1, 1}, {3, 2, 4}, {5, 4, 7}, {2, 6, 3}}) {
            // Named variables, not a structured binding: clang 14 cannot capture bindings in CAPTURE's lambda.
            const int n_prev = std::get<0>(shape), n = std::get<1>(shape), m = std::get<2>(shape);
            CAPTURE(activation);
            CAPTURE(n_prev);
            CAPTURE(n);
            CAPTURE(m);
            np::random::seed(seed++);
            Matrix A_prev = np::random::randn(n_prev, m), W = np::random::randn(n, n_prev), b = np::random::randn(n, 1);
            const Matrix R = np::random::randn(n, m);
            auto J = [&](const Matrix& a, const Matrix& w, const Matrix& bb) {
                return np::sum(linear_activation_forward(a, w, bb, activation).A * R);
            };
            auto [A, cache] = linear_activation_forward(A_prev, W, b, activation);
            auto [dA_prev, dW, db] = linear_activation_backward(R, cache, activation);

            double worst = 0;
            std::size_t nonzero = 0;
            auto check_all = [&](Matrix& x, const Matrix& analytic) {
                REQUIRE(analytic.shape() == x.shape());
                for (std::size_t i = 0; i < x.rows(); ++i)
                    for (std::size_t j = 0; j < x.cols(); ++j) {
                        const double keep = x(i, j);
                        x(i, j) = keep + eps;
                        const double up = J(A_prev, W, b);
                        x(i, j) = keep - eps;
                        const double down = J(A_prev, W, b);
                        x(i, j) = keep;
                        const double numeric = (up - down) / (2 * eps);
                        worst = std::max(worst, std::fabs(numeric - analytic(i, j)) / (1 + std::fabs(numeric)));
                        nonzero += analytic(i, j) != 0;
                    }
            };
            check_all(A_prev, dA_prev);
            check_all(W, dW * static_cast<double>(m));
            check_all(b, db * static_cast<double>(m));
            CHECK(worst < 1e-7);
            CHECK(nonzero > 0);
        }
}

TEST_CASE("property: L_model_backward matches finite differences for 1 to 6 layers, several batches each") {
    // gradcheck: covers one network per depth; here every depth 1..6 gets three seeds and batch sizes 1, 3, 6,
    // with widths drawn at random.
    Rng rng{77};
    for (int L = 1; L <= 6; ++L)
        for (int m : {1, 3, 6}) {
            std::vector<int> dims{static_cast<int>(1 + rng.below(5))};
            for (int l = 1; l < L; ++l) dims.push_back(static_cast<int>(2 + rng.below(4)));
            dims.push_back(1);
            const long long seed = 1000 + 10 * L + m;
            CAPTURE(L);
            CAPTURE(m);
            CAPTURE(seed);
            gradcheck::Net net = gradcheck::random_net(dims, m, seed);
            auto [AL, caches] = L_model_forward(net.X, net.parameters);
            REQUIRE(static_cast<int>(caches.size()) == L);
            const Grads grads = L_model_backward(AL, net.Y, caches);
            CHECK(grads.size() == static_cast<std::size_t>(3 * L));
            const double rel = gradcheck::gradient_check(net, grads);
            CHECK(rel < 1e-6);
        }
}

TEST_CASE("property: update_parameters leaves the caller's parameters and grads untouched, for 1 to 6 layers") {
    for (int L = 1; L <= 6; ++L) {
        CAPTURE(L);
        std::vector<int> dims{4};
        for (int l = 1; l < L; ++l) dims.push_back(3 + l % 2);
        dims.push_back(1);
        gradcheck::Net net = gradcheck::random_net(dims, 5, 300 + L);
        auto [AL, caches] = L_model_forward(net.X, net.parameters);
        const Grads grads = L_model_backward(AL, net.Y, caches);

        // Deep copies to compare against, and aliases that share the caller's storage.
        Parameters before, aliases = net.parameters;
        for (const auto& [k, v] : net.parameters) before[k] = v.copy();
        Grads grads_before;
        for (const auto& [k, v] : grads) grads_before[k] = v.copy();

        const Parameters updated = update_parameters(net.parameters, grads, 0.75);
        CHECK(updated.size() == net.parameters.size());
        for (const auto& entry : before) {
            const std::string& k = entry.first;  // not a binding: CAPTURE's lambda cannot take one in clang 14
            const Matrix& v = entry.second;
            CAPTURE(k);
            CHECK(np::array_equal(net.parameters[k], v));
            CHECK(np::array_equal(aliases[k], v));
            // The update itself: W - 0.75 dW, element for element.
            CHECK(np::array_equal(updated[k], v - 0.75 * grads["d" + k]));
        }
        for (const auto& entry : grads_before)
            CHECK_MESSAGE(np::array_equal(grads[entry.first], entry.second), entry.first);
        // A step of zero changes nothing.
        const Parameters same = update_parameters(net.parameters, grads, 0.0);
        for (const auto& [k, v] : before) CHECK(np::array_equal(same[k], v));
    }
}

namespace {

// numpy's answer for the four scalar cases, as the text "<al> <y> <step-by-step cost> <app cost>" per line,
// each cost as repr(float) plus its sign bit ("nan 1", "inf 0"). The two costs are the notebooks' formulas:
// Step by Step's np.sum of the elementwise products, dnn_app_utils_v3's np.dot.
std::string numpy_costs() {
    const char* script =
        "import numpy as np\n"
        "np.seterr(all='ignore')\n"
        "for al in (0.0, 1.0):\n"
        "  for y in (0.0, 1.0):\n"
        "    AL = np.array([[al]]); Y = np.array([[y]]); m = 1\n"
        "    c1 = np.squeeze(-1 / m * np.sum(np.multiply(Y, np.log(AL)) + np.multiply(1 - Y, np.log(1 - AL))))\n"
        "    c2 = np.squeeze((1. / m) * (-np.dot(Y, np.log(AL).T) - np.dot(1 - Y, np.log(1 - AL).T)))\n"
        "    print(al, y, repr(float(c1)), int(np.signbit(c1)), repr(float(c2)), int(np.signbit(c2)))\n";
    const std::string cmd = std::string("/usr/bin/python3 -c \"") + script + "\" 2>&1";
    std::string out;
    if (FILE* p = ::popen(cmd.c_str(), "r")) {
        char buf[256];
        while (std::fgets(buf, sizeof buf, p)) out += buf;
        ::pclose(p);
    }
    return out;
}

std::string describe(double x) {
    return std::string(std::isnan(x) ? "nan" : std::isinf(x) ? "inf" : "finite") + (std::signbit(x) ? " -" : " +");
}

}  // namespace

TEST_CASE("property: compute_cost with AL exactly 0 or 1 gives numpy's inf and nan") {
    // log(0) = -inf. A wrong certain answer costs inf; a right certain answer still multiplies 0 * -inf = nan
    // in the other term, exactly as numpy does (the notebook's cost has no clipping).
    struct Case {
        double al, y;
        bool nan;  // else +inf
    };
    const Case cases[] = {{0, 0, true}, {0, 1, false}, {1, 0, false}, {1, 1, true}};
    for (const Case& c : cases) {
        CAPTURE(c.al);
        CAPTURE(c.y);
        const double cost = compute_cost(Matrix{{c.al}}, Matrix{{c.y}});
        const double app_cost = app::compute_cost(Matrix{{c.al}}, Matrix{{c.y}});
        if (c.nan) {
            CHECK(std::isnan(cost));
            CHECK(std::isnan(app_cost));
        } else {
            CHECK(cost == std::numeric_limits<double>::infinity());
            CHECK(app_cost == std::numeric_limits<double>::infinity());
        }
    }
    // One certain mistake among good predictions makes the whole cost inf, one 0 * log(0) makes it nan.
    CHECK(compute_cost(Matrix{{0.5, 0.0, 0.9}}, Matrix{{1, 1, 1}}) == std::numeric_limits<double>::infinity());
    CHECK(std::isnan(compute_cost(Matrix{{0.5, 0.0}}, Matrix{{1, 0}})));
}

// The sign of each inf and nan, against numpy itself (a NaN's sign depends on the hardware and the order of
// operations, so it is compared with numpy run here rather than written down).
TEST_CASE("property: compute_cost's inf and nan have numpy's signs" * needs::numpy()) {
    std::istringstream lines(numpy_costs());
    int compared = 0;
    for (double al, y; lines >> al >> y;) {
        std::string r1, r2;
        int s1 = 0, s2 = 0;
        lines >> r1 >> s1 >> r2 >> s2;
        CAPTURE(al);
        CAPTURE(y);
        const double cost = compute_cost(Matrix{{al}}, Matrix{{y}});
        const double app_cost = app::compute_cost(Matrix{{al}}, Matrix{{y}});
        const double np1 = std::strtod(r1.c_str(), nullptr), np2 = std::strtod(r2.c_str(), nullptr);
        CHECK(describe(cost) == describe(s1 ? std::copysign(np1, -1.0) : std::copysign(np1, 1.0)));
        CHECK(describe(app_cost) == describe(s2 ? std::copysign(np2, -1.0) : std::copysign(np2, 1.0)));
        ++compared;
    }
    CHECK(compared == 4);
}

TEST_CASE("property: the training loops stop at iteration 0 when X holds a NaN") {
    Matrix X{{1, 2, 3, 4}, {0.5, -1, 2, 0}};
    const Matrix Y{{1, 0, 1, 0}};
    X(1, 2) = std::numeric_limits<double>::quiet_NaN();
    std::ostringstream out;
    CHECK_THROWS_WITH_AS(app::L_layer_model(X, Y, {2, 3, 1}, 0.0075, 10, false, {&out, false}),
                         "L_layer_model: the cost became nan at iteration 0 (try a smaller learning_rate, or check X and Y)",
                         std::runtime_error);
    CHECK_THROWS_WITH_AS(app::two_layer_model(X, Y, {2, 3, 1}, 0.0075, 10, false, {&out, false}),
                         "two_layer_model: the cost became nan at iteration 0 (try a smaller learning_rate, or check X and Y)",
                         std::runtime_error);
    // A NaN label does the same.
    Matrix Yn = Y.copy();
    Yn(0, 1) = std::numeric_limits<double>::quiet_NaN();
    CHECK_THROWS_WITH_AS(app::L_layer_model(Matrix{{1, 2, 3, 4}, {0.5, -1, 2, 0}}, Yn, {2, 3, 1}, 0.0075, 10, false,
                                            {&out, false}),
                         doctest::Contains("at iteration 0"), std::runtime_error);
    CHECK(out.str().empty());  // print_cost was off, and nothing was printed before the error
}
