// tests/test_own_image.cpp - "Test with your own image" (app/own_image.hpp) and `make predict` (app/predict.cpp):
// the network's column for a picture against a hand computation, the notebook's printed lines, the course
// picture's probability with make demo's parameters, the output picture's layout, and the program end to end on
// generated pictures of every kind (tests/image_handmade.hpp), with its errors.
#include <doctest/doctest.h>

#include <sys/wait.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/own_image.hpp"
#include "dnn.hpp"
#include "io/image.hpp"
#include "io/npz.hpp"
#include "tests/h5_handmade.hpp"
#include "tests/image_handmade.hpp"
#include "tests/needs.hpp"
#include "tests/temp_files.hpp"
#include "tests/trained_model.hpp"

using namespace dnn;
namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kClasses = {"non-cat", "cat"};

// A width x height picture whose every byte is a different mix of its row, column and channel.
io::Image labelled(int width, int height) {
    io::Image img;
    img.width = width;
    img.height = height;
    for (int r = 0; r < height; ++r)
        for (int c = 0; c < width; ++c)
            for (int ch = 0; ch < 3; ++ch) img.rgb.push_back(std::uint8_t((r * 7 + c * 3 + ch * 101) % 256));
    return img;
}

void write_file(const fs::path& p, const std::vector<std::uint8_t>& b) {
    std::ofstream out(p, std::ios::binary);
    out.write(reinterpret_cast<const char*>(b.data()), static_cast<std::streamsize>(b.size()));
}

// A test_catvnoncat.h5 holding only list_classes, as the course file has it (fixed-length ASCII strings of 7
// bytes, null-padded, a compact 1-D dataset), built byte by byte: the program's tests then need no course files.
std::vector<std::uint8_t> classes_h5(const std::vector<std::string>& names, unsigned width = 7) {
    using namespace h5_handmade;
    Builder w;
    w.text("\x89HDF\r\n\x1a\n", 8);
    w.u8(2);  // superblock version 2, offsets and lengths of 8 bytes
    w.u8(8);
    w.u8(8);
    w.u8(0);
    w.u64(0);       // base address
    w.u64(kUndef);  // superblock extension
    const std::size_t eof_at = w.pos();
    w.u64(0);
    const std::size_t root_at = w.pos();
    w.u64(0);
    const std::size_t sb_sum = w.pos();
    w.u32(0);

    const std::size_t root = w.pos();  // the root group: link info, and one hard link "list_classes"
    w.text("OHDR", 4);
    w.u8(2);
    w.u8(0);
    const std::size_t size_at = w.pos();
    w.u8(0);
    const std::size_t messages = w.pos();
    w.u8(0x02);
    w.u16(18);
    w.u8(0);
    w.u8(0);
    w.u8(0);
    w.u64(kUndef);
    w.u64(kUndef);
    const std::string name = "list_classes";
    w.u8(0x06);
    w.u16(unsigned(1 + 1 + 1 + name.size() + 8));
    w.u8(0);
    w.u8(1);
    w.u8(0);
    w.u8(std::uint8_t(name.size()));
    w.text(name.data(), name.size());
    const std::size_t link_at = w.pos();
    w.u64(0);
    w.patch(size_at, w.pos() - messages, 1);
    const std::size_t root_sum = w.pos();
    w.u32(0);

    const std::size_t dset = w.pos();  // the dataset
    w.text("OHDR", 4);
    w.u8(2);
    w.u8(0x01);  // 2-byte chunk size
    const std::size_t dsize_at = w.pos();
    w.u16(0);
    const std::size_t dmessages = w.pos();
    w.u8(0x01);  // dataspace version 2, simple, one dimension
    w.u16(12);
    w.u8(0);
    w.u8(2);
    w.u8(1);
    w.u8(0);
    w.u8(1);
    w.u64(names.size());
    w.u8(0x03);  // datatype version 1, class 3 (string), null-padded, ASCII, `width` bytes
    w.u16(8);
    w.u8(0);
    w.u8(0x13);
    w.u8(0x01);
    w.u8(0);
    w.u8(0);
    w.u32(width);
    const unsigned bytes = unsigned(names.size()) * width;
    w.u8(0x08);  // layout version 3, compact
    w.u16(4 + bytes);
    w.u8(0);
    w.u8(3);
    w.u8(0);
    w.u16(bytes);
    for (const std::string& n : names) {
        w.text(n.data(), n.size());
        w.zeros(width - n.size());
    }
    w.patch(dsize_at, w.pos() - dmessages, 2);
    const std::size_t dset_sum = w.pos();
    w.u32(0);

    w.patch(eof_at, w.pos());
    w.patch(root_at, root);
    w.patch(link_at, dset);
    using dnn::io::h5::lookup3;
    w.patch(sb_sum, lookup3(w.b.data(), sb_sum), 4);
    w.patch(root_sum, lookup3(w.b.data() + root, root_sum - root), 4);
    w.patch(dset_sum, lookup3(w.b.data() + dset, dset_sum - dset), 4);
    return w.b;
}

