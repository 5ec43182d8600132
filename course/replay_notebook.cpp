// course/replay_notebook.cpp - `make demo`: replays "Building your Deep Neural Network: Step by Step" (v8a).
//
// Every graded function runs on the notebook's own test case (rebuilt from its seeds with the numpy-identical
// generator) and its result is printed beside the notebook's "Expected output", with a same / different verdict.
#include <iostream>

#include "course/expected_outputs.hpp"
#include "course/notebook_check.hpp"
#include "course/test_cases.hpp"
#include "nn/nn.hpp"

using namespace dnn;
using namespace dnn::test_cases;
namespace ex = dnn::notebook::expected;

namespace {

int checked = 0, same = 0;

void show(const std::string& name, const Matrix& actual, const char* expected) {
    ++checked;
    same += notebook::show(std::cout, name, actual, expected);
}

void show(const std::string& name, double actual, const char* expected) {
    ++checked;
    same += notebook::show(std::cout, name, actual, expected);
}

void section(const char* title) { std::cout << "==== " << title << " ====\n\n"; }

}  // namespace

int main() {
    std::cout << "dnn-step-by-step: the Step by Step notebook (v8a), replayed in C++\n"
                 "딥러닝 단계별 구현 노트북(v8a)을 C++로 다시 실행합니다\n\n";

    section("initialize_parameters(3, 2, 1)");
    {
        Parameters parameters = initialize_parameters(3, 2, 1);
        show("W1", parameters["W1"], ex::init_W1);
        show("b1", parameters["b1"], ex::init_b1);
        show("W2", parameters["W2"], ex::init_W2);
        show("b2", parameters["b2"], ex::init_b2);
    }

    section("initialize_parameters_deep([5, 4, 3])");
    {
        Parameters parameters = initialize_parameters_deep({5, 4, 3});
        show("W1", parameters["W1"], ex::deep_W1);
        show("b1", parameters["b1"], ex::deep_b1);
        show("W2", parameters["W2"], ex::deep_W2);
        show("b2", parameters["b2"], ex::deep_b2);
    }

    section("linear_forward");
    {
        auto [A, W, b] = linear_forward_test_case();
        auto [Z, linear_cache] = linear_forward(A, W, b);
        show("Z", Z, ex::linear_forward_Z);
    }

    section("linear_activation_forward");
    {
        auto [A_prev, W, b] = linear_activation_forward_test_case();
        auto [A_sigmoid, cache_sigmoid] = linear_activation_forward(A_prev, W, b, "sigmoid");
        show("With sigmoid: A", A_sigmoid, ex::sigmoid_A);
        auto [A_relu, cache_relu] = linear_activation_forward(A_prev, W, b, "relu");
        show("With ReLU: A", A_relu, ex::relu_A);
    }

    section("L_model_forward");
    {
        auto [X, parameters] = L_model_forward_test_case_2hidden();
        auto [AL, caches] = L_model_forward(X, parameters);
        show("AL", AL, ex::L_model_forward_AL);
        show("Length of caches list", static_cast<double>(caches.size()), ex::L_model_forward_caches);
    }

    section("compute_cost");
    {
        auto [Y, AL] = compute_cost_test_case();
        show("cost", compute_cost(AL, Y), ex::cost);
    }

    section("linear_backward");
    {
        auto [dZ, linear_cache] = linear_backward_test_case();
        auto [dA_prev, dW, db] = linear_backward(dZ, linear_cache);
        show("dA_prev", dA_prev, ex::linear_backward_dA_prev);
        show("dW", dW, ex::linear_backward_dW);
        show("db", db, ex::linear_backward_db);
    }

    section("linear_activation_backward");
    {
        auto [dAL, linear_activation_cache] = linear_activation_backward_test_case();
        auto [dA_prev_s, dW_s, db_s] = linear_activation_backward(dAL, linear_activation_cache, "sigmoid");
        show("sigmoid: dA_prev", dA_prev_s, ex::sigmoid_dA_prev);
        show("sigmoid: dW", dW_s, ex::sigmoid_dW);
        show("sigmoid: db", db_s, ex::sigmoid_db);
        auto [dA_prev_r, dW_r, db_r] = linear_activation_backward(dAL, linear_activation_cache, "relu");
        show("relu: dA_prev", dA_prev_r, ex::relu_dA_prev);
        show("relu: dW", dW_r, ex::relu_dW);
        show("relu: db", db_r, ex::relu_db);
    }

    section("L_model_backward");
    {
        auto [AL, Y_assess, caches] = L_model_backward_test_case();
        Grads grads = L_model_backward(AL, Y_assess, caches);
        show("dW1", grads["dW1"], ex::grads_dW1);
        show("db1", grads["db1"], ex::grads_db1);
        show("dA1", grads["dA1"], ex::grads_dA1);
    }

    section("update_parameters");
    {
        auto [parameters, grads] = update_parameters_test_case();
        parameters = update_parameters(parameters, grads, 0.1);
        show("W1", parameters["W1"], ex::update_W1);
        show("b1", parameters["b1"], ex::update_b1);
        show("W2", parameters["W2"], ex::update_W2);
        show("b2", parameters["b2"], ex::update_b2);
    }

    std::cout << same << " of " << checked << " results are the same as the notebook's expected output"
              << " (노트북의 기대 출력과 같은 결과 " << same << "/" << checked << ")\n";
    return same == checked ? 0 : 1;
}
