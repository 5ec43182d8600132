// nn/planar_classification/update.cpp - 4.3 "The Loop", update_parameters.
#include "matrix/np.hpp"
#include "nn/checks.hpp"
#include "nn/planar_classification/planar_classification.hpp"

namespace dnn::planar {

Parameters update_parameters(Parameters parameters, const Grads& grads, double learning_rate) {
    for (const char* key : {"W1", "b1", "W2", "b2"}) {
        const std::string dkey = std::string("d") + key;
        check::has_key("update_parameters", "parameters", parameters, key);
        check::has_key("update_parameters", "grads", grads, dkey);
        if (grads[dkey].shape() != parameters[key].shape())
            check::shapes("update_parameters", dkey.c_str(), grads[dkey], key, parameters[key],
                          "a gradient has the shape of its parameter");
    }

    // Retrieve a copy of each parameter from the dictionary "parameters". Use copy.deepcopy(...) for W1 and W2
    // (here parameters is this function's own copy, and every Matrix is copy-on-write: the caller's arrays
    // never change).
    // ### START CODE HERE ### (≈ 4 lines of code)
    Matrix W1 = parameters["W1"];  // (n_h, n_x)
    Matrix b1 = parameters["b1"];  // (n_h, 1)
    Matrix W2 = parameters["W2"];  // (n_y, n_h)
    Matrix b2 = parameters["b2"];  // (n_y, 1)
    // ### END CODE HERE ###

    // Retrieve each gradient from the dictionary "grads"
    // ### START CODE HERE ### (≈ 4 lines of code)
    Matrix dW1 = grads["dW1"];
    Matrix db1 = grads["db1"];
    Matrix dW2 = grads["dW2"];
    Matrix db2 = grads["db2"];
    // ### END CODE HERE ###

    // Update rule for each parameter
    // ### START CODE HERE ### (≈ 4 lines of code)
    W1 = W1 - learning_rate * dW1;
    b1 = b1 - learning_rate * db1;
    W2 = W2 - learning_rate * dW2;
    b2 = b2 - learning_rate * db2;
    // ### END CODE HERE ###

    parameters = {{"W1", W1}, {"b1", b1}, {"W2", W2}, {"b2", b2}};

    return parameters;
}

}  // namespace dnn::planar
