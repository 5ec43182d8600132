// io/png_read.cpp - the PNG decoder (see io/png_read.hpp), written from the PNG specification (ISO/IEC 15948):
// chunks and CRCs (section 5), IHDR (11.2.2), PLTE (11.2.3), IDAT and the zlib stream (10), filters (9),
// Adam7 (8.2), sample depth scaling (13.12), eXIf (11.3.6).
#include "io/png_read.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "io/crc32.hpp"
#include "io/exif.hpp"
#include "io/inflate.hpp"

namespace dnn::io {
namespace {

constexpr std::uint8_t kSignature[8] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

std::uint32_t be32(const std::uint8_t* p) {
    return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) | p[3];
}

std::string hex_bytes(const std::uint8_t* p, std::size_t n) {
    std::string s;
    char buf[4];
    for (std::size_t i = 0; i < n; ++i) {
        std::snprintf(buf, sizeof buf, "%02X", p[i]);
        s += (i ? " " : "") + std::string(buf);
    }
    return s;
}

std::string hex32(std::uint32_t v) {
    char buf[12];
    std::snprintf(buf, sizeof buf, "0x%08X", v);
    return buf;
}

// IHDR's fields (section 11.2.2).
struct Header {
    std::uint32_t width = 0, height = 0;
    int bit_depth = 0, colour_type = 0, interlace = 0;

