// nn/types.cpp - the KeyError of the notebook's dicts.
#include "nn/types.hpp"

#include <stdexcept>

namespace dnn {

const Matrix& ArrayDict::operator[](const std::string& key) const {
    const auto it = find(key);
    if (it == end()) {
        std::string keys;
        for (const auto& [k, v] : *this) keys += (keys.empty() ? "" : ", ") + k;
        throw std::out_of_range("no key \"" + key + "\" (the dict has: " + (keys.empty() ? "nothing" : keys) + ")");
    }
    return it->second;
}

}  // namespace dnn
