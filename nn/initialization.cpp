// nn/initialization.cpp - initialize_parameters and initialize_parameters_deep, as in the notebook.
#include <stdexcept>
#include <string>

#include "matrix/np.hpp"
#include "nn/checks.hpp"
#include "nn/py.hpp"
#include "nn/step_by_step.hpp"

namespace dnn {

Parameters initialize_parameters(int n_x, int n_h, int n_y) {
    check::layer_size("initialize_parameters", "n_x", n_x);
    check::layer_size("initialize_parameters", "n_h", n_h);
    check::layer_size("initialize_parameters", "n_y", n_y);

    np::random::seed(1);

    // ### START CODE HERE ### (≈ 4 lines of code)
    Matrix W1 = np::random::randn(n_h, n_x) * 0.01;  // (n_h, n_x)
    Matrix b1 = np::zeros(n_h, 1);                   // (n_h, 1)
    Matrix W2 = np::random::randn(n_y, n_h) * 0.01;  // (n_y, n_h)
    Matrix b2 = np::zeros(n_y, 1);                   // (n_y, 1)
    // ### END CODE HERE ###

    Parameters parameters = {{"W1", W1}, {"b1", b1}, {"W2", W2}, {"b2", b2}};
    return parameters;
}

Parameters initialize_parameters_deep(const std::vector<int>& layer_dims) {
    check::layer_dims("initialize_parameters_deep", layer_dims);

    np::random::seed(3);
    Parameters parameters;
    const int L = len(layer_dims);  // number of layers in the network, counting the input

    for (int l = 1; l < L; ++l) {
        // ### START CODE HERE ### (≈ 2 lines of code)
        parameters["W" + str(l)] = np::random::randn(layer_dims[l], layer_dims[l - 1]) * 0.01;  // (n[l], n[l-1])
        parameters["b" + str(l)] = np::zeros(layer_dims[l], 1);                                // (n[l], 1)
        // ### END CODE HERE ###
    }
    return parameters;
}

}  // namespace dnn
