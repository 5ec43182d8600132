// tests/test_image_api.cpp - io/image.hpp's file functions and helpers: read_image and open_image on files,
// their errors, exif_transpose for each orientation, mode_description.
#include <doctest/doctest.h>

#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "io/image.hpp"
#include "tests/image_handmade.hpp"
#include "tests/temp_files.hpp"

using namespace dnn::io;
namespace fs = std::filesystem;

namespace {

void write_file(const fs::path& p, const image_handmade::Bytes& b) {
    std::ofstream out(p, std::ios::binary);
    out.write(reinterpret_cast<const char*>(b.data()), static_cast<std::streamsize>(b.size()));
}

std::string runtime_error_of(const std::string& path) {
    try {
        read_image(path);
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return "no error";
}

// A 3 x 2 picture whose pixel (x, y) is (10 x + y, 0, 0).
Image labelled() {
    Image img;
    img.width = 3;
    img.height = 2;
    for (int y = 0; y < 2; ++y)
        for (int x = 0; x < 3; ++x) img.rgb.insert(img.rgb.end(), {std::uint8_t(10 * x + y), 0, 0});
    return img;
}

// The labels of a picture made by labelled(), row by row.
std::vector<int> labels(const Image& img) {
    std::vector<int> v;
    for (std::size_t i = 0; i < img.rgb.size(); i += 3) v.push_back(img.rgb[i]);
    return v;
}

}  // namespace

TEST_CASE("image: read_image and open_image read a file as decode_image reads its bytes") {
    const fs::path dir = temp_files::dir("image");
    image_handmade::PngSpec png;
    png.width = 3;
    png.height = 2;
    png.colour_type = 0;
    png.samples = {0, 50, 100, 150, 200, 255};
    write_file(dir / "gray.png", image_handmade::encode_png(png));
    const Image img = read_image((dir / "gray.png").string());
    CHECK(img.width == 3);
    CHECK(img.height == 2);
    CHECK(img.rgb == std::vector<std::uint8_t>{0, 0, 0, 50, 50, 50, 100, 100, 100, 150, 150, 150, 200, 200, 200, 255, 255, 255});
    const ImageFile f = open_image((dir / "gray.png").string());
    CHECK(f.format == "PNG");
    CHECK(f.mode == "L");
    CHECK(mode_description(f.mode) == "grayscale");
    CHECK(f.image.rgb == img.rgb);

    CHECK(runtime_error_of((dir / "missing.jpg").string()) ==
          "read_image: '" + (dir / "missing.jpg").string() + "': cannot open: No such file or directory");
    CHECK(runtime_error_of(dir.string()) == "read_image: '" + dir.string() + "': is a directory");
    write_file(dir / "text.jpg", {'h', 'e', 'l', 'l', 'o'});
    CHECK(runtime_error_of((dir / "text.jpg").string()) ==
          "read_image: '" + (dir / "text.jpg").string() +
              "': byte 0: not a JPEG or PNG file (it starts with 68 65 6C 6C 6F; only JPEG and PNG are supported)");
}

TEST_CASE("image: exif_transpose turns the picture as each EXIF orientation asks") {
    // labelled() is, row by row:   0 10 20
    //                              1 11 21
    const Image img = labelled();
    struct Case { int orientation, width, height; std::vector<int> labels; };
    const Case cases[] = {
        {1, 3, 2, {0, 10, 20, 1, 11, 21}},
        {2, 3, 2, {20, 10, 0, 21, 11, 1}},   // mirrored left-right
        {3, 3, 2, {21, 11, 1, 20, 10, 0}},   // turned 180 degrees
        {4, 3, 2, {1, 11, 21, 0, 10, 20}},   // mirrored top-bottom
        {5, 2, 3, {0, 1, 10, 11, 20, 21}},   // transposed
        {6, 2, 3, {1, 0, 11, 10, 21, 20}},   // turned 90 degrees clockwise
        {7, 2, 3, {21, 20, 11, 10, 1, 0}},   // transversed
        {8, 2, 3, {20, 21, 10, 11, 0, 1}},   // turned 90 degrees counter-clockwise
        {0, 3, 2, {0, 10, 20, 1, 11, 21}},   // not an orientation: unchanged
        {9, 3, 2, {0, 10, 20, 1, 11, 21}},
    };
    for (const Case& c : cases) {
        INFO("orientation " << c.orientation);
        const Image t = exif_transpose(img, c.orientation);
        CHECK(t.width == c.width);
        CHECK(t.height == c.height);
        CHECK(labels(t) == c.labels);
    }
    Image wrong = img;
    wrong.rgb.pop_back();
    CHECK_THROWS_WITH_AS(exif_transpose(wrong, 6), "exif_transpose: the image is 3 x 2 but holds 17 bytes, not width * height * 3",
                         std::invalid_argument);
}

TEST_CASE("image: mode_description says each of Pillow's modes in words") {
    CHECK(mode_description("1") == "1-bit black and white");
    CHECK(mode_description("L") == "grayscale");
    CHECK(mode_description("LA") == "grayscale with alpha");
    CHECK(mode_description("I") == "16-bit grayscale");
    CHECK(mode_description("P") == "palette");
    CHECK(mode_description("RGB") == "RGB");
    CHECK(mode_description("RGBA") == "RGB with alpha");
    CHECK(mode_description("CMYK") == "CMYK");
}
