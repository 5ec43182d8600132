// tests/test_npy.cpp - .npy and .npz files (io/npy, io/npz), the CRC-32 they share with PNG, and atomic writes.
// Cross-checks with numpy run /usr/bin/python3 when it has numpy, and report themselves skipped otherwise.
#include <doctest/doctest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <limits>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

#include "io/atomic_write.hpp"
#include "io/crc32.hpp"
#include "io/npy.hpp"
#include "io/npz.hpp"
#include "matrix/matrix.hpp"
#include "nn/types.hpp"
#include "tests/temp_files.hpp"
#include "tests/error_of.hpp"
#include "tests/needs.hpp"

using namespace dnn;
using namespace dnn::io;
namespace fs = std::filesystem;

namespace {

fs::path temp_dir() { return temp_files::dir("npy"); }
using temp_files::read_bytes;

void write_bytes(const fs::path& p, const std::vector<std::uint8_t>& b) {
    std::ofstream out(p, std::ios::binary);
    out.write(reinterpret_cast<const char*>(b.data()), static_cast<std::streamsize>(b.size()));
}

// Runs a Python script (given its text) with the temp dir as argv[1]; returns its stdout and stderr.
std::string run_python(const std::string& name, const std::string& script) {
    const fs::path py = temp_dir() / (name + ".py"), out = temp_dir() / (name + ".out");
    std::ofstream(py) << script;
    const std::string cmd = "/usr/bin/python3 '" + py.string() + "' '" + temp_dir().string() + "' > '" +
                            out.string() + "' 2>&1";
    const int rc = std::system(cmd.c_str());
    std::ifstream in(out);
    std::stringstream text;
    text << in.rdbuf();
    if (rc != 0) return "python failed: " + text.str();
    return text.str();
}

bool same_bits(double a, double b) { return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b); }

bool same_matrix(const Matrix& a, const Matrix& b) {
    if (a.shape() != b.shape()) return false;
    for (std::size_t i = 0; i < a.rows(); ++i)
        for (std::size_t j = 0; j < a.cols(); ++j)
            if (!same_bits(a(i, j), b(i, j))) return false;
    return true;
}

// k / 7.0 in C order: the same numbers as numpy's np.arange(r * c).reshape(r, c) / 7.0.
Matrix sevenths(std::size_t r, std::size_t c) {
    Matrix m(r, c);
    for (std::size_t i = 0; i < r; ++i)
        for (std::size_t j = 0; j < c; ++j) m(i, j) = double(i * c + j) / 7.0;
    return m;
}

// Values that test every bit: signed zero, subnormals, infinities, a NaN payload, extremes.
Matrix awkward_values() {
    const double inf = std::numeric_limits<double>::infinity();
    Matrix m{{0.0, -0.0, 1.0, -1.5},
             {std::numeric_limits<double>::denorm_min(), std::numeric_limits<double>::max(), inf, -inf},
             {std::bit_cast<double>(0x7FF8000000000123ull), 0.1, 1e-300, -123456.789}};
    return m;
}

}  // namespace

// ---- npy -------------------------------------------------------------------------------------------------

TEST_CASE("npy: save_npy / load_npy round trip keeps every bit") {
    const fs::path p = temp_dir() / "round.npy";
    const Matrix m = awkward_values();
    save_npy(p.string(), m);
    CHECK(same_matrix(load_npy(p.string()), m));

    // A transposed view is written as the matrix it shows, not as its storage.
    const Matrix t = m.T();
    save_npy(p.string(), t);
    const Matrix back = load_npy(p.string());
    CHECK(back.shape() == Shape{4, 3});
    CHECK(same_matrix(back, t));

    // Empty matrices keep their shape.
    save_npy(p.string(), Matrix(0, 3));
    CHECK(load_npy(p.string()).shape() == Shape{0, 3});

    const NpyArray a = load_npy_array(p.string());
    CHECK(a.shape == std::vector<std::size_t>{0, 3});
    CHECK(a.dtype == "float64");
    fs::remove(p);
}

