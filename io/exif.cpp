// io/exif.cpp - the EXIF Orientation tag (see io/exif.hpp), from the TIFF 6.0 layout EXIF uses.
#include "io/exif.hpp"

#include <cstring>

namespace dnn::io {

int exif_orientation(const std::uint8_t* data, std::size_t size) {
    if (size >= 6 && std::memcmp(data, "Exif\0\0", 6) == 0) {
        data += 6;
        size -= 6;
    }
    if (size < 8) return 1;
    bool little;
    if (std::memcmp(data, "II*\0", 4) == 0) little = true;
    else if (std::memcmp(data, "MM\0*", 4) == 0) little = false;
    else return 1;

    auto u16 = [&](std::size_t at) -> std::uint32_t {
        return little ? data[at] | (data[at + 1] << 8) : (data[at] << 8) | data[at + 1];
    };
    auto u32 = [&](std::size_t at) -> std::uint32_t {
        return little ? u16(at) | (u16(at + 2) << 16) : (u16(at) << 16) | u16(at + 2);
    };

    const std::size_t ifd = u32(4);
    if (ifd > size - 2) return 1;
    const std::size_t entries = u16(ifd);
    if (entries > (size - ifd - 2) / 12) return 1;  // the entries must lie inside the data
    for (std::size_t i = 0; i < entries; ++i) {
        const std::size_t e = ifd + 2 + 12 * i;
        if (u16(e) != 0x0112) continue;
        const std::uint32_t type = u16(e + 2), count = u32(e + 4);
        if (count < 1) return 1;
        std::uint32_t value;
        if (type == 3) value = u16(e + 8);       // SHORT, stored in the entry's value field
        else if (type == 4) value = u32(e + 8);  // LONG
        else return 1;
        return value >= 1 && value <= 8 ? static_cast<int>(value) : 1;
    }
    return 1;
}

}  // namespace dnn::io
