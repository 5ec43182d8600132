// nn/py.hpp - two Python built-ins the notebook's lines use, so they read the same in C++.
//
// EN: parameters["W" + str(l)] and len(parameters) / 2 are the notebook's parameters['W' + str(l)] and
//     len(parameters) // 2.
// KO: parameters["W" + str(l)]와 len(parameters) / 2는 노트북의 parameters['W' + str(l)],
//     len(parameters) // 2와 같습니다.
#pragma once

#include <string>

namespace dnn {

inline std::string str(long long value) { return std::to_string(value); }

template <class Container>
int len(const Container& c) {
    return static_cast<int>(c.size());
}

}  // namespace dnn
