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
    std::vector<std::string> keys;
    for (const auto& entry : *this) keys.push_back(entry.first);
    return dnn::key_list(keys);
}

std::string key_list(const std::vector<std::string>& keys) {
    std::string text;
    for (const std::string& key : keys) text += (text.empty() ? "" : ", ") + key;
    return text.empty() ? "nothing" : text;
}

}  // namespace dnn
