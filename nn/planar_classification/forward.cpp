// nn/planar_classification/forward.cpp - 4.3 "The Loop", forward_propagation.
#include "matrix/np.hpp"
#include "nn/checks.hpp"
#include "nn/planar_classification/planar_classification.hpp"

namespace dnn::planar {

namespace {

// The notebook's assert (A2 is (1, m)) and the shapes numpy would reject, checked before the first line.
void check_inputs(const Matrix& X, const Parameters& parameters) {
    const char* fn = "forward_propagation";
    for (const char* key : {"W1", "b1", "W2", "b2"}) check::has_key(fn, "parameters", parameters, key);
    const Matrix &W1 = parameters["W1"], &b1 = parameters["b1"], &W2 = parameters["W2"], &b2 = parameters["b2"];
    if (W1.cols() != X.rows()) check::shapes(fn, "W1", W1, "X", X, "W1 needs as many columns as X has rows");
    if (b1.shape() != Shape{W1.rows(), 1}) check::shapes(fn, "b1", b1, "W1", W1, "b1 must be (W1's rows, 1)");
    if (W2.shape() != Shape{1, W1.rows()})
        check::shapes(fn, "W2", W2, "W1", W1, "W2 must be (1, W1's rows): one output unit");
    if (b2.shape() != Shape{1, 1}) check::shapes(fn, "b2", b2, "W2", W2, "b2 must be (1, 1)");
    check::examples(fn, "X", X);
}

}  // namespace

ForwardResult forward_propagation(const Matrix& X, const Parameters& parameters) {
    check_inputs(X, parameters);

    // Retrieve each parameter from the dictionary "parameters"
    // ### START CODE HERE ### (≈ 4 lines of code)
    Matrix W1 = parameters["W1"];  // (n_h, n_x)
    Matrix b1 = parameters["b1"];  // (n_h, 1)
    Matrix W2 = parameters["W2"];  // (n_y, n_h)
    Matrix b2 = parameters["b2"];  // (n_y, 1)
    // ### END CODE HERE ###

    // Implement Forward Propagation to calculate A2 (probabilities)
    // ### START CODE HERE ### (≈ 4 lines of code)
    Matrix Z1 = np::dot(W1, X) + b1;   // (n_h, m)
    Matrix A1 = np::tanh(Z1);          // (n_h, m)
    Matrix Z2 = np::dot(W2, A1) + b2;  // (n_y, m)
    Matrix A2 = sigmoid(Z2);           // (n_y, m)
    // ### END CODE HERE ###

    // assert(A2.shape == (1, X.shape[1])): checked above, W2 has one row.

    Cache cache = {{"Z1", Z1}, {"A1", A1}, {"Z2", Z2}, {"A2", A2}};

    return {A2, cache};
}

}  // namespace dnn::planar
