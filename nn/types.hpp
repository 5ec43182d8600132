// nn/types.hpp - the notebook's dictionaries, caches and multi-value results, as C++ types.
//
// EN: Python returns tuples and dicts; here each is a small named struct, so structured bindings read like the
//     notebook:  auto [Z, linear_cache] = linear_forward(A, W, b);
// KO: 파이썬의 튜플과 딕셔너리를 이름 있는 작은 구조체로 옮겼습니다. 구조적 바인딩으로 노트북처럼 읽힙니다:
//     auto [Z, linear_cache] = linear_forward(A, W, b);
#pragma once

#include <string>
#include <vector>

#include "matrix/array_dict.hpp"
#include "matrix/matrix.hpp"

namespace dnn {

using Parameters = ArrayDict;  // "W1", "b1", ..., "WL", "bL"
using Grads = ArrayDict;       // "dA0", ..., "dA{L-1}", "dW1", ..., "dWL", "db1", ..., "dbL"

// linear cache = (A_prev, W, b)
struct LinearCache {
    Matrix A_prev;  // (n[l-1], m)
    Matrix W;       // (n[l], n[l-1])
    Matrix b;       // (n[l], 1)
};

// layer cache = (linear_cache, activation_cache); the activation cache is Z, (n[l], m)
struct LayerCache {
    LinearCache linear_cache;
    Matrix activation_cache;
};

// caches: one LayerCache per layer, layer 1 first (L_model_forward's list).
using Caches = std::vector<LayerCache>;

// sigmoid(Z) and relu(Z) return (A, cache), where cache is Z.
struct ActivationResult {
    Matrix A;
    Matrix cache;
};

// linear_forward returns (Z, cache).
struct LinearForwardResult {
    Matrix Z;
    LinearCache cache;
};

// linear_activation_forward returns (A, cache).
struct LinearActivationForwardResult {
    Matrix A;
    LayerCache cache;
};

// L_model_forward returns (AL, caches).
struct LModelForwardResult {
    Matrix AL;
    Caches caches;
};

// linear_backward and linear_activation_backward return (dA_prev, dW, db).
struct LinearBackwardResult {
    Matrix dA_prev;  // (n[l-1], m)
    Matrix dW;       // (n[l], n[l-1])
    Matrix db;       // (n[l], 1)
};

}  // namespace dnn
