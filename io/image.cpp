// io/image.cpp - reading a picture file (see io/image.hpp): choosing the decoder by the file's first bytes,
// converting each of Pillow's modes to RGB as Pillow's .convert("RGB") does, and the EXIF transpositions.
#include "io/image.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include "io/jpeg.hpp"
#include "io/png_read.hpp"
#include "io/raw_image.hpp"

namespace dnn::io {

void check_pixel_limit(const std::string& context, std::size_t at, std::uint64_t width, std::uint64_t height) {
    if (width * height > kMaxImagePixels)
        fail_at(context, at, std::to_string(width) + " x " + std::to_string(height) + " = " +
                                 std::to_string(width * height) + " pixels exceeds the limit of " +
                                 std::to_string(kMaxImagePixels) + " (Pillow's decompression-bomb limit)");
}

namespace {

// Names the formats we are most likely to be handed instead, for a clearer refusal.
std::string other_format(const std::uint8_t* d, std::size_t n) {
    auto starts = [&](const char* s, std::size_t at = 0) {
        const std::size_t len = std::strlen(s);
        return n >= at + len && std::memcmp(d + at, s, len) == 0;
    };
    if (starts("GIF8")) return "a GIF file";
    if (starts("BM")) return "a BMP file";
    if (starts("RIFF") && starts("WEBP", 8)) return "a WebP file";
    if (starts("II*") || starts("MM\0*")) return "a TIFF file";
    if (starts("ftyp", 4)) return "an HEIF/AVIF or MP4 file";
    if (n == 0) return "an empty file";
    return "";
}

std::string hex_start(const std::uint8_t* d, std::size_t n) {
    std::string s;
    char buf[4];
    for (std::size_t i = 0; i < n && i < 8; ++i) {
        std::snprintf(buf, sizeof buf, "%02X", d[i]);
        s += (i ? " " : "") + std::string(buf);
    }
    return s;
}

// Pillow's CMYK to RGB (Convert.c, cmyk2rgb): with nk = 255 - K, each of R, G, B is nk - C * nk / 255,
// where a * b / 255 is computed as ((t >> 8) + t) >> 8 with t = a * b + 128.
std::uint8_t cmyk_channel(int c, int nk) {
    const int t = c * nk + 128;
    const int v = nk - (((t >> 8) + t) >> 8);
    return static_cast<std::uint8_t>(v < 0 ? 0 : v > 255 ? 255 : v);
}

// .convert("RGB") of each mode a decoder returns (see io/raw_image.hpp).
Image to_rgb(RawImage&& raw) {
    Image img;
    img.width = raw.width;
    img.height = raw.height;
    if (raw.mode == "RGB") {
        img.rgb = std::move(raw.samples);
        return img;
    }
    const std::size_t pixels = std::size_t(raw.width) * raw.height;
    img.rgb.resize(pixels * 3);
    const std::uint8_t* s = raw.samples.data();
    std::uint8_t* d = img.rgb.data();
    const int ch = raw.channels;
    if (raw.mode == "P") {
        for (std::size_t i = 0; i < pixels; ++i)
            for (int c = 0; c < 3; ++c) d[3 * i + c] = raw.palette[3 * std::size_t(s[i]) + c];
    } else if (raw.mode == "CMYK") {
        for (std::size_t i = 0; i < pixels; ++i) {
            const int nk = 255 - s[4 * i + 3];
            for (int c = 0; c < 3; ++c) d[3 * i + c] = cmyk_channel(s[4 * i + c], nk);
        }
    } else if (raw.mode == "RGBA") {  // alpha dropped, not composited
        for (std::size_t i = 0; i < pixels; ++i)
            for (int c = 0; c < 3; ++c) d[3 * i + c] = s[4 * i + c];
    } else {  // "1", "L", "I" (the high byte), "LA": gray copied to R, G and B; alpha dropped
        for (std::size_t i = 0; i < pixels; ++i) d[3 * i] = d[3 * i + 1] = d[3 * i + 2] = s[ch * i];
    }
    return img;
}

ImageFile decode(const std::uint8_t* data, std::size_t size, const std::string& context) {
    RawImage raw;
    ImageFile file;
    if (is_jpeg(data, size)) {
        raw = decode_jpeg(data, size, context);
        file.format = "JPEG";
    } else if (is_png(data, size) || looks_like_damaged_png(data, size)) {
        raw = decode_png(data, size, context);
        file.format = "PNG";
    } else {
        const std::string other = other_format(data, size);
        fail_at(context, 0, "not a JPEG or PNG file (" +
                                (other.empty() ? "it starts with " + hex_start(data, size) : other) +
                                "; only JPEG and PNG are supported)");
    }
    file.mode = raw.mode;
    file.orientation = raw.orientation;
    file.image = to_rgb(std::move(raw));
    return file;
}

}  // namespace

ImageFile open_image(const std::string& path) {
    const std::string context = "read_image: '" + path + "'";
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) throw std::runtime_error(context + ": is a directory");
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) throw std::runtime_error(context + ": cannot open: " + std::strerror(errno));
    std::vector<std::uint8_t> bytes;
    const std::uintmax_t expected = std::filesystem::file_size(path, ec);
    if (!ec) bytes.reserve(static_cast<std::size_t>(expected));
    std::uint8_t buf[1 << 16];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) bytes.insert(bytes.end(), buf, buf + n);
    const bool failed = std::ferror(f);
    std::fclose(f);
    if (failed) throw std::runtime_error(context + ": read error");
    return decode(bytes.data(), bytes.size(), context);
}

