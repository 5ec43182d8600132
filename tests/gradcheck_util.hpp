// tests/gradcheck_util.hpp - finite-difference gradient checks shared by tests/test_gradcheck.cpp and
// tests/test_properties.cpp: a random network, its cost, and the relative error of L_model_backward's grads.
#pragma once

#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "dnn.hpp"

namespace gradcheck {

struct Net {
    dnn::Parameters parameters;
    dnn::Matrix X, Y;
};

// A random network with the given layer sizes and m examples; labels are 0/1.
inline Net random_net(const std::vector<int>& dims, int m, long long seed) {
    using namespace dnn;
    np::random::seed(seed);
    Net net;
    for (std::size_t l = 1; l < dims.size(); ++l) {
        net.parameters["W" + str(l)] = np::random::randn(dims[l], dims[l - 1]) * (1.0 / std::sqrt(dims[l - 1]));
        net.parameters["b" + str(l)] = np::random::randn(dims[l], 1) * 0.1;
    }
    net.X = np::random::randn(dims[0], m);
    net.Y = np::random::rand(1, m) > 0.5;
    return net;
}

inline double cost_of(const Net& net, const dnn::Parameters& parameters) {
    auto [AL, caches] = dnn::L_model_forward(net.X, parameters);
    return dnn::compute_cost(AL, net.Y);
}

// Relative error |numeric - analytic| / (|numeric| + |analytic|) over every parameter, the numeric gradient by
// central differences of compute_cost.
inline double gradient_check(const Net& net, const dnn::Grads& grads) {
    const double eps = 1e-6;
    double diff2 = 0, num2 = 0, ana2 = 0;
    for (const auto& [key, value] : net.parameters) {
        const dnn::Matrix& g = grads["d" + key];
        REQUIRE(g.shape() == value.shape());
        for (std::size_t i = 0; i < value.rows(); ++i)
            for (std::size_t j = 0; j < value.cols(); ++j) {
                dnn::Parameters plus = net.parameters, minus = net.parameters;
                plus[key](i, j) += eps;
                minus[key](i, j) -= eps;
                const double numeric = (cost_of(net, plus) - cost_of(net, minus)) / (2 * eps);
                const double analytic = g(i, j);
                diff2 += (numeric - analytic) * (numeric - analytic);
                num2 += numeric * numeric;
                ana2 += analytic * analytic;
            }
    }
    REQUIRE(ana2 > 0);  // a check of all-zero gradients would pass silently
    return std::sqrt(diff2) / (std::sqrt(num2) + std::sqrt(ana2));
}

}  // namespace gradcheck
