// tests/test_image_pillow.cpp - the image reader and resize() against Pillow, byte for byte: what
// np.asarray(Image.open(f).convert("RGB")) and Image.resize give, computed by /usr/bin/python3 with
// tests/image_fixtures.py in this process's scratch folder. Every file and every resize is counted, and the
// counts are printed (MESSAGE) with the number of byte-identical results, which must be all of them.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "io/image.hpp"
#include "tests/image_handmade.hpp"
#include "tests/needs.hpp"
#include "tests/temp_files.hpp"

using namespace dnn::io;
using image_handmade::Bytes;
namespace fs = std::filesystem;
namespace hm = image_handmade;

namespace {

fs::path scratch() { return temp_files::dir("image_pillow"); }

// Runs tests/image_fixtures.py; false (with the script's output in log) if it failed.
bool run_fixtures(const std::string& args, std::string& log) {
    const fs::path out = scratch() / "fixtures.log";
    const std::string cmd = "/usr/bin/python3 tests/image_fixtures.py " + args + " > '" + out.string() + "' 2>&1";
    const int rc = std::system(cmd.c_str());
    std::ifstream in(out);
    std::stringstream text;
    text << in.rdbuf();
    log = text.str();
    return rc == 0;
}

std::vector<std::string> lines_of(const fs::path& p) {
    std::ifstream in(p);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) lines.push_back(line);
    return lines;
}

void write_file(const fs::path& p, const Bytes& b) {
    std::ofstream out(p, std::ios::binary);
    out.write(reinterpret_cast<const char*>(b.data()), static_cast<std::streamsize>(b.size()));
}

struct PillowRead {
    bool ok = false;
    int width = 0, height = 0;
    std::string mode, error;
    std::string out;  // Pillow's pixels are in out + ".pil" (and ".high", ".clip" for 16-bit grayscale PNGs)
};

// What Pillow reads from each file (after ImageOps.exif_transpose when transpose is set). Its outputs go to
// the scratch folder, never beside the files read.
std::map<std::string, PillowRead> pillow_read(const std::vector<std::string>& paths, const std::string& list_name,
                                              bool transpose = false) {
    const fs::path list = scratch() / list_name;
    std::map<std::string, std::string> outs;
    {
        std::ofstream out(list);
        for (std::size_t k = 0; k < paths.size(); ++k) {
            outs[paths[k]] = (scratch() / (list_name + "_" + std::to_string(k))).string();
            out << paths[k] << " " << outs[paths[k]] << (transpose ? " transpose" : "") << "\n";
        }
    }
    std::string log;
    const bool ran = run_fixtures("decode '" + scratch().string() + "' '" + list.string() + "'", log);
    REQUIRE_MESSAGE(ran, "tests/image_fixtures.py decode failed:\n" << log);
    std::map<std::string, PillowRead> result;
    for (const std::string& line : lines_of(list.string() + ".out")) {
        std::istringstream in(line);
        std::string path, status;
        in >> path >> status;
        PillowRead r;
        r.ok = status == "OK";
        if (r.ok) in >> r.width >> r.height >> r.mode;
        else std::getline(in, r.error);
        r.out = outs[path];
        result[path] = r;
    }
    REQUIRE(result.size() == paths.size());
    return result;
}

struct Count {
    int compared = 0, identical = 0;
};

// Our reading of path against Pillow's: size, mode and every byte. Counts the file, and reports the first
// differing byte if any.
void compare(const std::string& path, const PillowRead& pil, Count& count, bool transpose = false) {
    INFO(path);
    REQUIRE_MESSAGE(pil.ok, "Pillow could not read it: " << pil.error);
    ImageFile ours = open_image(path);
    if (transpose) ours.image = exif_transpose(ours.image, ours.orientation);
    const Bytes theirs = temp_files::read_bytes(pil.out + ".pil");
    ++count.compared;
    CHECK(ours.image.width == pil.width);
    CHECK(ours.image.height == pil.height);
    CHECK((ours.mode == pil.mode || (ours.mode == "I" && pil.mode.rfind("I;16", 0) == 0)));
    if (ours.image.rgb == theirs) {
        ++count.identical;
        return;
    }
    std::size_t i = 0;
    while (i < theirs.size() && i < ours.image.rgb.size() && ours.image.rgb[i] == theirs[i]) ++i;
    const std::size_t pixel = i / 3;
    FAIL_CHECK("differs from Pillow first at pixel (" << (ours.image.width ? pixel % ours.image.width : 0) << ", "
                                                    << (ours.image.width ? pixel / ours.image.width : 0) << ") channel "
                                                    << i % 3 << ": ours "
                                                    << (i < ours.image.rgb.size() ? int(ours.image.rgb[i]) : -1)
                                                    << ", Pillow " << (i < theirs.size() ? int(theirs[i]) : -1));
}

