// tutorials/04_cost.cpp - 4. The cost function.
#include <cmath>

#include "tutorials/tutorial.hpp"

using namespace dnn;
using namespace dnn::test_cases;
namespace ex = dnn::notebook::expected;
using namespace tutorial;

int main() {
    title("4. The cost: compute_cost", "4. 비용 함수: compute_cost");

    explain("The cross-entropy cost J = -1/m * sum(y log(a) + (1 - y) log(1 - a)) measures how far the predicted "
            "probabilities AL are from the labels Y. For y = 1 only -log(a) counts, which grows without bound as "
            "a -> 0; for y = 0 only -log(1 - a).",
            "교차 엔트로피 비용 J = -1/m * sum(y log(a) + (1 - y) log(1 - a))는 예측 확률 AL이 정답 Y에서 얼마나 "
            "떨어져 있는지를 나타냅니다. y = 1이면 -log(a)만 남는데, a가 0에 가까워질수록 한없이 커집니다. "
            "y = 0이면 -log(1 - a)만 남습니다.");
    explain("In C++, -1 / m with an integer m is integer division (0). The code writes -1.0 / m.",
            "C++에서 m이 정수이면 -1 / m은 정수 나눗셈이라 0이 됩니다. 그래서 코드에서는 -1.0 / m으로 씁니다.");
    explain("np::sum adds in numpy's order (pairwise summation), so the cost is numpy's to the last digit.",
            "np::sum은 numpy와 같은 순서(쌍별 합산, pairwise summation)로 더하므로 비용이 numpy와 마지막 자리까지 "
            "같습니다.");

    code();
    auto [Y, AL] = compute_cost_test_case();  // Y = [[1, 1, 0]], AL = [[0.8, 0.9, 0.4]]
    code();
    double cost = compute_cost(AL, Y);
    check("cost", cost, ex::cost);

    code();
    const double by_hand = -1.0 / 3 * (std::log(0.8) + std::log(0.9) + std::log(1 - 0.4));
    check_that("by hand: -(log 0.8 + log 0.9 + log 0.6) / 3 = " + py_repr(by_hand),
               "직접 계산: -(log 0.8 + log 0.9 + log 0.6) / 3 = " + py_repr(by_hand), std::fabs(by_hand - cost) < 1e-15);
    return finish();
}
