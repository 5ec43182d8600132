// matrix/array_dict.cpp - the dict's d[key] (reading a missing key is Python's KeyError), and its key list for
// error messages.
#include "matrix/array_dict.hpp"

namespace dnn {

Matrix& ArrayDict::get(const std::string& key) {
    const auto it = find(key);
    if (it == end()) throw KeyError("no key \"" + key + "\" (the dict has: " + key_list() + ")");
    return it->second;
}

const Matrix& ArrayDict::get(const std::string& key) const {
    const auto it = find(key);
    if (it == end()) throw KeyError("no key \"" + key + "\" (the dict has: " + key_list() + ")");
    return it->second;
}

ArrayDict::Entry ArrayDict::operator[](const std::string& key) { return Entry(*this, key); }

const Matrix& ArrayDict::operator[](const std::string& key) const { return get(key); }

ArrayDict::Entry& ArrayDict::Entry::operator=(const Matrix& value) {
    dict_->insert_or_assign(key_, value);
    return *this;
}

ArrayDict::Entry& ArrayDict::Entry::operator=(Matrix&& value) {
    dict_->insert_or_assign(key_, std::move(value));
    return *this;
}

ArrayDict::Entry& ArrayDict::Entry::operator=(const Entry& other) {
    const Matrix value = other.value();  // read first: d["a"] = d["a"] must not lose it
    dict_->insert_or_assign(key_, value);
    return *this;
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
