// tests/test_image_jpeg.cpp - the JPEG decoder (io/jpeg*.cpp) on files built byte by byte
// (tests/image_handmade.hpp): exact pixels where they can be computed by hand, the vectorised paths against
// the plain ones, the same coefficients through every kind of scan, and the exact text of each error.
// The comparison with Pillow is in tests/test_image_pillow.cpp.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "io/image.hpp"
#include "io/jpeg_format.hpp"
#include "io/jpeg_idct.hpp"
#include "tests/image_handmade.hpp"

using namespace image_handmade;
using dnn::io::decode_image;
using dnn::io::ImageFile;

namespace {

ImageFile decode(const Bytes& b, const std::string& name = "test.jpg") { return decode_image(b.data(), b.size(), name); }

std::string error_of(const Bytes& b, const std::string& name = "test.jpg") {
    try {
        decode(b, name);
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return "no error";
}

int floor_div(int a, int b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }
int clamp255(int v) { return v < 0 ? 0 : v > 255 ? 255 : v; }

// One component of blocks that each hold only a DC term.
JpegComponent dc_blocks(int id, int h, int v, int tq, const std::vector<int>& dcs) {
    JpegComponent c;
    c.id = id;
    c.h = h;
    c.v = v;
    c.tq = tq;
    c.dc_table = c.ac_table = tq == 0 ? 0 : 1;
    for (int d : dcs) {
        Block b{};
        b[0] = std::int16_t(d);
        c.blocks.push_back(b);
    }
    return c;
}

// The flat sample a block holding only the DC term d (dequantised: d * q) decodes to: the exact inverse DCT
// is d q / 8, rounded half up, centred on 128.
int flat_sample(int d, int q) { return clamp255(128 + floor_div(d * q + 4, 8)); }

// libjpeg's YCbCr to RGB, with its constants made here from the decimal values of T.871 / JFIF.
void ycc(int y, int cb, int cr, int rgb[3]) {
    auto fix = [](double c) { return int(c * 65536 + 0.5); };
    const int b = cb - 128, r = cr - 128;
    rgb[0] = clamp255(y + ((fix(1.40200) * r + 32768) >> 16));
    rgb[1] = clamp255(y + ((-fix(0.34414) * b + 32768 - fix(0.71414) * r) >> 16));
    rgb[2] = clamp255(y + ((fix(1.77200) * b + 32768) >> 16));
}

// A picture of random smooth-ish samples, for the equivalence tests.
std::vector<JpegComponent> random_picture(int w, int h, int hs, int vs, unsigned seed) {
    std::mt19937 rng(seed);
    std::vector<JpegComponent> comps;
    for (int i = 0; i < 3; ++i) {
        const int ch = i == 0 ? hs : 1, cv = i == 0 ? vs : 1;
        const int phase = int(rng() % 50);
        comps.push_back(component(i + 1, ch, cv, i == 0 ? 0 : 1, w, h, hs, vs, [&](int x, int y) {
            return int(128 + 60 * std::sin((x + phase) / 3.0) * std::cos(y / 4.0) + int(rng() % 41) - 20);
        }));
    }
    return comps;
}

}  // namespace

namespace {

// A valid 64x64 gray baseline file with real entropy-coded data.
Bytes gray64() {
    JpegSpec spec;
    spec.width = spec.height = 64;
    spec.quant = {flat_quant(1, 1)};
    std::mt19937 rng(3);
    spec.components = {component(1, 1, 1, 0, 64, 64, 1, 1, [&](int x, int y) { return (x * 3 + y * 5 + int(rng() % 64)) & 255; })};
    return encode_jpeg(spec);
}

std::size_t find(const Bytes& b, std::uint8_t m1, std::uint8_t m2) {
    for (std::size_t i = 0; i + 1 < b.size(); ++i)
        if (b[i] == m1 && b[i + 1] == m2) return i;
    return b.size();
}

}  // namespace

TEST_CASE("jpeg: a gray block holding one DC term decodes to d * q / 8 rounded, centred on 128") {
    for (int q : {1, 2, 3, 7, 16, 99, 255}) {
        for (int d = -130; d <= 130; d += 7) {
            JpegSpec spec;
            spec.components = {dc_blocks(1, 1, 1, 0, {d})};
            spec.quant = {flat_quant(q, 1)};
            const ImageFile f = decode(encode_jpeg(spec));
            REQUIRE(f.image.width == 8);
            REQUIRE(f.image.height == 8);
            CHECK(f.mode == "L");
            CHECK(f.format == "JPEG");
            const int want = flat_sample(d, q);
            for (std::size_t i = 0; i < f.image.rgb.size(); ++i) {
                INFO("q=" << q << " d=" << d << " byte " << i);
                REQUIRE(int(f.image.rgb[i]) == want);
            }
        }
    }
}

TEST_CASE("jpeg: islow IDCT, the vector path gives the plain path's bytes for every kind of block") {
    std::mt19937 rng(7);
    int blocks = 0;
    for (int kind = 0; kind < 6; ++kind) {
        for (int n = 0; n < 4000; ++n, ++blocks) {
            std::int16_t coef[64] = {};
            std::uint16_t quant[64];
            for (int i = 0; i < 64; ++i) {
                switch (kind) {
                    case 0: coef[i] = std::int16_t(int(rng() % 61) - 30); quant[i] = std::uint16_t(1 + rng() % 32); break;
                    case 1: coef[i] = std::int16_t(int(rng() % 2049) - 1024); quant[i] = 1; break;
                    case 2:  // sparse: a few terms, as real blocks are
                        coef[i] = rng() % 8 == 0 ? std::int16_t(int(rng() % 201) - 100) : 0;
                        quant[i] = std::uint16_t(1 + rng() % 100);
                        break;
                    case 3: coef[i] = std::int16_t(rng()); quant[i] = std::uint16_t(rng()); break;  // far beyond real
                    case 4: coef[i] = i == 0 ? std::int16_t(rng()) : 0; quant[i] = std::uint16_t(rng()); break;  // DC only
                    default:  // one row or column of terms only (the plain path's shortcuts)
                        coef[i] = (n % 2 ? i / 8 == 0 : i % 8 == 0) ? std::int16_t(int(rng() % 401) - 200) : 0;
                        quant[i] = std::uint16_t(1 + rng() % 50);
                        break;
                }
            }
            std::uint8_t fast[8 * 10], plain[8 * 10];  // stride 10: rows are not contiguous
            dnn::io::jpeg::idct_islow(coef, quant, fast, 10);
            dnn::io::jpeg::idct_islow_scalar(coef, quant, plain, 10);
            for (int r = 0; r < 8; ++r)
                for (int c = 0; c < 8; ++c) {
                    INFO("kind " << kind << " block " << n << " row " << r << " col " << c);
                    REQUIRE(int(fast[r * 10 + c]) == int(plain[r * 10 + c]));
                }
        }
    }
    MESSAGE("islow IDCT: " << blocks << " blocks, vector path == plain path");
}

TEST_CASE("jpeg: islow IDCT stays within 1 of the exact inverse DCT on real-looking blocks") {
    std::mt19937 rng(11);
    for (int n = 0; n < 2000; ++n) {
        double px[8][8];
        for (auto& row : px)
            for (double& v : row) v = double(rng() % 256) - 128;
        std::int16_t coef[64];
        std::uint16_t quant[64];
        const int q = 1 + n % 4;
        for (int v = 0; v < 8; ++v)
            for (int u = 0; u < 8; ++u) {
                double sum = 0;
                for (int y = 0; y < 8; ++y)
                    for (int x = 0; x < 8; ++x)
                        sum += px[y][x] * std::cos((2 * x + 1) * u * M_PI / 16) * std::cos((2 * y + 1) * v * M_PI / 16);
                const double f = 0.25 * (u ? 1 : M_SQRT1_2) * (v ? 1 : M_SQRT1_2) * sum;
                coef[v * 8 + u] = std::int16_t(std::lround(f / q));
                quant[v * 8 + u] = std::uint16_t(q);
            }
        std::uint8_t out[64];
        dnn::io::jpeg::idct_islow(coef, quant, out, 8);
        for (int y = 0; y < 8; ++y)
            for (int x = 0; x < 8; ++x) {
                double sum = 0;
                for (int v = 0; v < 8; ++v)
                    for (int u = 0; u < 8; ++u)
                        sum += (u ? 1 : M_SQRT1_2) * (v ? 1 : M_SQRT1_2) * coef[v * 8 + u] * q *
                               std::cos((2 * x + 1) * u * M_PI / 16) * std::cos((2 * y + 1) * v * M_PI / 16);
                const int exact = clamp255(int(std::lround(0.25 * sum)) + 128);
                INFO("block " << n << " (" << x << ", " << y << ")");
                REQUIRE(std::abs(int(out[y * 8 + x]) - exact) <= 1);
            }
    }
}

TEST_CASE("jpeg: YCbCr to RGB, the vector path and the plain one follow libjpeg's formulas for every triple") {
    std::vector<std::uint8_t> y(256), cb(256), cr(256), fast(768), plain(768);
    for (int i = 0; i < 256; ++i) y[i] = std::uint8_t(i);
    long checked = 0;
    for (int b = 0; b < 256; ++b)
        for (int r = 0; r < 256; ++r) {
            std::fill(cb.begin(), cb.end(), std::uint8_t(b));
            std::fill(cr.begin(), cr.end(), std::uint8_t(r));
            dnn::io::jpeg::ycc_to_rgb(y.data(), cb.data(), cr.data(), 256, fast.data());
            dnn::io::jpeg::ycc_to_rgb_scalar(y.data(), cb.data(), cr.data(), 256, plain.data());
            for (int i = 0; i < 256; ++i) {
                int want[3];
                ycc(i, b, r, want);
                for (int c = 0; c < 3; ++c) {
                    if (fast[3 * i + c] != want[c] || plain[3 * i + c] != want[c]) {
                        FAIL("Y " << i << " Cb " << b << " Cr " << r << " channel " << c << ": vector "
                                  << int(fast[3 * i + c]) << ", plain " << int(plain[3 * i + c]) << ", want " << want[c]);
                    }
                }
                ++checked;
            }
        }
    CHECK(checked == 256L * 256 * 256);
    // A length that is not a multiple of 8 goes through the plain tail.
    dnn::io::jpeg::ycc_to_rgb(y.data(), cb.data(), cr.data(), 13, fast.data());
    dnn::io::jpeg::ycc_to_rgb_scalar(y.data(), cb.data(), cr.data(), 13, plain.data());
    CHECK(std::equal(fast.begin(), fast.begin() + 39, plain.begin()));
}

TEST_CASE("jpeg: fancy upsampling, the vector paths give the plain paths' bytes for every row length") {
    std::mt19937 rng(23);
    int rows = 0;
    for (int n = 3; n <= 80; ++n)
        for (int trial = 0; trial < 20; ++trial, ++rows) {
            std::vector<std::uint8_t> a(n), b(n), fast(2 * n + 2, 0), plain(2 * n + 2, 0);
            for (int i = 0; i < n; ++i) {
                a[i] = std::uint8_t(trial % 3 == 0 ? 255 : rng());  // rows of 255: the largest sums
                b[i] = std::uint8_t(trial % 3 == 0 ? 255 : rng());
            }
            std::vector<std::int16_t> s1(n + 1), s2(n + 1);
            dnn::io::jpeg::upsample_h2v1(a.data(), n, fast.data());
            dnn::io::jpeg::upsample_h2v1_scalar(a.data(), n, plain.data());
            INFO("n " << n << " trial " << trial);
            REQUIRE(fast == plain);
            dnn::io::jpeg::upsample_h2v2(a.data(), b.data(), n, s1.data(), fast.data());
            dnn::io::jpeg::upsample_h2v2_scalar(a.data(), b.data(), n, s2.data(), plain.data());
            REQUIRE(fast == plain);
        }
    MESSAGE("fancy upsampling: " << rows << " rows, vector paths == plain paths");
}

TEST_CASE("jpeg: flat colour blocks in 4:4:4, 4:2:2, 4:2:0 and 4:4:0 give the YCbCr formula's pixels") {
    struct Sampling { int h, v; const char* name; };
    for (const Sampling s : {Sampling{1, 1, "4:4:4"}, Sampling{2, 1, "4:2:2"}, Sampling{2, 2, "4:2:0"}, Sampling{1, 2, "4:4:0"}}) {
        INFO(s.name);
        // One MCU: luma s.h x s.v blocks with their own DC terms, one flat block per chroma component.
        std::vector<int> luma_dc;
        for (int i = 0; i < s.h * s.v; ++i) luma_dc.push_back(-40 + 30 * i);
        JpegSpec spec;
        spec.width = 8 * s.h;
        spec.height = 8 * s.v;
        spec.quant = {flat_quant(4, 1), flat_quant(3, 1)};
        spec.components = {dc_blocks(1, s.h, s.v, 0, luma_dc), dc_blocks(2, 1, 1, 1, {-25}), dc_blocks(3, 1, 1, 1, {33})};
        const ImageFile f = decode(encode_jpeg(spec));
        CHECK(f.mode == "RGB");
        const int cb = flat_sample(-25, 3), cr = flat_sample(33, 3);
        for (int y = 0; y < spec.height; ++y)
            for (int x = 0; x < spec.width; ++x) {
                const int block = (y / 8) * s.h + x / 8;
                int want[3];
                ycc(flat_sample(luma_dc[block], 4), cb, cr, want);
                for (int c = 0; c < 3; ++c)
                    REQUIRE(int(f.image.rgb[(std::size_t(y) * spec.width + x) * 3 + c]) == want[c]);
            }
    }
}

TEST_CASE("jpeg: fancy upsampling interpolates chroma 3:1 with libjpeg's rounding, edges included") {
    // Luma flat 128; Cb and Cr made of 8x8 blocks of different flat values, so the chroma samples are known
    // exactly; the expected pixels apply the upsampling formulas to them (libjpeg's "fancy" triangle filter, as
    // io/jpeg_color.cpp describes it, written out again here).
    struct Case { int h, v, blocks_x, blocks_y; };
    for (const Case k : {Case{2, 1, 3, 1}, Case{2, 2, 2, 2}, Case{1, 2, 1, 3}}) {
        INFO("h" << k.h << "v" << k.v);
        const int cw = 8 * k.blocks_x, chh = 8 * k.blocks_y;  // chroma samples
        const int w = cw * 2 / (3 - k.h), h = chh * 2 / (3 - k.v);
        std::vector<int> cb_dc, cr_dc;
        for (int i = 0; i < k.blocks_x * k.blocks_y; ++i) {
            cb_dc.push_back(-60 + 37 * i);
            cr_dc.push_back(50 - 29 * i);
        }
        std::vector<int> luma_dc(std::size_t(w / 8) * (h / 8), 0);
        // Luma blocks in MCU order: the writer takes blocks row-major over the padded grid.
        JpegSpec spec;
        spec.width = w;
        spec.height = h;
        spec.quant = {flat_quant(1, 1), flat_quant(2, 1)};
        spec.components = {dc_blocks(1, k.h, k.v, 0, luma_dc), dc_blocks(2, 1, 1, 1, cb_dc), dc_blocks(3, 1, 1, 1, cr_dc)};
        const ImageFile f = decode(encode_jpeg(spec));
        auto chroma = [&](const std::vector<int>& dc, int x, int y) {
            return flat_sample(dc[std::size_t(y / 8) * k.blocks_x + x / 8], 2);
        };
        // Upsampled chroma at full-size (x, y): 3/4 of the nearer sample and 1/4 of the farther, libjpeg's rounding.
        auto up = [&](const std::vector<int>& dc, int x, int y) {
            auto row_h2 = [&](int cy, int out_x, bool h2v2_sums, int far_y) {
                // h2v1 on row cy, or h2v2 column sums of rows cy (nearer) and far_y
                auto col = [&](int i) {
                    i = std::max(0, std::min(i, cw - 1));
                    return h2v2_sums ? 3 * chroma(dc, i, cy) + chroma(dc, i, far_y) : chroma(dc, i, cy);
                };
                const int i = out_x / 2;
                if (!h2v2_sums) {
                    if (out_x == 0) return col(0);
                    if (out_x == 2 * cw - 1) return col(cw - 1);
                    return out_x % 2 == 0 ? (3 * col(i) + col(i - 1) + 1) >> 2 : (3 * col(i) + col(i + 1) + 2) >> 2;
                }
                if (out_x == 0) return (4 * col(0) + 8) >> 4;
                if (out_x == 2 * cw - 1) return (4 * col(cw - 1) + 7) >> 4;
                return out_x % 2 == 0 ? (3 * col(i) + col(i - 1) + 8) >> 4 : (3 * col(i) + col(i + 1) + 7) >> 4;
            };
            const int cy = k.v == 2 ? y / 2 : y;
            const int far_y = y % 2 == 0 ? std::max(cy - 1, 0) : std::min(cy + 1, chh - 1);
            if (k.h == 2 && k.v == 1) return row_h2(cy, x, false, cy);
            if (k.h == 2 && k.v == 2) return row_h2(cy, x, true, far_y);
            return (3 * chroma(dc, x, cy) + chroma(dc, x, far_y) + (y % 2 == 0 ? 1 : 2)) >> 2;  // h1v2
        };
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) {
                int want[3];
                ycc(128, up(cb_dc, x, y), up(cr_dc, x, y), want);
                for (int c = 0; c < 3; ++c) {
                    INFO("(" << x << ", " << y << ") channel " << c);
                    REQUIRE(int(f.image.rgb[(std::size_t(y) * w + x) * 3 + c]) == want[c]);
                }
            }
    }
}

