// tests/temp_files.hpp - a per-process scratch folder under build/ for tests that write files, and reading a
// whole file back.
#pragma once

#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>
#include <vector>

namespace temp_files {

// build/test_tmp/<tag>-<pid>: never the source tree, and separate for concurrent runs (g++, clang, sanitizers).
// Created on first use and removed, with everything in it, when the test program exits.
inline std::filesystem::path dir(const std::string& tag) {
    struct Dir {
        std::filesystem::path path;
        explicit Dir(std::filesystem::path p) : path(std::move(p)) { std::filesystem::create_directories(path); }
        ~Dir() {
            std::error_code ignored;
            std::filesystem::remove_all(path, ignored);
        }
    };
    static const Dir d(std::filesystem::path("build") / "test_tmp" / (tag + "-" + std::to_string(::getpid())));
    return d.path;
}

inline std::vector<std::uint8_t> read_bytes(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace temp_files
