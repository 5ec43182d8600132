// nn/logistic_regression/propagation.cpp - 4.3 "Forward and Backward propagation": propagate.
#include "matrix/np.hpp"
#include "nn/checks.hpp"
#include "nn/logistic_regression/logistic_regression.hpp"

namespace dnn::logistic {

PropagateResult propagate(const Matrix& w, double b, const Matrix& X, const Matrix& Y) {
    if (w.shape() != Shape{X.rows(), 1})
        check::shapes("propagate", "w", w, "X", X, "w must be (X's rows, 1): one weight per feature");
    if (Y.shape() != Shape{1, X.cols()})
        check::shapes("propagate", "Y", Y, "X", X, "Y must be (1, X's columns): one label per example");
    check::examples("propagate", "X", X);
    check::labels("propagate", "Y", Y);

    const std::size_t m = X.cols();

    // FORWARD PROPAGATION (FROM X TO COST)
    // ### START CODE HERE ### (≈ 2 lines of code)
    // compute activation
    Matrix A = sigmoid(np::dot(w.T(), X) + b);  // (1, n_x) · (n_x, m) = (1, m)
    // compute cost by using np.dot to perform multiplication.
    // And don't use loops for the sum.
    double cost = -1.0 / m * np::sum(Y * np::log(A) + (1 - Y) * np::log(1 - A));
    // ### END CODE HERE ###

    // BACKWARD PROPAGATION (TO FIND GRAD)
    // ### START CODE HERE ### (≈ 2 lines of code)
    Matrix dw = 1.0 / m * np::dot(X, (A - Y).T());  // (n_x, m) · (m, 1) = (n_x, 1)
    double db = 1.0 / m * np::sum(A - Y);
    // ### END CODE HERE ###

    // cost = np.squeeze(np.array(cost)): np::sum already returns the scalar.

    Grads grads = {.dw = dw, .db = db};

    return {grads, cost};
}

}  // namespace dnn::logistic
