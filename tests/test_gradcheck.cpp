// tests/test_gradcheck.cpp - L_model_backward against central finite differences of compute_cost (helpers in
// tests/gradcheck_util.hpp; tests/test_properties.cpp checks more activations, layer counts and batches).
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "dnn.hpp"
#include "tests/gradcheck_util.hpp"

using namespace dnn;
using namespace gradcheck;

TEST_CASE("gradcheck: L_model_backward matches finite differences on random deep networks") {
    const std::vector<std::vector<int>> shapes = {
        {3, 1}, {4, 3, 1}, {5, 4, 3, 1}, {6, 5, 4, 3, 1}, {2, 7, 1}, {8, 3, 5, 2, 4, 1}, {3, 5, 5, 5, 5, 5, 1}};
    const std::vector<int> batch = {1, 2, 5, 9, 4, 7, 8};
    for (std::size_t s = 0; s < shapes.size(); ++s) {
        Net net = random_net(shapes[s], batch[s], 100 + static_cast<long long>(s));
        INFO("layer_dims of case " << s << ", m = " << batch[s]);
        auto [AL, caches] = L_model_forward(net.X, net.parameters);
        Grads grads = L_model_backward(AL, net.Y, caches);

        // Every dW must be non-zero somewhere, or the check proves nothing for that layer.
        for (std::size_t l = 1; l < shapes[s].size(); ++l) CHECK(np::sum(np::abs(grads["dW" + str(l)])) > 0);
        const double rel = gradient_check(net, grads);
        CHECK(rel < 1e-7);
        MESSAGE("case " << s << ": relative error " << rel);

        // Backward twice gives identical grads: nothing accumulates between calls.
        Grads again = L_model_backward(AL, net.Y, caches);
        CHECK(again.size() == grads.size());
        for (const auto& entry : grads) CHECK_MESSAGE(np::array_equal(again[entry.first], entry.second), entry.first);
    }
}

TEST_CASE("gradcheck: sigmoid_backward and relu_backward against finite differences of the activation") {
    np::random::seed(7);
    Matrix Z = np::random::randn(3, 4);
    Matrix dA = np::random::randn(3, 4);
    const double eps = 1e-6;
    Matrix dZ_s = sigmoid_backward(dA, Z), dZ_r = relu_backward(dA, Z);
    for (std::size_t i = 0; i < 3; ++i)
        for (std::size_t j = 0; j < 4; ++j) {
            Matrix zp = Z, zm = Z;
            zp(i, j) += eps;
            zm(i, j) -= eps;
            const double ds = (sigmoid(zp).A(i, j) - sigmoid(zm).A(i, j)) / (2 * eps) * dA(i, j);
            const double dr = (relu(zp).A(i, j) - relu(zm).A(i, j)) / (2 * eps) * dA(i, j);
            CHECK(dZ_s(i, j) == doctest::Approx(ds).epsilon(1e-7));
            CHECK(dZ_r(i, j) == doctest::Approx(dr).epsilon(1e-7));
        }
    CHECK(np::sum(np::abs(dZ_s)) > 0);
}
