// nn/activations.hpp - the notebook's given helpers (dnn_utils_v2): sigmoid, relu and their backward steps.
#pragma once

#include "matrix/matrix.hpp"
#include "nn/types.hpp"

namespace dnn {

// EN: A = 1 / (1 + exp(-Z)), elementwise; the cache is Z itself (shared, not copied).
// KO: A = 1 / (1 + exp(-Z)) (원소별). 캐시는 Z 자체입니다(복사하지 않고 공유).
// Z: (n, m)  ->  A: (n, m), cache: Z
ActivationResult sigmoid(const Matrix& Z);

// EN: A = max(0, Z), elementwise; the cache is Z.
// KO: A = max(0, Z) (원소별). 캐시는 Z입니다.
// Z: (n, m)  ->  A: (n, m), cache: Z
ActivationResult relu(const Matrix& Z);

// EN: dZ = dA * s * (1 - s) with s = sigmoid(Z) recomputed from the cache.
// KO: 캐시의 Z로 s = sigmoid(Z)를 다시 계산해 dZ = dA * s * (1 - s)를 구합니다.
// dA: (n, m)  cache (Z): (n, m)  ->  dZ: (n, m)
Matrix sigmoid_backward(const Matrix& dA, const Matrix& cache);

// EN: dZ = dA where Z > 0, and 0 where Z <= 0 (Z == 0 gives 0 too).
// KO: Z > 0인 곳은 dZ = dA, Z <= 0인 곳은 0입니다(Z == 0도 0).
// dA: (n, m)  cache (Z): (n, m)  ->  dZ: (n, m)
Matrix relu_backward(const Matrix& dA, const Matrix& cache);

}  // namespace dnn
