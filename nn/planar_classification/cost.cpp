// nn/planar_classification/cost.cpp - 4.3 "The Loop", compute_cost.
#include "matrix/np.hpp"
#include "nn/checks.hpp"
#include "nn/planar_classification/planar_classification.hpp"

namespace dnn::planar {

double compute_cost(const Matrix& A2, const Matrix& Y) {
    if (Y.rows() != 1) check::shapes("compute_cost", "Y", Y, "A2", A2, "Y must be one row of labels (1, m)");
    check::same_shape("compute_cost", "A2", A2, "Y", Y);
    check::examples("compute_cost", "Y", Y);

    const std::size_t m = Y.cols();  // number of examples

    // Compute the cross-entropy cost
    // ### START CODE HERE ### (≈ 2 lines of code)
    Matrix logprobs = np::multiply(np::log(A2), Y) + np::multiply(np::log(1 - A2), 1 - Y);  // (1, m)
    double cost = -np::sum(logprobs) / m;
    // ### END CODE HERE ###

    // cost = float(np.squeeze(cost)): np::sum already returns the scalar.

    return cost;
}

double compute_cost(const Matrix& A2, const Matrix& Y, const Parameters& /*parameters: unused, as in v6c*/) {
    return compute_cost(A2, Y);
}

}  // namespace dnn::planar
