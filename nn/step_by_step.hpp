// nn/step_by_step.hpp - the graded functions of "Building your Deep Neural Network: Step by Step".
//
// EN: Same names, argument order, dictionary keys and cache layout as the notebook. Shapes use the course's
//     notation: n[l] units in layer l, m examples, L layers (layer 0 is the input X = A0).
//     Every shape mismatch throws std::invalid_argument naming the function and both shapes; reading a missing
//     key throws KeyError naming the key and the keys present, caches[l] past the end IndexError naming l and
//     len(caches) (both std::out_of_range, as Python's KeyError and IndexError).
// KO: 노트북과 같은 이름, 인자 순서, 딕셔너리 키, 캐시 구조입니다. shape 표기는 강의와 같습니다:
//     n[l]은 l층의 유닛 수, m은 예제 수, L은 층 수(0층은 입력 X = A0).
//     shape이 맞지 않으면 함수 이름과 두 shape을 담은 std::invalid_argument를 던집니다. 없는 키를 읽으면 그
//     키와 있는 키들을 담은 KeyError를, 끝을 넘는 caches[l]은 l과 len(caches)를 담은 IndexError를 던집니다
//     (둘 다 std::out_of_range이며 파이썬의 KeyError, IndexError에 해당합니다).
#pragma once

#include <string>
#include <vector>

#include "matrix/matrix.hpp"
#include "nn/types.hpp"

