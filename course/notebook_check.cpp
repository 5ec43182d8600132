// course/notebook_check.cpp - printed-value comparison and the side-by-side display.
#include "course/notebook_check.hpp"

#include <algorithm>
#include <cmath>
#include <ostream>
#include <sstream>

#include "matrix/format.hpp"

namespace dnn::notebook {

std::vector<PrintedNumber> parse_printed(const std::string& text) {
    // numpy prints an array at its print precision, 8 decimals, and prints an element with fewer only when the
    // shorter form is the exact value: so every element of a printed array, a "0." included, is known to within
    // half a unit of the 8th decimal, whatever its own number of digits. A scalar (Python's repr, or a "%f"
    // line) is known to its own last digit; an integer exactly.
    const std::size_t first = text.find_first_not_of(" \n");
    const bool numpy_array = first != std::string::npos && text[first] == '[';
    constexpr int numpy_precision = 8;
    std::vector<PrintedNumber> out;
    std::string token;
    auto flush = [&] {
        // A lone "-" or "." is not a number.
        if (token.find_first_of("0123456789") == std::string::npos) {
            token.clear();
            return;
        }
        const auto e = token.find_first_of("eE");
        const std::string mant = token.substr(0, e);
        const auto dot = mant.find('.');
        int decimals = dot == std::string::npos ? 0 : static_cast<int>(mant.size() - dot - 1);
        const int exp10 = e == std::string::npos ? 0 : std::stoi(token.substr(e + 1));
        const bool integer = dot == std::string::npos && e == std::string::npos;
        if (numpy_array && !integer) decimals = std::max(decimals, numpy_precision);
        out.push_back({std::stod(token), integer ? 0.0 : 0.5 * std::pow(10.0, exp10 - decimals)});
        token.clear();
    };
    for (char c : text) {
        if ((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E') token += c;
        else flush();
    }
    flush();
    return out;
}

namespace {

Verdict compare_values(const std::vector<double>& actual, std::size_t cols, const std::string& expected) {
    const auto numbers = parse_printed(expected);
    if (numbers.size() != actual.size())
        return {false, std::to_string(actual.size()) + " values, but the notebook printed " + std::to_string(numbers.size())};
    for (std::size_t k = 0; k < numbers.size(); ++k) {
        const double diff = std::fabs(actual[k] - numbers[k].value);
        // The small relative slack absorbs the rounding of half_unit itself.
        if (!(diff <= numbers[k].half_unit * (1 + 1e-9))) {
            std::ostringstream os;
            os << "element (" << k / cols << ", " << k % cols << ") is " << py_repr(actual[k]) << ", the notebook printed "
               << py_repr(numbers[k].value) << " (off by " << diff << ")";
            return {false, os.str()};
        }
    }
    return {true, ""};
}

}  // namespace

Shape printed_shape(const std::string& text) {
    const std::size_t count = parse_printed(text).size();
    std::size_t rows = 0;
    for (std::size_t i = 0; i + 1 < text.size(); ++i)
        if (text[i] == '[' && text[i + 1] != '[') ++rows;
    if (rows == 0) rows = 1;
    return {rows, count / rows};
}

Verdict compare_printed(const Matrix& actual, const std::string& expected) {
    const std::size_t first = expected.find_first_not_of(" \n");
    if (first != std::string::npos && expected[first] == '[' && actual.shape() != printed_shape(expected))
        return {false, "shape " + to_string(actual.shape()) + ", the notebook printed shape " +
                           to_string(printed_shape(expected))};
    std::vector<double> values;
    for (std::size_t i = 0; i < actual.rows(); ++i)
        for (std::size_t j = 0; j < actual.cols(); ++j) values.push_back(actual(i, j));
    return compare_values(values, actual.cols() ? actual.cols() : 1, expected);
}

Verdict compare_printed(double actual, const std::string& expected) { return compare_values({actual}, 1, expected); }

Verdict compare_text(const std::string& actual, const std::string& expected) {
    if (actual == expected) return {true, ""};
    std::size_t k = 0;
    while (k < actual.size() && k < expected.size() && actual[k] == expected[k]) ++k;
    return {false, "the texts differ from character " + std::to_string(k + 1)};
}

bool show_verdict(std::ostream& os, const std::string& name, const std::string& ours, const std::string& expected,
                  const Verdict& v) {
    const bool multiline = ours.find('\n') != std::string::npos || expected.find('\n') != std::string::npos;
    if (multiline) {
        os << name << " =\n" << ours << "\n  notebook:\n" << expected << "\n";
    } else {
        os << name << " = " << ours << "\n  notebook: " << expected << "\n";
    }
    os << "  -> " << (v.same ? "same" : "DIFFERENT: " + v.detail) << "\n\n";
    return v.same;
}

bool show(std::ostream& os, const std::string& name, const Matrix& actual, const std::string& expected,
          const PrintOptions& options) {
    return show_verdict(os, name, format_matrix(actual, options), expected, compare_printed(actual, expected));
}

bool show(std::ostream& os, const std::string& name, double actual, const std::string& expected) {
    return show_verdict(os, name, py_repr(actual), expected, compare_printed(actual, expected));
}

bool show_text(std::ostream& os, const std::string& name, const std::string& actual, const std::string& expected) {
    return show_verdict(os, name, actual, expected, compare_text(actual, expected));
}

bool show(std::ostream& os, const std::string& name, int actual, const std::string& expected) {
    return show_verdict(os, name, std::to_string(actual), expected, compare_printed(static_cast<double>(actual), expected));
}

bool show_printed(std::ostream& os, const std::string& name, const std::string& printed, const std::string& expected) {
    const auto numbers = parse_printed(printed);
    const Verdict v = numbers.size() == 1 ? compare_printed(numbers[0].value, expected)
                                          : Verdict{false, "\"" + printed + "\" is not one number"};
    return show_verdict(os, name, printed, expected, v);
}

}  // namespace dnn::notebook
