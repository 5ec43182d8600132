// nn/logistic_regression/optimization.cpp - 4.4 "Optimization": optimize and predict.
#include <cstdio>
#include <iostream>
#include <stdexcept>
#include <string>

#include "matrix/np.hpp"
#include "nn/checks.hpp"
#include "nn/logistic_regression/logistic_regression.hpp"

namespace dnn::logistic {

OptimizeResult optimize(Matrix w, double b, const Matrix& X, const Matrix& Y, int num_iterations,
                        double learning_rate, bool print_cost) {
    if (num_iterations < 1)
        throw std::invalid_argument("optimize: num_iterations is " + std::to_string(num_iterations) +
                                    "; it needs at least 1 (the grads it returns are the last iteration's)");
    // w = copy.deepcopy(w), b = copy.deepcopy(b): w and b are this function's own copies (passed by value).

    std::vector<double> costs;
    Matrix dw;  // (n_x, 1)
    double db = 0;

    for (int i = 0; i < num_iterations; ++i) {
        // Cost and gradient calculation
        // ### START CODE HERE ###
        auto [grads, cost] = propagate(w, b, X, Y);
        // ### END CODE HERE ###

        // Retrieve derivatives from grads
        dw = grads.dw;  // grads["dw"]
        db = grads.db;  // grads["db"]

        // update rule
        // ### START CODE HERE ###
        w = w - learning_rate * dw;  // (n_x, 1)
        b = b - learning_rate * db;
        // ### END CODE HERE ###

        // Record the costs
        if (i % 100 == 0) {
            costs.push_back(cost);

            // Print the cost every 100 training iterations
            if (print_cost) {
                char line[64];
                std::snprintf(line, sizeof line, "Cost after iteration %i: %f", i, cost);
                std::cout << line << "\n";
            }
        }
    }

    Params params = {.w = w, .b = b};

    Grads grads = {.dw = dw, .db = db};

    return {params, grads, costs};
}

Matrix predict(Matrix w, double b, const Matrix& X) {  // w by value: the reshape below is this function's own
    if (w.size() != X.rows()) check::shapes("predict", "w", w, "X", X, "w needs one weight per row of X");

    const std::size_t m = X.cols();
    Matrix Y_prediction = np::zeros(1, m);
    w = w.reshape(X.rows(), 1);  // (n_x, 1)

    // Compute vector "A" predicting the probabilities of a cat being present in the picture
    // ### START CODE HERE ### (≈ 1 line of code)
    Matrix A = sigmoid(np::dot(w.T(), X) + b);  // (1, m)
    // ### END CODE HERE ###

    for (std::size_t i = 0; i < A.cols(); ++i) {
        // Convert probabilities A[0,i] to actual predictions p[0,i]
        // ### START CODE HERE ### (≈ 4 lines of code)
        if (A(0, i) > 0.5)
            Y_prediction(0, i) = 1;
        else
            Y_prediction(0, i) = 0;
        // ### END CODE HERE ###
    }

    return Y_prediction;
}

}  // namespace dnn::logistic
