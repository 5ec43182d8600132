// nn/checks.hpp - the notebook's asserts as real checks, shared by nn/ and by app/ (whose dnn_app_utils functions
// assert the same things); not included by nn/nn.hpp.
//
// They stay on in release builds and throw with the function's name and both shapes, as numpy prints them:
//   linear_forward: W has shape (1, 3) but A has shape (4, 2): W needs as many columns as A has rows
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "matrix/format.hpp"
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

// A layer size: at least one unit.
inline void layer_size(const char* fn, const std::string& name, int n) {
    if (n <= 0)
        throw std::invalid_argument(std::string(fn) + ": " + name + " is " + std::to_string(n) +
                                    "; every layer needs at least one unit");
}

// layer_dims = [n[0], ..., n[L]]: at least an input and an output size, none below 1.
inline void layer_dims(const char* fn, const std::vector<int>& dims) {
    if (dims.size() < 2)
        throw std::invalid_argument(std::string(fn) + ": layer_dims needs at least 2 sizes (input and output), got " +
                                    std::to_string(dims.size()));
    for (std::size_t l = 0; l < dims.size(); ++l) layer_size(fn, "layer_dims[" + std::to_string(l) + "]", dims[l]);
}

// Labels: every element of Y is 0 or 1 (the notebooks' cat / non-cat and red / blue).
inline void labels(const char* fn, const char* name, const Matrix& Y) {
    for (std::size_t i = 0; i < Y.rows(); ++i)
        for (std::size_t j = 0; j < Y.cols(); ++j)
            if (Y(i, j) != 0 && Y(i, j) != 1)
                throw std::invalid_argument(std::string(fn) + ": " + name + " has the value " + py_repr(Y(i, j)) +
                                            " at (" + std::to_string(i) + ", " + std::to_string(j) +
                                            "); labels must be 0 or 1");
}

// At least one example: m = X.shape[1] > 0 (the costs divide by m).
inline void examples(const char* fn, const char* name, const Matrix& X) {
    if (X.cols() == 0)
        throw std::invalid_argument(std::string(fn) + ": there are no examples (" + name + " has shape " +
                                    to_string(X.shape()) + ")");
}

// dict must hold key (else KeyError, a std::out_of_range); dict_name is "parameters" or "grads".
inline void has_key(const char* fn, const char* dict_name, const ArrayDict& dict, const std::string& key) {
    if (dict.find(key) == dict.end())
        throw KeyError(std::string(fn) + ": " + dict_name + " has no key \"" + key + "\" (it has: " +
                                dict.key_list() + ")");
}

}  // namespace dnn::check
