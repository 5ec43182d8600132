// tests/test_png.cpp - the PNG encoder (app/png) and the captioned image grid with its bitmap font
// (app/image_grid). The PNGs are decoded here by an independent reader that checks every CRC, the zlib
// header, each stored block and the Adler-32, and by Python's zlib when /usr/bin/python3 is available.
#include <doctest/doctest.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <unistd.h>
#include <vector>

#include "app/image_grid.hpp"
#include "io/png.hpp"
#include "tests/needs.hpp"
#include "tests/temp_files.hpp"

using namespace dnn::app;
using namespace dnn::io;
namespace fs = std::filesystem;

namespace {

fs::path temp_dir() { return temp_files::dir("png"); }
using temp_files::read_bytes;

// Independent checksums, straight from the definitions (PNG annex D, RFC 1950 section 9).
std::uint32_t test_crc(const std::uint8_t* p, std::size_t n) {
    std::uint32_t c = 0xFFFFFFFFu;
    for (std::size_t i = 0; i < n; ++i) {
        c ^= p[i];
        for (int k = 0; k < 8; ++k) c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
    }
    return ~c;
}
std::uint32_t test_adler(const std::vector<std::uint8_t>& d) {
    std::uint64_t a = 1, b = 0;
    for (std::uint8_t v : d) {
        a = (a + v) % 65521;
        b = (b + a) % 65521;
    }
    return static_cast<std::uint32_t>((b << 16) | a);
}
std::uint32_t be32(const std::uint8_t* p) {
    return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) | p[3];
}

struct Decoded {
    std::size_t width = 0, height = 0, idat_chunks = 0, stored_blocks = 0;
    std::vector<std::uint8_t> rgb;
};

// Reads exactly the PNG subset the encoder promises; anything else is an error.
Decoded decode_png(const std::vector<std::uint8_t>& png) {
    auto fail = [](const std::string& what) { throw std::runtime_error("test PNG decoder: " + what); };
    const std::uint8_t signature[8] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    if (png.size() < 8 || !std::equal(signature, signature + 8, png.begin())) fail("bad signature");
    Decoded d;
    std::vector<std::uint8_t> z;
    std::size_t at = 8;
    std::vector<std::string> order;
    while (at < png.size()) {
        if (png.size() - at < 12) fail("truncated chunk");
        const std::size_t len = be32(&png[at]);
        if (png.size() - at - 12 < len) fail("chunk runs past the end");
        const std::string type(png.begin() + static_cast<std::ptrdiff_t>(at + 4), png.begin() + static_cast<std::ptrdiff_t>(at + 8));
        if (test_crc(&png[at + 4], 4 + len) != be32(&png[at + 8 + len])) fail("CRC mismatch in " + type);
        const std::uint8_t* data = &png[at + 8];
        order.push_back(type);
        if (type == "IHDR") {
            if (len != 13) fail("IHDR length");
            d.width = be32(data);
            d.height = be32(data + 4);
            if (data[8] != 8 || data[9] != 2 || data[10] != 0 || data[11] != 0 || data[12] != 0) fail("IHDR fields");
        } else if (type == "IDAT") {
            z.insert(z.end(), data, data + len);
            ++d.idat_chunks;
        } else if (type != "IEND") {
            fail("unexpected chunk " + type);
        }
        at += 12 + len;
    }
    if (order.size() < 3 || order.front() != "IHDR" || order.back() != "IEND") fail("chunk order");
    // zlib: header, stored blocks, Adler-32.
    if (z.size() < 2 + 4 || z[0] != 0x78 || z[1] != 0x01 || (z[0] * 256 + z[1]) % 31 != 0) fail("zlib header");
    std::vector<std::uint8_t> raw;
    std::size_t p = 2;
    for (bool final_block = false; !final_block;) {
        if (z.size() - p < 5) fail("truncated block header");
        if ((z[p] & 0x06) != 0) fail("not a stored block");
        final_block = z[p] & 1;
        const std::size_t n = z[p + 1] | (std::size_t(z[p + 2]) << 8);
        const std::size_t nn = z[p + 3] | (std::size_t(z[p + 4]) << 8);
        if ((n ^ 0xFFFF) != nn) fail("LEN/NLEN");
        p += 5;
        if (z.size() - p < n) fail("truncated block");
        raw.insert(raw.end(), z.begin() + static_cast<std::ptrdiff_t>(p), z.begin() + static_cast<std::ptrdiff_t>(p + n));
        p += n;
        ++d.stored_blocks;
    }
    if (z.size() - p != 4 || be32(&z[p]) != test_adler(raw)) fail("Adler-32");
    const std::size_t row = 3 * d.width;
    if (raw.size() != d.height * (row + 1)) fail("scanline bytes");
    for (std::size_t y = 0; y < d.height; ++y) {
        if (raw[y * (row + 1)] != 0) fail("filter type");
        const auto first = raw.begin() + static_cast<std::ptrdiff_t>(y * (row + 1) + 1);
        d.rgb.insert(d.rgb.end(), first, first + static_cast<std::ptrdiff_t>(row));
    }
    return d;
}