namespace dnn {

// ---- 1. Initialization / 초기화 ------------------------------------------------------------------------------

// EN: 2-layer network. Seeds numpy's generator with 1, then W1 = randn(n_h, n_x) * 0.01, b1 = 0,
//     W2 = randn(n_y, n_h) * 0.01, b2 = 0.
// KO: 2층 신경망. 난수 시드를 1로 두고 W1 = randn(n_h, n_x) * 0.01, b1 = 0, W2 = randn(n_y, n_h) * 0.01, b2 = 0.
// -> {"W1": (n_h, n_x), "b1": (n_h, 1), "W2": (n_y, n_h), "b2": (n_y, 1)}
Parameters initialize_parameters(int n_x, int n_h, int n_y);

// EN: L-layer network. Seeds with 3, then for l = 1 .. L-1: Wl = randn(n[l], n[l-1]) * 0.01, bl = 0.
// KO: L층 신경망. 시드를 3으로 두고, l = 1, ..., L-1 각각에 대해 Wl = randn(n[l], n[l-1]) * 0.01, bl = 0.
// layer_dims: [n[0], n[1], ..., n[L]] (at least 2 sizes, none 0)
// -> {"Wl": (n[l], n[l-1]), "bl": (n[l], 1)} for l = 1 .. L
Parameters initialize_parameters_deep(const std::vector<int>& layer_dims);

// ---- 2. Forward propagation / 순전파 -------------------------------------------------------------------------

// EN: Z = W·A + b (b broadcast over the m columns). The cache keeps (A, W, b) for the backward pass.
// KO: Z = W·A + b (b는 m개의 열에 브로드캐스트). 역전파를 위해 캐시에 (A, W, b)를 보관합니다.
// A: (n[l-1], m)  W: (n[l], n[l-1])  b: (n[l], 1)  ->  Z: (n[l], m), cache: (A, W, b)
LinearForwardResult linear_forward(const Matrix& A, const Matrix& W, const Matrix& b);

// EN: LINEAR -> ACTIVATION: Z = W·A_prev + b, then A = g(Z) with g = "sigmoid" or "relu".
//     The cache is (linear_cache, activation_cache) = ((A_prev, W, b), Z).
// KO: LINEAR -> ACTIVATION: Z = W·A_prev + b, 그리고 A = g(Z) (g는 "sigmoid" 또는 "relu").
//     캐시는 (linear_cache, activation_cache) = ((A_prev, W, b), Z)입니다.
// A_prev: (n[l-1], m)  W: (n[l], n[l-1])  b: (n[l], 1)  ->  A: (n[l], m), cache
LinearActivationForwardResult linear_activation_forward(const Matrix& A_prev, const Matrix& W, const Matrix& b,
                                                        const std::string& activation);

// EN: [LINEAR -> RELU] x (L-1) -> LINEAR -> SIGMOID. L = len(parameters) / 2. Returns AL and the L caches,
//     layer 1 first.
// KO: [LINEAR -> RELU] x (L-1) -> LINEAR -> SIGMOID. L = len(parameters) / 2. AL과 L개의 캐시(1층부터)를
//     돌려줍니다.
// X: (n[0], m)  parameters: Wl (n[l], n[l-1]), bl (n[l], 1)  ->  AL: (1, m), caches: L entries
LModelForwardResult L_model_forward(const Matrix& X, const Parameters& parameters);

// ---- 3. Cost function / 비용 함수 ---------------------------------------------------------------------------

// EN: Cross-entropy cost: -1/m * sum(Y * log(AL) + (1 - Y) * log(1 - AL)), as a scalar.
// KO: 교차 엔트로피 비용: -1/m * sum(Y * log(AL) + (1 - Y) * log(1 - AL)) (스칼라).
// AL: (1, m) probabilities  Y: (1, m) labels 0/1  ->  cost
double compute_cost(const Matrix& AL, const Matrix& Y);

// ---- 4. Backward propagation / 역전파 ------------------------------------------------------------------------

// EN: From dZ = dL/dZ of layer l: dW = 1/m dZ·A_prev.T, db = 1/m sum of dZ over examples, dA_prev = W.T·dZ.
//     db keeps b's shape (n[l], 1): np::sum(dZ, 1, true) (axis 1, keepdims; unlike numpy, np::sum's keepdims
//     defaults to true, see matrix/np.hpp).
// KO: l층의 dZ = dL/dZ로부터 dW = 1/m dZ·A_prev.T, db = 1/m (dZ를 예제 방향으로 더한 합), dA_prev = W.T·dZ.
//     db는 b와 같은 shape (n[l], 1)입니다: np::sum(dZ, 1, true)(axis 1, keepdims. numpy와 달리 np::sum의
//     keepdims 기본값은 true입니다. matrix/np.hpp 참고).
// dZ: (n[l], m)  cache: (A_prev (n[l-1], m), W (n[l], n[l-1]), b (n[l], 1))
//   ->  dA_prev: (n[l-1], m), dW: (n[l], n[l-1]), db: (n[l], 1)
LinearBackwardResult linear_backward(const Matrix& dZ, const LinearCache& cache);

// EN: ACTIVATION backward, then LINEAR backward: dZ = g'(Z) applied to dA, then linear_backward(dZ).
// KO: 활성화의 역전파 후 선형 역전파: dA에 g'(Z)를 적용해 dZ를 구하고 linear_backward(dZ)를 부릅니다.
// dA: (n[l], m)  cache: ((A_prev, W, b), Z)  ->  dA_prev: (n[l-1], m), dW: (n[l], n[l-1]), db: (n[l], 1)
LinearBackwardResult linear_activation_backward(const Matrix& dA, const LayerCache& cache,
                                                const std::string& activation);

// EN: The whole backward pass, from the cost back to layer 1, reversing the forward order. The grads hold
//     "dA{l-1}", "dW{l}" and "db{l}" for l = L .. 1 ("dA0" is the gradient with respect to X).
// KO: 비용에서 1층까지 순전파의 역순으로 전체 역전파를 합니다. grads에는 l = L, ..., 1 각 층의 "dA{l-1}",
//     "dW{l}", "db{l}"이 들어갑니다("dA0"은 X에 대한 기울기).
// AL: (1, m)  Y: (1, m) (or any shape of m elements)  caches: L entries  ->  grads
Grads L_model_backward(const Matrix& AL, const Matrix& Y, const Caches& caches);

// ---- 5. Update parameters / 매개변수 갱신 --------------------------------------------------------------------

// EN: One gradient-descent step: Wl = Wl - learning_rate * dWl, bl = bl - learning_rate * dbl. The arrays the
//     caller passed in are not changed (each entry is replaced by a new array, as in the notebook).
// KO: 경사 하강 한 단계: Wl = Wl - learning_rate * dWl, bl = bl - learning_rate * dbl. 호출한 쪽의 배열은
//     바뀌지 않습니다(노트북처럼 각 항목을 새 배열로 바꿉니다).
// parameters: Wl (n[l], n[l-1]), bl (n[l], 1)  grads: dWl, dbl of the same shapes  ->  updated parameters
Parameters update_parameters(Parameters parameters, const Grads& grads, double learning_rate);

}  // namespace dnn
