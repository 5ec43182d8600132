// course/test_cases.hpp - the notebook's testCases module: the same inputs, drawn from the same seeds.
//
// EN: Each function rebuilds one test case of testCases_v4a.py (the v8a notebook's) with the numpy-identical
//     generator, in the same draw order, so the graded functions can be checked against the notebook's
//     "Expected output". Two cases changed between versions; pass TestCases::v2 for the older v2/v3/v4 files
//     (the v3 and v4 notebooks).
// KO: testCases_v4a.py(v8a 노트북)의 테스트 케이스를 numpy와 같은 난수로, 같은 순서로 다시 만듭니다.
//     버전마다 두 케이스가 다르므로, 예전 v2/v3/v4 파일(v3, v4 노트북)은 TestCases::v2로 고르세요.
#pragma once

#include "matrix/matrix.hpp"
#include "nn/types.hpp"

namespace dnn::test_cases {

enum class TestCases { v4a, v2 };  // v2 stands for v2, v3 and v4, which agree on every case

struct LinearInputs { Matrix A, W, b; };                 // A: (3, 2), W: (1, 3), b: (1, 1)
struct ParametersCase { Matrix X; Parameters parameters; };
struct CostCase { Matrix Y, AL; };                       // the notebook returns (Y, AL) in this order
struct LinearBackwardCase { Matrix dZ; LinearCache linear_cache; };
struct LinearActivationBackwardCase { Matrix dA; LayerCache linear_activation_cache; };
struct LModelBackwardCase { Matrix AL, Y_assess; Caches caches; };
struct UpdateCase { Parameters parameters; Grads grads; };

// seed 1: A = randn(3, 2), W = randn(1, 3), b = randn(1, 1)
LinearInputs linear_forward_test_case();
// seed 2: A_prev = randn(3, 2), W = randn(1, 3), b = randn(1, 1)
LinearInputs linear_activation_forward_test_case();
// seed 1: X (4, 2), W1 (3, 4), b1 (3, 1), W2 (1, 3), b2 (1, 1) - the 2-layer case of the v3/v4 notebooks
ParametersCase L_model_forward_test_case();
// seed 6: X (5, 4), W1 (4, 5), b1 (4, 1), W2 (3, 4), b2 (3, 1), W3 (1, 3), b3 (1, 1) - the v8a notebook's case
ParametersCase L_model_forward_test_case_2hidden();
// no random draws: AL = [[0.8, 0.9, 0.4]]; Y = [[1, 1, 0]] (v4a) or [[1, 1, 1]] (v2)
CostCase compute_cost_test_case(TestCases version = TestCases::v4a);
// seed 1. v4a: dZ (3, 4), A (5, 4), W (3, 5), b (3, 1). v2: dZ (1, 2), A (3, 2), W (1, 3), b (1, 1).
LinearBackwardCase linear_backward_test_case(TestCases version = TestCases::v4a);
// seed 2: dA (1, 2), A (3, 2), W (1, 3), b (1, 1), Z (1, 2); cache ((A, W, b), Z)
LinearActivationBackwardCase linear_activation_backward_test_case();
// seed 3: AL (1, 2), Y = [[1, 0]], then layer 1 (A1 (4, 2), W1 (3, 4), b1 (3, 1), Z1 (3, 2)),
// then layer 2 (A2 (3, 2), W2 (1, 3), b2 (1, 1), Z2 (1, 2))
LModelBackwardCase L_model_backward_test_case();
// seed 2: W1 (3, 4), b1 (3, 1), W2 (1, 3), b2 (1, 1); then seed 3: dW1, db1, dW2, db2 of the same shapes
UpdateCase update_parameters_test_case();

}  // namespace dnn::test_cases
