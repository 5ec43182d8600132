// tests/test_image_inspect.cpp - io/jpeg.hpp's inspection API (inspect_jpeg, jpeg_idct_block, jpeg_ycc_to_rgb),
// which tutorial 10 shows the JPEG's steps with: each step's results against what the handmade encoder put in
// the file (tests/image_handmade.hpp), against the next step recomputed from them, and the pixels against
// decode_jpeg's.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <fstream>
#include <functional>
#include <iterator>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "io/jpeg.hpp"
#include "tests/image_handmade.hpp"
#include "tests/needs.hpp"

using namespace image_handmade;
using dnn::io::inspect_jpeg;
using dnn::io::JpegComponentSteps;
using dnn::io::JpegSteps;

namespace {

// A picture of smooth waves and noise in three components, the first sampled hs x vs.
std::vector<JpegComponent> wavy_picture(int w, int h, int hs, int vs, unsigned seed) {
    std::mt19937 rng(seed);
    std::vector<JpegComponent> comps;
    for (int i = 0; i < 3; ++i) {
        const int phase = int(rng() % 50);
        comps.push_back(component(i + 1, i == 0 ? hs : 1, i == 0 ? vs : 1, i == 0 ? 0 : 1, w, h, hs, vs,
                                  [&](int x, int y) {
                                      return int(128 + 70 * std::sin((x + phase) / 3.0) * std::cos(y / 5.0) +
                                                 int(rng() % 31) - 15);
                                  }));
    }
    return comps;
}

std::size_t find(const Bytes& b, std::uint8_t m1, std::uint8_t m2) {
    for (std::size_t i = 0; i + 1 < b.size(); ++i)
        if (b[i] == m1 && b[i + 1] == m2) return i;
    return b.size();
}

std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return "no error";
}

// Every step of `steps` agrees with the next one recomputed from it, and the pixels with decode_jpeg's.
void check_steps_agree(const JpegSteps& s, const Bytes& file) {
    const dnn::io::RawImage ref = dnn::io::decode_jpeg(file.data(), file.size(), "test.jpg");
    CHECK(s.pixels.mode == ref.mode);
    CHECK(s.pixels.samples == ref.samples);
    CHECK(s.width == ref.width);
    CHECK(s.height == ref.height);
    for (const JpegComponentSteps& c : s.components) {
        INFO("component " << c.id);
        REQUIRE(c.coefficients.size() == std::size_t(c.blocks_w) * c.blocks_h * 64);
        REQUIRE(c.samples.size() == std::size_t(c.blocks_w) * c.blocks_h * 64);
        REQUIRE(c.upsampled.size() == std::size_t(s.width) * s.height);
        long differ = 0;
        for (int by = 0; by < c.blocks_h; ++by)
            for (int bx = 0; bx < c.blocks_w; ++bx) {
                const auto block = dnn::io::jpeg_idct_block(
                    c.coefficients.data() + (std::size_t(by) * c.blocks_w + bx) * 64, c.quant);
                for (int r = 0; r < 8; ++r)
                    for (int q = 0; q < 8; ++q)
                        differ += block[r * 8 + q] != c.samples[(std::size_t(by) * 8 + r) * c.blocks_w * 8 + bx * 8 + q];
            }
        CHECK(differ == 0);
    }
}

}  // namespace