struct Run {
    std::string out;  // stdout and stderr
    int status = -1;  // the exit status
};

// Runs build/bin/predict (or $DNN_BUILD_DIR/bin/predict, as make test sets it) with these arguments.
Run predict_program(const std::string& args) {
    const char* build = std::getenv("DNN_BUILD_DIR");
    const std::string cmd = std::string(build ? build : "build") + "/bin/predict " + args + " 2>&1";
    Run r;
    FILE* p = popen(cmd.c_str(), "r");
    if (!p) return r;
    char buf[4096];
    while (std::size_t n = fread(buf, 1, sizeof buf, p)) r.out.append(buf, n);
    const int status = pclose(p);
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

bool has_line(const std::string& text, const std::string& line) {
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);)
        if (l == line) return true;
    return false;
}

std::string p_line(double p, const std::string& filter) {
    char line[64];
    std::snprintf(line, sizeof line, "p = %.8f (%s)", p, filter.c_str());
    return line;
}

// A one-layer network whose weights differ pixel by pixel and channel by channel, so that the order of the
// column, the resize filter and the conversion all change its output.
Parameters patterned_network(double bias) {
    Matrix W1(1, 12288);
    for (std::size_t k = 0; k < 12288; ++k) W1(0, k) = (double(k % 7) - 3) / 500.0 + (k % 3 == 1 ? 0.002 : 0.0);
    return Parameters{{"W1", W1}, {"b1", Matrix{{bias}}}};
}

// The p the library gives for a file: read as the program reads it, resized, through the network.
double library_p(const std::string& path, const Parameters& parameters, io::Resample filter, bool upright = false) {
    const io::ImageFile f = io::open_image(path);
    const io::Image img = upright ? io::exif_transpose(f.image, f.orientation) : f.image;
    return L_model_forward(app::image_to_x(img, 64, filter), parameters).AL(0, 0);
}

}  // namespace

