// nn/python_basics/softmax.cpp - 1.5 "Broadcasting and the softmax function": softmax.
#include "matrix/np.hpp"
#include "nn/python_basics/python_basics.hpp"

namespace dnn::basics {

Matrix softmax(const Matrix& x) {
    // ### START CODE HERE ### (≈ 3 lines of code)
    // Apply exp() element-wise to x. Use np::exp(...).
    Matrix x_exp = np::exp(x);  // (m, n)

    // Create a vector x_sum that sums each row of x_exp. Use np::sum(..., 1, true)  (axis = 1, keepdims = True)
    Matrix x_sum = np::sum(x_exp, /*axis=*/1, /*keepdims=*/true);  // (m, 1)

    // Compute softmax(x) by dividing x_exp by x_sum. It should automatically use numpy broadcasting.
    Matrix s = x_exp / x_sum;  // (m, n) / (m, 1)
    // ### END CODE HERE ###

    return s;
}

}  // namespace dnn::basics
