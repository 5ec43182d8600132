// nn/checks.hpp - the notebook's asserts as real checks (internal to nn/, not part of the public headers).
//
// They stay on in release builds and throw with the function's name and both shapes, as numpy prints them:
//   linear_forward: W has shape (1, 3) but A has shape (4, 2): W needs as many columns as A has rows
#pragma once

#include <stdexcept>
#include <string>

#include "matrix/matrix.hpp"
#include "nn/types.hpp"

namespace dnn::check {

// Throws std::invalid_argument "fn: a has shape (..) but b has shape (..): why".
[[noreturn]] inline void shapes(const char* fn, const char* a_name, const Matrix& a, const char* b_name,
                                const Matrix& b, const std::string& why) {
    throw std::invalid_argument(std::string(fn) + ": " + a_name + " has shape " + to_string(a.shape()) + " but " +
                                b_name + " has shape " + to_string(b.shape()) + (why.empty() ? "" : ": " + why));
}

// a and b must have the same shape.
inline void same_shape(const char* fn, const char* a_name, const Matrix& a, const char* b_name, const Matrix& b) {
    if (a.shape() != b.shape()) shapes(fn, a_name, a, b_name, b, "they must have the same shape");
}

// activation must be "relu" or "sigmoid".
inline void activation(const char* fn, const std::string& activation) {
    if (activation != "relu" && activation != "sigmoid")
        throw std::invalid_argument(std::string(fn) + ": unknown activation \"" + activation +
                                    "\" (expected \"relu\" or \"sigmoid\")");
}

// dict must hold key (else std::out_of_range, Python's KeyError); dict_name is "parameters" or "grads".
inline void has_key(const char* fn, const char* dict_name, const ArrayDict& dict, const std::string& key) {
    if (dict.find(key) == dict.end()) {
        std::string keys;
        for (const auto& [k, v] : dict) keys += (keys.empty() ? "" : ", ") + k;
        throw std::out_of_range(std::string(fn) + ": " + dict_name + " has no key \"" + key + "\" (it has: " +
                                    (keys.empty() ? "nothing" : keys) + ")");
    }
}

}  // namespace dnn::check
