// tests/test_versions.cpp - the other notebook versions' test cases (the notebooks before v8a and the 2021 one): v3/v4 (testCases_v2),
// the 2018 v4 revision, and the 2021 W4A1 refresh's extra cases and extra printed grads.
#include <doctest/doctest.h>

#include "dnn.hpp"
#include "tests/notebook_expect.hpp"

using namespace dnn;
using namespace dnn::test_cases;
using expect::check_printed;
using expect::Text;

TEST_CASE("notebook v3: initialize_parameters(2, 2, 1)") {
    Parameters parameters = initialize_parameters(2, 2, 1);
    check_printed("W1", parameters["W1"], "[[ 0.01624345 -0.00611756]\n [-0.00528172 -0.01072969]]");
    check_printed("b1", parameters["b1"], "[[ 0.]\n [ 0.]]");
    check_printed("W2", parameters["W2"], "[[ 0.00865408 -0.02301539]]");
    check_printed("b2", parameters["b2"], "[[ 0.]]");
}

TEST_CASE("notebook 2021: initialize_parameters(4, 3, 2) and initialize_parameters_deep([4, 3, 2])") {
    Parameters p = initialize_parameters(4, 3, 2);
    check_printed("W1", p["W1"],
                  "[[ 0.01624345 -0.00611756 -0.00528172 -0.01072969] [ 0.00865408 -0.02301539 0.01744812 -0.00761207] "
                  "[ 0.00319039 -0.0024937 0.01462108 -0.02060141]]", Text::numbers_only);
    check_printed("W2", p["W2"], "[[-0.00322417 -0.00384054 0.01133769] [-0.01099891 -0.00172428 -0.00877858]]",
                  Text::numbers_only);
    check_printed("b1", p["b1"], "[[ 0.]\n [ 0.]\n [ 0.]]");
    check_printed("b2", p["b2"], "[[ 0.]\n [ 0.]]");

    Parameters d = initialize_parameters_deep({4, 3, 2});
    check_printed("W1", d["W1"],
                  "[[ 0.01788628 0.0043651 0.00096497 -0.01863493] [-0.00277388 -0.00354759 -0.00082741 -0.00627001] "
                  "[-0.00043818 -0.00477218 -0.01313865 0.00884622]]", Text::numbers_only);
    check_printed("W2", d["W2"], "[[ 0.00881318 0.01709573 0.00050034] [-0.00404677 -0.0054536 -0.01546477]]",
                  Text::numbers_only);
    check_printed("b1", d["b1"], "[[ 0.]\n [ 0.]\n [ 0.]]");
    check_printed("b2", d["b2"], "[[ 0.]\n [ 0.]]");
}

TEST_CASE("notebook v3/v4: L_model_forward (L_model_forward_test_case, 2 layers)") {
    auto [X, parameters] = L_model_forward_test_case();
    auto [AL, caches] = L_model_forward(X, parameters);
    check_printed("AL", AL, "[[ 0.17007265  0.2524272 ]]");
    CHECK(caches.size() == 2);
}

TEST_CASE("notebook v3/v4: compute_cost (Y = [[1, 1, 1]])") {
    auto [Y, AL] = compute_cost_test_case(TestCases::v2);
    const double cost = compute_cost(AL, Y);
    expect::check_close("cost", cost, 0.41493159961539694, 1e-15);
}

TEST_CASE("notebook v3/v4: linear_backward (small case, m = 2)") {
    auto [dZ, linear_cache] = linear_backward_test_case(TestCases::v2);
    auto [dA_prev, dW, db] = linear_backward(dZ, linear_cache);
    check_printed("dA_prev", dA_prev, "[[ 0.51822968 -0.19517421]\n [-0.40506361  0.15255393]\n [ 2.37496825 -0.89445391]]");
    check_printed("dW", dW, "[[-0.10076895  1.40685096  1.64992505]]");
    check_printed("db", db, "[[ 0.50629448]]");
}

TEST_CASE("notebook v3/v4 and 2021: L_model_backward's other printed grads") {
    auto [AL, Y_assess, caches] = L_model_backward_test_case();
    Grads grads = L_model_backward(AL, Y_assess, caches);
    // v3/v4 called the gradient with respect to X "dA1" (old naming); it is "dA0" here, as in v8a and 2021.
    check_printed("dA0", grads["dA0"],
                  "[[ 0. 0.52257901] [ 0. -0.3269206 ] [ 0. -0.32070404] [ 0. -0.74079187]]", Text::numbers_only);
    check_printed("dW2", grads["dW2"], "[[-0.39202432 -0.13325855 -0.04601089]]");
    check_printed("db2", grads["db2"], "[[ 0.15187861]]");
}
