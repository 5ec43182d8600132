// tests/notebook_expect.hpp - compare a result with a value as the notebook printed it.
//
// A printed value like [[ 3.26295337 -1.23429987]] fixes each number to within half a unit of its last printed
// digit (dnn::notebook::parse_printed). check_printed() asserts exactly that for every element, with a readable
// line for each element that differs, and, with Text::exact, that this library prints the very same text.
#pragma once

#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "dnn.hpp"

namespace expect {

enum class Text { exact, numbers_only };

// Checks every element of `actual` against the notebook's printed `expected`, in C (row-major) order.
inline void check_printed(const std::string& name, const dnn::Matrix& actual, const std::string& expected,
                          Text text = Text::exact) {
    const auto numbers = dnn::notebook::parse_printed(expected);
    INFO(name << " =\n" << actual << "\nnotebook:\n" << expected);
    REQUIRE_MESSAGE(numbers.size() == actual.size(),
                    name << ": " << actual.size() << " elements, notebook printed " << numbers.size());
    for (std::size_t k = 0; k < numbers.size(); ++k) {
        const std::size_t i = k / actual.cols(), j = k % actual.cols();
        const double diff = std::fabs(actual(i, j) - numbers[k].value);
        CHECK_MESSAGE(diff <= numbers[k].half_unit * (1 + 1e-9),
                      name << "(" << i << ", " << j << ") = " << dnn::py_repr(actual(i, j)) << " but the notebook printed "
                           << numbers[k].value);
    }
    if (text == Text::exact) CHECK_MESSAGE(dnn::to_string(actual) == expected, name << ": printed text differs");
}

// |actual - expected| <= rel * |expected|
inline void check_close(const std::string& name, double actual, double expected, double rel) {
    INFO(name << " = " << dnn::py_repr(actual) << ", expected " << dnn::py_repr(expected));
    CHECK(std::fabs(actual - expected) <= rel * std::fabs(expected));
}

}  // namespace expect
