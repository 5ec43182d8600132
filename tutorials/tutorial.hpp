// tutorials/tutorial.hpp - what every tutorial prints: titles, explanations in English and Korean side by side,
// the C++ line being run, and each result beside the notebook's expected output with a same / different verdict.
#pragma once

#include <cstdlib>
#include <iostream>
#include <string>

#include "dnn.hpp"

namespace tutorial {

inline int results = 0;
inline int same = 0;

inline void title(const std::string& en, const std::string& ko) {
    std::cout << "\n################################################################################\n"
              << "# " << en << "\n# " << ko << "\n"
              << "################################################################################\n\n";
}

inline void section(const std::string& en, const std::string& ko) {
    std::cout << "---- " << en << " / " << ko << " ----\n\n";
}

// One idea, said in both languages.
inline void explain(const std::string& en, const std::string& ko) {
    std::cout << "  EN  " << en << "\n  KO  " << ko << "\n\n";
}

// The line of code the next result comes from.
inline void code(const std::string& line) { std::cout << "  >>> " << line << "\n\n"; }

inline void check(const std::string& name, const dnn::Matrix& actual, const std::string& expected) {
    ++results;
    same += dnn::notebook::show(std::cout, name, actual, expected);
}

inline void check(const std::string& name, double actual, const std::string& expected) {
    ++results;
    same += dnn::notebook::show(std::cout, name, actual, expected);
}

// A check that is not a printed value: `ok` decides the verdict.
inline void check_that(const std::string& what, bool ok) {
    ++results;
    same += ok;
    std::cout << what << "\n  -> " << (ok ? "same" : "DIFFERENT") << "\n\n";
}

// For a tutorial that cannot run here (the course files are absent): says so and returns main's exit status,
// 0 on a student's machine, 1 under CI (CI=true), where nothing may be skipped.
inline int skipped(const std::string& why) {
    std::cout << "SKIPPED: " << why << "\nTutorial verdict: skipped\n";
    const char* ci = std::getenv("CI");
    return ci && std::string(ci) == "true" ? 1 : 0;
}

// The last line every tutorial prints; `make tutorials` and the tests read it. Returns main's exit status.
inline int finish() {
    std::cout << "Tutorial verdict: " << same << " of " << results << " same"
              << (same == results ? " (all same / 모두 같음)" : " (SOME DIFFERENT / 다른 결과 있음)") << "\n";
    return same == results && results > 0 ? 0 : 1;
}

}  // namespace tutorial