TEST_CASE("predict: the network's column is resize, / 255. and the (row, column, channel) order, by hand") {
    // A 64 x 64 picture is not resampled: the column is its bytes / 255 in (row, column, channel) order.
    const io::Image img64 = labelled(64, 64);
    for (io::Resample f : {io::Resample::bicubic, io::Resample::bilinear, io::Resample::nearest}) {
        const Matrix x = app::image_to_x(img64, 64, f);
        REQUIRE(x.shape() == Shape{12288, 1});
        long differ = 0;
        for (int r = 0; r < 64; ++r)
            for (int c = 0; c < 64; ++c)
                for (int ch = 0; ch < 3; ++ch)
                    differ += x((r * 64 + c) * 3 + ch, 0) != ((r * 7 + c * 3 + ch * 101) % 256) / 255.;
        CHECK(differ == 0);
    }
    // NEAREST from 128 x 128 takes source pixel trunc((x + 0.5) * 2) = 2x + 1 in each direction.
    const Matrix x = app::image_to_x(labelled(128, 128), 64, io::Resample::nearest);
    long differ = 0;
    for (int r = 0; r < 64; ++r)
        for (int c = 0; c < 64; ++c)
            for (int ch = 0; ch < 3; ++ch)
                differ += x((r * 64 + c) * 3 + ch, 0) != (((2 * r + 1) * 7 + (2 * c + 1) * 3 + ch * 101) % 256) / 255.;
    CHECK(differ == 0);
    // BILINEAR and BICUBIC: the column of Pillow's resize (tested byte for byte against Pillow elsewhere), and
    // the two filters differ.
    const io::Image big = labelled(100, 70);
    const Matrix cubic = app::image_to_x(big, 64, io::Resample::bicubic);
    const Matrix linear = app::image_to_x(big, 64, io::Resample::bilinear);
    CHECK(np::array_equal(cubic, app::pixels_to_x(io::resize(big, 64, 64, io::Resample::bicubic))));
    CHECK(np::array_equal(linear, app::pixels_to_x(io::resize(big, 64, 64, io::Resample::bilinear))));
    CHECK_FALSE(np::array_equal(cubic, linear));

    // numpy's image / 255. is a division: for some bytes v, v / 255. differs from v * (1 / 255.) in the last bit.
    io::Image all;
    all.width = 256;
    all.height = 1;
    for (int v = 0; v < 256; ++v) all.rgb.insert(all.rgb.end(), {std::uint8_t(v), std::uint8_t(v), std::uint8_t(v)});
    const Matrix xs = app::pixels_to_x(all);
    int products_differ = 0;
    for (int v = 0; v < 256; ++v) {
        CHECK(xs(3 * v, 0) == v / 255.);
        products_differ += v * (1 / 255.) != v / 255.;
    }
    CHECK(products_differ > 0);  // so the check above sees a multiplication

    CHECK_THROWS_AS(app::image_to_x(io::Image{}, 64), std::invalid_argument);
    CHECK_THROWS_AS(app::image_to_x(img64, 0), std::invalid_argument);
    CHECK_THROWS_AS(app::pixels_to_x(io::Image{2, 2, {1, 2, 3}}), std::invalid_argument);
}

TEST_CASE("predict: predict_own_image prints the notebook's two lines, with predict's strict > 0.5") {
    // One layer, W1 = 0 and b1 = z: the probability is sigmoid(z) whatever the picture.
    auto network = [](double z) { return Parameters{{"W1", Matrix(1, 12)}, {"b1", Matrix{{z}}}}; };
    const Matrix x = app::pixels_to_x(labelled(2, 2));
    std::ostringstream out;
    app::OwnImagePrediction r = app::predict_own_image(x, 1, network(2.0), kClasses, out);
    CHECK(out.str() == "Accuracy: 1.0\ny = 1.0, your L-layer model predicts a \"cat\" picture.\n");
    CHECK(r.y == 1);
    CHECK(r.class_name == "cat");
    CHECK(r.probability == 1 / (1 + std::exp(-2.0)));

    out.str("");
    r = app::predict_own_image(x, 0, network(2.0), kClasses, out);  // my_label_y = [0]: the prediction is wrong
    CHECK(out.str() == "Accuracy: 0.0\ny = 1.0, your L-layer model predicts a \"cat\" picture.\n");

    out.str("");
    r = app::predict_own_image(x, 1, network(0.0), kClasses, out);  // exactly 0.5 is not > 0.5: non-cat
    CHECK(r.probability == 0.5);
    CHECK(out.str() == "Accuracy: 0.0\ny = 0.0, your L-layer model predicts a \"non-cat\" picture.\n");
    CHECK(r.class_name == "non-cat");

    CHECK(app::prediction_sentence(1, {"dog", "cat"}) == "y = 1.0, your L-layer model predicts a \"cat\" picture.");
    CHECK(app::prediction_sentence(0, {"dog", "cat"}) == "y = 0.0, your L-layer model predicts a \"dog\" picture.");
    CHECK_THROWS_AS(app::predict_own_image(x, 2, network(1), kClasses, out), std::invalid_argument);
    CHECK_THROWS_AS(app::predict_own_image(Matrix(12, 2), 1, network(1), kClasses, out), std::invalid_argument);
    CHECK_THROWS_AS(app::predict_own_image(x, 1, network(1), {"cat"}, out), std::invalid_argument);
}