TEST_CASE("npy: the file layout follows the format description") {
    const std::vector<std::uint8_t> b = encode_npy(sevenths(2, 3));
    REQUIRE(b.size() > 10);
    CHECK(std::memcmp(b.data(), "\x93NUMPY\x01\x00", 8) == 0);
    const std::size_t header = b[8] | (std::size_t(b[9]) << 8);
    CHECK((10 + header) % 64 == 0);
    CHECK(b[10 + header - 1] == '\n');
    const std::string dict(b.begin() + 10, b.begin() + 10 + static_cast<std::ptrdiff_t>(header));
    CHECK(dict.rfind("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }", 0) == 0);
    CHECK(b.size() == 10 + header + 6 * 8);
    // The last element, 5/7, little-endian.
    std::uint64_t last = 0;
    for (int i = 7; i >= 0; --i) last = (last << 8) | b[b.size() - 8 + static_cast<std::size_t>(i)];
    CHECK(same_bits(std::bit_cast<double>(last), 5.0 / 7.0));
}

TEST_CASE("npy: numpy writes the same bytes and reads what save_npy writes" * needs::numpy()) {
    save_npy((temp_dir() / "ours.npy").string(), sevenths(3, 4));
    save_npy((temp_dir() / "awkward.npy").string(), awkward_values());
    const std::string out = run_python("npy_check", R"(
import sys, numpy as np
d = sys.argv[1]
ref = np.arange(12).reshape(3, 4) / 7.0
np.save(d + '/theirs.npy', ref)
a = np.load(d + '/ours.npy')
assert a.dtype == np.float64 and a.shape == (3, 4) and np.array_equal(a, ref)
w = np.load(d + '/awkward.npy')
print('OK', w.shape, w[0, 1].hex(), w[1, 0].hex(), w[2, 0].view(np.uint64).item() == 0x7FF8000000000123, w[1, 2])
)");
    CHECK(out == "OK (3, 4) -0x0.0p+0 0x0.0000000000001p-1022 True inf\n");
    CHECK(read_bytes(temp_dir() / "theirs.npy") == read_bytes(temp_dir() / "ours.npy"));
}