// Reads and compares every file of a list written by image_fixtures.py; files named *_refused_* must be
// refused by us with a clear error (and are counted apart).
void compare_listed(const std::string& list_file, const std::string& what) {
    const std::vector<std::string> paths = lines_of(scratch() / list_file);
    REQUIRE(!paths.empty());
    const auto pil = pillow_read(paths, list_file + ".decode");
    Count count;
    int refused = 0;
    for (const std::string& p : paths) {
        if (p.find("_refused_") != std::string::npos) {
            INFO(p);
            CHECK(pil.at(p).ok);  // Pillow reads them
            std::string error;
            try {
                open_image(p);
            } catch (const std::runtime_error& e) {
                error = e.what();
            }
            CHECK((error.find("arithmetic coding (0xFFC9) is not supported") != std::string::npos ||
                   error.find("has sampling factors 4x1: only 1 or 2 in each direction are supported") != std::string::npos));
            ++refused;
            continue;
        }
        compare(p, pil.at(p), count);
    }
    CHECK(count.identical == count.compared);
    MESSAGE("decode, " << what << ": " << count.compared << " files compared with Pillow, " << count.identical
                       << " byte-identical" << (refused ? ", " + std::to_string(refused) + " refused on purpose "
                                                          "(arithmetic coding, 4:1:1), which Pillow reads" : ""));
}

// A picture of smooth waves and noise as one JPEG component of a w x h picture sampled h, v of hmax, vmax.
hm::JpegComponent wave(int id, int h, int v, int tq, int w, int hh, int hmax, int vmax, unsigned seed) {
    std::mt19937 rng(seed);
    return hm::component(id, h, v, tq, w, hh, hmax, vmax, [&](int x, int y) {
        return int(128 + 70 * std::sin((x + int(seed % 7)) / 2.5) * std::cos(y / 3.5) + int(rng() % 31) - 15);
    });
}

}  // namespace

TEST_CASE("image: Pillow's own JPEGs, 1x1 to 640x480, read as Pillow reads them" * needs::pillow()) {
    std::string log;
    REQUIRE_MESSAGE(run_fixtures("jpegs '" + scratch().string() + "'", log), "image_fixtures.py jpegs failed:\n" << log);
    compare_listed("jpegs.txt", "JPEG made by Pillow (baseline q50/q95 4:4:4 4:2:2 4:2:0, progressive, optimised, "
                                "gray, CMYK)");
}

TEST_CASE("image: cjpeg and jpegtran JPEGs (4:4:0, RGB, restart markers) read as Pillow reads them" * needs::pillow() *
          needs::jpeg_tools()) {
    std::string log;
    REQUIRE_MESSAGE(run_fixtures("tooljpegs '" + scratch().string() + "'", log),
                    "image_fixtures.py tooljpegs failed:\n" << log);
    compare_listed("tooljpegs.txt", "JPEG made by cjpeg and jpegtran (4:4:0, RGB, restarts, progressive with restarts)");
}