std::vector<std::uint8_t> gradient(std::size_t w, std::size_t h) {
    std::vector<std::uint8_t> rgb(w * h * 3);
    for (std::size_t y = 0; y < h; ++y)
        for (std::size_t x = 0; x < w; ++x) {
            std::uint8_t* p = &rgb[3 * (y * w + x)];
            p[0] = static_cast<std::uint8_t>(x * 7 + y);
            p[1] = static_cast<std::uint8_t>(y * 3);
            p[2] = static_cast<std::uint8_t>((x ^ y) * 11);
        }
    return rgb;
}

RgbImage solid(std::size_t w, std::size_t h, std::uint8_t r, std::uint8_t g, std::uint8_t b) {
    RgbImage im{w, h, {}};
    for (std::size_t i = 0; i < w * h; ++i) im.rgb.insert(im.rgb.end(), {r, g, b});
    return im;
}

const std::uint8_t* pixel(const RgbImage& im, std::size_t x, std::size_t y) { return &im.rgb[3 * (y * im.width + x)]; }

}  // namespace

TEST_CASE("png: a small image decodes to the same pixels") {
    const std::vector<std::uint8_t> rgb = {255, 0, 0, 0, 255, 0, 0, 0, 255,  // red green blue
                                           0, 0, 0, 128, 128, 128, 255, 255, 255};
    const std::vector<std::uint8_t> png = encode_png(3, 2, rgb);
    const Decoded d = decode_png(png);
    CHECK(d.width == 3);
    CHECK(d.height == 2);
    CHECK(d.idat_chunks == 1);
    CHECK(d.stored_blocks == 1);
    CHECK(d.rgb == rgb);
    // signature 8 + IHDR 25 + IDAT (12 + zlib 2 + block 5 + 2 * 10 + adler 4) + IEND 12
    CHECK(png.size() == 8 + 25 + 12 + 2 + 5 + 20 + 4 + 12);
}

TEST_CASE("png: a large image spans many stored blocks and several IDAT chunks") {
    const std::size_t w = 700, h = 600;
    const std::vector<std::uint8_t> rgb = gradient(w, h);
    const Decoded d = decode_png(encode_png(w, h, rgb));
    const std::size_t raw = h * (3 * w + 1);
    CHECK(d.stored_blocks == (raw + 65534) / 65535);
    CHECK(d.idat_chunks == 2);  // the zlib stream is just over 1 MiB
    CHECK(d.rgb == rgb);
}

TEST_CASE("png: save_png writes a file that reads back") {
    const fs::path p = temp_dir() / "gradient.png";
    const std::size_t w = 300, h = 250;
    const std::vector<std::uint8_t> rgb = gradient(w, h);
    save_png(p.string(), w, h, rgb);
    CHECK(decode_png(read_bytes(p)).rgb == rgb);
    fs::remove(p);
}

TEST_CASE("png: save_png writes a file Python's zlib accepts" * needs::python()) {
    const fs::path p = temp_dir() / "gradient.png";
    const std::size_t w = 300, h = 250;
    const std::vector<std::uint8_t> rgb = gradient(w, h);
    save_png(p.string(), w, h, rgb);
    const fs::path script = temp_dir() / "png_check.py", out = temp_dir() / "png_check.out";
    std::ofstream(script) << R"(
import sys, struct, zlib
b = open(sys.argv[1], 'rb').read()
assert b[:8] == b'\x89PNG\r\n\x1a\n'
at, idat, w = 8, b'', None
while at < len(b):
    n, t = struct.unpack('>I4s', b[at:at + 8])
    body = b[at + 8:at + 8 + n]
    assert zlib.crc32(t + body) == struct.unpack('>I', b[at + 8 + n:at + 12 + n])[0], t
    if t == b'IHDR': w, h, depth, ctype = struct.unpack('>IIBB', body[:10])
    if t == b'IDAT': idat += body
    at += 12 + n
raw = zlib.decompress(idat)
rows = [raw[y * (3 * w + 1):(y + 1) * (3 * w + 1)] for y in range(h)]
assert len(raw) == h * (3 * w + 1) and all(r[0] == 0 for r in rows)
print(w, h, depth, ctype, sum(sum(r[1:]) for r in rows))
)";
    const std::string cmd = "/usr/bin/python3 '" + script.string() + "' '" + p.string() + "' > '" + out.string() + "' 2>&1";
    CHECK(std::system(cmd.c_str()) == 0);
    std::stringstream text;
    text << std::ifstream(out).rdbuf();
    std::uint64_t sum = 0;
    for (std::uint8_t v : rgb) sum += v;
    CHECK(text.str() == "300 250 8 2 " + std::to_string(sum) + "\n");
    fs::remove(p);
}