TEST_CASE("predict: num_px from W1, the filters' names, the conversion note") {
    CHECK(app::num_px_of(Parameters{{"W1", Matrix(20, 12288)}}) == 64);
    CHECK(app::num_px_of(Parameters{{"W1", Matrix(1, 27)}}) == 3);
    CHECK_THROWS_WITH_AS(app::num_px_of(Parameters{{"W1", Matrix(20, 2)}}),
                         "num_px_of: W1 has shape (20, 2): its 2 inputs are not a square RGB picture's (num_px * num_px * 3)",
                         std::invalid_argument);
    CHECK_THROWS_AS(app::num_px_of(Parameters{{"b1", Matrix(1, 1)}}), std::invalid_argument);

    for (io::Resample f : {io::Resample::bicubic, io::Resample::bilinear, io::Resample::nearest})
        CHECK(app::parse_resample(app::resample_name(f)) == f);
    CHECK(app::resample_name(io::Resample::bicubic) == "bicubic");
    CHECK_THROWS_WITH_AS(app::parse_resample("lanczos"), "unknown resample filter 'lanczos' (use bicubic, bilinear or nearest)",
                         std::invalid_argument);

    io::ImageFile f;
    f.mode = "RGB";
    CHECK(app::conversion_note(f, "cat.jpg").empty());
    f.mode = "P";
    CHECK(app::conversion_note(f, "cat.png") ==
          "note: cat.png: mode \"P\" (palette) converted to RGB as Pillow's .convert(\"RGB\") does (the notebook's cell "
          "would fail on it)");
}

TEST_CASE("predict: the output picture puts the picture beside the 64 x 64 enlarged with nearest neighbour") {
    io::Image small = labelled(100, 50), seen = labelled(64, 64), big = labelled(1000, 500);
    const app::RgbImage out = app::render_own_images({{small, seen, "a", "b"}, {big, seen, "c", "d"}});
    // Two cells of 256 per row, padding 8; each row 256 high, a gap of 4 and one caption line of (9 + 2) * 2.
    REQUIRE(out.width == 8 + 2 * (256 + 8));
    REQUIRE(out.height == 8 + 2 * (256 + 4 + 22 + 8));
    auto pixel = [&](std::size_t x, std::size_t y, int ch) { return out.rgb[(y * out.width + x) * 3 + ch]; };
    auto source = [](const io::Image& im, int x, int y, int ch) { return im.rgb[(std::size_t(y) * im.width + x) * 3 + ch]; };
    long differ = 0;
    for (int y = 0; y < 256; ++y)
        for (int x = 0; x < 256; ++x)
            for (int ch = 0; ch < 3; ++ch) {
                // the 64 x 64, each pixel a 4 x 4 block, at the second cell (8 + 264, 8)
                differ += pixel(272 + x, 8 + y, ch) != source(seen, x / 4, y / 4, ch);
                // 100 x 50 enlarged twice to 200 x 100, centred in the first cell
                if (x < 200 && y < 100) differ += pixel(8 + 28 + x, 8 + 78 + y, ch) != source(small, x / 2, y / 2, ch);
            }
    CHECK(differ == 0);
    // 1000 x 500 shrunk with BICUBIC to 256 x 128, centred in the first cell of the second row (at y = 8 + 290).
    const io::Image shrunk = io::resize(big, 256, 128, io::Resample::bicubic);
    for (int y = 0; y < 128; ++y)
        for (int x = 0; x < 256; ++x)
            for (int ch = 0; ch < 3; ++ch) differ += pixel(8 + x, 298 + 64 + y, ch) != source(shrunk, x, y, ch);
    CHECK(differ == 0);
    CHECK(pixel(4, 4, 0) == 255);  // white background

    const fs::path dir = temp_files::dir("predict");
    app::save_own_images_png((dir / "own.png").string(), {{small, seen, "a", "b"}});
    const io::Image back = io::read_image((dir / "own.png").string());
    CHECK(back.width == 8 + 2 * (256 + 8));
    CHECK_THROWS_AS(app::render_own_images({}), std::invalid_argument);
    CHECK_THROWS_AS(app::render_own_images({{io::Image{}, seen, "", ""}}), std::invalid_argument);
}

