// course/test_cases.cpp - testCases_v4a.py (and v2) rebuilt: same seeds, same shapes, same draw order.
#include "course/test_cases.hpp"

#include "matrix/np.hpp"

namespace dnn::test_cases {

LinearInputs linear_forward_test_case() {
    np::random::seed(1);
    Matrix A = np::random::randn(3, 2);
    Matrix W = np::random::randn(1, 3);
    Matrix b = np::random::randn(1, 1);
    return {A, W, b};
}

LinearInputs linear_activation_forward_test_case() {
    np::random::seed(2);
    Matrix A_prev = np::random::randn(3, 2);
    Matrix W = np::random::randn(1, 3);
    Matrix b = np::random::randn(1, 1);
    return {A_prev, W, b};
}

ParametersCase L_model_forward_test_case() {
    np::random::seed(1);
    Matrix X = np::random::randn(4, 2);
    Matrix W1 = np::random::randn(3, 4);
    Matrix b1 = np::random::randn(3, 1);
    Matrix W2 = np::random::randn(1, 3);
    Matrix b2 = np::random::randn(1, 1);
    Parameters parameters = {{"W1", W1}, {"b1", b1}, {"W2", W2}, {"b2", b2}};
    return {X, parameters};
}

ParametersCase L_model_forward_test_case_2hidden() {
    np::random::seed(6);
    Matrix X = np::random::randn(5, 4);
    Matrix W1 = np::random::randn(4, 5);
    Matrix b1 = np::random::randn(4, 1);
    Matrix W2 = np::random::randn(3, 4);
    Matrix b2 = np::random::randn(3, 1);
    Matrix W3 = np::random::randn(1, 3);
    Matrix b3 = np::random::randn(1, 1);
    Parameters parameters = {{"W1", W1}, {"b1", b1}, {"W2", W2}, {"b2", b2}, {"W3", W3}, {"b3", b3}};
    return {X, parameters};
}

CostCase compute_cost_test_case(TestCases version) {
    Matrix Y = version == TestCases::v4a ? Matrix{{1, 1, 0}} : Matrix{{1, 1, 1}};
    Matrix aL{{.8, .9, 0.4}};
    return {Y, aL};
}

LinearBackwardCase linear_backward_test_case(TestCases version) {
    np::random::seed(1);
    if (version == TestCases::v4a) {
        Matrix dZ = np::random::randn(3, 4);
        Matrix A = np::random::randn(5, 4);
        Matrix W = np::random::randn(3, 5);
        Matrix b = np::random::randn(3, 1);
        return {dZ, LinearCache{A, W, b}};
    }
    Matrix dZ = np::random::randn(1, 2);
    Matrix A = np::random::randn(3, 2);
    Matrix W = np::random::randn(1, 3);
    Matrix b = np::random::randn(1, 1);
    return {dZ, LinearCache{A, W, b}};
}

LinearActivationBackwardCase linear_activation_backward_test_case() {
    np::random::seed(2);
    Matrix dA = np::random::randn(1, 2);
    Matrix A = np::random::randn(3, 2);
    Matrix W = np::random::randn(1, 3);
    Matrix b = np::random::randn(1, 1);
    Matrix Z = np::random::randn(1, 2);
    LinearCache linear_cache{A, W, b};
    Matrix activation_cache = Z;
    return {dA, LayerCache{linear_cache, activation_cache}};
}

LModelBackwardCase L_model_backward_test_case() {
    np::random::seed(3);
    Matrix AL = np::random::randn(1, 2);
    Matrix Y = Matrix{{1, 0}};

    Matrix A1 = np::random::randn(4, 2);
    Matrix W1 = np::random::randn(3, 4);
    Matrix b1 = np::random::randn(3, 1);
    Matrix Z1 = np::random::randn(3, 2);
    LayerCache linear_cache_activation_1{LinearCache{A1, W1, b1}, Z1};

    Matrix A2 = np::random::randn(3, 2);
    Matrix W2 = np::random::randn(1, 3);
    Matrix b2 = np::random::randn(1, 1);
    Matrix Z2 = np::random::randn(1, 2);
    LayerCache linear_cache_activation_2{LinearCache{A2, W2, b2}, Z2};

    Caches caches = {linear_cache_activation_1, linear_cache_activation_2};
    return {AL, Y, caches};
}

UpdateCase update_parameters_test_case() {
    np::random::seed(2);
    Matrix W1 = np::random::randn(3, 4);
    Matrix b1 = np::random::randn(3, 1);
    Matrix W2 = np::random::randn(1, 3);
    Matrix b2 = np::random::randn(1, 1);
    Parameters parameters = {{"W1", W1}, {"b1", b1}, {"W2", W2}, {"b2", b2}};
    np::random::seed(3);
    Matrix dW1 = np::random::randn(3, 4);
    Matrix db1 = np::random::randn(3, 1);
    Matrix dW2 = np::random::randn(1, 3);
    Matrix db2 = np::random::randn(1, 1);
    Grads grads = {{"dW1", dW1}, {"db1", db1}, {"dW2", dW2}, {"db2", db2}};
    return {parameters, grads};
}

}  // namespace dnn::test_cases
