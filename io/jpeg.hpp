// io/jpeg.hpp - a JPEG decoder (ITU T.81 | ISO/IEC 10918-1), for io/image.cpp.
//
// Baseline and extended sequential Huffman, and progressive Huffman (spectral selection and successive
// approximation), with restart intervals; 8-bit samples; 1, 3 or 4 components with sampling factors 1 or 2;
// JFIF, Adobe APP14 (transforms for YCbCr, RGB, CMYK, YCCK) and Motion-JPEG frames without Huffman tables.
// The pixels are libjpeg-turbo's with its defaults (islow IDCT, fancy upsampling), which is what Pillow
// returns. Arithmetic coding, lossless and hierarchical JPEG, 12-bit samples and DNL markers are refused
// with an error naming the feature. The decoder's parts are listed in io/jpeg_format.hpp.
//
// Progressive files: libjpeg (hence Pillow) applies "block smoothing" while some low-frequency AC terms of a
// component have not been sent by any scan: it estimates them from the neighbouring blocks' DC terms. When
// every scan has been read and each of those terms was sent (every progressive file an encoder writes in
// full), it does nothing, and the pixels are those of the same coefficients decoded as a baseline file,
// which is what we do for every file. So a progressive file that never sends some AC terms (DC scans only,
// say) differs from Pillow's: tests/test_image_pillow.cpp shows one.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "io/raw_image.hpp"

namespace dnn::io {

// True when the data starts like a JPEG file: SOI (0xFF 0xD8) and the 0xFF of another marker.
bool is_jpeg(const std::uint8_t* data, std::size_t size);

// Decodes size bytes of JPEG: mode "L" (1 component), "RGB" (3) or "CMYK" (4, stored inverted as Pillow
// stores it), and the EXIF orientation of the first APP1 Exif segment. Throws std::runtime_error
// ("<context>: byte N: ...") for a damaged or unsupported file (see io/raw_image.hpp).
RawImage decode_jpeg(const std::uint8_t* data, std::size_t size, const std::string& context);

}  // namespace dnn::io
