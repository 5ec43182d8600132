// matrix/array_dict.cpp - the KeyError of a dict of arrays, and its key list for error messages.
#include "matrix/array_dict.hpp"

#include <stdexcept>

namespace dnn {

const Matrix& ArrayDict::operator[](const std::string& key) const {
    const auto it = find(key);
    if (it == end()) throw std::out_of_range("no key \"" + key + "\" (the dict has: " + key_list() + ")");
    return it->second;
}

std::string ArrayDict::key_list() const {
    std::string keys;
    for (const auto& entry : *this) keys += (keys.empty() ? "" : ", ") + entry.first;
    return keys.empty() ? "nothing" : keys;
}

}  // namespace dnn
