// tests/test_fuzz_regressions.cpp - replays every input the fuzzers (fuzz/, make fuzz) found a bug with,
// kept in tests/fuzz_regressions/<target>/, through the same entry code (tools/fuzz/fuzz_entry.hpp). Each must now
// end in success or std::runtime_error; another exception type fails the test, and a crash or sanitizer
// report (make test SANITIZE=1) fails the run. The folders also hold hand-made hostile inputs (huge shapes,
// output bombs; tests/fuzz_regressions/README.md lists them), whose exact errors are checked below.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

#include "tests/image_handmade.hpp"
#include "tools/fuzz/fuzz_entry.hpp"

namespace {

using Entry = void (*)(const std::uint8_t*, std::size_t);

std::vector<std::uint8_t> read_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::vector<std::uint8_t>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// "ok", "runtime_error: ..." or "OTHER: ..." (the last is a failure).
std::string outcome(Entry entry, const std::vector<std::uint8_t>& bytes) {
    try {
        entry(bytes.data(), bytes.size());
        return "ok";
    } catch (const std::runtime_error& e) {
        return std::string("runtime_error: ") + e.what();
    } catch (const std::exception& e) {
        return std::string("OTHER: ") + e.what();
    } catch (...) {
        return "OTHER: a non-std exception";
    }
}

// Replays tests/fuzz_regressions/<target>/*; returns how many files it fed.
int replay(const std::string& target, Entry entry) {
    namespace fs = std::filesystem;
    const fs::path dir = fs::path("tests/fuzz_regressions") / target;
    REQUIRE_MESSAGE(fs::is_directory(dir), dir.string() << " is missing (run the tests from the repository root)");
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.is_regular_file()) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) {
        const std::string result = outcome(entry, read_bytes(file));
        INFO(file.string() << " -> " << result);
        CHECK(result.rfind("OTHER", 0) != 0);
    }
    return static_cast<int>(files.size());
}

}  // namespace

TEST_CASE("fuzz regressions: the entry code accepts a good input and rejects a bad one with runtime_error") {
    // Guards the replay below: if the entry code swallowed everything, the kept inputs would prove nothing.
    const std::vector<std::uint8_t> good = dnn::io::encode_npy(dnn::Matrix{{1, 2}, {3, 4}});
    CHECK(outcome(fuzz_entry::npy, good) == "ok");
    std::vector<std::uint8_t> bad = good;
    bad[0] = 'X';  // the magic
    CHECK(outcome(fuzz_entry::npy, bad).rfind("runtime_error: ", 0) == 0);
    CHECK(outcome(fuzz_entry::npz, good).rfind("runtime_error: ", 0) == 0);  // a .npy is no zip
    CHECK(outcome(fuzz_entry::h5, good).rfind("runtime_error: ", 0) == 0);
    const std::vector<std::uint8_t> stored = {0, 0x78, 0x01, 0x01, 0x01, 0x00, 0xfe, 0xff, 'a', 0x00, 0x62, 0x00, 0x62};
    CHECK(outcome(fuzz_entry::inflate, stored) == "ok");
    // The image targets: a hand-built JPEG and PNG are read; cut short, they are refused.
    image_handmade::JpegSpec jpeg;
    jpeg.components = {image_handmade::component(1, 1, 1, 0, 8, 8, 1, 1, [](int x, int y) { return x * 30 + y; })};
    const std::vector<std::uint8_t> j = image_handmade::encode_jpeg(jpeg);
    CHECK(outcome(fuzz_entry::jpeg, j) == "ok");
    CHECK(outcome(fuzz_entry::jpeg, std::vector<std::uint8_t>(j.begin(), j.end() - 2)).rfind("runtime_error: ", 0) == 0);
    image_handmade::PngSpec png;
    png.width = 3;
    png.samples = {1, 2, 3};
    const std::vector<std::uint8_t> p = image_handmade::encode_png(png);
    CHECK(outcome(fuzz_entry::png, p) == "ok");
    CHECK(outcome(fuzz_entry::png, std::vector<std::uint8_t>(p.begin(), p.end() - 1)).rfind("runtime_error: ", 0) == 0);
}

// The HDF5 reader's findings (tests/fuzz_regressions/h5/, files without the .h5 extension); its hand-made hostile
// inputs are built in tests/test_h5.cpp and tests/test_h5_formats.cpp. Under make test SANITIZE=1 a finding that
// was undefined behaviour (not an exception) fails the run again if it comes back.
TEST_CASE("fuzz regressions: h5 inputs end in success or runtime_error") { CHECK(replay("h5", fuzz_entry::h5) > 0); }
TEST_CASE("fuzz regressions: inflate inputs end in success or runtime_error") {
    CHECK(replay("inflate", fuzz_entry::inflate) > 0);
}
TEST_CASE("fuzz regressions: npy inputs end in success or runtime_error") { CHECK(replay("npy", fuzz_entry::npy) > 0); }
TEST_CASE("fuzz regressions: npz inputs end in success or runtime_error") { CHECK(replay("npz", fuzz_entry::npz) > 0); }
TEST_CASE("fuzz regressions: jpeg inputs end in success or runtime_error") { CHECK(replay("jpeg", fuzz_entry::jpeg) > 0); }
TEST_CASE("fuzz regressions: png inputs end in success or runtime_error") { CHECK(replay("png", fuzz_entry::png) > 0); }