TEST_CASE("npy: reads numpy's versions, byte orders, dtypes and Fortran order" * needs::numpy()) {
    const std::string out = run_python("npy_write", R"(
import sys, numpy as np
from numpy.lib import format as fmt
d = sys.argv[1]
ints = {'i1': (-128, 127), 'i2': (-32768, 32767), 'i4': (-2**31, 2**31 - 1), 'i8': (-2**63, 2**63 - 1),
        'u1': (0, 255), 'u2': (0, 65535), 'u4': (0, 2**32 - 1), 'u8': (0, 2**64 - 1)}
for t, (lo, hi) in ints.items():
    for order in '<>':
        dt = np.dtype(order + t)
        np.save(d + '/%s%s.npy' % ('le' if order == '<' else 'be', t), np.array([[lo, hi, 0], [1, 5, lo + 1]], dtype=dt))
for t in ['f2', 'f4', 'f8']:
    for order in '<>':
        a = np.array([[0.5, -2.5, 0.09375], [65504.0, -0.0, np.inf]], dtype=np.dtype(order + t))
        np.save(d + '/%s%s.npy' % ('le' if order == '<' else 'be', t), a)
np.save(d + '/f4tenth.npy', np.array([[0.1]], dtype='<f4'))
np.save(d + '/bool.npy', np.array([[True, False], [False, True]]))
np.save(d + '/fortran3d.npy', np.asfortranarray(np.arange(24.0).reshape(2, 3, 4)))
np.save(d + '/fortran2d.npy', np.asfortranarray(np.arange(6, dtype='<i4').reshape(2, 3)))
np.save(d + '/one_d.npy', np.arange(5.0))
np.save(d + '/zero_d.npy', np.array(3.5))
for v in [(1, 0), (2, 0), (3, 0)]:
    with open(d + '/v%d.npy' % v[0], 'wb') as f:
        fmt.write_array(f, np.arange(12).reshape(3, 4) / 7.0, version=v)
print('written')
)");
    REQUIRE(out == "written\n");
    auto path = [](const std::string& name) { return (temp_dir() / name).string(); };

    const std::vector<std::pair<std::string, std::pair<double, double>>> ints = {
        {"i1", {-128, 127}},
        {"i2", {-32768, 32767}},
        {"i4", {-2147483648.0, 2147483647.0}},
        {"i8", {-9223372036854775808.0, double(std::numeric_limits<std::int64_t>::max())}},
        {"u1", {0, 255}},
        {"u2", {0, 65535}},
        {"u4", {0, 4294967295.0}},
        {"u8", {0, double(std::numeric_limits<std::uint64_t>::max())}}};
    for (const auto& entry : ints) {
        const std::string& t = entry.first;
        const auto& range = entry.second;
        for (const std::string order : {"le", "be"}) {
            CAPTURE(t);
            CAPTURE(order);
            const NpyArray a = load_npy_array(path(order + t + ".npy"));
            CHECK(a.dtype == std::string(t[0] == 'i' ? "int" : "uint") + std::to_string(8 * (t[1] - '0')));
            CHECK(same_matrix(load_npy(path(order + t + ".npy")),
                              Matrix{{range.first, range.second, 0}, {1, 5, range.first + 1}}));
        }
    }
    const double inf = std::numeric_limits<double>::infinity();
    for (const std::string t : {"f2", "f4", "f8"})
        for (const std::string order : {"le", "be"}) {
            CAPTURE(t + order);
            CHECK(same_matrix(load_npy(path(order + t + ".npy")), Matrix{{0.5, -2.5, 0.09375}, {65504.0, -0.0, inf}}));
        }
    CHECK(load_npy_array(path("lef2.npy")).dtype == "float16");
    CHECK(load_npy_array(path("bef4.npy")).dtype == "float32");
    CHECK(same_bits(load_npy(path("f4tenth.npy"))(0, 0), double(0.1f)));
    CHECK(same_matrix(load_npy(path("bool.npy")), Matrix{{1, 0}, {0, 1}}));
    CHECK(load_npy_array(path("bool.npy")).dtype == "bool");

    const NpyArray f3 = load_npy_array(path("fortran3d.npy"));
    CHECK(f3.shape == std::vector<std::size_t>{2, 3, 4});
    std::vector<double> iota(24);
    for (std::size_t k = 0; k < 24; ++k) iota[k] = double(k);
    CHECK(f3.data == iota);
    CHECK(same_matrix(load_npy(path("fortran2d.npy")), Matrix{{0, 1, 2}, {3, 4, 5}}));
    CHECK(error_of([&] { load_npy(path("fortran3d.npy")); }).find("shape (2, 3, 4) has more than 2 dimensions") !=
          std::string::npos);

    CHECK(same_matrix(load_npy(path("one_d.npy")), Matrix{{0, 1, 2, 3, 4}}));  // (5,) -> (1, 5)
    CHECK(load_npy_array(path("one_d.npy")).shape == std::vector<std::size_t>{5});
    CHECK(same_matrix(load_npy(path("zero_d.npy")), Matrix{{3.5}}));
    CHECK(load_npy_array(path("zero_d.npy")).shape.empty());

    for (const std::string v : {"v1", "v2", "v3"}) {
        CAPTURE(v);
        const std::vector<std::uint8_t> bytes = read_bytes(temp_dir() / (v + ".npy"));
        REQUIRE(bytes.size() > 8);
        CHECK(bytes[6] == v[1] - '0');
        CHECK(same_matrix(load_npy(path(v + ".npy")), sevenths(3, 4)));
    }
}

