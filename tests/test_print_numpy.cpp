// tests/test_print_numpy.cpp - `std::cout << matrix` against numpy's own print, on a couple of hundred matrices.
//
// Each matrix is written bit-exactly to a file, /usr/bin/python3 prints it with numpy
// (np.set_printoptions(legacy='1.13'), the course's layout) and the texts must be equal character for character.
// The matrices cover zeros, negatives, integers, tiny, subnormal and huge values, nan and +-inf, -0.0, the
// switches to scientific notation (1e-4, 1e8, a 1000x span), rows that wrap at 75 characters, and arrays of
// more than 1000 elements that numpy summarises. Skipped with a message when numpy is not available.
#include <doctest/doctest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <random>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

#include "matrix/format.hpp"
#include "matrix/matrix.hpp"
#include "tests/temp_files.hpp"
#include "tests/needs.hpp"

using namespace dnn;
namespace fs = std::filesystem;

namespace {

// Deterministic values: std::mt19937_64's raw output is fixed by the standard (its distributions are not).
class Values {
public:
    double uniform() { return static_cast<double>(rng_() >> 11) * 0x1p-53; }  // [0, 1)
    double normal() {                                                        // Box-Muller
        const double u = 1.0 - uniform(), v = uniform();
        return std::sqrt(-2.0 * std::log(u)) * std::cos(6.283185307179586 * v);
    }
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(rng_() % n); }
    double sign() { return below(2) ? 1.0 : -1.0; }

private:
    std::mt19937_64 rng_{20240505};
};

struct Case {
    std::string kind;
    Matrix m;
};

const char* const kKinds[] = {"normal*10^e", "zeros",     "integers", "positive", "one nan", "+-inf",   "2 decimals",
                              "eighths",     "subnormal", "half zeros", "mixed magnitudes", "boundaries", "huge, -0.0"};
constexpr std::size_t kKindCount = sizeof kKinds / sizeof kKinds[0];

// Values at the edges of numpy's choices: scientific below 1e-4 / from 1e8, 8-decimal rounding, ties.
const double kBoundaries[] = {1e-4,       9.9999999e-5, 1e8,        99999999.5, 99999999.0, 1000.0,    1.0,
                              0.001,      0.123456785,  0.5,        1.000000005, 2.675,     1e-8,      0.1,
                              123456.789, 0.0001000001, 1.23456789e7, 0.99999999999, 0.0,     33.3333333333};

Matrix make(std::size_t kind, std::size_t r, std::size_t c, Values& g) {
    Matrix m(r, c);
    const double scale = std::pow(10.0, static_cast<double>(g.below(25)) - 12.0);
    for (std::size_t i = 0; i < r; ++i) {
        for (std::size_t j = 0; j < c; ++j) {
            const double x = g.normal();
            double v = 0;
            switch (kind) {
                case 0: v = x * scale; break;
                case 1: v = 0; break;
                case 2: v = std::round(x * 100); break;
                case 3: v = std::fabs(x) * scale; break;
                case 4: v = x; break;
                case 5: v = x * 10; break;
                case 6: v = std::round(x * 100) / 100; break;
                case 7: v = std::round(x * 80) / 8; break;
                case 8: v = x * 1e-310; break;
                case 9: v = g.below(2) ? 0.0 : x; break;
                case 10: v = x * std::pow(10.0, static_cast<double>(g.below(13)) - 6.0); break;
                case 11: v = g.sign() * kBoundaries[g.below(sizeof kBoundaries / sizeof kBoundaries[0])]; break;
                default: v = g.below(4) == 0 ? -0.0 : x * 1e300; break;
            }
            m(i, j) = v;
        }
    }
    if (m.empty()) return m;
    if (kind == 4) m(g.below(r), g.below(c)) = std::numeric_limits<double>::quiet_NaN();
    if (kind == 5) {
        m(g.below(r), g.below(c)) = std::numeric_limits<double>::infinity();
        m(g.below(r), g.below(c)) = -std::numeric_limits<double>::infinity();
    }
    return m;
}

