// nn/inspect.cpp - names, shapes and values of parameters, grads and caches (see nn/inspect.hpp).
#include "nn/inspect.hpp"

#include <algorithm>
#include <ostream>
#include <string_view>

namespace dnn {

namespace {

// Splits "dW12" into name "dW12" with number digits "12" (leading zeros dropped); no digits: has == false.
struct KeyOrder {
    bool has = false;
    std::string_view digits;  // the trailing number without leading zeros, compared by length then text
    std::string_view key;
};

KeyOrder key_order(std::string_view key) {
    std::size_t start = key.size();
    while (start > 0 && key[start - 1] >= '0' && key[start - 1] <= '9') --start;
    KeyOrder k{start < key.size(), key.substr(start), key};
    while (k.digits.size() > 1 && k.digits.front() == '0') k.digits.remove_prefix(1);
    return k;
}

bool layer_less(std::string_view a, std::string_view b) {
    const KeyOrder x = key_order(a), y = key_order(b);
    if (x.has != y.has) return !x.has;  // keys without a number first
    if (x.digits.size() != y.digits.size()) return x.digits.size() < y.digits.size();
    if (x.digits != y.digits) return x.digits < y.digits;
    return x.key < y.key;
}

// "name (r, c) =" then the values on the next lines.
std::string entry(const std::string& name, const Matrix& m, const PrintOptions& options) {
    return name + " " + to_string(m.shape()) + " =\n" + format_matrix(m, options);
}

std::string join(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : "\n") + p;
    return out;
}

std::string describe_layer(const std::string& prefix, const LayerCache& cache, const PrintOptions& options) {
    const LinearCache& lc = cache.linear_cache;
    return join({entry(prefix + "linear_cache.A_prev", lc.A_prev, options),
                 entry(prefix + "linear_cache.W", lc.W, options), entry(prefix + "linear_cache.b", lc.b, options),
                 entry(prefix + "activation_cache", cache.activation_cache, options)});
}

}  // namespace

std::vector<std::string> layer_order(const ArrayDict& dict) {
    std::vector<std::string> keys;
    for (const auto& [k, v] : dict) keys.push_back(k);
    std::stable_sort(keys.begin(), keys.end(), [](const std::string& a, const std::string& b) {
        return layer_less(a, b);
    });
    return keys;
}

std::string summary(const ArrayDict& dict) {
    if (dict.empty()) return "{}";
    std::vector<std::string> lines;
    for (const auto& k : layer_order(dict)) lines.push_back(k + ": " + to_string(dict.at(k).shape()));
    return join(lines);
}

std::string summary(const LinearCache& cache) {
    return "(A_prev " + to_string(cache.A_prev.shape()) + ", W " + to_string(cache.W.shape()) + ", b " +
           to_string(cache.b.shape()) + ")";
}

std::string summary(const LayerCache& cache) {
    return "linear_cache = " + summary(cache.linear_cache) + ", activation_cache = Z " +
           to_string(cache.activation_cache.shape());
}

std::string summary(const Caches& caches) {
    if (caches.empty()) return "[]";
    std::vector<std::string> lines;
    for (std::size_t l = 0; l < caches.size(); ++l)
        lines.push_back("caches[" + std::to_string(l) + "] (layer " + std::to_string(l + 1) + "): " +
                        summary(caches[l]));
    return join(lines);
}

std::string describe(const ArrayDict& dict, const PrintOptions& options) {
    if (dict.empty()) return "{}";
    std::vector<std::string> parts;
    for (const auto& k : layer_order(dict)) parts.push_back(entry(k, dict.at(k), options));
    return join(parts);
}

std::string describe(const LinearCache& cache, const PrintOptions& options) {
    return join({entry("A_prev", cache.A_prev, options), entry("W", cache.W, options), entry("b", cache.b, options)});
}

std::string describe(const LayerCache& cache, const PrintOptions& options) {
    return describe_layer("", cache, options);
}

std::string describe(const Caches& caches, const PrintOptions& options) {
    if (caches.empty()) return "[]";
    std::vector<std::string> parts;
    for (std::size_t l = 0; l < caches.size(); ++l)
        parts.push_back(describe_layer("caches[" + std::to_string(l) + "].", caches[l], options));
    return join(parts);
}

std::ostream& operator<<(std::ostream& os, const ArrayDict& dict) { return os << describe(dict); }
std::ostream& operator<<(std::ostream& os, const LinearCache& cache) { return os << describe(cache); }
std::ostream& operator<<(std::ostream& os, const LayerCache& cache) { return os << describe(cache); }
std::ostream& operator<<(std::ostream& os, const Caches& caches) { return os << describe(caches); }

}  // namespace dnn