TEST_CASE("npy: damaged or unsupported files throw runtime_error naming file, structure and byte") {
    const std::vector<std::uint8_t> good = encode_npy(sevenths(2, 3));
    const std::size_t data_at = 10 + (good[8] | (std::size_t(good[9]) << 8));
    auto decode = [](const std::vector<std::uint8_t>& b) { return decode_npy(b.data(), b.size(), "test 'x.npy'"); };
    auto message = [&](const std::vector<std::uint8_t>& b) { return error_of([&] { decode(b); }); };
    // The dict with another text in place of the original, padded to the same length.
    auto with_header = [&](const std::string& dict) {
        std::vector<std::uint8_t> b(good.begin(), good.begin() + 10);
        std::string h = dict;
        h.resize(data_at - 11, ' ');
        h += '\n';
        b.insert(b.end(), h.begin(), h.end());
        b.insert(b.end(), good.begin() + static_cast<std::ptrdiff_t>(data_at), good.end());
        return b;
    };

    // Every truncation throws (shorter data, cut header, cut preamble).
    for (std::size_t n = 0; n < good.size(); ++n) {
        CAPTURE(n);
        CHECK_THROWS_AS(decode(std::vector<std::uint8_t>(good.begin(), good.begin() + static_cast<std::ptrdiff_t>(n))),
                        std::runtime_error);
    }
    // Flipping any byte of the preamble or header either throws or (for a harmless change, such as a space
    // turned into a tab) still gives the same array; it never crashes or returns garbage shapes.
    std::size_t thrown = 0;
    for (std::size_t i = 0; i < data_at; ++i) {
        for (std::uint8_t mask : {0x01, 0x20, 0x80, 0xFF}) {
            std::vector<std::uint8_t> b = good;
            b[i] ^= mask;
            try {
                const NpyArray a = decode(b);
                CHECK(a.shape == std::vector<std::size_t>{2, 3});
            } catch (const std::runtime_error&) {
                ++thrown;
            }
        }
    }
    CHECK(thrown > 3 * data_at);

    CHECK(message(std::vector<std::uint8_t>(good.begin(), good.begin() + 5)) ==
          "test 'x.npy': npy preamble at byte 0: only 5 bytes, need at least 10");
    std::vector<std::uint8_t> b = good;
    b[1] = 'X';
    CHECK(message(b) == "test 'x.npy': npy magic at byte 0: not a .npy file (no \\x93NUMPY)");
    b = good;
    b[6] = 4;
    CHECK(message(b) == "test 'x.npy': npy version at byte 6: unsupported version 4.0 (1.0, 2.0 and 3.0 are known)");
    b = good;
    b[9] = 0x7F;
    CHECK(message(b).find("npy header length at byte 8: header of 32630 bytes runs past the end") != std::string::npos);
    CHECK(message(with_header("[1, 2]")) == "test 'x.npy': npy header at byte 10: expected '{'");
    CHECK(message(with_header("{'descr': '<f8', 'shape': (2, 3), }")) ==
          "test 'x.npy': npy header at byte 10: the dict needs the keys 'descr', 'fortran_order' and 'shape'");
    CHECK(message(with_header("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), 'x': True}")) ==
          "test 'x.npy': npy header at byte 10: unexpected key 'x'");
    CHECK(message(with_header("{'descr': '<c16', 'fortran_order': False, 'shape': (2, 3), }"))
              .find("npy header at byte 10: unsupported dtype '<c16'") != std::string::npos);
    CHECK(message(with_header("{'descr': '|O', 'fortran_order': False, 'shape': (2, 3), }"))
              .find("unsupported dtype '|O'") != std::string::npos);
    CHECK(message(with_header("{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (2, 3), }")) ==
          "test 'x.npy': npy header at byte 20: structured (record) dtypes are not supported");
    CHECK(message(with_header("{'descr': '<f8', 'fortran_order': False, 'shape': (2, -3), }")) ==
          "test 'x.npy': npy header at byte 64: negative dimension");
    CHECK(message(with_header("{'descr': '<f8', 'fortran_order': False, 'shape': (6), }")) ==
          "test 'x.npy': npy header at byte 63: (n) is not a tuple in Python; expected (n,)");
    CHECK(message(with_header("{'descr': '<f8', 'fortran_order': 0, 'shape': (2, 3), }")) ==
          "test 'x.npy': npy header at byte 44: expected a string, True, False or a tuple");
    // A shape that needs more bytes than the file has is refused before anything is allocated.
    CHECK(message(with_header("{'descr': '<f8', 'fortran_order': False, 'shape': (100000000000, 100000000000), }")) ==
          "test 'x.npy': npy data at byte 128: shape (100000000000, 100000000000) of float64 needs more than the 48 "
          "bytes the file has");
    CHECK(message(with_header("{'descr': '<f8', 'fortran_order': False, 'shape': (99999999999999999999999, ), }"))
              .find("dimension too large") != std::string::npos);
    CHECK(message(with_header("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }")) ==
          "test 'x.npy': npy data at byte 128: shape (2, 2) of float64 needs 32 bytes but 48 follow the header");
    b = good;
    b.push_back(0);
    CHECK(message(b) == "test 'x.npy': npy data at byte 128: shape (2, 3) of float64 needs 48 bytes but 49 follow the header");

    // Through the file functions, the message names the file.
    const fs::path p = temp_dir() / "damaged.npy";
    write_bytes(p, std::vector<std::uint8_t>(good.begin(), good.end() - 1));
    CHECK(error_of([&] { load_npy(p.string()); }) ==
          "load_npy: '" + p.string() + "': npy data at byte 128: shape (2, 3) of float64 needs more than the 47 bytes the file has");
    CHECK(error_of([&] { load_npy((temp_dir() / "missing.npy").string()); }) ==
          "load_npy: '" + (temp_dir() / "missing.npy").string() + "': cannot open the file");
    CHECK(error_of([&] { load_npy(temp_dir().string()); }) == "load_npy: '" + temp_dir().string() + "': not a regular file");
    fs::remove(p);
}

