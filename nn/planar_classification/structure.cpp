// nn/planar_classification/structure.cpp - 4.1 "Defining the neural network structure": layer_sizes.
#include "nn/checks.hpp"
#include "nn/planar_classification/planar_classification.hpp"

namespace dnn::planar {

LayerSizes layer_sizes(const Matrix& X, const Matrix& Y) {
    if (X.cols() != Y.cols())
        check::shapes("layer_sizes", "X", X, "Y", Y, "X and Y need the same number of examples (columns)");

    // ### START CODE HERE ### (≈ 3 lines of code)
    int n_x = static_cast<int>(X.rows());  // size of input layer
    int n_h = 4;
    int n_y = static_cast<int>(Y.rows());  // size of output layer
    // ### END CODE HERE ###

    return {n_x, n_h, n_y};
}

}  // namespace dnn::planar
