// tests/error_of.hpp - the message of the error a piece of code throws, for tests that compare error texts.
#pragma once

#include <functional>
#include <stdexcept>
#include <string>

// The what() of the std::runtime_error that f throws, or "(no exception)". Any other exception type is not
// caught, so doctest reports it: a reader that throws the wrong type fails the test instead of passing it.
inline std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return "(no exception)";
}
