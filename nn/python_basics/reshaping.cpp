// nn/python_basics/reshaping.cpp - 1.3 "Reshaping arrays": image2vector.
#include "nn/python_basics/python_basics.hpp"

namespace dnn::basics {

Matrix image2vector(const Array3D& image) {
    // ### START CODE HERE ### (≈ 1 line of code)
    Matrix v = image.reshape(image.shape[0] * image.shape[1] * image.shape[2], 1);  // (length * height * depth, 1)
    // ### END CODE HERE ###

    return v;
}

}  // namespace dnn::basics
