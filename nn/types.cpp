// nn/types.cpp - caches[l], checked as Python's list index is (IndexError past the end).
#include "nn/types.hpp"

namespace dnn {

namespace {

// Python's "IndexError: list index out of range", with the index and the length.
[[noreturn]] void index_error(std::ptrdiff_t l, std::size_t length) {
    std::string what = "caches[" + std::to_string(l) + "]: index out of range: len(caches) is " +
                       std::to_string(length);
    if (length == 0) what += " (caches is empty)";
    else if (l < 0) what += " (C++ has no negative indices: the last cache is caches[" + std::to_string(length - 1) + "])";
    else what += ", so the indices are 0 .. " + std::to_string(length - 1);
    throw IndexError(what);
}

}  // namespace

LayerCache& Caches::operator[](std::ptrdiff_t l) {
    if (l < 0 || static_cast<std::size_t>(l) >= size()) index_error(l, size());
    return std::vector<LayerCache>::operator[](static_cast<std::size_t>(l));
}

const LayerCache& Caches::operator[](std::ptrdiff_t l) const {
    if (l < 0 || static_cast<std::size_t>(l) >= size()) index_error(l, size());
    return std::vector<LayerCache>::operator[](static_cast<std::size_t>(l));
}

}  // namespace dnn
