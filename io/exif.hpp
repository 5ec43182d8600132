// io/exif.hpp - the EXIF Orientation tag, read from the TIFF structure that holds EXIF data.
//
// JPEG files carry EXIF in an APP1 segment that starts "Exif\0\0"; PNG files in an eXIf chunk. Both hold a
// TIFF header ("II*\0" little-endian or "MM\0*" big-endian, then the offset of the first IFD) and IFD0, a
// list of 12-byte entries (tag, type, count, value). Orientation is tag 0x0112, a SHORT from 1 to 8.
#pragma once

#include <cstddef>
#include <cstdint>

namespace dnn::io {

// The Orientation of IFD0 in size bytes of EXIF data (with or without the leading "Exif\0\0"), or 1 when the
// tag is missing, out of 1..8, or the structure is damaged: orientation is a hint, so a broken one is ignored,
// never an error. Reads nothing outside [data, data + size).
int exif_orientation(const std::uint8_t* data, std::size_t size);

}  // namespace dnn::io
