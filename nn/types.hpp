// nn/types.hpp - the notebook's dictionaries, caches and multi-value results, as C++ types.
//
// EN: Python returns tuples and dicts; here each is a small named struct, so structured bindings read like the
//     notebook:  auto [Z, linear_cache] = linear_forward(A, W, b);
// KO: 파이썬의 튜플과 딕셔너리를 이름 있는 작은 구조체로 옮겼습니다. 구조적 바인딩으로 노트북처럼 읽힙니다:
//     auto [Z, linear_cache] = linear_forward(A, W, b);
#pragma once

#include <map>
#include <string>
#include <vector>

#include "matrix/matrix.hpp"

namespace dnn {

// A dict of named arrays: parameters {"W1", "b1", ...} or grads {"dA0", "dW1", "db1", ...}.
// EN: Exactly a std::map<std::string, Matrix>, except that reading a missing key through a const reference
//     throws std::out_of_range naming the key (Python's KeyError) instead of inserting an empty matrix.
// KO: std::map<std::string, Matrix>와 같지만, const로 없는 키를 읽으면 빈 행렬을 넣는 대신 그 키 이름을
//     담은 std::out_of_range를 던집니다(파이썬의 KeyError).
class ArrayDict : public std::map<std::string, Matrix> {
public:
    using std::map<std::string, Matrix>::map;
    using std::map<std::string, Matrix>::operator[];
    const Matrix& operator[](const std::string& key) const;
    // The keys, comma-separated, for error messages ("W1, W2, b1, b2", or "nothing").
    std::string key_list() const;
};

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