TEST_CASE("predict: the course's picture with make demo's parameters gives p = 0.97370664 (bicubic), 0.97205651 "
          "(bilinear), 0.97177799 (nearest)" * needs::course_data() * needs::course_image()) {
    const trained_model::Trained& trained = trained_model::L_layer();  // trained once, shared with test_app.cpp
    const Parameters& parameters = trained.result.parameters;
    const std::string dir = course_data::dir();
    const std::vector<std::string> classes = io::H5File(dir + "/test_catvnoncat.h5").read("list_classes").strings;
    REQUIRE(classes == kClasses);
    const io::ImageFile file = io::open_image(needs::kCourseImage);
    CHECK(file.mode == "RGB");
    CHECK(file.orientation == 1);

    struct Expected {
        io::Resample filter;
        const char* p;
    };
    const Expected expected[] = {{io::Resample::bicubic, "0.97370664"},
                                 {io::Resample::bilinear, "0.97205651"},
                                 {io::Resample::nearest, "0.97177799"}};
    const fs::path tmp = temp_files::dir("predict-course");
    io::save_npz((tmp / "parameters.npz").string(), parameters);
    for (const Expected& e : expected) {
        const std::string name = app::resample_name(e.filter);
        INFO(name);
        const Matrix x = app::image_to_x(file.image, 64, e.filter);
        std::ostringstream out;
        const app::OwnImagePrediction r = app::predict_own_image(x, 1, parameters, classes, out);
        // Under ThreadSanitizer the network trains for 201 iterations only (tests/trained_model.hpp): the
        // probabilities below are those of make demo's parameters, the notebook's 2500 iterations.
        if (!trained_model::kFullTraining) continue;
        CHECK(p_line(r.probability, name) == "p = " + std::string(e.p) + " (" + name + ")");
        CHECK(out.str() == "Accuracy: 1.0\ny = 1.0, your L-layer model predicts a \"cat\" picture.\n");

        // The program, end to end, prints exactly what the README shows.
        const Run run = predict_program("--parameters " + (tmp / "parameters.npz").string() + " --data " + dir +
                                        " --out " + tmp.string() + " --resample " + name + " " + needs::kCourseImage);
        CHECK(run.status == 0);
        CHECK(run.out == "Parameters: " + (tmp / "parameters.npz").string() +
                             " (layers_dims [12288, 20, 7, 5, 1])\nclasses: non-cat, cat (from " + dir +
                             "/test_catvnoncat.h5); my_label_y = [1]\n\n" + needs::kCourseImage +
                             ": 1024 x 681 JPEG, resized to 64 x 64 (" + name +
                             ")\nAccuracy: 1.0\ny = 1.0, your L-layer model predicts a \"cat\" picture.\np = " + e.p +
                             " (" + name + ")\n\nWrote " + tmp.string() +
                             "/my_image.png (the picture beside the 64 x 64 the network saw)\n");
    }
    if (!trained_model::kFullTraining) return;
    // The 2017 notebook forgot the / 255: the network, fed 0..255, is sure (p = 1.0 in float64).
    const Matrix x255 = app::image_to_x(file.image, 64, io::Resample::bilinear) * 255.;
    CHECK(py_repr(L_model_forward(x255, parameters).AL(0, 0)) == "1.0");
}

