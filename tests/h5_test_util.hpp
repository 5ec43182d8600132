// tests/h5_test_util.hpp - what the HDF5 reader's tests share: reading files back, catching errors, checking
// values against a formula, and damaging a file everywhere to see that every failure is a clean, located error.
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

#include "io/h5/format.hpp"
#include "io/h5/h5file.hpp"
#include "tests/error_of.hpp"

namespace h5_test {

using Bytes = std::vector<std::uint8_t>;
using dnn::io::Array;
using dnn::io::H5File;

inline Bytes read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return Bytes(std::istreambuf_iterator<char>(in), {});
}

inline std::vector<std::string> read_lines(const std::string& path) {
    std::ifstream in(path);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) lines.push_back(line);
    return lines;
}

using ::error_of;  // tests/error_of.hpp

// Checks shape, dtype and every value against expected(i) for the flat index i (NaN matches NaN).
inline void check_values(const Array& a, const std::vector<std::size_t>& shape, const std::string& dtype,
                  const std::function<double(std::size_t)>& expected) {
    CHECK(a.shape == shape);
    CHECK(a.dtype == dtype);
    std::size_t n = 1;
    for (std::size_t d : shape) n *= d;
    REQUIRE(a.data.size() == n);
    std::size_t bad = 0, first_bad = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double want = expected(i);
        const bool same = (std::isnan(want) && std::isnan(a.data[i])) || a.data[i] == want;
        if (!same && bad++ == 0) first_bad = i;
    }
    INFO("first mismatch at flat index " << first_bad << ": got " << (bad ? a.data[first_bad] : 0.0)
                                         << ", expected " << (bad ? expected(first_bad) : 0.0));
    CHECK(bad == 0);
}


// ---- damaged files ---------------------------------------------------------------------------------------
struct FuzzCount {
    int ok = 0, threw = 0;
};

// Opens bytes, lists them and reads `names`: must succeed or throw std::runtime_error naming the file (and,
// for a damaged structure, an offset). Anything else (another exception type, a crash) fails the test. A damaged
// dimension can describe gigabytes of fill values: reads are limited to 64 MiB here.
inline void attempt(const std::string& name, const Bytes& bytes, const std::vector<std::string>& names, FuzzCount& count) {
    try {
        H5File h = H5File::from_bytes(name, bytes);
        h.set_read_limit(std::uint64_t(64) << 20);
        h.datasets();
        for (const std::string& n : names) h.read(n);
        ++count.ok;
    } catch (const std::runtime_error& e) {
        ++count.threw;
        const std::string msg = e.what();
        INFO("message: " << msg);
        CHECK(msg.rfind(name + ": ", 0) == 0);
        const bool located = msg.find("offset 0x") != std::string::npos || msg.find("no dataset '") != std::string::npos ||
                             msg.find("not an HDF5 file") != std::string::npos;
        CHECK(located);
    } catch (const std::exception& e) {
        FAIL_CHECK("not a std::runtime_error: " << e.what());
    }
}

// Points the superblock's end-of-file address at the (truncated) size, re-checksumming versions 2 and 3,
// so that reading goes past the superblock and meets the truncation inside a structure.
inline Bytes with_eof(Bytes b) {
    const std::uint64_t size = b.size();
    if (b.size() < 48) return b;
    if (b[8] == 0) {
        for (int i = 0; i < 8; ++i) b[40 + i] = std::uint8_t(size >> (8 * i));
    } else if (b[8] == 2 || b[8] == 3) {
        for (int i = 0; i < 8; ++i) b[28 + i] = std::uint8_t(size >> (8 * i));
        const std::uint32_t sum = dnn::io::h5::lookup3(b.data(), 44);
        for (int i = 0; i < 4; ++i) b[44 + i] = std::uint8_t(sum >> (8 * i));
    }
    return b;
}

// Truncates at `truncations` offsets and changes `flips` bytes (one at a time), spread over the file.
inline FuzzCount corrupt_everywhere(const std::string& name, const Bytes& good, const std::vector<std::string>& names,
                             std::size_t truncations, std::size_t flips) {
    FuzzCount count;
    const std::size_t step_t = std::max<std::size_t>(1, good.size() / truncations);
    for (std::size_t n = 0; n < good.size(); n += step_t) {
        const Bytes cut(good.begin(), good.begin() + std::ptrdiff_t(n));
        FuzzCount plain;
        attempt(name, cut, names, plain);
        CHECK(plain.threw == 1);  // a truncated file always fails (the superblock knows the real size)
        attempt(name, with_eof(cut), names, count);
    }
    const std::size_t step_f = std::max<std::size_t>(1, good.size() / flips);
    for (std::size_t at = 0; at < good.size(); at += step_f) {
        Bytes bad = good;
        bad[at] ^= std::uint8_t(1u << (at % 8)) | (at % 3 == 0 ? 0x80 : 0x00);
        attempt(name, bad, names, count);
    }
    return count;
}

// Offset of the first occurrence of `pattern` in `b` (the test fails if there is none).
inline std::size_t find_bytes(const Bytes& b, const Bytes& pattern) {
    const auto it = std::search(b.begin(), b.end(), pattern.begin(), pattern.end());
    REQUIRE(it != b.end());
    return std::size_t(it - b.begin());
}

inline void put_le(Bytes& b, std::size_t at, std::uint64_t v, int n = 8) {
    for (int i = 0; i < n; ++i) b[at + std::size_t(i)] = std::uint8_t(v >> (8 * i));
}

inline std::uint64_t get_le(const Bytes& b, std::size_t at, int n = 8) {
    std::uint64_t v = 0;
    for (int i = n; i-- > 0;) v = (v << 8) | b.at(at + std::size_t(i));
    return v;
}

inline void append_le(Bytes& b, std::uint64_t v, int n = 8) {
    for (int i = 0; i < n; ++i) b.push_back(std::uint8_t(v >> (8 * i)));
}

inline std::string hex_offset(std::uint64_t at) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "offset 0x%llx", static_cast<unsigned long long>(at));
    return buf;
}


}  // namespace h5_test
