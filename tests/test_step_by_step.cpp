// tests/test_step_by_step.cpp - every test case of the v8a notebook (testCases_v4a), rebuilt from its seeds,
// against every value printed in its "Expected output" cells (course/expected_outputs.hpp, the one table the
// replay, the tutorials and the grader print too).
#include <doctest/doctest.h>

#include "dnn.hpp"
#include "tests/notebook_expect.hpp"
#include "course/test_cases.hpp"

using namespace dnn;
using namespace dnn::test_cases;
using expect::check_printed;
namespace ex = dnn::notebook::expected;

TEST_CASE("notebook v8a: initialize_parameters(3, 2, 1)") {
    Parameters parameters = initialize_parameters(3, 2, 1);
    CHECK(parameters.size() == 4);
    check_printed("W1", parameters["W1"], ex::init_W1);
    check_printed("b1", parameters["b1"], ex::init_b1);
    check_printed("W2", parameters["W2"], ex::init_W2);
    check_printed("b2", parameters["b2"], ex::init_b2);
}

TEST_CASE("notebook v8a: initialize_parameters_deep([5, 4, 3])") {
    Parameters parameters = initialize_parameters_deep({5, 4, 3});
    CHECK(parameters.size() == 4);
    check_printed("W1", parameters["W1"],
                  ex::deep_W1);
    check_printed("b1", parameters["b1"], ex::deep_b1);
    check_printed("W2", parameters["W2"],
                  ex::deep_W2);
    check_printed("b2", parameters["b2"], ex::deep_b2);
}

TEST_CASE("notebook v8a: linear_forward") {
    auto [A, W, b] = linear_forward_test_case();
    auto [Z, linear_cache] = linear_forward(A, W, b);
    check_printed("Z", Z, ex::linear_forward_Z);
    // The cache is (A, W, b): the same arrays, not copies.
    CHECK(linear_cache.A_prev.shares_storage_with(A));
    CHECK(linear_cache.W.shares_storage_with(W));
    CHECK(linear_cache.b.shares_storage_with(b));
}

TEST_CASE("notebook v8a: linear_activation_forward") {
    auto [A_prev, W, b] = linear_activation_forward_test_case();

    auto [A_sigmoid, cache_sigmoid] = linear_activation_forward(A_prev, W, b, "sigmoid");
    check_printed("With sigmoid: A", A_sigmoid, ex::sigmoid_A);

    auto [A_relu, cache_relu] = linear_activation_forward(A_prev, W, b, "relu");
    check_printed("With ReLU: A", A_relu, ex::relu_A);

    // cache = ((A_prev, W, b), Z), with Z = W·A_prev + b.
    CHECK(cache_relu.linear_cache.A_prev.shares_storage_with(A_prev));
    CHECK(cache_relu.linear_cache.W.shares_storage_with(W));
    CHECK(np::array_equal(cache_relu.activation_cache, np::dot(W, A_prev) + b));
    CHECK(np::array_equal(cache_sigmoid.activation_cache, cache_relu.activation_cache));
}

TEST_CASE("notebook v8a: L_model_forward (L_model_forward_test_case_2hidden)") {
    auto [X, parameters] = L_model_forward_test_case_2hidden();
    auto [AL, caches] = L_model_forward(X, parameters);
    check_printed("AL", AL, ex::L_model_forward_AL);
    CHECK(caches.size() == 3);  // Length of caches list = 3
    // The first layer's cache holds X itself and every layer holds its own W: no deep copies.
    CHECK(caches[0].linear_cache.A_prev.shares_storage_with(X));
    for (int l = 1; l <= 3; ++l) {
        CHECK(caches[l - 1].linear_cache.W.shares_storage_with(parameters["W" + str(l)]));
        CHECK(caches[l - 1].linear_cache.b.shares_storage_with(parameters["b" + str(l)]));
    }
    // Layer l's input is layer l-1's output.
    CHECK(np::array_equal(caches[1].linear_cache.A_prev, np::maximum(0, caches[0].activation_cache)));
}