std::vector<Case> cases() {
    // 17 shapes x 13 kinds (coprime counts: case k takes shape k % 17 and kind k % 13, every pair once).
    const std::vector<std::pair<std::size_t, std::size_t>> shapes{
        {1, 1},  {1, 2},  {3, 2},  {2, 15},   {4, 30},    {5, 4},   {1, 100}, {12, 1},  {40, 40},
        {1, 1001}, {1001, 1}, {2, 501}, {3, 334}, {25, 40}, {0, 0}, {7, 7}, {6, 200}};
    Values g;
    std::vector<Case> out;
    for (std::size_t k = 0; k < shapes.size() * kKindCount; ++k) {
        const auto [r, c] = shapes[k % shapes.size()];
        const std::size_t kind = k % kKindCount;
        out.push_back({kKinds[kind], make(kind, r, c, g)});
    }
    // A transposed view prints its own elements, and a wide row of the notebook's scale wraps.
    Matrix w(2, 40);
    for (std::size_t j = 0; j < 40; ++j) w(0, j) = w(1, j) = g.normal() * 0.01;
    out.push_back({"transposed view", w.T()});
    out.push_back({"wide row", w});
    // 14 numbers of width 4 fill a line to column 71; a 15th would end at column 76, one past the limit.
    Matrix edge(2, 20);
    for (std::size_t j = 0; j < 20; ++j) edge(0, j) = edge(1, j) = j % 2 ? -2.5 : 1.5;
    out.push_back({"wrap at the 75th column", edge});
    return out;
}

fs::path temp_dir() { return temp_files::dir("print"); }

// How numpy prints each case: "legacy" (np.set_printoptions(legacy='1.13'), the course's layout until 2020),
// "modern" (numpy's own, the 2021 notebooks'), "legacy 1-D" / "modern 1-D" (the elements as a 1-D array), "bool"
// (a != 0, numpy's default layout).
// numpy's print of each matrix (in order), read back from /usr/bin/python3.
std::vector<std::string> numpy_texts(const std::vector<Case>& cs, std::string& error,
                                     const std::string& mode = "legacy") {
    const fs::path data = temp_dir() / "cases.txt", py = temp_dir() / "print.py", out = temp_dir() / "numpy.txt";
    {
        std::ofstream f(data);
        char hex[17];
        for (const auto& c : cs) {
            f << c.m.rows() << ' ' << c.m.cols() << '\n';
            for (std::size_t i = 0; i < c.m.rows(); ++i)
                for (std::size_t j = 0; j < c.m.cols(); ++j) {
                    std::snprintf(hex, sizeof hex, "%016llx",
                                  static_cast<unsigned long long>(std::bit_cast<std::uint64_t>(c.m(i, j))));
                    f << hex << ' ';
                }
            f << '\n';
        }
    }
    std::ofstream(py) << R"(
import sys, numpy as np
mode = sys.argv[2]
if mode.startswith('legacy'):
    np.set_printoptions(legacy='1.13')
lines = open(sys.argv[1]).read().split('\n')
out = []
for k in range(0, len(lines) - 1, 2):
    r, c = map(int, lines[k].split())
    bits = [int(h, 16) for h in lines[k + 1].split()]
    a = np.array(bits, dtype=np.uint64).view(np.float64).reshape(r, c)
    if mode.endswith('1-D'):
        a = a.ravel()
    if mode == 'bool':
        a = a != 0
    out.append(str(a) + '\n<<<END>>>\n')
sys.stdout.write(''.join(out))
)";
    const std::string cmd = "/usr/bin/python3 '" + py.string() + "' '" + data.string() + "' '" + mode + "' > '" +
                            out.string() + "' 2>&1";
    const int rc = std::system(cmd.c_str());
    std::stringstream text;
    text << std::ifstream(out).rdbuf();
    if (rc != 0) {
        error = "python failed: " + text.str();
        return {};
    }
    std::vector<std::string> texts;
    const std::string all = text.str(), sep = "\n<<<END>>>\n";
    for (std::size_t at = 0, next; (next = all.find(sep, at)) != std::string::npos; at = next + sep.size())
        texts.push_back(all.substr(at, next - at));
    return texts;
}

}  // namespace