// ---- npz -------------------------------------------------------------------------------------------------

namespace {
Parameters sample_parameters() {
    Parameters p;
    p["W1"] = sevenths(3, 4);
    p["b1"] = Matrix(3, 1);
    p["W2"] = awkward_values().T();  // a transposed view: saved as what it shows
    p["b2"] = Matrix{{-0.25}};
    return p;
}
}  // namespace

TEST_CASE("npz: save_npz / load_npz round trip keeps keys, shapes and every bit") {
    const Parameters params = sample_parameters();
    const fs::path p = temp_dir() / "params.npz";
    save_npz(p.string(), params);
    const Parameters back = load_npz(p.string());
    REQUIRE(back.size() == params.size());
    for (const auto& entry : params) {
        const std::string& key = entry.first;
        CAPTURE(key);
        REQUIRE(back.count(key) == 1);
        CHECK(same_matrix(back[key], entry.second));
    }
    CHECK(read_bytes(p) == encode_npz(params));
    // An empty dict is an empty (but valid) archive.
    CHECK(decode_npz(encode_npz(Parameters{}), "test").empty());
    fs::remove(p);
}

TEST_CASE("npz: numpy opens save_npz's file, and load_npz opens np.savez and np.savez_compressed files" * needs::numpy()) {
    save_npz((temp_dir() / "ours.npz").string(), sample_parameters());
    const std::string out = run_python("npz_check", R"(
import sys, zipfile, numpy as np
d = sys.argv[1]
z = np.load(d + '/ours.npz')
assert np.array_equal(z['W1'], np.arange(12).reshape(3, 4) / 7.0)
assert z['b1'].shape == (3, 1) and not z['b1'].any()
assert z['W2'].shape == (4, 3) and z['W2'][0, 1] == np.finfo(np.float64).tiny * 2**-52
assert z['b2'].shape == (1, 1) and z['b2'][0, 0] == -0.25
assert zipfile.ZipFile(d + '/ours.npz').testzip() is None
print('OK', ' '.join(sorted(z.files)))
arrays = dict(W1=np.arange(12).reshape(3, 4) / 7.0, b1=np.zeros((3, 1)), v=np.arange(3.0),
              big=np.arange(3000.0).reshape(30, 100) / 3.0, i=np.arange(6, dtype='>i2').reshape(2, 3))
np.savez(d + '/savez.npz', **arrays)
np.savez_compressed(d + '/compressed.npz', **arrays)
print(zipfile.ZipFile(d + '/compressed.npz').getinfo('big.npy').compress_type)
)");
    CHECK(out == "OK W1 W2 b1 b2\n8\n");
    for (const std::string name : {"savez.npz", "compressed.npz"}) {
        CAPTURE(name);
        const Parameters p = load_npz((temp_dir() / name).string());
        CHECK(p.size() == 5);
        CHECK(same_matrix(p["W1"], sevenths(3, 4)));
        CHECK(same_matrix(p["b1"], Matrix(3, 1)));
        CHECK(same_matrix(p["v"], Matrix{{0, 1, 2}}));
        CHECK(same_matrix(p["i"], Matrix{{0, 1, 2}, {3, 4, 5}}));
        REQUIRE(p["big"].shape() == Shape{30, 100});
        bool all = true;
        for (std::size_t k = 0; k < 3000; ++k) all = all && same_bits(p["big"](k / 100, k % 100), double(k) / 3.0);
        CHECK(all);
    }
}

