// nn/python_basics/losses.cpp - 2.1 "Implement the L1 and L2 loss functions": L1 and L2.
#include "matrix/np.hpp"
#include "nn/checks.hpp"
#include "nn/python_basics/python_basics.hpp"

namespace dnn::basics {

double L1(const Matrix& yhat, const Matrix& y) {
    check::same_shape("L1", "yhat", yhat, "y", y);

    // ### START CODE HERE ### (≈ 1 line of code)
    double loss = np::sum(np::abs(y - yhat));
    // ### END CODE HERE ###

    return loss;
}

double L2(const Matrix& yhat, const Matrix& y) {
    check::same_shape("L2", "yhat", yhat, "y", y);

    // ### START CODE HERE ### (≈ 1 line of code)
    // numpy's dot of two 1-D arrays is their inner product; with rows it is (1, m) · (m, 1).
    double loss = np::sum(np::dot(y - yhat, (y - yhat).T()));
    // ### END CODE HERE ###

    return loss;
}

}  // namespace dnn::basics
