// tutorials/00_w3a1_2_building_blocks.cpp - week 3, "Planar data classification with one hidden layer" 4.1 - 4.3:
// layer_sizes, initialize_parameters (and its seeding), forward_propagation, compute_cost, backward_propagation
// and update_parameters on the notebook's test cases.
#include "course/expected_planar_classification.hpp"
#include "course/test_cases_planar_classification.hpp"
#include "tutorials/tutorial_weeks.hpp"

using namespace dnn;
using namespace tutorial;
using namespace tutorial::weeks;
namespace ex = dnn::notebook::expected::planar_classification;
namespace tc = dnn::test_cases::planar_classification;

int main() {
    title("Week 3, Planar data classification: 4.1 - 4.3, one hidden layer step by step",
          "3주차 평면 데이터 분류: 4.1 - 4.3, 은닉층 하나를 단계별로");
    explain("The network: X -> LINEAR -> TANH (n_h units) -> LINEAR -> SIGMOID -> y_hat. parameters, cache and "
            "grads are dicts of arrays, as in week 4 (ArrayDict); the functions live in dnn::planar "
            "(nn/planar_classification/).",
            "신경망: X -> LINEAR -> TANH(n_h개 유닛) -> LINEAR -> SIGMOID -> y_hat. parameters, cache, grads는 "
            "4주차처럼 배열의 딕셔너리(ArrayDict)이고, 함수는 dnn::planar(nn/planar_classification/)에 있습니다.");

    section("4.1 layer_sizes", "4.1 layer_sizes");
    show_code("auto [n_x, n_h, n_y] = planar::layer_sizes(X_assess, Y_assess);   // X (5, 3), Y (2, 3)");
    {
        auto [X_assess, Y_assess] = tc::layer_sizes_test_case();
        auto [n_x, n_h, n_y] = planar::layer_sizes(X_assess, Y_assess);
        check_text("line 1", "The size of the input layer is: n_x = " + std::to_string(n_x), ex::layer_sizes_lines[0]);
        check_text("line 2", "The size of the hidden layer is: n_h = " + std::to_string(n_h), ex::layer_sizes_lines[1]);
        check_text("line 3", "The size of the output layer is: n_y = " + std::to_string(n_y), ex::layer_sizes_lines[2]);
    }

    section("4.2 initialize_parameters, and where the seed is set", "4.2 initialize_parameters, 그리고 시드의 위치");
    explain("W1, W2 random and small (randn * 0.01), b1, b2 zero: random to break the symmetry between hidden "
            "units, small so that tanh starts in its steep middle. Up to v6c the function itself seeded numpy's "
            "generator with 2; the 2021 version does not (the cell seeds 2 before calling it), so inside nn_model, "
            "which seeds 3, the two versions start from different weights and print different tables.",
            "W1, W2는 작은 난수(randn * 0.01), b1, b2는 0: 난수는 은닉 유닛 사이의 대칭을 깨고, 작은 값은 tanh가 "
            "가파른 가운데에서 시작하게 합니다. v6c까지는 함수 자신이 시드 2를 정했고, 2021년 판은 정하지 않습니다"
            "(셀이 부르기 전에 시드 2를 정함). 그래서 시드 3을 정하는 nn_model 안에서 두 판은 다른 가중치로 시작해 "
            "다른 표를 출력합니다.");
    show_code("np::random::seed(2);  Parameters parameters = planar::initialize_parameters(2, 4, 1);");
    {
        np::random::seed(2);
        const Parameters parameters = planar::initialize_parameters(2, 4, 1);
        check_modern("W1", parameters["W1"], ex::init_W1);
        check_modern("b1", parameters["b1"], ex::init_b1);
        check_modern("W2", parameters["W2"], ex::init_W2);
        check_modern("b2", parameters["b2"], ex::init_b2);
        np::random::seed(3);
        const Parameters v6c = planar::initialize_parameters(2, 4, 1, planar::Seeding::v6c);
        verify("Seeding::v6c seeds 2 inside: the same W1 whatever the generator's state",
               "Seeding::v6c는 안에서 시드 2를 정합니다: 생성기 상태와 상관없이 같은 W1",
               np::array_equal(v6c["W1"], parameters["W1"]));
    }

    section("4.3 forward_propagation", "4.3 forward_propagation: 순전파");
    explain("Z1 = W1·X + b1, A1 = tanh(Z1), Z2 = W2·A1 + b2, A2 = sigmoid(Z2). The cache keeps Z1, A1, Z2, A2 for "
            "the backward pass.",
            "Z1 = W1·X + b1, A1 = tanh(Z1), Z2 = W2·A1 + b2, A2 = sigmoid(Z2). cache는 역전파를 위해 Z1, A1, Z2, "
            "A2를 담습니다.");
    show_code("auto [A2, cache] = planar::forward_propagation(X_assess, parameters);");
    {
        auto [X_assess, parameters] = tc::forward_propagation_test_case();
        auto [A2, cache] = planar::forward_propagation(X_assess, parameters);
        check_modern("A2", A2, ex::forward_A2);
        std::string means;
        for (const char* key : {"Z1", "A1", "Z2", "A2"})
            means += (means.empty() ? "" : " ") + legacy_float_str(np::mean(cache[key]));
        check_text("v6c's means of Z1, A1, Z2, A2", means, ex::v6c::forward_means);
    }

    section("4.3 compute_cost", "4.3 compute_cost: 비용");
    explain("The cross-entropy cost, -1/m sum(Y log A2 + (1 - Y) log(1 - A2)), summed with np::sum in numpy's "
            "pairwise order: the notebook's value to the last digit.",
            "교차 엔트로피 비용 -1/m sum(Y log A2 + (1 - Y) log(1 - A2))를 numpy와 같은 쌍별 순서의 np::sum으로 "
            "더합니다: 노트북의 값과 마지막 자리까지 같습니다.");
    show_code("double cost = planar::compute_cost(A2, Y_assess);");
    {
        auto [A2, Y_assess, unused] = tc::compute_cost_test_case();
        check("cost", planar::compute_cost(A2, Y_assess), ex::cost);
    }

    section("4.3 backward_propagation", "4.3 backward_propagation: 역전파");
    explain("dZ2 = A2 - Y; dW2 = 1/m dZ2·A1.T; db2 = 1/m sum(dZ2); dZ1 = W2.T·dZ2 * (1 - A1^2), since "
            "tanh'(z) = 1 - tanh(z)^2 and A1 = tanh(Z1); dW1 = 1/m dZ1·X.T; db1 = 1/m sum(dZ1).",
            "dZ2 = A2 - Y; dW2 = 1/m dZ2·A1.T; db2 = 1/m sum(dZ2); dZ1 = W2.T·dZ2 * (1 - A1^2) (tanh'(z) = "
            "1 - tanh(z)^2이고 A1 = tanh(Z1)이므로); dW1 = 1/m dZ1·X.T; db1 = 1/m sum(dZ1).");
    show_code("Grads grads = planar::backward_propagation(parameters, cache, X_assess, Y_assess);");
    {
        auto [parameters, cache, X_assess, Y_assess] = tc::backward_propagation_test_case();
        const Grads grads = planar::backward_propagation(parameters, cache, X_assess, Y_assess);
        check_modern("dW1", grads["dW1"], ex::backward_dW1);
        check_modern("db1", grads["db1"], ex::backward_db1);
        check_modern("dW2", grads["dW2"], ex::backward_dW2);
        check_modern("db2", grads["db2"], ex::backward_db2);
    }

    section("4.3 update_parameters", "4.3 update_parameters: 갱신");
    explain("theta = theta - learning_rate * dtheta, with the notebook's default learning rate 1.2 (large: this "
            "small network on this data tolerates it, and it oscillates late in the flower run).",
            "theta = theta - learning_rate * dtheta, 노트북의 기본 학습률은 1.2입니다(큰 값: 이 작은 신경망과 데이터는 "
            "견디지만, 꽃 데이터 학습 후반에 진동합니다).");
    show_code("parameters = planar::update_parameters(parameters, grads);");
    {
        auto [parameters, grads] = tc::update_parameters_test_case();
        parameters = planar::update_parameters(parameters, grads);
        check_modern("W1", parameters["W1"], ex::update_W1);
        check_modern("b1", parameters["b1"], ex::update_b1);
        check_modern("W2", parameters["W2"], ex::update_W2);
        check_modern("b2", parameters["b2"], ex::update_b2);
    }
    return finish();
}
