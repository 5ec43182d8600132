// tests/test_inspect.cpp - printing whole parameters / grads / caches (nn/inspect.hpp).
// The value texts are numpy's print of the same arrays (numpy 1.24, np.set_printoptions(legacy='1.13')).
#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "nn/inspect.hpp"
#include "nn/step_by_step.hpp"
#include "course/test_cases.hpp"

using namespace dnn;

namespace {

template <class T>
std::string streamed(const T& value) {
    std::ostringstream os;
    os << value;
    return os.str();
}

// The notebook's linear_forward_test_case: A (3, 2), W (1, 3), b (1, 1), as numpy prints them.
const char* const kA = "[[ 1.62434536 -0.61175641]\n [-0.52817175 -1.07296862]\n [ 0.86540763 -2.3015387 ]]";
const char* const kW = "[[ 1.74481176 -0.7612069   0.3190391 ]]";
const char* const kb = "[[-0.24937038]]";
const char* const kZ = "[[ 3.26295337 -1.23429987]]";

}  // namespace

TEST_CASE("inspect: layer_order lists dict keys layer by layer") {
    ArrayDict d{{"W2", Matrix(1, 1)}, {"b10", Matrix(1, 1)}, {"W10", Matrix(1, 1)}, {"b2", Matrix(1, 1)},
                {"W1", Matrix(1, 1)}, {"b1", Matrix(1, 1)}, {"extra", Matrix(1, 1)}, {"W01", Matrix(1, 1)}};
    // std::map's own order would be W01, W1, W10, W2, b1, b10, b2, extra.
    const std::vector<std::string> want{"extra", "W01", "W1", "b1", "W2", "b2", "W10", "b10"};
    CHECK(layer_order(d) == want);
    CHECK(layer_order(ArrayDict{}).empty());
}

TEST_CASE("inspect: summary of parameters and grads gives names and shapes") {
    const auto [X, parameters] = test_cases::L_model_forward_test_case_2hidden();
    CHECK(summary(parameters) ==
          "W1: (4, 5)\n"
          "b1: (4, 1)\n"
          "W2: (3, 4)\n"
          "b2: (3, 1)\n"
          "W3: (1, 3)\n"
          "b3: (1, 1)");
    const auto [AL, Y, caches] = test_cases::L_model_backward_test_case();
    const Grads grads = L_model_backward(AL, Y, caches);
    CHECK(summary(grads) ==
          "dA0: (4, 2)\n"
          "dA1: (3, 2)\n"
          "dW1: (3, 4)\n"
          "db1: (3, 1)\n"
          "dW2: (1, 3)\n"
          "db2: (1, 1)");
    CHECK(summary(ArrayDict{}) == "{}");
    CHECK(summary(ArrayDict{{"E", Matrix()}}) == "E: (0, 0)");
}

TEST_CASE("inspect: summary of caches gives each layer's cache shapes") {
    const auto [X, parameters] = test_cases::L_model_forward_test_case_2hidden();
    const auto [AL, caches] = L_model_forward(X, parameters);
    CHECK(summary(caches) ==
          "caches[0] (layer 1): linear_cache = (A_prev (5, 4), W (4, 5), b (4, 1)), activation_cache = Z (4, 4)\n"
          "caches[1] (layer 2): linear_cache = (A_prev (4, 4), W (3, 4), b (3, 1)), activation_cache = Z (3, 4)\n"
          "caches[2] (layer 3): linear_cache = (A_prev (3, 4), W (1, 3), b (1, 1)), activation_cache = Z (1, 4)");
    CHECK(summary(caches[1]) ==
          "linear_cache = (A_prev (4, 4), W (3, 4), b (3, 1)), activation_cache = Z (3, 4)");
    CHECK(summary(caches[2].linear_cache) == "(A_prev (3, 4), W (1, 3), b (1, 1))");
    CHECK(summary(Caches{}) == "[]");
}

TEST_CASE("inspect: describe and operator<< of a dict print name, shape, then numpy's values") {
    const ArrayDict d{{"b1", Matrix{{0}, {0}}}, {"W1", Matrix{{1.5, -2}}}};
    const std::string want =
        "W1 (1, 2) =\n"
        "[[ 1.5 -2. ]]\n"
        "b1 (2, 1) =\n"
        "[[ 0.]\n"
        " [ 0.]]";
    CHECK(describe(d) == want);
    CHECK(streamed(d) == want);
    CHECK(streamed(ArrayDict{}) == "{}");
    CHECK(describe(ArrayDict{{"E", Matrix()}}) == "E (0, 0) =\n[]");

    // A transposed view prints its own (transposed) values.
    const auto in = test_cases::linear_forward_test_case();
    CHECK(describe(ArrayDict{{"WT", in.W.T()}}) ==
          "WT (3, 1) =\n[[ 1.74481176]\n [-0.7612069 ]\n [ 0.3190391 ]]");
    // Print options pass through: 3 decimals.
    PrintOptions three;
    three.precision = 3;
    CHECK(describe(ArrayDict{{"A", in.A}}, three) ==
          "A (3, 2) =\n[[ 1.624 -0.612]\n [-0.528 -1.073]\n [ 0.865 -2.302]]");
}

TEST_CASE("inspect: describe and operator<< of linear_forward's cache and a layer cache") {
    const auto in = test_cases::linear_forward_test_case();
    const auto [Z, linear_cache] = linear_forward(in.A, in.W, in.b);
    const std::string want_linear = std::string("A_prev (3, 2) =\n") + kA + "\nW (1, 3) =\n" + kW +
                                    "\nb (1, 1) =\n" + kb;
    CHECK(describe(linear_cache) == want_linear);
    CHECK(streamed(linear_cache) == want_linear);

    const LayerCache layer{linear_cache, Z};
    const std::string want_layer = std::string("linear_cache.A_prev (3, 2) =\n") + kA +
                                   "\nlinear_cache.W (1, 3) =\n" + kW + "\nlinear_cache.b (1, 1) =\n" + kb +
                                   "\nactivation_cache (1, 2) =\n" + kZ;
    CHECK(describe(layer) == want_layer);
    CHECK(streamed(layer) == want_layer);
}

TEST_CASE("inspect: describe and operator<< of caches name every entry by its C++ path") {
    const LinearCache lc{Matrix{{1}, {2}}, Matrix{{0.5, -0.25}}, Matrix{{0}}};
    const Caches caches{LayerCache{lc, Matrix{{0.75}}}, LayerCache{LinearCache{Matrix{{-1}}, Matrix{{2}}, Matrix{{3}}},
                                                                   Matrix{{1e-5}}}};
    const std::string want =
        "caches[0].linear_cache.A_prev (2, 1) =\n[[ 1.]\n [ 2.]]\n"
        "caches[0].linear_cache.W (1, 2) =\n[[ 0.5  -0.25]]\n"
        "caches[0].linear_cache.b (1, 1) =\n[[ 0.]]\n"
        "caches[0].activation_cache (1, 1) =\n[[ 0.75]]\n"
        "caches[1].linear_cache.A_prev (1, 1) =\n[[-1.]]\n"
        "caches[1].linear_cache.W (1, 1) =\n[[ 2.]]\n"
        "caches[1].linear_cache.b (1, 1) =\n[[ 3.]]\n"
        "caches[1].activation_cache (1, 1) =\n[[  1.00000000e-05]]";
    CHECK(describe(caches) == want);
    CHECK(streamed(caches) == want);
    CHECK(streamed(Caches{}) == "[]");
}