TEST_CASE("image: hand-built JPEGs (YCCK, CMYK, RGB, unusual samplings, EOB runs, no DHT, EXIF) read as Pillow does" *
          needs::pillow()) {
    struct Layout { const char* name; int comps; int hv[4][2]; int adobe; bool jfif; int ids[4]; };
    const Layout layouts[] = {
        {"ycck", 4, {{1, 1}, {1, 1}, {1, 1}, {1, 1}}, 2, false, {1, 2, 3, 4}},
        {"ycck_420", 4, {{2, 2}, {1, 1}, {1, 1}, {2, 2}}, 2, false, {1, 2, 3, 4}},
        {"cmyk_adobe", 4, {{1, 1}, {1, 1}, {1, 1}, {1, 1}}, 0, false, {1, 2, 3, 4}},
        {"cmyk_plain", 4, {{1, 1}, {1, 1}, {1, 1}, {1, 1}}, -1, false, {1, 2, 3, 4}},
        {"rgb_adobe", 3, {{1, 1}, {1, 1}, {1, 1}}, 0, false, {1, 2, 3}},
        {"rgb_ids", 3, {{1, 1}, {1, 1}, {1, 1}}, -1, false, {'R', 'G', 'B'}},
        {"jfif_and_adobe0", 3, {{1, 1}, {1, 1}, {1, 1}}, 0, true, {1, 2, 3}},
        {"ycc_no_markers", 3, {{2, 2}, {1, 1}, {1, 1}}, -1, false, {0, 1, 2}},
        {"luma21_cb12_cr11", 3, {{2, 1}, {1, 2}, {1, 1}}, -1, true, {1, 2, 3}},
        {"chroma_finer", 3, {{1, 1}, {2, 2}, {2, 2}}, -1, true, {1, 2, 3}},
        {"luma22_cb21_cr12", 3, {{2, 2}, {2, 1}, {1, 2}}, -1, true, {1, 2, 3}},
        {"444_gray_2x2", 1, {{2, 2}}, -1, true, {1}},
    };
    struct Size { int w, h; };
    const Size sizes[] = {{1, 1}, {5, 3}, {8, 8}, {13, 17}, {16, 16}, {23, 9}, {31, 33}};
    std::vector<std::string> paths;
    unsigned seed = 1;
    for (const Layout& l : layouts)
        for (const Size s : sizes)
            for (int variant = 0; variant < 4; ++variant) {
                hm::JpegSpec spec;
                spec.width = s.w;
                spec.height = s.h;
                spec.jfif = l.jfif;
                spec.adobe_transform = l.adobe;
                spec.quant = {hm::flat_quant(6, 10), hm::flat_quant(7, 12)};
                int hmax = 1, vmax = 1;
                for (int i = 0; i < l.comps; ++i) {
                    hmax = std::max(hmax, l.hv[i][0]);
                    vmax = std::max(vmax, l.hv[i][1]);
                }
                if (l.comps == 1) hmax = vmax = 1;  // a lone component's factors do not matter (the writer's blocks)
                for (int i = 0; i < l.comps; ++i) {
                    const int h = l.comps == 1 ? 1 : l.hv[i][0], v = l.comps == 1 ? 1 : l.hv[i][1];
                    spec.components.push_back(wave(l.ids[i], h, v, i == 0 ? 0 : 1, s.w, s.h, hmax, vmax, seed++));
                }
                // Variants: baseline; progressive with EOB runs, DC successive approximation and restarts;
                // one scan per component with restarts; Motion-JPEG (no DHT).
                if (variant == 1) {
                    spec.progressive = true;
                    spec.every_symbol_ac = true;
                    spec.dc_al = 2;
                    spec.restart_interval = 2;
                    spec.ac_bands = {{1, 3}, {4, 63}};
                } else if (variant == 2) {
                    spec.interleaved = false;
                    spec.restart_interval = 1;
                } else if (variant == 3) {
                    spec.write_dht = false;
                }
                Bytes file = hm::encode_jpeg(spec);
                if (l.comps == 1) {  // declare 2x2 in SOF: the same picture for libjpeg and for us
                    for (std::size_t i = 0; i + 11 < file.size(); ++i)
                        if (file[i] == 0xFF && file[i + 1] == 0xC0) { file[i + 11] = 0x22; break; }
                }
                const fs::path p = scratch() / ("hand_" + std::string(l.name) + "_" + std::to_string(s.w) + "x" +
                                                std::to_string(s.h) + "_v" + std::to_string(variant) + ".jpg");
                write_file(p, file);
                paths.push_back(p.string());
            }
    const auto pil = pillow_read(paths, "hand_jpegs.txt");
    Count count;
    for (const std::string& p : paths) compare(p, pil.at(p), count);
    CHECK(count.identical == count.compared);
    MESSAGE("decode, hand-built JPEG (YCCK, CMYK, RGB, JFIF + Adobe, 6 samplings; baseline, progressive with EOB runs "
            "and restarts, a scan per component, no DHT): " << count.compared << " files compared with Pillow, "
            << count.identical << " byte-identical");

    // EXIF orientations: exif_transpose(read) against ImageOps.exif_transpose(Image.open(f)).
    std::vector<std::string> oriented;
    for (int o = 1; o <= 8; ++o) {
        hm::JpegSpec spec;
        spec.width = 13;
        spec.height = 7;
        spec.quant = {hm::flat_quant(4, 8), hm::flat_quant(4, 8)};
        for (int i = 0; i < 3; ++i) spec.components.push_back(wave(i + 1, 1, 1, i ? 1 : 0, 13, 7, 1, 1, 100 + unsigned(i)));
        spec.exif = hm::exif_orientation_tiff(o, o % 2 == 0);
        const fs::path p = scratch() / ("orientation_" + std::to_string(o) + ".jpg");
        write_file(p, hm::encode_jpeg(spec));
        oriented.push_back(p.string());
    }
    const auto pil_t = pillow_read(oriented, "oriented.txt", true);
    Count turned;
    for (const std::string& p : oriented) compare(p, pil_t.at(p), turned, true);
    CHECK(turned.identical == 8);
    MESSAGE("exif_transpose: " << turned.compared << " orientations compared with ImageOps.exif_transpose, "
                               << turned.identical << " byte-identical");
}

