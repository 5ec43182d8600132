// nn/backward.cpp - linear_backward, linear_activation_backward and L_model_backward, as in the notebook.
#include "matrix/np.hpp"
#include "nn/activations.hpp"
#include "nn/checks.hpp"
#include "nn/py.hpp"
#include "nn/step_by_step.hpp"

namespace dnn {

LinearBackwardResult linear_backward(const Matrix& dZ, const LinearCache& cache) {
    const auto& [A_prev, W, b] = cache;
    if (W.cols() != A_prev.rows())
        check::shapes("linear_backward", "W", W, "A_prev", A_prev, "W needs as many columns as A_prev has rows");
    if (dZ.shape() != Shape{W.rows(), A_prev.cols()})
        check::shapes("linear_backward", "dZ", dZ, "W", W, "dZ must be (W's rows, A_prev's columns)");
    if (b.shape() != Shape{W.rows(), 1}) check::shapes("linear_backward", "b", b, "W", W, "b must be (W's rows, 1)");

    const std::size_t m = A_prev.cols();

    // ### START CODE HERE ### (≈ 3 lines of code)
    Matrix dW = 1.0 / m * np::dot(dZ, A_prev.T());         // (n[l], n[l-1])
    Matrix db = 1.0 / m * np::sum(dZ, 1, /*keepdims=*/true);  // (n[l], 1)
    Matrix dA_prev = np::dot(W.T(), dZ);                   // (n[l-1], m)
    // ### END CODE HERE ###

    return {dA_prev, dW, db};
}

LinearBackwardResult linear_activation_backward(const Matrix& dA, const LayerCache& cache,
                                                const std::string& activation) {
    check::activation("linear_activation_backward", activation);
    const auto& [linear_cache, activation_cache] = cache;
    check::same_shape("linear_activation_backward", "dA", dA, "the cached Z", activation_cache);

    if (activation == "relu") {
        // ### START CODE HERE ### (≈ 2 lines of code)
        Matrix dZ = relu_backward(dA, activation_cache);
        auto [dA_prev, dW, db] = linear_backward(dZ, linear_cache);
        // ### END CODE HERE ###
        return {dA_prev, dW, db};
    } else {  // activation == "sigmoid"
        // ### START CODE HERE ### (≈ 2 lines of code)
        Matrix dZ = sigmoid_backward(dA, activation_cache);
        auto [dA_prev, dW, db] = linear_backward(dZ, linear_cache);
        // ### END CODE HERE ###
        return {dA_prev, dW, db};
    }
}

Grads L_model_backward(const Matrix& AL, const Matrix& Y_in, const Caches& caches) {
    if (caches.empty()) throw std::invalid_argument("L_model_backward: caches is empty (there must be one per layer)");
    // With m = 0, linear_backward's 1/m would turn the empty sums into NaN gradients.
    if (AL.cols() == 0)
        throw std::invalid_argument("L_model_backward: there are no examples (AL has shape " + to_string(AL.shape()) + ")");
    if (Y_in.size() != AL.size()) check::shapes("L_model_backward", "Y", Y_in, "AL", AL, "Y needs one label per column of AL");

    Grads grads;
    const int L = len(caches);  // the number of layers
    // m = AL.shape[1] is not needed below: linear_backward takes m from its cache.
    Matrix Y = Y_in.reshape(AL.shape());  // after this line, Y is the same shape as AL

    // Initializing the backpropagation
    // ### START CODE HERE ### (1 line of code)
    Matrix dAL = -(np::divide(Y, AL) - np::divide(1 - Y, 1 - AL));
    // ### END CODE HERE ###

    // Lth layer (SIGMOID -> LINEAR) gradients. Inputs: "dAL, current_cache".
    // Outputs: "grads["dAL-1"], grads["dWL"], grads["dbL"]
    // ### START CODE HERE ### (approx. 2 lines)
    const LayerCache& current_cache = caches[L - 1];
    auto [dA_prev_temp, dW_temp, db_temp] = linear_activation_backward(dAL, current_cache, "sigmoid");
    grads["dA" + str(L - 1)] = dA_prev_temp;
    grads["dW" + str(L)] = dW_temp;
    grads["db" + str(L)] = db_temp;
    // ### END CODE HERE ###

    // Loop from l=L-2 to l=0
    for (int l = L - 2; l >= 0; --l) {
        // lth layer: (RELU -> LINEAR) gradients.
        // Inputs: "grads["dA" + str(l + 1)], current_cache". Outputs: "grads["dA" + str(l)] , grads["dW" + str(l + 1)] , grads["db" + str(l + 1)]
        // ### START CODE HERE ### (approx. 5 lines)
        const LayerCache& current_cache = caches[l];
        auto [dA_prev_temp, dW_temp, db_temp] = linear_activation_backward(grads["dA" + str(l + 1)], current_cache, "relu");
        grads["dA" + str(l)] = dA_prev_temp;
        grads["dW" + str(l + 1)] = dW_temp;
        grads["db" + str(l + 1)] = db_temp;
        // ### END CODE HERE ###
    }

    return grads;
}

}  // namespace dnn