Image read_image(const std::string& path) { return open_image(path).image; }

ImageFile decode_image(const std::uint8_t* data, std::size_t size, const std::string& name) {
    return decode(data, size, "decode_image: '" + name + "'");
}

Image exif_transpose(const Image& image, int orientation) {
    const int w = image.width, h = image.height;
    if (w < 0 || h < 0 || image.rgb.size() != std::size_t(w) * std::size_t(h) * 3)
        throw std::invalid_argument("exif_transpose: the image is " + std::to_string(w) + " x " + std::to_string(h) +
                                    " but holds " + std::to_string(image.rgb.size()) + " bytes, not width * height * 3");
    if (orientation < 2 || orientation > 8) return image;
    const bool swap = orientation >= 5;
    Image out;
    out.width = swap ? h : w;
    out.height = swap ? w : h;
    out.rgb.resize(image.rgb.size());
    // For each output pixel (x, y), the source pixel (sx, sy), as Pillow's Image.transpose methods do.
    for (int y = 0; y < out.height; ++y) {
        for (int x = 0; x < out.width; ++x) {
            int sx = x, sy = y;
            switch (orientation) {
                case 2: sx = w - 1 - x; break;                   // FLIP_LEFT_RIGHT
                case 3: sx = w - 1 - x; sy = h - 1 - y; break;   // ROTATE_180
                case 4: sy = h - 1 - y; break;                   // FLIP_TOP_BOTTOM
                case 5: sx = y; sy = x; break;                   // TRANSPOSE
                case 6: sx = y; sy = h - 1 - x; break;           // ROTATE_270 (90 degrees clockwise)
                case 7: sx = w - 1 - y; sy = h - 1 - x; break;   // TRANSVERSE
                case 8: sx = w - 1 - y; sy = x; break;           // ROTATE_90 (counter-clockwise)
            }
            const std::uint8_t* s = image.rgb.data() + (std::size_t(sy) * w + sx) * 3;
            std::uint8_t* d = out.rgb.data() + (std::size_t(y) * out.width + x) * 3;
            d[0] = s[0];
            d[1] = s[1];
            d[2] = s[2];
        }
    }
    return out;
}

std::string mode_description(const std::string& mode) {
    if (mode == "1") return "1-bit black and white";
    if (mode == "L") return "grayscale";
    if (mode == "LA") return "grayscale with alpha";
    if (mode == "I") return "16-bit grayscale";
    if (mode == "P") return "palette";
    if (mode == "RGBA") return "RGB with alpha";
    return mode;  // "RGB", "CMYK"
}

}  // namespace dnn::io
