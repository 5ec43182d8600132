// nn/python_basics/sigmoid.cpp - 1.1 "sigmoid function, np.exp()": basic_sigmoid and sigmoid.
#include <cmath>

#include "matrix/np.hpp"
#include "nn/python_basics/python_basics.hpp"

namespace dnn::basics {

double basic_sigmoid(double x) {
    // ### START CODE HERE ### (≈ 1 line of code)
    double s = 1 / (1 + std::exp(-x));  // math.exp: one number
    // ### END CODE HERE ###

    return s;
}

Matrix sigmoid(const Matrix& x) {
    // ### START CODE HERE ### (≈ 1 line of code)
    Matrix s = 1 / (1 + np::exp(-x));  // (n, m): np::exp works on every element
    // ### END CODE HERE ###

    return s;
}

}  // namespace dnn::basics
