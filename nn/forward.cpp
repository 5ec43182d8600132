// nn/forward.cpp - linear_forward, linear_activation_forward and L_model_forward, as in the notebook.
#include "matrix/np.hpp"
#include "nn/activations.hpp"
#include "nn/checks.hpp"
#include "nn/py.hpp"
#include "nn/step_by_step.hpp"

namespace dnn {

LinearForwardResult linear_forward(const Matrix& A, const Matrix& W, const Matrix& b) {
    if (W.cols() != A.rows()) check::shapes("linear_forward", "W", W, "A", A, "W needs as many columns as A has rows");
    if (b.shape() != Shape{W.rows(), 1}) check::shapes("linear_forward", "b", b, "W", W, "b must be (W's rows, 1)");

    // ### START CODE HERE ### (≈ 1 line of code)
    Matrix Z = np::dot(W, A) + b;  // (n[l], m)
    // ### END CODE HERE ###

    LinearCache cache{A, W, b};  // shares A, W and b: nothing is copied
    return {Z, cache};
}

LinearActivationForwardResult linear_activation_forward(const Matrix& A_prev, const Matrix& W, const Matrix& b,
                                                        const std::string& activation) {
    check::activation("linear_activation_forward", activation);

    if (activation == "sigmoid") {
        // Inputs: "A_prev, W, b". Outputs: "A, activation_cache".
        // ### START CODE HERE ### (≈ 2 lines of code)
        auto [Z, linear_cache] = linear_forward(A_prev, W, b);
        auto [A, activation_cache] = sigmoid(Z);
        // ### END CODE HERE ###
        LayerCache cache{linear_cache, activation_cache};
        return {A, cache};
    } else {  // activation == "relu"
        // Inputs: "A_prev, W, b". Outputs: "A, activation_cache".
        // ### START CODE HERE ### (≈ 2 lines of code)
        auto [Z, linear_cache] = linear_forward(A_prev, W, b);
        auto [A, activation_cache] = relu(Z);
        // ### END CODE HERE ###
        LayerCache cache{linear_cache, activation_cache};
        return {A, cache};
    }
}

LModelForwardResult L_model_forward(const Matrix& X, const Parameters& parameters) {
    // numpy would return an empty AL here, and the cost of it is 0/0: a zero-example batch is a mistake.
    if (X.cols() == 0)
        throw std::invalid_argument("L_model_forward: there are no examples (X has shape " + to_string(X.shape()) + ")");
    if (parameters.empty() || parameters.size() % 2 != 0)
        throw std::invalid_argument("L_model_forward: parameters must hold pairs W1, b1, ..., WL, bL; it has " +
                                    std::to_string(parameters.size()) + " entries");
    for (int l = 1; l <= len(parameters) / 2; ++l) {
        check::has_key("L_model_forward", "parameters", parameters, "W" + str(l));
        check::has_key("L_model_forward", "parameters", parameters, "b" + str(l));
    }

    Caches caches;
    Matrix A = X;
    const int L = len(parameters) / 2;  // number of layers in the neural network

    // Implement [LINEAR -> RELU]*(L-1). Add "cache" to the "caches" list.
    for (int l = 1; l < L; ++l) {
        Matrix A_prev = A;
        // ### START CODE HERE ### (≈ 2 lines of code)
        auto [A_l, cache] = linear_activation_forward(A_prev, parameters["W" + str(l)], parameters["b" + str(l)], "relu");
        A = A_l;
        caches.push_back(cache);
        // ### END CODE HERE ###
    }

    // Implement LINEAR -> SIGMOID. Add "cache" to the "caches" list.
    // ### START CODE HERE ### (≈ 2 lines of code)
    auto [AL, cache] = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid");
    caches.push_back(cache);
    // ### END CODE HERE ###

    if (AL.shape() != Shape{1, X.cols()})
        check::shapes("L_model_forward", "AL", AL, "X", X, "the last layer must have one unit (AL is (1, m))");
    return {AL, caches};
}

}  // namespace dnn