    int samples_per_pixel() const {
        switch (colour_type) {
            case 2: return 3;
            case 4: return 2;
            case 6: return 4;
            default: return 1;  // 0 gray, 3 palette index
        }
    }
    int bits_per_pixel() const { return samples_per_pixel() * bit_depth; }
};

// Which bit depths each colour type allows (table 11.1).
bool allowed_depth(int colour_type, int bit_depth) {
    switch (colour_type) {
        case 0: return bit_depth == 1 || bit_depth == 2 || bit_depth == 4 || bit_depth == 8 || bit_depth == 16;
        case 3: return bit_depth == 1 || bit_depth == 2 || bit_depth == 4 || bit_depth == 8;
        case 2: case 4: case 6: return bit_depth == 8 || bit_depth == 16;
        default: return false;
    }
}

// One pass of the image data: the whole picture, or one of Adam7's seven sub-images (section 8.2).
struct Pass {
    std::uint32_t x0, y0, dx, dy;
};
constexpr Pass kWhole = {0, 0, 1, 1};
constexpr Pass kAdam7[7] = {{0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4},
                            {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2}};

std::uint64_t pass_count(std::uint32_t size, std::uint32_t start, std::uint32_t step) {
    return size > start ? (std::uint64_t(size) - start + step - 1) / step : 0;
}

std::uint64_t row_bytes(std::uint64_t pixels, int bits_per_pixel) { return (pixels * bits_per_pixel + 7) / 8; }

// The bytes of filtered scanlines (a filter byte before each row) that the header's sizes need.
std::uint64_t filtered_size(const Header& h) {
    if (!h.interlace) return h.height * (1 + row_bytes(h.width, h.bits_per_pixel()));
    std::uint64_t total = 0;
    for (const Pass& p : kAdam7) {
        const std::uint64_t cols = pass_count(h.width, p.x0, p.dx), rows = pass_count(h.height, p.y0, p.dy);
        if (cols && rows) total += rows * (1 + row_bytes(cols, h.bits_per_pixel()));
    }
    return total;
}

int paeth(int a, int b, int c) {  // section 9.4: the neighbour nearest to a + b - c, ties to a, then b
    const int p = a + b - c;
    const int pa = p > a ? p - a : a - p, pb = p > b ? p - b : b - p, pc = p > c ? p - c : c - p;
    if (pa <= pb && pa <= pc) return a;
    return pb <= pc ? b : c;
}

// Undoes one row's filter in place. prev is the previous row of the same pass, already unfiltered (zeros for
// the first row); bpp is the distance to the corresponding byte of the pixel on the left (at least 1).
void unfilter(int type, std::uint8_t* row, const std::uint8_t* prev, std::size_t n, std::size_t bpp) {
    switch (type) {
        case 0: break;
        case 1:
            for (std::size_t i = bpp; i < n; ++i) row[i] = std::uint8_t(row[i] + row[i - bpp]);
            break;
        case 2:
            for (std::size_t i = 0; i < n; ++i) row[i] = std::uint8_t(row[i] + prev[i]);
            break;
        case 3:
            for (std::size_t i = 0; i < n; ++i) {
                const int left = i >= bpp ? row[i - bpp] : 0;
                row[i] = std::uint8_t(row[i] + ((left + prev[i]) >> 1));
            }
            break;
        case 4:
            for (std::size_t i = 0; i < n; ++i) {
                const int left = i >= bpp ? row[i - bpp] : 0, upper_left = i >= bpp ? prev[i - bpp] : 0;
                row[i] = std::uint8_t(row[i] + paeth(left, prev[i], upper_left));
            }
            break;
    }
}

// The mode Pillow opens a PNG of this colour type and depth in, and the bytes a pixel takes in RawImage.
void set_mode(const Header& h, RawImage& out) {
    switch (h.colour_type) {
        case 0:
            out.mode = h.bit_depth == 1 ? "1" : h.bit_depth == 16 ? "I" : "L";
            out.channels = 1;
            break;
        case 2: out.mode = "RGB"; out.channels = 3; break;
        case 3: out.mode = "P"; out.channels = 1; break;
        case 4:  // Pillow opens 16-bit gray + alpha as RGBA
            out.mode = h.bit_depth == 8 ? "LA" : "RGBA";
            out.channels = h.bit_depth == 8 ? 2 : 4;
            break;
        default: out.mode = "RGBA"; out.channels = 4; break;
    }
}

// Copies one unfiltered row of a pass into the picture: pixel i goes to column x0 + i * dx of row y.
// Gray of 1, 2 or 4 bits is scaled to 0..255 (section 13.12: v * 255 / (2^depth - 1), exact for these
// depths); palette indices are kept as they are; 16-bit samples keep their high byte.
void place_row(const Header& h, const std::uint8_t* row, std::uint64_t cols, std::uint32_t y, const Pass& p,
               RawImage& out) {
    const int depth = h.bit_depth, spp = h.samples_per_pixel(), ch = out.channels;
    std::uint8_t* line = out.samples.data() + std::size_t(y) * out.width * ch;
    if (depth < 8) {
        const int mask = (1 << depth) - 1;
        const int scale = h.colour_type == 3 ? 1 : 255 / mask;
        for (std::uint64_t i = 0; i < cols; ++i) {
            const std::uint64_t bit = i * depth;
            const int v = (row[bit / 8] >> (8 - depth - bit % 8)) & mask;
            line[(p.x0 + i * p.dx)] = std::uint8_t(v * scale);
        }
        return;
    }
    const int step = depth / 8;  // bytes per sample; the first one is the high byte
    for (std::uint64_t i = 0; i < cols; ++i) {
        const std::uint8_t* s = row + i * spp * step;
        std::uint8_t* d = line + (p.x0 + i * p.dx) * ch;
        if (h.colour_type == 4 && ch == 4) {  // 16-bit gray + alpha as RGBA
            d[0] = d[1] = d[2] = s[0];
            d[3] = s[step];
        } else {
            for (int c = 0; c < spp; ++c) d[c] = s[c * step];
        }
    }
}

}  // namespace

bool is_png(const std::uint8_t* data, std::size_t size) {
    return size >= 8 && std::memcmp(data, kSignature, 8) == 0;
}

bool looks_like_damaged_png(const std::uint8_t* data, std::size_t size) {
    if (size >= 4 && (data[1] & 0xDF) == 'P' && (data[2] & 0xDF) == 'N' && (data[3] & 0xDF) == 'G') return true;
    for (std::size_t at = 10; at + 4 <= size && at <= 16; ++at)
        if (std::memcmp(data + at, "IHDR", 4) == 0) return true;
    return false;
}

