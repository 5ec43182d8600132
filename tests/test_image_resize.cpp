// tests/test_image_resize.cpp - resize() (io/resize.cpp) without Pillow: argument errors, the vectorised
// passes against the plain ones, the weights' properties, NEAREST's source pixels, and small cases computed by
// hand. The byte-for-byte comparison with Pillow's Image.resize is in tests/test_image_pillow.cpp.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "io/image.hpp"
#include "io/resize.hpp"

using dnn::io::Image;
using dnn::io::Resample;
using dnn::io::resize;
namespace rs = dnn::io::resampling;

namespace {

Image random_image(int w, int h, unsigned seed) {
    std::mt19937 rng(seed);
    Image img;
    img.width = w;
    img.height = h;
    img.rgb.resize(std::size_t(w) * h * 3);
    for (auto& v : img.rgb) v = std::uint8_t(rng());
    return img;
}

std::string invalid_argument_of(const Image& img, int w, int h) {
    try {
        resize(img, w, h);
    } catch (const std::invalid_argument& e) {
        return e.what();
    }
    return "no error";
}

}  // namespace

TEST_CASE("resize: bad arguments are std::invalid_argument naming resize") {
    const Image img = random_image(4, 3, 1);
    CHECK(invalid_argument_of(img, 0, 0) == "resize: the new size 0 x 0 must be at least 1 x 1");
    CHECK(invalid_argument_of(img, -5, 10) == "resize: the new size -5 x 10 must be at least 1 x 1");
    CHECK(invalid_argument_of(img, 10, -1) == "resize: the new size 10 x -1 must be at least 1 x 1");
    CHECK(invalid_argument_of(Image{}, 64, 64) == "resize: the image is empty (0 x 0)");
    Image wrong = img;
    wrong.rgb.pop_back();
    CHECK(invalid_argument_of(wrong, 64, 64) ==
          "resize: the image is 4 x 3 but holds 35 bytes, not width * height * 3 = 36");
}

TEST_CASE("resize: the vectorised passes give the plain passes' bytes for every size and filter") {
    int passes = 0;
    for (Resample f : {Resample::bilinear, Resample::bicubic})
        for (int in : {1, 2, 3, 7, 8, 9, 31, 64, 100, 257})
            for (int out : {1, 2, 3, 5, 8, 13, 64, 100, 300, 513}) {
                INFO("in " << in << " out " << out << " filter " << int(f));
                const rs::Weights w = rs::compute_weights(in, out, f);
                const int rows = 3;
                const Image img = random_image(in, rows, unsigned(in * 1000 + out));
                std::vector<std::uint8_t> fast(std::size_t(out) * rows * 3), plain(fast.size());
                rs::horizontal_pass(img.rgb.data(), in, rows, w, fast.data());
                rs::horizontal_pass_scalar(img.rgb.data(), in, rows, w, plain.data());
                CHECK(fast == plain);
                // Vertically: a picture of `in` rows, 5 pixels wide (15 samples: a vector of 8 and a tail).
                const Image tall = random_image(5, in, unsigned(in + out));
                std::vector<std::uint8_t> vfast(std::size_t(5) * out * 3), vplain(vfast.size());
                rs::vertical_pass(tall.rgb.data(), 5, w, vfast.data());
                rs::vertical_pass_scalar(tall.rgb.data(), 5, w, vplain.data());
                CHECK(vfast == vplain);
                passes += 2;
            }
    MESSAGE("resize passes: " << passes << " vectorised passes equal the plain ones");
}

