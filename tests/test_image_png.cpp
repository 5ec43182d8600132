// tests/test_image_png.cpp - the PNG decoder (io/png_read.cpp) on files built byte by byte
// (tests/image_handmade.hpp) for every colour type, bit depth, filter and interlacing, the exact text of
// each error, and PngSuite (tests/pngsuite/, by Willem van Schaik): every valid file is read in the mode its
// name gives, every corrupt one is refused with the reason. The comparison with Pillow is in
// tests/test_image_pillow.cpp.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "io/crc32.hpp"
#include "io/image.hpp"
#include "tests/image_handmade.hpp"
#include "tests/temp_files.hpp"

using namespace image_handmade;
using dnn::io::decode_image;
using dnn::io::ImageFile;
namespace fs = std::filesystem;

namespace {

ImageFile decode(const Bytes& b, const std::string& name = "test.png") { return decode_image(b.data(), b.size(), name); }

std::string error_of(const Bytes& b, const std::string& name = "test.png") {
    try {
        decode(b, name);
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return "no error";
}

std::string hex32(std::uint32_t v) {
    char buf[12];
    std::snprintf(buf, sizeof buf, "0x%08X", v);
    return buf;
}

// What Pillow's .convert("RGB") makes of a pixel's samples (16-bit gray: the high byte, see io/image.hpp).
void expected_rgb(const PngSpec& s, std::size_t pixel, std::uint8_t rgb[3]) {
    const int ch = png_channels(s.colour_type);
    const std::uint16_t* v = s.samples.data() + pixel * ch;
    auto eight = [&](unsigned x) {  // a sample scaled to 8 bits
        if (s.bit_depth == 16) return x >> 8;
        if (s.bit_depth == 8 || s.colour_type == 3) return x;
        return x * 255 / ((1u << s.bit_depth) - 1);
    };
    if (s.colour_type == 3) {
        const unsigned i = v[0];
        for (int c = 0; c < 3; ++c)
            rgb[c] = 3 * i + 2 < s.palette.size() ? s.palette[3 * i + c] : std::uint8_t(i);  // beyond PLTE: gray
    } else if (s.colour_type == 2 || s.colour_type == 6) {
        for (int c = 0; c < 3; ++c) rgb[c] = std::uint8_t(eight(v[c]));
    } else {
        rgb[0] = rgb[1] = rgb[2] = std::uint8_t(eight(v[0]));
    }
}

std::string expected_mode(int colour_type, int depth) {
    switch (colour_type) {
        case 0: return depth == 1 ? "1" : depth == 16 ? "I" : "L";
        case 2: return "RGB";
        case 3: return "P";
        case 4: return depth == 8 ? "LA" : "RGBA";
        default: return "RGBA";
    }
}

PngSpec random_png(int w, int h, int colour_type, int depth, unsigned seed) {
    std::mt19937 rng(seed);
    PngSpec s;
    s.width = w;
    s.height = h;
    s.colour_type = colour_type;
    s.bit_depth = depth;
    const int ch = png_channels(colour_type);
    s.samples.resize(std::size_t(w) * h * ch);
    for (auto& v : s.samples) v = std::uint16_t(rng() & ((1u << depth) - 1));
    if (colour_type == 3) {
        // A palette one entry short of the depth's range (when that is below 256), so some indices fall
        // beyond it: Pillow shows those as gray.
        const int entries = std::min(256, (1 << depth) - (depth < 8 ? 1 : 0));
        for (int i = 0; i < 3 * entries; ++i) s.palette.push_back(std::uint8_t(rng()));
    }
    return s;
}

Bytes file(const std::string& suite_name) { return temp_files::read_bytes(fs::path("tests/pngsuite") / suite_name); }

}  // namespace

TEST_CASE("png decoder: every colour type, bit depth, filter and interlacing reads as Pillow's convert('RGB')") {
    const std::map<int, std::vector<int>> depths = {{0, {1, 2, 4, 8, 16}}, {2, {8, 16}}, {3, {1, 2, 4, 8}},
                                                    {4, {8, 16}}, {6, {8, 16}}};
    struct Size { int w, h; };
    int files = 0;
    unsigned seed = 1;
    for (const auto& entry : depths)  // (no structured binding: clang 14 cannot capture one in INFO)
        for (int depth : entry.second)
            for (const Size size : {Size{1, 1}, Size{3, 2}, Size{9, 7}, Size{33, 17}})
                for (bool interlace : {false, true})
                    for (int filter = -1; filter <= 4; ++filter) {
                        const int type = entry.first;
                        PngSpec s = random_png(size.w, size.h, type, depth, seed++);
                        s.interlace = interlace;
                        s.filter = filter;
                        s.idat_size = filter == 2 ? 7 : 0;  // some files split their data over many IDAT chunks
                        if (type == 0 && filter == 3) s.trns = {0, 1};  // tRNS is read past
                        const ImageFile f = decode(encode_png(s));
                        INFO("type " << type << " depth " << depth << " " << size.w << "x" << size.h << " interlace "
                                     << interlace << " filter " << filter);
                        REQUIRE(f.format == "PNG");
                        CHECK(f.mode == expected_mode(type, depth));
                        REQUIRE(f.image.width == size.w);
                        REQUIRE(f.image.height == size.h);
                        for (std::size_t p = 0; p < std::size_t(size.w) * size.h; ++p) {
                            std::uint8_t want[3];
                            expected_rgb(s, p, want);
                            for (int c = 0; c < 3; ++c) {
                                INFO("pixel " << p << " channel " << c);
                                REQUIRE(int(f.image.rgb[p * 3 + c]) == int(want[c]));
                            }
                        }
                        ++files;
                    }
    MESSAGE("PNG colour types x depths x sizes x filters x interlacing: " << files << " hand-built files read exactly");
}

TEST_CASE("png decoder: the EXIF orientation comes from an eXIf chunk") {
    PngSpec s = random_png(4, 3, 2, 8, 5);
    s.exif = exif_orientation_tiff(6, false);
    CHECK(decode(encode_png(s)).orientation == 6);
    s.exif = {'M', 'M', 0, 42};  // too short to hold an IFD: ignored
    CHECK(decode(encode_png(s)).orientation == 1);
}

TEST_CASE("png decoder: a damaged file is an error naming the file, the byte and what is wrong") {
    const PngSpec spec = random_png(5, 3, 0, 8, 9);
    const Bytes good = encode_png(spec);
    REQUIRE(error_of(good) == "no error");
    const std::string at = "decode_image: 'test.png': byte ";
    auto be32 = [](const Bytes& b, std::size_t i) {
        return (std::uint32_t(b[i]) << 24) | (std::uint32_t(b[i + 1]) << 16) | (std::uint32_t(b[i + 2]) << 8) | b[i + 3];
    };

    Bytes crc = good;
    crc[20] ^= 1;  // IHDR's width
    CHECK(error_of(crc) == at + "29: CRC of chunk 'IHDR' is " + hex32(be32(good, 29)) + " but its bytes give " +
                               hex32(dnn::io::crc32(crc.data() + 12, 17)));

    const std::size_t idat = 33;  // right after IHDR
    REQUIRE(std::string(good.begin() + idat + 4, good.begin() + idat + 8) == "IDAT");
    const std::uint32_t idat_len = be32(good, idat);
    Bytes cut(good.begin(), good.begin() + std::ptrdiff_t(idat + 20));
    CHECK(error_of(cut) == at + "33: chunk 'IDAT' of " + std::to_string(idat_len) +
                               " bytes runs past the end of the file (12 bytes follow its header, " +
                               std::to_string(idat_len + 4) + " needed with the CRC)");
    Bytes no_end(good.begin(), good.end() - 12);
    CHECK(error_of(no_end) == at + std::to_string(no_end.size()) + ": file ends before the IEND chunk");
    Bytes half_header(good.begin(), good.end() - 5);
    CHECK(error_of(half_header) == at + std::to_string(good.size() - 12) +
                                       ": file ends inside a chunk header (7 bytes left, 12 needed)");

    // IHDR fields.
    auto with_ihdr = [&](std::size_t offset, std::uint8_t value) {
        Bytes b = good;
        b[offset] = value;
        const std::uint32_t c = dnn::io::crc32(b.data() + 12, 17);
        for (int i = 0; i < 4; ++i) b[29 + i] = std::uint8_t(c >> (24 - 8 * i));
        return error_of(b);
    };
    CHECK(with_ihdr(25, 1) == at + "25: IHDR colour type 1 (0, 2, 3, 4 or 6 allowed)");
    CHECK(with_ihdr(24, 3) == at + "24: IHDR bit depth 3 is not allowed with colour type 0");
    CHECK(with_ihdr(26, 1) == at + "26: IHDR compression method 1 (only 0)");
    CHECK(with_ihdr(27, 1) == at + "27: IHDR filter method 1 (only 0)");
    CHECK(with_ihdr(28, 2) == at + "28: IHDR interlace method 2 (0 or 1)");
    CHECK(with_ihdr(19, 0) == at + "16: IHDR size 0 x 3 (each side must be 1 to 2^31 - 1)");

    // Sizes: Pillow's decompression-bomb limit, checked at IHDR before anything is allocated; sizes the
    // compressed data cannot hold (DEFLATE expands at most 1032 times), checked before inflating.
    PngSpec bomb = spec;
    Bytes b = encode_png(bomb);
    auto set_size = [](Bytes& f, std::uint32_t w, std::uint32_t h) {
        for (int i = 0; i < 4; ++i) {
            f[16 + i] = std::uint8_t(w >> (24 - 8 * i));
            f[20 + i] = std::uint8_t(h >> (24 - 8 * i));
        }
        const std::uint32_t c = dnn::io::crc32(f.data() + 12, 17);
        for (int i = 0; i < 4; ++i) f[29 + i] = std::uint8_t(c >> (24 - 8 * i));
    };
    set_size(b, 20000, 10000);
    CHECK(error_of(b) == at + "16: 20000 x 10000 = 200000000 pixels exceeds the limit of 178956970 (Pillow's "
                              "decompression-bomb limit)");
    set_size(b, 10000, 10000);
    CHECK(error_of(b) == at + "33: IHDR's 10000 x 10000 picture needs 100010000 bytes of image data, more than "
                              "the " + std::to_string(idat_len) + " bytes of IDAT data can hold");
    set_size(b, 0x80000000u, 1);
    CHECK(error_of(b) == at + "16: IHDR size 2147483648 x 1 (each side must be 1 to 2^31 - 1)");

    // Image data that is short, long, or badly filtered.
    PngSpec taller = spec;
    Bytes t = encode_png(taller);
    set_size(t, 5, 4);
    CHECK(error_of(t) == at + "33: IDAT data holds 18 bytes of image data; IHDR's sizes need 24");
    set_size(t, 5, 2);
    CHECK(error_of(t).rfind(at + "33: IDAT data (inflate: output exceeds the expected 12 bytes at byte ", 0) == 0);
    Bytes z = zlib_stored({5, 1, 2, 3, 4, 5});  // one row, filter type 5
    Bytes bad_filter = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    Bytes ihdr;
    put32(ihdr, 5);
    put32(ihdr, 1);
    ihdr.insert(ihdr.end(), {8, 0, 0, 0, 0});
    chunk(bad_filter, "IHDR", ihdr);
    chunk(bad_filter, "IDAT", z);
    chunk(bad_filter, "IEND", {});
    CHECK(error_of(bad_filter) == at + "33: row 0 has filter type 5 (0 to 4 allowed; byte 0 of the inflated data)");
    Bytes corrupt_z = good;
    corrupt_z[idat + 9] = 0x02;  // zlib header: FLG no longer makes CMF * 256 + FLG a multiple of 31
    const std::uint32_t c = dnn::io::crc32(corrupt_z.data() + idat + 4, 4 + idat_len);
    for (int i = 0; i < 4; ++i) corrupt_z[idat + 8 + idat_len + i] = std::uint8_t(c >> (24 - 8 * i));
    CHECK(error_of(corrupt_z) == at + "33: IDAT data (inflate: zlib header check bits are wrong at byte 1 of the joined IDAT data)");

    // Chunk order and kinds.
    Bytes split = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    chunk(split, "IHDR", Bytes(good.begin() + 16, good.begin() + 29));
    const Bytes data(good.begin() + idat + 8, good.begin() + idat + 8 + idat_len);
    chunk(split, "IDAT", Bytes(data.begin(), data.begin() + 5));
    chunk(split, "tEXt", {'a', 0, 'b'});
    chunk(split, "IDAT", Bytes(data.begin() + 5, data.end()));
    chunk(split, "IEND", {});
    CHECK(error_of(split) == at + "65: IDAT chunks are not consecutive");
    Bytes critical = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    chunk(critical, "IHDR", Bytes(good.begin() + 16, good.begin() + 29));
    chunk(critical, "zzZz", {1, 2, 3});  // unknown ancillary: skipped
    chunk(critical, "ABCD", {});          // unknown critical: refused
    CHECK(error_of(critical) == at + "48: unknown critical chunk 'ABCD'");
    Bytes first = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    chunk(first, "gAMA", {0, 0, 0, 1});
    CHECK(error_of(first) == at + "8: the first chunk is 'gAMA', not IHDR");
    PngSpec pal = random_png(2, 2, 3, 8, 4);
    pal.palette.clear();
    CHECK(error_of(encode_png(pal)) == at + "33: palette image without a PLTE chunk");
    Bytes digits = good;
    digits[idat + 4] = '1';
    CHECK(error_of(digits) == at + "37: chunk type 31 44 41 54 is not four letters");
}

TEST_CASE("png decoder: PngSuite, every valid file in the mode its name gives, every corrupt one refused") {
    // The name says it: [bfi...]<colour type><g|c|p|a><depth>, e.g. basn3p04 = colour type 3, depth 4.
    REQUIRE_MESSAGE(fs::is_directory("tests/pngsuite"), "tests/pngsuite is missing (run the tests from the repository root)");
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator("tests/pngsuite"))
        if (e.path().extension() == ".png") names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    int valid = 0, corrupt = 0;
    for (const std::string& name : names) {
        INFO(name);
        const Bytes bytes = file(name);
        if (name[0] == 'x') {
            ++corrupt;
            continue;  // below, one by one
        }
        const ImageFile f = decode(bytes, name);
        const int type = name[4] - '0', depth = std::stoi(name.substr(6, 2));
        CHECK(f.mode == expected_mode(type, depth));
        CHECK(f.image.rgb.size() == std::size_t(f.image.width) * f.image.height * 3);
        ++valid;
    }
    // The corrupt files, each with what is wrong.
    const std::map<std::string, std::string> refused = {
        {"xc1n0g08.png", "byte 25: IHDR colour type 1 (0, 2, 3, 4 or 6 allowed)"},
        {"xc9n2c08.png", "byte 25: IHDR colour type 9 (0, 2, 3, 4 or 6 allowed)"},
        {"xcrn0g04.png", "byte 5: PNG signature damaged: expected 89 50 4E 47 0D 0A 1A 0A, found 89 50 4E 47 0D 0D "
                         "1A 0D (line ends changed by a text-mode transfer?)"},
        {"xcsn0g01.png", "byte 148: CRC of chunk 'IDAT' is 0x4353554D but its bytes give 0xD02F14C9"},
        {"xd0n2c08.png", "byte 24: IHDR bit depth 0 is not allowed with colour type 2"},
        {"xd3n2c08.png", "byte 24: IHDR bit depth 3 is not allowed with colour type 2"},
        {"xd9n2c08.png", "byte 24: IHDR bit depth 99 is not allowed with colour type 2"},
        {"xdtn0g01.png", "byte 61: no IDAT chunk: the file has no image data"},
        {"xhdn0g08.png", "byte 29: CRC of chunk 'IHDR' is 0x4353554D but its bytes give 0x56112528"},
        {"xlfn0g04.png", "byte 4: PNG signature damaged: expected 89 50 4E 47 0D 0A 1A 0A, found 89 50 4E 47 0A 0A "
                         "1A 0A (line ends changed by a text-mode transfer?)"},
        {"xs1n0g01.png", "byte 0: PNG signature damaged: expected 89 50 4E 47 0D 0A 1A 0A, found 09 50 4E 47 0D 0A 1A 0A"},
        {"xs2n0g01.png", "byte 1: PNG signature damaged: expected 89 50 4E 47 0D 0A 1A 0A, found 89 51 4E 47 0D 0A 1A 0A"},
        {"xs4n0g01.png", "byte 3: PNG signature damaged: expected 89 50 4E 47 0D 0A 1A 0A, found 89 50 4E 67 0D 0A 1A 0A"},
        {"xs7n0g01.png", "byte 6: PNG signature damaged: expected 89 50 4E 47 0D 0A 1A 0A, found 89 50 4E 47 0D 0A 20 0A"},
    };
    CHECK(int(refused.size()) == corrupt);
    for (const auto& entry : refused)
        CHECK(error_of(file(entry.first), entry.first) == "decode_image: '" + entry.first + "': " + entry.second);
    CHECK(decode(file("exif2c08.png")).orientation == 1);
    MESSAGE("PngSuite: " << valid << " valid files read, " << corrupt << " corrupt files refused with their reason");
}