RawImage decode_png(const std::uint8_t* data, std::size_t size, const std::string& context) {
    // ---- signature ----------------------------------------------------------------------------------------
    for (std::size_t i = 0; i < 8; ++i) {
        if (i < size && data[i] == kSignature[i]) continue;
        if (i >= size) fail_at(context, i, "file ends inside the 8-byte PNG signature");
        const std::size_t shown = std::min<std::size_t>(size, 8);
        std::string what = "PNG signature damaged: expected " + hex_bytes(kSignature, 8) + ", found " +
                           hex_bytes(data, shown);
        const bool line_end = data[i] == 0x0D || data[i] == 0x0A || kSignature[i] == 0x0D || kSignature[i] == 0x0A;
        if (line_end) what += " (line ends changed by a text-mode transfer?)";
        fail_at(context, i, what);
    }

    // ---- chunks -------------------------------------------------------------------------------------------
    Header h;
    RawImage out;
    std::vector<std::uint8_t> zdata;  // the IDAT chunks' data, joined
    std::size_t first_idat = 0;
    bool have_header = false, have_palette = false, have_idat = false, idat_done = false, have_end = false;
    int palette_entries = 0;
    std::uint8_t palette[256 * 3];
    std::string previous;
    std::size_t at = 8;
    while (!have_end) {
        if (at == size) fail_at(context, at, "file ends before the IEND chunk");
        if (size - at < 12)
            fail_at(context, at, "file ends inside a chunk header (" + std::to_string(size - at) +
                                     " bytes left, 12 needed)");
        const std::uint32_t length = be32(data + at);
        const std::uint8_t* type_bytes = data + at + 4;
        std::string type(reinterpret_cast<const char*>(type_bytes), 4);
        for (int k = 0; k < 4; ++k) {
            const std::uint8_t c = type_bytes[k] & 0xDF;
            if (c < 'A' || c > 'Z')
                fail_at(context, at + 4, "chunk type " + hex_bytes(type_bytes, 4) + " is not four letters");
        }
        if (length > 0x7FFFFFFFu)
            fail_at(context, at, "chunk '" + type + "' length " + std::to_string(length) + " exceeds 2^31 - 1");
        if (size - at - 12 < length)
            fail_at(context, at, "chunk '" + type + "' of " + std::to_string(length) + " bytes runs past the end "
                                 "of the file (" + std::to_string(size - at - 8) + " bytes follow its header, " +
                                 std::to_string(std::uint64_t(length) + 4) + " needed with the CRC)");
        const std::uint8_t* body = data + at + 8;
        const std::uint32_t stored = be32(body + length), actual = crc32(type_bytes, 4 + std::size_t(length));
        if (stored != actual)
            fail_at(context, at + 8 + length, "CRC of chunk '" + type + "' is " + hex32(stored) +
                                                  " but its bytes give " + hex32(actual));
        if (!have_header && type != "IHDR") fail_at(context, at, "the first chunk is '" + type + "', not IHDR");
        if (previous == "IDAT" && type != "IDAT") idat_done = true;  // IDAT chunks must be consecutive

        if (type == "IHDR") {
            if (have_header) fail_at(context, at, "a second IHDR chunk");
            if (length != 13) fail_at(context, at, "IHDR has " + std::to_string(length) + " bytes, not 13");
            h.width = be32(body);
            h.height = be32(body + 4);
            h.bit_depth = body[8];
            h.colour_type = body[9];
            h.interlace = body[12];
            if (h.width == 0 || h.height == 0 || h.width > 0x7FFFFFFFu || h.height > 0x7FFFFFFFu)
                fail_at(context, at + 8, "IHDR size " + std::to_string(h.width) + " x " + std::to_string(h.height) +
                                             " (each side must be 1 to 2^31 - 1)");
            if (h.colour_type != 0 && h.colour_type != 2 && h.colour_type != 3 && h.colour_type != 4 &&
                h.colour_type != 6)
                fail_at(context, at + 17, "IHDR colour type " + std::to_string(h.colour_type) +
                                              " (0, 2, 3, 4 or 6 allowed)");
            if (!allowed_depth(h.colour_type, h.bit_depth))
                fail_at(context, at + 16, "IHDR bit depth " + std::to_string(h.bit_depth) +
                                              " is not allowed with colour type " + std::to_string(h.colour_type));
            if (body[10] != 0)
                fail_at(context, at + 18, "IHDR compression method " + std::to_string(body[10]) + " (only 0)");
            if (body[11] != 0) fail_at(context, at + 19, "IHDR filter method " + std::to_string(body[11]) + " (only 0)");
            if (h.interlace > 1)
                fail_at(context, at + 20, "IHDR interlace method " + std::to_string(h.interlace) + " (0 or 1)");
            check_pixel_limit(context, at + 8, h.width, h.height);
            have_header = true;
        } else if (type == "PLTE") {
            if (have_idat) fail_at(context, at, "PLTE after the image data");
            if (length % 3 != 0 || length == 0 || length > 256 * 3)
                fail_at(context, at, "PLTE has " + std::to_string(length) + " bytes (1 to 256 RGB entries needed)");
            palette_entries = static_cast<int>(length / 3);
            std::memcpy(palette, body, length);
            have_palette = true;
        } else if (type == "IDAT") {
            if (idat_done) fail_at(context, at, "IDAT chunks are not consecutive");
            if (!have_idat) first_idat = at;
            have_idat = true;
            zdata.insert(zdata.end(), body, body + length);
        } else if (type == "IEND") {
            have_end = true;
        } else if (type == "eXIf") {
            out.orientation = exif_orientation(body, length);
        } else if (!(type_bytes[0] & 0x20)) {
            // An unknown critical chunk (upper-case first letter) changes how the image must be read.
            fail_at(context, at, "unknown critical chunk '" + type + "'");
        }
        previous = type;
        at += 12 + std::size_t(length);
    }
    if (!have_idat) fail_at(context, at, "no IDAT chunk: the file has no image data");
    if (h.colour_type == 3 && !have_palette) fail_at(context, first_idat, "palette image without a PLTE chunk");

    // ---- image data ---------------------------------------------------------------------------------------
    // Before inflating: can the compressed bytes hold what the header promises? DEFLATE codes at most 258
    // bytes in 2 bits (a length-258 copy with 1-bit codes), so n bytes expand to at most 1032 * n + 258.
    const std::uint64_t needed = filtered_size(h);
    if (needed > 1032 * std::uint64_t(zdata.size()) + 258)
        fail_at(context, first_idat, "IHDR's " + std::to_string(h.width) + " x " + std::to_string(h.height) +
                                         " picture needs " + std::to_string(needed) + " bytes of image data, more "
                                         "than the " + std::to_string(zdata.size()) + " bytes of IDAT data can hold");
    std::vector<std::uint8_t> raw;
    try {
        raw = inflate_zlib(zdata.data(), zdata.size(), static_cast<std::size_t>(needed));
    } catch (const std::runtime_error& e) {
        fail_at(context, first_idat, std::string("IDAT data (") + e.what() + " of the joined IDAT data)");
    }
    if (raw.size() != needed)
        fail_at(context, first_idat, "IDAT data holds " + std::to_string(raw.size()) + " bytes of image data; "
                                         "IHDR's sizes need " + std::to_string(needed));

    out.width = static_cast<int>(h.width);
    out.height = static_cast<int>(h.height);
    set_mode(h, out);
    out.samples.assign(std::size_t(h.width) * h.height * out.channels, 0);
    if (h.colour_type == 3) {
        // Pillow's palette starts as a gray ramp; PLTE overwrites its first entries.
        out.palette.resize(256 * 3);
        for (int i = 0; i < 256; ++i)
            for (int c = 0; c < 3; ++c) out.palette[i * 3 + c] = std::uint8_t(i);
        std::memcpy(out.palette.data(), palette, std::size_t(palette_entries) * 3);
    }

    const std::size_t bpp = std::max(1, h.bits_per_pixel() / 8);
    std::size_t pos = 0;
    const int passes = h.interlace ? 7 : 1;
    for (int pi = 0; pi < passes; ++pi) {
        const Pass& p = h.interlace ? kAdam7[pi] : kWhole;
        const std::uint64_t cols = pass_count(h.width, p.x0, p.dx), rows = pass_count(h.height, p.y0, p.dy);
        if (cols == 0 || rows == 0) continue;  // an empty pass has no rows, not even filter bytes
        const std::size_t n = static_cast<std::size_t>(row_bytes(cols, h.bits_per_pixel()));
        std::vector<std::uint8_t> zero(n, 0);
        const std::uint8_t* prev = zero.data();
        for (std::uint64_t r = 0; r < rows; ++r) {
            const int type = raw[pos];
            if (type > 4)
                fail_at(context, first_idat, "row " + std::to_string(r) + (h.interlace ? " of Adam7 pass " +
                                             std::to_string(pi + 1) : std::string()) + " has filter type " +
                                             std::to_string(type) + " (0 to 4 allowed; byte " + std::to_string(pos) +
                                             " of the inflated data)");
            std::uint8_t* row = raw.data() + pos + 1;
            unfilter(type, row, prev, n, bpp);
            place_row(h, row, cols, static_cast<std::uint32_t>(p.y0 + r * p.dy), p, out);
            prev = row;
            pos += 1 + n;
        }
    }
    return out;
}

}  // namespace dnn::io
