// tutorials/06_L_model_backward.cpp - 6. The L-layer backward pass.
#include "tutorials/tutorial.hpp"

using namespace dnn;
using namespace dnn::test_cases;
namespace ex = dnn::notebook::expected;
using namespace tutorial;

int main() {
    title("6. The L-layer backward pass: L_model_backward", "6. L층 역전파: L_model_backward");

    explain("Backward runs in reverse: the gradient of layer l needs dA[l], which only exists once layer l+1's "
            "backward step has produced it. So we start at the cost and walk the caches from the last layer to the first.",
            "역전파는 역순으로 진행합니다. l층의 기울기를 구하려면 dA[l]이 필요한데, 이 값은 l+1층의 역전파가 끝나야 "
            "생깁니다. 그래서 비용에서 출발해 캐시를 마지막 층부터 첫 층까지 역순으로 되짚어 갑니다.");
    explain("It starts from dAL = dJ/dAL = -(Y / AL - (1 - Y) / (1 - AL)), the derivative of the cross-entropy cost.",
            "출발점은 교차 엔트로피 비용의 도함수 dAL = dJ/dAL = -(Y / AL - (1 - Y) / (1 - AL))입니다.");
    explain("Layer L is LINEAR -> SIGMOID, the others LINEAR -> RELU. grads gets \"dA{l-1}\", \"dW{l}\", \"db{l}\" for "
            "every layer; \"dA0\" is the gradient with respect to X (unused by training, but computed).",
            "L층은 LINEAR -> SIGMOID, 나머지 층은 LINEAR -> RELU입니다. grads에는 층마다 \"dA{l-1}\", \"dW{l}\", "
            "\"db{l}\"이 들어가고, \"dA0\"은 X에 대한 기울기입니다(학습에는 쓰이지 않지만 계산은 합니다).");

    code();
    auto [AL, Y_assess, caches] = L_model_backward_test_case();  // seed 3, two layers
    code();
    Grads grads = L_model_backward(AL, Y_assess, caches);
    check("dW1", grads["dW1"], ex::grads_dW1);
    check("db1", grads["db1"], ex::grads_db1);
    check("dA1", grads["dA1"], ex::grads_dA1);
    explain("Row 2 of dW1 and db1 is 0: unit 2 of layer 1 had Z <= 0 for both examples, so relu blocked its gradient.",
            "dW1과 db1의 둘째 행이 0인 이유: 1층 2번 유닛의 Z가 두 예제 모두에서 0 이하여서 relu가 기울기를 "
            "막았기 때문입니다.");
    code();
    Grads again = L_model_backward(AL, Y_assess, caches);
    check_that("calling L_model_backward again gives identical grads (nothing accumulates between calls)",
               "L_model_backward를 다시 불러도 grads가 똑같습니다(호출 사이에 값이 쌓이지 않음)",
               np::array_equal(again["dW1"], grads["dW1"]) && np::array_equal(again["dA0"], grads["dA0"]));
    return finish();
}
