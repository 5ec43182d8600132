// nn/planar_classification/nn_model.cpp - 4.4 "Integration": nn_model.
#include <cstdio>
#include <iostream>
#include <stdexcept>
#include <string>

#include "matrix/np.hpp"
#include "nn/checks.hpp"
#include "nn/planar_classification/planar_classification.hpp"

namespace dnn::planar {

Parameters nn_model(const Matrix& X, const Matrix& Y, int n_h, int num_iterations, bool print_cost, Seeding seeding) {
    if (Y.shape() != Shape{1, X.cols()}) check::shapes("nn_model", "Y", Y, "X", X, "Y must be (1, X's columns)");
    check::examples("nn_model", "X", X);
    check::labels("nn_model", "Y", Y);
    if (num_iterations < 0)
        throw std::invalid_argument("nn_model: num_iterations is " + std::to_string(num_iterations));

    np::random::seed(3);
    int n_x = layer_sizes(X, Y).n_x;  // layer_sizes(X, Y)[0]
    int n_y = layer_sizes(X, Y).n_y;  // layer_sizes(X, Y)[2]

    // Initialize parameters
    // ### START CODE HERE ### (≈ 1 line of code)
    Parameters parameters = initialize_parameters(n_x, n_h, n_y, seeding);
    // ### END CODE HERE ###

    // Loop (gradient descent)
    for (int i = 0; i < num_iterations; ++i) {
        // ### START CODE HERE ### (≈ 4 lines of code)
        // Forward propagation. Inputs: "X, parameters". Outputs: "A2, cache".
        auto [A2, cache] = forward_propagation(X, parameters);

        // Cost function. Inputs: "A2, Y". Outputs: "cost".
        double cost = compute_cost(A2, Y);

        // Backpropagation. Inputs: "parameters, cache, X, Y". Outputs: "grads".
        Grads grads = backward_propagation(parameters, cache, X, Y);

        // Gradient descent parameter update. Inputs: "parameters, grads". Outputs: "parameters".
        parameters = update_parameters(parameters, grads);
        // ### END CODE HERE ###

        // Print the cost every 1000 iterations
        if (print_cost && i % 1000 == 0) {
            char line[64];
            std::snprintf(line, sizeof line, "Cost after iteration %i: %f", i, cost);
            std::cout << line << "\n";
        }
    }

    return parameters;
}

}  // namespace dnn::planar