namespace {

std::string error_of(Entry entry, const std::string& target, const std::string& name) {
    return outcome(entry, read_bytes(std::filesystem::path("tests/fuzz_regressions") / target / name));
}

}  // namespace

TEST_CASE("fuzz regressions: hand-made hostile inputs give clear errors, never huge allocations") {
    // Huge dimensions in a .npy header: the product wraps around 2^64 or exceeds the file; rejected before
    // any allocation, with the shape in the message.
    CHECK(error_of(fuzz_entry::npy, "npy", "shape_product_wraps_to_zero.npy") ==
          "runtime_error: fuzz.npy: npy data at byte 128: shape (4294967296, 4294967296) of float64 needs more "
          "than the 16 bytes the file has");
    CHECK(error_of(fuzz_entry::npy, "npy", "shape_rank3_wraps.npy").find("needs more than the 16 bytes") !=
          std::string::npos);
    CHECK(error_of(fuzz_entry::npy, "npy", "shape_beyond_uint64.npy") ==
          "runtime_error: fuzz.npy: npy header at byte 80: dimension too large");
    CHECK(error_of(fuzz_entry::npy, "npy", "shape_negative.npy") ==
          "runtime_error: fuzz.npy: npy header at byte 61: negative dimension");
    CHECK(error_of(fuzz_entry::npy, "npy", "shape_zero_times_huge.npy").find("needs 0 bytes but 16 follow") !=
          std::string::npos);
    // inflate: an output bomb stops at max_output; a back-reference before the output's start.
    CHECK(error_of(fuzz_entry::inflate, "inflate", "zlib_output_over_max") ==
          "runtime_error: inflate: output exceeds the expected 1048576 bytes at byte 1032");
    CHECK(error_of(fuzz_entry::inflate, "inflate", "raw_distance_before_start") ==
          "runtime_error: inflate: distance 2 too far back (only 1 bytes written) at byte 3");
    // npz: a member claiming 4 GiB, a central directory past the end.
    CHECK(error_of(fuzz_entry::npz, "npz", "member_claims_4gib").find(
              "uncompressed size 4294967294 cannot come from 79 compressed bytes") != std::string::npos);
    CHECK(error_of(fuzz_entry::npz, "npz", "central_directory_outside").find(
              "central directory (offset 2147483632, 51 bytes) lies outside the file") != std::string::npos);
    // Hostile HDF5 files (huge dataspaces, cycles of groups, continuation blocks and B-tree nodes) are built
    // byte by byte in tests/test_h5.cpp, so no .h5 file is kept here.

    // Pictures: sizes beyond Pillow's decompression-bomb limit, or beyond what the file can code, refused
    // from the header alone; a progressive file of more scans than any real one (each scan visits every block).
    CHECK(error_of(fuzz_entry::jpeg, "jpeg", "sof_65535x65535_bomb.jpg") ==
          "runtime_error: decode_image: 'fuzz.jpg': byte 89: 65535 x 65535 = 4294836225 pixels exceeds the limit "
          "of 178956970 (Pillow's decompression-bomb limit)");
    CHECK(error_of(fuzz_entry::jpeg, "jpeg", "sof_4000x4000_in_a_small_file.jpg") ==
          "runtime_error: decode_image: 'fuzz.jpg': byte 89: SOF's 4000 x 4000 picture has 250000 blocks, more than "
          "the 307 bytes after it can code");
    CHECK(error_of(fuzz_entry::jpeg, "jpeg", "501_scans.jpg") ==
          "runtime_error: decode_image: 'fuzz.jpg': byte 5617: more than 500 scans (real progressive files have about 10)");
    CHECK(error_of(fuzz_entry::png, "png", "ihdr_20000x10000_bomb.png") ==
          "runtime_error: decode_image: 'fuzz.png': byte 16: 20000 x 10000 = 200000000 pixels exceeds the limit of "
          "178956970 (Pillow's decompression-bomb limit)");
    CHECK(error_of(fuzz_entry::png, "png", "ihdr_10000x10000_in_a_small_file.png") ==
          "runtime_error: decode_image: 'fuzz.png': byte 33: IHDR's 10000 x 10000 picture needs 300010000 bytes of "
          "image data, more than the 11 bytes of IDAT data can hold");
}
