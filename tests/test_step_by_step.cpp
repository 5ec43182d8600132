// tests/test_step_by_step.cpp - every test case of the v8a notebook (testCases_v4a), rebuilt from its seeds,
// against every value printed in its "Expected output" cells.
#include <doctest/doctest.h>

#include "dnn.hpp"
#include "tests/notebook_expect.hpp"
#include "course/test_cases.hpp"

using namespace dnn;
using namespace dnn::test_cases;
using expect::check_printed;

TEST_CASE("notebook v8a: initialize_parameters(3, 2, 1)") {
    Parameters parameters = initialize_parameters(3, 2, 1);
    CHECK(parameters.size() == 4);
    check_printed("W1", parameters["W1"], "[[ 0.01624345 -0.00611756 -0.00528172]\n [-0.01072969  0.00865408 -0.02301539]]");
    check_printed("b1", parameters["b1"], "[[ 0.]\n [ 0.]]");
    check_printed("W2", parameters["W2"], "[[ 0.01744812 -0.00761207]]");
    check_printed("b2", parameters["b2"], "[[ 0.]]");
}

TEST_CASE("notebook v8a: initialize_parameters_deep([5, 4, 3])") {
    Parameters parameters = initialize_parameters_deep({5, 4, 3});
    CHECK(parameters.size() == 4);
    check_printed("W1", parameters["W1"],
                  "[[ 0.01788628  0.0043651   0.00096497 -0.01863493 -0.00277388]\n"
                  " [-0.00354759 -0.00082741 -0.00627001 -0.00043818 -0.00477218]\n"
                  " [-0.01313865  0.00884622  0.00881318  0.01709573  0.00050034]\n"
                  " [-0.00404677 -0.0054536  -0.01546477  0.00982367 -0.01101068]]");
    check_printed("b1", parameters["b1"], "[[ 0.]\n [ 0.]\n [ 0.]\n [ 0.]]");
    check_printed("W2", parameters["W2"],
                  "[[-0.01185047 -0.0020565   0.01486148  0.00236716]\n"
                  " [-0.01023785 -0.00712993  0.00625245 -0.00160513]\n"
                  " [-0.00768836 -0.00230031  0.00745056  0.01976111]]");
    check_printed("b2", parameters["b2"], "[[ 0.]\n [ 0.]\n [ 0.]]");
}

TEST_CASE("notebook v8a: linear_forward") {
    auto [A, W, b] = linear_forward_test_case();
    auto [Z, linear_cache] = linear_forward(A, W, b);
    check_printed("Z", Z, "[[ 3.26295337 -1.23429987]]");
    // The cache is (A, W, b): the same arrays, not copies.
    CHECK(linear_cache.A_prev.shares_storage_with(A));
    CHECK(linear_cache.W.shares_storage_with(W));
    CHECK(linear_cache.b.shares_storage_with(b));
}

TEST_CASE("notebook v8a: linear_activation_forward") {
    auto [A_prev, W, b] = linear_activation_forward_test_case();

    auto [A_sigmoid, cache_sigmoid] = linear_activation_forward(A_prev, W, b, "sigmoid");
    check_printed("With sigmoid: A", A_sigmoid, "[[ 0.96890023  0.11013289]]");

    auto [A_relu, cache_relu] = linear_activation_forward(A_prev, W, b, "relu");
    check_printed("With ReLU: A", A_relu, "[[ 3.43896131  0.        ]]");

    // cache = ((A_prev, W, b), Z), with Z = W·A_prev + b.
    CHECK(cache_relu.linear_cache.A_prev.shares_storage_with(A_prev));
    CHECK(cache_relu.linear_cache.W.shares_storage_with(W));
    CHECK(np::array_equal(cache_relu.activation_cache, np::dot(W, A_prev) + b));
    CHECK(np::array_equal(cache_sigmoid.activation_cache, cache_relu.activation_cache));
}

TEST_CASE("notebook v8a: L_model_forward (L_model_forward_test_case_2hidden)") {
    auto [X, parameters] = L_model_forward_test_case_2hidden();
    auto [AL, caches] = L_model_forward(X, parameters);
    check_printed("AL", AL, "[[ 0.03921668  0.70498921  0.19734387  0.04728177]]");
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
    expect::check_close("cost", cost, 0.2797765635793422, 1e-15);
    CHECK(py_repr(cost) == "0.2797765635793422");
}

