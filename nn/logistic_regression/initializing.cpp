// nn/logistic_regression/initializing.cpp - 4.2 "Initializing parameters": initialize_with_zeros.
#include <stdexcept>
#include <string>

#include "matrix/np.hpp"
#include "nn/logistic_regression/logistic_regression.hpp"

namespace dnn::logistic {

Params initialize_with_zeros(int dim) {
    if (dim < 0) throw std::invalid_argument("initialize_with_zeros: dim is " + std::to_string(dim) + "; it is the "
                                             "number of features, at least 0");

    // ### START CODE HERE ### (≈ 2 lines of code)
    Matrix w = np::zeros(dim, 1);  // (dim, 1)
    double b = 0.0;                // a float, not an int (the 2021 notebook checks its type)
    // ### END CODE HERE ###

    return {w, b};
}

}  // namespace dnn::logistic