TEST_CASE("resize: the weights cover the filter's support within the picture and sum to 2^22") {
    for (Resample f : {Resample::bilinear, Resample::bicubic})
        for (int in : {1, 2, 5, 64, 1000})
            for (int out : {1, 3, 64, 999, 2000}) {
                INFO("in " << in << " out " << out);
                const rs::Weights w = rs::compute_weights(in, out, f);
                REQUIRE(int(w.first.size()) == out);
                CHECK(w.stride % 8 == 0);
                for (int x = 0; x < out; ++x) {
                    REQUIRE(w.first[x] >= 0);
                    REQUIRE(w.count[x] >= 1);
                    REQUIRE(w.first[x] + w.count[x] <= in);
                    long sum = 0;
                    for (int k = 0; k < w.stride; ++k) {
                        if (k >= w.count[x]) REQUIRE(w.k[std::size_t(x) * w.stride + k] == 0);
                        sum += w.k[std::size_t(x) * w.stride + k];
                    }
                    CHECK(std::abs(sum - (1L << 22)) <= w.count[x]);  // each weight rounded by at most 1/2
                }
            }
}

TEST_CASE("resize: a flat picture stays flat; a side that keeps its size is not resampled") {
    for (Resample f : {Resample::nearest, Resample::bilinear, Resample::bicubic})
        for (int v : {0, 1, 128, 254, 255}) {
            Image flat;
            flat.width = 13;
            flat.height = 7;
            flat.rgb.assign(13 * 7 * 3, std::uint8_t(v));
            for (const auto& size : {std::pair{1, 1}, std::pair{64, 64}, std::pair{5, 30}, std::pair{130, 2}}) {
                const int w = size.first, h = size.second;
                const Image r = resize(flat, w, h, f);
                CHECK(r.width == w);
                CHECK(r.height == h);
                CHECK(r.rgb == std::vector<std::uint8_t>(std::size_t(w) * h * 3, std::uint8_t(v)));
            }
        }
    // Columns that are constant vertically stay so when only the height changes, with their own values.
    Image columns = random_image(9, 1, 3);
    Image tall;
    tall.width = 9;
    tall.height = 11;
    for (int y = 0; y < 11; ++y) tall.rgb.insert(tall.rgb.end(), columns.rgb.begin(), columns.rgb.end());
    for (Resample f : {Resample::bilinear, Resample::bicubic}) {
        const Image r = resize(tall, 9, 4, f);
        for (int y = 0; y < 4; ++y)
            CHECK(std::vector<std::uint8_t>(r.rgb.begin() + y * 27, r.rgb.begin() + y * 27 + 27) == columns.rgb);
    }
    const Image same = random_image(6, 5, 4);
    CHECK(resize(same, 6, 5).rgb == same.rgb);
}

TEST_CASE("resize: small cases by hand, and NEAREST's source pixels") {
    // Two pixels to one: both filters give each half the weight, so (a + b + 1) / 2 rounded down.
    Image two;
    two.width = 2;
    two.height = 1;
    two.rgb = {10, 0, 255, 13, 1, 254};
    for (Resample f : {Resample::bilinear, Resample::bicubic}) CHECK(resize(two, 1, 1, f).rgb == std::vector<std::uint8_t>{12, 1, 255});
    // NEAREST takes source trunc((x + 0.5) * in / out), but Pillow accumulates the position in double
    // (scale / 2, then + scale per pixel), and the sum's rounding sometimes falls just below an integer the
    // exact product reaches: then it takes the pixel before. Those cases are Pillow's, so they are ours.
    int differs = 0;
    for (int in : {1, 3, 10, 64, 97})
        for (int out : {1, 2, 7, 64, 200}) {
            const std::vector<int> src = rs::nearest_sources(in, out);
            const double scale = double(in) / out;
            double pos = scale * 0.5;
            for (int x = 0; x < out; ++x, pos += scale) {
                CHECK(src[x] == int(pos));
                differs += src[x] != int((x + 0.5) * in / out);
            }
        }
    CHECK(differs == 2);  // 64 -> 7 at x = 3 (31, not 32) and 64 -> 200 at x = 12 (3, not 4)
    Image row;
    row.width = 4;
    row.height = 1;
    row.rgb = {1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4};
    CHECK(resize(row, 2, 1, Resample::nearest).rgb == std::vector<std::uint8_t>{2, 2, 2, 4, 4, 4});
    CHECK(resize(row, 8, 1, Resample::nearest).rgb ==
          std::vector<std::uint8_t>{1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4});
}
