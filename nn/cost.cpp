// nn/cost.cpp - compute_cost, as in the notebook.
#include "matrix/np.hpp"
#include "nn/checks.hpp"
#include "nn/step_by_step.hpp"

namespace dnn {

double compute_cost(const Matrix& AL, const Matrix& Y) {
    check::same_shape("compute_cost", "AL", AL, "Y", Y);
    if (Y.cols() == 0) throw std::invalid_argument("compute_cost: there are no examples (Y has shape " +
                                                   to_string(Y.shape()) + ")");

    const std::size_t m = Y.cols();

    // Compute loss from aL and y.
    // ### START CODE HERE ### (≈ 1 lines of code)
    double cost = -1.0 / m * np::sum(np::multiply(Y, np::log(AL)) + np::multiply(1 - Y, np::log(1 - AL)));
    // ### END CODE HERE ###

    // np.squeeze turns [[17]] into 17; np::sum already returns the scalar.
    return cost;
}

}  // namespace dnn