TEST_CASE("npz: damaged or unsupported archives throw runtime_error naming file, member and byte") {
    Parameters params;
    params["W1"] = sevenths(2, 3);
    params["b1"] = Matrix{{1}, {2}};
    const std::vector<std::uint8_t> good = encode_npz(params);
    auto message = [](const std::vector<std::uint8_t>& b) { return error_of([&] { decode_npz(b, "test 'p.npz'"); }); };

    // Every truncation throws: the end record is gone or points outside the file.
    for (std::size_t n = 0; n < good.size(); ++n) {
        CAPTURE(n);
        CHECK_THROWS_AS(decode_npz(std::vector<std::uint8_t>(good.begin(), good.begin() + static_cast<std::ptrdiff_t>(n)),
                                   "test"),
                        std::runtime_error);
    }
    // Any byte flipped anywhere: an exception or the same arrays (the local header's copies of CRC, sizes and
    // dates are not used), never a crash.
    std::size_t thrown = 0;
    for (std::size_t i = 0; i < good.size(); ++i) {
        std::vector<std::uint8_t> b = good;
        b[i] ^= 0x41;
        try {
            const Parameters p = decode_npz(b, "test");
            CHECK(p.size() == 2);
            CHECK(same_matrix(p["W1"], params["W1"]));
            CHECK(same_matrix(p["b1"], params["b1"]));
        } catch (const std::runtime_error&) {
            ++thrown;
        }
    }
    CHECK(thrown > good.size() * 3 / 4);

    // Offsets of the structures in `good`: member W1.npy at 0 (its data at 36), b1.npy after it.
    const std::size_t w1_data = 30 + 6;
    const std::size_t w1_size = good[18] | (std::size_t(good[19]) << 8);
    const std::size_t b1_local = w1_data + w1_size;
    const std::size_t end_at = good.size() - 22;
    const std::size_t central_at = good[end_at + 16] | (std::size_t(good[end_at + 17]) << 8);

    std::vector<std::uint8_t> b = good;
    b[w1_data + 100] ^= 1;  // inside the array data: only the CRC can tell
    CHECK(message(b).rfind("test 'p.npz': zip member 'W1.npy' data at byte 36: CRC-32 mismatch", 0) == 0);

    b = good;
    b[central_at + 43] = 0xF0;  // W1's local header offset becomes 0xF000, far outside the file
    CHECK(message(b) == "test 'p.npz': zip member 'W1.npy' local header at byte 61440: outside the file's member area");

    b = good;
    b[end_at + 16] = 0xFF;  // central directory offset past the end record
    CHECK(message(b).find("zip end of central directory at byte " + std::to_string(end_at) +
                          ": central directory (offset") != std::string::npos);

    b = good;
    b[end_at + 10] = 0xFF;  // 0xFFFF entries: the zip64 marker
    b[end_at + 11] = 0xFF;
    b[end_at + 8] = 0xFF;
    b[end_at + 9] = 0xFF;
    CHECK(message(b) == "test 'p.npz': zip end of central directory at byte " + std::to_string(end_at) +
                            ": zip64 archives are not supported");

    b = good;
    for (int k = 0; k < 4; ++k) b[central_at + 20 + static_cast<std::size_t>(k)] = 0xFF;  // compressed size 0xFFFFFFFF
    CHECK(message(b) == "test 'p.npz': zip central directory entry 0 ('W1.npy') at byte " + std::to_string(central_at) +
                            ": zip64 members are not supported");

    b = good;
    b[central_at + 10] = 12;  // bzip2
    CHECK(message(b).find("compression method 12 is not supported") != std::string::npos);

    b = good;
    b[central_at + 8] = 1;  // encrypted
    CHECK(message(b).find("encrypted members are not supported") != std::string::npos);

    b = good;
    b[central_at + 46 + 3] = 'x';  // "W1.xpy" in the central directory only
    CHECK(message(b) == "test 'p.npz': zip member 'W1.xpy' local header at byte 0: name differs from the central directory");

    b = good;
    b[b1_local] = 'Q';  // b1's local header signature
    CHECK(message(b) == "test 'p.npz': zip member 'b1.npy' local header at byte " + std::to_string(b1_local) +
                            ": bad signature");

    CHECK(message(std::vector<std::uint8_t>(100, 0)) ==
          "test 'p.npz': zip end of central directory at byte 78: not found (not a zip archive, or truncated)");

    // A damaged .npy inside a well-formed zip: the offset is the absolute one in the archive.
    Parameters bad;
    bad["x"] = Matrix{{1, 2}};
    std::vector<std::uint8_t> z = encode_npz(bad);
    z[30 + 5 + 1] = 'X';  // the member's second magic byte, with the CRC fixed up so only the .npy is wrong
    const std::uint32_t crc = crc32(z.data() + 35, 128 + 16);
    for (std::size_t at : {std::size_t(14), z.size() - 22 - 51 + 16})
        for (int k = 0; k < 4; ++k) z[at + static_cast<std::size_t>(k)] = static_cast<std::uint8_t>(crc >> (8 * k));
    CHECK(message(z) == "test 'p.npz' zip member 'x.npy': npy magic at byte 35: not a .npy file (no \\x93NUMPY)");

    const fs::path p = temp_dir() / "damaged.npz";
    write_bytes(p, std::vector<std::uint8_t>(good.begin(), good.end() - 1));
    CHECK(error_of([&] { load_npz(p.string()); }).rfind("load_npz: '" + p.string() + "': zip end of central directory", 0) ==
          0);
    CHECK(error_of([&] { load_npz((temp_dir() / "missing.npz").string()); }) ==
          "load_npz: '" + (temp_dir() / "missing.npz").string() + "': cannot open the file");
    fs::remove(p);
}