TEST_CASE("png: bad arguments throw invalid_argument") {
    CHECK_THROWS_WITH_AS(encode_png(0, 5, {}), "encode_png: image size 0 x 5 is not allowed in PNG (1 to 2^31 - 1 per side)",
                         std::invalid_argument);
    CHECK_THROWS_WITH_AS(encode_png(2, 2, std::vector<std::uint8_t>(11)),
                         "encode_png: rgb has 11 bytes, a 2 x 2 RGB image needs 6 * 2", std::invalid_argument);
    CHECK_THROWS_AS(encode_png(std::size_t(1) << 31, 1, {}), std::invalid_argument);
    // A size whose byte count would overflow is refused, not wrapped around.
    CHECK_THROWS_AS(encode_png(0x7FFFFFFF, 0x7FFFFFFF, std::vector<std::uint8_t>(3)), std::invalid_argument);
}

TEST_CASE("png: the bitmap font has a distinct well-formed glyph for every promised character") {
    const std::string promised =
        "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz .,:;=-+_/()[]'\"!?%#<>*";
    const std::vector<std::string> box = glyph_rows('\x01');
    std::set<std::vector<std::string>> seen;
    for (char c : promised) {
        CAPTURE(c);
        const std::vector<std::string> rows = glyph_rows(c);
        REQUIRE(rows.size() == kGlyphHeight);
        for (const std::string& r : rows) {
            CHECK(r.size() == kGlyphWidth);
            CHECK(r.find_first_not_of(".#") == std::string::npos);
        }
        CHECK(rows != box);
        CHECK(seen.insert(rows).second);  // no two characters share a glyph
        // Only letters with descenders and , ; use the two rows under the baseline.
        const bool descends = std::string("gjpqy,;").find(c) != std::string::npos;
        CHECK((rows[7] + rows[8] != std::string(10, '.')) == descends);
    }
    CHECK(glyph_rows(' ') == std::vector<std::string>(kGlyphHeight, "....."));
    CHECK(box[0] == "#####");
    CHECK(text_width("") == 0);
    CHECK(text_width("ab") == 11);
    CHECK(text_width("ab", 3) == 33);
    CHECK(text_width("\xea\xb3\xa0") == 5);  // one Korean syllable (3 UTF-8 bytes) is one box
}

TEST_CASE("png: draw_text puts exactly the glyph's pixels at the pen position") {
    RgbImage im = solid(20, 12, 255, 255, 255);
    draw_text(im, 2, 1, "g7", 10, 20, 30, 1);
    const std::vector<std::string> g = glyph_rows('g'), seven = glyph_rows('7');
    for (std::size_t y = 0; y < im.height; ++y)
        for (std::size_t x = 0; x < im.width; ++x) {
            bool ink = false;
            if (y >= 1 && y < 1 + kGlyphHeight) {
                if (x >= 2 && x < 2 + kGlyphWidth) ink = g[y - 1][x - 2] == '#';
                if (x >= 8 && x < 8 + kGlyphWidth) ink = seven[y - 1][x - 8] == '#';
            }
            const std::uint8_t* p = pixel(im, x, y);
            CAPTURE(x);
            CAPTURE(y);
            CHECK((ink ? p[0] == 10 && p[1] == 20 && p[2] == 30 : p[0] == 255 && p[1] == 255 && p[2] == 255));
        }
    // Scaled by 2, clipped at the right edge without writing outside the image.
    RgbImage small = solid(7, 4, 0, 0, 0);
    draw_text(small, 3, 0, "H", 255, 255, 255, 2);
    CHECK(pixel(small, 3, 0)[0] == 255);  // H's top-left pixel, 2 x 2
    CHECK(pixel(small, 4, 1)[0] == 255);
    CHECK(pixel(small, 5, 0)[0] == 0);    // H's second column is empty
}