TEST_CASE("image: a progressive JPEG whose scans leave AC terms unsent: ours as sent, Pillow's smoothed" * needs::pillow()) {
    // libjpeg smooths blocks whose low-frequency AC terms no scan has sent yet (block smoothing, which guesses
    // them from the neighbouring DC terms); we decode what the scans hold. Files whose scans send every
    // coefficient (all the files above) are identical; this one, DC scans only, is where the two part ways.
    hm::JpegSpec spec;
    spec.width = 32;
    spec.height = 24;
    spec.progressive = true;
    spec.ac_bands = {};  // DC scans only
    spec.quant = {hm::flat_quant(4, 8), hm::flat_quant(4, 8)};
    for (int i = 0; i < 3; ++i) spec.components.push_back(wave(i + 1, 1, 1, i ? 1 : 0, 32, 24, 1, 1, 40 + unsigned(i)));
    const fs::path p = scratch() / "dc_only_progressive.jpg";
    write_file(p, hm::encode_jpeg(spec));
    hm::JpegSpec baseline = spec;  // the same DC terms, every AC term zero, in a baseline file
    baseline.progressive = false;
    int mcus_x = 0, mcus_y = 0;
    const auto blocks = hm::jpeg_blocks(spec, mcus_x, mcus_y);
    for (std::size_t i = 0; i < 3; ++i) {
        baseline.components[i].blocks = blocks[i];
        for (auto& b : baseline.components[i].blocks) std::fill(b.begin() + 1, b.end(), std::int16_t(0));
    }
    const auto pil = pillow_read({p.string()}, "dc_only.txt");
    const ImageFile ours = open_image(p.string());
    const Bytes bytes = hm::encode_jpeg(baseline);
    CHECK(ours.image.rgb == decode_image(bytes.data(), bytes.size(), "baseline.jpg").image.rgb);
    CHECK(ours.image.rgb != temp_files::read_bytes(pil.at(p.string()).out + ".pil"));
}

