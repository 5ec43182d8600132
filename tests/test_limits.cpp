// tests/test_limits.cpp - inputs at the edges of what the library accepts: arrays of the wrong rank where a
// matrix is expected (.npy, .npz, the course's HDF5 files), headers announcing huge dimensions, and batches of
// zero examples. Each must be a clear exception naming the function (or file) and what was wrong.
#include <doctest/doctest.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/application.hpp"
#include "io/npy.hpp"
#include "io/npz.hpp"
#include "dnn.hpp"
#include "tests/temp_files.hpp"
#include "tests/error_of.hpp"
#include "tests/needs.hpp"

using namespace dnn;
namespace fs = std::filesystem;

namespace {

fs::path temp_dir() { return temp_files::dir("limits"); }

// A .npy file of float64 with the given dict text for 'shape' and `data_bytes` bytes of zeros after the header.
std::vector<std::uint8_t> npy_bytes(const std::string& shape, std::size_t data_bytes) {
    std::string header = "{'descr': '<f8', 'fortran_order': False, 'shape': " + shape + ", }";
    while ((10 + header.size() + 1) % 64 != 0) header += ' ';
    header += '\n';
    // Assembled as a string, then copied once (g++ 12 false-warns on vector::insert into a short vector).
    std::string text = "\x93NUMPY";
    text += {'\x01', '\x00', static_cast<char>(header.size() & 0xFF), static_cast<char>(header.size() >> 8)};
    text += header;
    text.append(data_bytes, '\0');
    return std::vector<std::uint8_t>(text.begin(), text.end());
}

fs::path write_file(const std::string& name, const std::vector<std::uint8_t>& bytes) {
    const fs::path p = temp_dir() / name;
    std::ofstream out(p, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    return p;
}

// The message of the std::exception f throws (of any type), or "(no exception)".
// Runs a Python script with the folder as argv[1]; true when it succeeded.
bool run_python(const fs::path& folder, const std::string& script) {
    const fs::path py = folder / "make.py";
    std::ofstream(py) << script;
    const std::string cmd = "/usr/bin/python3 '" + py.string() + "' '" + folder.string() + "' >/dev/null 2>&1";
    return std::system(cmd.c_str()) == 0;
}

// A pair of cat files in a new folder, small, with the given numpy expressions for the four datasets.
fs::path cat_files(const std::string& name, const std::string& train_x, const std::string& train_y,
                   const std::string& test_x, const std::string& test_y) {
    const fs::path folder = temp_dir() / name;
    fs::create_directories(folder);
    const std::string script =
        "import sys, h5py, numpy as np\n"
        "d = sys.argv[1]\n"
        "with h5py.File(d + '/train_catvnoncat.h5', 'w') as f:\n"
        "    f['train_set_x'] = " + train_x + "\n"
        "    f['train_set_y'] = " + train_y + "\n"
        "    f['list_classes'] = np.array([b'non-cat', b'cat'])\n"
        "with h5py.File(d + '/test_catvnoncat.h5', 'w') as f:\n"
        "    f['test_set_x'] = " + test_x + "\n"
        "    f['test_set_y'] = " + test_y + "\n"
        "    f['list_classes'] = np.array([b'non-cat', b'cat'])\n";
    REQUIRE(run_python(folder, script));
    return folder;
}

}  // namespace

TEST_CASE("limits: a .npy of rank 3 passed where a matrix is expected is a clear error") {
    const fs::path p = write_file("rank3.npy", npy_bytes("(2, 3, 4)", 2 * 3 * 4 * 8));
    // load_npy_array reads any rank ...
    const io::NpyArray a = io::load_npy_array(p.string());
    CHECK(a.shape == std::vector<std::size_t>{2, 3, 4});
    CHECK(a.data.size() == 24);
    // ... load_npy, which returns a Matrix, refuses it and says what to use instead.
    CHECK_THROWS_WITH_AS(io::load_npy(p.string()),
                         ("load_npy: '" + p.string() +
                          "': shape (2, 3, 4) has more than 2 dimensions; a Matrix holds 0-d, 1-D or 2-D arrays "
                          "(load_npy_array reads any rank)").c_str(),
                         std::runtime_error);
    // Rank 4 and rank 5 alike; ranks 0, 1 and 2 are matrices.
    CHECK_THROWS_WITH_AS(io::load_npy(write_file("rank4.npy", npy_bytes("(1, 1, 1, 2)", 16)).string()),
                         doctest::Contains("shape (1, 1, 1, 2) has more than 2 dimensions"), std::runtime_error);
    CHECK_THROWS_AS(io::load_npy(write_file("rank5.npy", npy_bytes("(1, 1, 1, 1, 1)", 8)).string()), std::runtime_error);
    CHECK(io::load_npy(write_file("rank0.npy", npy_bytes("()", 8)).string()).shape() == Shape{1, 1});
    CHECK(io::load_npy(write_file("rank1.npy", npy_bytes("(3,)", 24)).string()).shape() == Shape{1, 3});
    CHECK(io::load_npy(write_file("rank2.npy", npy_bytes("(3, 1)", 24)).string()).shape() == Shape{3, 1});
}

TEST_CASE("limits: a .npz member of rank 3 is a clear error naming the member" * needs::numpy()) {
    const fs::path folder = temp_dir() / "npz3";
    fs::create_directories(folder);
    REQUIRE(run_python(folder, "import sys, numpy as np\n"
                               "np.savez(sys.argv[1] + '/p.npz', W1=np.ones((2, 2)), b1=np.zeros((2, 1, 1)))\n"));
    const std::string message = error_of([&] { io::load_npz((folder / "p.npz").string()); });
    CHECK(message.find("b1") != std::string::npos);
    CHECK(message.find("(2, 1, 1)") != std::string::npos);
    CHECK(message.find("more than 2 dimensions") != std::string::npos);
}

TEST_CASE("limits: huge dimensions in a .npy header are a clear error, nothing allocated for them") {
    // (2**40, 2**40): 2**80 elements, more than a size_t holds; the file has 64 bytes of data.
    const std::vector<std::uint8_t> huge = npy_bytes("(1099511627776, 1099511627776)", 64);
    const fs::path p = write_file("huge.npy", huge);
    // A std::runtime_error (not std::bad_alloc, not std::length_error): the size is compared with the file first.
    const std::string want = "load_npy: '" + p.string() +
                             "': npy data at byte 128: shape (1099511627776, 1099511627776) of float64 needs more "
                             "than the 64 bytes the file has";
    CHECK_THROWS_WITH_AS(io::load_npy(p.string()), want.c_str(), std::runtime_error);
    CHECK_THROWS_WITH_AS(io::load_npy_array(p.string()), want.c_str(), std::runtime_error);

    // Element counts that fit in a size_t but whose byte count does not (2**62 * 4 elements of 8 bytes).
    CHECK_THROWS_WITH_AS(io::decode_npy(npy_bytes("(4611686018427387904, 4)", 64).data(), 192, "t"),
                         doctest::Contains("needs more than the 64 bytes"), std::runtime_error);
    // One huge axis times a zero axis is an empty array, which is fine (numpy allows it).
    CHECK(io::decode_npy(npy_bytes("(1099511627776, 0)", 0).data(), 128, "t").data.empty());
    // A dimension beyond 2**64 does not even parse.
    CHECK_THROWS_AS(io::decode_npy(npy_bytes("(99999999999999999999999,)", 8).data(), 136, "t"), std::runtime_error);
    // A plausible size with one element missing.
    CHECK_THROWS_WITH_AS(io::decode_npy(npy_bytes("(3, 3)", 64).data(), 192, "t"),
                         doctest::Contains("needs more than the 64 bytes"), std::runtime_error);
}

TEST_CASE("limits: course files whose datasets have the wrong rank are clear errors naming file and key" * needs::h5py()) {
    const std::string images = "np.arange(3 * 2 * 2 * 3, dtype=np.uint8).reshape(3, 2, 2, 3)";
    const std::string labels = "np.array([1, 0, 1], dtype=np.int64)";

    // The well-formed files load: the fixtures are right, so the failures below are the rank alone.
    {
        const fs::path good = cat_files("good", images, labels, images, labels);
        const app::CatData data = app::load_data(good.string());
        CHECK(data.train_x_orig.shape == std::vector<std::size_t>{3, 2, 2, 3});
        CHECK(data.train_y.shape() == Shape{1, 3});
        CHECK(data.classes == std::vector<std::string>{"non-cat", "cat"});
    }
    // train_set_y stored as (1, m), a matrix instead of the 1-D labels.
    {
        const fs::path dir = cat_files("y2d", images, "np.array([[1, 0, 1]], dtype=np.int64)", images, labels);
        CHECK_THROWS_WITH_AS(app::load_data(dir.string()),
                             ("load_data: " + dir.string() +
                              "/train_catvnoncat.h5: train_set_y should be 1-D labels, but has 2 dimensions").c_str(),
                             std::runtime_error);
    }
    // train_set_x of rank 3 (the images already flattened per channel).
    {
        const fs::path dir = cat_files("x3d", "np.zeros((3, 4, 3), dtype=np.uint8)", labels, images, labels);
        CHECK_THROWS_WITH_AS(app::load_data(dir.string()),
                             ("load_data: " + dir.string() +
                              "/train_catvnoncat.h5: train_set_x should be images (m, height, width, channels), but "
                              "has 3 dimensions").c_str(),
                             std::runtime_error);
    }
    // test_set_y as a scalar (rank 0), and test_set_x with fewer images than labels.
    {
        const fs::path dir = cat_files("y0d", images, labels, images, "np.int64(1)");
        CHECK_THROWS_WITH_AS(app::load_data(dir.string()),
                             doctest::Contains("test_set_y should be 1-D labels, but has 0 dimensions"), std::runtime_error);
        const fs::path dir2 = cat_files("count", images, labels, "np.zeros((2, 2, 2, 3), dtype=np.uint8)", labels);
        CHECK_THROWS_WITH_AS(app::load_data(dir2.string()), doctest::Contains("2 images but 3 labels"),
                             std::runtime_error);
    }
}

TEST_CASE("limits: a batch of zero examples is a clear invalid_argument naming the function") {
    const Parameters parameters = app::initialize_parameters_deep({5, 4, 1});
    const Matrix X(5, 0), Y(1, 0);
    std::ostringstream out;

    CHECK_THROWS_WITH_AS(L_model_forward(X, parameters), "L_model_forward: there are no examples (X has shape (5, 0))",
                         std::invalid_argument);
    CHECK_THROWS_WITH_AS(compute_cost(Matrix(1, 0), Y), "compute_cost: there are no examples (Y has shape (1, 0))",
                         std::invalid_argument);
    CHECK_THROWS_WITH_AS(app::compute_cost(Matrix(1, 0), Y), doctest::Contains("compute_cost:"), std::invalid_argument);

    // Backward from an empty AL with a real cache (which would otherwise give 0/0 = NaN gradients).
    auto [AL, caches] = L_model_forward(Matrix(5, 2), parameters);
    CHECK_THROWS_WITH_AS(L_model_backward(Matrix(1, 0), Y, caches),
                         "L_model_backward: there are no examples (AL has shape (1, 0))", std::invalid_argument);

    CHECK_THROWS_WITH_AS(app::L_layer_model(X, Y, {5, 4, 1}, 0.0075, 3, false, {&out, false}),
                         "L_layer_model: X has no examples (shape (5, 0))", std::invalid_argument);
    CHECK_THROWS_WITH_AS(app::two_layer_model(X, Y, {5, 4, 1}, 0.0075, 3, false, {&out, false}),
                         "two_layer_model: X has no examples (shape (5, 0))", std::invalid_argument);
    // predict reaches L_model_forward's check before dividing by m = 0.
    CHECK_THROWS_WITH_AS(app::predict(X, Y, parameters, out), doctest::Contains("there are no examples"),
                         std::invalid_argument);
    CHECK(out.str().empty());

    // One example is enough: the same calls work.
    auto [AL1, caches1] = L_model_forward(Matrix(5, 1), parameters);
    CHECK(AL1.shape() == Shape{1, 1});
    CHECK(L_model_backward(AL1, Matrix{{1}}, caches1).size() == 6);
}
