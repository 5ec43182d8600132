// app/models.cpp - two_layer_model and L_layer_model, as in the Application notebook.
#include <cmath>
#include <cstdio>
#include <iostream>
#include <stdexcept>
#include <string>

#include "app/application.hpp"
#include "app/progress.hpp"
#include "matrix/format.hpp"
#include "matrix/np.hpp"
#include "nn/step_by_step.hpp"

namespace dnn::app {

namespace {

// The training loops stop on a non-finite cost instead of training on NaN.
void check_finite(const char* fn, int i, double cost) {
    if (!std::isfinite(cost))
        throw std::runtime_error(std::string(fn) + ": the cost became " + py_repr(cost) + " at iteration " +
                                 std::to_string(i) + " (try a smaller learning_rate, or check X and Y)");
}

void check_inputs(const char* fn, const Matrix& X, const Matrix& Y, int num_iterations) {
    if (X.cols() == 0) throw std::invalid_argument(std::string(fn) + ": X has no examples (shape " + to_string(X.shape()) + ")");
    if (Y.shape() != Shape{1, X.cols()})
        throw std::invalid_argument(std::string(fn) + ": Y has shape " + to_string(Y.shape()) + " but X has shape " +
                                    to_string(X.shape()) + ": Y must be (1, m)");
    if (num_iterations < 0)
        throw std::invalid_argument(std::string(fn) + ": num_iterations is " + std::to_string(num_iterations));
}

}  // namespace

TrainResult two_layer_model(const Matrix& X, const Matrix& Y, const std::vector<int>& layers_dims,
                            double learning_rate, int num_iterations, bool print_cost, const TrainOptions& options) {
    check_inputs("two_layer_model", X, Y, num_iterations);
    if (layers_dims.size() != 3)
        throw std::invalid_argument("two_layer_model: layers_dims must be (n_x, n_h, n_y), got " +
                                    std::to_string(layers_dims.size()) + " sizes");
    std::ostream& out = options.out ? *options.out : std::cout;
    ProgressBar progress(num_iterations, options.progress && ProgressBar::stderr_is_terminal());

    np::random::seed(1);
    Grads grads;
    std::vector<double> costs;  // to keep track of the cost
    const auto [n_x, n_h, n_y] = std::tuple{layers_dims[0], layers_dims[1], layers_dims[2]};

    // Initialize parameters dictionary.
    Parameters parameters = initialize_parameters(n_x, n_h, n_y);

    // Get W1, b1, W2 and b2 from the dictionary parameters.
    Matrix W1 = parameters["W1"];
    Matrix b1 = parameters["b1"];
    Matrix W2 = parameters["W2"];
    Matrix b2 = parameters["b2"];

    // Loop (gradient descent)
    for (int i = 0; i < num_iterations; ++i) {
        // Forward propagation: LINEAR -> RELU -> LINEAR -> SIGMOID.
        auto [A1, cache1] = linear_activation_forward(X, W1, b1, "relu");
        auto [A2, cache2] = linear_activation_forward(A1, W2, b2, "sigmoid");

        // Compute cost (dnn_app_utils_v3's; "app::" because dnn::compute_cost would be found too)
        const double cost = app::compute_cost(A2, Y);
        check_finite("two_layer_model", i, cost);

        // Initializing backward propagation
        Matrix dA2 = -(np::divide(Y, A2) - np::divide(1 - Y, 1 - A2));

        // Backward propagation. Inputs: "dA2, cache2, cache1". Outputs: "dA1, dW2, db2; also dA0 (not used), dW1, db1".
        auto [dA1, dW2, db2] = linear_activation_backward(dA2, cache2, "sigmoid");
        auto [dA0, dW1, db1] = linear_activation_backward(dA1, cache1, "relu");

        // Set grads['dWl'] to dW1, grads['db1'] to db1, grads['dW2'] to dW2, grads['db2'] to db2
        grads["dW1"] = dW1;
        grads["db1"] = db1;
        grads["dW2"] = dW2;
        grads["db2"] = db2;

        // Update parameters.
        parameters = update_parameters(parameters, grads, learning_rate);

        // Retrieve W1, b1, W2, b2 from parameters
        W1 = parameters["W1"];
        b1 = parameters["b1"];
        W2 = parameters["W2"];
        b2 = parameters["b2"];

        // Print the cost every 100 training example
        if (print_cost && i % 100 == 0) {
            progress.clear();
            out << "Cost after iteration " << i << ": " << py_repr(cost) << std::endl;
        }
        if (i % 100 == 0) costs.push_back(cost);
        progress.update(i + 1);
    }
    progress.finish();
    return {parameters, costs};
}

TrainResult L_layer_model(const Matrix& X, const Matrix& Y, const std::vector<int>& layers_dims,
                          double learning_rate, int num_iterations, bool print_cost, const TrainOptions& options) {
    check_inputs("L_layer_model", X, Y, num_iterations);
    if (layers_dims.empty() || layers_dims[0] != static_cast<int>(X.rows()))
        throw std::invalid_argument("L_layer_model: layers_dims[0] must be X's number of rows (" +
                                    std::to_string(X.rows()) + ")");
    std::ostream& out = options.out ? *options.out : std::cout;
    ProgressBar progress(num_iterations, options.progress && ProgressBar::stderr_is_terminal());

    np::random::seed(1);
    std::vector<double> costs;  // keep track of cost

    // Parameters initialization.
    Parameters parameters = initialize_parameters_deep(layers_dims);

    // Loop (gradient descent)
    for (int i = 0; i < num_iterations; ++i) {
        // Forward propagation: [LINEAR -> RELU]*(L-1) -> LINEAR -> SIGMOID.
        auto [AL, caches] = L_model_forward(X, parameters);

        // Compute cost (dnn_app_utils_v3's).
        const double cost = app::compute_cost(AL, Y);
        check_finite("L_layer_model", i, cost);

        // Backward propagation.
        Grads grads = L_model_backward(AL, Y, caches);

        // Update parameters.
        parameters = update_parameters(parameters, grads, learning_rate);

        // Print the cost every 100 training example
        if (print_cost && i % 100 == 0) {
            char line[64];
            std::snprintf(line, sizeof line, "Cost after iteration %i: %f", i, cost);
            progress.clear();
            out << line << std::endl;
        }
        if (i % 100 == 0) costs.push_back(cost);
        progress.update(i + 1);
    }
    progress.finish();
    return {parameters, costs};
}

}  // namespace dnn::app
