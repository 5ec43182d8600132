// nn/python_basics/sigmoid_gradient.cpp - 1.2 "Sigmoid gradient": sigmoid_derivative.
#include "matrix/np.hpp"
#include "nn/python_basics/python_basics.hpp"

namespace dnn::basics {

Matrix sigmoid_derivative(const Matrix& x) {
    // ### START CODE HERE ### (≈ 2 lines of code)
    Matrix s = sigmoid(x);    // (n, m)
    Matrix ds = s * (1 - s);  // (n, m): elementwise, not a matrix product
    // ### END CODE HERE ###

    return ds;
}

}  // namespace dnn::basics
