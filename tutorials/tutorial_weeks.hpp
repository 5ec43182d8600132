// tutorials/tutorial_weeks.hpp - what the tutorials of weeks 2 and 3 add to tutorial.hpp: results printed as the
// 2021 notebooks' numpy printed them (the layout of numpy >= 1.14, 1-D arrays, boolean arrays, "%f" lines), each
// beside the notebook's output with a same / different verdict counted in tutorial.hpp's tally.
#pragma once

#include <cstdio>
#include <iostream>
#include <string>

#include "tutorials/tutorial.hpp"

namespace tutorial::weeks {

inline const dnn::PrintOptions modern{.layout = dnn::Layout::modern};

// The C++ line the next result comes from.
inline void show_code(const std::string& line) { std::cout << "  >>> " << line << "\n\n"; }

// An array printed in the 2021 notebooks' layout, compared number by number.
inline void check_modern(const std::string& name, const dnn::Matrix& actual, const std::string& expected) {
    ++results;
    same += dnn::notebook::show(std::cout, name, actual, expected, modern);
}

// A notebook's 1-D array (a row here), printed as numpy prints a 1-D array, compared number by number.
inline void check_1d(const std::string& name, const dnn::Matrix& actual, const std::string& expected,
                     const dnn::PrintOptions& options = modern) {
    ++results;
    same += dnn::notebook::show_verdict(std::cout, name, dnn::format_1d(actual, options), expected,
                                        dnn::notebook::compare_printed(actual, expected));
}

// A printed line (a "%f" cost, a boolean array, a sentence), compared character for character.
inline void check_text(const std::string& name, const std::string& actual, const std::string& expected) {
    ++results;
    same += dnn::notebook::show_text(std::cout, name, actual, expected);
}

// A line that depends on the order of summation: shown beside the notebook's, not counted as same or different.
inline void report(const std::string& name, const std::string& actual, const std::string& notebooks) {
    std::cout << name << " = " << actual << "\n  the notebooks printed: " << notebooks
              << "\n  -> not compared: this value depends on the order of summation\n\n";
}

// "%f" of a cost, as the notebooks' "Cost after iteration %i: %f".
inline std::string f6(double x) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%f", x);
    return buf;
}

// A check that is not a printed value, said in both languages: `ok` decides the verdict.
inline void verify(const std::string& en, const std::string& ko, bool ok) {
    ++results;
    same += ok;
    std::cout << en << "\n" << ko << "\n  -> " << (ok ? "same" : "DIFFERENT") << "\n\n";
}

// Whether the tutorial was started with --quick (make tutorials QUICK=1, and the tests).
inline bool quick(int argc, char** argv) { return argc > 1 && std::string(argv[1]) == "--quick"; }

}  // namespace tutorial::weeks