TEST_CASE("print_numpy: std::cout << matrix is numpy's print, character for character" * needs::numpy()) {
    const std::vector<Case> cs = cases();
    std::string error;
    const std::vector<std::string> theirs = numpy_texts(cs, error);
    REQUIRE_MESSAGE(error.empty(), error);
    REQUIRE(theirs.size() == cs.size());
    int mismatches = 0;
    for (std::size_t k = 0; k < cs.size(); ++k) {
        std::ostringstream os;
        os << cs[k].m;
        if (os.str() == theirs[k]) continue;
        if (++mismatches <= 3)
            FAIL_CHECK("case " << k << " (" << cs[k].kind << ", shape " << to_string(cs[k].m.shape())
                                << ")\nours:\n" << os.str() << "\nnumpy:\n" << theirs[k]);
    }
    CHECK(mismatches == 0);
    MESSAGE(cs.size() << " matrices compared with numpy's print");
    fs::remove_all(temp_dir());
}

// The 2021 notebooks print with numpy >= 1.14 (Layout::modern); their 1-D arrays are the C++ rows and columns
// printed by format_1d; boolean results (A2 > 0.5) print through format_bool.
TEST_CASE("print_numpy: the modern layout, 1-D arrays and booleans are numpy's print, character for character" *
          needs::numpy()) {
    std::vector<Case> cs = cases();
    std::vector<Case> one_d;
    for (const Case& c : cs)
        if (c.m.rows() == 1 || c.m.cols() == 1) one_d.push_back(c);
    REQUIRE(one_d.size() > 30);
    const PrintOptions legacy, modern{.layout = Layout::modern};
    struct Mode {
        const char* name;
        const std::vector<Case>* cases;
        std::string (*print)(const Matrix&, const PrintOptions&);
        const PrintOptions* options;
    };
    const Mode modes[] = {{"modern", &cs, format_matrix, &modern},
                          {"legacy 1-D", &one_d, format_1d, &legacy},
                          {"modern 1-D", &one_d, format_1d, &modern},
                          {"bool", &cs, format_bool, &modern}};
    for (const Mode& mode : modes) {
        const std::string name = mode.name;
        CAPTURE(name);
        std::string error;
        const std::vector<std::string> theirs = numpy_texts(*mode.cases, error, mode.name);
        REQUIRE_MESSAGE(error.empty(), error);
        REQUIRE(theirs.size() == mode.cases->size());
        int mismatches = 0;
        for (std::size_t k = 0; k < theirs.size(); ++k) {
            const Case& c = (*mode.cases)[k];
            const std::string ours = mode.print(c.m, *mode.options);
            if (ours == theirs[k]) continue;
            if (++mismatches <= 3)
                FAIL_CHECK(mode.name << " case " << k << " (" << c.kind << ", shape " << to_string(c.m.shape())
                                     << ")\nours:\n" << ours << "\nnumpy:\n" << theirs[k]);
        }
        CHECK(mismatches == 0);
        MESSAGE(theirs.size() << " arrays compared with numpy's print (" << name << ")");
    }
    fs::remove_all(temp_dir());
}

TEST_CASE("print_numpy: str() of a float64 before numpy 1.14 has 12 significant digits") {
    CHECK(legacy_float_str(0.001455578136784208) == "0.00145557813678");
    CHECK(legacy_float_str(5.801545319394553) == "5.80154531939");
    CHECK(legacy_float_str(2.0 / 3.0) == "0.666666666667");
    CHECK(legacy_float_str(0.5) == "0.5");
    CHECK(legacy_float_str(2.0) == "2.0");
    CHECK(legacy_float_str(-1.3076660128732143) == "-1.30766601287");
    CHECK(legacy_float_str(1e-05) == "1e-05");
}

TEST_CASE("print_numpy: a 1-D array is a row or a column") {
    CHECK_THROWS_WITH_AS(format_1d(Matrix(2, 2)), "format_1d: a 1-D array is a row or a column, not shape (2, 2)",
                         std::invalid_argument);
    CHECK(format_1d(Matrix{{0.5}, {0.88079708}}) == "[ 0.5         0.88079708]");
    CHECK(format_1d(Matrix{{0.5, 0.88079708}}, {.layout = Layout::modern}) == "[0.5        0.88079708]");
    CHECK(format_bool(Matrix{{1, 0, 1}}) == "[[ True False  True]]");
}