TEST_CASE("png: image grid lays out scaled images with captions under them") {
    std::vector<RgbImage> images;
    std::vector<std::string> captions;
    for (std::uint8_t k = 0; k < 7; ++k) {
        images.push_back(solid(4, 3, static_cast<std::uint8_t>(30 * k), 100, static_cast<std::uint8_t>(200 - k)));
        captions.push_back("I");
    }
    captions[6] = "Prediction: cat \n Class: non-cat";
    ImageGridOptions opt;
    opt.columns = 3;
    opt.scale = 2;
    opt.padding = 5;
    const RgbImage grid = render_image_grid(images, captions, opt);
    // cell: width max(8, text_width("Prediction: cat") = 89), height 6 + 4 + 2 lines * 11 = 32
    const std::size_t cell_w = 89, cell_h = 32;
    CHECK(grid.width == 5 + 3 * (cell_w + 5));
    CHECK(grid.height == 5 + 3 * (cell_h + 5));
    for (std::size_t k = 0; k < 7; ++k) {
        CAPTURE(k);
        const std::size_t cx = 5 + (k % 3) * (cell_w + 5), cy = 5 + (k / 3) * (cell_h + 5);
        const std::size_t x0 = cx + (cell_w - 8) / 2;
        // The 8 x 6 scaled image, and white just outside it.
        for (std::size_t y = 0; y < 6; ++y)
            for (std::size_t x = 0; x < 8; ++x) {
                const std::uint8_t* p = pixel(grid, x0 + x, cy + y);
                CHECK((p[0] == 30 * k && p[1] == 100 && p[2] == 200 - k));
            }
        CHECK(pixel(grid, x0 - 1, cy)[1] == 255);
        CHECK(pixel(grid, x0 + 8, cy + 5)[1] == 255);
        CHECK(pixel(grid, x0, cy + 6)[1] == 255);
        if (k < 6) {  // caption "I", centred under the image, 4 pixels below it
            const std::size_t tx = cx + (cell_w - 5) / 2, ty = cy + 6 + 4;
            const std::vector<std::string> glyph = glyph_rows('I');
            std::size_t ink = 0;
            for (std::size_t y = 0; y < kGlyphHeight; ++y)
                for (std::size_t x = 0; x < kGlyphWidth; ++x) {
                    const bool black = pixel(grid, tx + x, ty + y)[0] == 0;
                    CHECK(black == (glyph[y][x] == '#'));
                    ink += black;
                }
            CHECK(ink == 11);
        }
    }
    // The two-line caption: its first line, trimmed, starts at the left edge of the last cell.
    const std::size_t cx = 5, cy = 5 + 2 * (cell_h + 5) + 6 + 4;
    const std::vector<std::string> P = glyph_rows('P'), C = glyph_rows('C');
    for (std::size_t y = 0; y < 7; ++y)
        for (std::size_t x = 0; x < 5; ++x) {
            CHECK((pixel(grid, cx + x, cy + y)[0] == 0) == (P[y][x] == '#'));
            // Second line "Class: non-cat" (83 px wide) is centred: it starts 3 px in, one line lower.
            CHECK((pixel(grid, cx + 3 + x, cy + 11 + y)[0] == 0) == (C[y][x] == '#'));
        }
}

TEST_CASE("png: the course-sized grid is saved as a valid PNG of the expected size") {
    std::vector<RgbImage> images;
    std::vector<std::string> captions;
    for (std::size_t k = 0; k < 10; ++k) {
        RgbImage im{64, 64, gradient(64, 64)};
        images.push_back(im);
        captions.push_back(std::string("Prediction: ") + (k % 2 ? "cat" : "non-cat") + " \n Class: " +
                           (k % 3 ? "non-cat" : "cat"));
    }
    const fs::path p = temp_dir() / "grid.png";
    save_image_grid_png(p.string(), images, captions);
    const Decoded d = decode_png(read_bytes(p));
    // 5 columns of 128-px cells (the images, scaled x2, are wider than "Prediction: non-cat"), 2 rows of
    // 128 + 4 + 2 * 11 = 154 px, 8 px padding.
    CHECK(d.width == 8 + 5 * (128 + 8));
    CHECK(d.height == 8 + 2 * (154 + 8));
    CHECK(d.rgb == render_image_grid(images, captions).rgb);
    fs::remove(p);
}

TEST_CASE("png: bad grid arguments throw invalid_argument naming the problem") {
    const RgbImage ok = solid(2, 2, 0, 0, 0);
    CHECK_THROWS_WITH_AS(render_image_grid({}, {}), "render_image_grid: no images", std::invalid_argument);
    CHECK_THROWS_WITH_AS(render_image_grid({ok, ok}, {"a"}), "render_image_grid: 2 images but 1 captions",
                         std::invalid_argument);
    RgbImage bad = ok;
    bad.rgb.pop_back();
    CHECK_THROWS_WITH_AS(render_image_grid({ok, bad}, {"a", "b"}),
                         "render_image_grid: image 1 is 2 x 2 with 11 bytes (needs width * height * 3, sides 1 to 16384)",
                         std::invalid_argument);
    ImageGridOptions zero;
    zero.columns = 0;
    CHECK_THROWS_AS(render_image_grid({ok}, {"a"}, zero), std::invalid_argument);
    ImageGridOptions huge;
    huge.columns = 1000;
    huge.scale = 16;
    CHECK_THROWS_AS(render_image_grid(std::vector<RgbImage>(600, solid(64, 64, 1, 2, 3)), std::vector<std::string>(600, ""), huge),
                    std::invalid_argument);
}
