// nn/planar_classification/predict.cpp - 5 "Test the Model": predict (and the notebook's accuracy).
#include "matrix/np.hpp"
#include "nn/checks.hpp"
#include "nn/planar_classification/planar_classification.hpp"

namespace dnn::planar {

Matrix predict(const Parameters& parameters, const Matrix& X) {
    // Computes probabilities using forward propagation, and classifies to 0/1 using 0.5 as the threshold.
    // ### START CODE HERE ### (≈ 2 lines of code)
    auto [A2, cache] = forward_propagation(X, parameters);  // (1, m)
    Matrix predictions = A2 > 0.5;                          // (1, m): 1.0 for True, 0.0 for False
    // ### END CODE HERE ###

    return predictions;
}

double accuracy(const Matrix& Y, const Matrix& predictions) {
    check::same_shape("accuracy", "Y", Y, "predictions", predictions);
    if (Y.rows() != 1) check::shapes("accuracy", "Y", Y, "predictions", predictions, "Y must be one row (1, m)");
    check::examples("accuracy", "Y", Y);
    // float((np.dot(Y, predictions.T) + np.dot(1 - Y, 1 - predictions.T)) / float(Y.size) * 100)
    return np::squeeze((np::dot(Y, predictions.T()) + np::dot(1 - Y, 1 - predictions.T())) / double(Y.size()) * 100);
}

}  // namespace dnn::planar