TEST_CASE("jpeg: the same coefficients decode alike through every kind of scan, restarts and missing DHT") {
    // 4:2:0 at an odd size (padding blocks in every direction), and 4:4:4 and 4:2:2.
    struct Case { int w, h, hs, vs; };
    int files = 0;
    for (const Case k : {Case{35, 21, 2, 2}, Case{17, 9, 1, 1}, Case{41, 16, 2, 1}, Case{9, 33, 1, 2}}) {
        JpegSpec base;
        base.width = k.w;
        base.height = k.h;
        base.quant = {flat_quant(8, 12), flat_quant(8, 14)};
        base.components = random_picture(k.w, k.h, k.hs, k.vs, unsigned(k.w * 100 + k.h));
        const ImageFile ref = decode(encode_jpeg(base));
        REQUIRE(ref.image.width == k.w);
        REQUIRE(ref.image.height == k.h);
        REQUIRE(ref.image.rgb.size() == std::size_t(k.w) * k.h * 3);

        std::vector<std::pair<std::string, JpegSpec>> variants;
        auto add = [&](const std::string& name, auto change) {
            JpegSpec s = base;
            change(s);
            variants.emplace_back(name, s);
        };
        add("one scan per component", [](JpegSpec& s) { s.interleaved = false; });
        for (int ri : {1, 2, 5})
            add("restart interval " + std::to_string(ri), [ri](JpegSpec& s) { s.restart_interval = ri; });
        add("restarts, one scan per component", [](JpegSpec& s) { s.restart_interval = 3; s.interleaved = false; });
        add("no DHT (Motion-JPEG)", [](JpegSpec& s) { s.write_dht = false; });
        add("progressive, one band", [](JpegSpec& s) { s.progressive = true; });
        add("progressive, four bands", [](JpegSpec& s) {
            s.progressive = true;
            s.ac_bands = {{1, 2}, {3, 9}, {10, 40}, {41, 63}};
        });
        add("progressive, DC in 3 bits + refinements", [](JpegSpec& s) { s.progressive = true; s.dc_al = 3; });
        add("progressive, end-of-band runs", [](JpegSpec& s) {
            s.progressive = true;
            s.every_symbol_ac = true;
            s.ac_bands = {{1, 5}, {6, 63}};
        });
        add("progressive, end-of-band runs and restarts", [](JpegSpec& s) {
            s.progressive = true;
            s.every_symbol_ac = true;
            s.restart_interval = 2;
            s.dc_al = 1;
        });
        for (const auto& variant : variants) {  // (no structured binding: clang 14 cannot capture one in INFO)
            INFO(k.w << "x" << k.h << " " << k.hs << "x" << k.vs << ": " << variant.first);
            const ImageFile f = decode(encode_jpeg(variant.second));
            CHECK(f.image.rgb == ref.image.rgb);
            ++files;
        }
    }
    MESSAGE("scan equivalence: " << files << " files decoded alike");
}

