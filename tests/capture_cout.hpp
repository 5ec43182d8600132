// tests/capture_cout.hpp - what a piece of code prints to std::cout (the notebooks' functions print there, as
// Python's print does), for tests that compare the printed lines.
#pragma once

#include <iostream>
#include <sstream>
#include <string>
#include <vector>

// While it lives, std::cout writes into text(); the destructor puts std::cout back.
class CaptureCout {
public:
    CaptureCout() : old_(std::cout.rdbuf(buffer_.rdbuf())) {}
    ~CaptureCout() { std::cout.rdbuf(old_); }
    CaptureCout(const CaptureCout&) = delete;
    CaptureCout& operator=(const CaptureCout&) = delete;

    std::string text() const { return buffer_.str(); }
    std::vector<std::string> lines() const {
        std::vector<std::string> out;
        std::istringstream in(buffer_.str());
        for (std::string line; std::getline(in, line);) out.push_back(line);
        return out;
    }

private:
    std::ostringstream buffer_;
    std::streambuf* old_;
};
