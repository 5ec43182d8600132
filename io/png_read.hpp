// io/png_read.hpp - a PNG decoder (ISO/IEC 15948, the PNG specification), for io/image.cpp.
//
// Every colour type and bit depth (1, 2, 4, 8, 16), palettes (tRNS is read past: alpha is dropped later),
// Adam7 interlacing, the five filters, image data split over any number of IDAT chunks. Every chunk's CRC is
// checked. The zlib stream is undone by io/inflate.hpp. Ancillary chunks other than eXIf are skipped.
// (The PNG *writer* is app/png.hpp.)
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "io/raw_image.hpp"

namespace dnn::io {

// True when the data starts with the 8-byte PNG signature.
bool is_png(const std::uint8_t* data, std::size_t size);

// True when the data looks like a PNG whose signature was damaged (e.g. by a text-mode transfer that changed
// its line ends): "PNG" in bytes 1-3 or an IHDR chunk type soon after. decode_png then says what is wrong.
bool looks_like_damaged_png(const std::uint8_t* data, std::size_t size);

// Decodes size bytes of PNG. The result's mode is Pillow's: "1" (1-bit gray), "L" (2, 4 and 8-bit gray,
// scaled to 0..255), "I" (16-bit gray: the high byte here), "P" (palette, indices and a 256-entry palette),
// "LA" (8-bit gray + alpha), "RGB" (8 or 16-bit), "RGBA" (8 or 16-bit RGBA, and 16-bit gray + alpha, as
// Pillow opens it). 16-bit samples keep their high byte. orientation comes from an eXIf chunk.
// Throws std::runtime_error("<context>: byte N: ...") for a damaged file (see io/raw_image.hpp).
RawImage decode_png(const std::uint8_t* data, std::size_t size, const std::string& context);

}  // namespace dnn::io