TEST_CASE("jpeg: one component is gray whatever its sampling factors; Adobe and component ids choose RGB, CMYK, YCCK") {
    // Gray: the sampling factors of a lone component do not matter (its scan codes one block at a time).
    JpegSpec gray;
    gray.width = 16;
    gray.height = 8;
    gray.quant = {flat_quant(8, 1)};
    gray.components = {dc_blocks(1, 1, 1, 0, {10, -10})};
    Bytes g = encode_jpeg(gray);
    const ImageFile g1 = decode(g);
    CHECK(int(g1.image.rgb[0]) == flat_sample(10, 8));
    CHECK(int(g1.image.rgb[8 * 3]) == flat_sample(-10, 8));
    const std::size_t sof = find(g, 0xFF, 0xC0);
    g[sof + 11] = 0x22;  // declare 2x2
    CHECK(decode(g).image.rgb == g1.image.rgb);

    // Three components without JFIF: Adobe transform 0 means RGB, as do the component ids 'R', 'G', 'B'.
    JpegSpec rgb;
    rgb.jfif = false;
    rgb.adobe_transform = 0;
    rgb.quant = {flat_quant(2, 1)};
    rgb.components = {dc_blocks(1, 1, 1, 0, {40}), dc_blocks(2, 1, 1, 0, {-20}), dc_blocks(3, 1, 1, 0, {7})};
    const int r = flat_sample(40, 2), gg = flat_sample(-20, 2), b = flat_sample(7, 2);
    ImageFile f = decode(encode_jpeg(rgb));
    CHECK(f.mode == "RGB");
    CHECK((int(f.image.rgb[0]) == r && int(f.image.rgb[1]) == gg && int(f.image.rgb[2]) == b));
    rgb.adobe_transform = -1;
    rgb.components[0].id = 'R';
    rgb.components[1].id = 'G';
    rgb.components[2].id = 'B';
    f = decode(encode_jpeg(rgb));
    CHECK((int(f.image.rgb[0]) == r && int(f.image.rgb[1]) == gg && int(f.image.rgb[2]) == b));
    // A JFIF marker means YCbCr, whatever an Adobe marker says (libjpeg's rule).
    rgb.jfif = true;
    rgb.adobe_transform = 0;
    f = decode(encode_jpeg(rgb));
    int want[3];
    ycc(r, gg, b, want);
    CHECK((int(f.image.rgb[0]) == want[0] && int(f.image.rgb[1]) == want[1] && int(f.image.rgb[2]) == want[2]));

    // Four components: CMYK (Adobe transform 0, or no Adobe marker) and YCCK (transform 2). Pillow stores
    // Adobe CMYK inverted and converts with nk - C nk / 255 (nk = 255 - K, rounded as its MULDIV255).
    auto muldiv = [](int a, int bb) { const int t = a * bb + 128; return ((t >> 8) + t) >> 8; };
    JpegSpec cmyk;
    cmyk.jfif = false;
    cmyk.adobe_transform = 0;
    cmyk.quant = {flat_quant(2, 1)};
    cmyk.components = {dc_blocks(1, 1, 1, 0, {60}), dc_blocks(2, 1, 1, 0, {-50}), dc_blocks(3, 1, 1, 0, {5}),
                       dc_blocks(4, 1, 1, 0, {-90})};
    const int c = flat_sample(60, 2), m = flat_sample(-50, 2), y = flat_sample(5, 2), k = flat_sample(-90, 2);
    for (int adobe : {0, -1}) {
        cmyk.adobe_transform = adobe;
        f = decode(encode_jpeg(cmyk));
        CHECK(f.mode == "CMYK");
        // libjpeg hands over C, M, Y, K; Pillow stores 255 - each; nk = 255 - (255 - K) = K.
        const int stored[3] = {255 - c, 255 - m, 255 - y};
        for (int ch = 0; ch < 3; ++ch) CHECK(int(f.image.rgb[ch]) == clamp255(k - muldiv(stored[ch], k)));
    }
    cmyk.adobe_transform = 2;
    f = decode(encode_jpeg(cmyk));
    CHECK(f.mode == "CMYK");
    ycc(c, m, y, want);  // YCCK: Y, Cb, Cr give R, G, B (libjpeg's CMY is 255 - RGB, inverted back by Pillow)
    for (int ch = 0; ch < 3; ++ch) CHECK(int(f.image.rgb[ch]) == clamp255(k - muldiv(want[ch], k)));
}

