// nn/update.cpp - update_parameters, as in the notebook.
#include "matrix/np.hpp"
#include "nn/checks.hpp"
#include "nn/py.hpp"
#include "nn/step_by_step.hpp"

namespace dnn {

Parameters update_parameters(Parameters parameters, const Grads& grads, double learning_rate) {
    if (parameters.size() % 2 != 0)
        throw std::invalid_argument("update_parameters: parameters must hold pairs W1, b1, ..., WL, bL; it has " +
                                    std::to_string(parameters.size()) + " entries");
    for (int l = 1; l <= len(parameters) / 2; ++l)
        for (const char* name : {"W", "b"}) {
            const std::string key = name + str(l), dkey = "d" + key;
            check::has_key("update_parameters", "parameters", parameters, key);
            check::has_key("update_parameters", "grads", grads, dkey);
            if (grads[dkey].shape() != parameters.at(key).shape())
                check::shapes("update_parameters", dkey.c_str(), grads[dkey], key.c_str(), parameters.at(key),
                              "a gradient has the shape of its parameter");
        }

    const int L = len(parameters) / 2;  // number of layers in the neural network

    // Update rule for each parameter. Use a for loop.
    // ### START CODE HERE ### (≈ 3 lines of code)
    for (int l = 0; l < L; ++l) {
        parameters["W" + str(l + 1)] = parameters["W" + str(l + 1)] - learning_rate * grads["dW" + str(l + 1)];
        parameters["b" + str(l + 1)] = parameters["b" + str(l + 1)] - learning_rate * grads["db" + str(l + 1)];
    }
    // ### END CODE HERE ###

    return parameters;
}

}  // namespace dnn