TEST_CASE("notebook v8a: linear_backward (v4a case, m = 4)") {
    auto [dZ, linear_cache] = linear_backward_test_case();
    auto [dA_prev, dW, db] = linear_backward(dZ, linear_cache);
    check_printed("dA_prev", dA_prev,
                  "[[-1.15171336  0.06718465 -0.3204696   2.09812712]\n"
                  " [ 0.60345879 -3.72508701  5.81700741 -3.84326836]\n"
                  " [-0.4319552  -1.30987417  1.72354705  0.05070578]\n"
                  " [-0.38981415  0.60811244 -1.25938424  1.47191593]\n"
                  " [-2.52214926  2.67882552 -0.67947465  1.48119548]]");
    check_printed("dW", dW,
                  "[[ 0.07313866 -0.0976715  -0.87585828  0.73763362  0.00785716]\n"
                  " [ 0.85508818  0.37530413 -0.59912655  0.71278189 -0.58931808]\n"
                  " [ 0.97913304 -0.24376494 -0.08839671  0.55151192 -0.10290907]]");
    check_printed("db", db, "[[-0.14713786]\n [-0.11313155]\n [-0.13209101]]");
}

TEST_CASE("notebook v8a: linear_activation_backward") {
    auto [dAL, linear_activation_cache] = linear_activation_backward_test_case();

    auto [dA_prev_s, dW_s, db_s] = linear_activation_backward(dAL, linear_activation_cache, "sigmoid");
    check_printed("sigmoid: dA_prev", dA_prev_s,
                  "[[ 0.11017994  0.01105339]\n [ 0.09466817  0.00949723]\n [-0.05743092 -0.00576154]]");
    check_printed("sigmoid: dW", dW_s, "[[ 0.10266786  0.09778551 -0.01968084]]");
    check_printed("sigmoid: db", db_s, "[[-0.05729622]]");

    auto [dA_prev_r, dW_r, db_r] = linear_activation_backward(dAL, linear_activation_cache, "relu");
    check_printed("relu: dA_prev", dA_prev_r,
                  "[[ 0.44090989  0.        ]\n [ 0.37883606  0.        ]\n [-0.2298228   0.        ]]");
    check_printed("relu: dW", dW_r, "[[ 0.44513824  0.37371418 -0.10478989]]");
    check_printed("relu: db", db_r, "[[-0.20837892]]");
}

TEST_CASE("notebook v8a: L_model_backward (print_grads)") {
    auto [AL, Y_assess, caches] = L_model_backward_test_case();
    Grads grads = L_model_backward(AL, Y_assess, caches);
    check_printed("dW1", grads["dW1"],
                  "[[ 0.41010002  0.07807203  0.13798444  0.10502167]\n"
                  " [ 0.          0.          0.          0.        ]\n"
                  " [ 0.05283652  0.01005865  0.01777766  0.0135308 ]]");
    check_printed("db1", grads["db1"], "[[-0.22007063]\n [ 0.        ]\n [-0.02835349]]");
    check_printed("dA1", grads["dA1"],
                  "[[ 0.12913162 -0.44014127]\n [-0.14175655  0.48317296]\n [ 0.01663708 -0.05670698]]");
    // Every key the notebook's L_model_backward writes, and nothing else.
    CHECK(grads.size() == 6);
    for (const char* key : {"dA0", "dA1", "dW1", "dW2", "db1", "db2"}) CHECK_MESSAGE(grads.count(key) == 1, key);
}

TEST_CASE("notebook v8a: update_parameters (learning_rate = 0.1)") {
    auto [parameters, grads] = update_parameters_test_case();
    parameters = update_parameters(parameters, grads, 0.1);
    check_printed("W1", parameters["W1"],
                  "[[-0.59562069 -0.09991781 -2.14584584  1.82662008]\n"
                  " [-1.76569676 -0.80627147  0.51115557 -1.18258802]\n"
                  " [-1.0535704  -0.86128581  0.68284052  2.20374577]]");
    check_printed("b1", parameters["b1"], "[[-0.04659241]\n [-1.28888275]\n [ 0.53405496]]");
    check_printed("W2", parameters["W2"], "[[-0.55569196  0.0354055   1.32964895]]");
    check_printed("b2", parameters["b2"], "[[-0.84610769]]");
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