TEST_CASE("jpeg: the EXIF orientation comes from the first APP1 Exif segment, in either byte order") {
    for (bool little : {true, false})
        for (int o = 1; o <= 8; ++o) {
            JpegSpec spec;
            spec.components = {dc_blocks(1, 1, 1, 0, {0})};
            spec.exif = exif_orientation_tiff(o, little);
            const ImageFile f = decode(encode_jpeg(spec));
            CHECK(f.orientation == o);
            CHECK(f.image.width == 8);  // never applied by reading
        }
    JpegSpec spec;
    spec.components = {dc_blocks(1, 1, 1, 0, {0})};
    spec.exif = exif_orientation_tiff(9);  // out of range: ignored
    CHECK(decode(encode_jpeg(spec)).orientation == 1);
    spec.exif = {'I', 'I', 42, 0, 0xFF, 0xFF, 0xFF, 0x7F};  // IFD offset far outside: ignored
    CHECK(decode(encode_jpeg(spec)).orientation == 1);
    spec.exif.clear();
    CHECK(decode(encode_jpeg(spec)).orientation == 1);
}


TEST_CASE("jpeg: a damaged file is an error naming the file, the byte and what is wrong") {
    const Bytes good = gray64();
    REQUIRE(error_of(good) == "no error");
    const std::size_t sof = find(good, 0xFF, 0xC0), sos = find(good, 0xFF, 0xDA), dqt = find(good, 0xFF, 0xDB);
    REQUIRE(sof < good.size());

    // Cut inside the entropy-coded data, and just before EOI.
    Bytes cut(good.begin(), good.begin() + std::ptrdiff_t(sos + (good.size() - sos) / 2));
    CHECK(error_of(cut, "cut.jpg") ==
          "decode_image: 'cut.jpg': byte " + std::to_string(cut.size()) + ": file ends inside entropy-coded data");
    Bytes no_eoi(good.begin(), good.end() - 2);
    CHECK(error_of(no_eoi) == "decode_image: 'test.jpg': byte " + std::to_string(no_eoi.size()) +
                                  ": file ends before the EOI marker (truncated)");
    // Cut inside a marker segment.
    Bytes in_dqt(good.begin(), good.begin() + std::ptrdiff_t(dqt + 20));
    CHECK(error_of(in_dqt) == "decode_image: 'test.jpg': byte " + std::to_string(dqt) +
                                  ": marker segment 0xFFDB of 67 bytes runs past the end of the file");
    // A marker where entropy-coded data should go on.
    Bytes early = good;
    early[sos + 14 + 10] = 0xFF;
    early[sos + 14 + 11] = 0xD9;
    CHECK(error_of(early).find(": entropy-coded data ends at marker 0xFFD9 before the scan's last block") != std::string::npos);

    // Not a JPEG, and empty.
    const Bytes gif = {'G', 'I', 'F', '8', '9', 'a', 1, 0};
    CHECK(error_of(gif, "x.gif") ==
          "decode_image: 'x.gif': byte 0: not a JPEG or PNG file (a GIF file; only JPEG and PNG are supported)");
    CHECK(error_of({}, "empty") ==
          "decode_image: 'empty': byte 0: not a JPEG or PNG file (an empty file; only JPEG and PNG are supported)");
    CHECK(error_of({0xFF, 0xD8, 0xFF, 0xD9}) == "decode_image: 'test.jpg': byte 2: EOI marker before any frame (SOF) marker");

    // Sizes: Pillow's decompression-bomb limit, checked at SOF before anything is allocated for the picture
    // (13 GB here), and sizes that the rest of the file cannot hold.
    Bytes bomb = good;
    bomb[sof + 5] = bomb[sof + 6] = bomb[sof + 7] = bomb[sof + 8] = 0xFF;
    CHECK(error_of(bomb) == "decode_image: 'test.jpg': byte " + std::to_string(sof) +
                                ": 65535 x 65535 = 4294836225 pixels exceeds the limit of 178956970 (Pillow's "
                                "decompression-bomb limit)");
    Bytes big = good;
    big[sof + 5] = big[sof + 7] = 0x0F;  // 4000 x 4000 = 16 million pixels, 250000 blocks
    big[sof + 6] = big[sof + 8] = 0xA0;
    CHECK(error_of(big) == "decode_image: 'test.jpg': byte " + std::to_string(sof) + ": SOF's 4000 x 4000 picture has "
                               "250000 blocks, more than the " + std::to_string(good.size() - sof - 13) +
                               " bytes after it can code");

    // Refused features, each named.
    auto with_sof = [&](int marker, int precision, int height) {
        Bytes b = good;
        b[sof + 1] = std::uint8_t(marker);
        b[sof + 4] = std::uint8_t(precision);
        b[sof + 5] = std::uint8_t(height >> 8);
        b[sof + 6] = std::uint8_t(height);
        return error_of(b);
    };
    const std::string at_sof = "decode_image: 'test.jpg': byte " + std::to_string(sof) + ": ";
    CHECK(with_sof(0xC9, 8, 64) == at_sof + "arithmetic coding (0xFFC9) is not supported");
    CHECK(with_sof(0xCA, 8, 64) == at_sof + "arithmetic coding (0xFFCA) is not supported");
    CHECK(with_sof(0xC3, 8, 64) == at_sof + "lossless JPEG (SOF3) is not supported");
    CHECK(with_sof(0xC5, 8, 64) == at_sof + "hierarchical (differential) JPEG (0xFFC5) is not supported");
    CHECK(with_sof(0xCD, 8, 64) == at_sof + "hierarchical JPEG with arithmetic coding (0xFFCD) is not supported");
    CHECK(with_sof(0xC0, 12, 64) == "decode_image: 'test.jpg': byte " + std::to_string(sof + 4) +
                                        ": 12-bit samples are not supported (8-bit only)");
    CHECK(with_sof(0xC0, 8, 0) == "decode_image: 'test.jpg': byte " + std::to_string(sof + 5) +
                                      ": height 0: a height given later by a DNL marker is not supported");
    Bytes dac = good;
    dac[dqt + 1] = 0xCC;  // the DQT segment relabelled as DAC
    CHECK(error_of(dac) == "decode_image: 'test.jpg': byte " + std::to_string(dqt) +
                               ": arithmetic coding (DAC marker 0xFFCC) is not supported");

    // Tables: a scan whose component's quantisation table was never defined.
    Bytes no_q = good;
    no_q[sof + 12] = 1;  // component 1 uses table 1
    CHECK(error_of(no_q) == "decode_image: 'test.jpg': byte " + std::to_string(sos) +
                                ": quantisation table 1 of component 1 is not defined");
    Bytes bad_dht = good;
    const std::size_t dht = find(good, 0xFF, 0xC4);
    bad_dht[dht + 7] = 6;  // six codes of length 3 after one of length 2: the last would be all ones
    bad_dht[dht + 8] = 0;
    CHECK(error_of(bad_dht) == "decode_image: 'test.jpg': byte " + std::to_string(dht + 4) +
                                   ": DHT table: the codes of length 3 overflow the code space");
}