TEST_CASE("npz: damaged np.savez_compressed members throw" * needs::numpy()) {
    const std::string out = run_python("npz_deflated", R"(
import sys, numpy as np
np.savez_compressed(sys.argv[1] + '/deflated.npz', w=np.arange(2000.0) / 3.0)
print('written')
)");
    REQUIRE(out == "written\n");
    const std::vector<std::uint8_t> good = read_bytes(temp_dir() / "deflated.npz");
    REQUIRE(decode_npz(good, "test").at("w").shape() == Shape{1, 2000});
    const std::size_t name_len = good[26], extra_len = good[28] | (std::size_t(good[29]) << 8);
    const std::size_t data_at = 30 + name_len + extra_len;
    std::size_t thrown = 0, total = 0;
    for (std::size_t i = data_at; i < data_at + 400; i += 3) {
        std::vector<std::uint8_t> b = good;
        b[i] ^= 0x10;
        ++total;
        try {
            const Parameters p = decode_npz(b, "test");  // a harmless change must give the very same values
            CHECK(same_matrix(p.at("w"), decode_npz(good, "test").at("w")));
        } catch (const std::runtime_error& e) {
            ++thrown;
            CHECK(std::string(e.what()).find("zip member 'w.npy'") != std::string::npos);
        }
    }
    CHECK(thrown * 10 >= total * 9);  // a changed deflate stream changes the output or breaks; the CRC catches it
}

// ---- CRC-32 and atomic writes ----------------------------------------------------------------------------

TEST_CASE("npz: crc32 gives the standard check value and matches the bit-by-bit reference") {
    CHECK(crc32("123456789", 9) == 0xCBF43926u);
    CHECK(crc32_bitwise("123456789", 9) == 0xCBF43926u);
    CHECK(crc32("", 0) == 0);
    std::vector<std::uint8_t> buf(5000);
    std::uint32_t x = 12345;
    for (auto& v : buf) v = static_cast<std::uint8_t>((x = x * 1103515245u + 12345u) >> 16);
    for (std::size_t n : {std::size_t(1), std::size_t(7), std::size_t(256), std::size_t(5000)})
        CHECK(crc32(buf.data(), n) == crc32_bitwise(buf.data(), n));
    CHECK(crc32(buf.data() + 1000, 4000, crc32(buf.data(), 1000)) == crc32(buf.data(), 5000));
}

TEST_CASE("npy: atomic_write_file replaces the file in one step and cleans up on failure") {
    const fs::path dir = temp_dir() / "atomic";
    fs::create_directories(dir);
    const fs::path p = dir / "out.bin";
    atomic_write_file(p.string(), std::string_view("first version"));
    atomic_write_file(p.string(), std::string_view("second"));
    const std::vector<std::uint8_t> got = read_bytes(p);
    CHECK(std::string(got.begin(), got.end()) == "second");
    std::size_t files = 0;
    for (const auto& e : fs::directory_iterator(dir)) {
        ++files;
        CHECK(e.path().filename() == "out.bin");
    }
    CHECK(files == 1);

    // A folder in the way: the rename fails, the folder is untouched, no temporary file is left behind.
    const fs::path blocked = dir / "a_folder";
    fs::create_directories(blocked / "inside");
    const std::string err = error_of([&] { atomic_write_file(blocked.string(), std::string_view("x")); });
    CHECK(err.rfind("atomic_write_file: cannot rename the temporary file onto '" + blocked.string() + "'", 0) == 0);
    CHECK(fs::is_directory(blocked / "inside"));
    files = 0;
    for (const auto& e : fs::directory_iterator(dir)) {
        (void)e;
        ++files;
    }
    CHECK(files == 2);

    CHECK(error_of([&] { atomic_write_file((dir / "no_such_dir" / "f").string(), std::string_view("x")); })
              .rfind("atomic_write_file: cannot create a temporary file next to '", 0) == 0);
    fs::remove_all(dir);
}
