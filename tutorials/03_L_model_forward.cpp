// tutorials/03_L_model_forward.cpp - 3. The L-layer forward pass.
#include "tutorials/tutorial.hpp"

using namespace dnn;
using namespace dnn::test_cases;
namespace ex = dnn::notebook::expected;
using namespace tutorial;

int main() {
    title("3. The L-layer forward pass: L_model_forward", "3. L층 순전파: L_model_forward");

    explain("The network is [LINEAR -> RELU] x (L-1) -> LINEAR -> SIGMOID. A starts as X (A0), and each layer's "
            "output A becomes the next layer's A_prev. L = len(parameters) / 2, since each layer has a W and a b.",
            "신경망은 [LINEAR -> RELU] x (L-1) -> LINEAR -> SIGMOID입니다. A는 X(A0)에서 시작하고, 각 층의 출력 A가 "
            "다음 층의 A_prev가 됩니다. 층마다 W와 b가 하나씩 있으므로 L = len(parameters) / 2입니다.");
    explain("Every layer's cache is appended to caches, layer 1 first: the backward pass walks this list in reverse.",
            "각 층의 캐시를 1층부터 차례로 caches에 추가합니다. 역전파는 이 목록을 역순으로 되짚어 갑니다.");
    explain("Shapes for this test case (X is 5 x 4, three layers): A0 (5, 4) -> A1 (4, 4) -> A2 (3, 4) -> AL (1, 4). "
            "AL holds one probability per example.",
            "이 테스트 케이스(X는 5 x 4, 3층)의 shape: A0 (5, 4) -> A1 (4, 4) -> A2 (3, 4) -> AL (1, 4). AL에는 예제마다 "
            "확률이 하나씩 들어 있습니다.");

    code();
    auto [X, parameters] = L_model_forward_test_case_2hidden();  // seed 6
    code();
    auto [AL, caches] = L_model_forward(X, parameters);
    check("AL", AL, ex::L_model_forward_AL);
    check("len(caches)", len(caches), ex::L_model_forward_caches);
    check_that("caches[0] holds X itself, caches[1] the output of layer 1 (relu of caches[0]'s Z)",
               "caches[0]에는 X 그 자체가, caches[1]에는 1층의 출력(caches[0]의 Z에 relu를 적용한 값)이 들어 있습니다",
               caches[0].linear_cache.A_prev.shares_storage_with(X) &&
                   np::array_equal(caches[1].linear_cache.A_prev, np::maximum(0, caches[0].activation_cache)));
    check_that("every W in the caches is the W of parameters (no copies)",
               "캐시의 W는 모두 parameters의 W 그 자체입니다(복사하지 않음)",
               caches[0].linear_cache.W.shares_storage_with(parameters["W1"]) &&
                   caches[1].linear_cache.W.shares_storage_with(parameters["W2"]) &&
                   caches[2].linear_cache.W.shares_storage_with(parameters["W3"]));
    return finish();
}