TEST_CASE("notebook v8a: compute_cost (v4a: Y = [[1, 1, 0]])") {
    auto [Y, AL] = compute_cost_test_case();
    const double cost = compute_cost(AL, Y);
    expect::check_close("cost", cost, std::stod(ex::cost), 1e-15);
    CHECK(py_repr(cost) == ex::cost);
}

TEST_CASE("notebook v8a: linear_backward (v4a case, m = 4)") {
    auto [dZ, linear_cache] = linear_backward_test_case();
    auto [dA_prev, dW, db] = linear_backward(dZ, linear_cache);
    check_printed("dA_prev", dA_prev,
                  ex::linear_backward_dA_prev);
    check_printed("dW", dW,
                  ex::linear_backward_dW);
    check_printed("db", db, ex::linear_backward_db);
}

TEST_CASE("notebook v8a: linear_activation_backward") {
    auto [dAL, linear_activation_cache] = linear_activation_backward_test_case();

    auto [dA_prev_s, dW_s, db_s] = linear_activation_backward(dAL, linear_activation_cache, "sigmoid");
    check_printed("sigmoid: dA_prev", dA_prev_s,
                  ex::sigmoid_dA_prev);
    check_printed("sigmoid: dW", dW_s, ex::sigmoid_dW);
    check_printed("sigmoid: db", db_s, ex::sigmoid_db);

    auto [dA_prev_r, dW_r, db_r] = linear_activation_backward(dAL, linear_activation_cache, "relu");
    check_printed("relu: dA_prev", dA_prev_r,
                  ex::relu_dA_prev);
    check_printed("relu: dW", dW_r, ex::relu_dW);
    check_printed("relu: db", db_r, ex::relu_db);
}

TEST_CASE("notebook v8a: L_model_backward (print_grads)") {
    auto [AL, Y_assess, caches] = L_model_backward_test_case();
    Grads grads = L_model_backward(AL, Y_assess, caches);
    check_printed("dW1", grads["dW1"],
                  ex::grads_dW1);
    check_printed("db1", grads["db1"], ex::grads_db1);
    check_printed("dA1", grads["dA1"],
                  ex::grads_dA1);
    // Every key the notebook's L_model_backward writes, and nothing else.
    CHECK(grads.size() == 6);
    for (const char* key : {"dA0", "dA1", "dW1", "dW2", "db1", "db2"}) CHECK_MESSAGE(grads.count(key) == 1, key);
}

TEST_CASE("notebook v8a: update_parameters (learning_rate = 0.1)") {
    auto [parameters, grads] = update_parameters_test_case();
    parameters = update_parameters(parameters, grads, 0.1);
    check_printed("W1", parameters["W1"],
                  ex::update_W1);
    check_printed("b1", parameters["b1"], ex::update_b1);
    check_printed("W2", parameters["W2"], ex::update_W2);
    check_printed("b2", parameters["b2"], ex::update_b2);
}

// dnn_utils_v2: dZ is dA with 0 where Z <= 0. Finite differences cannot see the Z == 0 edge (a kink), so it is
// checked here: a ReLU unit whose Z is exactly 0 (or -0.0) passes no gradient back.
TEST_CASE("notebook helpers: relu_backward gives 0 where Z <= 0, Z == 0 included") {
    const Matrix dA{{1.5, -2.0, 3.0, 4.0}, {0.25, 5.0, -6.0, 7.0}};
    const Matrix Z{{0.0, -0.0, 1e-300, -1e-300}, {2.0, -3.0, 0.0, 1.0}};
    CHECK(np::array_equal(relu_backward(dA, Z), Matrix{{0.0, 0.0, 3.0, 0.0}, {0.25, 0.0, 0.0, 7.0}}));
    // relu itself: max(0, Z), so relu(0) is 0 and its gradient is taken as 0 there.
    CHECK(np::array_equal(relu(Z).A, Matrix{{0.0, 0.0, 1e-300, 0.0}, {2.0, 0.0, 0.0, 1.0}}));
}