TEST_CASE("jpeg: a Huffman code that is not in the table, and restart markers out of order") {
    // By hand: an 8x8 gray file whose DC and AC tables each hold one 1-bit code, "0"; the data byte 0x40 is
    // "0" (DC category 0), then "1", which neither table has.
    Bytes f = {0xFF, 0xD8, 0xFF, 0xDB, 0, 67, 0};
    for (int i = 0; i < 64; ++i) f.push_back(1);
    f.insert(f.end(), {0xFF, 0xC0, 0, 11, 8, 0, 8, 0, 8, 1, 1, 0x11, 0});
    f.insert(f.end(), {0xFF, 0xC4, 0, 20, 0x00, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
    f.insert(f.end(), {0xFF, 0xC4, 0, 20, 0x10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x00});
    f.insert(f.end(), {0xFF, 0xDA, 0, 8, 1, 1, 0x00, 0, 63, 0});
    const std::size_t data = f.size();
    f.insert(f.end(), {0x40, 0xFF, 0xD9});
    CHECK(error_of(f) == "decode_image: 'test.jpg': byte " + std::to_string(data) + ": Huffman code not in the DHT table");
    f[data] = 0x3F;  // "0", "0" (EOB), then padding: a valid file of one flat block
    CHECK(error_of(f) == "no error");

    JpegSpec spec;
    spec.width = 32;
    spec.components = {dc_blocks(1, 1, 1, 0, {1, 2, 3, 4})};
    spec.restart_interval = 1;
    Bytes b = encode_jpeg(spec);
    CHECK(error_of(b) == "no error");
    const std::size_t rst1 = find(b, 0xFF, 0xD1);
    REQUIRE(rst1 < b.size());
    b[rst1 + 1] = 0xD3;
    CHECK(error_of(b) == "decode_image: 'test.jpg': byte " + std::to_string(rst1) +
                             ": expected marker RST1 (0xFFD1), found 0xFFD3");
}
