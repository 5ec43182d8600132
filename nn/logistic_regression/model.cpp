// nn/logistic_regression/model.cpp - 5 "Merge all functions into a model": model (and its accuracy).
#include <iostream>

#include "matrix/format.hpp"
#include "matrix/np.hpp"
#include "nn/checks.hpp"
#include "nn/logistic_regression/logistic_regression.hpp"

namespace dnn::logistic {

double accuracy(const Matrix& Y_prediction, const Matrix& Y) {
    check::same_shape("accuracy", "Y_prediction", Y_prediction, "Y", Y);
    check::examples("accuracy", "Y", Y);
    return 100 - np::mean(np::abs(Y_prediction - Y)) * 100;
}

ModelResult model(const Matrix& X_train, const Matrix& Y_train, const Matrix& X_test, const Matrix& Y_test,
                  int num_iterations, double learning_rate, bool print_cost) {
    if (X_test.rows() != X_train.rows())
        check::shapes("model", "X_test", X_test, "X_train", X_train, "both need the same features (rows)");
    if (Y_test.shape() != Shape{1, X_test.cols()})
        check::shapes("model", "Y_test", Y_test, "X_test", X_test, "Y_test must be (1, X_test's columns)");
    check::examples("model", "X_test", X_test);
    check::labels("model", "Y_test", Y_test);

    // ### START CODE HERE ###
    // initialize parameters with zeros
    auto [w, b] = initialize_with_zeros(static_cast<int>(X_train.rows()));  // (n_x, 1), 0.0

    // Gradient descent
    auto [params, grads, costs] = optimize(w, b, X_train, Y_train, num_iterations, learning_rate, print_cost);

    // Retrieve parameters w and b from dictionary "params"
    w = params.w;  // params["w"]
    b = params.b;  // params["b"]

    // Predict test/train set examples
    Matrix Y_prediction_test = predict(w, b, X_test);    // (1, m_test)
    Matrix Y_prediction_train = predict(w, b, X_train);  // (1, m_train)
    // ### END CODE HERE ###

    // Print train/test Errors
    if (print_cost) {
        std::cout << "train accuracy: " << py_repr(100 - np::mean(np::abs(Y_prediction_train - Y_train)) * 100)
                  << " %\n";
        std::cout << "test accuracy: " << py_repr(100 - np::mean(np::abs(Y_prediction_test - Y_test)) * 100)
                  << " %\n";
    }

    ModelResult d = {.costs = costs,
                     .Y_prediction_test = Y_prediction_test,
                     .Y_prediction_train = Y_prediction_train,
                     .w = w,
                     .b = b,
                     .learning_rate = learning_rate,
                     .num_iterations = num_iterations};

    return d;
}

}  // namespace dnn::logistic