TEST_CASE("predict: the program on generated pictures of every kind, and --help") {
    const fs::path dir = temp_files::dir("predict-program");
    write_file(dir / "test_catvnoncat.h5", classes_h5(kClasses));
    const Parameters network = patterned_network(0.3);
    io::save_npz((dir / "parameters.npz").string(), network);
    const std::string common = "--data " + dir.string() + " --out " + dir.string() + " ";

    // Pictures: RGB, grayscale, palette and RGBA PNGs; RGB, grayscale and CMYK JPEGs.
    using namespace image_handmade;
    auto png = [&](const std::string& name, int colour_type, auto sample) {
        PngSpec s;
        s.width = 90;
        s.height = 70;
        s.colour_type = colour_type;
        const int ch = png_channels(colour_type);
        for (int y = 0; y < s.height; ++y)
            for (int x = 0; x < s.width; ++x)
                for (int c = 0; c < ch; ++c) s.samples.push_back(std::uint16_t(sample(x, y, c)));
        if (colour_type == 3)
            for (int i = 0; i < 256; ++i) s.palette.insert(s.palette.end(), {std::uint8_t(i), std::uint8_t(255 - i), std::uint8_t(i * 7)});
        write_file(dir / name, encode_png(s));
    };
    png("rgb.png", 2, [](int x, int y, int c) { return (x * 3 + y * 2 + c * 80) % 256; });
    png("gray.png", 0, [](int x, int y, int) { return (x * 2 + y) % 256; });
    png("palette.png", 3, [](int x, int y, int) { return (x + y * 3) % 256; });
    png("rgba.png", 6, [](int x, int y, int c) { return c == 3 ? x : (x * 3 + y * 2 + c * 80) % 256; });
    auto jpeg = [&](const std::string& name, int components, int orientation = 1) {
        JpegSpec s;
        s.width = 80;
        s.height = 48;
        s.quant = {flat_quant(4, 6), flat_quant(4, 8)};
        const int hs = components == 3 ? 2 : 1;
        for (int i = 0; i < components; ++i)
            s.components.push_back(component(i + 1, i == 0 ? hs : 1, i == 0 ? hs : 1, i == 0 ? 0 : 1, 80, 48, hs, hs,
                                             [i](int x, int y) { return (x * (i + 2) + y * 3 + 40 * i) % 256; }));
        if (components == 4) {
            s.jfif = false;
            s.adobe_transform = 0;  // Adobe CMYK
        }
        if (orientation != 1) s.exif = exif_orientation_tiff(orientation);
        write_file(dir / name, encode_jpeg(s));
    };
    jpeg("rgb.jpg", 3);
    jpeg("gray.jpg", 1);
    jpeg("cmyk.jpg", 4);
    jpeg("turned.jpg", 3, 6);

    struct Case {
        const char* name;
        const char* mode;  // "" for RGB: no note
    };
    for (const Case& k : {Case{"rgb.png", ""}, Case{"gray.png", "L\" (grayscale"}, Case{"palette.png", "P\" (palette"},
                          Case{"rgba.png", "RGBA\" (RGB with alpha"}, Case{"rgb.jpg", ""}, Case{"gray.jpg", "L\" (grayscale"},
                          Case{"cmyk.jpg", "CMYK\" (CMYK"}}) {
        const std::string path = (dir / k.name).string();
        INFO(k.name);
        const Run r = predict_program(common + "--parameters " + (dir / "parameters.npz").string() + " " + path);
        INFO(r.out);
        CHECK(r.status == 0);
        const bool jpg = std::string(k.name).find(".jpg") != std::string::npos;
        CHECK(has_line(r.out, path + ": " + (jpg ? "80 x 48 JPEG" : "90 x 70 PNG") + ", resized to 64 x 64 (bicubic)"));
        const std::string note = "note: " + path + ": mode \"" + k.mode +
                                 ") converted to RGB as Pillow's .convert(\"RGB\") does (the notebook's cell would fail on it)";
        CHECK(has_line(r.out, note) == (std::string(k.mode) != ""));
        CHECK(r.out.find("note:") == (std::string(k.mode) != "" ? r.out.find(note) : std::string::npos));
        const double p = library_p(path, network, io::Resample::bicubic);
        CHECK(has_line(r.out, "Accuracy: " + std::string(p > 0.5 ? "1.0" : "0.0")));
        CHECK(has_line(r.out, app::prediction_sentence(p > 0.5, kClasses)));
        CHECK(has_line(r.out, p_line(p, "bicubic")));
    }

    // Two pictures at once, another filter, label 0; both in out/my_image.png.
    const std::string rgb = (dir / "rgb.png").string(), gray = (dir / "gray.jpg").string();
    fs::remove(dir / "my_image.png");
    Run r = predict_program(common + "--resample nearest --label 0 " + rgb + " " + gray);
    CHECK(r.status == 0);  // OUT/parameters.npz is found without --parameters
    CHECK(has_line(r.out, "Parameters: " + (dir / "parameters.npz").string() + " (layers_dims [12288, 1])"));
    CHECK(has_line(r.out, "classes: non-cat, cat (from " + dir.string() + "/test_catvnoncat.h5); my_label_y = [0]"));
    const double p_rgb = library_p(rgb, network, io::Resample::nearest), p_gray = library_p(gray, network, io::Resample::nearest);
    CHECK(p_rgb != library_p(rgb, network, io::Resample::bicubic));
    CHECK(has_line(r.out, p_line(p_rgb, "nearest")));
    CHECK(has_line(r.out, p_line(p_gray, "nearest")));
    CHECK(has_line(r.out, "Wrote " + dir.string() + "/my_image.png (each picture beside the 64 x 64 the network saw)"));
    const io::Image grid = io::read_image((dir / "my_image.png").string());
    CHECK(grid.height > 2 * 256);  // two rows

    // A network that says non-cat (the strict > 0.5 of predict), with label 1: "Accuracy: 0.0".
    io::save_npz((dir / "negative.npz").string(), patterned_network(-30));
    r = predict_program(common + "--parameters " + (dir / "negative.npz").string() + " " + rgb);
    CHECK(r.status == 0);
    CHECK(has_line(r.out, "Accuracy: 0.0"));
    CHECK(has_line(r.out, "y = 0.0, your L-layer model predicts a \"non-cat\" picture."));

    // The EXIF orientation: said and left alone, as Image.open does; applied with --exif-rotate.
    const std::string turned = (dir / "turned.jpg").string();
    r = predict_program(common + turned);
    CHECK(r.status == 0);
    CHECK(has_line(r.out, "note: its EXIF orientation (6: stored on its side (viewers turn it 90 degrees clockwise)) "
                          "is not applied, as in the notebook (Image.open ignores it); --exif-rotate applies it"));
    CHECK(has_line(r.out, p_line(library_p(turned, network, io::Resample::bicubic), "bicubic")));
    r = predict_program(common + "--exif-rotate " + turned);
    CHECK(r.status == 0);
    CHECK(has_line(r.out, "note: turned upright by its EXIF orientation (6), as ImageOps.exif_transpose does: now 48 x 80"));
    const double upright = library_p(turned, network, io::Resample::bicubic, true);
    CHECK(upright != library_p(turned, network, io::Resample::bicubic));
    CHECK(has_line(r.out, p_line(upright, "bicubic")));

    r = predict_program("--help");
    CHECK(r.status == 0);
    CHECK(r.out.rfind("Usage: build/bin/predict [options] IMAGE...", 0) == 0);
    for (const char* option : {"--label 0|1", "--resample NAME", "--exif-rotate", "--parameters FILE", "--data DIR", "--out DIR"})
        CHECK(r.out.find(option) != std::string::npos);
}

