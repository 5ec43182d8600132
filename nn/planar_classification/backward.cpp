// nn/planar_classification/backward.cpp - 4.3 "The Loop", backward_propagation.
#include "matrix/np.hpp"
#include "nn/checks.hpp"
#include "nn/planar_classification/planar_classification.hpp"

namespace dnn::planar {

namespace {

// The shapes numpy would reject (or broadcast into nonsense), checked before the first line.
void check_inputs(const Parameters& parameters, const Cache& cache, const Matrix& X, const Matrix& Y) {
    const char* fn = "backward_propagation";
    for (const char* key : {"W1", "W2"}) check::has_key(fn, "parameters", parameters, key);
    for (const char* key : {"A1", "A2"}) check::has_key(fn, "cache", cache, key);
    const Matrix &W1 = parameters["W1"], &W2 = parameters["W2"], &A1 = cache["A1"], &A2 = cache["A2"];
    check::examples(fn, "X", X);
    if (W1.cols() != X.rows()) check::shapes(fn, "W1", W1, "X", X, "W1 needs as many columns as X has rows");
    if (W2.shape() != Shape{1, W1.rows()}) check::shapes(fn, "W2", W2, "W1", W1, "W2 must be (1, W1's rows)");
    if (A1.shape() != Shape{W1.rows(), X.cols()})
        check::shapes(fn, "A1", A1, "X", X, "A1 must be (W1's rows, X's columns)");
    if (A2.shape() != Shape{1, X.cols()}) check::shapes(fn, "A2", A2, "X", X, "A2 must be (1, X's columns)");
    check::same_shape(fn, "Y", Y, "A2", A2);
}

}  // namespace

Grads backward_propagation(const Parameters& parameters, const Cache& cache, const Matrix& X, const Matrix& Y) {
    check_inputs(parameters, cache, X, Y);

    const std::size_t m = X.cols();

    // First, retrieve W1 and W2 from the dictionary "parameters".
    // ### START CODE HERE ### (≈ 2 lines of code)
    Matrix W1 = parameters["W1"];  // (n_h, n_x), not needed below
    Matrix W2 = parameters["W2"];  // (n_y, n_h)
    // ### END CODE HERE ###

    // Retrieve also A1 and A2 from dictionary "cache".
    // ### START CODE HERE ### (≈ 2 lines of code)
    Matrix A1 = cache["A1"];  // (n_h, m)
    Matrix A2 = cache["A2"];  // (n_y, m)
    // ### END CODE HERE ###

    // Backward propagation: calculate dW1, db1, dW2, db2.
    // ### START CODE HERE ### (≈ 6 lines of code, corresponding to 6 equations on slide above)
    Matrix dZ2 = A2 - Y;                                             // (n_y, m)
    Matrix dW2 = 1.0 / m * np::dot(dZ2, A1.T());                     // (n_y, n_h)
    Matrix db2 = 1.0 / m * np::sum(dZ2, /*axis=*/1, /*keepdims=*/true);  // (n_y, 1)
    Matrix dZ1 = np::dot(W2.T(), dZ2) * (1 - np::power(A1, 2));      // (n_h, m): tanh'(Z1) = 1 - A1^2
    Matrix dW1 = 1.0 / m * np::dot(dZ1, X.T());                      // (n_h, n_x)
    Matrix db1 = 1.0 / m * np::sum(dZ1, /*axis=*/1, /*keepdims=*/true);  // (n_h, 1)
    // ### END CODE HERE ###

    Grads grads = {{"dW1", dW1}, {"db1", db1}, {"dW2", dW2}, {"db2", db2}};

    return grads;
}

}  // namespace dnn::planar
