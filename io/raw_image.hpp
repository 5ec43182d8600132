// io/raw_image.hpp - what the JPEG and PNG decoders hand to io/image.cpp, and how they report a bad file.
//
// A decoder returns the picture in the mode Pillow would give it (before .convert("RGB")), one byte per
// sample; io/image.cpp then converts every mode to RGB as Pillow's convert does. Keeping the conversion in one
// place means both decoders stop at "what is in the file" and the Pillow rules live in one file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace dnn::io {

struct RawImage {
    int width = 0, height = 0;
    // Pillow's mode, and how many bytes a pixel takes in samples:
    //   "1" 1 (0 or 255), "L" 1, "I" 1 (the high byte of the 16-bit sample), "P" 1 (the palette index),
    //   "LA" 2, "RGB" 3, "RGBA" 4, "CMYK" 4 (stored inverted, as Pillow stores a JPEG's Adobe CMYK: 255 - v).
    std::string mode;
    int channels = 0;
    std::vector<std::uint8_t> samples;  // width * height * channels, row by row from the top
    std::vector<std::uint8_t> palette;  // mode "P" only: 256 RGB triplets (entries PLTE lacks are gray i, i, i)
    int orientation = 1;                // EXIF Orientation, 1 when absent
};

// Throws std::runtime_error("<context>: byte <at>: <what>"). context names the caller and the file, e.g.
// "read_image: 'cat.jpg'"; at is the offset in the file of the structure or byte found wrong.
[[noreturn]] inline void fail_at(const std::string& context, std::size_t at, const std::string& what) {
    throw std::runtime_error(context + ": byte " + std::to_string(at) + ": " + what);
}

// Refuses a picture of more pixels than Pillow's decompression-bomb limit (kMaxImagePixels in io/image.hpp),
// before anything is allocated for it. at: the offset of the header that declares the size.
void check_pixel_limit(const std::string& context, std::size_t at, std::uint64_t width, std::uint64_t height);

}  // namespace dnn::io