TEST_CASE("image: inspect_jpeg keeps each step, and the steps put together give decode_jpeg's pixels") {
    struct Case { int w, h, hs, vs; };
    for (const Case k : {Case{35, 21, 2, 2}, Case{17, 9, 1, 1}, Case{41, 16, 2, 1}, Case{9, 33, 1, 2}}) {
        INFO(k.w << "x" << k.h << ", luma sampled " << k.hs << "x" << k.vs);
        JpegSpec spec;
        spec.width = k.w;
        spec.height = k.h;
        spec.quant = {flat_quant(8, 12), flat_quant(8, 14)};
        spec.quant[0][9] = 3;  // one entry that differs, to see that the table is the component's own
        spec.components = wavy_picture(k.w, k.h, k.hs, k.vs, unsigned(k.w + k.h));
        const Bytes file = encode_jpeg(spec);
        const JpegSteps s = inspect_jpeg(file.data(), file.size(), "test.jpg");
        CHECK(s.color_space == "YCbCr");
        CHECK_FALSE(s.progressive);
        REQUIRE(s.components.size() == 3);

        // (1) The coefficients are the ones the encoder quantised, block for block; the quantisation table and
        // the Huffman codes are the ones it wrote.
        int mcus_x = 0, mcus_y = 0;
        const auto blocks = jpeg_blocks(spec, mcus_x, mcus_y);
        for (std::size_t i = 0; i < 3; ++i) {
            const JpegComponentSteps& c = s.components[i];
            INFO("component " << c.id);
            CHECK(c.id == spec.components[i].id);
            CHECK(c.h == spec.components[i].h);
            CHECK(c.v == spec.components[i].v);
            CHECK(c.blocks_w == mcus_x * c.h);
            CHECK(c.blocks_h == mcus_y * c.v);
            std::vector<std::int16_t> want;
            for (const Block& b : blocks[i]) want.insert(want.end(), b.begin(), b.end());
            CHECK(c.coefficients == want);
            for (int n = 0; n < 64; ++n) CHECK(c.quant[n] == (spec.quant[i == 0 ? 0 : 1][n] ? spec.quant[i == 0 ? 0 : 1][n] : 1));
            const HuffmanCodes dc(standard_dc(i == 0 ? 0 : 1)), ac(standard_ac(i == 0 ? 0 : 1));
            REQUIRE(c.dc_codes.size() == dc.code.size());
            REQUIRE(c.ac_codes.size() == ac.code.size());
            for (const auto& code : c.dc_codes) CHECK(dc.code.at(code.symbol) == std::make_pair(code.code, code.length));
            for (const auto& code : c.ac_codes) CHECK(ac.code.at(code.symbol) == std::make_pair(code.code, code.length));
        }
        // The scan's data starts right after its SOS segment.
        const std::size_t sos = find(file, 0xFF, 0xDA);
        CHECK(s.scan_data == sos + 2 + (std::size_t(file[sos + 2]) << 8 | file[sos + 3]));

        // (2, 3) every block's samples are jpeg_idct_block of its coefficients, and the pixels decode_jpeg's.
        check_steps_agree(s, file);

        // (4, 5) the full-size components turned into RGB pixel by pixel are the pixels; a component sampled at
        // full size is its own samples, cropped.
        long differ = 0;
        for (std::size_t p = 0; p < std::size_t(s.width) * s.height; ++p) {
            const auto rgb = dnn::io::jpeg_ycc_to_rgb(s.components[0].upsampled[p], s.components[1].upsampled[p],
                                                      s.components[2].upsampled[p]);
            for (int c = 0; c < 3; ++c) differ += rgb[c] != s.pixels.samples[3 * p + c];
        }
        CHECK(differ == 0);
        const JpegComponentSteps& y = s.components[0];
        for (int row = 0; row < s.height; ++row)
            for (int col = 0; col < s.width; ++col)
                differ += y.upsampled[std::size_t(row) * s.width + col] != y.samples[std::size_t(row) * y.blocks_w * 8 + col];
        CHECK(differ == 0);
    }
}

TEST_CASE("image: inspect_jpeg on progressive, gray and CMYK files, and its errors are decode_jpeg's") {
    JpegSpec base;
    base.width = 35;
    base.height = 21;
    base.quant = {flat_quant(8, 12), flat_quant(8, 14)};
    base.components = wavy_picture(35, 21, 2, 2, 7);

    JpegSpec progressive = base;
    progressive.progressive = true;
    progressive.ac_bands = {{1, 5}, {6, 63}};
    Bytes file = encode_jpeg(progressive);
    JpegSteps s = inspect_jpeg(file.data(), file.size(), "test.jpg");
    CHECK(s.progressive);
    check_steps_agree(s, file);
    CHECK(s.components[0].ac_codes.empty());  // the first scan of a progressive file is a DC scan
    CHECK(s.components[0].dc_codes.size() == 12);
    int mcus_x = 0, mcus_y = 0;
    const auto blocks = jpeg_blocks(progressive, mcus_x, mcus_y);
    std::vector<std::int16_t> want;
    for (const Block& b : blocks[1]) want.insert(want.end(), b.begin(), b.end());
    CHECK(s.components[1].coefficients == want);  // (the luma's padding blocks get no AC terms here: AC scans of
                                                  // one component code only its own blocks)

    JpegSpec gray = base;
    gray.components.resize(1);
    file = encode_jpeg(gray);
    s = inspect_jpeg(file.data(), file.size(), "test.jpg");
    CHECK(s.color_space == "gray");
    check_steps_agree(s, file);

    JpegSpec cmyk = base;
    cmyk.jfif = false;
    cmyk.adobe_transform = 0;
    cmyk.components.push_back(component(4, 1, 1, 1, 35, 21, 2, 2, [](int x, int y) { return (x * 7 + y * 3) & 255; }));
    file = encode_jpeg(cmyk);
    s = inspect_jpeg(file.data(), file.size(), "test.jpg");
    CHECK(s.color_space == "CMYK");
    CHECK(s.components.size() == 4);
    check_steps_agree(s, file);

    // A damaged file: the same error from both.
    file = encode_jpeg(base);
    const Bytes cut(file.begin(), file.begin() + std::ptrdiff_t(file.size() * 2 / 3));
    const std::string decode_error = error_of([&] { dnn::io::decode_jpeg(cut.data(), cut.size(), "cut.jpg"); });
    CHECK(decode_error.find("cut.jpg: byte ") != std::string::npos);
    CHECK(error_of([&] { inspect_jpeg(cut.data(), cut.size(), "cut.jpg"); }) == decode_error);

    // A sequential frame whose first scan held every component cannot have another scan: refused by both
    // (inspect_jpeg buffers every frame, but must refuse what decode_jpeg refuses).
    Bytes twice(file.begin(), file.end() - 2);
    const std::size_t sos = find(file, 0xFF, 0xDA);
    twice.insert(twice.end(), file.begin() + std::ptrdiff_t(sos), file.end());
    const std::string second = "test.jpg: byte " + std::to_string(file.size() - 2) +
                               ": a second scan after one that held every component of a sequential frame";
    CHECK(error_of([&] { dnn::io::decode_jpeg(twice.data(), twice.size(), "test.jpg"); }) == second);
    CHECK(error_of([&] { inspect_jpeg(twice.data(), twice.size(), "test.jpg"); }) == second);
}

