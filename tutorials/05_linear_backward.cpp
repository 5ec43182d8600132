// tutorials/05_linear_backward.cpp - 5. Backward: linear_backward and linear_activation_backward.
#include "tutorials/tutorial.hpp"

using namespace dnn;
using namespace dnn::test_cases;
namespace ex = dnn::notebook::expected;
using namespace tutorial;

int main() {
    title("5. Linear backward and linear-activation backward", "5. 선형 역전파와 선형-활성화 역전파");

    explain("Given dZ = dJ/dZ for layer l, the chain rule through Z = W·A_prev + b gives "
            "dW = 1/m dZ·A_prev.T, db = 1/m sum of dZ over the examples (axis 1), and dA_prev = W.T·dZ.",
            "l층의 dZ = dJ/dZ가 주어지면, Z = W·A_prev + b에 연쇄 법칙을 적용해 dW = 1/m dZ·A_prev.T, "
            "db = 1/m (dZ를 예제 방향(axis 1)으로 더한 합), dA_prev = W.T·dZ를 얻습니다.");
    explain("This is why the forward pass cached A_prev and W. Each gradient has the shape of what it is the gradient "
            "of: dW like W, db like b, dA_prev like A_prev.",
            "순전파에서 A_prev와 W를 캐시에 넣어 둔 이유가 이것입니다. 각 기울기는 미분하는 대상과 shape이 같습니다: "
            "dW는 W, db는 b, dA_prev는 A_prev와 같습니다.");
    explain("A_prev.T() and W.T() are views: np::dot reads them transposed without copying.",
            "A_prev.T()와 W.T()는 뷰입니다. np::dot은 복사하지 않고 전치된 채로 읽습니다.");
    explain("db = 1/m * np::sum(dZ, 1, true): axis 1 adds along each row (over the m examples) and keepdims = true "
            "keeps the result a column (n[l], 1), like b. Unlike numpy, np::sum's keepdims defaults to true here; "
            "write it anyway, as the notebook does.",
            "db = 1/m * np::sum(dZ, 1, true): axis 1은 각 행을 따라(m개의 예제에 걸쳐) 더하고, keepdims = true는 "
            "결과를 b처럼 (n[l], 1) 열로 유지합니다. numpy와 달리 여기서는 np::sum의 keepdims 기본값이 true지만, "
            "노트북처럼 직접 써 주세요.");

    section("linear_backward", "linear_backward");
    code();
    auto [dZ, linear_cache] = linear_backward_test_case();  // seed 1: dZ (3, 4), A (5, 4), W (3, 5), b (3, 1)
    code();
    auto [dA_prev, dW, db] = linear_backward(dZ, linear_cache);
    check("dA_prev", dA_prev, ex::linear_backward_dA_prev);
    check("dW", dW, ex::linear_backward_dW);
    check("db", db, ex::linear_backward_db);

    section("linear_activation_backward", "linear_activation_backward");
    explain("First undo the activation: dZ = dA * g'(Z), using the Z kept in the activation cache. "
            "sigmoid_backward: g'(Z) = s (1 - s) with s = sigmoid(Z). relu_backward: g'(Z) = 1 where Z > 0, else 0. "
            "Then linear_backward(dZ).",
            "먼저 활성화를 되돌립니다. 활성화 캐시에 넣어 둔 Z로 dZ = dA * g'(Z)를 구합니다. sigmoid_backward는 "
            "s = sigmoid(Z)일 때 g'(Z) = s (1 - s)이고, relu_backward는 Z > 0이면 1, 아니면 0입니다. 그다음 "
            "linear_backward(dZ)를 부릅니다.");
    code();
    auto [dAL, linear_activation_cache] = linear_activation_backward_test_case();  // seed 2: dA (1, 2), cache ((A, W, b), Z)
    code();
    auto [dA_prev_s, dW_s, db_s] = linear_activation_backward(dAL, linear_activation_cache, "sigmoid");
    check("sigmoid: dA_prev", dA_prev_s, ex::sigmoid_dA_prev);
    check("sigmoid: dW", dW_s, ex::sigmoid_dW);
    check("sigmoid: db", db_s, ex::sigmoid_db);
    code();
    auto [dA_prev_r, dW_r, db_r] = linear_activation_backward(dAL, linear_activation_cache, "relu");
    check("relu: dA_prev", dA_prev_r, ex::relu_dA_prev);
    check("relu: dW", dW_r, ex::relu_dW);
    check("relu: db", db_r, ex::relu_db);
    explain("The second column of the relu dA_prev is 0: that example's Z is negative (-1.1179...), so relu passed no "
            "gradient back.",
            "relu의 dA_prev에서 둘째 열이 0인 이유: 그 예제의 Z가 음수(-1.1179...)라서 relu가 기울기를 뒤로 "
            "전달하지 않았기 때문입니다.");
    return finish();
}