TEST_CASE("image: PngSuite and hand-built PNGs read as Pillow's convert('RGB'), 16-bit grayscale excepted" *
          needs::pillow()) {
    std::vector<std::string> paths;
    for (const auto& e : fs::directory_iterator("tests/pngsuite"))
        if (e.path().extension() == ".png" && e.path().filename().string()[0] != 'x') paths.push_back(e.path().string());
    const std::size_t suite = paths.size();
    // Hand-built: every colour type and depth, interlaced or not, palettes shorter than their indices.
    const std::vector<std::pair<int, int>> kinds = {{0, 1}, {0, 2}, {0, 4}, {0, 8}, {0, 16}, {2, 8}, {2, 16}, {3, 1},
                                                    {3, 2}, {3, 4}, {3, 8}, {4, 8}, {4, 16}, {6, 8}, {6, 16}};
    std::mt19937 rng(5);
    for (const auto& kind : kinds)
        for (int size : {1, 7, 33})
            for (bool interlace : {false, true}) {
                const int type = kind.first, depth = kind.second;
                hm::PngSpec s;
                s.width = size;
                s.height = size / 2 + 1;
                s.colour_type = type;
                s.bit_depth = depth;
                s.interlace = interlace;
                s.samples.resize(std::size_t(s.width) * s.height * hm::png_channels(type));
                for (auto& v : s.samples) v = std::uint16_t(rng() & ((1u << depth) - 1));
                if (type == 3)
                    for (int i = 0; i < 3 * std::min(256, (1 << depth) - 1 + (depth == 8)); ++i)
                        s.palette.push_back(std::uint8_t(rng()));
                if (type == 3 && interlace) s.trns = {0, 128};
                if (type == 2 && depth == 8 && interlace) s.trns = {0, 1, 0, 2, 0, 3};
                const fs::path p = scratch() / ("hand_" + std::to_string(type) + "_" + std::to_string(depth) + "_" +
                                                std::to_string(size) + (interlace ? "_i" : "") + ".png");
                write_file(p, hm::encode_png(s));
                paths.push_back(p.string());
            }
    const auto pil = pillow_read(paths, "pngs.txt");
    Count count;
    int gray16 = 0;
    for (std::size_t k = 0; k < paths.size(); ++k) {
        const std::string& p = paths[k];
        INFO(p);
        const std::string& out = pil.at(p).out;
        if (fs::exists(out + ".high")) {
            // 16-bit grayscale: Pillow opens it as mode I and its convert("RGB") clips each sample to 255;
            // we keep the high byte instead (io/image.hpp). Both facts are checked.
            const ImageFile ours = open_image(p);
            CHECK(ours.mode == "I");
            CHECK(ours.image.rgb == temp_files::read_bytes(out + ".high"));
            CHECK(temp_files::read_bytes(out + ".pil") == temp_files::read_bytes(out + ".clip"));
            CHECK(ours.image.rgb != temp_files::read_bytes(out + ".pil"));
            ++gray16;
            continue;
        }
        compare(p, pil.at(p), count);
    }
    CHECK(count.identical == count.compared);
    CHECK(gray16 == 13 + 6);  // 13 in PngSuite, 6 hand-built
    MESSAGE("decode, PNG (" << suite << " valid PngSuite files and " << paths.size() - suite << " hand-built): "
                            << count.compared << " files compared with Pillow, " << count.identical
                            << " byte-identical; " << gray16 << " 16-bit grayscale files read as their high byte "
                            "where Pillow clips to 255, as documented");
}