TEST_CASE("image: jpeg_idct_block and jpeg_ycc_to_rgb compute the decoder's formulas") {
    // A block holding only its DC term d (dequantised d * q) is flat at 128 + d * q / 8, rounded.
    std::int16_t block[64] = {};
    block[0] = 5;
    std::array<std::uint16_t, 64> quant;
    quant.fill(16);
    for (std::uint8_t v : dnn::io::jpeg_idct_block(block, quant)) CHECK(v == 128 + 10);
    block[0] = -100;  // far below 0: clamped
    for (std::uint8_t v : dnn::io::jpeg_idct_block(block, quant)) CHECK(v == 0);
    // One AC term: the first horizontal cosine, symmetric about the block's middle.
    block[0] = 0;
    block[1] = 10;
    const auto wave = dnn::io::jpeg_idct_block(block, quant);
    for (int c = 0; c < 8; ++c) {
        // f(x, y) = 1/4 C(u) C(v) F(u, v) cos((2x + 1) u pi / 16) cos((2y + 1) v pi / 16), u = 1, v = 0
        const double exact = 128 + 0.25 * M_SQRT1_2 * 160 * std::cos((2 * c + 1) * M_PI / 16);
        CHECK(std::abs(wave[c] - exact) <= 1);
        CHECK(wave[c] == wave[8 * 7 + c]);  // every row alike
        CHECK(std::abs(wave[c] + wave[7 - c] - 256) <= 1);
    }
    CHECK(wave[0] > 150);  // not flat
    // Gray stays gray; pure red, green and blue (their JFIF YCbCr, rounded) come back within 1.
    CHECK(dnn::io::jpeg_ycc_to_rgb(77, 128, 128) == std::array<std::uint8_t, 3>{77, 77, 77});
    CHECK(dnn::io::jpeg_ycc_to_rgb(76, 85, 255) == std::array<std::uint8_t, 3>{254, 0, 0});
    CHECK(dnn::io::jpeg_ycc_to_rgb(150, 44, 21) == std::array<std::uint8_t, 3>{0, 255, 1});
    CHECK(dnn::io::jpeg_ycc_to_rgb(29, 255, 107) == std::array<std::uint8_t, 3>{0, 0, 254});
}

TEST_CASE("image: inspect_jpeg on the course's picture gives read_image's pixels" * needs::course_image()) {
    std::ifstream in(needs::kCourseImage, std::ios::binary);
    const Bytes file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    REQUIRE(file.size() > 1000);
    const JpegSteps s = inspect_jpeg(file.data(), file.size(), "my_image.jpg");
    CHECK(s.width == 1024);
    CHECK(s.height == 681);
    CHECK(s.color_space == "YCbCr");
    REQUIRE(s.components.size() == 3);
    CHECK(s.components[0].h == 2);  // 4:2:0
    CHECK(s.components[0].v == 2);
    CHECK(s.components[1].width == 512);
    CHECK(s.components[1].height == 341);
    check_steps_agree(s, file);
}
