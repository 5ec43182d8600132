// nn/inspect.hpp - printing whole parameters / grads / caches: each entry's name, shape and values.
//
// EN: print(parameters) in the notebook shows a dict; here
//         std::cout << summary(parameters) << "\n";   // W1: (4, 5)  b1: (4, 1)  ... one per line
//         std::cout << parameters << "\n";            // each name and shape, then its values as numpy prints them
//     Dicts are listed layer by layer (W1, b1, W2, b2, ...; dA0, dA1, dW1, db1, ...), the order the notebook
//     fills them in, rather than std::map's (W1, W2, b1, b2). Values print exactly as `std::cout << matrix`
//     does, on their own lines, so they can be diffed with numpy's output. No text ends with a newline,
//     like `std::cout << matrix`. The gdb printers (tools/debuggers/dnn_printers.py, dnn_lldb.py, `dnn-shapes`) show the same.
// KO: 노트북의 print(parameters)처럼 사전 전체를 보여 줍니다.
//         std::cout << summary(parameters) << "\n";   // W1: (4, 5)  b1: (4, 1) ... 한 줄에 하나씩
//         std::cout << parameters << "\n";            // 이름과 모양, 그 아래 numpy print 모양의 값
//     사전은 std::map의 순서(W1, W2, b1, b2)가 아니라 노트북이 채우는 층 순서(W1, b1, W2, b2, ...;
//     dA0, dA1, dW1, db1, ...)로 나열합니다. 값은 `std::cout << matrix` 와 똑같이 따로 줄에 찍혀 numpy 출력과
//     diff 할 수 있습니다. `std::cout << matrix` 처럼 어떤 글도 줄바꿈으로 끝나지 않습니다. gdb 프린터
//     (tools/debuggers/dnn_printers.py, dnn_lldb.py, `dnn-shapes`)도 같은 글을 보여 줍니다.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "matrix/format.hpp"
#include "nn/types.hpp"

namespace dnn {

// EN: The keys of a dict in layer order: by trailing number (W1, b1 before W2), then by name; keys without a
//     number come first.
// KO: 사전의 키를 층 순서로: 끝의 숫자 순(W1, b1 다음 W2), 같은 숫자 안에서는 이름 순, 숫자 없는 키가 먼저.
std::vector<std::string> layer_order(const ArrayDict& dict);

// ---- names and shapes only / 이름과 모양만 ----

// EN: One line per entry, "W1: (4, 5)", in layer order; "{}" for an empty dict.
// KO: 항목마다 한 줄 "W1: (4, 5)", 층 순서; 빈 사전은 "{}".
std::string summary(const ArrayDict& dict);
// EN: "(A_prev (5, 4), W (4, 5), b (4, 1))": A_prev (n[l-1], m), W (n[l], n[l-1]), b (n[l], 1).
// KO: "(A_prev (5, 4), W (4, 5), b (4, 1))": A_prev (n[l-1], m), W (n[l], n[l-1]), b (n[l], 1).
std::string summary(const LinearCache& cache);
// EN: "linear_cache = (A_prev (5, 4), W (4, 5), b (4, 1)), activation_cache = Z (4, 4)"; Z is (n[l], m).
// KO: "linear_cache = (A_prev (5, 4), W (4, 5), b (4, 1)), activation_cache = Z (4, 4)"; Z는 (n[l], m).
std::string summary(const LayerCache& cache);
// EN: One line per layer, "caches[0] (layer 1): linear_cache = (...), activation_cache = Z (4, 4)"; "[]" when
//     empty. caches[l - 1] is layer l's cache, as in L_model_forward.
// KO: 층마다 한 줄 "caches[0] (layer 1): linear_cache = (...), activation_cache = Z (4, 4)"; 비었으면 "[]".
//     L_model_forward 에서처럼 caches[l - 1]이 l번째 층의 캐시입니다.
std::string summary(const Caches& caches);

// ---- names, shapes and values / 이름, 모양과 값 ----

// EN: Each entry as "W1 (4, 5) =" then its values on the next lines (numpy's print); "{}" when empty.
// KO: 항목마다 "W1 (4, 5) =" 다음 줄부터 값(numpy의 print); 비었으면 "{}".
std::string describe(const ArrayDict& dict, const PrintOptions& options = {});
// EN: "A_prev (5, 4) =", "W (4, 5) =", "b (4, 1) =", each followed by its values.
// KO: "A_prev (5, 4) =", "W (4, 5) =", "b (4, 1) =" 과 각각의 값.
std::string describe(const LinearCache& cache, const PrintOptions& options = {});
// EN: "linear_cache.A_prev (5, 4) =", ..., "activation_cache (4, 4) =", each followed by its values.
// KO: "linear_cache.A_prev (5, 4) =", ..., "activation_cache (4, 4) =" 과 각각의 값.
std::string describe(const LayerCache& cache, const PrintOptions& options = {});
// EN: "caches[0].linear_cache.A_prev (5, 4) =", ... for every layer, each followed by its values; "[]" when
//     empty. The names are the C++ expressions to type in a debugger.
// KO: 모든 층의 "caches[0].linear_cache.A_prev (5, 4) =", ... 과 각각의 값; 비었으면 "[]".
//     이름은 디버거에 그대로 입력할 수 있는 C++ 식입니다.
std::string describe(const Caches& caches, const PrintOptions& options = {});

// EN: The text of describe() with the default print options.
// KO: 기본 출력 옵션으로 describe()의 글을 씁니다.
std::ostream& operator<<(std::ostream& os, const ArrayDict& dict);
std::ostream& operator<<(std::ostream& os, const LinearCache& cache);
std::ostream& operator<<(std::ostream& os, const LayerCache& cache);
std::ostream& operator<<(std::ostream& os, const Caches& caches);

}  // namespace dnn
