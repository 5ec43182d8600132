// nn/types.hpp - the notebook's dictionaries, caches and multi-value results, as C++ types.
//
// EN: Python returns tuples and dicts; here each is a small named struct, so structured bindings read like the
//     notebook:  auto [Z, linear_cache] = linear_forward(A, W, b);
// KO: 파이썬의 튜플과 딕셔너리를 이름 있는 작은 구조체로 옮겼습니다. 구조적 바인딩으로 노트북처럼 읽힙니다:
//     auto [Z, linear_cache] = linear_forward(A, W, b);
#pragma once

#include <cstddef>
#include <stdexcept>
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

// Python's IndexError: a list index past the end. The message names the index and the list's length.
// KO: 파이썬의 IndexError: 리스트의 끝을 넘는 인덱스. 메시지에 인덱스와 리스트의 길이가 나옵니다.
class IndexError : public std::out_of_range {
public:
    using std::out_of_range::out_of_range;
};

// caches: one LayerCache per layer, layer 1 first (L_model_forward's list).
// EN: A std::vector<LayerCache> whose caches[l] is checked in every build, as Python's list is: an index past
//     the end (caches[L] of L caches) or a negative one throws IndexError naming the index and len(caches),
//     instead of reading memory that is not a cache.
// KO: caches[l]을 파이썬 리스트처럼 모든 빌드에서 검사하는 std::vector<LayerCache>입니다. 끝을 넘거나(캐시가
//     L개일 때 caches[L]) 음수인 인덱스는 캐시가 아닌 메모리를 읽는 대신, 인덱스와 len(caches)를 담은
//     IndexError를 던집니다.
class Caches : public std::vector<LayerCache> {
public:
    using std::vector<LayerCache>::vector;
    // caches[l] for 0 <= l < len(caches), else IndexError. A signed index, so caches[-1] is named as written.
    LayerCache& operator[](std::ptrdiff_t l);
    const LayerCache& operator[](std::ptrdiff_t l) const;
};

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