TEST_CASE("predict: the program's errors name the file and what is wrong, with a non-zero exit status") {
    const fs::path dir = temp_files::dir("predict-errors");
    write_file(dir / "test_catvnoncat.h5", classes_h5(kClasses));
    io::save_npz((dir / "parameters.npz").string(), patterned_network(0.3));
    const std::string common = "--data " + dir.string() + " --out " + dir.string() + " ";
    image_handmade::JpegSpec spec;
    spec.width = spec.height = 32;
    spec.components = {image_handmade::component(1, 1, 1, 0, 32, 32, 1, 1, [](int x, int y) { return x * 5 + y; })};
    const std::vector<std::uint8_t> good = image_handmade::encode_jpeg(spec);
    write_file(dir / "good.jpg", good);
    write_file(dir / "cut.jpg", std::vector<std::uint8_t>(good.begin(), good.begin() + std::ptrdiff_t(good.size() - 40)));
    write_file(dir / "notes.txt", {'h', 'e', 'l', 'l', 'o', '\n'});
    const std::string cut = (dir / "cut.jpg").string(), txt = (dir / "notes.txt").string();

    Run r = predict_program(common + (dir / "missing.jpg").string());
    CHECK(r.status == 1);
    CHECK(r.out == "predict: read_image: '" + (dir / "missing.jpg").string() + "': cannot open: No such file or directory\n");
    r = predict_program(common + txt);
    CHECK(r.status == 1);
    CHECK(r.out == "predict: read_image: '" + txt + "': byte 0: not a JPEG or PNG file (it starts with 68 65 6C 6C 6F 0A; "
                   "only JPEG and PNG are supported)\n");
    r = predict_program(common + cut);
    CHECK(r.status == 1);
    CHECK(r.out.rfind("predict: read_image: '" + cut + "': byte ", 0) == 0);
    CHECK(r.out.find("file ends inside entropy-coded data") != std::string::npos);
    r = predict_program(common + dir.string());
    CHECK(r.status == 1);
    CHECK(r.out == "predict: read_image: '" + dir.string() + "': is a directory\n");

    // One bad picture among good ones: the good one is still predicted, and the status says something failed.
    r = predict_program(common + cut + " " + (dir / "good.jpg").string());
    CHECK(r.status == 1);
    CHECK(r.out.find("file ends inside entropy-coded data") != std::string::npos);
    CHECK(r.out.find("your L-layer model predicts") != std::string::npos);

    // The command line: status 2.
    for (const char* args : {"", "--label 2 x.jpg", "--resample lanczos x.jpg", "--label", "--frobnicate x.jpg"}) {
        INFO(args);
        r = predict_program(args);
        CHECK(r.status == 2);
        CHECK(r.out.find("(see build/bin/predict --help; with make: make predict IMAGE=path/to/photo.jpg)") != std::string::npos);
    }
    CHECK(predict_program("").out.rfind("predict: no picture given", 0) == 0);

    // No course files: the class names are the test file's, and training needs both.
    const fs::path empty = temp_files::dir("predict-empty");
    r = predict_program("--data " + empty.string() + " --out " + dir.string() + " " + (dir / "good.jpg").string());
    CHECK(r.status == 1);
    CHECK(r.out.find("predict: " + empty.string() + "/test_catvnoncat.h5 does not exist.\nThe class names come from the "
                     "course's test_catvnoncat.h5") == 0);
    // Parameters that cannot look at a picture: make demo's flower network, and a file that is not there.
    io::save_npz((dir / "flower.npz").string(), Parameters{{"W1", Matrix(20, 2)}, {"b1", Matrix(20, 1)}});
    r = predict_program(common + "--parameters " + (dir / "flower.npz").string() + " " + (dir / "good.jpg").string());
    CHECK(r.status == 1);
    CHECK(r.out.find(dir.string() + "/flower.npz holds a network for 2 inputs (make demo trains one on the planar flower "
                     "data when the course files are missing)") != std::string::npos);
    r = predict_program(common + "--parameters " + (dir / "none.npz").string() + " " + (dir / "good.jpg").string());
    CHECK(r.status == 1);
    CHECK(r.out == "predict: --parameters " + (dir / "none.npz").string() + ": no such file\n");
}
