// io/png.cpp - PNG (ISO/IEC 15948) with a zlib stream (RFC 1950) of stored DEFLATE blocks (RFC 1951 3.2.4).
#include "io/png.hpp"

#include <algorithm>
#include <stdexcept>

#include "io/atomic_write.hpp"
#include "io/crc32.hpp"
#include "io/inflate.hpp"  // adler32

namespace dnn::io {
namespace {

constexpr std::size_t kMaxSide = 0x7FFFFFFF;     // PNG: width and height fit in 31 bits
constexpr std::size_t kMaxStored = 65535;        // a stored block's LEN is 16 bits
constexpr std::size_t kMaxIdat = std::size_t(1) << 20;  // split IDAT so no chunk is huge (any size <= 2^31-1 is legal)

void put32be(std::vector<std::uint8_t>& out, std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<std::uint8_t>(v >> shift));
}

// length, type, data, CRC-32 of type and data
void chunk(std::vector<std::uint8_t>& out, const char type[4], const std::uint8_t* data, std::size_t size) {
    put32be(out, static_cast<std::uint32_t>(size));
    const std::size_t type_at = out.size();
    out.insert(out.end(), type, type + 4);
    out.insert(out.end(), data, data + size);
    put32be(out, io::crc32(out.data() + type_at, 4 + size));
}

}  // namespace

std::vector<std::uint8_t> encode_png(std::size_t width, std::size_t height, const std::vector<std::uint8_t>& rgb) {
    if (width == 0 || height == 0 || width > kMaxSide || height > kMaxSide)
        throw std::invalid_argument("encode_png: image size " + std::to_string(width) + " x " +
                                    std::to_string(height) + " is not allowed in PNG (1 to 2^31 - 1 per side)");
    const std::size_t row = 3 * width;
    if (rgb.size() / row / height != 1 || rgb.size() != row * height)  // the division form cannot overflow
        throw std::invalid_argument("encode_png: rgb has " + std::to_string(rgb.size()) + " bytes, a " +
                                    std::to_string(width) + " x " + std::to_string(height) + " RGB image needs " +
                                    std::to_string(row) + " * " + std::to_string(height));

    // The scanlines: filter type 0 (None) then the row's bytes.
    std::vector<std::uint8_t> raw;
    raw.reserve((row + 1) * height);
    for (std::size_t y = 0; y < height; ++y) {
        raw.push_back(0);
        raw.insert(raw.end(), rgb.begin() + static_cast<std::ptrdiff_t>(y * row),
                   rgb.begin() + static_cast<std::ptrdiff_t>((y + 1) * row));
    }

    // zlib: CMF 0x78 (deflate, 32K window), FLG 0x01 (fastest level, no dictionary; 0x7801 % 31 == 0).
    std::vector<std::uint8_t> z = {0x78, 0x01};
    z.reserve(raw.size() + raw.size() / kMaxStored * 5 + 16);
    std::size_t at = 0;
    do {
        const std::size_t n = std::min(kMaxStored, raw.size() - at);
        const bool last = at + n == raw.size();
        z.push_back(last ? 1 : 0);  // BFINAL, BTYPE 00 (stored); the rest of the byte is padding
        z.push_back(static_cast<std::uint8_t>(n));
        z.push_back(static_cast<std::uint8_t>(n >> 8));
        z.push_back(static_cast<std::uint8_t>(~n));
        z.push_back(static_cast<std::uint8_t>(~n >> 8));
        z.insert(z.end(), raw.begin() + static_cast<std::ptrdiff_t>(at), raw.begin() + static_cast<std::ptrdiff_t>(at + n));
        at += n;
    } while (at < raw.size());
    put32be(z, io::adler32(raw.data(), raw.size()));

    std::vector<std::uint8_t> png = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    png.reserve(z.size() + z.size() / kMaxIdat * 12 + 64);
    std::vector<std::uint8_t> ihdr;
    put32be(ihdr, static_cast<std::uint32_t>(width));
    put32be(ihdr, static_cast<std::uint32_t>(height));
    ihdr.insert(ihdr.end(), {8, 2, 0, 0, 0});  // bit depth 8, colour type 2 (RGB), deflate, filter 0, no interlace
    chunk(png, "IHDR", ihdr.data(), ihdr.size());
    for (std::size_t from = 0; from < z.size(); from += kMaxIdat)
        chunk(png, "IDAT", z.data() + from, std::min(kMaxIdat, z.size() - from));
    chunk(png, "IEND", nullptr, 0);
    return png;
}

void save_png(const std::string& path, std::size_t width, std::size_t height, const std::vector<std::uint8_t>& rgb) {
    io::atomic_write_file(path, encode_png(width, height, rgb));
}

}  // namespace dnn::io
