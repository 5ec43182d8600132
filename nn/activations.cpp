// nn/activations.cpp - dnn_utils_v2's sigmoid, relu, sigmoid_backward and relu_backward, line by line.
#include "nn/activations.hpp"

#include "matrix/np.hpp"
#include "nn/checks.hpp"

namespace dnn {

ActivationResult sigmoid(const Matrix& Z) {
    Matrix A = 1 / (1 + np::exp(-Z));
    Matrix cache = Z;
    return {A, cache};
}

ActivationResult relu(const Matrix& Z) {
    Matrix A = np::maximum(0, Z);
    Matrix cache = Z;
    return {A, cache};
}

Matrix relu_backward(const Matrix& dA, const Matrix& cache) {
    check::same_shape("relu_backward", "dA", dA, "cache (Z)", cache);
    const Matrix& Z = cache;
    Matrix dZ = np::array(dA);  // just converting dz to a correct object.
    // When z <= 0, you should set dz to 0 as well.
    dZ[Z <= 0] = 0;
    return dZ;
}

Matrix sigmoid_backward(const Matrix& dA, const Matrix& cache) {
    check::same_shape("sigmoid_backward", "dA", dA, "cache (Z)", cache);
    const Matrix& Z = cache;
    Matrix s = 1 / (1 + np::exp(-Z));
    Matrix dZ = dA * s * (1 - s);
    return dZ;
}

}  // namespace dnn
