// tutorials/02_linear_forward.cpp - 2. Forward: linear_forward and linear_activation_forward.
#include "tutorials/tutorial.hpp"

using namespace dnn;
using namespace dnn::test_cases;
namespace ex = dnn::notebook::expected;
using namespace tutorial;

int main() {
    title("2. Linear forward and linear-activation forward", "2. 선형 순전파와 선형-활성화 순전파");

    explain("linear_forward computes Z = W·A + b. A holds one example per column, (n[l-1], m); W·A is (n[l], m); "
            "b is (n[l], 1) and numpy broadcasting adds it to every column.",
            "linear_forward는 Z = W·A + b를 계산합니다. A는 (n[l-1], m) 행렬로, 열 하나가 예제 하나입니다. W·A는 "
            "(n[l], m)이고, b는 (n[l], 1)이라 numpy 브로드캐스팅으로 모든 열에 더해집니다.");
    explain("It also returns a cache (A, W, b): backward needs A to compute dW and W to compute dA_prev. The cache "
            "holds the very same arrays (shared storage), not copies.",
            "캐시 (A, W, b)도 함께 돌려줍니다. 역전파에서 dW를 구할 때 A가, dA_prev를 구할 때 W가 필요하기 "
            "때문입니다. 캐시에는 복사본이 아니라 같은 배열이 들어갑니다(저장 공간 공유).");

    section("linear_forward", "linear_forward");
    code();
    auto [A, W, b] = linear_forward_test_case();  // seed 1: A (3, 2), W (1, 3), b (1, 1)
    code();
    auto [Z, linear_cache] = linear_forward(A, W, b);  // inside: Matrix Z = np::dot(W, A) + b;
    check("Z", Z, ex::linear_forward_Z);
    check_that("linear_cache.A_prev is A itself (no copy was made)",
               "linear_cache.A_prev는 A 그 자체입니다(복사하지 않음)", linear_cache.A_prev.shares_storage_with(A));

    section("linear_activation_forward", "linear_activation_forward");
    explain("Then A = g(Z). sigmoid(z) = 1 / (1 + e^-z) squashes z into (0, 1), a probability, for the output layer. "
            "relu(z) = max(0, z) for hidden layers: cheap, and its gradient does not vanish for z > 0.",
            "그다음 A = g(Z)입니다. sigmoid(z) = 1 / (1 + e^-z)는 z를 (0, 1) 사이의 확률로 바꾸므로 출력층에 "
            "씁니다. relu(z) = max(0, z)는 은닉층에 씁니다. 계산이 가볍고, z > 0에서는 기울기가 사라지지 "
            "않습니다.");
    explain("The layer's cache is (linear_cache, activation_cache) = ((A_prev, W, b), Z): Z is kept because the "
            "activation's derivative is evaluated at Z.",
            "층의 캐시는 (linear_cache, activation_cache) = ((A_prev, W, b), Z)입니다. 활성화 함수의 도함수를 Z에서 "
            "계산하므로 Z를 보관합니다.");
    code();
    auto [A_prev, W2, b2] = linear_activation_forward_test_case();  // seed 2: A_prev (3, 2), W (1, 3), b (1, 1)
    code();
    auto [A_sigmoid, cache_sigmoid] = linear_activation_forward(A_prev, W2, b2, "sigmoid");
    check("With sigmoid: A", A_sigmoid, ex::sigmoid_A);
    code();
    auto [A_relu, cache_relu] = linear_activation_forward(A_prev, W2, b2, "relu");
    check("With ReLU: A", A_relu, ex::relu_A);
    check_that("the activation cache Z is W·A_prev + b", "활성화 캐시 Z는 W·A_prev + b입니다",
               np::array_equal(cache_relu.activation_cache, np::dot(W2, A_prev) + b2));
    return finish();
}