TEST_CASE("resize: NEAREST, BILINEAR and BICUBIC give Pillow's bytes for many sizes up and down" * needs::pillow()) {
    struct Input { int w, h; bool noise; };
    const Input inputs[] = {{1, 1, true},  {1, 5, true},    {5, 1, false},   {2, 2, true},    {3, 7, false},
                            {16, 16, true}, {37, 23, false}, {64, 64, true},  {97, 61, true},  {200, 150, false},
                            {512, 384, true}};
    auto targets = [](int n) {
        std::vector<int> t = {1, 2, 3, std::max(1, n / 3), std::max(1, n / 2), std::max(1, n - 1), n, n + 1, 2 * n + 1, 64};
        std::sort(t.begin(), t.end());
        t.erase(std::unique(t.begin(), t.end()), t.end());
        return t;
    };
    struct Job { std::size_t input; std::string out; int w, h, filter; };
    std::vector<Job> jobs;
    std::vector<Image> pictures;
    std::ofstream list(scratch() / "resize_jobs.txt");
    std::mt19937 rng(17);
    int n = 0;
    for (const Input& in : inputs) {
        Image img;
        img.width = in.w;
        img.height = in.h;
        for (int y = 0; y < in.h; ++y)
            for (int x = 0; x < in.w; ++x)
                for (int c = 0; c < 3; ++c)
                    img.rgb.push_back(in.noise ? std::uint8_t(rng())
                                               : std::uint8_t(128 + 120 * std::sin(x / 5.0 + c) * std::cos(y / 7.0)));
        const fs::path raw = scratch() / ("resize_in_" + std::to_string(in.w) + "x" + std::to_string(in.h) + ".raw");
        write_file(raw, img.rgb);
        pictures.push_back(std::move(img));
        for (int tw : targets(in.w))
            for (int th : targets(in.h)) {
                if ((tw == in.w && th == in.h) || std::size_t(tw) * th > 200000) continue;
                for (int filter = 0; filter < 3; ++filter) {
                    const fs::path out = scratch() / ("resize_out_" + std::to_string(n++) + ".raw");
                    list << raw.string() << " " << in.w << " " << in.h << " " << tw << " " << th << " " << filter << " "
                         << out.string() << "\n";
                    jobs.push_back({pictures.size() - 1, out.string(), tw, th, filter});
                }
            }
    }
    list.close();
    std::string log;
    REQUIRE_MESSAGE(run_fixtures("resize '" + scratch().string() + "' '" + (scratch() / "resize_jobs.txt").string() + "'", log),
                    "image_fixtures.py resize failed:\n" << log);
    Count per_filter[3];
    const std::string names[3] = {"NEAREST", "BILINEAR", "BICUBIC"};
    for (const Job& j : jobs) {
        const Image& picture = pictures[j.input];
        INFO(picture.width << "x" << picture.height << " -> " << j.w << "x" << j.h << " " << names[j.filter]);
        const Image ours = resize(picture, j.w, j.h, Resample(j.filter));
        Count& c = per_filter[j.filter];
        ++c.compared;
        if (ours.rgb == temp_files::read_bytes(j.out)) ++c.identical;
        else FAIL_CHECK("differs from Pillow's resize");
    }
    for (int f = 0; f < 3; ++f) {
        CHECK(per_filter[f].identical == per_filter[f].compared);
        MESSAGE("resize " << names[f] << ": " << per_filter[f].compared << " resizes (11 pictures from 1x1 to 512x384, "
                          "to sizes from 1 to 2n + 1) compared with Pillow, " << per_filter[f].identical
                          << " byte-identical");
    }
}

TEST_CASE("image: the course picture my_image.jpg reads and resizes to 64x64 as Pillow does" * needs::pillow() *
          needs::course_image()) {
    const std::string path = needs::kCourseImage;
    const auto pil = pillow_read({path}, "course.txt");
    REQUIRE(pil.at(path).ok);
    const ImageFile ours = open_image(path);
    CHECK(ours.format == "JPEG");
    CHECK(ours.mode == "RGB");
    CHECK(ours.orientation == 1);
    CHECK(ours.image.width == 1024);
    CHECK(ours.image.height == 681);
    const Bytes theirs = temp_files::read_bytes(pil.at(path).out + ".pil");
    CHECK(ours.image.rgb == theirs);

    // Pillow's resize of that same picture, with each filter.
    const fs::path raw = scratch() / "course.raw";
    write_file(raw, ours.image.rgb);
    std::ofstream list(scratch() / "course_resize.txt");
    for (int f = 0; f < 3; ++f)
        list << raw.string() << " 1024 681 64 64 " << f << " " << (scratch() / ("course_64_" + std::to_string(f) + ".raw")).string() << "\n";
    list.close();
    std::string log;
    REQUIRE_MESSAGE(run_fixtures("resize '" + scratch().string() + "' '" + (scratch() / "course_resize.txt").string() + "'", log),
                    "image_fixtures.py resize failed:\n" << log);
    int identical = 0;
    for (int f = 0; f < 3; ++f) {
        const Image r = resize(ours.image, 64, 64, Resample(f));
        const bool same = r.rgb == temp_files::read_bytes(scratch() / ("course_64_" + std::to_string(f) + ".raw"));
        CHECK(same);
        identical += same;
    }
    MESSAGE("course picture: decode byte-identical to Pillow's: " << std::string(ours.image.rgb == theirs ? "yes" : "NO")
                                                                 << "; 64x64 NEAREST/BILINEAR/BICUBIC identical: "
                                                                 << identical << " of 3");
}
