// tests/temp_files.hpp - a per-process scratch folder under build/ for tests that write files, and reading a
// whole file back.
#pragma once

#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <system_error>
#include <vector>

namespace temp_files {

// build/test_tmp/<tag>-<pid>: never the source tree, and separate for concurrent runs (g++, clang, sanitizers).
// Created on each call if missing (a test may remove its folder when it is done), and removed, with everything
// in it, when the test program exits.
inline std::filesystem::path dir(const std::string& tag) {
    struct Made {
        std::set<std::filesystem::path> paths;
        ~Made() {
            std::error_code ignored;
            for (const auto& p : paths) std::filesystem::remove_all(p, ignored);
        }
    };
    static Made made;
    const std::filesystem::path p = std::filesystem::path("build") / "test_tmp" / (tag + "-" + std::to_string(::getpid()));
    std::filesystem::create_directories(p);
    made.paths.insert(p);
    return p;
}

inline std::vector<std::uint8_t> read_bytes(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace temp_files
